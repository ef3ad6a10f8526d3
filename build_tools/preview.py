"""The live preview (``make serve``): a save rebuilds every language, and a build that fails is
shown, in the terminal and in the browser, instead of a stale or half-written site.

MkDocs' server rebuilds after each save and reloads the browsers when the build returns; a build
that raises leaves the browsers on the old pages and prints a traceback. :class:`Preview` wraps
the server's builder: a failure is kept and printed, and every page request gets a plain page
that says what is wrong and where, until a build succeeds. The page asks the server's own
reload endpoint when the next build is done, so fixing the file brings the site back by itself.
"""

from __future__ import annotations

import html
import logging
import os
import re
import secrets
import sys
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from jinja2 import TemplateError, TemplateSyntaxError
from mkdocs.exceptions import BuildError
from mkdocs.livereload import _timestamp
from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
)
from watchdog.observers import Observer

from build_tools.data.errors import format_problems
from build_tools.messages import _, language

#: What a request handler gets and returns (WSGI).
WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


@dataclass(frozen=True)
class Failure:
    """Why the last build failed: the text for the page, and what the terminal still lacks
    (MkDocs has printed its own log messages already)."""

    text: str
    unprinted: str = ""


class Preview:
    """Attached to MkDocs' LiveReloadServer in the plugin's ``on_serve``."""

    def __init__(self, server: Any, builder: Callable[[], None], quick: Any = None) -> None:
        self.builder = builder
        #: The quick path after a saved entry file (``preview_update.QuickUpdate``).
        self.quick = quick
        self._server = server
        self.failure: Failure | None = None
        #: Held while a build runs: a page asked for meanwhile waits for its result, as MkDocs'
        #: own server does.
        self._idle = threading.Condition()
        self._building = False
        self._serve: WSGIApp = server.get_app()
        server.builder = self.build
        server.set_app(self.app)

    def build(self) -> None:
        """One rebuild; a failure is kept (not raised), so the server reloads the browsers."""
        messages = _LogMessages()
        logger = logging.getLogger("mkdocs")
        logger.addHandler(messages)
        with self._idle:
            self._building = True
        try:
            if not self._quickly():
                self.builder()
        except Exception as error:  # every failure, whatever raised it, becomes the error page
            failure = describe(error, messages.lines)
            if failure.unprinted:
                print(failure.unprinted, file=sys.stderr, flush=True)
            print(
                _(
                    "The preview shows this problem instead of the site; save the fixed file "
                    "and the browser reloads."
                ),
                file=sys.stderr,
                flush=True,
            )
            self.failure = failure
        else:
            self.failure = None
        finally:
            logger.removeHandler(messages)
            with self._idle:
                self._building = False
                self._idle.notify_all()

    def _quickly(self) -> bool:
        """The quick path, when the last build succeeded and the save allows it."""
        if self.quick is None:
            return False
        if self.failure is None and self.quick.try_update():
            return True
        self.quick.stop()
        return False

    def reload_browsers(self) -> None:
        """Reload the browsers without a build (the quick path's background step is done).

        MkDocs 1.6's server reloads a page when its reload endpoint answers a newer "epoch"
        than the page was served at, and serves pages only while the epoch it wants is the one
        it shows; both move on together here, and only while no build is wanted or under way
        (that build's own reload follows)."""
        server = self._server
        with server._rebuild_cond:
            if server._want_rebuild:
                return
            with server._epoch_cond:
                if server._visible_epoch != server._wanted_epoch:
                    return
                server._wanted_epoch = server._visible_epoch = _timestamp()
                server._epoch_cond.notify_all()

    def app(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if environ.get("PATH_INFO", "").startswith("/livereload/"):
            return self._serve(environ, start_response)
        with self._idle:
            self._idle.wait_for(lambda: not self._building)
            failure = self.failure
        if failure is None:
            return self._serve_page(environ, start_response)
        body = error_page(failure.text).encode("utf-8")
        # 200, not 500: MkDocs logs any other status as a warning, and strict mode would count
        # one logged while the next build runs as a warning of that build.
        start_response(
            "200 OK",
            [
                ("Content-Type", "text/html; charset=utf-8"),
                ("Content-Length", str(len(body))),
                ("Cache-Control", "no-store"),
            ],
        )
        return [body]

    def _serve_page(
        self, environ: dict[str, Any], start_response: Callable[..., Any]
    ) -> Iterable[bytes]:
        """MkDocs' server answers; into an HTML page it has put its reload script inline, which
        the site's Content-Security-Policy blocks, so the page gets a nonce that lets it run."""
        answer: list[Any] = []

        def keep(status: str, headers: list[tuple[str, str]], exc_info: Any = None) -> None:
            answer[:] = [status, headers, exc_info]

        body = self._serve(environ, keep)
        status, headers, exc_info = answer
        kinds = [value for name, value in headers if name.lower() == "content-type"]
        if not kinds or not kinds[0].startswith("text/html"):
            start_response(status, headers, exc_info)
            return body
        try:
            content = allow_reload_script(b"".join(body))
        finally:
            if hasattr(body, "close"):
                body.close()
        headers = [(n, v) for n, v in headers if n.lower() != "content-length"]
        headers.append(("Content-Length", str(len(content))))
        start_response(status, headers, exc_info)
        return [content]


_CSP_SCRIPTS = re.compile(
    rb'(<meta http-equiv="Content-Security-Policy" content="[^"]*?script-src)'
)


#: What a save, a new file, a deletion, a rename or a touch sends; the system also reports every
#: file opened and closed, which the build itself does by the thousand (MkDocs' handler would
#: take each for a change and build again, for ever).
CHANGES: list[type[FileSystemEvent]] = [
    FileAttribEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
]


class _ChangesObserver(Observer):  # type: ignore[misc,valid-type]
    """The system's observer, passing MkDocs' handler the changes only."""

    def schedule(self, event_handler: Any, path: Any, **options: Any) -> Any:
        options["event_filter"] = CHANGES
        return super().schedule(event_handler, path, **options)


def watch_natively(server: Any) -> None:
    """Let the operating system say when a watched file changes.

    MkDocs' server polls every watched folder twice a second, listing every file each time:
    half a second, on average a quarter, passes before a save is even noticed, and the listing
    itself grows with the directory. watchdog's ``Observer`` uses the system's own change
    notifications (inotify on Linux, FSEvents on macOS, ReadDirectoryChangesW on Windows).
    ``HELPDIR_PREVIEW_POLLING=1`` keeps MkDocs' polling (for folders shared over a network or
    into a container, where notifications may not arrive)."""
    if os.environ.get("HELPDIR_PREVIEW_POLLING", "").strip() in {"1", "true", "yes"}:
        return
    watched = dict(server._watched_paths)
    for path, count in watched.items():
        for _n in range(count):
            server.unwatch(path)
    server.observer = _ChangesObserver()
    for path, count in watched.items():
        for _n in range(count):
            server.watch(path)


def allow_reload_script(page: bytes) -> bytes:
    """Let MkDocs' reload script (the last inline script before ``</body>``) run under the
    page's Content-Security-Policy with a one-time nonce; nothing else on the page changes."""
    end = page.rfind(b"</body>")
    start = page.rfind(b"<script>", 0, end if end >= 0 else len(page))
    if start < 0 or b'"/livereload/"' not in page[start:end]:
        return page
    nonce = secrets.token_urlsafe(16).encode()
    page = page[:start] + b'<script nonce="' + nonce + b'">' + page[start + len(b"<script>") :]
    return _CSP_SCRIPTS.sub(lambda m: m[1] + b" 'nonce-" + nonce + b"'", page, count=1)


class _LogMessages(logging.Handler):
    """The warnings and errors MkDocs logs during one build (strict mode stops on a warning)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(f"{record.levelname}: {record.getMessage()}")


def describe(error: BaseException, logged: list[str]) -> Failure:
    """What the editor needs from a failed build: the problems as ``validate`` lists them, the
    template's file and line, or the messages MkDocs logged (strict mode stops on a warning)."""
    from build_tools.stages import DataProblemsError

    chain = _chain(error)
    for item in chain:
        if isinstance(item, DataProblemsError):
            # The plugin prints these as `validate` does, before MkDocs' own one-line error.
            return Failure(format_problems(item.problems))
    for item in chain:
        if isinstance(item, TemplateSyntaxError):
            where = f"{item.filename or item.name or 'a template'}:{item.lineno}"
            text = f"{where}: {item.message}"
            return Failure(text, unprinted=text)
        if isinstance(item, TemplateError):
            text = f"a template: {item.message}"
            return Failure(text, unprinted=text)
    if any(isinstance(item, BuildError) for item in chain) and logged:
        return Failure("\n".join(logged))
    root = str(chain[-1]) or type(chain[-1]).__name__
    return Failure("\n".join([*logged, root]), unprinted=root)


def _chain(error: BaseException) -> list[BaseException]:
    """The exception and the ones it was raised from or during, outermost first."""
    chain: list[BaseException] = []
    item: BaseException | None = error
    while item is not None and item not in chain:
        chain.append(item)
        item = item.__cause__ or item.__context__
    return chain


#: Asks MkDocs' reload endpoint for the current build, then waits for the next one.
_RELOAD_SCRIPT = """
(function () {
  function wait(epoch) {
    fetch("/livereload/" + epoch + "/" + Date.now(), {cache: "no-store"})
      .then(function (r) { return r.text(); })
      .then(function (t) {
        var now = parseInt(t, 10);
        if (epoch > 0 && now > epoch) { location.reload(); } else { wait(now); }
      })
      .catch(function () { setTimeout(function () { wait(epoch); }, 1000); });
  }
  wait(0);
})();
"""


def error_page(text: str) -> str:
    """A plain page: what is wrong and where, and that it goes away when the file is fixed."""
    title = html.escape(_("The preview cannot be built"))
    advice = html.escape(
        _(
            "Fix what is named below (file and line) and save the file: this page reloads by "
            "itself and the site comes back. The same text is in the terminal where make serve "
            "runs."
        )
    )
    return (
        f'<!doctype html>\n<html lang="{language()}"><head><meta charset="utf-8">'
        f"<title>{title}</title>"
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        "<style>body{font-family:system-ui,sans-serif;margin:2rem;max-width:60rem;"
        "line-height:1.5}pre{white-space:pre-wrap;background:#fff3f3;border-left:4px solid"
        " #b00020;padding:1rem}</style></head><body>\n"
        f"<h1>{title}</h1>\n"
        f"<p>{advice}</p>\n"
        f"<pre>{html.escape(text)}</pre>\n"
        f"<script>{_RELOAD_SCRIPT}</script>\n</body></html>\n"
    )
