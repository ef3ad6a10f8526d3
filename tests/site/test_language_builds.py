"""The languages' child processes (build_tools/language_builds.py) on their own: what a child
did reaches the parent, how it failed is raised in the parent as it was raised in the child,
and a child that dies or hangs never leaves the parent waiting or a process behind."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort, PluginError
from mkdocs.utils import CountHandler

from build_tools import language_builds
from build_tools.language_builds import (
    PROCESSES_VARIABLE,
    ChildTraceback,
    LanguageBuilds,
    can_fork,
    process_count,
)


@pytest.fixture(autouse=True)
def two_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(PROCESSES_VARIABLE, "2")
    # Browser tests earlier in the run leave threads in this process, which the build would
    # take as a reason not to fork; the children here only run the small functions below.
    monkeypatch.setattr(language_builds, "can_fork", lambda: True)


def test_a_process_with_other_threads_is_not_forked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.undo()
    monkeypatch.setenv(PROCESSES_VARIABLE, "2")
    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert not can_fork()
        builds = LanguageBuilds()
        builds.start(["be", "en"], lambda part: None, fork=True)
        assert builds.children == 0
        assert list(builds.remaining()) == ["be", "en"]
    finally:
        release.set()
        thread.join()


def _gone(pid: int) -> bool:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True  # reaped already: no zombie left
    return False


def test_every_part_is_done_once_by_the_child_or_the_parent(tmp_path: Path) -> None:
    """The child takes parts from the queue while the parent does those it took itself."""
    builds = LanguageBuilds()
    parent = os.getpid()

    def do(part: str) -> None:
        (tmp_path / part).write_text(str(os.getpid()), encoding="utf-8")

    builds.start(["be", "en", "data"], do, fork=True)
    assert builds.children == 1  # two processes at once: the parent and one child
    for part in builds.remaining():
        do(part)
        time.sleep(3)  # a slow parent: the child takes what is left meanwhile
    builds.wait()
    assert builds.children == 0
    done = {p.name: int(p.read_text(encoding="utf-8")) for p in tmp_path.iterdir()}
    assert sorted(done) == ["be", "data", "en"]  # each once: a file written twice would still
    children = {pid for pid in done.values() if pid != parent}  # be one, so count the pids
    assert len(children) == 1, done
    assert _gone(children.pop())


def test_a_part_is_taken_by_one_process_only(tmp_path: Path) -> None:
    builds = LanguageBuilds()

    def do(part: str) -> None:
        with (tmp_path / "log").open("a", encoding="utf-8") as log:
            log.write(f"{part}\n")

    parts = [f"part-{n}" for n in range(200)]
    builds.start(parts, do, fork=True)
    for part in builds.remaining():
        do(part)
    builds.wait()
    assert sorted((tmp_path / "log").read_text(encoding="utf-8").split()) == sorted(parts)


def test_one_process_leaves_every_part_to_the_parent_in_order(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv(PROCESSES_VARIABLE, "1")
    builds = LanguageBuilds()
    builds.start(["be", "en", "data"], lambda part: None, fork=True)
    assert builds.children == 0
    assert list(builds.remaining()) == ["be", "en", "data"]
    builds.start(["be", "en"], lambda part: None, fork=False)  # the preview
    monkeypatch.setenv(PROCESSES_VARIABLE, "2")
    assert builds.children == 0
    assert list(builds.remaining()) == ["be", "en"]


@pytest.mark.parametrize("value", ["0", "two", "-3"])
def test_a_wrong_process_count_is_refused_with_a_message(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv(PROCESSES_VARIABLE, value)
    with pytest.raises(PluginError, match=f"{PROCESSES_VARIABLE}={value}: give the number"):
        process_count()


def test_an_exception_in_a_child_is_raised_in_the_parent_as_it_was() -> None:
    builds = LanguageBuilds()

    def build(lang: str) -> None:
        raise Abort("Aborted with 1 warnings in strict mode!")

    builds.start(["be"], build, fork=True)
    with pytest.raises(Abort, match=r"^Aborted with 1 warnings in strict mode!$") as raised:
        builds.wait()
    cause = raised.value.__cause__
    assert isinstance(cause, ChildTraceback)
    assert "In the build's process that did be:" in str(cause)
    assert "in build" in str(cause)  # the child's own traceback, for whoever must debug it


def test_an_os_error_in_a_child_keeps_what_the_message_needs() -> None:
    builds = LanguageBuilds()

    def build(lang: str) -> None:
        raise OSError(28, "No space left on device", "/site/be/index.html")

    builds.start(["be"], build, fork=True)
    with pytest.raises(OSError) as raised:
        builds.wait()
    assert (raised.value.errno, raised.value.filename) == (28, "/site/be/index.html")


def test_an_exception_that_cannot_travel_arrives_as_its_text() -> None:
    class Local(Exception):  # not importable by its name, so it cannot be unpickled
        pass

    builds = LanguageBuilds()

    def build(lang: str) -> None:
        raise Local("the template has no end")

    builds.start(["be"], build, fork=True)
    with pytest.raises(PluginError, match="Local: the template has no end"):
        builds.wait()


def test_a_child_that_dies_without_a_word_fails_the_build() -> None:
    builds = LanguageBuilds()

    def build(lang: str) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    builds.start(["be"], build, fork=True)
    with pytest.raises(
        PluginError, match=r"One of the build's processes ended without finishing \(.*signal 9"
    ):
        builds.wait()


def test_stop_ends_a_child_at_once_and_leaves_no_process() -> None:
    builds = LanguageBuilds()
    builds.start(["be"], lambda lang: time.sleep(120), fork=True)
    pid = builds._children[0].pid
    start = time.monotonic()
    builds.stop()
    assert time.monotonic() - start < 30
    assert builds.children == 0
    assert _gone(pid)


def test_the_child_ends_without_the_parent_s_cleanup(tmp_path: Path) -> None:
    """``os._exit``: the parent's ``finally`` blocks (its cleanup) do not run in the child."""
    builds = LanguageBuilds()
    marker = tmp_path / "cleaned"
    try:
        builds.start(["be"], lambda lang: None, fork=True)
        builds.wait()  # the child has ended
        assert not marker.exists()
    finally:
        marker.write_text(str(os.getpid()), encoding="utf-8")


def test_check_raises_a_finished_child_s_failure_and_leaves_running_ones_alone() -> None:
    builds = LanguageBuilds()
    builds.start(["be"], lambda lang: time.sleep(120), fork=True)
    builds.check()  # still running: nothing to say
    assert builds.children == 1
    builds.stop()

    def build(lang: str) -> None:
        raise Abort("Aborted with a BuildError!")

    builds.start(["be"], build, fork=True)
    deadline = time.monotonic() + 60
    with pytest.raises(Abort, match="Aborted with a BuildError!"):
        while time.monotonic() < deadline:
            builds.check()
            time.sleep(0.05)
    assert builds.children == 0


def test_warnings_a_child_logs_are_counted_in_the_parent_for_strict_mode(tmp_path: Path) -> None:
    """Strict mode counts warnings in the build's process; those a child logs count too, so
    the build stops on them as when one process did everything."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    mkdocs_log = logging.getLogger("mkdocs")
    mkdocs_log.addHandler(counter)
    try:
        builds = LanguageBuilds()

        def do(part: str) -> None:
            logging.getLogger("mkdocs.plugins.test").warning("a warning while doing %s", part)
            (tmp_path / part).write_text(str(os.getpid()), encoding="utf-8")

        builds.start(["be", "data"], do, fork=True)
        for part in builds.remaining():
            do(part)
            time.sleep(2)  # the child takes at least one part meanwhile
        builds.wait()
    finally:
        mkdocs_log.removeHandler(counter)
    assert counter.get_counts() == [("WARNING", 2)]
    done_by = {int(p.read_text(encoding="utf-8")) for p in tmp_path.iterdir()}
    assert done_by - {os.getpid()}, "no child did a part"
