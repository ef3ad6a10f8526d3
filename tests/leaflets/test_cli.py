"""``python -m build_tools leaflet``, as a volunteer runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.cli import main
from tests.leaflets.conftest import SITE_URL
from tests.leaflets.pdfcheck import flat, page_texts, qr_codes
from tests.paths import FIXTURE_DIRECTORY, REPO

BASE = [
    "leaflet",
    "--data-dir",
    str(FIXTURE_DIRECTORY),
    "--site-url",
    SITE_URL,
    "--allow-placeholder-url",
]


def test_a_custom_leaflet_with_chosen_entries(tmp_path: Path, capsys):
    target = tmp_path / "brest-be.pdf"
    code = main(
        [
            *BASE,
            "--region",
            "brest",
            "--lang",
            "be",
            "--entries",
            "pinsk-crisis-room",
            "--out",
            str(target),
        ]
    )
    assert code == 0
    back = flat(page_texts(target)[1])
    assert "Крызісны пакой у Пінску" in back and "Псіхолаг «Прыклад»" not in back
    assert qr_codes(target, 2, tmp_path) == [f"{SITE_URL}be/directory/regions/brest/"]
    # A Belarusian leaflet: the command speaks Belarusian too.
    assert "2 старонкі, 1 месца (яшчэ 2 — на сайце)" in capsys.readouterr().out


def test_the_html_source_for_a_browser(tmp_path: Path):
    target = tmp_path / "vitebsk.html"
    assert main([*BASE, "--region", "vitebsk", "--lang", "en", "--out", str(target)]) == 0
    html = target.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and "<style>" in html and "@page" in html
    assert "Help centre &#34;Example&#34;" in html or "Help centre &quot;Example&quot;" in html


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--region", "atlantis"], "There is no region 'atlantis'"),
        (["--region", "brest", "--entries", "no-such-place"], "No entry with the id no-such-place"),
        ([], "Say which region"),
    ],
)
def test_mistakes_get_a_message_naming_the_fix(args, message, tmp_path: Path, capsys):
    assert main([*BASE, *args, "--out", str(tmp_path / "x.pdf")]) == 1
    err = capsys.readouterr().err
    assert message in err
    assert not (tmp_path / "x.pdf").exists()


def test_all_leaflets_show_progress(tmp_path: Path):
    """A long run reports each file as it is done (a separate process, as a volunteer runs it)."""
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", *BASE, "--all", "--out", str(tmp_path / "all")],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    lines = result.stdout.splitlines()
    assert lines[0].startswith("[1/15] ") and lines[14].startswith("[15/15] ")
    assert len(list((tmp_path / "all").rglob("*.pdf"))) == 15
