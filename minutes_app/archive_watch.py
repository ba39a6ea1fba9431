"""Whether the files SQLite writes are still the archive's files on disk; reopening when not.

If another program deletes or replaces the archive's ``-wal`` (or the database, or its
``-shm``) while this process has them open, SQLite goes on writing into the deleted file:
everything written from then on is gone at the next crash, while the window says "saved".
The autosave writer asks ``ArchiveWatch.ensure`` after each write, before it reports it
saved: if a file SQLite holds is no longer the one at its path, every connection is closed
and the archive opened again, and the writer writes what it had written since the last
checkpoint once more (it keeps those changes, see autosave).

Closing the old connections must not checkpoint their stale log into the database (another
program may have written to it since: the database would be damaged), so each is told not
to checkpoint on close first (``SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE``).
"""

import ctypes
import os
import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, event

from minutes_app.archive_files import sqlite_files
from minutes_app.i18n import _

NO_CKPT_ON_CLOSE = 1006  # SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE
CLOSE_TIMEOUT = 10.0  # seconds the other threads get to give back their connections
_PROC_FDS = Path("/proc/self/fd")


class ArchiveGone(OSError):
    """The database file is not on the disk any more: reopening would make an empty one."""

    def __init__(self, database: Path) -> None:
        super().__init__(2, _("tệp kho lưu trữ “{file}” không còn trên ổ đĩa; những gì đã gõ vẫn "
                              "được giữ trong cửa sổ").format(file=database), str(database))


@dataclass(frozen=True)
class FileId:
    device: int
    inode: int


def file_id(path: Path | str) -> FileId | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return FileId(status.st_dev, status.st_ino)


def _connection_handle(connection: sqlite3.Connection) -> int | None:
    """The ``sqlite3 *`` of a Python 3.11 connection: the first field after the object header
    (CPython's Modules/_sqlite/connection.h); later Pythons have Connection.setconfig."""
    return ctypes.c_void_p.from_address(id(connection) + object.__basicsize__).value


def no_checkpoint_on_close(connection: sqlite3.Connection, database: Path) -> bool:
    """Tell ``connection`` not to checkpoint its log when it closes; False if it cannot be told."""
    setconfig = getattr(connection, "setconfig", None)
    if setconfig is not None:
        setconfig(NO_CKPT_ON_CLOSE, True)
        return True
    try:
        import _sqlite3

        library = ctypes.CDLL(_sqlite3.__file__)
        handle = _connection_handle(connection)
        filename = library.sqlite3_db_filename
        filename.restype, filename.argtypes = ctypes.c_char_p, [ctypes.c_void_p, ctypes.c_char_p]
        # Only a handle that names this archive is used: never a misread pointer.
        named = filename(handle, b"main") if handle else None
        if not named or os.path.realpath(os.fsdecode(named)) != os.path.realpath(database):
            return False
        config = library.sqlite3_db_config
        config.restype = ctypes.c_int
        done = config(ctypes.c_void_p(handle), ctypes.c_int(NO_CKPT_ON_CLOSE), ctypes.c_int(1),
                      ctypes.POINTER(ctypes.c_int)())
        return bool(done == 0)
    except (AttributeError, OSError):  # no such symbol (Windows: it lives in sqlite3.dll)
        return False


class ArchiveWatch:
    """Watches the files of one SQLite archive for the engine that has it open."""

    def __init__(self, engine: Engine, database: Path) -> None:
        self.engine = engine
        # The database, its -wal and its -shm, named as /proc names the files it holds.
        self.files = sqlite_files(Path(os.path.abspath(database)))[:3]
        self.generation = 0  # how many times the archive was opened again
        self._cond = threading.Condition()
        self._recorded: dict[Path, FileId] | None = None
        self._connections: dict[int, sqlite3.Connection] = {}  # open ones, by id()
        self._reopening = False
        event.listen(engine, "connect", self._connected, insert=True)
        event.listen(engine, "checkin", self._checked_in)
        event.listen(engine, "close", self._closed)
        event.listen(engine, "close_detached", self._closed_detached)

    @property
    def database(self) -> Path:
        return self.files[0]

    # --- the pool's news -------------------------------------------------------------

    def _connected(self, connection: sqlite3.Connection, record: Any) -> None:
        with self._cond:
            # A connection opened while old ones remain would share their stale -shm.
            self._cond.wait_for(lambda: not self._reopening, CLOSE_TIMEOUT)
            record.info["generation"] = self.generation
            self._connections[id(connection)] = connection

    def _checked_in(self, connection: sqlite3.Connection | None, record: Any) -> None:
        if connection is not None and record.info.get("generation", self.generation) != self.generation:
            record.invalidate()  # a connection of the old files: closed, not kept

    def _closed(self, connection: sqlite3.Connection, _record: Any) -> None:
        self._closed_detached(connection)

    def _closed_detached(self, connection: sqlite3.Connection) -> None:
        with self._cond:
            self._connections.pop(id(connection), None)
            self._cond.notify_all()

    # --- the files -------------------------------------------------------------------

    def record(self) -> None:
        """Note the files as they are now; call it with a connection open, after a write."""
        ids = {path: file_id(path) for path in self.files}
        with self._cond:
            if self._recorded is None and all(ids.values()):
                self._recorded = {path: found for path, found in ids.items() if found is not None}

    def moved(self) -> list[Path]:
        """The archive's files SQLite holds that are no longer the files at their paths."""
        moved: list[Path] = []
        with self._cond:
            recorded = dict(self._recorded or {})
        for path, known in recorded.items():
            if file_id(path) != known:
                moved.append(path)
        if _PROC_FDS.is_dir():  # Linux names each descriptor's file, "(deleted)" once unlinked
            deleted = {f"{path} (deleted)": path for path in self.files}
            for descriptor in os.listdir(_PROC_FDS):
                try:
                    target = os.readlink(_PROC_FDS / descriptor)
                except OSError:
                    continue
                if target in deleted and deleted[target] not in moved:
                    moved.append(deleted[target])
        return moved

    def ensure(self) -> int:
        """Open the archive again if its files moved; returns the generation now open."""
        if not self.moved():
            return self.generation
        with self._cond:
            if not self.moved():  # another writer reopened it meanwhile
                return self.generation
            if file_id(self.database) is None:
                raise ArchiveGone(self.database)
            self._reopen()
            return self.generation

    def _reopen(self) -> None:
        for connection in list(self._connections.values()):
            no_checkpoint_on_close(connection, self.database)
        self.generation += 1
        self._recorded = None
        self._reopening = True
        try:
            self.engine.dispose()  # idle connections close now, the others when given back
            if not self._cond.wait_for(lambda: not self._connections, CLOSE_TIMEOUT):
                raise TimeoutError(_("kho lưu trữ đang bận, chưa mở lại được"))
        finally:
            self._reopening = False
            self._cond.notify_all()

    @staticmethod
    def checkpoint(connection: Connection) -> bool:
        """Copy the log into the database file; True when all of it is there."""
        busy, log, done = connection.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)").one()
        return bool(busy == 0 and log == done)
