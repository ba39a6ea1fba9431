"""Run inside the real app: say ``ready`` once the window is shown, ``asked`` each time a later
start asks for the window; quit after QUIT_AFTER seconds if that is set."""

import os

from PySide6.QtCore import QTimer

beacon.asked.connect(lambda: print(f"asked {int(window.isVisible())}", flush=True))  # noqa: F821 (given by the app)
print("ready", flush=True)
if quit_after := os.environ.get("QUIT_AFTER"):
    QTimer.singleShot(int(float(quit_after) * 1000), app.quit)  # noqa: F821
