"""The tables of a CSV, Excel or Word file, in Unicode whatever code they were typed in.

A CSV file may be UTF-8 (with or without a BOM), UTF-16 (Excel's "Unicode text") or 8-bit:
Windows-1258, or TCVN3 or VNI bytes, as the words show. Excel cells and Word runs are read
in the code their font names (.VnTime, .VnTimeH, VNI-Times), the others in the code their
words show, if any.
"""

import codecs
import csv
import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

from minutes_app.i18n import _
from minutes_app.legacy.codes import Encoding, font_encoding, windows_text
from minutes_app.legacy.detection import convert_texts, detect_bytes

# A cell: its pieces of text, each with the old code its font names (None if it names none).
Cell = list[tuple[str, Encoding | None]]
Rows = list[list[Cell]]

if TYPE_CHECKING:
    from docx.oxml.text.font import CT_RPr
    from docx.oxml.text.run import CT_R
    from docx.styles.style import CharacterStyle

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


class UnreadableTable(ValueError):
    """The file holds no table that can be read; the message is for the user."""


@dataclass(frozen=True)
class Tables:
    tables: list[list[list[str]]]  # each a list of rows of cells
    converted_from: set[Encoding]  # the old codes found and converted


def read_tables(data: bytes, suffix: str) -> Tables:
    """The tables of a '.csv', '.xlsx' (its first sheet) or '.docx' file's ``data``."""
    if suffix == ".csv":
        text, code = _csv_text(data)
        # An 8-bit file is read cell by cell, as an Excel file's cells are.
        tables = [[[[(value, code)] for value in row] for row in _csv_rows(text)]]
    elif suffix == ".xlsx":
        tables = [_xlsx_rows(data)]
    else:
        tables = _docx_tables(data)
    pieces = [piece for rows in tables for row in rows for cell in row for piece in cell]
    converted = convert_texts(pieces)
    texts = iter(converted.texts)
    return Tables(
        [[["".join(next(texts) for _piece in cell) for cell in row] for row in rows] for rows in tables],
        converted.encodings,
    )


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


def _unknown_code() -> UnreadableTable:
    return UnreadableTable(
        _("Không nhận ra bảng mã của tệp CSV: hãy lưu lại với bảng mã UTF-8 (trong Excel: “CSV UTF-8”).")
    )


def _csv_rows(text: str) -> list[list[str]]:
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return list(csv.reader(io.StringIO(text), dialect))


def _xlsx_rows(data: bytes) -> Rows:
    # Imported here: only this rare action needs openpyxl.
    from openpyxl import load_workbook
    from openpyxl.cell.rich_text import CellRichText

    try:
        # Not read-only: that mode drops the fonts of the pieces of a cell ('l' in .VnTimeH,
        # 'ª V¨n' in .VnTime).
        workbook = load_workbook(io.BytesIO(data), data_only=True, rich_text=True)
    except Exception:  # openpyxl raises many kinds on a damaged or foreign file
        raise UnreadableTable(_("Tệp không phải là bảng tính Excel (.xlsx) hợp lệ.")) from None
    try:
        rows: Rows = []
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


def _docx_tables(data: bytes) -> list[Rows]:
    # Imported here: python-docx is loaded for exports, not at start.
    from docx import Document
    from docx.table import _Cell
    from docx.text.hyperlink import Hyperlink

    try:
        document = Document(io.BytesIO(data))
    except Exception:  # python-docx raises many kinds on a damaged or foreign file
        raise UnreadableTable(_("Tệp không phải là văn bản Word (.docx) hợp lệ.")) from None
    default = _font_of(document.styles.element.find(f"{_W}docDefaults/{_W}rPrDefault/{_W}rPr"))
    tables: list[Rows] = []
    for table in document.tables:
        rows: Rows = []
        for tr in table._tbl.tr_lst:
            cells: list[Cell] = []
            for tc in tr.tc_lst:  # a merged cell once, not once per column it spans
                pieces: Cell = []
                for i, paragraph in enumerate(_Cell(tc, table).paragraphs):
                    if i:
                        pieces.append(("\n", None))
                    paragraph_font = _style_font(paragraph.style) or default
                    for item in paragraph.iter_inner_content():
                        for run in item.runs if isinstance(item, Hyperlink) else [item]:
                            font = _font_of(run._r.rPr) or _style_font(run.style) or paragraph_font
                            pieces.append((_run_text(run._r), font_encoding(font)))
                cells.append(pieces)
            rows.append(cells)
        tables.append(rows)
    return tables


def _font_of(properties: "CT_RPr | None") -> str | None:
    """The font of a run's properties (w:rPr) for letters beyond ASCII, then for ASCII."""
    fonts = properties.find(f"{_W}rFonts") if properties is not None else None
    if fonts is None:
        return None
    name = fonts.get(f"{_W}hAnsi") or fonts.get(f"{_W}ascii")
    return str(name) if name else None


def _style_font(style: "CharacterStyle | None") -> str | None:
    """The font a style or the styles it is based on give."""
    while style is not None:
        font = _font_of(style.element.rPr)
        if font:
            return font
        style = style.base_style
    return None


def _run_text(run: "CT_R") -> str:
    """A run's text. Word keeps TCVN3's 'ư' (code AD, the soft hyphen) as a w:softHyphen."""
    parts = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}softHyphen": "\u00ad",
             f"{_W}noBreakHyphen": "-"}
    return "".join((child.text or "") if child.tag == f"{_W}t" else parts.get(child.tag, "") for child in run)
