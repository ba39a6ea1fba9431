"""One window per archive: a lock the window holds for as long as it has the archive open.

The lock is an operating-system lock on a small file (``flock`` on Linux and macOS,
``LockFileEx`` through msvcrt on Windows), so the system releases it when the process ends,
however it ends: a lock left by a crash never blocks the next start. For a SQLite archive the
file lies beside the database, so every program and user that opens that file sees it; for a
server, in the user's data folder. Command-line reads and writes do not take it.
"""

import hashlib
import os
import sys
from pathlib import Path

from sqlalchemy.exc import ArgumentError

from minutes_app import APP_ID
from minutes_app.archive_files import lock_file
from minutes_app.credentials import without_password
from minutes_app.storage import data_dir, sqlite_path

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


def lock_path(url: str) -> Path:
    """The lock file of the archive at ``url`` (a resolved URL)."""
    try:
        database = sqlite_path(url)
    except ArgumentError:  # not an address: opening it will say so
        database = None
    if database is not None:
        return lock_file(Path(os.path.realpath(database)))
    digest = hashlib.sha256(without_password(url).encode()).hexdigest()[:24]
    return data_dir() / "windows" / f"{digest}.lock"


def channel_name(url: str) -> str:
    """A name the window holding the lock answers on (a local socket or a named pipe)."""
    where = os.path.normcase(str(lock_path(url)))
    return f"{APP_ID}-{hashlib.sha256(where.encode()).hexdigest()[:24]}"


def _try_lock(descriptor: int) -> bool:
    try:
        if sys.platform == "win32":
            msvcrt.locking(descriptor, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class WindowLock:
    """The lock on one archive, held by this process until ``release``."""

    def __init__(self, path: Path, descriptor: int) -> None:
        self.path = path
        self._descriptor: int | None = descriptor

    @classmethod
    def take(cls, url: str) -> "WindowLock | None":
        """The archive's lock, or None when another process holds it."""
        path = lock_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_CREAT | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
        try:
            descriptor = os.open(path, os.O_RDWR | flags, 0o644)
        except PermissionError:  # another user's lock file: reading is enough to lock it
            descriptor = os.open(path, os.O_RDONLY | flags)
        if not _try_lock(descriptor):
            os.close(descriptor)
            return None
        return cls(path, descriptor)

    @property
    def held(self) -> bool:
        return self._descriptor is not None

    def release(self) -> None:
        """Let another window open the archive (closing the file releases the lock)."""
        if self._descriptor is None:
            return
        if sys.platform == "win32":  # Windows may release a closed file's lock only later
            os.lseek(self._descriptor, 0, os.SEEK_SET)
            msvcrt.locking(self._descriptor, msvcrt.LK_UNLCK, 1)
        os.close(self._descriptor)
        self._descriptor = None

    def __enter__(self) -> "WindowLock":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.release()

