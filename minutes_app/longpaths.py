r"""Paths past Windows' classic limit of 260 characters.

Windows opens such paths only in their extended form (``\\?\C:\…``), unless the machine's
policy enables long paths (LongPathsEnabled), which it does not by default. The extended
form works at any length, so on Windows files chosen by the user are opened through it.
"""

import os
import sys
from pathlib import Path


def long_path(path: Path) -> Path:
    """``path`` as Windows opens it at any length; unchanged elsewhere."""
    if sys.platform == "win32":
        return Path(extended(os.path.abspath(path)))
    return path


def extended(full: str) -> str:
    """The extended form of an absolute, normalised Windows path."""
    if full.startswith("\\\\?\\"):
        return full
    if full.startswith("\\\\"):  # \\server\share\…
        return "\\\\?\\UNC\\" + full[2:]
    return "\\\\?\\" + full
