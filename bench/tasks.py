"""The task register over every task of the archive: opening its window, and each change
of a filter or of the sort until the list and the counts are shown again."""

import statistics
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from bench.context import Context, Measured
from bench.data import TASKS_TODAY
from bench.window import application, idle, settings, wait_until
from minutes_app.archive import Archive, open_archive
from minutes_app.tasks import Status
from minutes_app.ui.task_register import TaskRegisterWindow

# Words typed in the search box and the unit and meeting filters, diacritics or not.
SEARCHES = ("ke hoach", "giải phóng mặt bằng", "ha tang mang vien thong", "kinh phí", "khong co viec nay")
UNITS = ("so y te", "Sở Tài chính", "ubnd huyen tan phu", "thanh tra")
MEETINGS = ("giao ban", "chuyen doi so", "tổng kết")


def _window(archive: Archive, context: Context) -> TaskRegisterWindow:
    window = TaskRegisterWindow(archive, settings(context), lambda meeting, task: None, TASKS_TODAY)
    window.resize(1366, 768)
    window.show()
    return window


def _searchable(window: TaskRegisterWindow) -> Callable[[], bool]:
    return lambda: window.searchable


def _changes(window: TaskRegisterWindow) -> list[tuple[str, Callable[[], None]]]:
    """Each change a secretary makes in the register, and how to take it back."""

    def text(line: QLineEdit, value: str) -> Callable[[], None]:
        return lambda: line.setText(value)

    def status_chosen(name: str) -> Callable[[], None]:
        return lambda: window.status.setCurrentIndex(window.status.findText(name))

    def sort(column: int, order: Qt.SortOrder) -> Callable[[], None]:
        return lambda: window.table.sortByColumn(column, order)

    changes: list[tuple[str, Callable[[], None]]] = []
    for status in ("Chưa hoàn thành", Status.OVERDUE.label, Status.DUE_SOON.label, "Đã hoàn thành"):
        changes.append((f"status {status}", status_chosen(status)))
    changes += [(f"search {s}", text(window.search, s)) for s in SEARCHES]
    changes += [(f"unit {u}", text(window.unit, u)) for u in UNITS]
    changes += [(f"meeting {m}", text(window.meeting, m)) for m in MEETINGS]
    changes.append(("period last year", lambda: window.period.setCurrentIndex(window.period.findData("last-year"))))
    changes.append(("leader", lambda: window.leader.setCurrentIndex(7)))
    for column in range(8):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            changes.append((f"sort {column} {order.name}", sort(column, order)))
    return changes


def task_register(context: Context) -> Measured:
    app = application()
    measured = Measured()
    # The processor time beside the time waited: on a machine others share, the first
    # says what the work costs, however long it had to wait for a core.
    cpu: dict[str, list[float]] = {"open": [], "filter": []}
    with open_archive(context.url) as archive:
        for _ in range(context.repeats):
            started, used = time.perf_counter(), time.process_time()
            window = _window(archive, context)
            app.processEvents()
            measured.add("task_register_open", time.perf_counter() - started)
            cpu["open"].append(time.process_time() - used)
            wait_until(_searchable(window))  # its search is ready before the next one opens
            window.hide()
            window.deleteLater()
            idle(100)

        window = _window(archive, context)
        app.processEvents()
        wait_until(lambda: window.searchable)
        shown: dict[str, int] = {}
        for _ in range(context.repeats):
            for name, change in _changes(window):
                started, used = time.perf_counter(), time.process_time()
                change()
                window.apply()  # at once: the 150 ms the window waits after typing is not counted
                app.processEvents()
                measured.add("task_register_filter", time.perf_counter() - started)
                cpu["filter"].append(time.process_time() - used)
                shown[name] = window.model.rowCount()
                window.clear_filters()
                app.processEvents()
                idle(20)
        register, selection = window.register, window.selection
        assert register is not None and selection is not None
        measured.facts["tasks in the register"] = len(register)
        measured.facts["tasks by status on the register's day"] = {
            status.value: selection.counts.by_status[status] for status in Status}
        measured.facts["tasks shown after each change"] = shown
        measured.facts["task register, processor time (ms): opening median, filter or sort median and p95"] = [
            round(1000 * statistics.median(cpu["open"]), 1), round(1000 * statistics.median(cpu["filter"]), 1),
            round(1000 * sorted(cpu["filter"])[int(0.95 * len(cpu["filter"])) - 1], 1)]
        if context.screenshot:
            _screenshot(window, Path(context.screenshot))
        window.hide()
    return measured


def _screenshot(window: TaskRegisterWindow, path: Path) -> None:
    """The register as the user guide shows it: the tasks given last year, the newest
    meetings' first (deadlines around the register's day: tasks of every status)."""
    window.period.setCurrentIndex(window.period.findData("last-year"))
    window.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    window.table.setFocus()
    window.table.selectRow(2)
    idle(200)
    path.parent.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(path))

