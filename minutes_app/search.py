"""Search over titles, people and text that ignores diacritics and case.

Every searchable row (a meeting, an attendance, a speech, a topic, a directive, a task
carried over, a photo) has one row in ``search_text`` with its text folded by ``minutes_app.text.fold``, which
also turns đ/Đ into d. The words of those texts are counted per meeting in
``search_term`` (a word, a meeting, in how many of its rows). A search reads only that
table: each word of the query is a prefix, so a range of words, and the answer is the
meetings that have a word in every range. Because the words are counted, a row that changes adds
and takes back only its own words: an autosave writes a few rows, never the whole
meeting's text. The same tables and queries serve every database.

Each write path calls ``refresh`` for the rows it wrote and ``forget`` for the rows it
deleted; deleting a meeting removes its rows by the foreign keys' cascade.
"""

import re
import uuid
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    delete,
    exists,
    func,
    insert,
    select,
    update,
)

from minutes_app.model import Base, Meeting, SearchTerm, SearchText
from minutes_app.text import fold

# The columns whose text is searched, by table (an attendance is found by its person's name).
SEARCHED: dict[str, tuple[str, ...]] = {
    "meeting": (
        "title", "organizer_name", "organizer_parent", "document_number", "place_name",
        "venue", "agenda",
    ),
    "attendance": ("person_id", "honorific", "titles", "organization", "group_name"),
    "speech": ("subject", "summary"),
    "topic": ("title", "notes"),
    "directive": ("addressee", "content", "lead_unit", "partners", "result", "report_number"),
    "carried_task": ("unit", "content", "outcome"),
    "photo": ("caption",),
}
# Renaming a person changes the text of their attendances.
PERSON_TABLE = "person"
# SQLite allows 999 parameters in one statement in older builds.
_CHUNK = 500
_WORD = re.compile(r"\w+")
# Entries of a word counted, at most, to tell a rare word of a query from a common one.
_ENOUGH = 2000


def _source(table: str, searched: Mapping[str, tuple[str, ...]]) -> tuple[Select[Any], Any]:
    """The query giving (row id, meeting id, texts...) of ``table``, and the column to pick rows by."""
    t = Base.metadata.tables[table]
    if table == "meeting":
        return select(t.c.uid, t.c.id, *(t.c[c] for c in searched[table])), t.c.id
    if table == "attendance":
        person = Base.metadata.tables[PERSON_TABLE]
        columns = (t.c[c] for c in searched[table] if c != "person_id")
        query = select(t.c.id, t.c.meeting_id, person.c.name, *columns).join(
            person, person.c.id == t.c.person_id
        )
        return query, t.c.id
    return select(t.c.id, t.c.meeting_id, *(t.c[c] for c in searched[table])), t.c.id


def folded_text(values: Iterable[Any]) -> str:
    """The searchable text of a row's values: lists flattened, empty ones skipped, folded."""
    parts: list[str] = []
    for value in values:
        if isinstance(value, list):
            parts.extend(str(item) for item in value if item)
        elif value:
            parts.append(str(value))
    return fold("\n".join(parts))


def terms(query: str) -> list[str]:
    """The folded words of a text: 'Phạm  Minh TẤN' -> ['pham', 'minh', 'tan']."""
    return _WORD.findall(fold(query))


def _words(folded: str) -> set[str]:
    return set(_WORD.findall(folded))


def _chunks(ids: Collection[Any], size: int = _CHUNK) -> Iterator[list[Any]]:
    items = list(ids)
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _count(connection: Connection, deltas: Counter[tuple[str, int]]) -> None:
    """Add ``deltas`` to the counts of (word, meeting); a word no row holds any more goes."""
    changed = {key: n for key, n in deltas.items() if n}
    if not changed:
        return
    existing: set[tuple[str, int]] = set()
    words, meetings = {w for w, _ in changed}, {m for _, m in changed}
    for some_words in _chunks(words, _CHUNK // 2):
        for some_meetings in _chunks(meetings, _CHUNK // 2):
            query = select(SearchTerm.term, SearchTerm.meeting_id).where(
                SearchTerm.term.in_(some_words), SearchTerm.meeting_id.in_(some_meetings)
            )
            existing.update((w, m) for w, m in connection.execute(query))
    new = [{"term": w, "meeting_id": m, "uses": n} for (w, m), n in changed.items() if (w, m) not in existing]
    if new:
        connection.execute(insert(SearchTerm), new)
    known: list[dict[str, Any]] = [{"w": w, "m": m, "n": n} for (w, m), n in changed.items() if (w, m) in existing]
    if known:
        key = (SearchTerm.term == bindparam("w")) & (SearchTerm.meeting_id == bindparam("m"))
        connection.execute(update(SearchTerm).where(key).values(uses=SearchTerm.uses + bindparam("n")), known)
        fewer = [{"w": k["w"], "m": k["m"]} for k in known if k["n"] < 0]
        if fewer:
            connection.execute(delete(SearchTerm).where(key & (SearchTerm.uses <= 0)), fewer)


def _stored(connection: Connection, row_ids: list[Any]) -> dict[Any, tuple[int, str]]:
    """The meeting and the indexed text of these rows, by row id."""
    query = select(SearchText.row_id, SearchText.meeting_id, SearchText.text).where(SearchText.row_id.in_(row_ids))
    return {row_id: (meeting_id, text) for row_id, meeting_id, text in connection.execute(query)}


def refresh(
    connection: Connection, table: str, ids: Collection[Any], searched: Mapping[str, tuple[str, ...]] = SEARCHED
) -> None:
    """Re-read the text of these rows of ``table`` (primary keys) into the index; a
    migration names the ``searched`` columns of its own revision."""
    if table == PERSON_TABLE:
        attendance = Base.metadata.tables["attendance"]
        for chunk in _chunks(ids):
            query = select(attendance.c.id).where(attendance.c.person_id.in_(chunk))
            refresh(connection, "attendance", connection.scalars(query).all(), searched)
        return
    if table not in searched or not ids:
        return
    query, key = _source(table, searched)
    for chunk in _chunks(ids):
        new = {row[0]: (row[1], folded_text(row[2:])) for row in connection.execute(query.where(key.in_(chunk)))}
        old = _stored(connection, list(new))
        changed = [row_id for row_id in new if old.get(row_id) != new[row_id]]
        if not changed:
            continue
        deltas: Counter[tuple[str, int]] = Counter()
        for row_id in changed:
            if row_id in old:
                meeting_id, text = old[row_id]
                deltas.subtract((word, meeting_id) for word in _words(text))
            meeting_id, text = new[row_id]
            deltas.update((word, meeting_id) for word in _words(text))
        _count(connection, deltas)
        if stale := [row_id for row_id in changed if row_id in old]:
            connection.execute(delete(SearchText).where(SearchText.row_id.in_(stale)))
        connection.execute(
            insert(SearchText),
            [{"row_id": r, "meeting_id": new[r][0], "text": new[r][1]} for r in changed],
        )


def forget(connection: Connection, row_ids: Collection[uuid.UUID]) -> None:
    """Drop the index rows of deleted parts (a deleted meeting's go by cascade)."""
    for chunk in _chunks(row_ids):
        deltas: Counter[tuple[str, int]] = Counter()
        for meeting_id, text in _stored(connection, chunk).values():
            deltas.subtract((word, meeting_id) for word in _words(text))
        _count(connection, deltas)
        connection.execute(delete(SearchText).where(SearchText.row_id.in_(chunk)))


def reindex_meeting(
    connection: Connection, meeting_id: int, searched: Mapping[str, tuple[str, ...]] = SEARCHED
) -> None:
    """Index a whole meeting, as after an import."""
    refresh(connection, "meeting", [meeting_id], searched)
    for table in searched:
        if table != "meeting":
            t = Base.metadata.tables[table]
            ids = connection.scalars(select(t.c.id).where(t.c.meeting_id == meeting_id)).all()
            refresh(connection, table, ids, searched)


def _starting_with(word: str) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """The words of search_term that start with ``word``: a range of its key."""
    return SearchTerm.term >= word, SearchTerm.term < word[:-1] + chr(ord(word[-1]) + 1)


def _frequency(connection: Connection, word: str) -> int:
    """How many (word, meeting) entries start with ``word``, counted up to _ENOUGH."""
    sample = select(SearchTerm.term).where(*_starting_with(word)).limit(_ENOUGH).subquery()
    return connection.scalar(select(func.count()).select_from(sample)) or 0


def matching(connection: Connection, query: str) -> ColumnElement[bool] | None:
    """A condition on ``meeting``: its text holds every word of ``query``, each as the start
    of a word; None when the query has no words, meaning no filter.

    The list is read newest first and stops after a page: each meeting on the way is
    checked for each word by a lookup of its words (meeting, range of words), the rarest
    word first. A rare word (fewer than _ENOUGH entries) instead gives the candidates at
    once, so a search for it does not check every meeting of the archive.
    """
    words = list(dict.fromkeys(terms(query)))
    if not words:
        return None
    counts = {word: _frequency(connection, word) for word in words}
    words.sort(key=counts.__getitem__)
    conditions: list[ColumnElement[bool]] = [
        exists().where(SearchTerm.meeting_id == Meeting.id, *_starting_with(word)) for word in words
    ]
    if counts[words[0]] < _ENOUGH:
        conditions[0] = Meeting.id.in_(select(SearchTerm.meeting_id).where(*_starting_with(words[0])))
    return and_(*conditions)
