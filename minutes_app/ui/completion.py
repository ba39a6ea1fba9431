"""Type-ahead for line edits: suggestions found with the core's FoldedIndex, so typing
'tan' offers 'Phạm Minh Tấn' (Qt's own completer would need the diacritics)."""

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QPoint, QRect, QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit, QStyle

from minutes_app.editing.lookup import FoldedIndex

T = TypeVar("T")


class FoldedCompleter(QCompleter, Generic[T]):
    """Suggests items for the text of ``line``; ``chosen`` is called with the item picked.

    ``more`` adds suggestions after those found (what to offer for a name nobody has)."""

    def __init__(
        self,
        line: QLineEdit,
        label: Callable[[T], str],
        chosen: Callable[[T], None],
        more: Callable[[str, list[T]], list[T]] | None = None,
    ) -> None:
        super().__init__(line)
        self._line = line
        self._label = label
        self._chosen = chosen
        self._more = more
        self._index: FoldedIndex[T] = FoldedIndex([])
        self._found: list[T] = []
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setMaxVisibleItems(10)
        self.setWidget(line)
        line.textEdited.connect(self._update)
        self.activated.connect(self._activated)

    def set_items(self, index: FoldedIndex[T]) -> None:
        self._index = index

    @property
    def found(self) -> list[T]:
        """The suggestions for the text typed last."""
        return self._found

    def _update(self, text: str) -> None:
        found = self._index.find(text) if len(text.strip()) >= 2 else []
        if self._more is not None and text.strip():
            found += self._more(text, found)
        self._found = found
        labels = [self._label(item) for item in found]
        self._model.setStringList(labels)
        if found:
            self.complete(self._popup_rect(labels))
        else:
            self._hide()

    def _popup_rect(self, labels: list[str]) -> QRect:
        """Under the line, wide enough for the longest suggestion (a name with its titles),
        within the window."""
        line = self._line
        popup = self.popup()
        assert popup is not None  # QCompleter makes one
        scrollbar = line.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, line)
        wanted = max(popup.fontMetrics().horizontalAdvance(label) for label in labels) + scrollbar + 24
        window = line.window()
        left = line.mapTo(window, QPoint(0, 0)).x()
        width = max(line.width(), min(wanted, window.width() - 8))
        # Moved left when it would leave the window on the right.
        shift = min(0, window.width() - 4 - (left + width))
        return QRect(max(shift, -left), 0, width, line.height())

    def showing(self) -> bool:
        """Whether the suggestions are on screen."""
        popup = self.popup()
        return popup is not None and popup.isVisible()

    def _hide(self) -> None:
        if (popup := self.popup()) is not None:
            popup.hide()

    def pick_first(self) -> bool:
        """Choose the first suggestion (Enter in the line); False when there is none."""
        if not self._found:
            return False
        self._hide()
        self._chosen(self._found[0])
        return True

    def _activated(self, text: str) -> None:
        for item in self._found:
            if self._label(item) == text:
                self._chosen(item)
                return
