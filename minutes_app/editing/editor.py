"""The meeting editor: the whole record of one meeting in memory, changed only through
small typed operations, each undoable, each handed to the autosave writer at once.

Rows are SQLAlchemy objects detached from any session: the editor reads and changes
their attributes, never their lazy relationships (speaker, photo, chair...), and refers
to other rows by id. New rows get their UUID here, so nothing waits for the database.
"""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select

from minutes_app.archive import Archive, load_meeting
from minutes_app.editing.autosave import Autosaver, Conflict
from minutes_app.editing.changes import Change, Delete, Insert, RowKey, Update
from minutes_app.editing.operations import (
    History,
    InsertRow,
    MoveRow,
    Primitive,
    RemoveRow,
    SetField,
)
from minutes_app.finality import check_change, is_final
from minutes_app.model import (
    Attendance,
    CarriedTask,
    ConclusionsNotice,
    Directive,
    Meeting,
    Person,
    Photo,
    PressRelease,
    Speech,
    SpeechKind,
    Topic,
)
from minutes_app.text import clean, clean_name

Part = Attendance | Speech | Topic | Directive | CarriedTask | Photo
# The rows a meeting has at most one of, keyed by the meeting's id.
Companion = PressRelease | ConclusionsNotice
Row = Meeting | Part | Companion | Person
COMPANIONS: dict[str, type[Companion]] = {"press_release": PressRelease, "conclusions_notice": ConclusionsNotice}

COLLECTIONS: dict[type[Part], str] = {
    Attendance: "attendances",
    Speech: "speeches",
    Topic: "topics",
    Directive: "directives",
    CarriedTask: "carried_tasks",
    Photo: "photos",
}
_TABLES = {collection: model.__tablename__ for model, collection in COLLECTIONS.items()}


# --- what the window hears about -------------------------------------------------------


@dataclass(frozen=True)
class FieldChanged:
    row: Row
    name: str


@dataclass(frozen=True)
class RowInserted:
    collection: str
    index: int


@dataclass(frozen=True)
class RowRemoved:
    collection: str
    index: int


@dataclass(frozen=True)
class RowMoved:
    collection: str
    source: int
    target: int


Event = FieldChanged | RowInserted | RowRemoved | RowMoved


@dataclass(frozen=True)
class NewAttendee:
    """An attendee to add: typed, picked from the directory (``person_id``) or imported."""

    name: str
    titles: tuple[str, ...] = ()
    group: str | None = None
    organization: str | None = None
    honorific: str | None = None
    present: bool = True
    absence_reason: str | None = None
    person_id: uuid.UUID | None = None


def row_key(row: Row) -> RowKey:
    if isinstance(row, Companion):
        return RowKey(row.__tablename__, row.meeting_id)
    return RowKey(type(row).__tablename__, row.id)


def _column(row: Row, name: str, value: Any) -> tuple[str, Any]:
    """The column written for attribute ``name`` (a relationship writes its foreign key)."""
    mapper = type(row).__mapper__
    if name in mapper.relationships:
        (column,) = mapper.relationships[name].local_columns
        assert column.key is not None  # a table's column: its key is its name
        return column.key, value.id if value is not None else None
    return mapper.column_attrs[name].columns[0].key, list(value) if isinstance(value, list) else value


def row_values(row: Row) -> dict[str, Any]:
    """Every column of a new row, as inserted (server defaults left to the database)."""
    values: dict[str, Any] = {}
    for attr in type(row).__mapper__.column_attrs:
        value = row.__dict__.get(attr.key)
        column = attr.columns[0]
        if value is None and column.server_default is not None:
            continue
        values[column.key] = list(value) if isinstance(value, list) else value
    return values


class MeetingEditor:
    """One open meeting. Every method that changes it is one undoable step."""

    def __init__(
        self,
        archive: Archive,
        meeting: Meeting,
        on_saved: Callable[[int], None] = lambda number: None,
        on_conflict: Callable[[list[Conflict]], None] = lambda conflicts: None,
        on_error: Callable[[Exception], None] = lambda error: None,
        on_reopened: Callable[[], None] = lambda: None,
        user: str | None = None,
    ) -> None:
        self.archive = archive
        self.user = user  # who saves: recorded with each row, shown to others on a conflict
        self.meeting = meeting
        self.history = History()
        self.number = 0  # of the last change handed to the writer
        self._listeners: list[Callable[[Event], None]] = []
        self._outbox: list[tuple[RowKey, Change]] = []
        self._recording: list[Primitive] | None = None
        self._rows: dict[uuid.UUID, Part] = {
            part.id: part
            for collection in COLLECTIONS.values()
            for part in getattr(meeting, collection)
        }
        # People created while editing: renaming one of them renames the person.
        self._new_people: set[uuid.UUID] = set()
        self._written_people: set[uuid.UUID] = set()
        self.autosaver = Autosaver(
            archive.engine, on_saved, on_conflict, on_error, user=user, watch=archive.watch, on_reopened=on_reopened
        )

    @classmethod
    def open(cls, archive: Archive, meeting_id: int, **callbacks: Any) -> "MeetingEditor":
        """Load the whole meeting (photo bytes excepted) and start its autosave."""
        with archive.sessions() as session:
            meeting = load_meeting(session, meeting_id)
        return cls(archive, meeting, **callbacks)

    def close(self) -> bool:
        """Write what is pending and stop the writer; False if something was not saved."""
        return self.autosaver.close()

    def add_listener(self, listener: Callable[[Event], None]) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Callable[[Event], None]) -> None:
        self._listeners.remove(listener)

    # --- reading -------------------------------------------------------------------

    def part(self, row_id: uuid.UUID | None) -> Part | None:
        return self._rows.get(row_id) if row_id is not None else None

    def attendance(self, row_id: uuid.UUID | None) -> Attendance | None:
        row = self.part(row_id)
        return row if isinstance(row, Attendance) else None

    def photo(self, row_id: uuid.UUID | None) -> Photo | None:
        row = self.part(row_id)
        return row if isinstance(row, Photo) else None

    def photo_data(self, photo: Photo) -> bytes:
        """The picture's bytes: in memory for a new photo, else read from the archive."""
        if "data" in photo.__dict__:
            return photo.data
        with self.archive.sessions() as session:
            return session.scalars(select(Photo.data).where(Photo.id == photo.id)).one()

    @property
    def can_undo(self) -> bool:
        return bool(self.history.done)

    @property
    def can_redo(self) -> bool:
        return bool(self.history.undone)

    # --- the primitives (called by operations.Primitive.apply) -----------------------

    def _emit(self, event: Event) -> None:
        for listener in list(self._listeners):
            listener(event)

    def _set(self, row: Row, name: str, value: Any) -> None:
        setattr(row, name, value)
        column, stored = _column(row, name, value)
        if column != name:
            setattr(row, column, stored)
        self._outbox.append((row_key(row), Update({column: stored}, row.version)))
        self._emit(FieldChanged(row, name))

    def _ensure_person(self, person: Person) -> None:
        if person.id in self._new_people and person.id not in self._written_people:
            self._written_people.add(person.id)
            self._outbox.append((row_key(person), Insert(row_values(person))))

    def _positions(self, items: list[Part], start: int, stop: int) -> None:
        for index in range(start, stop):
            self._outbox.append((row_key(items[index]), Update({"position": index}, items[index].version)))

    def _insert(self, collection: str, row: Part, index: int) -> None:
        items = getattr(self.meeting, collection)
        items.insert(index, row)
        self._rows[row.id] = row
        if isinstance(row, Attendance):
            self._ensure_person(row.person)
        self._outbox.append((row_key(row), Insert(row_values(row))))
        self._positions(items, index + 1, len(items))
        self._emit(RowInserted(collection, index))

    def _remove(self, collection: str, index: int) -> None:
        items = getattr(self.meeting, collection)
        row = items.pop(index)
        del self._rows[row.id]
        self._outbox.append((row_key(row), Delete(row.version)))
        self._positions(items, index, len(items))
        self._emit(RowRemoved(collection, index))

    def _move(self, collection: str, source: int, target: int) -> None:
        items = getattr(self.meeting, collection)
        items.insert(target, items.pop(source))
        self._positions(items, min(source, target), max(source, target) + 1)
        self._emit(RowMoved(collection, source, target))

    # --- steps ---------------------------------------------------------------------

    def _run(self, primitives: Iterable[Primitive], merge_key: object = None) -> None:
        """Apply primitives as one undoable step (or the end of the open typing step)."""
        primitives = list(primitives)
        self._check(primitives)
        applied: list[Primitive] = []
        for primitive in primitives:
            primitive.apply(self)
            applied.append(primitive)
        if applied:
            self.history.record(applied, merge_key)
            self._hand_over()

    def _hand_over(self) -> None:
        if self._outbox:
            self.number += 1
            self.autosaver.submit(self._outbox, self.number)
            self._outbox = []

    def _check(self, primitives: Iterable[Primitive]) -> None:
        """Refuse (MeetingIsFinal) before anything is applied if a final record would change."""
        for primitive in primitives:
            if isinstance(primitive, SetField):
                row: Row = primitive.row
                column = _column(row, primitive.name, primitive.new)[0]
                check_change(self.meeting, row_key(row).table, [column])
            else:
                table = _TABLES[primitive.collection]
                check_change(self.meeting, table, ["position"] if isinstance(primitive, MoveRow) else None)

    @property
    def is_final(self) -> bool:
        return is_final(self.meeting)

    def undo(self) -> bool:
        if not self.history.done:
            return False
        self._check(p.inverse() for p in self.history.done[-1].primitives)
        step = self.history.done.pop()
        for primitive in reversed(step.primitives):
            primitive.inverse().apply(self)
        self.history.undone.append(step)
        self.history.seal()
        self._hand_over()
        return True

    def redo(self) -> bool:
        if not self.history.undone:
            return False
        self._check(self.history.undone[-1].primitives)
        step = self.history.undone.pop()
        for primitive in step.primitives:
            primitive.apply(self)
        self.history.done.append(step)
        self.history.seal()
        self._hand_over()
        return True

    def seal(self) -> None:
        """Typing that follows starts a new undo step (the window calls it when focus moves)."""
        self.history.seal()

    # --- operations ----------------------------------------------------------------

    def set_field(self, row: Row, name: str, value: Any, typing: bool = False) -> None:
        """Set one field; ``typing`` merges consecutive calls on the same field into one step."""
        if isinstance(value, str):
            value = clean(value)
        old = getattr(row, name)
        if old == value:
            return
        key = ("field", id(row), name) if typing else None
        self._run([SetField(row, name, old, value)], key)

    def set_chair(self, attendance: Attendance | None) -> None:
        self.set_field(self.meeting, "chair_id", attendance.id if attendance else None)

    def set_secretary(self, attendance: Attendance | None) -> None:
        self.set_field(self.meeting, "secretary_id", attendance.id if attendance else None)

    def set_agenda(self, items: list[str], typing: bool = False) -> None:
        self.set_field(self.meeting, "agenda", [clean(i) for i in items if i.strip()], typing)

    def _new_person(self, name: str) -> Person:
        person = Person(id=uuid.uuid4(), name=name, version=1)
        self._new_people.add(person.id)
        return person

    def _attendance(self, new: NewAttendee) -> Attendance:
        if new.person_id is not None:
            person = Person(id=new.person_id, name=clean_name(new.name))
        else:
            person = self._new_person(clean_name(new.name))
        return Attendance(
            id=uuid.uuid4(),
            meeting_id=self.meeting.id,
            person=person,
            person_id=person.id,
            honorific=new.honorific,
            titles=[clean(t) for t in new.titles if t.strip()],
            organization=new.organization,
            group_name=new.group,
            present=new.present,
            guest_of_honour=False,
            absence_reason=new.absence_reason,
            version=1,
        )

    def add_attendees(self, attendees: list[NewAttendee], index: int | None = None) -> list[Attendance]:
        """Add attendees (typed, picked or imported) as one step; returns their rows."""
        start = len(self.meeting.attendances) if index is None else index
        rows = [self._attendance(new) for new in attendees]
        self._run(InsertRow("attendances", row, start + i) for i, row in enumerate(rows))
        return rows

    def add_attendee(self, new: NewAttendee, index: int | None = None) -> Attendance:
        return self.add_attendees([new], index)[0]

    def rename_attendee(self, attendance: Attendance, name: str, typing: bool = False) -> None:
        """Change the name of an attendee: a person made in this editor is renamed; a
        known person keeps their name elsewhere and this attendance gets a new person.
        While typing, spaces stay as typed (the next letter may follow them)."""
        name = clean(name) if typing else clean_name(name)
        if not name.strip() or name == attendance.person.name:
            return
        key = ("name", attendance.id) if typing else None
        if attendance.person.id in self._new_people:
            self._run([SetField(attendance.person, "name", attendance.person.name, name)], key)
        else:
            check_change(self.meeting, "attendance", ["person_id"])  # before the new person is handed over
            person = self._new_person(name)
            self._ensure_person(person)
            self._run([SetField(attendance, "person", attendance.person, person)], key)

    def pick_person(self, attendance: Attendance, person_id: uuid.UUID, name: str, titles: list[str]) -> None:
        """Make the attendee a person of the directory, with their titles if none are typed."""
        person = Person(id=person_id, name=clean_name(name))
        steps: list[Primitive] = [SetField(attendance, "person", attendance.person, person)]
        if not attendance.titles and titles:
            steps.append(SetField(attendance, "titles", attendance.titles, list(titles)))
        self._run(steps)

    def add_speech(
        self,
        at: time | None = None,
        speaker: Attendance | None = None,
        kind: str = SpeechKind.OPINION,
        index: int | None = None,
    ) -> Speech:
        """A new speech, by default at the end, now (to the second: its place in the audio)."""
        if at is None:
            at = datetime.now().time().replace(microsecond=0)
        speech = Speech(
            id=uuid.uuid4(),
            meeting_id=self.meeting.id,
            speaker_id=speaker.id if speaker else None,
            kind=kind,
            at=at,
            summary="",
            version=1,
        )
        self._run([InsertRow("speeches", speech, self._end("speeches", index))])
        return speech

    def add_speaker(self, speech: Speech, new: NewAttendee) -> Attendance:
        """Someone nobody listed, speaking from the floor: added at the end of the attendees
        and made the speech's speaker, as one step (one undo takes both back)."""
        attendance = self._attendance(new)
        self._run([
            InsertRow("attendances", attendance, len(self.meeting.attendances)),
            SetField(speech, "speaker_id", speech.speaker_id, attendance.id),
        ])
        return attendance

    def add_topic(self, title: str = "", notes: str | None = None, index: int | None = None) -> Topic:
        topic = Topic(id=uuid.uuid4(), meeting_id=self.meeting.id, title=clean(title), notes=notes, version=1)
        self._run([InsertRow("topics", topic, self._end("topics", index))])
        return topic

    def add_directive(
        self,
        addressee: str = "",
        content: str = "",
        deadline: date | None = None,
        issued_by: Attendance | None = None,
        index: int | None = None,
    ) -> Directive:
        directive = Directive(
            id=uuid.uuid4(),
            meeting_id=self.meeting.id,
            addressee=clean(addressee),
            content=clean(content),
            deadline=deadline,
            issued_by_id=issued_by.id if issued_by else self.meeting.chair_id,
            version=1,
        )
        self._run([InsertRow("directives", directive, self._end("directives", index))])
        return directive

    def add_carried_tasks(self, rows: list[CarriedTask], index: int | None = None) -> list[CarriedTask]:
        """Add tasks of an earlier session (made by ``carry_over``) as one step."""
        start = self._end("carried_tasks", index)
        for row in rows:
            row.meeting_id = self.meeting.id
        self._run(InsertRow("carried_tasks", row, start + i) for i, row in enumerate(rows))
        return rows

    def add_photo(self, photo: Photo, index: int | None = None) -> Photo:
        """Add a photo made by ``photos.photo_from_file``."""
        photo.meeting_id = self.meeting.id
        self._run([InsertRow("photos", photo, self._end("photos", index))])
        return photo

    def link_photo(self, speech: Speech, photo: Photo | None) -> None:
        self.set_field(speech, "photo_id", photo.id if photo else None)

    def _companion(self, table: str) -> Companion:
        """The meeting's press release or notice (``table``), created on first use."""
        row: Companion | None = getattr(self.meeting, table)
        if row is None:
            row = COMPANIONS[table](meeting_id=self.meeting.id, version=1)
            setattr(self.meeting, table, row)
            self._outbox.append((row_key(row), Insert(row_values(row))))
        return row

    def set_press_release_field(self, name: str, value: Any, typing: bool = False) -> None:
        """Set a field of the article's choices."""
        self.set_companion_field("press_release", name, value, typing)

    def set_press_release_fields(self, values: dict[str, Any]) -> None:
        """Set several fields of the article's choices as one undoable step (re-draft, restore)."""
        self.set_companion_fields("press_release", values)

    def set_companion_field(self, table: str, name: str, value: Any, typing: bool = False) -> None:
        """Set a field of the meeting's press release or notice (``table``)."""
        check_change(self.meeting, table, [name])
        self.set_field(self._companion(table), name, value, typing)
        self._hand_over()

    def set_companion_fields(self, table: str, values: dict[str, Any]) -> None:
        """Set several fields of the press release or notice as one undoable step (re-draft, restore)."""
        check_change(self.meeting, table, values)
        row = self._companion(table)
        self._run([SetField(row, name, getattr(row, name), value)
                   for name, value in values.items() if getattr(row, name) != value])
        self._hand_over()

    def _end(self, collection: str, index: int | None) -> int:
        return len(getattr(self.meeting, collection)) if index is None else index

    def delete(self, row: Part) -> None:
        """Delete a row, and clear what referred to it, as one step."""
        collection = COLLECTIONS[type(row)]
        steps: list[Primitive] = [
            SetField(other, name, row.id, None) for other, name in self._references(row)
        ]
        steps.append(RemoveRow(collection, row, getattr(self.meeting, collection).index(row)))
        self._run(steps)

    def _references(self, row: Part) -> list[tuple[Row, str]]:
        names = {
            Attendance: [("speeches", "speaker_id"), ("directives", "issued_by_id")],
            Photo: [("speeches", "photo_id")],
        }.get(type(row), [])
        found: list[tuple[Row, str]] = [
            (other, name)
            for collection, name in names
            for other in getattr(self.meeting, collection)
            if getattr(other, name) == row.id
        ]
        for name in ("chair_id", "secretary_id"):
            if getattr(self.meeting, name) == row.id:
                found.append((self.meeting, name))
        press = self.meeting.press_release
        if press is not None and press.general_photo_id == row.id:
            found.append((press, "general_photo_id"))
        return found

    # --- others' changes to a shared archive (see editing.sharing) ------------------

    def reload_state(self) -> None:
        """Show the record's state and version as the archive has them now (finalised or
        reopened just now)."""
        with self.archive.engine.connect() as connection:
            state, number, version = connection.execute(
                select(Meeting.state, Meeting.record_version, Meeting.version).where(Meeting.id == self.meeting.id)
            ).one()
        self.take(self.meeting, {"state": state, "record_version": number}, version)

    def row_for(self, key: RowKey) -> Row | None:
        """The open meeting's row behind ``key``, if the editor holds it."""
        if key.table == "meeting":
            return self.meeting if key.id == self.meeting.id else None
        if key.table in COMPANIONS:
            row: Companion | None = getattr(self.meeting, key.table)
            return row
        if key.table == "person":
            return next((a.person for a in self.meeting.attendances if a.person.id == key.id), None)
        return self._rows.get(key.id)

    def resubmit(self, key: RowKey, change: Change, version: int) -> None:
        """Hand a change over again, made now on ``version`` (a conflict decided for mine)."""
        check_change(self.meeting, key.table, change.values if isinstance(change, Update) else None)
        self.autosaver.accept_version(key, version)
        self._outbox.append((key, change))
        self._hand_over()

    def take(self, row: Row, values: dict[str, Any], version: int) -> None:
        """Show another person's saved values of ``row`` (columns by name); not undoable,
        not written back."""
        self.autosaver.accept_version(row_key(row), version)
        row.version = version
        for name, value in values.items():
            if getattr(row, name) != value:
                setattr(row, name, value)
                if row is self.meeting and name == "state":
                    # Finalised or reopened: what was done before is not undone across that line.
                    self.history.done.clear()
                    self.history.undone.clear()
                    self.history.seal()
                self._emit(FieldChanged(row, name))

    def adopt(self, collection: str, row: Part, index: int) -> None:
        """Show a row another person added."""
        getattr(self.meeting, collection).insert(index, row)
        self._rows[row.id] = row
        self.autosaver.accept_version(row_key(row), row.version)
        self._emit(RowInserted(collection, index))

    def drop(self, collection: str, row: Part) -> None:
        """Stop showing a row another person deleted."""
        items = getattr(self.meeting, collection)
        index = items.index(row)
        del items[index]
        del self._rows[row.id]
        self._emit(RowRemoved(collection, index))

    def move(self, row: Part, target: int) -> None:
        """Move a row to place ``target`` of its list."""
        collection = COLLECTIONS[type(row)]
        source = getattr(self.meeting, collection).index(row)
        if source != target:
            self._run([MoveRow(collection, source, target)])
