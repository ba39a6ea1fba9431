"""Telling text typed in an old code from Unicode text, by what its words read as.

Each word of two or more characters, one of them beyond ASCII, gets a vote: is it a
Vietnamese syllable as it stands, read as TCVN3, read as VNI? A code is chosen only when
more of the words become syllables in it than as they stand, and at least half of them do.
Text without such words (English, Vietnamese without diacritics) and text with characters
Windows-1252 cannot show (any Unicode Vietnamese beyond Latin-1: 'ạ', 'ư', 'đ') is never
converted.
"""

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from minutes_app.legacy.codes import WORD, Encoding, decode, decode_text, windows_bytes, windows_text
from minutes_app.legacy.syllables import is_syllable

_UNKNOWN = "\ufffd"  # an undefined code in a word: no syllable


def _votes(words: Counter[str], read: Callable[[str], str]) -> int:
    return sum(count for word, count in words.items() if is_syllable(read(word)))


def _strict(encoding: Encoding) -> Callable[[str], str]:
    return lambda word: decode_text(word, encoding, unknown=_UNKNOWN)


def _foreign_words(text: str) -> Counter[str]:
    # A lone sign is no evidence: '×' and '·' are TCVN3's 'ì' and 'ã', and signs as well.
    return Counter(w for w in WORD.findall(text) if len(w) > 1 and not w.isascii())


def detect_text(text: str) -> Encoding | None:
    """TCVN3 or VNI if ``text`` (as Windows-1252 shows it) reads as one of them, else None."""
    if text.isascii() or windows_bytes(text) is None:
        return None
    words = _foreign_words(text)
    if not words:
        return None
    as_is = _votes(words, lambda w: w)
    tcvn3, vni = (_votes(words, _strict(e)) for e in (Encoding.TCVN3, Encoding.VNI))
    best, votes, other = (Encoding.TCVN3, tcvn3, vni) if tcvn3 >= vni else (Encoding.VNI, vni, tcvn3)
    if votes > as_is and votes > other and 2 * votes >= words.total():
        return best
    return None


def _cp1258(word: str) -> str:
    # A word's characters are ASCII or A1-FF, which Windows-1258 all defines.
    return decode(word.encode("latin-1"), Encoding.CP1258)


def detect_bytes(data: bytes) -> Encoding | None:
    """The code of 8-bit text (a CSV file that is not UTF-8): Windows-1258 unless it reads
    better as TCVN3 or VNI; None if nothing reads it."""
    words = _foreign_words(windows_text(data))
    try:
        data.decode("cp1258")
    except UnicodeDecodeError:
        votes = {}  # bytes Windows-1258 leaves undefined: not written by it
    else:
        votes = {Encoding.CP1258: _votes(words, _cp1258)}
    votes[Encoding.TCVN3] = _votes(words, _strict(Encoding.TCVN3))
    votes[Encoding.VNI] = _votes(words, _strict(Encoding.VNI))
    best = max(votes, key=lambda e: votes[e])  # the first of equals: Windows-1258
    if votes[best] or best is Encoding.CP1258:
        return best
    return None


@dataclass(frozen=True)
class Converted:
    texts: list[str]
    encodings: set[Encoding]  # the codes found, none if every text was Unicode already


def convert_texts(pieces: Sequence[tuple[str, Encoding | None]]) -> Converted:
    """Pieces of a document (cells, runs of a font), each in Unicode.

    A piece holding characters no old font can is Unicode (if its font names an old code,
    the font was changed after typing). A piece whose font names an old code is read in it;
    the others are read together in the code their words show, if any.
    """
    texts = [text for text, _code in pieces]
    found: set[Encoding] = set()
    unknown: list[int] = []
    for i, (text, encoding) in enumerate(pieces):
        if windows_bytes(text) is None:
            continue
        if encoding is None:
            unknown.append(i)
        else:
            texts[i] = decode_text(text, encoding)
            if texts[i] != text:
                found.add(encoding)
    shown = detect_text("\n".join(texts[i] for i in unknown))
    if shown is not None:
        for i in unknown:
            texts[i] = decode_text(texts[i], shown)
        found.add(shown)
    return Converted(texts, found)
