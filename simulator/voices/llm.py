"""The LLM voice: a model says the director's move in character. It decides nothing and knows only the persona's
public profile, the move (the only hidden facts it may use) and the recent transcript.

One model call per customer turn, streamed. The reply is held back until the guards have judged it, a clause at
a time, so a person never sees a line that breaks character; a reply that fails at its start (or a model that
fails) gives way to the persona's own line for the move."""

from __future__ import annotations

import logging
import re
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from string import Template

from graders.metrics import count_tokens
from simulator.llm import LLMClient, LLMConfig, LLMError, load_keyed, load_prompt
from simulator.settings import Settings
from simulator.voices import local
from simulator.voices.base import Utterance, Voice, VoiceRequest
from simulator.voices.guards import Guard, clean_start
from simulator.voices.local import LocalServer
from simulator.voices.offline import OfflineVoice

log = logging.getLogger("salesim.llm")
MESSAGE_OVERHEAD = 4  # tokens a chat format adds around each message
REPLY_PRIMING = 3
TRIM_BLOCK = 6  # messages dropped together when the call outgrows the context budget
FIRST_CLAUSE_CHARS = {"en": 60, "zh": 20}  # held back before the first piece, so the guards have text to judge
# A customer on the phone says about as much as the move holds; the rest of a ramble is dropped.
MIN_SENTENCES, MIN_CHARS = 4, {"en": 400, "zh": 150}
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)]*(?:\s|$)|[。！？]+")
# ASCII marks end a clause only before a space, so "1,880" and "3.5" are never split while they stream in.
_CLAUSE_END = re.compile(r"[.!?;,…]+[\"'”’)]*\s+|[。！？；，、]+[”’」)]*\s*|\n+")
STOP = {
    "en": ["\nSalesperson", "Salesperson:", "<salesperson", "\nUser:"],
    "zh": ["\n销售", "销售：", "<salesperson", "\nUser:"],
}


@dataclass
class Prompt:
    """The messages for one customer turn: the persona's stable system prompt first, then trimmed history."""

    messages: list[dict]
    tokens: int
    dropped: int


@dataclass
class TurnStats:
    """What one customer turn cost and how it went (the benchmark and the tests read these)."""

    prompt_tokens: int
    dropped_messages: int
    reply: str = ""
    reply_tokens: int = 0
    raw: str = ""
    """The model's text as it came, before the guards."""
    attempts: int = 0
    seconds: float = 0.0
    fallback: str | None = None
    """Why the persona's own line was used instead of the model's, if it was."""
    cut: str | None = None
    """Why the model's reply was cut short, if it was."""
    added: list[str] = field(default_factory=list)
    """Key beats the model left out, added from the persona's lines."""
    messages: list[dict] = field(default_factory=list, repr=False)
    seed: int = 0


def _said(text: str) -> str:
    """The trainee's words as data: angle brackets cannot close the tag they sit in."""
    return text.replace("<", "‹").replace(">", "›")


def system_prompt(request: VoiceRequest) -> str:
    """The persona's static prompt: public profile only, identical on every turn of a call."""
    persona, lang = request.persona, request.persona.language
    call = load_keyed(f"call.{lang}.md")
    values = {"product": persona.fact_sheet.product, "summary": persona.fact_sheet.summary}
    return Template(load_prompt(f"customer.{lang}.md")).substitute(
        name=persona.customer.name,
        background=persona.customer.background,
        personality=persona.customer.personality,
        product=persona.fact_sheet.product,
        call=call[f"{persona.direction}_call"],
        awareness=Template(call[f"{persona.direction}_awareness"]).substitute(values),
    )


def move_text(beats: tuple[Utterance, ...], language: str) -> str:
    intents = load_keyed(f"moves.{language}.md")
    return "\n".join(f"- {intents.get(b.kind, b.kind)} “{b.text}”" for b in beats)


def build_prompt(request: VoiceRequest, context_tokens: int, reply_tokens: int) -> Prompt:
    """System prompt, as much of the call as the budget allows, then this turn. The oldest messages go first, a
    block at a time, so the start of the prompt stays the same for several turns and servers can reuse its cache."""
    lang = request.persona.language
    recent = list(request.recent)
    current = recent.pop()["text"] if recent and recent[-1]["role"] == "trainee" else None
    said = _said(current) if current is not None else load_keyed(f"call.{lang}.md")["connected"]
    turn = Template(load_prompt(f"turn.{lang}.md")).substitute(
        said=said, name=request.persona.customer.name, move=move_text(request.beats, lang)
    )
    history = [
        {"role": "user", "content": f"<salesperson>{_said(m['text'])}</salesperson>"}
        if m["role"] == "trainee"
        else {"role": "assistant", "content": m["text"]}
        for m in recent
    ]
    head = [{"role": "system", "content": system_prompt(request)}]
    tail = [{"role": "user", "content": turn}]
    sizes = [count_tokens(m["content"]) + MESSAGE_OVERHEAD for m in history]
    fixed = sum(count_tokens(m["content"]) + MESSAGE_OVERHEAD for m in head + tail) + REPLY_PRIMING
    start = 0
    while start < len(history) and fixed + sum(sizes[start:]) + reply_tokens > context_tokens:
        start = min(len(history), start + TRIM_BLOCK)
    return Prompt(head + history[start:] + tail, fixed + sum(sizes[start:]), start)


def seed_of(request: VoiceRequest) -> int:
    """The sampling seed: the same turn of a replayed call asks the model the same way."""
    return zlib.crc32(request.seed.encode()) % 2**31


def split_clauses(text: str) -> tuple[str, str]:
    """Complete clauses and the unfinished rest."""
    ends = list(_CLAUSE_END.finditer(text))
    if not ends:
        return "", text
    cut = ends[-1].end()
    return text[:cut], text[cut:]


class LLMVoice:
    """Renders the director's move through any OpenAI-compatible model; the persona's line is the safety net.

    After `pause_after` turns in a row on which the model failed, the voice stops asking it for `pause_seconds`,
    so a dead server costs the trainee one slow turn, not a slow call."""

    name = "llm"

    def __init__(
        self,
        client: LLMClient,
        warn: Callable[[str], None] | None = None,
        pause_after: int = 2,
        pause_seconds: float = 30.0,
        keep_stats: int = 1000,
    ):
        self.client = client
        self.warn = warn or log.warning
        self.pause_after, self.pause_seconds = pause_after, pause_seconds
        self.stats: deque[TurnStats] = deque(maxlen=keep_stats)
        self._warned: set[str] = set()
        self._failures = 0
        self._paused_until = 0.0

    def speak(self, request: VoiceRequest) -> Iterator[str]:
        config = self.client.config
        prompt = build_prompt(request, config.context_tokens, config.reply_tokens)
        stats = TurnStats(prompt.tokens, prompt.dropped, messages=prompt.messages, seed=seed_of(request))
        self.stats.append(stats)
        guard = Guard(request)
        said = ""
        if time.monotonic() < self._paused_until:
            stats.fallback = "the model is paused after failing repeatedly"
        else:
            for piece in self._checked(request, prompt, guard, stats):
                said += piece
                yield piece
        if not said.strip():
            stats.fallback, stats.cut = stats.fallback or stats.cut or "empty reply", None
            said = request.offline_text()
            yield said
        else:
            for beat in guard.missing(said):
                stats.added.append(beat.kind)
                said += " " + beat.text
                yield " " + beat.text
        stats.reply, stats.reply_tokens = said.strip(), count_tokens(said.strip())

    def _checked(self, request: VoiceRequest, prompt: Prompt, guard: Guard, stats: TurnStats) -> Iterator[str]:
        """The model's reply, clause by clause, as far as the guards pass it."""
        lang = request.persona.language
        reply = self.client.stream(prompt.messages, seed=stats.seed, stop=STOP[lang])
        pieces = iter(reply)
        said, pending = "", ""
        reference = request.offline_text()
        most_sentences = max(MIN_SENTENCES, len(_SENTENCE_END.findall(reference)) + 1)
        most_chars = max(MIN_CHARS[lang], int(1.5 * len(reference)))
        try:
            for piece in pieces:
                stats.raw += piece
                pending = (pending + piece) if said else (pending + piece).lstrip()
                ready, rest = split_clauses(pending)
                if not said and ready:
                    ready = clean_start(ready, request) + (" " if ready[-1:].isspace() else "")
                if not ready or (not said and len(ready.strip()) < FIRST_CLAUSE_CHARS[lang]):
                    continue
                stats.cut = guard.problem(said + ready)  # judged with whatever follows a line break
                if stats.cut:
                    return
                ended = "\n" in said.rstrip(" ") + ready.rstrip()  # a phone line is one paragraph
                ready = ready[: ready.index("\n")] + " " if ended and "\n" in ready else ready
                said, pending = said + ready, rest
                yield ready
                if ended or len(_SENTENCE_END.findall(said)) >= most_sentences or len(said) >= most_chars:
                    stats.cut = "long enough"
                    return
            tail = (pending if said else clean_start(pending, request)).strip().split("\n")[0]
            if tail.strip() and (reply.finish_reason != "length" or not said):  # not a sentence cut off mid-way
                stats.cut = guard.problem(said + tail)
                if not stats.cut:
                    said += tail
                    yield tail
        except LLMError as exc:
            stats.cut = str(exc)
            self._failed(str(exc), said)
            return
        finally:
            pieces.close()  # type: ignore[attr-defined]
            stats.attempts, stats.seconds = reply.attempts, reply.seconds
        self._failures = 0

    def _failed(self, error: str, said: str) -> None:
        self._failures += 1
        if said:
            self._warn(f"{error}.")
        elif self._failures >= self.pause_after:
            self._paused_until = time.monotonic() + self.pause_seconds
            self._warn(f"{error}. The customer speaks the persona's own lines for the next {self.pause_seconds:g} s.")
        else:
            self._warn(f"{error}. This turn uses the persona's own line.")

    def _warn(self, message: str) -> None:
        """Tell people once per distinct problem, not on every turn."""
        if message not in self._warned:
            self._warned.add(message)
            self.warn(message)


@dataclass
class VoiceSetup:
    """The voice a front end should use, the client behind it (None offline) and a note to show once."""

    voice: Voice
    client: LLMClient | None = None
    notice: str | None = None
    server: LocalServer | None = None

    def close(self) -> None:
        """Stop the local model server, if this setup started one."""
        if self.server is not None:
            self.server.stop()
            self.server = None


def open_voice(
    settings: Settings, backend: str | None = None, model: str | None = None, warn: Callable[[str], None] | None = None
) -> VoiceSetup:
    """The customer voice for these settings. Without a model to call, the offline voice, with a notice."""
    backend = backend or settings.backend
    if backend == "offline":
        return VoiceSetup(OfflineVoice())
    offline = "; the customer speaks the persona's own lines (offline voice)"
    if backend == "local":
        server = LocalServer(settings.local_model, context_tokens=settings.llm_context_tokens)
        try:
            url = server.start()
        except RuntimeError as exc:
            return VoiceSetup(OfflineVoice(), notice=f"{exc}{offline}")
        config = LLMConfig.from_settings(settings, base_url=url, api_key=None, model=local.ALIAS)
        client = LLMClient(config)
        return VoiceSetup(LLMVoice(client, warn), client, f"local model {server.model.name} at {url}", server)
    config = LLMConfig.from_settings(settings, **({"model": model} if model else {}))
    if not config.configured:
        return VoiceSetup(
            OfflineVoice(),
            notice="no LLM configured: set OPENAI_API_KEY for OpenAI, or OPENAI_BASE_URL for your own server "
            f"(e.g. http://127.0.0.1:11434/v1 for Ollama){offline}",
        )
    client = LLMClient(config)
    return VoiceSetup(LLMVoice(client, warn), client)
