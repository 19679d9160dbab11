"""What it costs to build a person's App Home and the coordinator's report.

    python -m bench.views [--pg URL | --no-pg]

The Home is rebuilt (and re-read once to check it is not stale) after every change a
person sees, so it must stay cheap however many relationships they have; the report reads
a whole programme. Both are measured in-process against a seeded database: median time,
SQL statements issued, and (for the report) peak Python memory while building it.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
import tracemalloc
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import event, insert, select

from bot.db.engine import make_engine, make_session_factory
from bot.db.migrate import upgrade_to_head
from bot.db.models import Invitation, Meeting, Relationship
from bot.db.uow import UnitOfWork
from bot.domain.nudges import DEFAULT_TIMING
from bot.messages.home import home_view
from bot.services import overview, report
from tests.seed import wipe_postgres_schema

TEAM = "T0BENCH"
PERSON = "UBENCHME1"
NOW = datetime(2027, 6, 1, 12, 0, tzinfo=UTC)
MEETINGS_EACH = 6
RESULTS = Path(__file__).parent / "results"


def seed_programme(engine, relationships: int, person_share: int = 0) -> None:
    """`relationships` pairs, a fifth active and the rest completed, each with six
    meetings; the first `person_share` of them have PERSON as mentee or mentor."""
    day = timedelta(days=1)
    rows = []
    for n in range(relationships):
        mine = n < person_share
        mentee = PERSON if mine and n % 2 == 0 else f"UE{n:07d}"
        mentor = PERSON if mine and n % 2 == 1 else f"UR{n:07d}"
        active = n % 5 == 0
        rows.append({"team_id": TEAM, "mentee_id": mentee, "mentor_id": mentor,
                     "state": "active" if active else "completed", "version": 1,
                     "cadence": "biweekly", "minutes": 45, "months": 6,
                     "meeting_format": "video", "created_at": NOW - 200 * day,
                     "active_at": NOW - 100 * day,
                     "completed_at": None if active else NOW - 10 * day,
                     "late_changes_mentee": n % 3, "late_changes_mentor": n % 2})
    with engine.begin() as connection:
        for start in range(0, len(rows), 5000):
            connection.execute(insert(Relationship), rows[start:start + 5000])
        ids = list(connection.scalars(select(Relationship.id).order_by(Relationship.id)))
        connection.execute(insert(Invitation), [
            {"relationship_id": rid, "team_id": TEAM, "intro": "intro", "why_them": "why",
             "offer": "offer", "handles_logistics": True, "reply_by": date(2027, 1, 1),
             "reply_by_at": NOW - 190 * day} for rid in ids])
        meetings = []
        for rid in ids:
            for k in range(MEETINGS_EACH):
                starts = NOW - (90 - 14 * k) * day
                meetings.append({
                    "team_id": TEAM, "relationship_id": rid, "starts_at": starts,
                    "minutes": 45, "meeting_format": "video", "link": "https://zoom.us/j/1",
                    "status": "scheduled" if starts > NOW else "held",
                    "uid": f"{rid}-{k}@bench", "sequence": 0, "created_at": starts - 7 * day,
                    "agenda_sent_at": starts - (2 - k % 3) * day,
                    "thanks_sent_at": starts + day if k % 2 else None})
        for start in range(0, len(meetings), 5000):
            connection.execute(insert(Meeting), meetings[start:start + 5000])


def counting_statements(engine) -> list[int]:
    count = [0]
    event.listen(engine, "before_cursor_execute", lambda *args: count.__setitem__(0,
                                                                                  count[0] + 1))
    return count


def bench_home(url: str) -> dict:
    engine = make_engine(url)
    upgrade_to_head(engine)
    seed_programme(engine, 60, person_share=60)
    reader = make_session_factory(engine, read_only=True)
    statements = counting_statements(engine)
    times, blocks = [], 0
    for _ in range(30):
        before = statements[0]
        started = time.perf_counter()
        with UnitOfWork(reader) as uow:
            standings = overview.of_person(uow, TEAM, PERSON, NOW, DEFAULT_TIMING)
        view = home_view(PERSON, standings, True, NOW, "Europe/Berlin")
        times.append(time.perf_counter() - started)
        per_build = statements[0] - before
        blocks = len(view["blocks"])
    engine.dispose()
    return {"relationships": 60, "median_ms": statistics.median(times) * 1000,
            "statements": per_build, "blocks": blocks}


def bench_report(url: str, relationships: int) -> dict:
    engine = make_engine(url)
    upgrade_to_head(engine)
    seed_programme(engine, relationships)
    reader = make_session_factory(engine, read_only=True)
    statements = counting_statements(engine)
    times = []
    for attempt in range(3):
        if attempt == 2:
            tracemalloc.start()
        before = statements[0]
        started = time.perf_counter()
        with UnitOfWork(reader) as uow:
            figures = report.programme(uow, TEAM, NOW)
        csv_text = report.as_csv(figures)
        times.append(time.perf_counter() - started)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    engine.dispose()
    return {"relationships": relationships, "meetings": relationships * MEETINGS_EACH,
            "median_s": statistics.median(times), "statements": statements[0] - before,
            "peak_mib": peak / 2**20, "csv_kib": len(csv_text) / 1024}


def fresh(url: str | None, workdir: Path) -> str:
    if url is None:
        return f"sqlite:///{workdir / f'views-{time.monotonic_ns()}.db'}"
    wipe_postgres_schema(url)
    return url


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pg", default="postgresql+psycopg://postgres@127.0.0.1:5432/bench")
    parser.add_argument("--no-pg", action="store_true", help="SQLite only")
    args = parser.parse_args()
    databases = {"SQLite": None} if args.no_pg else {"SQLite": None, "PostgreSQL": args.pg}
    workdir = Path(tempfile.mkdtemp(prefix="mentorbot-bench-views-"))
    lines = ["| database | what | figures |", "|---|---|---|"]
    for name, url in databases.items():
        home = bench_home(fresh(url, workdir))
        lines.append(f"| {name} | App Home, 60 relationships ({MEETINGS_EACH} meetings each) "
                     f"| {home['median_ms']:.1f} ms median, {home['statements']} SQL "
                     f"statements, {home['blocks']} blocks |")
        for size in (1_000, 10_000):
            got = bench_report(fresh(url, workdir), size)
            lines.append(f"| {name} | report + CSV, {size:,} relationships, "
                         f"{got['meetings']:,} meetings | {got['median_s'] * 1000:.0f} ms "
                         f"median, {got['statements']} SQL statements, peak "
                         f"{got['peak_mib']:.1f} MiB, CSV {got['csv_kib']:.0f} KiB |")
    table = "\n".join(lines)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "views.md").write_text(table + "\n")
    print(table)


if __name__ == "__main__":
    main()
