"""Import and export of the meeting file: the shared example and generated meetings."""

import itertools
import json
import unicodedata
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from minutes_app.archive import dump_meeting, import_file, list_meetings, load_meeting, open_archive
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.interchange.writing import photos_folder
from tests.helpers import canonical, load, picture
from tests.strategies import meetings


@pytest.mark.databases
def test_example_imports_with_every_field(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    with archive.sessions() as session:
        meeting = load_meeting(session, meeting_id)
        assert meeting.title.startswith("Hội nghị sơ kết công tác chuyển đổi số")
        assert (meeting.organizer_name, meeting.organizer_parent, meeting.organizer_code) == (
            "Sở Khoa học và Công nghệ",
            "UBND tỉnh Minh Sơn",
            "SKHCN",
        )
        assert meeting.document_number == "18/BB-SKHCN"
        assert meeting.starts_at == datetime(2026, 7, 10, 8, 0)
        assert meeting.ends_at == datetime(2026, 7, 10, 11, 15)
        assert meeting.chair.person.name == "Trần Quốc Hùng"
        assert meeting.secretary.person.name == "Nguyễn Thị Lan"
        assert len(meeting.agenda) == 3
        names = [a.person.name for a in meeting.attendances]
        assert names == [
            "Trần Quốc Hùng",
            "Lê Thị Mai",
            "Võ Đình Nam",
            "Hoàng Minh Châu",
            "Đặng Thu Trang",
            "Phan Văn Lực",
            "Nguyễn Thị Lan",
        ]
        absent = meeting.attendances[3]
        assert (absent.present, absent.absence_reason) == (False, "đi công tác")
        assert meeting.attendances[0].titles == [
            "Phó Chủ tịch UBND tỉnh",
            "Trưởng Ban Chỉ đạo chuyển đổi số tỉnh",
        ]
        report = meeting.speeches[1]
        assert (report.kind, report.at, report.speaker.person.name) == ("report", time(8, 10), "Lê Thị Mai")
        assert "1.245 dịch vụ công" in report.summary and "\n\nTuy nhiên" in report.summary
        assert report.photo.ref == "p1"
        assert [t.title for t in meeting.topics][0] == "Nâng cấp hạ tầng mạng tại các xã vùng sâu, vùng xa"
        assert [(d.addressee, d.deadline) for d in meeting.directives] == [
            ("Sở Khoa học và Công nghệ", date(2026, 8, 31)),
            ("Sở Tài chính", date(2026, 9, 30)),
            ("Sở Nội vụ", None),
            ("UBND các xã, phường", None),
        ]
        assert [p.ref for p in meeting.photos] == ["p0", "p1", "p2", "p3", "p4"]
        assert meeting.photos[0].data == (example_dir / "photos" / "p0.jpg").read_bytes()
        assert meeting.photos[0].media_type == "image/jpeg"
        assert meeting.press_release.author == "Thu Hà"
        assert meeting.press_release.general_photo.ref == "p0"


@pytest.mark.databases
def test_example_lists_dumps_and_round_trips(archive, example_dir: Path, tmp_path: Path) -> None:
    source = example_dir / "meeting.json"
    meeting_id = import_file(archive, source)
    [summary] = list_meetings(archive)
    assert (summary.id, summary.starts_at.date()) == (meeting_id, date(2026, 7, 10))

    dumped = tmp_path / "out" / "hoi-nghi.json"
    dump_meeting(archive, meeting_id, dumped)
    assert load(dumped)["format"] == "minutes-app.meeting/2"  # the example is version 1
    assert sorted(p.name for p in photos_folder(dumped).iterdir()) == [f"p{i}.jpg" for i in range(5)]
    assert canonical(load(dumped), dumped.parent) == canonical(load(source), source.parent)

    # The dump is itself a valid file that imports to the same record.
    again = import_file(archive, dumped)
    second = tmp_path / "again.json"
    dump_meeting(archive, again, second)
    assert canonical(load(second), second.parent) == canonical(load(source), source.parent)


@pytest.mark.databases
def test_dump_replaces_an_earlier_dump_whole(archive, example_dir: Path, tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    target = tmp_path / "meeting.json"
    photos_folder(target).mkdir()
    (photos_folder(target) / "stale.jpg").write_bytes(b"old")
    dump_meeting(archive, meeting_id, target)
    assert "stale.jpg" not in {p.name for p in photos_folder(target).iterdir()}
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_text_is_normalised_to_nfc_on_the_way_in(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", "Nguyễn Thị Lan")
    assert nfd != "Nguyễn Thị Lan"
    document = {
        "format": "minutes-app.meeting/1",
        "title": unicodedata.normalize("NFD", "Hội nghị"),
        "organizer": {"name": "Sở Tài chính"},
        "starts_at": "2026-01-05T14:00",
        "attendees": [{"id": "a", "name": nfd, "titles": [unicodedata.normalize("NFD", "Chuyên viên")]}],
    }
    path = tmp_path / "nfd.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    meeting = read_meeting_file(path)
    assert meeting.title == "Hội nghị"
    assert meeting.attendances[0].person.name == "Nguyễn Thị Lan"
    assert meeting.attendances[0].titles == ["Chuyên viên"]


# --- generated meetings ------------------------------------------------------------------

_counter = itertools.count()


@pytest.mark.databases
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(document=meetings())
def test_generated_meetings_round_trip(tmp_path: Path, db_url: str, document: dict[str, Any]) -> None:
    folder = tmp_path / f"case{next(_counter)}"
    (folder / "anh").mkdir(parents=True)
    for photo in document.get("photos", []):
        kind = "PNG" if photo["file"].endswith(".png") else "JPEG"
        (folder / photo["file"]).write_bytes(picture(kind, color=["red", "green", "blue"][int(photo["id"][1]) - 1]))
    source = folder / "meeting.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")

    # One archive for every example: each import adds a meeting beside the others.
    with open_archive(db_url) as archive:
        meeting_id = import_file(archive, source)
        dumped = folder / "out" / "dump.json"
        dump_meeting(archive, meeting_id, dumped)
    assert canonical(load(dumped), dumped.parent) == canonical(document, folder)
