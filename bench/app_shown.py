"""Run inside the started app (MINUTES_APP_UI_SCRIPT) once its archive window is shown:
paint it, say when and what was loaded, and leave at once (closing would back the archive up)."""

import json
import os
import sys
import time
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from minutes_app.ui.archive_window import ArchiveWindow

# Modules the app needs only to export, migrate, import files or print: not at start.
NOT_AT_START = ("alembic", "docx", "reportlab", "jsonschema", "openpyxl", "pypdfium2", "fontTools")
window: "ArchiveWindow"  # given by the app

window.repaint()  # noqa: F821 (given by the app)
shown = time.time()
loaded = [name for name in NOT_AT_START if name in sys.modules]
rows = window.model.rowCount()  # noqa: F821
print(json.dumps({"shown": shown, "loaded": loaded, "rows": rows}), flush=True)
os._exit(0)
