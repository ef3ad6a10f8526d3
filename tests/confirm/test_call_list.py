"""``call-list``: who to phone, oldest first, with what to ask; then ``verify`` takes them off."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tests.data.helpers import Runner, write
from tests.leaflets.pdfcheck import flat, page_sizes_mm, page_texts

OPORA = """\
# yaml-language-server: $schema=../../../schema/entry.schema.json
id: vitebsk-opora
status: unconfirmed
name: {ru: Центр «Опора», be: Цэнтр «Апора», en: Centre "Opora"}
services: [psychological]
region: vitebsk
locality: vitebsk
address_visibility: locality
phones:
  - number: "8 0212 40-50-60"
    label: {ru: приёмная, en: reception}
hours: "Mo-Fr 08:30-17:30"
source: https://example.by/centres
source_date: 2026-03-02
"""

OLDER = (
    OPORA.replace("vitebsk-opora", "brest-older")
    .replace("Опора", "Старый")
    .replace("region: vitebsk\nlocality: vitebsk", "region: brest")
    .replace("2026-03-02", "2024-05-06")
    .replace("Opora", "Old")
    .replace("Апора", "Стары")
)


def _add(data_dir: Path) -> None:
    write(data_dir, "entries/vitebsk/vitebsk-opora.yml", OPORA)
    write(data_dir, "entries/brest/brest-older.yml", OLDER)


def test_pdf_lists_the_due_entries_oldest_first_on_a4(
    data_dir: Path, run_cli: Runner, tmp_path: Path
) -> None:
    _add(data_dir)
    target = tmp_path / "calls.pdf"
    code, out = run_cli("call-list", "--data", str(data_dir), "--out", str(target))
    assert code == 0, out
    assert "3 entries due for a call" in out
    text = flat(" ".join(page_texts(target)))
    # unconfirmed ones and the one verified 22 months ago; not the fresh ones, not the sample
    positions = [
        text.find(name) for name in ("Центр «Старый»", "Юридическая консультация", "Центр «Опора»")
    ]
    assert -1 not in positions and positions == sorted(positions), text
    for absent in ("Кризисная комната «Пример»", "vitebsk-sample-shelter", "8 801 100"):
        assert absent not in text
    assert "8 0212 40-50-60 — приёмная" in text
    assert "Пн–Пт 08:30–17:30" in text
    assert "Не подтверждено по телефону. Источник: example.by/centres, 2 марта 2026" in text
    assert "Вы по-прежнему работаете" in text and "Вы согласны, чтобы вас указали" in text
    assert text.count("Ответ:") == 3 * 4
    assert "python -m build_tools verify vitebsk-opora" in text
    assert all(size == (210, 297) for size in page_sizes_mm(target))


def test_region_language_and_formats(data_dir: Path, run_cli: Runner, tmp_path: Path) -> None:
    _add(data_dir)
    html_file = tmp_path / "v.html"
    code, out = run_cli(
        "call-list", "--data", str(data_dir), "--region", "vitebsk", "--lang", "be",
        "--format", "html", "--out", str(html_file),
    )  # fmt: skip
    assert code == 0, out
    html = html_file.read_text(encoding="utf-8")
    assert "Цэнтр «Апора»" in html and "Стары" not in html and "Юрыдычная" not in html
    assert "Што спытаць" in html and 'lang="be"' in html
    csv_file = tmp_path / "all.csv"
    code, out = run_cli(
        "call-list", "--data", str(data_dir), "--lang", "en", "--format", "csv",
        "--out", str(csv_file),
    )  # fmt: skip
    assert code == 0, out
    rows = list(csv.DictReader(io.StringIO(csv_file.read_text(encoding="utf-8-sig"))))
    assert [r["id"] for r in rows] == ["brest-older", "minsk-legal-aid", "vitebsk-opora"]
    assert rows[2]["status"].startswith("Not yet confirmed by phone. Source: example.by/centres")
    assert "Do you agree to be listed in the directory with these details?" in rows[0]


def test_verify_takes_an_entry_off_the_list(data_dir: Path, run_cli: Runner, tmp_path: Path):
    _add(data_dir)
    code, out = run_cli("verify", "vitebsk-opora", "--data", str(data_dir))
    assert code == 0, out
    target = tmp_path / "calls.csv"
    code, out = run_cli(
        "call-list", "--data", str(data_dir), "--format", "csv", "--out", str(target)
    )
    assert code == 0 and "2 entries due" in out
    assert "vitebsk-opora" not in target.read_text(encoding="utf-8-sig")


def test_unknown_region_and_broken_data_are_refused(data_dir: Path, run_cli: Runner) -> None:
    code, out = run_cli("call-list", "--data", str(data_dir), "--region", "gomel")
    assert code == 1 and "no region `gomel`" in out and "Traceback" not in out
    write(data_dir, "entries/brest/broken.yml", "id: broken\nname: [\n")
    code, out = run_cli("call-list", "--data", str(data_dir))
    assert code == 1 and "No call list" in out
