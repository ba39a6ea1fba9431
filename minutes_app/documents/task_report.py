"""The report "Báo cáo tình hình thực hiện nhiệm vụ": the tasks of the register as it is
filtered, counted and listed, in the layout of a document with a type name (template 1.4
of Decree 30/2020, or the Party style).

Composed once into neutral blocks; the DOCX and PDF renderers draw it as they draw the
minutes. What differs between offices (the signer's title, the recipients, the sizes)
is in the style profile ('task-report', 'task-report-party').
"""

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from minutes_app.documents.blocks import Block, Columns, Document, Grid, KeepTogether, Para, Rule, Run, Spacer, para
from minutes_app.documents.minutes import document_header
from minutes_app.documents.profiles import Profile
from minutes_app.documents.wording import long_date, short_date
from minutes_app.model import Meeting, Style
from minutes_app.task_reports import TaskDetail, counts_by_unit
from minutes_app.tasks import DONE, OPEN, REPORT_ORDER, Status, deadline_text

PROFILES = {Style.STATE: "task-report", Style.PARTY: "task-report-party"}
# Fractions of the text width: the list of tasks, and the counts by unit.
_LIST_WIDTHS = (0.08, 0.34, 0.2, 0.15, 0.23)
_COUNT_WIDTHS = (0.07, 0.23, *((0.7 / (len(REPORT_ORDER) + 1),) * (len(REPORT_ORDER) + 1)))


@dataclass(frozen=True)
class ReportScope:
    """What the report covers: the day it is made for, the office that issues it (as a
    meeting's organiser: parent, name, code, place), and the period of the meetings."""

    today: date
    organizer: Meeting
    assigned_from: date | None = None
    assigned_to: date | None = None


def compose_task_report(tasks: Sequence[TaskDetail], scope: ReportScope, profile: Profile) -> Document:
    subject = profile.label("subject")
    document = Document(profile=profile.name, title=f"Báo cáo {subject[:1].lower()}{subject[1:]}")
    place = scope.organizer.place_name
    dateline = f"{place}, {long_date(scope.today)}" if place else long_date(scope.today).capitalize()
    document.blocks += document_header(scope.organizer, None, profile, dateline)
    document.blocks += [
        para(profile.label("type_name"), "type_name", keep_with_next=True),
        para(subject, "subject", keep_with_next=True),
    ]
    rule = profile.header.subject_rule if profile.header else None
    if rule:
        document.blocks.append(Rule(subject, "subject", rule.length, rule.dash))
    document.blocks.append(Spacer(12))
    document.blocks.append(para(_introduction(tasks, scope), "body"))
    document.blocks += _summary(tasks, profile)
    document.blocks += [para(profile.label("list"), "section", keep_with_next=True), _list(tasks, scope.today)]
    document.blocks.append(_closing(profile))
    return document



def _introduction(tasks: Sequence[TaskDetail], scope: ReportScope) -> str:
    meetings = len({task.meeting_id for task in tasks})
    period = ""
    if scope.assigned_from and scope.assigned_to:
        period = f" từ ngày {short_date(scope.assigned_from)} đến ngày {short_date(scope.assigned_to)}"
    elif scope.assigned_from:
        period = f" từ ngày {short_date(scope.assigned_from)}"
    elif scope.assigned_to:
        period = f" đến ngày {short_date(scope.assigned_to)}"
    return (f"Tính đến ngày {short_date(scope.today)}, có {_number(len(tasks))} nhiệm vụ được giao tại "
            f"{_number(meetings)} cuộc họp{period} được theo dõi. Tình hình thực hiện cụ thể như sau:")


def _number(n: int) -> str:
    """'1.245': a dot between thousands, as Vietnamese writes numbers."""
    return f"{n:,}".replace(",", ".")


def _share(part: int, whole: int) -> str:
    """'87,5%'."""
    return f"{100 * part / whole:.1f}".replace(".", ",").removesuffix(",0") + "%" if whole else "0%"


def _summary(tasks: Sequence[TaskDetail], profile: Profile) -> list[Block]:
    counted = Counter(task.status for task in tasks)
    done, still_open = sum(counted[s] for s in DONE), sum(counted[s] for s in OPEN)
    total = len(tasks)
    lines = [
        f"1. Đã hoàn thành: {_number(done)} nhiệm vụ ({_share(done, total)}), trong đó đúng hạn "
        f"{_number(counted[Status.DONE_ON_TIME])}, quá hạn {_number(counted[Status.DONE_LATE])}.",
        f"2. Đang thực hiện: {_number(still_open)} nhiệm vụ ({_share(still_open, total)}), trong đó trong hạn "
        f"{_number(counted[Status.IN_TIME])}, sắp đến hạn {_number(counted[Status.DUE_SOON])}, quá hạn "
        f"{_number(counted[Status.OVERDUE])}, thường xuyên, định kỳ {_number(counted[Status.ONGOING])}.",
    ]
    blocks: list[Block] = [para(profile.label("summary"), "section", keep_with_next=True)]
    blocks += [para(line, "body") for line in lines]
    if tasks:
        blocks += [para(profile.label("by_unit"), "caption", keep_with_next=True), _counts(tasks)]
    return blocks


def _cell(text: str, style: str = "cell", *, bold: bool = False) -> tuple[Para, ...]:
    return (para(text, style, bold=bold),)


def _counts(tasks: Sequence[TaskDetail]) -> Grid:
    """Tasks by unit in charge and status: narrow columns, in the smaller figure style."""
    header = (_cell("STT", "figure_head"), _cell("Đơn vị chủ trì", "figure_head"), _cell("Tổng số", "figure_head"),
              *(_cell(status.wording, "figure_head") for status in REPORT_ORDER))
    rows = [header]
    for number, (unit, counted) in enumerate(counts_by_unit(tasks), start=1):
        rows.append((_cell(str(number), "figure"), _cell(unit, "figure_text"),
                     _cell(_number(sum(counted.values())), "figure"),
                     *(_cell(_number(counted[s]), "figure") for s in REPORT_ORDER)))
    total = Counter(task.status for task in tasks)
    rows.append((_cell("", "figure"), _cell("Tổng cộng", "figure_text", bold=True),
                 _cell(_number(len(tasks)), "figure", bold=True),
                 *(_cell(_number(total[s]), "figure", bold=True) for s in REPORT_ORDER)))
    return Grid(tuple(rows), _COUNT_WIDTHS)


def _list(tasks: Sequence[TaskDetail], today: date) -> Grid:
    header = tuple(_cell(text, "cell_head") for text in (
        "STT", "Nội dung nhiệm vụ", "Đơn vị chủ trì, phối hợp", "Thời hạn", "Tình hình thực hiện"))
    rows = [header]
    for number, task in enumerate(tasks, start=1):
        rows.append((_cell(str(number), "cell_number"), _content(task), _units(task), _deadline(task),
                     _progress(task, today)))
    return Grid(tuple(rows), _LIST_WIDTHS)


def _content(task: TaskDetail) -> tuple[Para, ...]:
    given = f"({task.meeting_title}, ngày {short_date(task.assigned)}"
    given += f"; {task.leader} chỉ đạo)" if task.leader else ")"
    return (para(task.content, "cell"), para(given, "cell_note"))


def _units(task: TaskDetail) -> tuple[Para, ...]:
    cell = [para(task.unit, "cell", bold=True)]
    if task.partners:
        cell.append(para(f"Phối hợp: {'; '.join(task.partners)}", "cell"))
    return tuple(cell)


def _deadline(task: TaskDetail) -> tuple[Para, ...]:
    cell = [para(deadline_text(task.due, task.recurrence, document=True) or "Không có thời hạn", "cell_number")]
    if task.extensions and task.deadline:
        cell.append(para(f"(gia hạn, hạn đầu {short_date(task.deadline)})", "cell_note"))
    return tuple(cell)


def _progress(task: TaskDetail, today: date) -> tuple[Para, ...]:
    status = task.status.wording
    if task.status is Status.OVERDUE and task.due is not None:
        status += f" {(today - task.due).days} ngày"
    if task.done_on is not None:
        status += f" (ngày {short_date(task.done_on)})"
    cell = [Para((Run(status, bold=True),), "cell")]
    if task.result:
        cell.append(para(task.result, "cell"))
    if task.report_number or task.report_date:
        document = "Văn bản" + (f" số {task.report_number}" if task.report_number else "")
        document += f" ngày {short_date(task.report_date)}" if task.report_date else ""
        cell.append(para(document, "cell_note"))
    if task.done_on is None and task.last_note is not None:
        cell.append(para(f"Đến ngày {short_date(task.last_note.on)}: {task.last_note.text}", "cell"))
    return tuple(cell)


def _closing(profile: Profile) -> KeepTogether:
    """The closing sentence, then the recipients on the left and the signer on the right,
    never split over two pages."""
    signatures = profile.signatures
    assert signatures is not None, "a report profile has a signer"
    left: list[Block] = []
    if profile.recipients is not None:
        left.append(para(profile.recipients.heading, "recipients_heading"))
        left += [para(line, "recipient") for line in profile.recipients.lines]
    right: list[Block] = [para(signatures.right, "signature_title"), Spacer(signatures.space_pt),
                          para("", "signature_name")]
    return KeepTogether((para(profile.label("end"), "body"), Columns((tuple(left), tuple(right)), (0.5, 0.5))))


def render_task_report(tasks: Sequence[TaskDetail], scope: ReportScope, fmt: str, profile: str | None = None) -> bytes:
    """The report as ``fmt`` ('docx' or 'pdf'); the profile by default follows the style of
    the issuing office's meeting."""
    from minutes_app.documents.profiles import load_profile

    style_profile = load_profile(profile or PROFILES.get(Style(scope.organizer.style or Style.STATE), "task-report"))
    composed = compose_task_report(tasks, scope, style_profile)
    if fmt == "docx":
        from minutes_app.documents.docx_render import render_docx

        return render_docx(composed, style_profile)
    from minutes_app.documents.pdf_render import render_pdf

    return render_pdf(composed, style_profile)
