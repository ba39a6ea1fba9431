"""The register as it is filtered, written out: one line a task (text, CSV), a workbook
(XLSX: a row a task, and a sheet of counts by unit and status), or the report
"Báo cáo tình hình thực hiện nhiệm vụ" (DOCX, PDF: documents.task_report).

The register holds only what its window shows; what a report prints besides (the
result, the report document, the extensions, the last progress note) is read here for
the tasks chosen, in their order.
"""

import csv
import io
import uuid
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from minutes_app.bodies import body_key
from minutes_app.i18n import _
from minutes_app.model import Attendance, Directive, Meeting, Person
from minutes_app.task_register import Register
from minutes_app.tasks import (
    DUE_SOON_DAYS,
    REPORT_ORDER,
    Extension,
    ProgressNote,
    Status,
    current_deadline,
    deadline_text,
    extensions,
    progress_notes,
    short_id,
    task_status,
    unit_in_charge,
)

# Characters of a task's content on its line of text.
CONTENT_START = 60
_CHUNK = 500


@dataclass(frozen=True)
class TaskDetail:
    """A task as a report prints it."""

    id: uuid.UUID
    status: Status
    unit: str
    partners: tuple[str, ...]
    content: str
    deadline: date | None  # as first given
    due: date | None  # the deadline that applies
    extensions: tuple[Extension, ...]
    recurrence: str | None
    done_on: date | None
    result: str
    report_number: str
    report_date: date | None
    last_note: ProgressNote | None
    meeting_id: int
    meeting_title: str
    assigned: date  # the meeting's day
    leader: str


def task_details(session: Session, ids: Sequence[uuid.UUID | str], today: date,
                 soon_days: int = DUE_SOON_DAYS) -> list[TaskDetail]:
    """The tasks of ``ids``, in that order, with their status on ``today``."""
    wanted = [uuid.UUID(str(i)) for i in ids]
    issuer = func.coalesce(Directive.issued_by_id, Meeting.chair_id)
    query = (
        select(Directive, Meeting.title, Meeting.starts_at, Person.name)
        .join(Meeting, Meeting.id == Directive.meeting_id)
        .outerjoin(Attendance, Attendance.id == issuer)
        .outerjoin(Person, Person.id == Attendance.person_id)
    )
    found: dict[uuid.UUID, TaskDetail] = {}
    for start in range(0, len(wanted), _CHUNK):
        for directive, title, starts_at, leader in session.execute(
            query.where(Directive.id.in_(wanted[start : start + _CHUNK]))
        ):
            notes = progress_notes(directive)
            found[directive.id] = TaskDetail(
                id=directive.id,
                status=task_status(directive, today, soon_days),
                unit=unit_in_charge(directive),
                partners=tuple(directive.partners or ()),
                content=directive.content,
                deadline=directive.deadline,
                due=current_deadline(directive),
                extensions=tuple(extensions(directive)),
                recurrence=directive.recurrence,
                done_on=directive.done_on,
                result=directive.result or "",
                report_number=directive.report_number or "",
                report_date=directive.report_date,
                last_note=notes[-1] if notes else None,
                meeting_id=directive.meeting_id,
                meeting_title=title,
                assigned=starts_at.date(),
                leader=leader or "",
            )
    return [found[i] for i in wanted if i in found]


def report_organizer(session: Session, tasks: Sequence[TaskDetail]) -> Meeting:
    """The meeting whose organiser issues a report of these tasks: the latest of theirs
    (an empty one when there are none)."""
    if not tasks:
        return Meeting(title="", organizer_name="", style="state")
    latest = max(tasks, key=lambda task: (task.assigned, task.meeting_id))
    return session.get_one(Meeting, latest.meeting_id)


def counts_by_unit(tasks: Sequence[TaskDetail]) -> list[tuple[str, Counter[Status]]]:
    """Tasks per status for each unit in charge (spellings of one unit together), the unit
    with the most tasks first."""
    units: dict[str, tuple[str, Counter[Status]]] = {}
    for task in tasks:
        units.setdefault(body_key(task.unit), (task.unit, Counter()))[1][task.status] += 1
    return sorted(units.values(), key=lambda unit: (-sum(unit[1].values()), body_key(unit[0])))


# --- one line a task -------------------------------------------------------------------


def text_line(task_id: object, status: Status, due: str | None, recurrence: str | None, unit: str,
              content: str) -> str:
    """'3f2a9c1e  overdue  2026-11-30  Sở Y tế  xây dựng kế hoạch…', tab-separated: the
    id to type in ``minutes-app task``, the status as ``--status`` names it, the deadline
    that applies (ISO) or else how the task recurs, the unit in charge, the start of the
    content."""
    content = " ".join(content.split())
    if len(content) > CONTENT_START:
        content = content[:CONTENT_START].rsplit(" ", 1)[0] + "…"  # at a word's end
    return "\t".join((short_id(str(task_id)), status.value, due or recurrence or "-", unit, content))


def register_lines(register: Register, tasks: Sequence[int]) -> Iterator[str]:
    """A line of text for each of these tasks of the register."""
    for i in tasks:
        yield text_line(register.ids[i], register.status(i), register.deadlines[i], register.recurrences[i],
                        register.unit(i), register.content(i))


def _headers() -> list[str]:
    return [
        _("Mã"), _("Trạng thái"), _("Đơn vị chủ trì"), _("Đơn vị phối hợp"), _("Nội dung nhiệm vụ"),
        _("Thời hạn"), _("Gia hạn đến"), _("Thường xuyên, định kỳ"), _("Ngày hoàn thành"), _("Kết quả"),
        _("Văn bản báo cáo"), _("Ngày văn bản"), _("Tiến độ gần nhất"), _("Cuộc họp"), _("Ngày giao"),
        _("Người chỉ đạo"),
    ]


def _row(task: TaskDetail) -> list[object]:
    """A task's cells: dates as dates, empty cells as None."""
    extended = task.due if task.extensions else None
    note = f"{task.last_note.on:%d/%m/%Y}: {task.last_note.text}" if task.last_note else None
    return [
        short_id(task.id), task.status.label, task.unit, "; ".join(task.partners) or None, task.content,
        task.deadline, extended, deadline_text(None, task.recurrence) or None, task.done_on, task.result or None,
        task.report_number or None, task.report_date, note, task.meeting_title, task.assigned, task.leader or None,
    ]


def write_csv(tasks: Sequence[TaskDetail]) -> str:
    """The tasks as CSV (UTF-8 with a BOM when written, so Excel reads the diacritics),
    dates as YYYY-MM-DD."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(_headers())
    for task in tasks:
        writer.writerow(["" if v is None else v.isoformat() if isinstance(v, date) else v for v in _row(task)])
    return out.getvalue()


# --- the workbook ------------------------------------------------------------------------

# Cell colours of the statuses (light fills, as the register shows them).
STATUS_FILLS = {
    Status.OVERDUE: "F8D7DA",
    Status.DUE_SOON: "FFF3CD",
    Status.IN_TIME: "D1E7DD",
    Status.ONGOING: "CFE2FF",
    Status.DONE_LATE: "FFE5D0",
    Status.DONE_ON_TIME: "E2E3E5",
}
_WIDTHS = (10, 20, 28, 28, 60, 12, 12, 16, 14, 40, 18, 12, 40, 50, 12, 24)


def write_xlsx(tasks: Sequence[TaskDetail], today: date) -> bytes:
    """A workbook: the tasks, a row each under a frozen header, dates as dates; then the
    counts of tasks by unit in charge and status, with the totals."""
    # Imported here: only this export needs openpyxl. Written in openpyxl's write-only
    # mode, which streams the rows: a whole archive's tasks fit in little memory.
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import Cell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.worksheet import Worksheet

    workbook = Workbook(write_only=True)
    bold = Font(bold=True)
    wrapped = Alignment(vertical="top", wrap_text=True)

    def cell(sheet: Worksheet, value: Any, **style: object) -> Cell:
        written = WriteOnlyCell(sheet, value)
        for name, setting in style.items():
            setattr(written, name, setting)
        if isinstance(value, date):
            written.number_format = "DD/MM/YYYY"
        return written

    sheet = workbook.create_sheet(_("Nhiệm vụ"))
    for index, width in enumerate(_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(_WIDTHS))}{len(tasks) + 1}"
    sheet.append([cell(sheet, header, font=bold, alignment=wrapped) for header in _headers()])
    fills = {status: PatternFill("solid", fgColor=colour) for status, colour in STATUS_FILLS.items()}
    for task in tasks:
        values = _row(task)
        sheet.append([cell(sheet, v, fill=fills[task.status]) if i == 1 else cell(sheet, v) if isinstance(v, date)
                      else v for i, v in enumerate(values)])

    summary = workbook.create_sheet(_("Tổng hợp"))
    summary.column_dimensions["A"].width = 40
    for index in range(2, len(REPORT_ORDER) + 3):
        summary.column_dimensions[get_column_letter(index)].width = 14
    summary.freeze_panes = "B3"
    title = _("Tình hình thực hiện nhiệm vụ đến ngày {date}").format(date=f"{today:%d/%m/%Y}")
    summary.append([cell(summary, title, font=Font(bold=True, size=12))])
    headers = [_("Đơn vị chủ trì"), _("Tổng số"), *(s.label for s in REPORT_ORDER)]
    summary.append([cell(summary, header, font=bold, alignment=wrapped) for header in headers])
    for unit, counted in counts_by_unit(tasks):
        summary.append([unit, sum(counted.values()), *(counted[s] for s in REPORT_ORDER)])
    total = Counter(task.status for task in tasks)
    totals = (_("Tổng cộng"), len(tasks), *(total[s] for s in REPORT_ORDER))
    summary.append([cell(summary, v, font=bold) for v in totals])

    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


