"""The meeting record as stored in the archive (SQLAlchemy 2 typed ORM, no Qt).

A person is one row reused across meetings; what changes over the years (titles,
group, honorific, presence) belongs to their attendance at one meeting.

Rows other than the meeting are keyed by UUIDs made where the row is created, so an
editor can add a speech without waiting for the database, and a meeting keeps its
identity when it moves between archives. Every row carries a version, incremented on
each update, so that two people editing one meeting never silently overwrite each other.
"""

import enum
import uuid
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    func,
)
from sqlalchemy.ext.orderinglist import ordering_list
from sqlalchemy.orm import (
    DeclarativeBase,
    Mapped,
    declared_attr,
    deferred,
    mapped_column,
    relationship,
)

# Named constraints, so that migrations can refer to them on every database.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

Extensions = dict[str, Any]


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {
        Extensions: JSON,
        list[str]: JSON,
        datetime: DateTime(),
        date: Date(),
        time: Time(),
        str: String(),
    }


class Versioned:
    """A row version for optimistic concurrency: an update that finds another version fails.

    ``updated_by`` names who saved this version, so that the one whose save fails can
    be told who changed the row.
    """

    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_by: Mapped[str | None] = mapped_column(String(100))

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return {"version_id_col": cls.__table__.c.version}  # type: ignore[attr-defined]  # a mixin: its class has one


class Style(enum.StrEnum):
    """Which document system the minutes follow."""

    STATE = "state"  # Decree 30/2020/ND-CP
    PARTY = "party"  # Guideline 36-HD/VPTW


class RecordState(enum.StrEnum):
    """Where a meeting's minutes stand."""

    DRAFT = "draft"  # being written; every document made from it says "DỰ THẢO"
    FINAL = "final"  # signed: nothing of the minutes changes any more
    REOPENED = "reopened"  # a final record opened for a correction: the draft of the next version


class SpeechKind(enum.StrEnum):
    OPENING = "opening"
    REPORT = "report"
    ASSESSMENT = "assessment"
    OPINION = "opinion"
    CONCLUSION = "conclusion"
    OTHER = "other"


def _parts(target: str) -> Any:
    """The ordered rows of one kind that belong to a meeting and go with it."""
    return relationship(
        back_populates="meeting",
        foreign_keys=f"{target}.meeting_id",
        order_by=f"{target}.position",
        collection_class=ordering_list("position"),
        cascade="all, delete-orphan",
        passive_deletes=True,
    )


class MeetingPart(Versioned):
    """The columns of a row that belongs to one meeting, at a place in its order."""

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)


class Person(Versioned, Base):
    __tablename__ = "person"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    name: Mapped[str] = mapped_column(index=True)
    created_at: Mapped[datetime] = mapped_column(server_default=func.current_timestamp())

    attendances: Mapped[list["Attendance"]] = relationship(back_populates="person")

    def __repr__(self) -> str:
        return f"Person({self.id!r}, {self.name!r})"


class Meeting(Versioned, Base):
    __tablename__ = "meeting"

    # The number people type (``minutes-app dump 12``), local to one archive.
    id: Mapped[int] = mapped_column(primary_key=True)
    # Stable identity when a meeting moves between archives (laptop and office).
    uid: Mapped[uuid.UUID] = mapped_column(unique=True, default=uuid.uuid4)
    title: Mapped[str] = mapped_column(Text)
    style: Mapped[str] = mapped_column(String(10), default=Style.STATE)
    organizer_name: Mapped[str] = mapped_column(Text)
    organizer_parent: Mapped[str | None] = mapped_column(Text)
    organizer_code: Mapped[str | None]
    organizer_extensions: Mapped[Extensions | None]
    document_number: Mapped[str | None]
    place_name: Mapped[str | None]
    venue: Mapped[str | None] = mapped_column(Text)
    starts_at: Mapped[datetime] = mapped_column(index=True)
    ends_at: Mapped[datetime | None]
    chair_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="SET NULL", use_alter=True)
    )
    secretary_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="SET NULL", use_alter=True)
    )
    agenda: Mapped[list[str]] = mapped_column(default=list)
    extensions: Mapped[Extensions | None]
    # Draft, final (signed: read-only) or reopened for a correction, and the number of the
    # version being written or signed (see minutes_app.history and the block at the end).
    state: Mapped[str] = mapped_column(String(10), default=RecordState.DRAFT, server_default=RecordState.DRAFT.value)
    record_version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    created_at: Mapped[datetime] = mapped_column(server_default=func.current_timestamp())
    updated_at: Mapped[datetime] = mapped_column(
        server_default=func.current_timestamp(), onupdate=func.current_timestamp()
    )

    attendances: Mapped[list["Attendance"]] = _parts("Attendance")
    chair: Mapped["Attendance | None"] = relationship(foreign_keys=[chair_id], post_update=True)
    secretary: Mapped["Attendance | None"] = relationship(
        foreign_keys=[secretary_id], post_update=True
    )
    speeches: Mapped[list["Speech"]] = _parts("Speech")
    topics: Mapped[list["Topic"]] = _parts("Topic")
    directives: Mapped[list["Directive"]] = _parts("Directive")
    carried_tasks: Mapped[list["CarriedTask"]] = _parts("CarriedTask")
    photos: Mapped[list["Photo"]] = _parts("Photo")
    press_release: Mapped["PressRelease | None"] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    conclusions_notice: Mapped["ConclusionsNotice | None"] = relationship(
        back_populates="meeting", cascade="all, delete-orphan", passive_deletes=True
    )
    audio_segments: Mapped[list["AudioSegment"]] = relationship(
        back_populates="meeting",
        order_by="AudioSegment.started_at",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    def __repr__(self) -> str:
        return f"Meeting({self.id!r}, {self.title!r})"


class Attendance(MeetingPart, Base):
    """One person at one meeting, with the titles they held then."""

    __tablename__ = "attendance"

    person_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("person.id"), index=True)
    # The attendee's id in the meeting file ('c1'); kept so a file round-trips.
    ref: Mapped[str | None]
    honorific: Mapped[str | None]
    titles: Mapped[list[str]] = mapped_column(default=list)
    organization: Mapped[str | None] = mapped_column(Text)
    group_name: Mapped[str | None] = mapped_column(Text)
    present: Mapped[bool] = mapped_column(default=True)
    # A guest of honour: the news article names them, with their titles, among those who attended.
    guest_of_honour: Mapped[bool] = mapped_column(default=False, server_default=false())
    absence_reason: Mapped[str | None] = mapped_column(Text)
    extensions: Mapped[Extensions | None]

    meeting: Mapped[Meeting] = relationship(
        back_populates="attendances", foreign_keys="Attendance.meeting_id"
    )
    person: Mapped[Person] = relationship(back_populates="attendances")

    @property
    def name(self) -> str:
        return self.person.name

    def __repr__(self) -> str:
        return f"Attendance({self.id!r}, {self.person.name!r})"


class Speech(MeetingPart, Base):
    __tablename__ = "speech"

    speaker_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="SET NULL"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12), default=SpeechKind.OPINION)
    subject: Mapped[str | None] = mapped_column(Text)
    at: Mapped[time | None]
    summary: Mapped[str] = mapped_column(Text, default="")
    # The speaker's own words, which the news article quotes.
    quote: Mapped[str | None] = mapped_column(Text)
    photo_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("photo.id", ondelete="SET NULL"), index=True
    )
    extensions: Mapped[Extensions | None]

    meeting: Mapped[Meeting] = relationship(back_populates="speeches")
    speaker: Mapped[Attendance | None] = relationship()
    photo: Mapped["Photo | None"] = relationship()


class Topic(MeetingPart, Base):
    __tablename__ = "topic"

    title: Mapped[str] = mapped_column(Text)
    notes: Mapped[str | None] = mapped_column(Text)
    extensions: Mapped[Extensions | None]

    meeting: Mapped[Meeting] = relationship(back_populates="topics")


class Directive(MeetingPart, Base):
    __tablename__ = "directive"

    addressee: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None]
    issued_by_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("attendance.id", ondelete="SET NULL"), index=True
    )
    extensions: Mapped[Extensions | None]
    # The directive followed up as a task (minutes_app.tasks). The unit in charge is the
    # addressee unless ``lead_unit`` names one of several; ``recurrence`` marks an ongoing
    # or periodic task; extensions and progress notes are lists of small JSON objects.
    lead_unit: Mapped[str | None] = mapped_column(Text)
    partners: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))
    recurrence: Mapped[str | None] = mapped_column(String(12))
    deadline_extensions: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON(none_as_null=True))
    progress: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON(none_as_null=True))
    done_on: Mapped[date | None]
    result: Mapped[str | None] = mapped_column(Text)
    report_number: Mapped[str | None]
    report_date: Mapped[date | None]

    meeting: Mapped[Meeting] = relationship(back_populates="directives")
    issued_by: Mapped[Attendance | None] = relationship()


class Photo(MeetingPart, Base):
    """A photo, bytes included, so one archive file or one server holds everything."""

    __tablename__ = "photo"

    # The photo's id in the meeting file ('p1'); kept so a file round-trips.
    ref: Mapped[str | None]
    file_name: Mapped[str]
    media_type: Mapped[str] = mapped_column(String(20))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    # Loaded only when a document or a thumbnail needs the picture itself.
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))
    caption: Mapped[str | None] = mapped_column(Text)
    extensions: Mapped[Extensions | None]

    meeting: Mapped[Meeting] = relationship(back_populates="photos")


class PressRelease(Versioned, Base):
    """Editorial choices for the news article; anything left empty is drafted."""

    __tablename__ = "press_release"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    title: Mapped[str | None] = mapped_column(Text)
    lead: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None]
    general_photo_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("photo.id", ondelete="SET NULL")
    )
    topics_intro: Mapped[str | None] = mapped_column(Text)
    # A paragraph that puts the meeting in context, printed after the lead.
    background: Mapped[str | None] = mapped_column(Text)
    extensions: Mapped[Extensions | None]
    # The article as edited: a list of blocks (see minutes_app.documents.article).
    # None until the user edits the draft; re-drafting keeps the replaced text.
    article: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    article_previous: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)

    meeting: Mapped[Meeting] = relationship(back_populates="press_release")
    general_photo: Mapped[Photo | None] = relationship()


class ConclusionsNotice(Versioned, Base):
    """The notice of conclusions (thông báo kết luận): the form it is issued in, and its
    text once the user edits the draft (see minutes_app.documents.conclusions)."""

    __tablename__ = "conclusions_notice"

    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True
    )
    # The style profile of the notice; None: the one the meeting's style names.
    profile: Mapped[str | None] = mapped_column(String(100))
    # A list of blocks; None until the user edits the draft; re-drafting keeps the replaced text.
    blocks: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    blocks_previous: Mapped[list[dict[str, Any]] | None] = mapped_column(JSON)
    extensions: Mapped[Extensions | None]

    meeting: Mapped[Meeting] = relationship(back_populates="conclusions_notice")


class SearchText(Base):
    """The folded text of one searchable row (see minutes_app.search): what the row
    gave to its meeting's search terms, to take back when the row changes."""

    __tablename__ = "search_text"

    id: Mapped[int] = mapped_column(primary_key=True)
    # The row the text comes from (a meeting's uid or a part's id).
    row_id: Mapped[uuid.UUID] = mapped_column(unique=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)


class SearchTerm(Base):
    """A word of a meeting's searchable text, and in how many of its rows: what the
    archive search reads (see minutes_app.search)."""

    __tablename__ = "search_term"
    # The key is the table: no rowid beside it on SQLite.
    __table_args__ = {"sqlite_with_rowid": False}

    # Compared byte by byte (collation "C" on PostgreSQL), so a prefix is a key range.
    term: Mapped[str] = mapped_column(String().with_variant(String(collation="C"), "postgresql"), primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    uses: Mapped[int] = mapped_column(Integer)  # rows of the meeting that hold the word


class CarriedTask(MeetingPart, Base):
    """A task of an earlier session reviewed at this one ("Kết quả thực hiện kết luận kỳ
    trước"): what the minutes print, copied when it was carried over, and the outcome
    reported. ``task_id`` names the earlier directive; it is no foreign key, since that
    meeting may be in another archive."""

    __tablename__ = "carried_task"

    task_id: Mapped[uuid.UUID | None] = mapped_column(index=True)
    unit: Mapped[str] = mapped_column(Text)
    content: Mapped[str] = mapped_column(Text)
    deadline: Mapped[date | None]
    recurrence: Mapped[str | None] = mapped_column(String(12))
    outcome: Mapped[str] = mapped_column(Text, default="")
    extensions: Mapped[Extensions | None]

    meeting: Mapped[Meeting] = relationship(back_populates="carried_tasks")


# --- Finalised minutes and their versions (minutes_app.finality, minutes_app.history) ------


class MeetingVersion(Base):
    """One version of a meeting's minutes: a final one kept whole as its meeting file, or
    the correction being written since the record was reopened (``document`` still None)."""

    __tablename__ = "meeting_version"
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    # Why this version exists: the correction asked for when the record was reopened.
    reason: Mapped[str | None] = mapped_column(Text)
    opened_at: Mapped[datetime | None]
    opened_by: Mapped[str | None] = mapped_column(String(100))
    finalized_at: Mapped[datetime | None]
    finalized_by: Mapped[str | None] = mapped_column(String(100))
    # The canonical meeting file of the final version, and its SHA-256.
    document: Mapped[str | None] = deferred(mapped_column(Text))
    sha256: Mapped[str | None] = mapped_column(String(64))


class VersionPhoto(Base):
    """A photo as the final versions of a meeting have it, kept if a later version drops it."""

    __tablename__ = "version_photo"

    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), primary_key=True)
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(20))
    data: Mapped[bytes] = deferred(mapped_column(LargeBinary, nullable=False))


class MeetingExport(Base):
    """A file written from a final version: what ``minutes-app verify`` recognises."""

    __tablename__ = "meeting_export"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    version_number: Mapped[int] = mapped_column(Integer)
    document: Mapped[str] = mapped_column(String(20))  # 'minutes', 'press-release', ...
    format: Mapped[str] = mapped_column(String(10))
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    exported_at: Mapped[datetime]
    exported_by: Mapped[str | None] = mapped_column(String(100))
# --- the hall's audio -------------------------------------------------------------------


class AudioSource(enum.StrEnum):
    RECORDED = "recorded"  # by this app, from a microphone
    ATTACHED = "attached"  # an existing recording, converted when it was attached


class AudioState(enum.StrEnum):
    RECORDING = "recording"  # being written, or its recorder was killed
    PAUSED = "paused"
    STOPPED = "stopped"
    INTERRUPTED = "interrupted"  # the window closed while recording: reopening continues
    COMPLETE = "complete"  # attached


class AudioSegment(Base):
    """One stretch of continuous audio: from a start (or resume) to a pause or stop, or
    one attached file. ``started_at`` is the wall-clock time of its first sample, so a
    speech's time of day is a place in the audio."""

    __tablename__ = "audio_segment"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id", ondelete="CASCADE"), index=True)
    started_at: Mapped[datetime]
    # Seconds of audio held in its chunks; grows with each chunk while recording.
    duration: Mapped[float] = mapped_column(Float, default=0.0)
    sample_rate: Mapped[int] = mapped_column(Integer)
    codec: Mapped[str] = mapped_column(String(10))  # of every chunk: "opus", or "flac"
    source: Mapped[str] = mapped_column(String(10))
    state: Mapped[str] = mapped_column(String(12))
    file_name: Mapped[str | None]  # the attached file's name
    recorded_on: Mapped[str | None] = mapped_column(String(100))  # the computer that records
    extensions: Mapped[Extensions | None]
    created_at: Mapped[datetime] = mapped_column(server_default=func.current_timestamp())

    meeting: Mapped[Meeting] = relationship(back_populates="audio_segments")
    # Never loaded with the meeting: an hour is about 10 MB (see minutes_app.audio.store).
    chunks: Mapped[list["AudioChunk"]] = relationship(
        order_by="AudioChunk.number", cascade="all, delete-orphan", passive_deletes=True, lazy="raise"
    )


class AudioChunk(Base):
    """A few seconds of a segment, encoded on their own (one Ogg file): written as soon
    as they are recorded, decoded without the chunks before them."""

    __tablename__ = "audio_chunk"

    segment_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("audio_segment.id", ondelete="CASCADE"), primary_key=True
    )
    number: Mapped[int] = mapped_column(Integer, primary_key=True)
    start: Mapped[int] = mapped_column(Integer)  # its first sample, counted in the segment
    samples: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)
