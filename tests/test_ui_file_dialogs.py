"""The app's file dialogs: what they list and name, and the actions that use them (backing
the archive up to a chosen file, restoring it, choosing the archive in the settings)."""

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QFileInfo, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTreeView

from minutes_app.archive import import_file, list_meetings, open_archive
from minutes_app.backup import is_good
from minutes_app.ui import file_dialogs
from minutes_app.ui.archive_window import ArchiveWindow
from minutes_app.ui.settings_dialog import SettingsDialog
from tests.ui_helpers import temporary_settings


def answer(choice: Path | None) -> list[QFileDialog]:
    """Answer the next file dialog: choose ``choice``, or cancel; returns the dialogs seen."""
    seen: list[QFileDialog] = []

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(20, look)
            return
        seen.append(dialog)
        if choice is None:
            dialog.reject()
        else:
            dialog.selectFile(str(choice))
            dialog.accept()

    QTimer.singleShot(0, look)
    return seen


def listed(qtbot, dialog: QFileDialog, folder: Path) -> list[str]:
    dialog.setDirectory(str(folder))
    view = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) >= 2)
    qtbot.wait(200)  # the folder is read on a worker thread
    model = view.model()
    return sorted(model.index(row, 0, view.rootIndex()).data() for row in range(model.rowCount(view.rootIndex())))


def test_the_dialogs_leave_the_archive_files_out_and_name_types_by_name(qtbot, tmp_path: Path) -> None:
    database = tmp_path / "archive.db"
    with open_archive(f"sqlite:///{database}") as archive:
        (tmp_path / "hội nghị.json").write_text("{}", encoding="utf-8")
        (tmp_path / "ghi chú").write_text('{"a": 1}', encoding="utf-8")  # JSON, by its content only
        with archive.engine.connect() as connection:  # the log and the -shm exist while it is open
            connection.exec_driver_sql("SELECT 1")
            assert Path(f"{database}-wal").exists() and Path(f"{database}-shm").exists()
            dialog = file_dialogs.file_dialog(None, "Mở", tmp_path, "Mọi tệp (*)")
            qtbot.addWidget(dialog)
            assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)
            assert listed(qtbot, dialog, tmp_path) == ["ghi chú", "hội nghị.json"]
            chooser = file_dialogs.file_dialog(None, "Chọn", tmp_path, "Mọi tệp (*)", databases_listed=True)
            qtbot.addWidget(chooser)
            assert listed(qtbot, chooser, tmp_path) == ["archive.db", "ghi chú", "hội nghị.json"]

    icons = file_dialogs.NameOnlyIcons()
    assert icons.type(QFileInfo(str(tmp_path / "hội nghị.json"))) == "JSON document"
    # Read, it would be JSON; by its name it is only some file.
    assert icons.type(QFileInfo(str(tmp_path / "ghi chú"))) == QCoreApplication.translate(
        "QAbstractFileIconProvider", "File")
    assert not icons.icon(QFileInfo(str(tmp_path / "ghi chú"))).isNull()
    assert icons.type(QFileInfo(str(tmp_path))) == QCoreApplication.translate(
        "QAbstractFileIconProvider", "Folder", "All other platforms")


def test_backing_up_to_a_chosen_file_then_restoring_it(qtbot, tmp_path: Path, example_dir: Path, monkeypatch) -> None:
    url = f"sqlite:///{tmp_path / 'archive.db'}"
    archive = open_archive(url)
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = ArchiveWindow(archive, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    usb = tmp_path / "USB"
    usb.mkdir()

    seen = answer(usb / "kho họp.sqlite3")
    with qtbot.waitSignal(window.backups.copied, timeout=30000):
        assert window.back_up_to_file() == usb / "kho họp.sqlite3"
    assert seen[0].windowTitle() == "Sao lưu kho lưu trữ ra tệp"
    assert is_good(usb / "kho họp.sqlite3")
    assert window.statusBar().currentMessage() == f"Đã sao lưu kho lưu trữ vào {usb / 'kho họp.sqlite3'}"

    meeting_window = window.open_meeting(meeting_id)
    answer(None)
    assert window.restore_backup() is None  # cancelled: nothing changes
    assert window.archive is archive

    with open_archive(url) as other:
        import_file(other, example_dir / "meeting.json")
    answers: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda parent, title, text, *rest: answers.append(text)
                        or QMessageBox.StandardButton.Yes)
    answer(usb / "kho họp.sqlite3")
    assert window.restore_backup() == usb / "kho họp.sqlite3"
    assert "Thay toàn bộ kho lưu trữ bằng bản sao lưu" in answers[0]
    assert window.meeting_windows == {} and not meeting_window.isVisible()
    assert window.archive is not archive
    assert len(list_meetings(window.archive)) == 1  # as backed up: without the later import
    assert window.model.rowCount() == 1
    window.close()
    window.archive.close()


def test_the_archive_file_is_chosen_in_a_dialog_in_the_settings(qtbot, tmp_path: Path) -> None:
    settings = temporary_settings(tmp_path)
    dialog = SettingsDialog(None, settings)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    seen = answer(tmp_path / "kho văn phòng.db")
    assert dialog.choose_archive_file() == tmp_path / "kho văn phòng.db"
    assert seen[0].acceptMode() == QFileDialog.AcceptMode.AcceptSave
    assert dialog.archive_url.text() == f"sqlite:///{tmp_path / 'kho văn phòng.db'}"
    dialog.accept()
    assert settings.archive_url == f"sqlite:///{tmp_path / 'kho văn phòng.db'}"
    assert not (tmp_path / "kho văn phòng.db").exists()  # chosen, created when the app opens it
