"""The archive database: location, connection settings, schema migrations."""

import re
from datetime import date
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from minutes_app import migrate, storage
from minutes_app.archive import open_archive
from minutes_app.migrate import ArchiveTooNew
from minutes_app.model import Base
from minutes_app.task_register import load_register
from tests.helpers import drop_task_follow_up


def test_sqlite_connection_settings(archive) -> None:
    with archive.engine.connect() as connection:
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert connection.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_url_comes_from_argument_then_environment_then_user_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(storage.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    monkeypatch.delenv(storage.ENV_DB, raising=False)
    assert storage.resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'archive.sqlite3'}"
    monkeypatch.setenv(storage.ENV_DB, "sqlite:///from-env.db")
    assert storage.resolve_url(None) == "sqlite:///from-env.db"
    assert storage.resolve_url("sqlite:///given.db") == "sqlite:///given.db"


def test_default_archive_is_created_in_the_user_data_folder(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(storage.platformdirs, "user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    monkeypatch.delenv(storage.ENV_DB, raising=False)
    open_archive().close()
    assert (tmp_path / "data" / "archive.sqlite3").is_file()


@pytest.mark.databases
def test_an_archive_file_is_named_by_its_path_as_typed(tmp_path: Path) -> None:
    # The URL would show "H%E1%BB%93 s%C6%A1", and on Windows "C%3A%5CUsers%5C…".
    path = tmp_path / "Hồ sơ văn phòng" / "Kho lưu trữ biên bản.sqlite3"
    with open_archive(f"sqlite:///{path}") as archive:
        assert archive.place == str(path)
    with open_archive("sqlite://") as archive:
        assert archive.place == "sqlite://"


def test_empty_database_migrates_to_head_and_matches_the_model(db_url: str) -> None:
    archive = open_archive(db_url)
    with archive.engine.connect() as connection:
        assert migrate.current_revision(connection) == migrate.head_revision()
        context = MigrationContext.configure(connection)
        diff = compare_metadata(context, Base.metadata)
    archive.close()
    assert diff == []


def test_revisions_are_numbered_in_sequence() -> None:
    # Numbered in order, each revising the one before it: the newest number is the head.
    revisions = migrate.known_revisions()
    assert revisions[0] == "0001" and revisions == sorted(set(revisions))
    folder = Path(migrate.__file__).parent / "migrations" / "versions"
    down = {
        re.search(r'^revision = "(\d+)"', text, re.M)[1]: re.search(r"^down_revision = (.+)$", text, re.M)[1]
        for text in (f.read_text() for f in folder.glob("[0-9]*.py"))
    }
    assert [down[r] for r in revisions] == ["None"] + [f'"{r}"' for r in revisions[:-1]]


@pytest.mark.databases
def test_archive_from_a_newer_app_is_refused_and_left_alone(db_url: str) -> None:
    archive = open_archive(db_url)
    with archive.engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    archive.close()
    with pytest.raises(ArchiveTooNew, match="phiên bản mới hơn") as raised:
        open_archive(db_url)
    assert raised.value.revision == "9999"
    engine = storage.create_archive_engine(db_url)
    with engine.connect() as connection:
        assert migrate.current_revision(connection) == "9999"
    engine.dispose()


def test_two_starts_at_once_on_a_new_archive(tmp_path: Path) -> None:
    import subprocess
    import sys

    for attempt in range(6):  # a race: caught about once in 40 starts before it was fixed
        db = f"sqlite:///{tmp_path / f'new{attempt}.sqlite3'}"
        starts = [subprocess.Popen([sys.executable, "-m", "minutes_app", "list", "--db", db],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.wait(timeout=60), p.stderr.read()) for p in starts]
        for p in starts:
            p.stdout.close()
            p.stderr.close()
        assert results == [(0, ""), (0, "")]


def test_an_older_archive_is_backed_up_then_upgraded_with_its_data(tmp_path: Path) -> None:
    import sqlite3

    from minutes_app.archive import import_file, list_meetings
    from tests.conftest import EXAMPLE
    from tests.helpers import drop_final_records

    path = tmp_path / "archive.sqlite3"
    with open_archive(f"sqlite:///{path}") as archive:
        import_file(archive, EXAMPLE)
    # Turn it into an archive of revision 0002, before rows said who saved them, before
    # the search counted words per meeting and before directives were followed up as tasks.
    connection = sqlite3.connect(path)
    drop_final_records(connection.execute, "sqlite")
    connection.execute("DROP TABLE search_term")
    drop_task_follow_up(connection.execute)
    connection.execute("DROP TABLE audio_chunk")  # and before the meeting's audio
    connection.execute("DROP TABLE audio_segment")
    connection.execute("DROP TABLE conclusions_notice")  # and before the notice of conclusions
    for table in ("person", "meeting", "attendance", "photo", "speech", "topic", "directive", "press_release"):
        connection.execute(f"ALTER TABLE {table} DROP COLUMN updated_by")
    for table, column in (("speech", "quote"), ("press_release", "background"), ("attendance", "guest_of_honour")):
        connection.execute(f"ALTER TABLE {table} DROP COLUMN {column}")  # and before the article's own fields
    connection.execute("UPDATE alembic_version SET version_num = '0002'")
    connection.commit()
    connection.close()

    with open_archive(f"sqlite:///{path}") as archive:
        with archive.engine.connect() as connection:
            assert migrate.current_revision(connection) == migrate.head_revision()
        assert [m.title[:24] for m in list_meetings(archive)] == ["Hội nghị sơ kết công tác"]
        # Its directives are tasks of their addressees, with their deadlines.
        with archive.engine.connect() as connection:
            register = load_register(connection, date(2026, 9, 1))
        assert [(register.units[register.unit_of[i]], register.deadlines[i], register.status(i).value)
                for i in range(len(register))] == [
            ("Sở Khoa học và Công nghệ", "2026-08-31", "overdue"), ("Sở Tài chính", "2026-09-30", "in-time"),
            ("Sở Nội vụ", None, "in-time"), ("UBND các xã, phường", None, "in-time")]
    [before] = tmp_path.glob(f"archive.before-{migrate.head_revision()}-*.sqlite3")
    old = sqlite3.connect(before)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
    assert old.execute("SELECT count(*) FROM speech").fetchone() == (6,)
    old.close()
