"""Where tests find the repository, the shared external test material and the fixture data.

CI clones the repository somewhere else with ``shared/`` beside the clone, so every test
computes these paths from this file instead of assuming a fixed location.
"""

from pathlib import Path

#: The repository root (the folder holding ``pyproject.toml``).
REPO = Path(__file__).resolve().parents[1]
#: Shared material outside the repository (``testdata/``, design notes); never edit it.
SHARED = REPO.parent / "shared"
#: Fixture data every stage's tests share.
FIXTURES = REPO / "tests" / "fixtures"
#: A small directory in the real format: 3 regions, 8 services, about a dozen entries.
FIXTURE_DIRECTORY = FIXTURES / "directory"
