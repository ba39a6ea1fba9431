"""Opening editors in tests and waiting for their autosave."""

import threading
from dataclasses import dataclass, field

from minutes_app.archive import Archive
from minutes_app.editing.autosave import Conflict
from minutes_app.editing.editor import MeetingEditor


@dataclass
class Saves:
    """What an editor's writer reported."""

    saved: list[int] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    errors: list[Exception] = field(default_factory=list)
    event: threading.Condition = field(default_factory=threading.Condition)

    def on_saved(self, number: int) -> None:
        with self.event:
            self.saved.append(number)
            self.event.notify_all()

    def on_conflict(self, conflicts: list[Conflict]) -> None:
        with self.event:
            self.conflicts.extend(conflicts)

    def on_error(self, error: Exception) -> None:
        self.errors.append(error)

    def wait_saved(self, number: int, timeout: float = 5.0) -> bool:
        with self.event:
            return self.event.wait_for(lambda: bool(self.saved) and self.saved[-1] >= number, timeout)


def open_editor(archive: Archive, meeting_id: int, user: str | None = None) -> tuple[MeetingEditor, Saves]:
    saves = Saves()
    editor = MeetingEditor.open(
        archive, meeting_id,
        on_saved=saves.on_saved, on_conflict=saves.on_conflict, on_error=saves.on_error, user=user,
    )
    return editor, saves
