"""Where the project's folders are, for every face and stage that needs a default.

Kept apart from the command line (:mod:`build_tools.cli`) so that stages never import a face.
"""

from __future__ import annotations

from pathlib import Path

#: The repository root, for defaults when a command runs from another folder.
REPO = Path(__file__).resolve().parents[1]


def default_data_dir() -> Path:
    """``directory_data`` of the current folder if there is one, else the repository's."""
    here = Path("directory_data")
    return here if here.is_dir() else REPO / "directory_data"


def default_content_dir(data_dir: Path) -> Path | None:
    """The ``content`` folder beside the data folder, when it exists."""
    content = Path(data_dir).parent / "content"
    return content if content.is_dir() else None
