"""Leaflets whose inputs did not change are copied from the build cache, not laid out again.

A PDF is keyed by everything WeasyPrint is given for it (each HTML variant, the stylesheet,
the designed pages and paper), WeasyPrint's version and the source of the code that lays it
out; the HTML holds every fact printed, the date and the QR code's address, so a changed entry,
string, template or date is a new key. Fonts are the system's: after installing or removing
fonts, `make clean` empties the cache.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from build_tools.build_cache import digest, source_fingerprint

from . import pdf
from .render import stylesheet


class PdfCache:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.used: set[str] = set()

    def key(self, job: pdf.Job) -> str:
        import weasyprint

        code = source_fingerprint(Path(pdf.__file__), Path(__file__))
        sheet = stylesheet(job.stylesheet)
        return digest(code, weasyprint.__version__, sheet, str(job.pages), job.paper, *job.variants)

    def take(self, job: pdf.Job) -> pdf.Made | None:
        """The cached PDF copied to the job's target, or None when there is none."""
        key = self.key(job)
        made_file, pdf_file = self.folder / f"{key}.json", self.folder / f"{key}.pdf"
        try:
            made = json.loads(made_file.read_text(encoding="utf-8"))
            target = Path(job.target)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(pdf_file, target)
            result = pdf.Made(job.target, int(made["variant"]), int(made["pages"]), 0)
        except (OSError, ValueError, KeyError, TypeError):
            return None
        self.used.add(key)
        return pdf.Made(result.target, result.variant, result.pages, target.stat().st_size)

    def keep(self, job: pdf.Job, made: pdf.Made) -> None:
        key = self.key(job)
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(made.target, self.folder / f"{key}.pdf")
            record = {"variant": made.variant, "pages": made.pages}
            (self.folder / f"{key}.json").write_text(json.dumps(record), encoding="utf-8")
        except OSError:
            return
        self.used.add(key)

    def prune(self) -> None:
        """Forget the PDFs this build did not use (an old date, a changed entry)."""
        if not self.folder.is_dir():
            return
        for path in self.folder.iterdir():
            if path.suffix in {".pdf", ".json"} and path.stem not in self.used:
                path.unlink(missing_ok=True)
