"""The live preview (F4): the real pages of the minutes, or of the article on its tab,
beside the meeting, scrolled to the part being typed.

A pause in typing, once the autosave has written the change, asks the preview process
(minutes_app.preview) to make the document again from the archive; the process draws
the pages in view as wide as the panel. The window only sends a line to the process
and, when a page is ready, reads its picture: nothing here makes a keystroke wait.
"""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from minutes_app.i18n import language
from minutes_app.preview.client import Message, PreviewClient
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.settings import Settings

PAUSE_MS = 700  # of typing, before the preview is made again
SAVE_WAIT_MS = 3000  # for the autosave; then what is saved is shown all the same
RESIZED_MS = 200  # after the panel's width last changed, its pages are drawn at the new width
MARGIN = 10
GAP = 12
WIDTH = 0.45  # of the window, the first time the preview is shown
PAPER = QColor("white")
DESK = QColor("#8a8f96")


class PreviewPages(QWidget):
    """The pages of the last render one under the other, as wide as the panel; a page not
    drawn yet at this width shows its last picture (or white paper) until it comes."""

    wanted = Signal(int, int)  # page, width in pixels

    def __init__(self) -> None:
        super().__init__()
        self.sizes: list[tuple[float, float]] = []  # in points
        self.images: dict[int, QImage] = {}
        self._fresh: set[int] = set()  # pages whose picture is of this render, at this width
        self._asked: set[int] = set()
        self._resized = QTimer(self, singleShot=True, interval=RESIZED_MS)
        self._resized.timeout.connect(lambda: self.set_pages(self.sizes))
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), DESK)
        self.setPalette(palette)

    def set_pages(self, sizes: list[tuple[float, float]]) -> None:
        self.sizes = sizes
        self.images = {page: image for page, image in self.images.items() if page < len(sizes)}
        self._fresh.clear()
        self._asked.clear()
        self.setMinimumHeight(self.page_rect(len(sizes) - 1).bottom() + MARGIN if sizes else 0)
        self.update()

    def pixel_width(self) -> int:
        """How wide the pictures are drawn: the page's width on this screen."""
        return round((self.width() - 2 * MARGIN) * self.devicePixelRatioF())

    def page_rect(self, page: int) -> QRect:
        width = max(1, self.width() - 2 * MARGIN)
        top = MARGIN
        for index, (w, h) in enumerate(self.sizes):
            height = round(width * h / w)
            if index == page:
                return QRect(MARGIN, top, width, height)
            top += height + GAP
        return QRect(MARGIN, top, width, 0)

    def set_image(self, page: int, width: int, image: QImage) -> None:
        if width != self.pixel_width() or image.isNull() or page >= len(self.sizes):
            return
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.images[page] = image
        self._fresh.add(page)
        self.update(self.page_rect(page))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for page in range(len(self.sizes)):
            rect = self.page_rect(page)
            if not rect.intersects(event.rect()):
                continue
            painter.fillRect(rect, PAPER)
            if page in self.images:
                painter.drawImage(QRectF(rect), self.images[page])
            if page not in self._fresh and page not in self._asked:
                self._asked.add(page)
                self.wanted.emit(page, self.pixel_width())
        painter.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.set_pages(self.sizes)  # the pictures stretched meanwhile
            self._asked = set(range(len(self.sizes)))  # asked again once the resizing stops
            self._resized.start()


class PreviewPanel(QDockWidget):
    """The dock of the preview; ``document`` says which document the window shows now and
    ``anchors`` the words around the cursor (the first the pages hold is scrolled to)."""

    _answered = Signal(object)  # a Message, from the client's thread

    def __init__(
        self, window: QMainWindow, url: str, bridge: EditorBridge, settings: Settings,
        document: Callable[[], str], anchors: Callable[[], list[str]],
    ) -> None:
        super().__init__(self.tr("Xem trước"), window)
        self.setObjectName("preview")
        self.editor = bridge.editor
        self.settings = settings
        self._url = url
        self._document = document
        self._anchors = anchors
        self.client: PreviewClient | None = None
        self.render_id = 0
        self.shown: Message = {}  # the last render shown: its document, pdf, pages, found
        self.rendering = False  # asked the process, no answer yet
        self._again = False  # edited while a render was being made
        self._saved = self.editor.number
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Trạng thái của bản xem trước"))
        self.status.setWordWrap(True)
        self.pages = PreviewPages()
        self.pages.wanted.connect(self._want_page)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setWidget(self.pages)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setAccessibleName(self.tr("Các trang của văn bản"))
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.status)
        layout.addWidget(self.area, 1)
        self.setWidget(content)
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.toggle = self.toggleViewAction()
        self.toggle.setText(self.tr("&Xem trước văn bản"))
        self.toggle.setShortcut("F4")
        self._pause = QTimer(self, singleShot=True, interval=PAUSE_MS)
        self._pause.timeout.connect(self.refresh)
        self._save_wait = QTimer(self, singleShot=True, interval=SAVE_WAIT_MS)
        self._save_wait.timeout.connect(lambda: self.refresh(saved_or_not=True))
        self._answered.connect(self._answer)
        bridge.changed.connect(self._edited)
        bridge.saved.connect(self._written)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self)
        self.setVisible(settings.preview_shown)
        self.toggle.toggled.connect(self._toggled)
        self.visibilityChanged.connect(lambda visible: self.refresh() if visible else None)

    # --- when to render ----------------------------------------------------------------

    def _toggled(self, shown: bool) -> None:
        self.settings.preview_shown = shown
        if shown and self.parent() is not None:
            window = self.parentWidget()
            assert isinstance(window, QMainWindow)
            width = self.settings.preview_width or round(window.width() * WIDTH)
            window.resizeDocks([self], [width], Qt.Orientation.Horizontal)

    def _edited(self, _event: object) -> None:
        self._pause.start()  # all a keystroke costs here

    def _written(self, number: int) -> None:
        self._saved = max(self._saved, number)
        if self._save_wait.isActive() and self._saved >= self.editor.number:
            self._save_wait.stop()
            self.refresh()

    def refresh(self, saved_or_not: bool = False) -> None:
        """Make the document again, now if what is typed is saved, else once it is."""
        if self.isHidden():
            return
        if self.rendering:
            self._again = True
            return
        if self._saved < self.editor.number and not saved_or_not:
            if not self._save_wait.isActive():
                self._save_wait.start()
            return
        self._save_wait.stop()
        if self.client is None:
            self.client = PreviewClient(self._url, self.editor.meeting.id, language(), self._answered.emit)
        self.rendering = True
        self._again = False
        self.render_id += 1
        self.client.render(self.render_id, self._document(), self._anchors())
        if not self.pages.sizes:
            self.status.setText(self.tr("Đang dựng bản xem trước…"))

    # --- what the process answers ----------------------------------------------------

    def _want_page(self, page: int, width: int) -> None:
        if self.client is not None and self.shown:
            self.client.page(int(self.shown["rendered"]), page, width)

    def _answer(self, message: Message) -> None:
        if "rendered" in message:
            self._rendered(message)
        elif "page" in message and message.get("id") == self.shown.get("rendered"):
            self.pages.set_image(int(message["page"]), int(message["width"]), QImage(str(message["file"])))
        elif "error" in message:
            self.status.setText(str(message["error"]))
        elif message.get("ended"):
            self.rendering = False
            self.client = None  # started again at the next change
            self.status.setText(self.tr("Bản xem trước đã dừng; sẽ dựng lại khi có thay đổi."))

    def _rendered(self, message: Message) -> None:
        self.rendering = False
        if message["rendered"] != self.render_id:
            return
        if "error" in message:
            self.status.setText(str(message["error"]))
        else:
            names = {"minutes": self.tr("Biên bản"), "press-release": self.tr("Tin bài")}
            self.status.setText(self.tr("{document}, {pages} trang, cập nhật lúc {time}").format(
                document=names.get(str(message["document"]), ""), pages=len(message["pages"]),
                time=datetime.now().strftime("%H:%M:%S")))
            self.shown = message
            self.pages.set_pages([(float(w), float(h)) for w, h in message["pages"]])
            self.scroll_to_found(message.get("found"))
        if self._again:
            self._pause.start()

    def scroll_to_found(self, found: Any) -> None:
        """The place being edited a third of the way down the panel."""
        if not found:
            return
        rect = self.pages.page_rect(int(found["page"]))
        place = rect.top() + round(float(found["y"]) * rect.height())
        self.area.verticalScrollBar().setValue(max(0, place - self.area.viewport().height() // 3))

    def close_process(self) -> None:
        if not self.isHidden():
            self.settings.preview_width = self.width()
        self._pause.stop()
        self._save_wait.stop()
        if self.client is not None:
            self.client.close()
            self.client = None
