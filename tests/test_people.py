"""People are reused across meetings only on a safe match."""

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from minutes_app.archive import import_file, load_meeting
from minutes_app.model import Person

pytestmark = pytest.mark.databases


def _meeting(folder: Path, name: str, starts_at: str, attendees: list[dict[str, Any]]) -> Path:
    path = folder / f"{name}.json"
    document = {
        "format": "minutes-app.meeting/1",
        "title": f"Hội nghị {name}",
        "organizer": {"name": "Sở Nội vụ"},
        "starts_at": starts_at,
        "attendees": attendees,
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _people(archive, meeting_id: int) -> list[int]:
    with archive.sessions() as session:
        return [a.person_id for a in load_meeting(session, meeting_id).attendances]


def test_same_name_and_overlapping_title_is_the_same_person(archive, tmp_path: Path) -> None:
    first = import_file(archive, _meeting(tmp_path, "a", "2025-03-01T08:00", [
        {"id": "1", "name": "Nguyễn Văn An", "titles": ["Giám đốc Sở Nội vụ"]},
    ]))
    second = import_file(archive, _meeting(tmp_path, "b", "2026-03-01T08:00", [
        {"id": "1", "name": "Nguyễn  Văn An ", "titles": ["Bí thư Đảng ủy Sở", "giám đốc sở nội vụ"]},
    ]))
    assert _people(archive, first) == _people(archive, second)
    with archive.sessions() as session:
        meeting = load_meeting(session, second)
        # Titles belong to the meeting: the earlier meeting keeps its own.
        assert meeting.attendances[0].titles == ["Bí thư Đảng ủy Sở", "giám đốc sở nội vụ"]
        assert load_meeting(session, first).attendances[0].titles == ["Giám đốc Sở Nội vụ"]


def test_same_name_alone_is_not_enough(archive, tmp_path: Path) -> None:
    first = import_file(archive, _meeting(tmp_path, "a", "2025-03-01T08:00", [
        {"id": "1", "name": "Nguyễn Văn An", "titles": ["Giám đốc Sở Nội vụ"]},
    ]))
    second = import_file(archive, _meeting(tmp_path, "b", "2026-03-01T08:00", [
        {"id": "1", "name": "Nguyễn Văn An", "titles": ["Chủ tịch UBND xã Tân Phú"]},
        {"id": "2", "name": "Nguyễn Văn Ân", "titles": ["Giám đốc Sở Nội vụ"]},
    ]))
    assert set(_people(archive, first)).isdisjoint(_people(archive, second))
    with archive.sessions() as session:
        assert sorted(session.scalars(select(Person.name))) == [
            "Nguyễn Văn An", "Nguyễn Văn An", "Nguyễn Văn Ân",
        ]


def test_same_name_and_organisation_is_the_same_person(archive, tmp_path: Path) -> None:
    first = import_file(archive, _meeting(tmp_path, "a", "2025-03-01T08:00", [
        {"id": "1", "name": "Lê Thị Mai", "organization": "Viễn thông Minh Sơn"},
    ]))
    second = import_file(archive, _meeting(tmp_path, "b", "2026-03-01T08:00", [
        {"id": "1", "name": "Lê Thị Mai", "titles": ["Trưởng phòng"], "organization": "Viễn thông Minh Sơn"},
    ]))
    assert _people(archive, first) == _people(archive, second)


def test_two_namesakes_in_one_meeting_stay_two_people(archive, tmp_path: Path) -> None:
    import_file(archive, _meeting(tmp_path, "a", "2025-03-01T08:00", [
        {"id": "1", "name": "Trần Văn Bình", "titles": ["Chuyên viên"]},
    ]))
    second = import_file(archive, _meeting(tmp_path, "b", "2026-03-01T08:00", [
        {"id": "1", "name": "Trần Văn Bình", "titles": ["Chuyên viên"]},
        {"id": "2", "name": "Trần Văn Bình", "titles": ["Chuyên viên"]},
    ]))
    first_person, second_person = _people(archive, second)
    assert first_person != second_person


def test_the_most_recently_seen_namesake_is_chosen(archive, tmp_path: Path) -> None:
    # Two different people called Phạm Minh Tấn, both once 'Chuyên viên'.
    old = import_file(archive, _meeting(tmp_path, "a", "2020-01-01T08:00", [
        {"id": "1", "name": "Phạm Minh Tấn", "titles": ["Chuyên viên"]},
    ]))
    recent = import_file(archive, _meeting(tmp_path, "b", "2025-01-01T08:00", [
        {"id": "1", "name": "Phạm Minh Tấn", "titles": ["Chuyên viên", "Phó Trưởng phòng"]},
        {"id": "2", "name": "Phạm Minh Tấn", "titles": ["Chuyên viên"]},
    ]))
    new = import_file(archive, _meeting(tmp_path, "c", "2026-01-01T08:00", [
        {"id": "1", "name": "Phạm Minh Tấn", "titles": ["Phó Trưởng phòng"]},
    ]))
    assert _people(archive, new) == _people(archive, recent)[:1]
    assert _people(archive, old) == _people(archive, recent)[:1]
