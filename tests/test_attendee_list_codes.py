"""Attendee lists from the office's old files: CSV in UTF-16 and Windows-1258, TCVN3 and VNI text,
Excel cells and Word runs in .VnTime and VNI fonts. Meeting files stay UTF-8 only."""

import codecs
import csv
import io
import unicodedata
from pathlib import Path

import pytest
from docx import Document
from docx.oxml import OxmlElement
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.styles import Font

from minutes_app.editing.attendee_list import AttendeeList, AttendeeListError, read_attendee_list
from minutes_app.interchange.validation import InvalidMeetingFile
from minutes_app.legacy.codes import Encoding
from tests.conftest import EXAMPLE
from tests.legacy_samples import encode, encode_bytes, vietnamese_names, vietnamese_titles

HEADER = ["Họ và tên", "Chức vụ", "Nhóm", "Có mặt", "Lý do vắng"]


def _toned_capital(text: str) -> bool:
    """'Ủy ban': TCVN3 has no code for 'Ủ' (an ordinary TCVN3 font shows 'ủy')."""
    return any(c.isupper() and len(unicodedata.normalize("NFD", c)) > 1 and c not in "ĂÂÊÔƠƯĐ" for c in text)


def _rows() -> list[list[str]]:
    """Five hundred attendees, one with ten titles, one with a title of 300 characters."""
    titles = [t for t in vietnamese_titles() if not _toned_capital(t)]
    rows = [[name, titles[i % len(titles)], "Đại biểu mời" if i % 3 else "Lãnh đạo tỉnh",
             "có" if i % 7 else "không", "" if i % 7 else "đi công tác"]
            for i, name in enumerate(vietnamese_names(500, seed=7))]
    rows[5][1] = "; ".join(titles[:10])
    rows[9][1] = ("Phó Trưởng ban Thường trực Ban Chỉ đạo thực hiện chương trình chuyển đổi số, "
                  "phát triển chính quyền số, kinh tế số và xã hội số của tỉnh giai đoạn 2026 – 2030, "
                  "kiêm Trưởng tiểu ban Nội dung và Tuyên truyền, phụ trách các huyện miền núi phía tây "
                  "và các xã biên giới, thành viên Tổ công tác đặc biệt của Ban Thường vụ")[:299] + "."
    return [HEADER, *rows]


def _csv(rows: list[list[str]], delimiter: str = ",") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    return out.getvalue()


def _summary(result: AttendeeList) -> list[tuple[str, tuple[str, ...], str | None, bool, str | None]]:
    return [(a.name, a.titles, a.group, a.present, a.absence_reason) for a in result.attendees]


def test_csv_in_every_encoding_gives_the_same_attendees(tmp_path: Path) -> None:
    rows = _rows()
    files = {
        "utf-8": _csv(rows).encode("utf-8"),
        "utf-8-bom": codecs.BOM_UTF8 + _csv(rows).encode("utf-8"),
        # Excel's "Unicode text": UTF-16 with a BOM, tab-separated.
        "utf-16": _csv(rows, "\t").encode("utf-16"),
        "utf-16-no-bom": _csv(rows, "\t").encode("utf-16-le"),
        "cp1258": encode_bytes(_csv(rows), Encoding.CP1258),
        # Excel's "CSV" on a Windows whose code page is not Vietnamese, from .VnTime cells.
        "tcvn3": encode_bytes(_csv(rows), Encoding.TCVN3),
        "vni": encode_bytes(_csv(rows, ";"), Encoding.VNI),
        # A sheet in .VnTime saved as "CSV UTF-8": the TCVN3 letters are in the UTF-8.
        "tcvn3-in-utf-8": encode(_csv(rows), Encoding.TCVN3).encode("utf-8"),
    }
    expected = read_attendee_list(_write(tmp_path / "utf-8.csv", files["utf-8"]))
    assert len(expected.attendees) == 500 and expected.problems == []
    assert expected.attendees[5].titles == tuple(rows[6][1].split("; ")) and len(expected.attendees[5].titles) == 10
    assert len(expected.attendees[9].titles[0]) == 300
    assert _summary(expected)[:2] == [(r[0], (r[1],), r[2], r[3] == "có", r[4] or None) for r in rows[1:3]]
    for name, data in files.items():
        result = read_attendee_list(_write(tmp_path / f"{name}.csv", data))
        assert _summary(result) == _summary(expected), name
        assert result.converted_from == {
            "cp1258": ["Windows-1258"], "tcvn3": ["TCVN3 (ABC)"], "vni": ["VNI"], "tcvn3-in-utf-8": ["TCVN3 (ABC)"],
        }.get(name, []), name


def test_a_csv_whose_code_is_unknown_is_refused(tmp_path: Path) -> None:
    with pytest.raises(AttendeeListError) as raised:
        read_attendee_list(_write(tmp_path / "ds.csv", b"Ho va ten\n\x81\x8d\x8f\x90\n"))
    assert str(raised.value) == (
        "Không nhận ra bảng mã của tệp CSV: hãy lưu lại với bảng mã UTF-8 (trong Excel: “CSV UTF-8”).")


def test_xlsx_cells_in_old_fonts(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Hä vµ tªn", "Chøc vô", "§¬n vÞ", "Nhãm"])
    sheet.append(["NguyÔn V¨n Hïng", "chñ tÞch ubnd x·", "UBND x· T©n Phó", "Đại biểu mời"])
    sheet.append(["Phan Quèc ¸nh", "Gi¸m ®èc Së Tµi chÝnh", "Sở Tài chính", ""])
    sheet.append([None, "phã chñ tÞch", None, None])
    sheet.append(["Nguyeãn Thò Höông", "Tröôûng phoøng Noäi vuï", "UÛy ban nhaân daân huyeän", ""])
    for cell in sheet[1]:
        cell.font = Font(name=".VnTime")
    fonts = [".VnTime", ".VnTimeH", ".VnTime", "Times New Roman"]
    for row in sheet.iter_rows(min_row=2, max_row=4):
        for cell, font in zip(row, fonts, strict=True):
            cell.font = Font(name=font)
    sheet["B3"].font = Font(name=".VnTime")
    for cell in sheet[5]:
        cell.font = Font(name="VNI-Times")
    # A name typed in two fonts: its toned capital in .VnTimeH, the rest in .VnTime.
    sheet["A6"] = CellRichText([TextBlock(InlineFont(rFont=".VnTimeH"), "l"),
                                TextBlock(InlineFont(rFont=".VnTime"), "ª V¨n B×nh")])
    sheet["B6"] = "Chuyên viên"
    workbook.save(tmp_path / "ds.xlsx")

    result = read_attendee_list(tmp_path / "ds.xlsx")
    assert [(a.name, a.titles, a.organization, a.group) for a in result.attendees] == [
        ("Nguyễn Văn Hùng", ("CHỦ TỊCH UBND XÃ",), "UBND xã Tân Phú", "Đại biểu mời"),
        ("Phan Quốc Ánh", ("Giám đốc Sở Tài chính",), "Sở Tài chính", None),
        ("Nguyễn Thị Hương", ("Trưởng phòng Nội vụ",), "Ủy ban nhân dân huyện", None),
        ("Lê Văn Bình", ("Chuyên viên",), None, None),
    ]
    assert [str(p) for p in result.problems] == ["Dòng 4: thiếu họ và tên"]
    assert result.converted_from == ["TCVN3 (ABC)", "TCVN3 (ABC), phông chữ hoa", "VNI"]


def test_docx_table_in_old_fonts(tmp_path: Path) -> None:
    document = Document()
    document.styles["Normal"].font.name = ".VnTime"  # runs without a font of their own
    # The heading of an official letter is a table too: not the list.
    heading = document.add_table(rows=1, cols=2)
    heading.cell(0, 0).paragraphs[0].add_run("uû ban nh©n d©n tØnh").font.name = ".VnTimeH"
    heading.cell(0, 1).paragraphs[0].add_run("Céng hoµ x· héi chñ nghÜa ViÖt Nam")
    document.add_paragraph("Danh s¸ch ®¹i biÓu")
    table = document.add_table(rows=5, cols=3)
    for cell, text in zip(table.rows[0].cells, ["STT", "Hä vµ tªn", "Chøc vô"], strict=True):
        cell.paragraphs[0].add_run(text)
    table.cell(1, 0).paragraphs[0].add_run("1")
    table.cell(1, 1).paragraphs[0].add_run("NguyÔn V¨n Hïng")
    # Word keeps TCVN3's 'ư' (code AD) as an optional hyphen.
    run = table.cell(1, 2).paragraphs[0].add_run("Tr")
    run._r.append(OxmlElement("w:softHyphen"))
    run._r.add_t("ëng phßng Tæ chøc c¸n bé")
    table.cell(1, 2).add_paragraph("BÝ th\u00ad Chi bé")
    vni = table.cell(2, 1).paragraphs[0].add_run("Nguyeãn Thò Höông")
    vni.font.name = "VNI-Times"
    table.cell(2, 2).paragraphs[0].add_run("Phó Giám đốc Sở Tài chính").font.name = "Times New Roman"
    table.cell(3, 1).paragraphs[0].add_run("lª v¨n t¸m").font.name = ".VnTimeH"
    table.cell(4, 1).paragraphs[0].add_run("Phan Quèc ¸nh")
    document.save(str(tmp_path / "ds.docx"))

    result = read_attendee_list(tmp_path / "ds.docx")
    assert [(a.name, a.titles) for a in result.attendees] == [
        ("Nguyễn Văn Hùng", ("Trưởng phòng Tổ chức cán bộ", "Bí thư Chi bộ")),
        ("Nguyễn Thị Hương", ("Phó Giám đốc Sở Tài chính",)),
        ("LÊ VĂN TÁM", ()),
        ("Phan Quốc Ánh", ()),
    ]
    assert result.problems == []
    assert result.converted_from == ["TCVN3 (ABC)", "TCVN3 (ABC), phông chữ hoa", "VNI"]


def test_xlsx_in_unicode_is_left_as_it_is(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.append(["Họ và tên", "Chức vụ"])
    for name, title in zip(vietnamese_names(200), vietnamese_titles(), strict=False):
        sheet.append([name, title])
    workbook.save(tmp_path / "ds.xlsx")
    result = read_attendee_list(tmp_path / "ds.xlsx")
    assert [(a.name, a.titles) for a in result.attendees] == list(
        zip(vietnamese_names(200), ((t,) for t in vietnamese_titles()), strict=False))
    assert result.converted_from == []


def test_meeting_files_stay_utf_8_only(archive, tmp_path: Path) -> None:
    from minutes_app.archive import import_file

    path = _write(tmp_path / "meeting.json", encode_bytes(EXAMPLE.read_text(encoding="utf-8"), Encoding.CP1258))
    with pytest.raises(InvalidMeetingFile) as raised:
        import_file(archive, path)
    assert [str(p) for p in raised.value.problems] == ["tệp không phải văn bản UTF-8"]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
