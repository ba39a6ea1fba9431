"""The files of a SQLite archive, which nothing but SQLite may open in this process.

On Linux and macOS SQLite's locks are POSIX advisory locks: they belong to the process, and
closing *any* descriptor of the database or of its ``-wal``/``-shm``, opened by anything in
the process, drops them all ("How To Corrupt An SQLite Database File", section 2.2). Another
program then believes it is alone, checkpoints and deletes the write-ahead log, and this
process goes on writing into a deleted file. So every file a user names (to import, export,
add as a photo, back up to...) is checked here before it is read or written, and the file
dialogs keep these files out of their listings.
"""

import os
import threading
from pathlib import Path

from minutes_app.i18n import _

# SQLite's own files beside the database; the window's lock file is named by window_lock.
SIDE_SUFFIXES = ("-wal", "-shm", "-journal")

_lock = threading.Lock()
_archives: set[Path] = set()  # the SQLite archives this process has opened


class ArchiveFileError(PermissionError):
    """A file of an open archive was named where another file was expected."""

    def __init__(self, path: Path) -> None:
        reason = _("đó là tệp của kho lưu trữ đang mở; chỉ ứng dụng được đọc và ghi nó, hãy chọn tệp khác")
        super().__init__(13, reason, str(path))  # 13: EACCES, on every system


def sqlite_files(database: Path) -> tuple[Path, ...]:
    """The database file and the files SQLite keeps beside it."""
    return (database, *(database.with_name(database.name + suffix) for suffix in SIDE_SUFFIXES))


def lock_file(database: Path) -> Path:
    """The file a window holds locked while it has the archive open (see window_lock)."""
    return database.with_name(f".{database.name}.window-lock")


def _normal(path: Path | str) -> str:
    return os.path.normcase(os.path.abspath(path))


def note_opened(database: Path) -> None:
    """Remember that this process opened the archive ``database`` (for the rest of its life),
    by the name given and by its real name (SQLite names the -wal and -shm after the latter)."""
    with _lock:
        _archives.update({Path(_normal(database)), Path(_normal(os.path.realpath(database)))})


def open_archives() -> list[Path]:
    with _lock:
        return sorted(_archives)


def archive_files(include_databases: bool = True) -> list[Path]:
    """Every file of the archives this process opened (the databases themselves too, unless
    ``include_databases`` is False)."""
    files: list[Path] = []
    for database in open_archives():
        own = sqlite_files(database) + (lock_file(database),)
        files.extend(own if include_databases else own[1:])
    return files


def _identity(path: str) -> tuple[int, int] | None:
    try:
        status = os.stat(path)  # stat opens nothing on POSIX systems
    except OSError:
        return None
    return (status.st_dev, status.st_ino) if status.st_ino else None


def is_archive_file(path: Path | str, include_databases: bool = True) -> bool:
    """Whether ``path`` is one of those files, by name or as the same file under another name."""
    files = archive_files(include_databases)
    if not files:
        return False
    wanted = _normal(path)
    if any(wanted == _normal(file) for file in files):
        return True
    identity = _identity(wanted)
    return identity is not None and any(identity == _identity(str(file)) for file in files)


def refuse_archive_file(path: Path) -> None:
    """Raise ArchiveFileError (an OSError) if ``path`` is a file of an open archive."""
    if is_archive_file(path):
        raise ArchiveFileError(path)
