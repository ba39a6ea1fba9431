"""Broken meeting files: every problem named with its place, the archive untouched."""

import json
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from minutes_app.archive import import_file
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.interchange.validation import InvalidMeetingFile
from minutes_app.model import Attendance, Meeting, Person, Photo
from tests.helpers import load


def _write(folder: Path, document: dict[str, Any]) -> Path:
    path = folder / "meeting.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _problems(path: Path) -> list[str]:
    with pytest.raises(InvalidMeetingFile) as raised:
        read_meeting_file(path)
    return [str(p) for p in raised.value.problems]


def _counts(archive) -> tuple[int, ...]:
    with archive.sessions() as session:
        return tuple(session.scalar(select(func.count()).select_from(t)) for t in (Meeting, Person, Attendance, Photo))


def test_bad_json_syntax_names_line_and_column(example_dir: Path) -> None:
    path = example_dir / "meeting.json"
    text = path.read_text(encoding="utf-8").replace('"style": "state",', '"style": "state"', 1)
    path.write_text(text, encoding="utf-8")
    [problem] = _problems(path)
    assert problem == "dòng 4, cột 19: lỗi cú pháp JSON: thiếu dấu phẩy"


def test_every_schema_problem_is_reported_at_once_with_its_path(example_dir: Path) -> None:
    document = load(example_dir / "meeting.json")
    del document["organizer"]["name"]
    document["attendees"][3]["titles"][0] = 42
    document["attendees"][1]["nmae"] = "Lê Thị Mai"
    document["speeches"][0]["kind"] = "speech"
    document["starts_at"] = "10/7/2026 08:00"
    document["directives"][1]["addressee"] = ""
    document["x-note"] = "extensions are allowed"
    problems = _problems(_write(example_dir, document))
    assert sorted(problems) == sorted(
        [
            "organizer.name: thiếu trường bắt buộc",
            "attendees[3].titles[0]: phải là chuỗi ký tự",
            "attendees[1].nmae: khóa không có trong định dạng (gõ nhầm tên khóa?)",
            "speeches[0].kind: phải là một trong các giá trị: opening, report, assessment, opinion, conclusion, other",
            "starts_at: phải là ngày giờ dạng YYYY-MM-DDTHH:MM, ví dụ 2026-07-10T08:00",
            "directives[1].addressee: không được để trống",
        ]
    )


def test_missing_required_top_level_fields(tmp_path: Path) -> None:
    problems = _problems(_write(tmp_path, {"format": "minutes-app.meeting"}))
    assert sorted(problems) == sorted(
        [
            "format: phải là “minutes-app.meeting/2”",
            "title: thiếu trường bắt buộc",
            "organizer: thiếu trường bắt buộc",
            "starts_at: thiếu trường bắt buộc",
            "attendees: thiếu trường bắt buộc",
        ]
    )


def test_references_ids_and_dates_are_checked(example_dir: Path) -> None:
    document = load(example_dir / "meeting.json")
    document["chair"] = "c9"
    document["speeches"][2]["speaker"] = "nobody"
    document["speeches"][1]["photo"] = "p7"
    document["directives"][0]["issued_by"] = "c8"
    document["directives"][1]["deadline"] = "2026-02-30"
    document["attendees"][2]["id"] = "c1"
    document["photos"][1]["id"] = "p0"
    document["press_release"]["general_photo"] = "p9"
    problems = _problems(_write(example_dir, document))
    assert sorted(problems) == sorted(
        [
            "chair: không có người dự họp nào mang mã “c9”",
            "speeches[2].speaker: không có người dự họp nào mang mã “nobody”",
            "speeches[1].photo: không có ảnh nào mang mã “p7”",
            "directives[0].issued_by: không có người dự họp nào mang mã “c8”",
            "directives[1].deadline: ngày giờ không tồn tại",
            "attendees[2].id: mã “c1” đã được dùng ở attendees[0]",
            "photos[1].id: mã “p0” đã được dùng ở photos[0]",
            "press_release.general_photo: không có ảnh nào mang mã “p9”",
        ]
    )


def test_missing_and_broken_photos(example_dir: Path) -> None:
    (example_dir / "photos" / "p2.jpg").unlink()
    (example_dir / "photos" / "p3.jpg").write_bytes(b"this is not a picture")
    jpeg = (example_dir / "photos" / "p4.jpg").read_bytes()
    (example_dir / "photos" / "p4.jpg").write_bytes(jpeg[: len(jpeg) // 2])
    problems = _problems(example_dir / "meeting.json")
    photos = example_dir / "photos"
    assert problems == [
        f"photos[2].file: không tìm thấy tệp ảnh “{photos / 'p2.jpg'}”",
        f"photos[3].file: “{photos / 'p3.jpg'}”: không phải ảnh JPEG hoặc PNG hợp lệ (tệp hỏng hoặc không đầy đủ)",
        f"photos[4].file: “{photos / 'p4.jpg'}”: không phải ảnh JPEG hoặc PNG hợp lệ (tệp hỏng hoặc không đầy đủ)",
    ]


def test_duplicate_keys_and_non_utf8_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "dup.json"
    path.write_text('{"title": "A", "title": "B"}', encoding="utf-8")
    assert _problems(path) == ["khóa “title” xuất hiện nhiều lần trong cùng một đối tượng"]
    path.write_bytes("{\"title\": \"Hội nghị\"}".encode("utf-16"))
    assert _problems(path) == ["tệp không phải văn bản UTF-8"]


@pytest.mark.databases
@pytest.mark.parametrize(
    "breakage",
    ["syntax", "missing field", "unknown key", "unknown attendee", "missing photo"],
)
def test_a_broken_file_leaves_the_archive_exactly_as_it_was(archive, example_dir: Path, breakage: str) -> None:
    import_file(archive, example_dir / "meeting.json")
    before = _counts(archive)
    path = example_dir / "meeting.json"
    document = load(path)
    match breakage:
        case "syntax":
            path.write_text(path.read_text(encoding="utf-8")[:-20], encoding="utf-8")
        case "missing field":
            del document["title"]
            _write(example_dir, document)
        case "unknown key":
            document["speeches"][0]["sumary"] = "typo"
            _write(example_dir, document)
        case "unknown attendee":
            document["secretary"] = "c99"
            _write(example_dir, document)
        case "missing photo":
            (example_dir / "photos" / "p4.jpg").unlink()
    with pytest.raises(InvalidMeetingFile):
        import_file(archive, path)
    assert _counts(archive) == before


def test_a_file_of_a_newer_format_is_refused_with_the_reason(tmp_path: Path) -> None:
    problems = _problems(_write(tmp_path, {"format": "minutes-app.meeting/3", "title": "Họp"}))
    assert problems == [
        "format: định dạng “minutes-app.meeting/3” mới hơn các định dạng mà phiên bản ứng dụng này "
        "đọc được (đến “minutes-app.meeting/2”): hãy cập nhật ứng dụng"
    ]


def test_each_version_is_checked_against_its_own_schema(example_dir: Path) -> None:
    """A time to the second is new in version 2: a version 1 file keeps version 1's rule."""
    document = load(example_dir / "meeting.json")
    document["speeches"][0]["at"] = "08:05:30"
    assert _problems(_write(example_dir, document)) == [
        "speeches[0].at: phải là giờ dạng HH:MM, ví dụ 08:30"
    ]
    document["format"] = "minutes-app.meeting/2"
    meeting = read_meeting_file(_write(example_dir, document))
    assert meeting.speeches[0].at == time(8, 5, 30)
