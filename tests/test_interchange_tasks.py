"""Tasks in the meeting file (version 2): written, read back, checked; older files read as
tasks of their addressees; copies between archives keep them."""

import itertools
import json
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minutes_app.archive import dump_meeting, import_file, load_meeting, open_archive
from minutes_app.editing.meetings import duplicate_meeting
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.interchange.validation import InvalidMeetingFile
from minutes_app.transfer import copy_meeting
from tests.conftest import EXAMPLE, new_url
from tests.helpers import canonical, load, picture
from tests.strategies import meetings, nonempty, texts
from tests.task_data import briefing

_days = st.dates(date(2000, 1, 1), date(2099, 12, 31)).map(date.isoformat)


def _some(draw: st.DrawFn, item: dict[str, Any], key: str, strategy: st.SearchStrategy) -> None:
    if draw(st.booleans()):
        item[key] = draw(strategy)


@st.composite
def meetings_with_tasks(draw: st.DrawFn) -> dict[str, Any]:
    """A meeting file of version 2 whose directives are followed up, with earlier tasks."""
    document = draw(meetings())
    document["format"] = "minutes-app.meeting/2"
    for directive in document.get("directives", []):
        follow_up: dict[str, Any] = {}
        _some(draw, follow_up, "lead_unit", nonempty)
        _some(draw, follow_up, "partners", st.lists(nonempty, min_size=1, max_size=3))
        _some(draw, follow_up, "recurrence", st.sampled_from(["ongoing", "monthly", "quarterly", "half-yearly",
                                                               "yearly"]))
        _some(draw, follow_up, "extensions", st.lists(st.fixed_dictionaries(
            {"until": _days, "reason": nonempty}, optional={"granted_by": texts}), min_size=1, max_size=2))
        _some(draw, follow_up, "progress", st.lists(st.fixed_dictionaries({"on": _days, "text": nonempty}),
                                                    min_size=1, max_size=2))
        for key in ("done_on", "report_date"):
            _some(draw, follow_up, key, _days)
        for key in ("result", "report_number"):
            _some(draw, follow_up, key, texts)
        if follow_up:
            directive["follow_up"] = follow_up
    earlier = []
    for _ in range(draw(st.integers(0, 3))):
        task: dict[str, Any] = {"unit": draw(nonempty), "content": draw(nonempty)}
        _some(draw, task, "task", st.uuids().map(str))
        _some(draw, task, "deadline", _days)
        _some(draw, task, "recurrence", st.sampled_from(["ongoing", "quarterly"]))
        _some(draw, task, "outcome", nonempty)
        earlier.append(task)
    if earlier:
        document["previous_tasks"] = earlier
    return document


_counter = itertools.count()


@pytest.mark.databases
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(document=meetings_with_tasks())
def test_tasks_round_trip_through_the_archive(tmp_path: Path, db_url: str, document: dict[str, Any]) -> None:
    folder = tmp_path / f"case{next(_counter)}"
    (folder / "anh").mkdir(parents=True)
    for photo in document.get("photos", []):
        kind = "PNG" if photo["file"].endswith(".png") else "JPEG"
        (folder / photo["file"]).write_bytes(picture(kind))
    source = folder / "meeting.json"
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with open_archive(db_url) as archive:
        meeting_id = import_file(archive, source)
        dumped = folder / "out" / "dump.json"
        dump_meeting(archive, meeting_id, dumped)
    assert canonical(load(dumped), dumped.parent) == canonical(document, folder)


@pytest.mark.databases
def test_an_old_file_gives_tasks_of_its_addressees(archive, tmp_path: Path) -> None:
    meeting_id = import_file(archive, EXAMPLE)
    with archive.sessions() as session:
        directives = load_meeting(session, meeting_id).directives
    assert [(d.lead_unit, d.partners, d.recurrence, d.deadline_extensions, d.progress, d.done_on) for d in directives] \
        == [(None, None, None, None, None, None)] * 4
    dumped = tmp_path / "dump.json"
    dump_meeting(archive, meeting_id, dumped)
    written = load(dumped)
    assert written["format"] == "minutes-app.meeting/2"
    assert all("follow_up" not in d for d in written["directives"])  # nothing invented
    assert "previous_tasks" not in written


@pytest.mark.databases
def test_the_next_session_and_its_tasks_travel(database: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    """A duplicated session's earlier tasks go into its file and to another archive, where
    they still name the tasks they came from."""
    here, there = new_url("sqlite", tmp_path / "here", request), new_url(database, tmp_path / "there", request)
    (tmp_path / "here").mkdir()
    (tmp_path / "there").mkdir(exist_ok=True)
    with open_archive(here) as laptop, open_archive(there) as office:
        first = import_file(laptop, briefing(tmp_path))
        second = duplicate_meeting(laptop, first)
        with laptop.sessions() as session:
            carried = load_meeting(session, second).carried_tasks
            originals = {d.id for d in load_meeting(session, first).directives}
        assert carried and all(c.task_id in originals for c in carried)
        dumped = tmp_path / "next.json"
        dump_meeting(laptop, second, dumped)
        assert [t["task"] for t in load(dumped)["previous_tasks"]] == [str(c.task_id) for c in carried]
        assert load(dumped)["previous_tasks"][0] == {
            "task": str(carried[0].task_id), "unit": "Sở Y tế",
            "content": "xây dựng kế hoạch phòng, chống dịch sốt xuất huyết mùa mưa", "deadline": "2026-11-10",
            "outcome": carried[0].outcome}

        # Both meetings to the office: the tasks, their follow-up and the links stay.
        copy_meeting(laptop, first, office)
        copied = copy_meeting(laptop, second, office)
        with office.sessions() as session:
            there_carried = load_meeting(session, copied.meeting_id).carried_tasks
            there_first = load_meeting(session, 1).directives
        assert [(c.task_id, c.unit, c.outcome) for c in there_carried] == [
            (c.task_id, c.unit, c.outcome) for c in carried]
        hospital = next(d for d in there_first if d.lead_unit == "Sở Y tế")
        assert hospital.partners == ["Sở Tài chính", "Sở Kế hoạch và Đầu tư"]
        assert hospital.deadline_extensions == [
            {"until": "2026-12-15", "reason": "chờ ý kiến của Bộ Y tế", "granted_by": "Chủ tịch UBND tỉnh"}]
        assert hospital.progress == [{"on": "2026-10-20", "text": "đã lấy ý kiến các sở, ngành"}]


def _problems(tmp_path: Path, document: dict[str, Any]) -> list[str]:
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InvalidMeetingFile) as raised:
        read_meeting_file(path)
    return [str(p) for p in raised.value.problems]


def test_wrong_task_fields_are_reported_with_their_place(tmp_path: Path) -> None:
    document = json.loads(briefing(tmp_path).read_text(encoding="utf-8"))
    document["directives"][0]["follow_up"] = {
        "recurrence": "weekly", "done_on": "2026-02-30", "extensions": [{"until": "30/11/2026"}],
        "progress": [{"on": "2026-13-01", "text": "x"}], "partners": [""], "owner": "x",
    }
    document["previous_tasks"] = [{"task": "abc", "unit": "Sở Y tế", "content": "x", "deadline": "2026-04-31"}]
    assert sorted(_problems(tmp_path, document)) == sorted([
        "directives[0].follow_up.owner: khóa không có trong định dạng (gõ nhầm tên khóa?)",
        "directives[0].follow_up.recurrence: phải là một trong các giá trị: ongoing, monthly, quarterly, "
        "half-yearly, yearly",
        "directives[0].follow_up.extensions[0].reason: thiếu trường bắt buộc",
        "directives[0].follow_up.extensions[0].until: phải là ngày dạng YYYY-MM-DD, ví dụ 2026-08-31",
        "directives[0].follow_up.partners[0]: không được để trống",
        "previous_tasks[0].task: phải là mã nhiệm vụ dạng UUID, ví dụ 3f2a9c1e-7b4d-4c1a-9e2f-5a6b7c8d9e0f",
        "directives[0].follow_up.done_on: ngày giờ không tồn tại",
        "directives[0].follow_up.progress[0].on: ngày giờ không tồn tại",
        "previous_tasks[0].deadline: ngày giờ không tồn tại",
    ])


def test_version_1_stays_as_it_was(example_dir: Path) -> None:
    document = load(example_dir / "meeting.json")
    document["directives"][0]["follow_up"] = {"done_on": "2026-08-20"}
    document["previous_tasks"] = [{"task": str(uuid.uuid4()), "unit": "Sở Y tế", "content": "x"}]
    assert sorted(_problems(example_dir, document)) == [
        "directives[0].follow_up: khóa không có trong định dạng (gõ nhầm tên khóa?)",
        "previous_tasks: khóa không có trong định dạng (gõ nhầm tên khóa?)",
    ]
