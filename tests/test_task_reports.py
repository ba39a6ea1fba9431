"""The register written out: the workbook read back with openpyxl, CSV, and the report
"Báo cáo tình hình thực hiện nhiệm vụ" as DOCX and PDF, read back as text."""

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from minutes_app.documents.output import write_file
from minutes_app.documents.task_report import ReportScope, render_task_report
from minutes_app.task_register import TaskFilter, load_register
from minutes_app.task_reports import report_organizer, task_details, write_csv, write_xlsx
from minutes_app.tasks import REPORT_ORDER, Status
from tests.helpers import docx_text, flat, pdf_body
from tests.task_data import BRIEFING_TASKS, SCIENCE_TASKS, TODAY, briefing, science


@pytest.fixture
def details(archive, tmp_path: Path):
    """Every task of the two meetings, in the register's order (most urgent first)."""
    from minutes_app.archive import import_file

    import_file(archive, briefing(tmp_path))
    import_file(archive, science(tmp_path))
    with archive.engine.connect() as connection:
        register = load_register(connection, TODAY)
    ids = [register.ids[i] for i in register.select(TaskFilter()).tasks]
    with archive.sessions() as session:
        found = task_details(session, ids, TODAY)
        organizer = report_organizer(session, found)
    return found, organizer


def test_the_workbook_read_back(details, tmp_path: Path) -> None:
    tasks, _organizer = details
    path = tmp_path / "nhiem-vu.xlsx"
    write_file(path, write_xlsx(tasks, TODAY))
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Nhiệm vụ", "Tổng hợp"]
    sheet = workbook["Nhiệm vụ"]
    assert sheet.freeze_panes == "A2"
    header = [cell.value for cell in sheet[1]]
    assert header[:6] == ["Mã", "Trạng thái", "Đơn vị chủ trì", "Đơn vị phối hợp", "Nội dung nhiệm vụ", "Thời hạn"]
    rows = [dict(zip(header, (cell.value for cell in row), strict=True)) for row in sheet.iter_rows(min_row=2)]
    assert len(rows) == len(BRIEFING_TASKS) + len(SCIENCE_TASKS)
    hospital = next(r for r in rows if r["Nội dung nhiệm vụ"] == "hoàn thiện đề án nâng cấp Bệnh viện đa khoa tỉnh")
    assert hospital["Trạng thái"] == "Trong hạn"
    assert hospital["Đơn vị chủ trì"] == "Sở Y tế"
    assert hospital["Đơn vị phối hợp"] == "Sở Tài chính; Sở Kế hoạch và Đầu tư"
    # Dates are dates, shown day first.
    assert hospital["Thời hạn"] == datetime(2026, 11, 1)
    assert hospital["Gia hạn đến"] == datetime(2026, 12, 15)
    assert hospital["Ngày giao"] == datetime(2026, 10, 5)
    assert hospital["Tiến độ gần nhất"] == "20/10/2026: đã lấy ý kiến các sở, ngành"
    assert hospital["Người chỉ đạo"] == "Trần Quốc Hùng"
    deadline = header.index("Thời hạn")
    assert sheet.cell(rows.index(hospital) + 2, deadline + 1).number_format == "DD/MM/YYYY"
    school = next(r for r in rows if r["Nội dung nhiệm vụ"] == "tổng kết năm học 2025–2026")
    assert (school["Ngày hoàn thành"], school["Kết quả"], school["Văn bản báo cáo"], school["Ngày văn bản"]) == (
        datetime(2026, 11, 14), "Đã tổ chức tổng kết", "125/BC-SGDĐT", datetime(2026, 11, 14))
    ongoing = next(r for r in rows if r["Đơn vị chủ trì"] == "UBND các huyện")
    assert (ongoing["Thời hạn"], ongoing["Thường xuyên, định kỳ"]) == (None, "thường xuyên")
    assert [r["Trạng thái"] for r in rows][:3] == ["Quá hạn"] * 3  # the register's order
    assert sheet.cell(2, 2).fill.fgColor.rgb.endswith("F8D7DA")  # the overdue colour

    summary = workbook["Tổng hợp"]
    assert summary["A1"].value == "Tình hình thực hiện nhiệm vụ đến ngày 20/11/2026"
    assert [c.value for c in summary[2]] == ["Đơn vị chủ trì", "Tổng số", *(s.label for s in REPORT_ORDER)]
    counted = {row[0]: row[1:] for row in summary.iter_rows(min_row=3, values_only=True)}
    # Sở Y tế: done on time 1 (its other spelling), in time 1, overdue 1.
    assert counted["Sở Y tế"] == (3, 1, 0, 1, 0, 1, 0)
    assert counted["Sở Tài chính"] == (2, 0, 0, 1, 1, 0, 0)
    assert counted["Tổng cộng"] == (13, 2, 1, 4, 2, 3, 1)
    assert all(isinstance(v, int) for v in counted["Tổng cộng"])
    assert sum(row[0] for unit, row in counted.items() if unit != "Tổng cộng") == 13


def test_csv(details) -> None:
    tasks, _organizer = details
    lines = write_csv(tasks).splitlines()
    assert lines[0].startswith("Mã,Trạng thái,Đơn vị chủ trì,Đơn vị phối hợp,Nội dung nhiệm vụ,Thời hạn,")
    assert len(lines) == 14
    assert any(line.endswith(",2026-10-05,Trần Quốc Hùng") and "2026-12-15" in line for line in lines)


def _report_lines(tasks) -> list[str]:  # type: ignore[no-untyped-def]
    """What the report must say, in order (a line of text may wrap in the document)."""
    return [
        "UBND TỈNH MINH SƠN", "VĂN PHÒNG UBND TỈNH", "Số: /BC-VP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Minh Sơn, ngày 20 tháng 11 năm 2026", "BÁO CÁO",
        "Tình hình thực hiện nhiệm vụ được giao tại các cuộc họp",
        "Tính đến ngày 20/11/2026, có 13 nhiệm vụ được giao tại 2 cuộc họp được theo dõi.",
        "I. TỔNG HỢP CHUNG",
        "1. Đã hoàn thành: 3 nhiệm vụ (23,1%), trong đó đúng hạn 2, quá hạn 1.",
        "2. Đang thực hiện: 10 nhiệm vụ (76,9%), trong đó trong hạn 4, sắp đến hạn 2, quá hạn 3, thường xuyên, "
        "định kỳ 1.",
        "II. DANH MỤC NHIỆM VỤ",
        "chủ trì xây dựng kế hoạch nâng cấp hạ tầng mạng tại các xã vùng sâu",
        "Quá hạn 20 ngày",
        "Đến ngày 25/10/2026: đã trình dự thảo kế hoạch",
        "hoàn thiện đề án nâng cấp Bệnh viện đa khoa tỉnh",
        "Phối hợp: Sở Tài chính; Sở Kế hoạch và Đầu tư",
        "15/12/2026 (gia hạn, hạn đầu 1/11/2026)",
        "tổng kết năm học 2025–2026", "Hoàn thành đúng hạn (ngày 14/11/2026)", "Đã tổ chức tổng kết",
        "Văn bản số 125/BC-SGDĐT ngày 14/11/2026",
        "Trên đây là báo cáo tình hình thực hiện nhiệm vụ được giao tại các cuộc họp./.",
        "Nơi nhận:", "CHÁNH VĂN PHÒNG",
    ]


def _in_order(text: str, expected: list[str]) -> None:
    position = 0
    for line in expected:
        found = text.find(flat(line), position)
        assert found >= 0, (line, text[position: position + 400])
        position = found


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_report(details, tmp_path: Path, fmt: str) -> None:
    tasks, organizer = details
    path = tmp_path / f"bao-cao.{fmt}"
    write_file(path, render_task_report(tasks, ReportScope(TODAY, organizer), fmt))
    text = flat(docx_text(path) if fmt == "docx" else pdf_body(path, mode="-raw"))
    _in_order(text, _report_lines(tasks))
    for _addressee, content, *_rest in BRIEFING_TASKS + SCIENCE_TASKS:
        assert flat(content) in text
    if fmt == "pdf":
        assert "■" not in text


def test_a_period_and_the_party_style(details, tmp_path: Path) -> None:
    tasks, organizer = details
    organizer.style = "party"
    scope = ReportScope(TODAY, organizer, date(2026, 10, 1), date(2026, 10, 31))
    path = tmp_path / "bao-cao.docx"
    write_file(path, render_task_report(tasks, scope, "docx"))
    text = flat(docx_text(path))
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in text and "CỘNG HÒA XÃ HỘI" not in text
    assert "Số -BC/VP" in text
    assert "tại 2 cuộc họp từ ngày 1/10/2026 đến ngày 31/10/2026 được theo dõi" in text


def test_status_labels_are_complete() -> None:
    assert sorted(REPORT_ORDER) == sorted(Status)
