"""The log of speeches, the main part of the Proceedings tab: one row a speech, the newest
at the bottom, the time, speaker and kind always shown, the summary wrapped.

Each row is as tall as its summary, up to as many lines as leave room for MIN_ROWS rows
in the log's height: on a small screen the secretary still sees the last eight speeches.
What does not fit ends with "…" on the last line shown (a summary longer than any row
could show is first cut between words, so typing at its end repaints nothing).
"""

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from minutes_app.model import Speech, SpeechKind
from minutes_app.text import cut_at_word
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.row_table import Column, Index, RowTableModel

MIN_ROWS = 8  # rows the log always has room for
MAX_LINES = 6  # of a summary, however tall the log
SHOWN_CHARS = 900  # more than the widest log shows on MAX_LINES lines
PADDING = 3  # above and below the text of a row
TIME, SPEAKER, KIND, SUMMARY, DURATION = range(5)
WRAPPED = (SPEAKER, SUMMARY)
UNNAMED_COLOUR = QColor("#666666")
PLAYING = QColor("#ffe08a")


def shown_summary(text: str) -> str:
    return cut_at_word(text, SHOWN_CHARS, "…")


def text_lines(text: str, font: QFont, width: int) -> QTextLayout:
    """``text`` broken into lines ``width`` pixels wide, between words where it can."""
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
    layout.endLayout()
    return layout


class SpeechLogModel(RowTableModel):
    """The speeches as the log shows them; a speech nobody is named for says so, greyed."""

    def __init__(
        self, bridge: EditorBridge, kind_names: dict[SpeechKind, str], speaker: Callable[[Speech], str],
        speaking_time: Callable[[Speech], str],
    ) -> None:
        super().__init__(bridge, "speeches", [])
        self._speaker = speaker
        unnamed = self.tr("(không nêu tên)")
        self.columns = [
            Column(self.tr("Giờ"), lambda s: s.at.strftime("%H:%M:%S") if s.at else ""),
            Column(self.tr("Người phát biểu"), lambda s: speaker(s) or unnamed, fields=("name",)),
            Column(self.tr("Loại"), lambda s: kind_names.get(s.kind, s.kind)),
            Column(self.tr("Tóm tắt"), lambda s: shown_summary(s.summary)),
            Column(self.tr("Thời lượng"), speaking_time),
        ]

    def named(self, row: int) -> bool:
        return bool(self._speaker(self.row_at(row)))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == SPEAKER and self._valid(index):
            return None if self.named(index.row()) else UNNAMED_COLOUR
        return super().data(index, role)


class LogDelegate(QStyledItemDelegate):
    """Draws a cell's text from the top, wrapped in the speaker and summary columns, on
    the lines its row has, the last one ending with "…" if more was to come; and the row
    of the speech being played (``row``) in a colour of its own."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.row = -1  # being played

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        font = QFont(option.font)
        if index.column() == SPEAKER and index.data(Qt.ItemDataRole.ForegroundRole) is not None:
            font.setItalic(True)  # nobody named
        if index.row() == self.row:
            # In its colour even when selected (it usually is: the speech being summarised).
            option.backgroundBrush = QBrush(PLAYING)
            option.palette.setColor(QPalette.ColorRole.Highlight, PLAYING)
            option.palette.setColor(QPalette.ColorRole.HighlightedText, QColor("black"))
            font.setBold(True)
        option.font = font

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = opt.widget  # the log: the view sets it
        style = widget.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        box = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = text_margin(widget)
        box.adjust(margin, PADDING, -margin, -PADDING)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setClipRect(opt.rect)
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        metrics = painter.fontMetrics()
        room = max(1, box.height() // metrics.lineSpacing())
        if index.column() not in WRAPPED:
            room = 1
        layout = text_lines(text, opt.font, box.width())
        shown = min(room, layout.lineCount())
        for number in range(shown):
            line = layout.lineAt(number)
            top = box.top() + number * metrics.lineSpacing()
            if number == shown - 1 and layout.lineCount() > shown:
                rest = text[line.textStart():]
                painter.drawText(box.left(), top + metrics.ascent(), elided_at_word(rest, metrics, box.width()))
            else:
                line.draw(painter, QPointF(box.left(), top))
        painter.restore()


def elided_at_word(text: str, metrics: QFontMetrics, width: int) -> str:
    """As much of ``text`` as fits in ``width``, cut between words, ending with "…"."""
    elided = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
    space = elided.rfind(" ")
    if elided == text or space <= 0:
        return elided
    return elided[:space].rstrip(" ,;:") + "…"


def text_margin(widget: QWidget) -> int:
    """Qt's space left and right of a cell's text."""
    return widget.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1


class SpeechLog(QTableView):
    """The table of the log, sizing each row to its wrapped text."""

    def __init__(self, model: SpeechLogModel) -> None:
        super().__init__()
        self.log_model = model
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setAlternatingRowColors(True)
        header = self.horizontalHeader()
        header.setSectionResizeMode(SUMMARY, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setMinimumSectionSize(1)
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        metrics = self.fontMetrics()
        self.setColumnWidth(TIME, metrics.horizontalAdvance("00:00:00") + 16)
        self.setColumnWidth(SPEAKER, metrics.horizontalAdvance("Nguyễn Thị Thu Hương") + 24)
        self.setColumnWidth(KIND, metrics.horizontalAdvance(self.tr("Khai mạc")) + 24)
        self.setColumnWidth(DURATION, header.fontMetrics().horizontalAdvance(
            str(model.headerData(DURATION, Qt.Orientation.Horizontal))) + 16)
        # The lines each wrapped cell needs: by the row's id() and column, with the text
        # and the width they were measured for.
        self._needed: dict[tuple[int, int], tuple[str, int, int]] = {}
        self.lines = 1  # the most a row shows now
        self._relayout = QTimer(self, singleShot=True, interval=0)
        self._relayout.timeout.connect(self.size_rows)
        model.rowsInserted.connect(self._rows_inserted)
        model.rowsRemoved.connect(lambda *_: self._relayout.start())
        model.modelReset.connect(self._relayout.start)
        model.dataChanged.connect(self._data_changed)
        header.sectionResized.connect(self._column_resized)
        self.delegate = LogDelegate(self)
        self.setItemDelegate(self.delegate)
        self._show_durations()

    # --- how many lines ------------------------------------------------------------

    def _row_height(self, lines: int) -> int:
        return lines * self.fontMetrics().lineSpacing() + 2 * PADDING + (1 if self.showGrid() else 0)

    def _cap(self) -> int:
        """Lines a row may have so that MIN_ROWS rows fit in the log's height."""
        room = self.viewport().height() // MIN_ROWS - self._row_height(0)
        return max(1, min(MAX_LINES, room // self.fontMetrics().lineSpacing()))

    def _lines_of(self, row: int) -> int:
        item = self.log_model.row_at(row)
        most = 1
        for column in WRAPPED:
            text = str(self.log_model.index(row, column).data() or "")
            width = self.columnWidth(column) - 2 * text_margin(self)
            key = (id(item), column)
            known = self._needed.get(key)
            if known is None or known[0] != text or known[1] != width:
                known = (text, width, text_lines(text, self.font(), max(1, width)).lineCount())
                self._needed[key] = known
            most = max(most, known[2])
        return most

    def _size_row(self, row: int) -> None:
        height = self._row_height(min(self._lines_of(row), self.lines))
        if self.rowHeight(row) != height:
            self.setRowHeight(row, height)

    def size_rows(self) -> None:
        """Every row to its text, within the cap the log's height allows."""
        self.lines = self._cap()
        live = {id(self.log_model.row_at(row)) for row in range(self.log_model.rowCount())}
        self._needed = {k: v for k, v in self._needed.items() if k[0] in live}
        for row in range(self.log_model.rowCount()):
            self._size_row(row)
        if self.currentIndex().isValid():
            self.scrollTo(self.currentIndex())

    # --- keeping in step -----------------------------------------------------------

    def _rows_inserted(self, _parent: QModelIndex, first: int, last: int) -> None:
        for row in range(first, last + 1):
            self._size_row(row)

    def _data_changed(self, top: QModelIndex, bottom: QModelIndex, *_roles: object) -> None:
        if bottom.column() >= DURATION:
            self._show_durations()
        if top.column() > SUMMARY or bottom.column() < SPEAKER:
            return  # neither wrapped column
        for row in range(top.row(), min(bottom.row(), self.log_model.rowCount() - 1) + 1):
            self._size_row(row)

    def _show_durations(self) -> None:
        """The speaking times, once there is audio to time the speeches by."""
        timed = any(self.log_model.index(row, DURATION).data() for row in range(self.log_model.rowCount()))
        if self.isColumnHidden(DURATION) == timed:
            self.setColumnHidden(DURATION, not timed)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column in WRAPPED:
            self._relayout.start()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._cap() != self.lines or event.size().width() != event.oldSize().width():
            self._relayout.start()

    def full_rows_shown(self) -> int:
        """How many rows are wholly in view."""
        view = self.viewport().rect()
        return sum(
            1 for row in range(self.log_model.rowCount())
            if view.contains(self.visualRect(self.log_model.index(row, TIME)))
        )
