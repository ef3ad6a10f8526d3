"""The built site, file by file: every page has the CSP, the referrer rule and the quick exit;
the origin scan finds nothing; the headers file is there."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
from pathlib import Path

import pytest

from build_tools.safety.origin_scan import scan_site
from build_tools.safety.policy import meta_csp
from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.safety.sitepages import DESTINATION, PAGES
from tests.sitebuild import build_site


def _sha256(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _pages(site: Path) -> list[Path]:
    found = sorted(site.rglob("*.html"))
    return [p for p in found if "leaflets" not in p.relative_to(site).parts]


def test_every_page_is_fenced_by_the_csp_before_anything_loads(fixture_site: Path) -> None:
    pages = _pages(fixture_site)
    assert len(pages) >= len(PAGES)
    index = (fixture_site / "index.html").read_text(encoding="utf-8")
    policy = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', index)[0]
    # The policy of record, allowing the page's own two inline parts by their hashes.
    style = re.findall(r"<style>(.*?)</style>", index, re.S)[0]
    script = re.findall(r"<script data-scope=\"[^\"]*\">(.*?)</script>", index, re.S)[0]
    assert policy == meta_csp([_sha256(style)], [_sha256(script)])
    for page in pages:
        text = page.read_text(encoding="utf-8")
        head = text.split("</head>", 1)[0]
        if 'http-equiv="refresh"' in head:
            continue  # a redirect page (renamed entries) loads nothing and leaves at once
        metas = re.findall(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', head)
        assert metas == [policy], page
        first_load = re.search(r"<(script|link|style)\b", head)
        assert first_load is None or first_load.start() > head.index(policy), page
        assert '<meta name="referrer" content="no-referrer">' in head, page


def test_every_page_has_the_quick_exit(fixture_site: Path) -> None:
    for _name, path in PAGES:
        text = (fixture_site / path / "index.html").read_text(encoding="utf-8")
        links = re.findall(r"<a ([^>]*data-helpdir-exit[^>]*)>", text)
        assert len(links) == 2, path  # the skip link and the button
        for attributes in links:
            assert f'href="{DESTINATION}"' in attributes
            assert 'rel="nofollow noreferrer"' in attributes
        assert "components/quick-exit/quick-exit.js" in text


def test_no_material_state_in_browser_storage(fixture_site: Path) -> None:
    text = (fixture_site / "index.html").read_text(encoding="utf-8")
    assert "localStorage" not in text and "sessionStorage" not in text
    inline = re.search(r'<script data-scope="[^"]*">(.*?)</script>', text, re.S)
    assert inline is not None, "the state helpers are written into the page"
    script = inline.group(1)
    # the served script (its comments, which name the storages it avoids, are stripped)
    assert "Storage" not in script.split("*/", 1)[-1].replace("_storage", "")
    assert "__md_set" in script


def test_the_built_site_scans_clean_and_carries_the_headers(fixture_site: Path) -> None:
    assert scan_site(fixture_site) == []
    lines = (fixture_site / "_headers").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "/*", "the headers apply to every path"
    headers = dict(line.strip().split(": ", 1) for line in lines[1:])
    csp = {
        d.split(" ", 1)[0]: d.split(" ", 1)[1]
        for d in headers["Content-Security-Policy"].split("; ")
    }
    assert csp["frame-ancestors"] == "'none'" and csp["default-src"] == "'self'"
    # The header allows the same inline parts as the pages' meta tag, or a host sending it
    # would block the page's stylesheet.
    page = (fixture_site / "index.html").read_text(encoding="utf-8")
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert meta is not None
    for directive in meta.group(1).split("; "):
        name, value = directive.split(" ", 1)
        assert csp[name] == value
    assert headers["Referrer-Policy"] == "no-referrer"
    assert headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.slow
def test_the_destination_comes_from_mkdocs_yml(tmp_path: Path) -> None:
    build_site(
        tmp_path,
        data_dir=FIXTURE_DIRECTORY,
        leaflets=False,
        extra_plugin_options='      quick_exit_url: "https://weather.example/?a=1&b=<2>"\n',
    )
    text = (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
    assert text.count('href="https://weather.example/?a=1&amp;b=&lt;2&gt;"') == 2


def test_a_foreign_load_fails_the_build(tmp_path: Path) -> None:
    """The scan is wired into the build: a page with a third-party image does not publish."""
    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content)
    page = content / "en" / "about.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\n![x](https://tracker.example/pixel.gif)\n",
        encoding="utf-8",
    )
    result = build_site(
        tmp_path / "work",
        data_dir=FIXTURE_DIRECTORY,
        content_dir=content,
        leaflets=False,
        check=False,
    )
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "en/about/index.html" in output and "https://tracker.example/pixel.gif" in output
    assert not (tmp_path / "work" / "site").exists()
