"""Search over titles, people and text that ignores diacritics and case.

Every searchable row (a meeting, an attendance, a speech, a topic, a directive, a photo)
has one row in ``search_text`` with its text folded by ``minutes_app.text.fold``, which
also turns đ/Đ into d (FTS5 alone does not). Each write path calls ``refresh`` for the
rows it wrote; deleting a meeting removes its rows by the foreign key's cascade.

On SQLite an FTS5 index over ``search_text``, kept by triggers (migration 0002), answers
the queries; on other databases a LIKE over the folded text does, so another engine's
index (PostgreSQL's trigram or full-text) can be added behind ``matching_meetings``.
"""

import re
import uuid
from collections.abc import Collection, Iterable, Iterator
from typing import Any

from sqlalchemy import Connection, Select, delete, insert, intersect, select, text

from minutes_app.model import Base, SearchText
from minutes_app.text import fold

FTS_TABLE = "search_fts"

# The columns whose text is searched, by table (an attendance is found by its person's name).
SEARCHED: dict[str, tuple[str, ...]] = {
    "meeting": (
        "title", "organizer_name", "organizer_parent", "document_number", "place_name",
        "venue", "agenda",
    ),
    "attendance": ("person_id", "honorific", "titles", "organization", "group_name"),
    "speech": ("subject", "summary"),
    "topic": ("title", "notes"),
    "directive": ("addressee", "content"),
    "photo": ("caption",),
}
# Renaming a person changes the text of their attendances.
PERSON_TABLE = "person"
# SQLite allows 999 parameters in one statement in older builds.
_CHUNK = 500


def _source(table: str) -> tuple[Select[Any], Any]:
    """The query giving (row id, meeting id, texts...) of ``table``, and the column to pick rows by."""
    t = Base.metadata.tables[table]
    if table == "meeting":
        return select(t.c.uid, t.c.id, *(t.c[c] for c in SEARCHED[table])), t.c.id
    if table == "attendance":
        person = Base.metadata.tables[PERSON_TABLE]
        columns = (t.c[c] for c in SEARCHED[table] if c != "person_id")
        query = select(t.c.id, t.c.meeting_id, person.c.name, *columns).join(
            person, person.c.id == t.c.person_id
        )
        return query, t.c.id
    return select(t.c.id, t.c.meeting_id, *(t.c[c] for c in SEARCHED[table])), t.c.id


def folded_text(values: Iterable[Any]) -> str:
    """The searchable text of a row's values: lists flattened, empty ones skipped, folded."""
    parts: list[str] = []
    for value in values:
        if isinstance(value, list):
            parts.extend(str(item) for item in value if item)
        elif value:
            parts.append(str(value))
    return fold("\n".join(parts))


def _chunks(ids: Collection[Any]) -> Iterator[list[Any]]:
    items = list(ids)
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def refresh(connection: Connection, table: str, ids: Collection[Any]) -> None:
    """Re-read the text of these rows of ``table`` (primary keys) into the index."""
    if table == PERSON_TABLE:
        attendance = Base.metadata.tables["attendance"]
        for chunk in _chunks(ids):
            query = select(attendance.c.id).where(attendance.c.person_id.in_(chunk))
            refresh(connection, "attendance", connection.scalars(query).all())
        return
    if table not in SEARCHED or not ids:
        return
    query, key = _source(table)
    for chunk in _chunks(ids):
        rows = connection.execute(query.where(key.in_(chunk))).all()
        if not rows:
            continue
        row_ids = [row[0] for row in rows]
        connection.execute(delete(SearchText).where(SearchText.row_id.in_(row_ids)))
        connection.execute(
            insert(SearchText),
            [{"row_id": r[0], "meeting_id": r[1], "text": folded_text(r[2:])} for r in rows],
        )


def forget(connection: Connection, row_ids: Collection[uuid.UUID]) -> None:
    """Drop the index rows of deleted parts (a deleted meeting's go by cascade)."""
    for chunk in _chunks(row_ids):
        connection.execute(delete(SearchText).where(SearchText.row_id.in_(chunk)))


def reindex_meeting(connection: Connection, meeting_id: int) -> None:
    """Index a whole meeting, as after an import."""
    refresh(connection, "meeting", [meeting_id])
    for table in SEARCHED:
        if table != "meeting":
            t = Base.metadata.tables[table]
            ids = connection.scalars(select(t.c.id).where(t.c.meeting_id == meeting_id)).all()
            refresh(connection, table, ids)


def terms(query: str) -> list[str]:
    """The folded words of a query: 'Phạm  Minh TẤN' -> ['pham', 'minh', 'tan']."""
    return re.findall(r"\w+", fold(query))


def matching_meetings(connection: Connection, query: str) -> set[int] | None:
    """Ids of the meetings whose text holds every word of ``query`` (as a word prefix);
    None when the query has no words, meaning no filter."""
    words = terms(query)
    if not words:
        return None
    if connection.dialect.name == "sqlite":
        sql = " INTERSECT ".join(
            f"SELECT meeting_id FROM search_text WHERE id IN "
            f"(SELECT rowid FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :w{i})"
            for i in range(len(words))
        )
        # Words are \w+ only, so quoting them makes a valid FTS5 prefix query.
        statement: Any = text(sql).bindparams(**{f"w{i}": f'"{w}"*' for i, w in enumerate(words)})
    else:
        parts = [
            select(SearchText.meeting_id).where(SearchText.text.contains(word, autoescape=True))
            for word in words
        ]
        statement = parts[0] if len(parts) == 1 else intersect(*parts)
    return set(connection.scalars(statement))
