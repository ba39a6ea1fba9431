"""Backups of the SQLite archive, made with SQLite's online backup API.

The backup API copies a consistent snapshot even while another connection writes,
which a plain file copy of a WAL database does not. Copies go to ``backups/`` beside
the archive (in the user's data folder for the default archive): the last 10, and the
newest of each day for 30 days. Each copy is checked after it is made, so the newest
*good* copy is known when the archive itself is damaged.

The meetings' audio is the bulk of an archive (about 10 MB an hour) and never changes once
recorded: the automatic copies leave it out (they keep which segments existed), a copy
made by hand keeps it, and restoring a copy without it takes the audio back from the
archive it replaces.
"""

import os
import re
import shutil
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

from minutes_app.archive_files import refuse_archive_file
from minutes_app.i18n import _

KEEP_LATEST = 10
KEEP_DAYS = 30
INTERVAL = timedelta(hours=1)
_STAMP = "%Y%m%d-%H%M%S"
AUDIO_SEGMENTS, AUDIO_CHUNKS = "audio_segment", "audio_chunk"
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:-(?P<counter>\d+))?\.sqlite3$")


class BackupError(Exception):
    """A backup or restore that could not be done; the message is for the user."""


def backup_sqlite(source: Path, target: Path, with_audio: bool = True) -> None:
    """Copy the archive at ``source`` to ``target`` (written under a temporary name first),
    the meetings' audio left out unless ``with_audio``."""
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    try:
        src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
        try:
            dst = sqlite3.connect(partial)
            try:
                src.backup(dst)
                # A copy at rest needs no write-ahead log (the archive turns it on when opened).
                dst.execute("PRAGMA journal_mode=DELETE")
                if not with_audio and _has_table(dst, AUDIO_CHUNKS):
                    dst.execute(f"DELETE FROM {AUDIO_CHUNKS}")
                    dst.commit()
                    dst.execute("VACUUM")
            finally:
                dst.close()
        finally:
            src.close()
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    found = connection.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,))
    return found.fetchone() is not None


def audio_included(path: Path) -> bool | None:
    """Whether the copy at ``path`` holds the meetings' audio; None when there was none."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        if not _has_table(connection, AUDIO_SEGMENTS):
            return None
        if connection.execute(f"SELECT 1 FROM {AUDIO_SEGMENTS} WHERE duration > 0 LIMIT 1").fetchone() is None:
            return None
        return bool(connection.execute(f"SELECT 1 FROM {AUDIO_CHUNKS} LIMIT 1").fetchone())
    finally:
        connection.close()


def backups_dir(archive: Path) -> Path:
    return archive.parent / "backups"


def _taken_at(path: Path) -> datetime | None:
    order = _order(path)
    return order[0] if order else None


def _order(path: Path) -> tuple[datetime, int] | None:
    """When the backup was made, and its place among those made in the same second."""
    match = _NAME.match(path.name)
    return (datetime.strptime(match["stamp"], _STAMP), int(match["counter"] or 0)) if match else None


def list_backups(archive: Path) -> list[Path]:
    """The archive's backups, newest first."""
    folder = backups_dir(archive)
    if not folder.is_dir():
        return []
    found = [(order, p) for p in folder.glob(f"{archive.stem}-*.sqlite3") if (order := _order(p))]
    return [p for _, p in sorted(found, reverse=True)]


def is_good(path: Path) -> bool:
    """Whether ``path`` is a readable, undamaged archive."""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            if connection.execute("PRAGMA quick_check").fetchone() != ("ok",):
                return False
            return bool(connection.execute("SELECT count(*) FROM alembic_version").fetchone() == (1,))
        finally:
            connection.close()
    except sqlite3.Error:
        return False


def newest_good_backup(archive: Path) -> Path | None:
    return next((p for p in list_backups(archive) if is_good(p)), None)


def make_backup(archive: Path, now: datetime | None = None, with_audio: bool = True) -> Path:
    """Back the archive up now, then drop the copies no longer kept; returns the new copy."""
    now = now or datetime.now()
    target = backups_dir(archive) / f"{archive.stem}-{now:{_STAMP}}.sqlite3"
    counter = 1
    while target.exists():
        counter += 1
        target = target.with_name(f"{archive.stem}-{now:{_STAMP}}-{counter}.sqlite3")
    try:
        backup_sqlite(archive, target, with_audio)
    except (sqlite3.Error, OSError) as error:
        raise BackupError(
            _("Không sao lưu được kho lưu trữ “{archive}”: {reason}").format(archive=archive, reason=error)
        ) from None
    prune(archive, now)
    return target


def copy_to(archive: Path, target: Path) -> None:
    """Copy the archive to a file the user chose (on a USB stick, say), checked like a backup."""
    try:
        refuse_archive_file(target)
        backup_sqlite(archive, target)
    except (sqlite3.Error, OSError) as error:
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise BackupError(
            _("Không sao lưu được kho lưu trữ “{archive}”: {reason}").format(archive=archive, reason=reason)
        ) from None
    if not is_good(target):
        raise BackupError(_("“{file}” không phải là một bản sao lưu hợp lệ của kho lưu trữ.").format(file=target))


def backup_if_due(archive: Path, now: datetime | None = None) -> Path | None:
    """Back up, the audio left out, when the newest copy is an hour old or more (the app
    calls this hourly)."""
    now = now or datetime.now()
    newest = next(iter(list_backups(archive)), None)
    taken = _taken_at(newest) if newest else None
    if taken is not None and now - taken < INTERVAL:
        return None
    return make_backup(archive, now, with_audio=False)


def prune(archive: Path, now: datetime) -> None:
    """Keep the newest KEEP_LATEST copies and the newest copy of each of the last KEEP_DAYS days."""
    backups = list_backups(archive)
    keep = set(backups[:KEEP_LATEST])
    days_seen: set[str] = set()
    for path in backups:
        taken = _taken_at(path)
        if taken is None or now - taken > timedelta(days=KEEP_DAYS):
            continue
        day = taken.strftime("%Y%m%d")
        if day not in days_seen:
            days_seen.add(day)
            keep.add(path)
    for path in backups:
        if path not in keep:
            path.unlink(missing_ok=True)


def _take_audio(archive: Path, source: Path) -> None:
    """The audio of ``source`` put back in the copy ``archive`` (not yet in use), for the
    segments it knows."""
    connection = sqlite3.connect(archive.as_uri(), uri=True)
    try:
        connection.execute("ATTACH DATABASE ? AS source", (f"{source.as_uri()}?mode=ro",))
        connection.execute(
            f"INSERT OR IGNORE INTO {AUDIO_CHUNKS} SELECT * FROM source.{AUDIO_CHUNKS} "
            f"WHERE segment_id IN (SELECT id FROM {AUDIO_SEGMENTS})"
        )
        connection.commit()
        connection.execute("DETACH DATABASE source")
    finally:
        connection.close()


def restore(archive: Path, source: Path, now: datetime | None = None) -> Path | None:
    """Put the backup ``source`` in place of the archive, backing the current archive up first.

    Returns where the current archive was kept (None if there was none). The app must
    not have the archive open meanwhile.
    """
    now = now or datetime.now()
    if not is_good(source):
        raise BackupError(_("“{file}” không phải là một bản sao lưu hợp lệ của kho lưu trữ.").format(file=source))
    staged = archive.with_name(f".{archive.name}.restoring")
    try:
        # Copied first: backing the current archive up may prune ``source`` from backups/.
        backup_sqlite(source, staged)
        kept = _keep_current(archive, now)
        if audio_included(staged) is False and kept is not None and audio_included(kept):
            _take_audio(staged, kept)
        # A journal left by the old archive would be replayed into the restored one.
        for suffix in ("-wal", "-shm", "-journal"):
            Path(f"{archive}{suffix}").unlink(missing_ok=True)
        os.replace(staged, archive)
    except (sqlite3.Error, OSError) as error:
        raise BackupError(_("Không khôi phục được kho lưu trữ: {reason}").format(reason=error)) from None
    finally:
        staged.unlink(missing_ok=True)
    return kept


def _keep_current(archive: Path, now: datetime) -> Path | None:
    """Back the archive up before it is replaced; a damaged one is kept as its files are."""
    if not archive.exists():
        return None
    if is_good(archive):
        return make_backup(archive, now)
    # A damaged archive cannot go through the backup API: keep its files as they are.
    kept = backups_dir(archive) / f"{archive.stem}.damaged-{now:{_STAMP}}.sqlite3"
    kept.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal"):
        if Path(f"{archive}{suffix}").exists():
            shutil.copy2(f"{archive}{suffix}", f"{kept}{suffix}")
    return kept
