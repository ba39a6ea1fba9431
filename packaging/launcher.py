"""The bundle's entry point: the same ``minutes-app`` command as the wheel installs."""

import os
import sys

if sys.platform == "win32" and sys.stdout is None and len(sys.argv) > 1:
    # minutes-app.exe is a window program, with no output of its own: started with arguments
    # from a console (`minutes-app.exe --version`, a command), it writes to that console as
    # minutes-app-cli.exe does. Nobody answers its questions there: the console is the shell's.
    import ctypes

    if ctypes.windll.kernel32.AttachConsole(-1):  # ATTACH_PARENT_PROCESS
        sys.stdout = open("CONOUT$", "w", encoding="utf-8")
        sys.stderr = open("CONOUT$", "w", encoding="utf-8")
        sys.stdin = open(os.devnull, encoding="utf-8")

from minutes_app.cli import main  # noqa: E402

sys.exit(main())
