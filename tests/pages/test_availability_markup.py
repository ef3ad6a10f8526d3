"""The built-in free-places line (what a page says before, or without, its script)."""

from __future__ import annotations

import datetime as _dt

from build_tools.data.availability import MINSK
from build_tools.data.build import load_directory
from build_tools.status_text import availability_markup
from tests.paths import FIXTURE_DIRECTORY

DIRECTORY = load_directory(FIXTURE_DIRECTORY)
REPORTED = _dt.datetime(2026, 11, 20, 10, 0, tzinfo=MINSK)


def _line(entry_id: str, lang: str, now: _dt.datetime) -> str:
    entry = DIRECTORY.entry(entry_id)
    report = DIRECTORY.reports.get(entry_id)
    return str(availability_markup(entry, report, lang, now=now, max_age_hours=48))


def test_a_fresh_report_is_written_with_its_time_in_each_language() -> None:
    now = REPORTED + _dt.timedelta(hours=5)
    assert "Свободных мест: 2 (на 20 ноября, 10:00)" in _line("brest-crisis-room", "ru", now)
    assert "Вольных месцаў: 2 (на 20 лістапада, 10:00)" in _line("brest-crisis-room", "be", now)
    assert "Places free: 2 (as of 20 November, 10:00)" in _line("brest-crisis-room", "en", now)
    assert "helpdir-availability--full" in _line("minsk-shelter", "en", now)


def test_an_old_report_is_written_as_unknown_but_keeps_its_data_for_the_script() -> None:
    line = _line("brest-crisis-room", "en", REPORTED + _dt.timedelta(hours=49))
    assert "helpdir-availability--unknown" in line and "Free places unknown — call to ask" in line
    assert 'data-reported="2026-11-20T10:00:00+03:00"' in line and 'data-state="free"' in line


def test_call_anyway_is_always_there_and_other_kinds_of_help_get_nothing() -> None:
    now = REPORTED
    for entry_id in ("brest-crisis-room", "minsk-shelter", "pinsk-crisis-room"):
        assert "Call anyway" in _line(entry_id, "en", now)
    assert "helpdir-availability--unknown" in _line("pinsk-crisis-room", "en", now)
    assert _line("national-hotline", "en", now) == ""


def test_the_age_limit_is_a_plugin_option(tmp_path) -> None:
    import re

    from tests.sitebuild import build_site

    build_site(
        tmp_path,
        data_dir=FIXTURE_DIRECTORY,
        leaflets=False,
        extra_plugin_options="      status_max_age_hours: 72\n",
    )
    mkdocs = (tmp_path / "mkdocs.yml").read_text(encoding="utf-8")
    assert mkdocs.count("status_max_age_hours:") == 1, "the option is set by the test alone"
    page = (tmp_path / "site" / "directory" / "brest-crisis-room" / "index.html").read_text()
    assert re.search(r'availability\.js" [^>]*data-max-age-hours="72"', page)
