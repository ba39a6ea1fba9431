"""Run inside the real app: print the last speech of a meeting as the window shows it, then quit."""

import json
import os

from PySide6.QtCore import QTimer

meeting_window = window.open_meeting(int(os.environ["MEETING_ID"]))  # noqa: F821 (given by the app)
proceedings = meeting_window.proceedings
print(json.dumps({"summary": proceedings.summary.toPlainText()}, ensure_ascii=False), flush=True)
QTimer.singleShot(0, app.quit)  # noqa: F821
