"""Abbreviations in the news article, as the provincial press writes them.

The first mention spells the term out and introduces its short form
('trật tự an toàn giao thông (TTATGT)'); later mentions use the short form. A term the
article names only once is spelled out and not introduced. A few short forms every
reader knows (UBND, HĐND) are used from the first mention.

The list is data: ``resources/abbreviations.json``, which an office extends, corrects or
trims with an ``abbreviations.json`` of the same form in the user's settings folder.
"""

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from minutes_app.documents import ExportError
from minutes_app.documents.wording import capitalize_first
from minutes_app.i18n import _
from minutes_app.package_data import resource
from minutes_app.storage import config_dir
from minutes_app.text import clean

FILE_NAME = "abbreviations.json"


class AbbreviationsError(ExportError):
    """An office's list of abbreviations that cannot be read; the message names the file."""


@dataclass(frozen=True)
class Abbreviation:
    short: str  # 'TTATGT'
    long: str  # 'trật tự an toàn giao thông'
    introduce: bool = True  # False: the short form from the first mention (UBND)


def user_abbreviations_file() -> Path:
    return config_dir() / FILE_NAME


def load_abbreviations() -> tuple[Abbreviation, ...]:
    """The built-in list with the office's own file applied: an entry replaces the one with
    the same short form, ``"remove": true`` drops it."""
    built_in = _parse(resource(FILE_NAME).read_text(encoding="utf-8"), FILE_NAME)
    own = user_abbreviations_file()
    try:
        stat = own.stat()
    except OSError:
        return tuple(a for a in built_in.values() if a is not None)
    entries = built_in | _read_own(str(own), stat.st_mtime_ns, stat.st_size)
    return tuple(a for a in entries.values() if a is not None)


@cache
def _read_own(path: str, _mtime: int, _size: int) -> dict[str, Abbreviation | None]:
    """The office's file, read again only when it changes."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise AbbreviationsError(
            _("Không đọc được tệp chữ viết tắt “{file}”: {reason}").format(file=path, reason=error)
        ) from None
    return _parse(text, path)


def _parse(text: str, source: str) -> dict[str, Abbreviation | None]:
    """The entries of a list by short form; None for one the list removes."""

    def invalid(reason: str) -> AbbreviationsError:
        return AbbreviationsError(
            _("Tệp chữ viết tắt “{file}” không hợp lệ: {reason}").format(file=source, reason=reason)
        )

    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise invalid(_("dòng {line}, cột {column}: lỗi cú pháp JSON").format(
            line=error.lineno, column=error.colno)) from None
    items = data.get("abbreviations") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise invalid(_("thiếu danh sách “abbreviations”"))
    entries: dict[str, Abbreviation | None] = {}
    for number, item in enumerate(items, start=1):
        short = item.get("short") if isinstance(item, dict) else None
        if not isinstance(short, str) or not short.strip():
            raise invalid(_("mục {number} thiếu “short” (chữ viết tắt)").format(number=number))
        short = clean(short).strip()
        assert isinstance(item, dict)
        if item.get("remove") is True:
            entries[short] = None
            continue
        long, introduce = item.get("long"), item.get("introduce", True)
        if not isinstance(long, str) or not long.strip():
            raise invalid(_("mục “{short}” thiếu “long” (viết đầy đủ)").format(short=short))
        if not isinstance(introduce, bool):
            raise invalid(_("“introduce” của mục “{short}” phải là true hoặc false").format(short=short))
        entries[short] = Abbreviation(short, " ".join(clean(long).split()), introduce)
    return entries


# --- applying them to the article's texts ----------------------------------------------------

# Text in quotation marks is someone's own words: never changed.
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# Words after which a term begins a name and takes a capital ('Ban An toàn giao thông tỉnh').
_NAME_HEADS = ("Ban", "Sở", "Phòng", "Trung tâm", "Cục", "Chi cục", "Hội đồng", "Ủy ban", "Quỹ", "Đội", "Hội")


def _key(text: str) -> str:
    return re.sub(r"\s*[-–]\s*", "-", " ".join(text.split())).casefold()


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    entry: Abbreviation
    form: str  # 'long', 'short', or 'introduced' (already 'long (SHORT)')


class _Finder:
    def __init__(self, entries: Iterable[Abbreviation]) -> None:
        self.entries = {a.short: a for a in entries}
        self.by_long = {_key(a.long): a for a in self.entries.values()}
        longs = sorted(self.entries.values(), key=lambda a: len(a.long), reverse=True)
        self.pattern = re.compile(
            r"(?<![\w-])(?:(?P<short>" + "|".join(re.escape(s) for s in sorted(self.entries, key=len, reverse=True))
            + r")|(?P<long>" + "|".join(_long_pattern(a.long) for a in longs) + r"))(?![\w-])",
            re.IGNORECASE,
        ) if self.entries else None

    def mentions(self, text: str) -> Iterator[_Mention]:
        if self.pattern is None:
            return
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        taken = 0  # the end of the last mention: '(CNTT)' after 'công nghệ thông tin' belongs to it
        for found in self.pattern.finditer(text):
            if found.start() < taken or any(a <= found.start() < b for a, b in quoted):
                continue
            if found.group("short") is not None:
                entry = self.entries.get(found.group("short"))
                if entry is None:  # the short form in another case ('Ubnd') is left alone
                    continue
                yield _Mention(found.start(), found.end(), entry, "short")
                continue
            entry = self.by_long[_key(found.group("long"))]
            if entry.introduce and found.group("long")[0].isupper() and not _sentence_starts(text, found.start()):
                continue  # part of a name: 'Trung tâm Công nghệ thông tin và Truyền thông'
            after = re.match(rf"\s*\({re.escape(entry.short)}\)", text[found.end():])
            mention = _Mention(found.start(), found.end() + (after.end() if after else 0), entry,
                               "introduced" if after else "long")
            taken = mention.end
            yield mention


def _sentence_starts(text: str, position: int) -> bool:
    before = text[:position].rstrip()
    return not before or before.endswith((".", "!", "?", ":"))


def _long_pattern(long: str) -> str:
    """The term with any spacing, and either dash between its parts ('kinh tế – xã hội')."""
    parts = re.split(r"\s*[-–]\s*", long)
    return r"\s*[-–]\s*".join(r"\s+".join(re.escape(w) for w in part.split()) for part in parts)


def abbreviate(texts: list[tuple[str, bool]], entries: Iterable[Abbreviation]) -> list[str]:
    """The article's texts in order, each with whether it is running text (the lead and the
    paragraphs, where a term is introduced) or a caption or heading (short forms once known)."""
    finder = _Finder(entries)
    counts: dict[str, int] = {}
    for text, running in texts:
        if running:
            for mention in finder.mentions(text):
                counts[mention.entry.short] = counts.get(mention.entry.short, 0) + 1
    known: set[str] = set()
    result = []
    for text, running in texts:
        pieces: list[str] = []
        position = 0
        for mention in finder.mentions(text):
            pieces.append(text[position:mention.start])
            pieces.append(_written(text, mention, running, counts.get(mention.entry.short, 0), known))
            position = mention.end
        pieces.append(text[position:])
        result.append("".join(pieces))
    return result


def _written(text: str, mention: _Mention, running: bool, count: int, known: set[str]) -> str:
    entry, typed = mention.entry, text[mention.start:mention.end]
    if not entry.introduce:
        return entry.short
    if entry.short in known:
        return entry.short
    if not running:
        return typed
    if count >= 2 or mention.form == "introduced":
        known.add(entry.short)
        if mention.form == "introduced":
            return typed
        return f"{_spelled(text, mention)} ({entry.short})"
    return _spelled(text, mention)


def _spelled(text: str, mention: _Mention) -> str:
    """The term in full where the mention stands: as typed if typed in full, with a capital
    at the start of a sentence or of a name."""
    typed = text[mention.start:mention.end]
    if mention.form == "long":
        return typed
    if _sentence_starts(text, mention.start) or text[:mention.start].rstrip().endswith(_NAME_HEADS):
        return capitalize_first(mention.entry.long)
    return mention.entry.long
