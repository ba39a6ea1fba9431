"""Files of the archive deleted under a running writer: it notices before it reports the next
save, opens the archive again, writes again what it had written, and nothing is lost.

The writer is the editing core typing in a child process (tests/crash.py); the test deletes
the archive's write-ahead log (and its -shm) as any outside program could, then lets it type
on, then kills it with SIGKILL and reads the archive.
"""

import os
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from minutes_app.archive import import_file, list_meetings, load_meeting, open_archive
from minutes_app.archive_watch import ArchiveWatch, file_id, no_checkpoint_on_close
from minutes_app.editing.editor import MeetingEditor
from tests.conftest import EXAMPLE
from tests.crash import replay
from tests.helpers import report
from tests.test_crash import read_state

ROOT = Path(__file__).parent.parent


@dataclass
class Run:
    """What the typing child reported, in order, with the moment the files were removed."""

    events: list[tuple[str, int]] = field(default_factory=list)  # ("edit"|"saved"|"reopened", number)
    removed_at: int = 0  # index in events
    last_edit_before: int = 0
    removal_time: float = 0.0
    reopened_after: float | None = None  # seconds from the removal to the child's "reopened"

    @property
    def made(self) -> int:
        return max((n for word, n in self.events if word == "edit"), default=0)

    @property
    def saved(self) -> int:
        return max((n for word, n in self.events if word == "saved"), default=0)


def type_remove_kill(url: str, meeting_id: int, seed: str, remove: Callable[[int], None], after: float) -> Run:
    """Start the child; once it reported 20 saved edits, ``remove`` (given its pid); kill it
    ``after`` seconds later."""
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.crash", url, str(meeting_id), seed],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=os.environ | {"PYTHONPATH": str(ROOT)},
    )
    assert child.stdout is not None and child.stderr is not None
    os.set_blocking(child.stdout.fileno(), False)
    selector = selectors.DefaultSelector()
    selector.register(child.stdout, selectors.EVENT_READ)
    run = Run()
    buffer = ""
    kill_at: float | None = None
    deadline = time.monotonic() + 120
    try:
        while kill_at is None or time.monotonic() < kill_at:
            assert time.monotonic() < deadline and child.poll() is None, child.stderr.read()
            for _key, _events in selector.select(timeout=0.005):
                buffer += child.stdout.read() or ""
                *lines, buffer = buffer.split("\n")
                for line in lines:
                    word, _, number = line.partition(" ")
                    if word in ("edit", "saved", "reopened"):
                        run.events.append((word, int(number or 0)))
                    if word == "reopened" and run.reopened_after is None and kill_at is not None:
                        run.reopened_after = time.monotonic() - run.removal_time
            if kill_at is None and run.saved >= 20:
                run.removed_at, run.last_edit_before = len(run.events), run.made
                remove(child.pid)
                run.removal_time = time.monotonic()
                kill_at = time.monotonic() + after
        child.send_signal(signal.SIGKILL)
        child.wait()
        os.set_blocking(child.stdout.fileno(), True)
        for line in (buffer + child.stdout.read()).split("\n"):
            word, _, number = line.partition(" ")
            if word in ("edit", "saved", "reopened"):
                run.events.append((word, int(number or 0)))
    finally:
        child.kill()
        selector.close()
        child.stdout.close()
        child.stderr.close()
    return run


def new_archive(path: Path) -> tuple[str, int]:
    url = f"sqlite:///{path}"
    with open_archive(url) as archive:
        return url, import_file(archive, EXAMPLE)


def check_nothing_lost(url: str, path: Path, meeting_id: int, seed: str, before: object, run: Run) -> None:
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    after = read_state(url, meeting_id)
    # The archive holds the record after one edit count, no fewer than the last reported saved.
    assert any(replay(before, seed, n) == after for n in range(run.saved, run.made + 2)), (run.saved, run.made)  # type: ignore[arg-type]


def keep_figures(name: str, run: Run) -> None:
    report("archive-watch", name, {
        "edits_typed": run.made,
        "edits_reported_saved": run.saved,
        "edits_saved_after_the_removal": run.saved - run.last_edit_before,
        "seconds_from_removal_to_reopened": round(run.reopened_after or -1, 2),
        "reopenings": sum(1 for word, _ in run.events if word == "reopened"),
    })


def check_noticed_before_saved(run: Run) -> None:
    after_removal = run.events[run.removed_at:]
    # The first save reported for an edit made after the removal follows the reopening.
    first_new_save = next(i for i, (word, n) in enumerate(after_removal) if word == "saved" and n > run.last_edit_before)
    assert ("reopened", 0) in after_removal[:first_new_save], after_removal[:first_new_save + 1]
    assert run.saved > run.last_edit_before  # and it went on saving after


@pytest.mark.parametrize("files", [("-wal",), ("-wal", "-shm")])
def test_a_deleted_log_is_noticed_and_what_was_written_is_written_again(tmp_path: Path, files: tuple[str, ...]) -> None:
    path = tmp_path / "archive.db"
    url, meeting_id = new_archive(path)
    before = read_state(url, meeting_id)

    def remove(_pid: int) -> None:
        for suffix in files:
            os.unlink(f"{path}{suffix}")

    run = type_remove_kill(url, meeting_id, "deleted-log", remove, after=3.0)
    check_noticed_before_saved(run)
    check_nothing_lost(url, path, meeting_id, "deleted-log", before, run)
    keep_figures("deleted " + " ".join(files), run)


def test_another_program_writing_after_the_log_was_deleted_is_kept_too(tmp_path: Path) -> None:
    """The log and -shm deleted, then another process imports a meeting before the writer
    writes again (it is stopped meanwhile): the writer's next write goes into the deleted log;
    both the import and the typing are there in the end, and the database is sound."""
    path = tmp_path / "archive.db"
    url, meeting_id = new_archive(path)
    before = read_state(url, meeting_id)

    def remove_then_import(pid: int) -> None:
        os.kill(pid, signal.SIGSTOP)
        try:
            os.unlink(f"{path}-wal")
            os.unlink(f"{path}-shm")
            with open_archive(url) as other:  # this test's process is the other program
                import_file(other, EXAMPLE)
        finally:
            os.kill(pid, signal.SIGCONT)

    run = type_remove_kill(url, meeting_id, "other-writer", remove_then_import, after=3.0)
    check_noticed_before_saved(run)
    check_nothing_lost(url, path, meeting_id, "other-writer", before, run)
    keep_figures("deleted -wal -shm, then another process imported a meeting", run)
    with open_archive(url) as archive:
        assert len(list_meetings(archive)) == 2


def test_two_open_meetings_both_write_again_after_one_reopening(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    url = f"sqlite:///{path}"
    with open_archive(url) as archive:
        first, second = import_file(archive, EXAMPLE), import_file(archive, EXAMPLE)
        reopened: list[int] = []
        editors = [MeetingEditor.open(archive, meeting_id, on_reopened=lambda m=meeting_id: reopened.append(m))
                   for meeting_id in (first, second)]
        for editor, word in zip(editors, ("một", "hai"), strict=True):
            editor.set_field(editor.meeting, "title", f"Cuộc họp {word}", typing=True)
            assert editor.autosaver.flush(5)
        # Rows added and deleted since the last checkpoint are written again as well.
        speeches = len(editors[0].meeting.speeches)
        editors[0].delete(editors[0].meeting.speeches[0])
        added = editors[0].add_speech()
        editors[0].set_field(added, "summary", "Ý kiến ghi sau cùng", typing=True)
        assert editors[0].autosaver.flush(5)
        os.unlink(f"{path}-wal")
        os.unlink(f"{path}-shm")
        editors[0].set_field(editors[0].meeting, "venue", "Hội trường tầng 3", typing=True)
        assert editors[0].autosaver.flush(5)
        assert archive.watch is not None and archive.watch.generation == 1
        # The other writer finds the archive reopened at its next look and writes again too.
        deadline = time.monotonic() + 10
        while len(reopened) < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert sorted(reopened) == [first, second]
        for editor in editors:
            assert editor.close()
    with open_archive(url) as archive, archive.sessions() as session:
        meeting = load_meeting(session, first)
        assert (meeting.title, meeting.venue) == ("Cuộc họp một", "Hội trường tầng 3")
        assert len(meeting.speeches) == speeches
        assert meeting.speeches[-1].summary == "Ý kiến ghi sau cùng"
        assert load_meeting(session, second).title == "Cuộc họp hai"


def test_the_watch_sees_a_replaced_database_and_an_unlinked_log(tmp_path: Path) -> None:
    path = tmp_path / "archive.sqlite3"
    with open_archive(f"sqlite:///{path}") as archive:
        watch = archive.watch
        assert isinstance(watch, ArchiveWatch)
        with archive.engine.connect() as connection:
            assert watch.checkpoint(connection)
            watch.record()
        assert watch.moved() == []
        copy = tmp_path / "copy"
        copy.write_bytes(path.read_bytes())
        os.replace(copy, path)  # what a sync tool or a restore by hand does
        assert watch.moved() == [path]
        assert file_id(path) is not None


def test_old_connections_close_without_checkpointing_into_the_database(tmp_path: Path) -> None:
    path = tmp_path / "archive.db"
    connection = sqlite3.connect(path)
    assert no_checkpoint_on_close(connection, path)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute("CREATE TABLE t (x)")
    connection.commit()
    connection.close()
    # Not checkpointed: the log is still there, the database file holds no table yet.
    assert Path(f"{path}-wal").stat().st_size > 0
    assert sqlite3.connect(f"{path.as_uri()}?immutable=1", uri=True).execute(
        "SELECT count(*) FROM sqlite_master").fetchone() == (0,)
