"""Directives followed up as tasks: statuses from dates, the register's filters, sorts and
counts, the directory of bodies, tasks changed outside a meeting window, and the
previous session's tasks carried into the next one, on SQLite and PostgreSQL."""

from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from minutes_app.archive import import_file, load_meeting
from minutes_app.bodies import known_bodies
from minutes_app.documents.minutes import compose_minutes
from minutes_app.documents.profiles import load_profile
from minutes_app.editing import follow_up
from minutes_app.editing.carry_over import carry_over
from minutes_app.editing.meetings import duplicate_meeting, new_meeting
from minutes_app.model import Directive
from minutes_app.task_register import TaskFilter, load_register, register_stamp
from minutes_app.tasks import (
    Extension,
    Status,
    current_deadline,
    extension_problem,
    parse_statuses,
    short_id,
    status_of,
    task_status,
    with_extension,
)
from tests.editing_helpers import open_editor
from tests.task_data import BRIEFING_TASKS, SCIENCE_TASKS, TODAY, briefing, science

# --- statuses --------------------------------------------------------------------------


def status(due: date | None, done: date | None = None, recurrence: str | None = None, today: date = TODAY,
           soon_days: int = 7) -> Status:
    return task_status(Directive(addressee="Sở Y tế", content="x", deadline=due, done_on=done, recurrence=recurrence),
                       today, soon_days)


@pytest.mark.parametrize(("due", "done", "recurrence", "expected"), [
    (date(2026, 11, 19), None, None, Status.OVERDUE),  # the deadline was yesterday
    (date(2026, 11, 20), None, None, Status.DUE_SOON),  # on the deadline: not yet late
    (date(2026, 11, 27), None, None, Status.DUE_SOON),  # seven days ahead: the last day that counts
    (date(2026, 11, 28), None, None, Status.IN_TIME),
    (None, None, None, Status.IN_TIME),  # no deadline, not done
    (date(2026, 11, 10), date(2026, 11, 9), None, Status.DONE_ON_TIME),  # done early
    (date(2026, 11, 10), date(2026, 11, 10), None, Status.DONE_ON_TIME),  # done on the day
    (date(2026, 11, 10), date(2026, 11, 11), None, Status.DONE_LATE),
    (None, date(2026, 11, 1), None, Status.DONE_ON_TIME),  # no deadline to be late against
    (None, None, "ongoing", Status.ONGOING),
    (date(2026, 12, 31), None, "quarterly", Status.ONGOING),  # periodic until the end date
    (date(2026, 11, 19), None, "quarterly", Status.OVERDUE),  # its end has passed, not done
    (date(2026, 11, 19), date(2026, 11, 25), "monthly", Status.DONE_LATE),
])
def test_status_from_dates(due: date | None, done: date | None, recurrence: str | None, expected: Status) -> None:
    assert status(due, done, recurrence) is expected


def test_due_soon_follows_the_setting() -> None:
    due = TODAY + timedelta(days=3)
    assert [status(due, soon_days=n) for n in (0, 2, 3, 30)] == [
        Status.IN_TIME, Status.IN_TIME, Status.DUE_SOON, Status.DUE_SOON]
    assert status(TODAY, soon_days=0) is Status.DUE_SOON  # the deadline is today


def test_an_extension_moves_the_deadline_and_keeps_the_original() -> None:
    directive = Directive(addressee="Sở Y tế", content="x", deadline=date(2026, 11, 10))
    assert task_status(directive, TODAY) is Status.OVERDUE
    directive.deadline_extensions = with_extension(directive, Extension(date(2026, 12, 15), "chờ ý kiến của Bộ"))
    assert (directive.deadline, current_deadline(directive)) == (date(2026, 11, 10), date(2026, 12, 15))
    assert task_status(directive, TODAY) is Status.IN_TIME
    assert task_status(directive, date(2026, 12, 10)) is Status.DUE_SOON
    directive.done_on = date(2026, 12, 1)
    assert task_status(directive, TODAY) is Status.DONE_ON_TIME  # within the extension
    directive.deadline_extensions = with_extension(directive, Extension(date(2027, 1, 15), "thêm", "Chủ tịch"))
    assert directive.deadline_extensions == [
        {"until": "2026-12-15", "reason": "chờ ý kiến của Bộ"},
        {"until": "2027-01-15", "reason": "thêm", "granted_by": "Chủ tịch"},
    ]
    assert extension_problem(directive, date(2027, 1, 15), "lại") == "Hạn mới 15/1/2027 phải sau hạn hiện tại 15/1/2027."
    assert extension_problem(directive, date(2027, 2, 1), " ") == "Hãy ghi lý do gia hạn."
    assert extension_problem(Directive(addressee="x", content="y"), TODAY, "z") == \
        "Nhiệm vụ này không có thời hạn để gia hạn."


def test_the_rule_on_iso_text_is_the_rule_on_dates() -> None:
    # The register compares ISO text; the same rule as for dates, over a year of days.
    for offset in range(-40, 40):
        due = TODAY + timedelta(days=offset)
        for done in (None, due - timedelta(days=1), due, due + timedelta(days=1)):
            expected = status(due, done)
            found = status_of(due.isoformat(), done.isoformat() if done else None, None, TODAY.isoformat(),
                              (TODAY + timedelta(days=7)).isoformat())
            assert found is expected, (due, done)


def test_statuses_named_on_the_command_line() -> None:
    assert parse_statuses(["open"]) == {Status.OVERDUE, Status.DUE_SOON, Status.IN_TIME, Status.ONGOING}
    assert parse_statuses(["done", "overdue"]) == {Status.DONE_LATE, Status.DONE_ON_TIME, Status.OVERDUE}
    with pytest.raises(ValueError, match="later"):
        parse_statuses(["later"])


# --- the register ------------------------------------------------------------------------

@pytest.fixture
def tasks_archive(archive, tmp_path: Path):
    """The monthly briefing (11 tasks) and a science meeting (2 tasks) in the archive."""
    briefing_id = import_file(archive, briefing(tmp_path))
    science_id = import_file(archive, science(tmp_path))
    return archive, briefing_id, science_id


def register_of(archive, today: date = TODAY, soon_days: int = 7):
    with archive.engine.connect() as connection:
        register = load_register(connection, today, soon_days)
        register.load_details(connection)
    return register


def shown(register, selection) -> list[tuple[str, str]]:
    return [(register.unit(i), register.contents[i]) for i in selection.tasks]


@pytest.mark.databases
def test_the_register_holds_every_task_with_its_status(tasks_archive) -> None:
    archive, briefing_id, science_id = tasks_archive
    register = register_of(archive)
    assert len(register) == len(BRIEFING_TASKS) + len(SCIENCE_TASKS)
    expected = {content: status for _a, content, _d, _f, status, _i in BRIEFING_TASKS + SCIENCE_TASKS}
    assert {register.contents[i]: register.status(i).value for i in range(len(register))} == expected
    # The same status as each directive computes for itself.
    with archive.sessions() as session:
        for meeting_id in (briefing_id, science_id):
            for directive in load_meeting(session, meeting_id).directives:
                i = register.index_of(directive.id.hex)
                assert register.status(i) is task_status(directive, TODAY)
                assert register.unit(i).casefold() == (directive.lead_unit or directive.addressee).casefold()
    hospital = register.contents.index("hoàn thiện đề án nâng cấp Bệnh viện đa khoa tỉnh")
    assert (register.unit(hospital), register.deadlines[hospital], bool(register.extended[hospital])) == (
        "Sở Y tế", "2026-12-15", True)
    assert register.partners(hospital) == "Sở Tài chính; Sở Kế hoạch và Đầu tư"
    assert register.leader(hospital) == "Trần Quốc Hùng"  # the chair, when no one else is named
    assert register.leader(register.contents.index("trình phương án sắp xếp đơn vị sự nghiệp công lập")) == "Lê Thị Mai"
    assert sorted(register.leaders) == ["Lê Thị Mai", "Trần Quốc Hùng"]


@pytest.mark.databases
def test_register_filters_and_counts(tasks_archive) -> None:
    archive, briefing_id, science_id = tasks_archive
    register = register_of(archive)
    everything = register.select(TaskFilter())
    assert len(everything.tasks) == 13
    assert everything.counts.by_status == Counter({
        Status.OVERDUE: 3, Status.DUE_SOON: 2, Status.IN_TIME: 4, Status.ONGOING: 1, Status.DONE_LATE: 1,
        Status.DONE_ON_TIME: 2})
    # Spellings of one unit count together, under the first one met.
    assert everything.counts.by_unit["Sở Y tế"] == Counter(
        {Status.OVERDUE: 1, Status.IN_TIME: 1, Status.DONE_ON_TIME: 1})
    assert "Sở y tế" not in everything.counts.by_unit
    assert everything.counts.by_unit["Sở Tài chính"] == Counter({Status.DUE_SOON: 1, Status.IN_TIME: 1})

    overdue = register.select(TaskFilter(statuses=frozenset({Status.OVERDUE})))
    assert shown(register, overdue) == [  # the oldest deadline first
        ("Sở Khoa học và Công nghệ", "chủ trì xây dựng kế hoạch nâng cấp hạ tầng mạng tại các xã vùng sâu"),
        ("Sở Y tế", "xây dựng kế hoạch phòng, chống dịch sốt xuất huyết mùa mưa"),
        ("Sở Công Thương", "báo cáo tình hình thị trường, giá cả"),
    ]
    assert overdue.counts.total == 13  # the counts show what the status filter hides

    health = register.select(TaskFilter(unit="so y te"))  # diacritics and case aside
    assert [register.contents[i] for i in health.tasks] == [
        "xây dựng kế hoạch phòng, chống dịch sốt xuất huyết mùa mưa",
        "hoàn thiện đề án nâng cấp Bệnh viện đa khoa tỉnh",
        "báo cáo kết quả tiêm chủng mở rộng",
    ]
    assert health.counts.total == 3

    assert [register.unit(i) for i in register.select(TaskFilter(meeting_id=science_id), "deadline").tasks] == [
        "Sở Khoa học và Công nghệ", "Sở Tài chính"]
    assert len(register.select(TaskFilter(meeting="giao ban thang 10")).tasks) == 11
    assert len(register.select(TaskFilter(leader="Lê Thị Mai")).tasks) == 1
    in_september = TaskFilter(assigned_from=date(2026, 9, 1), assigned_to=date(2026, 9, 30))
    assert len(register.select(in_september).tasks) == 2
    # Words of the content, the units (partners too) and the result, without diacritics.
    assert [register.contents[i] for i in register.select(TaskFilter(text="benh vien")).tasks] == [
        "hoàn thiện đề án nâng cấp Bệnh viện đa khoa tỉnh"]
    assert len(register.select(TaskFilter(text="ke hoach dau tu")).tasks) == 1  # a partner unit
    assert len(register.select(TaskFilter(text="thong xe")).tasks) == 1  # a result
    combined = TaskFilter(statuses=frozenset({Status.IN_TIME}), unit="y te", text="de an")
    assert len(register.select(combined).tasks) == 1
    assert register.select(TaskFilter(text="không có việc này")).tasks == []


@pytest.mark.databases
def test_register_sorts(tasks_archive) -> None:
    archive, *_ = tasks_archive
    register = register_of(archive)
    by_status = register.select(TaskFilter())
    statuses = [register.status(i) for i in by_status.tasks]
    assert statuses == sorted(statuses, key=list(Status).index)
    deadlines = [register.deadlines[i] for i in register.select(TaskFilter(), "deadline").tasks]
    assert [d for d in deadlines if d] == sorted(d for d in deadlines if d)
    units = [register.unit(i) for i in register.select(TaskFilter(), "unit", descending=True).tasks]
    assert units[0] == "UBND các huyện" and units[-1] == "Sở Công Thương"
    meetings = [register.meeting_ids[i] for i in register.select(TaskFilter(), "meeting").tasks]
    assert meetings == sorted(meetings, key=lambda m: register.meetings[m].day)
    for column in ("content", "partners", "leader", "done"):
        assert sorted(register.select(TaskFilter(), column).tasks) == list(range(13))


@pytest.mark.databases
def test_register_needs_reading_again_after_a_change(tasks_archive) -> None:
    archive, briefing_id, _ = tasks_archive
    with archive.engine.connect() as connection:
        before = register_stamp(connection)
    task = register_of(archive).ids[0]
    follow_up.add_note(archive, str(task), "đã họp bàn", TODAY, user="lan")
    with archive.engine.connect() as connection:
        assert register_stamp(connection) != before


@pytest.mark.databases
def test_the_directory_of_bodies(tasks_archive) -> None:
    archive, *_ = tasks_archive
    with archive.sessions() as session:
        bodies = known_bodies(session)
    assert bodies[0] == "Sở Y tế"  # named most often, in its most used spelling
    assert "Sở y tế" not in bodies
    for unit in ("Sở Kế hoạch và Đầu tư", "Sở Khoa học và Công nghệ", "Văn phòng UBND tỉnh", "UBND các huyện"):
        assert unit in bodies


# --- changes outside a meeting window --------------------------------------------------


@pytest.mark.databases
def test_done_extended_and_noted_from_outside_a_window(tasks_archive) -> None:
    archive, briefing_id, _ = tasks_archive
    with archive.sessions() as session:
        first = load_meeting(session, briefing_id).directives[0]
    task_id = short_id(first.id)
    follow_up.extend(archive, task_id, date(2026, 12, 1), "chờ kinh phí", "Chủ tịch UBND tỉnh", user="lan")
    follow_up.add_note(archive, task_id, "đã trình dự thảo", date(2026, 11, 18), user="lan")
    follow_up.add_note(archive, task_id, "đã lấy ý kiến", date(2026, 11, 12), user="lan")
    done = follow_up.mark_done(archive, task_id, date(2026, 11, 25), "Đã ban hành kế hoạch", "45/KH-SYT",
                               date(2026, 11, 25), user="nam")
    assert (done.version, done.updated_by) == (first.version + 4, "nam")
    with archive.sessions() as session:
        directive = load_meeting(session, briefing_id).directives[0]
    assert directive.deadline == date(2026, 11, 10)  # the original stays
    assert directive.deadline_extensions == [
        {"until": "2026-12-01", "reason": "chờ kinh phí", "granted_by": "Chủ tịch UBND tỉnh"}]
    assert [n["on"] for n in directive.progress] == ["2026-11-12", "2026-11-18"]  # by date
    assert (directive.done_on, directive.result, directive.report_number) == (
        date(2026, 11, 25), "Đã ban hành kế hoạch", "45/KH-SYT")
    assert task_status(directive, TODAY) is Status.DONE_ON_TIME
    # The result is searchable at once.
    assert len(register_of(archive).select(TaskFilter(text="ban hanh ke hoach")).tasks) == 1


@pytest.mark.databases
def test_changes_that_are_refused(tasks_archive) -> None:
    archive, briefing_id, _ = tasks_archive
    with archive.sessions() as session:
        directives = load_meeting(session, briefing_id).directives
    first, ongoing = short_id(directives[0].id), short_id(directives[7].id)
    cases = [
        (lambda: follow_up.mark_done(archive, first, date(2026, 10, 1)), "trước ngày giao nhiệm vụ 5/10/2026"),
        (lambda: follow_up.extend(archive, first, date(2026, 11, 1), "x"), "phải sau hạn hiện tại 10/11/2026"),
        (lambda: follow_up.extend(archive, ongoing, date(2027, 1, 1), "x"), "không có thời hạn để gia hạn"),
        (lambda: follow_up.add_note(archive, first, "  ", TODAY), "không được để trống"),
        (lambda: follow_up.add_note(archive, "12", "x", TODAY), "hãy gõ ít nhất 4 chữ số"),
        (lambda: follow_up.add_note(archive, "ffff0000", "x", TODAY), "Không có nhiệm vụ nào mang mã “ffff0000”"),
    ]
    for change, message in cases:
        with pytest.raises(follow_up.TaskError, match=message):
            change()
    with archive.sessions() as session:
        assert load_meeting(session, briefing_id).directives[0].version == directives[0].version


@pytest.mark.databases
def test_a_change_from_outside_meets_an_open_window_as_a_conflict(tasks_archive) -> None:
    from minutes_app.editing.sharing import explain, refresh

    archive, briefing_id, _ = tasks_archive
    editor, saves = open_editor(archive, briefing_id, user="thuky_lan")
    try:
        task = editor.meeting.directives[0]
        follow_up.mark_done(archive, short_id(task.id), date(2026, 11, 18), "Xong", user="thuky_nam")
        editor.set_field(task, "result", "Bản của Lan")
        assert editor.autosaver.flush(5)
        [conflict] = saves.conflicts
        detail = explain(editor, conflict)
        assert (detail.changed_by, detail.fields, detail.theirs["result"]) == ("thuky_nam", ["result"], "Xong")
        # Taken in at the next refresh (the field is not being typed in).
        assert refresh(editor, lambda row, name: False, set()) >= 1
        assert (task.done_on, task.result) == (date(2026, 11, 18), "Xong")
    finally:
        editor.close()


@pytest.mark.databases
def test_two_secretaries_updating_one_task(tasks_archive) -> None:
    from minutes_app.editing.sharing import explain, keep_mine

    archive, briefing_id, _ = tasks_archive
    lan, lan_saves = open_editor(archive, briefing_id, user="thuky_lan")
    nam, nam_saves = open_editor(archive, briefing_id, user="thuky_nam")
    try:
        lan.set_field(lan.meeting.directives[1], "done_on", date(2026, 11, 19))
        assert lan.autosaver.flush(5)
        nam.set_field(nam.meeting.directives[1], "deadline_extensions",
                      with_extension(nam.meeting.directives[1], Extension(date(2026, 12, 5), "chờ")))
        assert nam.autosaver.flush(5)
        [conflict] = nam_saves.conflicts
        detail = explain(nam, conflict)
        assert (detail.changed_by, detail.fields) == ("thuky_lan", ["deadline_extensions"])
        keep_mine(nam, detail)
        assert nam.autosaver.flush(5)
        with archive.sessions() as session:
            saved = load_meeting(session, briefing_id).directives[1]
        assert saved.deadline_extensions == [{"until": "2026-12-05", "reason": "chờ"}]
        assert lan_saves.conflicts == []
    finally:
        lan.close()
        nam.close()


# --- into the next session ------------------------------------------------------------------


@pytest.mark.databases
def test_the_next_session_starts_with_the_open_tasks(tasks_archive, monkeypatch: pytest.MonkeyPatch) -> None:
    archive, briefing_id, _ = tasks_archive
    import minutes_app.editing.meetings as meetings

    monkeypatch.setattr(meetings, "_now", lambda: datetime(2026, 11, 20, 8, 0))
    next_id = duplicate_meeting(archive, briefing_id)
    with archive.sessions() as session:
        carried = load_meeting(session, next_id).carried_tasks
        source = load_meeting(session, briefing_id)
    open_tasks = [d for d in source.directives if not task_status(d, TODAY).done]
    assert [c.task_id for c in carried] == [d.id for d in open_tasks]
    assert len(carried) == 8
    hospital = next(c for c in carried if c.content.startswith("hoàn thiện đề án"))
    assert (hospital.unit, hospital.deadline, hospital.outcome) == (
        "Sở Y tế", date(2026, 12, 15), "đang thực hiện, trong hạn; đến ngày 20/10/2026: đã lấy ý kiến các sở, ngành")
    assert carried[0].outcome == "chưa hoàn thành, đã quá hạn"
    ongoing = next(c for c in carried if c.recurrence == "ongoing")
    assert ongoing.outcome == "đang thực hiện thường xuyên"

    # The minutes print them under their heading, before the proceedings.
    with archive.sessions() as session:
        document = compose_minutes(load_meeting(session, next_id), load_profile("state"))
    text = document.text().replace("\xa0", " ")  # dates are bound by no-break spaces
    assert "Kết quả thực hiện kết luận kỳ trước:" in text
    assert ("- Sở Y tế: hoàn thiện đề án nâng cấp Bệnh viện đa khoa tỉnh (hạn 15/12/2026): đang thực hiện, trong "
            "hạn; đến ngày 20/10/2026: đã lấy ý kiến các sở, ngành;") in text
    assert "- UBND các huyện: kiểm tra, đôn đốc công tác giải phóng mặt bằng (thường xuyên): đang thực hiện " \
           "thường xuyên;" in text
    assert text.index("Kết quả thực hiện kết luận kỳ trước") < text.index("Cuộc họp kết thúc")

    # The session after: what was done meanwhile stays behind, what is still open comes on.
    with archive.sessions.begin() as session:
        load_meeting(session, briefing_id).directives[0].done_on = date(2026, 11, 22)
    third_id = duplicate_meeting(archive, next_id)
    with archive.sessions() as session:
        third = load_meeting(session, third_id).carried_tasks
    assert [c.task_id for c in third] == [d.id for d in open_tasks[1:]]


@pytest.mark.databases
def test_a_new_meeting_of_the_same_organiser_brings_them_on_request(tasks_archive) -> None:
    archive, briefing_id, _ = tasks_archive
    meeting_id = new_meeting(archive)
    editor, _saves = open_editor(archive, meeting_id)
    try:
        assert carry_over(editor, TODAY) == 0  # no organiser yet
        editor.set_field(editor.meeting, "organizer_name", "VĂN PHÒNG UBND TỈNH")  # typed otherwise
        assert carry_over(editor, TODAY) == 8
        assert carry_over(editor, TODAY) == 0  # not twice
        editor.undo()
        assert editor.meeting.carried_tasks == []
        editor.redo()
        editor.set_field(editor.meeting.carried_tasks[0], "outcome", "Sở Y tế báo cáo đã hoàn thành")
        assert editor.autosaver.flush(5)
    finally:
        editor.close()
    with archive.sessions() as session:
        carried = load_meeting(session, meeting_id).carried_tasks
    assert len(carried) == 8 and carried[0].outcome == "Sở Y tế báo cáo đã hoàn thành"
