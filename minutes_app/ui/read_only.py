"""Read-only widgets while the record is final, for any part of the window that joins.

A part joins with ``ReadOnlyLock.join(widget)``: while locked, every editor inside it,
now or added later (a tab added to a joined tab widget, an article paragraph rebuilt),
stops editing: text fields become read-only (still selectable and copied from),
buttons, lists to choose from and check boxes are disabled, tables edit nothing and
drag nothing, drops and keyboard shortcuts are off. A widget that works on a final
record too (export, print, playing a recording, a task's follow-up) says so with
``works_when_read_only``; what is inside it is left alone as well.
"""

from PySide6.QtCore import QChildEvent, QEvent, QObject, QTimer
from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

_TEXT = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox)
_LOOK = "".join(
    f' {kind.__name__}[readOnly="true"] {{ background-color: #efefef; color: #1a1a1a; }}' for kind in _TEXT
)
_KEEP = "worksWhenReadOnly"
_SAVED = "readOnlyLockSaved"  # what the widget was before it was locked


def works_when_read_only(widget: QObject) -> None:
    """Leave ``widget`` (and what it holds) working while the record is final."""
    widget.setProperty(_KEEP, True)


class ReadOnlyLock(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locked = False
        self._roots: list[QWidget] = []
        self._locking = False  # our own changes to a widget echo back as events

    def join(self, root: QWidget) -> None:
        self._roots.append(root)
        # Read-only text looks it: grey, not the white of a field waiting for typing.
        root.setStyleSheet(root.styleSheet() + _LOOK)
        if self.locked:
            self._apply(root, True)

    def set_locked(self, locked: bool) -> None:
        if locked == self.locked:
            return
        self.locked = locked
        for root in self._roots:
            self._apply(root, locked)

    def _kept(self, widget: QObject) -> bool:
        """Whether the widget, or what holds it inside a joined part, works when read-only."""
        found: QObject | None = widget
        while found is not None:
            if found.property(_KEEP):
                return True
            if found in self._roots:
                return False
            found = found.parent()
        return False

    def _apply(self, root: QWidget, locked: bool) -> None:
        for widget in [root, *root.findChildren(QWidget)]:
            if locked:
                widget.installEventFilter(self)
            else:
                widget.removeEventFilter(self)
            if not self._kept(widget):
                self._set(widget, locked)
        for shortcut in root.findChildren(QShortcut):
            if not self._kept(shortcut):
                self._set_shortcut(shortcut, locked)

    def _set(self, widget: QWidget, locked: bool) -> None:
        self._locking = True
        try:
            if locked:
                if widget.property(_SAVED) is None:
                    widget.setProperty(_SAVED, self._state(widget))
                    self._lock(widget)
            else:
                saved = widget.property(_SAVED)
                if saved is not None:
                    self._restore(widget, saved)
                    widget.setProperty(_SAVED, None)
        finally:
            self._locking = False

    @staticmethod
    def _state(widget: QWidget) -> list[int]:
        """What locking changes: [accepts drops, read-only or enabled, edit triggers, drag
        mode], -1 where it does not apply."""
        state = [int(widget.acceptDrops()), -1, -1, -1]
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            state[1] = int(widget.isReadOnly())
        elif isinstance(widget, QAbstractButton | QComboBox):
            state[1] = int(widget.isEnabled())
        if isinstance(widget, QAbstractItemView):
            state[2:] = [int(widget.editTriggers().value), widget.dragDropMode().value]
        return state

    @staticmethod
    def _lock(widget: QWidget) -> None:
        widget.setAcceptDrops(False)
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            widget.setReadOnly(True)
            _restyle(widget)
        elif isinstance(widget, QAbstractButton | QComboBox):
            widget.setEnabled(False)
        if isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            widget.setDragDropMode(QAbstractItemView.DragDropMode.NoDragDrop)

    @staticmethod
    def _restore(widget: QWidget, saved: list[int]) -> None:
        widget.setAcceptDrops(bool(saved[0]))
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit | QAbstractSpinBox):
            widget.setReadOnly(bool(saved[1]))
            _restyle(widget)
        elif isinstance(widget, QAbstractButton | QComboBox):
            widget.setEnabled(bool(saved[1]))
        if isinstance(widget, QAbstractItemView):
            widget.setEditTriggers(QAbstractItemView.EditTrigger(saved[2]))
            widget.setDragDropMode(QAbstractItemView.DragDropMode(saved[3]))

    @staticmethod
    def _set_shortcut(shortcut: QShortcut, locked: bool) -> None:
        if locked and shortcut.property(_SAVED) is None:
            shortcut.setProperty(_SAVED, int(shortcut.isEnabled()))
            shortcut.setEnabled(False)
        elif not locked and shortcut.property(_SAVED) is not None:
            shortcut.setEnabled(bool(shortcut.property(_SAVED)))
            shortcut.setProperty(_SAVED, None)

    def _lock_shortcuts(self, root: QWidget) -> None:
        if self.locked:
            for shortcut in root.findChildren(QShortcut):
                if not self._kept(shortcut):
                    self._set_shortcut(shortcut, True)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.locked or self._locking:
            return False
        kind = event.type()
        if kind == QEvent.Type.ChildPolished and isinstance(event, QChildEvent):
            # A widget added inside a locked part (a rebuilt paragraph, a new tab), whole
            # now, before it is shown.
            child = event.child()
            if isinstance(child, QWidget) and child.property(_SAVED) is None:
                self._apply(child, True)
        elif kind == QEvent.Type.ChildAdded and isinstance(event, QChildEvent):
            # A shortcut is half made when it is added: it is locked once the event loop runs.
            if isinstance(event.child(), QShortcut) and isinstance(watched, QWidget):
                QTimer.singleShot(0, self, lambda root=watched: self._lock_shortcuts(root))
        elif kind == QEvent.Type.EnabledChange and isinstance(watched, QAbstractButton | QComboBox):
            # The part enabled it for its own reasons: that is what it gets back unlocked.
            if watched.isEnabled() and watched.property(_SAVED) is not None and not self._kept(watched):
                saved = watched.property(_SAVED)
                self._locking = True
                try:
                    watched.setProperty(_SAVED, [saved[0], 1, *saved[2:]])
                    watched.setEnabled(False)
                finally:
                    self._locking = False
        elif kind == QEvent.Type.ReadOnlyChange and isinstance(watched, QLineEdit | QPlainTextEdit | QTextEdit):
            if not watched.isReadOnly() and not self._kept(watched):
                self._locking = True
                try:
                    watched.setReadOnly(True)
                finally:
                    self._locking = False
        return False


def _restyle(widget: QWidget) -> None:
    """Apply the style sheet again: it reads ``readOnly`` only when a widget is polished."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
