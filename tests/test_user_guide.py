"""The user guide's screenshots (docs/images/), taken from the real window: offscreen,
1366×768, with the shared example loaded. Running the tests takes them again, so they show
the current window; the guide shows each of them."""

import re
from pathlib import Path

from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from minutes_app.archive import import_file
from minutes_app.ui.archive_window import ArchiveWindow
from minutes_app.ui.settings_dialog import SettingsDialog
from tests.conftest import DATA
from tests.ui_helpers import each_tab, temporary_settings

DOCS = Path(__file__).parent.parent / "docs"
IMAGES = DOCS / "images"
GUIDE = DOCS / "huong-dan-su-dung.md"
TAB_IMAGES = ("thong-tin-chung", "thanh-phan", "dien-bien", "van-de-thao-luan", "ket-luan", "anh", "tin-bai")


def _save(picture: QWidget | QPixmap, name: str) -> None:
    pixmap = picture if isinstance(picture, QPixmap) else picture.grab()
    assert pixmap.save(str(IMAGES / f"{name}.png"))


def test_screenshots_of_the_user_guide(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    IMAGES.mkdir(exist_ok=True)
    # A steady text cursor: the same picture at every run, whatever the blink.
    flash = QApplication.cursorFlashTime()
    QApplication.setCursorFlashTime(0)
    try:
        import_file(archive, DATA / "party-meeting" / "meeting.json")
        meeting_id = import_file(archive, example_dir / "meeting.json")
        settings = temporary_settings(tmp_path)
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
    finally:
        QApplication.setCursorFlashTime(flash)


def test_the_guide_shows_every_screenshot_and_only_those() -> None:
    shown = set(re.findall(r"\]\(images/([\w-]+\.png)\)", GUIDE.read_text(encoding="utf-8")))
    assert shown == {p.name for p in IMAGES.glob("*.png")}
