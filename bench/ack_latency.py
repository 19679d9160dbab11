"""Acknowledgement latency and CPU of `/mentor help` and `/mentor invite`, beside a bare
Bolt app doing the same (`/bare` answers, `/bare-modal` opens a modal).

Closed loop at 1, 10 and 50 clients (each sends its next request when answered: the 50
show saturation), each round run five times with the apps taking turns and each
figure's median kept; then open loop at a fixed rate (100 requests/s, as Slack sends
them, whatever the app's speed: the latency counts from when a request was due, so a slow
answer delays none of the measured ones), five times, medians kept. Each request is a
signed slash command sent over HTTP exactly as Slack sends it; each latency stops at HTTP
200. A round's clock and CPU stop when its last modal has opened against the emulator, so
throughput counts requests served, not answers with work still queued. Run with
`make bench`.
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import json
import os
import queue
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

from slack_emulator.app_process import (
    SIGNING_SECRET,
    free_port,
    mentorbot_command,
    server_env,
    start_server,
)
from slack_emulator.driver import sign

TOKEN = "xoxb-emulator-token"
CLIENT_COUNTS = (1, 10, 50)
OPEN_RATE = 100.0  # requests a second
OPEN_SECONDS = 15.0
OPEN_SENDERS = 20
# Two cores carry the clients, the emulator and both servers: one run of a closed loop can
# be several percent off the next. Each is run this many times, the apps taking turns,
# and the median of each figure is kept.
REPEATS = 5
# The open loop's CPU per request moved by a third from one 20-second run to the next.
OPEN_REPEATS = 5
USERS = [f"UBENCH{n:03d}" for n in range(50)]
_TRIGGERS = itertools.count()


def start_emulator() -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "slack_emulator", "--light", "0",
         *(f"{u}:Europe/Berlin" for u in USERS), "UMENTOR01:America/Los_Angeles"],
        stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().strip()


def control(api_url: str, path: str) -> dict:
    base = api_url.removesuffix("/api/")
    with urllib.request.urlopen(f"{base}/_control/{path}") as response:
        return json.loads(response.read())


def slash_body(api_url: str, user: str, command: str, text: str) -> str:
    return urlencode({
        "token": "legacy", "team_id": "T0MENTOR", "team_domain": "emulated",
        "channel_id": "C0GENERAL", "channel_name": "general", "user_id": user,
        "user_name": user.lower(), "command": command, "text": text, "api_app_id": "A0MENTOR",
        "is_enterprise_install": "false",
        "response_url": api_url.removesuffix("/api/") + f"/response/{user}/1",
        "trigger_id": f"bench.{user}.{next(_TRIGGERS)}",
    })


def post_signed(connection: http.client.HTTPConnection, api_url: str, user: str,
                command: str, text: str, at: float | None = None) -> tuple[float, int]:
    """One slash command as Slack sends it, built and signed before the clock starts:
    (milliseconds to HTTP 200, status). `at`: a due time to wait for and count from."""
    body = slash_body(api_url, user, command, text)
    stamp = str(int(time.time()))
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "X-Slack-Request-Timestamp": stamp,
               "X-Slack-Signature": sign(SIGNING_SECRET, stamp, body)}
    if at is not None:
        time.sleep(max(0.0, at - time.perf_counter()))
    started = at if at is not None else time.perf_counter()
    connection.request("POST", "/slack/events", body=body.encode(), headers=headers)
    response = connection.getresponse()
    response.read()
    return (time.perf_counter() - started) * 1000, response.status


def one_client(port: int, api_url: str, user: str, command: str, text: str, count: int,
               latencies: list[float], failures: list[int]) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    for _ in range(count):
        took, status = post_signed(connection, api_url, user, command, text)
        latencies.append(took)
        if status != 200:
            failures.append(status)
    connection.close()


def open_loop(port: int, api_url: str, command: str, text: str, rate: float, seconds: float,
              server_pid: int, served: Callable[[int], object]) -> dict:
    """`rate` requests a second for `seconds`, each sent at its due time by whichever of a
    pool of connections is free; latency counts from the due time."""
    total = int(rate * seconds)
    due = queue.SimpleQueue()
    latencies: list[float] = []
    failures: list[int] = []

    def sender(user: str) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        while (at := due.get()) is not None:
            took, status = post_signed(connection, api_url, user, command, text, at)
            latencies.append(took)
            if status != 200:
                failures.append(status)
        connection.close()

    senders = [threading.Thread(target=sender, args=(USERS[i],)) for i in range(OPEN_SENDERS)]
    cpu_before = cpu_seconds(server_pid)
    start = time.perf_counter() + 0.2
    for thread in senders:
        thread.start()
    for n in range(total):
        due.put(start + n / rate)
    for _ in senders:
        due.put(None)
    for thread in senders:
        thread.join()
    served(len(latencies))
    return summary(latencies, failures, rate, cpu_seconds(server_pid) - cpu_before)


def summary(latencies: list[float], failures: list[int], rps: float, cpu: float) -> dict:
    latencies = sorted(latencies)
    return {
        "requests": len(latencies),
        "failures": len(failures),
        "p50": statistics.median(latencies),
        "p99": latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))],
        "rps": rps,
        # Taken when the last request was served, its work after the answer included.
        "cpu_ms": cpu * 1000 / max(1, len(latencies)),
    }


def median_of(results: list[dict]) -> dict:
    """Each figure's median over the runs; requests and modals are summed."""
    merged = {key: statistics.median(r[key] for r in results)
              for key in ("p50", "p99", "rps", "cpu_ms")}
    merged["requests"] = sum(r["requests"] for r in results)
    merged["failures"] = sum(r["failures"] for r in results)
    if "modals" in results[0]:
        opened = [r["modals"].split("/") for r in results]
        merged["modals"] = (f"{sum(int(a) for a, _ in opened)}/"
                            f"{sum(int(b) for _, b in opened)}")
    return merged


def paired(ours: list[dict], theirs: list[dict], figure: str) -> str:
    """The median of run-by-run ratios, with their range."""
    ratios = sorted(a[figure] / max(0.001, b[figure]) for a, b in zip(ours, theirs, strict=True))
    return (f"{statistics.median(ratios):.2f}× ({ratios[0]:.2f}–{ratios[-1]:.2f})"
            if len(ratios) > 1 else f"{ratios[0]:.2f}×")


def cpu_seconds(root_pid: int) -> float:
    """User + system CPU of a process and its children (gunicorn's master and workers)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid, ppid = int(stat.parent.name), int(fields[1])
        if root_pid in (pid, ppid):
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def measure(port: int, api_url: str, command: str, text: str, clients: int,
            per_client: int, server_pid: int | None = None,
            served: Callable[[int], object] = lambda _: None) -> dict:
    """`served(n)` returns when the work after n answers is done: the clock stops then, so
    work queued behind quick answers is not left out of the throughput."""
    latencies: list[float] = []
    failures: list[int] = []
    threads = [threading.Thread(target=one_client, args=(port, api_url, USERS[i], command, text,
                                                         per_client, latencies, failures))
               for i in range(clients)]
    cpu_before = cpu_seconds(server_pid) if server_pid else 0.0
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    served(len(latencies))
    elapsed = time.perf_counter() - started
    cpu = (cpu_seconds(server_pid) - cpu_before) if server_pid else 0.0
    return summary(latencies, failures, len(latencies) / elapsed, cpu)


class _Modals:
    """The modals opened against the emulator since this was made."""

    def __init__(self, api_url: str) -> None:
        self._api_url = api_url
        self._before = self._count()

    def _count(self) -> int:
        return control(self._api_url, "count/views.open")["count"]

    def wait_for(self, wanted: int) -> int:
        """How many have opened, once `wanted` have or after 30 s."""
        deadline = time.monotonic() + 30
        while (opened := self._count() - self._before) < wanted and time.monotonic() < deadline:
            time.sleep(0.005)
        return opened


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=2000,
                        help="requests per client count and app (default 2000)")
    parser.add_argument("--database-url", default=os.environ.get("BENCH_DATABASE_URL"))
    parser.add_argument("--clients", type=int, nargs="*", default=list(CLIENT_COUNTS))
    parser.add_argument("--rate", type=float, default=OPEN_RATE,
                        help="open loop: requests a second (default 100)")
    parser.add_argument("--seconds", type=float, default=OPEN_SECONDS,
                        help="open loop: seconds per run (default 15)")
    parser.add_argument("--repeat", type=int, default=REPEATS,
                        help="runs of each closed-loop round, the apps taking turns; the "
                             "median of each figure is reported (default 5)")
    parser.add_argument("--open-repeat", type=int, default=OPEN_REPEATS,
                        help="runs of the open loop, the apps taking turns (default 5)")
    args = parser.parse_args()

    workdir = Path(tempfile.mkdtemp(prefix="mentorbot-bench-"))
    database_url = args.database_url or f"sqlite:///{workdir / 'bench.db'}"
    emulator, api_url = start_emulator()
    try:
        run_all(args, workdir, database_url, api_url)
    finally:
        emulator.terminate()


def run_all(args, workdir: Path, database_url: str, api_url: str) -> None:
    mentorbot = start_server([*mentorbot_command(), "serve"],
                             server_env(api_url, TOKEN, database_url, free_port()), workdir)
    root = str(Path(__file__).resolve().parents[1])
    bare = start_server([sys.executable, "-m", "bench.bare_app"],
                        server_env(api_url, TOKEN, database_url, free_port(), PYTHONPATH=root),
                        workdir)
    # Like with like: a command that only answers, and one that opens a modal.
    apps = {"bare Bolt, answer": (bare, "/bare", ""),
            "mentorbot, /mentor help": (mentorbot, "/mentor", "help"),
            "bare Bolt, modal": (bare, "/bare-modal", ""),
            "bare Bolt, the same modal": (bare, "/bare-composer", ""),
            "mentorbot, /mentor invite": (mentorbot, "/mentor", "invite <@UMENTOR01|ben>")}
    rows = []
    try:
        for server, command, text in apps.values():
            # Warm-up: imports, connection pools, auth.test, each user's users.info.
            measure(server.port, api_url, command, text, len(USERS), 4)
        rounds = [(str(c), lambda srv, cmd, txt, served, c=c: measure(
            srv.port, api_url, cmd, txt, c, max(1, args.requests // c), srv.process.pid,
            served)) for c in args.clients]
        rounds.append((f"open {args.rate:.0f}/s", lambda srv, cmd, txt, served: open_loop(
            srv.port, api_url, cmd, txt, args.rate, args.seconds, srv.process.pid, served)))
        for label, run in rounds:
            runs: dict[str, list[dict]] = {name: [] for name in apps}
            for repeat in range(args.open_repeat if label.startswith("open") else args.repeat):
                # Each app's neighbours change sides every run, so a drift of the machine
                # during a round weighs on no app more than on its counterpart.
                order = list(apps.items())
                for name, (server, command, text) in order[::-1] if repeat % 2 else order:
                    modals = _Modals(api_url) if "modal" in name or "invite" in name else None
                    result = run(server, command, text,
                                 modals.wait_for if modals else lambda _: None)
                    if modals:
                        result["modals"] = (f"{modals.wait_for(result['requests'])}/"
                                            f"{result['requests']}")
                    runs[name].append(result)
            rows += [(label, name, median_of(results), results)
                     for name, results in runs.items()]
    finally:
        mentorbot.stop()
        bare.stop()

    db = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
    lines = [f"Ack latency, mentorbot vs a bare Bolt app doing the same ({db}, "
             f"{os.cpu_count()} cores)",
             "", "| round | app | requests | p50 ms | p99 ms | req/s | server CPU ms/req "
             "| modals opened |",
             "|---:|---|---:|---:|---:|---:|---:|---|"]
    for label, name, r, _ in rows:
        lines.append(f"| {label} | {name} | {r['requests']} | {r['p50']:.1f} | {r['p99']:.1f} "
                     f"| {r['rps']:.0f} | {r['cpu_ms']:.2f} | {r.get('modals', '–')} |")
    by_round: dict[str, dict[str, list[dict]]] = {}
    for label, name, _, results in rows:
        by_round.setdefault(label, {})[name] = results
    lines += ["", "Each ratio is the median of the ratios of runs made side by side (the "
              "lowest and highest in brackets): the machine drifts more between runs than "
              "the apps differ."]
    for label, same in by_round.items():
        for ours, theirs in (("mentorbot, /mentor help", "bare Bolt, answer"),
                             ("mentorbot, /mentor invite", "bare Bolt, modal"),
                             ("mentorbot, /mentor invite", "bare Bolt, the same modal")):
            line = (f"- {label} {'' if label.startswith('open') else 'clients'}, {ours} "
                    f"against {theirs}: "
                    f"p99 {paired(same[ours], same[theirs], 'p99')}, CPU per request "
                    f"{paired(same[ours], same[theirs], 'cpu_ms')} the bare app's")
            if args.clients and label == str(max(args.clients)):
                line += f", throughput {paired(same[ours], same[theirs], 'rps')}"
            lines.append(line)
    report = "\n".join(lines)
    print(report)
    results = Path(__file__).parent / "results"
    results.mkdir(exist_ok=True)
    (results / "ack_latency.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
