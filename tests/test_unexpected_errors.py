"""An error no one foresaw: one line and exit status 3 on the command line, a Vietnamese
message in the window; the details in the rotated log of the data folder; the record intact."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app import log
from minutes_app.archive import import_file
from tests.helpers import canonical, load

# Runs the command line with the PDF renderer broken, as a bug in it would be.
BROKEN_EXPORT = """
import sys
import minutes_app.documents.pdf_render as pdf_render

def broken(document, profile):
    raise RuntimeError("bảng chưa có cột thứ ba")

pdf_render.render_pdf = broken
from minutes_app.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _cli(data_home: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "MINUTES_APP_DB"}
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, encoding="utf-8",
        env=environment | {"XDG_DATA_HOME": str(data_home)}, timeout=120,
    )


def test_the_command_line_prints_one_line_exits_3_and_logs_the_details(
    example_dir: Path, tmp_path: Path, db_url: str
) -> None:
    data_home = tmp_path / "data"
    plain = "import sys\nfrom minutes_app.cli import main\nsys.exit(main(sys.argv[1:]))"
    assert _cli(data_home, plain, "import", str(example_dir / "meeting.json"), "--db", db_url).stdout == "1\n"
    out = tmp_path / "bien-ban.pdf"
    export = ("export", "1", "--document", "minutes", "--format", "pdf", "-o", str(out), "--db", db_url)

    results = [_cli(data_home, BROKEN_EXPORT, *export) for _ in range(2)]

    log_file = data_home / "minutes-app" / "logs" / "minutes-app.log"
    for result in results:
        assert (result.returncode, result.stdout) == (3, "")
        assert result.stderr == (
            "Lỗi không lường trước khi chạy lệnh “export” (RuntimeError: bảng chưa có cột thứ ba); "
            f"chi tiết đã ghi vào {log_file}\n"
        )
    assert not out.exists()
    details = log_file.read_text(encoding="utf-8")
    assert details.count("Traceback (most recent call last):") == 2
    assert details.count(", in broken\nRuntimeError: bảng chưa có cột thứ ba\n") == 2
    assert "in export_document" in details
    assert f"minutes-app export 1 --document minutes --format pdf -o {out} --db" in details
    # The record is as it was imported.
    dumped = tmp_path / "dump" / "meeting.json"
    assert _cli(data_home, plain, "dump", "1", "-o", str(dumped), "--db", db_url).returncode == 0
    assert canonical(load(dumped), dumped.parent) == canonical(load(example_dir / "meeting.json"), example_dir)


def test_the_log_rotates_and_a_log_that_cannot_be_written_is_said(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(log, "log_file", lambda: tmp_path / "logs" / "minutes-app.log")
    monkeypatch.setattr(log, "MAX_BYTES", 4000)
    for number in range(25):
        try:
            raise ValueError(f"lần thứ {number} " + "x" * 500)
        except ValueError as error:
            text, path = log.record_unexpected(error, f"thử {number}")
        assert path == tmp_path / "logs" / "minutes-app.log"
        assert f"thử {number}" in text and "ValueError: lần thứ" in text
    files = sorted(p.name for p in (tmp_path / "logs").iterdir())
    assert files == ["minutes-app.log", "minutes-app.log.1", "minutes-app.log.2", "minutes-app.log.3"]
    assert all(p.stat().st_size <= 4000 for p in (tmp_path / "logs").iterdir())
    assert "lần thứ 24" in (tmp_path / "logs" / "minutes-app.log").read_text(encoding="utf-8")

    blocked = tmp_path / "file-not-folder"
    blocked.write_text("")
    monkeypatch.setattr(log, "log_file", lambda: blocked / "minutes-app.log")
    text, path = log.record_unexpected(RuntimeError("hỏng"), "thử")
    assert path is None and "RuntimeError: hỏng" in text


def test_a_server_password_on_the_command_line_stays_out_of_the_log(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from minutes_app import cli

    monkeypatch.setattr(log, "log_file", lambda: tmp_path / "minutes-app.log")

    def broken(args: object) -> int:
        raise KeyError("khóa lạ")

    monkeypatch.setattr(cli, "_cmd_list", broken)
    assert cli.main(["list", "--db", "postgresql+psycopg://thuky:MatKhau!9@10.0.0.5/bienban"]) == 3
    assert "KeyError: 'khóa lạ'" in capsys.readouterr().err
    details = (tmp_path / "minutes-app.log").read_text(encoding="utf-8")
    assert "postgresql+psycopg://thuky:***@10.0.0.5/bienban" in details and "MatKhau" not in details


@pytest.mark.qt_no_exception_capture
def test_the_window_shows_a_message_with_the_details_a_click_away(
    qtbot, qapp, monkeypatch: pytest.MonkeyPatch, archive, example_dir: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    import threading

    from PySide6.QtGui import QGuiApplication

    import minutes_app.documents.pdf_render as pdf_render
    from minutes_app.archive import dump_meeting
    from minutes_app.ui import unexpected
    from minutes_app.ui.meeting_window import MeetingWindow
    from tests.ui_helpers import SCREENSHOTS, temporary_settings

    log_file = tmp_path / "logs" / "minutes-app.log"
    monkeypatch.setattr(log, "log_file", lambda: log_file)
    handler = unexpected.install(qapp)
    try:
        meeting_id = import_file(archive, example_dir / "meeting.json")
        window = MeetingWindow(archive, meeting_id, temporary_settings(tmp_path))
        window.exporter.open_results = False
        qtbot.addWidget(window)
        window.show()

        def broken(document: object, profile: object) -> bytes:
            raise RuntimeError("bảng chưa có cột thứ ba")

        monkeypatch.setattr(pdf_render, "render_pdf", broken)
        out = tmp_path / "bien-ban.pdf"
        monkeypatch.setattr("minutes_app.ui.file_dialogs.save_file", lambda *args: out)
        [action] = [a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Xuất biên bản ra PDF…"]
        action.trigger()  # the slot raises: nothing in the window's code catches it

        qtbot.waitUntil(lambda: handler.dialog is not None and handler.dialog.isVisible(), timeout=5000)
        dialog = handler.dialog
        assert dialog.text.text().split("\n\n") == [
            "Không tạo được văn bản (biên bản hoặc tin bài). "
            "Lỗi không lường trước: RuntimeError: bảng chưa có cột thứ ba.",
            "Dữ liệu cuộc họp vẫn an toàn: những gì đã lưu còn nguyên trong kho, có thể làm tiếp hoặc thử lại.",
            f"Chi tiết lỗi đã được ghi vào tệp:\n{log_file}",
        ]
        SCREENSHOTS.mkdir(exist_ok=True)
        dialog.grab().save(str(SCREENSHOTS / "unexpected-error.png"))
        dialog.copy.click()
        copied = QGuiApplication.clipboard().text()
        assert "Traceback (most recent call last)" in copied and "RuntimeError: bảng chưa có cột thứ ba" in copied
        assert "in export_to" in copied and dialog.copy.text() == "Đã chép"
        assert copied in log_file.read_text(encoding="utf-8")
        assert not out.exists()

        # A second error while the message is open joins it instead of opening another one.
        worker = threading.Thread(target=lambda: 1 / 0)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: "ZeroDivisionError" in dialog.details, timeout=5000)
        assert handler.dialog is dialog
        assert log_file.read_text(encoding="utf-8").count("Traceback (most recent call last)") == 2
        dialog.reject()
        qtbot.waitUntil(lambda: handler.dialog is None)

        window.close()
        dumped = tmp_path / "dump" / "meeting.json"
        dump_meeting(archive, meeting_id, dumped)
        assert canonical(load(dumped), dumped.parent) == canonical(load(example_dir / "meeting.json"), example_dir)
    finally:
        handler.uninstall()
