"""The one place the window catches what no one foresaw.

An exception that escapes a slot, an event handler or a worker thread would otherwise be
printed to a terminal nobody sees while the click does nothing. Here its details go to
the log file (``minutes_app.log``) and the user gets a short Vietnamese message: what
failed, that the record is safe, where the details are, and a button to copy them.
"""

import sys
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from minutes_app.log import describe, record_unexpected

# What failed, by the part of the app where the error arose (the innermost of the app's
# own modules in the traceback): the user knows what they were doing from that.
_AREAS: tuple[tuple[str, str], ...] = tuple((module, str(sentence)) for module, sentence in (
    ("minutes_app.documents",
     QT_TRANSLATE_NOOP("UnexpectedErrorDialog", "Không tạo được văn bản (biên bản hoặc tin bài).")),
    ("minutes_app.interchange", QT_TRANSLATE_NOOP("UnexpectedErrorDialog", "Không đọc hoặc ghi được tệp cuộc họp.")),
    ("minutes_app.editing", QT_TRANSLATE_NOOP("UnexpectedErrorDialog", "Không thực hiện được thay đổi vừa rồi.")),
    ("minutes_app.ui",
     QT_TRANSLATE_NOOP("UnexpectedErrorDialog", "Thao tác vừa rồi trong cửa sổ không thực hiện được.")),
    ("minutes_app", QT_TRANSLATE_NOOP("UnexpectedErrorDialog", "Thao tác với kho lưu trữ không thực hiện được.")),
))
_ANYWHERE = str(QT_TRANSLATE_NOOP("UnexpectedErrorDialog", "Thao tác vừa rồi không thực hiện được."))

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], object]


def failed_area(error: BaseException) -> str:
    """The untranslated sentence saying what failed, from where ``error`` arose."""
    modules = [frame.f_globals.get("__name__", "") for frame, _line in traceback.walk_tb(error.__traceback__)]
    for module in reversed(modules):
        for prefix, sentence in _AREAS:
            if module == prefix or module.startswith(prefix + "."):
                return sentence
    return _ANYWHERE


class UnexpectedErrorDialog(QDialog):
    """The message about one unexpected error, with its details a click away."""

    def __init__(self, error: BaseException, details: str, log: Path | None, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Lỗi không lường trước"))
        icon = QLabel()
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48, 48))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        where = (
            self.tr("Chi tiết lỗi đã được ghi vào tệp:\n{file}").format(file=log)
            if log is not None
            else self.tr("Không ghi được tệp nhật ký lỗi: hãy chép chi tiết và gửi cho người hỗ trợ.")
        )
        self.text = QLabel("\n\n".join([
            QApplication.translate("UnexpectedErrorDialog", failed_area(error))
            + " " + self.tr("Lỗi không lường trước: {error}.").format(error=describe(error)),
            self.tr("Dữ liệu cuộc họp vẫn an toàn: những gì đã lưu còn nguyên trong kho, "
                    "có thể làm tiếp hoặc thử lại."),
            where,
        ]))
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setMinimumWidth(460)
        self.copy = QPushButton(self.tr("Chép chi tiết"))
        self.copy.clicked.connect(self._copy)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.copy, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(icon)
        top.addWidget(self.text, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(buttons)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy.setText(self.tr("Đã chép"))


class UnexpectedErrors(QObject):
    """Catches exceptions no code handled, in the main thread and in worker threads."""

    # Emitted from any thread; the dialog is shown in the main thread (queued connection).
    raised = Signal(object)

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.dialog: UnexpectedErrorDialog | None = None
        self.raised.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous_hook: ExceptHook = sys.excepthook
        self._previous_thread_hook = threading.excepthook

    def install(self) -> None:
        sys.excepthook = self._hook
        threading.excepthook = self._thread_hook

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def _hook(self, kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            self._previous_hook(kind, error, trace)
            return
        self.raised.emit(error)

    def _thread_hook(self, arguments: threading.ExceptHookArgs) -> None:
        if arguments.exc_value is not None and not issubclass(arguments.exc_type, SystemExit):
            self.raised.emit(arguments.exc_value)

    @Slot(object)
    def _show(self, error: BaseException) -> None:
        window = QApplication.activeWindow()
        details, log = record_unexpected(error, f"window: {window.windowTitle() if window else '-'}")
        if self.dialog is not None:
            # One message at a time: an error repeated on every repaint must not flood the screen.
            self.dialog.details += "\n\n" + details
            return
        self.dialog = UnexpectedErrorDialog(error, details, log, window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.finished.connect(self._closed)
        self.dialog.open()

    def _closed(self) -> None:
        self.dialog = None


def install(app: QCoreApplication) -> UnexpectedErrors:
    """Route every unhandled exception of the app to the log and a message."""
    handler = UnexpectedErrors(app)
    handler.install()
    return handler
