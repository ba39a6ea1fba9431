"""Writing a meeting record as a meeting file, with its photos in a folder beside it."""

import json
import os
import shutil
import tempfile
from collections.abc import Callable
from datetime import datetime, time
from pathlib import Path
from typing import Any

from minutes_app.archive_files import refuse_archive_file
from minutes_app.images import EXTENSIONS
from minutes_app.interchange.validation import FORMAT
from minutes_app.model import (
    Attendance,
    AudioSegment,
    CarriedTask,
    Directive,
    Meeting,
    Photo,
    RecordState,
    Style,
)

# Writes a segment's audio to a file (given by the archive, which holds the sound).
AudioWriter = Callable[[AudioSegment, Path], None]
AUDIO_SUFFIX = ".opus"


def photos_folder(path: Path) -> Path:
    """Where the photos of the meeting file ``path`` go: ``<name>-photos`` beside it."""
    return path.with_name(f"{path.stem}-photos")


def audio_folder(path: Path) -> Path:
    """Where the audio of the meeting file ``path`` goes: ``<name>-audio`` beside it."""
    return path.with_name(f"{path.stem}-audio")


def _iso(value: datetime | time) -> str:
    """A date-time or a time to the minute, or to the second when it has seconds."""
    return value.isoformat(timespec="seconds" if value.second else "minutes")


def _with_extensions(item: dict[str, Any], extensions: dict[str, Any] | None) -> dict[str, Any]:
    return item | (extensions or {})


def _compact(item: dict[str, Any]) -> dict[str, Any]:
    """Drop the keys whose value was never given."""
    return {k: v for k, v in item.items() if v is not None and v != [] and v != {}}


def _refs(items: list[Any], prefix: str) -> dict[int, str]:
    """The id each item gets in the file: its own when it has a unique one, else a new one."""
    refs: dict[int, str] = {}
    taken = {item.ref for item in items if item.ref}
    used: set[str] = set()
    counter = 0
    for item in items:
        ref = item.ref
        if not ref or ref in used:
            counter += 1
            while f"{prefix}{counter}" in taken | used:
                counter += 1
            ref = f"{prefix}{counter}"
        used.add(ref)
        refs[id(item)] = ref
    return refs


def _photo_names(photos: list[Photo]) -> dict[int, str]:
    """A distinct, safe file name for each photo in the photos folder."""
    names: dict[int, str] = {}
    used: set[str] = set()
    for photo in photos:
        original = Path(photo.file_name or "").name
        stem = Path(original).stem or "photo"
        suffix = Path(original).suffix or EXTENSIONS.get(photo.media_type, "")
        name, n = f"{stem}{suffix}", 1
        while name.casefold() in used:
            n += 1
            name = f"{stem}-{n}{suffix}"
        used.add(name.casefold())
        names[id(photo)] = name
    return names


def _follow_up(directive: Directive) -> dict[str, Any]:
    """The directive's task fields (version 2); empty for a task that is only its addressee's."""
    return _compact(
        {
            "lead_unit": directive.lead_unit,
            "partners": list(directive.partners or []),
            "recurrence": directive.recurrence,
            "extensions": list(directive.deadline_extensions or []),
            "progress": list(directive.progress or []),
            "done_on": directive.done_on.isoformat() if directive.done_on else None,
            "result": directive.result,
            "report_number": directive.report_number,
            "report_date": directive.report_date.isoformat() if directive.report_date else None,
        }
    )


def _carried(task: CarriedTask) -> dict[str, Any]:
    return _compact(
        {
            "task": str(task.task_id) if task.task_id else None,
            "unit": task.unit,
            "content": task.content,
            "deadline": task.deadline.isoformat() if task.deadline else None,
            "recurrence": task.recurrence,
            "outcome": task.outcome or None,
        }
    )


def _article(blocks: list[dict[str, Any]] | None, photo_refs: dict[str, str | None]) -> list[dict[str, Any]] | None:
    """The edited article with its photos named by their ids in the file; a block whose photo
    is no longer in the meeting is left out, as the article tab leaves it out."""
    if blocks is None:
        return None
    written = []
    for block in blocks:
        item = {"kind": block["kind"], "text": block.get("text", "")}
        if block["kind"] == "photo":
            ref = photo_refs.get(block.get("photo", ""))
            if ref is None:
                continue
            item["photo"] = ref
        written.append(item)
    return written


def meeting_document(
    meeting: Meeting, photo_files: dict[int, str], audio_files: list[str] | None = None
) -> dict[str, Any]:
    """The meeting as the interchange document; ``photo_files`` gives each photo's path,
    ``audio_files`` each audio segment's (no audio without it)."""
    attendee_refs = _refs(meeting.attendances, "a")
    photo_refs = _refs(meeting.photos, "p")

    def attendee(attendance: Attendance | None) -> str | None:
        return attendee_refs[id(attendance)] if attendance is not None else None

    def photo(item: Photo | None) -> str | None:
        return photo_refs[id(item)] if item is not None else None

    press, notice = meeting.press_release, meeting.conclusions_notice
    document = _compact(
        {
            "format": FORMAT,
            "title": meeting.title,
            "style": meeting.style or Style.STATE,
            "organizer": _with_extensions(
                _compact(
                    {
                        "name": meeting.organizer_name,
                        "parent": meeting.organizer_parent,
                        "code": meeting.organizer_code,
                    }
                ),
                meeting.organizer_extensions,
            ),
            "document_number": meeting.document_number,
            "place_name": meeting.place_name,
            "venue": meeting.venue,
            "starts_at": _iso(meeting.starts_at),
            "ends_at": _iso(meeting.ends_at) if meeting.ends_at else None,
            "chair": attendee(meeting.chair),
            "secretary": attendee(meeting.secretary),
            "agenda": list(meeting.agenda),
            "attendees": [
                _with_extensions(
                    _compact(
                        {
                            "id": attendee(a),
                            "name": a.person.name,
                            "honorific": a.honorific,
                            "titles": list(a.titles),
                            "organization": a.organization,
                            "group": a.group_name,
                            "present": None if a.present else False,
                            "guest_of_honour": True if a.guest_of_honour else None,
                            "absence_reason": a.absence_reason,
                        }
                    ),
                    a.extensions,
                )
                for a in meeting.attendances
            ],
            "speeches": [
                _with_extensions(
                    _compact(
                        {
                            "speaker": attendee(s.speaker),
                            "kind": s.kind,
                            "subject": s.subject,
                            "at": _iso(s.at) if s.at else None,
                            "summary": s.summary,
                            "quote": s.quote or None,
                            "photo": photo(s.photo),
                        }
                    ),
                    s.extensions,
                )
                for s in meeting.speeches
            ],
            "topics": [
                _with_extensions(_compact({"title": t.title, "notes": t.notes}), t.extensions)
                for t in meeting.topics
            ],
            "directives": [
                _with_extensions(
                    _compact(
                        {
                            "addressee": d.addressee,
                            "content": d.content,
                            "deadline": d.deadline.isoformat() if d.deadline else None,
                            "issued_by": attendee(d.issued_by),
                            "follow_up": _follow_up(d),
                        }
                    ),
                    d.extensions,
                )
                for d in meeting.directives
            ],
            "previous_tasks": [_with_extensions(_carried(c), c.extensions) for c in meeting.carried_tasks],
            "photos": [
                _with_extensions(
                    _compact({"id": photo(p), "file": photo_files[id(p)], "caption": p.caption}),
                    p.extensions,
                )
                for p in meeting.photos
            ],
            "audio": [
                _with_extensions(
                    _compact({
                        "file": file, "started_at": _iso(segment.started_at.replace(microsecond=0)),
                        "source": segment.source, "original_name": segment.file_name,
                    }),
                    segment.extensions,
                )
                for segment, file in zip(meeting.audio_segments, audio_files or [], strict=False)
            ],
            "press_release": _with_extensions(
                _compact(
                    {
                        "title": press.title,
                        "lead": press.lead,
                        "author": press.author,
                        "general_photo": photo(press.general_photo),
                        "topics_intro": press.topics_intro,
                        "background": press.background or None,
                        "article": _article(press.article, {str(p.id): photo(p) for p in meeting.photos}),
                    }
                ),
                press.extensions,
            )
            if press is not None
            else None,
            # Left out when they are what a reader assumes: a draft of the first version.
            "state": meeting.state if meeting.state and meeting.state != RecordState.DRAFT else None,
            "version": meeting.record_version if meeting.record_version and meeting.record_version > 1 else None,
            "conclusions_notice": _with_extensions(
                _compact({"profile": notice.profile, "blocks": notice.blocks}), notice.extensions
            )
            if notice is not None
            else None,
        }
    )
    document["attendees"] = document.get("attendees", [])  # required, even when empty
    return document | (meeting.extensions or {})


def write_meeting_file(meeting: Meeting, path: Path, audio: AudioWriter | None = None) -> None:
    """Write ``path`` and its photos folder (and with ``audio``, its audio folder); an
    existing file is replaced only when all is written."""
    refuse_archive_file(path)
    folder = photos_folder(path)
    names = _photo_names(meeting.photos)
    photo_files = {key: f"{folder.name}/{name}" for key, name in names.items()}
    sounds = audio_folder(path)
    segments = meeting.audio_segments if audio is not None else []
    audio_files = [f"{sounds.name}/{n}{AUDIO_SUFFIX}" for n in range(1, len(segments) + 1)]
    document = meeting_document(meeting, photo_files, audio_files if audio is not None else None)
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"

    path.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{path.stem}-", dir=path.parent))
    try:
        if meeting.photos:
            (staging / folder.name).mkdir()
            for photo in meeting.photos:
                (staging / folder.name / names[id(photo)]).write_bytes(photo.data)
        if segments and audio is not None:
            (staging / sounds.name).mkdir()
            for segment, file in zip(segments, audio_files, strict=True):
                audio(segment, staging / file)
        (staging / path.name).write_text(text, encoding="utf-8")
        _fsync_tree(staging)
        _swap_into_place(staging, [(folder, bool(meeting.photos)), (sounds, bool(segments))], path)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap_into_place(staging: Path, folders: list[tuple[Path, bool]], path: Path) -> None:
    """Move the staged file and folders (those marked written) over the old ones, putting
    the old folders back on failure."""
    try:
        for folder, written in folders:
            if folder.exists():
                folder.rename(staging / f"{folder.name}.previous")
            if written:
                (staging / folder.name).rename(folder)
        os.replace(staging / path.name, path)
    except BaseException:
        for folder, _written in folders:
            previous = staging / f"{folder.name}.previous"
            if previous.exists():
                if folder.exists():
                    shutil.rmtree(folder, ignore_errors=True)
                previous.rename(folder)
        raise


def _fsync_tree(folder: Path) -> None:
    for file in folder.rglob("*"):
        if file.is_file():
            with open(file, "rb") as handle:
                os.fsync(handle.fileno())
