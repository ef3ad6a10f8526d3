"""What the finder writes: only public facts, small enough for a slow phone, a checked guide."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from build_tools.data.build import load_directory
from build_tools.finder import assets, guide, markup, records, slot_html, write_assets
from build_tools.i18n import url_prefix
from build_tools.languages import LANGUAGES
from tests.finder.synthetic import thousand
from tests.paths import DEMO_DIRECTORY, FIXTURE_DIRECTORY, REPO

LANGS = LANGUAGES


@pytest.fixture(scope="module")
def directory():
    return load_directory(FIXTURE_DIRECTORY)


@pytest.fixture(scope="module")
def written(directory, tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("finder-site")
    write_assets(directory, "ru", site)
    write_assets(directory, "be", site / "be")
    write_assets(directory, "en", site / "en")
    return site


def test_no_address_or_private_detail_reaches_the_finder(directory, written: Path) -> None:
    for lang_root in (written, written / "be", written / "en"):
        text = (lang_root / "finder" / "data.json").read_text(encoding="utf-8")
        for entry in directory.entries:
            for address in entry.address.values.values():
                assert address not in text
            if entry.email:
                assert entry.email not in text
        assert "Примерная" not in text and "Prymiernaja" not in text


def test_records_carry_what_a_card_shows(directory) -> None:
    data = records.build_records(directory, "be", records.published(directory))
    rows = records.rows(data)
    by_id = {row["id"]: row for row in rows}
    hotline = by_id["national-hotline"]
    assert hotline["name"] == "Агульнанацыянальная гарачая лінія для пацярпелых ад хатняга гвалту"
    assert hotline["flags"] & records.NATIONAL and hotline["flags"] & records.FREE
    # The hotline's hours live on its number (every day 08:00–20:00); "open now" still knows
    # them, as weekly intervals in minutes from Monday 00:00.
    assert hotline["hours"] == [[day * 1440 + 480, day * 1440 + 1200] for day in range(7)]
    assert hotline["phones"] == [["8 801 100-88-01", "88011008801"]]
    shelter = by_id["minsk-shelter"]
    assert shelter["flags"] & records.ALWAYS_OPEN
    assert shelter["flags"] & records.WOMEN and shelter["flags"] & records.CHILDREN
    assert not shelter["flags"] & records.MEN
    assert by_id["vitebsk-sample-shelter"]["flags"] & records.SAMPLE
    # Every column has one value per entry.
    assert {len(column) for column in data["e"].values()} == {len(rows)}
    # National entries come first: they answer every region.
    national = [row["id"] for row in rows if row["flags"] & records.NATIONAL]
    assert [row["id"] for row in rows[: len(national)]] == national


def test_call_buttons_carry_the_dial_string_from_the_data(directory) -> None:
    """finder.js dials what the data says: the free hotline as 8801…, others as +375…/102."""
    data = records.build_records(directory, "ru", records.published(directory))
    phones = {
        row[0]: row[1] for rows in data["e"]["phones"] for row in rows if isinstance(row, list)
    }
    assert phones["8 801 100-88-01"] == "88011008801"
    assert phones["102"] == "102"
    assert all(tel.startswith("+375") for shown, tel in phones.items() if shown.startswith("8 0"))


def test_lunr_comes_from_the_installed_mkdocs_into_one_script(written: Path) -> None:
    """One script per language: lunr 2.3.9 from mkdocs, its Russian stemmer only where it is
    used, licence notices kept, no copy of lunr anywhere in the repository."""
    scripts = {
        lang: (root / "finder" / assets.BUNDLE_NAME).read_text(encoding="utf-8")
        for lang, root in ((lang, written / url_prefix(lang)) for lang in LANGUAGES)
    }
    for lang, script in scripts.items():
        assert 'lunr.version="2.3.9"' in script
        assert "Copyright (C) 2020 Oliver Nightingale" in script  # lunr's licence notice
        assert "HelpdirTokens" in script and "hd-finder-config" in script
        assert ("lunr.ru=" in script) == (lang == "ru"), lang
    assert "Copyright 2014, Mihai Valentin" in scripts["ru"]
    assert not list((REPO / "overrides").rglob("lunr.js"))


def test_minifying_keeps_licences_and_code() -> None:
    source = (
        "/**\n * thing\n * @license MIT\n */\n"
        "// note\nvar a = 1;  /* why */\nvar b = 'x /* y */';\n"
    )
    out = assets.minify_script(source)
    assert out.startswith("/*!\n * thing\n * @license MIT\n */")
    assert "note" not in out and "why" not in out
    assert "var a=1;var b='x /* y */';" in out


def test_the_worker_sits_at_the_site_root_with_the_build_id(directory, written: Path) -> None:
    worker = (written / "sw.js").read_text(encoding="utf-8")
    build = json.loads((written / "finder" / "data.json").read_text())["v"]
    assert f'var BUILD = "{build}";' in worker
    assert not (written / "be" / "sw.js").exists()
    for lang_root in (written / "be", written / "en"):
        manifest = json.loads((lang_root / "finder" / "offline.json").read_text())
        assert manifest["v"] == build
        assert "../../../leaflets/" + manifest["lang"] + "/national.pdf" in manifest["optional"]
        assert len(manifest["urls"]) == len(set(manifest["urls"]))


def test_finder_downloads_at_most_60_kb_gzipped_at_1000_entries(directory, tmp_path) -> None:
    """Data, index and scripts the page fetches before the first result, gzipped."""
    big = thousand(load_directory(DEMO_DIRECTORY))
    for lang in LANGS:
        target = tmp_path / lang
        write_assets(big, lang, target)
        files = [target / "finder" / "data.json", target / "finder" / assets.BUNDLE_NAME]
        total = sum(len(gzip.compress(f.read_bytes(), 6)) for f in files)
        assert len(json.loads(files[0].read_text())["e"]["id"]) == 1000
        assert total <= 60 * 1024, f"{lang}: {total} bytes gzipped"


def test_slot_escapes_data_and_keeps_json_out_of_html(directory) -> None:
    html = slot_html(directory, "ru")
    finder_tag = re.search(r"<div [^>]*data-hd-finder[^>]*>", html)
    assert finder_tag is not None and "hidden" in finder_tag.group(0)  # until the script runs
    assert " name=" not in html and "<form" not in html  # nothing typed reaches a URL
    assert "onclick" not in html and "style=" not in html
    config = re.search(
        r'<script type="application/json" id="hd-finder-config">(.*?)</script>', html
    )
    assert config is not None
    assert json.loads(config.group(1))["lang"] == "ru"
    assert markup.script_json({"x": "</script><b>&"}) == (
        '{"x":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026"}'
    )


@pytest.mark.parametrize("lang", LANGS)
def test_guide_speaks_every_language(directory, lang: str) -> None:
    html = slot_html(directory, lang)
    expected = {
        "ru": "Вам угрожает опасность прямо сейчас?",
        "be": "Вам пагражае небяспека проста цяпер?",
        "en": "Are you in danger right now?",
    }[lang]
    assert expected in html
    assert 'href="tel:102"' in html and 'href="tel:103"' in html
    assert 'href="tel:88011008801"' in html
    for region in directory.regions:
        assert f'data-region="{region.id}"' in html


def test_guide_naming_a_missing_step_or_service_stops_the_build(directory, tmp_path) -> None:
    text = guide.GUIDE_FILE.read_text(encoding="utf-8")
    broken = text.replace("next: region", "next: regoin", 1).replace(
        "services: [legal]", "services: [lawyer]"
    )
    path = tmp_path / "guide.yml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(guide.GuideError) as caught:
        guide.load_guide(directory, path)
    message = str(caught.value)
    line_next = broken.splitlines().index("        next: regoin") + 1
    assert f"{path}:{line_next}:15: steps.2.answers.1.next: no step has the id `regoin`" in message
    assert "`lawyer` is not a kind of help in services.yml" in message
    assert "use one of:" in message


def test_guide_with_an_unknown_key_names_it(directory, tmp_path) -> None:
    path = tmp_path / "guide.yml"
    path.write_text(
        guide.GUIDE_FILE.read_text(encoding="utf-8").replace("start: danger", "begin: danger"),
        encoding="utf-8",
    )
    with pytest.raises(guide.GuideError, match="begin"):
        guide.load_guide(directory, path)
