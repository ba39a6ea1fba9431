"""The archive list as a table model: light rows, read a page at a time as the list is
scrolled, so an archive of ten thousand meetings shows, and searches, at once."""

from typing import Any

from PySide6.QtCore import QAbstractTableModel, Qt

from minutes_app.archive import Archive, MeetingSummary, list_meetings
from minutes_app.ui.row_table import ROOT, Index

# More than a screen holds; the next page is read when the list is scrolled to its end.
PAGE = 200


class ArchiveModel(QAbstractTableModel):
    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.meetings: list[MeetingSummary] = []
        self._query = ""
        self._more = False
        self.headers = [self.tr("Ngày"), self.tr("Tên cuộc họp"), self.tr("Cơ quan tổ chức")]

    def refresh(self, query: str = "") -> None:
        self.beginResetModel()
        self._query = query
        self.meetings = list_meetings(self.archive, query, limit=PAGE)
        self._more = len(self.meetings) == PAGE
        self.endResetModel()

    def row_of(self, meeting_id: int) -> int:
        return next((row for row, m in enumerate(self.meetings) if m.id == meeting_id), -1)

    def update(self, summary: MeetingSummary) -> bool:
        """Show a meeting's line as edited; False if it is not listed or would move (a new time)."""
        row = self.row_of(summary.id)
        if row < 0 or self.meetings[row].starts_at != summary.starts_at:
            return False
        self.meetings[row] = summary
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        return True

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = ROOT) -> None:
        page = list_meetings(self.archive, self._query, after=self.meetings[-1], limit=PAGE)
        self._more = len(page) == PAGE
        if page:
            self.beginInsertRows(ROOT, len(self.meetings), len(self.meetings) + len(page) - 1)
            self.meetings += page
            self.endInsertRows()

    def rowCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.meetings)

    def columnCount(self, parent: Index = ROOT) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        meeting = self.meetings[index.row()]
        match index.column():
            case 0:
                return f"{meeting.starts_at:%d/%m/%Y %H:%M}"
            case 1:
                return meeting.title or self.tr("(chưa có tên)")
            case _:
                return meeting.organizer_name
