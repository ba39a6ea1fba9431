"""The history of a meeting's minutes: every version with who, when and why; what changed
between two of them, the words taken out and put in marked; any version exported as it was."""

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
)

from minutes_app.history import VersionLine, history, state_name, version_document
from minutes_app.i18n import _
from minutes_app.model import RecordState
from minutes_app.version_diff import PARTS, ItemChange, compare

if TYPE_CHECKING:
    from minutes_app.ui.meeting_window import MeetingWindow

_REMOVED = "background-color: #ffd6d6; color: #8a1010; text-decoration: line-through;"
_ADDED = "background-color: #cdf0cd; color: #0c5a0c;"
_REMOVED_ITEM = "background-color: #ffd6d6; color: #8a1010;"  # the word that says so, not struck


class HistoryPanel(QDialog):
    def __init__(self, window: "MeetingWindow") -> None:
        super().__init__(window)
        self.window_ = window
        self.editor = window.editor
        self.lines: list[VersionLine] = []
        self.setWindowTitle(self.tr("Lịch sử phiên bản"))
        self.heading = QLabel()
        self.heading.setWordWrap(True)

        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Phiên bản"), self.tr("Trạng thái"), self.tr("Thời điểm"), self.tr("Người thực hiện"),
            self.tr("Lý do sửa"), self.tr("SHA-256 của biên bản"),
        ])
        self.table.setAccessibleName(self.tr("Các phiên bản của biên bản"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # a long reason ends in "…"; all of it shows when pointed at
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)

        self.older = QComboBox()
        self.older.setAccessibleName(self.tr("Phiên bản cũ hơn để so sánh"))
        self.newer = QComboBox()
        self.newer.setAccessibleName(self.tr("Phiên bản mới hơn để so sánh"))
        for box in (self.older, self.newer):
            box.activated.connect(lambda _index: self.show_changes())
        compare_row = QHBoxLayout()
        label = QLabel(self.tr("&So sánh phiên bản"))
        label.setBuddy(self.older)
        compare_row.addWidget(label)
        compare_row.addWidget(self.older)
        compare_row.addWidget(QLabel(self.tr("với")))
        compare_row.addWidget(self.newer)
        compare_row.addStretch(1)

        self.changes = QTextBrowser()
        self.changes.setAccessibleName(self.tr("Những gì đã thay đổi"))

        export_row = QHBoxLayout()
        export_row.addWidget(QLabel(self.tr("Xuất phiên bản đang chọn, đúng như khi đó:")))
        self.export_buttons: dict[tuple[str, str], QPushButton] = {}
        for document, name in (("minutes", self.tr("Biên bản")), ("press-release", self.tr("Tin bài"))):
            for fmt in ("docx", "pdf"):
                button = QPushButton(f"{name} {fmt.upper()}…")
                button.clicked.connect(lambda _=False, d=document, f=fmt: self.export(d, f))
                export_row.addWidget(button)
                self.export_buttons[document, fmt] = button
        export_row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)

        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 2)
        layout.addLayout(export_row)
        layout.addLayout(compare_row)
        layout.addWidget(self.changes, 5)
        layout.addWidget(buttons)
        self.resize(1100, 720)

    def refresh(self) -> None:
        """Read the history again and show the latest change."""
        self.lines = history(self.editor.archive, self.editor.meeting.id)
        meeting = self.editor.meeting
        self.heading.setText(self.tr("<b>{title}</b><br/>Phiên bản hiện tại: {n}, {state}.").format(
            title=escape(meeting.title or self.tr("Cuộc họp mới")), n=meeting.record_version,
            state=escape(state_name(meeting.state))))
        self.table.setRowCount(len(self.lines))
        for row, line in enumerate(self.lines):
            cells = [
                str(line.number), state_name(line.state), f"{line.at:%d/%m/%Y %H:%M}" if line.at else "",
                line.author or "", line.reason or "", line.sha256 or "",
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.selectRow(len(self.lines) - 1)
        for box in (self.older, self.newer):
            box.clear()
            for line in self.lines:
                box.addItem(self._version_name(line), line.number)
        self.older.setCurrentIndex(max(0, len(self.lines) - 2))
        self.newer.setCurrentIndex(len(self.lines) - 1)
        self.show_changes()

    def _version_name(self, line: VersionLine) -> str:
        if line.state == RecordState.FINAL:
            return self.tr("{n} (đã chốt)").format(n=line.number)
        return self.tr("{n} (đang soạn)").format(n=line.number)

    def selected(self) -> VersionLine | None:
        row = self.table.currentRow()
        return self.lines[row] if 0 <= row < len(self.lines) else None

    def export(self, document: str, fmt: str) -> None:
        line = self.selected()
        if line is not None:
            self.window_.exporter.export(document, fmt, version=line.number)

    # --- what changed ----------------------------------------------------------------------

    def show_changes(self) -> None:
        older, newer = self.older.currentData(), self.newer.currentData()
        if older is None or newer is None or older == newer:
            hint = self.tr("Chọn hai phiên bản khác nhau để xem những gì đã thay đổi.")
            self.changes.setHtml(f"<p>{escape(hint)}</p>")
            return
        self.editor.autosaver.flush(timeout=5)  # the version being written, as saved
        archive, meeting_id = self.editor.archive, self.editor.meeting.id
        changes = compare(version_document(archive, meeting_id, older), version_document(archive, meeting_id, newer))
        self.changes.setHtml(self.changes_html(older, newer, changes))

    def changes_html(self, older: int, newer: int, changes: list[ItemChange]) -> str:
        title = self.tr("Từ phiên bản {old} đến phiên bản {new}").format(old=older, new=newer)
        html = [f"<h3>{escape(title)}</h3>"]
        if not changes:
            html.append(f"<p>{escape(self.tr('Hai phiên bản giống hệt nhau.'))}</p>")
        kinds = {"added": (self.tr("Thêm"), _ADDED), "removed": (self.tr("Bỏ"), _REMOVED_ITEM),
                 "changed": (self.tr("Sửa"), "")}
        part = None
        for change in changes:
            if change.part != part:
                part = change.part
                html.append(f"<h4>{escape(_(PARTS[part]))}</h4>")
            word, style = kinds[change.kind]
            html.append(f'<p><b><span style="{style}">{escape(word)}</span></b> {escape(change.name)}</p><ul>')
            for field in change.fields:
                if change.kind == "changed":
                    text = "".join(_piece(piece.kind, piece.text) for piece in field.pieces())
                else:
                    text = escape(field.new or field.old)
                html.append(f"<li><i>{escape(field.label)}:</i> {text}</li>")
            html.append("</ul>")
        return "".join(html)


def _piece(kind: str, text: str) -> str:
    shown = escape(text).replace("\n", "<br/>")
    if kind == "removed":
        return f'<span style="{_REMOVED}">{shown}</span>'
    if kind == "added":
        return f'<span style="{_ADDED}">{shown}</span>'
    return shown
