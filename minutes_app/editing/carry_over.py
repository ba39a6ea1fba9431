"""Tasks carried into the next session: "Kết quả thực hiện kết luận kỳ trước".

The next session of a body opens with what became of the tasks its previous session
gave: those still open when the new session is prepared (its own directives, and the
earlier tasks it had itself carried over and that are still open). Each becomes a row of
the new meeting, with the unit, the task and its deadline as they were, and an outcome
the secretary completes with what the unit reports; the minutes print them.
"""

import uuid
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from minutes_app.archive import load_meeting
from minutes_app.bodies import body_key
from minutes_app.documents.wording import short_date
from minutes_app.editing.editor import MeetingEditor
from minutes_app.model import CarriedTask, Directive, Meeting
from minutes_app.tasks import Status, current_deadline, progress_notes, task_status, unit_in_charge

# How an open task stands, as the minutes say it before the unit reports.
_STANDING = {
    Status.OVERDUE: "chưa hoàn thành, đã quá hạn",
    Status.DUE_SOON: "đang thực hiện, sắp đến hạn",
    Status.IN_TIME: "đang thực hiện, trong hạn",
    Status.ONGOING: "đang thực hiện thường xuyên",
}


def standing(directive: Directive, today: date) -> str:
    """'chưa hoàn thành, đã quá hạn; đến ngày 20/11/2026: đã trình dự thảo kế hoạch'."""
    text = _STANDING[task_status(directive, today)]
    notes = progress_notes(directive)
    if notes:
        text += f"; đến ngày {short_date(notes[-1].on)}: {notes[-1].text}"
    return text


def carried(directive: Directive, today: date) -> CarriedTask:
    """A new row of the next session for an open task."""
    return CarriedTask(
        id=uuid.uuid4(),
        task_id=directive.id,
        unit=unit_in_charge(directive),
        content=directive.content,
        deadline=current_deadline(directive),
        recurrence=directive.recurrence,
        outcome=standing(directive, today),
        version=1,
    )


def open_tasks(session: Session, source: Meeting, today: date) -> list[CarriedTask]:
    """The rows the next session of ``source`` starts with: its tasks still open on
    ``today``, then the earlier ones it carried that are still open."""
    rows = [carried(d, today) for d in source.directives if not task_status(d, today).done]
    earlier = list(dict.fromkeys(c.task_id for c in source.carried_tasks if c.task_id is not None))
    if earlier:
        found = {d.id: d for d in session.scalars(select(Directive).where(Directive.id.in_(earlier)))}
        rows += [carried(found[i], today) for i in earlier if i in found and not task_status(found[i], today).done]
    return rows


def previous_session(session: Session, meeting: Meeting) -> Meeting | None:
    """The latest meeting of the same organiser before ``meeting``, loaded whole."""
    organizer = body_key(meeting.organizer_name)
    if not organizer:
        return None
    query = (
        select(Meeting.id, Meeting.organizer_name)
        .where(Meeting.starts_at < meeting.starts_at, Meeting.id != meeting.id)
        .order_by(Meeting.starts_at.desc(), Meeting.id.desc())
    )
    for meeting_id, name in session.execute(query):
        if body_key(name) == organizer:
            return load_meeting(session, meeting_id)
    return None


def carry_over(editor: MeetingEditor, today: date | None = None) -> int:
    """Add to the open meeting the open tasks of the previous session of its organiser,
    less those it already has, as one undoable step; returns how many were added."""
    today = today or datetime.now().date()
    with editor.archive.sessions() as session:
        previous = previous_session(session, editor.meeting)
        rows = open_tasks(session, previous, today) if previous is not None else []
    present = {c.task_id for c in editor.meeting.carried_tasks}
    return len(editor.add_carried_tasks([row for row in rows if row.task_id not in present]))
