"""Other people's HSDS data: the standard's examples and messy real-world packages.

Nothing may crash, and nothing may vanish: every value lands in an entry or in the report,
named by file and row.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
from pathlib import Path

import pytest
import yaml

from build_tools.cli import main
from build_tools.data.hsds_import import ImportInputError, import_hsds
from tests.paths import FIXTURE_DIRECTORY

from .helpers import HSDS, TODAY

HSDS11 = HSDS / "hsds1.1-sample-datapackage"
EXAMPLES30 = HSDS / "hsds3.0-spec" / "examples"
PACKAGES = {
    "1.1 simple": HSDS11 / "simple",
    "1.1 all_resources": HSDS11 / "all_resources",
    "3.0 csv": EXAMPLES30 / "csv",
}
JSON_EXAMPLES = sorted(p.name for p in EXAMPLES30.glob("*.json") if p.name != "base.json")
#: Cells that are only links between rows: used to join, never data of their own.
LINK = re.compile(r"^(id|.*_id)$")


def _import(source: Path, tmp_path: Path):
    return import_hsds(source, tmp_path / "review", data_dir=FIXTURE_DIRECTORY, today=TODAY)


@pytest.mark.parametrize("name", PACKAGES)
def test_sample_packages_import_with_a_report(name: str, tmp_path: Path) -> None:
    result = _import(PACKAGES[name], tmp_path)
    assert result.entries
    assert len(result.files) == len(result.entries)
    text = (tmp_path / "review" / "import-report.txt").read_text(encoding="utf-8")
    assert text.startswith(f"Imported {len(result.entries)} entr")
    assert "Not carried over" in text


@pytest.mark.parametrize("name", PACKAGES)
def test_every_cell_lands_in_an_entry_or_in_the_report(name: str, tmp_path: Path) -> None:
    folder = PACKAGES[name]
    result = _import(folder, tmp_path)
    written = _flat("\n".join(_strings(file) for file in result.files))
    report = result.report.sorted_lines()
    missing = []
    for file in sorted(folder.glob("*.csv")):
        text = file.read_bytes().decode("utf-8-sig")
        reader = csv.DictReader(io.StringIO(text, newline=""))
        for row in reader:
            where = f"{file.name}:{reader.line_num}: "
            lines = [line for line in report if line.startswith(where)]
            for field, value in row.items():
                value = (value or "").strip().strip('"').strip()
                if not value or LINK.match(field or ""):
                    continue
                if _flat(value) in written:
                    continue
                if any(f"{field}=" in line or "row not imported" in line for line in lines):
                    continue
                if any(value in line for line in lines):
                    continue
                missing.append(f"{where}{field}={value!r}")
    unexplained = _explained(missing)
    assert unexplained == [], "\n".join(unexplained)


def _strings(file: Path) -> str:
    """Every value of an imported file, and its header comments, as plain text."""
    text = file.read_text(encoding="utf-8")
    found = [line for line in text.splitlines() if line.startswith("#")]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        else:
            found.append(str(node))

    walk(yaml.safe_load(text))
    return "\n".join(found)


def _flat(text: str) -> str:
    """Case and line breaks aside (YAML folds long texts over lines)."""
    return " ".join(text.replace("\n", " ").split()).casefold()


def _explained(missing: list[str]) -> list[str]:
    """Cells whose meaning was carried in another form (listed here one by one, with why)."""
    carried = (
        # status "active" is the default and not written; weekdays and times became `hours`;
        # a voice or mobile phone is what every phone of ours is; languages became codes;
        # a location's type: only physical places are imported; the package's own notes on
        # its tables are about the files, not about any service
        re.compile(r": status='active'$"),
        re.compile(r"regular_schedules\.csv:\d+: (weekday|opens_at|closes_at)="),
        re.compile(r"phones\.csv:\d+: type='(voice|cell)'$"),
        re.compile(r"languages\.csv:\d+: (language|name)='(English|Spanish|Urdu)'$"),
        re.compile(r"locations\.csv:\d+: location_type='physical'$"),
        re.compile(r"meta_table_descriptions\.csv:\d+: "),
    )
    return [m for m in missing if not any(pattern.search(m) for pattern in carried)]


def test_hsds30_example_with_a_broken_datapackage_and_quoted_phone(tmp_path: Path) -> None:
    result = _import(PACKAGES["3.0 csv"], tmp_path)
    report = result.report.text()
    # the example's datapackage.json is a link saved as text; the files are read by name
    assert "datapackage.json: not JSON" in report
    entry = result.entries[0].data
    # phones.csv wraps the number in extra quotes: """+44 1234 234567"""
    assert entry["phones"][0]["number"] == "+44 1234 234567"
    assert "phones.csv:2: not imported: extension='100'" in report
    assert "funding.csv:2: row not imported" in report
    assert "a postal address" in report
    # the schedule uses byweekno/bymonthday: not weekly hours, so it is reported, not guessed
    assert "hours" not in entry and "schedules.csv:2: not imported" in report
    assert entry["languages"] == ["ur"]
    assert entry["name"] == {"en": "Community Counselling"}


def test_hsds11_packages(tmp_path: Path) -> None:
    result = _import(PACKAGES["1.1 all_resources"], tmp_path / "a")
    report = result.report.text()
    helpline = next(e.data for e in result.entries if e.data["id"] == "never-homeless-helpline")
    assert helpline["hours"] == "Mo-We 09:00-17:00"
    assert helpline["languages"] == ["en", "es"]
    assert "holiday_schedules.csv:2: holiday hours" in report
    assert (
        "services.csv:5: service `Food Safety Program` not imported: its status is `inactive`"
        in report
    )
    simple = _import(PACKAGES["1.1 simple"], tmp_path / "s").report.text()
    assert "phones.csv:3: phone `(223) 346 12361` not imported" in simple
    assert "organizations.csv:2: not imported: name='Sanctuary Example City'" in simple


@pytest.mark.parametrize("name", JSON_EXAMPLES)
def test_hsds30_json_examples_import_or_say_why_not(name: str, tmp_path: Path) -> None:
    try:
        result = _import(EXAMPLES30 / name, tmp_path)
    except ImportInputError as error:  # a file with no service in it says so, by name
        assert name in str(error)
        return
    if name.startswith(("service", "organization_full", "tabular")):
        assert [e.data["id"] for e in result.entries] == ["community-counselling"]
        entry = result.entries[0].data
        assert entry["email"] == "email@example.com"
        if name in ("service_full.json", "service_at_location_full.json", "tabular.json"):
            assert entry["phones"][0]["number"] == "+44 1234 234567"
    assert (tmp_path / "review" / "import-report.txt").exists()


MESSY_SERVICES = """\ufeffid,organization_id,name,description,url,email,status
{s1},{o1},Кризисная комната Пинска,Приём круглосуточно,N/A,NULL,active
{s2},{o1},Старая линия,,,,defunct
{s3},{o1},Центр в Бресте,Консультации,https://example.by/c,,temporarily closed
"""
MESSY_ORGS = "id,name,description\n{o1},Центр,Центр помощи\n"
MESSY_PHONES = """id,service_id,number,type,description,extension
p1,{s1},\"\"\"8 0165 12-34-56\"\"\",voice,дежурный,
p2,{s1},8 0165 65-43-21,fax,,
p3,{s3}, +375 (162) 11-22-33 ,voice,,12
p4,{s1},not a number,voice,,
"""
MESSY_SCHEDULES = """id,service_id,freq,byday,opens_at,closes_at
h1,{s3},WEEKLY,"MO,TU,WE,TH,FR",09:00,18:00
h2,{s3},WEEKLY,SA,10:00:00,14:00:00
h3,{s1},WEEKLY,"MO,TU,WE,TH,FR,SA,SU",00:00:00,23:59:59
"""
MESSY_LOCATIONS = "id,location_type,name,latitude,longitude\n{l1},physical,Центр,52.1,23.7\n"
MESSY_SAL = "id,service_id,location_id\nx1,{s3},{l1}\n"
MESSY_ADDRESSES = """id,location_id,address_1,city,state_province,postal_code,country,address_type
a1,{l1},ул. Примерная 3,Брест,Брестская область,224000,BY,physical
"""
MESSY_AREAS = "id,service_id,name\nr1,{s1},Пинск\n"
# another system's taxonomy that happens to use one of our facet codes
MESSY_TAXONOMIES = "id,name,description\nt1,Their tags,Tags\n"
MESSY_TERMS = "id,code,name,description,taxonomy_id\nk1,free,Free parking,Parking,t1\n"
MESSY_ATTRIBUTES = "id,link_id,taxonomy_term_id,link_entity,value\nat1,{s1},k1,service,true\n"


def _messy(folder: Path) -> Path:
    ids = {
        "s1": "11111111-1111-4111-8111-111111111111",
        "s2": "22222222-2222-4222-8222-222222222222",
        "s3": "33333333-3333-4333-8333-333333333333",
        "o1": "44444444-4444-4444-8444-444444444444",
        "l1": "55555555-5555-4555-8555-555555555555",
    }
    folder.mkdir()
    for name, text in {
        "services.csv": MESSY_SERVICES,
        "organizations.csv": MESSY_ORGS,
        "phones.csv": MESSY_PHONES,
        "schedules.csv": MESSY_SCHEDULES,
        "locations.csv": MESSY_LOCATIONS,
        "service_at_location.csv": MESSY_SAL,
        "addresses.csv": MESSY_ADDRESSES,
        "service_areas.csv": MESSY_AREAS,
        "taxonomies.csv": MESSY_TAXONOMIES,
        "taxonomy_terms.csv": MESSY_TERMS,
        "attributes.csv": MESSY_ATTRIBUTES,
    }.items():
        (folder / name).write_text(text.format(**ids), encoding="utf-8")
    return folder


def test_messy_values_are_cleaned_or_reported(tmp_path: Path) -> None:
    result = _import(_messy(tmp_path / "messy"), tmp_path)
    report = result.report.text()
    entries = {e.data["id"]: e.data for e in result.entries}
    assert sorted(entries) == ["krizisnaya-komnata-pinska", "tsentr-v-breste"]
    pinsk = entries["krizisnaya-komnata-pinska"]
    assert pinsk["phones"] == [{"number": "8 0165 12-34-56", "label": {"ru": "дежурный"}}]
    assert "email" not in pinsk and "website" not in pinsk  # NULL and N/A are placeholders
    assert (pinsk["region"], pinsk["locality"]) == ("brest", "pinsk")  # from the service area
    assert pinsk["hours"] == "24/7"
    assert pinsk["name"] == {"ru": "Кризисная комната Пинска"}
    brest = entries["tsentr-v-breste"]
    assert brest["status"] == "suspended"
    assert brest["phones"][0]["number"] == "8 0162 11-22-33"
    assert brest["hours"] == "Mo-Fr 09:00-18:00; Sa 10:00-14:00"
    assert (brest["region"], brest["locality"]) == ("brest", "brest")
    assert brest["address"] == {"ru": "ул. Примерная 3"}
    assert brest["geo"] == {"lat": 52.1, "lon": 23.7}
    assert "datapackage.json: missing" in report
    assert "services.csv:3: service `Старая линия` not imported: its status is `defunct`" in report
    assert "phones.csv:3: fax number `8 0165 65-43-21` not imported" in report
    assert "phones.csv:4: not imported: extension='12'" in report
    assert "phones.csv:5: phone `not a number` not imported" in report
    assert "addresses.csv:2: not imported: postal_code='224000'" in report
    # their term coded "free" is not our fact "free": not imported as one, and said so
    assert "free" not in pinsk
    assert any("Free parking" in todo for todo in result.entries[0].todo)
    assert "attributes.csv:2: not imported: link_entity='service', value='true'" in report
    assert (
        "taxonomy_terms.csv:2: vocabulary no imported entry refers to: id='k1', code='free'"
        in report
    )


def test_the_command_line_imports_into_a_review_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "directory_data"
    shutil.copytree(FIXTURE_DIRECTORY, data)
    code = main(["import-hsds", str(PACKAGES["1.1 simple"]), "--data", str(data)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Imported 10 entries" in out and "phones.csv:3" in out
    review = data / "review"
    assert len(list(review.rglob("*.yml"))) == 10
    assert (review / "import-report.txt").read_text(encoding="utf-8") in out


def test_the_command_line_explains_a_wrong_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["import-hsds", str(tmp_path), "--out", str(tmp_path / "out")])
    assert code == 1
    assert "no datapackage.json and no CSV files here" in capsys.readouterr().err


def test_the_import_belongs_to_the_data_stage_and_imports_no_output() -> None:
    """Data flows one way: the data stage never imports an output (the export imports it)."""
    folder = Path(__file__).resolve().parents[2] / "build_tools" / "data" / "hsds_import"
    for file in folder.glob("*.py"):
        text = file.read_text(encoding="utf-8")
        for output in ("feeds", "pages", "finder", "leaflets"):
            assert not re.search(rf"^\s*(from|import) build_tools\.{output}\b", text, re.M), file
            assert not re.search(rf"^\s*from \.\.\.?{output}\b", text, re.M), file
