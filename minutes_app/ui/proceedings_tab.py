"""The Proceedings tab, the live part: the speeches as they happen.

Ctrl+Enter starts a speech at the current time and puts the cursor in its summary;
Ctrl+L picks the speaker by a few letters of their name or title; Ctrl+K then one digit
(1..6) sets the kind (Alt+digits switch tabs);
quick phrases insert with their shortcuts.
"""

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QItemSelectionModel, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from minutes_app.editing.editor import FieldChanged, RowInserted, RowRemoved
from minutes_app.editing.lookup import FoldedIndex
from minutes_app.model import Attendance, Speech, SpeechKind
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.completion import FoldedCompleter
from minutes_app.ui.fields import FieldBinding, UndoKeys, route_undo_keys
from minutes_app.ui.row_table import Column, RowTableModel
from minutes_app.ui.settings import Settings
from minutes_app.ui.table_keys import install_row_keys

KINDS = list(SpeechKind)


def attendance_label(attendance: Attendance) -> str:
    titles = ", ".join(attendance.titles)
    return f"{attendance.person.name} — {titles}" if titles else attendance.person.name


class ProceedingsTab(QWidget):
    def __init__(self, bridge: EditorBridge, keys: UndoKeys, settings: Settings) -> None:
        super().__init__()
        self.editor = bridge.editor
        self.settings = settings
        self.kind_names = {
            SpeechKind.OPENING: self.tr("Khai mạc"),
            SpeechKind.REPORT: self.tr("Báo cáo"),
            SpeechKind.ASSESSMENT: self.tr("Đánh giá"),
            SpeechKind.OPINION: self.tr("Ý kiến"),
            SpeechKind.CONCLUSION: self.tr("Kết luận"),
            SpeechKind.OTHER: self.tr("Khác"),
        }
        # How long each speech lasted in the audio (set by the recorder bar).
        self.speaking_time: Callable[[Speech], str] = lambda speech: ""
        self.model = RowTableModel(bridge, "speeches", [
            Column(self.tr("Giờ"), lambda s: s.at.strftime("%H:%M:%S") if s.at else ""),
            Column(self.tr("Người phát biểu"), self._speaker_name, fields=("name",)),
            Column(self.tr("Loại"), lambda s: self.kind_names.get(s.kind, s.kind)),
            Column(self.tr("Tóm tắt"), lambda s: s.summary[:120].replace("\n", " ")),
            Column(self.tr("Thời lượng"), lambda s: self.speaking_time(s)),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Các ý kiến phát biểu"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 70)
        self.table.setColumnWidth(1, 220)
        self.table.setColumnWidth(2, 100)
        self.table.setColumnWidth(4, 80)
        install_row_keys(self.table, self.model, self.editor)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))

        self.at = QTimeEdit()
        self.at.setDisplayFormat("HH:mm:ss")
        self.at.setAccessibleName(self.tr("Giờ phát biểu"))
        self.at.editingFinished.connect(self._time_edited)
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText(self.tr("Gõ vài chữ của tên hoặc chức vụ, Enter để chọn (Ctrl+L)"))
        self.speaker.setAccessibleName(self.tr("Người phát biểu"))
        self.speaker_completer: FoldedCompleter[Attendance] = FoldedCompleter(
            self.speaker, attendance_label, self.set_speaker
        )
        self.speaker.returnPressed.connect(self._speaker_return)
        route_undo_keys(self.speaker, keys)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Loại phát biểu"))
        for number, kind in enumerate(KINDS, start=1):
            self.kind.addItem(f"{number}. {self.kind_names[kind]}", kind)
        self.kind.activated.connect(lambda i: self.set_kind(KINDS[i]))
        self.subject = QLineEdit()
        self.subject.setAccessibleName(self.tr("Nội dung của báo cáo hoặc ý kiến"))
        self.subject.setPlaceholderText(self.tr("Về nội dung gì (không bắt buộc)"))
        route_undo_keys(self.subject, keys)
        self.photo = QComboBox()
        self.photo.setAccessibleName(self.tr("Ảnh của ý kiến"))
        self.photo.activated.connect(self._photo_chosen)
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.tr("Tóm tắt ý kiến phát biểu"))
        self.summary.setPlaceholderText(self.tr("Tóm tắt ý kiến… (Ctrl+Enter: ý kiến mới)"))
        route_undo_keys(self.summary, keys)

        self.quote = QLineEdit()
        self.quote.setAccessibleName(self.tr("Trích dẫn nguyên văn lời người phát biểu"))
        self.quote.setPlaceholderText(self.tr("Câu nói nguyên văn để tin bài trích dẫn, không cần ngoặc kép "
                                              "(không bắt buộc)"))
        route_undo_keys(self.quote, keys)

        self.summary_binding = FieldBinding(bridge, self.summary, "summary")
        self.subject_binding = FieldBinding(bridge, self.subject, "subject")
        self.quote_binding = FieldBinding(bridge, self.quote, "quote")

        form = QFormLayout()
        form.addRow(self.tr("&Giờ"), self.at)
        form.addRow(self.tr("&Người phát biểu"), self.speaker)
        form.addRow(self.tr("&Loại (Ctrl+K rồi 1…6)"), self.kind)
        form.addRow(self.tr("&Về"), self.subject)
        form.addRow(self.tr("Ả&nh"), self.photo)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addLayout(form)
        summary_label = QLabel(self.tr("&Tóm tắt"))
        summary_label.setBuddy(self.summary)
        detail_layout.addWidget(summary_label, 0)
        detail_layout.addWidget(self.summary, 1)
        quote_row = QFormLayout()
        quote_row.addRow(self.tr("Trích &dẫn"), self.quote)
        detail_layout.addLayout(quote_row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        QShortcut(QKeySequence("Ctrl+L"), self, self._focus_speaker)
        for number, kind in enumerate(KINDS, start=1):
            QShortcut(QKeySequence(f"Ctrl+K, {number}"), self, lambda k=kind: self.set_kind(k))
        self._phrase_shortcuts: list[QShortcut] = []
        self.apply_quick_phrases()
        self._refresh_attendees()
        self._refresh_photos()
        bridge.changed.connect(self._changed)
        self._show(len(self.model.rows) - 1)

    # --- the current speech --------------------------------------------------------

    @property
    def current(self) -> Speech | None:
        row = self.table.currentIndex().row()
        return self.model.row_at(row) if 0 <= row < self.model.rowCount() else None

    def _speaker_name(self, speech: Speech) -> str:
        attendance = self.editor.attendance(speech.speaker_id)
        return attendance.person.name if attendance else ""

    def _show(self, row: int) -> None:
        speech = self.model.row_at(row) if 0 <= row < self.model.rowCount() else None
        if speech is not None and self.table.currentIndex().row() != row:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
            )
            return  # currentRowChanged comes back here
        for widget in (self.at, self.speaker, self.kind, self.photo):
            widget.setEnabled(speech is not None)
        self.summary_binding.show_row(speech)
        self.subject_binding.show_row(speech)
        self.quote_binding.show_row(speech)
        if speech is None:
            return
        self.at.setTime(QTime(speech.at) if speech.at else QTime(0, 0))
        self.speaker.setText(self._speaker_name(speech))
        self.kind.setCurrentIndex(KINDS.index(SpeechKind(speech.kind)) if speech.kind in KINDS else 0)
        self._select_photo(speech)

    def new_speech(self) -> Speech:
        """A speech now, at the end; the cursor goes to its summary at once."""
        speech = self.editor.add_speech()
        self._show(len(self.model.rows) - 1)
        self.table.scrollToBottom()
        self.summary.setFocus()
        return speech

    def _focus_speaker(self) -> None:
        self.speaker.setFocus()
        self.speaker.selectAll()

    def _speaker_return(self) -> None:
        if not self.speaker.text().strip():
            self.set_speaker(None)
        elif not self.speaker_completer.pick_first():
            return
        self.summary.setFocus()

    def set_speaker(self, attendance: Attendance | None) -> None:
        speech = self.current
        if speech is None:
            return
        self.editor.set_field(speech, "speaker_id", attendance.id if attendance else None)
        self.speaker.setText(attendance.person.name if attendance else "")
        self.summary.setFocus()

    def set_kind(self, kind: SpeechKind) -> None:
        if self.current is not None:
            self.editor.set_field(self.current, "kind", kind)

    def _time_edited(self) -> None:
        if self.current is not None:
            value = self.at.time()
            self.editor.set_field(self.current, "at", time(value.hour(), value.minute(), value.second()))

    def _photo_chosen(self, index: int) -> None:
        if self.current is not None:
            photo = self.photo.itemData(index)
            self.editor.link_photo(self.current, photo)

    def _select_photo(self, speech: Speech) -> None:
        found = next(
            (i for i in range(1, self.photo.count()) if self.photo.itemData(i).id == speech.photo_id), 0
        )
        self.photo.setCurrentIndex(found)

    # --- quick phrases ----------------------------------------------------------------

    def apply_quick_phrases(self) -> None:
        for shortcut in self._phrase_shortcuts:
            shortcut.setParent(None)
            shortcut.deleteLater()
        self._phrase_shortcuts = []
        for phrase in self.settings.quick_phrases:
            shortcut = QShortcut(QKeySequence(phrase.shortcut), self.summary)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(lambda text=phrase.text: self.insert_phrase(text))
            self._phrase_shortcuts.append(shortcut)

    def insert_phrase(self, text: str) -> None:
        cursor = self.summary.textCursor()
        before = self.summary.toPlainText()[: cursor.position()]
        if before and not before.endswith((" ", "\n")):
            text = " " + text
        cursor.insertText(text)

    # --- the editor's events ----------------------------------------------------------

    def _refresh_attendees(self) -> None:
        self.speaker_completer.set_items(
            FoldedIndex((a, f"{a.person.name} {' '.join(a.titles)}") for a in self.editor.meeting.attendances)
        )

    def _refresh_photos(self) -> None:
        self.photo.clear()
        self.photo.addItem(self.tr("(không có ảnh)"), None)
        for number, photo in enumerate(self.editor.meeting.photos, start=1):
            self.photo.addItem(f"{number}. {photo.caption or photo.file_name}", photo)
        if self.current is not None:
            self._select_photo(self.current)

    def _changed(self, event: object) -> None:
        current = self.current
        match event:
            case RowInserted(collection="attendances") | RowRemoved(collection="attendances"):
                self._refresh_attendees()
            case RowInserted(collection="photos") | RowRemoved(collection="photos"):
                self._refresh_photos()
            case RowRemoved(collection="speeches") if current is None or self.model.index_of(current) < 0:
                self._show(min(event.index, len(self.model.rows) - 1))
            case FieldChanged(row=row, name=name) if row is current and current is not None:
                if name in ("speaker_id", "kind", "at", "photo_id"):
                    self._show(self.table.currentIndex().row())
            case FieldChanged(row=row) if isinstance(row, Attendance):
                self._refresh_attendees()
            case FieldChanged(name="caption"):
                self._refresh_photos()
