"""Following up the chosen directive as a task: who is in charge and with whom, the kind of
deadline, extensions, progress notes, and when and how it was done.

Every field goes through the editor (undo, autosave, conflicts) as the rest of the
meeting does; the status beside them is computed from the dates, never typed.
"""

from datetime import date
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minutes_app.editing.editor import FieldChanged
from minutes_app.editing.lookup import FoldedIndex
from minutes_app.model import Directive
from minutes_app.tasks import (
    Extension,
    ProgressNote,
    Recurrence,
    extension_problem,
    extensions,
    progress_notes,
    task_status,
    with_extension,
    with_note,
    without_item,
)
from minutes_app.text import clean
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.completion import FoldedCompleter
from minutes_app.ui.dates import parse_date, show_date
from minutes_app.ui.fields import FieldBinding, UndoKeys, route_undo_keys
from minutes_app.ui.settings import Settings
from minutes_app.ui.task_register_model import status_brush

# The task fields, whose change the panel shows.
_FIELDS = {"addressee", "lead_unit", "partners", "recurrence", "deadline", "deadline_extensions", "progress",
           "done_on", "result", "report_number", "report_date"}


def split_units(text: str) -> list[str] | None:
    """'Sở Tài chính; UBND các huyện' -> the units; None for none."""
    units = [" ".join(part.split()) for part in clean(text).replace("\n", ";").split(";")]
    return [unit for unit in units if unit] or None


class TaskPanel(QWidget):
    def __init__(self, bridge: EditorBridge, keys: UndoKeys, settings: Settings) -> None:
        super().__init__()
        self.editor = bridge.editor
        self.settings = settings
        self.directive: Directive | None = None
        self.bindings: list[FieldBinding] = []

        def line(name: str, placeholder: str = "") -> QLineEdit:
            widget = QLineEdit()
            widget.setAccessibleName(name)
            widget.setPlaceholderText(placeholder)
            route_undo_keys(widget, keys)
            return widget

        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Trạng thái nhiệm vụ"))
        self.status.setMargin(4)
        self.lead = line(self.tr("Đơn vị chủ trì"))
        self.bindings.append(FieldBinding(bridge, self.lead, "lead_unit",
                                          write=lambda d, text, typing: self._set(d, "lead_unit", text.strip() or None,
                                                                                  typing)))
        self.lead_completer: FoldedCompleter[str] = FoldedCompleter(self.lead, str, self._pick_lead)
        self.partners = line(self.tr("Đơn vị phối hợp"), self.tr("cách nhau bằng dấu chấm phẩy"))
        self.bindings.append(FieldBinding(
            bridge, self.partners, "partners",
            read=lambda d: "; ".join(d.partners or ()),
            write=lambda d, text, typing: self._set(d, "partners", split_units(text), typing)))

        self.recurrence = QComboBox()
        self.recurrence.setAccessibleName(self.tr("Loại thời hạn"))
        self.recurrence.addItem(self.tr("theo thời hạn (ô Thời hạn của bảng)"), None)
        for kind in Recurrence:
            self.recurrence.addItem(kind.label, kind.value)
        self.recurrence.activated.connect(
            lambda i: self._set(self.directive, "recurrence", self.recurrence.itemData(i)))

        self.extensions = QListWidget()
        self.extensions.setAccessibleName(self.tr("Các lần gia hạn"))
        self.extensions.setMaximumHeight(54)
        self.extensions.setWordWrap(True)
        self.new_deadline = line(self.tr("Hạn mới"), self.tr("hạn mới"))
        self.new_deadline.setMaximumWidth(100)
        self.reason = line(self.tr("Lý do gia hạn"), self.tr("lý do"))
        self.granted_by = line(self.tr("Người cho phép gia hạn"), self.tr("người cho phép"))
        extend = QPushButton(self.tr("&Gia hạn"))
        extend.setAccessibleName(self.tr("Ghi lần gia hạn"))
        extend.clicked.connect(self.extend)
        for widget in (self.new_deadline, self.reason, self.granted_by):
            widget.returnPressed.connect(self.extend)

        self.done = line(self.tr("Ngày hoàn thành"), self.tr("ngày/tháng/năm"))
        self.done.setMaximumWidth(110)
        self.done.editingFinished.connect(lambda: self._date_field(self.done, "done_on"))
        today = QPushButton(self.tr("&Hôm nay"))
        today.setAccessibleName(self.tr("Hoàn thành hôm nay"))
        today.clicked.connect(lambda: self._set(self.directive, "done_on", date.today()))
        self.result = line(self.tr("Kết quả thực hiện"))
        self.bindings.append(FieldBinding(bridge, self.result, "result",
                                          write=lambda d, text, typing: self._set(d, "result", text or None, typing)))
        self.report_number = line(self.tr("Số văn bản báo cáo"), self.tr("số văn bản"))
        self.bindings.append(FieldBinding(
            bridge, self.report_number, "report_number",
            write=lambda d, text, typing: self._set(d, "report_number", text.strip() or None, typing)))
        self.report_date = line(self.tr("Ngày văn bản báo cáo"), self.tr("ngày"))
        self.report_date.setMaximumWidth(110)
        self.report_date.editingFinished.connect(lambda: self._date_field(self.report_date, "report_date"))

        self.notes = QListWidget()
        self.notes.setAccessibleName(self.tr("Ghi chú tiến độ"))
        self.notes.setMaximumHeight(80)
        self.notes.setWordWrap(True)
        self.note = line(self.tr("Ghi chú tiến độ mới"),
                         self.tr("tiến độ, Enter để thêm (ngày/tháng/năm: ở đầu nếu không phải hôm nay)"))
        self.note.returnPressed.connect(self.add_note)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Thông báo"))
        self.message.setWordWrap(True)
        for items, remove in ((self.extensions, "deadline_extensions"), (self.notes, "progress")):
            shortcut = QShortcut(QKeySequence.StandardKey.Delete, items,
                                 lambda name=remove, w=items: self._remove(w, name))
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

        form = QFormLayout()
        form.addRow(self.tr("Trạng thái"), self.status)
        form.addRow(self.tr("Đơn vị &chủ trì"), self.lead)
        form.addRow(self.tr("Đơn vị &phối hợp"), self.partners)
        form.addRow(self.tr("&Loại thời hạn"), self.recurrence)
        form.addRow(self.tr("Gia hạn"), self.extensions)
        extension = QHBoxLayout()
        for widget in (self.new_deadline, self.reason, self.granted_by):
            extension.addWidget(widget)
        extension.addWidget(extend)
        form.addRow(_buddy(self.tr("Hạn &mới"), self.new_deadline), extension)
        completion = QHBoxLayout()
        completion.addWidget(self.done)
        completion.addWidget(today)
        completion.addStretch(1)
        form.addRow(_buddy(self.tr("Hoàn thành &ngày"), self.done), completion)
        form.addRow(self.tr("&Kết quả"), self.result)
        report = QHBoxLayout()
        report.addWidget(self.report_number, 1)
        report.addWidget(QLabel(self.tr("ngày")))
        report.addWidget(self.report_date)
        form.addRow(_buddy(self.tr("Văn bản &báo cáo số"), self.report_number), report)
        form.addRow(self.tr("Tiến độ"), self.notes)
        form.addRow(self.tr("Gh&i chú"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        bridge.changed.connect(self._changed)
        self.show_directive(None)

    # --- showing ---------------------------------------------------------------------

    def set_bodies(self, known: list[str]) -> None:
        self.lead_completer.set_items(FoldedIndex((b, b) for b in known))

    def show_directive(self, directive: Directive | None) -> None:
        self.directive = directive
        for binding in self.bindings:
            binding.show_row(directive)
        for widget in (self.recurrence, self.extensions, self.new_deadline, self.reason, self.granted_by, self.done,
                       self.report_date, self.notes, self.note):
            widget.setEnabled(directive is not None)
        self.message.clear()
        self._show_fields()

    def _show_fields(self) -> None:
        directive = self.directive
        self.lead.setPlaceholderText(directive.addressee if directive else "")
        self.recurrence.setCurrentIndex(max(0, self.recurrence.findData(directive.recurrence if directive else None)))
        self.done.setText(show_date(directive.done_on) if directive else "")
        self.report_date.setText(show_date(directive.report_date) if directive else "")
        self.extensions.clear()
        self.notes.clear()
        if directive is None:
            self.status.clear()
            self.status.setStyleSheet("")
            return
        for granted in extensions(directive):
            by = f" — {granted.granted_by}" if granted.granted_by else ""
            self.extensions.addItem(self.tr("đến {date}: {reason}").format(
                date=show_date(granted.until), reason=granted.reason) + by)
        for note in progress_notes(directive):
            self.notes.addItem(f"{show_date(note.on)}: {note.text}")
        status = task_status(directive, date.today(), self.settings.due_soon_days)
        self.status.setText(status.label)
        self.status.setStyleSheet(f"background: {status_brush(status).color().name()}; color: black;")

    def _changed(self, event: object) -> None:
        if isinstance(event, FieldChanged) and event.row is self.directive and event.name in _FIELDS:
            self._show_fields()

    # --- changing --------------------------------------------------------------------

    def _set(self, directive: Directive | None, name: str, value: Any, typing: bool = False) -> None:
        if directive is not None:
            self.editor.set_field(directive, name, value, typing)

    def _pick_lead(self, unit: str) -> None:
        self.lead.setText(unit)
        self._set(self.directive, "lead_unit", unit)

    def _date_field(self, widget: QLineEdit, name: str) -> None:
        if self.directive is None:
            return
        try:
            value = parse_date(widget.text())
        except ValueError:
            self.message.setText(self.tr("Ngày “{text}” không hợp lệ: hãy gõ ngày/tháng/năm, ví dụ 31/8/2026.").format(
                text=widget.text()))
            widget.setFocus()
            return
        self.message.clear()
        self._set(self.directive, name, value)

    def extend(self) -> None:
        directive = self.directive
        if directive is None:
            return
        try:
            until = parse_date(self.new_deadline.text())
        except ValueError:
            until = None
        if until is None:
            self._refuse(self.new_deadline, self.tr("Hãy gõ hạn mới: ngày/tháng/năm, ví dụ 31/8/2026."))
            return
        problem = extension_problem(directive, until, self.reason.text())
        if problem is not None:
            self._refuse(self.reason if self.new_deadline.text().strip() else self.new_deadline, problem)
            return
        granted = Extension(until, clean(self.reason.text()).strip(), clean(self.granted_by.text()).strip())
        self._set(directive, "deadline_extensions", with_extension(directive, granted))
        for widget in (self.new_deadline, self.reason, self.granted_by):
            widget.clear()
        self.message.clear()

    def add_note(self) -> None:
        directive = self.directive
        text = self.note.text().strip()
        if directive is None or not text:
            return
        on, rest = date.today(), text
        head, colon, tail = text.partition(":")
        if colon:
            try:
                day = parse_date(head)
            except ValueError:
                day = None
            if day is not None:
                on, rest = day, tail.strip()
        if not rest:
            return
        self._set(directive, "progress", with_note(directive, ProgressNote(on, clean(rest))))
        self.note.clear()

    def _remove(self, items: QListWidget, name: str) -> None:
        row = items.currentRow()
        if self.directive is not None and row >= 0:
            self._set(self.directive, name, without_item(getattr(self.directive, name), row))

    def _refuse(self, widget: QLineEdit, message: str) -> None:
        self.message.setText(message)
        widget.setFocus()


def _buddy(text: str, widget: QWidget) -> QLabel:
    """A label whose Alt+letter goes to ``widget`` (a form row that holds several)."""
    label = QLabel(text)
    label.setBuddy(widget)
    return label
