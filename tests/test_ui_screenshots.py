"""Screenshots of every tab of the meeting window at 1366×768 (tests/screenshots/, not in git)."""

from pathlib import Path

from minutes_app.archive import import_file
from minutes_app.ui import translation
from minutes_app.ui.archive_window import ArchiveWindow
from minutes_app.ui.meeting_window import MeetingWindow
from tests.ui_helpers import SCREENSHOTS, each_tab, temporary_settings


def test_screenshots_of_every_tab(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    meeting_id = import_file(archive, example_dir / "meeting.json")
    archive_window = ArchiveWindow(archive, temporary_settings(tmp_path))
    qtbot.addWidget(archive_window)
    archive_window.resize(1366, 768)
    archive_window.show()
    archive_window.grab().save(str(SCREENSHOTS / "archive.png"))

    window = archive_window.open_meeting(meeting_id)
    window.exporter.open_results = False
    window.resize(1366, 768)
    window.proceedings.table.selectRow(1)
    window.photos.list.setCurrentRow(1)
    for index in each_tab(qtbot, window):
        path = SCREENSHOTS / f"meeting-{index + 1}.png"
        assert window.grab().save(str(path))
        assert path.stat().st_size > 10_000
    window.close()


def test_screenshot_in_english(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(exist_ok=True)
    meeting_id = import_file(archive, example_dir / "meeting.json")
    translation.install("en")
    try:
        window = MeetingWindow(archive, meeting_id, temporary_settings(tmp_path))
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        window.tabs.setCurrentWidget(window.proceedings)
        window.proceedings.table.selectRow(2)
        assert window.tabs.tabText(2) == "&3 Proceedings"
        assert window.windowTitle().startswith("Meeting Minutes — Hội nghị sơ kết")
        window.grab().save(str(SCREENSHOTS / "meeting-en-3.png"))
        window.close()
    finally:
        translation.install("vi")
