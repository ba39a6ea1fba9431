"""Measures in the real windows, offscreen: opening the large meeting, typing in it, the
archive window with every meeting, and searching it."""

import json
import math
import os
import struct
import time
import wave
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from bench.context import Context, Measured
from minutes_app.archive import Archive, load_meeting, open_archive
from minutes_app.audio import store
from minutes_app.documents import pictures
from minutes_app.text import fold
from minutes_app.ui.archive_window import ArchiveWindow
from minutes_app.ui.meeting_window import MeetingWindow
from minutes_app.ui.settings import Settings

# What the secretary types: Vietnamese, precomposed letters, as an input method commits them.
TYPED = ("Đồng chí Phạm Minh Tấn đề nghị bổ sung kinh phí cho 12 xã vùng sâu, vùng xa; "
         "Sở Tài chính thống nhất với báo cáo và sẽ tham mưu trình UBND tỉnh trước ngày 15/8. ")
# A fast typist: twenty keys a second.
KEY_INTERVAL_MS = 50
SEARCHES = (
    "chuyen doi so", "nông thôn mới", "giai ngan von dau tu cong", "so tai chinh", "ubnd huyen tan phu",
    "giao ban thang 5", "phong chong thien tai 2019", "ha tang mang vien thong", "hội nghị", "nghi",
    "ban chi dao", "khong co cuoc hop nao nhu the",
)


def application() -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    return app


def settings(context: Context) -> Settings:
    return Settings(QSettings(str(context.folder / "settings.ini"), QSettings.Format.IniFormat))


def idle(milliseconds: int) -> None:
    """Let the event loop run as it does between keys (timers, queued signals, paints)."""
    loop = QEventLoop()
    QTimer.singleShot(milliseconds, loop.quit)
    loop.exec()


def wait_until(condition: Callable[[], object], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get ready")
        idle(20)


class Paints(QObject):
    """Counts the paint events a widget receives."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def background_done(window: MeetingWindow) -> bool:
    """Whether the work a meeting window starts in the background is done: the people
    directory, the thumbnails, the photos prepared for documents, the export's libraries."""
    photos = window.editor.meeting.photos
    return (window.lookups_loaded and window.documents_ready and len(window.photos._icons) == len(photos)
            and all(p.sha256 in pictures._cache for p in photos))


def open_window(archive: Archive, context: Context) -> MeetingWindow:
    """The large meeting's window, shown, once its background work is done."""
    window = MeetingWindow(archive, context.meeting_id, settings(context))
    window.exporter.open_results = False
    window.show()
    wait_until(lambda: background_done(window))
    return window


def open_meeting(context: Context) -> Measured:
    app = application()
    measured = Measured()
    with open_archive(context.url) as archive:
        for _ in range(context.repeats):
            started = time.perf_counter()
            window = MeetingWindow(archive, context.meeting_id, settings(context))
            paints = Paints(window.tabs)
            window.show()
            app.processEvents()
            measured.add("open_meeting", time.perf_counter() - started)
            assert paints.count, "the window was not painted"
            # Its background work is not left to compete with the next opening.
            wait_until(partial(background_done, window))
            window.close()
            window.deleteLater()
            idle(100)
    return measured


def typing(context: Context) -> Measured:
    return _typing(context, recording=False)


def typing_recording(context: Context) -> Measured:
    """Typing while the hall is recorded (a recording played as the microphone, in real time)."""
    return _typing(context, recording=True)


def hall_sound(path: Path, seconds: int = 120) -> Path:
    """Speech-like sound: tones that rise and fall, in syllables, with pauses."""
    rate = 16000
    frames = bytearray()
    for n in range(seconds * rate):
        t = n / rate
        voiced = (t % 0.25) < 0.18 and (t % 6) < 5
        value = math.sin(2 * math.pi * (180 + 60 * math.sin(t)) * t) * 0.4 if voiced else 0.0
        frames += struct.pack("<h", int(value * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return path


def _typing(context: Context, recording: bool) -> Measured:
    app = application()
    measured = Measured()
    key = "keystroke_recording" if recording else "keystroke"
    with open_archive(context.url) as archive:
        window = open_window(archive, context)
        proceedings = window.proceedings
        window.tabs.setCurrentWidget(proceedings)
        if recording:
            window.audio.input_spec = {"file": str(hall_sound(context.folder / "hall.wav"))}
            window.audio.output_spec = {"null": True}
            window.audio.toggle_recording()
            wait_until(lambda: window.audio.status.recording and window.audio.status.elapsed > 6)
        proceedings.table.selectRow(len(window.editor.meeting.speeches) // 2)
        speech = proceedings.current
        assert speech is not None
        summary = proceedings.summary
        summary.setFocus()
        summary.moveCursor(summary.textCursor().MoveOperation.End)
        saves: list[int] = []
        window.bridge.saved.connect(saves.append)
        paints = Paints(summary.viewport())
        idle(1000)
        painted = 0
        for index in range(context.keystrokes):
            before = paints.count
            started = time.perf_counter()
            QTest.sendKeyEvent(QTest.KeyAction.Click, summary, Qt.Key.Key_unknown, TYPED[index % len(TYPED)],
                               Qt.KeyboardModifier.NoModifier)
            app.processEvents()
            measured.add(key, time.perf_counter() - started)
            painted += paints.count > before
            idle(KEY_INTERVAL_MS)
        assert window.editor.autosaver.flush(timeout=10)
        with archive.sessions() as session:
            saved = next(s for s in load_meeting(session, context.meeting_id).speeches if s.id == speech.id)
            assert saved.summary == summary.toPlainText(), "what was typed is not what was saved"
        prefix = "recording_" if recording else ""
        measured.facts |= {f"{prefix}keystrokes": context.keystrokes, f"{prefix}repainted": painted,
                           f"{prefix}autosaves": len(saves), "key_interval_ms": KEY_INTERVAL_MS}
        if recording:
            status = window.audio.status
            assert status.recording, "the recording stopped"
            measured.facts["recorded_seconds_while_typing"] = round(status.elapsed, 1)
        window.close()
        if recording:
            [segment] = store.segments(archive.engine, context.meeting_id)
            measured.facts["recorded_seconds_in_the_archive"] = round(segment.duration, 1)
    return measured


def _archive_window(archive: Archive, context: Context) -> ArchiveWindow:
    window = ArchiveWindow(archive, settings(context))
    window.show()
    return window


def _discard(window: ArchiveWindow) -> None:
    # Not closed: closing backs the archive up, which is not what is measured.
    window.hide()
    window.deleteLater()
    idle(100)


def archive_window(context: Context) -> Measured:
    """The window shown and its list scrolled to the end (which reads the next page); then,
    once, the list scrolled page by page to the very last meeting."""
    app = application()
    measured = Measured()
    with open_archive(context.url) as archive:
        for _ in range(context.repeats):
            started = time.perf_counter()
            window = _archive_window(archive, context)
            paints = Paints(window.table.viewport())
            app.processEvents()
            window.table.scrollToBottom()
            app.processEvents()
            measured.add("archive_window", time.perf_counter() - started)
            assert paints.count, "the list was not painted"
            _discard(window)
        window = _archive_window(archive, context)
        app.processEvents()
        while window.model.canFetchMore(window.model.index(-1, -1)):
            started = time.perf_counter()
            window.table.scrollToBottom()
            app.processEvents()
            measured.add("archive_page", time.perf_counter() - started)
        measured.facts["meetings listed after scrolling to the last"] = window.model.rowCount()
        _discard(window)
    return measured


def queries(context: Context) -> list[str]:
    """The searches: fixed words, and names of the large meeting's attendees, half typed without marks."""
    document = json.loads(Path(context.meeting_file).read_text(encoding="utf-8"))
    names = [a["name"] for a in document["attendees"][:: max(1, len(document["attendees"]) // 10)]][:10]
    return [*SEARCHES, *(fold(n) if i % 2 else n for i, n in enumerate(names))]


def search(context: Context) -> Measured:
    app = application()
    measured = Measured()
    found: dict[str, int] = {}
    with open_archive(context.url) as archive:
        window = _archive_window(archive, context)
        app.processEvents()
        for _ in range(context.repeats):
            for query in queries(context):
                # Set without the typing delay: what is measured is the search and the new list shown.
                window.search.blockSignals(True)
                window.search.setText(query)
                window.search.blockSignals(False)
                started = time.perf_counter()
                window.refresh()
                app.processEvents()
                measured.add("search", time.perf_counter() - started)
                found[query] = window.model.rowCount()
                idle(20)
        _discard(window)
    measured.facts["meetings on the first page found"] = found
    return measured
