"""The task register window and the task fields of the Conclusions tab, driven as a
secretary drives them: keys, Vietnamese typed one character at a time."""

from datetime import date
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

from minutes_app.archive import import_file, load_meeting
from minutes_app.tasks import Status
from minutes_app.ui.archive_window import ArchiveWindow
from minutes_app.ui.meeting_window import MeetingWindow
from minutes_app.ui.task_register import TaskRegisterWindow
from tests.task_data import TODAY, briefing, science
from tests.ui_helpers import key, temporary_settings, type_text


def _archive_window(qtbot, archive, tmp_path: Path) -> ArchiveWindow:
    window = ArchiveWindow(archive, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # its shortcuts work in the active window
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _register(qtbot, archive_window: ArchiveWindow) -> TaskRegisterWindow:
    register = TaskRegisterWindow(archive_window.archive, archive_window.settings, archive_window.open_task, TODAY)
    qtbot.addWidget(register)
    register.open_results = False
    register.show()
    qtbot.waitUntil(lambda: register.searchable)
    return register


def _rows(register: TaskRegisterWindow, column: int = 3) -> list[str]:
    model = register.model
    return [model.index(row, column).data() for row in range(model.rowCount())]


def test_the_register_lists_colours_and_counts(qtbot, archive, tmp_path: Path) -> None:
    import_file(archive, briefing(tmp_path))
    import_file(archive, science(tmp_path))
    window = _archive_window(qtbot, archive, tmp_path)
    register = _register(qtbot, window)
    assert register.windowTitle().endswith("Theo dõi nhiệm vụ")
    assert register.model.rowCount() == 13
    first = [register.model.index(0, column).data() for column in range(8)]
    assert first == ["Quá hạn", "31/10/2026", "Sở Khoa học và Công nghệ",
                     "chủ trì xây dựng kế hoạch nâng cấp hạ tầng mạng tại các xã vùng sâu", "",
                     "15/09/2026 · Hội nghị triển khai chuyển đổi số", "Trần Quốc Hùng", ""]
    assert register.model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole).color().name() == "#f8d7da"
    extended = _rows(register).index("hoàn thiện đề án nâng cấp Bệnh viện đa khoa tỉnh")
    assert register.model.index(extended, 1).data() == "15/12/2026 (gia hạn)"
    assert register.model.index(extended, 4).data() == "Sở Tài chính; Sở Kế hoạch và Đầu tư"
    ongoing = _rows(register).index("kiểm tra, đôn đốc công tác giải phóng mặt bằng")
    assert register.model.index(ongoing, 1).data() == "thường xuyên"
    assert [chip.text() for chip in register.chip_buttons.values()] == [
        "Quá hạn: 3", "Sắp đến hạn: 2", "Trong hạn: 4", "Thường xuyên, định kỳ: 1", "Hoàn thành quá hạn: 1",
        "Hoàn thành đúng hạn: 2"]
    units = register.units
    assert [units.index(0, c).data() for c in range(8)] == ["Tất cả các đơn vị", "13", "3", "2", "4", "1", "1", "2"]
    assert [units.index(1, c).data() for c in range(3)] == ["Sở Y tế", "3", "1"]
    assert register.shown.text() == "13 / 13 nhiệm vụ · trạng thái tính đến ngày 20/11/2026"


def test_filters_typed_and_chosen(qtbot, archive, tmp_path: Path) -> None:
    import_file(archive, briefing(tmp_path))
    import_file(archive, science(tmp_path))
    register = _register(qtbot, _archive_window(qtbot, archive, tmp_path))
    type_text(register.search, "bệnh viện")
    qtbot.waitUntil(lambda: register.model.rowCount() == 1)
    register.search.clear()
    type_text(register.search, "ke hoach")  # without the marks
    qtbot.waitUntil(lambda: register.model.rowCount() == 3)
    register.clear_filters()
    assert register.model.rowCount() == 13

    register.status.setCurrentIndex(register.status.findText("Chưa hoàn thành"))
    assert register.model.rowCount() == 10
    assert register.chip_buttons[Status.DONE_ON_TIME].text() == "Hoàn thành đúng hạn: 2"  # counts stay whole
    register.chip_buttons[Status.DUE_SOON].click()
    assert _rows(register) == ["thẩm định dự toán kinh phí mua sắm trang thiết bị y tế",
                               "trình phương án sắp xếp đơn vị sự nghiệp công lập"]
    register.clear_filters()

    # A unit from the counts, with Enter.
    register.unit_table.setFocus()
    register.unit_table.setCurrentIndex(register.units.index(1, 0))
    key(register.unit_table, Qt.Key.Key_Return)
    assert register.unit.text() == "Sở Y tế"
    assert register.model.rowCount() == 3
    register.clear_filters()
    type_text(register.unit, "tai chinh")
    qtbot.waitUntil(lambda: register.model.rowCount() == 2)
    register.clear_filters()

    register.leader.setCurrentIndex(register.leader.findText("Lê Thị Mai"))
    assert _rows(register) == ["trình phương án sắp xếp đơn vị sự nghiệp công lập"]
    register.clear_filters()
    type_text(register.meeting, "chuyen doi so")
    qtbot.waitUntil(lambda: register.model.rowCount() == 2)
    register.clear_filters()
    type_text(register.start, "1/9/2026")
    type_text(register.end, "30/9/2026")
    qtbot.waitUntil(lambda: register.model.rowCount() == 2)
    register.clear_filters()

    # Sorting by a click on a column's header, then the other way.
    header = register.table.horizontalHeader()
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(header.sectionViewportPosition(1) + 10, header.height() // 2))
    deadlines = [register.register.deadlines[i] for i in register.model.tasks]
    dated = [d for d in deadlines if d]
    assert dated in (sorted(dated), sorted(dated, reverse=True))
    register.table.sortByColumn(2, Qt.SortOrder.DescendingOrder)
    assert register.model.index(0, 2).data() == "UBND các huyện"


def test_enter_opens_the_task_in_its_meeting(qtbot, archive, tmp_path: Path) -> None:
    meeting_id = import_file(archive, briefing(tmp_path))
    window = _archive_window(qtbot, archive, tmp_path)
    key(window.table, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    register = window.task_register
    assert register is not None and register.isVisible()
    qtbot.waitUntil(lambda: register.searchable)
    row = _rows(register).index("trình phương án sắp xếp đơn vị sự nghiệp công lập")
    register.table.setCurrentIndex(register.model.index(row, 0))
    key(register.table, Qt.Key.Key_Return)
    meeting = window.meeting_windows[meeting_id]
    assert meeting.tabs.currentWidget() is meeting.conclusions
    chosen = meeting.conclusions.panel.directive
    assert chosen is not None and chosen.content == "trình phương án sắp xếp đơn vị sự nghiệp công lập"
    assert meeting.conclusions.panel.status.text() in ("Sắp đến hạn", "Quá hạn", "Trong hạn")  # today's date

    # Done in the meeting; back in the register, it is read again.
    meeting.conclusions.panel.done.setText("18/11/2026")
    meeting.conclusions.panel.done.editingFinished.emit()
    assert meeting.editor.autosaver.flush(5)
    meeting.close()
    register.activateWindow()
    register.reload()
    qtbot.waitUntil(lambda: register.searchable)
    assert register.model.index(_rows(register).index(chosen.content), 7).data() == "18/11/2026"


def test_export_from_the_register(qtbot, archive, tmp_path: Path) -> None:
    import_file(archive, briefing(tmp_path))
    register = _register(qtbot, _archive_window(qtbot, archive, tmp_path))
    register.status.setCurrentIndex(register.status.findText("Quá hạn"))
    assert register.export_to("xlsx", tmp_path / "qua-han.xlsx")
    rows = list(load_workbook(tmp_path / "qua-han.xlsx")["Nhiệm vụ"].iter_rows(min_row=2, values_only=True))
    assert [(r[1], r[2]) for r in rows] == [("Quá hạn", "Sở Y tế"), ("Quá hạn", "Sở Công Thương")]
    assert register.export_to("pdf", tmp_path / "qua-han.pdf")
    assert register.statusBar().currentMessage().startswith("Đã xuất 2 nhiệm vụ ra ")
    assert not register.export_to("docx", tmp_path / "none" / "x.docx")
    assert "không tồn tại" in register.statusBar().currentMessage()


def _conclusions(qtbot, archive, meeting_id: int, tmp_path: Path) -> MeetingWindow:
    window = MeetingWindow(archive, meeting_id, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(window.conclusions)
    return window


def test_the_task_panel(qtbot, archive, tmp_path: Path) -> None:
    meeting_id = import_file(archive, briefing(tmp_path))
    window = _conclusions(qtbot, archive, meeting_id, tmp_path)
    tab, panel = window.conclusions, window.conclusions.panel
    assert tab.model.headerData(3, Qt.Orientation.Horizontal) == "Trạng thái"
    tab.table.selectRow(0)
    directive = window.editor.meeting.directives[0]
    assert panel.directive is directive
    assert panel.lead.placeholderText() == "Sở Y tế"

    panel.lead.setFocus()
    type_text(panel.lead, "Sở Y tế tỉnh")
    type_text(panel.partners, "Sở Tài chính; Bệnh viện đa khoa tỉnh")
    assert (directive.lead_unit, directive.partners) == ("Sở Y tế tỉnh", ["Sở Tài chính", "Bệnh viện đa khoa tỉnh"])

    type_text(panel.new_deadline, "31/12/2026")
    type_text(panel.reason, "chờ kinh phí")
    type_text(panel.granted_by, "Phó Chủ tịch UBND tỉnh")
    key(panel.granted_by, Qt.Key.Key_Return)
    assert directive.deadline_extensions == [
        {"until": "2026-12-31", "reason": "chờ kinh phí", "granted_by": "Phó Chủ tịch UBND tỉnh"}]
    assert panel.extensions.item(0).text() == "đến 31/12/2026: chờ kinh phí — Phó Chủ tịch UBND tỉnh"
    type_text(panel.new_deadline, "1/12/2026")
    type_text(panel.reason, "thêm")
    key(panel.reason, Qt.Key.Key_Return)
    assert panel.message.text() == "Hạn mới 1/12/2026 phải sau hạn hiện tại 31/12/2026."
    assert len(directive.deadline_extensions) == 1

    type_text(panel.note, "18/11/2026: đã trình dự thảo")
    key(panel.note, Qt.Key.Key_Return)
    type_text(panel.note, "đã lấy ý kiến Bộ")
    key(panel.note, Qt.Key.Key_Return)
    assert [n["text"] for n in directive.progress] == ["đã trình dự thảo", "đã lấy ý kiến Bộ"]
    assert directive.progress[0]["on"] == "2026-11-18"

    panel.done.setFocus()
    type_text(panel.done, "19/11/2026")
    panel.done.editingFinished.emit()
    type_text(panel.result, "Đã ban hành kế hoạch")
    assert (directive.done_on, directive.result) == (date(2026, 11, 19), "Đã ban hành kế hoạch")
    assert panel.status.text() == "Hoàn thành đúng hạn"
    assert tab.model.index(0, 3).data() == "Hoàn thành đúng hạn"

    panel.recurrence.setCurrentIndex(panel.recurrence.findData("quarterly"))
    panel.recurrence.activated.emit(panel.recurrence.currentIndex())
    assert directive.recurrence == "quarterly"

    # Undo takes it back, step by step.
    window.undo_action.trigger()
    assert directive.recurrence is None
    window.undo_action.trigger()
    assert directive.result is None
    assert window.editor.autosaver.flush(5)
    window.close()
    with archive.sessions() as session:
        saved = load_meeting(session, meeting_id).directives[0]
    assert (saved.lead_unit, saved.done_on, len(saved.progress), saved.result) == (
        "Sở Y tế tỉnh", date(2026, 11, 19), 2, None)


def test_a_bad_date_is_said_and_changes_nothing(qtbot, archive, tmp_path: Path) -> None:
    meeting_id = import_file(archive, briefing(tmp_path))
    window = _conclusions(qtbot, archive, meeting_id, tmp_path)
    window.conclusions.table.selectRow(1)
    panel = window.conclusions.panel
    type_text(panel.done, "31/2/2026")
    panel.done.editingFinished.emit()
    assert panel.message.text() == "Ngày “31/2/2026” không hợp lệ: hãy gõ ngày/tháng/năm, ví dụ 31/8/2026."
    assert panel.directive.done_on is None
    window.close()


def test_the_next_session_reviews_the_open_tasks(qtbot, archive, tmp_path: Path) -> None:
    source = import_file(archive, briefing(tmp_path))
    window = _archive_window(qtbot, archive, tmp_path)
    key(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    following = next(w for m, w in window.meeting_windows.items() if m != source)
    carried = following.conclusions.carried
    assert not carried.table.isHidden() and carried.model.rowCount() == 8
    assert carried.model.index(0, 0).data() == "Sở Y tế"
    outcome = carried.model.index(0, 3)
    assert carried.model.setData(outcome, "Sở Y tế báo cáo đã ban hành kế hoạch")
    assert following.editor.meeting.carried_tasks[0].outcome == "Sở Y tế báo cáo đã ban hành kế hoạch"
    assert carried.bring_in() == 0  # already there
    following.close()

    # A new meeting of the same organiser brings them on request.
    fresh = window.create_meeting("state")
    type_text(fresh.general.lines["organizer_name"], "Văn phòng UBND tỉnh")
    fresh.tabs.setCurrentWidget(fresh.conclusions)
    assert fresh.conclusions.carried.bring_in() == 8
    assert "chưa hoàn thành của kỳ họp trước" in fresh.conclusions.carried.message.text()
    fresh.close()


def test_the_register_is_on_the_archive_menu(qtbot, archive, tmp_path: Path) -> None:
    window = _archive_window(qtbot, archive, tmp_path)
    assert window.tasks_action.shortcut() == QKeySequence("Ctrl+T")
    assert window.tasks_action in window.menuBar().actions()[0].menu().actions()
    register = window.open_task_register()
    assert register.model.rowCount() == 0 and register.shown.text().startswith("0 / 0 nhiệm vụ")
    assert window.open_task_register() is register  # one window, brought forward
