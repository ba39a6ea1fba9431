"""Exporting the minutes, the article and the notice of conclusions to DOCX or PDF, and printing them.

The autosave is flushed first and the meeting read back from the archive, so a document
shows exactly what is saved. Problems are shown in the window, never as a traceback.
"""

import re
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMimeDatabase, QObject, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QMessageBox, QWidget

from minutes_app.documents import ExportError
from minutes_app.documents.record_state import file_label
from minutes_app.editing.editor import MeetingEditor
from minutes_app.history import export
from minutes_app.i18n import app_name
from minutes_app.text import cut_at_word
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


def file_stem(day: datetime, name: str, length: int = NAME_LENGTH) -> str:
    """'2026-07-10 Biên bản Hội nghị sơ kết…': the date first, cut between words to
    ``length`` characters, safe on every file system."""
    stem = f"{day:%Y-%m-%d} {_UNSAFE.sub(' ', name).strip()}"
    return cut_at_word(stem, length).rstrip(" .")


def has_viewer(path: Path) -> bool:
    """Whether some program opens files like ``path``. Only the Linux desktops can be asked
    beforehand (xdg-mime); elsewhere the system says so when asked to open it."""
    if sys.platform in ("win32", "darwin") or shutil.which("xdg-mime") is None:
        return True
    kind = QMimeDatabase().mimeTypeForFile(path.name, QMimeDatabase.MatchMode.MatchExtension).name()
    try:
        found = subprocess.run(["xdg-mime", "query", "default", kind], capture_output=True, text=True, timeout=5)
    except (OSError, subprocess.SubprocessError):
        return True
    return bool(found.stdout.strip())


def zoom_of(view: QPrintPreviewWidget) -> str:
    """How the print preview was zoomed: 'width', 'page' or the factor."""
    mode = view.zoomMode()
    if mode == QPrintPreviewWidget.ZoomMode.FitToWidth:
        return "width"
    if mode == QPrintPreviewWidget.ZoomMode.FitInView:
        return "page"
    return f"{view.zoomFactor():.4f}"


def set_zoom(view: QPrintPreviewWidget, zoom: str) -> None:
    if zoom == "page":
        view.fitInView()
        return
    try:
        factor = float(zoom)
    except ValueError:
        view.fitToWidth()
        return
    view.setZoomMode(QPrintPreviewWidget.ZoomMode.CustomZoom)
    view.setZoomFactor(factor)


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
        self.document_names = {"minutes": self.tr("Biên bản"), "press-release": self.tr("Tin bài"),
                               "conclusions": self.tr("Thông báo kết luận")}
        # A preview dialog does not own its printer: each is kept here while its dialog is open.
        self._printers: dict[QPrintPreviewDialog, QPrinter] = {}

    def proposed_name(self, document: str, fmt: str, version: int | None = None) -> str:
        """'2026-07-10 Biên bản Hội nghị sơ kết… du-thao.docx' ('v2' for final version 2),
        safe on every file system."""
        meeting = self.editor.meeting
        title = meeting.title.strip() or self.tr("Cuộc họp")
        current = version is None or version == meeting.record_version
        label = file_label(meeting) if current else f"v{version}"
        stem = file_stem(meeting.starts_at, f"{self.document_names[document]} {title}", NAME_LENGTH - len(label) - 1)
        return f"{stem} {label}.{fmt}"

    def export(self, document: str, fmt: str, version: int | None = None) -> Path | None:
        """Ask where, export there (version ``version``, by default the current one), open the result."""
        suggested = self.settings.last_folder / self.proposed_name(document, fmt, version)
        filters = {"docx": self.tr("Tài liệu Word (*.docx)"), "pdf": self.tr("Tài liệu PDF (*.pdf)")}
        title = self.tr("Xuất {document}").format(document=self.document_names[document].lower())
        path = ask_path(self.window, title, suggested, filters[fmt], fmt, self.settings)
        if path is None or not self.export_to(document, fmt, path, version):
            return None
        if self.open_results:
            self.open_result(path)
        return path

    def open_result(self, path: Path) -> bool:
        """Open the exported file in its program; when there is none, say where the file is
        and offer to open its folder."""
        if has_viewer(path) and QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            return True
        box = QMessageBox(QMessageBox.Icon.Information, app_name(), self.tr(
            "Đã xuất tệp, nhưng máy này chưa có chương trình nào mở được tệp {kind}.\n\n"
            "Tệp nằm ở:\n{file}").format(kind=path.suffix.lstrip(".").upper(), file=path), parent=self.window)
        folder = box.addButton(self.tr("&Mở thư mục chứa tệp"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(folder)
        box.exec()
        if box.clickedButton() is folder and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent))):
            self.message.emit(self.tr("Không mở được thư mục {folder}.").format(folder=path.parent))
        return False

    def export_to(
        self, document: str, fmt: str, path: Path, version: int | None = None, record: bool = True,
        announce: bool = True,
    ) -> bool:
        """Write the document (an export of a final version is recorded, unless ``record``
        is False); on failure say why in the window and return False. ``announce``: say in
        the window where it was written (not for a print preview's file)."""
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
        if announce:
            self.message.emit(self.tr("Đã xuất {file}").format(file=path))
        return True

    def print_preview(self, document: str) -> QPrintPreviewDialog | None:
        """Export the PDF to a temporary file and show it in the print preview."""
        folder = Path(tempfile.mkdtemp(prefix="minutes-app-print-"))
        pdf = folder / self.proposed_name(document, "pdf")
        if not self.export_to(document, "pdf", pdf, record=False, announce=False):
            return None
        pages = pdf_page_images(pdf)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(pdf.stem)
        dialog = QPrintPreviewDialog(printer, self.window)
        name = self.document_names[document].lower()
        dialog.setWindowTitle(self.tr("Xem trước và in {document}").format(document=name))
        dialog.paintRequested.connect(lambda p: paint_pages(p, pages))
        self._printers[dialog] = printer
        dialog.finished.connect(lambda _result: self._printers.pop(dialog, None))
        # As large as the meeting window, over it; the pages at the zoom chosen last time.
        dialog.setGeometry(self.window.geometry())
        view = dialog.findChild(QPrintPreviewWidget)
        assert view is not None
        dialog.finished.connect(lambda _result: setattr(self.settings, "print_zoom", zoom_of(view)))
        dialog.open()
        set_zoom(view, self.settings.print_zoom)
        return dialog
