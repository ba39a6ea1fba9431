"""The command line, run as a user runs it: a separate process, no display."""

import os
import subprocess
import sys
from pathlib import Path

from minutes_app import __version__
from tests.helpers import canonical, load


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "MINUTES_APP_DB"} | (env or {})
    return subprocess.run(
        [sys.executable, "-m", "minutes_app", *args],
        capture_output=True, text=True, encoding="utf-8", env=environment, timeout=60,
    )


def test_version() -> None:
    result = run("--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"minutes-app {__version__}")


def test_a_helper_process_runs_the_installed_app_wherever_the_window_was_started(tmp_path: Path) -> None:
    from minutes_app.processes import worker_command

    impostor = tmp_path / "minutes_app"  # e.g. started from a folder holding another copy
    impostor.mkdir()
    (impostor / "__main__.py").write_text("print('another copy')", encoding="utf-8")
    result = subprocess.run(worker_command("--version"), capture_output=True, text=True, cwd=tmp_path, timeout=60)
    assert result.stdout.strip() == f"minutes-app {__version__}"


def test_import_list_dump(example_dir: Path, tmp_path: Path, db_url: str) -> None:
    assert run("list", "--db", db_url).stdout == ""
    imported = run("import", str(example_dir / "meeting.json"), "--db", db_url)
    assert (imported.returncode, imported.stdout, imported.stderr) == (0, "1\n", "")
    second = run("--db", db_url, "import", str(example_dir / "meeting.json"))
    assert second.stdout == "2\n"
    listed = run("list", "--db", db_url)
    title = load(example_dir / "meeting.json")["title"]
    assert listed.stdout.splitlines() == [f"2\t2026-07-10\t{title}", f"1\t2026-07-10\t{title}"]
    out = tmp_path / "dump" / "meeting.json"
    dumped = run("dump", "1", "-o", str(out), "--db", db_url)
    assert (dumped.returncode, dumped.stderr) == (0, "")
    assert canonical(load(out), out.parent) == canonical(load(example_dir / "meeting.json"), example_dir)


def test_archive_from_the_environment(example_dir: Path, db_url: str) -> None:
    run("import", str(example_dir / "meeting.json"), env={"MINUTES_APP_DB": db_url})
    assert run("list", "--db", db_url).stdout.startswith("1\t2026-07-10\t")


def test_broken_file_exit_code_message_and_untouched_archive(example_dir: Path, db_url: str) -> None:
    run("import", str(example_dir / "meeting.json"), "--db", db_url)
    before = run("list", "--db", db_url).stdout
    path = example_dir / "meeting.json"
    path.write_text(path.read_text(encoding="utf-8").replace('"chair": "c1"', '"chair": "c42"'), encoding="utf-8")
    result = run("import", str(path), "--db", db_url)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"Tệp {path} không hợp lệ (1 lỗi):\n  chair: không có người dự họp nào mang mã “c42”\n"
    assert run("list", "--db", db_url).stdout == before


def test_user_mistakes_have_vietnamese_messages_and_no_traceback(tmp_path: Path, db_url: str) -> None:
    cases = [
        (("dump", "7", "-o", str(tmp_path / "x.json"), "--db", db_url), 1, "Không có cuộc họp số 7 trong kho lưu trữ."),
        (("import", str(tmp_path / "none.json"), "--db", db_url), 1, "không đọc được tệp (No such file or directory)"),
        (("list", "--db", "nonsense://"), 1, "Địa chỉ kho lưu trữ không hợp lệ: nonsense://"),
        (("dump", "1", "--db", db_url), 2, "thiếu tham số bắt buộc: -o/--output"),
        (("dump", "one", "-o", "x.json"), 2, "tham số ID: giá trị 'one' không hợp lệ"),
        (("export", "1", "--document", "letter", "--format", "pdf", "-o", "x"), 2, "tham số --document: giá trị 'letter' không hợp lệ"),
        (("frobnicate",), 2, "giá trị 'frobnicate' không hợp lệ"),
    ]
    for args, code, message in cases:
        result = run(*args)
        assert result.returncode == code, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr


def test_english_messages_on_request(tmp_path: Path, db_url: str) -> None:
    result = run("dump", "7", "-o", str(tmp_path / "x.json"), "--db", db_url, env={"MINUTES_APP_LANG": "en"})
    assert (result.returncode, result.stderr) == (1, "There is no meeting number 7 in the archive.\n")
