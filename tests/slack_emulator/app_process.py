"""Start the real `mentorbot serve` as a child process, pointed at an emulator."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

SIGNING_SECRET = "test-signing-secret-0123456789abcdef"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mentorbot_command() -> list[str]:
    script = Path(sys.executable).with_name("mentorbot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.cli"]


def server_env(api_url: str, token: str, database_url: str, port: int, **extra: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "DATABASE_"))}
    env.update(
        SLACK_BOT_TOKEN=token,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        SLACK_API_URL=api_url,
        DATABASE_URL=database_url,
        PORT=str(port),
        # Callers drive the scheduler themselves with `run-due`.
        SCHEDULER_TICK_SECONDS="3600",
        LOG_LEVEL=os.environ.get("LOG_LEVEL", "INFO"),
    )
    env.update(extra)
    return env


class RunningServer:
    def __init__(self, process: subprocess.Popen, port: int, log_path: Path) -> None:
        self.process, self.port, self.log_path = process, port, log_path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def wait_healthy(process: subprocess.Popen, port: int, describe) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited:\n{describe()}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not become healthy:\n{describe()}")


def start_server(command: list[str], env: dict, workdir: Path) -> RunningServer:
    port = int(env["PORT"])
    log_path = workdir / f"serve-{port}.log"
    process = subprocess.Popen(command, cwd=workdir, env=env, stdout=log_path.open("w"),
                               stderr=subprocess.STDOUT)
    server = RunningServer(process, port, log_path)
    try:
        wait_healthy(process, port, server.log)
    except RuntimeError:
        server.stop()
        raise
    return server


def start_mentorbot(api_url: str, token: str, database_url: str, workdir: Path,
                    **extra: str) -> RunningServer:
    env = server_env(api_url, token, database_url, free_port(), **extra)
    return start_server([*mentorbot_command(), "serve"], env, workdir)
