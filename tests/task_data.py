"""Meetings with tasks of every status, as meeting files (version 2) for the task tests.

Looked at on TODAY with the default seven days of 'due soon', the tasks of the monthly
briefing are, in order: overdue; due soon on the day; due soon on the last day that
counts; in time the day after; in time after an extension (its original deadline
passed); done early; done late; ongoing; quarterly whose end has passed (overdue);
without a deadline (in time); done on the day of its deadline (its unit typed with
another case).
"""

import json
from datetime import date
from pathlib import Path
from typing import Any

TODAY = date(2026, 11, 20)

ATTENDEES = [
    {"id": "a1", "name": "Trần Quốc Hùng", "titles": ["Phó Chủ tịch UBND tỉnh"]},
    {"id": "a2", "name": "Lê Thị Mai", "titles": ["Chánh Văn phòng UBND tỉnh"]},
    {"id": "a3", "name": "Nguyễn Thị Lan", "titles": ["Chuyên viên Văn phòng UBND tỉnh"]},
]

# addressee, content, deadline, follow-up, expected status, issued by
BRIEFING_TASKS: list[tuple[str, str, str | None, dict[str, Any], str, str | None]] = [
    ("Sở Y tế", "xây dựng kế hoạch phòng, chống dịch sốt xuất huyết mùa mưa", "2026-11-10", {}, "overdue", None),
    ("Sở Tài chính", "thẩm định dự toán kinh phí mua sắm trang thiết bị y tế", "2026-11-20",
     {"partners": ["Sở Y tế"]}, "due-soon", None),
    ("Sở Nội vụ", "trình phương án sắp xếp đơn vị sự nghiệp công lập", "2026-11-27", {}, "due-soon", "a2"),
    ("Sở Xây dựng", "rà soát quy hoạch chung đô thị Tân Phú", "2026-11-28", {}, "in-time", None),
    ("Sở Y tế, Sở Tài chính", "hoàn thiện đề án nâng cấp Bệnh viện đa khoa tỉnh", "2026-11-01",
     {"lead_unit": "Sở Y tế", "partners": ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"],
      "extensions": [{"until": "2026-12-15", "reason": "chờ ý kiến của Bộ Y tế", "granted_by": "Chủ tịch UBND tỉnh"}],
      "progress": [{"on": "2026-10-20", "text": "đã lấy ý kiến các sở, ngành"}]}, "in-time", None),
    ("Sở Giáo dục và Đào tạo", "tổng kết năm học 2025–2026", "2026-11-15",
     {"done_on": "2026-11-14", "result": "Đã tổ chức tổng kết", "report_number": "125/BC-SGDĐT",
      "report_date": "2026-11-14"}, "done-on-time", None),
    ("Sở Giao thông vận tải", "sửa chữa cầu Đắk Rông trên tỉnh lộ 5", "2026-11-05",
     {"done_on": "2026-11-12", "result": "Đã thông xe"}, "done-late", None),
    ("UBND các huyện", "kiểm tra, đôn đốc công tác giải phóng mặt bằng", None,
     {"recurrence": "ongoing"}, "ongoing", None),
    ("Sở Công Thương", "báo cáo tình hình thị trường, giá cả", "2026-11-15",
     {"recurrence": "quarterly"}, "overdue", None),
    ("Sở Tư pháp", "thẩm định dự thảo quy định về quản lý cụm công nghiệp", None, {}, "in-time", None),
    ("Sở y tế", "báo cáo kết quả tiêm chủng mở rộng", "2026-10-30",
     {"done_on": "2026-10-30"}, "done-on-time", None),
]

SCIENCE_TASKS: list[tuple[str, str, str | None, dict[str, Any], str, str | None]] = [
    ("Sở Khoa học và Công nghệ", "chủ trì xây dựng kế hoạch nâng cấp hạ tầng mạng tại các xã vùng sâu",
     "2026-10-31", {"progress": [{"on": "2026-10-25", "text": "đã trình dự thảo kế hoạch"}]}, "overdue", None),
    ("Sở Tài chính", "tham mưu bố trí kinh phí năm 2027 cho chuyển đổi số", "2026-12-31", {}, "in-time", None),
]


def directive(item: tuple[str, str, str | None, dict[str, Any], str, str | None]) -> dict[str, Any]:
    addressee, content, deadline, follow_up, _status, issued_by = item
    result: dict[str, Any] = {"addressee": addressee, "content": content}
    if deadline:
        result["deadline"] = deadline
    if issued_by:
        result["issued_by"] = issued_by
    if follow_up:
        result["follow_up"] = follow_up
    return result


def meeting_document(title: str, organizer: str, starts_at: str,
                     tasks: list[tuple[str, str, str | None, dict[str, Any], str, str | None]]) -> dict[str, Any]:
    return {
        "format": "minutes-app.meeting/2",
        "title": title,
        "organizer": {"name": organizer, "parent": "UBND tỉnh Minh Sơn", "code": "VP"},
        "place_name": "Minh Sơn",
        "starts_at": starts_at,
        "chair": "a1",
        "secretary": "a3",
        "attendees": ATTENDEES,
        "directives": [directive(task) for task in tasks],
    }


def write(path: Path, document: dict[str, Any]) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")
    return path


def briefing(folder: Path, title: str = "Họp giao ban tháng 10 năm 2026", starts_at: str = "2026-10-05T08:00",
             organizer: str = "Văn phòng UBND tỉnh") -> Path:
    return write(folder / f"{starts_at[:10]}.json", meeting_document(title, organizer, starts_at, BRIEFING_TASKS))


def science(folder: Path) -> Path:
    return write(folder / "science.json", meeting_document(
        "Hội nghị triển khai chuyển đổi số", "Sở Khoa học và Công nghệ", "2026-09-15T14:00", SCIENCE_TASKS))
