"""Backups from the window: when the app closes, and the offer to restore a damaged archive."""

from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from minutes_app.archive import import_file, list_meetings, open_archive
from minutes_app.backup import is_good, list_backups, make_backup
from minutes_app.ui import app as ui_app
from minutes_app.ui.archive_window import ArchiveWindow
from tests.ui_helpers import temporary_settings


def test_closing_the_app_backs_the_archive_up(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    import_file(archive, example_dir / "meeting.json")
    path = tmp_path / "archive.sqlite3"
    window = ArchiveWindow(archive, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    window.close()
    newest = list_backups(path)[0]
    assert is_good(newest)
    with open_archive(f"sqlite:///{newest}") as copy:
        assert [m.organizer_name for m in list_meetings(copy)] == ["Sở Khoa học và Công nghệ"]


def test_a_damaged_archive_offers_the_newest_backup(qapp, example_dir: Path, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "archive.sqlite3"
    url = f"sqlite:///{path}"
    with open_archive(url) as archive:
        import_file(archive, example_dir / "meeting.json")
    make_backup(path)
    path.write_bytes(b"not a database at all" * 100)
    asked: list[str] = []

    def question(parent, title, text, *rest):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setattr(QMessageBox, "question", question)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    assert ui_app.run_gui(url) == 0
    assert "bị hỏng hoặc không đọc được" in asked[0] and "Khôi phục bản sao lưu này ngay?" in asked[0]
    with open_archive(url) as archive:
        assert len(list_meetings(archive)) == 1
    for widget in QApplication.topLevelWidgets():
        widget.close()
