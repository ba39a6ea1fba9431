"""The rule of a final record: once the minutes are signed, nothing of them changes until
the record is reopened for a correction (with a reason), which starts the next version.

What "the minutes" are is listed once here (``SIGNED``): per table, the columns the
signed text is made of. Anything else may change on a final record: the row versions,
who saved last, and what other work keeps beside the minutes (the follow-up of tasks,
the audio of speeches), which adds columns or tables of its own.

Every write path asks ``check_change`` (or ``check_stored``, which reads the state from
the archive) before writing. The archive enforces the same rule by itself, with triggers
made from ``SIGNED`` (``install_guards``, run by migration 0007): a direct ``UPDATE`` of a
final record fails on PostgreSQL and SQLite alike. A later migration that changes
``SIGNED``, or recreates one of these tables on SQLite (which drops its triggers), calls
``install_guards`` again.
"""

from collections.abc import Iterable
from typing import Any, Protocol

from sqlalchemy import Connection, select

from minutes_app.i18n import _
from minutes_app.model import Meeting, RecordState

# The signed minutes: per table, the columns whose change changes the record.
SIGNED: dict[str, tuple[str, ...]] = {
    "meeting": (
        "uid", "title", "style", "organizer_name", "organizer_parent", "organizer_code",
        "organizer_extensions", "document_number", "place_name", "venue", "starts_at", "ends_at",
        "chair_id", "secretary_id", "agenda", "extensions",
    ),
    "attendance": (
        "meeting_id", "position", "person_id", "ref", "honorific", "titles", "organization", "group_name",
        "present", "absence_reason", "extensions",
    ),
    "speech": ("meeting_id", "position", "speaker_id", "kind", "subject", "at", "summary", "photo_id", "extensions"),
    "topic": ("meeting_id", "position", "title", "notes", "extensions"),
    "directive": ("meeting_id", "position", "addressee", "content", "deadline", "issued_by_id", "extensions"),
    "photo": (
        "meeting_id", "position", "ref", "file_name", "media_type", "sha256", "data", "caption", "extensions",
    ),
    "press_release": ("title", "lead", "author", "general_photo_id", "topics_intro", "extensions", "article"),
    # A person is shared by meetings: only the editor of a meeting treats the name as part
    # of it (renaming someone added while editing); the archive does not guard this table.
    "person": ("name",),
}
_UNGUARDED = {"person"}
# The history itself: rows are added, never changed or removed while their meeting exists.
HISTORY_TABLES = ("version_photo", "meeting_export")

# What the archive answers when its guard refuses a change (both databases).
REFUSAL = "minutes-app: final record"


class MeetingIsFinal(Exception):
    """A change to the signed minutes of a final record; the message is for the user."""

    def __init__(self, meeting_id: int | None, version: int) -> None:
        if meeting_id is None:
            message = _("Biên bản này đã chốt (phiên bản {version}) nên không sửa được.").format(version=version)
        else:
            message = _(
                "Biên bản của cuộc họp số {id} đã chốt (phiên bản {version}) nên không sửa được. Muốn sửa, hãy mở "
                "lại để sửa, có ghi lý do (trong cửa sổ: “Mở lại để sửa…”; dòng lệnh: minutes-app reopen {id} "
                "--reason \"…\")."
            ).format(id=meeting_id, version=version)
        super().__init__(message)
        self.meeting_id = meeting_id
        self.version = version


class _Record(Protocol):
    id: Any
    state: str
    record_version: int


def is_final(meeting: _Record) -> bool:
    return meeting.state == RecordState.FINAL


def touches_signed(table: str, columns: Iterable[str] | None) -> bool:
    """Whether changing ``columns`` of a ``table`` row (None: adding or removing the row)
    changes the signed minutes."""
    signed = SIGNED.get(table)
    if signed is None:
        return False
    return columns is None or not set(signed).isdisjoint(columns)


def check_change(meeting: _Record, table: str, columns: Iterable[str] | None = None) -> None:
    """The rule: raise MeetingIsFinal if the change would alter a final record's minutes."""
    if is_final(meeting) and touches_signed(table, columns):
        raise MeetingIsFinal(meeting.id, meeting.record_version)


def check_stored(connection: Connection, meeting_id: int, table: str, columns: Iterable[str] | None = None) -> None:
    """``check_change`` against the meeting's state as the archive holds it now."""
    found = connection.execute(
        select(Meeting.id, Meeting.state, Meeting.record_version).where(Meeting.id == meeting_id)
    ).first()
    if found is not None:
        check_change(found, table, columns)


def refused_by_archive(error: BaseException) -> bool:
    """Whether a database error is the archive's guard refusing a change to a final record."""
    return REFUSAL in str(getattr(error, "orig", None) or error)


# --- the archive's own guard ------------------------------------------------------------


def install_guards(connection: Connection) -> None:
    """Create (or create again) the triggers that refuse changes to final records."""
    if connection.dialect.name == "postgresql":
        # The driver reads '%' as a parameter's place: doubled, it reaches the server as one.
        statements = [statement.replace("%", "%%") for statement in _postgresql()]
    else:
        statements = _sqlite()
    for statement in statements:
        connection.exec_driver_sql(statement)


def _guarded() -> dict[str, tuple[str, ...]]:
    return {table: columns for table, columns in SIGNED.items() if table not in _UNGUARDED}


def _postgresql() -> list[str]:
    def refuse(meeting: str) -> str:
        return f"RAISE EXCEPTION '{REFUSAL}: % of meeting %', TG_TABLE_NAME, {meeting}"

    statements = [
        # A row of a meeting's minutes: unchanged while its meeting is final.
        f"""
        CREATE OR REPLACE FUNCTION minutes_app_guard_part() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            old_state text;
            new_state text;
            old_row jsonb;
            new_row jsonb;
            name text;
        BEGIN
            IF TG_OP <> 'INSERT' THEN
                SELECT state INTO old_state FROM meeting WHERE id = OLD.meeting_id;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                SELECT state INTO new_state FROM meeting WHERE id = NEW.meeting_id;
            END IF;
            IF TG_OP = 'DELETE' THEN
                -- A meeting deleted as a whole is gone already when its rows follow it.
                IF old_state = 'final' THEN {refuse("OLD.meeting_id")}; END IF;
                RETURN OLD;
            END IF;
            IF TG_OP = 'INSERT' THEN
                IF new_state = 'final' THEN {refuse("NEW.meeting_id")}; END IF;
                RETURN NEW;
            END IF;
            IF new_state = 'final' AND NEW.meeting_id IS DISTINCT FROM OLD.meeting_id THEN
                {refuse("NEW.meeting_id")};
            END IF;
            IF old_state = 'final' THEN
                old_row := to_jsonb(OLD);
                new_row := to_jsonb(NEW);
                FOREACH name IN ARRAY TG_ARGV LOOP
                    IF old_row -> name IS DISTINCT FROM new_row -> name THEN {refuse("OLD.meeting_id")}; END IF;
                END LOOP;
            END IF;
            RETURN NEW;
        END $$
        """,
        # The meeting: a final one changes only by being reopened with a reason recorded,
        # becomes final only with its version kept, and is never deleted.
        f"""
        CREATE OR REPLACE FUNCTION minutes_app_guard_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            old_row jsonb;
            new_row jsonb;
            name text;
        BEGIN
            IF TG_OP = 'DELETE' THEN
                IF OLD.state = 'final' THEN {refuse("OLD.id")}; END IF;
                RETURN OLD;
            END IF;
            IF TG_OP = 'INSERT' THEN
                IF NEW.state = 'final' THEN {refuse("NEW.id")}; END IF;
                RETURN NEW;
            END IF;
            IF NEW.state = 'final' AND (OLD.state <> 'final' OR NEW.record_version <> OLD.record_version)
                AND NOT EXISTS (SELECT 1 FROM meeting_version WHERE meeting_id = NEW.id
                                AND number = NEW.record_version AND document IS NOT NULL) THEN
                {refuse("NEW.id")};
            END IF;
            IF OLD.state <> 'final' THEN
                RETURN NEW;
            END IF;
            old_row := to_jsonb(OLD);
            new_row := to_jsonb(NEW);
            FOREACH name IN ARRAY TG_ARGV LOOP
                IF old_row -> name IS DISTINCT FROM new_row -> name THEN {refuse("OLD.id")}; END IF;
            END LOOP;
            IF NEW.state = 'final' AND NEW.record_version = OLD.record_version THEN
                RETURN NEW;
            END IF;
            IF NEW.state = 'reopened' AND NEW.record_version = OLD.record_version + 1
                AND EXISTS (SELECT 1 FROM meeting_version WHERE meeting_id = NEW.id AND number = NEW.record_version
                            AND document IS NULL AND coalesce(btrim(reason), '') <> '') THEN
                RETURN NEW;
            END IF;
            {refuse("OLD.id")};
        END $$
        """,
        # The versions: a final one is never changed; none is removed while its meeting
        # exists; while the meeting is final, only the next version may be added, unwritten.
        f"""
        CREATE OR REPLACE FUNCTION minutes_app_guard_version() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            meeting_state text;
            current_version integer;
        BEGIN
            IF TG_OP = 'INSERT' THEN
                SELECT state, record_version INTO meeting_state, current_version FROM meeting
                    WHERE id = NEW.meeting_id;
                IF meeting_state = 'final' AND (NEW.document IS NOT NULL OR NEW.number <> current_version + 1) THEN
                    {refuse("NEW.meeting_id")};
                END IF;
                RETURN NEW;
            END IF;
            IF TG_OP = 'UPDATE' THEN
                IF OLD.document IS NOT NULL THEN {refuse("OLD.meeting_id")}; END IF;
                RETURN NEW;
            END IF;
            IF EXISTS (SELECT 1 FROM meeting WHERE id = OLD.meeting_id) THEN {refuse("OLD.meeting_id")}; END IF;
            RETURN OLD;
        END $$
        """,
        # What the history keeps beside the versions: added, never changed or removed.
        f"""
        CREATE OR REPLACE FUNCTION minutes_app_guard_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN {refuse("OLD.meeting_id")}; END IF;
            IF EXISTS (SELECT 1 FROM meeting WHERE id = OLD.meeting_id) THEN {refuse("OLD.meeting_id")}; END IF;
            RETURN OLD;
        END $$
        """,
    ]
    for table, columns in _guarded().items():
        function = "minutes_app_guard_meeting" if table == "meeting" else "minutes_app_guard_part"
        arguments = ", ".join(f"'{column}'" for column in columns)
        statements += [
            f"DROP TRIGGER IF EXISTS minutes_app_guard ON {table}",
            f"CREATE TRIGGER minutes_app_guard BEFORE INSERT OR UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {function}({arguments})",
        ]
    statements += [
        "DROP TRIGGER IF EXISTS minutes_app_guard ON meeting_version",
        "CREATE TRIGGER minutes_app_guard BEFORE INSERT OR UPDATE OR DELETE ON meeting_version "
        "FOR EACH ROW EXECUTE FUNCTION minutes_app_guard_version()",
    ]
    for table in HISTORY_TABLES:
        statements += [
            f"DROP TRIGGER IF EXISTS minutes_app_guard ON {table}",
            f"CREATE TRIGGER minutes_app_guard BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION minutes_app_guard_kept()",
        ]
    return statements


def _sqlite() -> list[str]:
    refuse = f"SELECT RAISE(ABORT, '{REFUSAL}')"

    def state_of(meeting: str) -> str:
        return f"(SELECT state FROM meeting WHERE id = {meeting})"

    def changed(columns: tuple[str, ...]) -> str:
        return " OR ".join(f"OLD.{column} IS NOT NEW.{column}" for column in columns)

    triggers: dict[str, str] = {}
    for table, columns in _guarded().items():
        if table == "meeting":
            continue
        triggers |= {
            f"{table}_insert": f"BEFORE INSERT ON {table} WHEN {state_of('NEW.meeting_id')} = 'final'",
            f"{table}_delete": f"BEFORE DELETE ON {table} WHEN {state_of('OLD.meeting_id')} = 'final'",
            f"{table}_update": (
                f"BEFORE UPDATE ON {table} WHEN ({state_of('OLD.meeting_id')} = 'final' AND ({changed(columns)})) "
                f"OR ({state_of('NEW.meeting_id')} = 'final' AND NEW.meeting_id IS NOT OLD.meeting_id)"
            ),
        }
    version_kept = (
        "EXISTS (SELECT 1 FROM meeting_version WHERE meeting_id = NEW.id AND number = NEW.record_version "
        "AND document IS NOT NULL)"
    )
    reason_kept = (
        "EXISTS (SELECT 1 FROM meeting_version WHERE meeting_id = NEW.id AND number = NEW.record_version "
        "AND document IS NULL AND trim(coalesce(reason, '')) <> '')"
    )
    triggers |= {
        "meeting_insert": "BEFORE INSERT ON meeting WHEN NEW.state = 'final'",
        "meeting_delete": "BEFORE DELETE ON meeting WHEN OLD.state = 'final'",
        "meeting_finalize": (
            "BEFORE UPDATE ON meeting WHEN NEW.state = 'final' AND (OLD.state <> 'final' "
            f"OR NEW.record_version <> OLD.record_version) AND NOT {version_kept}"
        ),
        "meeting_update": (
            f"BEFORE UPDATE ON meeting WHEN OLD.state = 'final' AND (({changed(SIGNED['meeting'])}) "
            "OR NOT ((NEW.state = 'final' AND NEW.record_version = OLD.record_version) "
            f"OR (NEW.state = 'reopened' AND NEW.record_version = OLD.record_version + 1 AND {reason_kept})))"
        ),
        "meeting_version_insert": (
            "BEFORE INSERT ON meeting_version WHEN EXISTS (SELECT 1 FROM meeting WHERE id = NEW.meeting_id "
            "AND state = 'final' AND (NEW.document IS NOT NULL OR NEW.number <> record_version + 1))"
        ),
        "meeting_version_update": "BEFORE UPDATE ON meeting_version WHEN OLD.document IS NOT NULL",
        "meeting_version_delete": (
            "BEFORE DELETE ON meeting_version WHEN EXISTS (SELECT 1 FROM meeting WHERE id = OLD.meeting_id)"
        ),
    }
    for table in HISTORY_TABLES:
        triggers |= {
            f"{table}_update": f"BEFORE UPDATE ON {table}",
            f"{table}_delete": (
                f"BEFORE DELETE ON {table} WHEN EXISTS (SELECT 1 FROM meeting WHERE id = OLD.meeting_id)"
            ),
        }
    statements: list[str] = []
    for name, when in triggers.items():
        statements += [
            f"DROP TRIGGER IF EXISTS minutes_app_guard_{name}",
            f"CREATE TRIGGER minutes_app_guard_{name} {when} BEGIN {refuse}; END",
        ]
    return statements
