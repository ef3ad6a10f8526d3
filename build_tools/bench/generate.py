"""A deterministic, realistic directory of any size, in the editors' real YAML format.

The benchmark measures the build on data shaped like the organisation's: every real region,
town and kind of help from ``directory_data/``, texts in three languages with some left for
the fallback, a share of confidential places (no address, no point), several phones per place
with hours per channel, and verification dates spread over the past year and a half. The same
seed gives byte-identical files, so two runs of the benchmark measure the same input.
"""

from __future__ import annotations

import datetime as _dt
import json
import random
import shutil
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from build_tools.data.phones import PhoneIssue, parse_number

#: Where the real regions and kinds of help come from.
REAL_DATA = Path(__file__).resolve().parents[2] / "directory_data"

#: The last day a generated entry may say it was verified on (never in the future).
NEWEST_VERIFIED = _dt.date(2026, 10, 1)

#: Approximate centre and landline area code of each real region (for points and numbers).
REGION_GEO: Mapping[str, tuple[float, float, str]] = {
    "brest": (52.2, 25.2, "162"),
    "vitebsk": (55.1, 29.0, "212"),
    "gomel": (52.4, 29.6, "232"),
    "grodno": (53.6, 24.8, "152"),
    "minsk-region": (53.8, 27.6, "177"),
    "mogilev": (53.8, 30.3, "222"),
    "minsk-city": (53.9, 27.56, "17"),
}
_BELARUS_CENTRE = (53.7, 27.9, "17")

#: How often each kind of help leads an entry (crisis rooms sit in ~130 social service centres).
_LEAD_SERVICES: Sequence[tuple[str, int]] = (
    ("crisis-room", 30),
    ("psychological", 18),
    ("legal", 14),
    ("social", 12),
    ("shelter", 6),
    ("children", 6),
    ("hotline", 5),
    ("medical", 4),
    ("perpetrator-programme", 3),
    ("professionals", 2),
)
#: Kinds of help that usually come along with the leading one.
_COMPANIONS: Mapping[str, Sequence[str]] = {
    "crisis-room": ("psychological", "social", "legal"),
    "shelter": ("social", "legal", "psychological"),
    "psychological": ("chat", "children"),
    "legal": ("social",),
    "social": ("psychological", "legal"),
    "children": ("psychological", "social"),
    "hotline": ("psychological", "chat"),
    "medical": ("psychological",),
    "perpetrator-programme": ("psychological",),
    "professionals": ("legal", "social"),
}
_CONFIDENTIAL = frozenset({"crisis-room", "shelter"})

#: The kind of organisation behind a place, in three languages.
_ORGANISATIONS: Sequence[Mapping[str, str]] = (
    {
        "ru": "Территориальный центр социального обслуживания населения",
        "be": "Тэрытарыяльны цэнтр сацыяльнага абслугоўвання насельніцтва",
        "en": "Territorial social service centre",
    },
    {"ru": "Центр помощи семье", "be": "Цэнтр дапамогі сям'і", "en": "Family support centre"},
    {
        "ru": "Общественное объединение «Дом без насилия»",
        "be": "Грамадскае аб'яднанне «Дом без гвалту»",
        "en": "Home Without Violence association",
    },
    {
        "ru": "Центр дружественный подросткам",
        "be": "Цэнтр, прыязны да падлеткаў",
        "en": "Youth-friendly centre",
    },
    {
        "ru": "Консультация при районной поликлинике",
        "be": "Кансультацыя пры раённай паліклініцы",
        "en": "District clinic counselling office",
    },
    {
        "ru": "Юридическая клиника университета",
        "be": "Юрыдычная клініка ўніверсітэта",
        "en": "University law clinic",
    },
)
_SUMMARY_TAILS: Sequence[Mapping[str, str]] = (
    {
        "ru": "Можно обратиться самостоятельно, без направления.",
        "be": "Можна звярнуцца самастойна, без накіравання.",
        "en": "You may come on your own, without a referral.",
    },
    {
        "ru": "Консультации бесплатные и конфиденциальные.",
        "be": "Кансультацыі бясплатныя і канфідэнцыйныя.",
        "en": "Consultations are free and confidential.",
    },
    {
        "ru": "Перед визитом лучше позвонить и договориться о времени.",
        "be": "Перад візітам лепш патэлефанаваць і дамовіцца пра час.",
        "en": "Call first to agree on a time before you visit.",
    },
    {
        "ru": "Принимают вместе с детьми; есть игровая комната.",
        "be": "Прымаюць разам з дзецьмі; ёсць гульнявы пакой.",
        "en": "Children are welcome too; there is a playroom.",
    },
)
_STREETS: Sequence[Mapping[str, str]] = (
    {"ru": "ул. Советская", "be": "вул. Савецкая", "en": "Savetskaya St"},
    {"ru": "ул. Ленина", "be": "вул. Леніна", "en": "Lenina St"},
    {"ru": "пр. Независимости", "be": "пр. Незалежнасці", "en": "Nezalezhnastsi Ave"},
    {"ru": "ул. Гагарина", "be": "вул. Гагарына", "en": "Gagaryna St"},
    {"ru": "ул. Пушкина", "be": "вул. Пушкіна", "en": "Pushkina St"},
)
_LABELS: Sequence[Mapping[str, str]] = (
    {"ru": "приём обращений", "be": "прыём зваротаў", "en": "intake"},
    {"ru": "дежурный специалист", "be": "дзяжурны спецыяліст", "en": "duty worker"},
    {"ru": "запись на приём", "be": "запіс на прыём", "en": "appointments"},
    {"ru": "мобильный", "be": "мабільны", "en": "mobile"},
)
_NIGHT_LABEL = {"ru": "ночью — через милицию", "be": "уначы — праз міліцыю", "en": "at night"}
_HOURS: Sequence[str] = (
    "24/7",
    "Mo-Fr 08:30-17:30",
    "Mo-Fr 09:00-13:00,14:00-18:00; Sa 10:00-14:00",
    "Mo-Fr 08:00-20:00; Sa,Su off",
    "Tu,Th 15:00-19:00",
    "Mo-We,Fr 09:00-17:00",
    "Mo-Su 20:00-08:00",
    "Mo-Su 08:00-20:00",
)
_SERVES = ("women", "men", "children", "teenagers", "families", "older-people")
_REFERRALS = ("self", "police", "social-services", "health", "court", "ngo")


@dataclass(frozen=True)
class GeneratedDirectory:
    """Where the data was written, and what a caller may want to know about it."""

    data_dir: Path
    entries: int
    confidential: int
    national: int
    region_ids: tuple[str, ...]


def generate(
    out_dir: Path, count: int, *, seed: int = 2026, real_data: Path = REAL_DATA
) -> GeneratedDirectory:
    """Write ``count`` entries (plus the real regions and kinds of help) into ``out_dir``.

    ``out_dir`` is replaced. The same ``count`` and ``seed`` always give the same files.
    """
    if out_dir.exists():
        shutil.rmtree(out_dir)
    (out_dir / "entries").mkdir(parents=True)
    shutil.copy2(real_data / "regions.yml", out_dir / "regions.yml")
    shutil.copy2(real_data / "services.yml", out_dir / "services.yml")
    shutil.copy2(real_data / "organisation.yml", out_dir / "organisation.yml")  # the site needs it
    # The coverage page, which the content pages link to, is built from the population figures.
    shutil.copy2(real_data / "population.yml", out_dir / "population.yml")
    regions = _load(real_data / "regions.yml")
    services = {s["id"]: s for s in _load(real_data / "services.yml")}
    rng = random.Random(f"{seed}:{count}")
    towns = [(r, town) for r in regions for town in r.get("localities", [])]
    confidential = national = 0
    for number in range(count):
        if number % 100 == 0:
            entry = _national_entry(rng, number, services)
            national += 1
        else:
            region, town = _pick_town(rng, regions, towns)
            entry = _local_entry(rng, number, region, town, services)
        if entry.get("address_visibility", "public") != "public":
            confidential += 1
        folder = out_dir / "entries" / (entry.get("region") or "national")
        folder.mkdir(exist_ok=True)
        (folder / f"{entry['id']}.yml").write_text(entry_yaml(entry), encoding="utf-8")
    return GeneratedDirectory(
        data_dir=out_dir,
        entries=count,
        confidential=confidential,
        national=national,
        region_ids=tuple(r["id"] for r in regions),
    )


def entry_yaml(entry: Mapping[str, Any]) -> str:
    """One entry in the editors' style: flow maps for texts, flow lists for ids, quoted text.

    Written by hand rather than with PyYAML's emitter, which is slow in pure Python and quotes
    differently from what editors see in the real files. Strings are JSON-quoted, which YAML
    reads back exactly.
    """
    lines = ["# yaml-language-server: $schema=../../schema/entry.schema.json"]
    for key, value in entry.items():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            lines.append(f"{key}:")
            for item in value:
                first = True
                for sub_key, sub_value in item.items():
                    lead = "  - " if first else "    "
                    lines.append(f"{lead}{sub_key}: {_flow(sub_value)}")
                    first = False
        elif isinstance(value, dict) and any(isinstance(v, list | dict) for v in value.values()):
            lines.append(f"{key}:")
            lines.extend(f"  {sub_key}: {_flow(sub_value)}" for sub_key, sub_value in value.items())
        else:
            lines.append(f"{key}: {_flow(value)}")
    return "\n".join(lines) + "\n"


def _flow(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"cannot write {value!r} as YAML")


def _load(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def _pick_town(
    rng: random.Random, regions: list[dict[str, Any]], towns: list[tuple[dict, dict]]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Half the places in a regional centre (listed first), the rest in any town."""
    if rng.random() < 0.5:
        region = rng.choice(regions)
        return region, region["localities"][0]
    return rng.choice(towns)


def _services_for(rng: random.Random) -> list[str]:
    names = [name for name, _ in _LEAD_SERVICES]
    weights = [weight for _, weight in _LEAD_SERVICES]
    lead = rng.choices(names, weights)[0]
    extra = [s for s in _COMPANIONS[lead] if rng.random() < 0.45]
    return [lead, *extra]


def _three(rng: random.Random, make: Any) -> dict[str, str]:
    """A text in ru, usually be and en as well (some left out: the site falls back to ru)."""
    text = {"ru": make("ru")}
    if rng.random() < 0.85:
        text["be"] = make("be")
    if rng.random() < 0.8:
        text["en"] = make("en")
    return text


def _local_entry(
    rng: random.Random,
    number: int,
    region: dict[str, Any],
    town: dict[str, Any],
    services: Mapping[str, dict[str, Any]],
) -> dict[str, Any]:
    kinds = _services_for(rng)
    lead = services[kinds[0]]
    organisation = rng.choice(_ORGANISATIONS)
    tail = rng.choice(_SUMMARY_TAILS)
    entry: dict[str, Any] = {
        "id": f"{town['id']}-{kinds[0]}-{number}",
        "status": "active",
        "name": _three(
            rng,
            lambda lang: f"{lead['name'][lang]}: {organisation[lang]} ({town['name'][lang]})",
        ),
        "summary": _three(rng, lambda lang: f"{lead['description'][lang]} {tail[lang]}"),
        "services": kinds,
        "region": region["id"],
    }
    if rng.random() < 0.9:
        entry["locality"] = town["id"]
    lat, lon, area = REGION_GEO.get(region["id"], _BELARUS_CENTRE)
    if kinds[0] in _CONFIDENTIAL or rng.random() < 0.1:
        entry["address_visibility"] = rng.choice(("hidden", "hidden", "locality"))
    else:
        entry["address_visibility"] = "public"
        street = rng.choice(_STREETS)
        house = rng.randint(1, 120)
        entry["address"] = _three(rng, lambda lang: f"{street[lang]}, {house}")
        entry["geo"] = {
            "lat": round(lat + rng.uniform(-0.4, 0.4), 4),
            "lon": round(lon + rng.uniform(-0.4, 0.4), 4),
        }
    entry["phones"] = _phones(rng, area, confidential=kinds[0] in _CONFIDENTIAL)
    if rng.random() < 0.6:
        entry["email"] = f"{entry['id']}@example.org"
    if rng.random() < 0.35:
        entry["website"] = f"https://example.org/{entry['id']}"
    if rng.random() < 0.1:
        entry["messengers"] = {"telegram": f"Help{number:04d}Bot"}
    entry["hours"] = "24/7" if kinds[0] in _CONFIDENTIAL else rng.choice(_HOURS)
    entry["serves"] = sorted(rng.sample(_SERVES, rng.randint(1, 4)), key=_SERVES.index)
    entry["languages"] = ["ru", "be"] if rng.random() < 0.7 else ["ru"]
    entry["free"] = rng.random() < 0.85
    entry["anonymous"] = rng.random() < 0.5
    entry["wheelchair"] = rng.choice(("yes", "limited", "no"))
    if kinds[0] in _CONFIDENTIAL:
        entry["admission"] = {
            "referral": ["self", *rng.sample(_REFERRALS[1:], 2)],
            "max_stay_days": 10 if kinds[0] == "crisis-room" else rng.choice((30, 60, 90)),
            "registration_required": False,
            "id_required": rng.random() < 0.3,
            "children": "with-parent",
        }
    entry["verified"] = NEWEST_VERIFIED - _dt.timedelta(days=rng.randint(0, 540))
    return entry


def _national_entry(
    rng: random.Random, number: int, services: Mapping[str, dict[str, Any]]
) -> dict[str, Any]:
    hotline = services["hotline"]
    return {
        "id": f"national-line-{number}",
        "status": "active",
        "name": {
            "ru": f"{hotline['name']['ru']} № {number // 100 + 1}",
            "be": f"{hotline['name']['be']} № {number // 100 + 1}",
            "en": f"{hotline['name']['en']} no. {number // 100 + 1}",
        },
        "summary": dict(hotline["description"]),
        "services": ["hotline", "psychological"],
        "national": True,
        "phones": [
            {
                "number": _valid(rng, lambda: f"8 801 {rng.randint(100, 999)} {_digits(rng, 4)}"),
                "label": {"ru": "горячая линия", "be": "гарачая лінія", "en": "hotline"},
                "hours": "Mo-Su 08:00-20:00",
                "cost": "free",
            }
        ],
        "hours": "Mo-Su 08:00-20:00",
        "languages": ["ru", "be"],
        "free": True,
        "anonymous": True,
        "verified": NEWEST_VERIFIED - _dt.timedelta(days=rng.randint(0, 60)),
    }


def _phones(rng: random.Random, area: str, *, confidential: bool) -> list[dict[str, Any]]:
    """One to three channels, each with its own hours (as help lines really are)."""
    subscriber = 9 - len(area)
    phones = [
        {
            "number": _valid(rng, lambda: f"8 0{area} {_grouped(_digits(rng, subscriber))}"),
            "label": dict(rng.choice(_LABELS)),
            "hours": "24/7" if confidential else rng.choice(_HOURS[1:]),
            "cost": "paid",
        }
    ]
    if rng.random() < 0.5:
        operator = rng.choice(("29", "33", "44", "25"))
        phones.append(
            {
                "number": _valid(rng, lambda: f"+375 {operator} {_grouped(_digits(rng, 7))}"),
                "label": dict(_LABELS[3]),
                "hours": rng.choice(_HOURS),
                "cost": "paid",
            }
        )
    if confidential and rng.random() < 0.3:
        phones.append({"number": "102", "label": dict(_NIGHT_LABEL), "hours": "24/7"})
    return phones


def _digits(rng: random.Random, count: int) -> str:
    return str(rng.randint(2, 9)) + "".join(str(rng.randint(0, 9)) for _ in range(count - 1))


def _grouped(digits: str) -> str:
    return f"{digits[:-4]}-{digits[-4:-2]}-{digits[-2:]}"


def _valid(rng: random.Random, make: Any) -> str:
    """The first made-up number the validator accepts (deterministic: the same draws)."""
    for _ in range(200):
        number = make()
        try:
            parse_number(number)
        except PhoneIssue:
            continue
        return number
    raise RuntimeError("no valid phone number in 200 draws; check the number pattern")
