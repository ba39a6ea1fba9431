"""Two windows on one meeting, as two secretaries on a shared archive: others' saves show
up, a clash is told in the panel with who changed what, and the user chooses."""

from pathlib import Path

from PySide6.QtWidgets import QLabel

from minutes_app.archive import import_file, load_meeting
from minutes_app.ui.meeting_window import MeetingWindow
from tests.ui_helpers import temporary_settings, type_text


def open_window(qtbot, archive, meeting_id: int, folder: Path, user: str) -> MeetingWindow:
    settings = temporary_settings(folder)
    settings.user_name = user
    window = MeetingWindow(archive, meeting_id, settings)
    qtbot.addWidget(window)
    window.show()
    return window


def saved_title(archive, meeting_id: int) -> str:
    with archive.sessions() as session:
        return load_meeting(session, meeting_id).title


def test_others_saves_show_up_and_a_clash_is_decided(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    lan = open_window(qtbot, archive, meeting_id, tmp_path / "lan", "Nguyễn Thị Lan")
    nam = open_window(qtbot, archive, meeting_id, tmp_path / "nam", "Võ Đình Nam")

    lan_title, nam_title = lan.general.lines["title"], nam.general.lines["title"]
    lan_title.setFocus()
    lan_title.end(False)
    type_text(lan_title, " (phiên 2)")
    assert lan.editor.autosaver.flush(5)
    nam.general.lines["venue"].setFocus()
    assert nam.refresh_from_others() == 1
    assert nam_title.text().endswith("(phiên 2)")

    # Both change the venue; Lan saves first.
    type_text(lan.general.lines["venue"], ", phòng 201")
    assert lan.editor.autosaver.flush(5)
    lan.general.lines["title"].setFocus()
    type_text(nam.general.lines["venue"], ", tầng 3")
    assert nam.editor.autosaver.flush(5)
    qtbot.waitUntil(lambda: bool(nam.conflicts.entries))
    assert nam.conflicts.isVisible()
    [text] = [label.text() for label in nam.conflicts.list.findChildren(QLabel)]
    assert text.startswith("Nguyễn Thị Lan vừa sửa thông tin chung của cuộc họp.")
    assert "Bản của họ: «Hội trường Sở Khoa học và Công nghệ, phòng 201»" in text
    assert "Bản của bạn: «Hội trường Sở Khoa học và Công nghệ, tầng 3»" in text
    # Nam's text stays in his window until he chooses; the refresh leaves it alone.
    nam.refresh_from_others()
    assert nam.general.lines["venue"].text().endswith("tầng 3")

    [key] = nam.conflicts.entries
    nam.conflicts.decide(key, mine=True)
    assert nam.editor.autosaver.flush(5)
    assert not nam.conflicts.isVisible()
    with archive.sessions() as session:
        assert load_meeting(session, meeting_id).venue.endswith("tầng 3")
    assert lan.refresh_from_others() == 1
    assert lan.general.lines["venue"].text().endswith("tầng 3")
    lan.close()
    nam.close()


def test_send_a_meeting_to_the_office_archive(qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch) -> None:
    from PySide6.QtWidgets import QInputDialog, QMessageBox

    from minutes_app.archive import list_meetings, open_archive
    from minutes_app.ui.archive_window import ArchiveWindow

    import_file(archive, example_dir / "meeting.json")
    window = ArchiveWindow(archive, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    office = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    monkeypatch.setattr(QInputDialog, "getText", lambda *args, **kwargs: (office, True))
    window.send_meeting()
    assert window.statusBar().currentMessage() == "Đã chép thành cuộc họp số 1 ở kho đích."
    assert window.settings.copy_target == office
    # A second time the office has it: the user is asked; here they keep both.
    clicked = []

    def exec_box(box: QMessageBox) -> int:
        [both] = [b for b in box.buttons() if b.text() == "&Giữ cả hai"]
        clicked.append(box.text())
        box.clickedButton = lambda: both  # type: ignore[method-assign]
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_box)
    window.send_meeting()
    assert clicked and clicked[0].startswith("Kho đích đã có cuộc họp này (số 1:")
    assert window.statusBar().currentMessage() == "Đã chép thành cuộc họp mới số 2 ở kho đích, bên cạnh bản đã có."
    with open_archive(office) as target:
        assert len(list_meetings(target)) == 2
    window.close()
