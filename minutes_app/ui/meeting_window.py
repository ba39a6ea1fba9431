"""The meeting window: one screen for the whole meeting, keyboard first, saved as typed."""

import threading

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox, QTabWidget

from minutes_app.archive import Archive
from minutes_app.bodies import known_bodies
from minutes_app.documents import get_ready
from minutes_app.editing.autosave import Conflict
from minutes_app.editing.editor import FieldChanged
from minutes_app.editing.sharing import refresh
from minutes_app.i18n import app_name
from minutes_app.people import KnownPerson, directory
from minutes_app.storage import sqlite_path
from minutes_app.ui import translation
from minutes_app.ui.article_tab import ArticleTab
from minutes_app.ui.attendees_tab import AttendeesTab
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.conflicts_panel import ConflictsPanel
from minutes_app.ui.exporting import Exporter
from minutes_app.ui.fields import FieldBinding, UndoKeys
from minutes_app.ui.finalising import RecordStateBar
from minutes_app.ui.general_tab import GeneralTab
from minutes_app.ui.legacy_paste import LegacyPaste
from minutes_app.ui.lists_tabs import ConclusionsTab, TopicsTab
from minutes_app.ui.photos_tab import PhotosTab
from minutes_app.ui.proceedings_tab import ProceedingsTab
from minutes_app.ui.read_only import ReadOnlyLock
from minutes_app.ui.recorder_bar import AudioPanel
from minutes_app.ui.settings import Settings
from minutes_app.ui.settings_dialog import SettingsDialog

POLL_MS = 3000


class _Lookups(QObject):
    """The people directory and the known addressees, read on a worker thread."""

    ready = Signal(list, list)

    def load(self, archive: Archive) -> None:
        def work() -> None:
            with archive.sessions() as session:
                people: list[KnownPerson] = directory(session)
                addressees = known_bodies(session)
            self.ready.emit(people, addressees)

        threading.Thread(target=work, name="lookups", daemon=True).start()


class _Documents(QObject):
    """Gets what the first export needs loaded on a worker thread (documents.get_ready)."""

    ready = Signal()

    def load(self, style: str) -> None:
        def work() -> None:
            get_ready(style)
            self.ready.emit()

        threading.Thread(target=work, name="documents", daemon=True).start()


class MeetingWindow(QMainWindow):
    closed = Signal(int)

    def __init__(self, archive: Archive, meeting_id: int, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.bridge = EditorBridge(archive, meeting_id, self, user=settings.user_name or None)
        self.editor = self.bridge.editor
        self.meeting_id = meeting_id
        self.keys = UndoKeys(self, LegacyPaste(self.editor, self))
        self.lookups_loaded = False
        self.documents_ready = False

        self.general = GeneralTab(self.bridge, self.keys)
        self.attendees = AttendeesTab(self.bridge, self.keys, settings)
        self.proceedings = ProceedingsTab(self.bridge, self.keys, settings)
        self.topics = TopicsTab(self.bridge, self.keys)
        self.conclusions = ConclusionsTab(self.bridge, self.keys, settings)
        self.photos = PhotosTab(self.bridge, self.keys, settings)
        self.exporter = Exporter(self, self.editor, settings)
        self.exporter.message.connect(self.show_message)
        self.article = ArticleTab(self.bridge, self.keys, self.exporter)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(self.tr("Các phần của cuộc họp"))
        # Room above the letters for stacked Vietnamese marks (ễ, Ả), which the default clips.
        self.tabs.setStyleSheet("QTabBar::tab { padding: 6px 12px; }")
        for tab, label in (
            (self.general, self.tr("&1 Thông tin chung")),
            (self.attendees, self.tr("&2 Thành phần")),
            (self.proceedings, self.tr("&3 Diễn biến")),
            (self.topics, self.tr("&4 Vấn đề thảo luận")),
            (self.conclusions, self.tr("&5 Kết luận")),
            (self.photos, self.tr("&6 Ảnh")),
            (self.article, self.tr("&7 Tin bài")),
        ):
            self.tabs.addTab(tab, label)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.audio = AudioPanel(self, archive, self.bridge, self.proceedings, settings)

        self.save_state = QLabel(self.tr("Đã lưu"))
        self.save_state.setAccessibleName(self.tr("Trạng thái lưu"))
        self._unsaved = False
        self.statusBar().addPermanentWidget(self.save_state)
        self.bridge.saved.connect(self._saved)
        self.bridge.changed.connect(self._changed)
        self.conflicts = ConflictsPanel(self.editor, self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.conflicts)
        self.bridge.conflicted.connect(self._conflicted)
        # On a shared server, what others save shows up here every few seconds.
        self.others = QTimer(self)
        self.others.setInterval(POLL_MS)
        self.others.timeout.connect(self.refresh_from_others)
        if sqlite_path(str(archive.engine.url)) is None:
            self.others.start()
        self.bridge.failed.connect(self._failed)
        self.bridge.reopened.connect(self._reopened)
        # A final record is read-only in every tab (those added later too) and the conflicts panel.
        self.read_only = ReadOnlyLock(self)
        self.read_only.join(self.tabs)
        self.read_only.join(self.conflicts)
        self.record_state = RecordStateBar(self)
        self.record_state.locked.connect(self._lock)
        self._lock(self.editor.is_final)
        self._lookups = _Lookups(self)
        self._lookups.ready.connect(self._lookups_ready)
        self._lookups.load(archive)

        self._update_title()
        geometry = settings.geometry("meeting")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1366, 768)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&Tệp"))
        for document, label in (("minutes", self.tr("biên bản")), ("press-release", self.tr("tin bài"))):
            for fmt in ("docx", "pdf"):
                action = file_menu.addAction(self.tr("Xuất {document} ra {format}…").format(
                    document=label, format=fmt.upper()))
                action.triggered.connect(lambda _=False, d=document, f=fmt: self.exporter.export(d, f))
        file_menu.addSeparator()
        for document, label in (("minutes", self.tr("biên bản")), ("press-release", self.tr("tin bài"))):
            action = file_menu.addAction(self.tr("Xem trước và in {document}…").format(document=label))
            action.triggered.connect(lambda _=False, d=document: self.exporter.print_preview(d))
            if document == "minutes":
                action.setShortcut(QKeySequence.StandardKey.Print)
        file_menu.addSeparator()
        close = file_menu.addAction(self.tr("Đó&ng"))
        close.setShortcut(QKeySequence.StandardKey.Close)
        close.triggered.connect(self.close)

        edit_menu = self.menuBar().addMenu(self.tr("&Sửa"))
        self.undo_action = QAction(self.tr("&Hoàn tác"), self)
        self.undo_action.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        self.undo_action.triggered.connect(lambda: self.editor.undo())
        self.redo_action = QAction(self.tr("&Làm lại"), self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        self.redo_action.triggered.connect(lambda: self.editor.redo())
        self.new_speech_action = QAction(self.tr("Ý kiến phát biểu &mới"), self)
        self.new_speech_action.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.new_speech_action.triggered.connect(lambda: self.new_speech())
        for action in (self.undo_action, self.redo_action, self.new_speech_action):
            edit_menu.addAction(action)
            self.addAction(action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.tr("Cài đặt…")).triggered.connect(lambda: self.edit_settings())

    # --- actions -------------------------------------------------------------------

    def new_speech(self) -> None:
        self.tabs.setCurrentWidget(self.proceedings)
        self.proceedings.new_speech()

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 15000)

    def apply_settings(self) -> None:
        self.proceedings.apply_quick_phrases()

    def edit_settings(self) -> None:
        if SettingsDialog(self, self.settings).exec():
            translation.install(self.settings.language)
            self.apply_settings()

    # --- the editor's news -----------------------------------------------------------

    def _update_title(self) -> None:
        title = self.editor.meeting.title or self.tr("Cuộc họp mới")
        self.setWindowTitle(f"{app_name()} — {title}")

    def _changed(self, event: object) -> None:
        if isinstance(event, FieldChanged) and event.row is self.editor.meeting and event.name in (
                "state", "record_version"):
            return  # finalised or reopened in the archive itself: nothing to save
        if not self._unsaved:
            self._unsaved = True
            self.save_state.setText(self.tr("Đang lưu…"))
        if isinstance(event, FieldChanged) and event.row is self.editor.meeting and event.name == "title":
            self._update_title()

    def _saved(self, number: int) -> None:
        if number >= self.editor.number and self._unsaved:
            self._unsaved = False
            self.save_state.setText(self.tr("Đã lưu"))

    def _conflicted(self, conflicts: list[Conflict]) -> None:
        self.conflicts.add(conflicts)
        self.show_message(self.tr(
            "Có {n} thay đổi chưa ghi được vì người khác vừa sửa cùng nội dung; "
            "nội dung bạn gõ vẫn được giữ trong cửa sổ: chọn bản nào giữ ở khung bên dưới."
        ).format(n=len(conflicts)))

    def refresh_from_others(self) -> int:
        """Show what others saved since; not the field being typed in."""
        changed = refresh(self.editor, self._typing_in, self.conflicts.undecided)
        if changed:
            self.show_message(self.tr("Đã cập nhật {n} thay đổi do người khác lưu.").format(n=changed))
        return changed

    def _typing_in(self, row: object, name: str) -> bool:
        focused = QApplication.focusWidget()
        if focused is None:
            return False
        if self.article.isAncestorOf(focused):
            return row is self.editor.meeting.press_release
        return any(b.row is row and b.name == name for b in focused.findChildren(FieldBinding))

    def _lock(self, locked: bool) -> None:
        self.read_only.set_locked(locked)
        # Placing a speech in the audio sets its time: part of the minutes too.
        for action in (self.undo_action, self.redo_action, self.new_speech_action, self.audio.start_here_action):
            action.setEnabled(not locked)

    def _failed(self, reason: str) -> None:
        self.save_state.setText(self.tr("Chưa lưu được"))
        self.show_message(self.tr("Chưa ghi được vào kho lưu trữ ({reason}); sẽ thử lại.").format(reason=reason))

    def _reopened(self) -> None:
        self.show_message(self.tr(
            "Một chương trình khác vừa động vào tệp kho lưu trữ; ứng dụng đã mở lại kho và ghi lại đầy đủ "
            "những gì bạn đã gõ."
        ))

    def _lookups_ready(self, people: list[KnownPerson], addressees: list[str]) -> None:
        self.attendees.set_directory(people)
        self.conclusions.set_addressees(addressees)
        self.lookups_loaded = True
        # Then, still in the background, what the first export needs.
        self._documents = _Documents(self)
        self._documents.ready.connect(lambda: setattr(self, "documents_ready", True))
        self._documents.load(self.editor.meeting.style)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.others.stop()
        self.settings.set_geometry("meeting", bytes(self.saveGeometry().data()))
        self.photos.thumbnails.shutdown()
        self.article.thumbnails.shutdown()
        self.audio.close()
        if not self.editor.close():
            QMessageBox.warning(self, app_name(), self.tr(
                "Một số thay đổi chưa ghi được vào kho lưu trữ. Hãy kiểm tra ổ đĩa rồi mở lại cuộc họp."
            ))
        self.closed.emit(self.meeting_id)
        event.accept()
