"""The codes Vietnamese was typed in before Unicode, read into Unicode (NFC).

TCVN3 and VNI text reaches the app as Windows-1252 characters: Word, Excel and the
clipboard keep each byte a .VnTime or VNI-Times font draws as the character Windows-1252
gives it ('Hµ Néi' is 'Hà Nội' in .VnTime). Windows-1258 reaches it as the bytes of a CSV
file saved on a Vietnamese Windows. The tables are in resources/encodings/, with their source.
"""

import re
import unicodedata
from enum import StrEnum
from functools import cache

from minutes_app.i18n import _
from minutes_app.package_data import resource


class Encoding(StrEnum):
    TCVN3 = "tcvn3"
    # An upper-case TCVN3 font (.VnTimeH): every letter drawn as a capital, so the codes
    # of the small letters stand for capitals.
    TCVN3_CAPITALS = "tcvn3-capitals"
    VNI = "vni"
    CP1258 = "cp1258"


def encoding_name(encoding: Encoding) -> str:
    """The name a secretary knows the code by."""
    return {
        Encoding.TCVN3: "TCVN3 (ABC)",
        Encoding.TCVN3_CAPITALS: _("TCVN3 (ABC), phông chữ hoa"),
        Encoding.VNI: "VNI",
        Encoding.CP1258: "Windows-1258",
    }[encoding]


# Windows-1252 leaves five of the codes 80-9F undefined; they stay Latin-1's control characters.
_WINDOWS_1252 = {
    0x80 + i: char
    for i, char in enumerate(bytes(range(0x80, 0xA0)).decode("cp1252", errors="replace"))
    if char != "\ufffd"
}
_FROM_WINDOWS_1252 = {ord(char): code for code, char in _WINDOWS_1252.items()}


def windows_text(data: bytes) -> str:
    """Bytes as Windows-1252 shows them, the way Word and Excel hold TCVN3 and VNI text."""
    return data.decode("latin-1").translate(_WINDOWS_1252)


def windows_bytes(text: str) -> bytes | None:
    """The bytes behind text shown through Windows-1252; None if a character has none."""
    try:
        return text.translate(_FROM_WINDOWS_1252).encode("latin-1")
    except UnicodeEncodeError:
        return None


def _table(name: str) -> dict[str, str]:
    """resources/encodings/<name>.txt: the Windows-1252 characters of each code -> the letter."""
    table: dict[str, str] = {}
    for line in resource("encodings", f"{name}.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, point, _letter = line.split("\t")
            table[windows_text(bytes.fromhex(code))] = chr(int(point.removeprefix("U+"), 16))
    return table


@cache
def tcvn3_table() -> dict[str, str]:
    return _table("tcvn3")


@cache
def vni_table() -> dict[str, str]:
    return _table("vni")


# Letters that are not ASCII, as shown through Windows-1252, and ASCII letters and digits:
# the characters of a word of TCVN3 or VNI text ('Néi', 'nh©n', 'Vieät').
WORD = re.compile("[0-9A-Za-z\u00a1-\u00ff]+")
_ASCII_LOWER = re.compile("[a-z]")
_ASCII_CAPITALS = re.compile("[A-Z]{2}")


def _tcvn3(text: str, capitals: bool, unknown: str | None) -> str:
    table = tcvn3_table()
    out = "".join(table.get(c) or (unknown if unknown and "\u00a0" <= c <= "\u00ff" else c) for c in text)
    if capitals:
        return out.upper()
    return "".join(
        _capitals_meant(source, line)
        for source, line in zip(text.splitlines(keepends=True), out.splitlines(keepends=True), strict=True)
    )


_LETTERS = re.compile(r"[^\W\d_]+")


def _capitals_meant(source: str, line: str) -> str:
    """A TCVN3 line with the capitals its typist meant but the font could not show.

    An ordinary TCVN3 font has no capital with a tone: a line typed in capitals shows
    them small ('NGUYÔN' reads 'NGUYễN'), and so does a name beginning with one
    ('Phan Quèc ¸nh' reads 'Phan Quốc ánh').
    """
    if not _ASCII_LOWER.search(source) and _ASCII_CAPITALS.search(source):
        return line.upper()
    words = _LETTERS.findall(line)
    small = {w for w in words if w[0] in _no_capital()}
    if small and len(words) > 1 and all(w[0].isupper() for w in words if w not in small):
        return _LETTERS.sub(lambda m: m[0][0].upper() + m[0][1:] if m[0] in small else m[0], line)
    return line


@cache
def _no_capital() -> frozenset[str]:
    """The small letters whose capital has no TCVN3 code (those with a tone)."""
    letters = set(tcvn3_table().values())
    return frozenset(c for c in letters if c.upper() not in letters)


def _vni(text: str, unknown: str | None) -> str:
    table = vni_table()
    out: list[str] = []
    i = 0
    while i < len(text):
        pair = text[i:i + 2]
        # The mark's case follows the letter's in VNI; a font draws it either way.
        letter = table.get(pair) or table.get(pair[0] + pair[1:].swapcase())
        if len(pair) == 2 and letter is not None:
            letter = letter.upper() if pair[0].isupper() else letter.lower()
            i += 2
        else:
            char = text[i]
            letter = table.get(char) or (unknown if unknown and "\u00a0" <= char <= "\u00ff" else char)
            i += 1
        out.append(letter)
    return "".join(out)


def decode_text(text: str, encoding: Encoding, unknown: str | None = None) -> str:
    """Text in ``encoding`` as Windows-1252 shows it, in Unicode NFC.

    ``unknown`` replaces the non-ASCII characters TCVN3 or VNI does not define (to judge a
    reading); by default they are kept. Windows-1258 raises UnicodeDecodeError on the
    codes it leaves undefined.
    """
    if encoding in (Encoding.TCVN3, Encoding.TCVN3_CAPITALS):
        out = _tcvn3(text, encoding is Encoding.TCVN3_CAPITALS, unknown)
    elif encoding is Encoding.VNI:
        out = _vni(text, unknown)
    else:
        data = windows_bytes(text)
        if data is None:
            raise ValueError("not Windows-1252 text")
        out = data.decode("cp1258")
    return unicodedata.normalize("NFC", out)


def decode(data: bytes, encoding: Encoding) -> str:
    """Bytes in ``encoding`` in Unicode NFC."""
    return decode_text(windows_text(data), encoding)


def font_encoding(font: str | None) -> Encoding | None:
    """The code a font's name says its text is in: '.VnTime', '.VnTimeH', 'VNI-Times'."""
    name = (font or "").strip()
    if name.casefold().startswith(".vn"):
        # The upper-case fonts add an H to the name: .VnTimeH, .VnArialH, .VnArial NarrowH.
        return Encoding.TCVN3_CAPITALS if name.endswith("H") else Encoding.TCVN3
    if re.match(r"vni[-_ ]", name, re.IGNORECASE):
        return Encoding.VNI
    return None
