"""Cold start: a fresh app process until its archive window, listing every meeting, is painted."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

from bench.context import Context, Measured

SCRIPT = Path(__file__).with_name("app_shown.py")


def cold_start(context: Context) -> Measured:
    measured = Measured()
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "MINUTES_APP_UI_SCRIPT": str(SCRIPT),
        "XDG_CONFIG_HOME": str(context.folder / "config"),
    }
    # The first start fills the disk cache: not counted.
    for run in range(context.repeats + 1):
        started = time.time()
        app = subprocess.run([sys.executable, "-m", "minutes_app", "--db", context.url],
                             env=env, capture_output=True, text=True, timeout=120)
        lines = [line for line in app.stdout.splitlines() if line.startswith("{")]
        assert app.returncode == 0 and lines, app.stderr
        report = json.loads(lines[-1])
        if run:
            measured.add("startup", report["shown"] - started)
        measured.facts |= {"loaded at start": report["loaded"], "meetings shown at start": report["rows"]}
    return measured
