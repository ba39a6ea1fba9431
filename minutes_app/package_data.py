"""Files shipped with the app (schema, style profiles, fonts, translations, icons)."""

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """The shipped file or folder at ``resources/<parts>``, wherever the app runs from."""
    return files("minutes_app.resources").joinpath(*parts)
