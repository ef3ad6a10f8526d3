"""A directory of a thousand entries made from the real ones, for size and speed checks.

The real entries are repeated in every town of the real regions with fresh ids and phone
numbers, so texts, place names and numbers vary the way a full directory's would.
"""

from __future__ import annotations

import dataclasses
import random

from build_tools.data.model import Directory, Phone


def thousand(directory: Directory, count: int = 1000, seed: int = 5) -> Directory:
    rng = random.Random(seed)
    towns = [loc for region in directory.regions for loc in region.localities]
    local = [e for e in directory.entries if not e.national]
    entries = list(directory.national())
    n = 0
    while len(entries) < count:
        base = local[n % len(local)]
        town = towns[n % len(towns)]
        digits = "".join(rng.choice("0123456789") for _ in range(7))
        e164 = f"+37517{digits}"
        display = f"8 017 {digits[:3]}-{digits[3:5]}-{digits[5:]}"
        phones = tuple(
            dataclasses.replace(p, raw=display, e164=e164, display=display, tel=e164, short=False)
            if isinstance(p, Phone)
            else p
            for p in base.phones
        )
        entries.append(
            dataclasses.replace(
                base,
                id=f"{base.id}-{n}",
                region=town.region,
                locality=town.id,
                phones=phones,
            )
        )
        n += 1
    return Directory(regions=directory.regions, services=directory.services, entries=tuple(entries))
