"""Two people, one meeting, on a shared archive.

A save that finds a row changed by someone else is not written (see autosave); here
such a conflict is explained (who saved what) and decided: keep mine, or take theirs.
And what others save is brought into the open meeting, row by row, leaving alone the
rows with changes of one's own still on their way to the disk and the field being
typed in.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select

from minutes_app.editing.autosave import Conflict
from minutes_app.editing.changes import Change, Delete, Insert, RowKey, Update
from minutes_app.editing.editor import COLLECTIONS, MeetingEditor, Part, Row, row_key, row_values
from minutes_app.model import Attendance, Base, Person, PressRelease

Busy = Callable[[Row, str], bool]  # whether the user is typing in this field of this row


@dataclass(frozen=True)
class ConflictDetail:
    key: RowKey
    row: Row | None  # the editor's row (None: it was deleted here)
    mine: Change
    theirs: dict[str, Any] | None  # the row on the disk now; None: someone deleted it

    @property
    def changed_by(self) -> str | None:
        return self.theirs.get("updated_by") if self.theirs else None

    @property
    def fields(self) -> list[str]:
        """The fields I changed that the other person's version may differ on."""
        if isinstance(self.mine, Update):
            return [name for name in self.mine.values if name not in ("position", "version", "updated_by")]
        return []


def _table(key: RowKey) -> Table:
    return Base.metadata.tables[key.table]


def explain(editor: MeetingEditor, conflict: Conflict) -> ConflictDetail:
    table = _table(conflict.key)
    (pk,) = table.primary_key.columns
    with editor.archive.engine.connect() as connection:
        found = connection.execute(select(table).where(pk == conflict.key.id)).mappings().first()
    return ConflictDetail(conflict.key, editor.row_for(conflict.key), conflict.change,
                          dict(found) if found is not None else None)


def keep_mine(editor: MeetingEditor, detail: ConflictDetail) -> None:
    """Write my version over theirs (the user chose so, knowing who changed what)."""
    theirs, mine = detail.theirs, detail.mine
    if theirs is None:
        if detail.row is not None and not isinstance(mine, Delete):
            # They deleted the row: mine brings it back as I have it.
            editor.resubmit(detail.key, Insert(row_values(detail.row) | {"version": 1}), 1)
        return
    version = theirs["version"]
    if isinstance(mine, Update):
        editor.resubmit(detail.key, Update(mine.values, version), version)
    elif isinstance(mine, Delete):
        editor.resubmit(detail.key, Delete(version), version)


def take_theirs(editor: MeetingEditor, detail: ConflictDetail) -> None:
    """Show their version and drop my change."""
    row = detail.row
    if detail.theirs is None:
        if isinstance(row, Part):
            editor.drop(COLLECTIONS[type(row)], row)
        return
    if row is None:
        _adopt(editor, detail.key, detail.theirs)
    else:
        editor.take(row, _columns(row, detail.theirs), detail.theirs["version"])


def _columns(row: Row | type[Row], values: dict[str, Any]) -> dict[str, Any]:
    """The row's column attributes among ``values`` (bookkeeping columns aside)."""
    model = row if isinstance(row, type) else type(row)
    names = {attribute.key for attribute in model.__mapper__.column_attrs} - {"version", "updated_by"}
    return {key: value for key, value in values.items() if key in names}


def _model(table: str) -> type[Part]:
    return next(model for model in COLLECTIONS if model.__tablename__ == table)


def _adopt(editor: MeetingEditor, key: RowKey, values: dict[str, Any]) -> None:
    """Show a row another person added (or kept after I deleted it)."""
    model = _model(key.table)
    row = model(**_columns(model, values), version=values["version"])
    if isinstance(row, Attendance):
        known = editor.row_for(RowKey("person", row.person_id))
        row.person = known if isinstance(known, Person) else _load_person(editor, row.person_id)
    items = getattr(editor.meeting, COLLECTIONS[model])
    index = sum(1 for item in items if item.position <= row.position)
    editor.adopt(COLLECTIONS[model], row, index)


def _load_person(editor: MeetingEditor, person_id: Any) -> Person:
    table = Base.metadata.tables["person"]
    with editor.archive.engine.connect() as connection:
        values = connection.execute(select(table).where(table.c.id == person_id)).mappings().one()
    return Person(**_columns(Person, dict(values)), version=values["version"])


def refresh(editor: MeetingEditor, busy: Busy, undecided: set[RowKey]) -> int:
    """Bring in what others saved since the meeting was opened or last refreshed;
    returns how many rows changed. ``undecided``: rows of conflicts still to decide."""
    meeting = editor.meeting
    wait = editor.autosaver.busy_rows() | undecided
    tables = Base.metadata.tables
    with editor.archive.engine.connect() as connection:
        on_disk: dict[str, list[dict[str, Any]]] = {
            name: [dict(r) for r in connection.execute(
                select(tables[name]).where(tables[name].c.meeting_id == meeting.id)).mappings()]
            for name in ("press_release", *(m.__tablename__ for m in COLLECTIONS))
        }
        on_disk["meeting"] = [dict(r) for r in connection.execute(
            select(tables["meeting"]).where(tables["meeting"].c.id == meeting.id)).mappings()]
        person_ids = [a.person.id for a in meeting.attendances]
        on_disk["person"] = [dict(r) for r in connection.execute(
            select(tables["person"]).where(tables["person"].c.id.in_(person_ids))).mappings()] if person_ids else []

    changed = 0
    for table, rows in on_disk.items():
        for values in rows:
            key = RowKey(table, values["meeting_id"] if table == "press_release" else values["id"])
            if key in wait:
                continue
            row = editor.row_for(key)
            if row is None:
                if table == "press_release":
                    meeting.press_release = PressRelease(meeting_id=meeting.id, version=0)
                    editor.take(meeting.press_release, _columns(PressRelease, values), values["version"])
                elif table not in ("meeting", "person"):
                    _adopt(editor, key, values)
                changed += 1
                continue
            if values["version"] <= editor.autosaver.known_version(key, row.version):
                continue
            theirs = _columns(row, values)
            if any(busy(row, name) and getattr(row, name) != value for name, value in theirs.items()):
                continue  # the user is typing in a field they changed: later, or a conflict
            editor.take(row, theirs, values["version"])
            changed += 1
    for model, collection in COLLECTIONS.items():
        present = {values["id"] for values in on_disk[model.__tablename__]}
        for row in list(getattr(meeting, collection)):
            if row.id not in present and row_key(row) not in wait:
                editor.drop(collection, row)
                changed += 1
    return changed
