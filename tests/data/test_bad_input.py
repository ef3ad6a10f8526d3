"""One bad input per rule: `validate` exits 1 and names the file, the line and the field.

Each case writes one small file into a copy of the fixture directory (a valid entry with one
thing wrong, or a broken regions/services file) and checks the editor-facing line
``path:line:col: field: what is wrong — how to fix``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.data.helpers import Runner, write

HEAD = "# yaml-language-server: $schema=../../schema/entry.schema.json\n"


def entry(entry_id: str, *lines: str, place: str = "region: brest\nlocality: brest") -> str:
    """A valid entry whose extra ``lines`` (replacing same-named fields) introduce the fault."""
    fields = {
        "id": f"id: {entry_id}",
        "name": "name: {ru: Тест, be: Тэст, en: Test}",
        "services": "services: [crisis-room]",
        "place": place,
        "phones": 'phones:\n  - number: "8 0162 12-34-56"',
        "verified": "verified: 2026-10-01",
    }
    extra = []
    for line in lines:
        key = line.split(":", 1)[0].strip()
        if key in fields:
            fields[key] = line
        else:
            extra.append(line)
    body = [fields.pop("id"), fields.pop("name")]
    body += [value for value in fields.values() if value]
    # Where the facts come from: after the fields a case may change, so their lines stay put.
    tail = ["source: Fictional test data", "source_date: 2026-10-01"]
    given = {line.split(":", 1)[0] for line in lines}
    tail = [line for line in tail if line.split(":", 1)[0] not in given]
    return HEAD + "\n".join(body + extra + tail) + "\n"


@dataclass
class Case:
    name: str
    files: dict[str, str]
    path: str  # the file the message must name, relative to the data folder
    line: int
    field: str
    says: str  # a fragment of the message or the fix
    args: tuple[str, ...] = ()
    code: int = 1
    delete: list[str] = field(default_factory=list)


B = "entries/brest/"
CASES = [
    Case(
        "unknown-key",
        {B + "t.yml": entry("t", "nmae: {ru: x}")},
        B + "t.yml",
        10,
        "nmae",
        "did you mean `name`?",
    ),
    Case(
        "missing-required",
        {B + "t.yml": entry("t", "verified:")},
        B + "t.yml",
        9,
        "verified",
        "the value is empty",
    ),
    Case(
        "missing-key",
        {B + "t.yml": entry("t", "verified: ").replace("verified: \n", "")},
        B + "t.yml",
        2,
        "verified",
        "`verified` is missing",
    ),
    Case(
        "wrong-enum",
        {B + "t.yml": entry("t", "status: activ")},
        B + "t.yml",
        10,
        "status",
        "did you mean `active`?",
    ),
    Case(
        "yes-is-not-boolean",
        {B + "t.yml": entry("t", "free: yes")},
        B + "t.yml",
        10,
        "free",
        "write `true` or `false`",
    ),
    Case(
        "wrong-type",
        {B + "t.yml": entry("t", "services: crisis-room")},
        B + "t.yml",
        4,
        "services",
        "should be a list",
    ),
    Case(
        "id-form",
        {B + "Brest_Room.yml": entry("Brest_Room")},
        B + "Brest_Room.yml",
        2,
        "id",
        "lower-case Latin letters",
    ),
    Case(
        "id-not-file-name",
        {B + "t.yml": entry("other")},
        B + "t.yml",
        2,
        "id",
        "is not the file name `t.yml`",
    ),
    Case(
        "duplicate-id",
        {B + "same.yml": entry("same"), "entries/vitebsk/same.yml": entry("same")},
        "entries/vitebsk/same.yml",
        2,
        "id",
        "is already used by",
    ),
    Case("reserved-id", {B + "finder.yml": entry("finder")}, B + "finder.yml", 2, "id", "reserved"),
    Case(
        "unknown-region",
        {B + "t.yml": entry("t", place="region: brets")},
        B + "t.yml",
        5,
        "region",
        "did you mean `brest`?",
    ),
    Case(
        "unknown-locality",
        {B + "t.yml": entry("t", place="region: brest\nlocality: pinks")},
        B + "t.yml",
        6,
        "locality",
        "did you mean `pinsk`?",
    ),
    Case(
        "locality-of-other-region",
        {B + "t.yml": entry("t", place="region: vitebsk\nlocality: pinsk")},
        B + "t.yml",
        6,
        "locality",
        "belongs to the region `brest`",
    ),
    Case(
        "national-with-region",
        {B + "t.yml": entry("t", place="national: true\nregion: brest")},
        B + "t.yml",
        6,
        "region",
        "a national service has no `region`",
    ),
    Case(
        "region-missing",
        {B + "t.yml": entry("t", place="")},
        B + "t.yml",
        2,
        "region",
        "`region` is missing",
    ),
    Case(
        "unknown-service",
        {B + "t.yml": entry("t", "services: [crisis-rom]")},
        B + "t.yml",
        4,
        "services.1",
        "did you mean `crisis-room`?",
    ),
    Case(
        "bad-phone",
        {B + "t.yml": entry("t", 'phones:\n  - number: "8 0162 12"')},
        B + "t.yml",
        8,
        "phones.1.number",
        "is not a valid phone number",
    ),
    Case(
        "unknown-short-number",
        {B + "t.yml": entry("t", 'phones:\n  - number: "100"')},
        B + "t.yml",
        8,
        "phones.1.number",
        "is not a known short number",
    ),
    Case(
        "phone-letters",
        {B + "t.yml": entry("t", 'phones:\n  - number: "call us"')},
        B + "t.yml",
        8,
        "phones.1.number",
        "is not a phone number",
    ),
    Case(
        "local-number-warning",
        {B + "t.yml": entry("t", 'phones:\n  - number: "2-34-56"')},
        B + "t.yml",
        8,
        "phones.1.number",
        "warning: `2-34-56` looks like a local number",
        code=0,
    ),
    Case(
        "http-website",
        {B + "t.yml": entry("t", "website: http://example.by")},
        B + "t.yml",
        10,
        "website",
        "use the `https://` address",
    ),
    Case(
        "malformed-website",
        {B + "t.yml": entry("t", "website: https://exa mple.by")},
        B + "t.yml",
        10,
        "website",
        "spaces",
    ),
    Case(
        "website-without-scheme",
        {B + "t.yml": entry("t", "website: example.by")},
        B + "t.yml",
        10,
        "website",
        "starting with `https://`",
    ),
    Case(
        "bad-email",
        {B + "t.yml": entry("t", "email: info(at)example.by")},
        B + "t.yml",
        10,
        "email",
        "is not an e-mail address",
    ),
    Case(
        "telegram-link",
        {B + "t.yml": entry("t", "messengers: {telegram: https://t.me/SomeBot}")},
        B + "t.yml",
        10,
        "messengers.telegram",
        "write only the username: `SomeBot`",
    ),
    Case(
        "bad-telegram",
        {B + "t.yml": entry("t", "messengers: {telegram: 'a b'}")},
        B + "t.yml",
        10,
        "messengers.telegram",
        "is not a Telegram username",
    ),
    Case(
        "bad-viber",
        {B + "t.yml": entry("t", "messengers: {viber: '102'}")},
        B + "t.yml",
        10,
        "messengers.viber",
        "short number",
    ),
    Case(
        "geo-outside",
        {B + "t.yml": entry("t", "geo: {lat: 27.5, lon: 53.9}")},
        B + "t.yml",
        10,
        "geo",
        "outside Belarus (are lat and lon swapped?)",
    ),
    Case(
        "verified-future",
        {B + "t.yml": entry("t", "verified: 2999-01-01")},
        B + "t.yml",
        9,
        "verified",
        "is in the future",
    ),
    Case(
        "verified-not-a-date",
        {B + "t.yml": entry("t", "verified: 2026-13-01")},
        B + "t.yml",
        9,
        "verified",
        "is not a date",
    ),
    Case(
        "no-russian-text",
        {B + "t.yml": entry("t", "name: {be: Тэст, en: Test}")},
        B + "t.yml",
        3,
        "name.ru",
        "Russian is the default language",
    ),
    Case(
        "empty-text",
        {B + "t.yml": entry("t", "summary: {ru: ''}")},
        B + "t.yml",
        10,
        "summary.ru",
        "the text is empty",
    ),
    Case(
        "confidential-address",
        {B + "t.yml": entry("t", "address_visibility: hidden", "address: {ru: ул. Тайная, 1}")},
        B + "t.yml",
        11,
        "address",
        "the data repository is public",
    ),
    Case(
        "confidential-geo",
        {B + "t.yml": entry("t", "address_visibility: locality", "geo: {lat: 52.1, lon: 23.7}")},
        B + "t.yml",
        11,
        "geo",
        "the address is given by phone",
    ),
    Case(
        "bad-hours",
        {B + "t.yml": entry("t", 'hours: "Mo-Fr 9-18"')},
        B + "t.yml",
        10,
        "hours",
        "supported: `24/7`",
    ),
    Case(
        "bad-phone-hours",
        {B + "t.yml": entry("t", 'phones:\n  - number: "102"\n    hours: "weekdays"')},
        B + "t.yml",
        9,
        "phones.1.hours",
        "cannot read the hours",
    ),
    Case(
        "no-way-to-reach",
        {B + "t.yml": entry("t", "phones: []")},
        B + "t.yml",
        2,
        "id",
        "no way to reach",
    ),
    Case(
        "former-id-is-current",
        {B + "t.yml": entry("t", "former_ids: [national-hotline]")},
        B + "t.yml",
        10,
        "former_ids.1",
        "is the current id of",
    ),
    Case(
        "former-id-twice",
        {
            B + "a.yml": entry("a", "former_ids: [old-name]"),
            B + "b.yml": entry("b", "former_ids: [old-name]"),
        },
        B + "b.yml",
        10,
        "former_ids.1",
        "is already a former id of",
    ),
    Case(
        "duplicated-key",
        {B + "t.yml": entry("t", "free: true", "free: false")},
        B + "t.yml",
        11,
        "free",
        "is written twice (first on line 10)",
    ),
    Case(
        "yaml-syntax", {B + "t.yml": entry("t", "summary: {ru: a: b}")}, B + "t.yml", 10, "", "YAML"
    ),
    Case(
        "tab-indent",
        {B + "t.yml": entry("t", "admission:\n\tmax_stay_days: 3")},
        B + "t.yml",
        11,
        "",
        "indent with spaces, not tabs",
    ),
    Case(
        "empty-value",
        {B + "t.yml": entry("t", "summary:")},
        B + "t.yml",
        10,
        "summary",
        "the value is empty",
    ),
    Case(
        "no-schema-line",
        {B + "t.yml": entry("t")[len(HEAD) :]},
        B + "t.yml",
        1,
        "",
        "warning: the first line does not name the schema",
        code=0,
    ),
    Case("empty-file", {B + "t.yml": HEAD}, B + "t.yml", 1, "", "the file is empty"),
    Case("yaml-extension", {B + "t.yaml": entry("t")}, B + "t.yaml", 1, "", "rename it to `t.yml`"),
    Case(
        "sample-when-publishing",
        {B + "t.yml": entry("t", "status: sample")},
        B + "t.yml",
        10,
        "status",
        "a sample entry cannot be published",
        args=("--publish",),
        delete=["entries/vitebsk/vitebsk-sample-shelter.yml"],
    ),
    Case(
        "unknown-key-in-regions",
        {"regions.yml": "- id: brest\n  name: {ru: Брест}\n  localites: []\n"},
        "regions.yml",
        3,
        "1.localites",
        "did you mean `localities`?",
    ),
    Case(
        "duplicate-town",
        {
            "regions.yml": "- id: brest\n  name: {ru: Брест}\n  localities:\n"
            "    - {id: pinsk, name: {ru: Пинск}}\n"
            "- id: vitebsk\n  name: {ru: Витебск}\n  localities:\n"
            "    - {id: pinsk, name: {ru: Пинск}}\n"
        },
        "regions.yml",
        8,
        "2.localities.1.id",
        "is already used in `brest`",
    ),
    Case(
        "services-not-a-list",
        {"services.yml": "hotline: {ru: x}\n"},
        "services.yml",
        1,
        "",
        "should be a list",
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input_is_reported_with_file_line_and_field(
    case: Case, data_dir: Path, run_cli: Runner
) -> None:
    for relative in case.delete:
        (data_dir / relative).unlink()
    for relative, text in case.files.items():
        write(data_dir, relative, text)
    code, out = run_cli("validate", str(data_dir), *case.args)
    assert code == case.code, out
    where = re.escape(f"{data_dir / case.path}:{case.line}:") + r"\d+: "
    what = re.escape(f"{case.field}: ") if case.field else ""
    lines = [line for line in out.splitlines() if re.search(where + what, line)]
    assert lines, f"no line for {case.path}:{case.line} {case.field!r} in:\n{out}"
    assert any(case.says in line for line in lines), out
    assert all(" — " in line for line in lines), "each message carries a fix"


def test_all_problems_are_reported_in_one_run(data_dir: Path, run_cli: Runner) -> None:
    write(data_dir, B + "a.yml", entry("a", "status: activ", "website: http://x.by"))
    write(data_dir, "entries/vitebsk/b.yml", entry("b", "free: no", place="region: nowhere"))
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    for fragment in ("a.yml:10:", "a.yml:11:", "b.yml:5:", "b.yml:9:"):
        assert fragment in out
    assert out.strip().splitlines()[-1].startswith("FAILED: 4 errors, 0 warnings in 2 files")


def test_problems_are_grouped_by_file(data_dir: Path, run_cli: Runner) -> None:
    write(data_dir, B + "a.yml", entry("a", "free: no", "anonymous: no"))
    write(data_dir, B + "b.yml", entry("b", "free: no"))
    _, out = run_cli("validate", str(data_dir))
    headers = [line for line in out.splitlines() if not line.startswith(" ") and "error" in line]
    assert headers[0].startswith(f"{data_dir / B / 'a.yml'} (2 errors")
    assert headers[1].startswith(f"{data_dir / B / 'b.yml'} (1 error")
