"""A table model over one list of the open meeting (attendees, topics, directives...).

Cells are read from the rows and written through the editor; the editor's events keep
the view in step after undo and redo. Rows can be dragged to a new place.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from minutes_app.editing.editor import FieldChanged, RowInserted, RowMoved, RowRemoved
from minutes_app.ui.bridge import EditorBridge

_MIME = "application/x-minutes-app-row"
Index = QModelIndex | QPersistentModelIndex
# The invisible root: the parent of every row of a flat table.
ROOT = QModelIndex()
# A cell the view has not asked for yet.
_UNSEEN = object()


@dataclass(frozen=True)
class Column:
    header: str
    read: Callable[[Any], Any]  # str for text, bool for a check box
    write: Callable[[Any, Any], None] | None = None
    check: bool = False
    # Fields whose change shows in this column (for refreshes after undo).
    fields: tuple[str, ...] = ()
    # The cell's colour, if it has one (a task's status).
    background: Callable[[Any], Any] | None = None


class RowTableModel(QAbstractTableModel):
    def __init__(self, bridge: EditorBridge, collection: str, columns: list[Column]) -> None:
        super().__init__(bridge)
        self.editor = bridge.editor
        self.collection = collection
        self.columns = columns
        self._positions: dict[int, int] | None = None
        self._shown: dict[tuple[int, int], Any] = {}  # (row's id(), column): the value last shown
        bridge.changed.connect(self._changed)

    @property
    def rows(self) -> list[Any]:
        return getattr(self.editor.meeting, self.collection)

    def row_at(self, row: int) -> Any:
        return self.rows[row]

    def index_of(self, item: Any) -> int:
        if self._positions is None:
            self._positions = {id(r): i for i, r in enumerate(self.rows)}
        return self._positions.get(id(item), -1)

    # --- reading -------------------------------------------------------------------

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return str(section + 1)

    def _valid(self, index: Index) -> bool:
        # The editor tells after a row has gone: the view may still ask about the old count.
        return index.isValid() and index.row() < len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self._valid(index):
            return None
        column = self.columns[index.column()]
        # A view asks for a dozen roles per cell at each paint: read the row only for ours.
        if column.check:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if self._read(index) else Qt.CheckState.Unchecked
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return self._read(index)
        if role == Qt.ItemDataRole.BackgroundRole and column.background is not None:
            return column.background(self.rows[index.row()])
        return None

    def _read(self, index: Index) -> Any:
        """A cell's value, remembered as the view's: a change that leaves it the same repaints nothing."""
        row = self.rows[index.row()]
        value = self.columns[index.column()].read(row)
        self._shown[id(row), index.column()] = value
        return value

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not self._valid(index):
            return base
        flags = base | Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        column = self.columns[index.column()]
        if column.write is not None:
            flags |= Qt.ItemFlag.ItemIsUserCheckable if column.check else Qt.ItemFlag.ItemIsEditable
        return flags

    # --- writing -------------------------------------------------------------------

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        column = self.columns[index.column()]
        if column.write is None or not self._valid(index):
            return False
        if column.check and role == Qt.ItemDataRole.CheckStateRole:
            column.write(self.rows[index.row()], Qt.CheckState(value) == Qt.CheckState.Checked)
            return True
        if role == Qt.ItemDataRole.EditRole:
            column.write(self.rows[index.row()], str(value))
            return True
        return False

    # --- moving rows by drag and drop ----------------------------------------------

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        rows = sorted({i.row() for i in indexes})
        data.setData(_MIME, QByteArray(str(rows[0] if rows else -1).encode()))
        return data

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index) -> bool:
        if action != Qt.DropAction.MoveAction or not data.hasFormat(_MIME):
            return False
        source = int(bytes(data.data(_MIME).data()).decode())
        target = row if row >= 0 else (parent.row() if parent.isValid() else len(self.rows))
        if source < 0:
            return False
        if target > source:
            target -= 1
        self.editor.move(self.rows[source], min(target, len(self.rows) - 1))
        # The move is done: False keeps the view from removing the dragged row itself.
        return False

    # --- the editor's events -------------------------------------------------------

    def _changed(self, event: object) -> None:
        match event:
            case RowInserted(collection=self.collection, index=i):
                self._positions = None
                self.beginInsertRows(QModelIndex(), i, i)
                self.endInsertRows()
            case RowRemoved(collection=self.collection, index=i):
                # The row is already gone from the list; the view only needs the count.
                self._positions = None
                self._shown.clear()  # a new row may get the removed one's id()
                self.beginRemoveRows(QModelIndex(), i, i)
                self.endRemoveRows()
            case RowMoved(collection=self.collection, source=s, target=t):
                self._positions = None
                top, bottom = min(s, t), max(s, t)
                self.dataChanged.emit(self.index(top, 0), self.index(bottom, len(self.columns) - 1))
            case FieldChanged(row=row, name=name):
                self._field_changed(row, name)

    def _field_changed(self, row: Any, name: str) -> None:
        found = self.index_of(row)
        if found < 0:
            if not any(name in c.fields for c in self.columns):
                return
            # A person's name: shown on the attendance that refers to them.
            found = next((i for i, r in enumerate(self.rows) if getattr(r, "person", None) is row), -1)
            if found < 0:
                return
        # Only the cells that show something else: typing at the end of a long summary
        # leaves its first words, which the table shows, as they were.
        item = self.rows[found]
        changed = []
        for i, column in enumerate(self.columns):
            value = column.read(item)
            if self._shown.get((id(item), i), _UNSEEN) != value:
                self._shown[id(item), i] = value  # as the view will show it
                changed.append(i)
        if changed:
            self.dataChanged.emit(self.index(found, min(changed)), self.index(found, max(changed)))
