"""Text widgets bound to one field of a row of the open meeting, both ways.

What the user types goes to the editor at each keystroke (merged into one undo step);
what changes in the editor (undo, redo) comes back to the widget.
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from minutes_app.editing.editor import FieldChanged, MeetingEditor
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.legacy_paste import LegacyPaste


class UndoKeys(QObject):
    """Lets Ctrl+Z / Ctrl+Y reach the window's undo instead of a text widget's own."""

    def __init__(self, parent: QObject, paste: LegacyPaste) -> None:
        super().__init__(parent)
        self.paste = paste

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Undo) or event.matches(
                QKeySequence.StandardKey.Redo
            ):
                # Not accepted: Qt goes on to the window's shortcut.
                event.ignore()
                return True
        return False


def route_undo_keys(widget: QLineEdit | QPlainTextEdit, keys: UndoKeys) -> None:
    """Ctrl+Z / Ctrl+Y in ``widget`` go to the window's undo; a paste in an old code is converted."""
    widget.installEventFilter(keys)
    keys.paste.watch(widget)  # installed last, it sees the keys first


Getter = Callable[[], Any]


class FieldBinding(QObject):
    """Keeps a QLineEdit or QPlainTextEdit and ``name`` of the current row in step."""

    def __init__(
        self,
        bridge: EditorBridge,
        widget: QLineEdit | QPlainTextEdit,
        name: str,
        row: Any = None,
        write: Callable[[Any, str, bool], None] | None = None,
        read: Callable[[Any], str] | None = None,
    ) -> None:
        super().__init__(widget)
        self.editor: MeetingEditor = bridge.editor
        self.widget = widget
        self.name = name
        self.row = row
        self._write = write or (lambda r, text, typing: self.editor.set_field(r, name, text, typing))
        self._read = read or (lambda r: getattr(r, name) or "")
        self._updating = False
        if isinstance(widget, QLineEdit):
            widget.textEdited.connect(self._edited)
            widget.editingFinished.connect(self.editor.seal)
        else:
            widget.setUndoRedoEnabled(False)
            widget.textChanged.connect(self._edited)
        bridge.changed.connect(self._changed)
        self.show_row(row)

    def show_row(self, row: Any) -> None:
        self.row = row
        self.widget.setEnabled(row is not None)
        self._show(self._read(row) if row is not None else "")
        self.editor.seal()

    def _text(self) -> str:
        if isinstance(self.widget, QLineEdit):
            return self.widget.text()
        return self.widget.toPlainText()

    def _show(self, text: str) -> None:
        if text == self._text():
            return
        self._updating = True
        try:
            if isinstance(self.widget, QLineEdit):
                self.widget.setText(text)
            else:
                self.widget.setPlainText(text)
                self.widget.moveCursor(self.widget.textCursor().MoveOperation.End)
        finally:
            self._updating = False

    def _edited(self, *_args: object) -> None:
        if self._updating or self.row is None:
            return
        self._write(self.row, self._text(), True)

    def _changed(self, event: object) -> None:
        if isinstance(event, FieldChanged) and self.row is not None and self._is_mine(event):
            self._show(self._read(self.row))

    def _is_mine(self, event: FieldChanged) -> bool:
        if event.row is self.row and event.name == self.name:
            return True
        # An attendee's name lives on their person.
        return getattr(self.row, "person", None) is event.row
