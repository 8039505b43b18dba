"""Settings from the environment (SALESIM_*), one object for the whole product."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
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

    @property
    def db_path(self) -> Path:
        return self.home / "calls.sqlite"

    @property
    def user_persona_dir(self) -> Path:
        return self.persona_dir or self.home / "personas"
