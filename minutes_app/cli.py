"""The command line: ``minutes-app`` starts the window; sub-commands work without a display.

Exit codes: 0 done, 1 bad input (a file, an id, an archive), 2 wrong usage, 3 an
unexpected error (its details appended to the log file in the data folder), 130 stopped
with Ctrl+C.
"""

import argparse
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
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
    from minutes_app.model import Meeting

EXIT_BAD_INPUT = 1
EXIT_USAGE = 2
EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130
WORKER_ARG = "audio-worker"



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
        super().add_usage(usage, actions, groups, prefix or _("Cách dùng: "))


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
    return parser


def _cmd_import(args: argparse.Namespace) -> int:
    from minutes_app.archive import import_file, open_archive

    with open_archive(args.db) as archive:
        print(import_file(archive, args.file))
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
    from minutes_app.archive import load_meeting, open_archive
    from minutes_app.documents import export_document
    from minutes_app.interchange.reading import read_meeting_file

    if not args.source.isdigit():
        # Straight from the file: the archive is not opened at all.
        meeting = read_meeting_file(Path(args.source), audio=False)
        export_document(meeting, args.document, args.format, args.output, args.profile)
        return 0
    with open_archive(args.db) as archive, archive.sessions() as session:
        meeting = load_meeting(session, int(args.source))
        export_document(meeting, args.document, args.format, args.output, args.profile)
    return 0


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
    from minutes_app.interchange.validation import InvalidMeetingFile
    from minutes_app.migrate import ArchiveTooNew
    from minutes_app.transfer import MeetingExists

    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except (InvalidMeetingFile, MeetingNotFound, ArchiveTooNew, ArchiveDamaged, ExportError, BackupError,
            MeetingExists, CredentialsError, AudioError) as error:
        message = str(error)
    except ArgumentError:
        message = _("Địa chỉ kho lưu trữ không hợp lệ: {url}").format(url=args.db)
    except SQLAlchemyError as error:
        reason = getattr(error, "orig", None) or error
        if getattr(reason, "sqlstate", None) == "42501":  # insufficient privilege
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
