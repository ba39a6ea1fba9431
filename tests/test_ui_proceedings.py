"""The Proceedings tab in the hall: a speaker nobody listed, and the log of speeches read
while the next one is typed."""

from datetime import time
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from minutes_app.archive import import_file, load_meeting
from minutes_app.ui.meeting_window import MeetingWindow
from minutes_app.ui.speech_log import MIN_ROWS, SUMMARY, elided_at_word
from tests.conftest import DATA
from tests.helpers import flat, pdf_text
from tests.ui_helpers import key, temporary_settings, type_text

CTRL = Qt.KeyboardModifier.ControlModifier
# Life-sized summaries: a line, two, a long paragraph.
SUMMARIES = (
    "Thống nhất với báo cáo.",
    "Đề nghị bổ sung kinh phí nâng cấp hạ tầng mạng cho 12 xã vùng sâu, vùng xa; Sở Tài chính "
    "thống nhất và sẽ tham mưu trình UBND tỉnh trước ngày 15/8.",
    "Phản ánh khó khăn về đường truyền và thiết bị tại bộ phận một cửa của xã; kiến nghị tăng cường "
    "tập huấn kỹ năng số cho cán bộ, công chức cấp xã; đề nghị Viễn thông tỉnh hỗ trợ miễn phí đường "
    "truyền trong năm 2026, đồng thời hướng dẫn các xã khai thác cơ sở dữ liệu quốc gia về dân cư trong "
    "giải quyết thủ tục hành chính, bảo đảm an toàn thông tin theo cấp độ.",
)


def _open(qtbot, archive, meeting_id: int, settings_dir: Path, size: tuple[int, int] = (1366, 768)) -> MeetingWindow:
    window = MeetingWindow(archive, meeting_id, temporary_settings(settings_dir))
    window.exporter.open_results = False
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.activateWindow()  # shortcuts work only in the active window
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.waitUntil(lambda: window.lookups_loaded)
    window.tabs.setCurrentWidget(window.proceedings)
    return window


def test_a_speaker_from_the_floor_is_added_in_the_popup_and_taken_back_with_one_undo(
    qtbot, archive, example_dir: Path, tmp_path: Path
) -> None:
    import_file(archive, DATA / "party-meeting" / "meeting.json")  # its people are in the directory
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = _open(qtbot, archive, meeting_id, tmp_path)
    proceedings, editor = window.proceedings, window.editor
    listed = [a.person.name for a in editor.meeting.attendances]

    key(proceedings.summary, Qt.Key.Key_Return, CTRL)
    type_text(proceedings.summary, "Đề nghị làm rõ tiến độ lắp đặt thiết bị tại thôn 3.")
    key(proceedings.summary, Qt.Key.Key_L, CTRL)
    assert QApplication.focusWidget() is proceedings.speaker
    type_text(proceedings.speaker, "Hồ Văn Bảy")
    popup = proceedings.speaker_completer.popup()
    assert popup.isVisible()
    offered = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert offered[-1] == "+ Thêm “Hồ Văn Bảy” làm đại biểu mới…"
    key(proceedings.speaker, Qt.Key.Key_Return)  # nobody listed is called so: the first offer is to add him
    form = proceedings.new_speaker
    assert form.isVisible() and form.name.text() == "Hồ Văn Bảy"
    assert QApplication.focusWidget() is form.titles
    type_text(form.titles, "Trưởng thôn 3")
    form.organization.setFocus()
    type_text(form.organization, "xã Ea Tu")
    key(form.organization, Qt.Key.Key_Return)
    assert not form.isVisible() and QApplication.focusWidget() is proceedings.summary
    speech = editor.meeting.speeches[-1]
    floor = editor.meeting.attendances[-1]
    assert (floor.person.name, floor.titles, floor.organization) == ("Hồ Văn Bảy", ["Trưởng thôn 3"], "xã Ea Tu")
    assert speech.speaker_id == floor.id
    row = len(editor.meeting.speeches) - 1
    assert proceedings.model.index(row, 1).data() == "Hồ Văn Bảy"
    assert window.attendees.model.index(len(listed), 0).data() == "Hồ Văn Bảy"

    key(proceedings.summary, Qt.Key.Key_Z, CTRL)  # one step takes back the speaker and the attendee
    assert [a.person.name for a in editor.meeting.attendances] == listed
    assert speech.speaker_id is None and speech.summary == "Đề nghị làm rõ tiến độ lắp đặt thiết bị tại thôn 3."
    assert proceedings.speaker.text() == ""
    assert proceedings.model.index(row, 1).data() == "(không nêu tên)"
    key(proceedings.summary, Qt.Key.Key_Y, CTRL)
    assert speech.speaker_id == floor.id and editor.meeting.attendances[-1] is floor

    # Someone who attended another meeting: offered from the directory, added with their titles.
    key(proceedings.summary, Qt.Key.Key_Return, CTRL)
    key(proceedings.summary, Qt.Key.Key_L, CTRL)
    type_text(proceedings.speaker, "nhung")
    offered = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert offered[0] == "+ Đỗ Thị Hồng Nhung — Tổng Biên tập Báo Đắk Lắk (đã dự họp trước)"
    key(proceedings.speaker, Qt.Key.Key_Return)
    nhung = editor.meeting.attendances[-1]
    assert (nhung.person.name, nhung.titles, nhung.honorific) == (
        "Đỗ Thị Hồng Nhung", ["Tổng Biên tập Báo Đắk Lắk"], "Bà")
    assert editor.meeting.speeches[-1].speaker_id == nhung.id
    with archive.sessions() as session:
        known = {a.person.name: a.person_id for a in load_meeting(session, meeting_id - 1).attendances}
    assert nhung.person_id == known["Đỗ Thị Hồng Nhung"]  # the same person, not a namesake

    # A body's representative, typed in lower case; and a delegate nobody names.
    key(proceedings.summary, Qt.Key.Key_Return, CTRL)
    type_text(proceedings.summary, "Cam kết bố trí đủ nhân lực y tế cho các điểm tiêm.")
    key(proceedings.summary, Qt.Key.Key_L, CTRL)
    type_text(proceedings.speaker, "đại diện Sở Y tế")
    key(proceedings.speaker, Qt.Key.Key_Return)
    assert form.name.text() == "Đại diện Sở Y tế"
    key(form.titles, Qt.Key.Key_Return)
    assert editor.meeting.attendances[-1].person.name == "Đại diện Sở Y tế"
    key(proceedings.summary, Qt.Key.Key_Return, CTRL)
    type_text(proceedings.summary, "Đề nghị công khai danh sách hộ được hỗ trợ.")
    key(proceedings.summary, Qt.Key.Key_L, CTRL)
    type_text(proceedings.speaker, "dai bieu")
    offered = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert offered[:2] == ["Đại biểu không nêu tên", "+ Thêm “Dai bieu” làm đại biểu mới…"]
    key(proceedings.speaker, Qt.Key.Key_Return)
    assert editor.meeting.speeches[-1].speaker_id is None
    assert QApplication.focusWidget() is proceedings.summary

    exported = window.exporter.export_to("minutes", "pdf", tmp_path / "bien-ban.pdf")
    assert exported, window.statusBar().currentMessage()
    text = flat(pdf_text(tmp_path / "bien-ban.pdf", mode="-raw"))
    assert "Hồ Văn Bảy – Trưởng thôn 3, xã Ea Tu" in text  # among the attendees, and as the speaker
    assert "Hồ Văn Bảy – Trưởng thôn 3, xã Ea Tu tham gia ý kiến" in text
    assert "Đại diện Sở Y tế tham gia ý kiến" in text
    assert "Ý kiến" in text and "Đề nghị công khai danh sách hộ được hỗ trợ." in text
    window.close()


def _meeting_of_many_speeches(archive, example_dir: Path, tmp_path: Path, count: int = 24) -> int:
    """The example with ``count`` speeches of life-sized summaries, the last one short."""
    meeting_id = import_file(archive, example_dir / "meeting.json")
    from tests.editing_helpers import open_editor

    editor, _ = open_editor(archive, meeting_id)
    speakers = editor.meeting.attendances
    for number in range(count - len(editor.meeting.speeches)):
        speech = editor.add_speech(time(9, number // 4, number % 60), speaker=speakers[number % len(speakers)])
        editor.set_field(speech, "summary", SUMMARIES[number % len(SUMMARIES)])
    assert editor.close()
    return meeting_id


def test_the_log_shows_eight_speeches_wrapped_at_1024_by_600_and_keeps_its_splitter(
    qtbot, archive, example_dir: Path, tmp_path: Path
) -> None:
    meeting_id = _meeting_of_many_speeches(archive, example_dir, tmp_path)
    window = _open(qtbot, archive, meeting_id, tmp_path, (1024, 600))
    log = window.proceedings.table
    qtbot.waitUntil(lambda: log.full_rows_shown() >= MIN_ROWS)
    last = log.log_model.rowCount() - 1
    # The newest at the bottom, in view, as the one being written.
    assert window.proceedings.current is window.editor.meeting.speeches[last]
    assert log.viewport().rect().contains(log.visualRect(log.log_model.index(last, 0)))
    line = log.fontMetrics().lineSpacing()
    heights = {log.log_model.index(row, SUMMARY).data(): log.rowHeight(row) for row in range(last + 1)}
    # Wrapped: a long summary takes the lines the log can give (at least two here), a short one one.
    assert log.lines >= 2
    assert heights[SUMMARIES[2]] >= heights[SUMMARIES[0]] + (log.lines - 1) * line
    assert heights[SUMMARIES[0]] < 2 * line
    window.grab().save(str(tmp_path / "log-1024.png"))

    # The splitter, dragged down, stays where it was left in the next window.
    splitter = window.proceedings.splitter
    handle = splitter.handle(1)
    before = splitter.sizes()
    QTest.mousePress(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 2))
    QTest.mouseMove(handle, QPoint(5, 42))
    QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(5, 42))
    moved = splitter.sizes()
    assert moved[0] > before[0] + 20
    window.close()
    again = _open(qtbot, archive, meeting_id, tmp_path, (1024, 600))
    qtbot.waitUntil(lambda: again.proceedings.splitter.sizes() == moved)
    # The rows got shorter, not fewer.
    assert again.proceedings.table.full_rows_shown() >= MIN_ROWS
    again.close()


def test_a_cut_summary_ends_with_an_ellipsis_between_words() -> None:
    metrics = QFontMetrics(QFont())
    text = "kiến nghị tăng cường tập huấn kỹ năng số cho cán bộ, công chức cấp xã"
    width = metrics.horizontalAdvance("kiến nghị tăng cường tập huấn")
    shown = elided_at_word(text, metrics, width)
    assert shown.endswith("…") and text.startswith(shown[:-1])
    assert text[len(shown) - 1] == " "  # cut before a word, never inside one
    assert metrics.horizontalAdvance(shown) <= width
    assert elided_at_word("cán bộ", metrics, 500) == "cán bộ"
