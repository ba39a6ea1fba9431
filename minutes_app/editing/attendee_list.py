"""Reading a list of attendees from a CSV, Excel (XLSX) or Word (DOCX) file, for a preview
before adding.

The first row names the columns (Vietnamese or English, diacritics optional): 'Họ và
tên' is required; 'Chức vụ' (several separated by ';'), 'Đơn vị', 'Nhóm', 'Danh xưng',
'Có mặt' and 'Lý do vắng' are optional. Each bad row is reported with its line number;
the good rows can still be added. Text in the office's old codes (TCVN3, VNI,
Windows-1258) is converted to Unicode (see table_files).
"""

import dataclasses
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from minutes_app import people
from minutes_app.archive_files import refuse_archive_file
from minutes_app.editing.editor import NewAttendee
from minutes_app.editing.table_files import UnreadableTable, read_tables
from minutes_app.i18n import _
from minutes_app.legacy.codes import encoding_name
from minutes_app.text import clean, clean_name, fold

MAX_BYTES = 10 * 1024 * 1024
MAX_NAME = 200

# Column header (folded) -> field of NewAttendee.
_HEADERS = {
    "ho va ten": "name", "ho ten": "name", "ten": "name", "name": "name", "full name": "name",
    "chuc vu": "titles", "chuc danh": "titles", "titles": "titles", "title": "titles",
    "don vi": "organization", "co quan": "organization", "organization": "organization",
    "nhom": "group", "thanh phan": "group", "group": "group",
    "danh xung": "honorific", "honorific": "honorific",
    "co mat": "present", "present": "present",
    "ly do vang": "absence_reason", "ly do": "absence_reason", "absence reason": "absence_reason",
}
_YES = {"co", "x", "1", "true", "yes", "co mat", ""}
_NO = {"khong", "0", "false", "no", "vang", "vang mat"}


class AttendeeListError(ValueError):
    """The file as a whole cannot be read; the message is for the user."""


@dataclass(frozen=True)
class RowProblem:
    line: int  # as the spreadsheet numbers it, header included
    message: str

    def __str__(self) -> str:
        return _("Dòng {line}: {message}").format(line=self.line, message=self.message)


@dataclass(frozen=True)
class AttendeeList:
    attendees: list[NewAttendee]
    problems: list[RowProblem]
    # The old codes the file's text was in, by name ("TCVN3 (ABC)"): it is shown converted.
    converted_from: list[str] = field(default_factory=list)


def read_attendee_list(path: Path) -> AttendeeList:
    """The attendees in a .csv, .xlsx or .docx file; raises AttendeeListError if it cannot be read.

    A Word file's list is its first table whose first row names the columns.
    """
    suffix = path.suffix.casefold()
    if suffix not in (".csv", ".xlsx", ".docx"):
        raise AttendeeListError(_("Chỉ nhập được danh sách từ tệp .csv, .xlsx hoặc .docx."))
    try:
        refuse_archive_file(path)
        if path.stat().st_size > MAX_BYTES:
            raise AttendeeListError(_("Tệp quá lớn để là một danh sách đại biểu."))
        data = path.read_bytes()
    except OSError as error:
        raise AttendeeListError(
            _("Không đọc được tệp “{file}”: {reason}").format(file=path.name, reason=error.strerror)
        ) from None
    try:
        found = read_tables(data, suffix)
    except UnreadableTable as error:
        raise AttendeeListError(str(error)) from None
    if not found.tables:
        raise AttendeeListError(_("Tệp Word không có bảng nào."))
    rows = next((t for t in found.tables if t and "name" in _columns(t[0]).values()), found.tables[0])
    return dataclasses.replace(
        _attendees(rows), converted_from=[encoding_name(e) for e in sorted(found.converted_from)]
    )


def _columns(header: list[str]) -> dict[int, str | None]:
    return {i: _HEADERS.get(" ".join(fold(h).split())) for i, h in enumerate(header)}


def _attendees(rows: list[list[str]]) -> AttendeeList:
    if not rows:
        raise AttendeeListError(_("Tệp không có dòng nào."))
    columns = _columns(rows[0])
    if "name" not in columns.values():
        raise AttendeeListError(
            _("Dòng 1 phải là dòng tiêu đề có cột “Họ và tên” (các cột khác: Chức vụ, Đơn vị, "
              "Nhóm, Danh xưng, Có mặt, Lý do vắng).")
        )
    attendees: list[NewAttendee] = []
    problems: list[RowProblem] = []
    for line, row in enumerate(rows[1:], start=2):
        cells = {field: clean(row[i]).strip() for i, field in columns.items() if field and i < len(row)}
        if not any(cells.values()):
            continue  # blank line
        name = clean_name(cells.get("name", ""))
        present = fold(cells.get("present", ""))
        if not name:
            problems.append(RowProblem(line, _("thiếu họ và tên")))
        elif len(name) > MAX_NAME:
            problems.append(RowProblem(line, _("họ và tên dài quá {n} ký tự").format(n=MAX_NAME)))
        elif present not in _YES | _NO:
            problems.append(
                RowProblem(
                    line,
                    _("cột “Có mặt” phải là “có” hoặc “không”, không phải “{value}”").format(
                        value=cells["present"]
                    ),
                )
            )
        else:
            titles = [t.strip() for t in cells.get("titles", "").replace("\n", ";").split(";")]
            attendees.append(
                NewAttendee(
                    name=name,
                    titles=tuple(t for t in titles if t),
                    group=cells.get("group") or None,
                    organization=cells.get("organization") or None,
                    honorific=cells.get("honorific") or None,
                    present=present not in _NO,
                    absence_reason=cells.get("absence_reason") or None,
                )
            )
    return AttendeeList(attendees, problems)


def with_known_people(session: Session, attendees: list[NewAttendee]) -> list[NewAttendee]:
    """The attendees, each joined to a person of the directory where the match is safe."""
    used: set[uuid.UUID] = set()
    joined: list[NewAttendee] = []
    for new in attendees:
        known = people.find_person(session, new.name, list(new.titles), new.organization, used)
        if known is not None:
            used.add(known.id)
            new = dataclasses.replace(new, person_id=known.id)
        joined.append(new)
    return joined
