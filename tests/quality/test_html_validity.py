"""The Nu Html Checker on every generated page type in every language: no error.

Browsers forgive broken markup in different ways; assistive technology forgives less. Every
page type is checked (pages of one type share one template), plus the redirect pages of
renamed entries and the "not found" pages, in one Java run.
"""

from __future__ import annotations

from pathlib import Path

from build_tools.data.build import load_directory
from tests.paths import DEMO_DIRECTORY
from tests.quality import vnu
from tests.quality.pagetypes import LANG_ROOTS, page_samples, redirect_paths


def test_every_page_type_is_valid_html(built_site: Path) -> None:
    files = [built_site / s.file for s in page_samples(DEMO_DIRECTORY)]
    directory = load_directory(DEMO_DIRECTORY)
    redirects = redirect_paths(directory)
    assert redirects, "the real data has renamed entries; their redirect pages are checked too"
    files += [
        built_site / root / path / "index.html"
        for root in LANG_ROOTS.values()
        for path in redirects[:1]
    ]
    files += [built_site / root / "404.html" for root in LANG_ROOTS.values()]
    missing = [str(f.relative_to(built_site)) for f in files if not f.is_file()]
    assert not missing, f"pages not built: {missing}"
    errors = vnu.unaccepted(vnu.check_files(files, root=built_site))
    assert not errors, "the HTML checker found errors:\n" + "\n".join(map(str, errors))


def test_every_accepted_message_says_why() -> None:
    for accepted in vnu.ACCEPTED:
        assert accepted.pattern and len(accepted.reason) > 20, accepted
