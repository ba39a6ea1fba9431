"""The notice of conclusions tab: the notice drafted from the record, edited block by block.

As in the Article tab, the tab shows a fresh draft of the saved record until the user
types in it; from then on the notice is kept as edited, and re-drafting asks first and
keeps the edited text for 'Restore'. The form it is issued in (the office in its own
name, the authority, the Party committee) is chosen above it; it is a style profile.
"""

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from minutes_app.archive import load_meeting
from minutes_app.documents import ExportError
from minutes_app.documents.conclusions import (
    NoticeBlock,
    current_notice,
    from_json,
    notice_forms,
    notice_profile,
    profile_name,
    to_json,
)
from minutes_app.documents.edited import NOTICE
from minutes_app.editing.editor import FieldChanged
from minutes_app.text import clean
from minutes_app.ui.article_tab import GrowingText
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.exporting import Exporter
from minutes_app.ui.fields import UndoKeys, route_undo_keys

TABLE = "conclusions_notice"
_FIELDS = ("blocks", "blocks_previous", "profile")
# Short pieces get a line; the subject and the title, long as a meeting's name, grow as typed.
_ONE_LINE = ("parent", "organ", "number", "dateline", "heading", "signer")


class NoticeTab(QWidget):
    def __init__(self, bridge: EditorBridge, keys: UndoKeys, exporter: Exporter) -> None:
        super().__init__()
        self.editor = bridge.editor
        self.keys = keys
        self.blocks: list[NoticeBlock] = []
        self._widgets: list[QWidget] = []  # one per block, in order
        self._writing = False  # our own edit is echoing back from the editor
        self.kind_names = {
            "parent": self.tr("Cơ quan chủ quản"), "organ": self.tr("Cơ quan ban hành"),
            "number": self.tr("Số, ký hiệu"), "dateline": self.tr("Địa danh, ngày tháng"),
            "title": self.tr("Tên thông báo"), "subject": self.tr("Trích yếu"), "paragraph": self.tr("Đoạn"),
            "heading": self.tr("Đề mục"), "closing": self.tr("Câu kết"),
            "signature": self.tr("Thẩm quyền, chức vụ người ký"), "signer": self.tr("Họ tên người ký"),
            "recipients": self.tr("Nơi nhận"),
        }

        self.form = QComboBox()
        self.form.setAccessibleName(self.tr("Mẫu thông báo kết luận"))
        self.form.activated.connect(lambda _index: self.choose_form(self.form.currentData()))
        form_label = QLabel(self.tr("&Mẫu:"))
        form_label.setBuddy(self.form)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.redraft_button = QPushButton(self.tr("Soạn &lại từ biên bản"))
        self.redraft_button.setAccessibleName(self.tr("Soạn lại thông báo kết luận từ biên bản"))
        self.redraft_button.clicked.connect(lambda: self.redraft())
        self.restore_button = QPushButton(self.tr("&Khôi phục bản đã sửa"))
        self.restore_button.setAccessibleName(self.tr("Khôi phục bản thông báo đã sửa trước khi soạn lại"))
        self.restore_button.clicked.connect(lambda: self.restore())
        choices = QHBoxLayout()
        choices.addWidget(form_label)
        choices.addWidget(self.form, 1)
        choices.addWidget(self.redraft_button)
        choices.addWidget(self.restore_button)
        self.export_buttons: list[QPushButton] = []
        actions = QHBoxLayout()
        actions.addWidget(self.state, 1)
        for label, fmt in ((self.tr("Xuất DOCX…"), "docx"), (self.tr("Xuất PDF…"), "pdf")):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, f=fmt: exporter.export("conclusions", f))
            self.export_buttons.append(button)
        printing = QPushButton(self.tr("Xem trước và in…"))
        printing.clicked.connect(lambda: exporter.print_preview("conclusions"))
        self.export_buttons.append(printing)
        for button in self.export_buttons:
            actions.addWidget(button)

        self.page = QWidget()
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.page)
        scroll.setAccessibleName(self.tr("Nội dung thông báo kết luận"))
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addLayout(actions)
        layout.addWidget(scroll, 1)
        bridge.changed.connect(self._changed)

    # --- showing -------------------------------------------------------------------------

    @property
    def edited(self) -> bool:
        return NOTICE.is_edited(self.editor.meeting)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Show the edited notice, or a draft of the record as saved now; when there is
        nothing to notify (no directive), or the form cannot be used, say why instead."""
        meeting = self.editor.meeting
        problem = None
        try:
            self._fill_forms()
            stored = NOTICE.stored(meeting)
            if stored is not None:
                self.blocks = from_json(stored)
            else:
                # The draft reads the record's links (chair, speakers) as saved.
                self.editor.autosaver.flush(timeout=5)
                with self.editor.archive.sessions() as session:
                    saved = load_meeting(session, meeting.id)
                    self.blocks = current_notice(saved, notice_profile(saved))
        except ExportError as error:
            self.blocks, problem = [], str(error)
        self._rebuild()
        for button in self.export_buttons:
            button.setEnabled(problem is None)
        if problem is not None:
            self.state.setText(problem)
        else:
            self.state.setText(self.tr("Đã sửa tay: thông báo không tự đổi theo biên bản nữa.") if self.edited
                               else self.tr("Bản nháp tự động, soạn từ các kết luận, chỉ đạo đã lưu."))
        self.restore_button.setEnabled(bool(NOTICE.restore_values(meeting)))
        self.redraft_button.setEnabled(self.edited)

    def _fill_forms(self) -> None:
        forms = notice_forms()
        current = profile_name(self.editor.meeting)
        forms.setdefault(current, current)
        self.form.blockSignals(True)
        self.form.clear()
        for name, description in forms.items():
            self.form.addItem(description, name)
            self.form.setItemData(self.form.count() - 1, name, Qt.ItemDataRole.ToolTipRole)
        self.form.setCurrentIndex(self.form.findData(current))
        self.form.blockSignals(False)

    def _rebuild(self) -> None:
        for widget in self._widgets:
            widget.deleteLater()
        self._widgets = []
        paragraphs = 0
        for index, block in enumerate(self.blocks):
            paragraphs += block.kind == "paragraph"
            widget = self._block_widget(index, block, paragraphs)
            self.page_layout.insertWidget(self.page_layout.count() - 1, widget)
            self._widgets.append(widget)

    def _block_widget(self, index: int, block: NoticeBlock, paragraph: int) -> QWidget:
        name = self.kind_names[block.kind]
        if block.kind == "paragraph":
            name = f"{name} {paragraph}"
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 4)
        caption = QLabel(name)
        small = QFont(caption.font())
        small.setPointSizeF(small.pointSizeF() * 0.85)
        caption.setFont(small)
        caption.setEnabled(False)  # greyed: a caption, not part of the notice
        editor: QLineEdit | QPlainTextEdit
        if block.kind in _ONE_LINE:
            editor = QLineEdit(block.text)
            editor.setCursorPosition(0)
            editor.textEdited.connect(lambda text, i=index: self._edited(i, text))
            editor.editingFinished.connect(self.editor.seal)
        else:
            editor = GrowingText(block.text)
            editor.textChanged.connect(lambda i=index, e=editor: self._edited(i, e.toPlainText()))
        font = QFont(editor.font())
        font.setBold(block.kind in ("organ", "title", "subject", "heading", "signature", "signer"))
        font.setItalic(block.kind == "dateline")
        editor.setFont(font)
        editor.setAccessibleName(name)
        caption.setBuddy(editor)
        route_undo_keys(editor, self.keys)
        layout.addWidget(caption)
        layout.addWidget(editor)
        return box

    def editors(self) -> list[QLineEdit | QPlainTextEdit]:
        """The text editor of each block, in order."""
        found: list[QLineEdit | QPlainTextEdit] = []
        for widget in self._widgets:
            editor = widget.findChild(QLineEdit) or widget.findChild(QPlainTextEdit)
            assert editor is not None
            found.append(editor)
        return found

    # --- editing ---------------------------------------------------------------------------

    def _edited(self, index: int, text: str) -> None:
        was_edited = self.edited
        self.blocks[index] = NoticeBlock(self.blocks[index].kind, clean(text))
        self._writing = True
        try:
            self.editor.set_companion_field(TABLE, "blocks", to_json(self.blocks), typing=True)
        finally:
            self._writing = False
        if not was_edited:
            self.state.setText(self.tr("Đã sửa tay: thông báo không tự đổi theo biên bản nữa."))
            self.redraft_button.setEnabled(True)

    def _ask_to_redraft(self, title: str, question: str) -> bool:
        return not self.edited or QMessageBox.question(self, title, question) == QMessageBox.StandardButton.Yes

    def choose_form(self, name: str) -> None:
        """Issue the notice in the form ``name``; an edited notice is drafted again in it, after asking."""
        if name == profile_name(self.editor.meeting):
            return
        if not self._ask_to_redraft(self.tr("Đổi mẫu thông báo"), self.tr(
            "Thông báo đã được sửa tay. Đổi mẫu sẽ soạn lại thông báo từ biên bản theo mẫu mới; bản đã sửa vẫn "
            "được giữ và có thể lấy lại bằng nút “Khôi phục bản đã sửa”. Đổi mẫu?"
        )):
            self.form.setCurrentIndex(self.form.findData(profile_name(self.editor.meeting)))
            return
        self.editor.seal()
        self.editor.set_companion_fields(TABLE, {"profile": name} | NOTICE.redraft_values(self.editor.meeting))
        self.refresh()

    def redraft(self) -> None:
        if not self._ask_to_redraft(self.tr("Soạn lại thông báo kết luận"), self.tr(
            "Thông báo đã được sửa tay. Soạn lại từ biên bản sẽ thay thông báo đang có; bản đã sửa vẫn được "
            "giữ và có thể lấy lại bằng nút “Khôi phục bản đã sửa”. Soạn lại?"
        )):
            return
        self.editor.seal()
        self.editor.set_companion_fields(TABLE, NOTICE.redraft_values(self.editor.meeting))
        self.refresh()

    def restore(self) -> None:
        self.editor.seal()
        self.editor.set_companion_fields(TABLE, NOTICE.restore_values(self.editor.meeting))
        self.refresh()

    def _changed(self, event: object) -> None:
        # Our own keystrokes echo back: ignore them. Anything else seen while the tab is
        # shown (undo, redo) changes the notice itself, or the record a draft comes from.
        if self._writing or not self.isVisible():
            return
        if not self.edited or isinstance(event, FieldChanged) and event.name in _FIELDS:
            self.refresh()
