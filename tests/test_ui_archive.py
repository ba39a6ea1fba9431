"""The archive window as it opens."""

from pathlib import Path

from minutes_app import APP_NAME
from minutes_app.archive import import_file
from minutes_app.ui.archive_window import ArchiveWindow


def test_archive_window_lists_meetings(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    import_file(archive, example_dir / "meeting.json")
    window = ArchiveWindow(archive)
    qtbot.addWidget(window)
    window.show()
    assert window.windowTitle().startswith(APP_NAME)
    assert window.table.rowCount() == 1
    assert window.table.item(0, 0).text() == "10/07/2026"
    assert window.table.item(0, 1).text().startswith("Hội nghị sơ kết công tác chuyển đổi số")
    window.grab().save(str(tmp_path / "archive.png"))
