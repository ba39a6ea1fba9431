"""Photos the user adds from files."""

import hashlib
import io
import uuid
from pathlib import Path

from PIL import Image, ImageOps

from minutes_app.archive_files import refuse_archive_file
from minutes_app.i18n import _
from minutes_app.images import BadImage, inspect_image
from minutes_app.model import Photo


def photo_from_file(path: Path) -> Photo:
    """A new photo row from a picture file; raises BadImage with a message for the user."""
    try:
        refuse_archive_file(path)
        data = path.read_bytes()
    except OSError as error:
        raise BadImage(
            _("không đọc được tệp ảnh “{file}” ({reason})").format(file=path, reason=error.strerror)
        ) from None
    try:
        info = inspect_image(data)
    except BadImage as error:
        raise BadImage(f"“{path.name}”: {error}") from None
    return Photo(
        id=uuid.uuid4(),
        file_name=path.name,
        media_type=info.media_type,
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        version=1,
    )


def thumbnail_png(data: bytes, edge: int) -> bytes:
    """A small PNG of the picture, at most ``edge`` pixels on its longer side."""
    with Image.open(io.BytesIO(data)) as opened:
        opened.draft("RGB", (edge, edge))  # JPEG decodes at reduced size: fast for big photos
        image = ImageOps.exif_transpose(opened).convert("RGB")
        image.thumbnail((edge, edge))
        out = io.BytesIO()
        image.save(out, "PNG")
        return out.getvalue()
