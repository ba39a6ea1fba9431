"""Documents drafted from the record that the user may edit: the news article and the
notice of conclusions.

Until the user edits one, it is drafted afresh from the record each time it is shown or
exported, so it follows every change to the minutes. The first edit keeps the whole
document as edited, a list of blocks in a JSON column of the meeting's press release or
notice; re-drafting clears it and keeps the edited blocks in ``<column>_previous``, from
where they can be restored.
"""

from dataclasses import dataclass
from typing import Any

from minutes_app.model import ConclusionsNotice, Meeting, PressRelease

Stored = list[dict[str, Any]]


@dataclass(frozen=True)
class EditedText:
    """Where one document keeps its edited blocks: a column of a row the meeting has one of."""

    table: str  # the meeting's attribute and table: 'press_release', 'conclusions_notice'
    column: str

    @property
    def previous(self) -> str:
        return f"{self.column}_previous"

    def row(self, meeting: Meeting) -> PressRelease | ConclusionsNotice | None:
        row: PressRelease | ConclusionsNotice | None = getattr(meeting, self.table)
        return row

    def stored(self, meeting: Meeting) -> Stored | None:
        """The edited blocks; None while the document is drafted from the record."""
        row = self.row(meeting)
        return getattr(row, self.column) if row is not None else None

    def is_edited(self, meeting: Meeting) -> bool:
        return self.stored(meeting) is not None

    def redraft_values(self, meeting: Meeting) -> dict[str, Any]:
        """The fields to set to draft again from the record; edited text is kept aside."""
        stored = self.stored(meeting)
        return {self.column: None} if stored is None else {self.column: None, self.previous: stored}

    def restore_values(self, meeting: Meeting) -> dict[str, Any]:
        """The fields to set to bring back the text the last re-draft replaced."""
        row = self.row(meeting)
        previous = getattr(row, self.previous) if row is not None else None
        return {} if previous is None else {self.column: previous, self.previous: None}


ARTICLE = EditedText("press_release", "article")
NOTICE = EditedText("conclusions_notice", "blocks")
