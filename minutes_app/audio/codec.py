"""Audio as the app stores it: 16 kHz mono 16-bit PCM in memory, chunks of Ogg Opus on
the disk; and any recording a phone makes (M4A/AAC, MP3, WAV, OGG/Opus...) read in.

Everything goes through PyAV (FFmpeg's libraries): one library decodes every phone
format, encodes Opus, converts sample rates and changes the tempo keeping the pitch.
"""

import io
import math
import wave
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from fractions import Fraction
from functools import cache
from pathlib import Path
from typing import BinaryIO

import av
import av.error
import av.filter

from minutes_app.audio import RATE, AudioError

SAMPLE_BYTES = 2
CHUNK_SECONDS = 5  # a kill loses at most this much, and the time to encode it
BITRATE = 24000  # about 10 MB an hour of speech
# A file written for others (dump) is encoded once more: a little more room keeps it clear.
EXPORT_BITRATE = 32000
_TIME_BASE = Fraction(1, RATE)


def seconds(pcm: bytes) -> float:
    return len(pcm) / SAMPLE_BYTES / RATE


def samples(pcm: bytes) -> int:
    return len(pcm) // SAMPLE_BYTES


def byte_offset(seconds_: float) -> int:
    return round(seconds_ * RATE) * SAMPLE_BYTES


@cache
def chunk_codec() -> str:
    """Opus when this FFmpeg has an encoder for it, else FLAC (lossless, about 4× larger)."""
    try:
        av.codec.Codec("libopus", "w")
    except (av.error.FFmpegError, ValueError):
        return "flac"
    return "opus"


def _frame(pcm: bytes, pts: int = 0) -> av.AudioFrame:
    frame = av.AudioFrame(format="s16", layout="mono", samples=samples(pcm))
    frame.planes[0].update(pcm)
    frame.sample_rate = RATE
    frame.pts = pts
    frame.time_base = _TIME_BASE
    return frame


def _pcm(frame: av.AudioFrame) -> bytes:
    # A plane is padded past its samples.
    return bytes(frame.planes[0])[: frame.samples * SAMPLE_BYTES]


def encode(pcm: bytes, codec: str | None = None, bitrate: int = BITRATE) -> bytes:
    """``pcm`` as one Ogg file (Opus for speech, or FLAC), decodable on its own."""
    codec = codec or chunk_codec()
    out = io.BytesIO()
    with av.open(out, "w", format="ogg") as container:
        stream = container.add_stream("libopus" if codec == "opus" else "flac", rate=RATE, layout="mono")
        if codec == "opus":
            stream.codec_context.bit_rate = bitrate
            # Tuned for speech; level 5 halves the work of the default 10 at the same size.
            stream.codec_context.options = {"application": "voip", "compression_level": "5"}
        for packet in stream.encode(_frame(pcm)):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    return out.getvalue()


def write_opus(path: Path, blocks: Iterable[bytes], bitrate: int = EXPORT_BITRATE) -> None:
    """Sound in one Ogg Opus file, encoded as it comes (an hour is never in memory)."""
    with av.open(str(path), "w", format="ogg") as container:
        stream = container.add_stream("libopus", rate=RATE, layout="mono")
        stream.codec_context.bit_rate = bitrate
        stream.codec_context.options = {"application": "voip"}
        pts = 0
        for pcm in blocks:
            for packet in stream.encode(_frame(pcm, pts)):
                container.mux(packet)
            pts += samples(pcm)
        for packet in stream.encode(None):
            container.mux(packet)


def decode(data: bytes) -> bytes:
    """A stored chunk (or any audio file's bytes) as PCM."""
    return b"".join(_decoded(io.BytesIO(data)))


def _decoded(source: BinaryIO | str) -> Iterator[bytes]:
    resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
    with av.open(source, "r") as container:
        if not container.streams.audio:
            raise AudioError("no audio stream")
        for frame in container.decode(audio=0):
            for out in resampler.resample(frame):
                yield _pcm(out)
    for out in resampler.resample(None):
        yield _pcm(out)


@dataclass(frozen=True)
class FileInfo:
    duration: float | None  # seconds, when the file says
    recorded_at: datetime | None  # local time the recording started, from its metadata
    format_name: str


def file_info(path: Path) -> FileInfo:
    """What a recording's file says about itself; raises AudioError (for the user)."""
    try:
        with av.open(str(path), "r") as container:
            if not container.streams.audio:
                raise AudioError("không có âm thanh trong tệp")
            duration = container.duration / 1_000_000 if container.duration else None
            tags = dict(container.metadata) | dict(container.streams.audio[0].metadata)
            return FileInfo(duration, _recorded_at(tags), container.format.name)
    except av.error.FFmpegError as error:
        raise AudioError(_reason(error)) from None


def _reason(error: Exception) -> str:
    return str(getattr(error, "strerror", None) or error)


def _recorded_at(tags: dict[str, str]) -> datetime | None:
    """The start of the recording in local time: phones write ``creation_time`` in UTC
    (MP4); recorders write a ``date`` with a time (Ogg, RIFF INFO, ID3)."""
    for key in ("creation_time", "date", "DATE", "ICRD", "date_recorded", "TDRC"):
        value = tags.get(key, "").strip()
        if "T" not in value and " " not in value:
            continue  # a date alone is not a start time
        try:
            parsed = datetime.fromisoformat(value.replace("Z", "+00:00").replace(" ", "T", 1))
        except ValueError:
            continue
        if parsed.tzinfo is not None:
            parsed = parsed.astimezone().replace(tzinfo=None)
        return parsed.replace(microsecond=0)
    return None


def decode_file(path: Path, block_seconds: float = CHUNK_SECONDS) -> Iterator[bytes]:
    """The recording in ``path`` as PCM, in blocks of ``block_seconds`` (the last shorter);
    raises AudioError (for the user) when it cannot be read."""
    size = byte_offset(block_seconds)
    pending = bytearray()
    try:
        for pcm in _decoded(str(path)):
            pending += pcm
            while len(pending) >= size:
                yield bytes(pending[:size])
                del pending[:size]
    except av.error.FFmpegError as error:
        raise AudioError(_reason(error)) from None
    if pending:
        yield bytes(pending)


class Resampler:
    """Blocks of a device's samples (16-bit, interleaved channels) as 16 kHz mono PCM."""

    def __init__(self, rate: int, channels: int) -> None:
        self._rate = rate
        self._layout = "mono" if channels == 1 else "stereo" if channels == 2 else f"{channels}c"
        self._channels = channels
        self._resampler = av.AudioResampler(format="s16", layout="mono", rate=RATE)
        self._pts = 0

    def convert(self, data: bytes) -> bytes:
        if self._rate == RATE and self._channels == 1:
            return data
        count = len(data) // (SAMPLE_BYTES * self._channels)
        frame = av.AudioFrame(format="s16", layout=self._layout, samples=count)
        frame.planes[0].update(data)
        frame.sample_rate = self._rate
        frame.pts = self._pts
        frame.time_base = Fraction(1, self._rate)
        self._pts += count
        return b"".join(_pcm(out) for out in self._resampler.resample(frame))


class Tempo:
    """Faster speech at the same pitch (FFmpeg's atempo filter: a WSOLA)."""

    def __init__(self, speed: float) -> None:
        self.speed = speed
        self._graph = av.filter.Graph()
        source = self._graph.add_abuffer(format="s16", sample_rate=RATE, layout="mono", time_base=_TIME_BASE)
        tempo = self._graph.add("atempo", f"{speed:g}")
        sink = self._graph.add("abuffersink")
        source.link_to(tempo)
        tempo.link_to(sink)
        self._graph.configure()
        self._pts = 0

    def process(self, pcm: bytes) -> bytes:
        """What is ready of the sped-up sound, ``pcm`` pushed in (``b""`` to flush)."""
        if self.speed == 1:
            return pcm
        if pcm:
            self._graph.push(_frame(pcm, self._pts))
            self._pts += samples(pcm)
        else:
            self._graph.push(None)
        out: list[bytes] = []
        while True:
            try:
                frame = self._graph.pull()
            except (av.error.BlockingIOError, av.error.EOFError):
                return b"".join(out)
            assert isinstance(frame, av.AudioFrame)
            out.append(_pcm(frame))


def peak_dbfs(pcm: bytes) -> float:
    """The loudest sample, in dB below full scale (-inf for silence)."""
    values = array("h", pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES])
    peak = max((abs(v) for v in values), default=0)
    return 20 * math.log10(peak / 32768) if peak else -math.inf


def rms_dbfs(pcm: bytes) -> float:
    """The average loudness (root mean square), in dB below full scale."""
    values = array("h", pcm[: len(pcm) - len(pcm) % SAMPLE_BYTES])
    if not values:
        return -math.inf
    mean = sum(v * v for v in values) / len(values)
    return 10 * math.log10(mean / 32768**2) if mean else -math.inf


def write_wav(path: Path, pcm: bytes) -> None:
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(SAMPLE_BYTES)
        out.setframerate(RATE)
        out.writeframes(pcm)
