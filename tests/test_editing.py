"""The editing core: operations, undo and redo, autosave, conflicts."""

import re
from datetime import datetime, time
from pathlib import Path

from sqlalchemy import event, select, update

from minutes_app.archive import add_meeting, import_file, list_meetings, load_meeting
from minutes_app.editing.changes import RowKey
from minutes_app.editing.editor import NewAttendee, RowInserted
from minutes_app.model import Attendance, Meeting, Person, Speech
from tests.editing_helpers import open_editor


def _type(editor, row, name: str, text_: str) -> None:
    """Type ``text_`` at the end of a field, one character a call, as the window does."""
    for ch in text_:
        editor.set_field(row, name, getattr(row, name) + ch, typing=True)


def _stored(archive, meeting_id: int) -> Meeting:
    with archive.sessions() as session:
        return load_meeting(session, meeting_id)


def test_typing_is_one_undo_step_and_autosaved_without_a_flush(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    editor, saves = open_editor(archive, meeting_id)
    speech = editor.meeting.speeches[0]
    before = speech.summary
    _type(editor, speech, "summary", " Đồng ý.")
    # Written by the writer on its own (no flush), as soon as typing pauses.
    assert saves.wait_saved(editor.number)
    assert _stored(archive, meeting_id).speeches[0].summary == before + " Đồng ý."

    editor.seal()
    _type(editor, editor.meeting, "title", "!")
    assert editor.undo() and editor.meeting.title.endswith("2026")
    assert editor.undo() and speech.summary == before
    assert editor.redo() and speech.summary == before + " Đồng ý."
    assert editor.close()
    stored = _stored(archive, meeting_id)
    assert stored.speeches[0].summary == before + " Đồng ý."
    assert stored.title.endswith("2026")
    assert saves.conflicts == [] and saves.errors == []


def test_rows_added_deleted_moved_and_undone_reach_the_disk(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    editor, saves = open_editor(archive, meeting_id)
    events = []
    editor.add_listener(events.append)
    meeting = editor.meeting
    tan = editor.add_attendee(NewAttendee("Phạm Minh Tấn", ("Phó Giám đốc Sở Nội vụ",), "Đại biểu mời"))
    assert events[-1] == RowInserted("attendances", len(meeting.attendances) - 1)
    speech = editor.add_speech(time(9, 30), speaker=tan)
    _type(editor, speech, "summary", "Đề nghị bổ sung kinh phí")
    editor.set_chair(tan)
    editor.move(tan, 0)
    topic = editor.add_topic("Hạ tầng số")
    editor.add_directive("Sở Tài chính", "Tham mưu bố trí kinh phí", issued_by=tan)
    editor.delete(topic)
    assert editor.close()

    stored = _stored(archive, meeting_id)
    assert [a.person.name for a in stored.attendances][:2] == ["Phạm Minh Tấn", "Trần Quốc Hùng"]
    assert [a.position for a in stored.attendances] == list(range(len(stored.attendances)))
    assert stored.chair_id == tan.id
    assert stored.speeches[-1].summary == "Đề nghị bổ sung kinh phí"
    assert stored.speeches[-1].speaker_id == tan.id and stored.speeches[-1].at == time(9, 30)
    assert stored.directives[-1].issued_by_id == tan.id
    assert "Hạ tầng số" not in [t.title for t in stored.topics]

    # Deleting the attendee clears who referred to them; undo puts everything back.
    editor, saves = open_editor(archive, meeting_id)
    tan = editor.meeting.attendances[0]
    editor.delete(tan)
    assert editor.meeting.chair_id is None and editor.meeting.speeches[-1].speaker_id is None
    assert saves.wait_saved(editor.number)
    stored = _stored(archive, meeting_id)
    assert "Phạm Minh Tấn" not in [a.person.name for a in stored.attendances]
    assert stored.chair_id is None
    assert editor.undo()
    assert editor.close()
    stored = _stored(archive, meeting_id)
    assert stored.attendances[0].person.name == "Phạm Minh Tấn"
    assert stored.chair_id == tan.id and stored.speeches[-1].speaker_id == tan.id
    assert saves.conflicts == [] and saves.errors == []


def test_renaming_a_known_person_keeps_their_name_elsewhere(archive, example_dir: Path) -> None:
    first = import_file(archive, example_dir / "meeting.json")
    second = import_file(archive, example_dir / "meeting.json")
    editor, _ = open_editor(archive, second)
    lan = editor.meeting.attendances[-1]
    for ch in " Quỳnh":
        editor.rename_attendee(lan, lan.person.name + ch, typing=True)
    assert editor.close()
    assert _stored(archive, second).attendances[-1].person.name == "Nguyễn Thị Lan Quỳnh"
    assert _stored(archive, first).attendances[-1].person.name == "Nguyễn Thị Lan"
    assert [m.id for m in list_meetings(archive, "lan quynh")] == [second]


def test_a_change_made_by_someone_else_is_reported_not_overwritten(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    editor, saves = open_editor(archive, meeting_id)
    speech = editor.meeting.speeches[1]
    with archive.engine.begin() as connection:
        connection.execute(
            update(Speech).where(Speech.id == speech.id)
            .values(summary="Sửa ở máy khác", version=Speech.version + 1)
        )
    _type(editor, speech, "summary", " thêm")
    _type(editor, editor.meeting, "venue", " (tầng 2)")
    assert saves.wait_saved(editor.number)
    assert [c.key for c in saves.conflicts] == [RowKey("speech", speech.id)]
    assert saves.conflicts[0].change.values["summary"].endswith(" thêm")
    assert speech.summary.endswith(" thêm")  # the user's text stays in the editor
    editor.close()
    stored = _stored(archive, meeting_id)
    assert stored.speeches[1].summary == "Sửa ở máy khác"
    assert stored.venue.endswith(" (tầng 2)")  # the rest of the batch is written


def test_an_autosave_writes_only_the_edited_speech(archive) -> None:
    with archive.sessions.begin() as session:
        meeting = Meeting(title="Lớn", organizer_name="Sở", starts_at=datetime(2026, 1, 5, 8), agenda=[])
        for i in range(300):
            meeting.attendances.append(Attendance(person=Person(name=f"Người {i}"), titles=["Chuyên viên"]))
        for _ in range(200):
            meeting.speeches.append(Speech(kind="opinion", summary="Ý kiến " * 150))
        meeting_id = add_meeting(session, meeting)
    editor, saves = open_editor(archive, meeting_id)
    statements: list[str] = []
    event.listen(archive.engine, "before_cursor_execute",
                 lambda conn, cursor, sql, *rest: statements.append(sql))
    _type(editor, editor.meeting.speeches[57], "summary", " Đồng ý")
    assert editor.close()
    writes = [re.match(r"(UPDATE|DELETE FROM|INSERT INTO) (\w+)", s) for s in statements]
    # The speech, the one word it gained in the meeting's words ('dong'), its indexed text.
    assert [w.group(0) for w in writes if w] == [
        "UPDATE speech", "INSERT INTO search_term", "DELETE FROM search_text", "INSERT INTO search_text",
    ]
    [update_sql] = [s for s in statements if s.startswith("UPDATE")]
    assert re.search(r"WHERE speech.id = \? AND speech.version = \?$", update_sql)
    with archive.engine.connect() as connection:
        summary = connection.scalar(select(Speech.summary).where(Speech.id == editor.meeting.speeches[57].id))
    assert summary == "Ý kiến " * 150 + " Đồng ý"


def test_a_pause_in_typing_starts_a_new_undo_step(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    editor, _ = open_editor(archive, meeting_id)
    now = [100.0]
    editor.history.clock = lambda: now[0]
    speech = editor.add_speech()
    _type(editor, speech, "summary", "Thống nhất")
    now[0] += 5  # the secretary listens for a while
    _type(editor, speech, "summary", " với báo cáo")
    assert editor.undo() and speech.summary == "Thống nhất"
    assert editor.undo() and speech.summary == ""
    assert editor.redo() and editor.redo() and speech.summary == "Thống nhất với báo cáo"
    assert editor.close()


def test_a_speaker_from_the_floor_is_added_with_the_speech_and_undone_with_one_step(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    editor, saves = open_editor(archive, meeting_id)
    meeting = editor.meeting
    listed = len(meeting.attendances)
    speech = editor.add_speech(time(10, 5))
    floor = editor.add_speaker(speech, NewAttendee("Hồ Văn Bảy", ("Trưởng thôn 3",), organization="xã Ea Tu"))
    assert meeting.attendances[-1] is floor and speech.speaker_id == floor.id
    assert saves.wait_saved(editor.number)
    stored = _stored(archive, meeting_id)
    assert stored.speeches[-1].speaker_id == floor.id
    assert (stored.attendances[-1].person.name, stored.attendances[-1].titles,
            stored.attendances[-1].organization) == ("Hồ Văn Bảy", ["Trưởng thôn 3"], "xã Ea Tu")

    assert editor.undo()  # one step: the speaker and the attendee both gone, the speech kept
    assert len(meeting.attendances) == listed and speech.speaker_id is None and meeting.speeches[-1] is speech
    assert editor.redo() and speech.speaker_id == floor.id and meeting.attendances[-1] is floor
    assert editor.undo()
    assert editor.close()
    stored = _stored(archive, meeting_id)
    assert len(stored.attendances) == listed and stored.speeches[-1].speaker_id is None
    assert "Hồ Văn Bảy" not in [a.person.name for a in stored.attendances]
    assert saves.conflicts == [] and saves.errors == []
