"""The run's last act stops whatever processes its tests left, grandchildren included."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tests.leftovers import _alive, descendants, stop_all


def test_stop_all_stops_children_and_their_children():
    # A child that starts a grandchild and ignores SIGTERM, as a stuck server might.
    script = ("import signal, subprocess, time; signal.signal(signal.SIGTERM, signal.SIG_IGN);"
              "subprocess.Popen(['sleep', '60']); time.sleep(60)")
    child = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 10
    while len(descendants(os.getpid())) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    found = descendants(os.getpid())
    assert child.pid in found and len(found) >= 2
    stop_all(os.getpid(), grace=0.5)
    child.wait(timeout=5)
    time.sleep(0.2)
    assert [pid for pid in found if _alive(pid)] == []
