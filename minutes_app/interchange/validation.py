"""Checking a meeting file: JSON syntax, the schema, references and dates.

Every problem is reported at once, with the place in the file written as a JSON path
(``attendees[3].titles[0]``) and a message in Vietnamese.
"""

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from minutes_app.i18n import N_, _
from minutes_app.package_data import resource
from minutes_app.text import clean

if TYPE_CHECKING:  # jsonschema itself is imported when a file is checked, not at start
    from jsonschema import Draft202012Validator, ValidationError

# Every version of the meeting file this app reads, with its schema; files are written in
# the newest. A later version only adds to the one before, so one builder reads them all.
SCHEMAS = {
    "minutes-app.meeting/1": "meeting-v1.schema.json",
    "minutes-app.meeting/2": "meeting-v2.schema.json",
}
FORMAT = "minutes-app.meeting/2"
FORMAT_PREFIX = "minutes-app.meeting/"
# Longer than any record a secretary types (a 20-page report is about 60,000 characters);
# beyond it a text field is a mistake, and would make the editor crawl.
MAX_TEXT = 1_000_000


@dataclass(frozen=True)
class Problem:
    path: str  # JSON path of the place; empty for the file as a whole
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class InvalidMeetingFile(ValueError):
    """The file cannot be imported; ``problems`` lists every reason."""

    def __init__(self, source: str, problems: list[Problem]) -> None:
        self.source = source
        self.problems = problems
        header = _("Tệp {source} không hợp lệ ({count} lỗi):").format(
            source=source, count=len(problems)
        )
        super().__init__("\n".join([header, *(f"  {p}" for p in problems)]))


def json_path(parts: Iterable[str | int]) -> str:
    path = ""
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else part)
    return path


# --- JSON syntax -------------------------------------------------------------------

_JSON_MESSAGES = {
    "Expecting value": N_("thiếu giá trị"),
    "Expecting ',' delimiter": N_("thiếu dấu phẩy"),
    "Expecting ':' delimiter": N_("thiếu dấu hai chấm"),
    "Expecting property name enclosed in double quotes": N_("tên khóa phải đặt trong dấu ngoặc kép"),
    "Unterminated string starting at": N_("chuỗi thiếu dấu ngoặc kép đóng"),
    "Extra data": N_("có dữ liệu thừa sau phần kết thúc"),
    "Invalid control character at": N_("ký tự điều khiển không được phép trong chuỗi"),
    "Invalid \\escape": N_("chuỗi thoát (\\) không hợp lệ"),
    "Invalid \\uXXXX escape": N_("chuỗi thoát \\uXXXX không hợp lệ"),
}


def parse_json(data: bytes, source: str) -> Any:
    """The parsed document, its text in NFC; raises InvalidMeetingFile on bad syntax."""
    duplicates: list[str] = []

    def pairs(items: list[tuple[str, Any]]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key, value in items:
            key = clean(key)
            if key in result:
                duplicates.append(key)
            result[key] = _clean_value(value)
        return result

    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidMeetingFile(source, [Problem("", _("tệp không phải văn bản UTF-8"))]) from None
    try:
        document = _clean_value(json.loads(text, object_pairs_hook=pairs))
    except json.JSONDecodeError as error:
        line, column = _error_place(error)
        message = _(_JSON_MESSAGES.get(error.msg, error.msg))
        problem = _("dòng {line}, cột {column}: lỗi cú pháp JSON: {message}").format(
            line=line, column=column, message=message
        )
        raise InvalidMeetingFile(source, [Problem("", problem)]) from None
    except RecursionError:
        problem = _("dữ liệu lồng nhau quá sâu")
        raise InvalidMeetingFile(source, [Problem("", problem)]) from None
    if duplicates:
        problems = [
            Problem("", _("khóa “{key}” xuất hiện nhiều lần trong cùng một đối tượng").format(key=k))
            for k in dict.fromkeys(duplicates)
        ]
        raise InvalidMeetingFile(source, problems)
    return document


def _error_place(error: json.JSONDecodeError) -> tuple[int, int]:
    """Line and column to show: a missing separator is shown where it belongs, right
    after the previous value, not at the start of the next line."""
    if not error.msg.endswith("delimiter"):
        return error.lineno, error.colno
    end = len(error.doc[: error.pos].rstrip())
    line = error.doc.count("\n", 0, end) + 1
    return line, end - (error.doc.rfind("\n", 0, end) + 1) + 1


def _clean_value(value: Any) -> Any:
    # Objects are already cleaned by the pairs hook as they are parsed.
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, list):
        return [_clean_value(v) for v in value]
    return value


# --- schema --------------------------------------------------------------------------


@cache
def _validator(format_name: str) -> "Draft202012Validator":
    from jsonschema import Draft202012Validator

    schema = json.loads(resource("schema", SCHEMAS[format_name]).read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


_TYPE_NAMES = {
    "string": N_("chuỗi ký tự"),
    "array": N_("danh sách"),
    "object": N_("đối tượng"),
    "boolean": N_("giá trị đúng/sai (true hoặc false)"),
    "integer": N_("số nguyên"),
    "number": N_("số"),
}

_DATETIME_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2})?$"
_DATE_PATTERN = "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
_UUID_PATTERN = "^[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}$"
_PATTERN_MESSAGES = {
    _DATETIME_PATTERN: N_("phải là ngày giờ dạng YYYY-MM-DDTHH:MM, ví dụ 2026-07-10T08:00"),
    _DATE_PATTERN: N_("phải là ngày dạng YYYY-MM-DD, ví dụ 2026-08-31"),
    "^([01][0-9]|2[0-3]):[0-5][0-9]$": N_("phải là giờ dạng HH:MM, ví dụ 08:30"),
    "^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$": N_("phải là giờ dạng HH:MM hoặc HH:MM:SS, ví dụ 08:30"),
    _UUID_PATTERN: N_("phải là mã nhiệm vụ dạng UUID, ví dụ 3f2a9c1e-7b4d-4c1a-9e2f-5a6b7c8d9e0f"),
}


def _schema_problems(error: "ValidationError") -> Iterator[Problem]:
    path = list(error.absolute_path)
    # JSON values, always set on the errors iter_errors gives (the stubs allow them unset).
    value: Any = error.validator_value
    instance: Any = error.instance
    schema: Any = error.schema
    match error.validator:
        case "type":
            names = [_(_TYPE_NAMES.get(t, t)) for t in ([value] if isinstance(value, str) else value)]
            yield Problem(json_path(path), _("phải là {type}").format(type=_(" hoặc ").join(names)))
        case "required":
            missing = [k for k in value if k not in instance]
            for key in missing:
                yield Problem(json_path([*path, key]), _("thiếu trường bắt buộc"))
        case "additionalProperties":
            allowed = schema.get("properties", {})
            for key in instance:
                if key not in allowed and not key.startswith("x-"):
                    yield Problem(
                        json_path([*path, key]),
                        _("khóa không có trong định dạng (gõ nhầm tên khóa?)"),
                    )
        case "const":
            yield Problem(json_path(path), _("phải là “{value}”").format(value=value))
        case "enum":
            values = ", ".join(str(v) for v in value)
            yield Problem(json_path(path), _("phải là một trong các giá trị: {values}").format(values=values))
        case "pattern":
            message = _PATTERN_MESSAGES.get(value, N_("không đúng định dạng"))
            yield Problem(json_path(path), _(message))
        case "minLength":
            yield Problem(json_path(path), _("không được để trống"))
        case _:
            yield Problem(json_path(path), _("không hợp lệ ({detail})").format(detail=error.message))


def describe_errors(validator: "Draft202012Validator", document: Any) -> list[Problem]:
    """Every way ``document`` breaks the validator's schema, in words for the user."""
    # jsonschema raises one 'required' error per missing key, each listing them all.
    problems = (p for e in validator.iter_errors(document) for p in _schema_problems(e))
    return list(dict.fromkeys(problems))


def schema_problems(document: Any) -> list[Problem]:
    """The document checked against the schema of the version it names (the newest when
    it names none, which reports the missing or wrong ``format``)."""
    format_name = document.get("format") if isinstance(document, dict) else None
    if format_name in SCHEMAS:
        return describe_errors(_validator(format_name), document)
    if isinstance(format_name, str) and _version(format_name) > _version(FORMAT):
        return [Problem("format", _(
            "định dạng “{format}” mới hơn các định dạng mà phiên bản ứng dụng này đọc được "
            "(đến “{newest}”): hãy cập nhật ứng dụng"
        ).format(format=format_name, newest=FORMAT))]
    return describe_errors(_validator(FORMAT), document)


def _version(format_name: str) -> int:
    """The number of a format name ('minutes-app.meeting/2' → 2); 0 for another name."""
    number = format_name.removeprefix(FORMAT_PREFIX)
    return int(number) if format_name.startswith(FORMAT_PREFIX) and number.isdigit() else 0


# --- references and dates ----------------------------------------------------------------


def _items(document: dict[str, Any], key: str) -> list[tuple[int, dict[str, Any]]]:
    value = document.get(key)
    if not isinstance(value, list):
        return []
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)]


def _ids(document: dict[str, Any], key: str, problems: list[Problem]) -> set[str]:
    seen: dict[str, int] = {}
    for i, item in _items(document, key):
        ident = item.get("id")
        if not isinstance(ident, str):
            continue
        if ident in seen:
            problems.append(
                Problem(
                    json_path([key, i, "id"]),
                    _("mã “{id}” đã được dùng ở {other}").format(
                        id=ident, other=json_path([key, seen[ident]])
                    ),
                )
            )
        else:
            seen[ident] = i
    return set(seen)


def reference_problems(document: Any) -> list[Problem]:
    """Ids that repeat, references to ids that do not exist, dates that do not exist."""
    if not isinstance(document, dict):
        return []
    problems: list[Problem] = []
    attendees = _ids(document, "attendees", problems)
    photos = _ids(document, "photos", problems)

    def check(path: list[str | int], value: Any, known: set[str], message: str) -> None:
        if isinstance(value, str) and value not in known:
            problems.append(Problem(json_path(path), _(message).format(id=value)))

    no_attendee = N_("không có người dự họp nào mang mã “{id}”")
    no_photo = N_("không có ảnh nào mang mã “{id}”")
    for key in ("chair", "secretary"):
        check([key], document.get(key), attendees, no_attendee)
    for i, speech in _items(document, "speeches"):
        check(["speeches", i, "speaker"], speech.get("speaker"), attendees, no_attendee)
        check(["speeches", i, "photo"], speech.get("photo"), photos, no_photo)
    for i, directive in _items(document, "directives"):
        check(["directives", i, "issued_by"], directive.get("issued_by"), attendees, no_attendee)
        _check_date(["directives", i, "deadline"], directive.get("deadline"), _DATE_PATTERN, problems)
        _follow_up_dates(["directives", i, "follow_up"], directive.get("follow_up"), problems)
    for i, task in _items(document, "previous_tasks"):
        _check_date(["previous_tasks", i, "deadline"], task.get("deadline"), _DATE_PATTERN, problems)
    press = document.get("press_release")
    if isinstance(press, dict):
        check(["press_release", "general_photo"], press.get("general_photo"), photos, no_photo)
        for i, block in _items(press, "article"):
            check(["press_release", "article", i, "photo"], block.get("photo"), photos, no_photo)
    for key in ("starts_at", "ends_at"):
        _check_date([key], document.get(key), _DATETIME_PATTERN, problems)
    for i, item in _items(document, "audio"):
        _check_date(["audio", i, "started_at"], item.get("started_at"), _DATETIME_PATTERN, problems)
    return problems


def length_problems(document: Any) -> list[Problem]:
    """Text fields longer than MAX_TEXT characters."""
    problems = []
    stack: list[tuple[list[str | int], Any]] = [([], document)]
    while stack:
        path, value = stack.pop()
        if isinstance(value, str) and len(value) > MAX_TEXT:
            problems.append(Problem(json_path(path), _("văn bản quá dài ({length} ký tự, tối đa {limit})").format(
                length=f"{len(value):,}".replace(",", "."), limit=f"{MAX_TEXT:,}".replace(",", "."))))
        elif isinstance(value, dict):
            stack += [([*path, k], v) for k, v in value.items()]
        elif isinstance(value, list):
            stack += [([*path, i], v) for i, v in enumerate(value)]
    return sorted(problems, key=lambda p: p.path)


def _follow_up_dates(path: list[str | int], follow_up: Any, problems: list[Problem]) -> None:
    """The dates of a directive's follow-up (version 2) that do not exist."""
    if not isinstance(follow_up, dict):
        return
    for key in ("done_on", "report_date"):
        _check_date([*path, key], follow_up.get(key), _DATE_PATTERN, problems)
    for key, field in (("extensions", "until"), ("progress", "on")):
        for i, item in _items(follow_up, key):
            _check_date([*path, key, i, field], item.get(field), _DATE_PATTERN, problems)


def _check_date(path: list[str | int], value: Any, pattern: str, problems: list[Problem]) -> None:
    """A value of the right form that is still not a real date (2026-02-30)."""
    if not (isinstance(value, str) and re.match(pattern, value)):
        return
    try:
        (datetime if "T" in value else date).fromisoformat(value)
    except ValueError:
        problems.append(Problem(json_path(path), _("ngày giờ không tồn tại")))
