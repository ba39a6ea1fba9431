"""Photos made ready for a document: decoded, turned upright, scaled down once.

A 12-megapixel photo printed 16 cm wide needs no more than about 1,800 pixels; the
prepared copy is cached by content hash so that exporting the DOCX and then the PDF,
or exporting again, decodes each photo only once.
"""

import io
from collections import OrderedDict
from dataclasses import dataclass
from threading import Lock

from PIL import Image, ImageOps

MAX_SIDE = 1800
# A photo never takes more of the page's height than this, caption and text beside it.
MAX_HEIGHT_SHARE = 0.6
JPEG_QUALITY = 85
_CACHE_SIZE = 64


@dataclass(frozen=True)
class PreparedPicture:
    jpeg: bytes
    width: int
    height: int


def shown_size(picture: PreparedPicture, width: float, page_height: float) -> tuple[float, float]:
    """Width and height in points to show the photo ``width`` wide, or narrower when a
    tall photo would otherwise not fit on a page."""
    height = width * picture.height / picture.width
    limit = page_height * MAX_HEIGHT_SHARE
    if height > limit:
        width, height = width * limit / height, limit
    return width, height


_cache: OrderedDict[str, PreparedPicture] = OrderedDict()
_lock = Lock()


def prepare(data: bytes, sha256: str) -> PreparedPicture:
    """The photo as an upright JPEG at most MAX_SIDE pixels on its longer side."""
    with _lock:
        if sha256 in _cache:
            _cache.move_to_end(sha256)
            return _cache[sha256]
    prepared = _prepare(data)
    with _lock:
        _cache[sha256] = prepared
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return prepared


def _fitted(size: tuple[int, int]) -> tuple[int, int]:
    """``size`` scaled down to at most MAX_SIDE on its longer side."""
    scale = min(1.0, MAX_SIDE / max(size))
    return max(1, round(size[0] * scale)), max(1, round(size[1] * scale))


def _prepare(data: bytes) -> PreparedPicture:
    with Image.open(io.BytesIO(data)) as image:
        # JPEG can decode at 1/2, 1/4 or 1/8 scale directly: far cheaper than full size.
        # Asked for the final size: a square box would keep a 4:3 photo at full size.
        image.draft("RGB", _fitted(image.size))
        upright = ImageOps.exif_transpose(image)
        if upright.mode.startswith("I"):
            # 16-bit greyscale: scale to 8 bits (a plain conversion clips everything to white).
            upright = upright.convert("I").point(lambda value: value * (1 / 256)).convert("L")
        if upright.mode in ("RGBA", "LA", "P", "PA"):
            upright = upright.convert("RGBA")
            background = Image.new("RGB", upright.size, "white")
            background.paste(upright, mask=upright.getchannel("A"))
            upright = background
        elif upright.mode != "RGB":
            upright = upright.convert("RGB")
        upright.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
        buffer = io.BytesIO()
        upright.save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
        return PreparedPicture(buffer.getvalue(), *upright.size)
