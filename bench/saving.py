"""One autosave of an edited speech in the large meeting: the time from handing the
change over to having it on the disk, and the statements it took."""

import threading
import time
from typing import Any

from sqlalchemy import event

from bench.context import Context, Measured
from minutes_app.archive import open_archive
from minutes_app.editing.editor import MeetingEditor

# Autosaves measured per repeat: each is short.
PER_REPEAT = 10


def autosave(context: Context) -> Measured:
    measured = Measured()
    statements: list[str] = []

    def record(_connection: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if threading.current_thread().name == "autosave":
            statements.append(" ".join(statement.split()[:4]))

    with open_archive(context.url) as archive:
        event.listen(archive.engine, "before_cursor_execute", record)
        editor = MeetingEditor.open(archive, context.meeting_id)
        speech = editor.meeting.speeches[len(editor.meeting.speeches) // 2]
        for _ in range(context.repeats * PER_REPEAT):
            editor.set_field(speech, "summary", speech.summary + " Thống nhất với báo cáo.")
            statements.clear()
            started = time.perf_counter()
            assert editor.autosaver.flush(timeout=10)
            measured.add("autosave", time.perf_counter() - started)
        measured.facts["statements of one autosave"] = statements
        assert editor.close()
    return measured
