"""Starting the app's helper processes (audio, preview): this Python, or this bundle's program."""

import sys
from pathlib import Path


def worker_command(argument: str) -> list[str]:
    """The command that starts the app with ``argument`` (cli.WORKER_ARG, cli.PREVIEW_ARG)."""
    if getattr(sys, "frozen", False):
        program = Path(sys.executable)
        # On Windows the window's program has no console streams: its console twin does.
        console = program.with_name("minutes-app-cli.exe")
        return [str(console if console.exists() else program), argument]
    # -P: the package installed, never a folder of the same name where the app was started.
    return [sys.executable, "-P", "-m", "minutes_app", argument]
