"""Keyboard moves for the tables of the meeting: Delete removes, Alt+Up/Down reorder; a paste
in an old code into a cell being edited is converted."""

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QTableView

from minutes_app.editing.editor import MeetingEditor
from minutes_app.ui.legacy_paste import LegacyPaste, PasteDelegate
from minutes_app.ui.row_table import RowTableModel


def reorder_hint() -> str:
    """The line under each table that says how to reorder and delete."""
    return QCoreApplication.translate("RowKeys", "Kéo thả hoặc Alt+↑/Alt+↓ để đổi thứ tự; Delete để xóa.")


def install_row_keys(view: QTableView, model: RowTableModel, editor: MeetingEditor) -> None:
    view.setItemDelegate(PasteDelegate(LegacyPaste(editor, view), view))

    def current() -> int:
        return view.currentIndex().row() if view.currentIndex().isValid() else -1

    def delete() -> None:
        row = current()
        if row >= 0:
            editor.delete(model.row_at(row))

    def move(step: int) -> None:
        row = current()
        target = row + step
        if row >= 0 and 0 <= target < model.rowCount():
            editor.move(model.row_at(row), target)
            view.setCurrentIndex(model.index(target, view.currentIndex().column()))

    context = Qt.ShortcutContext.WidgetShortcut
    for keys, action in (
        (QKeySequence.StandardKey.Delete, delete),
        (QKeySequence("Alt+Up"), lambda: move(-1)),
        (QKeySequence("Alt+Down"), lambda: move(1)),
    ):
        shortcut = QShortcut(keys, view, action)
        shortcut.setContext(context)
