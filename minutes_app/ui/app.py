"""Starting the window: the application object, the language, the archive, the first window."""

import os
import runpy
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QApplication, QMessageBox

from minutes_app import APP_ID, DESKTOP_ID, __version__
from minutes_app.archive import ArchiveDamaged, open_archive
from minutes_app.backup import restore
from minutes_app.i18n import app_name
from minutes_app.package_data import resource
from minutes_app.storage import ENV_DB, resolve_url
from minutes_app.ui import translation, unexpected
from minutes_app.ui.archive_window import ArchiveWindow
from minutes_app.ui.login import open_with_login
from minutes_app.ui.settings import Settings
from minutes_app.ui.single_window import WindowBeacon, claim

# A script run inside the started app (tests drive the real process through it).
ENV_SCRIPT = "MINUTES_APP_UI_SCRIPT"


def app_icon() -> QIcon:
    """The app's icon at every size shipped (resources/icons), for title bars and task bars."""
    icon = QIcon()
    for file in resource("icons").iterdir():
        if file.name.endswith(".png"):
            pixmap = QPixmap()
            pixmap.loadFromData(file.read_bytes())
            icon.addPixmap(pixmap)
    return icon


def _restore_asked(error: ArchiveDamaged) -> bool:
    """Whether the user wants the newest good backup in place of the damaged archive."""
    question = QCoreApplication.translate(
        "App", "{message}\n\nKhôi phục bản sao lưu này ngay? (Kho hiện tại được giữ lại bên cạnh.)"
    ).format(message=str(error))
    answer = QMessageBox.question(None, app_name(), question)
    return answer == QMessageBox.StandardButton.Yes


def run_gui(url: str | None) -> int:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    unexpected.install(app)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(app_name())
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(app_icon())
    settings = Settings()
    translation.install(os.environ.get("MINUTES_APP_LANG") or settings.language)
    # --db, else MINUTES_APP_DB, else the address chosen in the settings, else the user's file.
    url = resolve_url(url or os.environ.get(ENV_DB) or settings.archive_url or None)
    # One window per archive: a second start brings the first one forward instead.
    beacon = claim(url, app)
    if not isinstance(beacon, WindowBeacon):
        return _already_open(came_forward=beacon)
    try:
        return _run_window(app, url, settings, beacon)
    finally:
        beacon.close()


def _already_open(came_forward: bool) -> int:
    if came_forward:
        print(QCoreApplication.translate(
            "App", "Kho lưu trữ này đã mở trong một cửa sổ khác: cửa sổ đó được đưa lên trước."))
        return 0
    QMessageBox.information(None, app_name(), QCoreApplication.translate(
        "App", "Kho lưu trữ này đang mở trong một cửa sổ khác của ứng dụng (có thể của người dùng khác trên máy này)."))
    return 1


def _run_window(app: QCoreApplication, url: str, settings: Settings, beacon: WindowBeacon) -> int:
    try:
        archive = open_with_login(url)
    except ArchiveDamaged as error:
        if error.backup is None or not _restore_asked(error):
            QMessageBox.critical(None, app_name(), str(error))
            return 1
        try:
            restore(error.path, error.backup)
            archive = open_archive(url)
        except Exception as again:  # shown to the user: the window cannot open without it
            QMessageBox.critical(None, app_name(), str(again))
            return 1
    except Exception as error:  # shown to the user: the window cannot open without it
        QMessageBox.critical(None, app_name(), str(error))
        return 1
    window = ArchiveWindow(archive, settings)
    beacon.window = window
    # However the app ends, the open meetings write what is pending first.
    app.aboutToQuit.connect(window.close)
    window.show()
    if script := os.environ.get(ENV_SCRIPT):
        runpy.run_path(script, init_globals={"app": app, "window": window, "beacon": beacon})
    try:
        return app.exec()
    finally:
        window.archive.close()  # the one open now: a restore replaces it
