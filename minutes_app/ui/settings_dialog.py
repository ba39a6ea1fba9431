"""Settings: the language of the window, the user, the archive, the microphone, when a task
is due soon, and the quick phrases of the Proceedings tab."""

from pathlib import Path

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import ArgumentError

from minutes_app.storage import default_url, sqlite_path
from minutes_app.ui import file_dialogs
from minutes_app.ui.settings import MAX_DUE_SOON_DAYS, QuickPhrase, Settings


class SettingsDialog(QDialog):
    def __init__(self, parent: QWidget, settings: Settings) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Cài đặt"))
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Ngôn ngữ"))
        self.language.addItem("Tiếng Việt", "vi")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.user_name = QLineEdit(settings.user_name)
        self.user_name.setAccessibleName(self.tr("Tên người dùng"))
        self.archive_url = QLineEdit(settings.archive_url)
        self.archive_url.setAccessibleName(self.tr("Địa chỉ kho lưu trữ"))
        self.archive_url.setPlaceholderText(self.tr("để trống: tệp trên máy này; máy chủ: postgresql+psycopg://tên@máy-chủ/minutes"))
        inputs, outputs = _sound_devices()
        self.microphone = _device_choice(self.tr("(micrô mặc định của hệ thống)"), inputs, settings.audio_input)
        self.microphone.setAccessibleName(self.tr("Micrô để ghi âm"))
        self.speakers = _device_choice(self.tr("(loa mặc định của hệ thống)"), outputs, settings.audio_output)
        self.speakers.setAccessibleName(self.tr("Loa để nghe lại"))
        self.due_soon = QSpinBox()
        self.due_soon.setRange(0, MAX_DUE_SOON_DAYS)
        self.due_soon.setValue(settings.due_soon_days)
        self.due_soon.setSuffix(self.tr(" ngày trước hạn"))
        self.due_soon.setAccessibleName(self.tr("Số ngày trước hạn được tính là sắp đến hạn"))
        form = QFormLayout()
        form.addRow(self.tr("&Ngôn ngữ"), self.language)
        form.addRow(self.tr("&Tên người dùng"), self.user_name)
        self.choose_file = QPushButton(self.tr("&Chọn tệp…"))
        self.choose_file.clicked.connect(lambda: self.choose_archive_file())
        archive_row = QHBoxLayout()
        archive_row.addWidget(self.archive_url, 1)
        archive_row.addWidget(self.choose_file)
        archive_label = QLabel(self.tr("&Kho lưu trữ"))
        archive_label.setBuddy(self.archive_url)
        form.addRow(archive_label, archive_row)
        form.addRow(self.tr("&Micrô"), self.microphone)
        form.addRow(self.tr("L&oa"), self.speakers)
        form.addRow(self.tr("Nhiệm vụ &sắp đến hạn từ"), self.due_soon)

        self.phrases = QTableWidget(0, 2)
        self.phrases.setAccessibleName(self.tr("Cụm từ nhanh"))
        self.phrases.setHorizontalHeaderLabels([self.tr("Phím tắt"), self.tr("Cụm từ")])
        self.phrases.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for phrase in settings.quick_phrases:
            self._add_row(phrase.shortcut, phrase.text)
        add = QPushButton(self.tr("&Thêm cụm từ"))
        add.clicked.connect(lambda: self._add_row("", ""))
        remove = QPushButton(self.tr("&Xóa cụm từ"))
        remove.clicked.connect(lambda: self.phrases.removeRow(self.phrases.currentRow()))
        buttons_row = QHBoxLayout()
        buttons_row.addWidget(add)
        buttons_row.addWidget(remove)
        buttons_row.addStretch(1)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Cụm từ nhanh (chèn vào tóm tắt ý kiến bằng phím tắt, ví dụ Ctrl+1):")))
        layout.addWidget(self.phrases, 1)
        layout.addLayout(buttons_row)
        layout.addWidget(QLabel(self.tr(
            "Ngôn ngữ mới có hiệu lực cho các cửa sổ mở sau đó; kho lưu trữ mới, khi mở lại ứng dụng. "
            "Mật khẩu máy chủ không lưu ở đây: ứng dụng hỏi khi cần và có thể giữ trong kho khóa của hệ thống."
        )))
        layout.addWidget(buttons)
        self.resize(620, 420)

    def choose_archive_file(self) -> Path | None:
        """Pick the archive file (an existing one, or a new one to create) in a file dialog."""
        try:
            current = sqlite_path(self.archive_url.text().strip() or default_url())
        except ArgumentError:  # not an address: start from the user's own archive
            current = None
        proposed = current or sqlite_path(default_url()) or Path.home()
        path = file_dialogs.choose_archive(
            self, self.tr("Chọn tệp kho lưu trữ"), proposed, self.tr("Kho lưu trữ (*.sqlite3 *.db);;Mọi tệp (*)")
        )
        if path is not None:
            self.archive_url.setText(f"sqlite:///{path}")
        return path

    def _add_row(self, shortcut: str, text: str) -> None:
        row = self.phrases.rowCount()
        self.phrases.insertRow(row)
        self.phrases.setItem(row, 0, QTableWidgetItem(shortcut))
        self.phrases.setItem(row, 1, QTableWidgetItem(text))

    def _cell(self, row: int, column: int) -> str:
        item = self.phrases.item(row, column)
        return item.text().strip() if item is not None else ""

    def chosen_phrases(self) -> list[QuickPhrase]:
        phrases: list[QuickPhrase] = []
        for row in range(self.phrases.rowCount()):
            keys = QKeySequence(self._cell(row, 0))
            text = self._cell(row, 1)
            if not keys.isEmpty() and text:
                phrases.append(QuickPhrase(keys.toString(QKeySequence.SequenceFormat.PortableText), text))
        return phrases

    def accept(self) -> None:
        self.settings.language = str(self.language.currentData())
        self.settings.user_name = self.user_name.text()
        self.settings.archive_url = self.archive_url.text().strip()
        self.settings.due_soon_days = self.due_soon.value()
        self.settings.quick_phrases = self.chosen_phrases()
        self.settings.audio_input = str(self.microphone.currentData())
        self.settings.audio_output = str(self.speakers.currentData())
        super().accept()


def _sound_devices() -> tuple[list[str], list[str]]:
    """The system's microphones and speakers; none listed when the sound system cannot be used."""
    from minutes_app.audio import AudioError
    from minutes_app.audio.devices import input_devices, output_devices

    try:
        return input_devices(), output_devices()
    except AudioError:
        return [], []


def _device_choice(default: str, names: list[str], chosen: str) -> QComboBox:
    """A list of devices: the system's default first, and the one chosen even if absent now."""
    box = QComboBox()
    box.addItem(default, "")
    for name in [*names, chosen]:
        if name and box.findData(name) < 0:
            box.addItem(name, name)
    box.setCurrentIndex(max(0, box.findData(chosen)))
    return box
