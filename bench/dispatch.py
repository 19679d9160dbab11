"""Dispatcher benchmarks: throughput, tick cost against table size, and memory.

    python -m bench.dispatch [throughput|scaling|memory ...] [--pg URL]

Everything runs against the Slack emulator (its light mode: no Block Kit checks, no rate
limits) on this machine. PostgreSQL figures need a database the benchmark may wipe
(default postgresql+psycopg://postgres@127.0.0.1:5432/bench).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography.fernet import Fernet
from slack_sdk.oauth.installation_store import Bot
from sqlalchemy import text

from bot.db.engine import make_engine
from bot.db.migrate import upgrade_to_head
from bot.slack.installations import installation_store
from slack_emulator.app_process import (
    free_port,
    mentorbot_command,
    server_env,
    start_server,
)
from tests.seed import seed_invitations, wipe_postgres_schema

TEAM = "T0MENTOR"
CLIENT_ID = "1111.2222"
TOKEN = "xoxb-emulator-token"
RECIPIENTS = [f"UBENCH{n:03d}" for n in range(100)]
NOON = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
RESULTS = Path(__file__).parent / "results"


def start_emulator() -> tuple[subprocess.Popen, str]:
    process = subprocess.Popen([sys.executable, "-m", "slack_emulator", "--light", "0",
                                *RECIPIENTS], stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().strip()


def fresh_database(url: str | None, workdir: Path) -> str:
    if url is None:
        return f"sqlite:///{workdir / f'bench-{time.monotonic_ns()}.db'}"
    wipe_postgres_schema(url)
    return url


def prepared(url: str):
    engine = make_engine(url)
    upgrade_to_head(engine)
    return engine


def run_due(api_url: str, url: str, workdir: Path, at: datetime, **env) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run([*mentorbot_command(), "run-due", "--at", at.isoformat()],
                            cwd=workdir, env=server_env(api_url, TOKEN, url, free_port(), **env),
                            capture_output=True, text=True, timeout=3600)
    if result.returncode:
        raise RuntimeError(result.stderr[-2000:])
    return time.perf_counter() - started, result.stdout.strip().splitlines()[-1]


def throughput(api_url: str, url: str | None, workdir: Path, count: int = 10_000,
               processes: int = 1) -> dict:
    url = fresh_database(url, workdir)
    engine = prepared(url)
    seed_invitations(engine, TEAM, count, NOON - timedelta(hours=1), RECIPIENTS)
    engine.dispose()
    started = time.perf_counter()
    runs = [subprocess.Popen([*mentorbot_command(), "run-due", "--at", NOON.isoformat()],
                             cwd=workdir, env=server_env(api_url, TOKEN, url, free_port()),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            for _ in range(processes)]
    outputs = [run.communicate(timeout=3600) for run in runs]
    elapsed = time.perf_counter() - started
    sent = sum(int(dict(p.split("=") for p in out.split()).get("sent", 0)) for out, _ in outputs)
    return {"nudges": count, "sent": sent, "processes": processes, "seconds": elapsed,
            "per_second": sent / elapsed}


def _install(api_url: str, engine, team_id: str) -> None:
    """What "Add to Slack" leaves behind for a workspace: its bot, with the emulator's token
    for it."""
    base = api_url.removesuffix("/api/")
    with urllib.request.urlopen(f"{base}/_control/install/{team_id}") as answer:
        token = json.load(answer)["token"]
    installation_store(CLIENT_ID, engine).save_bot(Bot(
        app_id="A0BENCH", enterprise_id=None, team_id=team_id, bot_token=token,
        bot_id="BBOT", bot_user_id="UBOT", installed_at=time.time()))


def workspaces(api_url: str, url: str | None, workdir: Path, teams: int,
               count: int = 10_000) -> dict:
    """The same 10,000 nudges, spread over `teams` workspaces installed with OAuth: each
    sent with its own workspace's token, read from the installation store."""
    url = fresh_database(url, workdir)
    engine = prepared(url)
    for number in range(teams):
        team_id = f"T0BENCH{number:02d}"
        _install(api_url, engine, team_id)
        seed_invitations(engine, team_id, count // teams, NOON - timedelta(hours=1),
                         RECIPIENTS, start=number * count)
    engine.dispose()
    # As deployed: installed workspaces' tokens encrypted at rest (sealed at start).
    env = server_env(api_url, TOKEN, url, free_port(), SLACK_CLIENT_ID=CLIENT_ID,
                     SLACK_CLIENT_SECRET="bench-secret",
                     TOKEN_ENCRYPTION_KEY=Fernet.generate_key().decode())
    del env["SLACK_BOT_TOKEN"]
    started = time.perf_counter()
    result = subprocess.run([*mentorbot_command(), "run-due", "--at", NOON.isoformat()],
                            cwd=workdir, env=env, capture_output=True, text=True, timeout=3600)
    elapsed = time.perf_counter() - started
    if result.returncode:
        raise RuntimeError(result.stderr[-2000:])
    sent = int(dict(p.split("=") for p in result.stdout.split()).get("sent", 0))
    return {"teams": teams, "sent": sent, "seconds": elapsed, "per_second": sent / elapsed}


def _future_nudges(engine, count: int) -> None:
    """`count` nudges due a year out, spread over 1,000 relationships (distinct subjects)."""
    seed_invitations(engine, TEAM, 1000, NOON + timedelta(days=365), RECIPIENTS, start=10**6)
    series = ("SELECT generate_series(1, :n) AS n" if engine.dialect.name == "postgresql" else
              "WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < :n) "
              "SELECT n FROM s")
    with engine.begin() as connection:
        rel_ids = list(connection.scalars(text(
            "SELECT id FROM relationships WHERE mentor_id LIKE 'UX1%' ORDER BY id")))
        low = rel_ids[0]
        connection.execute(text(
            "INSERT INTO nudges (team_id, relationship_id, subject, kind, recipient_id, status,"
            " due_at, available_at, attempts) "
            f"SELECT :team, {low} + (n % 1000), 'meeting:' || n, 'reply_by_check', 'UBENCH000',"
            " 'pending', :due, :due, 0 FROM (" + series + ") AS series"),
            {"n": count, "team": TEAM, "due": NOON + timedelta(days=400)})
        if engine.dialect.name == "postgresql":
            connection.execute(text("ANALYZE nudges"))
        else:
            connection.execute(text("ANALYZE"))


def scaling(api_url: str, url: str | None, workdir: Path, repeats: int = 7) -> dict:
    """One tick that finds 100 due nudges, beside 1,000 or 1,000,000 future ones."""
    from bot.services import nudges as outbox
    from bot.support.settings import load_settings
    from bot.wiring.container import build_deps
    from scheduler.dispatcher import run_due as dispatch

    figures = {}
    for future in (1_000, 1_000_000):
        db = fresh_database(url, workdir)
        engine = prepared(db)
        seed_invitations(engine, TEAM, 100, NOON - timedelta(hours=1), RECIPIENTS)
        _future_nudges(engine, future)
        settings = load_settings(database_url=db, slack_bot_token=TOKEN, slack_api_url=api_url,
                                 slack_signing_secret="x",
                                 # What mentorbot itself costs, not Slack's pace.
                                 slack_calls_per_minute={"*": 0})
        deps = build_deps(settings)
        ticks, claims = [], []
        for _ in range(repeats):
            with engine.begin() as connection:  # the same 100 become due again
                connection.execute(text(
                    "UPDATE nudges SET status = 'pending', available_at = due_at, attempts = 0 "
                    "WHERE due_at < :noon"), {"noon": NOON})
            started = time.perf_counter()
            with deps.uow() as uow:
                claimed = outbox.claim(uow, NOON, "bench", timedelta(minutes=2), 100)
            claims.append(time.perf_counter() - started)
            with engine.begin() as connection:
                connection.execute(text(
                    "UPDATE nudges SET status = 'pending', available_at = due_at, attempts = 0 "
                    "WHERE due_at < :noon"), {"noon": NOON})
            started = time.perf_counter()
            outcome = dispatch(deps, NOON)
            ticks.append(time.perf_counter() - started)
            assert len(claimed) == 100 and outcome.get("sent") == 100, outcome
        figures[future] = {"claim_ms": statistics.median(claims) * 1000,
                           "tick_ms": statistics.median(ticks) * 1000}
        deps.engine.dispose()
        engine.dispose()
    return figures


def memory(api_url: str, url: str | None, workdir: Path, count: int = 10_000) -> dict:
    """Peak RSS of `mentorbot serve` (master and workers) while its scheduler sends 10,000."""
    url = fresh_database(url, workdir)
    engine = prepared(url)
    now = datetime.now(UTC)
    seed_invitations(engine, TEAM, count, now - timedelta(hours=1), RECIPIENTS)
    env = server_env(api_url, TOKEN, url, free_port(), SCHEDULER_TICK_SECONDS="1",
                     QUIET_HOURS_START="00:00", QUIET_HOURS_END="00:00")
    server = start_server([*mentorbot_command(), "serve"], env, workdir)
    started = time.perf_counter()
    try:
        while True:
            with engine.connect() as connection:
                left = connection.scalar(text("SELECT count(*) FROM nudges WHERE status != 'sent'"))
            if not left:
                break
            time.sleep(0.5)
        elapsed = time.perf_counter() - started
        peaks = _peak_rss_kib(server.process.pid)
    finally:
        server.stop()
        engine.dispose()
    return {"nudges": count, "seconds": elapsed, "peak_rss_mib": {
        name: kib / 1024 for name, kib in peaks.items()}}


def _peak_rss_kib(master: int) -> dict[str, int]:
    peaks = {}
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        pid, ppid = int(status.parent.name), int(fields.get("PPid", "0").strip())
        if master in (pid, ppid):
            role = "master" if pid == master else f"worker {pid}"
            peaks[role] = int(fields["VmHWM"].split()[0])
    return peaks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("which", nargs="*",
                        default=["throughput", "workspaces", "scaling", "memory"])
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/bench")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    databases = {"SQLite": None} if args.no_pg else {"SQLite": None, "PostgreSQL": args.pg}
    workdir = Path(tempfile.mkdtemp(prefix="mentorbot-bench-"))
    emulator, api_url = start_emulator()
    lines = []
    try:
        if "throughput" in args.which:
            lines += ["Dispatch throughput: 10,000 due nudges, 10,000 relationships", "",
                      "| database | processes | seconds | nudges/s |", "|---|---:|---:|---:|"]
            for name, url in databases.items():
                for processes in (1, 3) if url else (1,):
                    r = throughput(api_url, url, workdir, processes=processes)
                    assert r["sent"] == r["nudges"], r
                    lines.append(f"| {name} | {processes} | {r['seconds']:.1f} "
                                 f"| {r['per_second']:.0f} |")
                    print(lines[-1], flush=True)
            lines.append("")
        if "workspaces" in args.which:
            lines += ["Dispatch throughput by installed workspaces (OAuth, a token each): "
                      "10,000 nudges, one process", "",
                      "| database | workspaces | seconds | nudges/s | against 1 |",
                      "|---|---:|---:|---:|---:|"]
            for name, url in databases.items():
                one = workspaces(api_url, url, workdir, 1)
                ten = workspaces(api_url, url, workdir, 10)
                for r in (one, ten):
                    assert r["sent"] == 10_000, r
                    lines.append(f"| {name} | {r['teams']} | {r['seconds']:.1f} "
                                 f"| {r['per_second']:.0f} "
                                 f"| {r['per_second'] / one['per_second']:.2f} |")
                print("\n".join(lines[-2:]), flush=True)
            lines.append("")
        if "scaling" in args.which:
            lines += ["One tick finding 100 due nudges, by future rows in the table "
                      "(median of 7)", "",
                      "| database | future rows | claim ms | whole tick ms |",
                      "|---|---:|---:|---:|"]
            for name, url in databases.items():
                figures = scaling(api_url, url, workdir)
                for future, f in figures.items():
                    lines.append(f"| {name} | {future:,} | {f['claim_ms']:.1f} "
                                 f"| {f['tick_ms']:.0f} |")
                small, large = figures[1_000], figures[1_000_000]
                lines.append(f"| {name} | ratio | {large['claim_ms'] / small['claim_ms']:.2f} "
                             f"| {large['tick_ms'] / small['tick_ms']:.2f} |")
                print("\n".join(lines[-3:]), flush=True)
            lines.append("")
        if "memory" in args.which:
            lines += ["Peak RSS of `mentorbot serve` while its scheduler sends 10,000 nudges", "",
                      "| database | seconds | process | peak RSS MiB |", "|---|---:|---|---:|"]
            for name, url in databases.items():
                r = memory(api_url, url, workdir)
                for role, mib in sorted(r["peak_rss_mib"].items()):
                    lines.append(f"| {name} | {r['seconds']:.0f} | {role} | {mib:.0f} |")
                print("\n".join(lines[-len(r['peak_rss_mib']):]), flush=True)
    finally:
        emulator.terminate()
    report = "\n".join(lines)
    print("\n" + report)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "dispatch.md").write_text(report + "\n")


if __name__ == "__main__":
    main()
