"""The Photos tab: add from files or by dropping them, caption, link to a speech."""

from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from minutes_app.editing.editor import FieldChanged, RowInserted, RowMoved, RowRemoved
from minutes_app.editing.photos import photo_from_file
from minutes_app.images import BadImage
from minutes_app.model import Photo, Speech
from minutes_app.ui import file_dialogs
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.fields import FieldBinding, UndoKeys, route_undo_keys
from minutes_app.ui.settings import Settings
from minutes_app.ui.thumbnails import THUMB, Thumbnails


class PhotosTab(QWidget):
    def __init__(self, bridge: EditorBridge, keys: UndoKeys, settings: Settings) -> None:
        super().__init__()
        self.editor = bridge.editor
        self.settings = settings
        self.setAcceptDrops(True)
        self._icons: dict[object, QIcon] = {}
        self.thumbnails = Thumbnails(self)
        self.thumbnails.ready.connect(self._thumbnail_ready)

        self.list = QListWidget()
        self.list.setViewMode(QListView.ViewMode.IconMode)
        self.list.setIconSize(QSize(THUMB, THUMB))
        self.list.setGridSize(QSize(THUMB + 40, THUMB + 48))
        self.list.setResizeMode(QListView.ResizeMode.Adjust)
        self.list.setWordWrap(True)
        self.list.setMovement(QListView.Movement.Static)
        self.list.setAccessibleName(self.tr("Các ảnh của cuộc họp"))
        self.list.currentRowChanged.connect(self._show)

        add = QPushButton(self.tr("&Thêm ảnh…"))
        add.setAccessibleName(self.tr("Thêm ảnh từ tệp"))
        add.clicked.connect(self.choose_files)
        delete = QPushButton(self.tr("&Xóa ảnh"))
        delete.setAccessibleName(self.tr("Xóa ảnh đang chọn"))
        delete.clicked.connect(self.delete_current)
        self.caption = QLineEdit()
        self.caption.setAccessibleName(self.tr("Chú thích ảnh"))
        self.caption.setPlaceholderText(self.tr("Ví dụ: Quang cảnh Hội nghị"))
        route_undo_keys(self.caption, keys)
        self.caption_binding = FieldBinding(bridge, self.caption, "caption")
        self.speech = QComboBox()
        self.speech.setAccessibleName(self.tr("Ý kiến phát biểu gắn với ảnh"))
        self.speech.activated.connect(self._speech_chosen)
        self.message = QLabel(self.tr("Kéo thả ảnh JPEG hoặc PNG vào đây."))
        self.message.setWordWrap(True)
        self.message.setAccessibleName(self.tr("Thông báo"))

        form = QFormLayout()
        form.addRow(self.tr("&Chú thích"), self.caption)
        form.addRow(self.tr("Gắn với ý &kiến"), self.speech)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(delete)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        bridge.changed.connect(self._changed)
        self._rebuild()

    @property
    def current(self) -> Photo | None:
        row = self.list.currentRow()
        photos = self.editor.meeting.photos
        return photos[row] if 0 <= row < len(photos) else None

    # --- adding --------------------------------------------------------------------

    def choose_files(self) -> None:
        paths = file_dialogs.open_files(
            self, self.tr("Thêm ảnh"), self.settings.last_folder, self.tr("Ảnh (*.jpg *.jpeg *.png)")
        )
        if paths:
            self.settings.last_folder = paths[0].parent
            self.add_files(paths)

    def add_files(self, paths: list[Path]) -> list[str]:
        """Add the pictures among ``paths``; returns (and shows) why the others were refused."""
        refused: list[str] = []
        for path in paths:
            try:
                photo = photo_from_file(path)
            except BadImage as error:
                refused.append(str(error))
                continue
            self.editor.add_photo(photo)
        if refused:
            self.message.setText(self.tr("Không thêm được: {reasons}").format(reasons="; ".join(refused)))
        else:
            self.message.setText(self.tr("Đã thêm {n} ảnh.").format(n=len(paths)))
        self.list.setCurrentRow(self.list.count() - 1)
        return refused

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.add_files(paths)

    def delete_current(self) -> None:
        if self.current is not None:
            self.editor.delete(self.current)

    # --- showing -------------------------------------------------------------------

    def _label(self, number: int, photo: Photo) -> str:
        return f"{number}. {photo.caption or photo.file_name}"

    def _rebuild(self) -> None:
        row = self.list.currentRow()
        self.list.clear()
        for number, photo in enumerate(self.editor.meeting.photos, start=1):
            item = QListWidgetItem(self._label(number, photo))
            item.setData(Qt.ItemDataRole.UserRole, photo.id)
            if photo.id in self._icons:
                item.setIcon(self._icons[photo.id])
            else:
                self._load_thumbnail(photo)
            self.list.addItem(item)
        for photo in self.editor.meeting.photos:
            self.thumbnails.prepare_for_documents(photo.sha256, partial(self.editor.photo_data, photo))
        self.list.setCurrentRow(min(max(row, 0), self.list.count() - 1))
        self._show(self.list.currentRow())

    def _load_thumbnail(self, photo: Photo) -> None:
        self.thumbnails.request(photo.id, lambda: self.editor.photo_data(photo))

    def _thumbnail_ready(self, key: object, png: bytes) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(png, "PNG")
        self._icons[key] = QIcon(pixmap)
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == key:
                self.list.item(i).setIcon(self._icons[key])

    def _show(self, row: int) -> None:
        photo = self.current
        self.caption_binding.show_row(photo)
        self.speech.setEnabled(photo is not None)
        self.speech.clear()
        self.speech.addItem(self.tr("(không gắn)"), None)
        for number, speech in enumerate(self.editor.meeting.speeches, start=1):
            speaker = self.editor.attendance(speech.speaker_id)
            name = speaker.person.name if speaker else self.tr("(chưa rõ người phát biểu)")
            at = speech.at.strftime("%H:%M") if speech.at else ""
            self.speech.addItem(f"{number}. {at} {name}", speech)
            if photo is not None and speech.photo_id == photo.id:
                self.speech.setCurrentIndex(self.speech.count() - 1)

    def _speech_chosen(self, index: int) -> None:
        photo = self.current
        if photo is None:
            return
        chosen: Speech | None = self.speech.itemData(index)
        for speech in self.editor.meeting.speeches:
            if speech.photo_id == photo.id and speech is not chosen:
                self.editor.link_photo(speech, None)
        if chosen is not None:
            self.editor.link_photo(chosen, photo)

    def _changed(self, event: object) -> None:
        match event:
            case RowInserted(collection="photos") | RowRemoved(collection="photos") | RowMoved(collection="photos"):
                self._rebuild()
            case FieldChanged(row=Photo() as photo, name="caption"):
                row = self.editor.meeting.photos.index(photo)
                if row < self.list.count():
                    self.list.item(row).setText(self._label(row + 1, photo))
            case RowInserted(collection="speeches") | RowRemoved(collection="speeches"):
                self._show(self.list.currentRow())
            case FieldChanged(row=Speech(), name="photo_id" | "speaker_id"):
                self._show(self.list.currentRow())
