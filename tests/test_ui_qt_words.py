"""Every dialog of Qt's own that the app shows speaks Vietnamese when the app does: the file
dialogs, the print preview, the print and page setup dialogs, message boxes, the menu of a
text field; dates in the Vietnamese way."""

import re
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPageSetupDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTreeView,
    QWidget,
)

from minutes_app.archive import import_file
from minutes_app.ui import file_dialogs, translation
from minutes_app.ui.meeting_window import MeetingWindow
from tests.ui_helpers import temporary_settings

# Words of Qt's English dialogs; none may be left in a Vietnamese one.
ENGLISH = re.compile(
    r"\b(Look in|File name|Files of type|Open|Save|Cancel|Computer|Name|Size|Type|Date Modified|Print|Printer|"
    r"Properties|Location|Options|Copies|Collate|Reverse|Pages?|Margins|Orientation|Portrait|Landscape|Paper|"
    r"Width|Height|Zoom|Close|Back|Forward|Parent|Folder|Detail|List|Undo|Redo|Cut|Copy|Paste|Delete|Select|"
    r"Colou?r|Grayscale|Selection|Output|Preview|Yes|No|OK|Fit|First|Last|Next|Previous|Show|Setup|Form|All|"
    r"Odd|Even|Double|Sided|Top|Bottom|Left|Right|Custom|Directory|Recent|Sidebar|Create)\b")
# Paper sizes keep their names (A4, Letter, Legal…), as on every system.
PAPER_SIZES = ("pageSizeCombo", "paperSource")


@pytest.fixture(autouse=True)
def vietnamese() -> None:
    translation.install("vi")


def texts(widget: QWidget) -> list[str]:
    """What a dialog shows in words: titles, labels, buttons, lists, headers, tool tips."""
    found = [widget.windowTitle()]
    for child in widget.findChildren(QWidget):
        if not child.isVisibleTo(widget):
            continue
        if isinstance(child, QLabel | QAbstractButton):
            found += [child.text(), child.toolTip()]
        elif isinstance(child, QGroupBox):
            found.append(child.title())
        elif isinstance(child, QComboBox) and child.objectName() not in PAPER_SIZES:
            found += [child.itemText(i) for i in range(child.count())]
        elif isinstance(child, QLineEdit):
            found.append(child.placeholderText())
        if isinstance(child, QAbstractItemView) and child.model() is not None:
            model, root = child.model(), child.rootIndex()
            found += [str(model.headerData(c, Qt.Orientation.Horizontal)) for c in range(model.columnCount())]
            found += [str(model.index(r, 0, root).data()) for r in range(min(model.rowCount(root), 50))]
    found += [a.text() or a.toolTip() for a in widget.findChildren(QAction) if a.isVisible()]
    return [t.replace("&", "") for t in found if t and t != "None"]


def english(widget: QWidget) -> list[str]:
    return [t for t in texts(widget) if ENGLISH.search(t)]


def when_shown(kind: type[QWidget], look: Callable[[QWidget], None]) -> list[QWidget]:
    """Call ``look`` with the next modal dialog of ``kind``, then close it."""
    seen: list[QWidget] = []

    def find() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, find)
            return
        QTimer.singleShot(100, lambda: look_then_close(dialog))

    def look_then_close(dialog: QWidget) -> None:
        try:
            look(dialog)
            seen.append(dialog)
        finally:  # a failed look must not leave the test waiting on a modal dialog
            dialog.close()

    QTimer.singleShot(0, find)
    return seen


def test_the_file_dialogs_are_vietnamese_with_vietnamese_dates(qtbot, tmp_path: Path) -> None:
    (tmp_path / "biên bản.pdf").write_bytes(b"%PDF-1.4\n")
    stamp = datetime(2026, 12, 2, 14, 33).timestamp()
    __import__("os").utime(tmp_path / "biên bản.pdf", (stamp, stamp))
    dialog = file_dialogs.file_dialog(None, "Xuất biên bản", tmp_path / "biên bản mới.pdf", "Tài liệu PDF (*.pdf)",
                                      QFileDialog.FileMode.AnyFile, saving=True)
    qtbot.addWidget(dialog)
    dialog.show()
    screen = dialog.screen().availableGeometry()  # as large as the screen lets it be, for the columns
    assert (dialog.width(), dialog.height()) == (min(900, screen.width() * 9 // 10), min(560, screen.height() * 9 // 10))
    view = dialog.findChild(QTreeView, "treeView")
    qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) == 1)
    labels = texts(dialog)
    for word in ("Xem trong:", "Tên tệp:", "Kiểu tệp:", "Lưu", "Hủy", "Tên", "Kích thước", "Loại", "Ngày sửa",
                 "Máy tính", "Lùi lại", "Tạo thư mục mới"):
        assert word in labels, word
    assert english(dialog) == []
    modified = view.model().index(0, 3, view.rootIndex()).data()
    assert modified == "02/12/2026 14:33"
    header = view.header()  # the date and every header shown whole
    assert header.sectionSize(3) > view.fontMetrics().horizontalAdvance(modified)
    assert all(header.sectionSize(c) >= header.sectionSizeHint(c) for c in range(4))
    assert dialog.testOption(QFileDialog.Option.DontUseNativeDialog)  # never the system's (see file_dialogs)
    dialog.close()


def test_printing_and_message_dialogs_are_vietnamese(qtbot, archive, example_dir: Path, tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    window = MeetingWindow(archive, meeting_id, temporary_settings(tmp_path))
    qtbot.addWidget(window)
    window.show()
    preview = window.exporter.print_preview("minutes")
    assert preview is not None
    qtbot.waitUntil(preview.isVisible)
    assert english(preview) == []
    assert {"Vừa chiều rộng", "Phóng to", "Thiết lập trang", "In"} <= set(texts(preview))

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)

    def print_options(dialog: QWidget) -> None:
        [more] = [b for b in dialog.findChildren(QAbstractButton) if b.text() == "&Tùy chọn >>"]
        more.click()
        assert english(dialog) == [], english(dialog)
        assert {"Máy in", "Số bản:", "Phạm vi in", "In ra tệp (PDF)"} <= set(texts(dialog))

    seen = when_shown(QPrintDialog, print_options)
    QPrintDialog(printer, preview).exec()
    assert len(seen) == 1

    def page_setup(dialog: QWidget) -> None:
        assert english(dialog) == [], english(dialog)
        assert {"Giấy", "Khổ giấy:", "Hướng giấy", "Khổ dọc", "Lề"} <= set(texts(dialog))

    seen = when_shown(QDialog, page_setup)
    QPageSetupDialog(printer, preview).exec()
    assert len(seen) == 1
    preview.close()

    line = window.general.lines["venue"]
    menu = line.createStandardContextMenu()
    assert [a.text().split("\t")[0] for a in menu.actions() if a.text()][:5] == ["&Hoàn tác", "&Làm lại", "&Cắt", "Sao &chép", "&Dán"]
    window.close()
