"""The versions of a meeting's minutes as the archive keeps them.

A final version is kept whole: its meeting file in canonical form (keys sorted, no
spaces, UTF-8), whose SHA-256 is the version's digest, and the bytes of its photos (the
file names them ``photos/<sha256>.jpg``, so the digest covers the pictures too). Any
version can be read back as a meeting record and made into any document, as it was.
"""

import getpass
import hashlib
import json
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from minutes_app.i18n import _
from minutes_app.images import EXTENSIONS
from minutes_app.interchange.reading import build_meeting
from minutes_app.interchange.writing import meeting_document
from minutes_app.model import Meeting, MeetingVersion, Photo, RecordState, VersionPhoto


class NoSuchVersion(LookupError):
    def __init__(self, meeting_id: int, number: int) -> None:
        super().__init__(_("Cuộc họp số {id} không có phiên bản {number}.").format(id=meeting_id, number=number))


def default_user() -> str:
    """Who acts when nobody is named: the login name."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a service account on Windows)
        return ""


def snapshot_document(meeting: Meeting) -> dict[str, Any]:
    """The meeting as its meeting file, photos named by their content."""
    files = {id(p): f"photos/{p.sha256}{EXTENSIONS.get(p.media_type, '')}" for p in meeting.photos}
    return meeting_document(meeting, files)


def canonical(document: dict[str, Any]) -> bytes:
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def digest(meeting: Meeting) -> str:
    """The SHA-256 of the meeting's canonical meeting file."""
    return hashlib.sha256(canonical(snapshot_document(meeting))).hexdigest()


def seal(session: Session, meeting: Meeting, user: str | None, reason: str | None = None) -> MeetingVersion:
    """Make ``meeting`` (a draft or a reopened record in ``session``) final: its version
    kept whole, then its state. The archive takes a final state only in this order."""
    number = meeting.record_version
    text = canonical(snapshot_document(meeting) | {"state": RecordState.FINAL.value})
    version = session.scalars(
        select(MeetingVersion).where(MeetingVersion.meeting_id == meeting.id, MeetingVersion.number == number)
    ).one_or_none()
    if version is None:
        version = MeetingVersion(meeting_id=meeting.id, number=number, reason=reason)
        session.add(version)
    version.document = text.decode("utf-8")
    version.sha256 = hashlib.sha256(text).hexdigest()
    version.finalized_at = datetime.now().replace(microsecond=0)
    version.finalized_by = user
    _keep_photos(session, meeting)
    session.flush()
    meeting.state = RecordState.FINAL
    session.flush()
    return version


def _keep_photos(session: Session, meeting: Meeting) -> None:
    """Copy into the history the photos it does not hold yet, inside the database."""
    kept = set(session.scalars(select(VersionPhoto.sha256).where(VersionPhoto.meeting_id == meeting.id)))
    for sha256 in sorted({p.sha256 for p in meeting.photos} - kept):
        source = (
            select(Photo.meeting_id, Photo.sha256, Photo.media_type, Photo.data)
            .where(Photo.meeting_id == meeting.id, Photo.sha256 == sha256)
            .limit(1)
        )
        session.execute(insert(VersionPhoto).from_select(["meeting_id", "sha256", "media_type", "data"], source))


def kept_document(session: Session, meeting_id: int, number: int) -> tuple[dict[str, Any], str]:
    """The meeting file of final version ``number`` and its digest."""
    found = session.execute(
        select(MeetingVersion.document, MeetingVersion.sha256).where(
            MeetingVersion.meeting_id == meeting_id, MeetingVersion.number == number
        )
    ).first()
    if found is None or found.document is None or found.sha256 is None:
        raise NoSuchVersion(meeting_id, number)
    document: dict[str, Any] = json.loads(found.document)
    return document, found.sha256


def kept_meeting(session: Session, meeting: Meeting, number: int) -> tuple[Meeting, str]:
    """Final version ``number`` of ``meeting`` as a meeting record (outside any session),
    with its digest."""
    document, sha256 = kept_document(session, meeting.id, number)
    wanted = {item["id"]: PurePosixPath(item["file"]).stem for item in document.get("photos", [])}
    kept: dict[str, tuple[bytes, str]] = {}
    if wanted:
        rows = session.execute(
            select(VersionPhoto.sha256, VersionPhoto.data, VersionPhoto.media_type).where(
                VersionPhoto.meeting_id == meeting.id, VersionPhoto.sha256.in_(set(wanted.values()))
            )
        )
        kept = {sha: (data, media_type) for sha, data, media_type in rows}
    record = build_meeting(document, {ref: kept[sha] for ref, sha in wanted.items()})
    record.id, record.uid = meeting.id, meeting.uid
    return record, sha256
