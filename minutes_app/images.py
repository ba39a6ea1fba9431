"""Checking photos the user brings in: real JPEG or PNG pictures of a sane size."""

import io
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from minutes_app.i18n import _

MEDIA_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png"}
EXTENSIONS = {"image/jpeg": ".jpg", "image/png": ".png"}
# 100 megapixels: four times a 24 MP camera; beyond that it is a mistake or an attack.
MAX_PIXELS = 100_000_000


class BadImage(ValueError):
    """The bytes are not a photo the app can use; the message says why, for the user."""


@dataclass(frozen=True)
class ImageInfo:
    media_type: str
    width: int
    height: int


def inspect_image(data: bytes) -> ImageInfo:
    """What the photo is, after decoding it all; raises BadImage otherwise."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                media_type = MEDIA_TYPES.get(image.format or "")
                if media_type is None:
                    raise BadImage(_("không phải ảnh JPEG hoặc PNG"))
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise BadImage(
                        _("ảnh quá lớn ({width} × {height} điểm ảnh)").format(
                            width=width, height=height
                        )
                    )
                # Decoding at reduced scale still reads the whole stream, so a
                # truncated or corrupt file is caught without the cost of full size.
                image.draft("RGB", (max(1, width // 8), max(1, height // 8)))
                image.load()
    except BadImage:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise BadImage(_("ảnh quá lớn")) from None
    except (OSError, ValueError, SyntaxError, UnidentifiedImageError):
        raise BadImage(_("không phải ảnh JPEG hoặc PNG hợp lệ (tệp hỏng hoặc không đầy đủ)")) from None
    return ImageInfo(media_type, width, height)
