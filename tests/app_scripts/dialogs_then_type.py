"""Run inside the real app (MINUTES_APP_UI_SCRIPT): show every kind of file dialog the app has
in the archive's folder (each one drawn in detail view, then cancelled), let another process
list and dump the archive, then type into a speech like a person.

Prints (tab-separated) ``locked FILES`` first (the archive's files this process holds a lock on, null where
/proc/locks does not tell), ``dialog KIND FILES NAMES`` after each dialog (NAMES: what it
listed), ``other ...`` for the other process, ``typed N EDIT`` for each key and ``saved EDIT``
for each save the window reports, then ``done``.
"""

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QTreeView

from minutes_app.ui.settings_dialog import SettingsDialog

folder = Path(os.environ["ARCHIVE_FOLDER"])
url = os.environ["ARCHIVE_URL"]
archive_name = os.environ["ARCHIVE_NAME"]
text = os.environ["TEXT"]
archive_window = window  # noqa: F821 (given by the app)
meeting_window = archive_window.open_meeting(int(os.environ["MEETING_ID"]))
editor = meeting_window.editor
meeting_window.bridge.saved.connect(lambda number: print(f"saved {number}", flush=True))


def locked() -> list[str] | None:
    """The archive's files this process holds a lock on; None where /proc/locks does not tell."""
    if not Path("/proc/locks").exists():
        return None
    files = {os.stat(path).st_ino: path.name for path in folder.iterdir() if path.name.startswith(archive_name)}
    held: set[str] = set()
    with open("/proc/locks") as table:
        for line in table:
            fields = line.split()
            if fields[1] == "->":  # a request waiting for a lock
                continue
            if fields[4] == str(os.getpid()) and int(fields[5].split(":")[-1]) in files:
                held.add(files[int(fields[5].split(":")[-1])])
    return sorted(held)


def shown_names(dialog: QFileDialog) -> list[str] | None:
    """The names the dialog lists for the archive's folder, once it has read the folder."""
    view = dialog.findChild(QTreeView, "treeView")
    model = view.model()
    root = view.rootIndex()
    if os.path.normcase(dialog.directory().absolutePath()) != os.path.normcase(str(folder)):
        return None
    if model.rowCount(root) == 0 or model.canFetchMore(root):
        return None
    return sorted(model.index(row, 0, root).data() for row in range(model.rowCount(root)))


def close_when_drawn(kind: str, tries: int = 0, seen: list[str] | None = None) -> None:
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QFileDialog):
        QTimer.singleShot(50, lambda: close_when_drawn(kind, tries))
        return
    if tries == 0:
        dialog.setViewMode(QFileDialog.ViewMode.Detail)  # the Type column too
        dialog.setDirectory(str(folder))
    names = shown_names(dialog)
    if (names is None or names != seen) and tries < 200:  # the folder is read in the background
        dialog.grab()
        QTimer.singleShot(50, lambda: close_when_drawn(kind, tries + 1, names))
        return
    dialog.grab()  # draws every row: icons and types are asked for now
    QApplication.processEvents()
    dialog.reject()
    print(f"dialog\t{kind}\t{json.dumps(locked())}\t{json.dumps(names, ensure_ascii=False)}", flush=True)


DIALOGS: list[tuple[str, Callable[[], object]]] = [
    ("import", archive_window.import_meeting),
    ("export-meeting", archive_window.export_meeting),
    ("export-document", lambda: meeting_window.exporter.export("minutes", "docx")),
    ("photos", meeting_window.photos.choose_files),
    ("attendee-list", meeting_window.attendees.import_file),
    ("backup", archive_window.back_up_to_file),
    ("restore", archive_window.restore_backup),
    ("archive-choice", lambda: SettingsDialog(archive_window, archive_window.settings).choose_archive_file()),
]


def show_dialogs(index: int = 0) -> None:
    if index == len(DIALOGS):
        QTimer.singleShot(0, other_process)
        return
    kind, show = DIALOGS[index]
    archive_window.settings.last_folder = folder
    QTimer.singleShot(50, lambda: close_when_drawn(kind))
    show()
    QTimer.singleShot(0, lambda: show_dialogs(index + 1))


def other_process() -> None:
    """What a user does in a terminal meanwhile: list the archive, dump a meeting."""
    command = [sys.executable, "-m", "minutes_app", "--db", url]
    listed = subprocess.run([*command, "list"], capture_output=True, text=True, encoding="utf-8")
    dumped = subprocess.run([*command, "dump", os.environ["MEETING_ID"], "-o", os.environ["DUMP_TO"]],
                            capture_output=True, text=True, encoding="utf-8")
    print(f"other {listed.returncode} {dumped.returncode} {listed.stdout.count(chr(10))}", flush=True)
    meeting_window.new_speech()
    QTimer.singleShot(100, type_one)


typed = 0


def type_one() -> None:
    global typed
    QTest.sendKeyEvent(QTest.KeyAction.Click, meeting_window.proceedings.summary, Qt.Key.Key_unknown, text[typed],
                       Qt.KeyboardModifier.NoModifier)
    typed += 1
    print(f"typed {typed} {editor.number}", flush=True)
    if typed < len(text):
        QTimer.singleShot(30, type_one)
    else:
        print("done", flush=True)


print(f"locked\t{json.dumps(locked())}", flush=True)
QTimer.singleShot(200, show_dialogs)
