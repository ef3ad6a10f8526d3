"""`new-entry`: a commented skeleton in the right folder that never overwrites."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from build_tools.data.build import validate_directory
from tests.data.helpers import Runner


def test_writes_skeleton_in_the_region_folder(run_cli: Runner, data_dir: Path) -> None:
    code, out = run_cli(
        "new-entry", "--data", str(data_dir), "--id", "pinsk-new", "--region", "brest",
        "--locality", "pinsk", "--service", "crisis-room", "--service", "legal",
        "--name", "Новое место", "--confidential",
    )  # fmt: skip
    assert code == 0, out
    file = data_dir / "entries" / "brest" / "pinsk-new.yml"
    text = file.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/entry.schema.json\n")
    assert "services: [crisis-room, legal]" in text
    # a confidential place with a town shows the town (Issue 19, defect 4)
    assert "\naddress_visibility: locality\n" in text
    assert "\naddress:" not in text and "\ngeo:" not in text
    assert f"verified: {_dt.date.today().isoformat()}" in text


def test_skeleton_fails_validation_at_the_empty_lines_until_filled(
    run_cli: Runner, data_dir: Path
) -> None:
    run_cli("new-entry", "--data", str(data_dir), "--id", "new-line", "--national",
            "--service", "hotline")  # fmt: skip
    file = data_dir / "entries" / "national" / "new-line.yml"
    result = validate_directory(data_dir)
    fields = {p.field for p in result.errors if p.path.endswith("new-line.yml")}
    assert fields == {"name.ru", "summary.ru", "phones.1.number"}
    text = file.read_text(encoding="utf-8")
    text = text.replace("name:\n  ru:", "name:\n  ru: Линия")
    text = text.replace("summary:\n  ru:", "summary:\n  ru: Звоните")
    text = text.replace('- number: ""', '- number: "8 801 100 8 801"')
    file.write_text(text, encoding="utf-8")
    assert validate_directory(data_dir).errors == []


def test_refuses_to_overwrite(run_cli: Runner, data_dir: Path) -> None:
    before = (data_dir / "entries/brest/brest-crisis-room.yml").read_text(encoding="utf-8")
    code, out = run_cli(
        "new-entry", "--data", str(data_dir), "--id", "brest-crisis-room", "--region", "brest",
        "--service", "crisis-room",
    )  # fmt: skip
    assert code == 1
    assert "already exists" in out
    after = (data_dir / "entries/brest/brest-crisis-room.yml").read_text(encoding="utf-8")
    assert after == before


def test_refuses_unknown_region_service_and_bad_id(run_cli: Runner, data_dir: Path) -> None:
    base = ("new-entry", "--data", str(data_dir))
    code, out = run_cli(*base, "--id", "x-y", "--region", "nowhere", "--service", "hotline")
    assert code == 1 and "no region `nowhere`" in out
    code, out = run_cli(*base, "--id", "x-y", "--region", "brest", "--service", "nothing")
    assert code == 1 and "unknown kind of help nothing" in out
    code, out = run_cli(*base, "--id", "Bad Id", "--region", "brest", "--service", "hotline")
    assert code == 1 and "cannot be an id" in out
    code, out = run_cli(*base, "--id", "finder", "--region", "brest", "--service", "hotline")
    assert code == 1
    assert not list((data_dir / "entries").rglob("x-y.yml"))
