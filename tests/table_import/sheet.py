"""A realistic table of places, as a regional office might keep it, in .xlsx and .csv forms."""

from __future__ import annotations

import csv
import datetime as _dt
import io
from pathlib import Path

#: Streets that must never appear anywhere: the places are confidential.
SECRET_STREETS = ("Тайная", "Секретный")

TITLE = "Список организаций, оказывающих помощь пострадавшим (на 01.10.2026)"
HEADER = [
    "№", "Название организации", "Область", "Населённый пункт", "Вид помощи", "Телефоны",
    "Режим работы", "Адрес", "Адрес не публиковать", "Кому помогают", "Бесплатно",
    "Источник", "Дата проверки", "Примечание",
]  # fmt: skip
ROWS: list[list[object]] = [
    [1, "Кризисная комната ТЦСОН Пинского района", "Брестская обл.", "г. Пинск",
     "Кризисная комната", "8 (0165) 12-34-56 (круглосуточно)\n8-801-100-88-01", "круглосуточно",
     "ул. Тайная, 5", "да", "женщины с детьми", "да", "Список ТЦСОН", _dt.date(2026, 9, 1), ""],
    [2, "Центр психологической помощи «Доверие»", "Брестская", "Брест",
     "психолог, юрист", "+375 162 21-22-23; 21-22-24 (после 17.30)",
     "пн-пт 8.30-17.30, сб 9-13", "ул. Открытая, 10", "нет", "все", "да", "",
     "15.08.2026", "Запись по телефону"],
    [3, "Горячая линия для пострадавших", "Вся Беларусь", "", "Горячая линия",
     "8 801 100 8 801", "ежедневно 8.00-20.00", "", "нет", "", "да", "", "", ""],
    [4, "Витебский центр социального обслуживания", "Витебская область", "Витебск", "Убежище",
     "8 0212 11-22-33", "пн-пт 9-18, выходной — воскресенье", "пр. Секретный, 7", "нет",
     "женщины", "да", "", "", "Адрес: пр. Секретный, 7"],
    [5, "Центр психологической помощи Доверие", "Брестская обл.", "г. Брест", "Психолог",
     "8 0162 21-22-23", "пн-пт 8.30-17.30", "", "", "", "", "", "", "повтор"],
    [6, "Общественное объединение «Без связи»", "г. Минск", "", "юридическая помощь",
     "", "по записи", "", "", "", "", "", "", ""],
    [7, "Юридическая консультация", "Брестская обл.", "г. Барановичи", "юрист",
     "8 0163 45-67-89", "по записи", "ул. Советская, 1", "нет", "", "нет", "", "", ""],
]  # fmt: skip
#: The sheet row of each ROWS item: a title line, a blank line, then the header on row 3.
FIRST_DATA_ROW = 4


def write_xlsx(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Организации"
    sheet.append([TITLE])
    sheet.append([])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append([value if value != "" else None for value in row])
    book.save(path)
    return path


def write_csv(path: Path) -> Path:
    """As Russian Excel saves "CSV (разделители — точки с запятой)": `;` and Windows-1251."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow([TITLE])
    writer.writerow([])
    writer.writerow(HEADER)
    for row in ROWS:
        writer.writerow(
            [value.strftime("%d.%m.%Y") if isinstance(value, _dt.date) else value for value in row]
        )
    path.write_bytes(buffer.getvalue().encode("cp1251"))
    return path
