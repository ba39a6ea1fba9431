"""Finalising a meeting's minutes, reopening them for a correction, and their history.

Draft → final ("Chốt biên bản": the signers confirm the text is what they signed) →
reopened for a correction (a reason is required) → final again as the next version.
Each final version is kept whole (minutes_app.versions); while a record is final nothing
of its minutes changes (minutes_app.finality).
"""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from minutes_app.archive import Archive, MeetingNotFound, load_meeting
from minutes_app.documents import export_document
from minutes_app.i18n import N_, _
from minutes_app.model import Meeting, MeetingExport, MeetingVersion, RecordState
from minutes_app.versions import kept_document, kept_meeting, seal, snapshot_document

# Longer than any reason a secretary gives; beyond it the text is a mistake.
MAX_REASON = 2000


class StateError(ValueError):
    """A change of state that cannot be made now; the message is for the user."""


_STATE_NAMES = {
    RecordState.DRAFT: N_("dự thảo"),
    RecordState.FINAL: N_("đã chốt"),
    RecordState.REOPENED: N_("mở lại để sửa"),
}


def state_name(state: str) -> str:
    """The state as the user reads it."""
    return _(_STATE_NAMES.get(RecordState(state), state))


@dataclass(frozen=True)
class VersionLine:
    """One version in the history: a final one, or the one being written."""

    number: int
    state: str  # a RecordState: 'final', or the meeting's state for the version being written
    at: datetime | None  # finalised; for the version being written, when it was started
    author: str | None
    reason: str | None  # why this version exists (the correction); None for the first
    sha256: str | None  # the digest of a final version


def signers(meeting: Meeting) -> tuple[str | None, str | None]:
    """The names of the secretary and the chair, who sign the minutes."""
    by_id: dict[object, str] = {a.id: a.person.name for a in meeting.attendances}
    return by_id.get(meeting.secretary_id), by_id.get(meeting.chair_id)


def _refuse_unsignable(meeting: Meeting) -> None:
    missing = []
    if not meeting.title.strip():
        missing.append(_("tên cuộc họp"))
    secretary, chair = signers(meeting)
    if chair is None:
        missing.append(_("chủ trì (chủ tọa)"))
    if secretary is None:
        missing.append(_("thư ký"))
    if missing:
        raise StateError(_("Chưa chốt được biên bản của cuộc họp số {id}: còn thiếu {missing}.").format(
            id=meeting.id, missing=", ".join(missing)))


def _commit_state(
    archive: Archive, meeting_id: int, change: Callable[[Session, Meeting], VersionLine]
) -> VersionLine:
    try:
        with archive.sessions.begin() as session:
            return change(session, load_meeting(session, meeting_id))
    except StaleDataError:
        raise StateError(_("Người khác vừa sửa cuộc họp số {id}; hãy thử lại.").format(id=meeting_id)) from None


def finalize(archive: Archive, meeting_id: int, user: str | None = None) -> VersionLine:
    """Make the record final as its current version; the minutes no longer change."""

    def change(session: Session, meeting: Meeting) -> VersionLine:
        if meeting.state == RecordState.FINAL:
            raise StateError(_("Biên bản của cuộc họp số {id} đã chốt (phiên bản {version}).").format(
                id=meeting.id, version=meeting.record_version))
        _refuse_unsignable(meeting)
        version = seal(session, meeting, user)
        return _line(version, RecordState.FINAL)

    return _commit_state(archive, meeting_id, change)


def reopen(archive: Archive, meeting_id: int, reason: str, user: str | None = None) -> VersionLine:
    """Open a final record for a correction: the next version, a draft until finalised."""
    reason = " ".join(reason.split())
    if not reason:
        raise StateError(_("Cần ghi lý do mở lại biên bản để sửa."))
    if len(reason) > MAX_REASON:
        raise StateError(_("Lý do mở lại dài quá {n} ký tự.").format(n=MAX_REASON))

    def change(session: Session, meeting: Meeting) -> VersionLine:
        if meeting.state != RecordState.FINAL:
            raise StateError(_("Biên bản của cuộc họp số {id} chưa chốt: cứ sửa trực tiếp.").format(id=meeting.id))
        version = MeetingVersion(
            meeting_id=meeting.id, number=meeting.record_version + 1, reason=reason,
            opened_at=datetime.now().replace(microsecond=0), opened_by=user,
        )
        session.add(version)
        session.flush()  # the reason first: the archive reopens a final record only with one
        meeting.state = RecordState.REOPENED
        meeting.record_version = version.number
        session.flush()
        return _line(version, RecordState.REOPENED)

    return _commit_state(archive, meeting_id, change)


def _line(version: MeetingVersion, state: str) -> VersionLine:
    if state == RecordState.FINAL:
        return VersionLine(version.number, state, version.finalized_at, version.finalized_by, version.reason,
                           version.sha256)
    return VersionLine(version.number, state, version.opened_at, version.opened_by, version.reason, None)


def history(archive: Archive, meeting_id: int) -> list[VersionLine]:
    """Every version of the record, oldest first: the final ones, then the one being
    written if the record is not final."""
    with archive.sessions() as session:
        meeting = session.get(Meeting, meeting_id)
        if meeting is None:
            raise MeetingNotFound(meeting_id)
        versions = session.scalars(
            select(MeetingVersion).where(MeetingVersion.meeting_id == meeting_id).order_by(MeetingVersion.number)
        ).all()
        lines = [_line(v, RecordState.FINAL if v.sha256 else meeting.state) for v in versions]
        if meeting.state == RecordState.DRAFT and not any(line.number == meeting.record_version for line in lines):
            lines.append(VersionLine(meeting.record_version, meeting.state, meeting.created_at, None, None, None))
        return lines


def version_document(archive: Archive, meeting_id: int, number: int) -> dict[str, Any]:
    """The meeting file of version ``number``: a final one as kept, the one being written
    as the archive holds it now."""
    with archive.sessions() as session:
        live = load_meeting(session, meeting_id)
        if number == live.record_version and live.state != RecordState.FINAL:
            return snapshot_document(live)
        return kept_document(session, meeting_id, number)[0]


@dataclass(frozen=True)
class Exported:
    """A document written from a version of the record."""

    path: Path
    version: int
    final: bool
    sha256: str  # of the file written
    export_id: int | None  # its number in the archive's record of exports (final versions)


def export(
    archive: Archive,
    meeting_id: int,
    document: str,
    fmt: str,
    path: Path,
    profile: str | None = None,
    version: int | None = None,
    user: str | None = None,
    record: bool = True,
) -> Exported:
    """Write ``document`` of version ``version`` (by default the current one) as it was:
    a final version from the history, the version being written from the record. An
    export of a final version is recorded with the SHA-256 of the file, unless ``record``
    is False (a print preview)."""
    with archive.sessions() as session:
        live = load_meeting(session, meeting_id)
        number = live.record_version if version is None else version
        if number == live.record_version and live.state != RecordState.FINAL:
            meeting, digest = live, None
        else:
            meeting, digest = kept_meeting(session, live, number)
        # The photos of the record being written are read while the session is open.
        data = export_document(meeting, document, fmt, path, profile, digest)
    sha256 = hashlib.sha256(data).hexdigest()
    final = meeting.state == RecordState.FINAL
    if not (final and record):
        return Exported(path, number, final, sha256, None)
    with archive.sessions.begin() as session:
        row = MeetingExport(
            meeting_id=meeting_id, version_number=number, document=document, format=fmt, file_name=path.name,
            sha256=sha256, exported_at=datetime.now().replace(microsecond=0), exported_by=user,
        )
        session.add(row)
        session.flush()
        return Exported(path, number, final, sha256, row.id)
