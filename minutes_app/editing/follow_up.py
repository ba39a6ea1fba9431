"""Recording how a task went, outside a meeting window: done, extended, a progress note.

The command line changes one task of a meeting nobody has open here; the change goes
through the row's version as every save does, so a meeting window that has the task
open meets it as someone else's change (a conflict it explains), and two such changes
at once cannot overwrite each other.
"""

import re
import uuid
from collections.abc import Callable
from datetime import date

from sqlalchemy import String, cast, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from minutes_app import search
from minutes_app.archive import Archive
from minutes_app.documents.wording import short_date
from minutes_app.i18n import _
from minutes_app.model import Directive, Meeting
from minutes_app.tasks import Extension, ProgressNote, extension_problem, with_extension, with_note
from minutes_app.text import clean

# The fewest digits of a task's id that are accepted: fewer would name many tasks.
MIN_ID_DIGITS = 4
_HEX = re.compile(r"^[0-9a-f]+$")


class TaskError(Exception):
    """A task that cannot be found or changed as asked; the message is for the user."""


def find_task(session: Session, task_id: str) -> Directive:
    """The task whose id is ``task_id``, in full or any unique start of it ('3f2a9c1e')."""
    digits = task_id.strip().replace("-", "").casefold()
    if len(digits) < MIN_ID_DIGITS or len(digits) > 32 or not _HEX.match(digits):
        raise TaskError(_("Mã nhiệm vụ “{id}” không hợp lệ: hãy gõ ít nhất {n} chữ số đầu của mã, "
                          "như lệnh “minutes-app tasks” in ra.").format(id=task_id, n=MIN_ID_DIGITS))
    if len(digits) == 32:
        found = session.get(Directive, uuid.UUID(digits))
        matches = [found] if found is not None else []
    else:
        # The id as text is hex on SQLite and hyphenated on PostgreSQL: compared without hyphens.
        text = func.replace(func.lower(cast(Directive.id, String)), "-", "")
        matches = list(session.scalars(select(Directive).where(text.like(f"{digits}%")).limit(2)))
    if not matches:
        raise TaskError(_("Không có nhiệm vụ nào mang mã “{id}”.").format(id=task_id))
    if len(matches) > 1:
        raise TaskError(_("Có nhiều nhiệm vụ có mã bắt đầu bằng “{id}”: hãy gõ thêm vài chữ số.").format(id=task_id))
    return matches[0]


# Sets the fields of a task, given the day it was assigned; raises TaskError to refuse.
_Change = Callable[[Directive, date], None]


def _update(archive: Archive, task_id: str, user: str | None, change: _Change) -> Directive:
    """Find the task, let ``change`` set its fields, and save it as one new version."""
    with archive.sessions() as session:
        directive = find_task(session, task_id)
        assigned = session.scalars(select(Meeting.starts_at).where(Meeting.id == directive.meeting_id)).one()
        change(directive, assigned.date())
        directive.updated_by = user
        try:
            session.flush()  # UPDATE ... WHERE id = ? AND version = ?
        except StaleDataError:
            session.rollback()
            raise TaskError(_("Nhiệm vụ vừa được người khác sửa cùng lúc: hãy xem lại rồi làm lại.")) from None
        search.refresh(session.connection(), "directive", [directive.id])
        session.commit()
        return directive


def mark_done(
    archive: Archive, task_id: str, on: date, result: str | None = None, report_number: str | None = None,
    report_date: date | None = None, user: str | None = None,
) -> Directive:
    """Record the task as done on ``on``, with its result and the report that says so."""

    def set_done(directive: Directive, assigned: date) -> None:
        if on < assigned:
            raise TaskError(_("Ngày hoàn thành {done} trước ngày giao nhiệm vụ {assigned}.").format(
                done=short_date(on), assigned=short_date(assigned)))
        directive.done_on = on
        if result is not None:
            directive.result = clean(result).strip() or None
        if report_number is not None:
            directive.report_number = clean(report_number).strip() or None
        if report_date is not None:
            directive.report_date = report_date

    return _update(archive, task_id, user, set_done)


def extend(
    archive: Archive, task_id: str, until: date, reason: str, granted_by: str = "", user: str | None = None,
) -> Directive:
    """Grant the task a later deadline; the original one and earlier extensions are kept."""

    def set_extension(directive: Directive, assigned: date) -> None:
        problem = extension_problem(directive, until, reason)
        if problem is not None:
            raise TaskError(problem)
        directive.deadline_extensions = with_extension(
            directive, Extension(until, clean(reason).strip(), clean(granted_by).strip()))

    return _update(archive, task_id, user, set_extension)


def add_note(archive: Archive, task_id: str, text: str, on: date, user: str | None = None) -> Directive:
    """Add a dated note of the task's progress."""

    def set_note(directive: Directive, assigned: date) -> None:
        if not text.strip():
            raise TaskError(_("Ghi chú tiến độ không được để trống."))
        directive.progress = with_note(directive, ProgressNote(on, clean(text).strip()))

    return _update(archive, task_id, user, set_note)
