"""The tasks of the previous session reviewed at this one ("Kết quả thực hiện kết luận kỳ
trước"): brought in when the meeting is the next session of another, or on request; the
secretary writes what each unit reports, and the minutes print them."""

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from minutes_app.editing.carry_over import carry_over
from minutes_app.editing.editor import RowInserted, RowRemoved
from minutes_app.tasks import deadline_text
from minutes_app.ui.bridge import EditorBridge
from minutes_app.ui.row_table import Column, RowTableModel
from minutes_app.ui.table_keys import install_row_keys


class CarriedTasksBox(QGroupBox):
    def __init__(self, bridge: EditorBridge) -> None:
        super().__init__(self.tr("Kết quả thực hiện kết luận kỳ trước"))
        self.editor = bridge.editor
        self.model = RowTableModel(bridge, "carried_tasks", [
            Column(self.tr("Đơn vị"), lambda t: t.unit, lambda t, v: self.editor.set_field(t, "unit", v.strip())),
            Column(self.tr("Nhiệm vụ"), lambda t: t.content, lambda t, v: self.editor.set_field(t, "content", v)),
            Column(self.tr("Thời hạn"), lambda t: deadline_text(t.deadline, t.recurrence)),
            Column(self.tr("Kết quả báo cáo tại kỳ này"), lambda t: t.outcome,
                   lambda t, v: self.editor.set_field(t, "outcome", v)),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Nhiệm vụ kỳ trước"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(True)
        self.table.setColumnWidth(0, 200)
        self.table.setColumnWidth(1, 360)
        self.table.setColumnWidth(2, 110)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(170)
        install_row_keys(self.table, self.model, self.editor)
        self.bring = QPushButton(self.tr("Lấ&y nhiệm vụ chưa hoàn thành của kỳ họp trước"))
        self.bring.setAccessibleName(self.tr("Lấy các nhiệm vụ chưa hoàn thành của kỳ họp trước cùng cơ quan tổ chức"))
        self.bring.clicked.connect(self.bring_in)
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Thông báo"))
        self.message.setWordWrap(True)
        line = QHBoxLayout()
        line.addWidget(self.bring)
        line.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(line)
        bridge.changed.connect(self._changed)
        self._show_table()

    def bring_in(self) -> int:
        """Add the open tasks of the previous session of the same organiser."""
        added = carry_over(self.editor)
        if added:
            self.message.setText(self.tr("Đã thêm {n} nhiệm vụ chưa hoàn thành của kỳ họp trước; ghi kết quả "
                                         "từng đơn vị báo cáo vào cột cuối.").format(n=added))
        else:
            self.message.setText(self.tr("Không có nhiệm vụ nào chưa hoàn thành ở kỳ họp trước của cùng cơ quan "
                                         "tổ chức (hoặc đã lấy hết)."))
        return added

    def _changed(self, event: object) -> None:
        if isinstance(event, RowInserted | RowRemoved) and event.collection == "carried_tasks":
            self._show_table()

    def _show_table(self) -> None:
        self.table.setVisible(bool(self.editor.meeting.carried_tasks))
