"""Text pasted from an old document: the clipboard's HTML names the font of each part.

Word, Excel and LibreOffice put HTML on the clipboard beside the plain text; its fonts
('.VnTime', '.VnTimeH', 'VNI-Times') tell the code of each part, even of a short one,
and an upper-case font the plain text cannot show. The plain text is what is pasted:
each of its characters takes the font of the same character of the HTML's text, when the
two hold the same characters; otherwise the words alone decide.
"""

import re
from html.parser import HTMLParser
from itertools import groupby

from minutes_app.legacy.codes import Encoding, font_encoding
from minutes_app.legacy.detection import convert_texts

# font-family, not mso-bidi-font-family; its first name, quoted or not.
_FONT_FAMILY = re.compile(r"(?<![-\w])font-family\s*:\s*([^;}]+)", re.IGNORECASE)
_RULE = re.compile(r"([^{}]+)\{([^{}]*)\}")
_COMMENT = re.compile(r"/\*.*?\*/|<!--|-->", re.DOTALL)
_VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
_HIDDEN = frozenset(("head", "style", "script", "title"))


def _first_font(names: str) -> str | None:
    """The first of a list of font names: '".VnTimeH", serif' -> '.VnTimeH'."""
    first = names.split(",")[0].strip().strip("'\"")
    return re.sub(r"\\(.)", r"\1", first) or None  # Word writes "\.VnTime"


def _family(style: str) -> str | None:
    found = _FONT_FAMILY.search(style)
    return _first_font(found[1]) if found else None


class _Runs(HTMLParser):
    """The text of an HTML fragment, each piece with its font."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.runs: list[tuple[str, str | None]] = []
        self._classes: dict[str, str] = {}  # 'p.MsoNormal', '.xl65', 'td' -> font
        self._stack: list[tuple[str, str | None]] = []
        self._css = ""
        self._markers = False  # the fragment is marked: only what is inside was copied
        self._inside = False

    def _font(self) -> str | None:
        return self._stack[-1][1] if self._stack else None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        font = _family(values.get("style", "")) or _first_font(values.get("face", ""))
        if font is None:
            names = [f"{tag}.{c}" for c in values.get("class", "").split()]
            names += [f".{c}" for c in values.get("class", "").split()] + [tag]
            font = next((self._classes[n] for n in names if n in self._classes), self._font())
        if tag not in _VOID:
            self._stack.append((tag, font))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._read_rules()
        for i in range(len(self._stack) - 1, -1, -1):
            if self._stack[i][0] == tag:
                del self._stack[i:]
                return

    def _read_rules(self) -> None:
        for selectors, body in _RULE.findall(_COMMENT.sub("", self._css)):
            font = _family(body)
            for selector in selectors.split(","):
                if font and not selector.strip().startswith("@"):
                    self._classes[selector.strip()] = font
        self._css = ""

    def handle_comment(self, data: str) -> None:
        if data.strip() in ("StartFragment", "EndFragment"):
            self._markers = True
            self._inside = data.strip() == "StartFragment"

    def handle_data(self, data: str) -> None:
        tags = {tag for tag, _font in self._stack}
        if "style" in tags:
            self._css += data
        elif not tags & _HIDDEN and (self._inside or not self._markers):
            self.runs.append((data, self._font()))


def html_runs(html: str) -> list[tuple[str, str | None]]:
    """The text of clipboard HTML in pieces, each with the name of its font."""
    parser = _Runs()
    parser.feed(html)
    parser.close()
    return parser.runs


def _codes(text: str, html: str | None) -> list[Encoding | None]:
    """The old code of each character of ``text``, as the HTML's fonts say; None if unknown."""
    unknown: list[Encoding | None] = [None] * len(text)
    if not html:
        return unknown
    shown = [(c, font_encoding(font)) for run, font in html_runs(html) for c in run if not c.isspace()]
    if "".join(c for c, _code in shown) != "".join(c for c in text if not c.isspace()):
        return unknown
    codes = iter(code for _c, code in shown)
    out: list[Encoding | None] = []
    for c in text:
        # A space takes the code of the letter before it: it means a space in any code.
        out.append(out[-1] if c.isspace() and out else None if c.isspace() else next(codes))
    return out


def convert_pasted(text: str, html: str | None = None) -> tuple[str, set[Encoding]] | None:
    """Pasted ``text`` in Unicode, each part in the code its font names or its words show,
    and the codes found; None if nothing of it was in an old code."""
    pieces: list[tuple[str, Encoding | None]] = []
    start = 0
    for code, group in groupby(_codes(text, html)):
        end = start + len(list(group))
        pieces.append((text[start:end], code))
        start = end
    converted = convert_texts(pieces)
    return ("".join(converted.texts), converted.encodings) if converted.encodings else None
