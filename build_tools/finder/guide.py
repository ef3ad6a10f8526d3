"""The guided path (``directory_data/guide.yml``): read, checked and handed to the template.

Questions and answers are data, so the organisation words them like its chatbot, in three
languages, without touching JavaScript. The build refuses a guide that names a step or a
kind of help that does not exist, with the file, line and field to fix.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.exceptions import PluginError

from build_tools.data.errors import format_problems
from build_tools.data.guide import check_guide
from build_tools.data.model import Directory

DATA_DIR = Path(__file__).resolve().parents[2] / "directory_data"
GUIDE_FILE = DATA_DIR / "guide.yml"


class GuideError(PluginError):
    """The guide cannot be used as written; the message lists every problem."""


def load_guide(directory: Directory, path: Path = GUIDE_FILE) -> dict[str, Any]:
    """The guide as plain data, checked by the data stage (the same checks ``validate`` runs)."""
    doc = check_guide(path, (s.id for s in directory.services))
    errors = [p for p in doc.problems if p.is_error]
    if errors:
        raise GuideError("The guided path cannot be built:\n" + format_problems(errors))
    return doc.data
