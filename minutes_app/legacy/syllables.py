"""Whether a word can be a Vietnamese syllable: an onset, a rhyme, at most one tone mark,
on a vowel that can carry it.

It tells text typed in an old code from Unicode text: 'Néi' is no Vietnamese syllable,
its TCVN3 reading 'Nội' is. Words borrowed from other languages ('café') and abbreviations
('HĐND') are not syllables; that only costs them a vote.
"""

import unicodedata
from functools import lru_cache

# Combining marks of the five tones (grave, acute, tilde, hook above, dot below).
_TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Rhymes ending in a stop take only the acute or the dot below ('các', 'hạt', not 'cac').
_STOP_TONES = frozenset("\u0301\u0323")
_STOPS = ("c", "ch", "k", "p", "t")
_VOWELS = frozenset("aăâeêioôơuưy")
_MARKED = frozenset("ăâêôơư")

_ONSETS = ("ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu",
           "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "")

# Each nucleus with the endings it takes ('' for none).
_NUCLEI = {
    "a": ("", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "u", "y"),
    "ă": ("c", "k", "m", "n", "ng", "p", "t"),  # 'k' of Tây Nguyên's names: Đắk Lắk
    "â": ("c", "m", "n", "ng", "p", "t", "u", "y"),
    "e": ("", "c", "m", "n", "ng", "o", "p", "t"),
    "ê": ("", "ch", "m", "n", "nh", "p", "t", "u"),
    "i": ("", "a", "ch", "m", "n", "nh", "p", "t", "u"),
    "iê": ("c", "m", "n", "ng", "p", "t", "u"),
    "y": ("",),
    "yê": ("m", "n", "t", "u"),
    "o": ("", "c", "i", "m", "n", "ng", "p", "t"),
    "ô": ("", "c", "i", "m", "n", "ng", "p", "t"),
    "ơ": ("", "i", "m", "n", "p", "t", "u"),
    "u": ("", "a", "c", "i", "m", "n", "ng", "p", "t"),
    "uô": ("c", "i", "m", "n", "ng", "t"),
    "ư": ("", "a", "c", "i", "m", "n", "ng", "t", "u"),
    "ươ": ("c", "i", "m", "n", "ng", "p", "t", "u"),
    # With a rounding glide: 'hoa', 'khoẻ', 'quân', 'thuở', 'huy', 'khuya', 'nguyễn'.
    "oa": ("", "c", "ch", "i", "m", "n", "ng", "nh", "o", "p", "t", "y"),
    "oă": ("c", "m", "n", "ng", "t"),
    "oe": ("", "n", "o", "t"),
    "uâ": ("n", "ng", "t", "y"),
    "uê": ("", "ch", "n", "nh"),
    "uơ": ("",),
    "uy": ("", "a", "ch", "n", "nh", "p", "t", "u"),
    "uyê": ("n", "t"),
}
_RHYMES = frozenset(nucleus + ending for nucleus, endings in _NUCLEI.items() for ending in endings)
_LETTERS = frozenset("aăâbcdđeêghiklmnoôơpqrstuưvxy")
# Both the old and the new placement: 'hòa' and 'hoà', 'thủy' and 'thuỷ'.
_EITHER = frozenset(("oa", "oe", "uy"))


def _split(char: str) -> tuple[str, str]:
    """A letter without its tone, and the tone's mark ('' for none): 'ệ' -> ('ê', '\u0323')."""
    decomposed = unicodedata.normalize("NFD", char)
    tone = "".join(c for c in decomposed if c in _TONES)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES)), tone


def _tone_places(rhyme: str) -> set[int]:
    """Where in ``rhyme`` a tone mark may sit."""
    marked = [i for i, c in enumerate(rhyme) if c in _MARKED]
    if marked:
        return {marked[-1]}  # 'người', 'muốn', 'khuyến', 'cứu'
    vowels = [i for i, c in enumerate(rhyme) if c in _VOWELS]
    if len(vowels) == 3:
        return {vowels[1]}  # 'ngoài', 'khuỵu'
    if len(vowels) == 2 and vowels[-1] == len(rhyme) - 1:
        return set(vowels) if rhyme in _EITHER else {vowels[0]}  # 'mái', 'mía', 'hòa'/'hoà'
    return {vowels[-1]}  # 'toán', 'hoàng', 'lá'


@lru_cache(maxsize=65536)  # a list repeats its words: 'Nguyễn', 'Sở', 'tỉnh'
def is_syllable(word: str) -> bool:
    """True if ``word`` (any case, NFC) is spelt as a Vietnamese syllable can be."""
    letters = [_split(c) for c in word.lower()]
    bare = "".join(base for base, _tone in letters)
    toned = [(i, tone) for i, (_base, tone) in enumerate(letters) if tone]
    if not bare or not _LETTERS.issuperset(bare) or len(toned) > 1 or any(len(t) > 1 for _i, t in toned):
        return False
    for onset in _ONSETS:
        rhyme = bare[len(onset):]
        # 'qu' holds the rounding glide already: 'quốc', never 'quoác'.
        if not bare.startswith(onset) or rhyme not in _RHYMES or onset == "qu" and rhyme[0] in "ou":
            continue
        if not toned:
            if not rhyme.endswith(_STOPS):
                return True
            continue
        place, tone = toned[0]
        if place - len(onset) in _tone_places(rhyme) and (tone in _STOP_TONES or not rhyme.endswith(_STOPS)):
            return True
    return False
