"""Reading a meeting file into a meeting record that is not (yet) in any archive.

The record built here is what ``import`` adds to the archive and what ``export FILE.json``
renders straight from the file.
"""

import hashlib
import uuid
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from typing import Any

from minutes_app.archive_files import refuse_archive_file
from minutes_app.i18n import _
from minutes_app.images import BadImage, inspect_image
from minutes_app.interchange.validation import (
    InvalidMeetingFile,
    Problem,
    json_path,
    length_problems,
    parse_json,
    reference_problems,
    schema_problems,
)
from minutes_app.longpaths import long_path
from minutes_app.model import (
    Attendance,
    AudioChunk,
    AudioSegment,
    AudioSource,
    AudioState,
    CarriedTask,
    ConclusionsNotice,
    Directive,
    Meeting,
    Person,
    Photo,
    PressRelease,
    RecordState,
    Speech,
    Style,
    Topic,
)
from minutes_app.text import clean_name

# Beyond this a file is not a meeting record: refuse before reading it into memory.
MAX_FILE_BYTES = 200 * 1024 * 1024


def read_meeting_file(path: Path, audio: bool = True) -> Meeting:
    """The meeting in ``path``, photos included, and its audio unless ``audio`` is False;
    raises InvalidMeetingFile listing every problem."""
    source = str(path)
    path = long_path(path)
    try:
        refuse_archive_file(path)
        if path.stat().st_size > MAX_FILE_BYTES:
            raise InvalidMeetingFile(source, [Problem("", _("tệp quá lớn để là một biên bản"))])
        data = path.read_bytes()
    except OSError as error:
        raise InvalidMeetingFile(
            source, [Problem("", _("không đọc được tệp ({reason})").format(reason=error.strerror))]
        ) from None
    document = parse_json(data, source)
    problems = schema_problems(document) + reference_problems(document) + length_problems(document)
    photos = _read_photos(document, path.parent, problems)
    sounds = _read_audio(document, path.parent, problems) if audio and not problems else []
    if problems:
        raise InvalidMeetingFile(source, problems)
    meeting = build_meeting(document, photos)
    meeting.audio_segments = sounds
    return meeting


def _read_audio(document: dict[str, Any], folder: Path, problems: list[Problem]) -> list[AudioSegment]:
    """The audio files beside the meeting file, converted to the archive's chunks; files
    that cannot be read become problems."""
    items = document.get("audio", [])
    if not items:
        return []
    from minutes_app.audio import RATE, AudioError
    from minutes_app.audio.attach import encoded_chunks
    from minutes_app.audio.codec import chunk_codec

    segments = []
    for i, item in enumerate(items):
        relative = PurePosixPath(item["file"].replace("\\", "/"))
        file = folder / relative
        place = json_path(["audio", i, "file"])
        if relative.is_absolute():
            problems.append(Problem(place, _("đường dẫn tệp ghi âm phải là đường dẫn tương đối")))
            continue
        if not file.is_file():
            problems.append(Problem(place, _("không tìm thấy tệp ghi âm “{file}”").format(file=file)))
            continue
        try:
            chunks = [AudioChunk(number=n, start=start, samples=count, data=data)
                      for n, (start, count, data) in enumerate(encoded_chunks(file))]
        except AudioError as error:
            problems.append(Problem(place, _("không đọc được tệp ghi âm “{file}” ({reason})").format(
                file=file, reason=error)))
            continue
        source = item.get("source", AudioSource.ATTACHED)
        segments.append(AudioSegment(
            started_at=datetime.fromisoformat(item["started_at"]),
            duration=sum(c.samples for c in chunks) / RATE, sample_rate=RATE, codec=chunk_codec(), source=source,
            state=AudioState.STOPPED if source == AudioSource.RECORDED else AudioState.COMPLETE,
            file_name=item.get("original_name"), extensions=_extensions(item), chunks=chunks,
        ))
    return segments


def _read_photos(
    document: Any, folder: Path, problems: list[Problem]
) -> dict[str, tuple[bytes, str]]:
    """Bytes and media type of each photo, by id; unreadable ones become problems."""
    photos: dict[str, tuple[bytes, str]] = {}
    items = document.get("photos") if isinstance(document, dict) else None
    for i, item in enumerate(items if isinstance(items, list) else []):
        if not isinstance(item, dict) or not isinstance(item.get("file"), str):
            continue
        place = json_path(["photos", i, "file"])
        relative = PurePosixPath(item["file"].replace("\\", "/"))
        if relative.is_absolute():
            problems.append(Problem(place, _("đường dẫn ảnh phải là đường dẫn tương đối")))
            continue
        file = folder / relative
        try:
            refuse_archive_file(file)
            data = file.read_bytes()
            info = inspect_image(data)
        except FileNotFoundError:
            problems.append(Problem(place, _("không tìm thấy tệp ảnh “{file}”").format(file=file)))
        except OSError as error:
            problems.append(
                Problem(
                    place,
                    _("không đọc được tệp ảnh “{file}” ({reason})").format(
                        file=file, reason=error.strerror
                    ),
                )
            )
        except BadImage as error:
            problems.append(Problem(place, f"“{file}”: {error}"))
        else:
            photos[str(item.get("id"))] = (data, info.media_type)
    return photos


def _extensions(item: dict[str, Any]) -> dict[str, Any] | None:
    """The ``x-`` keys of an object, kept so they travel with the record."""
    return {k: v for k, v in item.items() if k.startswith("x-")} or None


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value is not None else None


def _follow_up(item: dict[str, Any]) -> dict[str, Any]:
    """The task columns of a directive from its ``follow_up`` (version 2); a version 1
    directive has none: a task of its addressee, with its deadline."""
    return {
        "lead_unit": item.get("lead_unit"),
        "partners": list(item["partners"]) if item.get("partners") else None,
        "recurrence": item.get("recurrence"),
        "deadline_extensions": [dict(e) for e in item["extensions"]] if item.get("extensions") else None,
        "progress": [dict(n) for n in item["progress"]] if item.get("progress") else None,
        "done_on": _date(item.get("done_on")),
        "result": item.get("result"),
        "report_number": item.get("report_number"),
        "report_date": _date(item.get("report_date")),
    }


def build_meeting(document: dict[str, Any], photos: dict[str, tuple[bytes, str]]) -> Meeting:
    """A meeting record from a valid document and the photo bytes by id."""
    organizer = document["organizer"]
    meeting = Meeting(
        title=document["title"],
        style=document.get("style", Style.STATE),
        organizer_name=organizer["name"],
        organizer_parent=organizer.get("parent"),
        organizer_code=organizer.get("code"),
        organizer_extensions=_extensions(organizer),
        document_number=document.get("document_number"),
        place_name=document.get("place_name"),
        venue=document.get("venue"),
        starts_at=datetime.fromisoformat(document["starts_at"]),
        ends_at=datetime.fromisoformat(document["ends_at"]) if "ends_at" in document else None,
        agenda=list(document.get("agenda", [])),
        extensions=_extensions(document),
        state=document.get("state", RecordState.DRAFT),
        record_version=document.get("version", 1),
    )
    attendees: dict[str, Attendance] = {}
    for item in document["attendees"]:
        attendance = Attendance(
            person=Person(name=clean_name(item["name"])),
            ref=item["id"],
            honorific=item.get("honorific"),
            titles=list(item.get("titles", [])),
            organization=item.get("organization"),
            group_name=item.get("group"),
            present=item.get("present", True),
            guest_of_honour=item.get("guest_of_honour", False),
            absence_reason=item.get("absence_reason"),
            extensions=_extensions(item),
        )
        attendees[item["id"]] = attendance
        meeting.attendances.append(attendance)
    meeting.chair = attendees.get(document.get("chair", ""))
    meeting.secretary = attendees.get(document.get("secretary", ""))

    by_ref: dict[str, Photo] = {}
    for item in document.get("photos", []):
        data, media_type = photos[item["id"]]
        photo = Photo(
            id=uuid.uuid4(),  # made now: the edited article names its photos by id
            ref=item["id"],
            file_name=PurePosixPath(item["file"].replace("\\", "/")).name,
            media_type=media_type,
            sha256=hashlib.sha256(data).hexdigest(),
            data=data,
            caption=item.get("caption"),
            extensions=_extensions(item),
        )
        by_ref[item["id"]] = photo
        meeting.photos.append(photo)

    for item in document.get("speeches", []):
        meeting.speeches.append(
            Speech(
                speaker=attendees.get(item.get("speaker", "")),
                kind=item["kind"],
                subject=item.get("subject"),
                at=time.fromisoformat(item["at"]) if "at" in item else None,
                summary=item["summary"],
                quote=item.get("quote"),
                photo=by_ref.get(item.get("photo", "")),
                extensions=_extensions(item),
            )
        )
    for item in document.get("topics", []):
        meeting.topics.append(
            Topic(title=item["title"], notes=item.get("notes"), extensions=_extensions(item))
        )
    for item in document.get("directives", []):
        meeting.directives.append(
            Directive(
                addressee=item["addressee"],
                content=item["content"],
                deadline=_date(item.get("deadline")),
                issued_by=attendees.get(item.get("issued_by", "")),
                extensions=_extensions(item),
                **_follow_up(item.get("follow_up", {})),
            )
        )
    for item in document.get("previous_tasks", []):
        meeting.carried_tasks.append(
            CarriedTask(
                task_id=uuid.UUID(item["task"]) if "task" in item else None,
                unit=item["unit"],
                content=item["content"],
                deadline=_date(item.get("deadline")),
                recurrence=item.get("recurrence"),
                outcome=item.get("outcome", ""),
                extensions=_extensions(item),
            )
        )
    if "press_release" in document:
        press = document["press_release"]
        meeting.press_release = PressRelease(
            title=press.get("title"),
            lead=press.get("lead"),
            author=press.get("author"),
            general_photo=by_ref.get(press.get("general_photo", "")),
            topics_intro=press.get("topics_intro"),
            background=press.get("background"),
            extensions=_extensions(press),
            article=[
                {"kind": block["kind"], "text": block["text"]}
                | ({"photo": str(by_ref[block["photo"]].id)} if "photo" in block else {})
                for block in press["article"]
            ] if "article" in press else None,
        )
    if "conclusions_notice" in document:
        notice = document["conclusions_notice"]
        blocks = notice.get("blocks")
        meeting.conclusions_notice = ConclusionsNotice(
            profile=notice.get("profile"),
            blocks=[{"kind": b["kind"], "text": b["text"]} for b in blocks] if blocks is not None else None,
            extensions=_extensions(notice),
        )
    return meeting
