"""The record's state in the meeting window: a badge that says draft, final or reopened,
and the actions that change it: "Chốt biên bản…" (the signers confirm), "Mở lại để sửa…"
(a reason is required), and "Lịch sử phiên bản…".

A final record locks the window (``locked``): the window makes every part that joined
its ReadOnlyLock read-only. The state is the archive's: the editor shows it as saved,
also when someone else finalised or reopened the meeting on a shared archive.
"""

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from minutes_app.editing.editor import FieldChanged
from minutes_app.finality import MeetingIsFinal
from minutes_app.history import StateError, VersionLine, finalize, history, reopen, signers
from minutes_app.i18n import app_name
from minutes_app.model import RecordState
from minutes_app.ui.history_panel import HistoryPanel

if TYPE_CHECKING:
    from minutes_app.ui.meeting_window import MeetingWindow

_STYLES = {
    RecordState.DRAFT: "background: #fff4d6; color: #6b4a00; border: 1px solid #d9b44a;",
    RecordState.REOPENED: "background: #ffe3cc; color: #7a3300; border: 1px solid #e08a3c;",
    RecordState.FINAL: "background: #dcefdc; color: #1f5121; border: 1px solid #6aa86c;",
}


class FinalizeDialog(QDialog):
    """Both signers confirm that the text is what they signed."""

    def __init__(self, parent: QWidget, version: int, secretary: str, chair: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chốt biên bản"))
        text = QLabel(self.tr(
            "Biên bản sẽ được chốt thành phiên bản {version} và giữ nguyên như đang có. Sau khi chốt, mọi nội dung "
            "của biên bản (kể cả tin bài) chỉ đọc; muốn sửa phải mở lại để sửa, có ghi lý do, và bản sửa sẽ là "
            "phiên bản {next}.").format(version=version, next=version + 1))
        text.setWordWrap(True)
        confirm = self.tr("{role} {name} xác nhận: đây đúng là nội dung đã ký.")
        self.secretary = QCheckBox(confirm.format(role=self.tr("Thư ký"), name=secretary))
        self.chair = QCheckBox(confirm.format(role=self.tr("Chủ tọa"), name=chair))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("&Chốt biên bản"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        for box in (self.secretary, self.chair):
            box.toggled.connect(lambda _on: self.ok.setEnabled(self.secretary.isChecked() and self.chair.isChecked()))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (text, self.secretary, self.chair, buttons):
            layout.addWidget(widget)
        self.resize(560, self.sizeHint().height())


class ReopenDialog(QDialog):
    """Why the final record is opened again: required."""

    def __init__(self, parent: QWidget, version: int) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Mở lại để sửa"))
        text = QLabel(self.tr(
            "Phiên bản {version} đã chốt vẫn được giữ nguyên trong lịch sử. Bản sửa sẽ là phiên bản {next}, là dự "
            "thảo cho đến khi chốt lại. Lý do sửa (bắt buộc):").format(version=version, next=version + 1))
        text.setWordWrap(True)
        self.reason = QPlainTextEdit()
        self.reason.setAccessibleName(self.tr("Lý do sửa"))
        self.reason.setTabChangesFocus(True)
        text.setBuddy(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.addButton(self.tr("&Mở lại để sửa"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setEnabled(False)
        self.reason.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason.toPlainText().strip())))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (text, self.reason, buttons):
            layout.addWidget(widget)
        self.resize(560, 260)


class RecordStateBar(QToolBar):
    locked = Signal(bool)

    def __init__(self, window: "MeetingWindow") -> None:
        super().__init__(window.tr("Trạng thái biên bản"), window)
        self.setObjectName("record-state")
        self.setMovable(False)
        self.window_ = window
        self.editor = window.editor
        self.history_panel: HistoryPanel | None = None
        # Tests answer the dialogs through these (a dialog's exec() would wait for a person).
        self.confirm_finalize = self._confirm_finalize
        self.ask_reason = self._ask_reason

        self.badge = QLabel()
        self.badge.setAccessibleName(self.tr("Trạng thái biên bản"))
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.addWidget(self.badge)
        self.addSeparator()
        self.finalize_action = QAction(self.tr("C&hốt biên bản…"), self)
        self.finalize_action.triggered.connect(lambda: self.finalize())
        self.reopen_action = QAction(self.tr("Mở &lại để sửa…"), self)
        self.reopen_action.triggered.connect(lambda: self.reopen())
        self.history_action = QAction(self.tr("Lịch sử &phiên bản…"), self)
        self.history_action.triggered.connect(lambda: self.show_history())
        menu = window.menuBar().addMenu(self.tr("&Biên bản"))
        for action in (self.finalize_action, self.reopen_action, self.history_action):
            self.addAction(action)
            menu.addAction(action)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self)
        window.bridge.changed.connect(self._changed)
        self.show_state()

    @property
    def final(self) -> bool:
        return self.editor.is_final

    def show_state(self) -> None:
        meeting = self.editor.meeting
        state = RecordState(meeting.state)
        number = meeting.record_version
        if state == RecordState.FINAL:
            text = self.tr("ĐÃ CHỐT · phiên bản {n} · chỉ đọc").format(n=number)
        elif state == RecordState.REOPENED:
            reason = next((line.reason for line in history(self.editor.archive, meeting.id)
                           if line.number == number), "") or ""
            text = self.tr("ĐANG SỬA · phiên bản {n} · lý do: {reason}").format(n=number, reason=_short(reason))
        else:
            text = self.tr("DỰ THẢO · phiên bản {n}").format(n=number)
        self.badge.setText(text)
        self.badge.setStyleSheet(f"QLabel {{ {_STYLES[state]} padding: 3px 8px; font-weight: bold; }}")
        self.finalize_action.setEnabled(state != RecordState.FINAL)
        self.reopen_action.setEnabled(state == RecordState.FINAL)
        self.locked.emit(state == RecordState.FINAL)

    def _changed(self, event: object) -> None:
        if isinstance(event, FieldChanged) and event.row is self.editor.meeting and event.name in (
                "state", "record_version"):
            self.show_state()
            if self.history_panel is not None:
                self.history_panel.refresh()

    # --- changing the state ------------------------------------------------------------

    def _confirm_finalize(self, version: int, secretary: str, chair: str) -> bool:
        return FinalizeDialog(self.window_, version, secretary, chair).exec() == QDialog.DialogCode.Accepted

    def _ask_reason(self, version: int) -> str | None:
        dialog = ReopenDialog(self.window_, version)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason.toPlainText()

    def finalize(self) -> bool:
        """Ask the signers, then make the record final; False if it was not."""
        if not self.editor.autosaver.flush(timeout=10):
            self.window_.show_message(self.tr("Chưa lưu được các thay đổi mới nhất nên chưa chốt được biên bản."))
            return False
        meeting = self.editor.meeting
        secretary, chair = signers(meeting)
        if secretary is None or chair is None:
            QMessageBox.information(self.window_, self.tr("Chốt biên bản"), self.tr(
                "Biên bản chốt phải có người ký: hãy chọn chủ trì (chủ tọa) và thư ký ở thẻ “Thông tin chung” trước."))
            return False
        if not self.confirm_finalize(meeting.record_version, secretary, chair):
            return False
        return self._change(lambda: finalize(self.editor.archive, meeting.id, self.window_.settings.user_name),
                            self.tr("Đã chốt biên bản: phiên bản {n}."))

    def reopen(self) -> bool:
        """Ask why, then open the final record for a correction; False if it was not."""
        meeting = self.editor.meeting
        reason = self.ask_reason(meeting.record_version)
        if reason is None:
            return False
        return self._change(
            lambda: reopen(self.editor.archive, meeting.id, reason, self.window_.settings.user_name),
            self.tr("Đã mở lại biên bản để sửa: bản sửa là phiên bản {n}."))

    def _change(self, change: Callable[[], VersionLine], done: str) -> bool:
        try:
            line = change()
        except (StateError, MeetingIsFinal) as error:
            QMessageBox.warning(self.window_, app_name(), str(error))
            return False
        except SQLAlchemyError as error:
            reason = getattr(error, "orig", None) or error
            QMessageBox.warning(self.window_, app_name(), self.tr(
                "Không đổi được trạng thái biên bản: {reason}").format(reason=reason))
            return False
        self.editor.reload_state()
        self.window_.show_message(done.format(n=line.number))
        return True

    def show_history(self) -> HistoryPanel:
        if self.history_panel is None:
            self.history_panel = HistoryPanel(self.window_)
        self.history_panel.refresh()
        self.history_panel.show()
        self.history_panel.raise_()
        return self.history_panel


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
