"""What must never reach paper: a confidential address, or markup typed into the data."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from build_tools.data.model import Directory, Geo, Text
from build_tools.languages import LANGUAGES
from build_tools.leaflets import build_custom
from build_tools.leaflets.build import leaflet_source
from tests.leaflets.conftest import SITE_URL, with_changes
from tests.leaflets.pdfcheck import flat, page_texts
from tests.paths import EXTERNAL

SECRET = {"ru": "ул. Тайная, 13", "be": "вул. Тайная, 13", "en": "13 Secret St"}


def test_a_confidential_place_never_shows_an_address_even_if_one_slipped_into_the_model(
    fixture_directory: Directory, tmp_path: Path
):
    """Validation keeps addresses of confidential places out of YAML; the leaflet does not
    rely on it: only ``address_visibility: public`` lets an address through."""
    for visibility in ("hidden", "locality"):
        directory = with_changes(
            fixture_directory,
            "brest-crisis-room",
            address=Text(SECRET),
            geo=Geo(52.1, 23.7),
            address_visibility=visibility,
        )
        for lang in LANGUAGES:
            target = tmp_path / f"{visibility}-{lang}.pdf"
            info = build_custom(directory, target, region_id="brest", lang=lang, site_url=SITE_URL)
            assert "brest-crisis-room" in info.listed
            text = flat(" ".join(page_texts(target)))
            assert "Тайная" not in text and "Secret" not in text
            assert "52.1" not in text
            source = leaflet_source(directory, region_id="brest", lang=lang, site_url=SITE_URL)
            assert "Тайная" not in source and "Secret" not in source


def test_the_fixture_confidential_places_say_how_to_reach_them(
    fixture_directory: Directory, tmp_path: Path
):
    target = tmp_path / "minsk.pdf"
    build_custom(fixture_directory, target, region_id="minsk-city", lang="be", site_url=SITE_URL)
    back = flat(page_texts(target)[1])
    shelter = back[back.index("Прытулак «Прыклад»") :]
    assert shelter.index("Адрас паведамляюць па тэлефоне") < shelter.index("8 029 123-45-67")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.attributes: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.extend(name for name, _ in attrs)


def _naughty() -> list[str]:
    strings = json.loads((EXTERNAL / "naughty/blns/blns.json").read_text("utf-8"))
    return [s for s in strings if "<" in s or "&" in s or "javascript" in s.lower()]


def test_markup_in_the_data_is_escaped_in_the_leaflet_html(fixture_directory: Directory):
    naughty = _naughty()
    assert len(naughty) > 100
    for text in naughty:
        directory = with_changes(fixture_directory, "brest-psychologist", name=Text({"ru": text}))
        source = leaflet_source(directory, region_id="brest", lang="ru", site_url=SITE_URL)
        assert 'id="place-brest-psychologist"' in source
        parser = _Elements()
        parser.feed(source)
        for tag in ("script", "iframe", "object", "embed", "math", "video", "audio", "form"):
            assert tag not in parser.tags, text
        assert "svg" not in parser.tags
        assert not [a for a in parser.attributes if a.startswith("on")], text


def test_markup_in_the_data_is_printed_as_text(fixture_directory: Directory, tmp_path: Path):
    name = "<script>alert(123)</script> & <b>Psy</b>"
    directory = with_changes(fixture_directory, "brest-psychologist", name=Text({"ru": name}))
    target = tmp_path / "naughty.pdf"
    info = build_custom(directory, target, region_id="brest", lang="ru", site_url=SITE_URL)
    assert "brest-psychologist" in info.listed
    assert name in flat(page_texts(target)[1])


def test_a_place_without_premises_does_not_claim_an_address_by_phone(
    fixture_directory: Directory, tmp_path: Path
):
    """An online psychologist publishes no address and hides none: nothing to say about it."""
    target = tmp_path / "psy.pdf"
    build_custom(
        fixture_directory,
        target,
        region_id="brest",
        lang="ru",
        site_url=SITE_URL,
        entry_ids=["brest-psychologist"],
    )
    back = flat(page_texts(target)[1])
    assert "Психолог «Пример»" in back
    assert "Адрес сообщают" not in back and "адрес сообщают" not in back
