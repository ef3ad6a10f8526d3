"""The published folder (``site/``) and the one build allowed to replace it at a time.

A build writes into a staging folder of its own beside ``site/`` (``site.partial-<random>``)
and swaps it in with two renames only after checking that every page it meant to write is
there. While it runs it holds a lock on ``.site.lock`` beside ``site/``: a second build started
in the same folder waits for the first to finish instead of writing into the same files (two
builds at once used to publish a site with most of its files missing). The lock is an OS file
lock, so a build that is killed releases it; its staging folder is removed by the next build.

The lock file also records the folders the builds made beside ``site/`` (staging folders, and
published sites set aside by a swap): a build removes only folders on that record, never
another folder that happens to have a similar name. The site a swap sets aside is removed by a
process of its own, so the build ends without waiting for thousands of files to be deleted;
if that process is stopped, the next build removes what it left.

Every failure to write (a full disk, a read-only folder, a file where the folder should be)
becomes a :class:`SiteWriteError` whose message names the folder and what to do.
"""

from __future__ import annotations

import errno
import fcntl
import os
import secrets
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from build_tools.messages import N_, _

#: What an editor can do about each kind of failure to write.
_ADVICE = {
    errno.ENOSPC: N_("Free some space on the disk"),
    errno.EDQUOT: N_("Free some space (the disk quota is used up)"),
    errno.EROFS: N_("The file system is read-only: build into another folder"),
    errno.EACCES: N_("Make the folder writable for this user"),
    errno.EPERM: N_("Make the folder writable for this user"),
    errno.ENOTDIR: N_("Move away the file that stands where a folder should be"),
    errno.EEXIST: N_("Move away the file that stands where a folder should be"),
}


class SiteWriteError(Exception):
    """The site could not be written; the message says where and what to do."""


def write_error(exc: OSError, site: Path) -> SiteWriteError:
    """A message for an operating-system error met while writing the site into ``site``."""
    # A failed copy names the source first and the file being written second.
    where = exc.filename2 or exc.filename
    detail = (
        " " + _("(at {where})").format(where=where) if where and str(where) != str(site) else ""
    )
    advice = _(_ADVICE.get(exc.errno or 0, N_("Check the folder and the disk")))
    return SiteWriteError(
        _(
            "Cannot write the site into {site}: {value}{detail}. {advice}, or build "
            "into another folder with `mkdocs build -d FOLDER`, then build again. "
            "The published folder {site} was not changed."
        ).format(site=site, value=exc.strerror or exc, detail=detail, advice=advice)
    )


class SiteFolder:
    """The lock, the staging folder and the swap of one build of ``final``."""

    def __init__(self, final: Path) -> None:
        self.final = Path(os.path.abspath(final))
        self.lock_path = self.final.with_name(f".{self.final.name}.lock")
        self.staging: Path | None = None
        self._lock: int | None = None

    def open(self, on_wait: Callable[[str], None] = lambda _message: None) -> Path:
        """Take the lock (waiting for another build if need be), remove what killed builds
        left behind, and make this build's own staging folder; returns it."""
        parent = self.final.parent
        try:
            if self.final.exists() and not self.final.is_dir():
                raise SiteWriteError(
                    _(
                        "Cannot write the site into {final}: it is a file, not a folder. Move "
                        "the file away, or build into another folder with `mkdocs build -d "
                        "FOLDER`."
                    ).format(final=self.final)
                )
            parent.mkdir(parents=True, exist_ok=True)
            self._lock = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                on_wait(
                    _("Another build is writing {final}; this one waits for it to finish.").format(
                        final=self.final
                    )
                )
                fcntl.flock(self._lock, fcntl.LOCK_EX)
            for left in self._leftovers():
                shutil.rmtree(left, ignore_errors=True)
            self.staging = self._new_staging()
        except OSError as exc:
            self.close()
            raise write_error(exc, self.final) from None
        except SiteWriteError:
            self.close()
            raise
        return self.staging

    def _new_staging(self) -> Path:
        """A new, empty staging folder, on the record before it exists (a build killed at
        any moment leaves nothing the next build does not know to be its own)."""
        kept = [p.name for p in self._ours() if p.exists()]
        while True:
            staging = self.final.with_name(f"{self.final.name}.partial-{secrets.token_hex(4)}")
            self._record([*kept, staging.name])
            try:
                # A web server must read the site: the usual permissions, not mkdtemp's 0700.
                staging.mkdir(mode=0o777)
            except FileExistsError:
                continue
            return staging

    def _leftovers(self) -> list[Path]:
        """Staging folders of builds that did not finish (killed ones) and published sites set
        aside whose removal did not finish: only folders the record names."""
        return [path for path in self._ours() if path.is_dir() and not path.is_symlink()]

    def _ours(self) -> list[Path]:
        """The folders beside ``final`` that the record (in the lock file) says builds made."""
        assert self._lock is not None
        os.lseek(self._lock, 0, os.SEEK_SET)
        data = b""
        while chunk := os.read(self._lock, 65536):
            data += chunk
        prefixes = (f"{self.final.name}.partial-", f"{self.final.name}.old-")
        names = data.decode("utf-8", errors="replace").splitlines()
        # A name is only ever a sibling of ``final`` made by this module.
        return [
            self.final.with_name(name)
            for name in dict.fromkeys(names)
            if name.startswith(prefixes) and "/" not in name and name not in (".", "..")
        ]

    def _record(self, names: list[str]) -> None:
        """Write the record of our folders (under the lock; the lock file holds nothing else)."""
        assert self._lock is not None
        os.ftruncate(self._lock, 0)
        os.pwrite(self._lock, "".join(f"{name}\n" for name in names).encode("utf-8"), 0)

    def missing(self, expected: Iterable[str]) -> list[str]:
        """The expected files (paths relative to the site root) the staging folder lacks."""
        assert self.staging is not None
        return [rel for rel in expected if not (self.staging / rel).is_file()]

    def swap_in(self) -> None:
        """Replace the published folder in two renames, so it is never half-written."""
        assert self.staging is not None and self._lock is not None
        old = self.final.with_name(f"{self.final.name}.old-{self.staging.name.rsplit('-', 1)[1]}")
        try:
            if self.final.exists():
                self._record([p.name for p in self._ours() if p.exists()] + [old.name])
                self.final.rename(old)
            self.staging.rename(self.final)
        except OSError as exc:
            if old.exists() and not self.final.exists():
                old.rename(self.final)
            raise write_error(exc, self.final) from None
        self.staging = None
        if old.exists():
            remove_later(old)

    def close(self) -> None:
        """Remove the staging folder (if the build did not swap it in) and release the lock.
        Safe to call more than once, and on every way out of a build."""
        if self.staging is not None:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None
        if self._lock is not None:
            os.close(self._lock)  # closing the descriptor releases the lock
            self._lock = None


#: Removes the folder named by its argument; started with ``-I -S`` (no site-packages, nothing
#: from the working folder), so it starts in a few milliseconds.
_REMOVER = "import os, shutil, sys; os.nice(10); shutil.rmtree(sys.argv[1], ignore_errors=True)"

#: Removers started by this process (kept, so Python does not warn that they still run).
_removers: list[subprocess.Popen[bytes]] = []


def remove_later(folder: Path) -> None:
    """Remove ``folder`` in a detached process at low priority, so the build can end now.

    The process gets no descriptor of the build (neither the lock nor the output the editor
    or a test reads to its end) and outlives it; where it cannot be started, the folder is
    removed here and now."""
    try:
        _removers.append(
            subprocess.Popen(
                [sys.executable, "-I", "-S", "-c", _REMOVER, str(folder)],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                close_fds=True,
                start_new_session=True,
            )
        )
    except OSError:
        shutil.rmtree(folder, ignore_errors=True)
