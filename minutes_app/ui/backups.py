"""Backups while the window runs: at start and hourly if due, when the app closes (the
meetings' audio left out: see minutes_app.backup), and to a file the user chooses."""

import threading
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from minutes_app.archive import Archive
from minutes_app.backup import BackupError, backup_if_due, copy_to, make_backup
from minutes_app.storage import sqlite_path

CHECK_MS = 10 * 60 * 1000  # backup_if_due decides; checking often keeps "hourly" close


class BackupKeeper(QObject):
    """Copies a SQLite archive with the online backup API (another database keeps its own)."""

    failed = Signal(str)
    copied = Signal(str)  # the file a copy asked for was written to

    def __init__(self, archive: Archive, parent: QObject) -> None:
        super().__init__(parent)
        self.path: Path | None = sqlite_path(str(archive.engine.url))
        self._running: threading.Thread | None = None
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self._check)
        if self.path is not None:
            self._timer.start()
            self._check()

    def _check(self) -> None:
        path = self.path
        assert path is not None
        if self._running is not None and self._running.is_alive():
            return

        def work() -> None:
            try:
                backup_if_due(path)
            except BackupError as error:
                self.failed.emit(str(error))

        # The copy reads the whole file: not on the window's thread.
        self._running = threading.Thread(target=work, name="backup", daemon=True)
        self._running.start()

    def copy_to(self, target: Path) -> threading.Thread:
        """Copy the archive to ``target`` on a worker thread; ``copied`` or ``failed`` tells."""
        path = self.path
        assert path is not None

        def work() -> None:
            try:
                copy_to(path, target)
            except BackupError as error:
                self.failed.emit(str(error))
            else:
                self.copied.emit(str(target))

        thread = threading.Thread(target=work, name="backup-copy", daemon=True)
        thread.start()
        return thread

    def stop(self) -> None:
        """No more backups from now on (the one under way is finished first)."""
        self._timer.stop()
        if self._running is not None:
            self._running.join()

    def at_close(self) -> None:
        """Back up now (the open meetings are written first by their windows)."""
        self.stop()  # two copies at once would share a name
        if self.path is not None:
            try:
                make_backup(self.path, with_audio=False)
            except BackupError as error:
                self.failed.emit(str(error))
