"""The notices partial on its own: escaped text, hidden unless in force, complete translations.

MkDocs renders theme templates without autoescaping, so the partial escapes what it writes;
this renders it the same way, with a hostile notice. Its behaviour on a device's clock is
tested in ``tests/pages/test_availability_browser.py`` (the session's one browser).
"""

from __future__ import annotations

from pathlib import Path

import jinja2
import yaml

from build_tools.languages import LANGUAGES

HERE = Path(__file__).resolve().parent
STRINGS = yaml.safe_load((HERE / "strings.yml").read_text(encoding="utf-8"))


def render(notices: list[dict]) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE.parent)), autoescape=False)
    env.filters["url"] = lambda value: "../" + value
    return env.get_template("notices/notices.html").render(helpdir={"notices": notices})


def notice(**changes: object) -> dict:
    base = {
        "kind": "closed",
        "label": "Temporarily closed",
        "until": "until 2 January, 09:00",
        "text": "Closed for the holidays",
        "text_lang": "",
        "start": "2026-12-31T18:00:00+03:00",
        "end": "2027-01-02T09:00:00+03:00",
        "active": True,
        "entry": "",
    }
    return {**base, **changes}


def test_strings_are_complete_in_every_language() -> None:
    assert set(STRINGS) == {"changed-number", "closed", "other", "until"}
    for key, texts in STRINGS.items():
        if "same_as" in texts:  # the words of another key, translated there
            continue
        assert set(texts) == set(LANGUAGES), key
        assert all(isinstance(t, str) and t.strip() for t in texts.values()), key
        assert len(set(texts.values())) >= 2 or key == "until", key


def test_a_notice_not_in_force_at_build_time_is_hidden_and_one_in_force_is_not() -> None:
    html = render([notice(), notice(kind="other", active=False, text="Later")])
    first, second = html.split('<div class="helpdir-notice ')[1:]
    assert " hidden>" not in first.split("\n")[0]
    assert second.split("\n")[0].endswith(" hidden>")
    assert 'data-notice-start="2026-12-31T18:00:00+03:00"' in first


def test_text_from_the_data_is_escaped() -> None:
    html = render([notice(text='<img src=x onerror="alert(1)">', kind='x" onclick="y')])
    assert "<img" not in html and "&lt;img" in html
    assert 'onclick="y' not in html


def test_no_notice_no_markup() -> None:
    assert render([]).strip() == ""
