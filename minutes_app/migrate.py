"""Bring an archive's schema to the version this app knows, backing it up first.

Migrations are numbered files ``migrations/versions/NNNN_*.py`` whose revision id is the
number, so the head is known without importing Alembic: an up-to-date archive (the
usual start) costs one small query.
"""

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from importlib.resources import files
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text

from minutes_app.backup import backup_sqlite
from minutes_app.i18n import _
from minutes_app.search import FTS_TABLE
from minutes_app.storage import sqlite_path

_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


class ArchiveTooNew(Exception):
    """The archive was written by a newer version of the app."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            _(
                "Kho lưu trữ này được tạo bởi một phiên bản mới hơn của ứng dụng "
                "(lược đồ {revision}, phiên bản này chỉ biết đến {head}). "
                "Hãy cập nhật ứng dụng để mở kho."
            ).format(revision=revision, head=head_revision())
        )
        self.revision = revision


def known_revisions() -> list[str]:
    """Revision ids of the migrations shipped with the app, oldest first."""
    folder = files("minutes_app.migrations.versions")
    names = (m.group(1) for f in folder.iterdir() if (m := _REVISION_FILE.match(f.name)))
    return sorted(names)


def head_revision() -> str:
    return known_revisions()[-1]


def current_revision(connection: Connection) -> str | None:
    """The archive's schema revision; None for an empty database."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    return connection.execute(text("SELECT version_num FROM alembic_version")).scalar()


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """Whether Alembic compares this object with the model: not the FTS5 index's tables,
    which the model does not describe (see minutes_app.search)."""
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def upgrade(engine: Engine) -> None:
    """Create or upgrade the schema to the head revision.

    An existing SQLite archive is copied next to itself before any change, so a failed
    or unwanted migration can be undone by hand.
    """
    with engine.connect() as connection:
        revision = current_revision(connection)
    head = head_revision()
    if revision == head:
        return
    if revision is not None and revision not in known_revisions():
        raise ArchiveTooNew(revision)
    path = sqlite_path(str(engine.url))
    if revision is not None and path is not None:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        backup_sqlite(path, path.with_name(f"{path.stem}.before-{head}-{stamp}{path.suffix}"))
    _run_alembic(engine, head)


def _run_alembic(engine: Engine, target: str) -> None:
    # Imported here: Alembic is needed only on the rare start that migrates.
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    with _exclusive(engine) as connection:
        # Of two starts at once, the second got the lock after the first: the work is done.
        if current_revision(connection) != target:
            config.attributes["connection"] = connection
            command.upgrade(config, target)


@contextmanager
def _exclusive(engine: Engine) -> Iterator[Connection]:
    """A connection in a transaction that holds the write lock from its start.

    SQLite's driver commits on its own before each CREATE or ALTER and takes the lock
    only when first writing; here the transaction is begun by hand, IMMEDIATE, so a
    migration is all or nothing and nobody else writes meanwhile. PostgreSQL's
    transactions already include DDL and its locks.
    """
    if engine.dialect.name != "sqlite":
        with engine.begin() as connection:
            yield connection
        return
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="AUTOCOMMIT")
        connection.exec_driver_sql("BEGIN IMMEDIATE")
        try:
            yield connection
        except BaseException:
            connection.exec_driver_sql("ROLLBACK")
            raise
        connection.exec_driver_sql("COMMIT")
