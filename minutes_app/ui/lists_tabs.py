"""The Topics and Conclusions tabs: a line to add quickly, a table to edit in place."""

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minutes_app.editing.lookup import FoldedIndex
from minutes_app.model import Directive
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.completion import FoldedCompleter
from minutes_app.ui.fields import UndoKeys, route_undo_keys
from minutes_app.ui.row_table import Column, RowTableModel
from minutes_app.ui.table_keys import install_row_keys, reorder_hint


def parse_date(text: str) -> date | None:
    """'31/8/2026' -> date(2026, 8, 31); raises ValueError for anything else but blank."""
    text = text.strip()
    if not text:
        return None
    day, month, year = (int(part) for part in text.replace("-", "/").replace(".", "/").split("/"))
    return date(year, month, day)


def show_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


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
    """The chair's directives: to whom, what, by when."""

    def __init__(self, bridge: EditorBridge, keys: UndoKeys) -> None:
        super().__init__()
        self.editor = bridge.editor
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
        ])
        self.table = _table(self.model, self.tr("Các kết luận, nhiệm vụ được giao"))
        self.table.setColumnWidth(0, 260)
        self.table.setColumnWidth(2, 110)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        install_row_keys(self.table, self.model, self.editor)

        entry = QHBoxLayout()
        entry.addWidget(self.addressee, 2)
        entry.addWidget(self.content, 4)
        entry.addWidget(self.deadline, 1)
        entry.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel(reorder_hint()))

    def set_addressees(self, known: list[str]) -> None:
        self.completer.set_items(FoldedIndex((a, a) for a in known))

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
