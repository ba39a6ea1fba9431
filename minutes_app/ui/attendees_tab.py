"""The Attendees tab: quick entry with the people directory, the table, import from a file."""

from pathlib import Path

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from minutes_app.editing.attendee_list import (
    AttendeeListError,
    read_attendee_list,
    with_known_people,
)
from minutes_app.editing.editor import NewAttendee
from minutes_app.editing.lookup import FoldedIndex
from minutes_app.model import Attendance
from minutes_app.people import KnownPerson
from minutes_app.ui import file_dialogs
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.completion import FoldedCompleter
from minutes_app.ui.fields import UndoKeys, route_undo_keys
from minutes_app.ui.import_preview import ImportPreview
from minutes_app.ui.row_table import Column, RowTableModel
from minutes_app.ui.settings import Settings
from minutes_app.ui.table_keys import install_row_keys, reorder_hint


def titles_text(titles: list[str] | tuple[str, ...]) -> str:
    return "; ".join(titles)


def split_titles(text: str) -> list[str]:
    return [t.strip() for t in text.split(";") if t.strip()]


def person_label(person: KnownPerson) -> str:
    return f"{person.name} — {titles_text(person.titles)}" if person.titles else person.name


class AttendeesTab(QWidget):
    def __init__(self, bridge: EditorBridge, keys: UndoKeys, settings: Settings) -> None:
        super().__init__()
        self.editor = bridge.editor
        self.settings = settings
        self._picked: KnownPerson | None = None

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Họ và tên (gõ vài chữ để tìm người đã dự họp)"))
        self.name.setAccessibleName(self.tr("Họ và tên đại biểu mới"))
        self.titles = QLineEdit()
        self.titles.setPlaceholderText(self.tr("Chức vụ (cách nhau bởi ;)"))
        self.titles.setAccessibleName(self.tr("Chức vụ của đại biểu mới"))
        self.group = QLineEdit()
        self.group.setPlaceholderText(self.tr("Nhóm"))
        self.group.setAccessibleName(self.tr("Nhóm của đại biểu mới"))
        add = QPushButton(self.tr("&Thêm"))
        add.setAccessibleName(self.tr("Thêm đại biểu"))
        add.clicked.connect(self.add_typed)
        for line in (self.name, self.titles, self.group):
            line.returnPressed.connect(self._return_pressed)
            route_undo_keys(line, keys)
        self.name.textEdited.connect(self._name_edited)
        self.completer: FoldedCompleter[KnownPerson] = FoldedCompleter(self.name, person_label, self.pick)

        entry = QHBoxLayout()
        entry.addWidget(self.name, 3)
        entry.addWidget(self.titles, 4)
        entry.addWidget(self.group, 2)
        entry.addWidget(add)

        self.model = RowTableModel(bridge, "attendances", [
            Column(self.tr("Họ và tên"), lambda a: a.person.name,
                   lambda a, v: self.editor.rename_attendee(a, v), fields=("name",)),
            Column(self.tr("Chức vụ"), lambda a: titles_text(a.titles),
                   lambda a, v: self.editor.set_field(a, "titles", split_titles(v))),
            Column(self.tr("Nhóm"), lambda a: a.group_name or "",
                   lambda a, v: self.editor.set_field(a, "group_name", v.strip() or None)),
            Column(self.tr("Có mặt"), lambda a: a.present,
                   lambda a, v: self.editor.set_field(a, "present", v), check=True),
            Column(self.tr("Lý do vắng"), lambda a: a.absence_reason or "",
                   lambda a, v: self.editor.set_field(a, "absence_reason", v.strip() or None)),
            # Guests of honour: the news article names them, with their titles, in its lead.
            Column(self.tr("Khách mời danh dự"), lambda a: a.guest_of_honour,
                   lambda a, v: self.editor.set_field(a, "guest_of_honour", v), check=True),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Danh sách đại biểu"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.table.setDragEnabled(True)
        self.table.setDropIndicatorShown(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(0, 220)
        self.table.setColumnWidth(2, 200)
        self.table.setColumnWidth(3, 70)
        self.table.resizeColumnToContents(5)  # the guest of honour's header is wider than its check box
        install_row_keys(self.table, self.model, self.editor)

        import_button = QPushButton(self.tr("&Nhập danh sách từ tệp CSV/Excel/Word…"))
        import_button.setAccessibleName(self.tr("Nhập danh sách đại biểu từ tệp CSV, Excel hoặc Word"))
        import_button.clicked.connect(self.import_file)
        hint = QLabel(reorder_hint())
        bottom = QHBoxLayout()
        bottom.addWidget(hint, 1)
        bottom.addWidget(import_button)

        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+N"), self, self.name.setFocus)

    def set_directory(self, people: list[KnownPerson]) -> None:
        self.completer.set_items(FoldedIndex((p, p.name) for p in people))

    def _name_edited(self, _text: str) -> None:
        self._picked = None

    def pick(self, person: KnownPerson) -> None:
        """Fill the entry with a person of the directory, as at their latest meeting."""
        self._picked = person
        self.name.setText(person.name)
        self.titles.setText(titles_text(person.titles))
        self.group.setText(person.group or "")
        self.titles.setFocus()

    def _return_pressed(self) -> None:
        if self.sender() is self.name and self.completer.showing():
            self.completer.pick_first()
            return
        self.add_typed()

    def add_typed(self) -> Attendance | None:
        name = self.name.text().strip()
        if not name:
            self.name.setFocus()
            return None
        picked = self._picked if self._picked is not None and self._picked.name == name else None
        attendance = self.editor.add_attendee(NewAttendee(
            name=name,
            titles=tuple(split_titles(self.titles.text())),
            group=self.group.text().strip() or None,
            organization=picked.organization if picked else None,
            honorific=picked.honorific if picked else None,
            person_id=picked.person_id if picked else None,
        ))
        self._picked = None
        self.name.clear()
        self.titles.clear()
        # The group often repeats for the next attendee: keep it.
        self.name.setFocus()
        self.table.scrollToBottom()
        return attendance

    def import_file(self) -> None:
        path = file_dialogs.open_file(
            self, self.tr("Nhập danh sách đại biểu"), self.settings.last_folder,
            self.tr("Danh sách (*.csv *.xlsx *.docx)"),
        )
        if path is not None:
            self.settings.last_folder = path.parent
            self.import_path(path)

    def import_path(self, path: Path) -> ImportPreview | None:
        """Read ``path`` and show its preview; the attendees are added if the user agrees."""
        try:
            result = read_attendee_list(path)
        except AttendeeListError as error:
            if isinstance(window := self.window(), QMainWindow):
                window.statusBar().showMessage(str(error))
            preview = ImportPreview(self, path, [], [str(error)])
        else:
            with self.editor.archive.sessions() as session:
                attendees = with_known_people(session, result.attendees)
            preview = ImportPreview(self, path, attendees, [str(p) for p in result.problems], result.converted_from)
        preview.accepted.connect(lambda: self.editor.add_attendees(preview.attendees))
        preview.open()
        return preview
