"""The live preview (F4): the real pages, made again after a pause in typing by the preview
process, scrolled to what is being typed; the article's on its tab."""

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from minutes_app.archive import import_file
from minutes_app.ui.meeting_window import MeetingWindow
from minutes_app.ui.preview_panel import PAUSE_MS
from tests.helpers import flat, pdf_text
from tests.ui_helpers import key, temporary_settings

WAIT = 60_000  # ms: the preview process starts, loads the renderers, then renders


def _rendered(window: MeetingWindow, after: int) -> bool:
    """A render later than ``after`` shown, with the pages in view drawn."""
    preview = window.preview
    return (preview.render_id > after and not preview.rendering and bool(preview.shown)
            and preview.shown["rendered"] == preview.render_id and bool(preview.pages._fresh))


def test_the_preview_follows_the_typing_after_a_pause(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    settings = temporary_settings(tmp_path)
    window = MeetingWindow(archive, meeting_id, settings)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    preview, proceedings = window.preview, window.proceedings
    assert not preview.isVisible()
    window.tabs.setCurrentWidget(proceedings)
    proceedings.table.selectRow(4)
    summary = proceedings.summary
    summary.setFocus()
    summary.moveCursor(summary.textCursor().MoveOperation.End)

    key(summary, Qt.Key.Key_F4)
    assert preview.isVisible() and settings.preview_shown
    qtbot.waitUntil(lambda: _rendered(window, 0), timeout=WAIT)
    first = preview.render_id

    # Keys faster than the pause: nothing is made meanwhile.
    typed = " Đề nghị Sở Thông tin và Truyền thông hướng dẫn cụ thể."
    for ch in typed:
        QTest.sendKeyEvent(QTest.KeyAction.Click, summary, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier)
        qtbot.wait(PAUSE_MS // 4)
        assert preview.render_id == first
    qtbot.waitUntil(lambda: _rendered(window, first), timeout=WAIT)
    assert preview.render_id == first + 1  # one render for the burst of keys

    # The real pages: the PDF holds what was typed, the pages in view are its pictures,
    # and the panel is scrolled to the place.
    text = flat(pdf_text(Path(preview.shown["pdf"]), mode="-raw"))
    assert "Phan Văn Lực – Giám đốc Viễn thông Minh Sơn tham gia ý kiến" in text
    assert "cho bộ phận một cửa các xã. Đề nghị Sở Thông tin và Truyền thông hướng dẫn cụ thể." in text
    found = preview.shown["found"]
    assert found is not None
    page = preview.pages.page_rect(found["page"])
    place = page.top() + found["y"] * page.height()
    top = preview.area.verticalScrollBar().value()
    assert top <= place <= top + preview.area.viewport().height()
    image = preview.pages.images[found["page"]]
    assert found["page"] in preview.pages._fresh
    assert image.width() == preview.pages.pixel_width() and image.height() > image.width()
    window.grab().save(str(tmp_path / "preview.png"))

    # On the Article tab, the article.
    window.tabs.setCurrentWidget(window.article)
    qtbot.waitUntil(lambda: preview.shown.get("document") == "press-release" and _rendered(window, first + 1),
                    timeout=WAIT)
    article = flat(pdf_text(Path(preview.shown["pdf"]), mode="-raw"))
    # The example is a draft: the article says so above its headline.
    assert article.startswith("DỰ THẢO Sơ kết công tác chuyển đổi số 6 tháng đầu năm") and "Sáng 10/7, Sở Khoa học" in article

    key(window.article, Qt.Key.Key_F4)
    assert not preview.isVisible() and not settings.preview_shown
    client = preview.client
    assert client is not None
    window.close()
    assert client.process.returncode == 0 and not client.folder.exists()
