"""Conflicts with what others saved, told and decided in a panel, while the meeting goes on.

A save that finds a row changed by someone else is not written; the user's text stays
in the window. The panel says who changed what, shows both versions, and lets the user
keep theirs or take the other one. No dialog stops the typing meanwhile.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from minutes_app.editing.autosave import Conflict
from minutes_app.editing.changes import RowKey, Update
from minutes_app.editing.editor import MeetingEditor
from minutes_app.editing.sharing import ConflictDetail, explain, keep_mine, take_theirs
from minutes_app.ui.read_only import works_when_read_only

SHOWN = 160  # characters of each version shown


class ConflictsPanel(QDockWidget):
    def __init__(self, editor: MeetingEditor, parent: QWidget) -> None:
        super().__init__(self.tr("Thay đổi trùng với người khác"), parent)
        self.setObjectName("conflicts")
        self.editor = editor
        self.entries: dict[RowKey, tuple[ConflictDetail, QWidget]] = {}
        self.list = QWidget()
        self.rows = QVBoxLayout(self.list)
        self.rows.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.list)
        scroll.setAccessibleName(self.tr("Các thay đổi trùng với người khác"))
        self.setWidget(scroll)
        self.hide()

    @property
    def undecided(self) -> set[RowKey]:
        return set(self.entries)

    def add(self, conflicts: list[Conflict]) -> None:
        for conflict in conflicts:
            detail = explain(self.editor, conflict)
            if conflict.key in self.entries:
                self._remove(conflict.key)
            entry = self._entry(detail)
            self.entries[conflict.key] = (detail, entry)
            self.rows.addWidget(entry)
        self.setVisible(bool(self.entries))

    def decide(self, key: RowKey, mine: bool) -> None:
        detail, _entry = self.entries[key]
        (keep_mine if mine else take_theirs)(self.editor, detail)
        self._remove(key)
        self.setVisible(bool(self.entries))

    def _remove(self, key: RowKey) -> None:
        _detail, entry = self.entries.pop(key)
        entry.deleteLater()

    def describe(self, detail: ConflictDetail) -> str:
        who = detail.changed_by or self.tr("Một người khác")
        what = self._what(detail)
        if detail.theirs is None:
            return self.tr("{who} vừa xóa {what}. Bạn vẫn đang có nó trong cửa sổ.").format(who=who, what=what)
        text = self.tr("{who} vừa sửa {what}.").format(who=who, what=what)
        mine_values = detail.mine.values if isinstance(detail.mine, Update) else {}
        for name in detail.fields[:2]:
            theirs = str(detail.theirs.get(name) or "")
            mine = str(mine_values.get(name) or "")
            text += "\n" + self.tr("Bản của họ: «{theirs}»\nBản của bạn: «{mine}»").format(
                theirs=_short(theirs), mine=_short(mine))
        return text

    def _what(self, detail: ConflictDetail) -> str:
        names = {
            "meeting": self.tr("thông tin chung của cuộc họp"),
            "attendance": self.tr("thông tin một người dự họp"),
            "person": self.tr("tên một người dự họp"),
            "speech": self.tr("một ý kiến phát biểu"),
            "topic": self.tr("một vấn đề thảo luận"),
            "directive": self.tr("một kết luận, chỉ đạo"),
            "carried_task": self.tr("một nhiệm vụ kỳ trước"),
            "photo": self.tr("một ảnh"),
            "press_release": self.tr("tin bài"),
        }
        return names.get(detail.key.table, detail.key.table)

    def _entry(self, detail: ConflictDetail) -> QWidget:
        entry = QWidget()
        text = QLabel(self.describe(detail))
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        mine = QPushButton(self.tr("Giữ bản của tôi"))
        mine.setAccessibleName(self.tr("Giữ bản của tôi, ghi đè bản của họ"))
        mine.clicked.connect(lambda _=False, key=detail.key: self.decide(key, mine=True))
        theirs = QPushButton(self.tr("Dùng bản của họ"))
        theirs.setAccessibleName(self.tr("Dùng bản của họ, bỏ thay đổi của tôi"))
        theirs.clicked.connect(lambda _=False, key=detail.key: self.decide(key, mine=False))
        works_when_read_only(theirs)  # a final record is shown as saved: theirs is what it is
        buttons = QVBoxLayout()
        buttons.addWidget(mine)
        buttons.addWidget(theirs)
        layout = QHBoxLayout(entry)
        layout.addWidget(text, 1)
        layout.addLayout(buttons)
        return entry


def _short(text: str) -> str:
    return text if len(text) <= SHOWN else text[: SHOWN - 1] + "…"
