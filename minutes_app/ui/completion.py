"""Type-ahead for line edits: suggestions found with the core's FoldedIndex, so typing
'tan' offers 'Phạm Minh Tấn' (Qt's own completer would need the diacritics)."""

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import QCompleter, QLineEdit

from minutes_app.editing.lookup import FoldedIndex

T = TypeVar("T")


class FoldedCompleter(QCompleter, Generic[T]):
    """Suggests items for the text of ``line``; ``chosen`` is called with the item picked."""

    def __init__(
        self,
        line: QLineEdit,
        label: Callable[[T], str],
        chosen: Callable[[T], None],
    ) -> None:
        super().__init__(line)
        self._line = line
        self._label = label
        self._chosen = chosen
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

    def _update(self, text: str) -> None:
        self._found = self._index.find(text) if len(text.strip()) >= 2 else []
        self._model.setStringList([self._label(item) for item in self._found])
        if self._found:
            self.complete()
        else:
            self._hide()

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
