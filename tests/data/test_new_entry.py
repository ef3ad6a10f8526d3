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
    taken = data_dir / "entries/brest/brest-crisis-room.yml"
    assert f"the id `brest-crisis-room` is taken by {taken} (Кризисная комната «Пример»)" in out
    assert "If it is the same place, do not make a new entry: edit that file" in out
    assert "If it is another place, choose another id, such as `brest-crisis-room-2`." in out
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


def test_a_taken_id_suggests_one_with_the_town(run_cli: Runner, data_dir: Path) -> None:
    code, out = run_cli(
        "new-entry", "--data", str(data_dir), "--id", "brest-crisis-room", "--region", "brest",
        "--locality", "pinsk", "--service", "crisis-room",
    )  # fmt: skip
    assert code == 1
    assert "choose another id, such as `brest-crisis-room-pinsk`." in out


def test_places_to_stay_get_the_admission_block(run_cli: Runner, data_dir: Path) -> None:
    base = ("new-entry", "--data", str(data_dir), "--region", "brest")
    assert run_cli(*base, "--id", "a-shelter", "--service", "shelter", "--confidential")[0] == 0
    assert run_cli(*base, "--id", "a-lawyer", "--service", "legal")[0] == 0
    shelter = (data_dir / "entries/brest/a-shelter.yml").read_text(encoding="utf-8")
    lawyer = (data_dir / "entries/brest/a-lawyer.yml").read_text(encoding="utf-8")
    assert "\n# admission:\n#   referral: [self, police, social-services, health]" in shelter
    assert "#   children: with-parent" in shelter
    assert "admission" not in lawyer
    (data_dir / "entries/brest/a-lawyer.yml").unlink()
    # Uncommented as it stands, the block is valid data.
    text = shelter.replace("name:\n  ru:", "name:\n  ru: Убежище")
    text = text.replace("summary:\n  ru:", "summary:\n  ru: Можно остаться")
    text = text.replace('- number: ""', '- number: "8 0162 12-34-56"')
    lines = text.splitlines()
    start = lines.index("# admission:")
    end = start + 1
    while lines[end].startswith("#   "):
        end += 1
    lines[start:end] = [line[2:] for line in lines[start:end]]
    for key in ("# pets:", "# places:"):
        at = next(i for i, line in enumerate(lines) if line.startswith(key))
        lines[at] = lines[at][2:]
    text = "\n".join(lines) + "\n"
    (data_dir / "entries/brest/a-shelter.yml").write_text(text, encoding="utf-8")
    result = validate_directory(data_dir)
    assert [p for p in result.errors if "a-shelter" in p.path] == []
    entry = next(e for e in result.directory.entries if e.id == "a-shelter")
    assert entry.admission is not None and entry.admission.max_stay_days == 10
    assert entry.admission.boys_up_to_age == 14
    assert (entry.pets, entry.places) == ("ask", 4)
