"""Free places and notices as the pages write them (the built-in state before any script runs).

The scripts in ``overrides/components/availability`` and ``overrides/components/notices``
judge the same data again on the visitor's device, with the same words and the same way of
writing a time (day, month name from Babel, hours in Minsk time), so what a page says does not
change shape when the script takes over; only what is true now may differ.
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
from typing import Any

from babel.dates import get_month_names
from markupsafe import Markup

from build_tools.components import ui_strings
from build_tools.data.availability import MINSK, has_places
from build_tools.data.model import Directory, Entry, Report

AVAILABILITY = "availability"
NOTICES = "notices"
#: A report older than this is shown as unknown (the ``status_max_age_hours`` option).
DEFAULT_MAX_AGE_HOURS = 48


@functools.lru_cache(maxsize=8)
def month_names(lang: str) -> tuple[str, ...]:
    """The twelve month names as written after a day number ("29 ноября")."""
    names = get_month_names("wide", context="format", locale=lang)
    return tuple(names[m] for m in range(1, 13))


def time_text(moment: _dt.datetime, lang: str) -> str:
    """ "29 ноября, 10:00" in Minsk time."""
    local = moment.astimezone(MINSK)
    return f"{local.day} {month_names(lang)[local.month - 1]}, {local:%H:%M}"


def iso(moment: _dt.datetime) -> str:
    return moment.astimezone(MINSK).isoformat(timespec="seconds")


def report_json(report: Report | None) -> dict[str, Any] | None:
    """``{"state": "free", "places": 2, "reported": "2026-11-29T10:00:00+03:00"}``, or None."""
    if report is None:
        return None
    return {"state": report.state, "places": report.places, "reported": iso(report.reported)}


def is_fresh(report: Report, now: _dt.datetime, max_age_hours: int) -> bool:
    age = now - report.reported
    # a report up to an hour "ahead" is a clock that runs fast, not a report from the future
    return -_dt.timedelta(hours=1) <= age <= _dt.timedelta(hours=max_age_hours)


def state_text(report: Report | None, lang: str, fresh: bool) -> tuple[str, str]:
    """(state for the class name, words) for a report as judged now."""
    words = ui_strings(lang).get(AVAILABILITY, {})
    if report is None or not fresh:
        return "unknown", words.get("unknown", "")
    if report.state == "free":
        said = (
            words["free_n"].replace("{n}", str(report.places)) if report.places else words["free"]
        )
    else:
        said = words["full"]
    return (
        report.state,
        f"{said} {words['as_of'].replace('{time}', time_text(report.reported, lang))}",
    )


def availability_markup(
    entry: Entry,
    report: Report | None,
    lang: str,
    *,
    now: _dt.datetime,
    max_age_hours: int,
    tag: str = "p",
) -> Markup:
    """The status line of a crisis room or shelter; empty for other kinds of help.

    The report travels in ``data-`` attributes so the script can judge its age on the device;
    the words are the build's judgement, which is what a visitor without JavaScript reads (with
    its date, so its age can still be seen).
    """
    if not has_places(entry):
        return Markup("")
    state, said = state_text(report, lang, bool(report) and is_fresh(report, now, max_age_hours))
    call = ui_strings(lang).get(AVAILABILITY, {}).get("call_anyway", "")
    attrs = Markup('data-availability="{}"').format(entry.id)
    if report is not None:
        attrs += Markup(' data-state="{}" data-reported="{}"').format(
            report.state, iso(report.reported)
        )
        if report.places:
            attrs += Markup(' data-places="{}"').format(report.places)
    return Markup(
        '<{tag} class="helpdir-availability helpdir-availability--{state}" {attrs}>'
        '<span class="helpdir-availability__state">{said}</span> '
        '<span class="helpdir-availability__call">{call}</span></{tag}>'
    ).format(tag=Markup(tag), state=state, attrs=attrs, said=said, call=call)


def script_attributes(
    lang: str,
    *,
    status_url: str,
    max_age_hours: int,
    reports: Directory | None = None,
) -> Markup:
    """What availability.js needs, on its own ``<script>`` tag: where status.json is, the age
    limit, the words and month names of the page's language, and (for the finder's page, whose
    cards the script makes) every report the build knows."""
    words = ui_strings(lang).get(AVAILABILITY, {})
    attrs = Markup('data-status-url="{}" data-max-age-hours="{}" data-months="{}" data-words="{}"')
    attrs = attrs.format(
        status_url,
        max_age_hours,
        json.dumps(month_names(lang), ensure_ascii=False),
        json.dumps(words, ensure_ascii=False),
    )
    if reports is not None:
        known = {k: report_json(v) for k, v in sorted(reports.reports.items())}
        attrs += Markup(' data-reports="{}"').format(json.dumps(known, separators=(",", ":")))
    return attrs


def page_notices(
    directory: Directory, lang: str, entry_id: str | None, now: _dt.datetime
) -> list[dict[str, Any]]:
    """The notices a page carries: every site-wide one, and its entry's on an entry page.

    All of them are on the page with their times (the script shows those in force); the ones in
    force when the site was built are shown without the script.
    """
    words = ui_strings(lang).get(NOTICES, {})
    out = []
    for notice in directory.notices:
        if notice.entry is not None and notice.entry != entry_id:
            continue
        text, actual = notice.text.get(lang)
        out.append(
            {
                "kind": notice.kind,
                "label": words.get(notice.kind, ""),
                "until": words.get("until", "").replace("{time}", time_text(notice.end, lang)),
                "text": text,
                "text_lang": actual if actual != lang else "",
                "start": iso(notice.start),
                "end": iso(notice.end),
                "active": notice.active(now),
                "entry": notice.entry or "",
            }
        )
    return out
