"""The archive: an opened database of meetings, and the operations on whole meetings."""

from dataclasses import dataclass
from datetime import datetime
from functools import partial
from pathlib import Path

from sqlalchemy import Engine, select, tuple_
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, selectinload, sessionmaker

from minutes_app import migrate, people, search
from minutes_app.archive_watch import ArchiveWatch
from minutes_app.backup import newest_good_backup
from minutes_app.finality import SIGNED, check_change
from minutes_app.i18n import _
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.interchange.writing import AudioWriter, write_meeting_file
from minutes_app.model import Attendance, Meeting, RecordState
from minutes_app.storage import create_archive_engine, resolve_url, session_factory, sqlite_path
from minutes_app.versions import seal


class MeetingNotFound(LookupError):
    def __init__(self, meeting_id: int) -> None:
        super().__init__(_("Không có cuộc họp số {id} trong kho lưu trữ.").format(id=meeting_id))
        self.meeting_id = meeting_id


# SQLite's answers for a file that is not a sound database or cannot be read at all.
_UNREADABLE = {"SQLITE_CORRUPT", "SQLITE_NOTADB", "SQLITE_CANTOPEN", "SQLITE_IOERR", "SQLITE_PERM",
               "SQLITE_READONLY", "SQLITE_AUTH"}


class ArchiveDamaged(Exception):
    """The archive file cannot be read; ``backup`` is the newest good backup, if any."""

    def __init__(self, path: Path, reason: str, backup: Path | None) -> None:
        message = _("Kho lưu trữ “{path}” bị hỏng hoặc không đọc được ({reason}).").format(
            path=path, reason=reason
        )
        if backup is not None:
            message += " " + _(
                "Bản sao lưu tốt gần nhất: “{backup}”. Khôi phục bằng lệnh: minutes-app restore \"{backup}\""
            ).format(backup=backup)
        else:
            message += " " + _("Không có bản sao lưu nào còn tốt.")
        super().__init__(message)
        self.path = path
        self.backup = backup


@dataclass(frozen=True)
class MeetingSummary:
    """One line of the archive list."""

    id: int
    starts_at: datetime
    title: str
    organizer_name: str


class Archive:
    """An opened archive whose schema is up to date."""

    def __init__(self, engine: Engine, watch: ArchiveWatch | None = None) -> None:
        self.engine = engine
        self.sessions: sessionmaker[Session] = session_factory(engine)
        # The autosave writers check with it that a SQLite archive's files are still its own.
        self.watch = watch

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


def open_archive(url: str | None = None) -> Archive:
    """Open (creating or upgrading as needed) the archive at ``url`` or the default one."""
    url = resolve_url(url)
    engine = create_archive_engine(url)
    database = sqlite_path(url)
    # Watching from the first connection on: it must know every connection to the files.
    watch = ArchiveWatch(engine, database) if database is not None else None
    try:
        migrate.upgrade(engine)
    except DBAPIError as error:
        engine.dispose()
        if database is None or getattr(error.orig, "sqlite_errorname", None) not in _UNREADABLE:
            raise
        raise ArchiveDamaged(database, str(error.orig), newest_good_backup(database)) from None
    except BaseException:
        engine.dispose()
        raise
    return Archive(engine, watch)


def list_meetings(
    archive: Archive, query: str = "", after: MeetingSummary | None = None, limit: int | None = None
) -> list[MeetingSummary]:
    """The meetings whose text holds every word of ``query`` (all when it is empty),
    newest first; diacritics and case are ignored. ``after`` and ``limit`` give one page:
    at most ``limit`` meetings that come after ``after`` in that order."""
    statement = select(
        Meeting.id, Meeting.starts_at, Meeting.title, Meeting.organizer_name
    ).order_by(Meeting.starts_at.desc(), Meeting.id.desc()).limit(limit)
    if after is not None:
        statement = statement.where(tuple_(Meeting.starts_at, Meeting.id) < tuple_(after.starts_at, after.id))
    with archive.sessions() as session:
        matched = search.matching(session.connection(), query)
        if matched is not None:
            statement = statement.where(matched)
        return [MeetingSummary(*row) for row in session.execute(statement)]


def load_meeting(session: Session, meeting_id: int) -> Meeting:
    """The whole meeting record (photo bytes and audio excepted), in one round of queries."""
    query = (
        select(Meeting)
        .where(Meeting.id == meeting_id)
        .options(
            selectinload(Meeting.attendances).joinedload(Attendance.person),
            selectinload(Meeting.speeches),
            selectinload(Meeting.topics),
            selectinload(Meeting.directives),
            selectinload(Meeting.carried_tasks),
            selectinload(Meeting.photos),
            selectinload(Meeting.press_release),
            selectinload(Meeting.audio_segments),
        )
    )
    meeting = session.scalars(query).one_or_none()
    if meeting is None:
        raise MeetingNotFound(meeting_id)
    return meeting


def add_meeting(session: Session, meeting: Meeting, user: str | None = None) -> int:
    """Add a meeting built outside the archive, joining its attendees to known people,
    and index it for search; returns its id. A final record (from a meeting file) is
    added as the draft of its version, then made final with the version kept, by ``user``:
    the archive takes a final record in no other way."""
    final = meeting.state == RecordState.FINAL
    if final:
        meeting.state = RecordState.DRAFT if meeting.record_version == 1 else RecordState.REOPENED
    people.join_known_people(session, meeting)
    session.add(meeting)
    session.flush()
    search.reindex_meeting(session.connection(), meeting.id)
    if final:
        seal(session, meeting, user)
    return meeting.id


def import_file(archive: Archive, path: Path, user: str | None = None) -> int:
    """Import a meeting file; returns the new meeting's id. Invalid files change nothing."""
    meeting = read_meeting_file(path)
    with archive.sessions.begin() as session:
        return add_meeting(session, meeting, user)


# The parts of a meeting that a meeting file replaces (``import --replace``).
_PARTS = ("attendances", "speeches", "topics", "directives", "photos")


def replace_from_file(archive: Archive, meeting_id: int, path: Path) -> None:
    """Replace what meeting ``meeting_id`` records with what the meeting file ``path`` holds;
    the meeting keeps its number, identity, state, version and audio. A final record is refused."""
    new = read_meeting_file(path, audio=False)
    with archive.sessions.begin() as session:
        meeting = load_meeting(session, meeting_id)
        check_change(meeting, "meeting")
        for name in SIGNED["meeting"]:
            if name not in ("uid", "chair_id", "secretary_id"):
                setattr(meeting, name, getattr(new, name))
        meeting.chair = meeting.secretary = None
        session.flush()
        for name in _PARTS:
            setattr(meeting, name, [])
        meeting.press_release = None
        session.flush()
        for name in _PARTS:
            rows = list(getattr(new, name))
            setattr(new, name, [])
            getattr(meeting, name).extend(rows)
        meeting.chair, meeting.secretary = new.chair, new.secretary
        meeting.press_release, new.press_release = new.press_release, None
        people.join_known_people(session, meeting)
        session.flush()
        search.reindex_meeting(session.connection(), meeting.id)


def dump_meeting(archive: Archive, meeting_id: int, path: Path, with_audio: bool = False) -> None:
    """Write a meeting as an interchange file, with its photos beside it (and its audio)."""
    audio: AudioWriter | None = None
    if with_audio:
        from minutes_app.audio.clips import write_segment_file

        audio = partial(write_segment_file, archive.engine)
    with archive.sessions() as session:
        write_meeting_file(load_meeting(session, meeting_id), path, audio)


def delete_meeting(archive: Archive, meeting_id: int) -> None:
    with archive.sessions.begin() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise MeetingNotFound(meeting_id)
        check_change(meeting, "meeting")  # a final record is never deleted
        session.delete(meeting)
