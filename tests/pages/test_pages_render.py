"""The directory pages rendered straight from the fixture model, without MkDocs."""

from __future__ import annotations

import dataclasses
import re
from collections import Counter

import pytest

from build_tools.data.build import load_directory
from build_tools.data.model import Directory, Text
from build_tools.languages import LANGUAGES
from build_tools.pages import directory_pages, redirect_pages
from tests.pages.pagehtml import (
    address_traces,
    card_text,
    confidential_ids,
    fixture_entries,
    fixture_ids,
    listed,
)
from tests.paths import FIXTURE_DIRECTORY

LANGS = LANGUAGES


@pytest.fixture(scope="module")
def directory() -> Directory:
    return load_directory(FIXTURE_DIRECTORY)


@pytest.fixture(scope="module")
def rendered(directory: Directory) -> dict[str, dict[str, str]]:
    """lang → src_uri → body HTML."""
    out = {}
    for lang in LANGS:
        pages = directory_pages(
            directory,
            lang,
            slots={"finder": "<div id=finder></div>"},
            site_url="https://help.example.org/",
        )
        uris = [p.src_uri for p in pages]
        assert len(uris) == len(set(uris)), "a page is generated twice"
        out[lang] = {p.src_uri: p.render() for p in pages}
    return out


def expected_region(region_id: str) -> list[str]:
    return sorted(
        e["id"] for e in fixture_entries() if not e.get("national") and e["region"] == region_id
    )


def expected_service(service_id: str) -> list[str]:
    return sorted(e["id"] for e in fixture_entries() if service_id in e["services"])


NATIONAL = sorted(e["id"] for e in fixture_entries() if e.get("national"))


@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_has_a_page(rendered, lang: str) -> None:
    for entry in fixture_entries():
        body = rendered[lang][f"directory/{entry['id']}/index.md"]
        assert body.startswith("<h1"), "the body must start with its heading"
        assert f'data-entry-id="{entry["id"]}"' in body


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("region_id", fixture_ids("regions.yml"))
def test_a_region_page_lists_exactly_its_entries(rendered, lang: str, region_id: str) -> None:
    found = listed(rendered[lang][f"directory/regions/{region_id}/index.md"])
    assert sorted(found.get("region", [])) == expected_region(region_id)
    assert sorted(found["national"]) == NATIONAL


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("service_id", fixture_ids("services.yml"))
def test_a_service_page_lists_exactly_its_entries(rendered, lang: str, service_id: str) -> None:
    found = listed(rendered[lang][f"directory/services/{service_id}/index.md"])
    assert sorted(found.get("service", [])) == expected_service(service_id)


def test_a_service_page_lists_national_entries_first(rendered) -> None:
    ids = listed(rendered["ru"]["directory/services/psychological/index.md"])["service"]
    assert ids[0] == "national-hotline"
    assert set(ids[1:]).isdisjoint(NATIONAL)


@pytest.mark.parametrize("lang", LANGS)
def test_the_home_lists_national_services_every_region_and_kind(rendered, lang: str) -> None:
    home = rendered[lang]["directory/index.md"]
    assert sorted(listed(home)["national"]) == NATIONAL
    assert '<div id="finder"></div>' in home or "<div id=finder></div>" in home
    for region_id in fixture_ids("regions.yml"):
        assert f'href="regions/{region_id}/"' in home
    for service_id in fixture_ids("services.yml"):
        assert f'href="services/{service_id}/"' in home


def test_the_home_counts_the_entries_of_each_region(rendered) -> None:
    home = rendered["ru"]["directory/index.md"]
    assert re.search(r'regions/brest/"[^>]*>Брестская область</a> <span[^>]*>3 службы;', home)
    en = rendered["en"]["directory/index.md"]
    assert re.search(r'regions/minsk-city/"[^>]*>Minsk</a> <span[^>]*>4 services;', en)


def test_region_page_groups_by_town_and_kind(rendered) -> None:
    body = rendered["ru"]["directory/regions/brest/index.md"]
    whole, pinsk = (body.index(f'id="{a}"') for a in ("whole-region", "town-pinsk"))
    assert whole < body.index('data-entry-id="brest-psychologist"') < pinsk
    # a hidden place is never put under its town (Issue 19, defect 4): the Brest crisis room is
    # `hidden`, so Brest has no group of its own
    assert whole < body.index('data-entry-id="brest-crisis-room"') < pinsk
    assert 'id="town-brest"' not in body
    assert pinsk < body.index('data-entry-id="pinsk-crisis-room"')
    # listed once, under its first kind, with the other kind said inline
    card = card_text(body, "brest-crisis-room")
    assert "Также:" in card and "Психологическая помощь" in card
    assert Counter(listed(body)["region"])["brest-crisis-room"] == 1


@pytest.mark.parametrize("lang", LANGS)
def test_confidential_places_show_no_address_anywhere(rendered, lang: str) -> None:
    traces = address_traces()
    assert traces, "the fixture should publish some addresses to compare with"
    for entry_id in confidential_ids():
        page = rendered[lang][f"directory/{entry_id}/index.md"]
        for trace in traces:
            assert trace not in page, f"{entry_id}: {trace!r} on its page"
        assert "geo:" not in page
        for uri, body in rendered[lang].items():
            card = card_text(body, entry_id)
            for trace in traces:
                assert trace not in card, f"{entry_id}: {trace!r} on {uri}"
            assert "geo:" not in card


def test_confidential_places_say_how_to_learn_the_address(rendered) -> None:
    assert "Адрес сообщают по телефону" in rendered["ru"]["directory/minsk-shelter/index.md"]
    assert (
        "Адрас паведамляюць па тэлефоне" in rendered["be"]["directory/brest-crisis-room/index.md"]
    )
    pinsk = rendered["en"]["directory/pinsk-crisis-room/index.md"]
    assert "Pinsk: the exact address is given by phone" in pinsk


def test_a_public_address_is_shown_with_a_map_link(rendered) -> None:
    body = rendered["ru"]["directory/minsk-family-centre/index.md"]
    assert "ул. Примерная, 1" in body
    assert 'href="geo:53.9,27.56"' in body


def test_text_in_another_language_is_marked(rendered) -> None:
    body = rendered["en"]["directory/brest-psychologist/index.md"]
    assert '<span lang="ru">Индивидуальные консультации, в том числе онлайн.</span>' in body
    address = rendered["be"]["directory/vitebsk-help-centre/index.md"]
    assert '<span lang="ru">пр. Примерный, 10</span>' in address
    native = rendered["ru"]["directory/brest-psychologist/index.md"]
    assert 'lang="ru"' not in native


@pytest.mark.parametrize("lang", LANGS)
def test_the_sample_badge_is_on_the_page_and_every_card(rendered, lang: str) -> None:
    badge = {
        "ru": "Пример, не настоящая служба",
        "be": "Прыклад, не сапраўдная служба",
        "en": "Example, not a real service",
    }[lang]
    assert badge in rendered[lang]["directory/vitebsk-sample-shelter/index.md"]
    listing_pages = [
        uri
        for uri, body in rendered[lang].items()
        if card_text(body, "vitebsk-sample-shelter") and "regions/" in uri or "services/" in uri
    ]
    seen = 0
    for uri, body in rendered[lang].items():
        if uri == "directory/vitebsk-sample-shelter/index.md":
            continue
        card = card_text(body, "vitebsk-sample-shelter")
        if card:
            seen += 1
            assert badge in card, uri
        for other in ("vitebsk-help-centre", "minsk-shelter"):
            assert badge not in card_text(body, other)
    assert seen == 3 and listing_pages  # the Vitebsk region, shelters, crisis rooms


def test_phones_are_tel_links_with_label_hours_and_cost(rendered) -> None:
    body = rendered["ru"]["directory/minsk-children-line/index.md"]
    assert '<a class="helpdir-phone__number" href="tel:+375171112233">8 017 111-22-33</a>' in body
    assert "для детей, круглосуточно, бесплатно со стационарного телефона" in body
    assert "для родителей, Пн–Пт 09:00–18:00, по тарифу оператора" in body
    assert 'href="tel:102">102</a>' in rendered["en"]["directory/police-102/index.md"]


def test_other_ways_to_get_in_touch(rendered) -> None:
    body = rendered["en"]["directory/brest-psychologist/index.md"]
    assert 'href="mailto:psy@example.by"' in body
    assert 'href="https://example.by/psy"' in body
    assert 'href="https://t.me/example_psy_bot">@example_psy_bot</a>' in body
    assert 'href="viber://chat?number=%2B375291112233"' in body
    assert "<iframe" not in body and '<script src="http' not in body


def test_hours_open_now_data_and_the_script(rendered, directory: Directory) -> None:
    body = rendered["ru"]["directory/minsk-family-centre/index.md"]
    assert "<li>Пн–Пт 08:30–17:30</li>" in body and "<li>Сб 09:00–13:00</li>" in body
    spans = [[i.start, i.end] for i in directory.entry("minsk-family-centre").hours.intervals]
    assert f'data-open-now="{spans}"'.replace(" ", "") in body.replace(" ", "")
    assert '<script src="../../components/open-now/open-now.js" defer></script>' in body
    region = rendered["ru"]["directory/regions/minsk-city/index.md"]
    assert '<script src="../../../components/open-now/open-now.js" defer></script>' in region


@pytest.mark.parametrize(
    ("lang", "checked"),
    [("ru", "20 октября 2026"), ("be", "20 кастрычніка 2026"), ("en", "October 20, 2026")],
)
def test_checked_on_date_in_the_pages_language(rendered, lang: str, checked: str) -> None:
    body = rendered[lang]["directory/brest-crisis-room/index.md"]
    assert checked in body and 'datetime="2026-10-20"' in body


def test_admission_rules_of_a_place_to_stay(rendered) -> None:
    body = rendered["ru"]["directory/brest-crisis-room/index.md"]
    for text in (
        "можно обратиться самостоятельно",
        "до 10 дней",
        "Регистрация по месту жительства не нужна",
        "Можно без документов",
    ):
        assert text in body
    assert "до 90 дней" in rendered["ru"]["directory/minsk-shelter/index.md"]
    assert "You can stay up to 90 days" in rendered["en"]["directory/minsk-shelter/index.md"]


def test_wheelchair_serves_and_languages(rendered) -> None:
    body = rendered["ru"]["directory/minsk-family-centre/index.md"]
    assert "<dd>Женщинам, мужчинам, детям</dd>" in body
    assert "<dd>Русский, белорусский, английский, жестовый язык</dd>" in body
    assert "<dd>частичный</dd>" in body
    assert "<dd>yes</dd>" in rendered["en"]["directory/vitebsk-help-centre/index.md"]


def test_pages_stay_out_of_materials_search(directory: Directory) -> None:
    """Entry, region and kind-of-help pages are found with the finder; the directory home and
    the coverage page (figures, not services) are found with the site search."""
    pages = directory_pages(directory, "ru", slots={}, site_url="")
    searched = {"directory/index.md", "directory/coverage/index.md"}
    assert searched <= {page.src_uri for page in pages}
    for page in pages:
        if page.src_uri not in searched:
            assert page.meta["search"] == {"exclude": True}, page.src_uri
        else:
            assert "search" not in page.meta, page.src_uri


def test_everything_from_yaml_is_escaped(directory: Directory) -> None:
    evil = '<script>alert(1)</script> & "quotes"'
    entries = tuple(
        dataclasses.replace(e, name=Text({"ru": evil}), summary=Text({"ru": evil}))
        if e.id == "minsk-family-centre"
        else e
        for e in directory.entries
    )
    bad = Directory(directory.regions, directory.services, entries)
    pages = {p.src_uri: p for p in directory_pages(bad, "ru", slots={}, site_url="")}
    entry = pages["directory/minsk-family-centre/index.md"]
    assert "<script>alert" not in entry.render()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &#34;quotes&#34;" in entry.render()
    assert entry.title == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;"
    region = pages["directory/regions/minsk-city/index.md"].render()
    assert "<script>alert" not in region
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in region


def test_text_that_looks_like_a_cards_stand_ins_stays_text(directory: Directory) -> None:
    """Cards are cached with stand-ins for the heading level and the "also" line."""
    tricky = "Центр <!--level--> <!--also-->"
    entries = tuple(
        dataclasses.replace(e, name=Text({"ru": tricky})) if e.id == "minsk-legal-aid" else e
        for e in directory.entries
    )
    bad = Directory(directory.regions, directory.services, entries)
    pages = {p.src_uri: p for p in directory_pages(bad, "ru", slots={}, site_url="")}
    region = pages["directory/regions/minsk-city/index.md"].render()
    assert "Центр &lt;!--level--&gt; &lt;!--also--&gt;" in region
    assert "<!--" not in region


@pytest.mark.parametrize("lang", LANGS)
def test_redirect_pages_lead_to_the_new_address(directory: Directory, lang: str) -> None:
    pages = redirect_pages(directory, lang)
    assert set(pages) == {"directory/minsk-legal-clinic/index.html"}
    html = pages["directory/minsk-legal-clinic/index.html"]
    assert html.startswith("<!doctype html>")
    assert f'<html lang="{lang}">' in html
    assert '<meta http-equiv="refresh" content="0; url=../minsk-legal-aid/">' in html
    assert '<link rel="canonical" href="../minsk-legal-aid/">' in html
    assert re.search(r'<a href="\.\./minsk-legal-aid/">[^<]+</a>', html)
    assert "<script" not in html


def test_help_lines_come_before_emergency_numbers_on_the_directory_home() -> None:
    """Someone looking for a person to talk to sees the hotline first, the other help lines
    (the chatbot, the children's line) next, and the short emergency numbers last."""
    import re

    from build_tools.data.build import load_directory
    from build_tools.pages import directory_pages
    from tests.paths import REPO

    # The real data: its files sort "ambulance-103" before "national-hotline".
    directory = load_directory(REPO / "directory_data")
    home = next(
        p
        for p in directory_pages(directory, "en", slots={}, site_url="")
        if p.src_uri == "directory/index.md"
    ).render()
    national = [e.id for e in directory.national()]
    order = [i for i in re.findall(r'data-entry-id="([^"]+)"', home) if i in national]
    emergency = {"ambulance-103", "police-102", "rescue-101"}
    assert order[0] == "national-hotline"
    assert set(order[-3:]) == emergency
    assert {"helphotlinebot", "republican-children-line"} <= set(order[1:-3])


def _text_of(html: str) -> str:
    """The page's words, tags dropped and spaces joined, as a reader sees them."""
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.mark.parametrize(
    ("lang", "entry_id", "says"),
    [
        ("ru", "brest-crisis-room", "Всего 4 места"),
        ("be", "brest-crisis-room", "Усяго 4 месцы"),
        ("en", "brest-crisis-room", "4 places in all"),
        ("ru", "minsk-shelter", "Всего 12 мест"),
        (
            "ru",
            "brest-crisis-room",
            "Дети — вместе с мамой или папой; мальчики — до 14 лет включительно",
        ),
        (
            "be",
            "brest-crisis-room",
            "Дзеці — разам з мамай або татам; хлопчыкі — да 14 гадоў уключна",
        ),
        (
            "en",
            "minsk-shelter",
            "Children stay with their parent; boys up to and including the age of 10",
        ),
        ("ru", "brest-crisis-room", "О домашнем животном договаривайтесь по телефону"),
        ("be", "minsk-shelter", "Можна прыйсці з хатняй жывёлай"),
        ("en", "pinsk-crisis-room", "Pets cannot stay"),
        ("ru", "vitebsk-help-centre", "видеозвонок на жестовом языке"),
        ("en", "vitebsk-help-centre", "Languages spoken Sign language"),
        ("be", "minsk-family-centre", "Руская, беларуская, англійская, мова жэстаў"),
        ("ru", "minsk-children-line", "8 029 765-43-21 SMS, для родителей"),
        ("en", "minsk-children-line", "8 033 111-22-33 in messengers, night line"),
        ("be", "minsk-legal-aid", "8 017 765-43-22 тэкстафон"),
    ],
)
def test_entry_pages_say_pets_places_children_and_ways_to_reach(
    rendered, lang: str, entry_id: str, says: str
) -> None:
    assert says in _text_of(rendered[lang][f"directory/{entry_id}/index.md"])


def test_an_entry_without_the_new_fields_says_nothing_about_them(rendered) -> None:
    page = _text_of(rendered["ru"]["directory/vitebsk-sample-shelter/index.md"])
    for word in ("животн", "Всего", "мальчики", "жестов", "текстофон"):
        assert word not in page
