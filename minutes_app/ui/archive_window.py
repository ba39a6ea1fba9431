"""The archive window: every meeting in the archive, newest first."""

from PySide6.QtWidgets import QHeaderView, QMainWindow, QTableWidget, QTableWidgetItem

from minutes_app import APP_NAME
from minutes_app.archive import Archive, list_meetings


class ArchiveWindow(QMainWindow):
    def __init__(self, archive: Archive) -> None:
        super().__init__()
        self.archive = archive
        self.setWindowTitle(f"{APP_NAME} — {archive.url}")
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels([self.tr("Ngày"), self.tr("Tên cuộc họp")])
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setAccessibleName(self.tr("Danh sách cuộc họp"))
        self.setCentralWidget(self.table)
        self.resize(900, 600)
        self.refresh()

    def refresh(self) -> None:
        meetings = list_meetings(self.archive)
        self.table.setRowCount(len(meetings))
        for row, meeting in enumerate(meetings):
            self.table.setItem(row, 0, QTableWidgetItem(f"{meeting.starts_at:%d/%m/%Y}"))
            self.table.setItem(row, 1, QTableWidgetItem(meeting.title))
