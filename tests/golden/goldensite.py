"""The fixture site the golden and equivalence tests share.

Pages are compared byte for byte, as the build wrote them: two builds of the fixture write the
same bytes. The only input that changes from one build to the next is the build's moment, and
the pages use it for two things only (whether a free-places report is still fresh, whether a
notice is in force); the fixture's reports and notices all lie in the past, so the pages read
the same whatever the day of the build. Nothing is normalised.
"""

from __future__ import annotations

import os
from pathlib import Path

from tests.paths import FIXTURE_DIRECTORY
from tests.sitebuild import build_site

#: The committed pages, ``pages/<lang>/<kind>.html``.
GOLDEN = Path(__file__).resolve().parent / "pages"
#: ``make golden`` sets it: the tests then write the pages instead of comparing them.
UPDATE_VARIABLE = "HELPDIR_UPDATE_GOLDEN"
#: Forces every generated page through Material's full page template (no shared shell).
FULL_TEMPLATE_VARIABLE = "HELPDIR_FULL_TEMPLATE"

LANG_ROOTS = {"ru": "", "be": "be/", "en": "en/"}
#: One page of each kind the directory generates (the fixture's richest examples: the entry
#: has hours, a free-places report and a notice of its own).
PAGES = {
    "entry": "directory/brest-crisis-room/index.html",
    "region": "directory/regions/brest/index.html",
    "kind-of-help": "directory/services/crisis-room/index.html",
    "directory-home": "directory/index.html",
}


def updating() -> bool:
    return os.environ.get(UPDATE_VARIABLE, "") == "1"


def build_fixture(workdir: Path, *, full_template: bool = False) -> Path:
    """The fixture directory with the real content, leaflets off (no page depends on them)."""
    env = {FULL_TEMPLATE_VARIABLE: "1" if full_template else ""}
    build_site(workdir, data_dir=FIXTURE_DIRECTORY, leaflets=False, env=env)
    return workdir / "site"
