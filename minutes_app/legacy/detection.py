"""Telling text typed in an old code from Unicode text, by what its words read as.

Each word of two or more characters, one of them beyond ASCII, gets a vote: is it a Vietnamese syllable as it
stands, read as TCVN3, read as VNI? A code is chosen only when more of the words become
syllables in it than as they stand, and at least half of them do. Text without such words
(English, Vietnamese without diacritics) and text with characters Windows-1252 cannot
show (any Unicode Vietnamese beyond Latin-1: 'ạ', 'ư', 'đ') is never converted.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from minutes_app.legacy.codes import WORD, Encoding, decode, decode_text, font_encoding, windows_bytes, windows_text
from minutes_app.legacy.syllables import is_syllable

_UNKNOWN = "\ufffd"  # an undefined code in a word: no syllable


def _votes(words: list[str], read: Callable[[str], str | None]) -> int:
    total = 0
    for word in words:
        text = read(word)
        total += text is not None and is_syllable(text)
    return total


def _strict(encoding: Encoding) -> Callable[[str], str]:
    return lambda word: decode_text(word, encoding, unknown=_UNKNOWN)


def _foreign_words(text: str) -> list[str]:
    # A lone sign is no evidence: '×' and '·' are TCVN3's 'ì' and 'ã', and signs as well.
    return [w for w in WORD.findall(text) if len(w) > 1 and not w.isascii()]


def detect_text(text: str) -> Encoding | None:
    """TCVN3 or VNI if ``text`` (as Windows-1252 shows it) reads as one of them, else None."""
    if windows_bytes(text) is None:
        return None
    words = _foreign_words(text)
    if not words:
        return None
    as_is = _votes(words, lambda w: w)
    tcvn3, vni = (_votes(words, _strict(e)) for e in (Encoding.TCVN3, Encoding.VNI))
    best, votes, other = (Encoding.TCVN3, tcvn3, vni) if tcvn3 >= vni else (Encoding.VNI, vni, tcvn3)
    if votes > as_is and votes > other and 2 * votes >= len(words):
        return best
    return None


def _cp1258(word: str) -> str | None:
    data = windows_bytes(word)
    try:
        return None if data is None else decode(data, Encoding.CP1258)
    except UnicodeDecodeError:
        return None


def detect_bytes(data: bytes) -> Encoding | None:
    """The code of 8-bit text (a CSV file that is not UTF-8): Windows-1258 unless it reads
    better as TCVN3 or VNI; None if nothing reads it."""
    words = _foreign_words(windows_text(data))
    votes = {
        Encoding.CP1258: _votes(words, _cp1258),
        Encoding.TCVN3: _votes(words, _strict(Encoding.TCVN3)),
        Encoding.VNI: _votes(words, _strict(Encoding.VNI)),
    }
    best = max(votes, key=lambda e: votes[e])  # the first of equals: Windows-1258
    if votes[best]:
        return best
    try:
        data.decode("cp1258")
    except UnicodeDecodeError:
        return None
    return Encoding.CP1258


@dataclass(frozen=True)
class Converted:
    texts: list[str]
    encodings: set[Encoding]  # the codes found, none if every text was Unicode already


def convert_texts(pieces: Sequence[tuple[str, str | None]]) -> Converted:
    """Pieces of a document (cells, runs) with their font names, each in Unicode.

    A piece in a TCVN3 or VNI font is read in that code, unless it holds characters no
    such font can (it was typed in Unicode and the font changed later). The others are
    read together in the code their words show, if any.
    """
    texts = [text for text, _font in pieces]
    found: set[Encoding] = set()
    plain: list[int] = []
    for i, (text, font) in enumerate(pieces):
        encoding = font_encoding(font)
        if encoding is None:
            plain.append(i)
        elif windows_bytes(text) is not None:
            texts[i] = decode_text(text, encoding)
            if texts[i] != text:
                found.add(encoding)
    shown = detect_text("\n".join(texts[i] for i in plain))
    if shown is not None:
        for i in plain:
            texts[i] = decode_text(texts[i], shown)
        found.add(shown)
    return Converted(texts, found)
