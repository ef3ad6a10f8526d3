"""The wrong keyboard layout, unit by unit: finder-layouts.js run in Node.

The expected texts are written out by hand from the layouts (US Latin, Russian ЙЦУКЕН,
Belarusian: і on the Russian и key, ў on щ, the apostrophe on ъ), never made by the code.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from build_tools.finder import assets

HERE = Path(__file__).resolve().parent

pytestmark = pytest.mark.skipif(shutil.which("node") is None, reason="needs Node")


def run(*calls: tuple[str, str]) -> list[object]:
    done = subprocess.run(
        ["node", str(HERE / "layouts_node.js"), str(assets.COMPONENT_DIR / "finder-layouts.js")],
        input=json.dumps(calls),
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout)


@pytest.mark.parametrize(
    ("typed", "russian", "belarusian"),
    [
        ("rhbpbcyfz rjvyfnf", "кризисная комната", "крізісная комната"),
        ("rhspbcys gfrjq", "крызисны пакой", "крызісны пакой"),
        ("Vjubk`d", "Могилёв", "Могілёв"),
        ("vfubk`o", "магилёщ", "магілёў"),  # ў on the key of Russian щ
        ("czv]b", "сямъи", "сям'і"),  # the apostrophe where Russian has ъ
        ("gjvjom? ,.hj", "помощь, бюро", "помоўь, бюро"),  # , and . keys are letters
        ("RHBPBCYFZ", "КРИЗИСНАЯ", "КРІЗІСНАЯ"),
    ],
)
def test_latin_keys_read_on_the_cyrillic_layouts(typed: str, russian: str, belarusian: str) -> None:
    assert run(("toRussian", typed), ("toBelarusian", typed)) == [russian, belarusian]


@pytest.mark.parametrize(
    ("typed", "latin"),
    [
        ("Ьштыл", "Minsk"),  # Russian layout
        ("Икуые", "Brest"),
        ("Ікуые", "Brest"),  # Belarusian layout: і is the b key
        ("Іўкшыўм", "Borisov"),  # ў is the o key
        ("ыруд, ьщт", "shel, mon"),  # б is the comma key: the comma typed stays a comma
        ("Ёё", "~`"),
    ],
)
def test_cyrillic_keys_read_on_the_latin_layout(typed: str, latin: str) -> None:
    assert run(("toLatin", typed)) == [latin]


def test_alternatives_follow_the_script_typed() -> None:
    latin, cyrillic, digits, mixed = run(
        ("alternatives", "rhbpbc"),
        ("alternatives", "Ьштыл"),
        ("alternatives", "801 100"),
        ("alternatives", "Ьштыл rhbpbc"),
    )
    assert latin == [{"layout": "ru", "text": "кризис"}, {"layout": "be", "text": "крізіс"}]
    assert cyrillic == [{"layout": "latin", "text": "Minsk"}]
    assert digits == []
    # Mixed: each reading changes only the letters of its own script.
    assert mixed == [
        {"layout": "ru", "text": "Ьштыл кризис"},
        {"layout": "be", "text": "Ьштыл крізіс"},
        {"layout": "latin", "text": "Minsk rhbpbc"},
    ]


def test_every_letter_key_comes_back_the_same() -> None:
    keys = "qwertyuiopasdfghjklzxcvbnm"
    back = run(("toLatin", "йцукенгшщзфывапролдячсмить"), ("toLatin", "йцукенгшўзфывапролдячсміть"))
    assert back == [keys, keys]
