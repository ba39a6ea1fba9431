"""Every window string has an English translation, and the compiled .qm is up to date."""

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import QCoreApplication

import minutes_app
from minutes_app import i18n
from minutes_app.package_data import resource
from minutes_app.ui import translation

UI = Path(minutes_app.__file__).parent / "ui"
TS = Path(str(resource("i18n", "minutes_app_en.ts")))
TOOLS = Path(sys.executable).parent


def test_the_ts_source_holds_every_window_string_translated(tmp_path: Path) -> None:
    fresh = tmp_path / TS.name
    shutil.copy(TS, fresh)
    subprocess.run(
        [TOOLS / "pyside6-lupdate", *sorted(map(str, UI.glob("*.py"))), "-ts", str(fresh),
         "-locations", "none", "-no-obsolete"],
        check=True, capture_output=True,
    )
    assert fresh.read_text(encoding="utf-8") == TS.read_text(encoding="utf-8"), "run `make translations`"
    for message in ET.parse(TS).iter("message"):
        translated = message.find("translation")
        assert translated is not None and translated.get("type") is None and (translated.text or "").strip(), (
            message.findtext("source"))


def test_the_qm_is_compiled_from_the_ts(tmp_path: Path) -> None:
    compiled = tmp_path / "en.qm"
    subprocess.run([TOOLS / "pyside6-lrelease", str(TS), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == Path(str(resource("i18n", translation.qm_name("en")))).read_bytes()


def test_english_is_used_when_chosen(qapp) -> None:
    try:
        translation.install("en")
        assert QCoreApplication.translate("ArchiveModel", "Tên cuộc họp") == "Title"
        assert QCoreApplication.translate("MeetingWindow", "Đã lưu") == "Saved"
        assert i18n.language() == "en"
    finally:
        translation.install("vi")
    assert QCoreApplication.translate("MeetingWindow", "Đã lưu") == "Đã lưu"


def test_qt_own_words_are_vietnamese(qapp, tmp_path: Path) -> None:
    source = Path(str(resource("i18n", "qt_vi.ts")))
    compiled = tmp_path / "qt_vi.qm"
    subprocess.run([TOOLS / "pyside6-lrelease", str(source), "-qm", str(compiled)], check=True, capture_output=True)
    assert compiled.read_bytes() == Path(str(resource("i18n", "qt_vi.qm"))).read_bytes()
    translation.install("vi")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Hủy"
    assert QCoreApplication.translate("QPrintPreviewDialog", "Zoom in") == "Phóng to"
    try:
        translation.install("en")
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        translation.install("vi")
