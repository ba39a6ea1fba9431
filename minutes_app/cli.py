"""The command line: ``minutes-app`` starts the window; sub-commands work without a display.

Exit codes: 0 done, 1 bad input (a file, an id, an archive), 2 wrong usage, 3 an
unexpected error (its details appended to the log file in the data folder), 130 stopped
with Ctrl+C.
"""

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy.exc import ArgumentError, SQLAlchemyError

from minutes_app import __version__
from minutes_app.audio import AudioError
from minutes_app.backup import BackupError
from minutes_app.credentials import CredentialsError
from minutes_app.documents import DOCUMENTS, FORMATS
from minutes_app.i18n import N_, _

if TYPE_CHECKING:
    from minutes_app.archive import Archive
    from minutes_app.model import Meeting
    from minutes_app.task_register import Register

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130
WORKER_ARG = "audio-worker"


class CommandError(Exception):
    """A command that cannot be done as asked; the message is for the user."""


# argparse writes its own errors in English: these are the ones a user meets.
_ARGPARSE_ERRORS = [
    (r"the following arguments are required: (.*)", N_("thiếu tham số bắt buộc: {0}")),
    (r"unrecognized arguments: (.*)", N_("tham số không nhận ra: {0}")),
    (
        r"argument (\S+): invalid choice: (.*?) \(choose from (.*)\)",
        N_("tham số {0}: giá trị {1} không hợp lệ (chọn một trong: {2})"),
    ),
    (r"argument (\S+): invalid \w+ value: (.*)", N_("tham số {0}: giá trị {1} không hợp lệ")),
    (r"argument (\S+): expected one argument", N_("tham số {0} cần một giá trị")),
    (r"one of the arguments (.*) is required", N_("cần một trong các tham số: {0}")),
    (r"argument (\S+): not allowed with argument (\S+)", N_("tham số {0} không dùng cùng với {1}")),
    (r"argument (\S+): (.*)", N_("tham số {0}: {1}")),
]


def _translate_argparse(message: str) -> str:
    for pattern, template in _ARGPARSE_ERRORS:
        if match := re.fullmatch(pattern, message):
            return _(template).format(*match.groups())
    return message


class _Formatter(argparse.HelpFormatter):
    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[argparse._MutuallyExclusiveGroup],
        prefix: str | None = None,
    ) -> None:
        # argparse asks with an empty prefix for a sub-command's name: no label there.
        super().add_usage(usage, actions, groups, _("Cách dùng: ") if prefix is None else prefix)


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)
        self._positionals.title = _("tham số")
        self._optionals.title = _("tùy chọn")
        self.add_argument("-h", "--help", action="help", help=_("hiện hướng dẫn này rồi thoát"))

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, _("{prog}: lỗi: {message}\n").format(
            prog=self.prog, message=_translate_argparse(message)
        ))


def _db_option(parser: argparse.ArgumentParser, default: object = None) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        default=default,
        help=_("kho lưu trữ (địa chỉ SQLAlchemy); mặc định: MINUTES_APP_DB hoặc tệp của người dùng"),
    )


def _by_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--by", metavar="NAME",
                        help=_("tên người thực hiện, ghi vào lịch sử (mặc định: tên đăng nhập)"))


def _user(args: argparse.Namespace) -> str:
    from minutes_app.versions import default_user

    return str(args.by) if args.by else default_user()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="minutes-app", description=_("Biên bản hội nghị: không có lệnh con thì mở cửa sổ ứng dụng."))
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}",
                        help=_("in phiên bản rồi thoát"))
    _db_option(parser)
    commands = parser.add_subparsers(dest="command", title=_("lệnh"), parser_class=_Parser)

    def command(name: str, help_text: str, handler: Callable[[argparse.Namespace], int]) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        # SUPPRESS: a --db given before the sub-command is not reset by this one.
        _db_option(sub, default=argparse.SUPPRESS)
        sub.set_defaults(handler=handler)
        return sub

    sub = command("import", _("nhập một tệp cuộc họp (JSON) vào kho, in mã cuộc họp mới"), _cmd_import)
    sub.add_argument("file", metavar="FILE.json", type=Path)
    sub.add_argument("--replace", metavar="ID", type=int,
                     help=_("thay nội dung cuộc họp ID bằng nội dung của tệp (cuộc họp giữ số, trạng thái và phiên "
                            "bản; biên bản đã chốt thì không thay được)"))
    _by_option(sub)

    command("list", _("liệt kê các cuộc họp: mã, ngày, tên, mới nhất trước"), _cmd_list)

    sub = command("dump", _("xuất một cuộc họp ra tệp JSON, ảnh ở thư mục bên cạnh"), _cmd_dump)
    sub.add_argument("meeting_id", metavar="ID", type=int)
    sub.add_argument("-o", "--output", metavar="FILE.json", type=Path, required=True)
    sub.add_argument("--with-audio", action="store_true",
                     help=_("kèm ghi âm của cuộc họp (tệp Opus ở thư mục bên cạnh)"))

    sub = command("export", _("xuất biên bản hoặc tin bài ra DOCX hoặc PDF"), _cmd_export)
    sub.add_argument("source", metavar="ID|FILE.json", help=_("mã cuộc họp trong kho, hoặc một tệp cuộc họp"))
    sub.add_argument("--document", choices=DOCUMENTS, required=True)
    sub.add_argument("--format", choices=FORMATS, required=True)
    sub.add_argument("-o", "--output", metavar="OUT", type=Path, required=True)
    sub.add_argument(
        "--profile", metavar="NAME",
        help=_("hồ sơ định dạng (mặc định: theo kiểu của cuộc họp, state hoặc party)"),
    )
    sub.add_argument("--version", dest="record_version", metavar="N", type=int,
                     help=_("xuất phiên bản N đúng như khi đó (mặc định: phiên bản hiện tại)"))
    _by_option(sub)

    sub = command("finalize", _("chốt biên bản: các người ký xác nhận đúng nội dung đã ký; sau đó biên bản chỉ đọc"),
                  _cmd_finalize)
    sub.add_argument("meeting_id", metavar="ID", type=int)
    sub.add_argument("-y", "--yes", action="store_true", help=_("không hỏi lại"))
    _by_option(sub)

    sub = command("reopen", _("mở lại biên bản đã chốt để sửa; bản sửa sẽ là phiên bản sau"), _cmd_reopen)
    sub.add_argument("meeting_id", metavar="ID", type=int)
    sub.add_argument("--reason", metavar="TEXT", required=True, help=_("lý do sửa (bắt buộc)"))
    _by_option(sub)

    sub = command("history", _("các phiên bản của biên bản, mỗi dòng một phiên bản: số, trạng thái, thời điểm, "
                               "người thực hiện, lý do, SHA-256"), _cmd_history)
    sub.add_argument("meeting_id", metavar="ID", type=int)

    sub = command("verify", _("cho biết tệp DOCX/PDF là lần xuất nào của biên bản nào trong kho (mã thoát 0), "
                              "hay không khớp lần xuất nào (mã thoát 1)"), _cmd_verify)
    sub.add_argument("file", metavar="FILE", type=Path)

    sub = command("copy", _("chép một cuộc họp sang kho khác (từ máy xách tay lên máy chủ văn phòng, hoặc ngược lại)"),
                  _cmd_copy)
    sub.add_argument("meeting_id", metavar="ID", type=int)
    sub.add_argument("--from", dest="source", metavar="URL", help=_("kho nguồn (mặc định: như --db)"))
    sub.add_argument("--to", dest="target", metavar="URL", required=True, help=_("kho đích"))
    sub.add_argument("--if-exists", choices=("skip", "replace", "keep-both"),
                     help=_("khi kho đích đã có cuộc họp: bỏ qua, thay thế, hoặc giữ cả hai"))
    sub.add_argument("-y", "--yes", action="store_true", help=_("không hỏi lại"))

    command("set-password", _("lưu mật khẩu máy chủ của kho (--db) vào kho khóa của hệ thống"), _cmd_set_password)

    sub = command("audio", _("ghi âm của một cuộc họp: gắn tệp ghi âm, cắt đoạn của một ý kiến, xem thông tin"),
                  _cmd_audio)
    sub.add_argument("meeting_id", metavar="ID", type=int)
    action = sub.add_mutually_exclusive_group(required=True)
    action.add_argument("--attach", metavar="FILE", type=Path,
                        help=_("gắn một tệp ghi âm có sẵn (M4A/AAC, MP3, WAV, OGG/Opus)"))
    action.add_argument("--speech", metavar="N", type=int,
                        help=_("ghi đoạn âm thanh của ý kiến thứ N (từ 1) ra tệp WAV (-o)"))
    action.add_argument("--info", action="store_true",
                        help=_("in các đoạn ghi âm, tổng thời lượng và thời gian phát biểu của từng người (giây)"))
    action.add_argument("--delete", action="store_true", help=_("xóa toàn bộ ghi âm của cuộc họp"))
    sub.add_argument("--start", metavar="YYYY-MM-DDTHH:MM:SS", type=_local_time,
                     help=_("giờ bắt đầu của tệp ghi âm (mặc định: theo thông tin trong tệp)"))
    sub.add_argument("-o", "--output", metavar="CLIP.wav", type=Path)
    sub.add_argument("-y", "--yes", action="store_true", help=_("không hỏi lại"))

    sub = command("backup", _("sao lưu kho lưu trữ ngay, in đường dẫn bản sao"), _cmd_backup)
    sub.add_argument("--list", action="store_true", help=_("liệt kê các bản sao lưu, mới nhất trước"))
    sub.add_argument("--without-audio", action="store_true",
                     help=_("không kèm ghi âm của các cuộc họp (bản sao nhỏ hơn nhiều)"))

    sub = command("restore", _("khôi phục kho lưu trữ từ một bản sao lưu (kho hiện tại được sao lưu trước)"),
                  _cmd_restore)
    sub.add_argument("file", metavar="FILE", type=Path)
    sub.add_argument("-y", "--yes", action="store_true", help=_("không hỏi lại"))

    _task_commands(command)
    return parser


def _iso_date(text: str) -> date:
    """A date typed as YYYY-MM-DD (argparse reports anything else as an invalid value)."""
    return date.fromisoformat(text)


def _statuses(text: str) -> frozenset[object]:
    from minutes_app.tasks import STATUS_GROUPS, STATUSES, parse_statuses

    try:
        return frozenset(parse_statuses(text.split(",")))
    except ValueError as error:
        names = ", ".join([*(s.value for s in STATUSES), *STATUS_GROUPS])
        raise argparse.ArgumentTypeError(
            _("không có trạng thái “{status}” (chọn trong: {names})").format(status=error, names=names)) from None


def _task_commands(command: Callable[[str, str, Callable[[argparse.Namespace], int]], argparse.ArgumentParser]) -> None:
    today = _("ngày tính trạng thái, YYYY-MM-DD (mặc định: hôm nay)")
    sub = command("tasks", _("liệt kê các nhiệm vụ được giao tại các cuộc họp, mỗi dòng một nhiệm vụ: mã, trạng thái, "
                             "hạn, đơn vị chủ trì, nội dung; hoặc xuất danh sách, báo cáo"), _cmd_tasks)
    sub.add_argument("--status", metavar="STATUS[,STATUS]", type=_statuses, help=_(
        "chỉ các nhiệm vụ có trạng thái này: overdue (quá hạn), due-soon (sắp đến hạn), in-time (trong hạn), "
        "ongoing (thường xuyên), done-on-time, done-late; hoặc nhóm open (chưa xong), done (đã xong), late (trễ hạn)"))
    sub.add_argument("--unit", metavar="TEXT", default="", help=_("chỉ các nhiệm vụ của đơn vị chủ trì có tên chứa các "
                                                                  "chữ này (không cần dấu)"))
    sub.add_argument("--meeting", metavar="ID", type=int, help=_("chỉ các nhiệm vụ của cuộc họp này"))
    sub.add_argument("--today", metavar="YYYY-MM-DD", type=_iso_date, help=today)
    sub.add_argument("--soon", metavar="N", type=int, default=None,
                     help=_("số ngày trước hạn được tính là sắp đến hạn (mặc định 7)"))
    sub.add_argument("--format", choices=("text", "csv", "xlsx", "docx", "pdf"), default="text", help=_(
        "text: mỗi dòng một nhiệm vụ; csv, xlsx: bảng tính; docx, pdf: báo cáo tình hình thực hiện nhiệm vụ"))
    sub.add_argument("-o", "--output", metavar="FILE", type=Path, help=_("ghi ra tệp (bắt buộc với xlsx, docx, pdf)"))
    sub.set_defaults(parser=sub)  # to report a wrong combination of options as argparse does

    sub = command("task", _("ghi kết quả thực hiện một nhiệm vụ: hoàn thành, gia hạn, hoặc một ghi chú tiến độ"),
                  _cmd_task)
    sub.add_argument("task_id", metavar="TASK_ID", help=_("mã nhiệm vụ, như lệnh “tasks” in ra"))
    sub.set_defaults(parser=sub)
    action = sub.add_mutually_exclusive_group(required=True)
    action.add_argument("--done", metavar="YYYY-MM-DD", type=_iso_date, help=_("ngày hoàn thành"))
    action.add_argument("--extend", metavar="YYYY-MM-DD", type=_iso_date, help=_("hạn mới (cần --reason)"))
    action.add_argument("--note", metavar="TEXT", help=_("ghi chú tiến độ"))
    sub.add_argument("--result", metavar="TEXT", help=_("kết quả thực hiện (với --done)"))
    sub.add_argument("--report-number", metavar="NUMBER", help=_("số văn bản báo cáo kết quả (với --done)"))
    sub.add_argument("--report-date", metavar="YYYY-MM-DD", type=_iso_date,
                     help=_("ngày văn bản báo cáo kết quả (với --done)"))
    sub.add_argument("--reason", metavar="TEXT", help=_("lý do gia hạn (với --extend)"))
    sub.add_argument("--granted-by", metavar="TEXT", default="", help=_("người cho phép gia hạn (với --extend)"))
    sub.add_argument("--on", metavar="YYYY-MM-DD", type=_iso_date,
                     help=_("ngày của ghi chú (với --note; mặc định hôm nay)"))
    sub.add_argument("--today", metavar="YYYY-MM-DD", type=_iso_date, help=today)


def _cmd_import(args: argparse.Namespace) -> int:
    from minutes_app.archive import import_file, open_archive, replace_from_file

    with open_archive(args.db) as archive:
        if args.replace is not None:
            replace_from_file(archive, args.replace, args.file)
            print(args.replace)
        else:
            print(import_file(archive, args.file, _user(args)))
    return 0


def _cmd_list(args: argparse.Namespace) -> int:
    from minutes_app.archive import list_meetings, open_archive

    with open_archive(args.db) as archive:
        for meeting in list_meetings(archive):
            print(f"{meeting.id}\t{meeting.starts_at:%Y-%m-%d}\t{meeting.title}")
    return 0


def _cmd_dump(args: argparse.Namespace) -> int:
    from minutes_app.archive import dump_meeting, open_archive

    with open_archive(args.db) as archive:
        dump_meeting(archive, args.meeting_id, args.output, args.with_audio)
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from minutes_app.archive import open_archive
    from minutes_app.history import export

    if not args.source.isdigit():
        from minutes_app.documents import export_document
        from minutes_app.interchange.reading import read_meeting_file
        from minutes_app.model import RecordState
        from minutes_app.versions import digest

        # Straight from the file: the archive is not opened at all.
        if args.record_version is not None:
            raise CommandError(_("--version chỉ dùng với một cuộc họp trong kho, không với một tệp."))
        meeting = read_meeting_file(Path(args.source), audio=False)
        sha256 = digest(meeting) if meeting.state == RecordState.FINAL else None
        export_document(meeting, args.document, args.format, args.output, args.profile, sha256)
        return 0
    with open_archive(args.db) as archive:
        export(archive, int(args.source), args.document, args.format, args.output, args.profile,
               args.record_version, _user(args))
    return 0


def _cmd_finalize(args: argparse.Namespace) -> int:
    from minutes_app.archive import load_meeting, open_archive
    from minutes_app.history import finalize, signers

    with open_archive(args.db) as archive:
        if not args.yes:
            with archive.sessions() as session:
                meeting = load_meeting(session, args.meeting_id)
                secretary, chair = signers(meeting)
                question = _(
                    "Chốt biên bản cuộc họp số {id} “{title}” thành phiên bản {version}? Thư ký ({secretary}) và chủ "
                    "tọa ({chair}) xác nhận đây đúng là nội dung đã ký; sau khi chốt, biên bản chỉ sửa được bằng "
                    "cách mở lại, có ghi lý do. Gõ “c” để xác nhận: "
                ).format(id=meeting.id, title=meeting.title, version=meeting.record_version,
                         secretary=secretary or "?", chair=chair or "?")
            if _ask(question) not in _YES:
                print(_("Không chốt."), file=sys.stderr)
                return EXIT_BAD_INPUT
        line = finalize(archive, args.meeting_id, _user(args))
    print(_("Đã chốt biên bản của cuộc họp số {id}: phiên bản {version}, SHA-256 {sha256}.").format(
        id=args.meeting_id, version=line.number, sha256=line.sha256))
    return 0


def _cmd_reopen(args: argparse.Namespace) -> int:
    from minutes_app.archive import open_archive
    from minutes_app.history import reopen

    with open_archive(args.db) as archive:
        line = reopen(archive, args.meeting_id, args.reason, _user(args))
    print(_("Đã mở lại biên bản của cuộc họp số {id} để sửa: bản sửa là phiên bản {version}.").format(
        id=args.meeting_id, version=line.number))
    return 0


def _cmd_history(args: argparse.Namespace) -> int:
    from minutes_app.archive import open_archive
    from minutes_app.history import history, state_name

    with open_archive(args.db) as archive:
        for line in history(archive, args.meeting_id):
            at = f"{line.at:%Y-%m-%d %H:%M}" if line.at else ""
            print("\t".join([str(line.number), state_name(line.state), at, line.author or "", line.reason or "",
                             line.sha256 or ""]))
    return 0


def _cmd_verify(args: argparse.Namespace) -> int:
    from minutes_app.archive import open_archive
    from minutes_app.verification import verify

    with open_archive(args.db) as archive:
        verdict = verify(archive, args.file)
    print(verdict.message)
    return 0 if verdict.matched else EXIT_BAD_INPUT


def _ask(question: str) -> str:
    """The user's answer, in lower case; empty when there is no one to ask."""
    try:
        return input(question).strip().casefold()
    except EOFError:
        return ""


_YES = ("c", "có", "co", "y", "yes")


def _cmd_copy(args: argparse.Namespace) -> int:
    from minutes_app.archive import open_archive
    from minutes_app.transfer import IfExists, MeetingExists, copy_meeting

    choice = IfExists(args.if_exists) if args.if_exists else None
    with open_archive(args.source or args.db) as source, open_archive(args.target) as target:
        try:
            copied = copy_meeting(source, args.meeting_id, target, None if choice is IfExists.REPLACE else choice)
        except MeetingExists as exists:
            if choice is None:
                answer = _ask(_("{message} Chọn: [b] bỏ qua, [t] thay thế, [g] giữ cả hai: ").format(message=exists))
                choice = {"b": IfExists.SKIP, "t": IfExists.REPLACE, "g": IfExists.KEEP_BOTH}.get(answer[:1])
                if choice is None:
                    print(_("Không chép. Chọn cách làm bằng --if-exists skip|replace|keep-both."), file=sys.stderr)
                    return EXIT_BAD_INPUT
            elif not args.yes:
                if _ask(_("{message} Thay thế nó? Gõ “c” để đồng ý: ").format(message=exists)) not in _YES:
                    print(_("Không chép."), file=sys.stderr)
                    return EXIT_BAD_INPUT
            copied = copy_meeting(source, args.meeting_id, target, choice)
    print(copied)
    return 0


def _cmd_tasks(args: argparse.Namespace) -> int:
    from minutes_app.archive import open_archive
    from minutes_app.task_register import TaskFilter, load_register
    from minutes_app.task_reports import register_lines
    from minutes_app.tasks import DUE_SOON_DAYS

    if args.format in ("xlsx", "docx", "pdf") and args.output is None:
        args.parser.error(_("định dạng {format} cần tệp ra: -o FILE").format(format=args.format))
    today = args.today or date.today()
    wanted = TaskFilter(statuses=args.status or frozenset(), unit=args.unit, meeting_id=args.meeting)
    with open_archive(args.db) as archive:
        with archive.engine.connect() as connection:
            register = load_register(connection, today, DUE_SOON_DAYS if args.soon is None else args.soon)
            register.load_details(connection)
        tasks = register.select(wanted).tasks
        if args.format == "text":
            _write_text("".join(f"{line}\n" for line in register_lines(register, tasks)), args.output)
            return 0
        _export_tasks(archive, [register.ids[i] for i in tasks], register, args)
    return 0


def _export_tasks(archive: "Archive", ids: list[Any], register: "Register", args: argparse.Namespace) -> None:
    from minutes_app.documents.output import write_file
    from minutes_app.task_reports import task_details, write_csv, write_xlsx

    with archive.sessions() as session:
        details = task_details(session, ids, register.today, register.soon_days)
        if args.format == "csv":
            _write_text(write_csv(details), args.output, bom=True)
        elif args.format == "xlsx":
            write_file(args.output, write_xlsx(details, register.today))
        else:
            from minutes_app.documents.task_report import ReportScope, render_task_report
            from minutes_app.task_reports import report_organizer

            scope = ReportScope(register.today, report_organizer(session, details))
            write_file(args.output, render_task_report(details, scope, args.format))


def _write_text(text: str, path: Path | None, bom: bool = False) -> None:
    """Text to standard output, or to ``path`` (UTF-8, with a BOM for Excel's CSV)."""
    if path is None:
        sys.stdout.write(text)
        return
    from minutes_app.documents.output import write_file

    write_file(path, (("\ufeff" if bom else "") + text).encode("utf-8"))


def _cmd_task(args: argparse.Namespace) -> int:
    from minutes_app import credentials
    from minutes_app.archive import open_archive
    from minutes_app.editing import follow_up
    from minutes_app.task_reports import task_details, text_line

    misplaced = [name for name, given, allowed in (
        ("--result", args.result, args.done), ("--report-number", args.report_number, args.done),
        ("--report-date", args.report_date, args.done), ("--reason", args.reason, args.extend),
        ("--granted-by", args.granted_by, args.extend), ("--on", args.on, args.note),
    ) if given and not allowed]
    if misplaced:
        args.parser.error(_("tham số {names} không dùng với việc này").format(names=", ".join(misplaced)))
    if args.extend and not args.reason:
        args.parser.error(_("gia hạn cần có lý do: --reason TEXT"))
    today = args.today or date.today()
    user = credentials.login_name() or None
    with open_archive(args.db) as archive:
        if args.done:
            task = follow_up.mark_done(archive, args.task_id, args.done, args.result, args.report_number,
                                       args.report_date, user=user)
        elif args.extend:
            task = follow_up.extend(archive, args.task_id, args.extend, args.reason, args.granted_by, user=user)
        else:
            task = follow_up.add_note(archive, args.task_id, args.note, args.on or today, user=user)
        with archive.sessions() as session:
            [detail] = task_details(session, [task.id], today)
    print(text_line(detail.id, detail.status, detail.due.isoformat() if detail.due else None, detail.recurrence,
                    detail.unit, detail.content))
    return 0


def _cmd_set_password(args: argparse.Namespace) -> int:
    from getpass import getpass

    from sqlalchemy.engine import make_url

    from minutes_app.credentials import account, needs_password, save_password
    from minutes_app.storage import resolve_url

    url = make_url(resolve_url(args.db))
    if not needs_password(url):
        raise CredentialsError(_("Địa chỉ kho phải là một máy chủ, có tên người dùng và không kèm mật khẩu."))
    try:
        password = getpass(_("Mật khẩu của {account}: ").format(account=account(url)))
        again = getpass(_("Nhập lại mật khẩu: "))
    except EOFError:
        asking = _("Không có ai để hỏi mật khẩu: hãy chạy lệnh này trong một cửa sổ dòng lệnh.")
        raise CredentialsError(asking) from None
    if again != password:
        raise CredentialsError(_("Hai lần nhập không khớp; mật khẩu chưa được lưu."))
    save_password(str(url), password)
    print(_("Đã lưu mật khẩu vào kho khóa của hệ thống."))
    return 0


def _local_time(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(text) from None


def _cmd_audio(args: argparse.Namespace) -> int:
    from minutes_app.archive import load_meeting, open_archive
    from minutes_app.audio import store

    with open_archive(args.db) as archive:
        with archive.sessions() as session:
            meeting = load_meeting(session, args.meeting_id)
        if args.attach is not None:
            from minutes_app.audio.attach import attach_file

            segment = attach_file(archive.engine, meeting.id, args.attach, args.start)
            print(_("Đã gắn “{file}”: bắt đầu {start}, dài {seconds} giây.").format(
                file=args.attach.name, start=f"{segment.started_at:%Y-%m-%dT%H:%M:%S}",
                seconds=f"{segment.duration:.1f}"))
        elif args.speech is not None:
            from minutes_app.audio.clips import speech_samples
            from minutes_app.audio.codec import write_wav

            if args.output is None:
                raise AudioError(_("Cần tệp ra cho đoạn âm thanh: -o CLIP.wav"))
            write_wav(args.output, speech_samples(archive.engine, meeting, args.speech))
        elif args.info:
            _print_audio_info(meeting)
        else:
            if not meeting.audio_segments:
                print(_("Cuộc họp không có ghi âm."))
                return 0
            question = _("Xóa toàn bộ ghi âm của cuộc họp số {id} ({title})? Gõ “c” để đồng ý: ").format(
                id=meeting.id, title=meeting.title)
            if not args.yes and _ask(question) not in _YES:
                print(_("Không xóa."), file=sys.stderr)
                return EXIT_BAD_INPUT
            store.delete_meeting_audio(archive.engine, meeting.id)
            print(_("Đã xóa ghi âm của cuộc họp số {id}.").format(id=meeting.id))
    return 0


def _print_audio_info(meeting: "Meeting") -> None:
    from minutes_app.audio import timeline

    segments = meeting.audio_segments
    if not segments:
        print(_("Cuộc họp không có ghi âm."))
        return
    for number, segment in enumerate(segments, start=1):
        origin = segment.file_name if segment.file_name else _("ghi âm trong ứng dụng")
        print(_("Đoạn {number}\t{start}\t{seconds} giây\t{origin}").format(
            number=number, start=f"{segment.started_at:%Y-%m-%dT%H:%M:%S}", seconds=f"{segment.duration:.1f}",
            origin=origin))
    print(_("Tổng thời lượng\t{seconds} giây").format(seconds=f"{sum(s.duration for s in segments):.1f}"))
    names = {a.id: a.person.name for a in meeting.attendances}
    for total in timeline.speaker_times(meeting.speeches, segments):
        name = names.get(total.speaker_id) if total.speaker_id else None
        print(f"{name or _('(chưa rõ người phát biểu)')}\t{total.seconds:.1f}")


def _sqlite_archive(args: argparse.Namespace) -> Path:
    from minutes_app.storage import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(args.db))
    if path is None:
        raise BackupError(
            _("Kho lưu trữ này không phải một tệp SQLite: hãy sao lưu máy chủ cơ sở dữ liệu bằng công cụ "
              "của nó (với PostgreSQL: pg_dump).")
        )
    return path


def _cmd_backup(args: argparse.Namespace) -> int:
    from minutes_app.backup import audio_included, is_good, list_backups, make_backup

    archive = _sqlite_archive(args)
    if args.list:
        for path in list_backups(archive):
            if not is_good(path):
                print(f"{path}\t{_('(hỏng)')}")
                continue
            audio = audio_included(path)
            notes = {None: "", True: "\t" + _("(có ghi âm)"), False: "\t" + _("(không kèm ghi âm)")}
            print(f"{path}{notes[audio]}")
        return 0
    if not archive.exists():
        raise BackupError(_("Chưa có kho lưu trữ “{archive}” để sao lưu.").format(archive=archive))
    print(make_backup(archive, with_audio=not args.without_audio))
    return 0


def _cmd_restore(args: argparse.Namespace) -> int:
    from minutes_app.backup import restore
    from minutes_app.storage import resolve_url
    from minutes_app.window_lock import WindowLock

    archive = _sqlite_archive(args)
    # Replacing the files under a window would leave it writing into the old ones.
    lock = WindowLock.take(resolve_url(args.db))
    if lock is None:
        raise BackupError(_("Kho lưu trữ “{archive}” đang mở trong cửa sổ ứng dụng: hãy đóng cửa sổ đó "
                            "rồi khôi phục.").format(archive=archive))
    with lock:
        if not args.yes:
            question = _("Thay kho lưu trữ “{archive}” bằng bản sao lưu “{file}”? Kho hiện tại sẽ được sao lưu "
                         "trước. Gõ “c” để đồng ý: ").format(archive=archive, file=args.file)
            if _ask(question) not in _YES:
                print(_("Không khôi phục."), file=sys.stderr)
                return EXIT_BAD_INPUT
        kept = restore(archive, args.file)
    if kept is not None:
        print(_("Kho cũ được giữ ở “{file}”.").format(file=kept))
    print(_("Đã khôi phục “{archive}” từ “{file}”.").format(archive=archive, file=args.file))
    return 0


def _run(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from minutes_app.archive import ArchiveDamaged, MeetingNotFound
    from minutes_app.documents import ExportError
    from minutes_app.editing.follow_up import TaskError
    from minutes_app.finality import MeetingIsFinal, refused_by_archive
    from minutes_app.history import StateError
    from minutes_app.interchange.validation import InvalidMeetingFile
    from minutes_app.migrate import ArchiveTooNew
    from minutes_app.transfer import FinalInTarget, MeetingExists
    from minutes_app.versions import NoSuchVersion

    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except (InvalidMeetingFile, MeetingNotFound, ArchiveTooNew, ArchiveDamaged, ExportError, BackupError,
            MeetingExists, CredentialsError, MeetingIsFinal, StateError, NoSuchVersion, CommandError,
            FinalInTarget, AudioError, TaskError) as error:
        message = str(error)
    except ArgumentError:
        message = _("Địa chỉ kho lưu trữ không hợp lệ: {url}").format(url=args.db)
    except SQLAlchemyError as error:
        reason = getattr(error, "orig", None) or error
        if refused_by_archive(error):
            message = _("Kho lưu trữ từ chối thay đổi: biên bản đã chốt thì không sửa được; muốn sửa, hãy mở lại để "
                        "sửa, có ghi lý do.")
        elif getattr(reason, "sqlstate", None) == "42501":  # insufficient privilege
            message = _("Tài khoản này không có quyền làm việc đó trên kho lưu trữ ({reason}).").format(
                reason=str(reason).strip())
        else:
            message = _("Không mở được kho lưu trữ: {reason}").format(reason=reason)
    except OSError as error:
        message = _("Không ghi hoặc đọc được “{file}”: {reason}").format(
            file=error.filename, reason=error.strerror
        )
    except KeyboardInterrupt:
        print(_("Đã dừng."), file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:  # the one place for what no one foresaw: logged, one line, no traceback
        print(_unexpected(error, args.command, argv), file=sys.stderr)
        return EXIT_UNEXPECTED
    print(message, file=sys.stderr)
    return EXIT_BAD_INPUT


def _unexpected(error: Exception, command: str, argv: Sequence[str]) -> str:
    from minutes_app.log import describe, record_unexpected

    # A server address may carry a password: the log does not keep it.
    command_line = re.sub(r"(://[^:/@\s]+:)[^@\s]+@", r"\1***@", " ".join(["minutes-app", *argv]))
    _details, log = record_unexpected(error, command_line)
    if log is None:
        return _("Lỗi không lường trước khi chạy lệnh “{command}” ({error}); không ghi được nhật ký lỗi.").format(
            command=command, error=describe(error))
    return _("Lỗi không lường trước khi chạy lệnh “{command}” ({error}); chi tiết đã ghi vào {log}").format(
        command=command, error=describe(error), log=log)


def main(argv: Sequence[str] | None = None) -> int:
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    arguments = list(sys.argv[1:] if argv is None else argv)
    if arguments == [WORKER_ARG]:  # the audio process of a meeting window (audio.client)
        from minutes_app.audio.worker import main as audio_worker

        return audio_worker()
    args = build_parser().parse_args(arguments)
    if args.command is None:
        from minutes_app.ui.app import run_gui

        return run_gui(args.db)
    return _run(args, arguments)
