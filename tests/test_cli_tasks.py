"""The task commands, run as a user runs them: ``minutes-app tasks`` and ``minutes-app task``."""

from pathlib import Path

import pytest
from openpyxl import load_workbook

from minutes_app.archive import import_file, open_archive
from minutes_app.task_register import load_register
from minutes_app.tasks import short_id
from tests.helpers import flat, pdf_text
from tests.task_data import TODAY, briefing, science
from tests.test_cli import run

DAY = TODAY.isoformat()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'archive.sqlite3'}"
    with open_archive(url) as archive:
        import_file(archive, briefing(tmp_path))
        import_file(archive, science(tmp_path))
    return url


def ids(db: str) -> dict[str, str]:
    """The short id of each task, by its content."""
    with open_archive(db) as archive, archive.engine.connect() as connection:
        register = load_register(connection, TODAY)
        register.load_details(connection)
    return {register.contents[i]: short_id(register.ids[i]) for i in range(len(register))}


def test_tasks_one_line_each(db: str) -> None:
    known = ids(db)
    result = run("tasks", "--db", db, "--today", DAY, "--status", "overdue")
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"{known['chủ trì xây dựng kế hoạch nâng cấp hạ tầng mạng tại các xã vùng sâu']}\toverdue\t2026-10-31\t"
        "Sở Khoa học và Công nghệ\tchủ trì xây dựng kế hoạch nâng cấp hạ tầng mạng tại các xã…",
        f"{known['xây dựng kế hoạch phòng, chống dịch sốt xuất huyết mùa mưa']}\toverdue\t2026-11-10\tSở Y tế\t"
        "xây dựng kế hoạch phòng, chống dịch sốt xuất huyết mùa mưa",
        f"{known['báo cáo tình hình thị trường, giá cả']}\toverdue\t2026-11-15\tSở Công Thương\t"
        "báo cáo tình hình thị trường, giá cả",
    ]
    everything = run("tasks", "--db", db, "--today", DAY).stdout.splitlines()
    assert len(everything) == 13
    assert [line.split("\t")[1] for line in everything] == [
        "overdue", "overdue", "overdue", "due-soon", "due-soon", "in-time", "in-time", "in-time", "in-time",
        "ongoing", "done-late", "done-on-time", "done-on-time"]
    assert "\tongoing\tSở Tài chính" not in "\n".join(everything)
    assert any(line.split("\t")[1:4] == ["ongoing", "ongoing", "UBND các huyện"] for line in everything)


def test_tasks_filters_and_a_later_day(db: str) -> None:
    health = run("tasks", "--db", db, "--today", DAY, "--unit", "so y te", "--status", "open").stdout.splitlines()
    assert [line.split("\t")[1:4] for line in health] == [
        ["overdue", "2026-11-10", "Sở Y tế"], ["in-time", "2026-12-15", "Sở Y tế"]]
    done = run("tasks", "--db", db, "--today", DAY, "--status", "done,due-soon").stdout.splitlines()
    assert sorted(line.split("\t")[1] for line in done) == ["done-late", "done-on-time", "done-on-time",
                                                            "due-soon", "due-soon"]
    # A month later, what was due soon is overdue.
    later = run("tasks", "--db", db, "--today", "2026-12-20", "--status", "overdue").stdout
    assert len(later.splitlines()) == 7
    # Three days ahead only counts as due soon when asked so.
    assert len(run("tasks", "--db", db, "--today", DAY, "--soon", "0", "--status", "due-soon").stdout.splitlines()) == 1
    assert run("tasks", "--db", db, "--meeting", "2", "--today", DAY).stdout.count("\n") == 2


def test_task_done_extended_noted(db: str) -> None:
    known = ids(db)
    task = known["xây dựng kế hoạch phòng, chống dịch sốt xuất huyết mùa mưa"]
    extended = run("task", task, "--extend", "2026-12-01", "--reason", "chờ kinh phí", "--granted-by",
                   "Chủ tịch UBND tỉnh", "--db", db, "--today", DAY)
    assert (extended.returncode, extended.stderr) == (0, "")
    assert extended.stdout.split("\t")[:4] == [task, "in-time", "2026-12-01", "Sở Y tế"]
    noted = run("task", task[:5], "--note", "đã trình dự thảo", "--on", "2026-11-18", "--db", db, "--today", DAY)
    assert noted.returncode == 0, noted.stderr
    done = run("task", task, "--done", "2026-11-19", "--result", "Đã ban hành kế hoạch", "--report-number",
               "45/KH-SYT", "--report-date", "2026-11-19", "--db", db, "--today", DAY)
    assert done.stdout.split("\t")[:3] == [task, "done-on-time", "2026-12-01"]
    csv = run("tasks", "--db", db, "--today", DAY, "--format", "csv", "--unit", "y te", "--status", "done").stdout
    assert ("Đã ban hành kế hoạch,45/KH-SYT,2026-11-19,18/11/2026: đã trình dự thảo,Họp giao ban tháng 10 năm 2026,"
            "2026-10-05,Trần Quốc Hùng") in csv
    assert "2026-11-10,2026-12-01," in csv  # the original deadline stays beside the extension


def test_exports_from_the_command_line(db: str, tmp_path: Path) -> None:
    workbook = tmp_path / "nhiem-vu.xlsx"
    result = run("tasks", "--db", db, "--today", DAY, "--status", "open", "--format", "xlsx", "-o", str(workbook))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")
    sheet = load_workbook(workbook)["Nhiệm vụ"]
    assert sheet.max_row == 11  # the header and ten open tasks
    report = tmp_path / "bao-cao.pdf"
    assert run("tasks", "--db", db, "--today", DAY, "--format", "pdf", "-o", str(report)).returncode == 0
    text = flat(pdf_text(report, mode="-raw"))
    assert "BÁO CÁO Tình hình thực hiện nhiệm vụ được giao tại các cuộc họp" in text
    assert "Tính đến ngày 20/11/2026, có 13 nhiệm vụ được giao tại 2 cuộc họp được theo dõi." in text
    csv = tmp_path / "nhiem-vu.csv"
    assert run("tasks", "--db", db, "--today", DAY, "--format", "csv", "-o", str(csv)).returncode == 0
    assert csv.read_bytes().startswith("\ufeffMã,Trạng thái".encode())


def test_exit_codes_and_messages(db: str, tmp_path: Path) -> None:
    task = ids(db)["xây dựng kế hoạch phòng, chống dịch sốt xuất huyết mùa mưa"]
    cases = [
        (("task", task, "--extend", "2026-12-01"), 2, "minutes-app task: lỗi: gia hạn cần có lý do: --reason TEXT"),
        (("task", task), 2, "cần một trong các tham số: --done --extend --note"),
        (("task", task, "--done", "2026-11-19", "--note", "x"), 2, "tham số --note không dùng cùng với --done"),
        (("task", task, "--note", "x", "--result", "y"), 2, "tham số --result không dùng với việc này"),
        (("task", task, "--done", "19/11/2026"), 2, "tham số --done: giá trị '19/11/2026' không hợp lệ"),
        (("tasks", "--status", "late,bogus"), 2, "tham số --status: không có trạng thái “bogus”"),
        (("tasks", "--today", "2026-02-30"), 2, "tham số --today: giá trị '2026-02-30' không hợp lệ"),
        (("tasks", "--format", "xlsx"), 2, "minutes-app tasks: lỗi: định dạng xlsx cần tệp ra: -o FILE"),
        (("task", "abcd1234", "--note", "x"), 1, "Không có nhiệm vụ nào mang mã “abcd1234”."),
        (("task", "xyz", "--note", "x"), 1, "Mã nhiệm vụ “xyz” không hợp lệ"),
        (("task", task, "--extend", "2026-11-01", "--reason", "x"), 1, "Hạn mới 1/11/2026 phải sau hạn hiện tại 10/11/2026."),
        (("task", task, "--done", "2026-10-01"), 1, "Ngày hoàn thành 1/10/2026 trước ngày giao nhiệm vụ 5/10/2026."),
        (("tasks", "--format", "xlsx", "-o", str(tmp_path / "none" / "x.xlsx")), 1, "không tồn tại"),
    ]
    for args, code, message in cases:
        result = run(*args, "--db", db)
        assert result.returncode == code, (args, result.stderr)
        assert message in result.stderr, (args, result.stderr)
        assert "Traceback" not in result.stderr
    # Nothing was changed by the refused commands.
    assert run("tasks", "--db", db, "--today", DAY, "--unit", "y te").stdout.split("\n")[0].split("\t")[1] == "overdue"


def test_in_english(db: str) -> None:
    result = run("task", "abcd1234", "--note", "x", "--db", db, env={"MINUTES_APP_LANG": "en"})
    assert (result.returncode, result.stderr) == (1, "There is no task with the id “abcd1234”.\n")
