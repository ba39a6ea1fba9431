"""Driving the window like a person at the keyboard, Vietnamese included."""

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

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
