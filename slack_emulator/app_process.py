"""Start the real `mentorbot serve` as a child process, pointed at an emulator."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from datetime import datetime
from pathlib import Path

from bot.support.clock import parse_instant, set_virtual_time

SIGNING_SECRET = "test-signing-secret-0123456789abcdef"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def mentorbot_command() -> list[str]:
    script = Path(sys.executable).with_name("mentorbot")
    return [str(script)] if script.exists() else [sys.executable, "-m", "bot.wiring.cli"]


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
        # The emulator limits nothing unless told to (`limit`): no spacing of calls.
        SLACK_CALLS_PER_MINUTE='{"*": 0}',
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


def run_due_outcome(stdout: str) -> dict[str, int]:
    """`run-due`'s last line, "sent=2 obsolete=1" or "nothing due", as counts."""
    line = stdout.strip().splitlines()[-1]
    return {} if line == "nothing due" else {
        k: int(v) for k, v in (part.split("=") for part in line.split())}


class Timeline:
    """A virtual clock shared by a running `mentorbot serve` and the `run-due` commands a
    test or the demo issues: moving it moves "now" for every process at once."""

    def __init__(self, clock_path: Path, env: dict, workdir: Path) -> None:
        self.clock_path, self.env, self.workdir = clock_path, env, workdir

    @property
    def now(self) -> datetime:
        return parse_instant(self.clock_path.read_text())

    def move_to(self, instant: datetime) -> None:
        set_virtual_time(self.clock_path, instant)

    def advance_to(self, instant: datetime, **env: str) -> dict[str, int]:
        """Let time pass to `instant`, running every nudge that falls due on the way at its
        own due time: the clock never jumps over one."""
        return self._run_due(["--through", instant.isoformat()], env)

    def run_due(self, instant: datetime | None = None, **env: str) -> dict[str, int]:
        """Move the clock (if given an instant), dispatch what is due then, and say what
        happened, e.g. {"sent": 2, "obsolete": 1}."""
        if instant is not None:
            self.move_to(instant)
        return self._run_due([], env)

    def _run_due(self, arguments: list[str], env: dict[str, str]) -> dict[str, int]:
        result = subprocess.run([*mentorbot_command(), "run-due", *arguments],
                                cwd=self.workdir,
                                env={**self.env, "PORT": str(free_port()), **env},
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise RuntimeError(f"run-due failed:\n{result.stderr}")
        return run_due_outcome(result.stdout)


def start_clocked_mentorbot(api_url: str, token: str, database_url: str, workdir: Path,
                            starts_at: datetime, **extra: str) -> tuple[RunningServer, Timeline]:
    """`mentorbot serve` on a virtual clock set to `starts_at`."""
    clock_path = workdir / "clock"
    set_virtual_time(clock_path, starts_at)
    env = server_env(api_url, token, database_url, free_port(),
                     VIRTUAL_CLOCK_FILE=str(clock_path), **extra)
    server = start_server([*mentorbot_command(), "serve"], env, workdir)
    return server, Timeline(clock_path, env, workdir)
