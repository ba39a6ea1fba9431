"""The register of tasks ("Theo dõi nhiệm vụ"): every task of every meeting of an archive,
filtered, sorted and counted in memory.

An archive of ten thousand meetings holds about a hundred thousand tasks, and the
register answers each change of a filter or of the sort while the user types. So the
tasks are read once, in one query, into columns (a list per field, a task being an
index into them), with the status of each computed for the day the register is for.
Each sort order is computed once, on first use, and kept; a selection walks that order
and keeps the tasks that pass the filters, which costs a few milliseconds.

Reading happens in two steps, so that a window shows the list and its counts at once:
``load_register`` reads what a status, a count and the usual orders need (the unit, the
dates, the meeting); ``Register.load_details`` then reads, typically on a worker thread,
the content of each task, its partner units, the leader who gave it and the folded text
that search keeps for each directive (minutes_app.search), which a search by words reads.
"""

import dataclasses
import json
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import compress, repeat
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, String, case, cast, func, select, type_coerce

from minutes_app.model import Base
from minutes_app.search import folded_text, terms
from minutes_app.tasks import DUE_SOON_DAYS, STATUSES, Status, due_soon_until, statuses_of
from minutes_app.text import fold

# Sort orders a register offers (the columns of its window), and those that need the details.
COLUMNS = ("status", "deadline", "unit", "content", "partners", "meeting", "leader", "done")
DETAIL_COLUMNS = frozenset({"content", "partners", "leader"})
_TABLES = Base.metadata.tables
_FAR = "9999-99-99"  # no date: after every date


@dataclass(frozen=True)
class MeetingInfo:
    title: str
    day: str  # ISO date of its start
    organizer: str


@dataclass(frozen=True)
class TaskFilter:
    """What a register shows; every part left empty lets every task through."""

    statuses: frozenset[Status] = frozenset()
    unit: str = ""  # words of the unit in charge, diacritics optional
    meeting_id: int | None = None
    meeting: str = ""  # words of the meeting's title
    leader: str = ""  # the name of the leader who gave the task, exactly
    assigned_from: date | None = None  # the meeting's day, from and to (inclusive)
    assigned_to: date | None = None
    text: str = ""  # words of the task (unit, content, partners, result)


@dataclass
class Counts:
    """Tasks per status, and per unit and status, of a selection."""

    by_status: Counter[Status] = field(default_factory=Counter)
    by_unit: dict[str, Counter[Status]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


@dataclass
class Selection:
    """The tasks a filter lets through, in the order asked, and their counts over every
    status (the status filter aside, so the counts show what it hides)."""

    tasks: list[int]
    counts: Counts


class Register:
    """The tasks of an archive as columns; task ``i`` is the i-th of each list."""

    def __init__(self, today: date, soon_days: int) -> None:
        self.today = today
        self.soon_days = soon_days
        self.meetings: dict[int, MeetingInfo] = {}
        self.ids: Sequence[Any] = ()  # the directive's UUID as the database gives it
        self.meeting_ids: Sequence[int] = ()
        self.units: list[str] = []  # each unit in charge, as it was first typed
        self.unit_of: list[int] = []  # index into ``units``
        self.deadlines: Sequence[str | None] = ()  # the deadline that applies, ISO
        self.extended: Sequence[Any] = ()  # whether the deadline was extended (a boolean or 0/1)
        self.recurrences: Sequence[str | None] = ()
        self.done: Sequence[str | None] = ()  # completion date, ISO
        self.status_of: list[int] = []  # index into STATUSES
        # Read by load_details; the others are complete before ``details`` is set.
        self.details = False
        self.contents: list[str] = []
        self.texts: list[str] = []  # folded, for search
        self._partners_json: list[Any] = []  # as read: JSON text (SQLite) or a list (PostgreSQL)
        self._issuers: list[Any] = []  # the leader's attendance when not the chair
        self._chairs: dict[int, str] = {}  # the chair's name by meeting
        self._issuer_names: dict[Any, str] = {}
        self._partners: dict[int, str] = {}
        self._index: dict[str, int] | None = None
        self._pairs: list[int] | None = None
        self._counted: tuple[TaskFilter, Counts] | None = None
        self._leaders: tuple[list[str], list[int]] | None = None
        self._orders: dict[str, list[int]] = {}
        self._folded_titles: dict[int, str] | None = None

    def __len__(self) -> int:
        return len(self.ids)

    def status(self, task: int) -> Status:
        return STATUSES[self.status_of[task]]

    def unit(self, task: int) -> str:
        return self.units[self.unit_of[task]]

    def content(self, task: int) -> str:
        return self.contents[task] if self.details else ""

    def partners(self, task: int) -> str:
        """The task's partner units joined with '; ', read from their JSON when first asked."""
        if not self.details:
            return ""
        found = self._partners.get(task)
        if found is None:
            value = self._partners_json[task]
            found = self._partners[task] = "; ".join(_json(value)) if value is not None else ""
        return found

    def leader(self, task: int) -> str:
        """The name of the leader who gave the task: the one recorded, else the chair."""
        if not self.details:
            return ""
        issuer = self._issuers[task]
        found = self._chairs.get(self.meeting_ids[task]) if issuer is None else self._issuer_names.get(issuer)
        return found or ""

    @property
    def leaders(self) -> list[str]:
        """Every leader who gave a task, each name once."""
        return self._leader_indexes()[0]

    def _leader_indexes(self) -> tuple[list[str], list[int]]:
        if self._leaders is None:
            names: list[str] = []
            self._leaders = names, _indexes([self.leader(i) or None for i in range(len(self.ids))], names)
        return self._leaders

    def index_of(self, task_id: str) -> int:
        """The index of the task whose UUID (any spelling) is ``task_id``; -1 if none."""
        if self._index is None:
            self._index = {_key(found): i for i, found in enumerate(self.ids)}
        return self._index.get(_key(task_id), -1)

    def load_details(self, connection: Connection) -> None:
        """Read what the list shows and searches beyond the statuses: each task's content,
        partner units and leader, and the folded text search keeps for it (its unit,
        content, partners and result). Tasks are matched by id, so a task changed in
        between by someone else cannot take another's details."""
        meeting, directive, attendance, person, text = (
            _TABLES[t] for t in ("meeting", "directive", "attendance", "person", "search_text"))
        other_issuer = case((directive.c.issued_by_id == meeting.c.chair_id, None), else_=directive.c.issued_by_id)
        read = {row[0]: row[1:] for row in _rows(connection, select(
            _raw(directive.c.id), directive.c.content, _raw(directive.c.partners), _raw(other_issuer),
        ).join(meeting, meeting.c.id == directive.c.meeting_id))}
        contents, partners, issuers = _columns([read.get(task_id, ("", None, None)) for task_id in self.ids], 3)
        chairs = dict(_rows(connection, select(meeting.c.id, person.c.name)
                            .join(attendance, attendance.c.id == meeting.c.chair_id)
                            .join(person, person.c.id == attendance.c.person_id)))
        names: dict[Any, str] = {}
        for chunk in _chunks([i for i in set(issuers) if i is not None]):
            names.update(connection.execute(
                select(_raw(attendance.c.id), person.c.name).join(person, person.c.id == attendance.c.person_id)
                .where(_raw(attendance.c.id).in_(chunk))).all())
        stored = dict(_rows(connection, select(_raw(text.c.row_id), text.c.text)
                            .join(directive, directive.c.id == text.c.row_id)))
        texts = [stored.get(task_id) or "" for task_id in self.ids]
        for i, folded in enumerate(texts):
            if not folded:  # a row the index does not hold: folded here
                texts[i] = folded_text((self.unit(i), contents[i], *(_json(partners[i]) or ())))
        self.contents, self._partners_json, self._issuers, self.texts = contents, partners, issuers, texts
        self._chairs, self._issuer_names = chairs, names
        self.details = True

    # --- sorting -------------------------------------------------------------------

    def order(self, column: str) -> list[int]:
        """Every task in the order of ``column`` (ascending), computed once."""
        if not self.can_order(column):
            raise RuntimeError(f"load_details() first: ordering by {column} needs the tasks' details")
        if column not in self._orders:
            # Sorted by each key in turn, the most significant last: Python's sort is stable,
            # and a key read from a list is much quicker than a tuple made for each task.
            # Ties keep the order the tasks were read in.
            order = list(range(len(self.ids)))
            for keys in self._sort_keys(column):
                order.sort(key=keys.__getitem__)
            self._orders[column] = order
        return self._orders[column]

    def _sort_keys(self, column: str) -> list[Sequence[Any]]:
        count = range(len(self.ids))
        if column == "content":
            return [[c.casefold() for c in self.contents]]
        if column == "partners":
            return [[self.partners(i).casefold() or "\uffff" for i in count]]
        if column == "done":
            return [[d or _FAR for d in self.done]]
        deadlines = [d or _FAR for d in self.deadlines]
        day = {m: info.day for m, info in self.meetings.items()}
        days = [day[m] for m in self.meeting_ids]
        if column == "status":
            return [deadlines, self.status_of]
        if column == "deadline":
            return [self.status_of, deadlines]
        if column == "unit":
            ranks = _ranks(self.units)
            return [deadlines, self.status_of, [ranks[u] for u in self.unit_of]]
        if column == "leader":
            names, leader_of = self._leader_indexes()
            ranks = [*_ranks(names), len(names)]  # no leader: last
            return [days, [ranks[n] for n in leader_of]]
        if column == "meeting":
            return [self.meeting_ids, days]
        raise ValueError(column)

    def can_order(self, column: str) -> bool:
        """Whether the tasks can be ordered by ``column`` yet (some need the details)."""
        return self.details or column not in DETAIL_COLUMNS

    # --- selecting -----------------------------------------------------------------

    def select(self, wanted: TaskFilter, column: str = "status", descending: bool = False) -> Selection:
        """The tasks ``wanted`` lets through, ordered by ``column``, with their counts."""
        tasks = self.order(column)
        if descending:
            tasks = tasks[::-1]
        for keep in self._filters(wanted):
            tasks = keep(tasks)
        # The counts do not depend on the order or the status asked: changing only those,
        # as one does most, counts nothing again.
        others = dataclasses.replace(wanted, statuses=frozenset())
        if self._counted is None or self._counted[0] != others:
            self._counted = others, self.count(tasks)
        counts = self._counted[1]
        if wanted.statuses:
            allowed = [status in wanted.statuses for status in STATUSES]
            tasks = _keep(tasks, self.status_of, allowed.__getitem__)
        return Selection(tasks, counts)

    def count(self, tasks: Sequence[int]) -> Counts:
        width = len(STATUSES)
        if self._pairs is None:  # each task's unit and status as one number, counted at C speed
            self._pairs = [unit * width + status for unit, status in zip(self.unit_of, self.status_of, strict=True)]
        counts = Counts()
        for pair, n in Counter(map(self._pairs.__getitem__, tasks)).items():
            unit, status = divmod(pair, width)
            counts.by_status[STATUSES[status]] += n
            counts.by_unit.setdefault(self.units[unit], Counter())[STATUSES[status]] += n
        return counts

    def _filters(self, wanted: TaskFilter) -> list[Callable[[list[int]], list[int]]]:
        """One function per part of the filter that is set, each keeping the tasks it lets through."""
        filters: list[Callable[[list[int]], list[int]]] = []
        meetings = self._meetings(wanted)
        if meetings is not None:
            filters.append(lambda tasks: _keep(tasks, self.meeting_ids, meetings.__contains__))
        if wanted.unit.strip():
            words = terms(wanted.unit)
            units = [_has_words(fold(name), words) for name in self.units]
            filters.append(lambda tasks: _keep(tasks, self.unit_of, units.__getitem__))
        if wanted.leader and self.details:
            names, leader_of = self._leader_indexes()
            leader = names.index(wanted.leader) if wanted.leader in names else -2
            filters.append(lambda tasks: _keep(tasks, leader_of, leader.__eq__))
        words = terms(wanted.text)
        if words:
            if not self.details:
                raise RuntimeError("load_details() first: a search by words needs the tasks' text")
            filters += [_containing(word, self.texts) for word in words]
        return filters

    def _meetings(self, wanted: TaskFilter) -> set[int] | None:
        """The meetings whose tasks the filter lets through; None for all of them."""
        chosen: set[int] | None = None if wanted.meeting_id is None else {wanted.meeting_id}
        if wanted.meeting.strip():
            words = terms(wanted.meeting)
            found = {m for m, title in self._titles().items() if _has_words(title, words)}
            chosen = found if chosen is None else chosen & found
        if wanted.assigned_from is not None or wanted.assigned_to is not None:
            start = wanted.assigned_from.isoformat() if wanted.assigned_from else ""
            end = wanted.assigned_to.isoformat() if wanted.assigned_to else _FAR
            found = {m for m, info in self.meetings.items() if start <= info.day <= end}
            chosen = found if chosen is None else chosen & found
        return chosen

    def _titles(self) -> dict[int, str]:
        """The meetings' titles folded, on first use."""
        if self._folded_titles is None:
            self._folded_titles = {m: fold(info.title) for m, info in self.meetings.items()}
        return self._folded_titles


def _keep(tasks: list[int], column: Sequence[Any], wanted: Callable[[Any], bool]) -> list[int]:
    """The tasks whose value in ``column`` is ``wanted``, in their order. Built of map and
    compress, which run at C speed: no Python code runs for each of a hundred thousand."""
    return list(compress(tasks, map(wanted, map(column.__getitem__, tasks))))


def _containing(word: str, texts: list[str]) -> Callable[[list[int]], list[int]]:
    """A filter keeping the tasks whose text holds ``word``."""
    return lambda tasks: list(compress(tasks, map(str.__contains__, map(texts.__getitem__, tasks), repeat(word))))


def _ranks(names: list[str]) -> list[int]:
    """The place of each name in alphabetical order (diacritics aside)."""
    folded = [fold(name) for name in names]
    ranks = [0] * len(names)
    for rank, index in enumerate(sorted(range(len(names)), key=folded.__getitem__)):
        ranks[index] = rank
    return ranks


def _has_words(text: str, words: list[str]) -> bool:
    return all(word in text for word in words)


def _raw(column: Any) -> Any:
    """The column as the database gives it, not converted: a hundred thousand UUIDs and
    dates would otherwise take much of the time a register takes to read."""
    return type_coerce(column, String)


def _iso(column: Any) -> Any:
    """A date as ISO text ('2026-11-30'): how SQLite keeps it, how PostgreSQL writes it."""
    return cast(column, String)


def _deadline(dialect: str) -> Any:
    """The deadline that applies, as the database reads it: the date of the last extension
    (from their JSON list, which is not parsed here), else the original deadline."""
    directive = _TABLES["directive"]
    extensions = directive.c.deadline_extensions
    if dialect == "sqlite":  # SQLite's JSON path for the last item of a list
        last = func.json_extract(extensions, "$[#-1].until")
    else:
        last = extensions[-1]["until"].as_string()
    return func.coalesce(last, _iso(directive.c.deadline))


def _rows(connection: Connection, statement: Any) -> list[tuple[Any, ...]]:
    """The rows of a statement without parameters, straight from the driver: a hundred
    thousand rows are read without making a result row of each."""
    sql = str(statement.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def load_register(connection: Connection, today: date, soon_days: int = DUE_SOON_DAYS) -> Register:
    """Every task of the archive, with its status on ``today``: what the statuses, the
    counts and the orders by status, deadline, unit and meeting need (the rest: see
    ``Register.load_details``)."""
    register = Register(today, soon_days)
    meeting, directive = _TABLES["meeting"], _TABLES["directive"]
    for meeting_id, title, starts_at, organizer in _rows(connection, select(
        meeting.c.id, meeting.c.title, _raw(meeting.c.starts_at), meeting.c.organizer_name)
    ):
        register.meetings[meeting_id] = MeetingInfo(title, str(starts_at)[:10], organizer)

    # One read of one table: at this size a join costs as much as the read itself.
    rows = _rows(connection, select(
        _raw(directive.c.id), directive.c.meeting_id, func.coalesce(directive.c.lead_unit, directive.c.addressee),
        _deadline(connection.dialect.name), directive.c.deadline_extensions.is_not(None), directive.c.recurrence,
        _iso(directive.c.done_on),
    ))
    if not rows:
        return register
    (register.ids, register.meeting_ids, units, register.deadlines, register.extended, register.recurrences,
     register.done) = _columns(rows, 7)
    # Units by index: a few hundred distinct ones, grouped as folded, so that 'Sở Y tế'
    # and 'Sở y tế' count as one unit.
    register.unit_of = _indexes(units, register.units)
    soon = due_soon_until(today, soon_days).isoformat()
    register.status_of = statuses_of(register.deadlines, register.done, register.recurrences, today.isoformat(), soon)
    return register


def register_stamp(connection: Connection) -> tuple[int, ...]:
    """What changes when a task or a meeting is added, changed or deleted (each change of
    a row raises its version): a register read before is out of date when this differs."""
    stamp: list[int] = []
    for table in (_TABLES["directive"], _TABLES["meeting"]):
        count, versions = connection.execute(select(func.count(), func.coalesce(func.sum(table.c.version), 0))).one()
        stamp += [count, versions]
    return tuple(stamp)


def _columns(rows: list[tuple[Any, ...]], count: int) -> list[list[Any]]:
    """Rows turned into columns (``zip(*rows)`` costs several times more on a hundred
    thousand rows: it makes an iterator of each)."""
    return [list(map(itemgetter(column), rows)) for column in range(count)]


def _key(task_id: Any) -> str:
    """A UUID as text without hyphens, in lower case: how any spelling of it compares."""
    return str(task_id).replace("-", "").lower()


def _chunks(items: list[Any], size: int = 500) -> Iterator[list[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _json(value: Any) -> Any:
    """A JSON column read as text (SQLite) or already parsed (PostgreSQL)."""
    return json.loads(value) if isinstance(value, str) else value


def _indexes(names: Sequence[str | None], distinct: list[str]) -> list[int]:
    """For each name its index in ``distinct``, which gets one entry per name as folded
    (the first spelling met); -1 for no name. Each spelling is folded once."""
    by_folded: dict[str, int] = {}
    by_name: dict[str | None, int] = {None: -1}
    for name in dict.fromkeys(names):
        if name is None:
            continue
        key = " ".join(fold(name).split())
        if key not in by_folded:
            by_folded[key] = len(distinct)
            distinct.append(name)
        by_name[name] = by_folded[key]
    return [by_name[name] for name in names]
