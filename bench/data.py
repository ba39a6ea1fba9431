"""The benchmark's data, generated from a seed and cached between runs.

One archive holds the large archive (ordinary meetings, written with bulk Core inserts)
and, as its newest meeting, the large meeting (imported from a meeting file through the
app's own import). The search index of the bulk rows is written by the app's own
``search.refresh``, so it is what the app itself would have written.

The cache is keyed by the seed, the sizes, the generator's version and the schema, so a
change to any of them generates afresh; each run works on a copy of the cached archive.
"""

import hashlib
import json
import random
import shutil
import time
import uuid
from dataclasses import asdict, dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, insert, text, update

from bench.photos import hall_photo
from bench.vietnamese import GROUPS, PROVINCE, TextMaker
from minutes_app import migrate, search
from minutes_app.archive import import_file, open_archive
from minutes_app.model import Base

# Bump when the generated data changes, so caches made by older code are not reused.
GENERATOR_VERSION = 2
# The day the task register is looked at: the archive's tasks are then of every status.
TASKS_TODAY = date(2026, 1, 15)
DEFAULT_CACHE = Path(__file__).parent / ".cache"


@dataclass(frozen=True)
class Sizes:
    attendees: int  # of the large meeting, in ``groups`` groups
    groups: int
    speeches: int
    speech_words: int
    topics: int
    directives: int
    photos: int
    photo_size: tuple[int, int]
    meetings: int  # ordinary meetings of the large archive
    archive_speeches: int
    archive_tasks: int  # directives of the ordinary meetings, followed up as tasks


FULL = Sizes(300, 8, 200, 150, 30, 40, 40, (4000, 3000), 10_000, 300_000, 100_000)
# For the smoke run: the same code paths in a few seconds.
TINY = Sizes(12, 3, 6, 30, 3, 3, 3, (640, 480), 30, 300, 300)


@dataclass(frozen=True)
class Data:
    """A working copy of the generated archive."""

    archive: Path
    meeting_id: int  # the large meeting
    meeting_file: Path  # the large meeting as a meeting file, photos beside it
    sizes: Sizes

    @property
    def url(self) -> str:
        return f"sqlite:///{self.archive}"


def cache_key(sizes: Sizes, seed: int) -> str:
    facts = {"sizes": asdict(sizes), "seed": seed, "generator": GENERATOR_VERSION,
             "schema": migrate.head_revision()}
    return hashlib.sha256(json.dumps(facts, sort_keys=True).encode()).hexdigest()[:16]


def prepare(sizes: Sizes, seed: int, work: Path, cache: Path = DEFAULT_CACHE, log: Any = print) -> Data:
    """A fresh copy of the archive in ``work``, generated first if it is not cached."""
    folder = cache / cache_key(sizes, seed)
    if not (folder / "manifest.json").exists():
        started = time.perf_counter()
        log(f"Generating the benchmark data in {folder} (cached for later runs)…")
        partial = folder.with_name(folder.name + ".partial")
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        manifest = _generate(partial, sizes, seed, log)
        manifest["seconds"] = round(time.perf_counter() - started, 1)
        (partial / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
        log(f"Generated in {manifest['seconds']} s.")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    work.mkdir(parents=True, exist_ok=True)
    archive = work / "archive.sqlite3"
    shutil.copyfile(folder / "archive.sqlite3", archive)
    return Data(archive, manifest["meeting_id"], folder / "meeting" / "meeting.json", sizes)


def _generate(folder: Path, sizes: Sizes, seed: int, log: Any) -> dict[str, Any]:
    rng = random.Random(seed)
    words = TextMaker(rng)
    people = [_known_person(words) for _ in range(max(30, sizes.meetings * 3 // 10))]
    meeting_file = folder / "meeting" / "meeting.json"
    _write_large_meeting(meeting_file, sizes, words, people)
    log(f"  large meeting file: {sizes.attendees} attendees, {sizes.speeches} speeches, {sizes.photos} photos")
    with open_archive(f"sqlite:///{folder / 'archive.sqlite3'}") as archive:
        counts = _fill_archive(archive.engine, sizes, words, people, log)
        meeting_id = import_file(archive, meeting_file)
        with archive.engine.connect() as connection:
            # The archive travels as one file: nothing left in the write-ahead log.
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return {"meeting_id": meeting_id, "seed": seed, "sizes": asdict(sizes), **counts}


# --- the large meeting, as a meeting file ------------------------------------------------


@dataclass(frozen=True)
class _Person:
    name: str
    title: str
    body: str


def _known_person(words: TextMaker) -> _Person:
    body = words.body()
    return _Person(words.name(), words.title(body), body)


def _write_large_meeting(path: Path, sizes: Sizes, words: TextMaker, people: list[_Person]) -> None:
    rng = words.rng
    photos_dir = path.parent / "photos"
    photos_dir.mkdir(parents=True)
    groups = GROUPS[: sizes.groups] if sizes.groups <= len(GROUPS) else GROUPS
    attendees = []
    for i in range(sizes.attendees):
        # A third are people of earlier meetings, whom the import joins to the directory.
        person = rng.choice(people) if i % 3 == 0 else _known_person(words)
        group = groups[0] if i == 0 else groups[-1] if i == sizes.attendees - 1 else groups[1 + i % (len(groups) - 2)]
        attendee: dict[str, Any] = {"id": f"a{i}", "name": person.name, "titles": [person.title], "group": group}
        if i and rng.random() < 0.05:
            attendee |= {"present": False, "absence_reason": "đi công tác"}
        attendees.append(attendee)
    photos = []
    for i in range(sizes.photos):
        name = f"p{i:02d}.jpg"
        (photos_dir / name).write_bytes(hall_photo(rng, sizes.photo_size))
        photo = {"id": f"p{i}", "file": f"photos/{name}"}
        if i % 2:
            photo["caption"] = f"Đại biểu tham dự Hội nghị (ảnh {i})"
        photos.append(photo)
    start = datetime(2026, 7, 10, 7, 30)
    speeches = []
    for i in range(sizes.speeches):
        kind = "opening" if i == 0 else "conclusion" if i == sizes.speeches - 1 else "report" if i < 4 else "opinion"
        speaker = "a0" if kind in ("opening", "conclusion") else rng.choice(attendees[1:-1] or attendees)["id"]
        speech = {"speaker": speaker, "kind": kind, "at": f"{start + timedelta(minutes=2 * i):%H:%M}",
                  "summary": words.summary(sizes.speech_words)}
        if kind == "report":
            speech["subject"] = f"kết quả thực hiện {words.pick(('kế hoạch', 'chương trình', 'đề án'))} năm 2026"
        if 0 < i and i % 6 == 0 and i // 6 < sizes.photos:
            speech["photo"] = f"p{i // 6}"
        speeches.append(speech)
    directives = []
    for i in range(sizes.directives):
        addressee, content = words.directive()
        directive = {"addressee": addressee, "content": content}
        if i % 2:
            directive["deadline"] = (date(2026, 8, 1) + timedelta(days=i)).isoformat()
        directives.append(directive)
    document = {
        "format": "minutes-app.meeting/1",
        "title": "Hội nghị tổng kết công tác năm 2026 và triển khai nhiệm vụ năm 2027",
        "style": "state",
        "organizer": {"name": "Ủy ban nhân dân tỉnh", "parent": f"UBND tỉnh {PROVINCE}", "code": "UBND"},
        "document_number": "125/BB-UBND",
        "place_name": PROVINCE,
        "venue": "Hội trường Trung tâm Hội nghị tỉnh",
        "starts_at": f"{start:%Y-%m-%dT%H:%M}",
        "ends_at": f"{start + timedelta(minutes=2 * sizes.speeches + 15):%Y-%m-%dT%H:%M}",
        "chair": "a0",
        "secretary": f"a{sizes.attendees - 1}",
        "agenda": ["Báo cáo tổng kết công tác năm 2026", "Thảo luận", "Kết luận của đồng chí chủ trì"],
        "attendees": attendees,
        "speeches": speeches,
        "topics": [{"title": words.topic()} for _ in range(sizes.topics)],
        "directives": directives,
        "photos": photos,
        "press_release": {"author": "Thu Hà", "general_photo": "p0"} if photos else {"author": "Thu Hà"},
    }
    path.write_text(json.dumps(document, ensure_ascii=False, indent=1), encoding="utf-8")


# --- the large archive, with bulk inserts ----------------------------------------------------

# Meetings written (and indexed) per transaction.
_CHUNK = 500


def _uuid(rng: random.Random) -> uuid.UUID:
    return uuid.UUID(int=rng.getrandbits(128), version=4)


def _fill_archive(engine: Any, sizes: Sizes, words: TextMaker, people: list[_Person], log: Any) -> dict[str, int]:
    rng = words.rng
    person_ids = [_uuid(rng) for _ in people]
    mean = sizes.archive_speeches / max(1, sizes.meetings)
    low, high = int(mean / 3), int(mean * 5 / 3)
    tasks = sizes.archive_tasks / max(1, sizes.meetings)
    fewest, most = max(1, int(tasks / 2)), int(tasks * 3 / 2)
    counts = {"meetings": 0, "speeches": 0, "attendances": 0, "tasks": 0}
    with engine.begin() as connection:
        persons = [{"id": pid, "name": p.name, "version": 1} for pid, p in zip(person_ids, people, strict=True)]
        connection.execute(insert(Base.metadata.tables["person"]), persons)
    for first in range(1, sizes.meetings + 1, _CHUNK):
        rows: dict[str, list[dict[str, Any]]] = {
            t: [] for t in ("meeting", "attendance", "speech", "topic", "directive", "chair")
        }
        for meeting_id in range(first, min(first + _CHUNK, sizes.meetings + 1)):
            _ordinary_meeting(meeting_id, words, people, person_ids, rng.randint(low, high),
                              rng.randint(fewest, most), rows)
        with engine.begin() as connection:
            _write_rows(connection, rows)
        counts["meetings"] += len(rows["meeting"])
        counts["speeches"] += len(rows["speech"])
        counts["attendances"] += len(rows["attendance"])
        counts["tasks"] += len(rows["directive"])
        log(f"  archive: {counts['meetings']} meetings, {counts['speeches']} speeches, {counts['tasks']} tasks")
    return counts


def _ordinary_meeting(
    meeting_id: int, words: TextMaker, people: list[_Person], person_ids: list[uuid.UUID], speeches: int,
    tasks: int, rows: dict[str, list[dict[str, Any]]],
) -> None:
    rng = words.rng
    year = rng.randint(2016, 2025)
    starts_at = datetime(year, 1, 1, rng.choice((7, 8, 14)), 0) + timedelta(days=rng.randrange(365))
    chosen = rng.sample(range(len(people)), rng.randint(8, 25))
    attendance_ids = [_uuid(rng) for _ in chosen]
    organizer = people[chosen[0]].body
    rows["meeting"].append({
        "id": meeting_id, "uid": _uuid(rng), "title": words.meeting_title(year), "style": "state",
        "organizer_name": organizer, "organizer_parent": f"UBND tỉnh {PROVINCE}", "place_name": PROVINCE,
        "venue": f"Phòng họp {organizer}", "starts_at": starts_at, "ends_at": starts_at + timedelta(hours=3),
        "agenda": [], "version": 1,
    })
    rows["chair"].append({"meeting": meeting_id, "chair_id": attendance_ids[0], "secretary_id": attendance_ids[-1]})
    for position, (index, attendance_id) in enumerate(zip(chosen, attendance_ids, strict=True)):
        person = people[index]
        rows["attendance"].append({
            "id": attendance_id, "meeting_id": meeting_id, "position": position, "person_id": person_ids[index],
            "titles": [person.title], "group_name": GROUPS[min(position, 3)], "present": True, "version": 1,
        })
    for position in range(speeches):
        kind = "opening" if position == 0 else "conclusion" if position == speeches - 1 else "opinion"
        speaker = attendance_ids[0] if kind != "opinion" else rng.choice(attendance_ids)
        rows["speech"].append({
            "id": _uuid(rng), "meeting_id": meeting_id, "position": position, "speaker_id": speaker, "kind": kind,
            "at": clock(starts_at.hour, 0), "summary": words.summary(rng.randint(30, 90)), "version": 1,
        })
    for position in range(rng.randint(2, 6)):
        rows["topic"].append({"id": _uuid(rng), "meeting_id": meeting_id, "position": position,
                              "title": words.topic(), "version": 1})
    for position in range(tasks):
        addressee, content = words.directive()
        rows["directive"].append({"id": _uuid(rng), "meeting_id": meeting_id, "position": position,
                                  "addressee": addressee, "content": content, "version": 1,
                                  **_follow_up(words, starts_at.date())})


_NO_FOLLOW_UP = dict.fromkeys(("lead_unit", "partners", "recurrence", "deadline", "deadline_extensions",
                               "progress", "done_on", "result", "report_number", "report_date"))


def _follow_up(words: TextMaker, assigned: date) -> dict[str, Any]:
    """How a task given on ``assigned`` went, as seen on TASKS_TODAY: most of the old ones
    done (a few late), some overdue, the recent ones mostly still open; a few ongoing or
    quarterly, a few extended, some with partner units and progress notes."""
    rng = words.rng
    task: dict[str, Any] = dict(_NO_FOLLOW_UP)
    if rng.random() < 0.3:
        task["partners"] = sorted({words.body() for _ in range(rng.randint(1, 3))})
    if rng.random() < 0.08:
        task["recurrence"] = rng.choice(("ongoing", "ongoing", "quarterly", "monthly"))
        return task
    if rng.random() < 0.15:
        return task  # no deadline given
    deadline = assigned + timedelta(days=rng.choice((15, 30, 45, 60, 90, 120)))
    task["deadline"] = deadline
    if rng.random() < 0.07:
        deadline += timedelta(days=rng.choice((15, 30, 60)))
        task["deadline_extensions"] = [{"until": deadline.isoformat(), "reason": "chờ ý kiến của các bộ, ngành",
                                        "granted_by": "Chủ tịch UBND tỉnh"}]
    if rng.random() < 0.2:
        noted = min(assigned + timedelta(days=rng.randint(5, 40)), TASKS_TODAY)
        done_so_far = words.pick(("xây dựng dự thảo", "lấy ý kiến các đơn vị", "trình UBND tỉnh"))
        task["progress"] = [{"on": noted.isoformat(), "text": f"đã {done_so_far}"}]
    finished = deadline + timedelta(days=rng.randint(-25, 2) if rng.random() < 0.85 else rng.randint(3, 40))
    old = deadline < TASKS_TODAY - timedelta(days=60)
    if finished <= TASKS_TODAY and rng.random() < (0.95 if old else 0.4):
        task["done_on"] = max(finished, assigned)
        task["result"] = f"Đã {words.pick(('hoàn thành', 'ban hành kế hoạch', 'báo cáo UBND tỉnh'))}"
        if rng.random() < 0.5:
            task["report_number"] = f"{rng.randint(1, 300)}/BC-{words.pick(('STC', 'SYT', 'SNV', 'SXD'))}"
            task["report_date"] = task["done_on"]
    return task


def _write_rows(connection: Connection, rows: dict[str, list[dict[str, Any]]]) -> None:
    # Generated data is not worth a disk flush per transaction; the app's own writes keep theirs.
    connection.execute(text("PRAGMA synchronous=OFF"))
    connection.execute(text("PRAGMA cache_size=-500000"))  # 500 MB: the index pages stay in memory
    chairs = rows.pop("chair")
    for table, table_rows in rows.items():
        connection.execute(insert(Base.metadata.tables[table]), table_rows)
    # The chair and the secretary once their attendances exist (deferring the foreign key
    # instead makes SQLite look for referring meetings at each attendance written).
    meeting = Base.metadata.tables["meeting"]
    connection.execute(
        update(meeting).where(meeting.c.id == bindparam("meeting")).values(
            chair_id=bindparam("chair_id"), secretary_id=bindparam("secretary_id")),
        chairs,
    )
    for table, table_rows in rows.items():
        search.refresh(connection, table, [row["id"] for row in table_rows])
