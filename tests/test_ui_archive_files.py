"""The real window keeps its archive whatever its file dialogs and another process do.

The app is started on an archive, shows each kind of file dialog it has in the archive's
folder, then another process lists and dumps the archive, then the window types a speech and
is killed (SIGKILL). Restarted, it must show everything it reported saved; and during the
whole run it must never have held a deleted archive file open (which is what happens when a
dialog closes a descriptor of the archive: SQLite's locks are gone, the other process deletes
the write-ahead log, and the window goes on writing into the deleted file).
"""

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from minutes_app.archive import import_file, open_archive
from tests.helpers import report

SCRIPTS = Path(__file__).parent / "app_scripts"
TEXT = "Đồng chí Lê Thị Hoa đề nghị bổ sung 3 điểm truy cập Wi-Fi công cộng cho xã Đồng Tâm."
DIALOGS = ("import", "export-meeting", "export-document", "photos", "attendee-list", "backup", "restore",
           "archive-choice")
PROC = Path("/proc")


class DeletedFilesWatch(threading.Thread):
    """Looks at a process's open files every 20 ms for an archive file that was deleted."""

    def __init__(self, pid: int, folder: Path) -> None:
        super().__init__(daemon=True)
        self.fds = PROC / str(pid) / "fd"
        self.folder = str(folder)
        self.seen: set[str] = set()
        self.looks = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.02):
            try:
                descriptors = os.listdir(self.fds)
            except OSError:
                return
            for descriptor in descriptors:
                try:
                    target = os.readlink(self.fds / descriptor)
                except OSError:
                    continue
                if target.startswith(self.folder) and target.endswith(" (deleted)"):
                    self.seen.add(target)
            self.looks += 1


def _start(folder: Path, name: str, script: str, meeting_id: int, tmp_path: Path) -> subprocess.Popen[str]:
    url = f"sqlite:///{folder / name}"
    env = os.environ | {
        "QT_QPA_PLATFORM": "offscreen",
        "MINUTES_APP_UI_SCRIPT": str(SCRIPTS / script),
        "MEETING_ID": str(meeting_id),
        "TEXT": TEXT,
        "ARCHIVE_FOLDER": str(folder),
        "ARCHIVE_URL": url,
        "ARCHIVE_NAME": name,
        "DUMP_TO": str(tmp_path / "dump" / "meeting.json"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONIOENCODING": "utf-8",
    }
    return subprocess.Popen(
        [sys.executable, "-m", "minutes_app", "--db", url],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
    )


@pytest.mark.parametrize("name", ["archive.db", "archive.sqlite3"])
def test_file_dialogs_and_another_process_lose_nothing_saved(name: str, example_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    folder.mkdir()
    with open_archive(f"sqlite:///{folder / name}") as archive:
        meeting_id = import_file(archive, example_dir / "meeting.json")
    # What a secretary keeps beside the archive: the dialogs list these, each in its kind.
    shutil.copy(example_dir / "meeting.json", folder / "hội nghị.json")
    shutil.copy(example_dir / "photos" / "p0.jpg", folder / "ảnh.jpg")
    (folder / "đại biểu.csv").write_text("Họ và tên,Chức vụ\nNguyễn Văn An,Giám đốc\n", encoding="utf-8")

    app = _start(folder, name, "dialogs_then_type.py", meeting_id, tmp_path)
    watch = DeletedFilesWatch(app.pid, folder)
    watch.start()
    locked_at_start: list[str] | None = None
    dialogs: dict[str, tuple[list[str] | None, list[str] | None]] = {}
    other: list[str] = []
    typed: list[int] = []  # the editor's change number after each key
    saved = 0
    try:
        assert app.stdout is not None
        for line in app.stdout:
            word, *rest = line.split("\t" if "\t" in line else " ")
            if word == "locked":
                locked_at_start = json.loads(rest[0])
            elif word == "dialog":
                dialogs[rest[0]] = (json.loads(rest[1]), json.loads(rest[2]))
            elif word == "other":
                other = rest
            elif word == "typed":
                typed.append(int(rest[1]))
            elif word == "saved":
                saved = max(saved, int(rest[0]))
            elif line.strip() == "done":
                break
        app.send_signal(signal.SIGKILL)
    finally:
        watch.stop.set()
        app.kill()
        _, errors = app.communicate(timeout=60)
    watch.join()

    assert list(dialogs) == list(DIALOGS), errors
    own_files = {name, f"{name}-wal", f"{name}-shm", f"{name}-journal", f".{name}.window-lock"}
    if locked_at_start is not None:  # where /proc/locks tells: SQLite locks the database and its -shm
        assert locked_at_start == sorted([name, f"{name}-shm"])
    for kind, (locked, names) in dialogs.items():
        assert names is not None, f"the {kind} dialog never listed the archive's folder"
        shown = own_files & set(names)
        # Choosing an archive lists the archive itself, never its other files.
        assert shown == ({name} if kind == "archive-choice" else set()), kind
        assert locked == locked_at_start, f"the {kind} dialog dropped SQLite's locks"
    assert "backups" in dialogs["import"][1]
    assert "hội nghị.json" in dialogs["import"][1] and "ảnh.jpg" in dialogs["photos"][1]
    assert "đại biểu.csv" in dialogs["attendee-list"][1]
    assert other[:2] == ["0", "0"], errors  # the other process listed and dumped the archive
    assert json.loads((tmp_path / "dump" / "meeting.json").read_text(encoding="utf-8"))["title"]
    if PROC.is_dir():
        assert watch.looks > 50
        assert watch.seen == set(), "the window held a deleted archive file open"
    assert len(typed) == len(TEXT) and saved > 0, errors

    reopened = _start(folder, name, "print_meeting.py", meeting_id, tmp_path)
    out, errors = reopened.communicate(timeout=120)
    assert reopened.returncode == 0, errors
    summary = json.loads(out.strip().splitlines()[-1])["summary"]
    reported_saved = sum(1 for number in typed if number <= saved)
    assert summary.startswith(TEXT[:reported_saved]), (summary, reported_saved)
    assert TEXT.startswith(summary)
    # The window wrote about once a second while typing: most of it was reported saved.
    assert reported_saved > len(TEXT) // 2
    report("archive-files", name, {
        "dialogs": len(dialogs),
        "locked_after_each": locked_at_start,
        "characters_typed": len(typed),
        "characters_reported_saved": reported_saved,
        "characters_there_after_sigkill": len(summary),
        "looks_at_open_files": watch.looks,
        "deleted_files_held": len(watch.seen),
    })
