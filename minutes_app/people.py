"""The people directory: who has attended before, and when an attendee is someone known.

Vietnamese names repeat (there are many a 'Nguyễn Văn An'), so a name alone never
joins two records: the same name must come with an overlapping title or the same
organisation at an earlier meeting.
"""

import uuid
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minutes_app.model import Attendance, Meeting, Person


def _same(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.casefold() == b.casefold())


def is_safe_match(earlier: Attendance, titles: list[str], organization: str | None) -> bool:
    """Whether an attendee with these titles is the person of an earlier attendance."""
    earlier_titles = {t.casefold() for t in earlier.titles}
    return any(t.casefold() in earlier_titles for t in titles) or _same(
        organization, earlier.organization
    )


def find_person(
    session: Session, name: str, titles: list[str], organization: str | None, exclude: set[uuid.UUID]
) -> Person | None:
    """The known person this attendee safely matches, the most recently seen first."""
    query = (
        select(Attendance)
        .join(Attendance.person)
        .join(Attendance.meeting)
        .where(Person.name == name)
        .order_by(Meeting.starts_at.desc(), Attendance.id.desc())
    )
    for earlier in session.scalars(query):
        if earlier.person_id not in exclude and is_safe_match(earlier, titles, organization):
            return earlier.person
    return None


def join_known_people(session: Session, meeting: Meeting) -> None:
    """Replace each new attendee's person with a known one where the match is safe."""
    used: set[uuid.UUID] = set()
    # The meeting is not in the session yet: flushing half of it would fail.
    with session.no_autoflush:
        for attendance in meeting.attendances:
            person_id: uuid.UUID | None = attendance.person.id  # None until the person is flushed
            if person_id is not None:
                used.add(person_id)
                continue
            known = find_person(
                session, attendance.person.name, attendance.titles, attendance.organization, used
            )
            if known is not None:
                attendance.person = known
                used.add(known.id)


@dataclass(frozen=True)
class KnownPerson:
    """A person of the directory, as they were at their latest meeting."""

    person_id: uuid.UUID
    name: str
    titles: tuple[str, ...]
    organization: str | None
    group: str | None
    honorific: str | None


def directory(session: Session) -> list[KnownPerson]:
    """Everyone who attended a meeting, with their latest titles, most recently seen first."""
    latest = (
        select(
            Attendance.person_id,
            Attendance.titles,
            Attendance.organization,
            Attendance.group_name,
            Attendance.honorific,
            Meeting.starts_at,
            func.row_number()
            .over(partition_by=Attendance.person_id, order_by=Meeting.starts_at.desc())
            .label("n"),
        )
        .join(Meeting, Meeting.id == Attendance.meeting_id)
        .subquery()
    )
    query = (
        select(Person.id, Person.name, latest.c.titles, latest.c.organization,
               latest.c.group_name, latest.c.honorific)
        .join(latest, latest.c.person_id == Person.id)
        .where(latest.c.n == 1)
        .order_by(latest.c.starts_at.desc(), Person.name)
    )
    return [
        KnownPerson(pid, name, tuple(titles or ()), org, group, honorific)
        for pid, name, titles, org, group, honorific in session.execute(query)
    ]
