"""Data flows one way (docs/architecture.md): the data stage imports no output and no face;
an output never imports another output or a face. Checked on the source, imports inside
functions included, so a shortcut taken anywhere shows here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.paths import REPO

#: The stages that write something for people to read, each reading the model only.
OUTPUTS = ("pages", "finder", "feeds", "leaflets")
#: The faces: they call stages, never the other way round. ``command_line`` is what every
#: command shares (``--lang``, finding and checking the data, printing problems).
FACES = ("cli", "command_line", "plugin", "stages", "bot", "bench", "__main__")
#: Neutral modules every layer may use: the messages' catalogue is one of them.
SHARED = ("messages",)


def imported(path: Path, root: Path = REPO) -> set[str]:
    """Every ``build_tools`` module a file imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = ".".join(path.parent.relative_to(root).parts)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
    return {name for name in found if name.startswith("build_tools")}


def part_of(name: str) -> str:
    """``build_tools.pages.words`` → ``pages``; a top-level module is its own part."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else ""


def sources(part: str, root: Path = REPO) -> list[Path]:
    folder = root / "build_tools" / part
    return sorted(folder.rglob("*.py")) if folder.is_dir() else [root / f"build_tools/{part}.py"]


def is_command(path: Path) -> bool:
    """A command module inside a stage's folder is a face of its own (``register``)."""
    return "def register(" in path.read_text(encoding="utf-8")


def violations(part: str, forbidden: set[str], root: Path = REPO) -> list[str]:
    found = []
    for path in sources(part, root):
        if is_command(path):
            continue
        for name in sorted(imported(path, root)):
            if part_of(name) in forbidden - {part}:
                found.append(f"{path.relative_to(root)} imports {name}")
    return found


def test_the_data_stage_imports_no_output_and_no_face() -> None:
    assert not violations("data", set(OUTPUTS) | set(FACES))


@pytest.mark.parametrize("output", OUTPUTS)
def test_an_output_imports_no_other_output_and_no_face(output: str) -> None:
    assert not violations(output, set(OUTPUTS) | set(FACES))


def test_no_stage_imports_the_command_line() -> None:
    """Command modules inside a stage's folder (``register``) are faces and may; nothing
    else in a stage imports the command line or its shared helper."""
    stages = ["data", *OUTPUTS, "safety"]
    found = [
        f"{path.relative_to(REPO)} imports {name}"
        for part in stages
        for path in sources(part)
        if not is_command(path)
        for name in imported(path)
        if part_of(name) in ("cli", "command_line")
    ]
    assert not found


def test_the_messages_module_imports_no_stage_and_no_face() -> None:
    """Stages put their messages into words through it, so it must stand below all of them."""
    for part in SHARED:
        assert not {part_of(name) for name in imported(sources(part)[0])} - {part}


def test_the_check_sees_a_stage_importing_the_command_face(tmp_path: Path) -> None:
    folder = tmp_path / "build_tools" / "leaflets"
    folder.mkdir(parents=True)
    (folder / "layout.py").write_text(
        "def f():\n    from build_tools.command_line import data_folder\n", encoding="utf-8"
    )
    assert violations("leaflets", set(FACES), tmp_path) == [
        "build_tools/leaflets/layout.py imports build_tools.command_line",
        "build_tools/leaflets/layout.py imports build_tools.command_line.data_folder",
    ]


def test_the_check_sees_a_planted_shortcut(tmp_path: Path) -> None:
    folder = tmp_path / "build_tools" / "data"
    folder.mkdir(parents=True)
    (folder / "shortcut.py").write_text(
        "from ..feeds import common\n\ndef f():\n    from build_tools.pages import words\n",
        encoding="utf-8",
    )
    assert violations("data", set(OUTPUTS), tmp_path) == [
        "build_tools/data/shortcut.py imports build_tools.feeds",
        "build_tools/data/shortcut.py imports build_tools.feeds.common",
        "build_tools/data/shortcut.py imports build_tools.pages",
        "build_tools/data/shortcut.py imports build_tools.pages.words",
    ]
