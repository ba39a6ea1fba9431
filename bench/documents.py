"""Exporting the large meeting's documents from its window, and LibreOffice doing the same PDF.

Each export is measured first in a fresh process, from the meeting's window once its
background work is done (the photos prepared, the libraries, profiles and fonts loaded),
as at a secretary's first export of the day, and then again in the same process. The photos
decoded by each export are counted: none when the window has prepared them, none again.
The article is also exported without a window, where every photo is decoded at export.
"""

import shutil
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.context import Context, Measured
from bench.window import application, open_window
from minutes_app.archive import load_meeting, open_archive
from minutes_app.documents import export_document, pictures

EXPORTS = (("minutes", "docx"), ("minutes", "pdf"), ("press-release", "docx"), ("press-release", "pdf"))


def export_path(context: Context, document: str, fmt: str) -> Path:
    return context.folder / f"{document}.{fmt}"


def _counting(function: Callable[..., Any]) -> tuple[Callable[..., Any], list[int]]:
    calls = [0]

    def counted(*args: Any) -> Any:
        calls[0] += 1
        return function(*args)

    return counted, calls


def export(context: Context, document: str, fmt: str) -> Measured:
    application()
    measured = Measured()
    # Every photo decoded for a document goes through _prepare: count them.
    pictures._prepare, decoded = _counting(pictures._prepare)
    key = f"{document}_{fmt}".replace("press-release", "article")
    with open_archive(context.url) as archive:
        window = open_window(archive, context)
        path = export_path(context, document, fmt)
        photos = []
        for attempt in ("", "_again"):
            decoded[0] = 0
            started = time.perf_counter()
            assert window.exporter.export_to(document, fmt, path), window.statusBar().currentMessage()
            measured.add(key + attempt, time.perf_counter() - started)
            photos.append(decoded[0])
        measured.facts[key] = {"photos decoded, first and again": photos, "bytes": path.stat().st_size}
        window.close()
    return measured


def export_unprepared(context: Context) -> Measured:
    """The article exported in a fresh process without its window (as ``minutes-app export``
    does), to DOCX then to PDF: the DOCX decodes every photo, the PDF reuses them."""
    measured = Measured()
    pictures._prepare, decoded = _counting(pictures._prepare)
    pictures._cache.clear()  # when other measures ran in this process
    with open_archive(context.url) as archive:
        for fmt in ("docx", "pdf"):
            decoded[0] = 0
            started = time.perf_counter()
            with archive.sessions() as session:
                export_document(load_meeting(session, context.meeting_id), "press-release", fmt,
                                export_path(context, "unprepared", fmt))
            measured.add(f"article_{fmt}_unprepared", time.perf_counter() - started)
            measured.facts.setdefault("article without window: photos decoded, DOCX then PDF", []).append(decoded[0])
    return measured


def libreoffice(context: Context) -> Measured:
    """``soffice --convert-to pdf`` of the DOCX files the exports wrote, each run a fresh soffice."""
    measured = Measured()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        measured.facts["skipped"] = "LibreOffice is not installed (Debian package: libreoffice-writer-nogui)"
        return measured
    profile = context.folder / "libreoffice-profile"
    with tempfile.TemporaryDirectory() as out:
        for document in ("minutes", "press-release"):
            docx = export_path(context, document, "docx")
            # The first run creates LibreOffice's profile: not counted.
            for run in range(context.repeats + 1):
                started = time.perf_counter()
                subprocess.run(
                    [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
                     "--outdir", out, str(docx)],
                    check=True, capture_output=True, timeout=600,
                )
                if run:
                    measured.add(f"libreoffice_{document}".replace("press-release", "article"),
                                 time.perf_counter() - started)
            assert (Path(out) / f"{document}.pdf").stat().st_size > 0
    return measured
