"""Starting the window: the application object, the archive, the first window."""

import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from minutes_app import APP_ID, APP_NAME, __version__
from minutes_app.archive import open_archive
from minutes_app.ui.archive_window import ArchiveWindow


def run_gui(url: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    try:
        archive = open_archive(url)
    except Exception as error:  # shown to the user: the window cannot open without it
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    window = ArchiveWindow(archive)
    window.show()
    try:
        return app.exec()
    finally:
        archive.close()
