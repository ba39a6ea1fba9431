"""Directives followed up as tasks: who is in charge, the deadline that applies, the status.

A task is a directive (``model.Directive``). Its status is never typed: it follows from
the deadline that applies (the last extension's, else the original one), whether the
task is ongoing or periodic, its completion date and the day it is looked at, counted
as the Government's task reports count them (Decree 30/2020, Article 23; QĐ 42/2014):
done on time or late, open within the deadline or overdue. A deadline is the last day
allowed: done on that day is on time, and the day after it is overdue.

Extensions and progress notes are stored as lists of small JSON objects on the
directive (``deadline_extensions``, ``progress``); the functions here read them as typed
values and build the new lists an edit stores, so the editor's undo and autosave treat
them as any other field.
"""

import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from minutes_app.documents.wording import short_date
from minutes_app.i18n import N_, _
from minutes_app.model import Directive

# How many days before its deadline an open task is due soon (the window's setting).
DUE_SOON_DAYS = 7
# Digits of a task's UUID shown as its id ('3f2a9c1e'); any unique start of it is accepted.
SHORT_ID = 8


class Status(enum.StrEnum):
    """In the order a register shows them first: what needs attention at the top."""

    OVERDUE = "overdue"
    DUE_SOON = "due-soon"
    IN_TIME = "in-time"
    ONGOING = "ongoing"
    DONE_LATE = "done-late"
    DONE_ON_TIME = "done-on-time"

    @property
    def label(self) -> str:
        return _(self.wording)

    @property
    def wording(self) -> str:
        """As documents write it, in Vietnamese whatever the window's language."""
        return _STATUS_LABELS[self]

    @property
    def done(self) -> bool:
        return self in DONE


_STATUS_LABELS = {
    Status.OVERDUE: N_("Quá hạn"),
    Status.DUE_SOON: N_("Sắp đến hạn"),
    Status.IN_TIME: N_("Trong hạn"),
    Status.ONGOING: N_("Thường xuyên, định kỳ"),
    Status.DONE_LATE: N_("Hoàn thành quá hạn"),
    Status.DONE_ON_TIME: N_("Hoàn thành đúng hạn"),
}
STATUSES = tuple(Status)
# The order a report counts them in: done (on time, late), then open (by urgency).
REPORT_ORDER = (Status.DONE_ON_TIME, Status.DONE_LATE, Status.IN_TIME, Status.DUE_SOON, Status.OVERDUE,
                Status.ONGOING)
DONE = frozenset({Status.DONE_LATE, Status.DONE_ON_TIME})
OPEN = frozenset(STATUSES) - DONE
# Names that stand for several statuses on the command line.
STATUS_GROUPS: dict[str, frozenset[Status]] = {"open": OPEN, "done": DONE, "late": frozenset({
    Status.OVERDUE, Status.DONE_LATE})}


class Recurrence(enum.StrEnum):
    """A task with no single deadline: carried out all along, or reported on each period."""

    ONGOING = "ongoing"
    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    HALF_YEARLY = "half-yearly"
    YEARLY = "yearly"

    @property
    def label(self) -> str:
        return _(self.wording)

    @property
    def wording(self) -> str:
        """As documents write it, in Vietnamese whatever the window's language."""
        return _RECURRENCE_LABELS[self]


_RECURRENCE_LABELS = {
    Recurrence.ONGOING: N_("thường xuyên"),
    Recurrence.MONTHLY: N_("hằng tháng"),
    Recurrence.QUARTERLY: N_("hằng quý"),
    Recurrence.HALF_YEARLY: N_("6 tháng một lần"),
    Recurrence.YEARLY: N_("hằng năm"),
}


def recurrence_label(value: str | None, document: bool = False) -> str:
    """'hằng quý' for 'quarterly' (translated unless for a ``document``); empty for none,
    and a value this version does not know as it is."""
    if not value:
        return ""
    try:
        recurrence = Recurrence(value)
    except ValueError:
        return value
    return recurrence.wording if document else recurrence.label


@dataclass(frozen=True)
class Extension:
    """A later deadline granted: until when, why, and who granted it."""

    until: date
    reason: str
    granted_by: str = ""

    def as_json(self) -> dict[str, Any]:
        item: dict[str, Any] = {"until": self.until.isoformat(), "reason": self.reason}
        return item | ({"granted_by": self.granted_by} if self.granted_by else {})


@dataclass(frozen=True)
class ProgressNote:
    """What was done so far, as reported on a day."""

    on: date
    text: str

    def as_json(self) -> dict[str, Any]:
        return {"on": self.on.isoformat(), "text": self.text}


def extensions(directive: Directive) -> list[Extension]:
    return [Extension(date.fromisoformat(e["until"]), e.get("reason", ""), e.get("granted_by", ""))
            for e in directive.deadline_extensions or ()]


def progress_notes(directive: Directive) -> list[ProgressNote]:
    return [ProgressNote(date.fromisoformat(n["on"]), n.get("text", "")) for n in directive.progress or ()]


def with_extension(directive: Directive, extension: Extension) -> list[dict[str, Any]]:
    """The directive's extensions with one more, as the column stores them."""
    return [*(directive.deadline_extensions or ()), extension.as_json()]


def with_note(directive: Directive, note: ProgressNote) -> list[dict[str, Any]]:
    """The directive's progress notes with one more, oldest first (a note of an earlier day
    typed later goes to its place)."""
    notes = [*(directive.progress or ()), note.as_json()]
    return sorted(notes, key=lambda n: str(n["on"]))


def without_item(items: list[dict[str, Any]] | None, index: int) -> list[dict[str, Any]] | None:
    """The list without its item ``index``; None when nothing is left."""
    rest = [item for i, item in enumerate(items or ()) if i != index]
    return rest or None


def extension_problem(directive: Directive, until: date, reason: str) -> str | None:
    """Why the task cannot get ``until`` as its new deadline, for the user; None if it can."""
    due = current_deadline(directive)
    if due is None:
        return _("Nhiệm vụ này không có thời hạn để gia hạn.")
    if until <= due:
        return _("Hạn mới {until} phải sau hạn hiện tại {due}.").format(until=short_date(until), due=short_date(due))
    if not reason.strip():
        return _("Hãy ghi lý do gia hạn.")
    return None


def unit_in_charge(directive: Directive) -> str:
    """The unit in charge (chủ trì): the one named among several addressees, else the addressee."""
    return directive.lead_unit or directive.addressee


def current_deadline(directive: Directive) -> date | None:
    """The deadline that applies: the last extension's, else the original one."""
    granted = directive.deadline_extensions
    return date.fromisoformat(granted[-1]["until"]) if granted else directive.deadline


def statuses_of(
    dues: Iterable[str | None], dones: Iterable[str | None], recurrences: Iterable[str | None], today: str, soon: str
) -> list[int]:
    """The status of each task (its index in STATUSES), from ISO dates ('2026-11-30'),
    which compare as the days do: the deadline that applies, the completion date, today
    and the last day that counts as due soon. Written for a column of a hundred thousand
    tasks: one pass, no call per task.

    Done by the deadline is on time, and so is done with no deadline at all. An ongoing or
    periodic task stays ongoing until it is done, or until its end date (if it has one)
    has passed. An open task with no deadline is within its deadline."""
    return [
        (_DONE_ON_TIME if due is None or done <= due else _DONE_LATE) if done is not None
        else _OVERDUE if due is not None and today > due
        else _ONGOING if recurrence
        else _DUE_SOON if due is not None and due <= soon
        else _IN_TIME
        for due, done, recurrence in zip(dues, dones, recurrences, strict=True)
    ]


_OVERDUE, _DUE_SOON, _IN_TIME, _ONGOING, _DONE_LATE, _DONE_ON_TIME = (STATUSES.index(s) for s in (
    Status.OVERDUE, Status.DUE_SOON, Status.IN_TIME, Status.ONGOING, Status.DONE_LATE, Status.DONE_ON_TIME))


def status_of(due: str | None, done: str | None, recurrence: str | None, today: str, soon: str) -> Status:
    """The status of one task, by the rule of ``statuses_of``."""
    return STATUSES[statuses_of([due], [done], [recurrence], today, soon)[0]]


def due_soon_until(today: date, soon_days: int) -> date:
    """The last day whose deadline counts as due soon when looked at on ``today``."""
    return today + timedelta(days=soon_days)


def task_status(directive: Directive, today: date, soon_days: int = DUE_SOON_DAYS) -> Status:
    due = current_deadline(directive)
    return status_of(
        due.isoformat() if due else None,
        directive.done_on.isoformat() if directive.done_on else None,
        directive.recurrence,
        today.isoformat(),
        due_soon_until(today, soon_days).isoformat(),
    )


def short_id(task_id: uuid.UUID | str) -> str:
    """The id a person types: the first digits of the UUID."""
    return uuid.UUID(str(task_id)).hex[:SHORT_ID]


def deadline_text(due: date | None, recurrence: str | None, document: bool = False) -> str:
    """'30/11/2026', 'hằng quý', 'hằng quý, đến 31/12/2026', or empty (translated unless
    for a ``document``)."""
    if not recurrence:
        return short_date(due) if due is not None else ""
    text = recurrence_label(recurrence, document)
    if due is None:
        return text
    until = "đến {date}" if document else _("đến {date}")
    return f"{text}, {until.format(date=short_date(due))}"


def parse_statuses(names: Iterable[str]) -> frozenset[Status]:
    """Statuses named one by one or as groups ('overdue', 'open'); raises ValueError naming
    the first unknown name."""
    wanted: set[Status] = set()
    for name in names:
        name = name.strip().casefold()
        if name in STATUS_GROUPS:
            wanted |= STATUS_GROUPS[name]
        else:
            try:
                wanted.add(Status(name))
            except ValueError:
                raise ValueError(name) from None
    return frozenset(wanted)
