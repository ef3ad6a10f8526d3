"""`import-hsds` on input that is broken, hostile or silent about privacy.

Each case copies the HSDS 3.0 example package (or our own export) and breaks one thing.
What an editor must get: a message naming the file (and line) and exit 1, with nothing written;
or, for addresses, a question in the imported file's to-do header.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from build_tools.cli import main
from build_tools.data.build import load_directory
from build_tools.feeds import write_feeds
from build_tools.languages import LANGUAGES
from tests.paths import FIXTURE_DIRECTORY

from .helpers import HSDS, SITE_URL

EXAMPLE = HSDS / "hsds3.0-spec" / "examples" / "csv"


@pytest.fixture
def package(tmp_path: Path) -> Path:
    folder = tmp_path / "package"
    shutil.copytree(EXAMPLE, folder)
    return folder


def _run(capsys: pytest.CaptureFixture[str], source: Path, out: Path) -> tuple[int, str]:
    code = main(["import-hsds", str(source), "--data", str(FIXTURE_DIRECTORY), "--out", str(out)])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def _edit(file: Path, old: str, new: str, count: int = -1) -> None:
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, count), encoding="utf-8")


def _nothing_written(out: Path) -> bool:
    return not out.exists() or not any(out.rglob("*"))


def test_a_cp1251_file_names_the_line_that_is_not_utf8(package: Path, tmp_path: Path, capsys):
    """Issue 19, defect 9: Windows-1251 text is not turned into question marks silently."""
    _edit(package / "services.csv", "Community Counselling", "Консультации для семей")
    text = (package / "services.csv").read_text(encoding="utf-8")
    (package / "services.csv").write_bytes(text.encode("cp1251", errors="replace"))
    out = tmp_path / "out"
    code, said = _run(capsys, package, out)
    assert code == 1
    assert "services.csv:2: this line is not UTF-8 text (it looks like Windows-1251)" in said
    assert "save the file as UTF-8" in said
    assert "Traceback" not in said and _nothing_written(out)


def test_a_package_without_services_says_so(package: Path, tmp_path: Path, capsys) -> None:
    """Issue 19, defect 9: not "Imported 0 entries" with exit 0."""
    (package / "services.csv").unlink()
    out = tmp_path / "out"
    code, said = _run(capsys, package, out)
    assert code == 1
    assert "no services — an HSDS package lists them in `services.csv`" in said
    assert "Imported 0" not in said and _nothing_written(out)


def test_renamed_service_columns_are_named(package: Path, tmp_path: Path, capsys) -> None:
    """Issue 19, defect 9: the missing columns and the ones found are said."""
    _edit(
        package / "services.csv",
        "id,organization_id,program_id,name,",
        "key,organization_id,program_id,title,",
    )
    out = tmp_path / "out"
    code, said = _run(capsys, package, out)
    assert code == 1
    assert "services.csv has no column `id` and no column `name` (its columns: key," in said
    assert _nothing_written(out)


def test_json_nested_three_thousand_deep_is_a_message(tmp_path: Path, capsys) -> None:
    """Issue 19, defect 6: not a RecursionError."""
    source = tmp_path / "deep.json"
    source.write_text('{"name": "x", "services": ' + "[" * 3000 + "]" * 3000 + "}", "utf-8")
    out = tmp_path / "out"
    code, said = _run(capsys, source, out)
    assert code == 1
    assert f"{source}: objects are nested too deeply to read" in said
    assert "Traceback" not in said and "RecursionError" not in said
    assert _nothing_written(out)


@pytest.fixture
def our_export(tmp_path: Path) -> Path:
    out = tmp_path / "export"
    write_feeds(load_directory(FIXTURE_DIRECTORY), out, site_url=SITE_URL)
    return out / "hsds"


def test_a_nul_in_an_imported_id_stops_before_anything_is_written(
    our_export: Path, tmp_path: Path, capsys
) -> None:
    """Issue 19, defect 6: a NUL in the entry id (a file name to be) is a message, not a
    ValueError after other files were written."""
    for lang in LANGUAGES:
        _edit(our_export / lang / "attributes.csv", ",minsk-legal-aid\n", ",minsk-le\x00gal-aid\n")
    out = tmp_path / "out"
    code, said = _run(capsys, our_export, out)
    assert code == 1
    assert "attributes.csv" in said or "services.csv" in said
    assert "entry-id: the id 'minsk-le\\x00gal-aid' holds an invisible control character" in said
    assert "Traceback" not in said and _nothing_written(out)


def test_a_nul_in_a_row_id_names_its_file_and_line(package: Path, tmp_path: Path, capsys):
    """Issue 19, defect 6: the same for an `id` column of the source."""
    _edit(package / "phones.csv", "\n", "\n\x00", 1)  # the first data row's id starts with NUL
    out = tmp_path / "out"
    code, said = _run(capsys, package, out)
    assert code == 1
    assert "phones.csv:2: id: the id holds an invisible control character U+0000" in said
    assert _nothing_written(out)


def test_an_entry_id_that_is_a_path_writes_nothing_outside(
    our_export: Path, tmp_path: Path, capsys
):
    """An entry id from the source never becomes a path: it is replaced and reported."""
    for lang in LANGUAGES:
        _edit(our_export / lang / "attributes.csv", ",minsk-legal-aid\n", ",../../escaped\n")
    out = tmp_path / "out"
    code, said = _run(capsys, our_export, out)
    assert code == 0, said
    assert not list(tmp_path.rglob("escaped*"))
    assert "'../../escaped' is not a valid id" in (out / "import-report.txt").read_text("utf-8")


def test_an_imported_address_asks_whether_it_may_be_public(
    our_export: Path, tmp_path: Path, capsys
) -> None:
    """Issue 19, defect 9: the to-do header asks before an address or point is published."""
    out = tmp_path / "out"
    code, said = _run(capsys, our_export, out)
    assert code == 0, said
    (centre,) = out.rglob("minsk-family-centre.yml")
    header = [line for line in centre.read_text("utf-8").splitlines() if line.startswith("# To do")]
    asks = [line for line in header if "a street address and a map point" in line]
    assert asks and "ask the place whether it may be public" in asks[0]
    assert "address_visibility: locality" in asks[0]
    (crisis,) = out.rglob("pinsk-crisis-room.yml")  # confidential in the source: not asked
    assert "may be public" not in crisis.read_text("utf-8")


def test_an_address_the_source_calls_confidential_is_not_imported(
    package: Path, tmp_path: Path, capsys
) -> None:
    """Issue 19, defect 9: the confidential choice is taken from the data where it says so."""
    _edit(package / "addresses.csv", ",postal\n", ",physical\n")
    _edit(
        package / "locations.csv",
        ",MyCity Civic Center,Civic Center,",
        ",Confidential location,Civic Center,",
    )
    out = tmp_path / "out"
    code, said = _run(capsys, package, out)
    assert code == 0, said
    (imported,) = [f for f in out.rglob("*.yml")]
    text = imported.read_text("utf-8")
    assert "address_visibility: locality" in text
    assert "1-30 Main Street" not in text and "\naddress:" not in text
    assert "the source says this place's address is confidential" in text


def test_a_public_address_in_other_data_is_asked_about(package: Path, tmp_path: Path, capsys):
    """Issue 19, defect 9: the same question for any source that gives a street address."""
    _edit(package / "addresses.csv", ",postal\n", ",physical\n")
    out = tmp_path / "out"
    code, said = _run(capsys, package, out)
    assert code == 0, said
    (imported,) = [f for f in out.rglob("*.yml")]
    text = imported.read_text("utf-8")
    assert "1-30 Main Street" in text
    assert "# To do: the source gives a street address, which the site would publish" in text


def test_phone_kinds_come_from_the_hsds_type_when_our_attribute_is_missing(
    our_export: Path, tmp_path: Path, capsys
) -> None:
    """Another system's data names SMS lines `text`, video lines `video`: they come in as
    `sms` and `video`; a `cell` number is an ordinary phone."""
    from build_tools.data.hsds_import import vocabulary as v

    ours = v.term_id(v.FACETS_TAXONOMY, v.PHONE_TYPE)
    for lang in LANGUAGES:
        table = our_export / lang / "attributes.csv"
        lines = table.read_text(encoding="utf-8-sig").splitlines(keepends=True)
        kept = [line for line in lines if ours not in line]
        assert len(kept) < len(lines)
        table.write_text("".join(kept), encoding="utf-8")
    out = tmp_path / "out"
    code, said = _run(capsys, our_export, out)
    assert code == 0, said
    line = load_directory_of(out, "minsk-children-line")
    assert [p.get("type", "voice") for p in line["phones"]] == ["voice", "sms", "voice"]
    centre = load_directory_of(out, "vitebsk-help-centre")
    assert [p.get("type", "voice") for p in centre["phones"]] == ["voice", "video"]


def load_directory_of(out: Path, entry_id: str) -> dict:
    """The imported file of one entry, as data."""
    import yaml

    file = next(out.rglob(f"{entry_id}.yml"))
    return yaml.safe_load(file.read_text(encoding="utf-8"))
