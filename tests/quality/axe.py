"""axe-core (its npm package, from tests/node_modules) run inside a Playwright page.

The script is injected from the installed file, never fetched, so the check runs offline and
the page under test makes no request for it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tests.paths import REPO

AXE_JS = REPO / "tests" / "node_modules" / "axe-core" / "axe.min.js"

#: Impacts that fail a test. "moderate" and "minor" are reported by axe but do not block.
BLOCKING = ("serious", "critical")


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str
    help: str
    targets: tuple[str, ...]

    def __str__(self) -> str:
        where = ", ".join(self.targets[:5])
        more = f" (+{len(self.targets) - 5} more)" if len(self.targets) > 5 else ""
        return f"[{self.impact}] {self.rule}: {self.help} — {where}{more}"


def run_axe(page: Any) -> list[Violation]:
    """Every violation axe finds on the page as it is now (its state, focus included)."""
    if not AXE_JS.is_file():
        raise RuntimeError(f"{AXE_JS} is missing: run `make test` (it runs `npm ci` in tests/).")
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.add_script_tag(path=str(AXE_JS))
    results = page.evaluate(
        """async () => {
            const r = await axe.run(document, {resultTypes: ['violations']});
            return r.violations.map(v => ({
                rule: v.id, impact: v.impact || '', help: v.help,
                targets: v.nodes.map(n => n.target.join(' ')),
            }));
        }"""
    )
    return [Violation(v["rule"], v["impact"], v["help"], tuple(v["targets"])) for v in results]


def blocking(violations: list[Violation]) -> list[Violation]:
    return [v for v in violations if v.impact in BLOCKING]
