"""The app's log: the details of unexpected errors, kept in the data folder.

The user sees a short message; what a developer needs to find the cause (the traceback,
the versions, what was being done) goes to ``logs/minutes-app.log``, rotated so that it
never grows past a few megabytes.
"""

import logging
import platform
import traceback
from datetime import datetime
from logging.handlers import RotatingFileHandler
from pathlib import Path

from minutes_app import __version__
from minutes_app.storage import data_dir

LOG_NAME = "minutes-app.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 3

_logger = logging.getLogger("minutes_app.unexpected")
_logger.propagate = False  # the details go to the file, never to a terminal


def log_file() -> Path:
    return data_dir() / "logs" / LOG_NAME


def describe(error: BaseException, limit: int = 200) -> str:
    """The error in one short line, as a message may quote it: 'RuntimeError: …'."""
    text = " ".join(str(error).split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"{type(error).__name__}: {text}" if text else type(error).__name__


def details(error: BaseException, doing: str) -> str:
    """Everything the log keeps about ``error``: when, what was being done, versions, traceback."""
    lines = [
        f"{datetime.now().isoformat(timespec='seconds')} {doing}",
        f"minutes-app {__version__}, Python {platform.python_version()}, {platform.platform()}",
        "".join(traceback.format_exception(error)).rstrip(),
    ]
    return "\n".join(lines)


class _Handler(RotatingFileHandler):
    """A rotating file whose failed writes are noted, not reported on stderr."""

    failed = False

    def handleError(self, record: logging.LogRecord) -> None:
        self.failed = True


def _handler(path: Path) -> _Handler:
    """The file handler for ``path``, made anew when the data folder changed."""
    for handler in _logger.handlers:
        if isinstance(handler, _Handler) and handler.baseFilename == str(path.absolute()):
            return handler
    for handler in list(_logger.handlers):
        _logger.removeHandler(handler)
        handler.close()
    path.parent.mkdir(parents=True, exist_ok=True)
    handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(message)s\n"))
    _logger.addHandler(handler)
    return handler


def record_unexpected(error: BaseException, doing: str) -> tuple[str, Path | None]:
    """Append the details of ``error`` to the log; the details, and the log file or None
    when it could not be written (the details are then only in the message)."""
    text = details(error, doing)
    path = log_file()
    try:
        handler = _handler(path)
    except OSError:
        return text, None
    handler.failed = False
    _logger.error(text)
    return text, None if handler.failed else path
