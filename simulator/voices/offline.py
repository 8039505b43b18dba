"""The offline voice: the persona's own lines, no model, no network."""

from __future__ import annotations

from collections.abc import Iterator

from simulator.voices.base import VoiceRequest


class OfflineVoice:
    """Speaks exactly the lines the persona's author wrote for the chosen move."""

    name = "offline"

    def speak(self, request: VoiceRequest) -> Iterator[str]:
        yield request.offline_text()
