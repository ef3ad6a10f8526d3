"""The finder measured in headless Chromium, as a visitor meets it on the directory home.

- Bytes: every response from the navigation until the first result is on screen, each body
  gzipped (what a compressing host sends); the finder's own files (its data, index and
  scripts) are counted apart from the page around it.
- Time to first result: a query is typed into the box by the page itself at the load event
  (no round trip to the test driver); the time runs from the load event to the first result
  card laid out, including whatever part of fetching and loading the index is still left.
- Per keystroke: realistic queries typed one character at a time once the index is ready;
  each keystroke is timed from the input event to the results laid out (the finder answers
  synchronously, so forcing layout right after the event measures the whole update), and
  also to the end of the finder's own handler (search and cards, before layout).
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from build_tools.bench.browser import serve
from build_tools.bench.weight import gzipped_size

FINDER_INPUT = "#hd-finder-q"
FINDER_RESULTS = "#hd-finder-results"
#: The folder of the finder's own files (its data, index and script), under a language's
#: root. Belarusian site search fetches components/finder/finder-tokens.js for its word
#: endings; that counts with the page, as site search does.
FINDER_DIR = "finder/"

#: What a visitor might type, per language: kinds of help, towns, a phone number.
QUERIES = {
    "ru": ["кризисная комната", "психолог Гомель", "юридическая помощь", "Брест", "8 801"],
    "be": ["крызісны пакой", "псіхолаг Гомель", "юрыдычная дапамога", "Брэст", "8 801"],
    "en": ["crisis room", "psychologist Gomel", "legal help", "Brest", "8 801"],
}
FIRST_QUERY = {"ru": "кризисная", "be": "крызісны", "en": "crisis"}


@dataclass
class FinderFigures:
    lang: str
    finder_bytes: int = 0
    page_bytes: int = 0
    files: list[str] = field(default_factory=list)
    first_result_ms: float = 0.0
    #: Input event to results laid out (what the visitor waits for).
    keystrokes_ms: list[float] = field(default_factory=list)
    #: Input event handled (search and cards built), before the browser lays them out.
    handled_ms: list[float] = field(default_factory=list)

    @property
    def total_bytes(self) -> int:
        return self.finder_bytes + self.page_bytes

    def percentile(self, p: float, *, handled: bool = False) -> float:
        """The p-th percentile of keystroke times (laid out, or only handled)."""
        ordered = sorted(self.handled_ms if handled else self.keystrokes_ms)
        if not ordered:
            return 0.0
        if len(ordered) == 1:
            return ordered[0]
        return statistics.quantiles(ordered, n=100, method="inclusive")[int(p) - 1]


class FinderMissing(RuntimeError):
    """The directory home has no working finder (the reason is the message)."""


#: Runs in the page before its own scripts: at the load event, types the query into the box
#: (in the page, so no round trip to the test driver is counted) and notes when the first
#: result card is laid out. Results may come at once (the finder was ready before the page
#: finished loading) or when the index is ready (the finder answers what is in the box).
_FIRST_RESULT_INIT = """
(() => {
  const [selector, results, query] = %s;
  window.addEventListener('load', () => {
    const loaded = performance.now();
    const box = document.querySelector(selector);
    const list = document.querySelector(results);
    if (!box || !list) {
      window.__helpdirFirst = {error: 'no finder search box or result list on the page'};
      return;
    }
    const seen = () => {
      void list.offsetHeight;  // laid out, not only in the DOM
      window.__helpdirFirst = {ms: performance.now() - loaded};
    };
    const watch = new MutationObserver(() => {
      if (list.children.length) { watch.disconnect(); seen(); }
    });
    watch.observe(list, {childList: true});
    box.value = query;
    box.dispatchEvent(new Event('input', {bubbles: true}));
  });
})();
"""

_KEYSTROKES_JS = """
([selector, results, queries]) => {
  const box = document.querySelector(selector);
  const list = document.querySelector(results);
  const handled = [];
  const laidOut = [];
  for (const query of queries) {
    box.value = '';
    box.dispatchEvent(new Event('input', {bubbles: true}));
    void list.offsetHeight;
    for (let i = 1; i <= query.length; i++) {
      const start = performance.now();
      box.value = query.slice(0, i);
      box.dispatchEvent(new Event('input', {bubbles: true}));
      const done = performance.now();
      void list.offsetHeight;  // results laid out, not only computed
      handled.push(done - start);
      laidOut.push(performance.now() - start);
    }
  }
  return {handled, laidOut};
}
"""


def measure_finder(
    browser: Any, site: Path, lang: str, root: str, *, repeats: int = 3
) -> FinderFigures:
    """Figures for one language's finder; raises :class:`FinderMissing` when there is none.

    Each visit is repeated ``repeats`` times in a fresh context (a cold cache every time);
    the first result and every keystroke keep their best time, which filters out the pauses
    other work on a shared machine causes (the report says so).
    """
    home = site / root / "directory" / "index.html"
    if not home.is_file():
        raise FinderMissing("the directory home was not built")
    if 'id="hd-finder-q"' not in home.read_text(encoding="utf-8"):
        raise FinderMissing("the directory home has no finder search box")
    figures = FinderFigures(lang)
    with serve(site) as url:
        for attempt in range(repeats):
            _visit(browser, url, root, lang, figures, count_bytes=attempt == 0)
    return figures


def _visit(
    browser: Any, url: str, root: str, lang: str, figures: FinderFigures, *, count_bytes: bool
) -> None:
    context = browser.new_context(service_workers="block")
    page = context.new_page()
    page.add_init_script(
        _FIRST_RESULT_INIT % json.dumps([FINDER_INPUT, FINDER_RESULTS, FIRST_QUERY[lang]])
    )
    responses: list[Any] = []
    page.on("response", lambda response: responses.append(response))
    try:
        page.goto(url + root + "directory/", wait_until="load")
        try:
            page.wait_for_function("() => window.__helpdirFirst", timeout=20_000)
        except Exception as error:  # noqa: BLE001 - Playwright's timeout type varies
            raise FinderMissing(f"no result within 20 s for {FIRST_QUERY[lang]}") from error
        first = page.evaluate("() => window.__helpdirFirst")
        if "error" in first:
            raise FinderMissing(first["error"])
        if not figures.first_result_ms or first["ms"] < figures.first_result_ms:
            figures.first_result_ms = first["ms"]
        if count_bytes:
            _count(responses, url, root, figures)
        times = page.evaluate(_KEYSTROKES_JS, [FINDER_INPUT, FINDER_RESULTS, QUERIES[lang]])
        figures.keystrokes_ms = _best(figures.keystrokes_ms, times["laidOut"])
        figures.handled_ms = _best(figures.handled_ms, times["handled"])
    finally:
        context.close()


def _count(responses: list[Any], url: str, root: str, figures: FinderFigures) -> None:
    for response in list(responses):
        try:
            body = response.body()
        except Exception:  # noqa: BLE001 - redirects and aborted requests have no body
            continue
        size = gzipped_size(body)
        path = response.url.removeprefix(url.rstrip("/"))
        figures.files.append(f"{path} {size}")
        if path.startswith("/" + root + FINDER_DIR):
            figures.finder_bytes += size
        else:
            figures.page_bytes += size


def _best(earlier: list[float], now: list[float]) -> list[float]:
    return [min(a, b) for a, b in zip(earlier, now, strict=True)] if earlier else list(now)
