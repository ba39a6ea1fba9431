"""The archive window: the list, search, new, duplicate, delete, import."""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from minutes_app import APP_NAME
from minutes_app.archive import import_file, list_meetings
from minutes_app.ui.archive_window import ArchiveWindow
from tests.ui_helpers import temporary_settings, type_text


def _window(qtbot, archive, tmp_path: Path) -> ArchiveWindow:
    window = ArchiveWindow(archive, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    return window


def _cells(window: ArchiveWindow) -> list[list[str]]:
    model = window.model
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def test_archive_window_lists_meetings(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    import_file(archive, example_dir / "meeting.json")
    window = _window(qtbot, archive, tmp_path)
    assert window.windowTitle().startswith(APP_NAME)
    [row] = _cells(window)
    assert row[0] == "10/07/2026 08:00"
    assert row[1].startswith("Hội nghị sơ kết công tác chuyển đổi số")
    assert row[2] == "Sở Khoa học và Công nghệ"


def test_search_box_ignores_diacritics(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    import_file(archive, example_dir / "meeting.json")
    window = _window(qtbot, archive, tmp_path)
    type_text(window.search, "dang thu trang")
    qtbot.waitUntil(lambda: window.model.rowCount() == 1)
    window.search.clear()
    type_text(window.search, "không có ai như thế")
    qtbot.waitUntil(lambda: window.model.rowCount() == 0)


def test_new_duplicate_and_delete(qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch) -> None:
    source = import_file(archive, example_dir / "meeting.json")
    window = _window(qtbot, archive, tmp_path)
    meeting_window = window.create_meeting(style="party")
    assert meeting_window.editor.meeting.style == "party"
    type_text(meeting_window.general.lines["title"], "Họp Ban Thường vụ")
    meeting_window.close()
    assert [m.title for m in list_meetings(archive, "ban thuong vu")] == ["Họp Ban Thường vụ"]

    window.search.setText("chuyen doi so")
    window.refresh()
    duplicate = window.duplicate_current()
    assert duplicate.editor.meeting.id != source
    assert [a.person.name for a in duplicate.editor.meeting.attendances][0] == "Trần Quốc Hùng"
    assert duplicate.editor.meeting.speeches == []
    duplicate.close()

    window.search.setText("Họp Ban Thường vụ")
    window.refresh()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.delete_current()
    assert list_meetings(archive, "ban thuong vu") == []
    assert len(list_meetings(archive)) == 2


def test_import_and_export_of_meeting_files(qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch) -> None:
    window = _window(qtbot, archive, tmp_path)
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warnings.append(text))
    broken = tmp_path / "hỏng.json"
    broken.write_text('{"format": "minutes-app.meeting/1", "title": 3}', encoding="utf-8")
    assert window.import_path(broken) is None
    assert "không hợp lệ" in warnings[0] and window.model.rowCount() == 0

    meeting_id = window.import_path(example_dir / "meeting.json")
    assert window.model.rowCount() == 1 and window.current_id() == meeting_id
    target = tmp_path / "ra" / "cuộc họp.json"
    monkeypatch.setattr("minutes_app.ui.file_dialogs.save_file", lambda *a, **k: target)
    window.export_meeting()
    assert import_file(archive, target) != meeting_id
    assert window.statusBar().currentMessage() == f"Đã xuất {target}"


def test_meeting_window_title_starts_with_the_app_name(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    from minutes_app.ui.meeting_window import MeetingWindow
    from tests.ui_helpers import temporary_settings

    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = MeetingWindow(archive, meeting_id, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    assert window.windowTitle() == f"{APP_NAME} — Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm và " \
                                   "triển khai nhiệm vụ 6 tháng cuối năm 2026"
    window.close()


def test_a_long_list_is_read_a_page_at_a_time(qtbot, archive, tmp_path: Path) -> None:
    from minutes_app.editing.meetings import new_meeting
    from minutes_app.ui.archive_model import PAGE

    ids = [new_meeting(archive) for _ in range(PAGE + 5)]
    window = _window(qtbot, archive, tmp_path)
    assert window.model.rowCount() == PAGE
    window.table.scrollToBottom()
    qtbot.waitUntil(lambda: window.model.rowCount() == PAGE + 5)
    assert not window.model.canFetchMore(window.model.index(-1, -1))
    # Newest first, each once: the pages follow on from each other.
    assert [m.id for m in window.model.meetings] == [m.id for m in list_meetings(archive)] == sorted(ids, reverse=True)
