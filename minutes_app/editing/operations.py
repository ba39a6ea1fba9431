"""The primitive changes an edit is made of, and the undo history built from them.

Every operation of the editor is a list of these primitives; undoing it applies their
inverses in reverse order. Each primitive knows only how to ask the editor to do it.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

# Typing after a pause this long starts a new undo step: Ctrl+Z takes back a burst of
# typing, not the whole summary of a long speech.
TYPING_PAUSE = 2.0


class Target(Protocol):
    """What the primitives act on (the editor)."""

    def _set(self, row: Any, name: str, value: Any) -> None: ...
    def _insert(self, collection: str, row: Any, index: int) -> None: ...
    def _remove(self, collection: str, index: int) -> None: ...
    def _move(self, collection: str, source: int, target: int) -> None: ...


@dataclass
class SetField:
    row: Any
    name: str
    old: Any
    new: Any

    def apply(self, target: Target) -> None:
        target._set(self.row, self.name, self.new)

    def inverse(self) -> "SetField":
        return SetField(self.row, self.name, self.new, self.old)


@dataclass
class InsertRow:
    collection: str
    row: Any
    index: int

    def apply(self, target: Target) -> None:
        target._insert(self.collection, self.row, self.index)

    def inverse(self) -> "RemoveRow":
        return RemoveRow(self.collection, self.row, self.index)


@dataclass
class RemoveRow:
    collection: str
    row: Any
    index: int

    def apply(self, target: Target) -> None:
        target._remove(self.collection, self.index)

    def inverse(self) -> InsertRow:
        return InsertRow(self.collection, self.row, self.index)


@dataclass
class MoveRow:
    collection: str
    source: int
    target: int

    def apply(self, target: Target) -> None:
        target._move(self.collection, self.source, self.target)

    def inverse(self) -> "MoveRow":
        return MoveRow(self.collection, self.target, self.source)


Primitive = SetField | InsertRow | RemoveRow | MoveRow


@dataclass
class Step:
    """One undoable edit; typing in one field keeps adding to the same step."""

    primitives: list[Primitive]
    merge_key: object = None

    def absorb(self, primitives: list[Primitive]) -> None:
        """Add later primitives; a field set again keeps its first old value."""
        for primitive in primitives:
            earlier = next(
                (
                    p
                    for p in self.primitives
                    if isinstance(p, SetField)
                    and isinstance(primitive, SetField)
                    and p.row is primitive.row
                    and p.name == primitive.name
                ),
                None,
            )
            if earlier is not None and isinstance(primitive, SetField):
                earlier.new = primitive.new
            else:
                self.primitives.append(primitive)


@dataclass
class History:
    done: list[Step] = field(default_factory=list)
    undone: list[Step] = field(default_factory=list)
    # Whether the next edit with the top step's merge key may join it.
    open: bool = False
    clock: Callable[[], float] = time.monotonic
    _last_at: float = 0.0

    def record(self, primitives: list[Primitive], merge_key: object) -> None:
        top = self.done[-1] if self.done else None
        now = self.clock()
        if (
            self.open
            and merge_key is not None
            and top is not None
            and top.merge_key == merge_key
            and now - self._last_at < TYPING_PAUSE
        ):
            top.absorb(primitives)
        else:
            self.done.append(Step(primitives, merge_key))
        self.undone.clear()
        self.open = merge_key is not None
        self._last_at = now

    def seal(self) -> None:
        """The next edit starts a new step, even in the same field."""
        self.open = False
