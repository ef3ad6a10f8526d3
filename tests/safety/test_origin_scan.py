"""The origin scan finds every load from another origin and nothing else.

Each pattern has a case it must catch and a near miss it must leave alone; the near misses are
the kind of text minified libraries are full of. The real Material and lunr files shipped in
every build must scan clean, or every build would fail.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import material
import pytest

from build_tools.safety.origin_scan import (
    CSS_PATTERNS,
    JS_PATTERNS,
    is_other_origin,
    scan_css,
    scan_html,
    scan_js,
    scan_json,
    scan_site,
)

MATERIAL = Path(material.__file__).resolve().parent


@pytest.mark.parametrize(
    "url",
    ["https://cdn.example/x.js", "http://a.b/", "//cdn.example/x.css", "\\\\evil/x", "ftp://x/y"],
)
def test_absolute_and_protocol_relative_urls_are_other_origins(url: str) -> None:
    assert is_other_origin(url)


@pytest.mark.parametrize(
    "url",
    ["assets/x.js", "../x.css", "/x.png", "#top", "data:image/png;base64,AAA", "blob:x", ""],
)
def test_relative_and_local_urls_are_not(url: str) -> None:
    assert not is_other_origin(url)


# ------------------------------------------------------------------ JavaScript patterns

JS_CASES = {
    "fetch() loads": ('fetch("https://t.example/a")', 'prefetch("https://t.example/a")'),
    "import() loads": ("import('https://t.example/m.js')", "x.import('https://t.example/m.js')"),
    "import statement loads": (
        'import {a} from "https://t.example/m.js";',
        'important("https://t.example/m.js")',
    ),
    "importScripts() loads": (
        'importScripts("//t.example/w.js")',
        'importScripts("lunr/min/lunr.ru.min.js")',
    ),
    "a worker loads": ('new Worker("https://t.example/w.js")', "new Worker(config.search)"),
    "a service worker loads": (
        'navigator.serviceWorker.register("https://t.example/sw.js")',
        'navigator.serviceWorker.register("sw.js")',
    ),
    "a connection opens to": (
        'new WebSocket("wss://t.example/live")',
        'var note = "new WebSocket: " + "https://t.example"',
    ),
    "sendBeacon() sends to": (
        'navigator.sendBeacon("https://t.example/b", d)',
        'navigator.sendBeacon("beacon", d)',
    ),
    "XMLHttpRequest loads": (
        'x.open("GET", "https://t.example/a")',
        'window.open("https://t.example/a")',
    ),
    "an element's src is set to": (
        'script.src = "https://t.example/a.js"',
        'link.href = "https://t.example/a"',
    ),
}


def test_every_js_pattern_has_a_case() -> None:
    assert set(JS_CASES) == set(JS_PATTERNS)


@pytest.mark.parametrize("what", sorted(JS_CASES))
def test_js_pattern_catches_the_load_and_not_the_near_miss(what: str) -> None:
    load, near_miss = JS_CASES[what]
    found = scan_js("var a = 1;\n" + load)
    assert [(f.line, f.what) for f in found] == [(2, what)]
    assert scan_js(near_miss) == []


def test_url_strings_that_are_not_loads_pass() -> None:
    text = 'var u="https://api.github.com/repos/"+a;location.href="https://t.example";'
    assert scan_js(text) == []


# ------------------------------------------------------------------ CSS patterns

CSS_CASES = {
    "CSS url() loads": (
        "a{background:url( 'https://t.example/i.png' )}",
        "a{background:url(i.png)}",
    ),
    "CSS @import loads": ('@import "//t.example/s.css";', '@import "local.css";'),
    "CSS image-set() loads": (
        'a{background:image-set("https://t.example/i.png" 1x)}',
        'a{background:image-set("i.png" 1x)}',
    ),
}


def test_every_css_pattern_has_a_case() -> None:
    assert set(CSS_CASES) == set(CSS_PATTERNS)


@pytest.mark.parametrize("what", sorted(CSS_CASES))
def test_css_pattern_catches_the_load_and_not_the_near_miss(what: str) -> None:
    load, near_miss = CSS_CASES[what]
    assert what in {f.what for f in scan_css(load)}
    assert scan_css(near_miss) == []


def test_css_comments_and_data_urls_pass() -> None:
    css = "/* url(https://t.example/x.png) */ a{mask:url('data:image/svg+xml,<svg/>')}"
    assert scan_css(css) == []


# ------------------------------------------------------------------ HTML positions

HTML_LOADS = [
    '<img src="https://t.example/i.png">',
    '<img srcset="a.png 1x, https://t.example/b.png 2x">',
    '<script src="//t.example/a.js"></script>',
    '<link rel="stylesheet" href="https://t.example/s.css">',
    '<link rel="icon" href="https://t.example/f.ico">',
    '<link rel="preload" as="font" href="https://t.example/f.woff2">',
    '<link rel="modulepreload" href="https://t.example/m.js">',
    '<link rel="manifest" href="https://t.example/m.json">',
    '<link rel="preconnect" href="https://t.example">',
    '<iframe src="https://t.example/embed"></iframe>',
    '<video poster="https://t.example/p.jpg"></video>',
    '<object data="https://t.example/o.swf"></object>',
    '<a href="/x" ping="https://t.example/ping">x</a>',
    '<div style="background:url(https://t.example/i.png)"></div>',
    "<style>@import url(https://t.example/s.css);</style>",
    '<script>fetch("https://t.example/a")</script>',
    '<svg><use href="https://t.example/s.svg#i"></use></svg>',
    '<base href="https://t.example/">',
    '<form action="https://t.example/collect"></form>',
]


@pytest.mark.parametrize("markup", HTML_LOADS)
def test_html_load_positions_are_found(markup: str) -> None:
    found = scan_html("<!doctype html>\n<p>x</p>\n" + markup, csp_checks=False)
    assert found, markup
    assert all(f.line == 3 for f in found)
    assert any("t.example" in f.url for f in found)


HTML_NOT_LOADS = [
    '<a href="https://t.example/">a plain link is navigation</a>',
    '<link rel="canonical" href="https://help.example.org/">',
    '<link rel="alternate" hreflang="be" href="https://help.example.org/be/">',
    '<meta http-equiv="refresh" content="0; url=../new-id/">',
    '<meta name="refresh" content="0; url=https://t.example/">',
    '<meta name="description" content="0; url=https://t.example/">',
    "<p>Visit https://t.example/ or src=https://t.example/</p>",
    '<script type="application/json">{"src": "https://t.example/x"}</script>',
    '<img src="../assets/i.png" srcset="a.png 1x, b.png 2x">',
]


@pytest.mark.parametrize("markup", HTML_NOT_LOADS)
def test_html_non_loads_pass(markup: str) -> None:
    assert scan_html(markup) == []


@pytest.mark.parametrize(
    "markup",
    [
        '<meta http-equiv="refresh" content="0;url=https://t.example/">',
        '<meta http-equiv="Refresh" content="0; URL=\'https://t.example/\'">',
        "<meta content='5,url = //t.example/x' http-equiv=refresh>",
        '<meta http-equiv="refresh" content="0 https://t.example/">',
        # front matter written raw into <head>: the description closes its attribute
        '<meta name="description" content="X">'
        '<meta http-equiv="refresh" content="0;url=https://t.example/">">',
    ],
)
def test_a_refresh_to_another_origin_is_caught(markup: str) -> None:
    """Issue 19, defect 2: a planted meta refresh that would send the visitor away."""
    found = scan_html("<!doctype html>\n<head>\n" + markup, csp_checks=False)
    assert [(f.line, f.what) for f in found] == [
        (3, "<meta http-equiv=refresh> sends the visitor to")
    ]
    assert found[0].url.startswith(("https://t.example/", "//t.example/"))


def test_a_refresh_planted_in_a_built_site_is_named_by_the_scan(tmp_path: Path) -> None:
    """Issue 19, defect 2: the site scan names the page, its line and the other host."""
    page = tmp_path / "en" / "about" / "index.html"
    page.parent.mkdir(parents=True)
    page.write_text(
        '<!doctype html>\n<html>\n<head>\n<meta http-equiv="refresh" '
        'content="0;url=https://evil.example/">\n</head>\n</html>\n',
        encoding="utf-8",
    )
    assert scan_site(tmp_path) == [
        "en/about/index.html:4: <meta http-equiv=refresh> sends the visitor to "
        "https://evil.example/"
    ]


@pytest.mark.parametrize(
    ("markup", "what"),
    [
        ("<script>alert(1)</script>", "inline <script>"),
        ('<button onclick="go()">x</button>', "inline event handler onclick="),
        ('<p style="color:red">x</p>', "style= attribute"),
        ("<style>p{color:red}</style>", "<style> element"),
        ('<a href="javascript:alert(1)">x</a>', "javascript: URL in href="),
    ],
)
def test_what_the_csp_would_block_is_reported(markup: str, what: str) -> None:
    assert any(f.what.startswith(what) for f in scan_html(markup))


def _sha256(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()


def test_inline_parts_pass_only_when_the_pages_policy_names_their_hash() -> None:
    style, script = "p{color:red}", "window.x=1;"
    policy = (
        f"default-src 'self'; script-src 'self' '{_sha256(script)}'; "
        f"style-src 'self' '{_sha256(style)}'"
    )
    head = f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
    assert scan_html(f"{head}<style>{style}</style><script>{script}</script>") == []
    # One character changed (what an injected rule or script would be): blocked, and named.
    found = scan_html(f"{head}<style>{style} </style><script>{script};</script>")
    assert [f.what.split(" (")[0] for f in found] == ["<style> element", "inline <script>"]
    # A hash under the other directive does not count.
    swapped = head.replace("script-src", "tmp").replace("style-src", "script-src")
    found = scan_html(swapped.replace("tmp", "style-src") + f"<style>{style}</style>")
    assert [f.what.split(" (")[0] for f in found] == ["<style> element"]


def test_json_src_values_and_search_index_markup_are_scanned() -> None:
    manifest = '{"icons": [{"src": "https://t.example/i.png"}], "start_url": "https://x.y/"}'
    assert [f.url for f in scan_json(manifest)] == ["https://t.example/i.png"]
    index = '{"docs": [{"text": "<p><img src=\\"https://t.example/i.png\\"></p>"}]}'
    assert [f.url for f in scan_json(index, holds_markup=True)] == ["https://t.example/i.png"]
    # Data text (a name with markup in it) is text, not markup, outside the search index.
    data = '{"name": "<img src=\\"https://t.example/i.png\\">", "website": "https://t.example"}'
    assert scan_json(data) == []


def test_material_and_lunr_files_scan_clean() -> None:
    """Material's bundle and the lunr files mention other hosts, but never load from them."""
    shipped = [
        *MATERIAL.glob("templates/assets/javascripts/**/*.js"),
        *MATERIAL.glob("templates/assets/stylesheets/*.css"),
    ]
    assert len(shipped) > 20
    found = {}
    for path in shipped:
        text = path.read_text(encoding="utf-8")
        results = scan_css(text) if path.suffix == ".css" else scan_js(text)
        if results:
            found[path.name] = results
    assert found == {}


def test_scan_site_names_file_line_and_url(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "index.html").write_text(
        '<!doctype html>\n<html>\n<img src="https://t.example/track.gif">\n', encoding="utf-8"
    )
    (tmp_path / "site.css").write_text("a{}\nb{background:url(//t.example/b.png)}", "utf-8")
    (tmp_path / "ok.html").write_text('<a href="https://t.example/">ok</a>', "utf-8")
    (tmp_path / "notes.txt").write_text('<img src="https://t.example/x">', "utf-8")
    assert scan_site(tmp_path) == [
        "en/index.html:3: <img src> loads https://t.example/track.gif",
        "site.css:2: CSS url() loads //t.example/b.png",
    ]


def test_entity_encoded_script_urls_are_seen() -> None:
    found = scan_html('<a href="&#106;avascript&colon;alert(1)">x</a>')
    assert [f.what for f in found] == ["javascript: URL in href= (the CSP blocks it)"]


def test_uninteresting_tags_are_passed_over_but_lines_stay_right() -> None:
    page = '<p class="a">\n<a href="/x">y</a>\n<!-- <img src="https://t.example/c"> -->\n'
    page += '<svg><path d="M0 0"/></svg>\n<img alt="a>b" src="https://t.example/i.png">'
    assert [(f.line, f.url) for f in scan_html(page)] == [(5, "https://t.example/i.png")]


@pytest.mark.parametrize("href", ["java\tscript:alert(1)", " \x01javascript:x", "JAVA\nSCRIPT:x"])
def test_script_urls_hidden_by_control_characters_are_seen(href: str) -> None:
    assert scan_html(f'<a href="{href}">x</a>') != []


def test_tabs_inside_an_absolute_url_do_not_hide_it() -> None:
    assert is_other_origin("ht\ttps://t.example/x") and is_other_origin("/\t/t.example/x")


def test_a_tag_that_never_closes_is_scanned_without_hanging() -> None:
    """A stray quote or a long run of letters in an unclosed tag once made the tag pattern try
    every way of splitting the text into attributes: a build hung for twenty minutes. Run in a
    child process with a generous bound, so a regression fails instead of hanging the suite."""
    import subprocess
    import sys

    code = (
        "from build_tools.safety.origin_scan import scan_html\n"
        "scan_html('<meta content=' + 'ab ' * 60 + '\"')\n"
        "scan_html('<a ' + 'x' * 80)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], timeout=120, capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
