"""The register's tables: the tasks of a selection, and their counts by unit in charge.

Both read straight from the core's Register (columns of a hundred thousand tasks): a
view asks only for the cells it shows, so nothing is prepared for the rows out of sight.
"""

from collections import Counter
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from minutes_app.task_register import COLUMNS, Counts, Register
from minutes_app.task_reports import STATUS_FILLS
from minutes_app.tasks import STATUSES, Status, recurrence_label
from minutes_app.ui.row_table import ROOT, Index

# The text of a content cell: the start of a long task (all of it in the tooltip).
SHOWN = 160
_DISPLAY = Qt.ItemDataRole.DisplayRole
_TOOLTIP = Qt.ItemDataRole.ToolTipRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_ANSWERED = frozenset({_DISPLAY, _TOOLTIP, _BACKGROUND, Qt.ItemDataRole.ForegroundRole})
_ANSWERED_COUNTS = frozenset({_DISPLAY, _TOOLTIP, _BACKGROUND, Qt.ItemDataRole.TextAlignmentRole,
                              Qt.ItemDataRole.FontRole})


def status_brush(status: Status) -> QBrush:
    return QBrush(QColor(f"#{STATUS_FILLS[status]}"))


def day(iso: str | None) -> str:
    """'2026-11-30' -> '30/11/2026'."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if iso else ""


class RegisterModel(QAbstractTableModel):
    """The tasks of the register as it is filtered and sorted, one row each."""

    def __init__(self, sort: Callable[[str, bool], None]) -> None:
        super().__init__()
        self.register: Register | None = None
        self.tasks: list[int] = []
        self._sort = sort
        self.headers = {
            "status": self.tr("Trạng thái"), "deadline": self.tr("Thời hạn"), "unit": self.tr("Đơn vị chủ trì"),
            "content": self.tr("Nội dung nhiệm vụ"), "partners": self.tr("Phối hợp"),
            "meeting": self.tr("Cuộc họp"), "leader": self.tr("Người chỉ đạo"), "done": self.tr("Hoàn thành"),
        }
        self._brushes = {status: status_brush(status) for status in STATUSES}
        self._black = QBrush(QColor("black"))

    def show(self, register: Register, tasks: list[int]) -> None:
        self.beginResetModel()
        self.register, self.tasks = register, tasks
        self.endResetModel()

    def task(self, row: int) -> int:
        return self.tasks[row]

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.tasks)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers[COLUMNS[section]]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        # A view asks a dozen roles of each cell at each paint: the others are answered first.
        if role not in _ANSWERED:
            return None
        row, column = index.row(), COLUMNS[index.column()]
        if self.register is None or row >= len(self.tasks):
            return None
        task = self.tasks[row]
        if role == _DISPLAY:
            return self._text(column, task, full=False)
        if role == _TOOLTIP:
            return self._text(column, task, full=True)
        if column != "status":
            return None
        return self._brushes[self.register.status(task)] if role == _BACKGROUND else self._black

    def _text(self, column: str, task: int, full: bool) -> str:
        register = self.register
        assert register is not None
        match column:
            case "status":
                return register.status(task).label
            case "deadline":
                due = day(register.deadlines[task])
                recurring = recurrence_label(register.recurrences[task])
                if recurring and due:
                    text = self.tr("{recurrence}, đến {date}").format(recurrence=recurring, date=due)
                else:
                    text = recurring or due
                return self.tr("{deadline} (gia hạn)").format(deadline=text) if register.extended[task] else text
            case "unit":
                return register.unit(task)
            case "content":
                if not register.details:
                    return "…"  # read a moment after the window opens
                content = register.contents[task]
                return content if full or len(content) <= SHOWN else content[: SHOWN - 1] + "…"
            case "partners":
                return register.partners(task)
            case "meeting":
                info = register.meetings[register.meeting_ids[task]]
                return f"{day(info.day)} · {info.title}"
            case "leader":
                return register.leader(task)
            case _:
                return day(register.done[task])


class UnitCountsModel(QAbstractTableModel):
    """Tasks per unit in charge and status, the unit with the most first, under a line for
    all units together."""

    def __init__(self) -> None:
        super().__init__()
        self.units: list[tuple[str, Counter[Status]]] = []
        self.headers = [self.tr("Đơn vị chủ trì"), self.tr("Tổng"), *(s.label for s in STATUSES)]
        self._brushes = {status: status_brush(status) for status in STATUSES}
        self._bold = QFont()
        self._bold.setBold(True)

    def show(self, counts: Counts) -> None:
        self.beginResetModel()
        ranked = sorted(counts.by_unit.items(), key=lambda unit: (-sum(unit[1].values()), unit[0]))
        self.units = [(self.tr("Tất cả các đơn vị"), counts.by_status), *ranked]
        self.endResetModel()

    def unit(self, row: int) -> str | None:
        """The unit of a row; None for the line of all units."""
        return self.units[row][0] if row > 0 else None

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY) -> Any:
        if role == _DISPLAY and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = _DISPLAY) -> Any:
        if role not in _ANSWERED_COUNTS:
            return None
        row, column = index.row(), index.column()
        if row >= len(self.units):
            return None
        unit, counted = self.units[row]
        if role == Qt.ItemDataRole.BackgroundRole and column >= 2 and counted[STATUSES[column - 2]]:
            return self._brushes[STATUSES[column - 2]]
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 1:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and row == 0:
            return self._bold
        if role not in (_DISPLAY, _TOOLTIP):
            return None
        if column == 0:
            return unit
        value = sum(counted.values()) if column == 1 else counted[STATUSES[column - 2]]
        return number(value)


def number(value: int) -> str:
    """'4.569', as Vietnamese writes thousands."""
    return f"{value:,}".replace(",", ".")
