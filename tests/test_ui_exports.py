"""Around the exports of the meeting window: the print preview, the names proposed, the
dialogs' titles, and an exported file no program can open."""

import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from minutes_app.archive import import_file
from minutes_app.ui.archive_window import ArchiveWindow
from minutes_app.ui.exporting import NAME_LENGTH
from minutes_app.ui.meeting_window import MeetingWindow
from tests.ui_helpers import temporary_settings

LONG_TITLE = ("Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng cuối năm "
              "2026 của tỉnh Minh Sơn")


def _open(qtbot, archive, example_dir: Path, tmp_path: Path) -> MeetingWindow:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = MeetingWindow(archive, meeting_id, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    return window


def test_the_print_preview_is_large_at_the_page_width_and_keeps_its_zoom(
    qtbot, archive, example_dir: Path, tmp_path: Path
) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.show_message("Đã lưu")
    dialog = window.exporter.print_preview("minutes")
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.windowTitle() == "Xem trước và in biên bản"
    assert dialog.size() == window.size()
    view = dialog.findChild(QPrintPreviewWidget)
    assert view.zoomMode() == QPrintPreviewWidget.ZoomMode.FitToWidth
    qtbot.waitUntil(lambda: view.zoomFactor() > 1.0)  # a page 1200 pixels wide, not 38%
    assert view.pageCount() == 3
    # The file behind the preview is no export of the user's: nothing said about it.
    assert window.statusBar().currentMessage() == "Đã lưu"
    view.setZoomMode(QPrintPreviewWidget.ZoomMode.CustomZoom)
    view.setZoomFactor(1.25)
    dialog.close()
    assert window.settings.print_zoom == "1.2500"

    again = window.exporter.print_preview("press-release")
    qtbot.waitUntil(again.isVisible)
    assert again.windowTitle() == "Xem trước và in tin bài"
    view = again.findChild(QPrintPreviewWidget)
    assert view.zoomMode() == QPrintPreviewWidget.ZoomMode.CustomZoom and view.zoomFactor() == pytest.approx(1.25)
    again.close()
    window.close()


def test_names_proposed_are_cut_between_words_after_the_date_and_titles_in_sentence_case(
    qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    window.editor.set_field(window.editor.meeting, "title", LONG_TITLE)
    asked: list[tuple[str, Path]] = []
    monkeypatch.setattr("minutes_app.ui.file_dialogs.save_file",
                        lambda parent, title, proposed, filters: asked.append((title, proposed)))
    window.exporter.export("minutes", "pdf")
    window.exporter.export("press-release", "docx")
    (minutes_title, minutes), (article_title, article) = asked
    assert (minutes_title, article_title) == ("Xuất biên bản", "Xuất tin bài")
    for proposed, kind, suffix in ((minutes, "Biên bản", ".pdf"), (article, "Tin bài", ".docx")):
        assert proposed.suffix == suffix and len(proposed.name.removesuffix(suffix)) <= NAME_LENGTH
        stem = proposed.name.removesuffix(f" du-thao{suffix}")  # a draft's export says so
        assert stem.startswith(f"2026-07-10 {kind} Hội nghị sơ kết")
        assert f"{LONG_TITLE} ".startswith(stem.split(f"{kind} ", 1)[1] + " ")  # whole words only
    assert minutes.name == "2026-07-10 Biên bản Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm và du-thao.pdf"
    window.close()

    archive_window = ArchiveWindow(archive, temporary_settings(tmp_path))
    qtbot.addWidget(archive_window)
    archive_window.table.selectRow(0)
    archive_window.export_meeting()
    title, meeting_file = asked[-1]
    assert title == "Xuất tệp cuộc họp"
    assert meeting_file.name == ("2026-07-10 Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm và triển "
                                 "khai nhiệm vụ 6.json")
    archive_window.close()


def _xdg_mime(folder: Path, answer: str) -> None:
    """An ``xdg-mime`` that knows ``answer`` as the program for every kind of file."""
    folder.mkdir(exist_ok=True)
    script = folder / "xdg-mime"
    script.write_text(f"#!/bin/sh\necho '{answer}'\n", encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IEXEC)


@pytest.mark.skipif(os.name != "posix", reason="xdg-mime is how a Linux desktop is asked")
def test_an_export_no_program_can_open_says_where_it_is_and_opens_its_folder(
    qtbot, archive, example_dir: Path, tmp_path: Path, monkeypatch
) -> None:
    window = _open(qtbot, archive, example_dir, tmp_path)
    out = tmp_path / "văn bản"
    out.mkdir()
    monkeypatch.setattr("minutes_app.ui.file_dialogs.save_file", lambda *_: out / "biên bản.pdf")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    tools = tmp_path / "bin"
    monkeypatch.setenv("PATH", f"{tools}{os.pathsep}{os.environ['PATH']}")

    _xdg_mime(tools, "")  # no PDF viewer
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)
            return
        seen.append(box.text())
        [folder] = [b for b in box.findChildren(QPushButton) if b.text() == "&Mở thư mục chứa tệp"]
        folder.click()

    QTimer.singleShot(0, answer)
    assert window.exporter.export("minutes", "pdf") == out / "biên bản.pdf"
    assert seen == [f"Đã xuất tệp, nhưng máy này chưa có chương trình nào mở được tệp PDF.\n\n"
                    f"Tệp nằm ở:\n{out / 'biên bản.pdf'}"]
    assert opened == [QUrl.fromLocalFile(str(out))]
    assert (out / "biên bản.pdf").read_bytes().startswith(b"%PDF")

    _xdg_mime(tools, "org.gnome.Evince.desktop")  # a viewer: the file opens, nothing asked
    assert window.exporter.export("minutes", "pdf") == out / "biên bản.pdf"
    assert opened[-1] == QUrl.fromLocalFile(str(out / "biên bản.pdf")) and len(seen) == 1
    window.close()
