"""An existing recording (a phone's M4A, an MP3, a WAV, an OGG/Opus) made a segment of a
meeting's audio: decoded, converted to the app's own chunks, placed at its start time."""

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from sqlalchemy import Engine

from minutes_app.audio import RATE, AudioError, store
from minutes_app.audio.codec import decode_file, encode, file_info, samples
from minutes_app.i18n import _
from minutes_app.model import AudioSource


def encoded_chunks(path: Path) -> Iterator[tuple[int, int, bytes]]:
    """The recording in ``path`` as the app's chunks: (first sample, samples, data)."""
    start = 0
    for pcm in decode_file(path):
        yield start, samples(pcm), encode(pcm)
        start += samples(pcm)


def start_time(path: Path, given: datetime | None) -> datetime:
    """When the recording started: ``given``, else what the file says; raises AudioError."""
    try:
        info = file_info(path)
    except AudioError as error:
        raise AudioError(_("Không đọc được tệp ghi âm “{file}” ({reason}).").format(file=path, reason=error)) from None
    if given is not None:
        return given
    if info.recorded_at is None:
        raise AudioError(_(
            "Tệp ghi âm “{file}” không ghi giờ bắt đầu ghi: hãy nhập giờ bắt đầu (ví dụ 2026-07-10T08:00:00)."
        ).format(file=path.name))
    return info.recorded_at


def attach_file(
    engine: Engine, meeting_id: int, path: Path, started_at: datetime | None = None,
    progress: Callable[[float], None] = lambda seconds: None,
) -> store.Segment:
    """Add the recording in ``path`` to the meeting's audio; ``progress`` hears the
    seconds converted so far. Nothing is left of it when it fails (AudioError)."""
    started_at = start_time(path, started_at)
    segment = store.begin_segment(engine, meeting_id, started_at, AudioSource.ATTACHED, path.name)
    end = 0
    try:
        for number, (start, count, data) in enumerate(encoded_chunks(path)):
            store.add_chunk(engine, segment.id, number, start, count, data)
            end = start + count
            progress(end / RATE)
    except AudioError as error:
        store.delete_segment(engine, segment.id)
        raise AudioError(_("Không đọc được tệp ghi âm “{file}” ({reason}).").format(file=path, reason=error)) from None
    except BaseException:
        store.delete_segment(engine, segment.id)
        raise
    if end == 0:
        store.delete_segment(engine, segment.id)
        raise AudioError(_("Tệp ghi âm “{file}” không có âm thanh nào.").format(file=path))
    return store.Segment(segment.id, started_at, end / RATE, segment.source, segment.state, path.name,
                         segment.recorded_on)
