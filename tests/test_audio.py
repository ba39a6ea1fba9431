"""The meeting's audio without a sound card: attached recordings, clips of speeches,
speaking times, and recording from a recording played as if spoken, killed on the way."""

import os
import subprocess
import sys
import time
import uuid
from datetime import datetime
from datetime import time as clock
from pathlib import Path

import av
import pytest
from sqlalchemy import select

from minutes_app.archive import import_file, load_meeting, open_archive
from minutes_app.audio import store, timeline
from minutes_app.audio.attach import attach_file
from minutes_app.audio.codec import CHUNK_SECONDS, decode, decode_file, encode
from minutes_app.audio.store import Segment
from minutes_app.model import AudioChunk
from minutes_app.transfer import copy_meeting
from tests.audio_helpers import LENGTH, OFFSETS, START, meeting_file, seconds, stats, three_phrases
from tests.conftest import new_url
from tests.helpers import flat, load, pdf_text


def cli(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes_app", "--db", db, *args], capture_output=True,
                          text=True, encoding="utf-8")


@pytest.fixture(scope="module")
def three(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return three_phrases(tmp_path_factory.mktemp("speech"))


def test_three_phrases_attached_give_each_speech_its_clip_and_each_speaker_their_time(
    three: Path, tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    meeting = cli("import", str(meeting_file(tmp_path / "meeting.json")), db=db).stdout.strip()
    attached = cli("audio", meeting, "--attach", str(three), "--start", START, db=db)
    assert attached.returncode == 0, attached.stderr
    assert attached.stdout == f"Đã gắn “three.wav”: bắt đầu {START}, dài {LENGTH:.1f} giây.\n"

    ends = [*OFFSETS[1:], LENGTH]
    for number, (start, end) in enumerate(zip(OFFSETS, ends, strict=True), start=1):
        clip = tmp_path / f"clip{number}.wav"
        done = cli("audio", meeting, "--speech", str(number), "-o", str(clip), db=db)
        assert done.returncode == 0, done.stderr
        assert abs(seconds(clip) - (end - start)) < 0.3
        # The clip is that stretch of the recording: the phrase, as loud as it was.
        heard, source = stats(clip), stats(three, start, end - start)
        assert abs(heard["RMS lev dB"] - source["RMS lev dB"]) < 1.5
        assert abs(heard["Pk lev dB"] - source["Pk lev dB"]) < 1.5

    info = cli("audio", meeting, "--info", db=db)
    assert info.returncode == 0, info.stderr
    lines = info.stdout.splitlines()
    assert lines[0] == f"Đoạn 1\t{START}\t{LENGTH:.1f} giây\tthree.wav"
    assert lines[1] == f"Tổng thời lượng\t{LENGTH:.1f} giây"
    speakers = {name: float(value) for name, value in (line.split("\t") for line in lines[2:])}
    an = (OFFSETS[1] - OFFSETS[0]) + (LENGTH - OFFSETS[2])
    bình = OFFSETS[2] - OFFSETS[1]
    assert speakers.keys() == {"Nguyễn Văn An", "Trần Thị Bình"}
    assert abs(speakers["Nguyễn Văn An"] - an) < 0.3 and abs(speakers["Trần Thị Bình"] - bình) < 0.3


def test_clip_and_attach_mistakes_have_vietnamese_messages(three: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    meeting = cli("import", str(meeting_file(tmp_path / "meeting.json")), db=db).stdout.strip()
    no_time = cli("audio", meeting, "--attach", str(three), db=db)
    assert (no_time.returncode, no_time.stderr) == (1, (
        "Tệp ghi âm “three.wav” không ghi giờ bắt đầu ghi: hãy nhập giờ bắt đầu (ví dụ 2026-07-10T08:00:00).\n"))
    text = tmp_path / "notes.m4a"
    text.write_text("không phải âm thanh")
    bad = cli("audio", meeting, "--attach", str(text), "--start", START, db=db)
    assert bad.returncode == 1 and bad.stderr.startswith(f"Không đọc được tệp ghi âm “{text}” (")
    no_audio = cli("audio", meeting, "--speech", "1", "-o", str(tmp_path / "c.wav"), db=db)
    assert (no_audio.returncode, no_audio.stderr) == (
        1, "Ý kiến thứ 1 không có giờ phát biểu nằm trong phần đã ghi âm.\n")
    assert cli("audio", meeting, "--speech", "4", "-o", str(tmp_path / "c.wav"), db=db).stderr == (
        "Cuộc họp có 3 ý kiến phát biểu, không có ý kiến thứ 4.\n")
    assert cli("audio", meeting, "--info", db=db).stdout == "Cuộc họp không có ghi âm.\n"
    with open_archive(db) as archive:
        assert store.segments(archive.engine, int(meeting)) == []


def _phone_file(source: Path, path: Path, codec: str, recorded_at: str | None) -> Path:
    """``source`` re-encoded as a phone would write it (stereo, 44.1 or 48 kHz), with its start time."""
    rate = 48000 if codec == "libopus" else 44100
    with av.open(str(source)) as reading, av.open(str(path), "w") as writing:
        stream = writing.add_stream(codec, rate=rate, layout="stereo")
        if recorded_at:
            writing.metadata["creation_time"] = recorded_at
        resampler = av.AudioResampler(format=stream.codec_context.format.name, layout="stereo", rate=rate)
        for frame in reading.decode(audio=0):
            for out in resampler.resample(frame):
                for packet in stream.encode(out):
                    writing.mux(packet)
        for out in resampler.resample(None):
            for packet in stream.encode(out):
                writing.mux(packet)
        for packet in stream.encode(None):
            writing.mux(packet)
    return path


@pytest.mark.parametrize(("name", "codec", "recorded_at", "local"), [
    # A phone's M4A says when it started, in UTC; the meeting's clock is local.
    ("ghi-am.m4a", "aac", "2026-07-10T01:00:00.000000Z", None),
    ("ghi-am.mp3", "libmp3lame", None, "2026-07-10T08:00:00"),
    ("ghi-am.ogg", "libopus", None, "2026-07-10T08:00:00"),
])
def test_phone_recordings_are_attached_at_their_start(
    three: Path, tmp_path: Path, name: str, codec: str, recorded_at: str | None, local: str | None,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")
    time.tzset()
    try:
        phone = _phone_file(three, tmp_path / name, codec, recorded_at)
        with open_archive(f"sqlite:///{tmp_path / 'archive.sqlite3'}") as archive:
            meeting_id = import_file(archive, meeting_file(tmp_path / "meeting.json"))
            given = datetime.fromisoformat(local) if local else None
            segment = attach_file(archive.engine, meeting_id, phone, given)
            assert segment.started_at == datetime(2026, 7, 10, 8, 0, 0)
            assert abs(segment.duration - LENGTH) < 0.1
            with archive.sessions() as session:
                meeting = load_meeting(session, meeting_id)
            spans = timeline.spans(meeting.speeches, meeting.audio_segments)
            assert [(round(s.start, 1), round(s.end, 1)) for s in spans if s] == [(0, 5), (5, 9), (9, 12)]
    finally:
        monkeypatch.undo()
        time.tzset()


def test_chunks_decode_on_their_own_to_the_sound_recorded(three: Path) -> None:
    pcm = b"".join(decode_file(three))
    pieces = [decode(encode(pcm[i : i + CHUNK_SECONDS * 32000])) for i in range(0, len(pcm), CHUNK_SECONDS * 32000)]
    assert b"".join(pieces).__len__() == len(pcm)
    # About 10 MB an hour: 24 kbit/s.
    size = sum(len(encode(pcm[i : i + CHUNK_SECONDS * 32000])) for i in range(0, len(pcm), CHUNK_SECONDS * 32000))
    assert size * 3600 / LENGTH < 20e6


# --- the timeline --------------------------------------------------------------------------


def _segment(start: str, duration: float) -> Segment:
    return Segment(uuid.uuid4(), datetime.fromisoformat(start), duration, "recorded", "stopped")


class _Speech:
    def __init__(self, at: str | None, speaker: uuid.UUID | None = None) -> None:
        self.at = clock.fromisoformat(at) if at else None
        self.speaker_id = speaker


def test_a_speech_lasts_to_the_next_start_or_the_end_of_its_segment() -> None:
    morning, afternoon = _segment("2026-07-10T08:00:00.400", 600), _segment("2026-07-10T13:30:00", 60)
    an, bình = uuid.uuid4(), uuid.uuid4()
    speeches = [
        _Speech("08:00:00", an),  # stamped in the second the recording began
        _Speech("08:04:30", bình),
        _Speech(None, an),  # no time: no audio
        _Speech("08:09:00", an),  # the recording paused at 08:10:00.4
        _Speech("11:00:00", bình),  # nothing recorded then
        _Speech("13:30:20"),  # nobody chosen yet
    ]
    spans = timeline.spans(speeches, [morning, afternoon])
    assert [(round(s.start, 1), round(s.end, 1)) if s else None for s in spans] == [
        (0, 269.6), (269.6, 539.6), None, (539.6, 600), None, (20, 60)]
    assert timeline.speaker_times(speeches, [morning, afternoon]) == [
        timeline.SpeakerTime(an, 2, pytest.approx(269.6 + 60.4)),
        timeline.SpeakerTime(bình, 1, pytest.approx(270)),
        timeline.SpeakerTime(None, 1, pytest.approx(40)),
    ]
    place = timeline.locate(clock(8, 4, 30), [morning, afternoon])
    assert place is not None and timeline.time_at(place, [morning, afternoon]) == clock(8, 4, 30)


def test_a_recording_past_midnight_holds_the_times_after_it() -> None:
    night = _segment("2026-07-10T23:59:00", 180)
    spans = timeline.spans([_Speech("23:59:30"), _Speech("00:01:00")], [night])
    assert [(s.start, s.end) for s in spans if s] == [(30, 120), (120, 180)]


def test_durations_read_as_minutes_and_seconds() -> None:
    assert [timeline.duration_text(s) for s in (0, 59.6, 245, 3723)] == ["0:00", "1:00", "4:05", "1:02:03"]


# --- the audio travels with the record ----------------------------------------------------


def _chunks(url: str) -> list[tuple[int, int, bytes]]:
    with open_archive(url) as archive, archive.engine.connect() as connection:
        return [tuple(row) for row in connection.execute(  # type: ignore[misc]
            select(AudioChunk.number, AudioChunk.start, AudioChunk.data).order_by(AudioChunk.number))]


def test_audio_travels_to_the_office_server_and_back_and_in_a_dump(
    three: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    laptop = f"sqlite:///{tmp_path / 'laptop.sqlite3'}"
    with open_archive(laptop) as archive:
        meeting_id = import_file(archive, meeting_file(tmp_path / "meeting.json"))
        attach_file(archive.engine, meeting_id, three, datetime.fromisoformat(START))
    office = new_url("postgresql", tmp_path, request)
    home = f"sqlite:///{tmp_path / 'home.sqlite3'}"
    with open_archive(laptop) as source, open_archive(office) as server:
        copied = copy_meeting(source, meeting_id, server)
    with open_archive(office) as server, open_archive(home) as target:
        back = copy_meeting(server, copied.meeting_id, target)
    assert _chunks(office) == _chunks(laptop) == _chunks(home)
    assert len(_chunks(home)) == 3  # 12 seconds in chunks of 5

    dumped = tmp_path / "out" / "hop.json"
    assert cli("dump", str(back.meeting_id), "-o", str(dumped), "--with-audio", db=home).returncode == 0
    document = load(dumped)
    assert document["audio"] == [{"file": "hop-audio/1.opus", "started_at": START[:16], "source": "attached",
                                  "original_name": "three.wav"}]
    assert abs(len(b"".join(decode_file(dumped.parent / "hop-audio" / "1.opus"))) / 32000 - LENGTH) < 0.05
    # Imported elsewhere, each speech still has its clip.
    again = f"sqlite:///{tmp_path / 'again.sqlite3'}"
    imported = cli("import", str(dumped), db=again).stdout.strip()
    clip = tmp_path / "clip2.wav"
    assert cli("audio", imported, "--speech", "2", "-o", str(clip), db=again).returncode == 0
    assert abs(seconds(clip) - (OFFSETS[2] - OFFSETS[1])) < 0.3
    # Without --with-audio, the dump has none (and an audio folder left from before goes).
    assert cli("dump", str(back.meeting_id), "-o", str(dumped), db=home).returncode == 0
    assert "audio" not in load(dumped) and not (dumped.parent / "hop-audio").exists()


def test_deleting_a_meetings_audio_asks_first(three: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    meeting = cli("import", str(meeting_file(tmp_path / "meeting.json")), db=db).stdout.strip()
    cli("audio", meeting, "--attach", str(three), "--start", START, db=db)
    refused = subprocess.run([sys.executable, "-m", "minutes_app", "--db", db, "audio", meeting, "--delete"],
                             input="k\n", capture_output=True, text=True)
    assert refused.returncode == 1 and "Không xóa." in refused.stderr
    assert len(_chunks(db)) == 3
    done = cli("audio", meeting, "--delete", "-y", db=db)
    assert done.stdout == f"Đã xóa ghi âm của cuộc họp số {meeting}.\n"
    assert _chunks(db) == [] and cli("audio", meeting, "--info", db=db).stdout == "Cuộc họp không có ghi âm.\n"


def test_the_minutes_say_how_long_each_speech_lasted_when_the_profile_asks(three: Path, tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    meeting = cli("import", str(meeting_file(tmp_path / "meeting.json")), db=db).stdout.strip()
    cli("audio", meeting, "--attach", str(three), "--start", START, db=db)
    usual = tmp_path / "usual.pdf"
    assert cli("export", meeting, "--document", "minutes", "--format", "pdf", "-o", str(usual), db=db).returncode == 0
    assert "Thời gian phát biểu" not in pdf_text(usual) and "giây" not in pdf_text(usual)

    # An office turns it on in its own profile.
    profiles = tmp_path / "config" / "minutes-app" / "profiles"
    profiles.mkdir(parents=True)
    (profiles / "timed.json").write_text('{"extends": "state", "speaking_time": true}', encoding="utf-8")
    timed = tmp_path / "timed.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "minutes_app", "--db", db, "export", meeting, "--document", "minutes", "--format",
         "pdf", "--profile", "timed", "-o", str(timed)],
        capture_output=True, text=True, env=os.environ | {"XDG_CONFIG_HOME": str(tmp_path / "config")},
    )
    assert done.returncode == 0, done.stderr
    text = flat(pdf_text(timed))
    for seconds_ in (5, 4, 3):
        assert f"tham gia ý kiến (lúc 08 giờ 00, {seconds_} giây): Ý kiến" in text
    assert ("Thời gian phát biểu: - Nguyễn Văn An – Giám đốc Sở: 8 giây (2 lần); "
            "- Trần Thị Bình – Phó Giám đốc Sở Tài chính: 4 giây.") in text
