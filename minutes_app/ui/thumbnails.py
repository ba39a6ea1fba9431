"""Thumbnails of photos, made on a worker thread so the window never waits for them."""

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal
from sqlalchemy.exc import SQLAlchemyError

from minutes_app.editing.photos import thumbnail_png

THUMB = 160


class Thumbnails(QObject):
    """Makes thumbnails on a worker thread; ``ready`` brings each back to the window."""

    ready = Signal(object, bytes)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="thumbnails")

    def request(self, key: object, load: Callable[[], bytes], edge: int = THUMB) -> None:
        """Make the thumbnail of the bytes ``load`` gives (it may query the archive)."""

        def work() -> None:
            try:
                self.ready.emit(key, thumbnail_png(load(), edge))
            except (OSError, ValueError, SQLAlchemyError):
                pass  # a thumbnail that cannot be made leaves the item without a picture

        self._pool.submit(work)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
