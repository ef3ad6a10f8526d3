"""Making a leaflet while a notice about something it prints is in force warns the volunteer."""

from __future__ import annotations

import datetime as _dt
import shutil
from pathlib import Path

from build_tools.cli import main
from build_tools.data.availability import MINSK
from tests.leaflets.conftest import SITE_URL
from tests.paths import FIXTURE_DIRECTORY


def _data(tmp_path: Path, entry: str, start: _dt.datetime, end: _dt.datetime) -> Path:
    data = tmp_path / "directory"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    (data / "notices.yml").write_text(
        f"- entry: {entry}\n  kind: changed-number\n"
        f"  start: {start:%Y-%m-%d %H:%M}\n  end: {end:%Y-%m-%d %H:%M}\n"
        "  text: {ru: Новый номер с 1 декабря}\n",
        encoding="utf-8",
    )
    return data


def _leaflet(data: Path, region: str, out: Path) -> int:
    args = ["leaflet", "--data-dir", str(data), "--site-url", SITE_URL, "--allow-placeholder-url"]
    args += ["--region", region]
    return main([*args, "--lang", "ru", "--out", str(out)])


def test_a_notice_in_force_about_a_listed_place_warns(tmp_path: Path, capsys) -> None:
    now = _dt.datetime.now(MINSK)
    data = _data(
        tmp_path, "pinsk-crisis-room", now - _dt.timedelta(hours=1), now + _dt.timedelta(days=2)
    )
    assert _leaflet(data, "brest", tmp_path / "brest.html") == 0
    err = capsys.readouterr().err
    # --lang ru: the leaflet and the command's messages are Russian.
    assert "предупреждение: объявление (changed-number) про `pinsk-crisis-room` действует" in err
    assert "Новый номер с 1 декабря" in err
    # a leaflet that does not print that place says nothing
    assert _leaflet(data, "vitebsk", tmp_path / "vitebsk.html") == 0
    assert "объявление (" not in capsys.readouterr().err


def test_a_notice_not_yet_in_force_does_not_warn(tmp_path: Path, capsys) -> None:
    now = _dt.datetime.now(MINSK)
    data = _data(
        tmp_path, "pinsk-crisis-room", now + _dt.timedelta(days=1), now + _dt.timedelta(days=2)
    )
    assert _leaflet(data, "brest", tmp_path / "brest.html") == 0
    assert "объявление (" not in capsys.readouterr().err
