"""The audio of one speech: for a WAV clip, and for speech recognition later."""

from pathlib import Path

from sqlalchemy import Engine

from minutes_app.audio import AudioError, store, timeline
from minutes_app.i18n import _
from minutes_app.model import AudioSegment, Meeting


def speech_span(meeting: Meeting, number: int) -> timeline.Span:
    """The stretch of audio of the ``number``-th speech (from 1); raises AudioError."""
    if not 1 <= number <= len(meeting.speeches):
        raise AudioError(_("Cuộc họp có {count} ý kiến phát biểu, không có ý kiến thứ {number}.").format(
            count=len(meeting.speeches), number=number))
    span = timeline.spans(meeting.speeches, meeting.audio_segments)[number - 1]
    if span is None:
        raise AudioError(_("Ý kiến thứ {number} không có giờ phát biểu nằm trong phần đã ghi âm.").format(
            number=number))
    return span


def speech_samples(engine: Engine, meeting: Meeting, number: int) -> bytes:
    """The ``number``-th speech (from 1), from its start to the next one's, as 16 kHz mono
    16-bit PCM (``codec.RATE``): what a speech recogniser takes."""
    span = speech_span(meeting, number)
    return store.read_pcm(engine, span.segment_id, span.start, span.end)


def write_segment_file(engine: Engine, segment: AudioSegment, path: Path) -> None:
    """A whole segment as one Ogg Opus file (for a meeting file's audio folder)."""
    from minutes_app.audio.codec import decode, write_opus

    write_opus(path, (decode(data) for _start, data in store.chunks(engine, segment.id)))
