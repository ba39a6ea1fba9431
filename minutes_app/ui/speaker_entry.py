"""Choosing who speaks (Ctrl+L): an attendee by a few letters of their name or title; or
someone nobody listed, a speaker from the floor: a person of the directory, or a new
attendee typed in a small form under the line (name, title, organisation); or a delegate
the minutes do not name.
"""

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from minutes_app.editing.editor import NewAttendee
from minutes_app.editing.lookup import FoldedIndex
from minutes_app.model import Attendance
from minutes_app.people import KnownPerson
from minutes_app.ui.attendees_tab import person_label, split_titles, titles_text
from minutes_app.ui.completion import FoldedCompleter
from minutes_app.ui.fields import UndoKeys, route_undo_keys

DIRECTORY_SUGGESTIONS = 5


@dataclass(frozen=True)
class NewSpeaker:
    """Someone to add as a new attendee, with the name as typed."""

    name: str


@dataclass(frozen=True)
class Unnamed:
    """A delegate the minutes do not name: the speech has no speaker."""


SpeakerChoice = Attendance | KnownPerson | NewSpeaker | Unnamed


def attendance_label(attendance: Attendance) -> str:
    titles = ", ".join(attendance.titles)
    return f"{attendance.person.name} — {titles}" if titles else attendance.person.name


def as_typed_name(text: str) -> str:
    """A name typed in a hurry, as it is written: 'đại diện Sở Y tế' → 'Đại diện Sở Y tế'."""
    name = " ".join(text.split())
    return name[:1].upper() + name[1:]


class NewSpeakerForm(QWidget):
    """A one-line form for a speaker nobody listed: name (with the people directory's
    suggestions), title and organisation; Enter adds, Esc gives up."""

    accepted = Signal(object)  # a NewAttendee
    cancelled = Signal()

    def __init__(self, keys: UndoKeys) -> None:
        super().__init__()
        self._picked: KnownPerson | None = None
        self.name = QLineEdit()
        self.name.setAccessibleName(self.tr("Họ và tên người phát biểu mới"))
        self.name.setPlaceholderText(self.tr("Họ và tên, hoặc “Đại diện Sở …”"))
        self.titles = QLineEdit()
        self.titles.setAccessibleName(self.tr("Chức vụ của người phát biểu mới"))
        self.titles.setPlaceholderText(self.tr("Chức vụ (không bắt buộc)"))
        self.organization = QLineEdit()
        self.organization.setAccessibleName(self.tr("Cơ quan, đơn vị của người phát biểu mới"))
        self.organization.setPlaceholderText(self.tr("Cơ quan, đơn vị (không bắt buộc)"))
        self.add = QPushButton(self.tr("Thêm"))
        self.add.setAccessibleName(self.tr("Thêm vào thành phần và chọn làm người phát biểu"))
        self.add.clicked.connect(self.accept)
        cancel = QPushButton(self.tr("Hủy"))
        cancel.clicked.connect(self.cancel)
        self.completer: FoldedCompleter[KnownPerson] = FoldedCompleter(self.name, person_label, self.pick)
        for line in (self.name, self.titles, self.organization):
            line.returnPressed.connect(self._return_pressed)
            route_undo_keys(line, keys)
        self.name.textEdited.connect(lambda _: setattr(self, "_picked", None))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Đại biểu mới:")))
        layout.addWidget(self.name, 3)
        layout.addWidget(self.titles, 3)
        layout.addWidget(self.organization, 2)
        layout.addWidget(self.add)
        layout.addWidget(cancel)
        self.hide()

    def set_directory(self, people: list[KnownPerson]) -> None:
        self.completer.set_items(FoldedIndex((p, p.name) for p in people))

    def start(self, name: str) -> None:
        """Shown with ``name`` filled in, the cursor in the title."""
        self._picked = None
        self.name.setText(as_typed_name(name))
        self.titles.clear()
        self.organization.clear()
        self.show()
        (self.titles if self.name.text() else self.name).setFocus()

    def pick(self, person: KnownPerson) -> None:
        self._picked = person
        self.name.setText(person.name)
        self.titles.setText(titles_text(person.titles))
        self.organization.setText(person.organization or "")
        self.titles.setFocus()

    def _return_pressed(self) -> None:
        if self.sender() is self.name and self.completer.showing():
            self.completer.pick_first()
            return
        self.accept()

    def accept(self) -> None:
        name = as_typed_name(self.name.text())
        if not name:
            self.name.setFocus()
            return
        picked = self._picked if self._picked is not None and self._picked.name == name else None
        self.hide()
        self.accepted.emit(NewAttendee(
            name=name,
            titles=tuple(split_titles(self.titles.text())),
            organization=self.organization.text().strip() or None,
            group=picked.group if picked else None,
            honorific=picked.honorific if picked else None,
            person_id=picked.person_id if picked else None,
        ))

    def cancel(self) -> None:
        self.hide()
        self.cancelled.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            return
        super().keyPressEvent(event)


class SpeakerSuggestions:
    """What the speaker line offers for the text typed: the attendees found, then people of
    the directory not in the meeting, then adding the name as typed, and the unnamed delegate."""

    def __init__(self) -> None:
        self.directory: FoldedIndex[KnownPerson] = FoldedIndex([])
        self.attending: set[object] = set()  # person ids of the meeting's attendees
        self._unnamed: FoldedIndex[Unnamed] = FoldedIndex([(Unnamed(), "đại biểu không nêu tên")])

    def more(self, text: str, found: list[SpeakerChoice]) -> list[SpeakerChoice]:
        extra: list[SpeakerChoice] = []
        if len(text.strip()) >= 2:
            people = self.directory.find(text, limit=DIRECTORY_SUGGESTIONS + len(self.attending))
            extra += [p for p in people if p.person_id not in self.attending][:DIRECTORY_SUGGESTIONS]
        # "đại biểu" typed: most likely the delegate nobody names, before adding that as a name.
        extra += self._unnamed.find(text)
        extra.append(NewSpeaker(as_typed_name(text)))
        return extra
