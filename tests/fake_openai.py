"""A real HTTP server on 127.0.0.1 that speaks the OpenAI Chat Completions protocol, scripted to misbehave.

    with FakeOpenAI(responder=lambda request: "Hello.") as server:
        server.script(Step(status=429), Step(delay=2), Step(garbage=True))   # the next three requests
        client = OpenAI(base_url=server.url, api_key="x")

Requests beyond the script are answered by `responder(request_json)`. Streaming answers are Server-Sent
Events (`data: {...}` then `data: [DONE]`), split into word-sized chunks. Every request body is kept in
`server.requests`. Nothing here patches the openai client: it talks to this server over real HTTP.
"""

from __future__ import annotations

import contextlib
import json
import re
import socket
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from personas.library import get_persona
from simulator.llm import LLMClient, LLMConfig
from simulator.session import CallView, Simulator
from simulator.state import Beat, Message
from simulator.voices.base import VoiceRequest, render_beats
from simulator.voices.llm import LLMVoice

Responder = Callable[[dict], str]


@dataclass(frozen=True)
class Step:
    """How to answer one request."""

    reply: str | None = None
    """The text to send (None: ask the responder)."""
    status: int = 200
    """An HTTP error status to answer with instead (429, 500, 401, 404 ...)."""
    delay: float = 0.0
    """Seconds to wait before answering (longer than the client's timeout: a timeout)."""
    chunk_delay: float = 0.0
    """Seconds between streamed chunks."""
    stall_after: int | None = None
    """Stream this many text chunks, then hang for `delay` seconds (a stream that breaks mid-reply)."""
    garbage: bool = False
    """Answer 200 with a body that is not Chat Completions JSON."""
    drop: bool = False
    """Close the connection without answering."""
    headers: dict[str, str] = field(default_factory=dict)


def last_user_text(request: dict) -> str:
    return next((m["content"] for m in reversed(request["messages"]) if m["role"] == "user"), "")


class FakeOpenAI:
    """The server; use as a context manager, or call start() and stop()."""

    def __init__(self, responder: Responder | None = None, model: str = "fake-model"):
        self.responder: Responder = responder or (lambda request: "Fine.")
        self.model = model
        self.requests: list[dict] = []
        self._steps: deque[Step] = deque()
        self._lock = threading.Lock()
        self._stopping = threading.Event()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(self))
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *steps: Step) -> None:
        """Queue behaviours for the next requests, in order."""
        with self._lock:
            self._steps.extend(steps)

    def next_step(self) -> Step:
        with self._lock:
            return self._steps.popleft() if self._steps else Step()

    def record(self, request: dict) -> None:
        with self._lock:
            self.requests.append(request)

    def start(self) -> FakeOpenAI:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)

    def wait(self, seconds: float) -> None:
        """Sleep that ends early when the server stops."""
        self._stopping.wait(seconds)

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _chunks(text: str) -> list[str]:
    """Word-sized pieces for English, two characters at a time for Chinese, like a tokenizer would."""
    return re.findall(r"\s*[A-Za-z0-9'’,.!?;:-]+|\s*[^\sA-Za-z0-9]{1,2}|\s+", text) or [text]


def _handler(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:  # keep test output clean
            pass

        def setup(self) -> None:
            super().setup()
            self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)  # send each chunk at once

        def do_GET(self) -> None:
            if self.path.rstrip("/") == "/v1/models":
                self._json(200, {"object": "list", "data": [{"id": fake.model, "object": "model"}]})
            else:
                self._json(404, {"error": {"message": "not found", "type": "invalid_request_error"}})

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            body = json.loads(self.rfile.read(length) or b"{}")
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._json(404, {"error": {"message": f"no route {self.path}", "type": "invalid_request_error"}})
                return
            fake.record(body)
            step = fake.next_step()
            if step.delay and step.stall_after is None:
                fake.wait(step.delay)
            if step.drop:
                self.close_connection = True
                self.connection.close()
                return
            if step.status != 200:
                error = {"error": {"message": f"scripted HTTP {step.status}", "type": "server_error", "code": None}}
                self._json(step.status, error, step.headers)
                return
            if step.garbage and body.get("stream"):
                self._raw(200, b'data: {"choices": [{"delta": oops\n\n', "text/event-stream", step.headers)
                return
            if step.garbage:
                self._raw(200, b"<html>502 Bad Gateway</html>{{{", "application/json", step.headers)
                return
            text = _stopped(step.reply if step.reply is not None else fake.responder(body), body.get("stop"))
            if body.get("stream"):
                self._stream(text, body, step)
            else:
                self._json(200, _completion(text, body), step.headers)

        def _stream(self, text: str, body: dict, step: Step) -> None:
            self.send_response(200)
            self.send_header("content-type", "text/event-stream")
            self.send_header("cache-control", "no-cache")
            self.send_header("connection", "close")
            self.end_headers()
            self.close_connection = True
            base = {
                "id": "chatcmpl-fake",
                "object": "chat.completion.chunk",
                "created": int(time.time()),
                "model": body.get("model", fake.model),
            }
            events = [
                {
                    **base,
                    "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}],
                }
            ]
            events += [
                {**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                for piece in (_chunks(text) if text else [])
            ]
            events.append({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]})
            try:
                for number, event in enumerate(events):
                    self.wfile.write(f"data: {json.dumps(event, ensure_ascii=False)}\n\n".encode())
                    self.wfile.flush()
                    if step.chunk_delay:
                        fake.wait(step.chunk_delay)
                    if number == step.stall_after:
                        fake.wait(step.delay)
                        return
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading: it is allowed to

        def _json(self, status: int, payload: dict, headers: dict[str, str] | None = None) -> None:
            self._raw(status, json.dumps(payload, ensure_ascii=False).encode(), "application/json", headers)

        def _raw(self, status: int, data: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("content-type", content_type)
            self.send_header("content-length", str(len(data)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(data)

    return Handler


def _stopped(text: str, stop: str | list[str] | None) -> str:
    """Cut the reply at the first stop sequence, as a real server does."""
    for sequence in [stop] if isinstance(stop, str) else stop or []:
        if sequence in text:
            text = text[: text.index(sequence)]
    return text


def _completion(text: str, body: dict) -> dict:
    return {
        "id": "chatcmpl-fake",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": body.get("model", "fake-model"),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


def quoted_move(request: dict) -> str:
    """A well-behaved model: says the lines of its move (the quoted text after each intent), lightly reworded."""
    move = re.findall(r"“(.*?)”", last_user_text(request).split("</salesperson>")[-1], re.S)
    chinese = bool(re.search(r"[\u4e00-\u9fff]", "".join(move)))
    return ("嗯," if chinese else "Well, ") + " ".join(move)


SUMMARY = "You named the price before asking a single question. Next time, ask about his son before presenting."


def coach_json(request: dict) -> str:
    """A well-behaved coach: valid JSON with a better line for every miss the prompt lists."""
    misses = re.findall(r"^- (\w+): ", last_user_text(request).split("Misses")[1].split("Transcript")[0], re.M)
    lines = [{"code": code, "line": f"Model line for {code}: may I ask how your son studies now?"} for code in misses]
    return json.dumps({"summary": SUMMARY, "better_lines": lines})


# --- helpers the LLM tests share ----------------------------------------------------------------------------------
def llm_voice(url: str, warnings: list[str] | None = None, **config: object) -> LLMVoice:
    """An LLM voice on `url` with test-sized timeouts; warnings shown to people are appended to `warnings`."""
    settings = {"timeout": 10.0, "retries": 2, "backoff": 0.01, "temperature": 0.0, **config}
    client = LLMClient(LLMConfig(base_url=url, api_key=None, model="fake-model", **settings))  # type: ignore[arg-type]
    sink = warnings if warnings is not None else []
    return LLMVoice(client, warn=sink.append)


def request_for(persona_id: str, lang: str, kinds: list[tuple[str, str | None]], said: str = "Hello?") -> VoiceRequest:
    """What the graph would ask the voice for this move, after the trainee said `said`."""
    persona = get_persona(persona_id, lang)
    beats = render_beats(persona, [Beat(kind=k, ref=r) for k, r in kinds], "t:1")
    recent = (Message(role="trainee", text=said, at="2026-01-01T00:00:00Z"),)
    return VoiceRequest(persona, beats, recent, "t:1")


def play(sim: Simulator, persona: str, lang: str, lines: list[str], thread_id: str | None = None) -> CallView:
    """Play trainee lines until the call ends (hanging up after the last one)."""
    view = sim.start(persona, lang, thread_id)
    for line in lines:
        if view.finished:
            break
        view = sim.say(view.thread_id, line)
    return view if view.finished else sim.end(view.thread_id)
