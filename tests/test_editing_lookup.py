"""Type-ahead, the people directory, attendee lists, new and duplicated meetings."""

import csv
from pathlib import Path

import pytest
from openpyxl import Workbook

from minutes_app.archive import import_file, load_meeting
from minutes_app.bodies import known_bodies
from minutes_app.editing.attendee_list import AttendeeListError, read_attendee_list
from minutes_app.editing.lookup import FoldedIndex
from minutes_app.editing.meetings import duplicate_meeting, new_meeting
from minutes_app.model import Style
from minutes_app.people import directory


def test_directory_type_ahead_ignores_diacritics_and_case(archive, example_dir: Path) -> None:
    import_file(archive, example_dir / "meeting.json")
    with archive.sessions() as session:
        people = directory(session)
        addressees = known_bodies(session)
    index = FoldedIndex((p, p.name) for p in people)
    assert [p.name for p in index.find("dang")] == ["Đặng Thu Trang"]
    assert [p.name for p in index.find("DANG thu")] == ["Đặng Thu Trang"]
    assert [p.name for p in index.find("le mai")] == ["Lê Thị Mai"]
    [nam] = index.find("nam")
    assert nam.titles == ("Phó Giám đốc Sở Tài chính",)
    assert index.find("") == [] and index.find("xyz") == []
    assert "Sở Tài chính" in addressees
    assert [a for a in FoldedIndex((a, a) for a in addressees).find("so tai")] == ["Sở Tài chính"]


def test_directory_gives_the_latest_titles(archive, example_dir: Path) -> None:
    first = import_file(archive, example_dir / "meeting.json")
    later = duplicate_meeting(archive, first)
    with archive.sessions.begin() as session:
        meeting = load_meeting(session, later)
        meeting.attendances[2].titles = ["Giám đốc Sở Tài chính"]
    with archive.sessions() as session:
        [nam] = [p for p in directory(session) if p.name == "Võ Đình Nam"]
    assert nam.titles == ("Giám đốc Sở Tài chính",)


def test_duplicate_is_a_template_for_the_next_session(archive, example_dir: Path) -> None:
    source_id = import_file(archive, example_dir / "meeting.json")
    copy_id = duplicate_meeting(archive, source_id)
    with archive.sessions() as session:
        source, copy = load_meeting(session, source_id), load_meeting(session, copy_id)
        assert copy.id != source.id and copy.uid != source.uid
        assert (copy.title, copy.organizer_name, copy.organizer_parent, copy.venue, copy.agenda) == (
            source.title, source.organizer_name, source.organizer_parent, source.venue, source.agenda)
        assert [(a.person_id, a.titles, a.group_name) for a in copy.attendances] == [
            (a.person_id, a.titles, a.group_name) for a in source.attendances]
        assert all(a.present and a.absence_reason is None for a in copy.attendances)
        assert copy.chair.person.name == "Trần Quốc Hùng"
        assert copy.secretary.person.name == "Nguyễn Thị Lan"
        assert copy.document_number is None
        assert (copy.speeches, copy.topics, copy.directives, copy.photos, copy.press_release) == (
            [], [], [], [], None)


def test_new_meeting_in_either_style(archive) -> None:
    with archive.sessions() as session:
        for style in Style:
            meeting = load_meeting(session, new_meeting(archive, style))
            assert (meeting.style, meeting.title, meeting.attendances) == (style, "", [])


def _write_csv(path: Path, rows: list[list[str]], delimiter: str = ",") -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def test_attendee_list_from_csv_with_errors_per_row(tmp_path: Path) -> None:
    path = _write_csv(tmp_path / "ds.csv", [
        ["Họ và tên", "Chức vụ", "Nhóm", "Có mặt", "Lý do vắng"],
        ["Phạm  Minh Tấn", "Phó Giám đốc Sở Nội vụ; Bí thư Chi bộ", "Đại biểu mời", "có", ""],
        ["", "Chuyên viên", "", "", ""],
        [],
        ["Hoàng Minh Châu", "Phó Giám đốc Sở Y tế", "", "vắng", "đi công tác"],
        ["Lê Văn Bình", "", "", "chắc có", ""],
    ], delimiter=";")
    result = read_attendee_list(path)
    assert [(a.name, a.titles, a.group, a.present, a.absence_reason) for a in result.attendees] == [
        ("Phạm Minh Tấn", ("Phó Giám đốc Sở Nội vụ", "Bí thư Chi bộ"), "Đại biểu mời", True, None),
        ("Hoàng Minh Châu", ("Phó Giám đốc Sở Y tế",), None, False, "đi công tác"),
    ]
    assert [str(p) for p in result.problems] == [
        "Dòng 3: thiếu họ và tên",
        "Dòng 6: cột “Có mặt” phải là “có” hoặc “không”, không phải “chắc có”",
    ]


def test_attendee_list_from_xlsx(tmp_path: Path) -> None:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Ho ten", "Chuc vu", "Don vi"])
    sheet.append(["Đặng Thu Trang", "Chủ tịch UBND xã Tân Phú", "UBND xã Tân Phú"])
    sheet.append([None, "Phó Chủ tịch", None])
    workbook.save(tmp_path / "ds.xlsx")
    result = read_attendee_list(tmp_path / "ds.xlsx")
    assert [(a.name, a.titles, a.organization) for a in result.attendees] == [
        ("Đặng Thu Trang", ("Chủ tịch UBND xã Tân Phú",), "UBND xã Tân Phú")]
    assert [str(p) for p in result.problems] == ["Dòng 3: thiếu họ và tên"]


@pytest.mark.parametrize(("name", "content", "message"), [
    ("ds.txt", b"x", "Chỉ nhập được danh sách từ tệp .csv, .xlsx hoặc .docx."),
    ("ds.docx", b"not a zip", "Tệp không phải là văn bản Word (.docx) hợp lệ."),
    ("ds.csv", b"Ho va ten\n\x81\x8d\n", "Không nhận ra bảng mã của tệp CSV"),
    ("ds.csv", "Chức vụ\nGiám đốc\n".encode(), "Dòng 1 phải là dòng tiêu đề có cột “Họ và tên”"),
    ("ds.xlsx", b"not a zip", "Tệp không phải là bảng tính Excel (.xlsx) hợp lệ."),
    ("ds.csv", b"", "Tệp không có dòng nào."),
])
def test_attendee_list_that_cannot_be_read(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    (tmp_path / name).write_bytes(content)
    with pytest.raises(AttendeeListError) as raised:
        read_attendee_list(tmp_path / name)
    assert str(raised.value).startswith(message)
