"""A paste of text typed in TCVN3 or VNI ('Hµ Néi') arrives converted ('Hà Nội').

The text goes in as pasted, then is replaced by its conversion: in a field of the record
these are two undo steps, so one Ctrl+Z gives back the text as pasted. In a field outside
the record (the line that adds an attendee, a cell being edited) the next Ctrl+Z there
does the same. A line in the status bar says what was done.
"""

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QLineEdit,
    QMainWindow,
    QPlainTextEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from minutes_app.editing.editor import MeetingEditor
from minutes_app.legacy.codes import encoding_name
from minutes_app.legacy.pasted import convert_pasted

TextField = QLineEdit | QPlainTextEdit


class LegacyPaste(QObject):
    """The event filter that converts pastes, for every text field of a meeting window."""

    def __init__(self, editor: MeetingEditor, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        # A field outside the record: its text as pasted, and as converted.
        self._restore: tuple[TextField, str, str] | None = None

    def watch(self, widget: TextField) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QLineEdit | QPlainTextEdit) or watched.isReadOnly():
            return False
        if event.type() == QEvent.Type.ContextMenu:
            assert isinstance(event, QContextMenuEvent)
            self._context_menu(watched, event)
            return True
        if event.type() not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        assert isinstance(event, QKeyEvent)
        if event.matches(QKeySequence.StandardKey.Paste):
            if event.type() == QEvent.Type.KeyPress:
                return self.paste(watched)
            return False
        if event.matches(QKeySequence.StandardKey.Undo) and self._can_restore(watched):
            if event.type() == QEvent.Type.ShortcutOverride:
                event.accept()  # the key comes to the field, not to the window's undo
            else:
                self._undo_conversion(watched)
            return True
        return False

    def _context_menu(self, widget: TextField, event: QContextMenuEvent) -> None:
        menu = widget.createStandardContextMenu()
        for action in menu.actions():
            if action.objectName() == "edit-paste":
                action.triggered.disconnect()
                action.triggered.connect(lambda: self.paste(widget) or widget.paste())
        menu.exec(event.globalPos())
        menu.deleteLater()

    def paste(self, widget: TextField) -> bool:
        """Paste the clipboard into ``widget`` converted; False if it needs no conversion."""
        data = QApplication.clipboard().mimeData()
        if data is None or not data.hasText():
            return False
        pasted = data.text()
        found = convert_pasted(pasted, data.html() if data.hasHtml() else None)
        if found is None:
            return False
        converted, encodings = found
        history = self.editor.history
        self.editor.seal()
        steps = len(history.done)
        start = _insert(widget, pasted, None)
        as_pasted = _text(widget)
        self.editor.seal()
        _insert(widget, converted, start)
        self.editor.seal()
        # A field of the record made an undo step of each; another keeps the pasted text here.
        self._restore = None if len(history.done) > steps else (widget, as_pasted, _text(widget))
        names = ", ".join(sorted(encoding_name(e) for e in encodings))
        _message(widget, self.tr(
            "Đoạn dán được chuyển từ bảng mã {codes} sang Unicode; Ctrl+Z để giữ nguyên như khi dán."
        ).format(codes=names))
        return True

    def _can_restore(self, widget: TextField) -> bool:
        return self._restore is not None and self._restore[0] is widget and _text(widget) == self._restore[2]

    def _undo_conversion(self, widget: TextField) -> None:
        assert self._restore is not None
        as_pasted = self._restore[1]
        self._restore = None
        if isinstance(widget, QLineEdit):
            widget.setText(as_pasted)
        else:
            widget.setPlainText(as_pasted)
            widget.moveCursor(widget.textCursor().MoveOperation.End)


def _text(widget: TextField) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def _insert(widget: TextField, text: str, start: int | None) -> int:
    """Insert ``text`` in place of the selection, or of what follows ``start`` up to the
    cursor; returns where the inserted text starts."""
    if isinstance(widget, QLineEdit):
        if start is not None:
            widget.setSelection(start, widget.cursorPosition() - start)
        begin = widget.selectionStart() if widget.hasSelectedText() else widget.cursorPosition()
        widget.insert(text)
        return begin
    cursor = widget.textCursor()
    if start is not None:
        cursor.setPosition(start, cursor.MoveMode.KeepAnchor)
    begin = cursor.selectionStart()
    # A plain text field has one line break; the clipboard may bring Windows' pairs.
    cursor.insertText(text.replace("\r\n", "\n").replace("\r", "\n"))
    widget.setTextCursor(cursor)
    return begin


def _message(widget: QWidget, text: str) -> None:
    window = widget.window()
    if isinstance(window, QMainWindow):
        window.statusBar().showMessage(text, 15000)


class PasteDelegate(QStyledItemDelegate):
    """Table cells being edited convert pastes too."""

    def __init__(self, paste: LegacyPaste, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._paste = paste

    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit):
            self._paste.watch(editor)
        return editor
