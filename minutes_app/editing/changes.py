"""Row changes on their way to the disk, and how later ones fold into earlier ones.

The editor hands each change over as soon as it is made; the autosave writer keeps at
most one pending change per row, so a burst of typing becomes one UPDATE.
"""

from dataclasses import dataclass, field
from typing import Any

# The tables in the order their rows may be inserted (a row after the rows it refers to).
TABLE_ORDER = (
    "person", "meeting", "attendance", "photo", "speech", "topic", "directive", "carried_task", "press_release",
)


@dataclass(frozen=True)
class RowKey:
    table: str
    id: Any  # the primary key: a UUID, or an int for a meeting and a press release


@dataclass
class Insert:
    values: dict[str, Any]


@dataclass
class Update:
    values: dict[str, Any]
    # The row's version as the editor last knew it; the writer checks it on the disk.
    expected_version: int


@dataclass
class Delete:
    expected_version: int


Change = Insert | Update | Delete


def merge(earlier: Change | None, later: Change) -> Change | None:
    """One change with the effect of ``earlier`` then ``later``; None when nothing is left."""
    match earlier, later:
        case None, _:
            return later
        case Insert(), Update():
            return Insert(earlier.values | later.values)
        case Insert(), Delete():
            return None  # never reached the disk
        case Update(), Update():
            return Update(earlier.values | later.values, earlier.expected_version)
        case Update(), Delete():
            return Delete(earlier.expected_version)
        case Delete(), Insert():
            # Undo of a delete that has not been written: the row is still on the disk.
            values = {k: v for k, v in later.values.items() if k != "version"}
            return Update(values, earlier.expected_version)
    raise ValueError(f"cannot follow {earlier!r} with {later!r}")


@dataclass
class Batch:
    """Pending changes, at most one per row, and the number of the last change they hold."""

    rows: dict[RowKey, Change] = field(default_factory=dict)
    last_number: int = 0

    def add(self, key: RowKey, change: Change) -> None:
        merged = merge(self.rows.pop(key, None), change)
        if merged is not None:
            self.rows[key] = merged

    def absorb(self, later: "Batch") -> None:
        """Add every change of ``later`` after this batch's own."""
        for key, change in later.rows.items():
            self.add(key, change)
        self.last_number = max(self.last_number, later.last_number)

    def in_write_order(self) -> list[tuple[RowKey, Change]]:
        """Inserts parents first, then updates, then deletes children first."""

        def rank(item: tuple[RowKey, Change]) -> tuple[int, int]:
            key, change = item
            table = TABLE_ORDER.index(key.table)
            if isinstance(change, Insert):
                return (0, table)
            if isinstance(change, Update):
                return (1, table)
            return (2, -table)

        return sorted(self.rows.items(), key=rank)

