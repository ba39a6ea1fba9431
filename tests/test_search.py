"""Search ignores diacritics (đ included) and case, over titles, people and text."""

import json
from pathlib import Path

import pytest
from sqlalchemy import text

from minutes_app import migrate, storage
from minutes_app.archive import delete_meeting, import_file, list_meetings, open_archive
from minutes_app.search import matching_meetings

pytestmark = pytest.mark.databases


def _meeting(folder: Path, name: str, title: str, attendee: str, summary: str) -> Path:
    path = folder / f"{name}.json"
    document = {
        "format": "minutes-app.meeting/1",
        "title": title,
        "organizer": {"name": "Sở Nội vụ"},
        "starts_at": "2026-03-01T08:00",
        "attendees": [{"id": "a", "name": attendee, "titles": ["Giám đốc Sở Nội vụ"]}],
        "speeches": [{"speaker": "a", "kind": "opinion", "summary": summary}],
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _titles(archive, query: str) -> list[str]:
    return [m.title for m in list_meetings(archive, query)]


def test_search_ignores_diacritics_and_case(archive, tmp_path: Path) -> None:
    import_file(archive, _meeting(tmp_path, "a", "Hội nghị chuyển đổi số", "Phạm Minh Tấn",
                                  "Đề nghị tăng cường hạ tầng mạng"))
    import_file(archive, _meeting(tmp_path, "b", "Họp giao ban tháng Ba", "Đặng Thu Trang",
                                  "Thống nhất với báo cáo"))
    assert _titles(archive, "pham minh tan") == ["Hội nghị chuyển đổi số"]
    assert _titles(archive, "PHẠM MINH TẤN") == ["Hội nghị chuyển đổi số"]
    assert _titles(archive, "dang thu") == ["Họp giao ban tháng Ba"]
    assert _titles(archive, "de nghi ha tang") == ["Hội nghị chuyển đổi số"]
    assert _titles(archive, "giao ban") == ["Họp giao ban tháng Ba"]
    # Words may come from different parts of one meeting.
    assert _titles(archive, "trang thong nhat") == ["Họp giao ban tháng Ba"]
    assert _titles(archive, "tan thong nhat") == []
    assert sorted(_titles(archive, "")) == ["Họp giao ban tháng Ba", "Hội nghị chuyển đổi số"]
    assert sorted(_titles(archive, " ,; ")) == ["Họp giao ban tháng Ba", "Hội nghị chuyển đổi số"]


def test_deleting_a_meeting_removes_it_from_the_index(archive, tmp_path: Path) -> None:
    meeting_id = import_file(archive, _meeting(tmp_path, "a", "Hội nghị A", "Phạm Minh Tấn", "x"))
    delete_meeting(archive, meeting_id)
    with archive.engine.connect() as connection:
        assert matching_meetings(connection, "tan") == set()
        assert connection.execute(text("SELECT count(*) FROM search_text")).scalar() == 0
        if archive.engine.dialect.name == "sqlite":  # the FTS5 index exists on SQLite only
            assert connection.execute(text("SELECT count(*) FROM search_fts")).scalar() == 0


def test_migration_indexes_the_meetings_already_there(db_url: str, example_dir: Path) -> None:
    with open_archive(db_url) as archive:
        meeting_id = import_file(archive, example_dir / "meeting.json")
    # Back to revision 0001: no search index, no 'updated_by' yet.
    engine = storage.create_archive_engine(db_url)
    with engine.begin() as connection:
        if engine.dialect.name == "sqlite":
            connection.exec_driver_sql("DROP TABLE search_fts")
        connection.exec_driver_sql("DROP TABLE search_text")
        for table in ("person", "meeting", "attendance", "photo", "speech", "topic", "directive", "press_release"):
            connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN updated_by")
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        assert matching_meetings(connection, "dang thu trang") == {meeting_id}
        assert matching_meetings(connection, "hoi nghi so ket") == {meeting_id}
    engine.dispose()
