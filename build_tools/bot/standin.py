"""A small Bot API server on the loopback interface, for the bot's tests and the bench.

It speaks the JSON of Telegram's Bot API (``/bot<token>/<method>``, ``{"ok": …, "result": …}``)
for what the bot uses: getMe, deleteWebhook, setMyCommands, getUpdates (long polling),
sendMessage, editMessageText and answerCallbackQuery. Like Telegram it refuses what Telegram
refuses (HTML it cannot parse, text over 4,096 characters, button data over 64 bytes, an edit
that changes nothing) with a 400 and Telegram's description, so a test sees the failures a
real chat would. People are simulated by putting updates in its queue.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

from aiohttp import web

BOT_USER = {
    "id": 700000001,
    "is_bot": True,
    "first_name": "Help directory (test)",
    "username": "HelpDirectoryTestBot",
    "can_join_groups": False,
    "can_read_all_group_messages": False,
    "supports_inline_queries": False,
}
#: The tags Telegram's HTML parse mode accepts.
TELEGRAM_TAGS = frozenset(
    [
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "a",
        "code",
        "pre",
        "span",
        "tg-spoiler",
        "blockquote",
        "tg-emoji",
    ]
)
MAX_TEXT = 4096
MAX_CALLBACK_DATA = 64


@dataclass
class Sent:
    """What the bot sent or changed in one chat, as the person sees it."""

    method: str
    message_id: int
    #: The text as the person reads it (tags gone, entities decoded).
    text: str
    buttons: list[list[tuple[str, str]]]
    #: The text as the bot sent it (Telegram HTML).
    html: str = ""
    at: float = field(default_factory=time.perf_counter)

    def labels(self) -> list[str]:
        return [label for row in self.buttons for label, _ in row]

    def data_for(self, label: str) -> str:
        for row in self.buttons:
            for text, data in row:
                if text == label:
                    return data
        raise KeyError(f"no button {label!r} among {self.labels()}")


class BadRequest(Exception):
    pass


class StandIn:
    """The server's state and handlers; run it on a loop with :meth:`start`."""

    def __init__(self) -> None:
        self.updates: list[dict[str, Any]] = []
        self.sent: dict[int, list[Sent]] = defaultdict(list)
        self.messages: dict[tuple[int, int], dict[str, Any]] = {}
        self.calls: Counter[str] = Counter()
        self.refused: list[str] = []
        self.pushed_at: dict[int, float] = {}
        self._update_ids = itertools.count(1)
        self._message_ids: dict[int, itertools.count] = defaultdict(lambda: itertools.count(1))
        self._callback_ids = itertools.count(1)
        self._changed: asyncio.Condition | None = None
        self._runner: web.AppRunner | None = None
        self.url = ""

    # -- running

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        bound = self._runner.addresses[0]
        self.url = f"http://{bound[0]}:{bound[1]}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # -- people

    async def push(self, chat: int, body: dict[str, Any]) -> int:
        assert self._changed is not None
        async with self._changed:
            update_id = next(self._update_ids)
            self.updates.append({"update_id": update_id, **body})
            self.pushed_at[update_id] = time.perf_counter()
            self._changed.notify_all()
        return update_id

    def _person(self, chat: int) -> dict[str, Any]:
        return {"id": chat, "is_bot": False, "first_name": "Test", "language_code": "ru"}

    def _incoming(self, chat: int, **content: Any) -> dict[str, Any]:
        message_id = next(self._message_ids[chat])
        return {
            "message": {
                "message_id": message_id,
                "date": int(time.time()),
                "chat": {"id": chat, "type": "private", "first_name": "Test"},
                "from": self._person(chat),
                **content,
            }
        }

    async def text(self, chat: int, text: str) -> int:
        content: dict[str, Any] = {"text": text}
        if text.startswith("/"):
            length = len(text.split()[0])
            content["entities"] = [{"type": "bot_command", "offset": 0, "length": length}]
        return await self.push(chat, self._incoming(chat, **content))

    async def sticker(self, chat: int) -> int:
        sticker = {
            "file_id": "CAACAgIAAxkBAAE",
            "file_unique_id": "AgADxyz",
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": "🙂",
        }
        return await self.push(chat, self._incoming(chat, sticker=sticker))

    async def photo(self, chat: int) -> int:
        sizes = [
            {
                "file_id": f"AgACAgIAAxkBAAE{n}",
                "file_unique_id": f"AQAD{n}",
                "width": w,
                "height": w,
            }
            for n, w in ((1, 90), (2, 320), (3, 800))
        ]
        return await self.push(chat, self._incoming(chat, photo=sizes, caption="look"))

    async def tap(self, chat: int, message_id: int, data: str) -> int:
        message = self.messages.get((chat, message_id))
        if message is None:
            raise KeyError(f"the bot sent no message {message_id} to chat {chat}")
        query = {
            "id": str(next(self._callback_ids)),
            "from": self._person(chat),
            "chat_instance": "-1",
            "message": message,
            "data": data,
        }
        return await self.push(chat, {"callback_query": query})

    async def wait_for(
        self, chat: int, done: Callable[[list[Sent]], bool], timeout: float = 30
    ) -> list[Sent]:
        """The chat's sent and edited messages, once ``done`` says they are complete."""
        assert self._changed is not None
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(lambda: done(self.sent[chat])), timeout)
            return list(self.sent[chat])

    async def wait_sent(self, chat: int, count: int, timeout: float = 20) -> list[Sent]:
        """The chat's first ``count`` sent or edited messages (waits for them)."""
        assert self._changed is not None
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.sent[chat]) >= count), timeout
            )
        return list(self.sent[chat])

    # -- the Bot API

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.match_info["method"]
        self.calls[method] += 1
        params = await _params(request)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return _error(404, "Not Found")
        try:
            result = await handler(params)
        except BadRequest as refusal:
            self.refused.append(f"{method}: {refusal}")
            return _error(400, f"Bad Request: {refusal}")
        return web.json_response({"ok": True, "result": result})

    async def _api_getMe(self, params: dict[str, Any]) -> Any:
        return BOT_USER

    async def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        return True

    async def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        return True

    async def _api_close(self, params: dict[str, Any]) -> Any:
        return True

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        assert self._changed is not None
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)

        def pending() -> list[dict[str, Any]]:
            return [u for u in self.updates if u["update_id"] >= offset][:limit]

        async with self._changed:
            # updates before the offset are confirmed: Telegram forgets them
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            if not pending() and timeout > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._changed.wait_for(lambda: bool(pending())), timeout)
            return pending()

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        chat = int(params["chat_id"])
        text, buttons, markup = _checked(params)
        message_id = next(self._message_ids[chat])
        message = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": {"id": chat, "type": "private", "first_name": "Test"},
            "from": BOT_USER,
            "text": _plain(text),
        }
        if markup:
            message["reply_markup"] = markup
        await self._record(
            chat, message, Sent("sendMessage", message_id, _plain(text), buttons, text)
        )
        return message

    async def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        chat = int(params["chat_id"])
        message_id = int(params["message_id"])
        old = self.messages.get((chat, message_id))
        if old is None or old["from"]["id"] != BOT_USER["id"]:
            raise BadRequest("message to edit not found")
        text, buttons, markup = _checked(params)
        if _plain(text) == old["text"] and markup == old.get("reply_markup"):
            raise BadRequest(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        message = {**old, "text": _plain(text), "edit_date": int(time.time())}
        message.pop("reply_markup", None)
        if markup:
            message["reply_markup"] = markup
        await self._record(
            chat, message, Sent("editMessageText", message_id, _plain(text), buttons, text)
        )
        return message

    async def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        if len(params.get("text") or "") > 200:
            raise BadRequest("MESSAGE_TOO_LONG")
        return True

    async def _record(self, chat: int, message: dict[str, Any], sent: Sent) -> None:
        assert self._changed is not None
        async with self._changed:
            self.messages[chat, message["message_id"]] = message
            self.sent[chat].append(sent)
            self._changed.notify_all()


async def _params(request: web.Request) -> dict[str, Any]:
    """Bot API parameters come as a query string, a form, multipart or JSON."""
    params: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        params.update(await request.json())
    elif request.can_read_body:
        params.update({k: v for k, v in (await request.post()).items() if isinstance(v, str)})
    for key in ("reply_markup", "link_preview_options", "allowed_updates"):
        if isinstance(params.get(key), str):
            params[key] = json.loads(params[key])
    return params


def _error(code: int, description: str) -> web.Response:
    return web.json_response(
        {"ok": False, "error_code": code, "description": description}, status=code
    )


def _checked(params: dict[str, Any]) -> tuple[str, list[list[tuple[str, str]]], Any]:
    text = params.get("text") or ""
    if params.get("parse_mode") == "HTML":
        _check_html(text)
    if not _plain(text).strip():
        raise BadRequest("message text is empty")
    if len(_plain(text)) > MAX_TEXT:
        raise BadRequest("message is too long")
    markup = params.get("reply_markup")
    buttons: list[list[tuple[str, str]]] = []
    for row in (markup or {}).get("inline_keyboard", []):
        buttons.append([])
        for button in row:
            data = button.get("callback_data", "")
            if not button.get("text") or not 1 <= len(data.encode()) <= MAX_CALLBACK_DATA:
                raise BadRequest("BUTTON_DATA_INVALID")
            buttons[-1].append((button["text"], data))
    return text, buttons, markup


class _TelegramHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in TELEGRAM_TAGS:
            raise BadRequest(f'can\'t parse entities: Unsupported start tag "{tag}"')
        self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open or self.open[-1] != tag:
            raise BadRequest(f'can\'t parse entities: Unexpected end tag "{tag}"')
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def _parse(text: str) -> _TelegramHTML:
    parser = _TelegramHTML()
    parser.feed(text)
    parser.close()
    if parser.open:
        raise BadRequest(
            f"can't parse entities: Can't find end tag corresponding to \"{parser.open[-1]}\""
        )
    return parser


def _check_html(text: str) -> None:
    _parse(text)


def _plain(text: str) -> str:
    """The text as the person reads it (tags gone, entities decoded)."""
    try:
        return "".join(_parse(text).text)
    except BadRequest:
        return text


class StandInThread:
    """The stand-in on its own event loop in a thread, for plain (synchronous) tests."""

    def __init__(self) -> None:
        self.server = StandIn()
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def __enter__(self) -> StandInThread:
        self._thread.start()
        self.call(self.server.start)
        return self

    def __exit__(self, *exc: object) -> None:
        self.call(self.server.stop)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self._thread.join(timeout=10)
        self.loop.close()

    @property
    def url(self) -> str:
        return self.server.url

    def call(self, make: Callable[..., Any], *args: Any, timeout: float = 180) -> Any:
        future = asyncio.run_coroutine_threadsafe(make(*args), self.loop)
        return future.result(timeout)
