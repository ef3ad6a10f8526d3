"""A site built from naughty inputs: the fixture directory plus entries whose texts are the
Big List of Naughty Strings and markdown-it's XSS cases, and a Markdown page holding them all.

Strings go into every kind of free-text field (names in all three languages, summaries, phone
labels, admission notes, a public address), so each reaches pages, finder data, feeds and
leaflets. YAML is written with a YAML library, so what arrives is exactly the string.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from build_tools.data.text_checks import LIMITS, refused_character
from build_tools.languages import LANGUAGES
from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.safety.naughty import blns_strings, xss_inputs
from tests.sitebuild import write_config

REGIONS = ("brest", "minsk-city", "vitebsk")
#: Each entry carries this many naughty strings (one per field below).
PER_ENTRY = 6
PAGE_NAME = "naughty.md"


def naughty_strings() -> list[str]:
    """Every naughty input, in a stable order (the lists' own order)."""
    return blns_strings() + xss_inputs()


def _one_line(text: str, field: str = "name") -> str:
    """Names are single lines; a multi-line input keeps its characters on one line."""
    return _admissible(" ".join(text.splitlines()) or text, field)


def _admissible(text: str, field: str) -> str:
    """The string as the data accepts it: invisible characters (refused by validation, see
    tests/data/test_blns_names.py) taken out, and cut to the field's length limit."""
    kept = "".join(ch for ch in text if refused_character(ch) is None)
    return kept[: LIMITS[field]] or "x"


def naughty_entries(strings: list[str]) -> list[dict]:
    """Entries in the real data format with the strings in their free-text fields."""
    entries = []
    for number, start in enumerate(range(0, len(strings), PER_ENTRY)):
        chunk = strings[start : start + PER_ENTRY]
        chunk += [chunk[0]] * (PER_ENTRY - len(chunk))
        name, summary, label, notes, address, extra = chunk
        region = REGIONS[number % len(REGIONS)]
        entry: dict = {
            "id": f"naughty-{number:03d}",
            "name": {"ru": _one_line(name), "be": _one_line(extra), "en": _one_line(name)},
            "summary": {"ru": _admissible(summary, "summary"), "en": _admissible(extra, "summary")},
            "services": ["crisis-room" if number % 2 else "psychological"],
            "region": region,
            "phones": [
                {"number": "8 017 123-45-67", "label": {"ru": _one_line(label, "phones.label")}}
            ],
            "admission": {
                "referral": ["self"],
                "notes": {"ru": _admissible(notes, "admission.notes")},
            },
            "verified": "2026-10-01",
        }
        if number % 2:
            entry["address_visibility"] = "hidden"
        else:
            entry["address"] = {"ru": _one_line(address, "address")}
        entries.append(entry)
    return entries


def write_data(target: Path, strings: list[str]) -> Path:
    """The fixture directory plus the naughty entries, in ``target``."""
    shutil.copytree(FIXTURE_DIRECTORY, target)
    folder = target / "entries" / "naughty"
    folder.mkdir()
    for entry in naughty_entries(strings):
        text = yaml.safe_dump(entry, allow_unicode=False, sort_keys=False, width=10_000)
        # verified is a date in the data format, not a string
        text = text.replace("verified: '2026-10-01'", "verified: 2026-10-01")
        (folder / f"{entry['id']}.yml").write_text(text, encoding="utf-8")
    return target


def naughty_markdown(strings: list[str]) -> str:
    """One paragraph per string; the XSS cases are Markdown and stay as they are."""
    body = "\n\n".join(strings)
    return (
        "---\ntitle: Naughty strings\ndescription: Test page.\n---\n\n# Naughty strings\n\n" + body
    )


def write_content(target: Path, strings: list[str]) -> Path:
    """The real content plus the naughty page in every language."""
    shutil.copytree(REPO / "content", target)
    for lang in LANGUAGES:
        (target / lang / PAGE_NAME).write_text(naughty_markdown(strings), encoding="utf-8")
    return target


def build_naughty_site(workdir: Path, *, leaflets: bool = True) -> Path:
    """Build it; returns the site folder.

    Links in the naughty page point nowhere (``[x](javascript)``), which strict mode counts
    as warnings; this build reports them at info level instead, everything else as usual.
    """
    strings = naughty_strings()
    data = write_data(workdir / "data", strings)
    content = write_content(workdir / "content", strings)
    config = write_config(workdir, data_dir=data, content_dir=content, leaflets=leaflets)
    text = config.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^(    (?:not_found|anchors|absolute_links|unrecognized_links)): warn$",
                  r"\1: info", text)  # fmt: skip
    config.write_text(text, encoding="utf-8")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    site = workdir / "site"
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-f", str(config), "-d", str(site)],
        capture_output=True,
        text=True,
        cwd=workdir,
    )
    if result.returncode != 0:
        raise AssertionError(f"the naughty build failed:\n{result.stdout}\n{result.stderr}")
    return site
