"""The one way salesim talks to a model: a small client over the `openai` package for any OpenAI-compatible
endpoint (OpenAI, Ollama, vLLM, llama.cpp's server, LM Studio), with bounded retries and errors that say
what to fix. Every node that calls a model goes through `LLMClient`."""

from __future__ import annotations

import contextlib
import logging
import random
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TypeVar

import openai
from pydantic import BaseModel, ValidationError

from simulator.settings import Settings

log = logging.getLogger("salesim.llm")
OPENAI_URL = "https://api.openai.com/v1"
MAX_RETRY_AFTER = 10.0
Model = TypeVar("Model", bound=BaseModel)
T = TypeVar("T")
_FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$")


@dataclass(frozen=True)
class LLMConfig:
    """Where the model is and how patiently to ask it."""

    base_url: str | None
    api_key: str | None
    model: str
    timeout: float = 30.0
    retries: int = 2
    backoff: float = 0.5
    temperature: float = 0.7
    reply_tokens: int = 120
    context_tokens: int = 2048

    @classmethod
    def from_settings(cls, settings: Settings, **overrides: object) -> LLMConfig:
        """The configuration from settings (OPENAI_API_KEY, OPENAI_BASE_URL, SALESIM_MODEL, SALESIM_LLM_*)."""
        key = settings.openai_api_key.get_secret_value() if settings.openai_api_key else None
        config = cls(
            base_url=settings.openai_base_url,
            api_key=key,
            model=settings.model,
            timeout=settings.llm_timeout,
            retries=settings.llm_retries,
            backoff=settings.llm_backoff,
            temperature=settings.llm_temperature,
            reply_tokens=settings.llm_reply_tokens,
            context_tokens=settings.llm_context_tokens,
        )
        return replace(config, **overrides)  # type: ignore[arg-type]

    @property
    def configured(self) -> bool:
        """A key or an endpoint was given: without either there is no model to call."""
        return bool(self.base_url or self.api_key)

    @property
    def where(self) -> str:
        return self.base_url or OPENAI_URL


class LLMError(Exception):
    """A model call that failed for good. The message says what to fix."""

    def __init__(self, message: str, retryable: bool = False):
        super().__init__(message)
        self.retryable = retryable


class Reply:
    """One streamed reply: iterate for the text pieces; `finish_reason`, `attempts` are known at the end."""

    def __init__(self, client: LLMClient, request: dict):
        self._client, self._request = client, request
        self.finish_reason: str | None = None
        self.attempts = 0
        self.seconds = 0.0

    def __iter__(self) -> Iterator[str]:
        started = time.perf_counter()
        try:
            yield from self._client._retrying(self._attempt, self)
        finally:
            self.seconds = time.perf_counter() - started

    def _attempt(self) -> Iterator[str]:
        stream = self._client.openai.chat.completions.create(**self._request, stream=True)
        got_text = False
        try:
            for chunk in stream:
                for choice in chunk.choices or ():
                    piece = choice.delta.content if choice.delta else None
                    if piece:
                        got_text = True
                        yield piece
                    if choice.finish_reason:
                        self.finish_reason = choice.finish_reason
        finally:
            stream.close()
        if not got_text:
            raise LLMError(self._client.explain_empty(), retryable=True)


class LLMClient:
    """Chat completions with bounded retry and backoff (the `openai` client's own retries are off)."""

    def __init__(self, config: LLMConfig):
        self.config = config
        self.openai = openai.OpenAI(
            base_url=config.base_url or OPENAI_URL,
            api_key=config.api_key or "not-needed",  # local servers take any key; the client insists on one
            timeout=openai.Timeout(config.timeout, connect=min(config.timeout, 5.0)),
            max_retries=0,
        )

    def stream(self, messages: list[dict], *, seed: int | None = None, stop: list[str] | None = None) -> Reply:
        """A streamed reply. Faults before the first piece are retried; later ones raise LLMError."""
        request: dict = {
            "model": self.config.model,
            "messages": messages,
            "max_tokens": self.config.reply_tokens,
            "temperature": self.config.temperature,
        }
        if seed is not None:
            request["seed"] = seed
        if stop:
            request["stop"] = stop[:4]  # OpenAI accepts at most four
        return Reply(self, request)

    def structured(self, messages: list[dict], schema: type[Model], max_tokens: int = 900) -> Model:
        """A JSON reply validated by a pydantic model (structured output where the server supports it)."""
        response_format = {
            "type": "json_schema",
            "json_schema": {"name": schema.__name__, "schema": schema.model_json_schema(), "strict": False},
        }
        request = {"model": self.config.model, "messages": messages, "max_tokens": max_tokens, "temperature": 0.2}

        def attempt() -> Iterator[Model]:
            nonlocal response_format
            try:
                completion = self.openai.chat.completions.create(**request, response_format=response_format)
            except openai.BadRequestError:
                if response_format["type"] == "json_object":
                    raise
                response_format = {"type": "json_object"}  # servers without json_schema support
                raise LLMError("the server does not take json_schema", retryable=True) from None
            content = (completion.choices[0].message.content or "") if completion.choices else ""
            try:
                yield schema.model_validate_json(_FENCE.sub("", content))
            except ValidationError as exc:
                raise LLMError(
                    f"the model's JSON did not fit {schema.__name__}: {exc.error_count()} errors", retryable=True
                ) from None

        return next(iter(self._retrying(attempt, None)))

    # --- retry and error wording -------------------------------------------------------------------------
    def _retrying(self, attempt: Callable[[], Iterator[T]], reply: Reply | None) -> Iterator[T]:
        """Run `attempt` until it yields; retry retryable faults that came before the first item."""
        tries = self.config.retries + 1
        for number in range(1, tries + 1):
            if reply is not None:
                reply.attempts = number
            started = False
            items = attempt()
            try:
                for item in items:
                    started = True
                    yield item
                return
            except Exception as exc:  # every fault is classified; unknown ones are not retried
                error = self.classify(exc)
                if started or not error.retryable or number == tries:
                    raise error from exc
                delay = self._delay(number, exc)
                log.info("model call failed (%s); retry %d in %.2f s", error, number, delay)
                time.sleep(delay)
            finally:
                items.close()  # type: ignore[attr-defined]

    def _delay(self, number: int, exc: Exception) -> float:
        delay = self.config.backoff * 2 ** (number - 1) * (1 + 0.25 * random.random())
        response = getattr(exc, "response", None)
        retry_after = response.headers.get("retry-after") if response is not None else None
        if retry_after:
            with contextlib.suppress(ValueError):
                delay = max(delay, min(float(retry_after), MAX_RETRY_AFTER))
        return delay

    def classify(self, exc: Exception) -> LLMError:
        """An LLMError whose message tells a person what to fix."""
        where, model = self.config.where, self.config.model
        if isinstance(exc, LLMError):
            return exc
        if isinstance(exc, openai.APITimeoutError):
            return LLMError(
                f"the model server at {where} did not answer within {self.config.timeout:g} s: "
                "raise SALESIM_LLM_TIMEOUT or use a faster model",
                retryable=True,
            )
        if isinstance(exc, openai.APIConnectionError):
            return LLMError(
                f"cannot reach the model server at {where}: start it, or set OPENAI_BASE_URL "
                "to the address it listens on (e.g. http://127.0.0.1:11434/v1 for Ollama)",
                retryable=True,
            )
        if isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
            return LLMError(f"the server at {where} refused the API key: set OPENAI_API_KEY to a valid key")
        if isinstance(exc, openai.NotFoundError):
            return LLMError(
                f"the server at {where} has no model '{model}' (HTTP 404): pass --model or set SALESIM_MODEL "
                "to a model it serves, and check that OPENAI_BASE_URL ends in /v1"
            )
        if isinstance(exc, openai.RateLimitError):
            return LLMError(
                f"the server at {where} is rate-limiting (HTTP 429): wait, or raise your quota", retryable=True
            )
        if isinstance(exc, openai.APIStatusError):
            code = exc.status_code
            if code >= 500 or code in (408, 409):
                return LLMError(f"the model server at {where} failed (HTTP {code}): check its log", retryable=True)
            hint = ": lower SALESIM_LLM_CONTEXT_TOKENS" if "context" in str(exc.message).lower() else ""
            return LLMError(f"the server at {where} rejected the request (HTTP {code}){hint}: {_short(exc.message)}")
        if isinstance(exc, openai.APIResponseValidationError | ValueError | KeyError | TypeError | AttributeError):
            return LLMError(
                f"the server at {where} sent a reply that is not OpenAI Chat Completions JSON: "
                "check that OPENAI_BASE_URL points at an OpenAI-compatible /v1 endpoint",
                retryable=True,
            )
        if isinstance(exc, openai.APIError):
            return LLMError(f"the model server at {where} reported an error: {_short(str(exc))}", retryable=True)
        return LLMError(f"calling the model at {where} failed: {type(exc).__name__}: {_short(str(exc))}")

    def explain_empty(self) -> str:
        return f"the model '{self.config.model}' at {self.config.where} sent an empty reply: try another model"


@cache
def load_prompt(name: str) -> str:
    """A template from prompts/ (e.g. 'customer.en.md'); lines starting with '#' are notes for people."""
    import prompts  # a namespace package: its __path__ may also hold an installer's placeholder

    for folder in prompts.__path__:
        path = Path(folder) / name
        if path.is_file():
            text = path.read_text(encoding="utf-8")
            return "\n".join(line for line in text.splitlines() if not line.startswith("#")).strip()
    raise FileNotFoundError(f"prompt template '{name}' is missing from prompts/")


@cache
def load_keyed(name: str) -> dict[str, str]:
    """A prompts/ file of `- key: text` lines, as a dict."""
    pairs = (re.match(r"^- (\w+):\s*(.+)$", line) for line in load_prompt(name).splitlines())
    return {m[1]: m[2].strip() for m in pairs if m}


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
