"""Build a whole site (all languages) into a folder, the way `make build` does.

Tests point it at fixture data or fixture content; everything else (theme, overrides, plugin
options) comes from the real mkdocs.yml, so a test build is the real build on other inputs.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from tests.paths import REPO


def write_config(
    workdir: Path,
    *,
    data_dir: Path,
    content_dir: Path | None = None,
    leaflets: bool = True,
    extra_plugin_options: str = "",
    source: Path = REPO,
) -> Path:
    """A copy of mkdocs.yml whose paths point at the given inputs; returns its path.

    ``source`` is the project whose mkdocs.yml and theme overrides are used (a copy of the
    repository, for a test that changes them)."""
    text = (source / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"(?m)^docs_dir: .*$", f"docs_dir: {content_dir or source / 'content'}", text)
    text = re.sub(r"(?m)^  custom_dir: .*$", f"  custom_dir: {source / 'overrides'}", text)
    text = re.sub(r"(?m)^      data_dir: .*$", f"      data_dir: {data_dir}", text)
    text = re.sub(r"(?m)^watch:\n(  - .*\n)+", "", text)
    text = re.sub(r"(?m)^      leaflets: .*\n", "", text)
    options = f"      leaflets: {'true' if leaflets else 'false'}\n" + extra_plugin_options
    text = text.replace("      stale_months: 12\n", "      stale_months: 12\n" + options)
    workdir.mkdir(parents=True, exist_ok=True)
    config = workdir / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def build_site(
    workdir: Path,
    *,
    data_dir: Path,
    content_dir: Path | None = None,
    leaflets: bool = True,
    extra_plugin_options: str = "",
    env: dict[str, str] | None = None,
    check: bool = True,
    source: Path = REPO,
) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build --strict`` in a subprocess, as editors and CI do (site: workdir/site).

    With another ``source`` (a copy of the repository), its ``build_tools`` is the one that
    runs: it comes first on the subprocess's ``PYTHONPATH``."""
    config = write_config(
        workdir,
        data_dir=data_dir,
        content_dir=content_dir,
        leaflets=leaflets,
        extra_plugin_options=extra_plugin_options,
        source=source,
    )
    if source != REPO:
        env = {"PYTHONPATH": str(source), **(env or {})}
    mkdocs = Path(sys.executable).with_name("mkdocs")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    result = subprocess.run(
        [str(mkdocs), "build", "--strict", "-f", str(config), "-d", str(workdir / "site")],
        capture_output=True,
        text=True,
        cwd=workdir,
        env=env,
    )
    if check and result.returncode != 0:
        raise AssertionError(f"build failed:\n{result.stdout}\n{result.stderr}")
    return result


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst
