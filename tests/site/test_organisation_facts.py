"""A fact kept in organisation.yml is one edit: every page, the strip and the leaflets follow."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.i18n import url_prefix
from build_tools.languages import LANGUAGES
from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.sitebuild import build_site

OLD, NEW = "08:00-20:00", "09:30-18:45"


@pytest.fixture(scope="module")
def changed_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture directory with other hotline hours in organisation.yml (and its entry)."""
    work = tmp_path_factory.mktemp("changed-hours")
    data = Path(shutil.copytree(FIXTURE_DIRECTORY, work / "data"))
    register = data / "organisation.yml"
    register.write_text(register.read_text(encoding="utf-8").replace(OLD, NEW), encoding="utf-8")
    build_site(work, data_dir=data)
    return work / "site"


def _pages(site: Path) -> list[Path]:
    return [p for p in site.rglob("*.html") if "directory" not in p.relative_to(site).parts]


def test_the_strip_on_every_page_shows_the_new_hours(changed_site: Path) -> None:
    pages = list(changed_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        text = page.read_text(encoding="utf-8")
        if 'class="helpdir-strip"' not in text:
            continue  # redirect pages of renamed entries
        strip = text[text.index('class="helpdir-strip"') :][:1500]
        assert "09:30–18:45" in strip, page
        assert "08:00" not in strip and "20:00" not in strip, page


def test_no_page_keeps_the_old_hours(changed_site: Path) -> None:
    """The hand-written copies are gone: content pages, the guide, the finder's strings."""
    stale = [
        str(p.relative_to(changed_site))
        for p in _pages(changed_site)
        if re.search(r"08:00|20:00", p.read_text(encoding="utf-8"))
    ]
    assert stale == []
    for lang, hotline in ((lang, url_prefix(lang) + "hotline") for lang in LANGUAGES):
        text = (changed_site / hotline / "index.html").read_text(encoding="utf-8")
        assert "09:30" in text and "18:45" in text, lang
    guide = (changed_site / "en/directory/index.html").read_text(encoding="utf-8")
    assert "Hotline, free, 09:30–18:45" in guide


def test_the_leaflets_and_cards_print_the_new_hours(changed_site: Path) -> None:
    for name in ("ru/national.pdf", "en/minsk-city.pdf", "be/wallet-cards.pdf"):
        text = PdfReader(changed_site / "leaflets" / name).pages[0].extract_text()
        flat = " ".join(text.split())
        assert "09:30–18:45" in flat, name
        assert "08:00–20:00" not in flat, name


def test_the_real_content_writes_the_hours_only_through_the_register() -> None:
    """No page, strings file or guide of the repository writes the hours by hand."""
    files = [*(REPO / "content").rglob("*.md"), *(REPO / "overrides").rglob("strings.yml")]
    files += [REPO / "directory_data" / "guide.yml", REPO / "build_tools/leaflets/strings.yml"]
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert not re.search(r"08[:.]00|20[:.]00|8 801 100 8 801|\+3758011008801", text), file


def test_a_misspelt_key_or_a_missing_register_stops_the_build(tmp_path: Path) -> None:
    content = Path(shutil.copytree(REPO / "content", tmp_path / "content"))
    page = content / "en" / "hotline.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\nOpen {{ org.hotline.hour }}.\n", encoding="utf-8"
    )
    line = page.read_text(encoding="utf-8").count("\n")
    data = Path(shutil.copytree(FIXTURE_DIRECTORY, tmp_path / "data"))
    result = build_site(tmp_path / "a", data_dir=data, content_dir=content, check=False)
    assert result.returncode != 0
    assert f"content/en/hotline.md:{line}:6: `{{{{ org.hotline.hour }}}}` is not one of" in (
        result.stdout + result.stderr
    )
    assert not (tmp_path / "a" / "site").exists()

    (data / "organisation.yml").unlink()
    page.write_text(page.read_text(encoding="utf-8").replace(".hour }}", ".hours }}"))
    result = build_site(tmp_path / "b", data_dir=data, content_dir=content, check=False)
    assert result.returncode != 0
    assert "organisation.yml is missing" in result.stdout + result.stderr
