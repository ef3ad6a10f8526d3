"""Tables that cannot be read: a clear message naming the file (and row), exit 1, no traceback."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.data.helpers import Runner

HEADER = "Название;Область;Телефон;Режим работы\r\n"


def _run(run_cli: Runner, data_dir: Path, file: Path, *extra: str) -> tuple[int, str, Path]:
    out = file.parent / "review"
    code, printed = run_cli(
        "import-table", str(file), "--data", str(data_dir), "--out", str(out), *extra
    )
    assert "Traceback" not in printed
    return code, printed, out


def _empty_xlsx(path: Path) -> None:
    import openpyxl

    openpyxl.Workbook().save(path)


@pytest.mark.parametrize(
    ("name", "make", "says"),
    [
        ("empty.csv", lambda p: p.write_bytes(b""), "is empty"),
        ("empty.xlsx", _empty_xlsx, "is empty"),
        ("photo.xlsx", lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 64), "not a readable"),
        ("list.docx", lambda p: p.write_bytes(b"PK\x03\x04"), "not a spreadsheet"),
        (
            "locked.xlsx",
            lambda p: p.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512),
            "password-protected",
        ),
        ("utf16.csv", lambda p: p.write_text(HEADER, encoding="utf-16"), "UTF-16"),
        (
            "noheader.csv",
            lambda p: p.write_text("Москва;123\r\nБрест;456\r\n", encoding="utf-8"),
            "no header row",
        ),
    ],
)
def test_unreadable_tables_exit_1_naming_the_file(
    name: str, make, says: str, tmp_path: Path, data_dir: Path, run_cli: Runner
) -> None:
    file = tmp_path / name
    make(file)
    code, printed, out = _run(run_cli, data_dir, file)
    assert code == 1
    assert str(file) in printed and says in printed, printed
    assert not out.exists()


def test_formula_cells_are_text_and_merged_cells_are_reported(
    tmp_path: Path, data_dir: Path, run_cli: Runner
) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Название", "Область", "Телефон", "Режим работы"])
    sheet.append(['=HYPERLINK("http://x","Центр")', "Брестская", "8 0162 21-22-23", "24/7"])
    sheet.append(["Центр в Бресте", "Брестская", "8 0162 21-22-24", "круглосуточно"])
    sheet.append(["Центр в Пинске", None, "8 0165 21-22-25", "круглосуточно"])
    sheet.merge_cells("B3:B4")
    file = tmp_path / "formulas.xlsx"
    book.save(file)
    code, printed, out = _run(run_cli, data_dir, file)
    assert code == 0, printed
    report = (out / "import-report.txt").read_text(encoding="utf-8")
    assert ":2: a formula in column 1 was read as its text" in report
    formula = yaml.safe_load(next(out.rglob("hyperlink*.yml")).read_text(encoding="utf-8"))
    assert formula["name"] == {"ru": '=HYPERLINK("http://x","Центр")'}
    assert ":3: merged cells B3:B4: only the first cell holds the value" in report
    # the merged region cell is empty on row 4: a to-do, never a crash
    pinsk = next(out.rglob("tsentr-v-pinske*.yml")).read_text(encoding="utf-8")
    assert "set `region:`" in pinsk


def test_ten_thousand_rows_are_read_and_accounted_for(
    tmp_path: Path, data_dir: Path, run_cli: Runner
) -> None:
    # a thousand places, each listed ten times (as lists merged from several offices are)
    lines = [HEADER]
    for n in range(10_000):
        place = n % 1000
        lines.append(
            f"Центр номер {place};Брестская;8 029 1{place // 100:02d}-{place % 100:02d}-00;\r\n"
        )
    file = tmp_path / "big.csv"
    file.write_text("".join(lines), encoding="utf-8-sig")
    code, printed, out = _run(run_cli, data_dir, file)
    assert code == 0, printed[-2000:]
    assert "Read 10000 rows; wrote 1000 files" in printed
    assert len(list(out.rglob("*.yml"))) == 1000
    report = (out / "import-report.txt").read_text(encoding="utf-8")
    rows = {int(n) for n in re.findall(r"big\.csv:(\d+): (?:written|skipped)", report)}
    assert rows == set(range(2, 10_002))
    assert "big.csv:10001: skipped: possible duplicate of row 1001" in report


def test_unknown_column_map_field_is_refused(
    tmp_path: Path, data_dir: Path, run_cli: Runner
) -> None:
    table = tmp_path / "t.csv"
    table.write_text("Учреждение;Контакты\r\nЦентр;8 0162 21-22-23\r\n", encoding="utf-8")
    bad = tmp_path / "map.yml"
    bad.write_text("Контакты: telephone\n", encoding="utf-8")
    code, printed, _ = _run(run_cli, data_dir, table, "--columns", str(bad))
    assert code == 1 and "'telephone' is not a field" in printed
    good = tmp_path / "good.yml"
    good.write_text("Контакты: phones\n", encoding="utf-8")
    code, printed, out = _run(run_cli, data_dir, table, "--columns", str(good))
    assert code == 0, printed
    entry = yaml.safe_load(next(out.rglob("*.yml")).read_text(encoding="utf-8"))
    assert entry["phones"] == [{"number": "8 0162 21-22-23"}]


@pytest.mark.parametrize(
    ("delimiter", "encoding"), [(",", "utf-8-sig"), ("\t", "utf-8"), (";", "cp1251")]
)
def test_separators_and_encodings_are_detected(
    delimiter: str, encoding: str, tmp_path: Path, data_dir: Path, run_cli: Runner
) -> None:
    rows = [
        ["Справочник служб, помогающих пострадавшим"],
        ["Название", "Город", "Телефон", "Режим работы"],
        ["Центр «Доверие», Брест", "г. Брест", "8 0162 21-22-23, 8 029 123-45-67", "пн-пт 9-18"],
    ]
    file = tmp_path / "t.csv"
    file.write_bytes("\r\n".join(
        delimiter.join(f'"{c}"' if delimiter in c else c for c in row) for row in rows
    ).encode(encoding))  # fmt: skip
    code, printed, out = _run(run_cli, data_dir, file)
    assert code == 0, printed
    entry = yaml.safe_load(next(out.rglob("*.yml")).read_text(encoding="utf-8"))
    assert entry["name"] == {"ru": "Центр «Доверие», Брест"}
    assert (entry["region"], entry["locality"]) == ("brest", "brest")
    assert [p["number"] for p in entry["phones"]] == ["8 0162 21-22-23", "8 029 123-45-67"]
    assert entry["hours"] == "Mo-Fr 09:00-18:00"


def test_a_workbook_with_several_sheets(tmp_path: Path, data_dir: Path, run_cli: Runner) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Пояснения"
    book.active.append(["Этот лист — пояснения к списку"])
    sheet = book.create_sheet("Брест")
    sheet.append(["Название", "Город", "Телефон"])
    sheet.append(["Центр в Бресте", "Брест", "8 0162 21-22-23"])
    file = tmp_path / "book.xlsx"
    book.save(file)
    code, printed, _ = _run(run_cli, data_dir, file)
    assert code == 1 and "no header row in the first 20 rows of the sheet 'Пояснения'" in printed
    assert "choose one with --sheet" in printed
    code, printed, out = _run(run_cli, data_dir, file, "--sheet", "Пинск")
    assert code == 1 and "no sheet 'Пинск'; the sheets are 'Пояснения', 'Брест'" in printed
    code, printed, out = _run(run_cli, data_dir, file, "--sheet", "Брест")
    assert code == 0, printed
    assert "book.xlsx[Брест]:2: written to brest/tsentr-v-breste.yml" in printed


def test_the_same_name_in_two_towns_is_written_and_flagged(
    tmp_path: Path, data_dir: Path, run_cli: Runner
) -> None:
    table = tmp_path / "rooms.csv"
    table.write_text(
        "Название;Город;Телефон\r\n"
        "Кризисная комната;Брест;8 0162 21-22-23\r\n"
        "Кризисная комната;Пинск;8 0165 21-22-23\r\n"
        "Кризисная комната;Пинск;8 0165 99-88-77\r\n",
        encoding="utf-8",
    )
    code, printed, out = _run(run_cli, data_dir, table)
    assert code == 0, printed
    report = (out / "import-report.txt").read_text(encoding="utf-8")
    assert "rooms.csv:2: written to brest/krizisnaya-komnata-brest.yml\n" in report
    assert re.search(
        r"rooms\.csv:3: written to brest/\S+; possible duplicate of row 2 \(the same name\)", report
    )
    assert (
        "rooms.csv:4: skipped: possible duplicate of row 3 (the same name in the same place)"
        in report
    )
    pinsk = next(out.rglob("krizisnaya-komnata-pinsk.yml")).read_text(encoding="utf-8")
    assert "# To do: possible duplicate of row 2 (the same name)" in pinsk


def test_line_breaks_in_quoted_cells_stay_inside_comments(
    tmp_path: Path, data_dir: Path, run_cli: Runner
) -> None:
    table = tmp_path / "breaks.csv"
    table.write_text(
        "Название;Город;Телефон;Режим работы;Примечание\r\n"
        'Центр;"Новый\r\nгород: x";8 0162 21-22-23;"по записи\r\nid: hacked";'
        '"строка\r\nservices: [x]"\r\n',
        encoding="utf-8",
    )
    code, printed, out = _run(run_cli, data_dir, table)
    assert code == 0, printed
    text = next(out.rglob("*.yml")).read_text(encoding="utf-8")
    data = yaml.safe_load(text)
    assert data["id"] == "tsentr" and data["services"] == []
    assert "`Новый город: x`" in text and "`по записи id: hacked`" in text
