"""Run the emulator on its own: `python -m slack_emulator [--light] [port] [user:tz ...]`.

Prints its API URL on the first line, then serves until killed.
"""

from __future__ import annotations

import sys
import time

from slack_emulator.server import SlackEmulator


def main(args: list[str]) -> None:
    light = "--light" in args
    args = [a for a in args if a != "--light"]
    port = int(args[0]) if args else 0
    emulator = SlackEmulator(light=light).start(port=port)
    for spec in args[1:]:
        user_id, _, tz = spec.partition(":")
        emulator.add_user(user_id, user_id.title(), tz=tz or "UTC")
    print(emulator.api_url, flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main(sys.argv[1:])
