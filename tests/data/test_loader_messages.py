"""What `validate` says about files that are broken in odd ways: a message, never a traceback.

Each case is written as an editor (or a hostile contributor) could leave it: nesting a thousand
levels deep, a NUL byte, a huge file, an alias bomb, a file in Windows-1251, a file name the
loader would skip, an empty file.
"""

from __future__ import annotations

from pathlib import Path

from tests.data.helpers import Runner, write
from tests.data.test_bad_input import HEAD, entry

B = "entries/brest/"


def _lines(out: str, name: str) -> list[str]:
    return [line.strip() for line in out.splitlines() if f"/{name}:" in line]


def test_yaml_nested_a_thousand_levels_is_a_message(run_cli: Runner, data_dir: Path) -> None:
    """Issue 19, defect 6: not a RecursionError."""
    write(data_dir, B + "t.yml", entry("t", "summary: {ru: " + "[" * 1000 + "]" * 1000 + "}"))
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    assert "Traceback" not in out and "RecursionError" not in out
    (line,) = [x for x in _lines(out, "t.yml") if "levels deep" in x]
    assert line.endswith(
        "t.yml:10:45: summary.ru: lists and groups are nested more than 32 levels deep here "
        "— check the brackets and the indentation: a data file nests a few levels"
    )


def test_front_matter_nested_a_thousand_levels_is_a_message(
    run_cli: Runner, data_dir: Path, tmp_path: Path
) -> None:
    """Issue 19, defect 6: the same in a page's front matter."""
    content = tmp_path / "content"
    deep = "[" * 1000 + "]" * 1000
    write(content, "ru/page.md", f"---\ntitle: Страница\ndescription: {deep}\n---\n# Текст\n")
    code, out = run_cli("validate", str(data_dir), "--content", str(content))
    assert code == 1
    assert "Traceback" not in out
    assert "page.md:3:45: description.1: lists and groups are nested more than 32" in out


def test_a_nul_byte_is_reported_where_it_is(run_cli: Runner, data_dir: Path) -> None:
    """Issue 19, defect 7: its real line and column, no advice about indentation."""
    write(data_dir, B + "t.yml", entry("t", "summary: {ru: Текст\x00 дальше}"))
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    (line,) = _lines(out, "t.yml")
    assert "t.yml:10:20: the file holds an invisible control character U+0000 (NUL)" in line
    assert "indentation" not in line


def test_a_huge_file_without_anchors_is_not_blamed_on_anchors(run_cli: Runner, data_dir: Path):
    """Issue 19, defect 7: 700,000 plain keys are "too many values", not "repeated anchors"."""
    write(data_dir, B + "t.yml", HEAD + "".join(f"k{i}: v\n" for i in range(700_000)))
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    (line,) = _lines(out, "t.yml")
    assert "t.yml:2:1: the file holds more than 50,000 values; one file holds one entry" in line
    assert "anchor" not in out


def test_an_alias_bomb_is_blamed_on_anchors_and_each_message_said_once(
    run_cli: Runner, data_dir: Path
) -> None:
    """Issue 19, defect 7: the missing-field messages after an alias bomb are not repeated."""
    lines = ["id: t", "a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 8):
        lines.append(
            f"b{i}: &b{i} [" + ", ".join([f"*{'a' if i == 1 else f'b{i - 1}'}"] * 10) + "]"
        )
    write(data_dir, B + "t.yml", HEAD + "\n".join(lines) + "\n")
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    found = _lines(out, "t.yml")
    assert len(found) == len(set(found)), "a message is printed more than once"
    assert sum("repeated anchors" in line for line in found) == 1
    assert sum("`services` is missing" in line for line in found) == 1


def test_a_file_not_in_utf8_gets_one_message(run_cli: Runner, data_dir: Path) -> None:
    """Issue 19, defect 7: no false "first line does not name the schema" warning beside it."""
    file = data_dir / B / "t.yml"
    file.write_bytes(entry("t", "summary: {ru: Помощь}").encode("cp1251"))
    code, out = run_cli("validate", str(data_dir))
    assert code == 1
    (line,) = _lines(out, "t.yml")
    assert "t.yml:3:1: the file is not in UTF-8" in line  # the name, the first Cyrillic
    assert "Windows-1251" in line
    assert "schema" not in out


def test_skipped_file_names_are_warned_about(run_cli: Runner, data_dir: Path) -> None:
    """Issue 19, defect 7: `..yml`, `.name.yml` and `x.YML` are not silently ignored."""
    for name in ("..yml", ".t.yml", "t.YML"):
        write(data_dir, B + name, entry("t"))
    code, out = run_cli("validate", str(data_dir))
    assert code == 0, out
    assert "entries/brest/..yml:1:1: warning: file names starting with `.` are hidden" in out
    assert "entries/brest/.t.yml:1:1: warning: file names starting with `.` are hidden" in out
    assert "entries/brest/t.YML:1:1: warning: entry files end in `.yml` (small letters)" in out
    assert "rename it to `t.yml`" in out


def test_an_empty_entry_file_is_an_error(run_cli: Runner, data_dir: Path) -> None:
    """Issue 19, defect 7: an empty file is an error even when it also lacks the schema line."""
    for text in ("", "# only a comment\n"):
        write(data_dir, B + "t.yml", text)
        code, out = run_cli("validate", str(data_dir))
        assert code == 1, out
        assert "t.yml:1:1: the file is empty: it holds no entry" in out
