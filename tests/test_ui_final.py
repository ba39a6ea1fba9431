"""The meeting window of a final record: shown as final, nothing editable in any tab (one
added later included), reopened for a correction with a reason, and the history panel."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from minutes_app.archive import import_file, load_meeting
from minutes_app.history import finalize, history
from minutes_app.ui.meeting_window import MeetingWindow
from tests.test_ui_sharing import open_window, saved_title
from tests.ui_helpers import each_tab, key, type_text

KEPT = {"Xuất DOCX…", "Xuất PDF…", "Xem trước và in…"}  # what works on a final record in the tabs


def editable(root: QWidget) -> list[str]:
    """Every editor inside ``root`` that still edits something, by its name."""
    found = []
    for widget in root.findChildren(QWidget):
        name = widget.accessibleName() or getattr(widget, "text", lambda: "")() or type(widget).__name__
        if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox) and not widget.isReadOnly():
            found.append(name)
        elif isinstance(widget, QAbstractButton | QComboBox) and widget.isEnabled() and name not in KEPT:
            found.append(name)
        elif isinstance(widget, QAbstractItemView) and (
                widget.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
                or widget.dragDropMode() != QAbstractItemView.DragDropMode.NoDragDrop or widget.acceptDrops()):
            found.append(name)
        elif widget.acceptDrops():
            found.append(name)
    found += [shortcut.key().toString() for shortcut in root.findChildren(QShortcut) if shortcut.isEnabled()]
    return found


def test_a_final_record_is_read_only_in_every_tab_until_reopened(qtbot, archive, example_dir: Path,
                                                                 tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = open_window(qtbot, archive, meeting_id, tmp_path, "Nguyễn Thị Lan")
    bar = window.record_state
    assert bar.badge.text() == "DỰ THẢO · phiên bản 1"
    assert window.exporter.proposed_name("minutes", "docx").endswith(" du-thao.docx")
    assert editable(window.general)  # a draft: everything edits
    asked = []
    bar.confirm_finalize = lambda *args: asked.append(args) or True
    assert bar.finalize()
    assert asked == [(1, "Nguyễn Thị Lan", "Trần Quốc Hùng")]
    assert bar.badge.text() == "ĐÃ CHỐT · phiên bản 1 · chỉ đọc"
    assert (bar.finalize_action.isEnabled(), bar.reopen_action.isEnabled()) == (False, True)
    assert window.exporter.proposed_name("minutes", "pdf").endswith(" v1.pdf")
    editing = (window.undo_action, window.redo_action, window.new_speech_action, window.audio.start_here_action)
    assert [a.isEnabled() for a in editing] == [False] * 4

    for _index in each_tab(qtbot, window):
        tab = window.tabs.currentWidget()
        qtbot.wait(20)
        assert editable(tab) == [], window.tabs.tabText(window.tabs.currentIndex())
    assert editable(window.conflicts) == []
    assert sorted(b.text() for b in window.article.findChildren(QAbstractButton) if b.isEnabled()) == sorted(KEPT)

    # Enter in every field, where a draft would add the line typed: nothing happens.
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        for line in window.tabs.currentWidget().findChildren(QLineEdit):
            if line.isVisible():
                line.setFocus()
                key(line, Qt.Key.Key_Return)
    # Typing, a new speech, a tab added later (the notice of conclusions): nothing changes.
    window.tabs.setCurrentWidget(window.general)
    title = window.general.lines["title"]
    title.setFocus()
    type_text(title, " (sửa)")
    key(window, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    later = QWidget()
    QLineEdit(later).setAccessibleName("Trích yếu thông báo")
    window.tabs.addTab(later, "8 Thông báo kết luận")
    window.tabs.setCurrentWidget(later)
    qtbot.waitUntil(lambda: editable(later) == [])
    assert window.editor.autosaver.flush(5)
    with archive.sessions() as session:
        saved = load_meeting(session, meeting_id)
        assert (saved.title, len(saved.speeches), saved.state) == (window.editor.meeting.title, 6, "final")
    assert not saved.title.endswith("(sửa)")

    bar.ask_reason = lambda version: "Sửa chức vụ của đồng chí Võ Đình Nam"
    assert bar.reopen()
    assert bar.badge.text() == "ĐANG SỬA · phiên bản 2 · lý do: Sửa chức vụ của đồng chí Võ Đình Nam"
    assert editable(later) == ["Trích yếu thông báo"]
    assert window.new_speech_action.isEnabled() and window.undo_action.isEnabled()
    assert window.audio.start_here_action.isEnabled()
    window.tabs.setCurrentWidget(window.general)
    title.setFocus()
    title.end(False)
    type_text(title, " (sửa)")
    qtbot.waitUntil(lambda: saved_title(archive, meeting_id).endswith(" (sửa)"))
    assert window.exporter.proposed_name("minutes", "docx").endswith(" du-thao.docx")
    assert window.exporter.proposed_name("minutes", "docx", version=1).endswith(" v1.docx")
    window.close()


def test_finalising_needs_both_signers(qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = open_window(qtbot, archive, meeting_id, tmp_path, "Nguyễn Thị Lan")
    bar = window.record_state
    bar.confirm_finalize = lambda *args: False  # a signer did not confirm
    assert not bar.finalize()
    told: list[str] = []
    monkeypatch.setattr("minutes_app.ui.finalising.QMessageBox.information", lambda _p, _t, text: told.append(text))
    window.editor.set_secretary(None)
    bar.confirm_finalize = lambda *args: True
    assert not bar.finalize()
    assert told == ["Biên bản chốt phải có người ký: hãy chọn chủ trì (chủ tọa) và thư ký ở thẻ “Thông tin chung” "
                    "trước."]
    assert [(v.number, v.state) for v in history(archive, meeting_id)] == [(1, "draft")]
    assert bar.badge.text() == "DỰ THẢO · phiên bản 1" and editable(window.general)
    window.close()


def test_the_dialogs_ask_both_signers_and_a_reason(qtbot, tmp_path: Path) -> None:
    from minutes_app.ui.finalising import FinalizeDialog, ReopenDialog

    parent = QWidget()
    qtbot.addWidget(parent)
    finalize_dialog = FinalizeDialog(parent, 2, "Nguyễn Thị Lan", "Trần Quốc Hùng")
    assert finalize_dialog.secretary.text() == "Thư ký Nguyễn Thị Lan xác nhận: đây đúng là nội dung đã ký."
    assert finalize_dialog.chair.text() == "Chủ tọa Trần Quốc Hùng xác nhận: đây đúng là nội dung đã ký."
    finalize_dialog.secretary.setChecked(True)
    assert not finalize_dialog.ok.isEnabled()
    finalize_dialog.chair.setChecked(True)
    assert finalize_dialog.ok.isEnabled()
    reopen_dialog = ReopenDialog(parent, 2)
    assert not reopen_dialog.ok.isEnabled()
    type_text(reopen_dialog.reason, "   ")
    assert not reopen_dialog.ok.isEnabled()
    type_text(reopen_dialog.reason, "Sửa số liệu")
    assert reopen_dialog.ok.isEnabled()


def test_a_record_finalised_elsewhere_locks_the_open_window(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = open_window(qtbot, archive, meeting_id, tmp_path, "Võ Đình Nam")
    finalize(archive, meeting_id, "Nguyễn Thị Lan")  # another secretary, on the shared archive
    assert window.refresh_from_others() == 1
    assert window.record_state.badge.text() == "ĐÃ CHỐT · phiên bản 1 · chỉ đọc"
    assert editable(window.general) == []
    window.close()


def test_the_history_panel_lists_versions_marks_changes_and_exports_a_version(
    qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    from tests.test_final_documents import _pdf_properties

    meeting_id = import_file(archive, example_dir / "meeting.json")
    window: MeetingWindow = open_window(qtbot, archive, meeting_id, tmp_path, "Nguyễn Thị Lan")
    window.exporter.open_results = False
    bar = window.record_state
    bar.confirm_finalize = lambda *args: True
    bar.ask_reason = lambda version: "Sửa chức vụ"
    assert bar.finalize() and bar.reopen()
    editor = window.editor
    nam = editor.meeting.attendances[2]
    editor.set_field(nam, "titles", ["Giám đốc Sở Tài chính"])
    assert bar.finalize()

    panel = bar.show_history()
    qtbot.addWidget(panel)
    rows = [[panel.table.item(r, c).text() for c in (0, 1, 3, 4)] for r in range(panel.table.rowCount())]
    assert rows == [["1", "đã chốt", "Nguyễn Thị Lan", ""], ["2", "đã chốt", "Nguyễn Thị Lan", "Sửa chức vụ"]]
    assert panel.table.item(1, 5).text() == history(archive, meeting_id)[1].sha256
    assert (panel.older.currentData(), panel.newer.currentData()) == (1, 2)
    html = panel.changes.toHtml()
    assert "Võ Đình Nam" in html and "Phó" in html and "line-through" in html
    assert panel.changes.toPlainText().splitlines()[:4] == [
        "Từ phiên bản 1 đến phiên bản 2", "Thành phần tham dự", "Sửa Võ Đình Nam", "Chức vụ: Phó Giám đốc Sở Tài chính"]

    panel.table.selectRow(0)
    target = tmp_path / "bb-v1.pdf"
    proposed = []
    monkeypatch.setattr("minutes_app.ui.file_dialogs.save_file",
                        lambda _p, _t, suggested, _f: proposed.append(suggested.name) or target)
    panel.export_buttons["minutes", "pdf"].click()
    assert proposed[0].endswith(" v1.pdf")
    assert _pdf_properties(target)["Keywords"].endswith(f"version=1; state=final; sha256={history(archive, meeting_id)[0].sha256}")
    window.close()
