"""Type-ahead that ignores diacritics and case: 'tan' finds 'Phạm Minh Tấn', 'dang' 'Đặng'.

The lists are small enough (a directory of people, a meeting's attendees, the
directory of bodies) to be folded once and filtered in memory at each keystroke.
"""

from collections.abc import Iterable
from typing import Generic, TypeVar

from minutes_app.search import terms

T = TypeVar("T")


class FoldedIndex(Generic[T]):
    """Items found by words: each word typed starts a word of the item's text."""

    def __init__(self, items: Iterable[tuple[T, str]]) -> None:
        self._items = [(item, tuple(terms(text))) for item, text in items]

    def __len__(self) -> int:
        return len(self._items)

    def find(self, query: str, limit: int = 12) -> list[T]:
        words = terms(query)
        if not words:
            return []
        found: list[T] = []
        for item, item_words in self._items:
            if all(any(w.startswith(q) for w in item_words) for q in words):
                found.append(item)
                if len(found) == limit:
                    break
        return found

