"""finalize, reopen, history, export --version and the refusals, as a user runs them."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers import flat, pdf_text


def run(*args: str, answer: str | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in ("MINUTES_APP_DB", "MINUTES_APP_LANG")}
    return subprocess.run([sys.executable, "-m", "minutes_app", *args], input=answer or "", capture_output=True,
                          text=True, encoding="utf-8", env=environment, timeout=120)


def test_finalize_reopen_history_and_export_of_a_version(example_dir: Path, tmp_path: Path, db_url: str) -> None:
    db = ("--db", db_url)
    assert run("import", str(example_dir / "meeting.json"), *db).stdout == "1\n"
    listed = run("history", "1", *db)
    assert listed.returncode == 0
    [line] = listed.stdout.splitlines()
    assert line.split("\t")[:2] == ["1", "dự thảo"] and line.split("\t")[3:] == ["", "", ""]

    refused = run("finalize", "1", *db, answer="không\n")
    assert refused.returncode == 1 and refused.stderr == "Không chốt.\n"
    assert "Thư ký (Nguyễn Thị Lan) và chủ tọa (Trần Quốc Hùng) xác nhận đây đúng là nội dung đã ký" in refused.stdout
    done = run("finalize", "1", "--by", "Nguyễn Thị Lan", *db, answer="c\n")
    assert done.returncode == 0, done.stderr
    sha = done.stdout.rsplit("SHA-256 ", 1)[1].rstrip(".\n")
    assert len(sha) == 64 and done.stdout.endswith(f"Đã chốt biên bản của cuộc họp số 1: phiên bản 1, SHA-256 {sha}.\n")
    again = run("finalize", "1", "-y", *db)
    assert (again.returncode, again.stderr) == (1, "Biên bản của cuộc họp số 1 đã chốt (phiên bản 1).\n")

    no_reason = run("reopen", "1", *db)
    assert no_reason.returncode == 2 and "thiếu tham số bắt buộc: --reason" in no_reason.stderr
    blank = run("reopen", "1", "--reason", "  ", *db)
    assert (blank.returncode, blank.stderr) == (1, "Cần ghi lý do mở lại biên bản để sửa.\n")
    reopened = run("reopen", "1", "--reason", "Sửa chức vụ của đồng chí Nam", "--by", "Võ Đình Nam", *db)
    assert reopened.stdout == "Đã mở lại biên bản của cuộc họp số 1 để sửa: bản sửa là phiên bản 2.\n"
    corrected = example_dir / "corrected.json"
    corrected.write_text((example_dir / "meeting.json").read_text(encoding="utf-8").replace(
        '"Phó Giám đốc Sở Tài chính"', '"Giám đốc Sở Tài chính"'), encoding="utf-8")
    assert run("import", str(corrected), "--replace", "1", *db).returncode == 0
    assert run("finalize", "1", "-y", "--by", "Nguyễn Thị Lan", *db).returncode == 0

    lines = [line.split("\t") for line in run("history", "1", *db).stdout.splitlines()]
    assert [(n, state, who, why) for n, state, _at, who, why, _sha in lines] == [
        ("1", "đã chốt", "Nguyễn Thị Lan", ""), ("2", "đã chốt", "Nguyễn Thị Lan", "Sửa chức vụ của đồng chí Nam")]
    assert lines[0][5] == sha and len(lines[1][5]) == 64 and lines[1][5] != sha

    for version, title in (("1", "Võ Đình Nam – Phó Giám đốc Sở Tài chính"), ("2", "Võ Đình Nam – Giám đốc Sở Tài chính")):
        out = tmp_path / f"v{version}.pdf"
        exported = run("export", "1", "--version", version, "--document", "minutes", "--format", "pdf", "-o", str(out),
                       *db)
        assert exported.returncode == 0, exported.stderr
        assert title in flat(pdf_text(out)) and "DỰ THẢO" not in pdf_text(out)
    missing = run("export", "1", "--version", "7", "--document", "minutes", "--format", "pdf", "-o",
                  str(tmp_path / "x.pdf"), *db)
    assert (missing.returncode, missing.stderr) == (1, "Cuộc họp số 1 không có phiên bản 7.\n")
    assert not (tmp_path / "x.pdf").exists()


def test_changes_to_a_final_record_are_refused_with_a_clear_message(example_dir: Path, db_url: str) -> None:
    db = ("--db", db_url)
    run("import", str(example_dir / "meeting.json"), *db)
    run("finalize", "1", "-y", *db)
    over = run("import", str(example_dir / "meeting.json"), "--replace", "1", *db)
    assert over.returncode == 1 and "Traceback" not in over.stderr
    assert over.stderr == (
        "Biên bản của cuộc họp số 1 đã chốt (phiên bản 1) nên không sửa được. Muốn sửa, hãy mở lại để sửa, có ghi lý "
        "do (trong cửa sổ: “Mở lại để sửa…”; dòng lệnh: minutes-app reopen 1 --reason \"…\").\n")
    copied = run("import", str(example_dir / "meeting.json"), *db)  # a new meeting is always possible
    assert copied.stdout == "2\n"
    draft = run("reopen", "2", "--reason", "Sửa", *db)
    assert (draft.returncode, draft.stderr) == (1, "Biên bản của cuộc họp số 2 chưa chốt: cứ sửa trực tiếp.\n")
    unknown = run("history", "9", *db)
    assert (unknown.returncode, unknown.stderr) == (1, "Không có cuộc họp số 9 trong kho lưu trữ.\n")


@pytest.mark.parametrize("command", [("finalize", "1", "-y"), ("reopen", "1", "--reason", "Sửa"), ("history", "1")])
def test_the_state_commands_speak_english_on_request(example_dir: Path, db_url: str, command: tuple[str, ...]) -> None:
    run("import", str(example_dir / "meeting.json"), "--db", db_url)
    if command[0] == "reopen":
        run("finalize", "1", "-y", "--db", db_url)
    environment = {k: v for k, v in os.environ.items() if k != "MINUTES_APP_DB"} | {"MINUTES_APP_LANG": "en"}
    result = subprocess.run([sys.executable, "-m", "minutes_app", *command, "--db", db_url], capture_output=True,
                            text=True, encoding="utf-8", env=environment, timeout=120)
    assert result.returncode == 0, result.stderr
    expected = {"finalize": "Finalised the minutes of meeting 1: version 1, SHA-256 ",
                "reopen": "Reopened the minutes of meeting 1 for a correction: the correction is version 2.",
                "history": "1\tdraft\t"}
    assert result.stdout.startswith(expected[command[0]])
