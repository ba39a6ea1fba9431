"""Starting the window: the application object, the language, the archive, the first window."""

import os
import runpy
import sys

from PySide6.QtWidgets import QApplication, QMessageBox

from minutes_app import APP_ID, APP_NAME, __version__
from minutes_app.archive import open_archive
from minutes_app.ui import translation
from minutes_app.ui.archive_window import ArchiveWindow
from minutes_app.ui.settings import Settings

# A script run inside the started app (tests drive the real process through it).
ENV_SCRIPT = "MINUTES_APP_UI_SCRIPT"


def run_gui(url: str | None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    settings = Settings()
    translation.install(os.environ.get("MINUTES_APP_LANG") or settings.language)
    try:
        archive = open_archive(url)
    except Exception as error:  # shown to the user: the window cannot open without it
        QMessageBox.critical(None, APP_NAME, str(error))
        return 1
    window = ArchiveWindow(archive, settings)
    # However the app ends, the open meetings write what is pending first.
    app.aboutToQuit.connect(window.close)
    window.show()
    if script := os.environ.get(ENV_SCRIPT):
        runpy.run_path(script, init_globals={"app": app, "window": window})
    try:
        return app.exec()
    finally:
        archive.close()
