"""The two builds the benchmark compares: ours on generated data, and plain MkDocs + Material.

Ours is the real ``mkdocs.yml`` with its inputs pointed at the generated directory, built the
way ``make build`` builds it (``mkdocs build --strict`` in a child process). The anchor is
what a team would get by writing one Markdown page per entry by hand and letting Material
build them with its default navigation: the baseline our ratio is measured against.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from build_tools.bench.measure import Measured, run_measured
from build_tools.data.model import Directory, Entry

REPO = Path(__file__).resolve().parents[2]


def mkdocs_command() -> list[str]:
    """``mkdocs`` from the same environment as this Python (the venv's)."""
    return [sys.executable, "-m", "mkdocs"]


def site_config(workdir: Path, data_dir: Path, *, leaflets: bool) -> Path:
    """A copy of the real mkdocs.yml reading ``data_dir``, with leaflets on or off."""
    text = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {REPO / 'content'}", text)
    text = re.sub(r"(?m)^  custom_dir: .*$", f"  custom_dir: {REPO / 'overrides'}", text)
    # The plugin's own `leaflets:` line (read from HELPDIR_LEAFLETS) would come later and win.
    text = re.sub(r"(?m)^ +leaflets: .*\n", "", text)
    text, count = re.subn(
        r"(?m)^(\s+)data_dir: .*$",
        lambda m: f"{m[1]}data_dir: {data_dir}\n{m[1]}leaflets: {str(leaflets).lower()}",
        text,
        count=1,
    )
    if count != 1:
        raise RuntimeError("mkdocs.yml has no `data_dir:` option under the helpdir plugin")
    # `watch:` paths are relative to the config file, which now lives in workdir.
    text = re.sub(
        r"(?m)^watch:\n((?:  - .*\n)+)",
        lambda m: "watch:\n" + "".join(f"  - {REPO / line[4:]}\n" for line in m[1].splitlines()),
        text,
    )
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_ours(workdir: Path, data_dir: Path, *, leaflets: bool) -> tuple[Measured, Path]:
    """``mkdocs build --strict`` of the real site on ``data_dir``; the site is workdir/site."""
    config = site_config(workdir, data_dir, leaflets=leaflets)
    site = workdir / "site"
    command = [*mkdocs_command(), "build", "--strict", "-q", "-f", str(config), "-d", str(site)]
    return run_measured(command, cwd=workdir), site


def build_anchor(workdir: Path, directory: Directory) -> tuple[Measured, Path]:
    """Plain Material over one hand-written Russian page per entry, default navigation."""
    docs = workdir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    (docs / "index.md").write_text(
        "# Справочник служб помощи\n\nВыберите область в меню слева.\n", encoding="utf-8"
    )
    for entry in directory.entries:
        folder = docs / (entry.region or "national")
        folder.mkdir(exist_ok=True)
        (folder / f"{entry.id}.md").write_text(entry_markdown(directory, entry), encoding="utf-8")
    config = workdir / "mkdocs.yml"
    config.write_text(
        "site_name: Справочник служб помощи\n"
        "theme:\n  name: material\n  language: ru\n  font: false\n",
        encoding="utf-8",
    )
    site = workdir / "site"
    command = [*mkdocs_command(), "build", "-q", "-f", str(config), "-d", str(site)]
    return run_measured(command, cwd=workdir), site


def entry_markdown(directory: Directory, entry: Entry) -> str:
    """What an editor would write for one place by hand: the facts our entry page shows."""
    lang = "ru"
    lines = [f"# {entry.name(lang)}", ""]
    if entry.summary:
        lines += [entry.summary(lang), ""]
    kinds = ", ".join(directory.service(s).name(lang) for s in entry.services)
    lines += [f"**Виды помощи:** {kinds}", ""]
    if entry.locality:
        lines += [f"**Населённый пункт:** {directory.locality(entry.locality).name(lang)}", ""]
    if entry.address_public and entry.address:
        lines += [f"**Адрес:** {entry.address(lang)}", ""]
    else:
        lines += ["**Адрес:** сообщают по телефону", ""]
    if entry.hours:
        lines += [f"**Часы работы:** {entry.hours.raw}", ""]
    lines += ["## Как связаться", ""]
    for phone in entry.phones:
        label = f" — {phone.label(lang)}" if phone.label else ""
        hours = f" ({phone.hours.raw})" if phone.hours else ""
        lines.append(f"- [{phone.display}](tel:{phone.tel}){label}{hours}")
    if entry.email:
        lines.append(f"- <{entry.email}>")
    if entry.website:
        lines.append(f"- <{entry.website}>")
    lines += ["", f"Проверено: {entry.verified.isoformat()}", ""]
    return "\n".join(lines)
