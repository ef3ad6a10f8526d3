"""Every naughty string (big-list-of-naughty-strings) as a name loads and validates, no crash.

Each non-comment line of blns.txt becomes the Russian name of one entry; the same strings
also go into every other text-like field of a second batch, where validation may refuse
them but must say so as a problem, never as a traceback.
"""

from __future__ import annotations

import datetime as _dt
from pathlib import Path

from build_tools.data.build import validate_directory
from build_tools.data.text_checks import LIMITS, refused_character
from tests.data.helpers import write
from tests.paths import EXTERNAL

BLNS = EXTERNAL / "naughty" / "blns" / "blns.txt"
TODAY = _dt.date(2026, 11, 28)


def naughty_lines() -> list[str]:
    text = BLNS.read_text(encoding="utf-8")
    return [line for line in text.split("\n") if line and not line.startswith("#")]


def quoted(value: str) -> str:
    """A YAML double-quoted scalar: printable ASCII as is, everything else escaped by code point
    (YAML escapes ``\\uXXXX`` and ``\\UXXXXXXXX``, not JSON's surrogate pairs)."""
    out = []
    for ch in value:
        code = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif 0x20 <= code < 0x7F:
            out.append(ch)
        elif code <= 0xFFFF:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    return '"' + "".join(out) + '"'


def test_the_list_is_there() -> None:
    assert len(naughty_lines()) > 400


def test_every_line_as_a_name_loads_and_validates(data_dir: Path) -> None:
    lines = naughty_lines()
    for i, line in enumerate(lines):
        write(
            data_dir,
            f"entries/naughty/n{i}.yml",
            f"id: n{i}\nname: {{ru: {quoted(line)}, en: {quoted(line)}}}\n"
            "services: [hotline]\nnational: true\nphones: [{number: '102'}]\n"
            "verified: 2026-10-01\n",
        )
    result = validate_directory(data_dir, today=TODAY)
    # Invisible characters (controls, bidi overrides, zero-width spaces) and names longer than
    # the limit are refused, each by name; every other line loads exactly as written.
    invisible = {i for i, line in enumerate(lines) if refused_character(line)}
    too_long = {i for i, line in enumerate(lines) if len(line) > LIMITS["name"]}
    assert 10 < len(invisible) < len(lines) / 4
    refused = {Path(p.path).stem for p in result.errors}
    assert refused == {f"n{i}" for i in invisible | too_long}
    assert all(
        "invisible character U+" in p.message or "this field holds at most" in p.message
        for p in result.errors
    )
    invisible |= too_long
    assert {p.field for p in result.errors} == {"name.ru", "name.en"}
    for i in invisible:
        (data_dir / "entries" / "naughty" / f"n{i}.yml").unlink()
    result = validate_directory(data_dir, today=TODAY)
    assert result.directory is not None
    for i, line in enumerate(lines):
        if i not in invisible:
            assert result.directory.entry(f"n{i}").name("ru") == line


def test_every_line_in_every_field_is_a_problem_or_a_value(data_dir: Path) -> None:
    lines = naughty_lines()
    for i, line in enumerate(lines):
        q = quoted(line)
        write(
            data_dir,
            f"entries/naughty/n{i}.yml",
            f"id: n{i}\nname: {{ru: {q}}}\nsummary: {{ru: {q}}}\nservices: [{q}]\n"
            f"region: {q}\nlocality: {q}\nphones:\n  - number: {q}\n    hours: {q}\n"
            f"email: {q}\nwebsite: {q}\nmessengers: {{telegram: {q}, viber: {q}}}\n"
            f"hours: {q}\nformer_ids: [{q}]\nverified: {q}\n",
        )
    result = validate_directory(data_dir, today=TODAY)
    named = {Path(p.path).name for p in result.problems}
    assert {f"n{i}.yml" for i in range(len(lines))} <= named


def test_naughty_lines_as_raw_yaml_never_crash(tmp_path: Path) -> None:
    """The lines written unquoted, as an editor might paste them: a problem or a value."""
    data = tmp_path / "d"
    for name in ("regions.yml", "services.yml"):
        write(data, name, "[]\n")
    for i, line in enumerate(naughty_lines()):
        write(data, f"entries/n{i}.yml", f"id: n{i}\nname:\n  ru: {line}\n")
    result = validate_directory(data, today=TODAY)
    assert result.directory is None  # the entries are incomplete; what matters is no crash
    assert all(p.line >= 1 and p.col >= 1 for p in result.problems)
