"""The archive window keeps up with the meeting windows, marks a copy for the next session,
keeps no empty new meeting, names what it deletes; and what a first start shows."""

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from minutes_app.archive import import_file, list_meetings
from minutes_app.ui.archive_window import ArchiveWindow
from tests.conftest import DATA
from tests.ui_helpers import key, temporary_settings, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


def _window(qtbot, archive, tmp_path: Path) -> ArchiveWindow:
    window = ArchiveWindow(archive, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _titles(window: ArchiveWindow) -> list[str]:
    return [window.model.index(row, 1).data() for row in range(window.model.rowCount())]


def test_the_list_follows_what_is_saved_in_the_meeting_windows(
    qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    earlier = import_file(archive, DATA / "party-meeting" / "meeting.json")
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = _window(qtbot, archive, tmp_path)
    meeting = window.open_meeting(meeting_id)
    title = meeting.general.lines["title"]
    title.setFocus()
    title.end(False)
    type_text(title, " (điều chỉnh)")
    # Saved, and shown in the list while the meeting's window is still open.
    qtbot.waitUntil(lambda: window.model.index(window.model.row_of(meeting_id), 1).data().endswith("(điều chỉnh)"))
    assert meeting_id in window.meeting_windows
    # A new time moves it in the list (newest first): below the earlier meeting now.
    meeting.editor.set_field(meeting.editor.meeting, "starts_at", datetime(2020, 1, 6, 7, 30))
    qtbot.waitUntil(lambda: window.model.meetings[-1].id == meeting_id)
    assert window.model.index(window.model.rowCount() - 1, 0).data() == "06/01/2020 07:30"
    assert window.current_id() == meeting_id  # still the one selected
    meeting.close()

    # Ctrl+D: a copy marked for the next session, opened with its title selected to be typed over.
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.table.setFocus()
    key(window.table, Qt.Key.Key_D, CTRL)
    copy = next(w for i, w in window.meeting_windows.items() if i not in (meeting_id, earlier))
    line = copy.general.lines["title"]
    assert line.text().endswith("6 tháng cuối năm 2026 (điều chỉnh) (kỳ sau)")
    assert copy.focusWidget() is line and line.selectedText() == line.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is line)
    type_text(line, "Hội nghị sơ kết 9 tháng")
    qtbot.waitUntil(lambda: "Hội nghị sơ kết 9 tháng" in _titles(window))
    copy.close()

    # A new meeting closed without anything in it is not kept; one with something is.
    count = len(list_meetings(archive))
    blank = window.create_meeting("state")
    blank_id = blank.meeting_id
    blank.close()
    assert len(list_meetings(archive)) == count and window.model.row_of(blank_id) < 0
    assert window.statusBar().currentMessage() == "Cuộc họp mới không có nội dung nào nên không được giữ lại."
    kept = window.create_meeting("state")
    type_text(kept.general.lines["venue"], "Phòng họp số 2")
    kept.close()
    assert len(list_meetings(archive)) == count + 1

    # Deleting the untitled one names it by its time, never as “”.
    window.table.selectRow(window.model.row_of(kept.meeting_id))
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *rest: asked.append(text)
                        or QMessageBox.StandardButton.Yes)
    window.delete_current()
    when = f"{kept.editor.meeting.starts_at:%d/%m/%Y %H:%M}"
    assert asked == [f"Xóa hẳn cuộc họp chưa có tên lúc {when} cùng mọi ý kiến, kết luận và ảnh của nó?"]
    window.table.selectRow(window.model.row_of(earlier))
    window.delete_current()
    assert asked[1] == ("Xóa hẳn cuộc họp “Hội nghị tổng kết công tác thông tin đối ngoại năm 2025, triển khai "
                        "nhiệm vụ năm 2026” (05/01/2026 14:00) cùng mọi ý kiến, kết luận và ảnh của nó?")
    assert "“”" not in "".join(asked)
    window.close()


def test_a_first_start_says_what_to_do_and_offers_only_what_can_be_done(
    qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    window = _window(qtbot, archive, tmp_path)
    assert window.list_area.currentIndex() == 1 and window.hint.isVisible()
    assert window.hint.text().startswith("Kho lưu trữ chưa có cuộc họp nào.")
    buttons = [b.text() for b in window.first_steps.findChildren(QPushButton)]
    assert buttons == ["Cuộc họp mới (chính quyền)   Ctrl+N", "Cuộc họp mới (Đảng)   Ctrl+Shift+N",
                       "Nhập tệp cuộc họp đã có (.json)…   Ctrl+I", "Kết nối kho lưu trữ của văn phòng…"]
    needing = (window.open_action, window.duplicate, window.delete_action, window.export_action, window.send_action)
    assert not any(action.isEnabled() for action in needing)
    assert window.new_state.isEnabled() and window.import_action.isEnabled()
    window.grab().save(str(tmp_path / "empty.png"))

    seen: list[bool] = []
    monkeypatch.setattr("minutes_app.ui.archive_window.SettingsDialog.exec",
                        lambda dialog: seen.append(dialog.archive_url.hasFocus() or dialog.focusWidget()
                                                   is dialog.archive_url) or 0)
    window.first_steps.findChildren(QPushButton)[3].click()
    assert seen == [True]

    meeting_id = window.import_path(example_dir / "meeting.json")
    assert window.list_area.currentIndex() == 0 and window.current_id() == meeting_id
    assert all(action.isEnabled() for action in needing)
    type_text(window.search, "khong co cuoc hop nao nhu the")
    qtbot.waitUntil(lambda: window.list_area.currentIndex() == 1)
    assert window.hint.text() == "Không có cuộc họp nào khớp với “khong co cuoc hop nao nhu the”."
    assert not window.first_steps.isVisible() and not window.open_action.isEnabled()
    window.close()


def test_suggestions_show_titles_and_people_imported_after_the_window_opened(
    qtbot, archive, example_dir: Path, tmp_path: Path
) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = _window(qtbot, archive, tmp_path)
    meeting = window.open_meeting(meeting_id)
    qtbot.waitUntil(lambda: meeting.lookups_loaded)
    attendees = meeting.attendees
    meeting.tabs.setCurrentWidget(attendees)
    attendees.name.setFocus()
    type_text(attendees.name, "nhung")
    assert not attendees.completer.found  # nobody of that name yet

    window.import_path(DATA / "party-meeting" / "meeting.json")  # while the meeting's window is open
    attendees.name.clear()
    qtbot.waitUntil(lambda: bool(attendees.completer._index.find("nhung")))
    type_text(attendees.name, "nhung")
    popup = attendees.completer.popup()
    assert popup.isVisible()
    assert popup.model().index(0, 0).data() == "Đỗ Thị Hồng Nhung — Tổng Biên tập Báo Đắk Lắk"

    # Wide enough for a name and its titles, not only as wide as the name's box; within the window.
    meeting.resize(1024, 600)
    qtbot.waitUntil(lambda: attendees.name.width() < 350)
    attendees.name.clear()
    type_text(attendees.name, "tran quoc")
    label = popup.model().index(0, 0).data()
    assert label == "Trần Quốc Hùng — Phó Chủ tịch UBND tỉnh; Trưởng Ban Chỉ đạo chuyển đổi số tỉnh"
    assert popup.width() >= popup.fontMetrics().horizontalAdvance(label) + 20 > attendees.name.width()
    assert popup.geometry().right() <= meeting.geometry().right()
    meeting.close()
    window.close()
