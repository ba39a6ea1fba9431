"""Whole meetings made from the archive window: a new one, or the next session of one."""

from datetime import datetime

from minutes_app.archive import Archive, add_meeting, load_meeting
from minutes_app.editing.carry_over import open_tasks
from minutes_app.model import Attendance, Meeting, Style


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def new_meeting(archive: Archive, style: Style = Style.STATE) -> int:
    """An empty meeting starting now; returns its id."""
    meeting = Meeting(title="", organizer_name="", style=style, starts_at=_now(), agenda=[])
    with archive.sessions.begin() as session:
        return add_meeting(session, meeting)


def duplicate_meeting(archive: Archive, meeting_id: int) -> int:
    """A new meeting from ``meeting_id`` as a template for its next session: the header,
    organiser, venue, attendees (titles, groups; everyone present), chair, secretary and
    agenda, and the tasks still open to review ("Kết quả thực hiện kết luận kỳ trước"); no
    speeches, topics, directives, photos or article. Returns its id."""
    with archive.sessions.begin() as session:
        source = load_meeting(session, meeting_id)
        starts_at = _now()
        carried = open_tasks(session, source, starts_at.date())  # read before the copy is half made
        copy = Meeting(
            title=source.title,
            style=source.style,
            organizer_name=source.organizer_name,
            organizer_parent=source.organizer_parent,
            organizer_code=source.organizer_code,
            organizer_extensions=source.organizer_extensions,
            place_name=source.place_name,
            venue=source.venue,
            starts_at=starts_at,
            agenda=list(source.agenda),
            extensions=source.extensions,
        )
        twins: dict[object, Attendance] = {}
        for attendance in source.attendances:
            twin = Attendance(
                person=attendance.person,
                ref=attendance.ref,
                honorific=attendance.honorific,
                titles=list(attendance.titles),
                organization=attendance.organization,
                group_name=attendance.group_name,
                extensions=attendance.extensions,
            )
            twins[attendance.id] = twin
            copy.attendances.append(twin)
        copy.chair = twins.get(source.chair_id)
        copy.secretary = twins.get(source.secretary_id)
        copy.carried_tasks = carried
        return add_meeting(session, copy)
