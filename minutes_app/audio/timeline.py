"""Where each speech is in the audio, and how long each speaker spoke (no database).

A speech's time of day (``Speech.at``, to the second) falls in the segment recorded at
that time. It lasts until the next speech starts, or until its segment ends (a pause,
a stop, the end of an attached file), whichever comes first.
"""

import bisect
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Protocol

# Stamps are to the second, and a speech stamped in the second the recording began
# starts at its beginning.
_TOLERANCE = 1.0


class Timed(Protocol):
    """A segment as the timeline needs it (``store.Segment`` and ``model.AudioSegment``)."""

    @property
    def id(self) -> uuid.UUID: ...
    @property
    def started_at(self) -> datetime: ...
    @property
    def duration(self) -> float: ...


class Stamped(Protocol):
    """A speech as the timeline needs it (``model.Speech``)."""

    @property
    def at(self) -> time | None: ...
    @property
    def speaker_id(self) -> uuid.UUID | None: ...


@dataclass(frozen=True)
class Place:
    """A point in the audio: a segment and seconds from its start."""

    segment_id: uuid.UUID
    offset: float


@dataclass(frozen=True)
class Span:
    """A speech's stretch of audio."""

    segment_id: uuid.UUID
    start: float
    end: float

    @property
    def seconds(self) -> float:
        return self.end - self.start


def locate(at: time, segments: Sequence[Timed]) -> Place | None:
    """The place in the audio of the time of day ``at``, if a segment holds it."""
    for segment in segments:
        start = segment.started_at
        for day in (start.date(), start.date() + timedelta(days=1)):  # a segment past midnight
            offset = (datetime.combine(day, at) - start).total_seconds()
            if -_TOLERANCE < offset < segment.duration:
                return Place(segment.id, max(0.0, offset))
    return None


def time_at(place: Place, segments: Sequence[Timed]) -> time:
    """The time of day (to the second) of a place in the audio."""
    segment = next(s for s in segments if s.id == place.segment_id)
    return (segment.started_at + timedelta(seconds=place.offset)).time().replace(microsecond=0)


def spans(speeches: Sequence[Stamped], segments: Sequence[Timed]) -> list[Span | None]:
    """Each speech's stretch of audio (None for a speech with no time, or no audio then)."""
    places = [locate(s.at, segments) if s.at is not None else None for s in speeches]
    durations = {s.id: s.duration for s in segments}
    starts: dict[uuid.UUID, list[float]] = {}  # each segment's speech starts, in order
    for place in places:
        if place is not None:
            starts.setdefault(place.segment_id, []).append(place.offset)
    for offsets in starts.values():
        offsets.sort()
    result: list[Span | None] = []
    for place in places:
        if place is None:
            result.append(None)
            continue
        # The next speech to start in the same segment ends this one.
        offsets = starts[place.segment_id]
        later = bisect.bisect_right(offsets, place.offset)
        end = offsets[later] if later < len(offsets) else durations[place.segment_id]
        result.append(Span(place.segment_id, place.offset, end))
    return result


@dataclass(frozen=True)
class SpeakerTime:
    speaker_id: uuid.UUID | None  # None: speeches whose speaker is not set
    speeches: int
    seconds: float


def speaker_times(speeches: Sequence[Stamped], segments: Sequence[Timed]) -> list[SpeakerTime]:
    """Speaking time per speaker, in the order they first spoke."""
    totals: dict[uuid.UUID | None, tuple[int, float]] = {}
    for speech, span in zip(speeches, spans(speeches, segments), strict=True):
        if span is not None:
            count, total = totals.get(speech.speaker_id, (0, 0.0))
            totals[speech.speaker_id] = (count + 1, total + span.seconds)
    return [SpeakerTime(key, count, total) for key, (count, total) in totals.items()]


def duration_text(seconds: float) -> str:
    """``4:05`` or ``1:02:03``: minutes and seconds, hours when there are."""
    whole = round(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
