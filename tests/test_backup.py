"""Backups: made online, checked, kept by age, restored; a damaged archive is named as such."""

import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from minutes_app import backup
from minutes_app.archive import ArchiveDamaged, import_file, list_meetings, open_archive
from tests.conftest import EXAMPLE


def _titles(path: Path) -> list[str]:
    with open_archive(f"sqlite:///{path}") as archive:
        return [m.title for m in list_meetings(archive)]


@pytest.fixture
def archive_file(tmp_path: Path) -> Path:
    path = tmp_path / "archive.sqlite3"
    with open_archive(f"sqlite:///{path}") as archive:
        import_file(archive, EXAMPLE)
    return path


def test_a_backup_is_a_good_copy_without_a_journal(archive_file: Path) -> None:
    copy = backup.make_backup(archive_file)
    assert copy.parent == archive_file.parent / "backups"
    assert backup.is_good(copy)
    assert sorted(p.name for p in copy.parent.iterdir()) == [copy.name]
    assert _titles(copy) == _titles(archive_file)


def test_backup_while_another_connection_writes(archive_file: Path) -> None:
    stop = threading.Event()

    def write() -> None:
        connection = sqlite3.connect(archive_file)
        while not stop.is_set():
            connection.execute("UPDATE speech SET summary = summary || 'x'")
            connection.commit()
        connection.close()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        copies = [backup.make_backup(archive_file, datetime(2026, 1, 1, 0, 0, i)) for i in range(5)]
    finally:
        stop.set()
        writer.join()
    assert all(backup.is_good(c) for c in copies)


def test_copies_made_in_the_same_second_are_listed_newest_first(archive_file: Path) -> None:
    when = datetime(2026, 1, 1, 8, 0, 0)
    copies = [backup.make_backup(archive_file, when) for _ in range(3)]
    assert [c.name for c in copies] == [
        "archive-20260101-080000.sqlite3", "archive-20260101-080000-2.sqlite3", "archive-20260101-080000-3.sqlite3"]
    assert backup.list_backups(archive_file) == copies[::-1]


def test_the_last_ten_and_one_a_day_for_thirty_days_are_kept(archive_file: Path) -> None:
    start = datetime(2026, 1, 1, 9, 0)
    times = [start + timedelta(hours=5 * i) for i in range(300)]  # ~62 days, several a day
    for when in times:
        backup.make_backup(archive_file, when)
    now = times[-1]
    kept = {backup._taken_at(p) for p in backup.list_backups(archive_file)}
    expected = set(times[-10:])
    for day in {t.date() for t in times if now - t <= timedelta(days=30)}:
        expected.add(max(t for t in times if t.date() == day))
    assert kept == expected


def test_backup_if_due_waits_an_hour(archive_file: Path) -> None:
    first = backup.backup_if_due(archive_file, datetime(2026, 3, 1, 8, 0))
    assert first is not None
    assert backup.backup_if_due(archive_file, datetime(2026, 3, 1, 8, 59)) is None
    assert backup.backup_if_due(archive_file, datetime(2026, 3, 1, 9, 0)) is not None


def test_a_damaged_archive_names_the_newest_good_backup(archive_file: Path) -> None:
    good = backup.make_backup(archive_file, datetime(2026, 3, 1, 8, 0))
    broken = backup.make_backup(archive_file, datetime(2026, 3, 1, 9, 0))
    broken.write_bytes(b"\0" * 4096)
    archive_file.write_bytes(archive_file.read_bytes()[:100] + b"\xff" * 4000)
    with pytest.raises(ArchiveDamaged) as raised:
        open_archive(f"sqlite:///{archive_file}")
    assert raised.value.backup == good
    assert "bị hỏng hoặc không đọc được" in str(raised.value)
    assert f'minutes-app restore "{good}"' in str(raised.value)

    kept = backup.restore(archive_file, good, datetime(2026, 3, 1, 10, 0))
    assert kept is not None and kept.name == "archive.damaged-20260301-100000.sqlite3"
    assert _titles(archive_file)[0].startswith("Hội nghị sơ kết")


def test_restore_backs_up_the_current_archive_first(archive_file: Path, tmp_path: Path) -> None:
    old = backup.make_backup(archive_file, datetime(2026, 3, 1, 8, 0))
    with open_archive(f"sqlite:///{archive_file}") as archive:
        import_file(archive, EXAMPLE)
    assert len(_titles(archive_file)) == 2
    kept = backup.restore(archive_file, old, datetime(2026, 3, 1, 9, 0))
    assert len(_titles(archive_file)) == 1
    assert kept is not None and len(_titles(kept)) == 2

    not_a_backup = tmp_path / "notes.txt"
    not_a_backup.write_text("hello", encoding="utf-8")
    with pytest.raises(backup.BackupError, match="không phải là một bản sao lưu hợp lệ"):
        backup.restore(archive_file, not_a_backup)
    assert len(_titles(archive_file)) == 1


def test_restoring_the_oldest_kept_backup_of_a_day(archive_file: Path) -> None:
    """The backup taken before a restore may push the chosen one out of the kept ones: it is
    copied before that."""
    day = datetime(2026, 3, 1, 8, 0)
    oldest = backup.make_backup(archive_file, day)
    with open_archive(f"sqlite:///{archive_file}") as archive:
        import_file(archive, EXAMPLE)
    for minutes in range(1, 10):
        backup.make_backup(archive_file, day + timedelta(minutes=minutes))
    assert backup.list_backups(archive_file)[-1] == oldest  # the tenth: next to go
    backup.restore(archive_file, oldest, day + timedelta(hours=1))
    assert not oldest.exists()  # pruned by the backup of the current archive, after its copy
    assert len(_titles(archive_file)) == 1


def _cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes_app", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=60)


def test_cli_backup_and_restore(archive_file: Path) -> None:
    db = f"sqlite:///{archive_file}"
    made = _cli("backup", "--db", db)
    assert made.returncode == 0
    copy = Path(made.stdout.strip())
    assert backup.is_good(copy)
    assert _cli("backup", "--list", "--db", db).stdout == f"{copy}\n"
    _cli("import", str(EXAMPLE), "--db", db)

    refused = _cli("restore", str(copy), "--db", db, stdin="không\n")
    assert refused.returncode == 1 and "Không khôi phục." in refused.stderr
    assert len(_titles(archive_file)) == 2

    done = _cli("restore", str(copy), "--db", db, stdin="c\n")
    assert done.returncode == 0, done.stderr
    assert f"Đã khôi phục “{archive_file}”" in done.stdout
    assert len(_titles(archive_file)) == 1

    server = _cli("backup", "--db", "postgresql+psycopg://user@localhost/archive")
    assert server.returncode == 1 and "pg_dump" in server.stderr

    archive_file.write_bytes(b"not a database at all" * 100)
    damaged = _cli("list", "--db", db)
    assert damaged.returncode == 1 and "Traceback" not in damaged.stderr
    assert "bị hỏng hoặc không đọc được" in damaged.stderr


def test_backups_say_whether_they_hold_the_audio_and_a_restore_keeps_it(archive_file: Path, tmp_path: Path) -> None:
    from tests.audio_helpers import START, speak

    db = f"sqlite:///{archive_file}"
    speech = tmp_path / "speech.wav"  # a minute: 75 kB of audio
    subprocess.run(["sox", str(speak("Xin chào các đồng chí", tmp_path / "hello.wav")), str(speech), "repeat", "40"],
                   check=True)
    assert _cli("audio", "1", "--attach", str(speech), "--start", START, "--db", db).returncode == 0
    hourly = backup.backup_if_due(archive_file, datetime(2026, 3, 1, 8, 0))
    by_hand = Path(_cli("backup", "--db", db).stdout.strip())
    small = Path(_cli("backup", "--without-audio", "--db", db).stdout.strip())
    assert hourly is not None and hourly.stat().st_size < by_hand.stat().st_size - 60_000
    assert _cli("backup", "--list", "--db", db).stdout.splitlines() == [
        f"{small}\t(không kèm ghi âm)", f"{by_hand}\t(có ghi âm)", f"{hourly}\t(không kèm ghi âm)"]

    # A copy without the audio restored: the audio comes back from the archive it replaces.
    done = _cli("restore", str(hourly), "--db", db, "--yes")
    assert done.returncode == 0, done.stderr
    assert backup.audio_included(archive_file) is True
    assert _cli("audio", "1", "--info", "--db", db).stdout.splitlines()[0].startswith(f"Đoạn 1\t{START}\t")
