"""Peak memory of the app with the large meeting open from the archive window and both
documents exported in both formats, in a fresh process."""

import re
from pathlib import Path

from bench.context import Context, Measured
from bench.documents import EXPORTS, export_path
from bench.window import application, background_done, settings, wait_until
from minutes_app.archive import open_archive
from minutes_app.ui.archive_window import ArchiveWindow


def peak_memory(context: Context) -> Measured:
    app = application()
    measured = Measured()
    with open_archive(context.url) as archive:
        archive_window = ArchiveWindow(archive, settings(context))
        archive_window.show()
        app.processEvents()
        window = archive_window.open_meeting(context.meeting_id)
        window.exporter.open_results = False
        wait_until(lambda: background_done(window))
        for document, fmt in EXPORTS:
            assert window.exporter.export_to(document, fmt, export_path(context, document, fmt))
        measured.add("peak_rss", _peak_resident_bytes())
        window.close()
        archive_window.hide()
    return measured


def _peak_resident_bytes() -> int:
    """The process's peak resident set (VmHWM). Not getrusage's ru_maxrss: Linux carries
    over into it the peak of the process that started this one (the runner, large when
    it has just generated the data)."""
    found = re.search(r"^VmHWM:\s*(\d+) kB", Path("/proc/self/status").read_text(), re.MULTILINE)
    assert found is not None
    return int(found.group(1)) * 1024
