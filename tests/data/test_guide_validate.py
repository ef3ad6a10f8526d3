"""``validate`` checks ``guide.yml`` with the same code the build uses (issue 16)."""

from __future__ import annotations

import re
from pathlib import Path

from tests.data.helpers import Runner
from tests.paths import REPO

GUIDE = (REPO / "directory_data" / "guide.yml").read_text(encoding="utf-8")


def test_the_real_guide_validates_with_the_fixture_data(data_dir: Path, run_cli: Runner) -> None:
    (data_dir / "guide.yml").write_text(GUIDE, encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    assert code == 0, out


def test_a_broken_guide_reference_fails_validate_with_file_line_and_field(
    data_dir: Path, run_cli: Runner
) -> None:
    broken = GUIDE.replace("next: region", "next: regoin", 1).replace(
        "services: [legal]", "services: [lawyer]", 1
    )
    assert broken.count("regoin") == 1 and "lawyer" in broken
    file = data_dir / "guide.yml"
    file.write_text(broken, encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    assert code == 1, out
    line = broken.splitlines().index("        next: regoin") + 1
    assert re.search(
        re.escape(f"{file}:{line}:") + r"\d+: steps\.\d+\.answers\.\d+\.next: no step has the id "
        r"`regoin` — use one of: ",
        out,
    ), out
    lawyer = broken.splitlines().index("        services: [lawyer]") + 1
    assert f"{file}:{lawyer}:" in out and "`lawyer` is not a kind of help" in out
    assert out.strip().splitlines()[-1].startswith("FAILED: 2 errors")


def test_an_unknown_key_in_the_guide_is_named(data_dir: Path, run_cli: Runner) -> None:
    file = data_dir / "guide.yml"
    file.write_text(GUIDE.replace("start: danger", "begin: danger"), encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    assert code == 1 and "begin" in out and str(file) in out, out


def test_an_emergency_number_that_cannot_be_dialled_is_named(
    data_dir: Path, run_cli: Runner
) -> None:
    file = data_dir / "guide.yml"
    file.write_text(GUIDE.replace('- number: "103"', '- number: "100"', 1), encoding="utf-8")
    code, out = run_cli("validate", str(data_dir))
    line = GUIDE.splitlines().index('    - number: "103"') + 1
    assert code == 1 and f"{file}:{line}:" in out, out
    assert "emergency.numbers.2.number: `100` is not a known short number" in out, out
