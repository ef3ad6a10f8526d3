"""Time (wall and CPU) and peak memory of one command, its own children included.

Each build runs as a child process reaped with ``os.wait4``, whose resource usage is that
child's alone (with everything it waited for), so consecutive builds in one benchmark run do
not inherit each other's peak the way ``getrusage(RUSAGE_CHILDREN)`` would.
"""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Measured:
    seconds: float
    #: User + system CPU time of the child and everything it waited for: on a machine shared
    #: with other work this stays close to the idle machine's time while wall time grows.
    cpu_seconds: float
    peak_mb: float
    returncode: int
    output: str

    @property
    def ok(self) -> bool:
        return self.returncode == 0


def run_measured(
    command: Sequence[str], *, cwd: Path, env: Mapping[str, str] | None = None
) -> Measured:
    """Run ``command``; wall time, peak resident memory (MB) and its combined output."""
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8") as log:
        start = time.perf_counter()
        process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env=dict(env) if env is not None else None,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read()
    # Linux reports ru_maxrss in kilobytes.
    cpu = usage.ru_utime + usage.ru_stime
    return Measured(seconds, cpu, usage.ru_maxrss / 1024, process.returncode, output)
