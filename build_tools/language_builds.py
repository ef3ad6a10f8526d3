"""The further languages' MkDocs builds in child processes, beside the primary build.

``mkdocs build`` builds the default language itself and, when its pages are written, each
further language into ``site_dir/<lang>`` (see :mod:`build_tools.plugin`). The languages share
nothing but the loaded, validated model, so on a machine with more than one core they can be
built at the same time: at the start of the primary build, :meth:`LanguageBuilds.start` forks
one child per further language, as many as there are cores besides the parent's own. A forked
child inherits the loaded :class:`~build_tools.stages.Stages` as it is, so nothing is loaded or
checked twice; it runs the very build the parent would have run, writes into the same staging
folder, reports how it ended through a pipe and leaves with ``os._exit``, so none of the
parent's cleanup (the staging folder, the lock) runs in it. The languages no child took are
built by the parent after its own, as before.

Before the parent finishes the site (the outputs for all languages, the completeness check,
the swap) it waits for every child; a child that failed makes the parent fail with the
child's own exception, so the editor sees what a one-process build would have said. On every
way out the parent stops and reaps its children before the staging folder is removed.

``HELPDIR_BUILD_PROCESSES=1`` (or a process with threads, such as ``mkdocs serve``'s) builds
the languages one after the other in one process.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import pickle
import signal
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NoReturn

from mkdocs.exceptions import PluginError

from build_tools.messages import _

#: How many processes may build at once (the parent included); 1 builds one language after
#: the other. Unset: the machine's number of cores.
PROCESSES_VARIABLE = "HELPDIR_BUILD_PROCESSES"


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
    """How a child's build ended: nothing (it built its language) or its exception."""

    error: BaseException | None
    kind: str
    text: str
    trace: str


@dataclass
class _Child:
    lang: str
    pid: int
    reader: int


class LanguageBuilds:
    """The children building further languages for one primary build, and their results."""

    def __init__(self) -> None:
        self._children: list[_Child] = []

    @property
    def running(self) -> list[str]:
        """The languages children are building."""
        return [child.lang for child in self._children]

    def start(self, languages: Sequence[str], build: Callable[[str], None]) -> list[str]:
        """Fork a child for each of the first languages while a core is free for it, each
        running ``build(lang)``; returns the languages left for the parent to build itself."""
        slots = process_count() - 1
        if slots < 1 or not can_fork():
            return list(languages)
        for lang in languages[:slots]:
            self._fork(lang, build)
        return list(languages[slots:])

    def _fork(self, lang: str, build: Callable[[str], None]) -> None:
        # What is still in the buffers would otherwise be written twice, once by each process.
        sys.stdout.flush()
        sys.stderr.flush()
        reader, writer = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(reader)
            for sibling in self._children:
                os.close(sibling.reader)
            self._children = []
            _child_main(lang, build, writer, parent)
        os.close(writer)
        self._children.append(_Child(lang, pid, reader))

    def wait(self) -> None:
        """Wait for every child; the first that failed (in the languages' order) is raised as
        the exception its build raised, and the others are stopped."""
        try:
            while self._children:
                child = self._children[0]
                data = _read_all(child.reader)
                _, status = os.waitpid(child.pid, 0)
                os.close(child.reader)
                self._children.pop(0)
                _raise_failure(child.lang, data, status)
        finally:
            self.stop()

    def check(self) -> None:
        """Raise now the failure of a child that has already ended: the parent need not build
        more languages for a build that has failed."""
        for child in list(self._children):
            pid, status = os.waitpid(child.pid, os.WNOHANG)
            if pid == 0:
                continue
            data = _read_all(child.reader)
            os.close(child.reader)
            self._children.remove(child)
            try:
                _raise_failure(child.lang, data, status)
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


def _child_main(lang: str, build: Callable[[str], None], writer: int, parent: int) -> NoReturn:
    code = 1
    try:
        _die_with(parent)
        report: _Report | None = None
        try:
            build(lang)
            code = 0
        except BaseException as exc:  # noqa: BLE001 — every way out is reported to the parent
            report = _report(exc)
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


def _report(exc: BaseException) -> _Report:
    trace = "".join(traceback.format_exception(exc))
    report = _Report(exc, type(exc).__name__, str(exc), trace)
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


def _raise_failure(lang: str, data: bytes, status: int) -> None:
    code = os.waitstatus_to_exitcode(status)
    try:
        report = pickle.loads(data) if data else False
    except Exception:  # noqa: BLE001 — a cut-off report is a child that did not finish
        report = False
    if report is None and code == 0:
        return
    if isinstance(report, _Report):
        cause = ChildTraceback(
            _("In the process that built the '{lang}' pages:").format(lang=lang)
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
            "The process that built the '{lang}' pages ended without finishing ({how}). Build "
            "again; if it happens again, build with {variable}=1 and report it with the "
            "build's output."
        ).format(lang=lang, how=how, variable=PROCESSES_VARIABLE)
    )
