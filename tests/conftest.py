from __future__ import annotations

import os
from pathlib import Path

import pytest

from simulator.session import Simulator
from simulator.settings import Settings


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh data folder, also seen by the CLI through SALESIM_HOME."""
    monkeypatch.setenv("SALESIM_HOME", str(tmp_path))
    return tmp_path


@pytest.fixture
def sim(home: Path) -> Simulator:
    simulator = Simulator(Settings(home=home))
    yield simulator
    simulator.close()


def cli_env(home: Path) -> dict[str, str]:
    return {**os.environ, "SALESIM_HOME": str(home), "COLUMNS": "200"}
