"""The notice of conclusions tab: the draft shown, edited by typing, kept, re-drafted after
asking, restored, issued in another form, exported; a meeting with nothing to notify."""

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from minutes_app.archive import import_file, load_meeting
from minutes_app.documents.conclusions import current_notice, notice_profile
from minutes_app.ui.meeting_window import MeetingWindow
from tests.helpers import docx_text, flat, pdf_body
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
    opened.tabs.setCurrentWidget(opened.notice)
    yield opened
    opened.close()


def saved_notice(window: MeetingWindow) -> list[tuple[str, str]]:
    assert window.editor.autosaver.flush(timeout=10)
    with window.editor.archive.sessions() as session:
        meeting = load_meeting(session, window.meeting_id)
        return [(b.kind, b.text) for b in current_notice(meeting, notice_profile(meeting))]


def shown(window: MeetingWindow) -> list[str]:
    return [e.text() if isinstance(e, QLineEdit) else e.toPlainText() for e in window.notice.editors()]


def editor_of(window: MeetingWindow, kind: str):  # type: ignore[no-untyped-def]
    index = next(i for i, block in enumerate(window.notice.blocks) if block.kind == kind)
    return window.notice.editors()[index]


def test_the_draft_is_shown_edited_kept_and_exported(qtbot, window: MeetingWindow, tmp_path: Path) -> None:
    tab = window.notice
    drafted = saved_notice(window)
    assert shown(window) == [text for _, text in drafted]
    assert window.tabs.tabText(window.tabs.indexOf(tab)) == "&8 Thông báo kết luận"
    assert "Bản nháp tự động" in tab.state.text()
    assert not tab.restore_button.isEnabled()

    number = editor_of(window, "number")
    number.setFocus()
    number.selectAll()
    type_text(number, "Số: 215/TB-VP")
    assert "Đã sửa tay" in tab.state.text()
    after = saved_notice(window)
    assert ("number", "Số: 215/TB-VP") in after
    assert [b for b in after if b[0] != "number"] == [b for b in drafted if b[0] != "number"]

    # A change to the record no longer reaches the edited notice.
    directive = window.editor.meeting.directives[0]
    window.editor.set_field(directive, "content", "nội dung mới hoàn toàn")
    assert saved_notice(window) == after

    assert window.exporter.export_to("conclusions", "docx", tmp_path / "tb.docx")
    text = flat(docx_text(tmp_path / "tb.docx"))
    assert "Số: 215/TB-VP" in text and "nội dung mới hoàn toàn" not in text
    assert "Sở Khoa học và Công nghệ chủ trì, phối hợp với các đơn vị liên quan" in text


def test_redraft_asks_first_restore_brings_the_edit_back_and_undo_steps_back(
    qtbot, window: MeetingWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = window.notice
    closing = editor_of(window, "closing")
    closing.setFocus()
    closing.moveCursor(closing.textCursor().MoveOperation.End)
    type_text(closing, " Đề nghị báo cáo kết quả trước ngày 15/12.")
    edited = saved_notice(window)
    assert dict(edited)["closing"].endswith("thực hiện./. Đề nghị báo cáo kết quả trước ngày 15/12.")
    window.editor.set_field(window.editor.meeting.directives[1], "content", "tham mưu kinh phí năm 2028")

    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kwargs: asked.append(args) or next(answers))
    tab.redraft()  # refused: nothing changes
    assert len(asked) == 1 and saved_notice(window) == edited
    tab.redraft()
    redrafted = saved_notice(window)
    assert ("paragraph", "2. Giao Sở Tài chính tham mưu kinh phí năm 2028; hoàn thành trước ngày 30/9/2026.") \
        in redrafted
    assert shown(window) == [text for _, text in redrafted]
    assert tab.restore_button.isEnabled()

    tab.restore()
    assert saved_notice(window) == edited
    assert shown(window) == [text for _, text in edited]
    key(tab.editors()[0], Qt.Key.Key_Z, CTRL)
    assert saved_notice(window) == redrafted


def test_another_form_drafts_the_notice_in_it(qtbot, window: MeetingWindow, tmp_path: Path) -> None:
    tab = window.notice
    forms = [tab.form.itemData(i) for i in range(tab.form.count())]
    assert {"conclusions-state-office", "conclusions-state-authority", "conclusions-party"} <= set(forms)
    assert tab.form.currentData() == "conclusions-state-office"
    tab.choose_form("conclusions-state-authority")
    assert tab.form.currentData() == "conclusions-state-authority"
    notice = dict(saved_notice(window))
    assert notice["number"].replace("\u00a0", " ").split() == ["Số:", "/TB-UBND"]
    assert notice["signature"] == "TL. CHỦ TỊCH\nCHÁNH VĂN PHÒNG"
    assert notice["organ"] == "UBND tỉnh Minh Sơn"
    assert window.exporter.export_to("conclusions", "pdf", tmp_path / "tb.pdf")
    assert "TL. CHỦ TỊCH" in pdf_body(tmp_path / "tb.pdf")


def test_a_meeting_without_directives_says_so_and_exports_nothing(qtbot, window: MeetingWindow, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for directive in list(window.editor.meeting.directives):
        window.editor.delete(directive)
    window.notice.refresh()
    assert "chưa có kết luận, chỉ đạo nào" in window.notice.state.text()
    assert window.notice.blocks == [] and window.notice.editors() == []
    assert not any(button.isEnabled() for button in window.notice.export_buttons)
    messages: list[str] = []
    window.exporter.message.connect(messages.append)
    assert not window.exporter.export_to("conclusions", "pdf", tmp_path / "tb.pdf")
    assert "chưa có kết luận, chỉ đạo nào" in messages[-1] and not (tmp_path / "tb.pdf").exists()
    window.grab().save(str(tmp_path / "shot.png"))
