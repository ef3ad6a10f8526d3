"""``verify ID``: only the `verified:` and `status:` lines change; every other byte stays."""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from build_tools.data.build import load_directory
from tests.data.helpers import Runner, write

UNCONFIRMED = (
    "# yaml-language-server: $schema=../../../schema/entry.schema.json\n"
    "# Taken from the district's page; nobody has called yet.\n"
    "id: gomel-test-centre\n"
    "status: 'unconfirmed'   # until a volunteer calls\n"
    'name: {ru: "Центр «Тест»", be: Цэнтр, en: Test centre}\n'
    "services: [psychological]\n"
    "region: brest\n"
    "locality: brest\n"
    "phones:\n"
    "  - number: '8 0162 21-22-23'   # reception\n"
    'hours: "Mo-Fr 08:30-17:30"\n'
    "source: https://example.by/centre\n"
    "source_date: 2026-05-04\n"
    "free: true  # by law\n"
)


def test_verify_unconfirmed_changes_status_and_adds_date_only(
    data_dir: Path, run_cli: Runner
) -> None:
    file = write(data_dir, "entries/brest/gomel-test-centre.yml", UNCONFIRMED)
    code, out = run_cli(
        "verify", "gomel-test-centre", "--date", "2026-11-02", "--data", str(data_dir)
    )
    assert code == 0, out
    before = UNCONFIRMED.encode().splitlines(keepends=True)
    after = file.read_bytes().splitlines(keepends=True)
    assert after[3] == b"status: active   # until a volunteer calls\n"
    assert after[-1] == b"verified: 2026-11-02\n"
    assert after[:3] == before[:3]
    assert after[4:-1] == before[4:]
    assert len(after) == len(before) + 1
    entry = load_directory(data_dir).entry("gomel-test-centre")
    assert entry.status == "active"
    assert entry.verified == _dt.date(2026, 11, 2)


def test_verify_confirmed_entry_replaces_only_the_date(data_dir: Path, run_cli: Runner) -> None:
    file = data_dir / "entries/brest/pinsk-crisis-room.yml"
    text = file.read_bytes().replace(b"verified: 2026-06-10", b"verified: 2026-06-10  # Olga")
    file.write_bytes(text.replace(b"\n", b"\r\n"))
    code, out = run_cli(
        "verify", "pinsk-crisis-room", "--date", "2026-10-01", "--data", str(data_dir)
    )
    assert code == 0, out
    expected = text.replace(b"verified: 2026-06-10", b"verified: 2026-10-01").replace(
        b"\n", b"\r\n"
    )
    assert file.read_bytes() == expected


def test_verify_refuses_unknown_id_future_date_and_bad_date(
    data_dir: Path, run_cli: Runner
) -> None:
    code, out = run_cli("verify", "no-such-place", "--data", str(data_dir))
    assert code == 1 and "no entry `no-such-place`" in out and "Traceback" not in out
    code, out = run_cli(
        "verify", "pinsk-crisis-room", "--date", "2999-01-01", "--data", str(data_dir)
    )
    assert code == 1 and "in the future" in out
    code, out = run_cli(
        "verify", "pinsk-crisis-room", "--date", "01.02.2026", "--data", str(data_dir)
    )
    assert code == 1 and "YYYY-MM-DD" in out
