"""Reading a list of attendees from a CSV or Excel (XLSX) file, for a preview before adding.

The first row names the columns (Vietnamese or English, diacritics optional): 'Họ và
tên' is required; 'Chức vụ' (several separated by ';'), 'Đơn vị', 'Nhóm', 'Danh xưng',
'Có mặt' and 'Lý do vắng' are optional. Each bad row is reported with its line number;
the good rows can still be added.

A CSV file may be UTF-8 (with or without a BOM), UTF-16 (Excel's "Unicode text") or
Windows-1258; text typed in TCVN3 or VNI, in a CSV file or in cells of an Excel file whose
font is .VnTime or VNI-Times, is converted to Unicode.
"""

import codecs
import csv
import dataclasses
import io
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy.orm import Session

from minutes_app import people
from minutes_app.editing.editor import NewAttendee
from minutes_app.i18n import _
from minutes_app.legacy.codes import Encoding, encoding_name, font_encoding, windows_text
from minutes_app.legacy.detection import convert_texts, detect_bytes
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


# A cell: its pieces of text, each with the old code its font names (None if it names none).
Cell = list[tuple[str, Encoding | None]]


def read_attendee_list(path: Path) -> AttendeeList:
    """The attendees in a .csv or .xlsx file; raises AttendeeListError if it cannot be read."""
    suffix = path.suffix.casefold()
    if suffix not in (".csv", ".xlsx"):
        raise AttendeeListError(_("Chỉ nhập được danh sách từ tệp .csv hoặc .xlsx."))
    try:
        if path.stat().st_size > MAX_BYTES:
            raise AttendeeListError(_("Tệp quá lớn để là một danh sách đại biểu."))
        data = path.read_bytes()
    except OSError as error:
        raise AttendeeListError(
            _("Không đọc được tệp “{file}”: {reason}").format(file=path.name, reason=error.strerror)
        ) from None
    if suffix == ".csv":
        text, code = _csv_text(data)
        # An 8-bit file is read cell by cell, as an Excel file's cells are.
        cells = [[[(value, code)] for value in row] for row in _csv_rows(text)]
    else:
        cells = _xlsx_cells(data)
    rows, codes = _in_unicode(cells)
    return dataclasses.replace(_attendees(rows), converted_from=[encoding_name(e) for e in sorted(codes)])


def _csv_text(data: bytes) -> tuple[str, Encoding | None]:
    """The text of a CSV file; an 8-bit one as Windows-1252 shows it, with its code."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, "utf-16"), None
    head = data[:4096]
    # UTF-16 without a BOM: every other byte of ASCII text is zero.
    if head.count(0) * 5 > len(head):
        return _utf16(data, "utf-16-le" if head[1::2].count(0) > head[::2].count(0) else "utf-16-be"), None
    try:
        return data.decode("utf-8-sig"), None
    except UnicodeDecodeError:
        pass
    encoding = detect_bytes(data)
    if encoding is None:
        raise _unknown_code()
    return windows_text(data), encoding


def _utf16(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        raise _unknown_code() from None


def _unknown_code() -> AttendeeListError:
    return AttendeeListError(
        _("Không nhận ra bảng mã của tệp CSV: hãy lưu lại với bảng mã UTF-8 (trong Excel: “CSV UTF-8”).")
    )


def _csv_rows(text: str) -> list[list[str]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _xlsx_cells(data: bytes) -> list[list[Cell]]:
    # Imported here: only this rare action needs openpyxl.
    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText

    try:
        # Not read-only: that mode drops the fonts of the pieces of a cell ('L' in .VnTimeH,
        # 'ª V¨n' in .VnTime).
        workbook = load_workbook(io.BytesIO(data), data_only=True, rich_text=True)
    except Exception:  # openpyxl raises many kinds on a damaged or foreign file
        raise AttendeeListError(_("Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.")) from None
    try:
        rows: list[list[Cell]] = []
        for row in workbook.worksheets[0].iter_rows():
            cells: list[Cell] = []
            for cell in row:
                font = cell.font.name  # a cell without a style has the workbook's default font
                if isinstance(cell.value, CellRichText):
                    cells.append([
                        (part, font_encoding(font)) if isinstance(part, str)
                        else (part.text, font_encoding(part.font.rFont or font))
                        for part in cell.value
                    ])
                else:
                    cells.append([("" if cell.value is None else str(cell.value), font_encoding(font))])
            rows.append(cells)
        return rows
    finally:
        workbook.close()


def _in_unicode(rows: list[list[Cell]]) -> tuple[list[list[str]], set[Encoding]]:
    """The rows' text, TCVN3 and VNI converted; and the codes found."""
    pieces = [piece for row in rows for cell in row for piece in cell]
    converted = convert_texts(pieces)
    texts = iter(converted.texts)
    return [["".join(next(texts) for _piece in cell) for cell in row] for row in rows], converted.encodings


def _attendees(rows: list[list[str]]) -> AttendeeList:
    if not rows:
        raise AttendeeListError(_("Tệp không có dòng nào."))
    columns = {i: _HEADERS.get(" ".join(fold(h).split())) for i, h in enumerate(rows[0])}
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
    used: set = set()
    joined: list[NewAttendee] = []
    for new in attendees:
        known = people.find_person(session, new.name, list(new.titles), new.organization, used)
        if known is not None:
            used.add(known.id)
            new = dataclasses.replace(new, person_id=known.id)
        joined.append(new)
    return joined
