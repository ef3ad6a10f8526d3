"""Page states the browser checks need beyond "loaded": the finder with results, the quick exit
focused. Kept apart so the accessibility test and the planted-fault test share them.
"""

from __future__ import annotations

from typing import Any

#: Every quick-exit link carries this attribute (the skip link and the visible button).
QUICK_EXIT = "[data-helpdir-exit]"
#: The finder's search box on the directory home.
FINDER_INPUT = "[data-hd-finder] #hd-finder-q"
#: One result card of the finder.
FINDER_RESULT = "#hd-finder-results > *"

#: A query every language's finder answers with the real data: a regional centre's name.
FINDER_QUERY = {"ru": "Брест", "be": "Брэст", "en": "Brest"}


def new_page(browser: Any) -> tuple[Any, Any]:
    """A fresh context that lets axe be injected: the site's CSP forbids inline scripts, and
    Playwright's ``add_script_tag`` inserts one, so CSP is bypassed for the checker only."""
    context = browser.new_context(bypass_csp=True)
    return context, context.new_page()


def focus_quick_exit(page: Any) -> str:
    """Tab once from the top, as a keyboard user does; returns the focused element's class."""
    page.locator("body").focus()
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "(sel) => { const el = document.activeElement;"
        " return el && el.matches(sel) ? (el.className || el.tagName) : ''; }",
        QUICK_EXIT,
    )
    if not focused:
        raise AssertionError("the first Tab stop of the page is not the quick exit")
    return focused


def show_finder_results(page: Any, lang: str) -> int:
    """Type a query into the finder and wait for its first result; returns how many show."""
    box = page.locator(FINDER_INPUT).first
    if box.count() == 0:
        raise AssertionError("the directory home has no finder search box")
    box.fill("")
    box.press_sequentially(FINDER_QUERY[lang])
    results = page.locator(FINDER_RESULT)
    results.first.wait_for(state="visible", timeout=10_000)
    return results.count()
