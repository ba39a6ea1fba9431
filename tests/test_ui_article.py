"""The Article tab: the draft shown, edited by typing, kept, re-drafted after asking, restored."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox, QPlainTextEdit

from minutes_app.archive import import_file, load_meeting
from minutes_app.documents.article import current_article
from minutes_app.ui.meeting_window import MeetingWindow
from tests.helpers import docx_text, flat
from tests.ui_helpers import key, temporary_settings, type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, archive, example_dir: Path, tmp_path: Path) -> MeetingWindow:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    opened = MeetingWindow(archive, meeting_id, temporary_settings(tmp_path))
    qtbot.addWidget(opened)
    opened.exporter.open_results = False
    opened.resize(1366, 768)
    opened.show()
    opened.tabs.setCurrentWidget(opened.article)
    yield opened
    opened.close()


def saved_article(window: MeetingWindow) -> list[tuple[str, str]]:
    assert window.editor.autosaver.flush(timeout=10)
    with window.editor.archive.sessions() as session:
        return [(b.kind, b.text) for b in current_article(load_meeting(session, window.meeting_id))]


def shown(window: MeetingWindow) -> list[str]:
    texts = []
    for widget in window.article._widgets:
        editor = widget if isinstance(widget, QLineEdit | QPlainTextEdit) else widget.findChild(QLineEdit)
        texts.append(editor.text() if isinstance(editor, QLineEdit) else editor.toPlainText())
    return texts


def test_the_draft_is_shown_then_kept_once_edited(qtbot, window: MeetingWindow, tmp_path: Path) -> None:
    tab = window.article
    drafted = saved_article(window)
    assert shown(window) == [text for _, text in drafted]
    assert "Bản nháp tự động" in tab.state.text()
    assert not tab.restore_button.isEnabled()

    headline = tab._widgets[0]
    headline.setFocus()
    headline.selectAll()
    type_text(headline, "Minh Sơn: chuyển đổi số về tận xã")
    assert "Đã sửa tay" in tab.state.text()
    after = saved_article(window)
    assert after[0] == ("headline", "Minh Sơn: chuyển đổi số về tận xã")
    assert after[1:] == drafted[1:]  # photos kept by their ids

    # A change to the record no longer reaches the edited article.
    speech = window.editor.meeting.speeches[2]
    window.editor.set_field(speech, "summary", "Đề xuất nội dung hoàn toàn mới.")
    assert saved_article(window) == after

    # Export from the tab: the file holds the edited headline.
    assert window.exporter.export_to("press-release", "docx", tmp_path / "tin.docx")
    assert flat(docx_text(tmp_path / "tin.docx")).startswith("Minh Sơn: chuyển đổi số về tận xã Sáng 10/7,")


def test_redraft_asks_first_and_restore_brings_the_edit_back(qtbot, window: MeetingWindow, monkeypatch) -> None:
    tab = window.article
    lead = tab._widgets[1]
    lead.setFocus()
    lead.moveCursor(lead.textCursor().MoveOperation.End)
    type_text(lead, " Cùng dự có đại diện Ban Chỉ đạo.")
    edited = saved_article(window)
    assert edited[1][1].endswith("các đại biểu khách mời. Cùng dự có đại diện Ban Chỉ đạo.")
    window.editor.set_field(window.editor.meeting.speeches[2], "summary", "Đề xuất nội dung mới.")

    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or next(answers))
    tab.redraft()  # refused: nothing changes
    assert len(asked) == 1 and saved_article(window) == edited
    tab.redraft()
    redrafted = saved_article(window)
    assert len(asked) == 2
    assert redrafted[1][1].endswith("chủ trì Hội nghị. Tham dự Hội nghị có lãnh đạo các sở, ngành, đại diện UBND "
                                    "các xã, phường và các đại biểu khách mời.")
    assert any(text == "Phó Giám đốc Sở Tài chính Võ Đình Nam đề xuất nội dung mới." for _, text in redrafted)
    assert shown(window) == [text for _, text in redrafted]
    assert tab.restore_button.isEnabled()

    tab.restore()
    assert saved_article(window) == edited
    assert shown(window) == [text for _, text in edited]

    # Undo goes back through the restore and the re-draft, as one step each.
    key(tab._widgets[0], Qt.Key.Key_Z, CTRL)
    assert saved_article(window) == redrafted
    key(tab._widgets[0], Qt.Key.Key_Z, CTRL)
    assert saved_article(window) == edited


def test_a_photo_can_be_left_out(qtbot, window: MeetingWindow) -> None:
    tab = window.article
    photos = [i for i, block in enumerate(tab.blocks) if block.kind == "photo"]
    assert len(photos) == 5
    qtbot.waitUntil(lambda: all(label.pixmap() and not label.pixmap().isNull() for label in tab._pictures.values()))
    tab._remove(photos[1])
    saved = saved_article(window)
    assert [kind for kind, _ in saved].count("photo") == 4
    assert ("photo", "Giám đốc Sở Khoa học và Công nghệ Lê Thị Mai báo cáo kết quả chuyển đổi số 6 tháng "
                     "đầu năm 2026") not in saved


def test_background_quote_and_guest_of_honour_typed_in_the_window(qtbot, window: MeetingWindow) -> None:
    tab = window.article
    tab.background.setFocus()
    type_text(tab.background, "Năm 2026, tỉnh đặt mục tiêu 100% xã có hạ tầng số.")
    qtbot.waitUntil(lambda: len(tab.blocks) > 2 and tab.blocks[2].text.startswith("Năm 2026"), timeout=5000)
    assert "Bản nháp tự động" in tab.state.text() and not tab.edited  # the draft follows; nothing edited by hand
    saved = saved_article(window)
    assert saved[2] == ("paragraph", "Năm 2026, tỉnh đặt mục tiêu 100% xã có hạ tầng số.")
    assert shown(window)[2] == saved[2][1]

    window.tabs.setCurrentWidget(window.proceedings)
    proceedings = window.proceedings
    proceedings.table.selectRow(2)  # Võ Đình Nam's opinion
    proceedings.quote.setFocus()
    type_text(proceedings.quote, "Hạ tầng số phải đi trước một bước")
    assert window.editor.meeting.speeches[2].quote == "Hạ tầng số phải đi trước một bước"

    window.tabs.setCurrentWidget(window.attendees)
    model = window.attendees.model
    column = model.columnCount() - 1
    assert model.headerData(column, Qt.Orientation.Horizontal) == "Khách mời danh dự"
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Phan Văn Lực")
    assert model.setData(model.index(row, column), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)

    window.tabs.setCurrentWidget(tab)
    saved = saved_article(window)
    assert saved[1][1].endswith(
        "Tham dự Hội nghị có Giám đốc Viễn thông Minh Sơn Phan Văn Lực; lãnh đạo các sở, ngành và đại diện UBND "
        "các xã, phường."
    )
    assert ("paragraph", "Phó Giám đốc Sở Tài chính Võ Đình Nam đề xuất ưu tiên bố trí kinh phí năm 2027 cho nâng "
            "cấp hạ tầng mạng tại các xã vùng sâu; đề nghị các đơn vị lập dự toán trước ngày 15/8/2026. “Hạ tầng số "
            "phải đi trước một bước,” Phó Giám đốc Sở Tài chính Võ Đình Nam nhấn mạnh.") in saved
    assert shown(window) == [text for _, text in saved]

    # Undo takes the guest back out of the lead, as the record changed.
    window.editor.undo()
    assert "Phan Văn Lực" not in saved_article(window)[1][1]
