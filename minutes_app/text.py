"""Text hygiene: what comes in is NFC, what is searched is folded, what goes to XML is legal."""

import re
import unicodedata

# json.loads joins valid surrogate pairs, so any surrogate left in a str is a lone one,
# which no database or document format can store.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters XML 1.0 forbids (tab, newline and carriage return are allowed).
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """NFC, with lone surrogates replaced by U+FFFD and NUL removed (no database text
    column holds it: PostgreSQL refuses it, and it means nothing in a record)."""
    return unicodedata.normalize("NFC", _LONE_SURROGATE.sub("\ufffd", text.replace("\x00", "")))


def clean_name(name: str) -> str:
    """A person's name as stored: NFC, single spaces, no padding."""
    return " ".join(clean(name).split())


def fold(text: str) -> str:
    """Lower case without diacritics, for search and type-ahead: 'Phạm Đức' -> 'pham duc'."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold, and nothing else removed."""
    return _XML_ILLEGAL.sub("", text)


def cut_at_word(text: str, limit: int, mark: str = "") -> str:
    """``text`` on one line, at most ``limit`` characters, cut between words, with ``mark``
    ('…') where something was cut: 'triển khai nhiệm vụ' becomes 'triển khai…', never
    'triển khai n'. A first word longer than the limit is cut inside."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    room = limit - len(mark)
    cut = flat[: room + 1]  # one more: a space right after the limit ends a whole word
    space = cut.rfind(" ")
    cut = cut[:space] if space > 0 else flat[:room]
    return cut.rstrip(" ,;:.-–") + mark
