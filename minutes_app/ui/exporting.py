"""Exporting the minutes and the article to DOCX or PDF, and printing them.

The autosave is flushed first and the meeting read back from the archive, so a document
shows exactly what is saved. Problems are shown in the window, never as a traceback.
"""

import re
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from minutes_app.documents import ExportError
from minutes_app.documents.record_state import file_label
from minutes_app.editing.editor import MeetingEditor
from minutes_app.history import export
from minutes_app.ui import file_dialogs
from minutes_app.ui.printing import paint_pages, pdf_page_images
from minutes_app.ui.settings import Settings
from minutes_app.versions import NoSuchVersion

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
NAME_LENGTH = 90


def ask_path(
    window: QWidget, title: str, suggested: Path, file_filter: str, fmt: str, settings: Settings
) -> Path | None:
    """Where the user wants an export written, with its extension; the folder is remembered."""
    path = file_dialogs.save_file(window, title, suggested, file_filter)
    if path is None:
        return None
    if path.suffix.casefold() != f".{fmt}":
        path = path.with_name(f"{path.name}.{fmt}")
    settings.last_folder = path.parent
    return path


class Exporter(QObject):
    """Exports and prints one meeting's documents; ``message`` tells the window what happened."""

    message = Signal(str)

    def __init__(self, window: QWidget, editor: MeetingEditor, settings: Settings) -> None:
        super().__init__(window)
        self.window = window
        self.editor = editor
        self.settings = settings
        # Tests switch this off: there is no desktop to open the file on.
        self.open_results = True
        self.document_names = {"minutes": self.tr("Biên bản"), "press-release": self.tr("Tin bài")}
        # A preview dialog does not own its printer: each is kept here while its dialog is open.
        self._printers: dict[QPrintPreviewDialog, QPrinter] = {}

    def proposed_name(self, document: str, fmt: str, version: int | None = None) -> str:
        """'2026-07-10 Biên bản Hội nghị sơ kết… du-thao.docx' ('v2' for final version 2),
        safe on every file system."""
        meeting = self.editor.meeting
        title = _UNSAFE.sub(" ", meeting.title).strip() or self.tr("Cuộc họp")
        stem = f"{meeting.starts_at:%Y-%m-%d} {self.document_names[document]} {title}"
        current = version is None or version == meeting.record_version
        label = file_label(meeting) if current else f"v{version}"
        return f"{' '.join(stem.split())[:NAME_LENGTH].rstrip(' .')} {label}.{fmt}"

    def export(self, document: str, fmt: str, version: int | None = None) -> Path | None:
        """Ask where, export there (version ``version``, by default the current one), open the result."""
        suggested = self.settings.last_folder / self.proposed_name(document, fmt, version)
        filters = {"docx": self.tr("Tài liệu Word (*.docx)"), "pdf": self.tr("Tài liệu PDF (*.pdf)")}
        title = self.tr("Xuất {document}").format(document=self.document_names[document])
        path = ask_path(self.window, title, suggested, filters[fmt], fmt, self.settings)
        if path is None or not self.export_to(document, fmt, path, version):
            return None
        if self.open_results:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        return path

    def export_to(self, document: str, fmt: str, path: Path, version: int | None = None, record: bool = True) -> bool:
        """Write the document (an export of a final version is recorded, unless ``record``
        is False); on failure say why in the window and return False."""
        if not self.editor.autosaver.flush(timeout=10):
            self.message.emit(self.tr("Chưa lưu được các thay đổi mới nhất nên chưa xuất văn bản."))
            return False
        try:
            export(self.editor.archive, self.editor.meeting.id, document, fmt, path, version=version,
                   user=self.settings.user_name, record=record)
        except (ExportError, NoSuchVersion) as error:
            self.message.emit(str(error))
            return False
        except OSError as error:
            self.message.emit(
                self.tr("Không ghi được tệp “{file}”: {reason}. Hãy chọn thư mục khác.").format(
                    file=path, reason=error.strerror or error
                )
            )
            return False
        self.message.emit(self.tr("Đã xuất {file}").format(file=path))
        return True

    def print_preview(self, document: str) -> QPrintPreviewDialog | None:
        """Export the PDF to a temporary file and show it in the print preview."""
        folder = Path(tempfile.mkdtemp(prefix="minutes-app-print-"))
        pdf = folder / self.proposed_name(document, "pdf")
        if not self.export_to(document, "pdf", pdf, record=False):
            return None
        pages = pdf_page_images(pdf)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(pdf.stem)
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Xem trước khi in: {document}").format(document=self.document_names[document]))
        dialog.paintRequested.connect(lambda p: paint_pages(p, pages))
        self._printers[dialog] = printer
        dialog.finished.connect(lambda _result: self._printers.pop(dialog, None))
        dialog.open()
        return dialog
