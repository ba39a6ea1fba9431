"""The register of tasks ("Theo dõi nhiệm vụ"): every task of every meeting, filtered,
sorted, coloured by status and counted by status and unit; the meeting a task came from
opens with Enter; the register as filtered exports to Excel or as a report.

Keyboard first: Ctrl+F searches, Alt and the underlined letter reaches each filter,
Enter in the list opens the task, F5 reads the archive again (as does coming back to the
window after a change elsewhere).
"""

import threading
import time
import uuid
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minutes_app.archive import Archive
from minutes_app.documents import ExportError
from minutes_app.documents.output import write_file
from minutes_app.editing.lookup import FoldedIndex
from minutes_app.i18n import app_name
from minutes_app.task_register import COLUMNS, Register, Selection, TaskFilter, load_register, register_stamp
from minutes_app.task_reports import report_organizer, task_details, write_xlsx
from minutes_app.tasks import DONE, OPEN, STATUS_GROUPS, STATUSES, Status
from minutes_app.ui.completion import FoldedCompleter
from minutes_app.ui.dates import parse_date, show_date
from minutes_app.ui.exporting import ask_path
from minutes_app.ui.settings import Settings
from minutes_app.ui.task_register_model import RegisterModel, UnitCountsModel, number, status_brush

FILTER_DELAY_MS = 150
# Seconds after reading everything during which coming back to the window reads nothing.
RECHECK_AFTER = 2.0
# The tasks' details are read this long after the list is read, once it is on the screen:
# their reading, on a worker thread, would otherwise hold up the window's first paint.
DETAILS_AFTER_MS = 100
OpenTask = Callable[[int, uuid.UUID], object]


class _Details(QObject):
    """Reads the tasks' details (content, partners, leaders, the text search needs) on a
    worker thread, once the window shows the list and its counts."""

    ready = Signal(int)  # the reading it is for: an older one's details come too late

    def load(self, archive: Archive, register: Register, reading: int) -> None:
        def work() -> None:
            with archive.engine.connect() as connection:
                register.load_details(connection)
            # Worked out here, not when first asked for in the window.
            register.leaders  # noqa: B018
            for column in COLUMNS:
                register.order(column)
            self.ready.emit(reading)

        threading.Thread(target=work, name="register", daemon=True).start()


class TaskRegisterWindow(QMainWindow):
    def __init__(self, archive: Archive, settings: Settings, open_task: OpenTask, today: date | None = None) -> None:
        super().__init__()
        self.archive = archive
        self.settings = settings
        self.open_task = open_task
        self.fixed_today = today  # a day given (tests, the benchmark); else the real one at each reading
        self.open_results = True  # tests switch this off: there is no desktop to open an export on
        self.setWindowTitle(f"{app_name()} — {self.tr('Theo dõi nhiệm vụ')}")
        self.register: Register | None = None
        self.stamp: tuple[int, ...] = ()
        self.searchable = False  # the details are read: search, leaders, and every sort
        self.column, self.descending = "status", False
        self._read_at = 0.0
        self._reading = 0  # how many times the archive was read
        self.selection: Selection | None = None

        self._build_filters()
        self.model = RegisterModel(self.sort_by)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Danh sách nhiệm vụ"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        # Rows of one height: the view never measures a hundred thousand of them.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for name, width in zip(COLUMNS, (150, 180, 210, 420, 170, 300, 170, 95), strict=True):
            self.table.setColumnWidth(COLUMNS.index(name), width)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.activated.connect(lambda index: self.open_current())

        self.units = UnitCountsModel()
        self.unit_table = QTableView()
        self.unit_table.setModel(self.units)
        self.unit_table.setAccessibleName(self.tr("Số nhiệm vụ theo đơn vị chủ trì"))
        self.unit_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.unit_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.unit_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unit_table.verticalHeader().hide()
        self.unit_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # Fixed widths: measuring every row's text would take long.
        for column, width in enumerate((260, 80, *(150,) * len(STATUSES))):
            self.unit_table.setColumnWidth(column, width)
        self.unit_table.activated.connect(lambda index: self.choose_unit(self.units.unit(index.row())))

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.unit_table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(self.filters)
        layout.addLayout(self.chips)
        layout.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.shown = QLabel()
        self.shown.setAccessibleName(self.tr("Số nhiệm vụ đang hiện"))
        self.statusBar().addPermanentWidget(self.shown)

        self._timer = QTimer(self, singleShot=True, interval=FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply)
        self._details = _Details(self)
        self._details.ready.connect(self._details_ready)
        geometry = settings.geometry("tasks")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1366, 768)
        self.reload()

    # --- building ------------------------------------------------------------------

    def _line(self, placeholder: str, name: str) -> QLineEdit:
        line = QLineEdit()
        line.setPlaceholderText(placeholder)
        line.setAccessibleName(name)
        line.setClearButtonEnabled(True)
        line.textChanged.connect(lambda _text: self._timer.start())
        return line

    def _build_filters(self) -> None:
        self.search = self._line(self.tr("Tìm trong nội dung, đơn vị, kết quả (không cần dấu)…"),
                                 self.tr("Tìm nhiệm vụ"))
        self.search.returnPressed.connect(lambda: self.table.setFocus())
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Trạng thái"))
        self.status.addItem(self.tr("Mọi trạng thái"), frozenset())
        self.status.addItem(self.tr("Chưa hoàn thành"), OPEN)
        self.status.addItem(self.tr("Đã hoàn thành"), DONE)
        self.status.addItem(self.tr("Trễ hạn (quá hạn, hoàn thành quá hạn)"), STATUS_GROUPS["late"])
        for status in STATUSES:
            self.status.addItem(status.label, frozenset({status}))
        self.status.currentIndexChanged.connect(lambda _index: self.apply())
        self.unit = self._line(self.tr("Đơn vị chủ trì"), self.tr("Lọc theo đơn vị chủ trì"))
        self.unit_completer: FoldedCompleter[str] = FoldedCompleter(self.unit, str, self.unit.setText)
        self.meeting = self._line(self.tr("Tên cuộc họp"), self.tr("Lọc theo cuộc họp"))
        self.leader = QComboBox()
        self.leader.setAccessibleName(self.tr("Người chỉ đạo"))
        self.leader.addItem(self.tr("Mọi người chỉ đạo"), "")
        self.leader.currentIndexChanged.connect(lambda _index: self.apply())
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Thời gian giao nhiệm vụ"))
        for caption, key in ((self.tr("Mọi lúc"), ""), (self.tr("Tháng này"), "month"),
                             (self.tr("Quý này"), "quarter"), (self.tr("Năm nay"), "year"),
                             (self.tr("Năm trước"), "last-year")):
            self.period.addItem(caption, key)
        self.period.currentIndexChanged.connect(lambda _index: self._period_chosen())
        self.start = self._line(self.tr("từ ngày"), self.tr("Giao từ ngày"))
        self.end = self._line(self.tr("đến ngày"), self.tr("Giao đến ngày"))
        for line in (self.start, self.end):
            line.setMaximumWidth(110)

        self.filters = QGridLayout()
        cells = (
            (self.tr("Tì&m"), self.search, 0, 0, 3), (self.tr("Trạng t&hái"), self.status, 0, 4, 1),
            (self.tr("Đơn &vị"), self.unit, 0, 6, 1),
            (self.tr("&Cuộc họp"), self.meeting, 1, 0, 1), (self.tr("&Người chỉ đạo"), self.leader, 1, 2, 1),
            (self.tr("&Giao"), self.period, 1, 4, 1),
        )
        for text, widget, row, column, span in cells:
            label = QLabel(text)
            label.setBuddy(widget)
            self.filters.addWidget(label, row, column)
            self.filters.addWidget(widget, row, column + 1, 1, span)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(self.end)
        self.filters.addLayout(dates, 1, 6)
        self.filters.setColumnStretch(1, 3)
        self.filters.setColumnStretch(7, 2)

        # The counts of each status, in its colour; a click shows only that status.
        self.chips = QHBoxLayout()
        self.chip_buttons: dict[Status, QPushButton] = {}
        for status in STATUSES:
            chip = QPushButton()
            chip.setFlat(True)
            chip.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the status list is the keyboard's way
            colour = status_brush(status).color().name()
            chip.setStyleSheet(f"QPushButton {{ background: {colour}; color: black; border-radius: 3px; "
                               "padding: 4px 10px; }")
            chip.clicked.connect(lambda _=False, s=status: self.choose_status(s))
            self.chip_buttons[status] = chip
            self.chips.addWidget(chip)
        self.chips.addStretch(1)

    def _build_menus(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Tệp"))
        for text, slot, keys in (
            (self.tr("Xuất ra &Excel (XLSX)…"), lambda: self.export("xlsx"), "Ctrl+E"),
            (self.tr("Xuất &báo cáo tình hình thực hiện ra DOCX…"), lambda: self.export("docx"), None),
            (self.tr("Xuất báo cáo tình hình thực hiện ra &PDF…"), lambda: self.export("pdf"), "Ctrl+P"),
            (None, None, None),
            (self.tr("&Mở cuộc họp của nhiệm vụ"), self.open_current, "Ctrl+O"),
            (self.tr("Đọc &lại kho lưu trữ"), self.reload, "F5"),
            (self.tr("Bỏ mọi &điều kiện lọc"), self.clear_filters, "Ctrl+Shift+X"),
            (None, None, None),
            (self.tr("Đó&ng"), self.close, QKeySequence.StandardKey.Close),
        ):
            if text is None:
                menu.addSeparator()
                continue
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, run=slot: run())
            if keys is not None:
                action.setShortcut(QKeySequence(keys))
        find = self.menuBar().addAction(self.tr("Tìm"))
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.setVisible(False)
        self.addAction(find)
        find.triggered.connect(self.focus_search)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- reading the archive -------------------------------------------------------

    @property
    def today(self) -> date:
        return self.fixed_today or date.today()

    def reload(self) -> None:
        """Read every task again (the filters, the sort and the chosen task stay)."""
        chosen = self.current_task_id()
        with self.archive.engine.connect() as connection:
            self.stamp = register_stamp(connection)
            self.register = load_register(connection, self.today, self.settings.due_soon_days)
        self._read_at = time.monotonic()
        self._reading += 1
        self.searchable = False
        self.search.setPlaceholderText(self.tr("Đang chuẩn bị tìm kiếm…"))
        self.unit_completer.set_items(FoldedIndex((u, u) for u in self.register.units))
        self.apply()
        if chosen is not None:
            self.select_task(chosen)
        QTimer.singleShot(DETAILS_AFTER_MS, lambda reading=self._reading: self._load_details(reading))

    def _load_details(self, reading: int) -> None:
        if reading == self._reading and self.register is not None:
            self._details.load(self.archive, self.register, reading)

    def _details_ready(self, reading: int) -> None:
        register = self.register
        if reading != self._reading or register is None:
            return  # read again meanwhile
        self.searchable = True
        self.search.setPlaceholderText(self.tr("Tìm trong nội dung, đơn vị, kết quả (không cần dấu)…"))
        chosen = self.leader.currentData()
        self.leader.blockSignals(True)
        self.leader.clear()
        self.leader.addItem(self.tr("Mọi người chỉ đạo"), "")
        for name in sorted(register.leaders, key=str.casefold):
            self.leader.addItem(name, name)
        self.leader.setCurrentIndex(max(0, self.leader.findData(chosen)))
        self.leader.blockSignals(False)
        self.apply()  # the content shown, and a search or a sort asked for meanwhile

    def changeEvent(self, event: QEvent) -> None:
        # Back in the window after editing a task elsewhere: read what changed (not when
        # the window has just read everything, as when it opens).
        if (event.type() == QEvent.Type.ActivationChange and self.isActiveWindow() and self.register is not None
                and time.monotonic() - self._read_at > RECHECK_AFTER):
            with self.archive.engine.connect() as connection:
                changed = register_stamp(connection) != self.stamp
            if changed or self.register.today != self.today:
                self.reload()
        super().changeEvent(event)

    # --- filtering -----------------------------------------------------------------

    def wanted(self) -> TaskFilter:
        start, end = _date_or_none(self.start.text()), _date_or_none(self.end.text())
        return TaskFilter(
            statuses=self.status.currentData(),
            unit=self.unit.text(),
            meeting=self.meeting.text(),
            leader=self.leader.currentData() or "",
            assigned_from=start,
            assigned_to=end,
            text=self.search.text() if self.searchable else "",
        )

    def apply(self) -> None:
        """Show the tasks the filters let through, in the order chosen, with their counts."""
        if self.register is None:
            return
        self._timer.stop()
        chosen = self._current_task()
        # An order that needs the details waits for them (the usual one meanwhile).
        column = self.column if self.register.can_order(self.column) else "status"
        self.selection = self.register.select(self.wanted(), column, self.descending)
        self.model.show(self.register, self.selection.tasks)
        self.units.show(self.selection.counts)
        for status, chip in self.chip_buttons.items():
            chip.setText(f"{status.label}: {number(self.selection.counts.by_status[status])}")
        self.shown.setText(self.tr("{shown} / {total} nhiệm vụ · trạng thái tính đến ngày {today}").format(
            shown=number(len(self.selection.tasks)), total=number(len(self.register)), today=show_date(self.today)))
        if chosen < 0 or not self._select_row(chosen):
            self.table.selectRow(0)

    def sort_by(self, column: str, descending: bool) -> None:
        self.column, self.descending = column, descending
        self.apply()

    def choose_status(self, status: Status) -> None:
        self.status.setCurrentIndex(self.status.findText(status.label))

    def choose_unit(self, unit: str | None) -> None:
        self.unit.setText(unit or "")
        self.apply()

    def _period_chosen(self) -> None:
        start, end = _period(self.period.currentData(), self.today)
        for line, value in ((self.start, start), (self.end, end)):
            line.blockSignals(True)
            line.setText(show_date(value))
            line.blockSignals(False)
        self.apply()

    def clear_filters(self) -> None:
        for line in (self.search, self.unit, self.meeting, self.start, self.end):
            line.blockSignals(True)
            line.clear()
            line.blockSignals(False)
        for combo in (self.status, self.leader, self.period):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        self.apply()

    # --- the chosen task -----------------------------------------------------------

    def _current_task(self) -> int:
        """The task of the current row (its index in the register); -1 for none."""
        index = self.table.currentIndex()
        return self.model.task(index.row()) if index.isValid() and index.row() < len(self.model.tasks) else -1

    def current_task_id(self) -> uuid.UUID | None:
        task = self._current_task()
        return uuid.UUID(str(self.register.ids[task])) if task >= 0 and self.register is not None else None

    def select_task(self, task_id: uuid.UUID) -> bool:
        """Make the task with this id the current row, if it is shown."""
        assert self.register is not None
        return self._select_row(self.register.index_of(task_id.hex))

    def _select_row(self, task: int) -> bool:
        try:
            row = self.model.tasks.index(task)
        except ValueError:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def open_current(self) -> None:
        task_id = self.current_task_id()
        if task_id is not None and self.register is not None:
            task = self.model.task(self.table.currentIndex().row())
            self.open_task(self.register.meeting_ids[task], task_id)

    # --- exports -------------------------------------------------------------------

    def export(self, fmt: str) -> Path | None:
        """The tasks shown, in their order, as a workbook or a report; opened when written."""
        if self.register is None or self.selection is None:
            return None
        names = {"xlsx": self.tr("Theo dõi nhiệm vụ"), "docx": self.tr("Báo cáo tình hình thực hiện nhiệm vụ"),
                 "pdf": self.tr("Báo cáo tình hình thực hiện nhiệm vụ")}
        filters = {"xlsx": self.tr("Bảng tính Excel (*.xlsx)"), "docx": self.tr("Tài liệu Word (*.docx)"),
                   "pdf": self.tr("Tài liệu PDF (*.pdf)")}
        suggested = self.settings.last_folder / f"{self.today:%Y-%m-%d} {names[fmt]}.{fmt}"
        path = ask_path(self, names[fmt], suggested, filters[fmt], fmt, self.settings)
        if path is not None and self.export_to(fmt, path) and self.open_results:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def export_to(self, fmt: str, path: Path) -> bool:
        """Write the tasks shown to ``path``; on failure say why in the window."""
        assert self.register is not None and self.selection is not None
        ids = [self.register.ids[i] for i in self.selection.tasks]
        wanted = self.wanted()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self.archive.sessions() as session:
                details = task_details(session, ids, self.register.today, self.register.soon_days)
                if fmt == "xlsx":
                    data = write_xlsx(details, self.register.today)
                else:
                    from minutes_app.documents.task_report import ReportScope, render_task_report

                    scope = ReportScope(self.register.today, report_organizer(session, details),
                                        wanted.assigned_from, wanted.assigned_to)
                    data = render_task_report(details, scope, fmt)
            write_file(path, data)
        except ExportError as error:
            self.statusBar().showMessage(str(error), 15000)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.statusBar().showMessage(self.tr("Đã xuất {count} nhiệm vụ ra {file}").format(
            count=number(len(details)), file=path), 15000)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.set_geometry("tasks", bytes(self.saveGeometry().data()))
        event.accept()


def _date_or_none(text: str) -> date | None:
    try:
        return parse_date(text)
    except ValueError:
        return None


def _period(key: str, today: date) -> tuple[date | None, date | None]:
    """The first and last day of a period named in the list ('quarter': this quarter)."""
    if key == "month":
        start = today.replace(day=1)
        return start, (start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    if key == "quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        start = today.replace(month=first_month, day=1)
        return start, (start + timedelta(days=95)).replace(day=1) - timedelta(days=1)
    if key == "year":
        return date(today.year, 1, 1), date(today.year, 12, 31)
    if key == "last-year":
        return date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)
    return None, None
