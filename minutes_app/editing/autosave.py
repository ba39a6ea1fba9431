"""The autosave writer: a background thread that puts the editor's changes on the disk.

The window's thread only hands changes over (a lock and a dict update); this thread
waits until typing pauses (``delay`` after the last change, at most ``max_delay`` after
the first unsaved one), then writes everything pending in one transaction, each row
once, only the columns that changed:

    UPDATE speech SET summary=?, version=version+1 WHERE id=? AND version=?

An update or delete that finds another version (someone else changed the row) is not
written: it is reported as a conflict, and the user's text stays in the editor.
"""

import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, Table

from minutes_app import search
from minutes_app.editing.changes import Batch, Change, Delete, Insert, RowKey, Update
from minutes_app.model import Base

DELAY = 0.3
MAX_DELAY = 1.0
RETRY_DELAY = 1.0


@dataclass(frozen=True)
class Conflict:
    """A change not written because the row on the disk is not the version it was made on."""

    key: RowKey
    change: Change


@dataclass
class _Outcome:
    conflicts: list[Conflict]
    versions: dict[RowKey, int | None]  # None: the row is gone


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
    ) -> None:
        self._engine = engine
        self._user = user
        self._on_saved = on_saved
        self._on_conflict = on_conflict
        self._on_error = on_error
        self._delay = delay
        self._max_delay = max_delay
        self._cond = threading.Condition()
        self._pending = Batch()
        self._first_at: float | None = None
        self._last_at = 0.0
        self._retry_at = 0.0
        self._submitted = 0
        self._done = 0
        self._flush_wanted = False
        self._stopping = False
        # Versions this writer put on the disk; they replace the editor's older ones.
        self._versions: dict[RowKey, int] = {}
        self._in_flight: set[RowKey] = set()  # rows of the batch being written
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

    def _wait(self) -> float | None:
        """Seconds until the pending changes are due; None to wait for news."""
        if self._done >= self._pending.last_number and not self._pending.rows:
            return 0.0 if self._stopping else None
        now = time.monotonic()
        if self._retry_at > now:
            return self._retry_at - now
        if self._flush_wanted or self._stopping:
            return 0.0
        assert self._first_at is not None
        return min(self._last_at + self._delay, self._first_at + self._max_delay) - now

    def _run(self) -> None:
        while True:
            with self._cond:
                while (wait := self._wait()) is None or wait > 0:
                    self._cond.wait(wait)
                if self._stopping and self._done >= self._pending.last_number:
                    return
                batch, self._pending = self._pending, Batch()
                first_at, self._first_at = self._first_at, None
                self._flush_wanted = False
                self._in_flight = set(batch.rows)
            try:
                outcome = self._write(batch)
            except Exception as error:  # the disk or the database failed: keep and retry
                with self._cond:
                    batch.absorb(self._pending)
                    self._pending = batch
                    self._in_flight = set()
                    self._first_at = first_at
                    self._retry_at = time.monotonic() + RETRY_DELAY
                    give_up = self._stopping
                    if give_up:
                        self._cond.notify_all()
                self._on_error(error)
                if give_up:
                    return
                continue
            with self._cond:
                for key, version in outcome.versions.items():
                    if version is None:
                        self._versions.pop(key, None)
                    else:
                        self._versions[key] = version
                self._in_flight = set()
                self._done = batch.last_number
                self._cond.notify_all()
            if outcome.conflicts:
                self._on_conflict(outcome.conflicts)
            self._on_saved(batch.last_number)

    def _write(self, batch: Batch) -> _Outcome:
        outcome = _Outcome([], {})
        to_index: dict[str, list[object]] = {}
        forgotten: list[uuid.UUID] = []
        with self._engine.begin() as connection:
            for key, change in batch.in_write_order():
                table = Base.metadata.tables[key.table]
                if not self._apply(connection, table, key, change, outcome):
                    outcome.conflicts.append(Conflict(key, change))
                    continue
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
