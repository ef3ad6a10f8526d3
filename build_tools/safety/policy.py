"""The site's Content-Security-Policy and the HTTP headers for hosts that allow them.

One source for both: the ``<meta http-equiv="Content-Security-Policy">`` tag in every page
(``overrides/components/safety-head/safety-head.html`` writes :data:`META_CSP`; a test checks
the built pages carry exactly this value) and the ``_headers`` file written into the site.

Every script and stylesheet is an external file from the site itself (Material's two small
inline scripts are replaced by files in ``overrides/partials/javascripts/``), so the policy
needs no ``'unsafe-inline'`` and no hashes: nothing from the page's text can ever run.
See docs/hosting.md for the reasoning per directive.
"""

from __future__ import annotations

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


#: The value of the CSP meta tag in every page.
META_CSP = _join(CSP_DIRECTIVES)
#: The value of the ``Content-Security-Policy`` header.
HEADER_CSP = _join(CSP_DIRECTIVES + HEADER_ONLY_DIRECTIVES)

#: Every header a host that allows headers should send with every response.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    ("Content-Security-Policy", HEADER_CSP),
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


def headers_file() -> str:
    """The ``_headers`` file (Netlify and Cloudflare Pages format): every path, every header."""
    lines = ["/*"] + [f"  {name}: {value}" for name, value in SECURITY_HEADERS]
    return "\n".join(lines) + "\n"


def write_headers(site_dir: Path) -> Path:
    """Write ``site_dir/_headers``; hosts that do not read it ignore it (docs/hosting.md)."""
    target = Path(site_dir) / "_headers"
    target.write_text(headers_file(), encoding="utf-8")
    return target
