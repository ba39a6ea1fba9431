"""Recording through a real sound system: a PulseAudio server started for the test, a
null sink (the hall) whose monitor is remapped as a microphone, and paplay speaking."""

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutes_app.archive import import_file, open_archive
from minutes_app.audio import store
from minutes_app.audio.client import AudioClient
from minutes_app.audio.codec import write_wav
from tests.audio_helpers import meeting_file, need, seconds, speak, stats


@pytest.fixture
def pulse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, str]]:
    """A PulseAudio server of the test's own (its runtime folder in tmp_path)."""
    need("pulseaudio", "pactl", "paplay")
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {"XDG_RUNTIME_DIR": str(runtime), "PULSE_RUNTIME_PATH": str(runtime / "pulse"),
           "HOME": str(tmp_path / "home")}
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    subprocess.run(["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n",
                    "--load=module-native-protocol-unix", "--log-target=file:" + str(runtime / "log")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for command in (
            ["pactl", "load-module", "module-null-sink", "sink_name=hall"],
            # Applications do not take a monitor for a microphone: a remapped source they do.
            ["pactl", "load-module", "module-remap-source", "master=hall.monitor", "source_name=mic"],
            ["pactl", "set-default-source", "mic"],
            ["pactl", "set-default-sink", "hall"],
        ):
            subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        yield env
    finally:
        subprocess.run(["pulseaudio", "--kill"], check=False)


def trimmed(path: Path) -> Path:
    """The file without the silence before and after the speech."""
    out = path.with_name(path.stem + "-speech.wav")
    subprocess.run(["sox", str(path), str(out), "silence", "1", "0.02", "0.5%", "reverse", "silence", "1", "0.02",
                    "0.5%", "reverse"], check=True)
    return out


def test_recording_from_the_hall_microphone_is_as_loud_as_the_speech(pulse: dict[str, str], tmp_path: Path) -> None:
    phrase = speak("Đồng chí Phạm Minh Tấn phát biểu ý kiến về chuyển đổi số", tmp_path / "phrase.wav", 22050)
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    with open_archive(url) as archive:
        meeting_id = import_file(archive, meeting_file(tmp_path / "meeting.json"))
    client = AudioClient(url, meeting_id, [], {"device": None}, {"null": True})
    try:
        assert client.ready.wait(30)
        client.send("record")
        deadline = time.monotonic() + 30
        while client.status.elapsed < 0.5:
            assert time.monotonic() < deadline and not client.events, list(client.events)
            time.sleep(0.05)
        subprocess.run(["paplay", "--device=hall", str(phrase)], check=True, env=os.environ)
        time.sleep(0.5)
        client.send("stop")
        while client.status.recording:
            time.sleep(0.05)
    finally:
        assert client.close()
    with open_archive(url) as archive:
        [segment] = store.segments(archive.engine, meeting_id)
        recording = tmp_path / "recording.wav"
        write_wav(recording, store.read_pcm(archive.engine, segment.id, 0))
    assert segment.state == "stopped" and segment.duration > seconds(phrase)
    heard, spoken = trimmed(recording), trimmed(phrase)
    assert abs(seconds(heard) - seconds(spoken)) < 0.3
    for figure in ("RMS lev dB", "Pk lev dB"):
        assert abs(stats(heard)[figure] - stats(spoken)[figure]) < 1.5, figure
