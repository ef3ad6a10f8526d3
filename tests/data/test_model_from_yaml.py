"""What the output stages receive: the fixture directory as a typed model."""

from __future__ import annotations

import datetime as _dt

from build_tools.data.build import load_directory
from tests.paths import FIXTURE_DIRECTORY


def directory():  # noqa: ANN201
    return load_directory(FIXTURE_DIRECTORY, today=_dt.date(2026, 11, 28))


def test_national_hotline() -> None:
    entry = directory().entry("national-hotline")
    assert entry.national and entry.region is None
    [phone] = entry.phones
    assert (phone.display, phone.tel, phone.cost) == ("8 801 100-88-01", "88011008801", "free")
    assert phone.hours is not None and phone.hours.rules == (
        ((0, 1, 2, 3, 4, 5, 6), ((480, 1200),)),
    )
    assert entry.verified == _dt.date(2026, 10, 1)


def test_short_number_and_messenger() -> None:
    d = directory()
    [police] = d.entry("police-102").phones
    assert (police.display, police.tel, police.e164, police.short) == ("102", "102", None, True)
    assert police.hours is not None and police.hours.always
    assert dict(d.entry("helphotlinebot").messengers) == {"telegram": "HelpHotlineBot"}


def test_confidential_places_carry_no_address() -> None:
    d = directory()
    for entry_id in ("brest-crisis-room", "minsk-shelter", "pinsk-crisis-room"):
        entry = d.entry(entry_id)
        assert not entry.address_public
        assert not entry.address and entry.geo is None
    public = d.entry("minsk-family-centre")
    assert public.address_public and public.geo is not None and public.geo.lat == 53.9


def test_admission_former_ids_and_sources() -> None:
    d = directory()
    shelter = d.entry("minsk-shelter")
    assert shelter.admission is not None
    assert shelter.admission.referral == ("self", "police", "social-services")
    assert shelter.admission.max_stay_days == 90 and shelter.admission.children == "with-parent"
    assert shelter.admission.notes.get("be") == (
        "Можно прийти без документов; их помогут восстановить.",
        "ru",
    )
    assert d.entry("minsk-legal-aid").former_ids == ("minsk-legal-clinic",)
    assert d.entry("minsk-legal-aid").file == "entries/minsk-city/minsk-legal-aid.yml"
    assert d.entry("minsk-legal-aid").source == "Fictional test data"
    assert d.entry("minsk-legal-aid").source_date == _dt.date(2025, 1, 15)


def test_regions_localities_services_and_order() -> None:
    d = directory()
    assert [r.id for r in d.regions] == ["minsk-city", "brest", "vitebsk"]
    assert d.locality("pinsk").region == "brest"
    assert d.service("crisis-room").name("en") == "Crisis room"
    assert [e.id for e in d.national()] == ["helphotlinebot", "national-hotline", "police-102"]
    assert d.entry("vitebsk-sample-shelter").is_sample
    assert d.entry("vitebsk-help-centre").wheelchair == "yes"


def test_several_phones_keep_their_own_hours() -> None:
    phones = directory().entry("minsk-children-line").phones
    assert [p.hours.raw for p in phones if p.hours] == [
        "24/7",
        "Mo-Fr 09:00-18:00",
        "Mo-Su 20:00-08:00",
    ]
    assert [p.label("en") for p in phones] == ["for children", "for parents", "night line"]
