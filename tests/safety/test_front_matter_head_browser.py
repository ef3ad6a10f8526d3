"""Front matter reaches ``<head>`` as text: a title or description written to break out of its
place cannot send the visitor to another site (issue 19, defect 2)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.paths import FIXTURE_DIRECTORY, REPO
from tests.serve import serve
from tests.sitebuild import build_site

pytestmark = [pytest.mark.browser, pytest.mark.slow]

REFRESH = '<meta http-equiv="refresh" content="0;url=https://evil.example/">'
#: The reproduction from the issue, and the same aimed at the title.
DESCRIPTION = 'X">' + REFRESH
TITLE = "X</title>" + REFRESH
#: A title taken from the heading: Material passes it through `striptags`, which un-escapes.
HEADING = "&lt;/title&gt;&lt;meta http-equiv=refresh content=0;url=https://evil.example/&gt;"


def _set_front_matter(page: Path, front: str | None, heading: str | None = None) -> None:
    _, old_front, body = page.read_text(encoding="utf-8").split("---\n", 2)
    front = old_front if front is None else front
    if heading is not None:
        lines = body.lstrip("\n").split("\n", 1)
        body = f"# {heading}\n{lines[1]}"
    page.write_text(f"---\n{front}---\n{body}", encoding="utf-8")


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    work = tmp_path_factory.mktemp("front-matter-head")
    content = work / "content"
    shutil.copytree(REPO / "content", content)
    _set_front_matter(content / "en" / "about.md", f"description: '{DESCRIPTION}'\n")
    _set_front_matter(content / "en" / "partners.md", f"title: '{TITLE}'\n")
    _set_front_matter(content / "en" / "chatbot.md", None, heading=HEADING)
    result = build_site(work, data_dir=FIXTURE_DIRECTORY, content_dir=content, leaflets=False)
    assert "Traceback" not in result.stderr
    with serve(work / "site") as url:
        yield url


@pytest.mark.parametrize(
    ("path", "field", "text"),
    [
        ("en/about/", "description", DESCRIPTION),
        ("en/partners/", "title", TITLE),
        ("en/chatbot/", "title", "</title><meta http-equiv=refresh"),
    ],
)
def test_front_matter_in_head_does_not_redirect(hostile_site, page, path, field, text) -> None:
    """Issue 19, defect 2: Chromium stays on the page; the field shows as plain text."""
    page.goto(hostile_site + path, wait_until="load")
    page.wait_for_timeout(1500)  # a refresh with delay 0 would have left by now
    assert page.url == hostile_site + path
    assert not [url for url in page.requests_seen if "evil.example" in url]
    assert page.locator('meta[http-equiv="refresh" i]').count() == 0
    if field == "description":
        assert page.locator('meta[name="description"]').get_attribute("content") == text
    else:
        assert text in page.title()
