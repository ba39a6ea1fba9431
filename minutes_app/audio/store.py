"""A meeting's audio in the archive: segments and their chunks, through SQLAlchemy.

The audio is part of the record, so it lives where the record does: in the SQLite file
(a chunk committed with ``synchronous=FULL`` survives a power cut, as typed text does)
or on the office's PostgreSQL server, where no folder beside the archive exists. It is
copied with the meeting and backed up with the archive.
"""

import socket
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, delete, func, insert, select, update

from minutes_app.audio import RATE
from minutes_app.model import AudioChunk, AudioSegment, AudioSource, AudioState, Base

SEGMENT = Base.metadata.tables[AudioSegment.__tablename__]
CHUNK = Base.metadata.tables[AudioChunk.__tablename__]


@dataclass(frozen=True)
class Segment:
    """What the window and the timeline need of a segment (no audio)."""

    id: uuid.UUID
    started_at: datetime
    duration: float
    source: str
    state: str
    file_name: str | None = None
    recorded_on: str | None = None


def segment_json(segment: Segment) -> dict[str, Any]:
    return {
        "id": str(segment.id), "started_at": segment.started_at.isoformat(), "duration": segment.duration,
        "source": segment.source, "state": segment.state, "file_name": segment.file_name,
        "recorded_on": segment.recorded_on,
    }


def segment_from_json(item: dict[str, Any]) -> Segment:
    return Segment(
        uuid.UUID(item["id"]), datetime.fromisoformat(item["started_at"]), float(item["duration"]), item["source"],
        item["state"], item["file_name"], item["recorded_on"],
    )


def segments(engine: Engine, meeting_id: int) -> list[Segment]:
    """The meeting's segments, in the order they were recorded."""
    statement = (
        select(AudioSegment.id, AudioSegment.started_at, AudioSegment.duration, AudioSegment.source,
               AudioSegment.state, AudioSegment.file_name, AudioSegment.recorded_on)
        .where(AudioSegment.meeting_id == meeting_id)
        .order_by(AudioSegment.started_at)
    )
    with engine.connect() as connection:
        return [Segment(*row) for row in connection.execute(statement)]


def this_computer() -> str:
    return socket.gethostname()[:100]


def begin_segment(
    engine: Engine, meeting_id: int, started_at: datetime, source: str = AudioSource.RECORDED,
    file_name: str | None = None,
) -> Segment:
    """A new, empty segment."""
    from minutes_app.audio.codec import chunk_codec

    state = AudioState.RECORDING if source == AudioSource.RECORDED else AudioState.COMPLETE
    segment = Segment(uuid.uuid4(), started_at, 0.0, source, state, file_name, this_computer())
    with engine.begin() as connection:
        connection.execute(insert(SEGMENT).values(
            id=segment.id, meeting_id=meeting_id, started_at=started_at, duration=0.0, sample_rate=RATE,
            codec=chunk_codec(), source=source, state=state, file_name=file_name, recorded_on=segment.recorded_on,
        ))
    return segment


def add_chunk(engine: Engine, segment_id: uuid.UUID, number: int, start: int, pcm_samples: int, data: bytes) -> None:
    """Write one chunk and the segment's new length, in one transaction."""
    with engine.begin() as connection:
        connection.execute(insert(CHUNK).values(
            segment_id=segment_id, number=number, start=start, samples=pcm_samples, data=data
        ))
        connection.execute(
            update(SEGMENT).where(SEGMENT.c.id == segment_id).values(duration=(start + pcm_samples) / RATE)
        )


def set_state(engine: Engine, segment_id: uuid.UUID, state: str) -> None:
    with engine.begin() as connection:
        connection.execute(update(SEGMENT).where(SEGMENT.c.id == segment_id).values(state=state))


def delete_segment(engine: Engine, segment_id: uuid.UUID) -> None:
    with engine.begin() as connection:
        connection.execute(delete(CHUNK).where(CHUNK.c.segment_id == segment_id))
        connection.execute(delete(SEGMENT).where(SEGMENT.c.id == segment_id))


def delete_meeting_audio(engine: Engine, meeting_id: int) -> int:
    """Remove all of a meeting's audio; returns how many segments there were."""
    ids = select(SEGMENT.c.id).where(SEGMENT.c.meeting_id == meeting_id).scalar_subquery()
    with engine.begin() as connection:
        connection.execute(delete(CHUNK).where(CHUNK.c.segment_id.in_(ids)))
        return connection.execute(delete(SEGMENT).where(SEGMENT.c.meeting_id == meeting_id)).rowcount


def audio_bytes(engine: Engine, meeting_id: int) -> int:
    """How many bytes the meeting's audio takes."""
    statement = (
        select(func.coalesce(func.sum(func.length(CHUNK.c.data)), 0))
        .join(SEGMENT, SEGMENT.c.id == CHUNK.c.segment_id)
        .where(SEGMENT.c.meeting_id == meeting_id)
    )
    with engine.connect() as connection:
        return int(connection.execute(statement).scalar_one())


def chunks(engine: Engine, segment_id: uuid.UUID, from_sample: int = 0) -> Iterator[tuple[int, bytes]]:
    """The segment's chunks from the one holding ``from_sample`` on: (first sample, data)."""
    numbers = (
        select(CHUNK.c.number)
        .where(CHUNK.c.segment_id == segment_id, CHUNK.c.start + CHUNK.c.samples > from_sample)
        .order_by(CHUNK.c.number)
    )
    with engine.connect() as connection:
        # One chunk at a time: an hour of audio is never in memory at once.
        for number in connection.execute(numbers).scalars().all():
            row = connection.execute(
                select(CHUNK.c.start, CHUNK.c.data).where(CHUNK.c.segment_id == segment_id, CHUNK.c.number == number)
            ).one()
            yield row.start, row.data


def read_pcm(engine: Engine, segment_id: uuid.UUID, start: float, end: float | None = None) -> bytes:
    """The segment's sound from ``start`` to ``end`` seconds (its end when None), as PCM."""
    from minutes_app.audio.codec import decode, samples

    first = max(0, round(start * RATE))
    last = None if end is None else round(end * RATE)
    out = bytearray()
    for chunk_start, data in chunks(engine, segment_id, first):
        if last is not None and chunk_start >= last:
            break
        pcm = decode(data)
        begin = max(0, first - chunk_start)
        stop = samples(pcm) if last is None else min(samples(pcm), last - chunk_start)
        out += pcm[begin * 2 : stop * 2]
    return bytes(out)
