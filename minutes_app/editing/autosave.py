"""The autosave writer: a background thread that puts the editor's changes on the disk.

The window's thread only hands changes over (a lock and a dict update); this thread
waits until typing pauses (``delay`` after the last change, at most ``max_delay`` after
the first unsaved one), then writes everything pending in one transaction, each row
once, only the columns that changed:

    UPDATE speech SET summary=?, version=version+1 WHERE id=? AND version=?

An update or delete that finds another version (someone else changed the row) is not
written: it is reported as a conflict, and the user's text stays in the editor.

On a SQLite archive nothing is reported saved before the writer has checked that the files
it wrote are still the archive's files on disk (archive_watch). It keeps every row it wrote
since the last checkpoint; if another program deleted or replaced a file meanwhile, the
archive is opened again and those rows are written once more, then reported saved.
"""

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, Engine, Table, select

from minutes_app import search
from minutes_app.archive_watch import ArchiveWatch
from minutes_app.editing.changes import Batch, Change, Delete, Insert, RowKey, Update
from minutes_app.finality import refused_by_archive
from minutes_app.i18n import _
from minutes_app.model import Base

DELAY = 0.3
MAX_DELAY = 1.0
RETRY_DELAY = 1.0
CHECK_EVERY = 2.0  # seconds between two looks at the archive's files while nothing is typed
CHECKPOINT_EVERY = 5.0  # seconds of written rows kept for writing again, at most (about)
REOPEN_ATTEMPTS = 5


@dataclass(frozen=True)
class Conflict:
    """A change not written because the row on the disk is not the version it was made on."""

    key: RowKey
    change: Change


@dataclass
class _Outcome:
    conflicts: list[Conflict]
    versions: dict[RowKey, int | None]  # None: the row is gone
    written: list[tuple[RowKey, Change, int | None]] = field(default_factory=list)  # with the version before


@dataclass
class _Written:
    """A row as this writer wrote it since the last checkpoint: enough to write it again."""

    before: int | None  # its version on the disk before the first of these writes; None: new
    values: dict[str, Any] = field(default_factory=dict)  # every column written
    versions: set[int] = field(default_factory=set)  # every version written
    final: int | None = None  # the last version written; None: deleted
    whole: bool = False  # an insert was among the writes: ``values`` has every column

    def add(self, change: Change, version: int | None) -> None:
        if isinstance(change, Insert | Update):
            self.values |= change.values
        self.whole = self.whole or isinstance(change, Insert)
        if version is not None:
            self.versions.add(version)
        self.final = version

    def as_change(self) -> Change:
        if self.final is None:
            return Delete(self.before or 0)
        if self.before is None:
            return Insert(self.values)
        return Update(self.values, self.before)


class Autosaver:
    """Writes submitted changes in the background; ``close`` writes what is left."""

    def __init__(
        self,
        engine: Engine,
        on_saved: Callable[[int], None],
        on_conflict: Callable[[list[Conflict]], None],
        on_error: Callable[[Exception], None],
        delay: float = DELAY,
        max_delay: float = MAX_DELAY,
        user: str | None = None,
        watch: ArchiveWatch | None = None,
        on_reopened: Callable[[], None] = lambda: None,
    ) -> None:
        self._engine = engine
        self._user = user
        self._on_saved = on_saved
        self._on_conflict = on_conflict
        self._on_error = on_error
        self._watch = watch
        self._on_reopened = on_reopened
        self._delay = delay
        self._max_delay = max_delay
        self._cond = threading.Condition()
        self._pending = Batch()
        self._first_at: float | None = None
        self._last_at = 0.0
        self._retry_at = 0.0
        self._submitted = 0
        self._written = 0  # the last change committed, perhaps into a file no longer the archive's
        self._done = 0  # the last change reported saved
        self._flush_wanted = False
        self._stopping = False
        # Versions this writer put on the disk; they replace the editor's older ones.
        self._versions: dict[RowKey, int] = {}
        self._in_flight: set[RowKey] = set()  # rows of the batch being written
        # Only the writer thread uses these: the rows written since the last checkpoint.
        self._journal: dict[RowKey, _Written] = {}
        self._generation = watch.generation if watch is not None else 0
        self._checkpointed_at = -CHECKPOINT_EVERY
        self._next_check = 0.0
        self._thread = threading.Thread(target=self._run, name="autosave", daemon=True)
        self._thread.start()

    # --- the editor's side ----------------------------------------------------------

    def submit(self, changes: list[tuple[RowKey, Change]], number: int) -> None:
        """Hand over the changes of change ``number`` (numbers only grow)."""
        now = time.monotonic()
        with self._cond:
            for key, change in changes:
                self._pending.add(key, change)
            self._pending.last_number = number
            self._submitted = number
            self._last_at = now
            if self._first_at is None:
                self._first_at = now
                # Only the first unsaved change gives the writer a time to wake at; later
                # ones make it later, which the writer finds when it wakes. Waking it at each
                # keystroke would take the interpreter from the window's thread each time.
                self._cond.notify_all()

    def flush(self, timeout: float | None = None) -> bool:
        """Write now what was submitted so far; False if it is not on the disk by ``timeout``."""
        with self._cond:
            target = self._submitted
            self._flush_wanted = True
            self._retry_at = 0.0
            self._cond.notify_all()
            return self._cond.wait_for(
                lambda: self._done >= target or not self._thread.is_alive(), timeout
            ) and self._done >= target

    def close(self, timeout: float = 10.0) -> bool:
        """Flush, then stop the thread; False if something could not be written."""
        saved = self.flush(timeout)
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        self._thread.join(timeout)
        return saved

    @property
    def unsaved(self) -> bool:
        with self._cond:
            return self._done < self._submitted

    def busy_rows(self) -> set[RowKey]:
        """Rows with a change not yet on the disk: others' changes to them must wait."""
        with self._cond:
            return set(self._pending.rows) | self._in_flight

    def known_version(self, key: RowKey, default: int) -> int:
        """The row's version as last written or seen; ``default`` when this writer never knew it."""
        with self._cond:
            return self._versions.get(key, default)

    def accept_version(self, key: RowKey, version: int) -> None:
        """Someone else's version of the row, now known here (their change taken, or overruled)."""
        with self._cond:
            self._versions[key] = version

    # --- the writer thread ----------------------------------------------------------

    def _has_pending(self) -> bool:
        return bool(self._pending.rows) or self._pending.last_number > self._written

    def _wait(self) -> float | None:
        """Seconds until there is something to do; None to wait for news."""
        now = time.monotonic()
        if self._retry_at > now:
            return self._retry_at - now
        if self._has_pending():
            if self._flush_wanted or self._stopping:
                return 0.0
            assert self._first_at is not None
            return min(self._last_at + self._delay, self._first_at + self._max_delay) - now
        if self._written > self._done or self._stopping:
            return 0.0
        return None if self._watch is None else self._next_check - now

    def _run(self) -> None:
        self._settle_quietly()  # what the archive held at the start gets into its database file
        while True:
            with self._cond:
                while (wait := self._wait()) is None or wait > 0:
                    self._cond.wait(wait)
                if self._stopping and not self._has_pending() and self._done >= self._written:
                    return
                batch: Batch | None = None
                first_at: float | None = None
                if self._has_pending():
                    batch, self._pending = self._pending, Batch()
                    first_at, self._first_at = self._first_at, None
                    self._flush_wanted = False
                    self._in_flight = set(batch.rows)
            if batch is not None and not self._write_batch(batch, first_at):
                if self._stopping:
                    return
                continue
            try:
                reopened = self._settle()
            except Exception as error:  # the files could not be checked or written again: retry
                with self._cond:
                    self._retry_at = time.monotonic() + RETRY_DELAY
                    give_up = self._stopping
                    self._cond.notify_all()
                self._on_error(error)
                if give_up:
                    return
                continue
            with self._cond:
                newly_saved = self._written if self._written > self._done else None
                self._done = self._written
                self._next_check = time.monotonic() + CHECK_EVERY
                self._cond.notify_all()
            if reopened:
                self._on_reopened()
            if newly_saved is not None:
                self._on_saved(newly_saved)

    def _write_batch(self, batch: Batch, first_at: float | None) -> bool:
        """Write ``batch``; False (the batch back among the pending) when it failed."""
        try:
            outcome = self._write(batch)
        except Exception as error:  # the disk or the database failed: keep and retry
            if refused_by_archive(error):
                # Someone made the record final meanwhile: these changes will never be
                # written. They are the user's, shown as conflicts, not retried.
                with self._cond:
                    self._in_flight = set()
                    self._written = batch.last_number
                self._on_conflict([Conflict(key, change) for key, change in batch.rows.items()])
                return True
            with self._cond:
                batch.absorb(self._pending)
                self._pending = batch
                self._in_flight = set()
                self._first_at = first_at
                self._retry_at = time.monotonic() + RETRY_DELAY
                self._cond.notify_all()
            self._on_error(error)
            return False
        if self._watch is not None:
            for key, change, before in outcome.written:
                entry = self._journal.setdefault(key, _Written(before))
                entry.add(change, outcome.versions[key])
        with self._cond:
            for key, version in outcome.versions.items():
                if version is None:
                    self._versions.pop(key, None)
                else:
                    self._versions[key] = version
            self._in_flight = set()
            self._written = batch.last_number
        if outcome.conflicts:
            self._on_conflict(outcome.conflicts)
        return True

    # --- making sure it is in the archive's files --------------------------------------

    def _settle(self) -> bool:
        """Make sure what was written is in the archive's files; True if it had to be opened
        again (and what was written since the last checkpoint was written once more)."""
        watch = self._watch
        if watch is None:
            return False
        reopened = False
        for _attempt in range(REOPEN_ATTEMPTS):
            generation = watch.ensure()
            if generation == self._generation:
                break
            self._write_again()
            self._generation = generation
            reopened = True
        else:
            raise OSError(_("các tệp của kho lưu trữ liên tục bị một chương trình khác thay đổi"))
        self._checkpoint_if_due(watch, force=reopened)
        return reopened

    def _settle_quietly(self) -> None:
        try:
            self._settle()
        except Exception as error:  # told, and tried again at the next write or check
            self._on_error(error)

    def _checkpoint_if_due(self, watch: ArchiveWatch, force: bool) -> None:
        now = time.monotonic()
        if not force and now - self._checkpointed_at < CHECKPOINT_EVERY:
            return
        with self._engine.connect() as connection:
            complete = watch.checkpoint(connection)
            watch.record()  # the files as SQLite opened them, for the next checks
        # Rows written before a whole checkpoint of the right files are in the database file.
        if complete and not watch.moved():
            self._journal.clear()
            self._checkpointed_at = now

    def _write_again(self) -> None:
        """Write the rows of the journal into the reopened archive, each as this writer last
        wrote it, unless someone else changed it meanwhile (then it is a conflict)."""
        conflicts: list[Conflict] = []
        changes = Batch({key: entry.as_change() for key, entry in self._journal.items()})
        to_index: dict[str, list[object]] = {}
        forgotten: list[uuid.UUID] = []
        with self._engine.begin() as connection:
            for key, change in changes.in_write_order():
                entry = self._journal[key]
                table = Base.metadata.tables[key.table]
                pk = table.primary_key.columns.values()[0]
                signed = {"updated_by": self._user} if "updated_by" in table.c else {}
                on_disk = connection.execute(select(table.c.version).where(pk == key.id)).scalar_one_or_none()
                ours = entry.versions | ({entry.before} if entry.before is not None else set())
                if on_disk == entry.final:
                    continue  # this row made it into the database file
                if entry.final is None and on_disk in ours:
                    connection.execute(table.delete().where(pk == key.id))
                    if isinstance(key.id, uuid.UUID):
                        forgotten.append(key.id)
                    continue
                if entry.final is not None and on_disk is None and entry.whole:
                    connection.execute(table.insert().values(entry.values | {"version": entry.final} | signed))
                elif entry.final is not None and on_disk in ours:
                    values = {k: v for k, v in entry.values.items() if k != pk.key}
                    values |= {"version": entry.final} | signed
                    connection.execute(table.update().where(pk == key.id).values(values))
                else:
                    conflicts.append(Conflict(key, change))
                    continue
                if _changes_text(key.table, change):
                    to_index.setdefault(key.table, []).append(key.id)
            search.forget(connection, forgotten)
            for table_name, ids in to_index.items():
                search.refresh(connection, table_name, ids)
        for conflict in conflicts:
            del self._journal[conflict.key]
        if conflicts:
            self._on_conflict(conflicts)

    def _write(self, batch: Batch) -> _Outcome:
        outcome = _Outcome([], {})
        to_index: dict[str, list[object]] = {}
        forgotten: list[uuid.UUID] = []
        with self._engine.begin() as connection:
            for key, change in batch.in_write_order():
                table = Base.metadata.tables[key.table]
                before = None if isinstance(change, Insert) else self._versions.get(key, change.expected_version)
                if not self._apply(connection, table, key, change, outcome):
                    outcome.conflicts.append(Conflict(key, change))
                    continue
                outcome.written.append((key, change, before))
                if isinstance(change, Delete):
                    if isinstance(key.id, uuid.UUID):
                        forgotten.append(key.id)
                elif _changes_text(key.table, change):
                    to_index.setdefault(key.table, []).append(key.id)
            search.forget(connection, forgotten)
            for table_name, ids in to_index.items():
                search.refresh(connection, table_name, ids)
        return outcome

    def _apply(
        self, connection: Connection, table: Table, key: RowKey, change: Change, outcome: _Outcome
    ) -> bool:
        """Run one change; False when the row's version on the disk is not the expected one."""
        pk = table.primary_key.columns.values()[0]
        signed = {"updated_by": self._user} if "updated_by" in table.c else {}
        if isinstance(change, Insert):
            connection.execute(table.insert().values(change.values | signed))
            outcome.versions[key] = change.values.get("version", 1)
            return True
        expected = self._versions.get(key, change.expected_version)
        current = (pk == key.id) & (table.c.version == expected)
        if isinstance(change, Update):
            values = change.values | {"version": expected + 1} | signed
            done = connection.execute(table.update().where(current).values(values)).rowcount == 1
            if done:
                outcome.versions[key] = expected + 1
            return done
        done = connection.execute(table.delete().where(current)).rowcount == 1
        if done:
            outcome.versions[key] = None
        return done


def _changes_text(table: str, change: Change) -> bool:
    """Whether the change touches text that search reads."""
    if isinstance(change, Insert):
        return table in search.SEARCHED
    assert isinstance(change, Update)
    if table == search.PERSON_TABLE:
        return "name" in change.values
    return not change.values.keys().isdisjoint(search.SEARCHED.get(table, ()))
