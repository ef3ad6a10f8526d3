"""``python -m build_tools bot``: run the Telegram chatbot from the directory data.

The token is read from the environment (``HELPDIR_BOT_TOKEN``) or from a file
(``--token-file``), never from the command line, where other users of the machine and the
shell's history could read it.
"""

from __future__ import annotations

import argparse
import os
import re
from pathlib import Path

from build_tools.messages import _

TOKEN_VARIABLE = "HELPDIR_BOT_TOKEN"
_TOKEN_FORM = re.compile(r"^\d+:[A-Za-z0-9_-]+$")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``bot`` to the command line."""
    parser = subparsers.add_parser(
        "bot",
        # no abbreviations: `--token SECRET` must fail, not be read as `--token-file SECRET`
        allow_abbrev=False,
        help=_("run the Telegram chatbot from the directory data (long polling)"),
        description=(
            _(
                "Run the Telegram chatbot. The token comes from ${TOKEN_VARIABLE} or "
                "--token-file. The bot keeps nothing about the people who write to it; "
                "see docs/bot.en.md."
            ).format(TOKEN_VARIABLE=TOKEN_VARIABLE)
        ),
    )
    parser.add_argument("--data-dir", type=Path, help=_("directory data (default: directory_data)"))
    parser.add_argument(
        "--token-file",
        type=Path,
        help=_("a file holding the bot token (else ${TOKEN_VARIABLE})").format(
            TOKEN_VARIABLE=TOKEN_VARIABLE
        ),
    )
    parser.add_argument(
        "--api-url",
        help=_("another Bot API server, e.g. a local telegram-bot-api (default: Telegram's own)"),
    )
    parser.add_argument(
        "--site-url", help=_("the published site, for entry links (default: mkdocs.yml's site_url)")
    )
    parser.add_argument(
        "--reload",
        type=float,
        default=0,
        metavar="SECONDS",
        help=_("check the data files for changes this often (default: only on SIGHUP)"),
    )
    parser.add_argument(
        "--forget-after",
        type=float,
        default=1800,
        metavar="SECONDS",
        help=_("forget a conversation after this long without a message (default: 1800)"),
    )
    parser.add_argument(
        "--allow-samples",
        action="store_true",
        help=_("serve `status: sample` entries (marked as examples); for trying the bot only"),
    )
    parser.set_defaults(func=run)


def read_token(token_file: Path | None) -> tuple[str | None, str]:
    """The token and where it came from, or None and what to do."""
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except OSError as error:
            return None, _("{token_file}: cannot read the token file ({strerror})").format(
                token_file=token_file, strerror=error.strerror
            )
        where = str(token_file)
    else:
        token = os.environ.get(TOKEN_VARIABLE, "").strip()
        where = f"${TOKEN_VARIABLE}"
        if not token:
            return None, (
                _(
                    "no bot token: set {TOKEN_VARIABLE} or give --token-file PATH (the token "
                    "BotFather gave you; see docs/bot.en.md)"
                ).format(TOKEN_VARIABLE=TOKEN_VARIABLE)
            )
    if not _TOKEN_FORM.match(token):
        return None, _("{where}: this is not a bot token (it looks like 123456789:AAE…)").format(
            where=where
        )
    return token, where


def default_site_url() -> str:
    """``site_url`` of mkdocs.yml (with its ``!ENV`` default), so links match the site."""
    from mkdocs.utils.yaml import yaml_load

    from build_tools.paths import REPO

    env = os.environ.get("SITE_URL")
    if env:
        return env
    with (REPO / "mkdocs.yml").open(encoding="utf-8") as handle:
        return str(yaml_load(handle).get("site_url") or "")


def run(args: argparse.Namespace) -> int:
    import asyncio

    from aiogram.exceptions import TelegramNetworkError, TelegramUnauthorizedError

    from build_tools.bot.app import Settings, quiet_logging
    from build_tools.bot.app import run as serve
    from build_tools.bot.catalogue import CatalogueError
    from build_tools.command_line import data_folder

    token, where = read_token(args.token_file)
    if token is None:
        print(where)
        return 1
    data_dir: Path = data_folder(args)
    if not data_dir.is_dir():
        print(
            _("{data_dir}: no such folder — give the directory data folder with --data-dir").format(
                data_dir=data_dir
            )
        )
        return 1
    settings = Settings(
        token=token,
        data_dir=data_dir,
        site_url=args.site_url or default_site_url(),
        api_url=args.api_url,
        allow_samples=args.allow_samples,
        reload_every=args.reload,
        forget_after=args.forget_after,
    )
    quiet_logging()
    try:
        return asyncio.run(serve(settings))
    except CatalogueError as error:
        print(
            _(
                "The bot did not start: the data has errors. Fix them and start again.\n{error}"
            ).format(error=error)
        )
        return 1
    except TelegramUnauthorizedError:
        print(
            _("Telegram refused the token from {where}: ask BotFather for the current one.").format(
                where=where
            )
        )
        return 1
    except TelegramNetworkError as error:
        print(
            _("The Bot API server cannot be reached ({message}); check the connection.").format(
                message=error.message
            )
        )
        return 1
    except KeyboardInterrupt:
        return 0
