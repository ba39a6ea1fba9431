"""The directory of bodies: the agencies and units the archive has named, learnt as the
people directory is, from what the secretaries typed before.

A body is known from every place a record names one: the addressee of a directive, the
unit in charge and the partner units of a task, the units of tasks carried over, the
organisation of an attendee and the organiser of a meeting. Spellings that differ only
in case, diacritics or spaces ('Sở Y tế', 'Sở Y Tế') are one body, shown as it was
typed most often.
"""

from collections import Counter
from collections.abc import Iterable

from sqlalchemy import func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from minutes_app.model import Attendance, CarriedTask, Directive, Meeting
from minutes_app.text import fold

_NAMED_BY: tuple[InstrumentedAttribute[str] | InstrumentedAttribute[str | None], ...] = (
    Directive.addressee, Directive.lead_unit, CarriedTask.unit, Attendance.organization, Meeting.organizer_name,
)


def body_key(name: str) -> str:
    """What two spellings of one body have in common: 'Sở  Y Tế' -> 'so y te'."""
    return " ".join(fold(name).split())


def known_bodies(session: Session) -> list[str]:
    """Every body named in the archive, the most often named first."""
    uses: Counter[str] = Counter()
    for column in _NAMED_BY:
        query = select(column, func.count()).where(column.is_not(None)).group_by(column)
        uses.update({name: n for name, n in session.execute(query) if name is not None})
    for partners in session.scalars(select(Directive.partners).where(Directive.partners.is_not(None))):
        uses.update(partners or ())
    return most_used(uses.items())


def most_used(counted: Iterable[tuple[str, int]]) -> list[str]:
    """Names with their uses, as one name per body (its most used spelling), the most
    used body first; blank names left out."""
    bodies: dict[str, Counter[str]] = {}
    for name, n in counted:
        name = " ".join(name.split())
        if name:
            bodies.setdefault(body_key(name), Counter())[name] += n
    ranked = sorted(bodies.values(), key=lambda spellings: (-sum(spellings.values()), spellings.most_common(1)[0][0]))
    return [spellings.most_common(1)[0][0] for spellings in ranked]
