"""The alert rules an operator loads read metrics mentorbot exposes, and each has its
runbook entry in the README."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from bot.support import metrics

ROOT = Path(__file__).resolve().parents[2]


def rules() -> list[dict]:
    [group] = yaml.safe_load((ROOT / "deploy" / "alerts.yml").read_text())["groups"]
    return group["rules"]


def exposed() -> set[str]:
    """Every sample name /metrics can carry: counters with _total, histograms with their
    series, and the outbox gauges read at each scrape."""
    made = metrics._make()
    names = set()
    for metric in vars(made).values():
        base = metric._name
        kind = metric._type
        if kind == "counter":
            names |= {f"{base}_total", f"{base}_created"}
        elif kind == "histogram":
            names |= {f"{base}_bucket", f"{base}_count", f"{base}_sum"}
        else:
            names.add(base)
    return names | {"mentorbot_outbox_due_unsent", "mentorbot_outbox_oldest_due_age_seconds"}


def test_every_rule_reads_metrics_that_exist(monkeypatch):
    from prometheus_client import REGISTRY

    monkeypatch.setattr(REGISTRY, "register", lambda collector: None)  # made twice here
    known = exposed()
    for rule in rules():
        used = set(re.findall(r"\b(mentorbot_[a-z_]+)", rule["expr"]))
        assert used and used <= known, (rule["alert"], used - known)


def test_the_outcomes_rules_name_are_outcomes_mentorbot_counts():
    from bot.domain.nudges.delivery import DeliveryOutcome

    outcomes = {o.value for o in DeliveryOutcome}
    [failing] = [r for r in rules() if r["alert"] == "MentorbotNudgesFailing"]
    named = set(re.search(r'outcome=~"([^"]+)"', failing["expr"]).group(1).split("|"))
    assert named <= outcomes


def test_each_alert_has_its_runbook_entry():
    readme = (ROOT / "README.md").read_text()
    for rule in rules():
        anchor = rule["annotations"]["runbook"].split("#")[1]
        assert re.search(rf"^#### {rule['alert']}$", readme, re.M), rule["alert"]
        assert anchor == rule["alert"].lower()  # GitHub's anchor for that heading
        assert rule["labels"]["severity"] in ("page", "ticket")
