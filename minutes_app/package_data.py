"""Files shipped with the app (schema, style profiles, fonts, translations, icons)."""

import atexit
from contextlib import ExitStack
from functools import cache
from importlib.resources import as_file, files
from importlib.resources.abc import Traversable
from pathlib import Path

# Files copied out of a zipped package for libraries that want a file name; removed at exit.
_extracted = ExitStack()
atexit.register(_extracted.close)


def resource(*parts: str) -> Traversable:
    """The shipped file or folder at ``resources/<parts>``, wherever the app runs from."""
    return files("minutes_app.resources").joinpath(*parts)


@cache
def resource_file(*parts: str) -> Path:
    """The shipped file at ``resources/<parts>`` as a file on disk (fonts, Qt translations).

    It is the file itself from a checkout, an installed wheel or the bundle; a temporary
    copy only when the package is imported from a zip archive.
    """
    return _extracted.enter_context(as_file(resource(*parts)))
