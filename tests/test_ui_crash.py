"""Killing the running app (SIGKILL) right after typing loses nothing typed a second before."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from minutes_app.archive import import_file

SCRIPTS = Path(__file__).parent / "app_scripts"
TEXT = "Đồng chí Phạm Minh Tấn đề nghị bổ sung kinh phí cho 12 xã vùng sâu, vùng xa."


def _app(tmp_path: Path, db_url: str, script: str, meeting_id: int) -> subprocess.Popen[str]:
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "MINUTES_APP_UI_SCRIPT": str(SCRIPTS / script),
        "MEETING_ID": str(meeting_id),
        "TEXT": TEXT,
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "minutes_app", "--db", db_url],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )


def test_killed_app_keeps_what_was_typed_a_second_before(archive, example_dir: Path, tmp_path: Path, db_url: str) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    archive.close()
    app = _app(tmp_path, db_url, "type_then_wait.py", meeting_id)
    typed_at: list[float] = []
    try:
        assert app.stdout is not None
        for line in app.stdout:
            if line.startswith("typed "):
                typed_at.append(float(line.split()[2]))
            elif line.strip() == "done":
                break
        app.send_signal(signal.SIGKILL)
        killed_at = time.time()
    finally:
        app.kill()
        _, errors = app.communicate(timeout=30)
    assert len(typed_at) == len(TEXT), errors
    assert app.returncode == -signal.SIGKILL

    reopened = _app(tmp_path, db_url, "print_meeting.py", meeting_id)
    out, errors = reopened.communicate(timeout=60)
    assert reopened.returncode == 0, errors
    summary = json.loads(out.strip().splitlines()[-1])["summary"]
    safe = sum(1 for t in typed_at if t <= killed_at - 1.0)
    assert summary.startswith(TEXT[:safe])
    assert TEXT.startswith(summary)
    # Typing took about 2.4 s, so most of it is older than a second.
    assert safe > len(TEXT) // 2
