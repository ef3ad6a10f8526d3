"""Where each entry's facts come from: ``source``, ``source_date`` and ``status: unconfirmed``.

Real help taken from a public page is published before anybody has called it, but it must say
where it comes from and as of when; a confirmed entry says when it was last confirmed.
"""

from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import pytest

from build_tools.data.build import load_directory
from build_tools.pages import directory_pages
from tests.data.helpers import Runner, write
from tests.data.test_bad_input import B, entry

SOURCE = "source: https://example.by/crisis-room"


def problem_lines(out: str, path: Path, field: str) -> list[str]:
    return [line for line in out.splitlines() if str(path) in line and f": {field}: " in line]


@pytest.mark.parametrize(
    ("lines", "field", "says", "code"),
    [
        (
            ("status: unconfirmed", "verified: ", "source: ", "source_date: "),
            "source",
            "must say where its facts come from",
            1,
        ),
        (
            ("status: unconfirmed", SOURCE, "source_date: 2026-10-01"),
            "verified",
            "an unconfirmed entry cannot have a `verified` date",
            1,
        ),
        ((SOURCE, "source_date: 2026-10-01", "verified: "), "verified", "`verified` is missing", 1),
        ((SOURCE, "source_date: "), "source", "the source has no date", 1),
        (("source: ", "source_date: 2026-10-01"), "source_date", "a date without a source", 1),
        ((SOURCE, "source_date: 2099-01-01"), "source_date", "is in the future", 1),
        (("source: ", "source_date: "), "source", "must say where its facts come from", 0),
    ],
    ids=[
        "unconfirmed-without-source",
        "unconfirmed-with-verified",
        "active-without-verified",
        "source-without-date",
        "date-without-source",
        "date-in-future",
        "regional-without-source-warns",
    ],
)
def test_source_rules_name_file_line_and_field(
    lines: tuple[str, ...], field: str, says: str, code: int, data_dir: Path, run_cli: Runner
) -> None:
    # A line written as "key: " (nothing after it) removes that key from the entry.
    text = entry("t", *lines)
    text = re.sub(r"^[a-z_]+: \n", "", text, flags=re.M)
    path = write(data_dir, B + "t.yml", text)
    exit_code, out = run_cli("validate", str(data_dir))
    assert exit_code == code, out
    found = problem_lines(out, path, field)
    assert found and any(says in line for line in found), out
    assert all(re.search(re.escape(str(path)) + r":\d+:\d+: ", line) for line in found)


def unconfirmed_directory(data_dir: Path):  # noqa: ANN201 - the model's Directory
    """The fixture directory with one unconfirmed entry ``t`` from a source of 14 Sept."""
    text = entry("t", "status: unconfirmed", SOURCE, "source_date: 2026-09-14", "verified: ")
    write(data_dir, B + "t.yml", re.sub(r"^verified: \n", "", text, flags=re.M))
    return load_directory(data_dir)


def test_an_unconfirmed_entry_loads_with_its_source(data_dir: Path) -> None:
    directory = unconfirmed_directory(data_dir)
    found = directory.entry("t")
    assert found.is_unconfirmed and found.verified is None
    assert found.source == "https://example.by/crisis-room"
    assert found.as_of == _dt.date(2026, 9, 14)


def test_the_entry_page_says_it_is_not_yet_confirmed_in_every_language(data_dir: Path) -> None:
    directory = unconfirmed_directory(data_dir)
    expected = {
        "ru": ("Не подтверждено по телефону", "Позвоните, прежде чем идти", "14 сентября 2026"),
        "be": ("Не пацверджана па тэлефоне", "Патэлефануйце, перш чым ісці", "14 верасня 2026"),
        "en": ("Not yet confirmed by phone", "Call before you go", "September 14, 2026"),
    }
    for lang, phrases in expected.items():
        pages = directory_pages(directory, lang, slots={"finder": ""}, site_url="https://x.by/")
        page = next(p for p in pages if p.src_uri.endswith("directory/t/index.md")).render()
        for phrase in phrases:
            assert phrase in page, (lang, phrase)
        assert 'href="https://example.by/crisis-room"' in page
        assert "helpdir-verified" in page and "Сведения проверены" not in page
