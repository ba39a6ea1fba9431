"""Recording and replay in the meeting window, with a recording played as the microphone
and an output that only keeps time (no sound card)."""

from datetime import datetime, time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from minutes_app.archive import import_file, load_meeting
from minutes_app.audio import store
from minutes_app.model import AudioState
from minutes_app.ui.meeting_window import MeetingWindow
from tests.audio_helpers import OFFSETS, START, meeting_file, three_phrases
from tests.ui_helpers import key, temporary_settings, type_text

WAIT = 30_000  # ms: the audio process starts in a second, slower on a busy machine


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return three_phrases(tmp_path_factory.mktemp("speech"))


def _open(qtbot, archive, meeting_id: int, tmp_path: Path, three: Path) -> MeetingWindow:  # type: ignore[no-untyped-def]
    window = MeetingWindow(archive, meeting_id, temporary_settings(tmp_path))
    window.audio.input_spec = {"file": str(three), "speed": 1}
    window.audio.output_spec = {"null": True}
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()  # shortcuts work only in the active window
    qtbot.waitUntil(lambda: window.isActiveWindow())
    window.tabs.setCurrentWidget(window.proceedings)
    window.proceedings.summary.setFocus()
    return window


def test_a_speech_is_replayed_highlighted_while_its_summary_is_typed(qtbot, archive, tmp_path: Path,
                                                                     three: Path) -> None:
    meeting_id = import_file(archive, meeting_file(tmp_path / "meeting.json"))
    window = _open(qtbot, archive, meeting_id, tmp_path, three)
    audio, proceedings = window.audio, window.proceedings
    audio.attach_file(three, datetime.fromisoformat(START))
    qtbot.waitUntil(lambda: len(audio.segments) == 1, timeout=WAIT)
    qtbot.waitUntil(lambda: "Đã gắn tệp ghi âm “three.wav”, dài 0:12." in window.statusBar().currentMessage())
    # How long each speech lasted shows in the log.
    column = proceedings.model.columnCount() - 1
    durations = [proceedings.model.index(row, column).data() for row in range(3)]
    assert durations == ["0:05", "0:04", "0:03"]

    proceedings.table.selectRow(1)
    summary = proceedings.summary
    summary.setFocus()
    key(summary, Qt.Key.Key_F5)
    # From three seconds before the speech: the first one's end, not yet highlighted.
    qtbot.waitUntil(lambda: audio.status.playing, timeout=WAIT)
    assert OFFSETS[1] - 3 <= audio.status.position < OFFSETS[1]
    assert audio.delegate.row == 0
    type_text(summary, "Đồng ý với dự thảo")
    qtbot.waitUntil(lambda: audio.delegate.row == 1, timeout=5000)
    assert audio.position.text().startswith("▶ 08:00:0")
    assert proceedings.current.summary == "Ý kiến 2Đồng ý với dự thảo"

    key(summary, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: audio.status.speed == 1.25)
    assert audio.speed.currentText() == "1,25×"
    before = audio.status.position
    key(summary, Qt.Key.Key_F8)
    qtbot.waitUntil(lambda: audio.status.position >= before + 4.5)
    key(summary, Qt.Key.Key_F7)
    qtbot.waitUntil(lambda: audio.status.position < before + 4)
    key(summary, Qt.Key.Key_F6)
    qtbot.waitUntil(lambda: audio.status.paused)
    paused_at = audio.status.position
    # "Starts from here": the speech's time becomes the place being played, to the second.
    key(summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert proceedings.current.at == time(8, 0, int(paused_at))
    assert window.audio.speaking_time_text(proceedings.current) != ""
    window.close()


def test_recording_from_the_window_and_continuing_after_it_was_closed(qtbot, archive, tmp_path: Path,
                                                                     three: Path) -> None:
    meeting_id = import_file(archive, meeting_file(tmp_path / "meeting.json"))
    window = _open(qtbot, archive, meeting_id, tmp_path, three)
    audio = window.audio
    assert audio.indicator.text() == "Không ghi âm"
    key(window.proceedings.summary, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: audio.status.recording, timeout=WAIT)
    qtbot.waitUntil(lambda: audio.meter.value() > 50, timeout=5000)  # the first phrase is loud
    assert "ĐANG GHI ÂM" in audio.indicator.text()
    assert audio.indicator.styleSheet().startswith("QLabel { background: #c62828")
    # Ctrl+Enter stamps the new speech to the second.
    key(window.proceedings.summary, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stamped = window.editor.meeting.speeches[-1].at
    assert stamped is not None and abs(
        datetime.combine(datetime.now().date(), stamped) - datetime.now()).total_seconds() < 2
    qtbot.waitUntil(lambda: audio.status.elapsed >= 5.5, timeout=WAIT)
    assert audio.elapsed.text() == "00:00:05"
    window.close()

    with archive.sessions() as session:
        [first] = load_meeting(session, meeting_id).audio_segments
    assert first.state == AudioState.INTERRUPTED and first.duration >= 5.5

    # Opened again, it goes on recording, into a new segment.
    window = _open(qtbot, archive, meeting_id, tmp_path, three)
    audio = window.audio
    qtbot.waitUntil(lambda: audio.status.recording, timeout=WAIT)
    assert "Tiếp tục ghi âm" in window.statusBar().currentMessage()
    key(window.proceedings.summary, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not audio.status.recording, timeout=WAIT)
    qtbot.waitUntil(lambda: audio.indicator.text() == "❚❚ Đang tạm dừng ghi âm", timeout=WAIT)
    window.close()
    states = [s.state for s in store.segments(archive.engine, meeting_id)]
    assert states == [AudioState.INTERRUPTED, AudioState.PAUSED]
