"""The scan of a built site for anything that would load from another origin.

A request to another host tells that host (and anyone watching the network) that this device
visited a help site for survivors of violence. The Content-Security-Policy blocks such loads in
browsers that honour it; this scan makes the build fail before such a page is ever published,
with the file, the line and the URL, so the cause is found at once.

It looks only where something is *loaded* (``src``, ``srcset``, stylesheet/icon/preload links,
CSS ``url()``/``@import``, ``fetch``/``import``/workers in scripts…). Plain links, canonical
URLs and URL strings in minified libraries (Material's bundle names GitHub's API and a CDN for
features this site does not use) are navigation or dead text, not loads, so the patterns are
deliberately narrow: each one has a test with a match and a near miss.

A ``<meta http-equiv="refresh">`` whose URL is on another host is reported too: it sends the
visitor there without a click (a page's front matter written raw into ``<head>`` could plant
one), and the CSP cannot stop it.

It also reports what the site's Content-Security-Policy would silently break: inline scripts,
inline event handlers, ``style`` attributes, ``<style>`` elements and ``javascript:`` URLs.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections.abc import Iterable, Iterator, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from build_tools.build_cache import digest, source_fingerprint

#: Schemes that never reach the network (or never another host).
_LOCAL_SCHEMES = frozenset({"data", "blob", "about", "javascript", "mailto", "tel", "sms"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.\-]*):")


def is_other_origin(url: str) -> bool:
    """True when ``url`` names another host: absolute (``https://…``), protocol-relative
    (``//host/…``; browsers read backslashes as slashes there) or any networked scheme."""
    # Browsers drop tabs and newlines anywhere in a URL, and read "\\" as "/" here.
    value = re.sub(r"[\t\n\r]", "", url).strip().replace("\\", "/")
    if value.startswith("//"):
        return True
    match = _SCHEME.match(value)
    return bool(match) and match.group(1).lower() not in _LOCAL_SCHEMES


@dataclass(frozen=True)
class Finding:
    """One problem: where it is (line 1-based) and what."""

    line: int
    what: str
    url: str = ""

    def message(self, path: str) -> str:
        detail = f" {self.url}" if self.url else ""
        return f"{path}:{self.line}: {self.what}{detail}"


# ---------------------------------------------------------------- CSS

_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSS_URL = re.compile(r"""url\(\s*(["']?)\s*(?P<url>[^"')\s]+)""", re.I)
_CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*)?["']?\s*(?P<url>[^"')\s;]+)""", re.I)
_CSS_IMAGE_SET = re.compile(r"""image-set\(\s*["'](?P<url>[^"']+)["']""", re.I)

CSS_PATTERNS: dict[str, re.Pattern[str]] = {
    "CSS url() loads": _CSS_URL,
    "CSS @import loads": _CSS_IMPORT,
    "CSS image-set() loads": _CSS_IMAGE_SET,
}


def _blank_comments(text: str, pattern: re.Pattern[str]) -> str:
    """Comments replaced by spaces (newlines kept), so line numbers stay right."""
    return pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)


def scan_css(text: str, first_line: int = 1) -> list[Finding]:
    """Other-origin loads in a stylesheet (a file, a ``<style>`` element or attribute)."""
    text = _blank_comments(text, _CSS_COMMENT)
    return list(_matches(text, CSS_PATTERNS, first_line))


# ---------------------------------------------------------------- JavaScript

#: A string literal (any quote) that starts with an other-origin URL.
_URL_LITERAL = r"""(?P<q>["'`])(?P<url>(?:[a-zA-Z][a-zA-Z0-9+.\-]*:)?//[^"'`\s]+)(?P=q)"""

JS_PATTERNS: dict[str, re.Pattern[str]] = {
    "fetch() loads": re.compile(r"(?<![\w$])fetch\(\s*" + _URL_LITERAL),
    "import() loads": re.compile(r"(?<![\w$.])import\(\s*" + _URL_LITERAL),
    "import statement loads": re.compile(
        r"(?<![\w$.])import\s*(?:[\w$*{},\s]+?\s*from\s*)?" + _URL_LITERAL
    ),
    "importScripts() loads": re.compile(r"(?<![\w$])importScripts\(\s*" + _URL_LITERAL),
    "a worker loads": re.compile(r"\bnew\s+(?:Shared)?Worker\(\s*" + _URL_LITERAL),
    "a service worker loads": re.compile(r"serviceWorker\.register\(\s*" + _URL_LITERAL),
    "a connection opens to": re.compile(r"\bnew\s+(?:EventSource|WebSocket)\(\s*" + _URL_LITERAL),
    "sendBeacon() sends to": re.compile(r"\.sendBeacon\(\s*" + _URL_LITERAL),
    "XMLHttpRequest loads": re.compile(r"""\.open\(\s*["'][A-Za-z]+["']\s*,\s*""" + _URL_LITERAL),
    "an element's src is set to": re.compile(r"\.src\s*=\s*" + _URL_LITERAL),
}


def scan_js(text: str, first_line: int = 1) -> list[Finding]:
    """Other-origin loads in a script: only the load calls with a literal absolute URL."""
    return list(_matches(text, JS_PATTERNS, first_line))


def _matches(text: str, patterns: dict[str, re.Pattern[str]], first_line: int) -> Iterator[Finding]:
    for what, pattern in patterns.items():
        for match in pattern.finditer(text):
            url = match.group("url")
            if is_other_origin(url):
                line = first_line + text.count("\n", 0, match.start("url"))
                yield Finding(line, what, url)


# ---------------------------------------------------------------- HTML

#: ``<link rel=…>`` values that make the browser fetch the ``href``.
LOADING_RELS = frozenset(
    {
        "stylesheet", "icon", "shortcut", "apple-touch-icon", "apple-touch-icon-precomposed",
        "mask-icon", "preload", "modulepreload", "prefetch", "prerender", "preconnect",
        "dns-prefetch", "manifest",
    }
)  # fmt: skip
#: Attributes that load their URL on any element that has them.
_LOADING_ATTRIBUTES = {"src", "poster", "background", "data"}
_SRCSET_ATTRIBUTES = {"srcset", "imagesrcset"}
#: SVG elements whose ``href`` is fetched (not followed).
_SVG_LOADING = {"image", "use", "feimage", "script"}
_JSON_SCRIPT_TYPES = {"application/json", "application/ld+json", "importmap"}
_SCRIPT_TYPES = {"", "text/javascript", "application/javascript", "module", "text/ecmascript"}


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a ``srcset`` ("a.png 1x, b.png 2x")."""
    return [part.split()[0] for part in value.split(",") if part.split()]


_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.S)
#: A start tag with its attributes (quoted values may hold ">"). Every repeat is possessive, so
#: a tag that does not close (a stray quote, a long run of letters) fails at once instead of
#: trying every way to split its text into attributes (exponential, and a build that hangs).
_TAG = re.compile(
    r"""<([a-zA-Z][^\s/>]*+)"""
    r"""((?:\s*+[^\s/>"'=]++(?:\s*+=\s*+(?:"[^"]*+"|'[^']*+'|[^\s"'>]*+))?+)*+)\s*+/?>"""
)
_ATTRIBUTE = re.compile(r"""([^\s/>"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]*)))?""")
#: Attributes worth a closer look; most tags (``<a href>``, ``<span class>``, SVG paths) have
#: none of them and are passed over without taking their attributes apart.
_INTERESTING = re.compile(
    r"(?:^|\s)(?:src|srcset|imagesrcset|poster|background|data|ping|action|formaction|style|on\w+)"
    r"\s*=|[:&]",  # any scheme ("java\tscript:" too) or entity ("&#106;avascript:")
    re.I,
)
_ALWAYS_READ = {"link", "base", "script", "style", "meta"} | _SVG_LOADING
#: The URL of a refresh's ``content`` ("0; url='…'", "5,URL=…", "0 …"), as browsers read it.
_REFRESH_URL = re.compile(r"""^\s*[\d.]*\s*[;,]?\s*(?:url\s*=\s*)?(?P<url>.*)$""", re.I | re.S)
_CSP = "content-security-policy"
_RAW_END = {
    "script": re.compile(r"</script\s*>", re.I),
    "style": re.compile(r"</style\s*>", re.I),
}


class _PageScanner:
    """Start tags, their attributes and the text of ``<script>``/``<style>``, read with a few
    regular expressions: several times faster than :class:`html.parser.HTMLParser` on the
    thousands of pages a full build writes, and exact for the well-formed HTML it produces."""

    def __init__(self, text: str, *, csp_checks: bool) -> None:
        self.findings: list[Finding] = []
        self.csp_checks = csp_checks
        self.original = text
        self.text = _blank_comments(text, _COMMENT)
        self._at = 0
        #: The inline texts the page's own policy allows by hash, per directive.
        self.hashes: dict[str, set[str]] = {"style-src": set(), "script-src": set()}
        self._counted = (0, 1)  # an offset and its line, so lines are counted once

    def line(self, offset: int) -> int:
        start, line = self._counted
        if offset < start:
            start, line = 0, 1
        line += self.text.count("\n", start, offset)
        self._counted = (offset, line)
        return line

    def _add(self, what: str, url: str = "") -> None:
        self.findings.append(Finding(self.line(self._at), what, url))

    def run(self) -> list[Finding]:
        text, position = self.text, 0
        while match := _TAG.search(text, position):
            position = match.end()
            tag = match.group(1).lower()
            if tag not in _ALWAYS_READ and not _INTERESTING.search(match.group(2)):
                continue
            self._at = match.start()
            values: dict[str, str] = {}
            for attribute in _ATTRIBUTE.finditer(match.group(2)):
                value = next((v for v in attribute.groups()[1:] if v is not None), "")
                values.setdefault(attribute.group(1).lower(), html.unescape(value))
            self._tag(tag, values)
            if tag in _RAW_END:
                end = _RAW_END[tag].search(text, position)
                stop = end.start() if end else len(text)
                self._raw(tag, values, self.original[position:stop], self.line(position))
                position = end.end() if end else len(text)
        return self.findings

    def _tag(self, tag: str, values: dict[str, str]) -> None:
        for name, value in values.items():
            if name in _LOADING_ATTRIBUTES and is_other_origin(value):
                self._add(f"<{tag} {name}> loads", value.strip())
            elif name in _SRCSET_ATTRIBUTES:
                for url in _srcset_urls(value):
                    if is_other_origin(url):
                        self._add(f"<{tag} {name}> loads", url)
            elif name == "ping":
                for url in value.split():
                    if is_other_origin(url):
                        self._add(f"<{tag} ping> sends a request to", url)
            elif name in {"action", "formaction"} and is_other_origin(value):
                self._add(f"<{tag} {name}> sends form data to", value.strip())
            elif name == "style":
                self.findings.extend(scan_css(value, self.line(self._at)))
        href = values.get("href", "")
        if tag == "link" and is_other_origin(href):
            rels = set(values.get("rel", "").lower().split())
            if rels & LOADING_RELS:
                self._add(f"<link rel={' '.join(sorted(rels))}> loads", href.strip())
        elif tag == "meta" and values.get("http-equiv", "").strip().lower() == "refresh":
            url = refresh_url(values.get("content", ""))
            if is_other_origin(url):
                self._add("<meta http-equiv=refresh> sends the visitor to", url)
        elif tag == "meta" and values.get("http-equiv", "").strip().lower() == _CSP:
            for directive in values.get("content", "").split(";"):
                name, _, sources = directive.strip().partition(" ")
                if name in self.hashes:
                    self.hashes[name].update(re.findall(r"'(sha256-[A-Za-z0-9+/=]+)'", sources))
        elif tag == "base" and is_other_origin(href):
            self._add("<base href> makes every relative URL load from", href.strip())
        elif tag in _SVG_LOADING:
            for name in ("href", "xlink:href"):
                if is_other_origin(values.get(name, "")):
                    self._add(f"<{tag} {name}> loads", values[name].strip())
        if self.csp_checks:
            self._csp(tag, values)

    def _csp(self, tag: str, values: dict[str, str]) -> None:
        """What the Content-Security-Policy would block: better a build error than a page
        that silently does nothing (a quick exit that does not work)."""
        for name, value in values.items():
            if name.startswith("on"):
                self._add(f"inline event handler {name}= (the CSP blocks it; use a .js file)")
            elif name == "style":
                self._add("style= attribute (the CSP blocks it; use a class in a .css file)")
            elif name in {"href", "src", "action", "formaction"} and _is_script_url(value):
                self._add(f"javascript: URL in {name}= (the CSP blocks it)")

    def _allowed(self, directive: str, body: str) -> bool:
        """Whether the page's policy (read before it, as a browser does) lets this inline
        text run or apply: only by its SHA-256 hash."""
        digest = base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode()
        return "sha256-" + digest in self.hashes[directive]

    def _raw(self, tag: str, values: dict[str, str], body: str, line: int) -> None:
        if tag == "style":
            self.findings.extend(_scan_inline(scan_css, body, line))
            if self.csp_checks and not self._allowed("style-src", body):
                self._add("<style> element (the CSP blocks it; use a .css file)")
            return
        if "src" in values:
            return
        kind = values.get("type", "").strip().lower()
        if kind in _JSON_SCRIPT_TYPES:
            return
        self.findings.extend(_scan_inline(scan_js, body, line))
        allowed = self._allowed("script-src", body)
        if self.csp_checks and body.strip() and kind in _SCRIPT_TYPES and not allowed:
            self._add("inline <script> (the CSP blocks it; move it into a .js file)")


#: What the inline stylesheets and scripts already scanned hold, by scanner and text: every
#: page carries the same first-view stylesheet (about 100 KB), scanned once, not per page.
_INLINE_SEEN: dict[tuple[str, str], list[Finding]] = {}


def _scan_inline(scanner: Any, body: str, line: int) -> list[Finding]:
    key = (scanner.__name__, body)  # the text itself: an exact match, and quick to look up
    found = _INLINE_SEEN.get(key)
    if found is None:
        if len(_INLINE_SEEN) > 64:
            _INLINE_SEEN.clear()
        found = _INLINE_SEEN[key] = scanner(body, 1)
    return [Finding(f.line + line - 1, f.what, f.url) for f in found]


def refresh_url(content: str) -> str:
    """The URL a ``<meta http-equiv="refresh" content="…">`` leads to ("" for a reload)."""
    match = _REFRESH_URL.match(content)
    url = match.group("url").strip() if match else ""
    if url[:1] in {"'", '"'}:
        url = url[1:].split(url[0], 1)[0]
    return url


def _is_script_url(value: str) -> bool:
    """``javascript:`` as a browser reads it: control characters and spaces around it and
    tabs or newlines inside it ("java\\tscript:") do not stop it."""
    cleaned = re.sub(r"[\t\n\r]", "", value).strip("".join(map(chr, range(33))))
    return cleaned.lower().startswith("javascript:")


def scan_html(text: str, *, csp_checks: bool = True) -> list[Finding]:
    """Other-origin loads in a page, and (``csp_checks``) what its CSP would block."""
    return _PageScanner(text, csp_checks=csp_checks).run()


# ---------------------------------------------------------------- JSON

#: Keys whose values a browser loads (web app manifest icons and screenshots).
_JSON_LOADING_KEYS = {"src", "srcset"}


def scan_json(text: str, *, holds_markup: bool = False) -> list[Finding]:
    """Other-origin loads in JSON: ``src`` values (a web manifest's icons), and, in Material's
    search index (``holds_markup``), the HTML of each entry, which it shows as markup."""
    try:
        data = json.loads(text)
    except ValueError:
        return []
    findings: list[Finding] = []
    for key, value in _strings(data):
        if key in _JSON_LOADING_KEYS and is_other_origin(value):
            findings.append(Finding(_line_of(text, value), f'JSON "{key}" loads', value))
        elif holds_markup and "<" in value:
            for found in scan_html(value, csp_checks=False):
                findings.append(Finding(_line_of(text, found.url), found.what, found.url))
    return findings


def _strings(data: object, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(data, str):
        yield key, data
    elif isinstance(data, dict):
        for name, value in data.items():
            yield from _strings(value, str(name))
    elif isinstance(data, list):
        for value in data:
            yield from _strings(value, key)


def _line_of(text: str, needle: str) -> int:
    at = text.find(json.dumps(needle)[1:-1]) if needle else -1
    return 1 + text.count("\n", 0, at) if at >= 0 else 1


# ---------------------------------------------------------------- the site

_SCANNERS = {
    ".html": "html",
    ".htm": "html",
    ".css": "css",
    ".js": "js",
    ".mjs": "js",
    ".json": "json",
    ".webmanifest": "json",
}


def scan_file(path: Path, text: str | None = None) -> list[Finding]:
    """The findings of one file, chosen by its extension (others are not scanned)."""
    kind = _SCANNERS.get(path.suffix.lower())
    if kind is None:
        return []
    if text is None:
        text = path.read_text(encoding="utf-8", errors="replace")
    if kind == "html":
        return scan_html(text)
    if kind == "css":
        return scan_css(text)
    if kind == "js":
        return scan_js(text)
    return scan_json(text, holds_markup=path.name == "search_index.json")


def scan_site(site_dir: Path, cache: MutableMapping[str, Any] | None = None) -> list[str]:
    """Every reference in ``site_dir`` that would load something from another origin (and
    everything the CSP would block), one message per finding: file, line, what, URL.

    Theme scripts and stylesheets are copied into every language's folder: a file whose
    exact text was already scanned is not scanned again. ``cache`` (the build cache) keeps the
    findings of earlier builds keyed by the file's bytes and this module's source, so a file
    with the same bytes is not scanned again by the same scanner.
    """
    site_dir = Path(site_dir)
    return scan_files(site_dir, sorted(site_dir.rglob("*")), cache)


def scan_files(
    site_dir: Path, paths: Iterable[Path], cache: MutableMapping[str, Any] | None = None
) -> list[str]:
    """:func:`scan_site` for some files of ``site_dir`` only (the live preview scans the files
    it wrote again after a save)."""
    messages = []
    seen: dict[tuple[str, str], list[Finding]] = {}
    for path in paths:
        if not path.is_file() or path.suffix.lower() not in _SCANNERS:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        key = (path.suffix.lower(), hashlib.blake2b(text.encode("utf-8")).hexdigest())
        if path.suffix.lower() in {".js", ".mjs", ".css"} and key in seen:
            found = seen[key]
        elif cache is not None:
            found = seen[key] = _cached_scan(path, text, cache)
        else:
            found = seen[key] = scan_file(path, text)
        rel = path.relative_to(site_dir).as_posix()
        messages.extend(finding.message(rel) for finding in found)
    return messages


def _cached_scan(path: Path, text: str, cache: MutableMapping[str, Any]) -> list[Finding]:
    kind = f"{path.suffix.lower()}:{path.name == 'search_index.json'}"
    key = digest(source_fingerprint(_SCANNER_SOURCE), kind, text)
    known = cache.get(key)
    if isinstance(known, list):
        return [Finding(*item) for item in known]
    found = scan_file(path, text)
    cache[key] = [[f.line, f.what, f.url] for f in found]
    return found


_SCANNER_SOURCE = Path(__file__)
