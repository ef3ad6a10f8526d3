"""The further languages' MkDocs builds (and the open-data feeds) in child processes, beside
the primary build.

``mkdocs build`` builds the default language itself and each further language into
``site_dir/<lang>`` (see :mod:`build_tools.plugin`), then writes the feeds. These parts share
nothing but the loaded, validated model, so on a machine with more than one core they can be
done at the same time. At the start of the primary build, :meth:`LanguageBuilds.start` puts
the parts in a queue (a pipe holding one fixed-size record per part, so a read takes exactly
one part and no two processes take the same) and forks as many children as there are cores
besides the parent's own. Each child takes parts from the queue until it is empty; the parent
takes what is left once its own language is built (:meth:`LanguageBuilds.remaining`), so the
work spreads over the processes as it comes.

A forked child inherits the loaded :class:`~build_tools.stages.Stages` as it is, so nothing is
loaded or checked twice; it does exactly what the parent would have done, writes into the
same staging folder, reports how it ended through a pipe of its own and leaves with
``os._exit``, so none of the parent's cleanup (the staging folder, the lock) runs in it.

Before the parent finishes the site (the origin scan, the completeness check, the swap) it
waits for every child; a child that failed makes the parent fail with the child's own
exception, so the editor sees what a one-process build would have said. On every way out the
parent stops and reaps its children before the staging folder is removed.

``HELPDIR_BUILD_PROCESSES=1`` (or a process with threads, such as ``mkdocs serve``'s) does the
parts one after the other in the parent, in their order.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import NoReturn

from mkdocs.exceptions import PluginError
from mkdocs.utils import CountHandler

from build_tools.messages import _

#: How many processes may build at once (the parent included); 1 builds one part after the
#: other. Unset: the machine's number of cores.
PROCESSES_VARIABLE = "HELPDIR_BUILD_PROCESSES"

#: Bytes per part in the queue: far below the size a pipe reads and writes in one piece.
_RECORD = 64


def process_count() -> int:
    """The most processes to build with at once: ``HELPDIR_BUILD_PROCESSES`` or the cores."""
    value = os.environ.get(PROCESSES_VARIABLE, "").strip()
    if not value:
        return os.cpu_count() or 1
    try:
        count = int(value)
    except ValueError:
        count = 0
    if count < 1:
        raise PluginError(
            _(
                "{variable}={value}: give the number of processes the build may use, a whole "
                "number of at least 1 (1 builds the languages one after the other), or unset it."
            ).format(variable=PROCESSES_VARIABLE, value=value)
        )
    return count


def can_fork() -> bool:
    """A process with other threads (the live preview's server) is not forked: a lock held
    by another thread at that moment would stay locked in the child for ever."""
    return hasattr(os, "fork") and threading.active_count() == 1


class ChildTraceback(Exception):
    """The traceback of an exception raised in a child, chained to the parent's copy of it."""


@dataclass
class _Report:
    """How a child ended: ``failed`` with the exception it met on ``part`` (None when the
    exception could not travel: then its ``kind`` and ``text``), and the warnings it logged
    that strict mode counts (level → count, for each MkDocs counter it inherited)."""

    failed: bool = False
    part: str = ""
    error: BaseException | None = None
    kind: str = ""
    text: str = ""
    trace: str = ""
    counted: list[dict[int, int]] | None = None


@dataclass
class _Child:
    pid: int
    reader: int


class LanguageBuilds:
    """The parts of one build done by child processes, and the queue they take them from."""

    def __init__(self) -> None:
        self._children: list[_Child] = []
        self._queue: int | None = None
        self._left: list[str] = []

    @property
    def children(self) -> int:
        """How many child processes are at work."""
        return len(self._children)

    def start(self, parts: Sequence[str], do: Callable[[str], None], *, fork: bool) -> None:
        """Queue ``parts`` and, with ``fork`` and a core free for them, fork children that
        each call ``do(part)`` for the parts they take; the parent takes the rest."""
        self.stop()
        for part in parts:
            if not part or len(part.encode("utf-8")) > _RECORD or part != part.strip():
                raise ValueError(f"a part's name must fit a queue record: {part!r}")
        self._left = list(parts)
        slots = min(process_count() - 1, len(parts)) if fork and parts else 0
        if slots < 1 or not can_fork():
            return
        reader, writer = os.pipe()
        os.write(writer, b"".join(p.encode("utf-8").ljust(_RECORD) for p in parts))
        os.close(writer)  # an empty queue then reads as its end
        self._queue, self._left = reader, []
        for _slot in range(slots):
            self._fork(do)

    def remaining(self) -> Iterator[str]:
        """The parts no child has taken, one at a time, for the parent to do; before each, a
        child that has already failed is raised (no more work for a build that failed)."""
        while True:
            self.check()
            part = self._take()
            if part is None:
                return
            yield part

    def _take(self) -> str | None:
        if self._queue is None:
            return self._left.pop(0) if self._left else None
        return _take(self._queue)

    def _fork(self, do: Callable[[str], None]) -> None:
        # What is still in the buffers would otherwise be written twice, once by each process.
        sys.stdout.flush()
        sys.stderr.flush()
        reader, writer = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns into the parent's build
            try:
                os.close(reader)
                for sibling in self._children:
                    os.close(sibling.reader)
                self._children = []
                assert self._queue is not None
                queue, self._queue = self._queue, None
                _child_main(queue, do, writer, parent)
            finally:
                os._exit(1)
        os.close(writer)
        self._children.append(_Child(pid, reader))

    def wait(self) -> None:
        """Wait for every child; the first that failed (in the order they were started) is
        raised as the exception it met, and the others are stopped."""
        try:
            while self._children:
                child = self._children[0]
                data = _read_all(child.reader)
                _, status = os.waitpid(child.pid, 0)
                os.close(child.reader)
                self._children.pop(0)
                _raise_failure(data, status)
        finally:
            self.stop()

    def check(self) -> None:
        """Raise now the failure of a child that has already ended."""
        for child in list(self._children):
            pid, status = os.waitpid(child.pid, os.WNOHANG)
            if pid == 0:
                continue
            data = _read_all(child.reader)
            os.close(child.reader)
            self._children.remove(child)
            try:
                _raise_failure(data, status)
            except BaseException:
                self.stop()
                raise

    def stop(self) -> None:
        """Stop and reap the children still running (the build failed or was interrupted),
        so none writes into the staging folder after the parent removed it."""
        children, self._children = self._children, []
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child.pid, signal.SIGKILL)
            with contextlib.suppress(ChildProcessError):
                os.waitpid(child.pid, 0)
            os.close(child.reader)
        if self._queue is not None:
            os.close(self._queue)
            self._queue = None
        self._left = []


def _take(queue: int) -> str | None:
    """The next part in the queue, or None when it is empty (one record per read: a pipe
    never splits a read this small between two readers)."""
    record = os.read(queue, _RECORD)
    return record.decode("utf-8").strip() or None


def _counters() -> list[CountHandler]:
    """MkDocs' strict-mode counters (the ``mkdocs build`` under way has one)."""
    return [h for h in logging.getLogger("mkdocs").handlers if isinstance(h, CountHandler)]


def _child_main(queue: int, do: Callable[[str], None], writer: int, parent: int) -> NoReturn:
    code = 1
    try:
        _die_with(parent)
        counters = _counters()
        before = [dict(counter.counts) for counter in counters]
        report = _Report()
        part = ""
        try:
            while (taken := _take(queue)) is not None:
                part = taken
                do(part)
            code = 0
        except BaseException as exc:  # noqa: BLE001 — every way out is reported to the parent
            report = _report(part, exc)
        # What the parent's counters would have counted, had the parent done these parts.
        report.counted = [
            {level: n - old.get(level, 0) for level, n in counter.counts.items()}
            for counter, old in zip(counters, before, strict=True)
        ]
        with os.fdopen(writer, "wb") as out:
            out.write(pickle.dumps(report))
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError, ValueError):
                stream.flush()
        os._exit(code)


def _die_with(parent: int) -> None:
    """Ask Linux to kill this child when the parent dies (a killed build), so no child goes
    on writing into a staging folder the next build will remove."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


def _report(part: str, exc: BaseException) -> _Report:
    trace = "".join(traceback.format_exception(exc))
    report = _Report(True, part, exc, type(exc).__name__, str(exc), trace)
    try:
        pickle.loads(pickle.dumps(report))  # an exception that cannot travel goes as text
    except Exception:  # noqa: BLE001
        report.error = None
    return report


def _read_all(fd: int) -> bytes:
    chunks = []
    while chunk := os.read(fd, 65536):
        chunks.append(chunk)
    return b"".join(chunks)


def _raise_failure(data: bytes, status: int) -> None:
    code = os.waitstatus_to_exitcode(status)
    try:
        report = pickle.loads(data) if data else False
    except Exception:  # noqa: BLE001 — a cut-off report is a child that did not finish
        report = False
    if isinstance(report, _Report) and report.counted is not None:
        for counter, counted in zip(_counters(), report.counted, strict=False):
            for level, n in counted.items():
                counter.counts[level] += n
    if isinstance(report, _Report) and not report.failed and code == 0:
        return
    if isinstance(report, _Report) and report.failed:
        cause = ChildTraceback(
            _("In the build's process that did {part}:").format(part=report.part)
            + "\n"
            + report.trace
        )
        if report.error is not None:
            raise report.error from cause
        raise PluginError(f"{report.kind}: {report.text}") from cause
    how = (
        _("it was stopped by signal {signal}").format(signal=-code)
        if code < 0
        else _("exit status {code}").format(code=code)
    )
    raise PluginError(
        _(
            "One of the build's processes ended without finishing ({how}). Build again; if it "
            "happens again, build with {variable}=1 and report it with the build's output."
        ).format(how=how, variable=PROCESSES_VARIABLE)
    )
