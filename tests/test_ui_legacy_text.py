"""Text typed in TCVN3 or VNI in the meeting window: a paste is converted and one Ctrl+Z gives it
back; an attendee list's preview shows the names converted."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QTimer
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QPlainTextEdit, QTableWidget, QWidget

from minutes_app.archive import import_file, load_meeting
from minutes_app.legacy.codes import Encoding
from minutes_app.ui.meeting_window import MeetingWindow
from tests.legacy_samples import encode_bytes
from tests.ui_helpers import key, temporary_settings

CTRL = Qt.KeyboardModifier.ControlModifier


def _open(qtbot, archive, example_dir: Path, tmp_path: Path) -> MeetingWindow:
    window = MeetingWindow(archive, import_file(archive, example_dir / "meeting.json"), temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def _close(qtbot, window: MeetingWindow) -> None:
    # The window's background loading ends first: its signal would find the window gone.
    qtbot.waitUntil(lambda: window.documents_ready, timeout=10000)
    window.close()


@pytest.fixture(autouse=True)
def _clipboard_emptied() -> Iterator[None]:
    # The clipboard owns the data put on it; emptied while the application lives, so that
    # nothing is left for Qt to free at exit, after Python has freed it (a crash at exit).
    yield
    QApplication.clipboard().clear()


def _copy(text: str, html: str | None = None) -> None:
    data = QMimeData()
    data.setText(text)
    if html is not None:
        data.setHtml(html)
    QApplication.clipboard().setMimeData(data)


def _paste_into(widget: QWidget) -> None:
    widget.setFocus()
    key(widget, Qt.Key.Key_V, CTRL)


def test_a_tcvn3_paste_is_converted_and_one_ctrl_z_gives_it_back(qtbot, archive, example_dir, tmp_path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.tabs.setCurrentWidget(window.general)
    venue = window.general.lines["venue"]
    before = venue.text()
    venue.setFocus()
    venue.end(False)
    _copy(", Uû ban nh©n d©n tØnh Hµ Néi")
    _paste_into(venue)
    converted = before + ", Uỷ ban nhân dân tỉnh Hà Nội"
    assert venue.text() == window.editor.meeting.venue == converted
    assert window.statusBar().currentMessage() == (
        "Đoạn dán được chuyển từ bảng mã TCVN3 (ABC) sang Unicode; Ctrl+Z để giữ nguyên như khi dán.")
    window.grab().save(str(tmp_path / "pasted.png"))

    key(venue, Qt.Key.Key_Z, CTRL)
    assert venue.text() == window.editor.meeting.venue == before + ", Uû ban nh©n d©n tØnh Hµ Néi"
    key(venue, Qt.Key.Key_Z, CTRL)
    assert venue.text() == window.editor.meeting.venue == before
    key(venue, Qt.Key.Key_Y, CTRL)
    key(venue, Qt.Key.Key_Y, CTRL)
    assert venue.text() == converted
    _close(qtbot, window)
    with archive.sessions() as session:
        assert load_meeting(session, window.meeting_id).venue == converted


def test_a_vni_paste_of_several_lines_into_a_speech(qtbot, archive, example_dir, tmp_path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.new_speech()
    summary = window.proceedings.summary
    _copy("Ñoàng chí Nguyeãn Thò Höông:\r\nÑeà nghò UÛy ban nhaân daân tænh sôùm ban haønh keá hoaïch.")
    _paste_into(summary)
    speech = window.editor.meeting.speeches[-1]
    assert summary.toPlainText() == speech.summary == (
        "Đồng chí Nguyễn Thị Hương:\nĐề nghị Ủy ban nhân dân tỉnh sớm ban hành kế hoạch.")
    assert "bảng mã VNI" in window.statusBar().currentMessage()
    key(summary, Qt.Key.Key_Z, CTRL)
    assert summary.toPlainText() == speech.summary == (
        "Ñoàng chí Nguyeãn Thò Höông:\nÑeà nghò UÛy ban nhaân daân tænh sôùm ban haønh keá hoaïch.")
    _close(qtbot, window)


def test_the_clipboards_fonts_say_which_parts_are_in_an_old_code(qtbot, archive, example_dir, tmp_path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    title = window.general.lines["title"]
    title.clear()
    # As Word puts it on the clipboard: a heading in .VnTimeH, a name in Times New Roman.
    _copy("héi nghÞ tæng kÕt Tô Lâm", (
        "<html><head><style><!-- p.MsoNormal {font-family:\"\\.VnTime\",serif;} --></style></head><body>"
        "<!--StartFragment--><p class=MsoNormal><span style='font-family:\"\\.VnTimeH\"'>héi nghÞ tæng kÕt</span> "
        "<span style='font-family:\"Times New Roman\",serif'>Tô Lâm</span></p><!--EndFragment--></body></html>"))
    _paste_into(title)
    assert title.text() == window.editor.meeting.title == "HỘI NGHỊ TỔNG KẾT Tô Lâm"
    assert window.windowTitle().endswith("HỘI NGHỊ TỔNG KẾT Tô Lâm")
    _close(qtbot, window)


def test_ordinary_text_is_pasted_as_it_is(qtbot, archive, example_dir, tmp_path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    title = window.general.lines["title"]
    window.statusBar().clearMessage()
    for text in ("Tô Lâm, Lê Bá Hà", "Hội nghị tổng kết", "Annual review, Café Trung Nguyên"):
        title.clear()
        _copy(text)
        _paste_into(title)
        assert title.text() == text
    assert window.statusBar().currentMessage() == ""
    _close(qtbot, window)


def test_a_paste_outside_the_record_is_restored_there(qtbot, archive, example_dir, tmp_path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.tabs.setCurrentWidget(window.attendees)
    name = window.attendees.name
    steps = len(window.editor.history.done)
    _copy("NguyÔn V¨n Hïng")
    _paste_into(name)
    assert name.text() == "Nguyễn Văn Hùng"
    key(name, Qt.Key.Key_Z, CTRL)
    assert name.text() == "NguyÔn V¨n Hïng"
    assert len(window.editor.history.done) == steps  # nothing of the record was undone
    name.clear()
    _paste_into(name)
    key(name, Qt.Key.Key_Return)
    assert window.editor.meeting.attendances[-1].person.name == "Nguyễn Văn Hùng"
    _close(qtbot, window)


def test_a_cell_being_edited_and_the_context_menu_convert_too(qtbot, archive, example_dir, tmp_path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.tabs.setCurrentWidget(window.topics)
    table = window.topics.table
    table.setCurrentIndex(window.topics.model.index(0, 1))
    table.edit(table.currentIndex())
    cell = QApplication.focusWidget()
    assert isinstance(cell, QLineEdit)
    cell.clear()
    _copy("Ph¶i hoµn thµnh tr­íc ngµy 30/9")
    _paste_into(cell)
    assert cell.text() == "Phải hoàn thành trước ngày 30/9"
    key(cell, Qt.Key.Key_Return)  # the view commits the cell a moment later
    qtbot.waitUntil(lambda: window.editor.meeting.topics[0].notes == "Phải hoàn thành trước ngày 30/9")

    line = window.topics.title
    line.clear()
    _copy("Kinh tÕ sè vµ chuyÓn ®æi sè")

    def choose_paste() -> None:
        menu = QApplication.activePopupWidget()
        assert isinstance(menu, QMenu)
        next(a for a in menu.actions() if a.objectName() == "edit-paste").trigger()
        menu.close()

    QTimer.singleShot(100, choose_paste)
    QApplication.sendEvent(line, QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(5, 5), line.mapToGlobal(QPoint(5, 5))))
    assert line.text() == "Kinh tế số và chuyển đổi số"
    _close(qtbot, window)


def test_the_preview_of_an_old_attendee_list_shows_the_names_converted(qtbot, archive, example_dir, tmp_path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.tabs.setCurrentWidget(window.attendees)
    path = tmp_path / "danh-sach.csv"
    path.write_bytes(encode_bytes(
        "Họ và tên,Chức vụ,Nhóm\r\nVõ Đình Nam,Phó Giám đốc Sở Tài chính,Đại biểu mời\r\n"
        "Nguyễn Thị Hương,Trưởng phòng Tổ chức cán bộ; Bí thư Chi bộ,Đại biểu mời\r\n", Encoding.CP1258))
    preview = window.attendees.import_path(path)
    assert preview is not None
    assert preview.converted.text() == ("Chữ trong tệp được chuyển sang Unicode từ bảng mã Windows-1258: "
                                        "hãy xem lại tên và chức vụ trước khi thêm.")
    table = preview.findChild(QTableWidget)
    assert [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())] == [
        ["Võ Đình Nam", "Phó Giám đốc Sở Tài chính", "Đại biểu mời"],
        ["Nguyễn Thị Hương", "Trưởng phòng Tổ chức cán bộ; Bí thư Chi bộ", "Đại biểu mời"],
    ]
    qtbot.wait(50)
    preview.grab().save(str(tmp_path / "preview.png"))
    preview.accept()
    assert [a.person.name for a in window.editor.meeting.attendances[-2:]] == ["Võ Đình Nam", "Nguyễn Thị Hương"]
    _close(qtbot, window)


def test_a_paste_into_the_article_is_one_undo_step_too(qtbot, archive, example_dir, tmp_path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.tabs.setCurrentWidget(window.article)
    index = next(i for i, b in enumerate(window.article.blocks) if b.kind == "paragraph")
    paragraph = window.article._widgets[index]
    assert isinstance(paragraph, QPlainTextEdit)
    before = paragraph.toPlainText()
    paragraph.setFocus()
    paragraph.moveCursor(paragraph.textCursor().MoveOperation.End)
    _copy(" Héi nghÞ ®· thèng nhÊt c¸c nhiÖm vô träng t©m.")
    _paste_into(paragraph)
    assert window.article.blocks[index].text == before + " Hội nghị đã thống nhất các nhiệm vụ trọng tâm."
    key(paragraph, Qt.Key.Key_Z, CTRL)
    assert window.article.blocks[index].text == before + " Héi nghÞ ®· thèng nhÊt c¸c nhiÖm vô träng t©m."
    _close(qtbot, window)
