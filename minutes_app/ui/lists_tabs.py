"""The Topics and Conclusions tabs: a line to add quickly, a table to edit in place."""

import uuid
from datetime import date

from PySide6.QtCore import QItemSelection, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minutes_app.editing.lookup import FoldedIndex
from minutes_app.model import Directive
from minutes_app.tasks import Status, task_status
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.carried_tasks import CarriedTasksBox
from minutes_app.ui.completion import FoldedCompleter
from minutes_app.ui.dates import parse_date, show_date
from minutes_app.ui.fields import UndoKeys, route_undo_keys
from minutes_app.ui.row_table import Column, RowTableModel
from minutes_app.ui.settings import Settings
from minutes_app.ui.table_keys import install_row_keys, reorder_hint
from minutes_app.ui.task_panel import TaskPanel
from minutes_app.ui.task_register_model import status_brush


def _table(model: RowTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.setWordWrap(True)
    return table


class TopicsTab(QWidget):
    def __init__(self, bridge: EditorBridge, keys: UndoKeys) -> None:
        super().__init__()
        self.editor = bridge.editor
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Vấn đề thảo luận, Enter để thêm"))
        self.title.setAccessibleName(self.tr("Vấn đề thảo luận mới"))
        self.title.returnPressed.connect(self.add_typed)
        route_undo_keys(self.title, keys)
        add = QPushButton(self.tr("&Thêm"))
        add.setAccessibleName(self.tr("Thêm vấn đề"))
        add.clicked.connect(self.add_typed)
        self.model = RowTableModel(bridge, "topics", [
            Column(self.tr("Vấn đề"), lambda t: t.title, lambda t, v: self.editor.set_field(t, "title", v)),
            Column(self.tr("Ghi chú"), lambda t: t.notes or "",
                   lambda t, v: self.editor.set_field(t, "notes", v.strip() or None)),
        ])
        self.table = _table(self.model, self.tr("Các vấn đề thảo luận"))
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 380)
        install_row_keys(self.table, self.model, self.editor)
        entry = QHBoxLayout()
        entry.addWidget(self.title, 1)
        entry.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(reorder_hint()))

    def add_typed(self) -> None:
        if self.title.text().strip():
            self.editor.add_topic(self.title.text().strip())
            self.title.clear()
            self.table.scrollToBottom()


class ConclusionsTab(QWidget):
    """The chair's directives: to whom, what, by when; each followed up as a task (the
    panel beside the table); above them, the tasks of the previous session reviewed."""

    def __init__(self, bridge: EditorBridge, keys: UndoKeys, settings: Settings) -> None:
        super().__init__()
        self.editor = bridge.editor
        self.settings = settings
        self.addressee = QLineEdit()
        self.addressee.setPlaceholderText(self.tr("Giao cho (cơ quan, đơn vị)"))
        self.addressee.setAccessibleName(self.tr("Cơ quan được giao nhiệm vụ"))
        self.completer: FoldedCompleter[str] = FoldedCompleter(self.addressee, str, self._pick_addressee)
        self.content = QLineEdit()
        self.content.setPlaceholderText(self.tr("Nhiệm vụ"))
        self.content.setAccessibleName(self.tr("Nhiệm vụ được giao"))
        self.deadline = QLineEdit()
        self.deadline.setPlaceholderText(self.tr("Hạn (ngày/tháng/năm)"))
        self.deadline.setAccessibleName(self.tr("Thời hạn hoàn thành"))
        self.deadline.setMaximumWidth(150)
        for line in (self.addressee, self.content, self.deadline):
            line.returnPressed.connect(self._return_pressed)
            route_undo_keys(line, keys)
        add = QPushButton(self.tr("&Thêm"))
        add.setAccessibleName(self.tr("Thêm kết luận"))
        add.clicked.connect(self.add_typed)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Thông báo"))

        self.model = RowTableModel(bridge, "directives", [
            Column(self.tr("Giao cho"), lambda d: d.addressee,
                   lambda d, v: self.editor.set_field(d, "addressee", v.strip())),
            Column(self.tr("Nhiệm vụ"), lambda d: d.content, lambda d, v: self.editor.set_field(d, "content", v)),
            Column(self.tr("Thời hạn"), lambda d: show_date(d.deadline), self._write_deadline),
            Column(self.tr("Trạng thái"), lambda d: self._status(d).label,
                   background=lambda d: status_brush(self._status(d))),
        ])
        self.table = _table(self.model, self.tr("Các kết luận, nhiệm vụ được giao"))
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(2, 95)
        self.table.setColumnWidth(3, 150)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        install_row_keys(self.table, self.model, self.editor)
        self.panel = TaskPanel(bridge, keys, settings)
        self.table.selectionModel().selectionChanged.connect(self._chosen)
        self.carried = CarriedTasksBox(bridge)

        entry = QHBoxLayout()
        entry.addWidget(self.addressee, 2)
        entry.addWidget(self.content, 4)
        entry.addWidget(self.deadline, 1)
        entry.addWidget(add)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([860, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(self.carried)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addWidget(splitter, 1)
        layout.addWidget(QLabel(reorder_hint()))

    def set_addressees(self, known: list[str]) -> None:
        """The directory of bodies, offered for the addressee and the unit in charge."""
        self.completer.set_items(FoldedIndex((a, a) for a in known))
        self.panel.set_bodies(known)

    def _status(self, directive: Directive) -> Status:
        return task_status(directive, date.today(), self.settings.due_soon_days)

    def _chosen(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        index = self.table.currentIndex()
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else (index.row() if index.isValid() else -1)
        self.panel.show_directive(self.model.row_at(row) if 0 <= row < self.model.rowCount() else None)

    def show_task(self, task_id: object) -> bool:
        """Make the directive with this id (a UUID, or its text) the chosen one."""
        wanted = uuid.UUID(str(task_id))
        for row, directive in enumerate(self.model.rows):
            if directive.id == wanted:
                self.table.selectRow(row)
                self.table.scrollTo(self.model.index(row, 0))
                self.table.setFocus()
                return True
        return False

    def _pick_addressee(self, addressee: str) -> None:
        self.addressee.setText(addressee)
        self.content.setFocus()

    def _return_pressed(self) -> None:
        if self.sender() is self.addressee and self.completer.showing():
            self.completer.pick_first()
        elif self.sender() is self.addressee:
            self.content.setFocus()
        else:
            self.add_typed()

    def _deadline(self, text: str) -> tuple[bool, date | None]:
        try:
            return True, parse_date(text)
        except ValueError:
            self.message.setText(
                self.tr("Thời hạn “{text}” không hợp lệ: hãy gõ ngày/tháng/năm, ví dụ 31/8/2026.").format(text=text)
            )
            return False, None

    def _write_deadline(self, directive: Directive, text: str) -> None:
        ok, deadline = self._deadline(text)
        if ok:
            self.editor.set_field(directive, "deadline", deadline)

    def add_typed(self) -> Directive | None:
        if not self.addressee.text().strip() and not self.content.text().strip():
            return None
        ok, deadline = self._deadline(self.deadline.text())
        if not ok:
            self.deadline.setFocus()
            return None
        self.message.clear()
        directive = self.editor.add_directive(self.addressee.text().strip(), self.content.text().strip(), deadline)
        for line in (self.addressee, self.content, self.deadline):
            line.clear()
        self.addressee.setFocus()
        self.table.scrollToBottom()
        return directive
