"""Recording, fed by a recording played as if spoken (no sound card): what survives when
the audio process is killed, and when the window's process is."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from minutes_app.archive import import_file, open_archive
from minutes_app.audio import store
from minutes_app.audio.client import AudioClient
from minutes_app.audio.codec import CHUNK_SECONDS, write_wav
from minutes_app.model import AudioState
from tests.audio_helpers import OFFSETS, meeting_file, stats, three_phrases

SPEED = 2.0  # the recording is played twice as fast as real time: the test takes half as long


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return three_phrases(tmp_path_factory.mktemp("speech"))


@pytest.fixture
def meeting(tmp_path: Path) -> tuple[str, int]:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    with open_archive(url) as archive:
        return url, import_file(archive, meeting_file(tmp_path / "meeting.json"))


def wait_for(condition: object, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def recorded(url: str, meeting_id: int, folder: Path) -> tuple[store.Segment, Path]:
    """The meeting's one segment, and its sound as a WAV file."""
    with open_archive(url) as archive:
        [segment] = store.segments(archive.engine, meeting_id)
        path = folder / "recorded.wav"
        write_wav(path, store.read_pcm(archive.engine, segment.id, 0))
    return segment, path


def same_speech(recorded: Path, source: Path, length: float) -> None:
    """The recording holds the source's phrases where the source has them, as loud."""
    for start, end in zip(OFFSETS, [*OFFSETS[1:], 12], strict=False):
        if end > length:
            break
        heard, spoken = stats(recorded, start, end - start), stats(source, start, end - start)
        assert abs(heard["RMS lev dB"] - spoken["RMS lev dB"]) < 1.5, (start, heard, spoken)


def test_a_killed_audio_process_loses_at_most_the_chunk_being_filled(
    three: Path, meeting: tuple[str, int], tmp_path: Path
) -> None:
    url, meeting_id = meeting
    client = AudioClient(url, meeting_id, [], {"file": str(three), "speed": SPEED}, {"null": True})
    try:
        assert client.ready.wait(30)
        client.send("record")
        wait_for(lambda: client.status.elapsed >= 11.5)
        heard = client.status.elapsed
        os.kill(client.process.pid, signal.SIGKILL)
        client.process.wait(10)
    finally:
        client.close()
    segment, path = recorded(url, meeting_id, tmp_path)
    # The killed process could not say it stopped; each complete chunk is there.
    assert segment.state == AudioState.RECORDING
    assert segment.duration % CHUNK_SECONDS == 0
    assert heard - 10 <= heard - CHUNK_SECONDS - 1 <= segment.duration <= heard
    same_speech(path, three, segment.duration)


def test_when_the_window_is_killed_the_recording_is_written_to_its_end(
    three: Path, meeting: tuple[str, int], tmp_path: Path
) -> None:
    url, meeting_id = meeting
    window = subprocess.Popen([sys.executable, "-c", f"""
import sys, time
from minutes_app.audio.client import AudioClient
client = AudioClient({url!r}, {meeting_id}, [], {{"file": {str(three)!r}, "speed": {SPEED}}}, {{"null": True}})
client.ready.wait(30)
client.send("record")
while client.status.elapsed < 7.5:
    time.sleep(0.05)
print(client.process.pid, client.status.elapsed, flush=True)
time.sleep(60)
"""], stdout=subprocess.PIPE, text=True)
    assert window.stdout is not None
    worker, heard = window.stdout.readline().split()
    window.kill()
    window.wait()
    try:
        wait_for(lambda: recorded(url, meeting_id, tmp_path)[0].state == AudioState.INTERRUPTED)
    finally:
        try:
            os.kill(int(worker), signal.SIGKILL)
        except ProcessLookupError:
            pass  # it ended by itself, as it should
    segment, path = recorded(url, meeting_id, tmp_path)
    # Nothing heard before the kill is lost: the rest was written when the input closed.
    assert float(heard) <= segment.duration < float(heard) + 2
    same_speech(path, three, segment.duration)


def test_pause_and_resume_make_segments_that_keep_wall_clock_time(
    three: Path, meeting: tuple[str, int]
) -> None:
    url, meeting_id = meeting
    client = AudioClient(url, meeting_id, [], {"file": str(three), "speed": 1}, {"null": True})
    try:
        assert client.ready.wait(30)
        client.send("record")
        wait_for(lambda: client.status.elapsed >= 1.5)
        client.send("pause")
        wait_for(lambda: not client.status.recording)
        time.sleep(1)
        client.send("record")
        wait_for(lambda: client.status.recording and client.status.elapsed >= 1)
        client.send("stop")
        wait_for(lambda: not client.status.recording)
        wait_for(lambda: [s.state for s in client.ordered_segments()] == ["paused", "stopped"])
    finally:
        assert client.close()
    with open_archive(url) as archive:
        first, second = store.segments(archive.engine, meeting_id)
    assert (first.state, second.state) == (AudioState.PAUSED, AudioState.STOPPED)
    # The second starts after the first ended and the pause.
    gap = (second.started_at - first.started_at).total_seconds() - first.duration
    assert 0.8 < gap < 3
