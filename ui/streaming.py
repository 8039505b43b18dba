"""Streaming a customer's reply into the chat while the call graph is still speaking it.

The session API returns whole turns. A voice yields its reply in pieces, so the web app wraps the voice in
a tap that copies each piece to whoever is listening in this context (a context variable, which LangGraph
carries into the node that speaks). Nothing about the call changes; the chat only sees the words sooner.
"""

from __future__ import annotations

import contextvars
import queue
import threading
from collections.abc import Callable, Iterator
from typing import TypeVar

from simulator.voices.base import Voice, VoiceRequest

_listener: contextvars.ContextVar[Callable[[str], None] | None] = contextvars.ContextVar("listener", default=None)
T = TypeVar("T")
DONE = object()


class VoiceTap:
    """A voice that speaks through another and lets a listener hear each piece as it comes."""

    def __init__(self, voice: Voice):
        self.voice = voice
        self.name = voice.name

    @property
    def streams(self) -> bool:
        """Only a model voice is worth streaming; the offline voice answers in one piece at once."""
        return self.name != "offline"

    def speak(self, request: VoiceRequest) -> Iterator[str]:
        listener = _listener.get()
        for piece in self.voice.speak(request):
            if listener is not None:
                listener(piece)
            yield piece


def run_streaming(work: Callable[[], T]) -> Iterator[str | T]:
    """Run `work` in a thread; yield each voice piece (str) as it is spoken, then work's result (or raise)."""
    pieces: queue.Queue = queue.Queue()
    outcome: dict = {}

    def run() -> None:
        _listener.set(pieces.put)
        try:
            outcome["result"] = work()
        except BaseException as exc:  # handed back to the caller's thread below
            outcome["error"] = exc
        finally:
            pieces.put(DONE)

    threading.Thread(target=contextvars.copy_context().run, args=(run,), daemon=True).start()
    while (piece := pieces.get()) is not DONE:
        yield piece
    if "error" in outcome:
        raise outcome["error"]
    yield outcome["result"]
