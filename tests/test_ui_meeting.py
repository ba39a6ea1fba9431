"""The meeting window: saving status, conflicts, photos, attendee import, export problems, printing."""

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from sqlalchemy import update

from minutes_app.archive import import_file, load_meeting
from minutes_app.model import Speech
from minutes_app.ui.meeting_window import MeetingWindow
from minutes_app.ui.printing import paint_pages, pdf_page_images
from tests.helpers import picture
from tests.ui_helpers import key, temporary_settings, type_text


def _open(qtbot, archive, example_dir: Path, tmp_path: Path) -> MeetingWindow:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = MeetingWindow(archive, meeting_id, temporary_settings(tmp_path))
    window.exporter.open_results = False
    qtbot.addWidget(window)
    window.show()
    return window


def test_saved_status_follows_the_autosave(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    venue = window.general.lines["venue"]
    type_text(venue, " mới")
    assert window.save_state.text() == "Đang lưu…"
    with qtbot.waitSignal(window.bridge.saved, timeout=2000):
        pass
    qtbot.waitUntil(lambda: window.save_state.text() == "Đã lưu", timeout=2000)
    with archive.sessions() as session:
        assert load_meeting(session, window.meeting_id).venue == "Hội trường Sở Khoa học và Công nghệ mới"
    window.close()


def test_a_conflict_is_shown_and_the_text_kept(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    speech = window.editor.meeting.speeches[0]
    with archive.engine.begin() as connection:
        connection.execute(update(Speech).where(Speech.id == speech.id).values(summary="Của người khác", version=5))
    window.proceedings.table.selectRow(0)
    window.proceedings.summary.setFocus()
    window.proceedings.summary.moveCursor(window.proceedings.summary.textCursor().MoveOperation.End)
    with qtbot.waitSignal(window.bridge.conflicted, timeout=3000):
        type_text(window.proceedings.summary, " Tôi gõ thêm.")
    assert "người khác vừa sửa" in window.statusBar().currentMessage()
    assert window.proceedings.summary.toPlainText().endswith(" Tôi gõ thêm.")
    window.close()


def test_photos_are_added_and_non_images_refused(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    good = tmp_path / "hoi-truong.jpg"
    good.write_bytes(picture())
    bad = tmp_path / "ghi-chú.txt"
    bad.write_text("không phải ảnh", encoding="utf-8")
    refused = window.photos.add_files([good, bad])
    assert refused == ["“ghi-chú.txt”: không phải ảnh JPEG hoặc PNG hợp lệ (tệp hỏng hoặc không đầy đủ)"]
    assert "Không thêm được" in window.photos.message.text()
    type_text(window.photos.caption, "Quang cảnh hội trường")
    window.photos.speech.setCurrentIndex(3)
    window.photos.speech.activated.emit(3)
    window.close()
    with archive.sessions() as session:
        meeting = load_meeting(session, window.meeting_id)
        photo = meeting.photos[-1]
        assert (photo.file_name, photo.caption, photo.media_type) == ("hoi-truong.jpg", "Quang cảnh hội trường", "image/jpeg")
        assert photo.data == good.read_bytes()
        assert meeting.speeches[2].photo_id == photo.id


def test_attendee_list_import_shows_a_preview(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    path = tmp_path / "ds.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["Họ và tên", "Chức vụ"], ["Võ Đình Nam", "Phó Giám đốc Sở Tài chính"],
                                      ["", "Chuyên viên"], ["Lò Văn Páo", "Trưởng bản"]])
    preview = window.attendees.import_path(path)
    assert preview is not None
    assert [preview.problems.item(i).text() for i in range(preview.problems.count())] == ["Dòng 3: thiếu họ và tên"]
    preview.accept()
    names = [a.person.name for a in window.editor.meeting.attendances]
    assert names[-2:] == ["Võ Đình Nam", "Lò Văn Páo"]
    # The known Võ Đình Nam is the person of the directory.
    assert window.editor.meeting.attendances[-2].person_id == window.editor.meeting.attendances[2].person_id
    window.close()


def test_export_problems_are_shown_in_the_window(qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)

    def read_only(meeting, document, fmt, path, *rest):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr("minutes_app.history.export_document", read_only)
    target = tmp_path / "chỉ-đọc" / "bien-ban.pdf"
    assert not window.exporter.export_to("minutes", "pdf", target)
    assert window.statusBar().currentMessage() == (
        f"Không ghi được tệp “{target}”: Permission denied. Hãy chọn thư mục khác.")
    name = window.exporter.proposed_name("minutes", "docx")
    assert name.startswith("2026-07-10 Biên bản Hội nghị sơ kết công tác chuyển đổi số") and name.endswith(" du-thao.docx")
    window.close()


def test_print_draws_the_pdf_pages(qtbot, tmp_path: Path) -> None:
    pdf = tmp_path / "in.pdf"
    drawing = canvas.Canvas(str(pdf), pagesize=A4)
    for page in range(2):
        drawing.drawString(100, 700, f"Trang {page + 1}")
        drawing.showPage()
    drawing.save()
    pages = pdf_page_images(pdf, dpi=72)
    assert [(p.width(), p.height()) for p in pages] == [(596, 842), (596, 842)]  # A4 is 595.3 × 841.9 pt
    assert pages[0].pixelColor(0, 0).name() == "#ffffff"
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    paint_pages(printer, pages)
    assert len(pdf_page_images(tmp_path / "printed.pdf", dpi=10)) == 2


def test_quick_phrases_and_speaker_by_title(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.new_speech()
    summary = window.proceedings.summary
    type_text(summary, "Đồng chí")
    key(summary, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert summary.toPlainText() == "Đồng chí tham gia ý kiến"
    key(summary, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    type_text(window.proceedings.speaker, "vien thong")  # by title, without diacritics
    key(window.proceedings.speaker, Qt.Key.Key_Return)
    speech = window.editor.meeting.speeches[-1]
    assert window.editor.attendance(speech.speaker_id).person.name == "Phan Văn Lực"
    window.close()


def test_print_preview_shows_the_exported_minutes(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    dialog = window.exporter.print_preview("minutes")
    assert dialog is not None, window.statusBar().currentMessage()
    qtbot.waitUntil(dialog.isVisible)
    qtbot.wait(200)  # the pages are painted: the printer they are painted on must still exist
    assert not dialog.grab().toImage().isNull()
    dialog.close()
    window.close()


def test_undo_keys_in_a_line_edit_reach_the_window(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    venue = window.general.lines["venue"]
    venue.setFocus()
    venue.end(False)
    type_text(venue, ", tầng 2")
    key(venue, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert venue.text() == window.editor.meeting.venue == "Hội trường Sở Khoa học và Công nghệ"
    key(venue, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert venue.text() == window.editor.meeting.venue == "Hội trường Sở Khoa học và Công nghệ, tầng 2"
    window.close()


def test_rows_move_by_drag_and_by_keys(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    model = window.attendees.model
    names = lambda: [a.person.name for a in window.editor.meeting.attendances]  # noqa: E731
    before = names()
    first = before[0]
    dropped = model.dropMimeData(model.mimeData([model.index(0, 0)]), Qt.DropAction.MoveAction, 3, 0, model.index(-1, -1))
    assert dropped is False  # done by the editor; the view must not remove the row itself
    assert names() == before[1:3] + [first] + before[3:]
    table = window.attendees.table
    window.tabs.setCurrentWidget(window.attendees)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    table.setFocus()
    table.setCurrentIndex(model.index(2, 0))
    key(table, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert names()[1] == first and table.currentIndex().row() == 1
    assert model.index(1, 0).data() == first
    window.close()
    with archive.sessions() as session:
        assert [a.person.name for a in load_meeting(session, window.meeting_id).attendances][1] == first


def test_quick_phrases_are_edited_in_settings(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    from minutes_app.ui.settings_dialog import SettingsDialog

    window = _open(qtbot, archive, example_dir, tmp_path)
    dialog = SettingsDialog(window, window.settings)
    dialog.phrases.item(0, 1).setText("nhất trí cao với báo cáo")
    dialog.language.setCurrentIndex(1)
    dialog.accept()
    assert window.settings.quick_phrases[0].text == "nhất trí cao với báo cáo"
    assert window.settings.language == "en"
    window.apply_settings()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.new_speech()
    key(window.proceedings.summary, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.proceedings.summary.toPlainText() == "nhất trí cao với báo cáo"
    window.close()


def test_export_proposes_a_name_and_remembers_the_folder(qtbot, archive, example_dir: Path, tmp_path: Path,
                                                         monkeypatch) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    out = tmp_path / "xuất"
    out.mkdir()
    window.settings.last_folder = out
    asked: list[str] = []

    def save_as(parent, caption, proposed, filters):
        asked.append(proposed)
        return out / "bien-ban"

    monkeypatch.setattr("minutes_app.ui.file_dialogs.save_file", save_as)
    path = window.exporter.export("minutes", "pdf")
    assert asked == [out / window.exporter.proposed_name("minutes", "pdf")]
    assert path == out / "bien-ban.pdf" and path.read_bytes().startswith(b"%PDF")
    assert window.settings.last_folder == out
    window.close()


def test_a_table_repaints_only_the_cells_that_show_something_else(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    proceedings = window.proceedings
    window.tabs.setCurrentWidget(proceedings)
    proceedings.table.selectRow(1)
    speech = proceedings.current
    assert len(speech.summary) > 120  # the table shows its first 120 characters
    qtbot.waitUntil(lambda: bool(proceedings.model._shown))  # the table has been painted
    changes: list[tuple[int, int, int]] = []
    proceedings.model.dataChanged.connect(lambda top, bottom: changes.append((top.row(), top.column(), bottom.column())))
    window.editor.set_field(speech, "summary", speech.summary + " Thống nhất.", typing=True)
    assert changes == []
    window.editor.set_field(speech, "summary", "Mở đầu. " + speech.summary, typing=True)
    assert changes == [(1, 3, 3)]
    window.editor.undo()
    assert changes == [(1, 3, 3), (1, 3, 3)]
    window.close()
