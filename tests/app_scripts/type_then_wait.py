"""Run inside the real app (MINUTES_APP_UI_SCRIPT): open a meeting, start a speech and
type into it like a person, one key every 30 ms, reporting each key on stdout."""

import os
import sys
import time

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

meeting_window = window.open_meeting(int(os.environ["MEETING_ID"]))  # noqa: F821 (given by the app)
meeting_window.new_speech()
editor_widget = meeting_window.proceedings.summary
text = os.environ["TEXT"]
typed = 0


def type_one() -> None:
    global typed
    QTest.sendKeyEvent(QTest.KeyAction.Click, editor_widget, Qt.Key.Key_unknown, text[typed],
                       Qt.KeyboardModifier.NoModifier)
    typed += 1
    print(f"typed {typed} {time.time():.3f}", flush=True)
    if typed < len(text):
        QTimer.singleShot(30, type_one)
    else:
        print("done", flush=True)
        sys.stdout.flush()


QTimer.singleShot(100, type_one)
