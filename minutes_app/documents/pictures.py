"""Photos made ready for a document: decoded, turned upright, scaled down once.

A 12-megapixel photo printed 16 cm wide needs no more than about 1,800 pixels; the
prepared copy is cached by content hash so that exporting the DOCX and then the PDF,
or exporting again, decodes each photo only once. A document prepares its photos on
every core before it is drawn; the meeting window prepares them while it is idle.
"""

import io
import os
from collections import OrderedDict
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from threading import Event, Lock

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
# Photos being prepared, by content hash: another thread that needs one waits for it.
_busy: dict[str, Event] = {}


def prepare(sha256: str, load: Callable[[], bytes]) -> PreparedPicture:
    """The photo whose content hash is ``sha256`` as an upright JPEG at most MAX_SIDE pixels
    on its longer side. ``load`` gives the photo's bytes; it is called only when the photo
    is not prepared yet."""
    while True:
        with _lock:
            if sha256 in _cache:
                _cache.move_to_end(sha256)
                return _cache[sha256]
            busy = _busy.get(sha256)
            if busy is None:
                busy = _busy[sha256] = Event()
                break
        busy.wait()
    try:
        prepared = _prepare(load())
        with _lock:
            _cache[sha256] = prepared
            while len(_cache) > _CACHE_SIZE:
                _cache.popitem(last=False)
    finally:
        with _lock:
            del _busy[sha256]
        busy.set()
    return prepared


def prepare_all(photos: Iterable[tuple[str, Callable[[], bytes]]]) -> None:
    """Prepare these photos (content hash, loader) on every core. The bytes are read here,
    one photo after another and only a few ahead of the decoding: a loader may use a
    database session, which threads must not share, and forty 4 MB photos need not all be
    in memory at once."""
    workers = os.cpu_count() or 1
    with ThreadPoolExecutor(workers, thread_name_prefix="pictures") as pool:
        running: set[Future[PreparedPicture]] = set()
        for sha256, load in dict(photos).items():
            with _lock:
                if sha256 in _cache:
                    continue
            if len(running) >= 2 * workers:
                done, running = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    future.result()
            running.add(pool.submit(prepare, sha256, _loaded(load())))
        for future in running:
            future.result()


def _loaded(data: bytes) -> Callable[[], bytes]:
    """A loader of bytes already read."""
    return lambda: data


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
