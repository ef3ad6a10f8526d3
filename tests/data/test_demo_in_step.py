"""The demonstration directory (tests/fixtures/demo) shares the real guide, regions, kinds of
help, organisation facts and population figures: only its entries are made up. A change to the
real files that is not copied there shows here, instead of as a puzzling failure in a browser
test."""

from __future__ import annotations

import pytest

from tests.paths import DEMO_DIRECTORY, REPO


@pytest.mark.parametrize(
    "name", ["guide.yml", "regions.yml", "services.yml", "organisation.yml", "population.yml"]
)
def test_the_demo_shares_the_real_file(name: str) -> None:
    real = (REPO / "directory_data" / name).read_text(encoding="utf-8").split("\n", 1)[1]
    demo = (DEMO_DIRECTORY / name).read_text(encoding="utf-8").split("\n", 1)[1]
    assert demo == real, f"copy directory_data/{name} to tests/fixtures/demo/ (keep its first line)"
