"""Naughty strings in the data and in a Markdown page run nothing, anywhere they land.

Every string of the Big List of Naughty Strings and every markdown-it XSS case goes into entry
fields and into an editors' page (see naughty_site.py). In a real browser, on the pages, in the
finder's results and in Material's search: no dialog opens, the Content-Security-Policy never
had to block anything (it would have, had markup been injected), and the DOM holds no element
that could run or load something. The leaflets carry no script and show markup as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from build_tools.components import compact_script
from build_tools.first_view import MEMORY_STATE
from tests.safety.naughty_site import PAGE_NAME, build_naughty_site, naughty_entries
from tests.safety.naughty_site import naughty_strings as all_naughty
from tests.serve import serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]

LANG_ROOTS = {"ru": "", "be": "be/", "en": "en/"}

WATCH = """
window.__ran = [];
document.addEventListener('securitypolicyviolation', event => {
  const what = event.sample || event.blockedURI;
  window.__ran.push('CSP blocked ' + event.violatedDirective + ': ' + what);
});
"""

#: What in the DOM could run or load: handlers, script URLs, frames, stray scripts. The one
#: inline script allowed is the state helpers in <head>, as the build writes them (the policy
#: allows exactly that text by its hash).
DOM_CHECK = """(helpers) => {
  const bad = [];
  for (const el of document.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (['iframe', 'frame', 'object', 'embed', 'applet', 'base', 'meta'].includes(tag)
        && !(tag === 'meta' && el.closest('head'))) bad.push('<' + tag + '>');
    if (tag === 'script' && !el.src && el.type !== 'application/json'
        && !(el.parentElement === document.head && el.textContent === helpers)) {
      bad.push('inline script');
    }
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) bad.push(tag + ' ' + attr.name);
      if (/^(href|src|action|formaction|xlink:href|data|poster)$/i.test(attr.name)) {
        let scheme = '';
        try { scheme = new URL(attr.value, document.baseURI).protocol; } catch (e) {}
        if (['javascript:', 'vbscript:', 'data:'].includes(scheme) && tag !== 'img') {
          bad.push(tag + ' ' + attr.name + '=' + attr.value.slice(0, 40));
        }
      }
    }
  }
  return bad.concat(window.__ran || []);
}"""


@pytest.fixture(scope="module")
def naughty_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_naughty_site(tmp_path_factory.mktemp("naughty"))


@pytest.fixture(scope="module")
def naughty_url(naughty_site: Path) -> Iterator[str]:
    with serve(naughty_site) as url:
        yield url


@pytest.fixture
def watched(browser):
    """A fresh page that records dialogs and whatever the CSP had to block."""
    context = browser.new_context()
    page = context.new_page()
    page.dialogs = []

    def on_dialog(dialog) -> None:
        page.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.add_init_script(WATCH)
    yield page
    context.close()


STATE_HELPERS = compact_script(MEMORY_STATE.read_text(encoding="utf-8")).strip()


def _problems(page) -> list[str]:
    return page.dialogs + page.evaluate(DOM_CHECK, STATE_HELPERS)


def _visit(page, url: str) -> list[str]:
    response = page.goto(url, wait_until="load")
    assert response is not None and response.ok, url
    return _problems(page)


def test_every_string_reached_the_site(naughty_site: Path) -> None:
    entries = naughty_entries(all_naughty())
    assert len(entries) * 6 >= len(all_naughty()) > 500
    for entry in entries:
        assert (naughty_site / "directory" / entry["id"] / "index.html").exists()
    for root in LANG_ROOTS.values():
        assert (naughty_site / root / PAGE_NAME.replace(".md", "") / "index.html").exists()


def test_pages_run_nothing(watched, naughty_url: str) -> None:
    paths = []
    for root in LANG_ROOTS.values():
        paths += [
            root + "naughty/",
            root + "directory/",
            *(root + f"directory/regions/{r}/" for r in ("brest", "minsk-city", "vitebsk")),
            root + "directory/services/crisis-room/",
            root + "directory/services/psychological/",
        ]
    for entry in naughty_entries(all_naughty()):
        paths += [f"directory/{entry['id']}/", f"en/directory/{entry['id']}/"]
    problems = {path: found for path in paths if (found := _visit(watched, naughty_url + path))}
    assert problems == {}


QUERIES = ["script", "alert", "img", "onerror", "javascript", "<", "svg", "iframe", "xss", "1"]


@pytest.mark.parametrize("lang", list(LANG_ROOTS))
def test_finder_results_run_nothing(watched, naughty_url: str, lang: str) -> None:
    assert _visit(watched, naughty_url + LANG_ROOTS[lang] + "directory/") == []
    query = watched.locator("#hd-finder-q")
    query.wait_for(state="visible")
    results = watched.locator("#hd-finder-results > *")
    watched.click(".hd-finder__filters > summary")
    problems = {}
    for region in ("brest", "minsk-city", "vitebsk"):
        watched.select_option("select[data-filter=region]", region)
        watched.wait_for_function(
            "() => document.querySelectorAll('#hd-finder-results > *').length > 0"
        )
        if found := _problems(watched):
            problems[region] = found
    watched.select_option("select[data-filter=region]", "")
    shown = 0
    for text in QUERIES:
        query.fill(text)
        shown += results.count()
        if found := _problems(watched):
            problems[text] = found
    assert shown > 0
    assert problems == {}


def test_material_search_runs_nothing(watched, naughty_url: str) -> None:
    _visit(watched, naughty_url + "en/")
    problems = {}
    for text in ["script", "alert", "img src", "javascript", "onerror"]:
        watched.keyboard.press("/")
        watched.fill("input[data-md-component=search-query]", text)
        watched.wait_for_selector(".md-search-result__meta")
        if found := _problems(watched):
            problems[text] = found
        watched.keyboard.press("Escape")
    assert problems == {}


#: PDF names that run something or send something when a viewer opens or clicks.
PDF_ACTIONS = re.compile(
    rb"/(JavaScript|JS|Launch|SubmitForm|ImportData|OpenAction|AA|RichMedia)\b"
)


def test_leaflets_carry_no_script_and_show_markup_as_text(naughty_site: Path) -> None:
    leaflets = sorted((naughty_site / "leaflets").rglob("*.pdf"))
    assert leaflets
    shown_as_text = 0
    for path in leaflets:
        raw = path.read_bytes()
        assert not PDF_ACTIONS.search(raw), path
        reader = PdfReader(path)
        for page in reader.pages:
            for annotation in page.get("/Annots") or []:
                action = annotation.get_object().get("/A")
                if action is not None:
                    uri = str(action.get_object().get("/URI", ""))
                    assert re.match(r"(https?|tel|mailto):", uri), (path, uri)
        text = " ".join(page.extract_text() or "" for page in reader.pages)
        shown_as_text += text.replace("\x00", "").count("<script")
    # Markup in names arrives as visible text, not as markup WeasyPrint interpreted.
    assert shown_as_text > 0
