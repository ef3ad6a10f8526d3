"""Leaflet generation on its own, in a child process: ``python -m build_tools.bench.leaflet_run``.

Loading the data is left out of the time (the build loads it once for every stage); what is
timed is ``build_leaflets`` for every region and the national leaflet in every language, as
the build calls it. The last line printed is JSON the benchmark reads.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from pathlib import Path

from build_tools import leaflets
from build_tools.data.build import load_directory
from build_tools.data.model import LANGUAGES


def main(argv: list[str]) -> int:
    data_dir, out_dir, site_url = Path(argv[0]), Path(argv[1]), argv[2]
    directory = load_directory(data_dir)
    before = _cpu()
    start = time.perf_counter()
    made = leaflets.build_leaflets(directory, out_dir, site_url=site_url, languages=LANGUAGES)
    seconds = time.perf_counter() - start
    cpu = _cpu() - before
    pdfs = sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*.pdf"))
    print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "listed": len(made), "pdfs": pdfs}))
    return 0


def _cpu() -> float:
    """CPU seconds of this process and of the workers it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    workers = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + workers.ru_utime + workers.ru_stime


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
