"""Search ignores diacritics (đ included) and case, over titles, people and text."""

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select, text

from minutes_app import migrate, storage
from minutes_app.archive import delete_meeting, import_file, list_meetings, open_archive
from minutes_app.model import Meeting
from minutes_app.search import matching
from tests.editing_helpers import open_editor
from tests.helpers import drop_final_records, drop_task_follow_up

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


def _found(connection, query: str) -> set[int]:
    return set(connection.scalars(select(Meeting.id).where(matching(connection, query))))


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
        assert _found(connection, "tan") == set()
        assert connection.execute(text("SELECT count(*) FROM search_text")).scalar() == 0
        assert connection.execute(text("SELECT count(*) FROM search_term")).scalar() == 0


def test_migration_indexes_the_meetings_already_there(db_url: str, example_dir: Path) -> None:
    with open_archive(db_url) as archive:
        meeting_id = import_file(archive, example_dir / "meeting.json")
    # Back to revision 0001: no search index, no 'updated_by', no tasks, no audio, no final records,
    # no notice, no article fields yet.
    engine = storage.create_archive_engine(db_url)
    with engine.begin() as connection:
        for table, column in (("speech", "quote"), ("press_release", "background"), ("attendance", "guest_of_honour")):
            connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
        connection.exec_driver_sql("DROP TABLE conclusions_notice")
        drop_final_records(connection.exec_driver_sql, connection.dialect.name)
        connection.exec_driver_sql("DROP TABLE audio_chunk")
        connection.exec_driver_sql("DROP TABLE audio_segment")
        drop_task_follow_up(connection.exec_driver_sql)
        connection.exec_driver_sql("DROP TABLE search_term")
        connection.exec_driver_sql("DROP TABLE search_text")
        for table in ("person", "meeting", "attendance", "photo", "speech", "topic", "directive", "press_release"):
            connection.exec_driver_sql(f"ALTER TABLE {table} DROP COLUMN updated_by")
        connection.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
    migrate.upgrade(engine)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        assert _found(connection, "dang thu trang") == {meeting_id}
        assert _found(connection, "hoi nghi so ket") == {meeting_id}
    engine.dispose()


def _counted_words(archive) -> dict[tuple[str, int], int]:
    with archive.engine.connect() as connection:
        return {(w, m): n for w, m, n in connection.execute(text("SELECT term, meeting_id, uses FROM search_term"))}


def _words_of_texts(archive) -> dict[tuple[str, int], int]:
    """The words of the indexed texts counted afresh: what search_term must hold."""
    counted: Counter[tuple[str, int]] = Counter()
    with archive.engine.connect() as connection:
        for meeting_id, folded in connection.execute(text("SELECT meeting_id, text FROM search_text")):
            counted.update((word, meeting_id) for word in set(re.findall(r"\w+", folded)))
    return dict(counted)


def test_edits_add_and_take_back_only_their_words(archive, tmp_path: Path) -> None:
    meeting_id = import_file(archive, _meeting(tmp_path, "a", "Hội nghị A", "Phạm Minh Tấn",
                                               "Đề nghị tăng cường hạ tầng"))
    import_file(archive, _meeting(tmp_path, "b", "Họp giao ban", "Đặng Thu Trang", "Tăng cường kiểm tra"))
    editor, _saves = open_editor(archive, meeting_id)
    editor.set_field(editor.meeting.speeches[0], "summary", "Thống nhất với báo cáo")
    editor.set_field(editor.meeting, "title", "Hội nghị hạ tầng")
    editor.delete(editor.meeting.attendances[0])
    assert editor.close()
    assert _titles(archive, "tang cuong") == ["Họp giao ban"]
    assert _titles(archive, "thong nhat bao cao") == ["Hội nghị hạ tầng"]
    assert _titles(archive, "ha tang") == ["Hội nghị hạ tầng"]
    assert _titles(archive, "pham minh tan") == []
    assert _counted_words(archive) == _words_of_texts(archive)
