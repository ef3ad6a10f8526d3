"""The build reports the data's problems in the editor's language: Russian unless
``HELPDIR_LANG`` says otherwise (the commands' catalogue, see build_tools/messages.py)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.paths import FIXTURE_DIRECTORY
from tests.sitebuild import build_site


@pytest.fixture
def broken(tmp_path: Path) -> Path:
    """The fixture directory with one entry in a region that does not exist."""
    data = shutil.copytree(FIXTURE_DIRECTORY, tmp_path / "data")
    file = next((data / "entries" / "brest").glob("*.yml"))
    text = file.read_text(encoding="utf-8")
    region = next(line for line in text.splitlines() if line.startswith("region:"))
    file.write_text(text.replace(region, "region: bresst"), encoding="utf-8")
    return data


@pytest.mark.parametrize(
    ("variable", "said"),
    [
        ("", "в regions.yml нет региона `bresst` — может быть, `brest`?"),
        ("be", "у regions.yml няма рэгіёна `bresst` — можа, `brest`?"),
        ("en", "there is no region `bresst` in regions.yml — did you mean `brest`?"),
    ],
)
def test_the_build_stops_with_the_problem_in_the_editor_s_language(
    tmp_path: Path, broken: Path, variable: str, said: str
) -> None:
    result = build_site(
        tmp_path / "work",
        data_dir=broken,
        leaflets=False,
        env={"HELPDIR_LANG": variable},
        check=False,
    )
    assert result.returncode != 0
    assert said in result.stdout + result.stderr
    assert not (tmp_path / "work" / "site").exists()  # nothing was written


@pytest.mark.parametrize(
    ("lang", "title"),
    [
        ("ru", "Не удалось собрать предпросмотр"),
        ("be", "Не ўдалося сабраць папярэдні прагляд"),
        ("en", "The preview cannot be built"),
    ],
)
def test_the_preview_error_page_speaks_the_editor_s_language(lang: str, title: str) -> None:
    """The page the browser shows while a file is broken says what it is in the same language
    as the problems printed on it."""
    from build_tools.messages import use_language
    from build_tools.preview import error_page

    use_language(lang)
    page = error_page("entries/brest/x.yml:3:1: region: …")
    assert f'<html lang="{lang}">' in page
    assert f"<h1>{title}</h1>" in page
