"""Every leaflet the fixture directory produces, opened as a reader (and a printer) would."""

from __future__ import annotations

import pytest

from build_tools.languages import LANGUAGES
from build_tools.leaflets.wording import long_date
from tests.leaflets.conftest import SITE_URL, Made
from tests.leaflets.pdfcheck import (
    flat,
    fonts_without_embedded_file,
    page_sizes_mm,
    page_texts,
    qr_codes,
)

AREAS = ("minsk-city", "brest", "vitebsk", "national")
LEAFLETS = [f"{lang}/{area}.pdf" for lang in LANGUAGES for area in AREAS]
CARDS = [f"{lang}/wallet-cards.pdf" for lang in LANGUAGES]
PREFIX = {"ru": "", "be": "be/", "en": "en/"}


def test_every_region_and_language_has_a_leaflet_a_national_one_and_a_card_sheet(made: Made):
    on_disk = sorted(str(p.relative_to(made.out_dir)) for p in made.out_dir.rglob("*.pdf"))
    assert on_disk == sorted(LEAFLETS + CARDS)
    assert sorted(i.path for i in made.infos) == on_disk
    for info in made.infos:
        assert info.size == (made.out_dir / info.path).stat().st_size


@pytest.mark.parametrize("path", LEAFLETS)
def test_a_leaflet_is_one_a5_sheet_printed_on_both_sides(made: Made, path: str):
    assert page_sizes_mm(made.out_dir / path) == [(148, 210), (148, 210)]
    assert made.info(path).pages == 2
    assert made.info(path).paper == "A5"


@pytest.mark.parametrize("path", CARDS)
def test_a_card_sheet_is_one_a4_page(made: Made, path: str):
    assert page_sizes_mm(made.out_dir / path) == [(210, 297)]
    assert made.info(path).pages == 1


@pytest.mark.parametrize("path", LEAFLETS)
def test_a_leaflet_prints_the_hotline_emergency_numbers_chatbot_and_every_listed_place(
    made: Made, path: str
):
    info = made.info(path)
    front, back = (flat(t) for t in page_texts(made.out_dir / path))
    hotline = made.directory.entry("national-hotline").phones[0].display
    assert hotline in front
    assert "102" in front
    assert "@HelpHotlineBot" in front
    assert info.listed, "every fixture area has places to list"
    for entry_id in info.listed:
        entry = made.directory.entry(entry_id)
        assert flat(entry.name(info.lang)) in back, f"{entry_id} is cut off"
        for phone in entry.phones:
            assert phone.display in back, f"{entry_id}: {phone.display} is missing"


def test_a_regional_leaflet_lists_all_its_places_when_they_fit(made: Made):
    for area, count in (("minsk-city", 4), ("brest", 3), ("vitebsk", 2)):
        info = made.info(f"ru/{area}.pdf")
        assert len(info.listed) == count
        assert info.more == 0


def test_places_to_stay_come_first(made: Made):
    listed = made.info("en/brest.pdf").listed
    assert listed[:2] == ("brest-crisis-room", "pinsk-crisis-room")
    back = flat(page_texts(made.out_dir / "en/brest.pdf")[1])
    assert back.index("Crisis rooms and shelters") < back.index("Other help")
    assert back.index('Crisis room "Example"') < back.index('Psychologist "Example"')


@pytest.mark.parametrize("path", LEAFLETS)
def test_the_qr_code_opens_the_stable_region_page(made: Made, path: str, tmp_path):
    lang, area = path.removesuffix(".pdf").split("/")
    tail = "directory/" if area == "national" else f"directory/regions/{area}/"
    expected = f"{SITE_URL}{PREFIX[lang]}{tail}"
    assert qr_codes(made.out_dir / path, 2, tmp_path) == [expected]
    assert expected in "".join(page_texts(made.out_dir / path)[1].split()), "printed too"


@pytest.mark.parametrize("path", CARDS)
def test_wallet_card_qr_codes_open_the_directory(made: Made, path: str, tmp_path):
    lang = path.split("/")[0]
    found = qr_codes(made.out_dir / path, 1, tmp_path, dpi=300)
    assert found == [f"{SITE_URL}{PREFIX[lang]}directory/"] * 8


@pytest.mark.parametrize("path", CARDS)
def test_wallet_cards_carry_the_numbers_and_say_nothing_about_violence(made: Made, path: str):
    text = flat(page_texts(made.out_dir / path)[0])
    hotline = made.directory.entry("national-hotline").phones[0].display
    assert text.count(hotline) == 8
    assert text.count("102") >= 8
    lowered = text.lower()
    for word in ("насил", "гвалт", "violence", "abuse", "кризис", "крызіс", "crisis"):
        assert word not in lowered


def test_confidential_places_say_how_to_reach_them(made: Made):
    back = flat(page_texts(made.out_dir / "ru/brest.pdf")[1])
    assert "Адрес сообщают по телефону" in back
    assert "Пинск, точный адрес сообщают по телефону" in back
    back_en = flat(page_texts(made.out_dir / "en/minsk-city.pdf")[1])
    assert "The address is given by phone" in back_en
    assert "1 Prymiernaja St" in back_en, "a public address is printed"


def test_sample_entries_carry_the_sample_badge(made: Made):
    for lang, badge in (("ru", "ПРИМЕР"), ("be", "ПРЫКЛАД"), ("en", "SAMPLE")):
        back = flat(page_texts(made.out_dir / f"{lang}/vitebsk.pdf")[1])
        assert badge in back
    minsk = flat(page_texts(made.out_dir / "en/minsk-city.pdf")[1])
    assert "SAMPLE" not in minsk


def test_checked_on_is_the_oldest_confirmation_among_what_is_listed(made: Made):
    info = made.info("ru/minsk-city.pdf")
    assert str(info.checked) == "2025-01-15"  # minsk-legal-aid, the stalest one listed
    assert flat(f"Сведения проверены: {long_date(info.checked, 'ru')}") in flat(
        page_texts(made.out_dir / "ru/minsk-city.pdf")[1]
    )
    # Vitebsk lists nothing older than the national entries (2026-10-01).
    assert str(made.info("ru/vitebsk.pdf").checked) == "2026-10-01"


@pytest.mark.parametrize("path", ["be/brest.pdf", "be/wallet-cards.pdf", "ru/national.pdf"])
def test_fonts_are_embedded_and_cover_belarusian_letters(made: Made, path: str):
    assert fonts_without_embedded_file(made.out_dir / path) == []
    text = " ".join(page_texts(made.out_dir / path))
    if path == "be/brest.pdf":
        assert "і" in text and "ў" in text
        assert "Звесткі правераны" in text and "Куды звярнуцца: Брэсцкая вобласць" in text
    if path == "be/wallet-cards.pdf":
        assert "Карысныя тэлефоны" in text and "Міліцыя" in text


def test_the_national_leaflet_lists_places_to_stay_across_regions(made: Made):
    info = made.info("ru/national.pdf")
    back = flat(page_texts(made.out_dir / "ru/national.pdf")[1])
    assert "Вся Беларусь" in back
    assert "minsk-shelter" in info.listed and "brest-crisis-room" in info.listed
    assert "Брестская область" in back, "places of the whole country name their region"
    assert info.more > 0
    assert f"Остальные службы ({info.more})" in back


def test_each_language_speaks_its_own_language(made: Made):
    for lang, phrase in (
        ("ru", "Национальная горячая линия"),
        ("be", "Нацыянальная гарачая лінія"),
        ("en", "National hotline"),
    ):
        front = flat(page_texts(made.out_dir / f"{lang}/brest.pdf")[0])
        assert phrase in front
