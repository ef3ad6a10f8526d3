"""Only files inside the repository's own folders are read into a build or an import.

A symbolic link (``content/ru/env.md -> /proc/self/environ``) or a path with ``../`` in it
(a ``datapackage.json`` resource ``../../../../etc/passwd``) would otherwise bring a file from
elsewhere on the machine into the published site, the search index or a message on screen.
Every link below the folder is refused, even one that points back inside it: a link is easy
to copy out of the repository by mistake, and the file itself is what should be committed.
The reasons given name the path, never what the file holds (it is not read at all).
"""

from __future__ import annotations

import os
from pathlib import Path

from build_tools.messages import N_, _


def _absolute(path: Path) -> Path:
    """The absolute form with ``..`` worked out from the text alone (links not followed)."""
    return Path(os.path.normpath(os.path.abspath(path)))


def outside_reason(path: Path, folder: Path) -> str | None:
    """Why ``path`` may not be read as part of ``folder`` (None when it may): it leads outside
    the folder, or it or a folder on its way there is a symbolic link."""
    root = _absolute(folder)
    target = _absolute(root / path)
    try:
        parts = target.relative_to(root).parts
    except ValueError:
        return _("the path leads outside {folder}").format(folder=folder)
    step = root
    for part in parts:
        step = step / part
        if step.is_symlink():
            if step == target:
                return _("it is a symbolic link")
            return _("{step} on its way is a symbolic link").format(step=step)
    if not target.resolve().is_relative_to(root.resolve()):
        return _("the path leads outside {folder}").format(folder=folder)
    return None


def links_below(folder: Path) -> list[Path]:
    """Every symbolic link (to a file or a folder) below ``folder``, in path order; links to
    folders are not followed."""
    found = []
    for top, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(top) / name
            if path.is_symlink():
                found.append(path)
    return sorted(found)


#: What an editor can do about a refused link.
LINK_FIX = N_("put the file itself in its place (copy it into the folder) instead of a link")
