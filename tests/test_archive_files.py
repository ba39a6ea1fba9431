"""A file of the open archive named where another file is expected is refused, unopened.

Opening it and closing it again would drop SQLite's locks (minutes_app.archive_files); so
would writing an export over it, which would destroy it besides.
"""

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from minutes_app.archive import import_file, load_meeting, open_archive
from minutes_app.archive_files import ArchiveFileError, is_archive_file, refuse_archive_file
from minutes_app.backup import BackupError, copy_to
from minutes_app.documents import ExportError, export_document
from minutes_app.editing.attendee_list import AttendeeListError, read_attendee_list
from minutes_app.editing.photos import photo_from_file
from minutes_app.images import BadImage
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.interchange.validation import InvalidMeetingFile
from minutes_app.interchange.writing import write_meeting_file
from tests.conftest import EXAMPLE

REFUSED = "đó là tệp của kho lưu trữ đang mở"


def locked_files(folder: Path) -> set[str]:
    """The files in ``folder`` this process holds a POSIX lock on (Linux)."""
    inodes = {os.stat(path).st_ino: path.name for path in folder.iterdir()}
    held = set()
    with open("/proc/locks") as table:
        for line in table:
            fields = line.split()
            if fields[1] != "->" and fields[4] == str(os.getpid()):
                inode = int(fields[5].split(":")[-1])
                if inode in inodes:
                    held.add(inodes[inode])
    return held


def files_state(*paths: Path) -> list[tuple[int, int, int]]:
    # By stat only: reading the database here would drop SQLite's locks, the very trap.
    return [(status.st_ino, status.st_size, status.st_mtime_ns) for status in map(os.stat, paths)]


def test_every_reader_and_writer_refuses_the_open_archives_files(tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    database = folder / "archive.db"
    with open_archive(f"sqlite:///{database}") as archive, archive.sessions() as session:
        meeting = load_meeting(session, import_file(archive, EXAMPLE))
        wal, shm = Path(f"{database}-wal"), Path(f"{database}-shm")
        before = files_state(database, wal, shm)
        locked = locked_files(folder) if Path("/proc/locks").exists() else None
        (tmp_path / "list.csv").symlink_to(database)  # the archive under another name
        shutil.copytree(EXAMPLE.parent, tmp_path / "meeting")
        relying = tmp_path / "meeting" / "meeting.json"
        relying.write_text(relying.read_text(encoding="utf-8").replace("photos/p0.jpg", "../kho/archive.db-wal"),
                           encoding="utf-8")

        with pytest.raises(InvalidMeetingFile, match=REFUSED):
            read_meeting_file(database)
        with pytest.raises(InvalidMeetingFile, match=REFUSED):  # a meeting file naming it as a photo
            read_meeting_file(relying)
        with pytest.raises(BadImage, match=REFUSED):
            photo_from_file(shm)
        with pytest.raises(AttendeeListError, match=REFUSED):
            read_attendee_list(tmp_path / "list.csv")
        for document, fmt in (("minutes", "docx"), ("press-release", "pdf")):
            with pytest.raises(ExportError, match=REFUSED):
                export_document(meeting, document, fmt, database)
        with pytest.raises(ArchiveFileError):
            write_meeting_file(meeting, wal)
        with pytest.raises(BackupError, match=REFUSED):
            copy_to(database, database)

        assert files_state(database, wal, shm) == before
        if locked is not None:
            assert locked == {"archive.db", "archive.db-shm"}
            assert locked_files(folder) == locked  # nothing opened them behind SQLite's back
    connection = sqlite3.connect(database)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()


def test_other_files_beside_it_are_not_refused(tmp_path: Path) -> None:
    database = tmp_path / "archive.sqlite3"
    with open_archive(f"sqlite:///{database}"):
        assert is_archive_file(Path(f"{database}-wal"))
        assert is_archive_file(tmp_path / ".archive.sqlite3.window-lock")
        assert not is_archive_file(tmp_path / "archive.sqlite3.json")
        assert not is_archive_file(tmp_path / "backups" / "archive-20260101-000000.sqlite3")
        assert not is_archive_file(database, include_databases=False)
        refuse_archive_file(tmp_path / "meeting.json")  # no error
