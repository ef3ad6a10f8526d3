"""What an import did not carry over, per file and row, for the editor to go through."""

from __future__ import annotations

from dataclasses import dataclass, field

from build_tools.messages import N_, _, ngettext

from .reader import Package
from .records import Record

#: Tables of vocabulary, not data: a term nobody uses is not a loss worth a line each.
VOCABULARY = ("taxonomy", "taxonomy_term", "meta_table_description")


def _short(value: str, limit: int = 60) -> str:
    value = " ".join(value.split())
    return value if len(value) <= limit else value[: limit - 1] + "…"


@dataclass
class Report:
    imported: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)

    def note(self, where: str, message: str) -> None:
        self.lines.append(f"{where}: {message}")

    def sorted_lines(self) -> list[str]:
        """By file, then row number, so the editor can go through a file from the top."""

        def key(line: str) -> tuple[str, int, str]:
            where = line.split(": ", 1)[0]
            file, _colon, row = where.rpartition(":")
            return (file, int(row), line) if row.isdigit() else (where, 0, line)

        return sorted(dict.fromkeys(self.lines), key=key)

    def leftovers(self, package: Package) -> None:
        """Every row nothing used, and every value nothing took, with file and row."""
        self.lines.extend(package.notes)
        for record in package.all_records():
            left = record.leftovers()
            if not left:
                continue
            fields = ", ".join(f"{name}={_short(value)!r}" for name, value in left.items())
            if record.kind in VOCABULARY and not record.used:
                self.note(
                    record.where,
                    _("vocabulary no imported entry refers to: {fields}").format(fields=fields),
                )
            elif record.used or record.taken:
                self.note(record.where, _("not imported: {fields}").format(fields=fields))
            else:
                self.note(
                    record.where,
                    _("row not imported ({kind}): {fields}").format(
                        kind=_kind(record), fields=fields
                    ),
                )

    #: The report's wording; another importer (the table import) says it its own way.
    WRITTEN = N_("Imported {entries}:")
    REST = N_("Not carried over ({n}):")
    COMPLETE = N_("Everything in the package was carried over.")

    def text(self) -> str:
        n = len(self.imported)
        entries = ngettext("{n} entry", "{n} entries", n).format(n=n)
        head = [_(self.WRITTEN).format(entries=entries)]
        head += [f"  {line}" for line in self.imported]
        lines = self.sorted_lines()
        if lines:
            head.append(_(self.REST).format(n=len(lines)))
            head += [f"  {line}" for line in lines]
        else:
            head.append(_(self.COMPLETE))
        return "\n".join(head) + "\n"


def _kind(record: Record) -> str:
    kind = record.kind.removeprefix("unknown:")
    if record.kind.startswith("unknown:"):
        return _("{kind}: the directory has no place for it").format(kind=kind)
    return _("{kind}: not linked to an imported service").format(kind=kind)
