"""Draft → final → reopened → final: the transitions, and the refusals of every way to change
a final record (the editor, its autosave, an import over it, a deletion, and the archive
itself on SQLite and PostgreSQL)."""

from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from minutes_app.archive import delete_meeting, import_file, load_meeting, replace_from_file
from minutes_app.editing.editor import MeetingEditor
from minutes_app.finality import REFUSAL, MeetingIsFinal, check_change
from minutes_app.history import StateError, finalize, history, reopen
from minutes_app.model import Meeting, MeetingVersion, RecordState
from tests.editing_helpers import open_editor
from tests.test_office_server import run_sql, sql_blocks


def _state(archive, meeting_id: int) -> tuple[str, int]:
    with archive.sessions() as session:
        meeting = session.get(Meeting, meeting_id)
        return meeting.state, meeting.record_version


@pytest.mark.databases
def test_draft_final_reopened_final_again(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    assert _state(archive, meeting_id) == ("draft", 1)
    first = finalize(archive, meeting_id, "Nguyễn Thị Lan")
    assert (first.number, first.state, first.author, first.reason) == (1, "final", "Nguyễn Thị Lan", None)
    assert len(first.sha256) == 64
    assert _state(archive, meeting_id) == ("final", 1)

    with pytest.raises(StateError, match="đã chốt"):
        finalize(archive, meeting_id, "Nguyễn Thị Lan")
    with pytest.raises(StateError, match="lý do"):
        reopen(archive, meeting_id, "   \n ", "Võ Đình Nam")
    assert _state(archive, meeting_id) == ("final", 1)

    second = reopen(archive, meeting_id, "Sửa chức vụ của đồng chí  Võ Đình Nam", "Võ Đình Nam")
    assert (second.number, second.state, second.reason) == (2, "reopened", "Sửa chức vụ của đồng chí Võ Đình Nam")
    assert _state(archive, meeting_id) == ("reopened", 2)
    with pytest.raises(StateError, match="chưa chốt"):
        reopen(archive, meeting_id, "lần nữa", "Võ Đình Nam")

    editor, saves = open_editor(archive, meeting_id)
    nam = editor.meeting.attendances[2]
    editor.set_field(nam, "titles", ["Giám đốc Sở Tài chính"])
    assert editor.close()
    again = finalize(archive, meeting_id, "Nguyễn Thị Lan")
    assert (again.number, again.state, again.reason) == (2, "final", "Sửa chức vụ của đồng chí Võ Đình Nam")
    assert again.sha256 != first.sha256

    lines = history(archive, meeting_id)
    assert [(line.number, line.state, line.author, line.sha256) for line in lines] == [
        (1, "final", "Nguyễn Thị Lan", first.sha256), (2, "final", "Nguyễn Thị Lan", again.sha256)]


def test_a_record_without_signers_is_not_finalised(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    editor, _saves = open_editor(archive, meeting_id)
    editor.set_chair(None)
    editor.set_field(editor.meeting, "title", "")
    assert editor.close()
    with pytest.raises(StateError) as refused:
        finalize(archive, meeting_id, "Nguyễn Thị Lan")
    assert str(refused.value) == (
        f"Chưa chốt được biên bản của cuộc họp số {meeting_id}: còn thiếu tên cuộc họp, chủ trì (chủ tọa).")
    assert _state(archive, meeting_id) == ("draft", 1)


def test_the_editor_refuses_every_change_to_a_final_record(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    editor, saves = open_editor(archive, meeting_id)
    editor.set_field(editor.meeting, "venue", "Hội trường A")  # before: an undo would take it back
    assert editor.autosaver.flush(5)
    finalize(archive, meeting_id, "Nguyễn Thị Lan")
    editor.reload_state()
    assert editor.is_final and not editor.can_undo

    meeting = editor.meeting
    speech, topic = meeting.speeches[0], meeting.topics[0]
    attempts = [
        lambda: editor.set_field(meeting, "title", "Tên khác"),
        lambda: editor.set_field(speech, "summary", "Khác"),
        lambda: editor.rename_attendee(meeting.attendances[0], "Trần Quốc Hưng"),
        lambda: editor.add_speech(),
        lambda: editor.add_attendees([]) or editor.add_topic("Vấn đề mới"),
        lambda: editor.delete(topic),
        lambda: editor.move(topic, 2),
        lambda: editor.set_press_release_field("article", [{"kind": "headline", "text": "Tít khác"}]),
        lambda: editor.set_chair(None),
    ]
    for attempt in attempts:
        with pytest.raises(MeetingIsFinal, match=f"cuộc họp số {meeting_id} đã chốt"):
            attempt()
    assert editor.close()
    assert not saves.errors
    with archive.sessions() as session:
        saved = load_meeting(session, meeting_id)
        assert (saved.title[:8], saved.venue, len(saved.speeches), len(saved.topics)) == (
            "Hội nghị", "Hội trường A", 6, 4)
        assert saved.press_release.article is None


def test_what_is_not_the_signed_minutes_may_change_on_a_final_record() -> None:
    final = Meeting(id=7, state=RecordState.FINAL, record_version=3)
    check_change(final, "directive", ["done_on", "progress"])  # following up a task
    check_change(final, "speech_audio", None)  # a recording linked to a speech
    check_change(final, "speech", ["version", "updated_by"])
    for table, columns in (("directive", ["content"]), ("speech", None), ("meeting", ["title"])):
        with pytest.raises(MeetingIsFinal, match="phiên bản 3"):
            check_change(final, table, columns)


def test_an_import_over_a_final_record_and_its_deletion_are_refused(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    other = example_dir / "other.json"
    other.write_text((example_dir / "meeting.json").read_text(encoding="utf-8").replace(
        "Hội nghị sơ kết", "Hội nghị tổng kết"), encoding="utf-8")
    replace_from_file(archive, meeting_id, other)  # a draft takes the file's content
    with archive.sessions() as session:
        meeting = load_meeting(session, meeting_id)
        assert meeting.title.startswith("Hội nghị tổng kết")
        assert (len(meeting.attendances), len(meeting.speeches), meeting.chair.person.name) == (7, 6, "Trần Quốc Hùng")
    finalize(archive, meeting_id, "Nguyễn Thị Lan")
    with pytest.raises(MeetingIsFinal):
        replace_from_file(archive, meeting_id, example_dir / "meeting.json")
    with pytest.raises(MeetingIsFinal):
        delete_meeting(archive, meeting_id)
    with archive.sessions() as session:
        assert load_meeting(session, meeting_id).title.startswith("Hội nghị tổng kết")


def test_a_change_made_while_someone_finalised_becomes_a_conflict(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    editor, saves = open_editor(archive, meeting_id, user="Võ Đình Nam")
    finalize(archive, meeting_id, "Nguyễn Thị Lan")  # elsewhere: this editor does not know yet
    speech = editor.meeting.speeches[1]
    editor.set_field(speech, "summary", "Văn bản gõ sau khi đã chốt")
    assert editor.autosaver.flush(5)
    assert [c.key.table for c in saves.conflicts] == ["speech"]
    assert saves.errors == []  # not an error retried forever
    with archive.sessions() as session:
        assert load_meeting(session, meeting_id).speeches[1].summary.startswith("6 tháng đầu năm 2026")
    assert editor.close()


# What someone with the right to write the tables may still try, straight in SQL.
DIRECT = [
    "UPDATE meeting SET title = 'Tên khác' WHERE id = :m",
    "UPDATE meeting SET state = 'draft' WHERE id = :m",
    "UPDATE meeting SET state = 'reopened', record_version = 2 WHERE id = :m",
    "UPDATE speech SET summary = 'Khác' WHERE meeting_id = :m",
    "UPDATE attendance SET titles = '[\"Chủ tịch\"]' WHERE meeting_id = :m",
    "UPDATE directive SET deadline = '2030-01-01' WHERE meeting_id = :m",
    "UPDATE photo SET caption = 'Khác' WHERE meeting_id = :m",
    "UPDATE press_release SET author = 'Người khác' WHERE meeting_id = :m",
    "INSERT INTO topic (id, meeting_id, position, title, version) VALUES "
    "('00000000-0000-0000-0000-000000000001', :m, 9, 'Thêm', 1)",
    "DELETE FROM topic WHERE meeting_id = :m",
    "DELETE FROM meeting WHERE id = :m",
    "UPDATE meeting_version SET reason = 'sửa lịch sử' WHERE meeting_id = :m",
    "UPDATE meeting_version SET document = '{}' WHERE meeting_id = :m",
    "DELETE FROM meeting_version WHERE meeting_id = :m",
    "UPDATE version_photo SET media_type = 'image/png' WHERE meeting_id = :m",
    "DELETE FROM meeting_export WHERE meeting_id = :m",
]


def _refused(archive, statement: str, meeting_id: int) -> bool:
    try:
        with archive.engine.begin() as connection:
            connection.execute(text(statement), {"m": meeting_id})
    except DBAPIError as error:
        assert REFUSAL in str(error.orig), error
        return True
    return False


@pytest.mark.databases
def test_the_archive_itself_refuses_to_change_a_final_record(archive, example_dir: Path, tmp_path: Path) -> None:
    from minutes_app.history import export

    meeting_id = import_file(archive, example_dir / "meeting.json")
    assert not _refused(archive, "UPDATE speech SET summary = summary || '.' WHERE meeting_id = :m", meeting_id)
    finalize(archive, meeting_id, "Nguyễn Thị Lan")
    export(archive, meeting_id, "minutes", "pdf", tmp_path / "bb.pdf", user="Nguyễn Thị Lan")
    with archive.sessions() as session:
        before = load_meeting(session, meeting_id)
        kept = session.scalars(select(MeetingVersion.document).where(MeetingVersion.meeting_id == meeting_id)).one()
    assert [statement for statement in DIRECT if not _refused(archive, statement, meeting_id)] == []
    # The bookkeeping of rows is not the minutes.
    assert not _refused(archive, "UPDATE speech SET version = version + 1, updated_by = 'x' WHERE meeting_id = :m",
                        meeting_id)
    with archive.sessions() as session:
        after = load_meeting(session, meeting_id)
        assert (after.title, after.state, [s.summary for s in after.speeches], len(after.topics)) == (
            before.title, "final", [s.summary for s in before.speeches], 4)
        assert session.scalars(select(MeetingVersion.document)).one() == kept

    reopen(archive, meeting_id, "Sửa tóm tắt", "Nguyễn Thị Lan")
    assert not _refused(archive, "UPDATE speech SET summary = 'Đã sửa' WHERE meeting_id = :m", meeting_id)
    # The first version stays as it was, even while the record is open again.
    assert _refused(archive, "UPDATE meeting_version SET reason = 'khác' WHERE meeting_id = :m AND number = 1",
                    meeting_id)


def test_a_secretary_role_cannot_update_a_final_record_directly(postgres_cluster, example_dir: Path) -> None:
    """The office set-up of docs/office-server.md: a secretary's role may write the tables, yet
    a direct UPDATE of a final record fails, and the same UPDATE goes through once reopened."""
    from minutes_app.archive import open_archive

    setup, grants = sql_blocks()
    base = f"postgresql+psycopg://{{}}@127.0.0.1:{postgres_cluster.port}/minutes"
    run_sql(postgres_cluster, "postgres", "postgres", setup)
    try:
        with open_archive(base.format("minutes_owner")):
            pass
        run_sql(postgres_cluster, "minutes_owner", "minutes", grants)
        with open_archive(base.format("thuky_lan")) as archive:
            meeting_id = import_file(archive, example_dir / "meeting.json")
            finalize(archive, meeting_id, "thuky_lan")
        update = "UPDATE speech SET summary = 'Sửa thẳng trong cơ sở dữ liệu' WHERE meeting_id = %s"
        with psycopg.connect(host="127.0.0.1", port=postgres_cluster.port, user="thuky_nam", dbname="minutes",
                             autocommit=True) as connection:
            with pytest.raises(psycopg.errors.RaiseException, match=f"{REFUSAL}: speech of meeting {meeting_id}"):
                connection.execute(update, (meeting_id,))
            with pytest.raises(psycopg.errors.RaiseException, match=REFUSAL):
                connection.execute("UPDATE meeting SET state = 'draft' WHERE id = %s", (meeting_id,))
        with open_archive(base.format("thuky_lan")) as archive:
            reopen(archive, meeting_id, "Sửa tóm tắt", "thuky_lan")
        with psycopg.connect(host="127.0.0.1", port=postgres_cluster.port, user="thuky_nam", dbname="minutes",
                             autocommit=True) as connection:
            assert connection.execute(update, (meeting_id,)).rowcount == 6
    finally:
        run_sql(postgres_cluster, "postgres", "postgres",
                "DROP DATABASE IF EXISTS minutes WITH (FORCE); "
                "DROP ROLE IF EXISTS thuky_lan, thuky_nam, baochi_ha, minutes_editors, minutes_readers, minutes_owner")


def test_editor_opened_on_a_final_record_knows_it(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    finalize(archive, meeting_id, "Nguyễn Thị Lan")
    editor = MeetingEditor.open(archive, meeting_id)
    try:
        assert editor.is_final
        with pytest.raises(MeetingIsFinal):
            editor.set_field(editor.meeting, "venue", "khác")
    finally:
        editor.close()
