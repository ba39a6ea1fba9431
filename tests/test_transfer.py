"""Copying meetings between archives: laptop (SQLite) to office (PostgreSQL) and back."""

import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from minutes_app.archive import dump_meeting, import_file, list_meetings, load_meeting, open_archive
from minutes_app.model import Meeting, Person
from minutes_app.transfer import IfExists, MeetingExists, copy_meeting
from tests.conftest import DATA, EXAMPLE, new_url

PARTY = DATA / "party-meeting" / "meeting.json"


def cli(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes_app", *args], input=stdin,
                          capture_output=True, text=True, encoding="utf-8", timeout=120)


def tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_laptop_to_office_and_back_gives_identical_dumps(postgres_cluster, tmp_path: Path) -> None:
    laptop = f"sqlite:///{tmp_path / 'laptop.sqlite3'}"
    office = postgres_cluster.new_database()
    home = f"sqlite:///{tmp_path / 'home.sqlite3'}"
    try:
        assert cli("import", str(EXAMPLE), "--db", laptop).stdout == "1\n"
        assert cli("dump", "1", "-o", str(tmp_path / "before" / "m.json"), "--db", laptop).returncode == 0

        sent = cli("copy", "1", "--from", laptop, "--to", office)
        assert (sent.returncode, sent.stdout) == (0, "Đã chép thành cuộc họp số 1 ở kho đích.\n"), sent.stderr
        back = cli("copy", "1", "--from", office, "--to", home)
        assert back.returncode == 0, back.stderr
        assert cli("dump", "1", "-o", str(tmp_path / "after" / "m.json"), "--db", home).returncode == 0
        assert tree(tmp_path / "before") == tree(tmp_path / "after")
        assert len(tree(tmp_path / "after")) == 6  # the file and its five photos

        # Sending again: the office already has it; the user is asked.
        again = cli("copy", "1", "--from", laptop, "--to", office, stdin="b\n")
        assert again.stdout.endswith("Bỏ qua: kho đích đã có cuộc họp này (số 1).\n")
        unanswered = cli("copy", "1", "--from", laptop, "--to", office)
        assert unanswered.returncode == 1 and "--if-exists" in unanswered.stderr
        refused = cli("copy", "1", "--from", laptop, "--to", office, "--if-exists", "replace", stdin="không\n")
        assert refused.returncode == 1 and "Không chép." in refused.stderr
        replaced = cli("copy", "1", "--from", laptop, "--to", office, "--if-exists", "replace", "--yes")
        assert replaced.stdout == "Đã thay thế cuộc họp số 2 ở kho đích.\n", replaced.stderr
        both = cli("copy", "1", "--from", laptop, "--to", office, "--if-exists", "keep-both")
        assert both.stdout == "Đã chép thành cuộc họp mới số 3 ở kho đích, bên cạnh bản đã có.\n"
        assert [line.split("\t")[0] for line in cli("list", "--db", office).stdout.splitlines()] == ["3", "2"]
    finally:
        postgres_cluster.drop_database(office)


@pytest.mark.databases
def test_copy_choices_and_people(database: str, tmp_path: Path, request: pytest.FixtureRequest) -> None:
    source_dir, target_dir = tmp_path / "source", tmp_path / "target"
    source_dir.mkdir()
    target_dir.mkdir()
    with open_archive(new_url("sqlite", source_dir, request)) as source, \
            open_archive(new_url(database, target_dir, request)) as target:
        first = import_file(source, EXAMPLE)
        second = import_file(source, EXAMPLE)  # the same people at a second session
        import_file(target, PARTY)

        copied = copy_meeting(source, first, target)
        with pytest.raises(MeetingExists, match="Kho đích đã có cuộc họp này"):
            copy_meeting(source, first, target)
        assert copy_meeting(source, first, target, IfExists.SKIP).meeting_id == copied.meeting_id
        copy_meeting(source, second, target)
        with target.sessions() as session:
            # Seven attendees of the example, six of the party meeting: no one doubled.
            assert session.scalar(select(func.count()).select_from(Person)) == 13
            meeting = load_meeting(session, copied.meeting_id)
            assert meeting.chair.person.name == "Trần Quốc Hùng"
            assert meeting.speeches[1].photo.ref == "p1"
            assert meeting.press_release.general_photo.ref == "p0"
            assert meeting.photos[2].data == (EXAMPLE.parent / "photos" / "p2.jpg").read_bytes()

        kept = copy_meeting(source, first, target, IfExists.KEEP_BOTH)
        with target.sessions() as session:
            uids = {m.id: m.uid for m in session.scalars(select(Meeting))}
        assert uids[kept.meeting_id] != uids[copied.meeting_id]
        replaced = copy_meeting(source, first, target, IfExists.REPLACE)
        assert replaced.action == "replaced"
        titles = [m.title for m in list_meetings(target)]
        assert len(titles) == 4  # party, second, kept-both copy, replaced copy
        # Copies are found by the search, diacritics ignored, on either database.
        assert len(list_meetings(target, "xa tan phu")) == 3
        dump_meeting(target, replaced.meeting_id, tmp_path / "out.json")


def test_a_copy_beside_the_original_keeps_its_edited_article(tmp_path: Path) -> None:
    from minutes_app.documents.article import current_article, to_json

    with open_archive(f"sqlite:///{tmp_path / 'a.sqlite3'}") as archive:
        first = import_file(archive, EXAMPLE)
        with archive.sessions.begin() as session:
            meeting = load_meeting(session, first)
            meeting.press_release.article = to_json(current_article(meeting))
        kept = copy_meeting(archive, first, archive, IfExists.KEEP_BOTH)
        with archive.sessions() as session:
            original = [(b.kind, b.text) for b in current_article(load_meeting(session, first))]
            copy = load_meeting(session, kept.meeting_id)
            assert [(b.kind, b.text) for b in current_article(copy)] == original
            assert {p.id for p in copy.photos}.isdisjoint(p.id for p in load_meeting(session, first).photos)
