"""The Article tab: the news article drafted from the record, edited block by block.

Until the user edits it, the tab shows a fresh draft of the saved record each time it is
shown. The first keystroke keeps the whole article as edited (one undoable step per
stretch of typing); from then on the record's changes no longer reach it unless the
user re-drafts, which asks first and keeps the edited text for 'Restore'.
"""

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QPixmap, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from minutes_app.archive import load_meeting
from minutes_app.documents.article import ArticleBlock, current_article, from_json, to_json
from minutes_app.documents.edited import ARTICLE
from minutes_app.editing.editor import FieldChanged
from minutes_app.text import clean
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.exporting import Exporter
from minutes_app.ui.fields import FieldBinding, UndoKeys, route_undo_keys
from minutes_app.ui.read_only import works_when_read_only
from minutes_app.ui.thumbnails import Thumbnails

PHOTO_EDGE = 360
_ARTICLE_FIELDS = ("article", "article_previous")


class GrowingText(QPlainTextEdit):
    """A paragraph editor as tall as its text, so the article reads as one page."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.setTabChangesFocus(True)
        self.setUndoRedoEnabled(False)  # the window's undo covers the article too
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().contentsChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        lines = max(1, int(self.document().size().height()))
        self.setFixedHeight(lines * self.fontMetrics().lineSpacing() + 14)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()


class ArticleTab(QWidget):
    def __init__(self, bridge: EditorBridge, keys: UndoKeys, exporter: Exporter) -> None:
        super().__init__()
        self.bridge = bridge
        self.editor = bridge.editor
        self.keys = keys
        self.exporter = exporter
        self.blocks: list[ArticleBlock] = []
        self._widgets: list[QWidget] = []  # one per block, in order
        self._writing = False  # our own edit is echoing back from the editor
        self.thumbnails = Thumbnails(self)
        self.thumbnails.ready.connect(self._thumbnail_ready)
        self._pictures: dict[object, QLabel] = {}

        self.state = QLabel()
        self.redraft_button = QPushButton(self.tr("Soạn &lại từ biên bản"))
        self.redraft_button.setAccessibleName(self.tr("Soạn lại tin bài từ biên bản"))
        self.redraft_button.clicked.connect(lambda: self.redraft())
        self.restore_button = QPushButton(self.tr("&Khôi phục bản đã sửa"))
        self.restore_button.setAccessibleName(self.tr("Khôi phục bản tin bài đã sửa trước khi soạn lại"))
        self.restore_button.clicked.connect(lambda: self.restore())
        actions = QHBoxLayout()
        actions.addWidget(self.state, 1)
        actions.addWidget(self.redraft_button)
        actions.addWidget(self.restore_button)
        for label, fmt in ((self.tr("Xuất DOCX…"), "docx"), (self.tr("Xuất PDF…"), "pdf")):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, f=fmt: self.exporter.export("press-release", f))
            works_when_read_only(button)
            actions.addWidget(button)
        printing = QPushButton(self.tr("Xem trước và in…"))
        printing.clicked.connect(lambda: self.exporter.print_preview("press-release"))
        works_when_read_only(printing)
        actions.addWidget(printing)

        # The press release's background paragraph: the draft prints it after the lead.
        self.background = QPlainTextEdit()
        self.background.setAccessibleName(self.tr("Bối cảnh: đoạn giới thiệu bối cảnh, in sau sa-pô"))
        self.background.setPlaceholderText(self.tr("Bối cảnh của Hội nghị, in ngay sau sa-pô (không bắt buộc)"))
        self.background.setTabChangesFocus(True)
        self.background.setFixedHeight(4 * self.background.fontMetrics().lineSpacing() + 14)
        route_undo_keys(self.background, keys)
        self.background_binding = FieldBinding(
            bridge, self.background, "background", self.editor.meeting,
            write=lambda _meeting, text, typing: self._set_background(text, typing),
            read=lambda meeting: meeting.press_release.background or "" if meeting.press_release else "",
        )
        # The draft follows the background once typing pauses, not at every keystroke.
        self.redraft_timer = QTimer(self)
        self.redraft_timer.setSingleShot(True)
        self.redraft_timer.setInterval(800)
        self.redraft_timer.timeout.connect(lambda: None if self.edited else self.refresh())
        background_label = QLabel(self.tr("&Bối cảnh"))
        background_label.setBuddy(self.background)
        background_row = QHBoxLayout()
        background_row.addWidget(background_label, 0, Qt.AlignmentFlag.AlignTop)
        background_row.addWidget(self.background, 1)

        self.page = QWidget()
        self.page_layout = QVBoxLayout(self.page)
        self.page_layout.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.page)
        scroll.setAccessibleName(self.tr("Nội dung tin bài"))
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        layout.addLayout(background_row)
        layout.addWidget(scroll, 1)
        bridge.changed.connect(self._changed)

    # --- showing -------------------------------------------------------------------------

    @property
    def edited(self) -> bool:
        return ARTICLE.is_edited(self.editor.meeting)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def refresh(self) -> None:
        """Show the edited article, or a draft of the record as saved now."""
        meeting = self.editor.meeting
        stored = ARTICLE.stored(meeting)
        if stored is not None:  # edited
            self.blocks = from_json(meeting, stored)
        else:
            # The draft reads the record's links (speaker, photo, chair) as saved.
            self.editor.autosaver.flush(timeout=5)
            with self.editor.archive.sessions() as session:
                drafted = current_article(load_meeting(session, meeting.id))
            self.blocks = [ArticleBlock(b.kind, b.text, self.editor.photo(b.photo.id) if b.photo else None)
                           for b in drafted]
        self._rebuild()
        self.background_binding.show_row(meeting)
        self.state.setText(self.tr("Đã sửa tay: bài không tự đổi theo biên bản nữa.") if self.edited
                           else self.tr("Bản nháp tự động, soạn từ biên bản đã lưu."))
        self.restore_button.setEnabled(bool(ARTICLE.restore_values(meeting)))

    def _rebuild(self) -> None:
        for widget in self._widgets:
            widget.deleteLater()
        self._widgets, self._pictures = [], {}
        for index, block in enumerate(self.blocks):
            widget = self._block_widget(index, block)
            self.page_layout.addWidget(widget)
            self._widgets.append(widget)

    def _block_widget(self, index: int, block: ArticleBlock) -> QWidget:
        names = {"headline": self.tr("Tít"), "lead": self.tr("Sa-pô"), "subheading": self.tr("Tiêu đề phụ"),
                 "paragraph": self.tr("Đoạn {n}"), "photo": self.tr("Chú thích ảnh"), "byline": self.tr("Tác giả")}
        name = names[block.kind].format(n=index)
        if block.kind == "photo":
            return self._photo_widget(index, block, name)
        editor: QLineEdit | QPlainTextEdit
        if block.kind in ("headline", "subheading", "byline"):
            editor = QLineEdit(block.text)
            editor.textEdited.connect(lambda text, i=index: self._edited(i, text))
            editor.editingFinished.connect(self.editor.seal)
            if block.kind == "byline":
                editor.setAlignment(Qt.AlignmentFlag.AlignRight)
        else:
            editor = GrowingText(block.text)
            editor.textChanged.connect(lambda i=index, e=editor: self._edited(i, e.toPlainText()))
        font = QFont(editor.font())
        font.setBold(block.kind in ("headline", "lead", "subheading", "byline"))
        if block.kind == "headline":
            font.setPointSizeF(font.pointSizeF() * 1.4)
        editor.setFont(font)
        editor.setAccessibleName(name)
        route_undo_keys(editor, self.keys)
        return editor

    def _photo_widget(self, index: int, block: ArticleBlock, name: str) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        picture = QLabel(self.tr("(đang tải ảnh…)"))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        picture.setMinimumHeight(PHOTO_EDGE * 2 // 3)
        caption = QLineEdit(block.text)
        caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont(caption.font())
        font.setItalic(True)
        caption.setFont(font)
        caption.setAccessibleName(name)
        caption.textEdited.connect(lambda text, i=index: self._edited(i, text))
        caption.editingFinished.connect(self.editor.seal)
        route_undo_keys(caption, self.keys)
        remove = QPushButton(self.tr("Bỏ ảnh này khỏi bài"))
        remove.clicked.connect(lambda _=False, i=index: self._remove(i))
        row = QHBoxLayout()
        row.addWidget(caption, 1)
        row.addWidget(remove)
        layout.addWidget(picture)
        layout.addLayout(row)
        photo = block.photo
        if photo is not None:
            self._pictures[photo.id] = picture
            self.thumbnails.request(photo.id, partial(self.editor.photo_data, photo), PHOTO_EDGE)
        return box

    def _thumbnail_ready(self, key: object, png: bytes) -> None:
        picture = self._pictures.get(key)
        if picture is not None:
            pixmap = QPixmap()
            pixmap.loadFromData(png)
            picture.setPixmap(pixmap)
            picture.setMinimumHeight(pixmap.height())  # the page scrolls; a photo never shrinks

    # --- editing ---------------------------------------------------------------------------

    def _store(self, typing: bool) -> None:
        self._writing = True
        try:
            self.editor.set_press_release_field("article", to_json(self.blocks), typing)
        finally:
            self._writing = False

    def _set_background(self, text: str, typing: bool) -> None:
        self._writing = True
        try:
            self.editor.set_press_release_field("background", clean(text) or None, typing)
        finally:
            self._writing = False
        self.redraft_timer.start()

    def _edited(self, index: int, text: str) -> None:
        block = self.blocks[index]
        self.blocks[index] = ArticleBlock(block.kind, clean(text), block.photo)
        was_edited = self.edited
        self._store(typing=True)
        if not was_edited:
            self.state.setText(self.tr("Đã sửa tay: bài không tự đổi theo biên bản nữa."))

    def _remove(self, index: int) -> None:
        del self.blocks[index]
        self.editor.seal()
        self._store(typing=False)
        self._rebuild()

    def redraft(self) -> None:
        if self.edited and QMessageBox.question(
            self, self.tr("Soạn lại tin bài"),
            self.tr("Tin bài đã được sửa tay. Soạn lại từ biên bản sẽ thay bài đang có; bản đã sửa "
                    "vẫn được giữ và có thể lấy lại bằng nút “Khôi phục bản đã sửa”. Soạn lại?"),
        ) != QMessageBox.StandardButton.Yes:
            return
        self.editor.set_press_release_fields(ARTICLE.redraft_values(self.editor.meeting))
        self.refresh()

    def restore(self) -> None:
        self.editor.set_press_release_fields(ARTICLE.restore_values(self.editor.meeting))
        self.refresh()

    def _changed(self, event: object) -> None:
        # Our own keystrokes echo back: ignore them. Anything else seen while the tab is
        # shown (undo, redo) changes the article itself, or the record a draft comes from.
        if self._writing or not self.isVisible():
            return
        if not self.edited or isinstance(event, FieldChanged) and event.name in _ARTICLE_FIELDS:
            self.refresh()
