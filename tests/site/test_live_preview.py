"""`make serve`: the live preview follows every save in every language, and shows a data error.

One ``mkdocs serve`` runs on a copy of a small site in tmp_path (the real content, the fixture
directory, no leaflets) on a free loopback port. After each save the test polls each language's
page over HTTP until the change shows (a generous bound, no timing assertions), then plants a
data error, reads the terminal and the error page, and fixes it.
"""

from __future__ import annotations

import html
import subprocess
import sys
from pathlib import Path

import pytest

from build_tools.i18n import url_prefix
from build_tools.languages import LANGUAGES
from tests.paths import REPO
from tests.site.serving import ENTRY, WAIT_SECONDS, Served
from tests.site.serving import edit as _edit
from tests.site.serving import page_shows as _page


def test_every_save_rebuilds_every_language_and_errors_show(served: Served) -> None:
    for lang, prefix in ((lang, url_prefix(lang)) for lang in LANGUAGES):
        served.wait_for(f"{prefix}hotline/", _page(lang), f"the {lang} hotline page")

    # A Markdown page: the Russian page changes, the other languages stay at their own paths.
    _edit(served.content / "ru/hotline.md", "# Горячая линия", "# Горячая линия сегодня")
    served.wait_for("hotline/", _page("ru", "Горячая линия сегодня"), "the edited heading")
    served.wait_for("be/hotline/", _page("be"), "the Belarusian page after the save")
    served.wait_for("en/hotline/", _page("en"), "the English page after the save")

    # A second save of the same page shows too (the first one is not the only one that works).
    _edit(served.content / "ru/hotline.md", "# Горячая линия сегодня", "# Горячая линия завтра")
    served.wait_for("hotline/", _page("ru", "Горячая линия завтра"), "the second edit")

    # An entry: its page in every language shows the new name.
    entry = served.data / ENTRY
    _edit(entry, "«Пример»", "«Новый пример»")
    _edit(entry, "«Прыклад»", "«Новы прыклад»")
    _edit(entry, 'Crisis room "Example"', 'Crisis room "New example"')
    served.wait_for("directory/brest-crisis-room/", _page("ru", "«Новый пример»"), "ru name")
    served.wait_for("be/directory/brest-crisis-room/", _page("be", "«Новы прыклад»"), "be name")
    served.wait_for(
        "en/directory/brest-crisis-room/",
        _page("en", html.escape('Crisis room "New example"')),
        "en name",
    )

    # regions.yml: the region's page in every language shows the new name.
    regions = served.data / "regions.yml"
    _edit(regions, "ru: Брестская область,", "ru: Брестская область (правка),")
    _edit(regions, "be: Брэсцкая вобласць,", "be: Брэсцкая вобласць (праўка),")
    _edit(regions, "en: Brest Region}", "en: Brest Region (edited)}")
    for prefix, lang, name in (
        ("", "ru", "Брестская область (правка)"),
        ("be/", "be", "Брэсцкая вобласць (праўка)"),
        ("en/", "en", "Brest Region (edited)"),
    ):
        served.wait_for(f"{prefix}directory/regions/brest/", _page(lang, name), f"{lang} region")

    # A theme template: every language's pages show it.
    main = served.theme / "main.html"
    _edit(main, "{% block content %}\n", "{% block content %}\n  <p>Template saved</p>\n")
    for prefix, lang in (("", "ru"), ("be/", "be"), ("en/", "en")):
        served.wait_for(f"{prefix}about/", _page(lang, "Template saved"), f"{lang} template")

    # A broken template: the page and the terminal name the template's file and line.
    _edit(main, "<p>Template saved</p>", "{% if %}")
    broken_line = next(
        i
        for i, text in enumerate(main.read_text(encoding="utf-8").splitlines(), 1)
        if "{% if %}" in text
    )
    page = served.wait_for(
        "en/about/", lambda status, body: "The preview cannot be built" in body, "error page"
    )
    assert f"{main}:{broken_line}: " in page
    assert f"{main}:{broken_line}: " in served.terminal()
    _edit(main, "  {% if %}\n", "")
    served.wait_for("en/about/", _page("en"), "the English site after the template fix")
    served.wait_for("about/", _page("ru"), "the Russian site after the template fix")

    # A data error: the terminal lists it as `validate` does, every page explains it.
    _edit(entry, "region: brest\n", "region: brest-oblast\n")
    expected = _validate_lines(served.data, served.content)
    assert any(f"{ENTRY}:" in line and "region" in line for line in expected), expected
    for lang_path in ("hotline/", "be/directory/", "en/"):
        page = served.wait_for(
            lang_path, lambda status, body: "The preview cannot be built" in body, "error page"
        )
        for line in expected:
            assert html.escape(line.strip()) in page
    line_no = next(
        i
        for i, text in enumerate(entry.read_text(encoding="utf-8").splitlines(), 1)
        if text.startswith("region:")
    )
    assert f"brest-crisis-room.yml:{line_no}:" in page
    terminal = served.terminal()
    for line in expected:
        assert line in terminal.splitlines(), f"{line!r} not printed as validate prints it"
    assert "Traceback" not in terminal

    # Fixed: the site comes back in every language.
    _edit(entry, "region: brest-oblast\n", "region: brest\n")
    served.wait_for("directory/brest-crisis-room/", _page("ru", "«Новый пример»"), "site back")

    # A page error (broken front matter): listed as `validate` lists it, then fixed.
    page_file = served.content / "be/hotline.md"
    _edit(page_file, 'description: "Агульнанацыянальная', "description: 'Агульнанацыянальная")
    expected = _validate_lines(served.data, served.content)
    assert any("be/hotline.md:2:" in line for line in expected), expected
    page = served.wait_for(
        "en/hotline/", lambda status, body: "The preview cannot be built" in body, "page error"
    )
    for line in expected:
        assert html.escape(line.strip()) in page
        assert line in served.terminal().splitlines()
    _edit(page_file, "description: 'Агульнанацыянальная", 'description: "Агульнанацыянальная')
    served.wait_for("be/hotline/", _page("be"), "the Belarusian site back")
    served.wait_for("en/hotline/", _page("en"), "the English site back")


def _validate_lines(data: Path, content: Path) -> list[str]:
    """The problem lines `python -m build_tools validate` prints for this data (errors only)."""
    result = subprocess.run(
        [sys.executable, "-m", "build_tools", "validate", str(data), "--content", str(content)],
        capture_output=True,
        text=True,
        cwd=REPO,
    )
    assert result.returncode == 1, result.stdout
    return [
        line
        for line in result.stdout.splitlines()
        if line.startswith("  ") and "warning:" not in line
    ]


@pytest.mark.browser
def test_the_open_page_reloads_after_a_save_and_after_a_fix(served: Served, page) -> None:
    """What the editor sees without touching the browser: the edit, the error, the site back."""
    from playwright.sync_api import expect

    served.wait_for("en/hotline/", _page("en"), "the English hotline page")
    page.goto(served.url + "en/hotline/")
    timeout = WAIT_SECONDS * 1000

    _edit(served.content / "en/hotline.md", "# Hotline", "# Hotline, edited")
    expect(page.locator("h1").first).to_have_text("Hotline, edited", timeout=timeout)

    entry = served.data / ENTRY
    _edit(entry, "region: brest\n", "region: brest-oblast\n")
    expect(page.locator("pre")).to_contain_text(
        "there is no region `brest-oblast`", timeout=timeout
    )
    assert page.url == served.url + "en/hotline/"

    _edit(entry, "region: brest-oblast\n", "region: brest\n")
    expect(page.locator("h1").first).to_have_text("Hotline, edited", timeout=timeout)
    expect(page.locator("html")).to_have_attribute("lang", "en")
