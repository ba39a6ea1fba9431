"""The preview of an attendee list before it is added: the rows read and the rows refused."""

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from minutes_app.editing.editor import NewAttendee


class ImportPreview(QDialog):
    def __init__(
        self, parent: QWidget, path: Path, attendees: list[NewAttendee], problems: list[str],
        converted_from: list[str] | None = None,
    ) -> None:
        super().__init__(parent)
        self.attendees = attendees
        self.setWindowTitle(self.tr("Nhập danh sách đại biểu: {file}").format(file=path.name))
        layout = QVBoxLayout(self)
        self.converted = QLabel()
        if converted_from:
            self.converted.setText(self.tr(
                "Chữ trong tệp được chuyển sang Unicode từ bảng mã {codes}: hãy xem lại tên và chức vụ "
                "trước khi thêm."
            ).format(codes=", ".join(converted_from)))
            self.converted.setWordWrap(True)
            layout.addWidget(self.converted)
        layout.addWidget(QLabel(self.tr("Sẽ thêm {n} đại biểu:").format(n=len(attendees))))
        table = QTableWidget(len(attendees), 4)
        table.setAccessibleName(self.tr("Các đại biểu sẽ được thêm"))
        table.setHorizontalHeaderLabels(
            [self.tr("Họ và tên"), self.tr("Chức vụ"), self.tr("Nhóm"), self.tr("Đã có trong danh bạ")]
        )
        for row, new in enumerate(attendees):
            cells = [new.name, "; ".join(new.titles), new.group or "",
                     self.tr("có") if new.person_id else ""]
            for column, text in enumerate(cells):
                table.setItem(row, column, QTableWidgetItem(text))
        table.resizeColumnsToContents()
        layout.addWidget(table, 1)
        self.problems = QListWidget()
        self.problems.setAccessibleName(self.tr("Các dòng có lỗi"))
        self.problems.addItems(problems)
        if problems:
            layout.addWidget(QLabel(self.tr("Các dòng sau không được thêm:")))
            layout.addWidget(self.problems)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        add = buttons.addButton(self.tr("Thêm"), QDialogButtonBox.ButtonRole.AcceptRole)
        add.setEnabled(bool(attendees))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 480)
