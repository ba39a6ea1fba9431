"""Documents made from a meeting record: the minutes and the news article.

Each document is composed once into neutral blocks; the DOCX and PDF renderers draw
those same blocks.
"""

from pathlib import Path

from minutes_app.i18n import _
from minutes_app.model import Meeting

DOCUMENTS = ("minutes", "press-release")
FORMATS = ("docx", "pdf")


class ExportError(Exception):
    """An export that could not be made; the message is for the user."""


def export_document(meeting: Meeting, document: str, fmt: str, path: Path) -> None:
    """Write ``document`` ('minutes' or 'press-release') of ``meeting`` to ``path`` as ``fmt``."""
    raise ExportError(
        _("Văn bản “{document}” chưa có trong phiên bản này của ứng dụng.").format(document=document)
    )
