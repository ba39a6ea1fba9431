"""The user guide's screenshots (docs/images/), taken from the real window: offscreen,
1366×768, with the shared example loaded. Running the tests takes them again, so they show
the current window; the guide shows each of them."""

import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from minutes_app.archive import import_file
from minutes_app.ui import translation
from minutes_app.ui.archive_window import ArchiveWindow
from minutes_app.ui.settings_dialog import SettingsDialog
from tests.conftest import DATA
from tests.test_ui_sharing import open_window
from tests.ui_helpers import each_tab, temporary_settings, type_text

DOCS = Path(__file__).parent.parent / "docs"
IMAGES = DOCS / "images"
GUIDE = DOCS / "huong-dan-su-dung.md"
TAB_IMAGES = ("thong-tin-chung", "thanh-phan", "dien-bien", "van-de-thao-luan", "ket-luan", "anh", "tin-bai")


def _save(picture: QWidget | QPixmap, name: str) -> None:
    pixmap = picture if isinstance(picture, QPixmap) else picture.grab()
    assert pixmap.save(str(IMAGES / f"{name}.png"))


@pytest.fixture
def steady_cursor() -> Iterator[None]:
    """A text cursor that does not blink, and Qt's own words (dialog buttons) in
    Vietnamese as the app installs them at start: the same picture at every run."""
    translation.install("vi")
    flash = QApplication.cursorFlashTime()
    QApplication.setCursorFlashTime(0)
    yield
    QApplication.setCursorFlashTime(flash)


@pytest.mark.usefixtures("steady_cursor")
def test_screenshots_of_the_user_guide(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    IMAGES.mkdir(exist_ok=True)
    import_file(archive, DATA / "party-meeting" / "meeting.json")
    meeting_id = import_file(archive, example_dir / "meeting.json")
    settings = temporary_settings(tmp_path)
    settings.user_name = "Nguyễn Thị Lan"  # not the login name of the machine taking the pictures
    archive_window = ArchiveWindow(archive, settings)
    qtbot.addWidget(archive_window)
    archive_window.resize(1366, 768)
    archive_window.show()
    _save(archive_window, "kho-luu-tru")

    window = archive_window.open_meeting(meeting_id)
    window.exporter.open_results = False
    window.resize(1366, 768)
    window.proceedings.table.selectRow(3)
    window.photos.list.setCurrentRow(1)
    window.conclusions.table.selectRow(1)  # its task beside it
    assert window.tabs.count() == len(TAB_IMAGES)
    for index in each_tab(qtbot, window):
        _save(window, TAB_IMAGES[index])

    # The File menu open over the window, where it drops down.
    window.tabs.setCurrentWidget(window.general)
    bar = window.menuBar()
    file_action = bar.actions()[0]
    below = bar.mapTo(window, bar.actionGeometry(file_action).bottomLeft())
    menu = file_action.menu()
    menu.popup(window.mapToGlobal(below))
    qtbot.waitUntil(menu.isVisible)
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(below, menu.grab())
    painter.end()
    menu.hide()
    _save(picture, "menu-tep")

    preview = window.exporter.print_preview("minutes")
    assert preview is not None, window.statusBar().currentMessage()
    qtbot.waitUntil(preview.isVisible)
    preview.resize(1000, 720)
    qtbot.wait(100)
    _save(preview, "xem-truoc-khi-in")
    preview.close()

    dialog = SettingsDialog(window, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    _save(dialog, "cai-dat")
    dialog.close()
    window.close()


@pytest.mark.usefixtures("steady_cursor")
def test_screenshot_of_a_clash_between_two_secretaries(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    lan = open_window(qtbot, archive, meeting_id, tmp_path / "lan", "Nguyễn Thị Lan")
    nam = open_window(qtbot, archive, meeting_id, tmp_path / "nam", "Võ Đình Nam")
    type_text(lan.general.lines["venue"], ", phòng 201")
    assert lan.editor.autosaver.flush(5)
    type_text(nam.general.lines["venue"], ", tầng 3")
    assert nam.editor.autosaver.flush(5)
    # The clash shown, and the save reported: the status bar says "Đã lưu" in its place.
    qtbot.waitUntil(lambda: bool(nam.conflicts.entries) and nam.save_state.text() == "Đã lưu")
    nam.resize(1366, 768)
    qtbot.wait(10)
    _save(nam, "trung-noi-dung")
    lan.close()
    nam.close()


def test_the_guide_shows_every_screenshot_and_only_those() -> None:
    shown = set(re.findall(r"\]\(images/([\w-]+\.png)\)", GUIDE.read_text(encoding="utf-8")))
    assert shown == {p.name for p in IMAGES.glob("*.png")}


@pytest.mark.usefixtures("steady_cursor")
def test_screenshots_of_final_minutes_and_their_history(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = open_window(qtbot, archive, meeting_id, tmp_path, "Nguyễn Thị Lan")
    window.resize(1366, 768)
    bar = window.record_state
    bar.confirm_finalize = lambda *args: True
    bar.ask_reason = lambda version: "Sửa chức vụ của đồng chí Võ Đình Nam và số dịch vụ công trực tuyến"
    assert bar.finalize()
    qtbot.waitUntil(lambda: window.lookups_loaded)
    qtbot.wait(10)
    _save(window, "bien-ban-da-chot")

    assert bar.reopen()
    editor = window.editor
    nam = next(a for a in editor.meeting.attendances if a.person.name == "Võ Đình Nam")
    editor.set_field(nam, "titles", ["Giám đốc Sở Tài chính"])
    report = editor.meeting.speeches[1]
    editor.set_field(report, "summary", report.summary.replace("1.245 dịch vụ", "1.250 dịch vụ"))
    editor.delete(editor.meeting.topics[-1])
    assert bar.finalize()
    panel = bar.show_history()
    panel.resize(1100, 720)
    qtbot.waitUntil(panel.isVisible)
    qtbot.wait(10)
    assert "Sửa Võ Đình Nam" in panel.changes.toPlainText()
    _save(panel, "lich-su-phien-ban")
    panel.close()
    window.close()


@pytest.mark.usefixtures("steady_cursor")
def test_screenshots_of_recording_and_replay(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    """The audio bar while recording, then while a speech is replayed: the states are set as
    the audio process reports them, so that the pictures are the same at every run."""
    from sqlalchemy import update

    from minutes_app.audio import store
    from minutes_app.audio.client import Status
    from minutes_app.model import AudioSegment

    meeting_id = import_file(archive, example_dir / "meeting.json")
    # The morning recorded from 07:59:52, three hours long.
    segment = store.begin_segment(archive.engine, meeting_id, datetime(2026, 7, 10, 7, 59, 52))
    with archive.engine.begin() as connection:
        connection.execute(update(AudioSegment).where(AudioSegment.id == segment.id).values(
            duration=3 * 3600.0, state="stopped"))
    window = open_window(qtbot, archive, meeting_id, tmp_path, "Nguyễn Thị Lan")
    window.resize(1366, 768)
    window.tabs.setCurrentWidget(window.proceedings)
    audio = window.audio
    audio.status = Status(recording=True, level=-14.0, elapsed=2 * 3600 + 47 * 60 + 5)
    window.proceedings.table.selectRow(5)
    audio._ticks = 0
    audio.tick()
    qtbot.wait(10)
    _save(window, "ghi-am")

    audio.status = Status(playing=True, play_segment=segment.id, position=85 * 60 + 8 + 4, speed=1.25)
    window.proceedings.table.selectRow(3)
    type_text(window.proceedings.summary, " Đề nghị ")
    audio.tick()
    assert audio.delegate.row == 3 and audio.position.text() == "▶ 09:25:04 · 1,25×"
    qtbot.wait(10)
    _save(window, "nghe-lai")
    window.close()
