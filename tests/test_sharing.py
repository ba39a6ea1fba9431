"""Two secretaries editing one meeting at once, through the editing core, on SQLite and
PostgreSQL: conflicts are told with who changed what and decided; others' saves show up."""

import pytest

from minutes_app.archive import import_file, load_meeting
from minutes_app.editing.editor import FieldChanged, RowInserted, RowRemoved
from minutes_app.editing.sharing import explain, keep_mine, refresh, take_theirs
from tests.conftest import EXAMPLE
from tests.editing_helpers import open_editor

pytestmark = pytest.mark.databases


def never_busy(row: object, name: str) -> bool:
    return False


@pytest.fixture
def two(archive):
    meeting_id = import_file(archive, EXAMPLE)
    lan, lan_saves = open_editor(archive, meeting_id, user="thuky_lan")
    nam, nam_saves = open_editor(archive, meeting_id, user="thuky_nam")
    yield archive, meeting_id, (lan, lan_saves), (nam, nam_saves)
    lan.close()
    nam.close()


def saved_summary(archive, meeting_id: int, index: int) -> str:
    with archive.sessions() as session:
        return load_meeting(session, meeting_id).speeches[index].summary


def test_a_conflict_says_who_changed_what_and_mine_can_win(two) -> None:
    archive, meeting_id, (lan, lan_saves), (nam, nam_saves) = two
    lan.set_field(lan.meeting.speeches[3], "summary", "Bản của Lan.")
    assert lan.autosaver.flush(5)
    nam.set_field(nam.meeting.speeches[3], "summary", "Bản của Nam.")
    assert nam.autosaver.flush(5)
    [conflict] = nam_saves.conflicts
    assert saved_summary(archive, meeting_id, 3) == "Bản của Lan."  # nothing overwritten silently
    assert nam.meeting.speeches[3].summary == "Bản của Nam."  # and Nam keeps his text

    detail = explain(nam, conflict)
    assert (detail.changed_by, detail.fields, detail.theirs["summary"]) == ("thuky_lan", ["summary"], "Bản của Lan.")
    keep_mine(nam, detail)
    assert nam.autosaver.flush(5)
    assert saved_summary(archive, meeting_id, 3) == "Bản của Nam."
    assert len(nam_saves.conflicts) == 1

    # Lan's window learns of it at the next refresh, and her next save conflicts no more.
    events = []
    lan.add_listener(events.append)
    assert refresh(lan, never_busy, set()) == 1
    assert lan.meeting.speeches[3].summary == "Bản của Nam."
    assert FieldChanged(lan.meeting.speeches[3], "summary") in events
    lan.set_field(lan.meeting.speeches[3], "summary", "Bản chung.")
    assert lan.autosaver.flush(5)
    assert lan_saves.conflicts == [] and saved_summary(archive, meeting_id, 3) == "Bản chung."


def test_theirs_can_win(two) -> None:
    archive, meeting_id, (lan, _), (nam, nam_saves) = two
    lan.set_field(lan.meeting, "title", "Tên do Lan sửa")
    assert lan.autosaver.flush(5)
    nam.set_field(nam.meeting, "title", "Tên do Nam sửa")
    assert nam.autosaver.flush(5)
    take_theirs(nam, explain(nam, nam_saves.conflicts[0]))
    assert nam.meeting.title == "Tên do Lan sửa"
    nam.set_field(nam.meeting, "venue", "Phòng họp số 2")
    assert nam.autosaver.flush(5)
    assert len(nam_saves.conflicts) == 1  # the venue went through: the title's version was taken


def test_others_rows_added_deleted_renamed_show_up(two) -> None:
    archive, meeting_id, (lan, _), (nam, _) = two
    speech = lan.add_speech()
    lan.set_field(speech, "summary", "Ý kiến mới của Lan.")
    lan.add_topic("Vấn đề Lan thêm")
    lan.delete(lan.meeting.directives[2])
    lan.set_field(lan.meeting.attendances[1].person, "name", "Lê Thị Mai Anh")
    lan.set_press_release_field("author", "Lan")
    lan.set_companion_field("conclusions_notice", "profile", "conclusions-state-authority")
    assert lan.autosaver.flush(5)

    events = []
    nam.add_listener(events.append)
    assert refresh(nam, never_busy, set()) >= 5
    assert nam.meeting.speeches[-1].summary == "Ý kiến mới của Lan."
    assert [t.title for t in nam.meeting.topics][-1] == "Vấn đề Lan thêm"
    assert len(nam.meeting.directives) == 3
    assert nam.meeting.attendances[1].person.name == "Lê Thị Mai Anh"
    assert nam.meeting.press_release.author == "Lan"
    assert nam.meeting.conclusions_notice.profile == "conclusions-state-authority"
    assert RowInserted("speeches", 6) in events and RowRemoved("directives", 2) in events
    assert refresh(nam, never_busy, set()) == 0  # nothing new the second time

    # A new row from Nam, after Lan's, is saved beside hers.
    nam.set_field(nam.meeting.speeches[-1], "summary", "Ý kiến mới của Lan, Nam bổ sung.")
    assert nam.autosaver.flush(5)
    assert saved_summary(archive, meeting_id, 6) == "Ý kiến mới của Lan, Nam bổ sung."


def test_the_field_being_typed_in_is_left_alone(two) -> None:
    archive, meeting_id, (lan, _), (nam, _) = two
    lan.set_field(lan.meeting, "venue", "Hội trường lớn")
    assert lan.autosaver.flush(5)
    typing_in_venue = lambda row, name: row is nam.meeting and name == "venue"  # noqa: E731
    assert refresh(nam, typing_in_venue, set()) == 0
    assert nam.meeting.venue == "Hội trường Sở Khoa học và Công nghệ"
    assert refresh(nam, never_busy, set()) == 1
    assert nam.meeting.venue == "Hội trường lớn"
