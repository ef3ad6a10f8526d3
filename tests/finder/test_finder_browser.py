"""The finder in real Chromium on a built site: what people type finds what they need."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from playwright.sync_api import expect

from build_tools.i18n import url_prefix
from build_tools.languages import LANGUAGES

pytestmark = pytest.mark.browser

QUERIES = yaml.safe_load(Path(__file__).with_name("queries.yml").read_text(encoding="utf-8"))
PREFIX = {lang: url_prefix(lang) for lang in LANGUAGES}


def open_finder(page, base: str, lang: str) -> None:
    page.goto(f"{base}{PREFIX[lang]}directory/")
    expect(page.locator("[data-hd-finder]")).to_be_visible()
    # The status says "loading" until the data is in, then falls silent.
    expect(page.locator("#hd-finder-status")).to_have_text("", timeout=15000)


def shown_ids(page) -> list[str]:
    links = page.locator("#hd-finder-results .hd-card__name a")
    return [
        href.rstrip("/")
        for href in links.evaluate_all("els => els.map(e => e.getAttribute('href'))")
    ]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_queries_find_the_expected_entries(page, finder_url: str, lang: str) -> None:
    open_finder(page, finder_url, lang)
    failures = []
    for case in QUERIES[lang]:
        page.fill("#hd-finder-q", case["q"])
        shown = shown_ids(page)
        missing = [i for i in case["expect"] if i not in shown]
        wrong = [i for i in case.get("absent", ()) if i in shown]
        if missing or wrong or not case["expect"]:
            failures.append(f"{case['q']!r} ({case['kind']}): missing {missing}, unwanted {wrong}")
    assert failures == []


def test_typing_leaves_no_trace_in_url_history_or_storage(page, finder_url: str) -> None:
    open_finder(page, finder_url, "ru")
    url = page.url
    history = page.evaluate("history.length")
    page.fill("#hd-finder-q", "кризисная комната")
    page.keyboard.press("Enter")
    assert shown_ids(page)
    assert page.url == url
    assert page.evaluate("history.length") == history
    assert page.evaluate("document.cookie") == ""
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    assert not [u for u in page.requests_seen if "%D0%BA" in u.lower() or "кризис" in u]


def test_markup_in_a_name_is_shown_as_text_and_runs_nothing(browser, finder_url: str) -> None:
    # Without the site's CSP, so only the way cards are built can stop the markup.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        open_finder(page, finder_url, "ru")
        page.fill("#hd-finder-q", "Витебск")
        card = page.locator("#hd-finder-results .hd-card", has_text="<img src=x onerror=alert(1)>")
        expect(card).to_have_count(1)
        assert page.locator("#hd-finder-results img").count() == 0
        page.fill("#hd-finder-q", "проверка экранирования")
        page.wait_for_timeout(300)
        assert dialogs == []
    finally:
        context.close()


def test_filters_narrow_results_and_include_national_services(page, finder_url: str) -> None:
    open_finder(page, finder_url, "ru")
    page.locator(".hd-finder__filters summary").click()
    page.select_option('[data-filter="region"]', "brest")
    shown = shown_ids(page)
    assert "brest-crisis-room" in shown and "national-hotline" in shown
    assert "minsk-shelter" not in shown
    # Local services first, then the country-wide ones.
    assert shown.index("brest-crisis-room") < shown.index("national-hotline")
    page.select_option('[data-filter="town"]', "pinsk")
    assert "pinsk-crisis-room" in shown_ids(page)
    assert "brest-crisis-room" not in shown_ids(page)
    page.select_option('[data-filter="town"]', "")
    page.check('[data-filter="always"]')
    shown = shown_ids(page)
    assert "brest-crisis-room" in shown and "pinsk-crisis-room" not in shown
    page.click("[data-finder-clear]")
    page.select_option('[data-filter="serves"]', "children")
    page.select_option('[data-filter="service"]', "shelter")
    assert shown_ids(page) == ["minsk-shelter"]


def test_open_now_follows_minsk_time(page, finder_url: str) -> None:
    # Wednesday 2026-12-02, 10:00 in Minsk (07:00 UTC): Pinsk's room (Mo-Fr 08-17) is open.
    page.clock.set_fixed_time("2026-12-02T07:00:00Z")
    open_finder(page, finder_url, "en")
    page.fill("#hd-finder-q", "Pinsk")
    expect(page.locator(".hd-card", has_text="Crisis room in Pinsk")).to_contain_text(
        "Open now, until 17:00"
    )
    page.clock.set_fixed_time("2026-12-05T07:00:00Z")  # Saturday
    page.reload()
    expect(page.locator("#hd-finder-status")).to_have_text("", timeout=15000)
    page.fill("#hd-finder-q", "Pinsk")
    expect(page.locator(".hd-card", has_text="Crisis room in Pinsk")).to_contain_text("Closed now")
    page.locator(".hd-finder__filters summary").click()
    page.check('[data-filter="open_now"]')
    assert "pinsk-crisis-room" not in shown_ids(page)


def test_guided_path_puts_emergency_numbers_first_and_ends_in_results(
    page, finder_url: str
) -> None:
    open_finder(page, finder_url, "be")
    guide = page.locator("[data-hd-guide]")
    emergency = guide.locator("[data-guide-emergency]")
    expect(emergency).to_be_hidden()
    guide.get_by_role("button", name="Так").click()
    expect(emergency).to_be_visible()
    expect(emergency.locator("a").first).to_have_attribute("href", "tel:102")
    guide.get_by_role("button", name="Бяспечнае месца, дзе можна пабыць").click()
    guide.get_by_role("button", name="Брэсцкая вобласць").click()
    shown = shown_ids(page)
    assert "brest-crisis-room" in shown and "pinsk-crisis-room" in shown
    assert "minsk-shelter" not in shown and "national-hotline" not in shown
    guide.get_by_role("button", name="Пачаць спачатку").click()
    expect(emergency).to_be_hidden()
    expect(guide.get_by_role("button", name="Так")).to_be_visible()


def test_without_javascript_the_finder_stays_out_of_the_way(browser, finder_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{finder_url}directory/")
        expect(page.locator("[data-hd-finder]")).to_be_hidden()
        page.locator("a[href='regions/brest/']").first.click()
        expect(page.locator("a[href$='brest-crisis-room/']").first).to_be_visible()
    finally:
        context.close()


@pytest.mark.parametrize(("lang", "typed"), [("ru", "кр"), ("be", "крыж"), ("en", "zq")])
def test_a_short_word_that_matches_nothing_shows_nothing(
    page, finder_url: str, lang: str, typed: str
) -> None:
    """Too short to forgive a typo and no word starts so: "nothing found", not every entry."""
    open_finder(page, finder_url, lang)
    page.fill("#hd-finder-q", typed)
    expect(page.locator("#hd-finder-results > li")).to_have_count(0)
    expect(page.locator("#hd-finder-status")).not_to_have_text("")


def test_cards_kept_between_keystrokes_match_a_fresh_search(browser, finder_url: str) -> None:
    """Cards are reused from one keystroke to the next; the list must still be exactly what
    the same query shows on a freshly opened finder, in the same order, nothing doubled."""
    typed = ["М", "Ми", "Мин", "Минск", "Минск кр", "Брест", "Бре", "", "кризисная", "Минск"]
    context = browser.new_context()
    try:
        kept = context.new_page()
        open_finder(kept, finder_url, "ru")
        for text in typed:
            kept.fill("#hd-finder-q", text)
        fresh = context.new_page()
        open_finder(fresh, finder_url, "ru")
        fresh.fill("#hd-finder-q", typed[-1])
        shown = shown_ids(kept)
        assert shown == shown_ids(fresh)
        assert len(shown) == len(set(shown)) > 0
    finally:
        context.close()


@pytest.mark.parametrize(
    ("lang", "query", "says"),
    [
        (
            "ru",
            "Опора",
            "Ещё не подтверждено по телефону (источник: example.by/list-of-centres, "
            "15 сентября 2026 г.). Позвоните, прежде чем идти.",
        ),
        (
            "be",
            "Апора",
            "Яшчэ не пацверджана па тэлефоне (крыніца: example.by/list-of-centres, "
            "15 верасня 2026 г.). Патэлефануйце, перш чым ісці.",
        ),
        (
            "en",
            "Opora",
            "Not yet confirmed by phone (from example.by/list-of-centres, September 15, 2026). "
            "Call before you go.",
        ),
    ],
)
def test_an_unconfirmed_place_says_call_first_on_its_card(
    page, finder_url: str, lang: str, query: str, says: str
) -> None:
    open_finder(page, finder_url, lang)
    page.fill("#hd-finder-q", query)
    card = page.locator(
        "#hd-finder-results .hd-card", has=page.locator('a[href="unconfirmed-centre/"]')
    )
    line = card.locator(".hd-card__unconfirmed")
    expect(line).to_have_count(1)
    assert " ".join(line.inner_text().replace("\u202f", " ").split()) == says
    confirmed = page.locator("#hd-finder-results .hd-card .hd-card__unconfirmed")
    expect(confirmed).to_have_count(1)


def _expected(entry, name: str) -> bool:
    """What each filter means, read from the model's own fields (not from the flag bits)."""
    if name == "free":
        return entry.free is True
    if name == "anonymous":
        return entry.anonymous is True
    if name == "wheelchair":
        return entry.wheelchair in ("yes", "limited")
    if name == "always":
        if entry.hours is not None:
            return entry.hours.always
        return any(p.hours is not None and p.hours.always for p in entry.phones)
    return name in entry.serves  # women, men, children


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_filter_narrows_to_what_the_data_says(
    page, finder_url: str, finder_data_dir: Path, lang: str
) -> None:
    """Each checkbox and each "who" choice, region by region, shows exactly the entries whose
    data qualifies (national services included): a flag bit that differs between the build
    and the page, or a filter that stops working, shows here."""
    from build_tools.data.build import load_directory

    directory = load_directory(finder_data_dir)
    listed = [e for e in directory.entries if e.status != "suspended"]
    open_finder(page, finder_url, lang)
    page.locator(".hd-finder__filters summary").click()
    narrowed = 0
    for name in ("free", "anonymous", "wheelchair", "always", "women", "men", "children"):
        for region in directory.regions:
            page.click("[data-finder-clear]")
            page.select_option('[data-filter="region"]', region.id)
            everything = set(shown_ids(page))
            if name in ("women", "men", "children"):
                page.select_option('[data-filter="serves"]', name)
            else:
                page.check(f'[data-filter="{name}"]')
            expected = {
                e.id for e in listed if (e.national or e.region == region.id) and _expected(e, name)
            }
            assert set(shown_ids(page)) == expected, (name, region.id)
            narrowed += expected < everything
    assert narrowed >= 7, "the fixture data should let every filter leave something out"


def _takes_boy(entry, age: int) -> bool:
    admission = entry.admission
    if admission is None or admission.children != "with-parent":
        return False
    return admission.boys_up_to_age is not None and admission.boys_up_to_age >= age


#: (filter, what to set, what it means in the model's own fields). Written out from the data
#: format, not from the filter table or the flag bits, so a row that matches the wrong thing
#: shows here.
NEW_FILTERS = [
    ("pets", "petsYes", lambda e: e.pets == "yes"),
    ("pets", "petsYes petsAsk", lambda e: e.pets in ("yes", "ask")),
    (
        "with_parent",
        True,
        lambda e: e.admission is not None and e.admission.children == "with-parent",
    ),
    ("boy_age", "10", lambda e: _takes_boy(e, 10)),
    ("boy_age", "12", lambda e: _takes_boy(e, 12)),
    ("places", "4", lambda e: e.places is not None and e.places >= 4),
    ("places", "5", lambda e: e.places is not None and e.places >= 5),
    ("reach", "reachSms", lambda e: any(p.type == "sms" for p in e.phones)),
    (
        "reach",
        "reachMessenger",
        lambda e: any(p.type == "messenger" for p in e.phones) or bool(e.messengers),
    ),
    ("reach", "reachVideo", lambda e: any(p.type == "video" for p in e.phones)),
    ("reach", "reachTextphone", lambda e: any(p.type == "textphone" for p in e.phones)),
    (
        "sign_language",
        True,
        lambda e: e.sign_language is True or any(p.type == "video" for p in e.phones),
    ),
]

#: The Ukrainian option's name on each page (the fixture's shelter speaks Ukrainian).
UKRAINIAN = {"ru": "Украинский", "be": "Украінская", "en": "Ukrainian"}


def _set(page, name: str, value) -> None:
    control = page.locator(f'[data-filter="{name}"]')
    kind = control.evaluate("el => el.tagName + ':' + el.type")
    if kind == "INPUT:checkbox":
        control.check()
    elif kind == "SELECT:select-one":
        control.select_option(value)
    else:
        control.fill(value)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_new_filter_shows_exactly_the_entries_the_data_says(
    page, finder_url: str, finder_data_dir: Path, lang: str
) -> None:
    """Pets, children with a parent, a son's age, places, ways to reach them, sign language
    and the language spoken: each, set alone, lists exactly the entries whose YAML says so."""
    from build_tools.data.build import load_directory

    directory = load_directory(finder_data_dir)
    listed = [e for e in directory.entries if e.status != "suspended"]
    open_finder(page, finder_url, lang)
    page.locator(".hd-finder__filters summary").click()
    cases = list(NEW_FILTERS)
    spoken = sorted({code for e in listed for code in e.languages})
    offered = page.locator('[data-filter="language"] option').evaluate_all(
        "els => els.map(e => [e.value, e.textContent])"
    )
    assert sorted(value for value, _ in offered if value) == spoken
    assert ["uk", UKRAINIAN[lang]] in offered
    cases += [("language", code, lambda e, code=code: code in e.languages) for code in spoken]
    for name, value, qualifies in cases:
        page.click("[data-finder-clear]")
        _set(page, name, value)
        expected = {e.id for e in listed if qualifies(e)}
        assert expected, (name, value, "the fixture data should have entries for each filter")
        assert expected != {e.id for e in listed}, (name, value, "and leave some out")
        assert set(shown_ids(page)) == expected, (name, value)


ASK_THE_OTHERS = {
    "ru": "Остальные спросите по телефону.",
    "be": "Астатнія спытайце па тэлефоне.",
    "en": "Ask the others by phone.",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_new_filters_combine_and_clear(page, finder_url: str, lang: str) -> None:
    """Two filters together keep what both allow; a son older than any stated limit finds
    nothing; "clear" empties the number boxes too."""
    open_finder(page, finder_url, lang)
    page.locator(".hd-finder__filters summary").click()
    # The son's age box says, where a screen reader reads it too, what it leaves out.
    hint_id = page.locator('[data-filter="boy_age"]').get_attribute("aria-describedby")
    expect(page.locator(f"#{hint_id}")).to_contain_text(ASK_THE_OTHERS[lang])
    _set(page, "pets", "petsYes petsAsk")
    assert set(shown_ids(page)) == {"brest-crisis-room", "minsk-shelter"}
    _set(page, "boy_age", "12")
    assert set(shown_ids(page)) == {"brest-crisis-room"}
    _set(page, "boy_age", "15")
    expect(page.locator("#hd-finder-results .hd-card")).to_have_count(0)
    page.click("[data-finder-clear]")
    assert page.locator('[data-filter="boy_age"]').input_value() == ""
    assert page.locator('[data-filter="pets"]').input_value() == ""
    expect(page.locator("#hd-finder-results .hd-card")).to_have_count(0)
