"""Where tests find the repository, the external test material and the fixture data.

Every path is computed from this file and lies inside the repository: a fresh clone with
nothing beside it must test.
"""

from pathlib import Path

#: The repository root (the folder holding ``pyproject.toml``).
REPO = Path(__file__).resolve().parents[1]
#: External test material written by others (HSDS, naughty strings), with its origin and
#: licence in ``tests/external/README.md``; never edit it to make a test pass.
EXTERNAL = REPO / "tests" / "external"
#: Fixture data every stage's tests share.
FIXTURES = REPO / "tests" / "fixtures"
#: A small directory in the real format: 3 regions, 8 services, about a dozen entries.
FIXTURE_DIRECTORY = FIXTURES / "directory"
#: Demonstration data: a directory in every region with every kind of entry, all of it made
#: up (`status: sample`). Tests and demo builds use it; it is never published.
DEMO_DIRECTORY = FIXTURES / "demo"
