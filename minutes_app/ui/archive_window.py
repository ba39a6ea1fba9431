"""The archive window: every meeting in the archive, newest first, with search."""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import SQLAlchemyError

from minutes_app.archive import Archive, delete_meeting, dump_meeting, import_file, open_archive
from minutes_app.backup import BackupError, backups_dir, restore
from minutes_app.editing.meetings import duplicate_meeting, new_meeting
from minutes_app.finality import MeetingIsFinal
from minutes_app.i18n import app_name
from minutes_app.interchange.validation import InvalidMeetingFile
from minutes_app.model import Style
from minutes_app.transfer import FinalInTarget, IfExists, MeetingExists, copy_meeting
from minutes_app.ui import file_dialogs, translation
from minutes_app.ui.archive_model import ArchiveModel
from minutes_app.ui.backups import BackupKeeper
from minutes_app.ui.login import open_with_login
from minutes_app.ui.meeting_window import MeetingWindow
from minutes_app.ui.settings import Settings
from minutes_app.ui.settings_dialog import SettingsDialog
from minutes_app.ui.task_register import TaskRegisterWindow

SEARCH_DELAY_MS = 150
_Shortcut = QKeySequence | QKeySequence.StandardKey | str


class ArchiveWindow(QMainWindow):
    def __init__(self, archive: Archive, settings: Settings | None = None) -> None:
        super().__init__()
        self.archive = archive
        self.settings = settings or Settings()
        self.meeting_windows: dict[int, MeetingWindow] = {}
        self.task_register: TaskRegisterWindow | None = None
        self.setWindowTitle(f"{app_name()} — {archive.url}")

        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Tìm theo tên cuộc họp, người dự, nội dung (không cần dấu)…"))
        self.search.setAccessibleName(self.tr("Tìm cuộc họp"))
        self.search.setClearButtonEnabled(True)
        self._search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _: self._search_timer.start())
        self.search.returnPressed.connect(self._focus_list)

        self.model = ArchiveModel(archive)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Danh sách cuộc họp"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 130)
        self.table.setColumnWidth(2, 260)
        self.table.activated.connect(lambda index: self.open_meeting(self.model.meetings[index.row()].id))

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self.backups = self._backup_keeper()
        geometry = self.settings.geometry("archive")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1000, 640)
        self.refresh()

    def _action(self, text: str, slot: Callable[[], object], shortcut: _Shortcut | None = None) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(lambda _=False: slot())
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.new_state = self._action(
            self.tr("Cuộc họp mới (chính quyền)"), lambda: self.create_meeting(Style.STATE), "Ctrl+N")
        self.new_party = self._action(
            self.tr("Cuộc họp mới (Đảng)"), lambda: self.create_meeting(Style.PARTY), "Ctrl+Shift+N")
        self.open_action = self._action(self.tr("&Mở"), self.open_current, "Ctrl+O")
        self.duplicate = self._action(self.tr("&Nhân bản cho kỳ họp sau"), self.duplicate_current, "Ctrl+D")
        self.delete_action = self._action(self.tr("&Xóa…"), self.delete_current, QKeySequence.StandardKey.Delete)
        self.import_action = self._action(self.tr("Nhập tệp cuộc họp…"), self.import_meeting, "Ctrl+I")
        self.export_action = self._action(self.tr("Xuất tệp cuộc họp…"), self.export_meeting, "Ctrl+E")
        self.send_action = self._action(self.tr("&Gửi sang kho khác…"), self.send_meeting, "Ctrl+Shift+S")
        self.tasks_action = self._action(self.tr("&Theo dõi nhiệm vụ…"), self.open_task_register, "Ctrl+T")
        self.settings_action = self._action(self.tr("Cài đặt…"), self.edit_settings)
        self.backup_action = self._action(self.tr("&Sao lưu ra tệp…"), self.back_up_to_file)
        self.restore_action = self._action(self.tr("&Khôi phục từ bản sao lưu…"), self.restore_backup)
        self.quit_action = self._action(self.tr("Thoát"), self.close, QKeySequence.StandardKey.Quit)
        self.find_action = self._action(self.tr("Tìm"), self.search.setFocus, QKeySequence.StandardKey.Find)

        menu = self.menuBar().addMenu(self.tr("&Cuộc họp"))
        for action in (self.new_state, self.new_party, self.open_action, self.duplicate, self.delete_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tasks_action)
        menu.addSeparator()
        for action in (self.import_action, self.export_action, self.send_action, self.settings_action):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.quit_action)
        archive_menu = self.menuBar().addMenu(self.tr("&Kho lưu trữ"))
        archive_menu.addAction(self.backup_action)
        archive_menu.addAction(self.restore_action)
        toolbar = QToolBar(self.tr("Thao tác"))
        toolbar.setObjectName("actions")
        for action in (self.new_state, self.new_party, self.open_action, self.duplicate, self.delete_action,
                       self.import_action, self.export_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    # --- the list ------------------------------------------------------------------

    def refresh(self) -> None:
        self.model.refresh(self.search.text())
        if self.model.rowCount():
            self.table.selectRow(0)

    def _focus_list(self) -> None:
        self.table.setFocus()

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.meetings[index.row()].id if index.isValid() else None

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    # --- meetings --------------------------------------------------------------------

    def open_meeting(self, meeting_id: int) -> MeetingWindow:
        window = self.meeting_windows.get(meeting_id)
        if window is None:
            window = MeetingWindow(self.archive, meeting_id, self.settings)
            window.closed.connect(self._meeting_closed)
            self.meeting_windows[meeting_id] = window
        window.show()
        window.raise_()
        window.activateWindow()
        return window

    def open_task_register(self) -> TaskRegisterWindow:
        """The register of every task of the archive (one window, brought forward if open)."""
        if self.task_register is None:
            self.task_register = TaskRegisterWindow(self.archive, self.settings, self.open_task)
        self.task_register.show()
        self.task_register.raise_()
        self.task_register.activateWindow()
        return self.task_register

    def open_task(self, meeting_id: int, task_id: object) -> MeetingWindow:
        """The meeting a task came from, at the task (its Conclusions tab)."""
        window = self.open_meeting(meeting_id)
        window.conclusions.show_task(task_id)
        window.tabs.setCurrentWidget(window.conclusions)
        return window

    def _meeting_closed(self, meeting_id: int) -> None:
        self.meeting_windows.pop(meeting_id, None)
        self.refresh()

    def open_current(self) -> None:
        if (meeting_id := self.current_id()) is not None:
            self.open_meeting(meeting_id)

    def create_meeting(self, style: Style) -> MeetingWindow:
        window = self.open_meeting(new_meeting(self.archive, style))
        self.refresh()
        window.general.lines["title"].setFocus()
        return window

    def duplicate_current(self) -> MeetingWindow | None:
        meeting_id = self.current_id()
        if meeting_id is None:
            return None
        window = self.meeting_windows.get(meeting_id)
        if window is not None:
            window.editor.autosaver.flush(timeout=10)
        window = self.open_meeting(duplicate_meeting(self.archive, meeting_id))
        self.refresh()
        return window

    def delete_current(self) -> None:
        meeting_id = self.current_id()
        if meeting_id is None:
            return
        title = self.model.meetings[self.table.currentIndex().row()].title
        if meeting_id in self.meeting_windows:
            self.show_message(self.tr("Hãy đóng cửa sổ của cuộc họp trước khi xóa."))
            return
        answer = QMessageBox.question(
            self, app_name(),
            self.tr("Xóa hẳn cuộc họp “{title}” cùng mọi ý kiến, kết luận và ảnh của nó?").format(title=title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                delete_meeting(self.archive, meeting_id)
            except MeetingIsFinal as final:
                QMessageBox.warning(self, app_name(), self.tr(
                    "Không xóa được: {reason}").format(reason=final))
                return
            self.refresh()
            self.show_message(self.tr("Đã xóa cuộc họp."))

    def import_meeting(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Nhập tệp cuộc họp"), self.settings.last_folder, self.tr("Tệp cuộc họp (*.json)")
        )
        if path is not None:
            self.settings.last_folder = path.parent
            self.import_path(path)

    def import_path(self, path: Path) -> int | None:
        try:
            meeting_id = import_file(self.archive, path)
        except InvalidMeetingFile as error:
            QMessageBox.warning(self, app_name(), str(error))
            return None
        except SQLAlchemyError as error:
            QMessageBox.warning(self, app_name(), self.tr("Không nhập được: {reason}").format(reason=error))
            return None
        self.search.clear()
        self.refresh()
        self.show_message(self.tr("Đã nhập cuộc họp từ {file}").format(file=path.name))
        return meeting_id

    def export_meeting(self) -> None:
        meeting_id = self.current_id()
        if meeting_id is None:
            return
        window = self.meeting_windows.get(meeting_id)
        if window is not None:
            window.editor.autosaver.flush(timeout=10)
        row = self.model.meetings[self.table.currentIndex().row()]
        suggested = self.settings.last_folder / f"{row.starts_at:%Y-%m-%d} {row.title}"[:90].strip()
        path = file_dialogs.save_file(
            self, self.tr("Xuất tệp cuộc họp"), Path(f"{suggested}.json"), self.tr("Tệp cuộc họp (*.json)")
        )
        if path is None:
            return
        self.settings.last_folder = path.parent
        try:
            dump_meeting(self.archive, meeting_id, path)
        except OSError as error:
            self.show_message(self.tr("Không ghi được tệp “{file}”: {reason}").format(file=path, reason=error.strerror))
            return
        self.show_message(self.tr("Đã xuất {file}").format(file=path))

    def send_meeting(self) -> None:
        """Copy the chosen meeting to another archive: from the laptop to the office server."""
        meeting_id = self.current_id()
        if meeting_id is None:
            return
        url, chosen = QInputDialog.getText(
            self, self.tr("Gửi sang kho khác"),
            self.tr("Địa chỉ kho đích (máy chủ của văn phòng, hoặc một tệp .sqlite3):"),
            text=self.settings.copy_target,
        )
        if not chosen or not url.strip():
            return
        window = self.meeting_windows.get(meeting_id)
        if window is not None:
            window.editor.autosaver.flush(timeout=10)
        try:
            with open_with_login(url.strip()) as target:
                self.settings.copy_target = url.strip()
                try:
                    copied = copy_meeting(self.archive, meeting_id, target)
                except MeetingExists as exists:
                    choice = self._ask_if_exists(str(exists))
                    if choice is None:
                        return
                    copied = copy_meeting(self.archive, meeting_id, target, choice)
        except (SQLAlchemyError, OSError) as error:
            reason = getattr(error, "orig", None) or error
            self.show_message(self.tr("Không gửi được: {reason}").format(reason=reason))
            return
        except FinalInTarget as final:
            QMessageBox.warning(self, self.tr("Gửi sang kho khác"), str(final))
            return
        self.show_message(str(copied))

    def _ask_if_exists(self, message: str) -> IfExists | None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Gửi sang kho khác"), message, parent=self)
        skip = box.addButton(self.tr("&Bỏ qua"), QMessageBox.ButtonRole.RejectRole)
        replace = box.addButton(self.tr("&Thay thế…"), QMessageBox.ButtonRole.DestructiveRole)
        both = box.addButton(self.tr("&Giữ cả hai"), QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(skip)
        box.exec()
        clicked = box.clickedButton()
        if clicked is both:
            return IfExists.KEEP_BOTH
        if clicked is replace:
            sure = QMessageBox.question(self, self.tr("Gửi sang kho khác"), self.tr(
                "Thay thế sẽ xóa bản đang có ở kho đích, kể cả những gì người khác đã sửa trên đó. Thay thế?"))
            return IfExists.REPLACE if sure == QMessageBox.StandardButton.Yes else None
        return IfExists.SKIP if clicked is skip else None

    # --- the archive as a whole -------------------------------------------------------

    def _backup_keeper(self) -> BackupKeeper:
        keeper = BackupKeeper(self.archive, self)
        keeper.failed.connect(self.show_message)
        keeper.copied.connect(
            lambda file: self.show_message(self.tr("Đã sao lưu kho lưu trữ vào {file}").format(file=file)))
        return keeper

    def _file_archive(self) -> Path | None:
        """The archive's file; None (and a word why) for a server."""
        if self.backups.path is None:
            self.show_message(self.tr(
                "Kho lưu trữ này ở trên máy chủ: hãy sao lưu và khôi phục bằng công cụ của máy chủ (pg_dump)."))
        return self.backups.path

    def back_up_to_file(self) -> Path | None:
        """Copy the whole archive to a file the user chooses (a USB stick, another disk)."""
        archive = self._file_archive()
        if archive is None:
            return None
        proposed = self.settings.last_folder / f"{archive.stem}-{datetime.now():%Y%m%d-%H%M}.sqlite3"
        target = file_dialogs.save_file(
            self, self.tr("Sao lưu kho lưu trữ ra tệp"), proposed, self.tr("Bản sao lưu (*.sqlite3)"))
        if target is None:
            return None
        self.settings.last_folder = target.parent
        self.backups.copy_to(target)
        return target

    def restore_backup(self) -> Path | None:
        """Put a backup in place of the archive: the meeting windows close, the current archive
        is backed up first, then the window shows the restored one."""
        archive = self._file_archive()
        if archive is None:
            return None
        folder = backups_dir(archive) if backups_dir(archive).is_dir() else self.settings.last_folder
        source = file_dialogs.open_file(
            self, self.tr("Khôi phục từ bản sao lưu"), folder, self.tr("Bản sao lưu (*.sqlite3 *.db)"))
        if source is None:
            return None
        answer = QMessageBox.question(self, app_name(), self.tr(
            "Thay toàn bộ kho lưu trữ bằng bản sao lưu “{file}”? Kho hiện tại được sao lưu trước; "
            "các cửa sổ cuộc họp đang mở sẽ đóng lại.").format(file=source))
        if answer != QMessageBox.StandardButton.Yes:
            return None
        for window in list(self.meeting_windows.values()):
            window.close()
        self.backups.stop()
        self.backups.deleteLater()
        url = str(self.archive.engine.url)
        self.archive.close()
        try:
            restore(archive, source)
        except BackupError as error:
            QMessageBox.warning(self, app_name(), str(error))
        else:
            self.show_message(self.tr("Đã khôi phục kho lưu trữ từ {file}").format(file=source))
        self.archive.close()  # a worker that read on meanwhile held the replaced files
        self.archive = open_archive(url)
        self.model.archive = self.archive
        self.backups = self._backup_keeper()
        self.refresh()
        return source

    def edit_settings(self) -> None:
        dialog = SettingsDialog(self, self.settings)
        if dialog.exec():
            translation.install(self.settings.language)
            for window in self.meeting_windows.values():
                window.apply_settings()

    def closeEvent(self, event: QCloseEvent) -> None:
        for window in list(self.meeting_windows.values()):
            window.close()
        if self.task_register is not None:
            self.task_register.close()
        self.backups.at_close()
        self.settings.set_geometry("archive", bytes(self.saveGeometry().data()))
        event.accept()
