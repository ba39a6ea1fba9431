"""Driving the window like a person at the keyboard, Vietnamese included."""

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from minutes_app.ui.meeting_window import MeetingWindow
from minutes_app.ui.settings import Settings

SCREENSHOTS = Path(__file__).parent / "screenshots"


def type_text(widget: QWidget, text: str) -> None:
    """Type ``text`` into ``widget`` one key event per character.

    QTest.keyClicks aborts the process on any non-ASCII character.
    """
    for ch in text:
        if ch == "\n":
            QTest.keyClick(widget, Qt.Key.Key_Return)
        else:
            QTest.sendKeyEvent(
                QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
            )


def key(widget: QWidget, qt_key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(widget, qt_key, modifiers)


def temporary_settings(folder: Path) -> Settings:
    return Settings(QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat))


def each_tab(qtbot, window: MeetingWindow) -> Iterator[int]:  # type: ignore[no-untyped-def]
    """Show the meeting window's tabs one after the other, each fully drawn (pictures loaded)."""
    qtbot.waitUntil(lambda: window.lookups_loaded)
    qtbot.waitUntil(lambda: len(window.photos._icons) == len(window.editor.meeting.photos))
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        if window.tabs.currentWidget() is window.article:
            qtbot.waitUntil(lambda: all(not label.pixmap().isNull() for label in window.article._pictures.values()))
        qtbot.wait(10)
        yield index
