"""The Nu Html Checker (npm ``vnu-jar``) over many files in one Java call.

Java starts once for all the pages (starting it costs more than checking a page). Messages
that are known and accepted are filtered here, each with its reason; everything else fails.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tests.paths import REPO

VNU_JAR = REPO / "tests" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Message:
    file: str
    line: int
    text: str
    extract: str

    def __str__(self) -> str:
        extract = f"  [{self.extract.strip()[:160]}]" if self.extract else ""
        return f"{self.file}:{self.line}: {self.text}{extract}"


@dataclass(frozen=True)
class Accepted:
    """A checker message we accept: patterns over its text and the markup it quotes, and why."""

    pattern: str
    reason: str
    #: The quoted markup must match this too, so the exception stays as narrow as it can.
    extract: str = ""

    def matches(self, message: Message) -> bool:
        return re.search(self.pattern, message.text) is not None and (
            not self.extract or re.search(self.extract, message.extract) is not None
        )


#: Messages accepted on purpose. Keep this short: each entry hides a class of errors.
ACCEPTED: tuple[Accepted, ...] = (
    Accepted(
        pattern=r"^Attribute “autocomplete” is only allowed when the input type is",
        extract=r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox"',
        reason="Material's own drawer and search toggles are checkboxes with "
        'autocomplete="off" (so Firefox does not restore their state); harmless, and the '
        "markup is Material's base.html, which we do not fork",
    ),
)


def java() -> str:
    found = shutil.which("java")
    if not found:
        raise RuntimeError("Java is missing: install default-jre-headless (`make test` needs it).")
    return found


def check_files(files: Sequence[Path], *, root: Path | None = None) -> list[Message]:
    """Every error the checker reports in ``files`` (HTML), before filtering."""
    if not VNU_JAR.is_file():
        raise RuntimeError(f"{VNU_JAR} is missing: run `make test` (it runs `npm ci` in tests/).")
    command = [java(), "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
    result = subprocess.run(
        [*command, *map(str, files)], capture_output=True, text=True, timeout=600
    )
    # vnu writes its JSON report to stderr and exits 1 when it found errors.
    try:
        report = json.loads(result.stderr)
    except json.JSONDecodeError as exc:
        raise RuntimeError(f"vnu gave no JSON report:\n{result.stdout}\n{result.stderr}") from exc
    messages = []
    for item in report.get("messages", []):
        if item.get("type") not in ("error", "non-document-error"):
            continue
        url = item.get("url", "")
        name = url.removeprefix("file:")
        if root is not None and name.startswith(str(root)):
            name = name[len(str(root)) :].lstrip("/")
        messages.append(
            Message(name, int(item.get("lastLine", 0)), item["message"], item.get("extract", ""))
        )
    return messages


def unaccepted(messages: Sequence[Message]) -> list[Message]:
    """The messages no entry of ``ACCEPTED`` covers."""
    return [m for m in messages if not any(a.matches(m) for a in ACCEPTED)]
