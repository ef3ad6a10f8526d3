"""A fourth language added by the documented procedure alone (docs/adding-a-language.md):
its code in mkdocs.yml, its content folder, its words in the strings files. Nothing else is
edited, and the site in that language is complete at its own address."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.sitebuild import build_site

CODE = "uk"
DECLARATION = "        uk: {name: Українська, site_name: Допомога при домашньому насильстві}\n"
PAGES = {
    "index.md": "---\ndescription: Допомога при домашньому насильстві.\n---\n"
    "# Допомога поруч\n\nНаціональна гаряча лінія: {{ org.hotline.link }}.\n",
    "about.md": "---\ndescription: Про організацію.\n---\n# Про нас\n\n{{ org.name }}.\n",
}
#: (strings file, key, the Ukrainian words): a few translated, the rest fall back to Russian.
WORDS = [
    ("build_tools/strings.yml", "daily", "щодня"),
    ("build_tools/pages/strings.yml", "regions", "Регіони"),
    ("overrides/components/quick-exit/strings.yml", "button", "Швидкий вихід"),
]


def _copy_project(to: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__", "node_modules", "test_*.py")
    for folder in ("build_tools", "overrides", "content", "directory_data"):
        shutil.copytree(REPO / folder, to / folder, ignore=ignore)
    shutil.copy(REPO / "mkdocs.yml", to / "mkdocs.yml")
    return to


def _add_language(project: Path) -> None:
    """The procedure, step by step, and nothing more."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    english = next(line for line in text.splitlines(keepends=True) if "en: {name: English" in line)
    config.write_text(text.replace(english, english + DECLARATION), encoding="utf-8")
    for name, page in PAGES.items():
        (project / "content" / CODE).mkdir(exist_ok=True)
        (project / "content" / CODE / name).write_text(page, encoding="utf-8")
    for file, key, words in WORDS:
        path = project / file
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        at = lines.index(f"{key}:\n")
        end = next(i for i in range(at + 1, len(lines)) if not lines[i].startswith(" "))
        lines.insert(end, f"  {CODE}: {words}\n")
        path.write_text("".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = _copy_project(tmp_path_factory.mktemp("four") / "project")
    _add_language(project)
    build_site(
        project.parent / "work",
        data_dir=FIXTURE_DIRECTORY,
        content_dir=project / "content",
        leaflets=False,
        source=project,
    )
    return project


@pytest.fixture(scope="module")
def site(project: Path) -> Path:
    return project.parent / "work" / "site"


def _html(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_its_pages_are_at_its_own_address_in_its_language(site: Path) -> None:
    home = _html(site, "uk")
    assert '<html lang="uk"' in home and "Допомога поруч" in home
    assert "Швидкий вихід" in home  # its own words where written…
    about = _html(site, "uk/about")
    assert "Про нас" in about
    assert "Допомога при домашньому насильстві" in about  # its site name


@pytest.mark.slow
def test_the_directory_is_complete_in_it(site: Path) -> None:
    for path in ("directory", "directory/regions/brest", "directory/services/shelter"):
        assert '<html lang="uk"' in _html(site, f"uk/{path}"), path
    entry = _html(site, "uk/directory/minsk-shelter")
    assert "Регіони" in _html(site, "uk/directory")  # translated page words
    assert "Швидкий вихід" in entry  # its own words…
    assert "Быстрый выход с сайта" in entry  # …and Russian where it has none yet
    entry_ru = _html(site, "directory/minsk-shelter")
    assert entry.count('href="tel:') == entry_ru.count('href="tel:')


@pytest.mark.slow
def test_its_finder_search_and_feeds_exist(site: Path) -> None:
    finder = json.loads((site / "uk/finder/data.json").read_text(encoding="utf-8"))
    russian = json.loads((site / "finder/data.json").read_text(encoding="utf-8"))
    assert finder["e"]["id"] == russian["e"]["id"]
    assert finder["x"]["p"] == ["stemmer-none"]  # no stemmer for it here: words as written
    assert "stemmer-none" in (site / "uk/finder/finder.js").read_text(encoding="utf-8")
    search = json.loads((site / "uk/search/search_index.json").read_text(encoding="utf-8"))
    assert any(doc["location"] == "about/" and "Про нас" in doc["title"] for doc in search["docs"])
    feed = json.loads((site / "data/directory.json").read_text(encoding="utf-8"))
    assert feed["languages"][-1] == CODE
    assert all(entry["urls"][CODE].startswith("https://") for entry in feed["entries"])
    assert all("/uk/directory/" in entry["urls"][CODE] for entry in feed["entries"])
    assert (site / "data/hsds/uk/datapackage.json").is_file()


@pytest.mark.slow
def test_the_switcher_offers_it_and_a_missing_page_leads_to_its_home(site: Path) -> None:
    hotline = _html(site, "hotline")
    assert 'hreflang="uk"' in hotline and 'href="../uk/#untranslated"' in hotline


@pytest.mark.slow
def test_report_lists_the_words_it_still_lacks(project: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(project)}
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "report", str(FIXTURE_DIRECTORY)],
        capture_output=True,
        text=True,
        cwd=project,
        env=env,
        check=True,
    )
    section = result.stdout.split("Interface words missing a translation")[1].split("\n\n")[0]
    assert "Ukrainian (uk):" in section
    assert "build_tools/pages/strings.yml: kinds" in section
    assert "overrides/components/quick-exit/strings.yml: skip" in section
    for file, key, _words in WORDS:
        assert f"{file}: {key}\n" not in section + "\n"
    assert "Belarusian" not in section and "English" not in section


@pytest.mark.slow
@pytest.mark.browser
def test_its_finder_finds_entries_in_the_browser(site: Path, page) -> None:
    from playwright.sync_api import expect

    from tests.serve import serve

    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    with serve(site) as url:
        page.goto(url + "uk/directory/")
        expect(page.locator("#hd-finder-status")).to_have_text("", timeout=15000)
        page.fill("#hd-finder-q", "Брест")
        expect(page.locator("#hd-finder-results .hd-card").first).to_be_visible()
    assert errors == []


@pytest.mark.slow
def test_its_leaflet_is_made_from_the_command_line(project: Path, tmp_path: Path) -> None:
    from tests.leaflets.pdfcheck import page_texts

    out = tmp_path / "brest-uk.pdf"
    subprocess.run(
        [sys.executable, "-m", "build_tools", "leaflet", "--region", "brest", "--lang", CODE]
        + ["--data", str(FIXTURE_DIRECTORY), "--out", str(out), "--allow-placeholder-url"],
        capture_output=True,
        text=True,
        cwd=project,
        env={**os.environ, "PYTHONPATH": str(project)},
        check=True,
    )
    front = " ".join(page_texts(out)[0].split())
    assert "8 801 100-88-01" in front
    assert "Первые шаги" in front  # its words not yet written: the Russian ones
    assert "Брестская область" in front  # the region has no name in it yet: the Russian one
