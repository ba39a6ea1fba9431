"""One window per archive: a second start brings the first window forward; a lock left by a
killed process does not stop the next start; the command line still reads and writes."""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from minutes_app.archive import import_file, open_archive
from minutes_app.window_lock import WindowLock, channel_name, lock_path
from tests.conftest import EXAMPLE

SCRIPTS = Path(__file__).parent / "app_scripts"
HOLD = "import sys, time; from minutes_app.window_lock import WindowLock; lock = WindowLock.take(sys.argv[1]); " \
       "print('held' if lock else 'taken', flush=True); time.sleep(60)"


def _app(url: str, tmp_path: Path, *args: str, **env: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "minutes_app", "--db", url, *args],
        env=os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
                          "PYTHONIOENCODING": "utf-8"} | env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )


def _window(url: str, tmp_path: Path, **env: str) -> subprocess.Popen[str]:
    window = _app(url, tmp_path, MINUTES_APP_UI_SCRIPT=str(SCRIPTS / "say_when_asked.py"), **env)
    assert window.stdout is not None
    assert window.stdout.readline().strip() == "ready", window.stderr.read() if window.stderr else ""
    return window


def test_the_lock_is_held_by_one_process_and_freed_when_it_is_killed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'archive.db'}"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, url], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert WindowLock.take(url) is None
        holder.send_signal(signal.SIGKILL)
        holder.wait()
    finally:
        holder.kill()
    assert lock_path(url).exists()  # left behind, and no obstacle
    assert lock_path(url) == tmp_path / ".archive.db.window-lock"
    lock = WindowLock.take(url)
    assert lock is not None and lock.held
    lock.release()
    assert not lock.held
    again = WindowLock.take(url)  # released: free again
    assert again is not None
    again.release()
    # The same archive by another spelling is the same lock; another archive is another one.
    assert channel_name(f"sqlite:///{tmp_path / '.' / 'archive.db'}") == channel_name(url)
    assert channel_name(f"sqlite:///{tmp_path / 'other.db'}") != channel_name(url)


def test_a_second_start_brings_the_first_window_forward(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'archive.db'}"
    with open_archive(url) as archive:
        import_file(archive, EXAMPLE)
    first = _window(url, tmp_path)
    try:
        started = time.monotonic()
        second = _app(url, tmp_path)
        out, errors = second.communicate(timeout=120)
        assert second.returncode == 0, errors
        assert "đã mở trong một cửa sổ khác" in out
        assert first.stdout is not None and first.stdout.readline().strip() == "asked 1"
        assert time.monotonic() - started < 60

        # The command line reads and writes meanwhile, as SQLite allows.
        listed = _app(url, tmp_path, "list")
        out, errors = listed.communicate(timeout=120)
        assert listed.returncode == 0 and "Hội nghị sơ kết" in out, errors
        imported = _app(url, tmp_path, "import", str(EXAMPLE))
        assert imported.communicate(timeout=120)[0].strip() == "2"
        # Only a restore waits: it would replace the files under the window.
        restore = _app(url, tmp_path, "restore", "-y", str(tmp_path / "copy.sqlite3"))
        _, errors = restore.communicate(timeout=120)
        assert restore.returncode == 1 and "đang mở trong cửa sổ ứng dụng" in errors
    finally:
        first.send_signal(signal.SIGKILL)
        first.communicate(timeout=60)

    # Killed: its lock file, and on Linux its socket file, are left behind; a new start opens.
    assert lock_path(url).exists()
    if sys.platform != "win32":  # a named pipe goes with its process; a socket file stays
        assert (Path(tempfile.gettempdir()) / channel_name(url)).exists()
    third = _window(url, tmp_path, QUIT_AFTER="0.5")
    _, errors = third.communicate(timeout=120)
    assert third.returncode == 0, errors
