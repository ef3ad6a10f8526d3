"""The site's Content-Security-Policy and the HTTP headers for hosts that allow them.

One source for both: the ``<meta http-equiv="Content-Security-Policy">`` tag in every page
(``overrides/components/safety-head/safety-head.html`` writes :data:`META_CSP`; a test checks
the built pages carry exactly this value) and the ``_headers`` file written into the site.

Scripts and stylesheets come from the site itself; the two inline parts of every page's
``<head>`` (the first view's stylesheet and the state helpers, :mod:`build_tools.first_view`)
are allowed by their SHA-256 hashes, never by ``'unsafe-inline'``: nothing from a page's text
can run or style the page. See docs/hosting.md for the reasoning per directive.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

#: Directives a ``<meta>`` tag can carry, in the order they are written.
CSP_DIRECTIVES: tuple[tuple[str, str], ...] = (
    ("default-src", "'self'"),
    ("script-src", "'self'"),
    ("style-src", "'self'"),
    # data: for the icons Material draws from data: URLs in its stylesheet.
    ("img-src", "'self' data:"),
    ("font-src", "'self'"),
    ("connect-src", "'self'"),
    ("worker-src", "'self'"),
    ("manifest-src", "'self'"),
    ("media-src", "'self'"),
    ("frame-src", "'none'"),
    ("object-src", "'none'"),
    ("base-uri", "'self'"),
    ("form-action", "'self'"),
)

#: Directives browsers ignore in a ``<meta>`` tag: they only work as an HTTP header.
HEADER_ONLY_DIRECTIVES: tuple[tuple[str, str], ...] = (("frame-ancestors", "'none'"),)


def _join(directives: tuple[tuple[str, str], ...]) -> str:
    return "; ".join(f"{name} {value}" for name, value in directives)


#: The policy without the inline parts' hashes (a page with no inline part).
META_CSP = _join(CSP_DIRECTIVES)


def _with_hashes(
    directives: tuple[tuple[str, str], ...], styles: Sequence[str], scripts: Sequence[str]
) -> tuple[tuple[str, str], ...]:
    extra = {"style-src": list(styles), "script-src": list(scripts)}
    return tuple((name, " ".join([value, *extra.get(name, [])])) for name, value in directives)


def meta_csp(styles: Sequence[str] = (), scripts: Sequence[str] = ()) -> str:
    """The value of the CSP meta tag in every page, allowing the inline ``<style>`` and
    ``<script>`` whose ``'sha256-…'`` sources are given."""
    return _join(_with_hashes(CSP_DIRECTIVES, styles, scripts))


def header_csp(styles: Sequence[str] = (), scripts: Sequence[str] = ()) -> str:
    """The value of the ``Content-Security-Policy`` header: the meta tag's, and what only a
    header can say."""
    return _join(_with_hashes(CSP_DIRECTIVES + HEADER_ONLY_DIRECTIVES, styles, scripts))


#: Every header a host that allows headers should send with every response.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "no-referrer"),
    (
        "Permissions-Policy",
        "camera=(), microphone=(), geolocation=(), interest-cohort=(), browsing-topics=(), "
        "payment=(), usb=(), bluetooth=(), serial=(), hid=()",
    ),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
    ("X-DNS-Prefetch-Control", "off"),
    ("Strict-Transport-Security", "max-age=31536000"),
)


def headers_file(styles: Sequence[str] = (), scripts: Sequence[str] = ()) -> str:
    """The ``_headers`` file (Netlify and Cloudflare Pages format): every path, every header;
    the policy allows the inline parts with the given hashes, as the pages' meta tag does."""
    headers = (("Content-Security-Policy", header_csp(styles, scripts)), *SECURITY_HEADERS)
    lines = ["/*"] + [f"  {name}: {value}" for name, value in headers]
    return "\n".join(lines) + "\n"


def write_headers(site_dir: Path, styles: Sequence[str] = (), scripts: Sequence[str] = ()) -> Path:
    """Write ``site_dir/_headers``; hosts that do not read it ignore it (docs/hosting.md)."""
    target = Path(site_dir) / "_headers"
    target.write_text(headers_file(styles, scripts), encoding="utf-8")
    return target
