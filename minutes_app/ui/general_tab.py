"""The General tab: title, organiser, number, place, times, chair and secretary, agenda."""

from datetime import datetime

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from minutes_app.editing.editor import FieldChanged, RowInserted, RowRemoved
from minutes_app.model import Attendance, Style
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.dates import qt_datetime
from minutes_app.ui.fields import FieldBinding, UndoKeys, route_undo_keys


def _now() -> datetime:
    return datetime.now().replace(second=0, microsecond=0)


def _to_minute(value: QDateTime) -> datetime:
    """The date and time shown, to the minute."""
    day, clock = value.date(), value.time()
    return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())


class GeneralTab(QWidget):
    def __init__(self, bridge: EditorBridge, keys: UndoKeys) -> None:
        super().__init__()
        self.bridge = bridge
        self.editor = bridge.editor
        meeting = self.editor.meeting
        form = QFormLayout(self)

        self.style_box = QComboBox()
        self.style_box.addItem(self.tr("Văn bản chính quyền (Nghị định 30/2020/NĐ-CP)"), Style.STATE)
        self.style_box.addItem(self.tr("Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)"), Style.PARTY)
        self.style_box.setCurrentIndex(max(0, self.style_box.findData(meeting.style)))
        self.style_box.activated.connect(
            lambda i: self.editor.set_field(meeting, "style", self.style_box.itemData(i))
        )

        self.lines: dict[str, QLineEdit] = {}
        labels = {
            "title": self.tr("&Tên cuộc họp"),
            "organizer_name": self.tr("Cơ quan &tổ chức"),
            "organizer_parent": self.tr("Cơ quan &chủ quản"),
            "organizer_code": self.tr("Ký hiệu cơ &quan"),
            "document_number": self.tr("&Số biên bản"),
            "place_name": self.tr("Địa &danh"),
            "venue": self.tr("Địa đ&iểm"),
        }
        for name, label in labels.items():
            line = QLineEdit()
            line.setAccessibleName(label.replace("&", ""))
            FieldBinding(bridge, line, name, meeting)
            route_undo_keys(line, keys)
            self.lines[name] = line
        form.addRow(self.tr("&Kiểu văn bản"), self.style_box)
        self.style_box.setAccessibleName(self.tr("Kiểu văn bản"))
        for name, label in labels.items():
            form.addRow(label, self.lines[name])

        self.starts = self._time_row(form, "starts_at", self.tr("&Bắt đầu"), self.tr("Bắt đầu ngay"))
        self.ends = self._time_row(form, "ends_at", self.tr("Kết thú&c"), self.tr("Kết thúc ngay"))

        self.chair = QComboBox()
        self.chair.setAccessibleName(self.tr("Chủ trì"))
        self.secretary = QComboBox()
        self.secretary.setAccessibleName(self.tr("Thư ký"))
        self.chair.activated.connect(lambda i: self.editor.set_chair(self.chair.itemData(i)))
        self.secretary.activated.connect(lambda i: self.editor.set_secretary(self.secretary.itemData(i)))
        form.addRow(self.tr("C&hủ trì"), self.chair)
        form.addRow(self.tr("Thư &ký"), self.secretary)

        self.agenda = QPlainTextEdit()
        self.agenda.setAccessibleName(self.tr("Chương trình, mỗi dòng một mục"))
        self.agenda.setPlaceholderText(self.tr("Mỗi dòng một mục"))
        self.agenda.setTabChangesFocus(True)
        FieldBinding(
            bridge, self.agenda, "agenda", meeting,
            write=lambda row, text, typing: self.editor.set_field(row, "agenda", text.split("\n"), typing),
            read=lambda row: "\n".join(row.agenda),
        )
        route_undo_keys(self.agenda, keys)
        form.addRow(self.tr("Chương t&rình"), self.agenda)
        self._fill_people()
        bridge.changed.connect(self._changed)

    def _time_row(self, form: QFormLayout, name: str, label: str, now_label: str) -> QDateTimeEdit:
        meeting = self.editor.meeting
        edit = QDateTimeEdit()
        edit.setDisplayFormat("dd/MM/yyyy HH:mm")
        edit.setCalendarPopup(True)
        edit.setAccessibleName(label.replace("&", ""))
        value = getattr(meeting, name)
        edit.setDateTime(qt_datetime(value or _now()))
        edit.editingFinished.connect(
            lambda: self.editor.set_field(meeting, name, _to_minute(edit.dateTime()))
        )
        button = QPushButton(now_label)
        button.setAccessibleName(now_label)
        button.clicked.connect(lambda: self.editor.set_field(meeting, name, _now()))
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(button)
        caption = QLabel(label)
        caption.setBuddy(edit)
        form.addRow(caption, row)
        return edit

    def _fill_people(self) -> None:
        meeting = self.editor.meeting
        for box, current in ((self.chair, meeting.chair_id), (self.secretary, meeting.secretary_id)):
            box.clear()
            box.addItem(self.tr("(chưa chọn)"), None)
            for attendance in meeting.attendances:
                box.addItem(attendance.person.name, attendance)
            found = next((i for i in range(1, box.count()) if box.itemData(i).id == current), 0)
            box.setCurrentIndex(found)

    def _changed(self, event: object) -> None:
        meeting = self.editor.meeting
        if isinstance(event, (RowInserted, RowRemoved)) and event.collection == "attendances":
            self._fill_people()
        elif isinstance(event, FieldChanged):
            if event.row is meeting and event.name in ("chair_id", "secretary_id"):
                self._fill_people()
            elif event.row is meeting and event.name in ("starts_at", "ends_at"):
                edit = self.starts if event.name == "starts_at" else self.ends
                value = getattr(meeting, event.name)
                if value is not None:
                    edit.setDateTime(qt_datetime(value))
            elif event.row is meeting and event.name == "style":
                self.style_box.setCurrentIndex(max(0, self.style_box.findData(meeting.style)))
            elif isinstance(event.row, Attendance) or event.name == "name":
                self._fill_people()
