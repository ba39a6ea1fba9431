"""Where the archive lives and how a connection to it is opened.

The default archive is one SQLite file in the user's data folder; any SQLAlchemy URL
(``--db`` or ``MINUTES_APP_DB``) can replace it, e.g. an office PostgreSQL server.
"""

import os
import sqlite3
import time
from pathlib import Path
from typing import Any

import platformdirs
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, sessionmaker

from minutes_app import APP_ID
from minutes_app.archive_files import note_opened
from minutes_app.credentials import with_password

ENV_DB = "MINUTES_APP_DB"
WAL_ATTEMPTS = 100


def data_dir() -> Path:
    """The user's data folder for the app (archive, backups)."""
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False))


def config_dir() -> Path:
    """The user's settings folder for the app (style profiles an office adds)."""
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def default_url() -> str:
    return f"sqlite:///{data_dir() / 'archive.sqlite3'}"


def resolve_url(url: str | None) -> str:
    """The archive to use: the given URL, else ``MINUTES_APP_DB``, else the default file."""
    return url or os.environ.get(ENV_DB) or default_url()


def sqlite_path(url: str) -> Path | None:
    """The file behind a SQLite URL; None for other databases and in-memory SQLite."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # WAL keeps readers and the autosave writer apart; FULL makes each commit durable
    # before it returns, so a power cut loses nothing that was reported saved.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA busy_timeout=5000")
    _switch_to_wal(cursor)
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _switch_to_wal(cursor: sqlite3.Cursor) -> None:
    # Switching a new file to WAL needs a moment of exclusive access, and SQLite answers
    # "locked" at once, without the busy timeout, while another app starting at the same
    # instant holds it: try again for a few seconds.
    for attempt in range(WAL_ATTEMPTS):
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or attempt == WAL_ATTEMPTS - 1:
                raise
            time.sleep(0.05)


def create_archive_engine(url: str) -> Engine:
    """An engine for ``url`` with the settings the archive relies on."""
    path = sqlite_path(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        note_opened(path)
    else:
        url = with_password(url)
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def session_factory(engine: Engine) -> sessionmaker[Session]:
    # Objects stay usable after commit: the UI and the documents read them afterwards.
    return sessionmaker(engine, expire_on_commit=False)
