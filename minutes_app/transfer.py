"""Copying a meeting between archives: from the laptop's file to the office server and back.

The copy keeps the meeting's identity (its uid) and the ids of its rows, so the target
knows when it already has the meeting; people already known there are not duplicated.
"""

import enum
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from minutes_app import people, search
from minutes_app.archive import Archive, load_meeting
from minutes_app.i18n import _
from minutes_app.model import (
    Attendance,
    AudioChunk,
    AudioSegment,
    Base,
    Meeting,
    MeetingExport,
    MeetingVersion,
    Person,
    PressRelease,
    RecordState,
    VersionPhoto,
)


class IfExists(enum.StrEnum):
    SKIP = "skip"  # leave the target's copy as it is
    REPLACE = "replace"  # the target's copy is deleted and replaced
    KEEP_BOTH = "keep-both"  # the copy becomes a new meeting beside the existing one


class MeetingExists(Exception):
    """The target already has this meeting and no choice was given."""

    def __init__(self, existing_id: int, title: str) -> None:
        super().__init__(
            _("Kho đích đã có cuộc họp này (số {id}: {title}).").format(id=existing_id, title=title)
        )
        self.existing_id = existing_id


class FinalInTarget(Exception):
    """The target holds a final version of the meeting that the copy does not continue."""

    def __init__(self, existing_id: int, version: int) -> None:
        super().__init__(_(
            "Kho đích giữ biên bản đã chốt (phiên bản {version}) của cuộc họp này (số {id}), mà bản gửi đi không phải "
            "phiên bản sửa tiếp theo của nó: không thay thế. Hãy bỏ qua, hoặc giữ cả hai."
        ).format(version=version, id=existing_id))
        self.existing_id = existing_id


@dataclass(frozen=True)
class Copied:
    meeting_id: int  # the meeting's number in the target archive
    action: str  # 'copied', 'skipped', 'replaced' or 'kept-both'

    def __str__(self) -> str:
        """What happened, for the user."""
        messages = {
            "copied": _("Đã chép thành cuộc họp số {id} ở kho đích."),
            "skipped": _("Bỏ qua: kho đích đã có cuộc họp này (số {id})."),
            "replaced": _("Đã thay thế cuộc họp số {id} ở kho đích."),
            "kept-both": _("Đã chép thành cuộc họp mới số {id} ở kho đích, bên cạnh bản đã có."),
        }
        return messages[self.action].format(id=self.meeting_id)


AUDIO_BATCH = 50  # chunks read and written at once: about 5 minutes, 750 kB
# Columns that tie a row to its meeting or order it: the copy sets them by attaching.
_ATTACHMENT = {"meeting_id", "position"}


def _values(row: Base, exclude: set[str]) -> dict[str, Any]:
    return {a.key: getattr(row, a.key) for a in row.__mapper__.column_attrs if a.key not in exclude}


def copy_meeting(source: Archive, meeting_id: int, target: Archive, if_exists: IfExists | None = None) -> Copied:
    """Copy meeting ``meeting_id`` of ``source`` into ``target``, photos and audio included."""
    with source.sessions() as reading, target.sessions.begin() as writing:
        meeting = load_meeting(reading, meeting_id)
        existing = writing.scalars(select(Meeting).where(Meeting.uid == meeting.uid)).one_or_none()
        action = "copied"
        if existing is not None:
            if if_exists is None:
                raise MeetingExists(existing.id, existing.title)
            if if_exists is IfExists.SKIP:
                return Copied(existing.id, "skipped")
            if if_exists is IfExists.REPLACE:
                if existing.state == RecordState.FINAL:
                    same = _finals(writing, existing.id) == _finals(reading, meeting.id)
                    if same and meeting.state == existing.state:
                        return Copied(existing.id, "skipped")  # the very record: nothing to replace
                    _reopen_for(reading, writing, meeting, existing)
                writing.delete(existing)
                writing.flush()
                action = "replaced"
            else:
                action = "kept-both"
        # Nothing is flushed until the copy is whole: half a meeting would break its keys.
        with writing.no_autoflush:
            copy = _clone(meeting, writing, fresh_ids=action == "kept-both")
        # The archive takes a final record only once its versions are there: it goes in as
        # the draft of its version, with its history, then becomes final.
        final = copy.state == RecordState.FINAL
        if final:
            copy.state = RecordState.DRAFT if copy.record_version == 1 else RecordState.REOPENED
        writing.add(copy)
        writing.flush()
        _copy_audio(reading, writing, zip(meeting.audio_segments, copy.audio_segments, strict=True))
        _copy_history(reading, writing, meeting.id, copy.id)
        if final:
            copy.state = RecordState.FINAL
            writing.flush()
        search.reindex_meeting(writing.connection(), copy.id)
        return Copied(copy.id, action)


def _finals(session: Session, meeting_id: int) -> list[tuple[int, str | None]]:
    """The final versions of a meeting: numbers and digests."""
    return [(number, sha256) for number, sha256 in session.execute(
        select(MeetingVersion.number, MeetingVersion.sha256)
        .where(MeetingVersion.meeting_id == meeting_id, MeetingVersion.sha256.is_not(None))
        .order_by(MeetingVersion.number)
    )]


def _reopen_for(reading: Session, writing: Session, meeting: Meeting, existing: Meeting) -> None:
    """Replacing a final record is allowed only with its correction: a copy whose history
    holds the target's final versions and goes further. The target is then reopened with
    that correction's reason, as the archive requires before anything of it changes."""
    theirs, ours = _finals(writing, existing.id), _finals(reading, meeting.id)
    following = reading.scalars(select(MeetingVersion).where(
        MeetingVersion.meeting_id == meeting.id, MeetingVersion.number == existing.record_version + 1)).one_or_none()
    if ours[:len(theirs)] != theirs or following is None or not (following.reason or "").strip():
        raise FinalInTarget(existing.id, existing.record_version)
    writing.add(MeetingVersion(meeting_id=existing.id, number=following.number, reason=following.reason,
                               opened_at=following.opened_at, opened_by=following.opened_by))
    writing.flush()
    existing.state = RecordState.REOPENED
    existing.record_version = following.number
    writing.flush()


def _copy_history(reading: Session, writing: Session, source_id: int, target_id: int) -> None:
    """The versions kept, their photos and the record of exports, as they are."""
    for model in (MeetingVersion, VersionPhoto, MeetingExport):
        table = Base.metadata.tables[model.__tablename__]
        rows = reading.execute(select(table).where(table.c.meeting_id == source_id)).mappings().all()
        values = [{k: v for k, v in row.items() if k != "id"} | {"meeting_id": target_id} for row in rows]
        if values:
            writing.execute(insert(table), values)


def _clone(meeting: Meeting, target: Session, fresh_ids: bool) -> Meeting:
    """A copy of ``meeting`` for ``target``; its rows get new ids if ``fresh_ids``."""
    new_ids = {"id"} if fresh_ids else set()
    copy = Meeting(**_values(meeting, {"id", "chair_id", "secretary_id"} | ({"uid"} if fresh_ids else set())))
    twins: dict[int, Any] = {}  # id() of a source row -> its copy

    def clone(row: Any, references: set[str]) -> Any:
        values = _values(row, _ATTACHMENT | references | new_ids)
        if fresh_ids:
            values["id"] = uuid.uuid4()  # made now: the article refers to photos by id
        twins[id(row)] = type(row)(**values)
        return twins[id(row)]

    def twin(row: Any) -> Any:
        return twins[id(row)] if row is not None else None

    for attendance in meeting.attendances:
        copy.attendances.append(clone(attendance, {"person_id"}))
        twin(attendance).person = _person(attendance, target)
    copy.photos = [clone(photo, set()) for photo in meeting.photos]
    copy.topics = [clone(topic, set()) for topic in meeting.topics]
    copy.audio_segments = [clone(segment, set()) for segment in meeting.audio_segments]
    for speech in meeting.speeches:
        copy.speeches.append(clone(speech, {"speaker_id", "photo_id"}))
        twin(speech).speaker, twin(speech).photo = twin(speech.speaker), twin(speech.photo)
    for directive in meeting.directives:
        copy.directives.append(clone(directive, {"issued_by_id"}))
        twin(directive).issued_by = twin(directive.issued_by)
    copy.carried_tasks = [clone(task, set()) for task in meeting.carried_tasks]
    copy.chair, copy.secretary = twin(meeting.chair), twin(meeting.secretary)
    press = meeting.press_release
    if press is not None:
        copy.press_release = PressRelease(**_values(press, {"meeting_id", "general_photo_id"}))
        copy.press_release.general_photo = twin(press.general_photo)
        if fresh_ids:
            renamed = {str(p.id): str(twin(p).id) for p in meeting.photos}
            for key in ("article", "article_previous"):
                blocks = getattr(press, key)
                if blocks is not None:
                    setattr(copy.press_release, key, [
                        b | {"photo": renamed.get(b["photo"], b["photo"])} if "photo" in b else b for b in blocks
                    ])
    return copy


def _copy_audio(reading: Session, writing: Session, segments: Iterable[tuple[AudioSegment, AudioSegment]]) -> None:
    """The chunks of each segment into its copy, a few at a time (hours of audio are large)."""
    chunk = Base.metadata.tables[AudioChunk.__tablename__]
    for source, target in segments:
        rows = reading.execute(
            select(chunk.c.number, chunk.c.start, chunk.c.samples, chunk.c.data)
            .where(chunk.c.segment_id == source.id).order_by(chunk.c.number),
            execution_options={"yield_per": AUDIO_BATCH},
        )
        for batch in rows.partitions():
            writing.execute(insert(chunk), [row._asdict() | {"segment_id": target.id} for row in batch])


def _person(attendance: Attendance, target: Session) -> Person:
    """The target's row for the attendee: the same person if copied before, else a safe
    match (same name and an overlapping title or the organisation), else a copy."""
    person = attendance.person
    known = target.get(Person, person.id)
    if known is None:
        known = people.find_person(target, person.name, attendance.titles, attendance.organization, set())
    return known if known is not None else Person(**_values(person, set()))
