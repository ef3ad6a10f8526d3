"""The bot on Telegram: aiogram's dispatcher, long polling, reloading, and what is logged.

Every update is handled in its own task (aiogram's default), behind a per-chat rate limit, so
one busy chat cannot hold up the others. The log says only what an operator needs: that the
bot started, how much data it serves, that the data was reloaded (or why not), and the kind
of an error. Never a chat id, a name or a message.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from aiogram import Bot, Dispatcher, Router
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest
from aiogram.types import (
    BotCommand,
    CallbackQuery,
    ErrorEvent,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
)

from build_tools.bot.cards import bot_words
from build_tools.bot.catalogue import Catalogue, CatalogueError, load_catalogue
from build_tools.bot.conversation import Conversations, Reply
from build_tools.bot.memory import Memory, RateLimit
from build_tools.languages import DEFAULT_LANGUAGE, LANGUAGES

log = logging.getLogger("helpdir.bot")

#: Commands shown in Telegram's menu: command → its word in the bot's strings.
COMMANDS = {
    "start": "command_start",
    "language": "menu_language",
    "help": "command_help",
    "exit": "menu_exit",
}


@dataclass
class Settings:
    token: str
    data_dir: Path
    site_url: str
    api_url: str | None = None
    allow_samples: bool = False
    #: Seconds between checks for changed data files (0: only on SIGHUP).
    reload_every: float = 0
    #: Seconds after which a quiet conversation is forgotten.
    forget_after: float = 1800
    burst: int = 8
    per_second: float = 1.0


class DataWatch:
    """The current catalogue, and a new one when the data files change.

    A failed reload keeps the catalogue in use (and logs the problems, which name files and
    fields only): a typo in a commit must not take the bot down.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.current = self._load()
        self._seen = self._fingerprint()

    def _load(self) -> Catalogue:
        s = self.settings
        return load_catalogue(s.data_dir, site_url=s.site_url, allow_samples=s.allow_samples)

    def _fingerprint(self) -> tuple[tuple[str, int, int], ...]:
        files = sorted(p for p in self.settings.data_dir.rglob("*.yml") if p.is_file())
        return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files)

    def reload(self, *, only_if_changed: bool = False) -> bool:
        seen = self._fingerprint()
        if only_if_changed and seen == self._seen:
            return False
        self._seen = seen
        try:
            catalogue = self._load()
        except CatalogueError as error:
            log.error("data not reloaded, the bot goes on with the earlier data:\n%s", error)
            return False
        self.current = catalogue
        log.info("data reloaded: %s", describe(catalogue))
        return True


def describe(catalogue: Catalogue) -> str:
    d = catalogue.directory
    return f"{len(d.entries)} entries, {len(d.regions)} regions, {len(d.services)} kinds of help"


def keyboard(reply: Reply) -> InlineKeyboardMarkup | None:
    if not reply.buttons:
        return None
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=b.label, callback_data=b.data) for b in row]
            for row in reply.buttons
        ]
    )


def build_dispatcher(
    conversations: Conversations, limit: RateLimit
) -> tuple[Dispatcher, Callable[[], int]]:
    """The dispatcher with its two handlers (messages, taps) and a quiet error handler.

    Returns it with a counter of dropped updates (over the rate limit), for the tests.
    """
    router = Router()
    dropped = [0]

    async def send(bot: Bot, chat: int, replies: list[Reply], edit: Message | None = None) -> None:
        for reply in replies:
            if reply.edit and edit is not None:
                try:
                    await bot.edit_message_text(
                        text=reply.text,
                        chat_id=chat,
                        message_id=edit.message_id,
                        reply_markup=keyboard(reply),
                    )
                except TelegramBadRequest as refusal:
                    # the same button tapped twice changes nothing; a message too old to
                    # change gets the answer as a new message
                    if "not modified" not in refusal.message:
                        await bot.send_message(chat, reply.text, reply_markup=keyboard(reply))
                edit = None  # one message is changed; the rest are new
            else:
                await bot.send_message(chat, reply.text, reply_markup=keyboard(reply))

    @router.message()
    async def on_message(message: Message, bot: Bot) -> None:
        if message.chat.type != "private":
            return  # the directory is given in private chats only
        chat = message.chat.id
        if not limit.allow(chat):
            dropped[0] += 1
            return
        if message.text is None:
            replies = conversations.other(chat)
        else:
            replies = conversations.text(chat, message.text)
        await send(bot, chat, replies)

    @router.callback_query()
    async def on_tap(query: CallbackQuery, bot: Bot) -> None:
        message = query.message if isinstance(query.message, Message) else None
        chat = message.chat.id if message is not None else query.from_user.id
        if not limit.allow(chat):
            dropped[0] += 1
            await query.answer()
            return
        answer = conversations.tap(chat, query.data or "")

        # the button stops spinning while the answer is on its way
        async def acknowledge() -> None:
            await query.answer(answer.toast[:200] or None)

        await asyncio.gather(acknowledge(), send(bot, chat, answer.replies, edit=message))

    @router.errors()
    async def on_error(event: ErrorEvent) -> bool:
        # the kind of error only: its message may quote what a person wrote
        log.error("an update could not be answered: %s", type(event.exception).__name__)
        return True

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher, lambda: dropped[0]


def make_bot(settings: Settings) -> Bot:
    session = AiohttpSession()
    if settings.api_url:
        session.api = TelegramAPIServer.from_base(settings.api_url.rstrip("/"))
    return Bot(
        token=settings.token,
        session=session,
        default=DefaultBotProperties(
            parse_mode="HTML", link_preview=LinkPreviewOptions(is_disabled=True)
        ),
    )


def quiet_logging() -> None:
    """Our log at INFO; aiogram's per-update lines (update ids, timings) off."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    logging.getLogger("aiogram.event").setLevel(logging.WARNING)
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


async def run(settings: Settings) -> int:
    """Serve until SIGTERM or SIGINT; SIGHUP reloads the data."""
    watch = DataWatch(settings)
    memory = Memory(ttl=settings.forget_after)
    conversations = Conversations(lambda: watch.current, memory)
    limit = RateLimit(burst=settings.burst, per_second=settings.per_second)
    dispatcher, _ = build_dispatcher(conversations, limit)
    bot = make_bot(settings)
    loop = asyncio.get_running_loop()
    stop = asyncio.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    loop.add_signal_handler(signal.SIGHUP, lambda: watch.reload())
    me = await bot.get_me()
    # polling does not work while a webhook is set; the pending updates are kept
    await bot.delete_webhook(drop_pending_updates=False)
    for lang in LANGUAGES:
        words = bot_words(lang)
        commands = [BotCommand(command=c, description=words[key]) for c, key in COMMANDS.items()]
        default = lang == DEFAULT_LANGUAGE
        await bot.set_my_commands(commands, language_code=None if default else lang)
    log.info("bot @%s started: %s", me.username, describe(watch.current))
    tasks = [
        asyncio.create_task(
            dispatcher.start_polling(bot, handle_signals=False, close_bot_session=False)
        )
    ]
    if settings.reload_every > 0:
        tasks.append(asyncio.create_task(_watch(watch, settings.reload_every)))
    await stop.wait()
    log.info("stopping")
    with contextlib.suppress(RuntimeError):
        await dispatcher.stop_polling()
    for task in tasks:
        task.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)
    await bot.session.close()
    return 0


async def _watch(watch: DataWatch, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        watch.reload(only_if_changed=True)
