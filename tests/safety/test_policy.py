"""The Content-Security-Policy, the headers file and the site settings that keep visits private."""

from __future__ import annotations

import re
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from build_tools.first_view import first_view
from build_tools.languages import LANGUAGES
from build_tools.safety.origin_scan import is_other_origin
from build_tools.safety.policy import META_CSP, meta_csp, write_headers
from tests.paths import REPO

SAFETY_HEAD = REPO / "overrides" / "components" / "safety-head" / "safety-head.html"


def _directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


def test_the_template_writes_the_policy_of_record() -> None:
    template = SAFETY_HEAD.read_text(encoding="utf-8")
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', template)
    assert meta is not None
    assert meta.group(1) == "{{ helpdir.first_view.meta_csp }}"
    assert '<meta name="referrer" content="no-referrer">' in template


def test_inline_parts_are_allowed_by_hash_only() -> None:
    view = first_view(REPO / "content", LANGUAGES)
    directives = _directives(view.meta_csp)
    assert directives["style-src"] == f"'self' {view.style_hash}"
    assert directives["script-src"] == f"'self' {view.script_hash}"
    assert view.style_hash.startswith("'sha256-") and view.script_hash.startswith("'sha256-")
    # Everything else is the policy of record.
    others = {k: v for k, v in directives.items() if k not in ("style-src", "script-src")}
    assert others == {
        k: v for k, v in _directives(META_CSP).items() if k not in ("style-src", "script-src")
    }
    assert meta_csp() == META_CSP


def test_the_policy_allows_nothing_inline_and_nothing_foreign() -> None:
    directives = _directives(first_view(REPO / "content", LANGUAGES).meta_csp)
    assert directives["default-src"] == "'self'"
    for name in ("script-src", "style-src"):
        first, *hashes = directives[name].split()
        assert first == "'self'" and len(hashes) == 1 and hashes[0].startswith("'sha256-")
    assert directives["object-src"] == "'none'"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"
    assert directives["img-src"] == "'self' data:"
    assert directives["connect-src"] == "'self'"
    assert directives["worker-src"] == "'self'"
    for value in directives.values():
        assert "unsafe" not in value and "*" not in value and "http" not in value
    # frame-ancestors is ignored in a meta tag: it belongs to the header only.
    assert "frame-ancestors" not in directives


def test_headers_file_carries_the_full_header_set(tmp_path: Path) -> None:
    written = write_headers(tmp_path, ["'sha256-AAAA'"], ["'sha256-BBBB'"])
    text = written.read_text(encoding="utf-8")
    assert written.name == "_headers"
    lines = text.splitlines()
    assert lines[0] == "/*"
    headers = dict(line.strip().split(": ", 1) for line in lines[1:])
    csp = _directives(headers["Content-Security-Policy"])
    assert csp["frame-ancestors"] == "'none'" and csp["default-src"] == "'self'"
    assert csp["script-src"] == "'self' 'sha256-BBBB'" and csp["object-src"] == "'none'"
    assert csp["style-src"] == "'self' 'sha256-AAAA'"
    assert all("unsafe" not in value and "*" not in value for value in csp.values())
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in headers["Permissions-Policy"]
    assert headers["X-Frame-Options"] == "DENY"


def test_site_settings_send_nothing_to_others() -> None:
    """Search terms never reach URLs or history; fonts come from the device."""
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    features = set(config["theme"].get("features", []))
    assert not features & {"search.highlight", "search.share", "search.suggest"}
    assert config["theme"]["font"] is False
    assert not config.get("extra", {}).get("analytics")
    assert not config.get("extra", {}).get("consent")
    for path in [*config.get("extra_javascript", []), *config.get("extra_css", [])]:
        assert not is_other_origin(path if isinstance(path, str) else path["path"])
