"""The Proceedings tab, the live part: the log of speeches above, the speech being written
below it (a splitter between them, where the secretary left it last time).

Ctrl+Enter starts a speech at the current time and puts the cursor in its summary;
Ctrl+L picks the speaker by a few letters of their name or title, or adds someone nobody
listed (speaker_entry); Ctrl+K then one digit (1..6) sets the kind (Alt+digits switch
tabs); quick phrases insert with their shortcuts.
"""

from collections.abc import Callable
from datetime import time

from PySide6.QtCore import QItemSelectionModel, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSplitter,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from minutes_app.editing.editor import FieldChanged, NewAttendee, RowInserted, RowRemoved
from minutes_app.editing.lookup import FoldedIndex
from minutes_app.model import Attendance, Speech, SpeechKind
from minutes_app.people import KnownPerson
from minutes_app.ui.attendees_tab import person_label
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.completion import FoldedCompleter
from minutes_app.ui.fields import FieldBinding, UndoKeys, route_undo_keys
from minutes_app.ui.settings import Settings
from minutes_app.ui.speaker_entry import (
    NewSpeaker,
    NewSpeakerForm,
    SpeakerChoice,
    SpeakerSuggestions,
    Unnamed,
    attendance_label,
)
from minutes_app.ui.speech_log import SpeechLog, SpeechLogModel
from minutes_app.ui.table_keys import install_row_keys

KINDS = list(SpeechKind)
SUMMARY_LINES = 3  # the least the summary shows, however far the splitter is dragged
FIRST_SUMMARY_LINES = 5  # the summary's height until the secretary moves the splitter
SPLITTER = "proceedings"


class ProceedingsTab(QWidget):
    def __init__(self, bridge: EditorBridge, keys: UndoKeys, settings: Settings) -> None:
        super().__init__()
        self.bridge = bridge
        self.editor = bridge.editor
        self.keys = keys
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
        self.model = SpeechLogModel(bridge, self.kind_names, self._speaker_name, lambda s: self.speaking_time(s))
        self.table = SpeechLog(self.model)
        self.table.setAccessibleName(self.tr("Các ý kiến phát biểu"))
        install_row_keys(self.table, self.model, self.editor)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show(current.row()))

        self.bindings: list[FieldBinding] = []  # the current speech's text fields
        self._build_fields()
        self._fields = QGridLayout()
        self._fields.setContentsMargins(0, 0, 0, 0)
        self._fields.setColumnStretch(3, 3)
        self._fields.setColumnStretch(7, 1)
        for column, (label, widget) in enumerate((
            (self.tr("&Giờ"), self.at),
            (self.tr("&Người phát biểu"), self.speaker),
            (self.tr("&Loại"), self.kind),
            (self.tr("Ả&nh"), self.photo),
        )):
            self._fields.addWidget(self._label(label, widget), 0, 2 * column)
            self._fields.addWidget(widget, 0, 2 * column + 1)
        self._fields.addWidget(self.new_speaker, 1, 0, 1, 8)
        self.add_row(self.tr("&Về"), self.subject)

        editing = QWidget()
        editing.setAccessibleName(self.tr("Ý kiến đang ghi"))
        editing_layout = QVBoxLayout(editing)
        editing_layout.setContentsMargins(0, 4, 0, 0)
        editing_layout.addLayout(self._fields)
        editing_layout.addWidget(self._label(self.tr("&Tóm tắt"), self.summary))
        editing_layout.addWidget(self.summary, 1)
        quote_row = QFormLayout()
        quote_row.addRow(self._label(self.tr("Trích &dẫn"), self.quote), self.quote)
        editing_layout.addLayout(quote_row)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(editing)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self._placed = settings.state(SPLITTER) is not None
        if self._placed:
            self.splitter.restoreState(settings.state(SPLITTER) or b"")
        self.splitter.splitterMoved.connect(
            lambda *_: settings.set_state(SPLITTER, bytes(self.splitter.saveState().data())))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        QShortcut(QKeySequence("Ctrl+L"), self, self._focus_speaker)
        for number, kind in enumerate(KINDS, start=1):
            QShortcut(QKeySequence(f"Ctrl+K, {number}"), self, lambda k=kind: self.set_kind(k))
        self._phrase_shortcuts: list[QShortcut] = []
        self.apply_quick_phrases()
        self._refresh_attendees()
        self._refresh_photos()
        bridge.changed.connect(self._changed)
        self._show(len(self.model.rows) - 1)

    def _build_fields(self) -> None:
        self.at = QTimeEdit()
        self.at.setDisplayFormat("HH:mm:ss")
        self.at.setAccessibleName(self.tr("Giờ phát biểu"))
        self.at.editingFinished.connect(self._time_edited)
        self.speaker = QLineEdit()
        self.speaker.setPlaceholderText(self.tr("Gõ vài chữ của tên hoặc chức vụ, Enter để chọn (Ctrl+L)"))
        self.speaker.setAccessibleName(self.tr("Người phát biểu"))
        self.suggestions = SpeakerSuggestions()
        self.speaker_completer: FoldedCompleter[SpeakerChoice] = FoldedCompleter(
            self.speaker, self._choice_label, self._speaker_chosen, self.suggestions.more
        )
        self.speaker.returnPressed.connect(self._speaker_return)
        route_undo_keys(self.speaker, self.keys)
        self.new_speaker = NewSpeakerForm(self.keys)
        self.new_speaker.accepted.connect(self._add_speaker)
        self.new_speaker.cancelled.connect(self._focus_speaker)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Loại phát biểu"))
        self.kind.setToolTip(self.tr("Ctrl+K rồi 1…6"))
        for number, kind in enumerate(KINDS, start=1):
            self.kind.addItem(f"{number}. {self.kind_names[kind]}", kind)
        self.kind.activated.connect(lambda i: self.set_kind(KINDS[i]))
        self.photo = QComboBox()
        self.photo.setAccessibleName(self.tr("Ảnh của ý kiến"))
        self.photo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.photo.setMinimumContentsLength(14)
        self.photo.activated.connect(self._photo_chosen)
        self.subject = QLineEdit()
        self.subject.setAccessibleName(self.tr("Nội dung của báo cáo hoặc ý kiến"))
        self.subject.setPlaceholderText(self.tr("Về nội dung gì (không bắt buộc)"))
        self.summary = QPlainTextEdit()
        self.summary.setAccessibleName(self.tr("Tóm tắt ý kiến phát biểu"))
        self.summary.setPlaceholderText(self.tr(
            "Tóm tắt ý kiến… (Ctrl+Enter: ý kiến mới; Ctrl+L: người phát biểu; Ctrl+K rồi 1…6: loại; "
            "F4: xem trước văn bản)"))
        self.summary.setMinimumHeight(SUMMARY_LINES * self.summary.fontMetrics().lineSpacing() + 12)
        self.quote = QLineEdit()
        self.quote.setAccessibleName(self.tr("Trích dẫn nguyên văn lời người phát biểu"))
        self.quote.setPlaceholderText(self.tr("Câu nói nguyên văn để tin bài trích dẫn, không cần ngoặc kép "
                                              "(không bắt buộc)"))
        self.bind(self.summary, "summary")
        self.bind(self.subject, "subject")
        self.bind(self.quote, "quote")

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._placed:  # the log takes all the height the speech being written leaves
            self._placed = True
            editing = self.splitter.widget(1)
            assert editing is not None
            extra = (FIRST_SUMMARY_LINES - SUMMARY_LINES) * self.summary.fontMetrics().lineSpacing()
            wanted = editing.minimumSizeHint().height() + extra
            self.splitter.setSizes([max(1, sum(self.splitter.sizes()) - wanted), wanted])

    # --- the editor's fields ----------------------------------------------------------

    def _label(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text)
        label.setBuddy(buddy)
        return label

    def bind(self, widget: QLineEdit | QPlainTextEdit, name: str) -> FieldBinding:
        """``widget`` shows and edits the field ``name`` of the current speech."""
        route_undo_keys(widget, self.keys)
        binding = FieldBinding(self.bridge, widget, name)
        self.bindings.append(binding)
        return binding

    def add_row(self, label: str, widget: QWidget) -> None:
        """A field of the current speech on a line of its own, above the summary."""
        row = self._fields.rowCount()
        self._fields.addWidget(self._label(label, widget), row, 0)
        self._fields.addWidget(widget, row, 1, 1, 7)

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
        for binding in self.bindings:
            binding.show_row(speech)
        if speech is None:
            self.new_speaker.hide()
            return
        if self.new_speaker.isVisible() and not self.new_speaker.isAncestorOf(self.focusWidget()):
            self.new_speaker.hide()
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

    # --- the speaker -----------------------------------------------------------------

    def _choice_label(self, choice: SpeakerChoice) -> str:
        match choice:
            case Attendance():
                return attendance_label(choice)
            case KnownPerson():
                return self.tr("+ {person} (đã dự họp trước)").format(person=person_label(choice))
            case NewSpeaker(name=name):
                return self.tr("+ Thêm “{name}” làm đại biểu mới…").format(name=name)
            case Unnamed():
                return self.tr("Đại biểu không nêu tên")

    def _speaker_chosen(self, choice: SpeakerChoice) -> None:
        match choice:
            case Attendance():
                self.set_speaker(choice)
            case KnownPerson():
                self._add_speaker(NewAttendee(
                    name=choice.name, titles=choice.titles, group=choice.group, organization=choice.organization,
                    honorific=choice.honorific, person_id=choice.person_id,
                ))
            case NewSpeaker(name=name):
                self.new_speaker.start(name)
            case Unnamed():
                self.set_speaker(None)

    def _speaker_return(self) -> None:
        text = self.speaker.text().strip()
        if not text:
            self.set_speaker(None)
        elif self.current is not None and text == self._speaker_name(self.current):
            self.summary.setFocus()  # Ctrl+L, Enter: the speaker stays
        elif not self.speaker_completer.pick_first():
            self.new_speaker.start(text)

    def set_speaker(self, attendance: Attendance | None) -> None:
        speech = self.current
        if speech is None:
            return
        self.editor.set_field(speech, "speaker_id", attendance.id if attendance else None)
        self.speaker.setText(attendance.person.name if attendance else "")
        self.summary.setFocus()

    def _add_speaker(self, new: NewAttendee) -> None:
        """A speaker nobody listed: an attendee now, and this speech's speaker (one undo step)."""
        speech = self.current
        if speech is None:
            return
        attendance = self.editor.add_speaker(speech, new)
        self.speaker.setText(attendance.person.name)
        self.summary.setFocus()

    def set_directory(self, people: list[KnownPerson]) -> None:
        """The people directory, offered for speakers nobody listed."""
        self.suggestions.directory = FoldedIndex((p, f"{p.name} {' '.join(p.titles)}") for p in people)
        self.new_speaker.set_directory(people)

    # --- the other fields ------------------------------------------------------------

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
        attendances = self.editor.meeting.attendances
        self.speaker_completer.set_items(
            FoldedIndex((a, f"{a.person.name} {' '.join(a.titles)}") for a in attendances)
        )
        self.suggestions.attending = {a.person_id for a in attendances}

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
