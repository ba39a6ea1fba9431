"""Shared test helpers: comparing meeting files, making small pictures."""

import copy
import hashlib
import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PIL import Image

from minutes_app.finality import SIGNED


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def canonical(document: dict[str, Any], folder: Path) -> dict[str, Any]:
    """The document with defaults spelled out and photo files replaced by their content hash.

    Two meeting files are equivalent when their canonical forms are equal.
    """
    doc = copy.deepcopy(document)
    # Each format version reads as the same record: the version is not part of it.
    del doc["format"]
    doc.setdefault("style", "state")
    for key in ("starts_at", "ends_at"):
        if key in doc and len(doc[key]) == 19 and doc[key].endswith(":00"):
            doc[key] = doc[key][:16]
    for key in ("agenda", "speeches", "topics", "directives", "photos"):
        if doc.get(key) == []:
            del doc[key]
    if doc.get("press_release") == {}:
        del doc["press_release"]
    for attendee in doc["attendees"]:
        if attendee.get("present") is True:
            del attendee["present"]
        if attendee.get("titles") == []:
            del attendee["titles"]
        if attendee.get("guest_of_honour") is False:
            del attendee["guest_of_honour"]
    # An empty quote or background is no quote or background (version 2).
    for speech in doc.get("speeches", []):
        if speech.get("quote") == "":
            del speech["quote"]
    if doc.get("press_release", {}).get("background") == "":
        del doc["press_release"]["background"]
    for photo in doc.get("photos", []):
        photo["file"] = hashlib.sha256((folder / photo["file"]).read_bytes()).hexdigest()
    return doc


def picture(kind: str = "JPEG", size: tuple[int, int] = (64, 48), color: str = "steelblue") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, kind)
    return buffer.getvalue()


def flat(text: str) -> str:
    """Text with every run of whitespace (line breaks of the layout included) made one space."""
    return " ".join(text.split())


def pdf_text(path: Path, *, page: int | None = None, mode: str = "-layout") -> str:
    import subprocess

    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(
        ["pdftotext", mode, "-enc", "UTF-8", *pages, str(path), "-"],
        capture_output=True, text=True, encoding="utf-8", check=True,
    ).stdout


def pdf_pages(path: Path, mode: str = "-layout") -> list[str]:
    """The text of each page (pdftotext separates pages with a form feed)."""
    return pdf_text(path, mode=mode).split("\f")[:-1]


def pdf_body(path: Path, mode: str = "-layout") -> str:
    """The text of all pages without the page numbers at their top, which would
    otherwise interrupt a paragraph that runs on to the next page."""
    pages = pdf_pages(path, mode)
    bodies = [pages[0]] + [page.lstrip().partition("\n")[2] for page in pages[1:]]
    return "\n".join(bodies)


def docx_text(path: Path) -> str:
    """Every paragraph of a DOCX body in order, table cells included, one per line."""
    from docx import Document
    from docx.table import Table

    def lines(container) -> list[str]:  # type: ignore[no-untyped-def]
        result = []
        for item in container.iter_inner_content():
            if isinstance(item, Table):
                for row in item.rows:
                    for cell in row.cells:
                        result += lines(cell)
            else:
                result.append(item.text)
        return result

    return "\n".join(lines(Document(str(path))))


def drop_task_follow_up(execute: Callable[[str], object]) -> None:
    """Take away what migration 0005 added (directives followed up as tasks), to make an
    archive of an earlier revision; ``execute`` runs one SQL statement."""
    execute("DROP TABLE carried_task")
    for column in ("lead_unit", "partners", "recurrence", "deadline_extensions", "progress", "done_on", "result",
                   "report_number", "report_date"):
        execute(f"ALTER TABLE directive DROP COLUMN {column}")
REPORTS = Path(__file__).parent / "reports"


def report(name: str, key: str, figures: dict[str, Any]) -> None:
    """Keep a test's figures in tests/reports/NAME.json under KEY (docs/reliability.md quotes them)."""
    REPORTS.mkdir(exist_ok=True)
    path = REPORTS / f"{name}.json"
    found = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    found[key] = figures
    path.write_text(json.dumps(found, ensure_ascii=False, indent=2), encoding="utf-8")


def drop_final_records(execute: Callable[[str], Any], dialect: str) -> None:
    """Take an archive back to before final records (migration 0007): its guards, the kept
    versions and the meeting's state go. ``execute`` runs one SQL statement (sqlite3's or
    SQLAlchemy's ``exec_driver_sql``)."""
    if dialect == "sqlite":
        rows = execute("SELECT name FROM sqlite_master WHERE name LIKE 'minutes_app_guard_%'").fetchall()
        statements = [f"DROP TRIGGER {name}" for (name,) in rows]
    else:
        statements = [f"DROP TRIGGER minutes_app_guard ON {table}" for table in SIGNED if table != "person"]
    statements += [f"DROP TABLE {table}" for table in ("meeting_version", "version_photo", "meeting_export")]
    statements += [f"ALTER TABLE meeting DROP COLUMN {column}" for column in ("state", "record_version")]
    for statement in statements:
        execute(statement)
