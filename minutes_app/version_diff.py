"""What changed between two versions of a meeting's minutes, read from their meeting files.

Attendees are matched by name; speeches, topics, directives, agenda items, photos and
the article's blocks by their place in the order, so that an item typed in between is
one added item, not a change to every item after it. A changed text is compared word by
word, so the words taken out and put in can be marked.
"""

import difflib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from minutes_app.documents.wording import kind_wording
from minutes_app.i18n import N_, _

Document = dict[str, Any]
Item = dict[str, Any]


@dataclass(frozen=True)
class Piece:
    """A stretch of a changed text: the same in both, taken out, or put in."""

    kind: Literal["same", "removed", "added"]
    text: str


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str

    def pieces(self) -> list[Piece]:
        return word_diff(self.old, self.new)


@dataclass(frozen=True)
class ItemChange:
    """An item added, removed or changed in one part of the record. For an added or a
    removed item, ``fields`` holds what it says (the other side empty)."""

    part: str  # 'general', 'attendees', 'speeches', 'topics', 'directives', 'photos', 'article'
    kind: Literal["added", "removed", "changed"]
    name: str  # how the item is named to the reader
    fields: tuple[FieldChange, ...]


PARTS = {
    "general": N_("Thông tin chung"),
    "attendees": N_("Thành phần tham dự"),
    "speeches": N_("Diễn biến (ý kiến phát biểu)"),
    "topics": N_("Vấn đề thảo luận"),
    "directives": N_("Kết luận, chỉ đạo"),
    "photos": N_("Ảnh"),
    "article": N_("Tin bài"),
}

# A word with the spaces after it: spaces never match on their own between two changes.
_WORDS = re.compile(r"\s+|\S+\s*")


def word_diff(old: str, new: str) -> list[Piece]:
    """``old`` against ``new`` word by word (spaces kept), neighbouring pieces joined."""
    a, b = _WORDS.findall(old), _WORDS.findall(new)
    pieces: list[Piece] = []

    def add(kind: Literal["same", "removed", "added"], words: Sequence[str]) -> None:
        text = "".join(words)
        if not text:
            return
        if pieces and pieces[-1].kind == kind:
            pieces[-1] = Piece(kind, pieces[-1].text + text)
        else:
            pieces.append(Piece(kind, text))

    # Words are compared without the spaces after them: the last word of a text matches
    # the same word followed by more.
    matcher = difflib.SequenceMatcher(None, [w.rstrip() for w in a], [w.rstrip() for w in b], autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            add("same", b[j1:j2])
        else:
            add("removed", a[i1:i2])
            add("added", b[j1:j2])
    return pieces


def compare(old: Document, new: Document) -> list[ItemChange]:
    """Every difference between two meeting files, part by part in the order of the minutes."""
    sides = (old, _names(old)), (new, _names(new))
    changes = _general(*sides)
    changes += _matched("attendees", sides, key=lambda a, _names: a["name"], name=lambda a, _names: a["name"],
                        fields=_attendee_fields, by_key=True)
    changes += _matched("speeches", sides, key=_speech_key, name=_speech_name, fields=_speech_fields)
    changes += _matched("topics", sides, key=lambda t, _names: t.get("title"), name=lambda t, _names: t["title"],
                        fields=lambda t, _names: {N_("Vấn đề"): t.get("title", ""), N_("Ghi chú"): t.get("notes", "")})
    changes += _matched("directives", sides, key=lambda d, _names: d.get("addressee"),
                        name=lambda d, _names: d.get("addressee", ""), fields=_directive_fields)
    changes += _matched("photos", sides, key=lambda p, _names: p.get("file"),
                        name=lambda p, _names: p.get("caption") or p.get("file", ""),
                        fields=lambda p, _names: {N_("Chú thích"): p.get("caption", "")})
    changes += _matched("article", sides, key=lambda b, _names: b.get("kind"),
                        name=lambda b, _names: _(_BLOCK_NAMES[b["kind"]]),
                        fields=lambda b, _names: {N_("Nội dung"): b.get("text", "")}, items=_article)
    return changes


def _speech_key(speech: Item, names: dict[str, str]) -> tuple[str, str, str]:
    return names.get(speech.get("speaker", ""), ""), speech.get("kind", ""), speech.get("at", "")


def _speech_name(speech: Item, names: dict[str, str]) -> str:
    who = names.get(speech.get("speaker", ""), _("không ghi người nói"))
    at = f" ({speech['at']})" if speech.get("at") else ""
    return f"{kind_wording(speech.get('kind', '')).noun}: {who}{at}"


def _directive_fields(directive: Item, names: dict[str, str]) -> dict[str, str]:
    return {N_("Đơn vị nhận"): directive.get("addressee", ""), N_("Nội dung"): directive.get("content", ""),
            N_("Thời hạn"): directive.get("deadline", ""),
            N_("Người chỉ đạo"): names.get(directive.get("issued_by", ""), "")}


_BLOCK_NAMES = {"headline": N_("Tít"), "lead": N_("Sa-pô"), "paragraph": N_("Đoạn"), "photo": N_("Ảnh"),
                "byline": N_("Tác giả")}


def _names(document: Document) -> dict[str, str]:
    return {a["id"]: a["name"] for a in document.get("attendees", [])}


def _article(document: Document) -> list[Item]:
    blocks: list[Item] = document.get("press_release", {}).get("article", [])
    return blocks


Side = tuple[Document, dict[str, str]]  # a meeting file and its attendees' names by id


def _general(old: Side, new: Side) -> list[ItemChange]:
    def values(document: Document, names: dict[str, str]) -> dict[str, str]:
        organizer = document.get("organizer", {})
        return {
            N_("Tên cuộc họp"): document.get("title", ""),
            N_("Kiểu văn bản"): document.get("style", "state"),
            N_("Cơ quan tổ chức"): organizer.get("name", ""),
            N_("Cơ quan chủ quản"): organizer.get("parent", ""),
            N_("Ký hiệu cơ quan"): organizer.get("code", ""),
            N_("Số biên bản"): document.get("document_number", ""),
            N_("Địa danh"): document.get("place_name", ""),
            N_("Địa điểm"): document.get("venue", ""),
            N_("Bắt đầu"): document.get("starts_at", ""),
            N_("Kết thúc"): document.get("ends_at", ""),
            N_("Chủ trì"): names.get(document.get("chair", ""), ""),
            N_("Thư ký"): names.get(document.get("secretary", ""), ""),
            N_("Chương trình"): "\n".join(document.get("agenda", [])),
        }

    fields = _differing(values(*old), values(*new))
    return [ItemChange("general", "changed", _("Thông tin chung"), fields)] if fields else []


def _attendee_fields(attendee: Item, _names: dict[str, str]) -> dict[str, str]:
    present = attendee.get("present", True)
    return {
        N_("Họ và tên"): attendee.get("name", ""),
        N_("Danh xưng"): attendee.get("honorific", ""),
        N_("Chức vụ"): "; ".join(attendee.get("titles", [])),
        N_("Đơn vị"): attendee.get("organization", ""),
        N_("Nhóm"): attendee.get("group", ""),
        N_("Có mặt"): _("có") if present else _("vắng"),
        N_("Lý do vắng"): attendee.get("absence_reason", ""),
    }


def _speech_fields(speech: Item, names: dict[str, str]) -> dict[str, str]:
    return {
        N_("Người phát biểu"): names.get(speech.get("speaker", ""), ""),
        N_("Loại"): kind_wording(speech.get("kind", "")).noun,
        N_("Giờ"): speech.get("at", ""),
        N_("Về"): speech.get("subject", ""),
        N_("Tóm tắt"): speech.get("summary", ""),
    }


def _differing(old: dict[str, str], new: dict[str, str]) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(_(label), old.get(label, ""), new.get(label, ""))
                 for label in dict.fromkeys([*old, *new]) if old.get(label, "") != new.get(label, ""))


def _filled(fields: dict[str, str], added: bool) -> tuple[FieldChange, ...]:
    return tuple(FieldChange(_(label), "" if added else value, value if added else "")
                 for label, value in fields.items() if value)


Describe = Callable[[Item, dict[str, str]], Any]


def _matched(
    part: str,
    sides: tuple[Side, Side],
    key: Describe,
    name: Describe,
    fields: Callable[[Item, dict[str, str]], dict[str, str]],
    by_key: bool = False,
    items: Callable[[Document], list[Item]] | None = None,
) -> list[ItemChange]:
    """The changes of one list: items aligned by ``key`` in order (or matched by ``key``
    wherever they are, when ``by_key``); aligned items whose fields differ are changed,
    and of a stretch replaced by as many items, each is a change to the one in its place."""
    (old_document, old_names), (new_document, new_names) = sides
    old: list[Item] = items(old_document) if items else old_document.get(part, [])
    new: list[Item] = items(new_document) if items else new_document.get(part, [])
    old_keys = [key(item, old_names) for item in old]
    new_keys = [key(item, new_names) for item in new]
    pairs: list[tuple[int | None, int | None]] = []
    if by_key:
        remaining = list(range(len(new)))
        for i, k in enumerate(old_keys):
            j = next((j for j in remaining if new_keys[j] == k), None)
            if j is not None:
                remaining.remove(j)
            pairs.append((i, j))
        pairs += [(None, j) for j in remaining]
    else:
        matcher = difflib.SequenceMatcher(None, [repr(k) for k in old_keys], [repr(k) for k in new_keys],
                                          autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
                pairs += list(zip(range(i1, i2), range(j1, j2), strict=True))
            else:
                pairs += [(i, None) for i in range(i1, i2)]
                pairs += [(None, j) for j in range(j1, j2)]
    changes: list[ItemChange] = []
    for before, after in pairs:
        if before is not None and after is not None:
            differing = _differing(fields(old[before], old_names), fields(new[after], new_names))
            if differing:
                changes.append(ItemChange(part, "changed", name(new[after], new_names), differing))
        elif after is not None:
            changes.append(ItemChange(part, "added", name(new[after], new_names),
                                      _filled(fields(new[after], new_names), added=True)))
        elif before is not None:
            changes.append(ItemChange(part, "removed", name(old[before], old_names),
                                      _filled(fields(old[before], old_names), added=False)))
    return changes
