"""Turning the editor's plain callbacks (some from the autosave thread) into Qt signals."""

from PySide6.QtCore import QObject, Signal

from minutes_app.archive import Archive
from minutes_app.editing.autosave import Conflict
from minutes_app.editing.editor import Event, MeetingEditor


class EditorBridge(QObject):
    """Opens the editor; its signals reach the window's thread queued."""

    saved = Signal(int)
    conflicted = Signal(list)
    failed = Signal(str)
    reopened = Signal()  # the archive's files had been changed by another program: written again
    changed = Signal(object)  # an editor Event, emitted in the window's thread

    def __init__(
        self, archive: Archive, meeting_id: int, parent: QObject | None = None, user: str | None = None
    ) -> None:
        super().__init__(parent)
        self.editor = MeetingEditor.open(
            archive,
            meeting_id,
            user=user,
            on_saved=self.saved.emit,
            on_conflict=self._conflicted,
            on_error=lambda error: self.failed.emit(str(getattr(error, "orig", None) or error)),
            on_reopened=self.reopened.emit,
        )
        self.editor.add_listener(self._changed)

    def _conflicted(self, conflicts: list[Conflict]) -> None:
        self.conflicted.emit(conflicts)

    def _changed(self, event: Event) -> None:
        self.changed.emit(event)
