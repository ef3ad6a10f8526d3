"""The chatbot's reply time with 200 people writing at once, on the loopback interface.

The real bot process (``python -m build_tools bot``) serves the real ``directory_data/``
through the Bot API stand-in. 200 simulated chats go through the guided path together, one
step at a time: /start, a language, the guided path, "no", "show everything", a region. For
every step of every chat, the time from the update being offered to the bot to the first
message the bot sends back. Run alone: ``python -m build_tools.bench.bot_latency``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import statistics
import sys
import time
from pathlib import Path

from build_tools.bench.report import Figure, Section
from build_tools.bot.standin import Sent, StandIn

REPO = Path(__file__).resolve().parents[2]
CHATS = 200
TOKEN = "123456789:BENCH-token"
#: The taps of the conversation after /start, by the label of the button pressed.
TAPS = ("English", "Find help (3 questions)", "No", "I am not sure, show everything")


def measure_bot(section: Section, chats: int = CHATS) -> None:
    section.intro = (
        f"{chats} simulated chats at once against the real bot process and the real "
        "directory_data/ (samples allowed), through a Bot API stand-in on 127.0.0.1. Each "
        "chat goes /start → language → guided path → a region, every chat's step sent at the "
        "same moment; the time is from the update being handed to the bot to the first reply "
        "message arriving, over every step of every chat."
    )
    try:
        times, started_s = asyncio.run(_run(chats))
    except Exception as error:  # a part that cannot run is reported, the rest goes on
        section.missing("reply time", f"the run failed: {type(error).__name__}: {error}")
        return
    cuts = statistics.quantiles(times, n=100)
    p50, p95 = statistics.median(times), cuts[94]
    note = f"{len(times)} replies"
    section.add(Figure("bot start (process to polling)", started_s, "s"))
    section.add(Figure(f"reply time, {chats} chats at once, p50", p50, "ms", note=note))
    section.add(
        Figure(
            f"reply time, {chats} chats at once, p95",
            p95,
            "ms",
            note=f"max {max(times):.0f} ms",
        )
    )


async def _run(chats: int) -> tuple[list[float], float]:
    server = StandIn()
    url = await server.start()
    env = {**os.environ, "HELPDIR_BOT_TOKEN": TOKEN, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "build_tools", "bot", "--api-url", url, "--allow-samples"]
    command += ["--data-dir", str(REPO / "directory_data")]
    began = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        *command,
        env=env,
        cwd=REPO,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    try:
        while server.calls["getUpdates"] == 0:
            if process.returncode is not None or time.perf_counter() - began > 300:
                raise RuntimeError("the bot did not start polling")
            await asyncio.sleep(0.05)
        started = time.perf_counter() - began
        people = [800_000_000 + n for n in range(chats)]
        times: list[float] = []
        times += await _step(server, people, lambda chat: server.text(chat, "/start"))
        for label in TAPS:
            times += await _step(
                server, people, lambda chat, label=label: _tap(server, chat, label)
            )
        # the region: the first one offered
        times += await _step(server, people, lambda chat: _tap(server, chat, None))
        return times, started
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 30)
            except TimeoutError:
                process.kill()
        await server.stop()


async def _tap(server: StandIn, chat: int, label: str | None) -> int:
    last: Sent = next(s for s in reversed(server.sent[chat]) if s.buttons)
    data = last.data_for(label) if label else last.buttons[0][0][1]
    return await server.tap(chat, last.message_id, data)


async def _step(server: StandIn, people: list[int], send) -> list[float]:  # noqa: ANN001
    """Every chat's next update at once; milliseconds to each chat's first reply."""
    before = {chat: len(server.sent[chat]) for chat in people}
    pushed = await asyncio.gather(*(send(chat) for chat in people))
    times = []
    for chat, update_id in zip(people, pushed, strict=True):
        sent = await server.wait_for(chat, lambda s, n=before[chat]: len(s) > n, timeout=120)
        times.append((sent[before[chat]].at - server.pushed_at[update_id]) * 1000)
    # let the rest of each answer (result cards) arrive before the next step
    await asyncio.sleep(0.5)
    return times


def main() -> int:
    section = Section("Chatbot")
    measure_bot(section)
    for figure in section.figures:
        print(f"{figure.label}: {figure.shown_value()} {figure.target} {figure.verdict()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
