"""Line breaks and vertical metrics decided once, for both renderers.

Both renderers must draw the same page, so what they would otherwise decide each in
its own way is decided here: which words never part (a time, a date, a number, a name),
where a balanced heading breaks, how long a rule under a text is, where a baseline sits
in its line and how far below it a rule goes. Widths come from the font files' advances,
the same that reportlab, Word and LibreOffice use.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from fontTools.ttLib import TTFont

from minutes_app.documents import fonts
from minutes_app.documents.blocks import Run
from minutes_app.documents.fonts import FontFaces
from minutes_app.documents.profiles import MM, Page, ParagraphStyle, RuleLook
from minutes_app.documents.wording import COMPOUNDS

NBSP = "\u00a0"

# What a clerk never splits over two lines: '15 giờ 00', 'ngày 07 tháng 10 năm 2021',
# 'ngày 31/8/2026', 'Số: 05' (and the blanks '..... giờ .....' of a form to fill in).
_BLANK = r"(?:\d{1,4}|\.+)"
_UNITS = re.compile(
    rf"{_BLANK} giờ {_BLANK}|ngày {_BLANK} tháng {_BLANK} năm {_BLANK}|ngày \d{{1,2}}/\d{{1,2}}(?:/\d{{4}})?"
    r"|(?<!\w)Số:? (?=\d)"
)


def bind(text: str) -> str:
    """``text`` with the spaces inside times, dates and numbers made non-breaking."""
    return _UNITS.sub(lambda found: found.group(0).replace(" ", NBSP), text)


def bind_all(text: str) -> str:
    """``text`` as one unbreakable unit: a name, a document number."""
    return text.replace(" ", NBSP)


@dataclass(frozen=True)
class VerticalMetrics:
    """A face's line in ems, as word processors lay it out: the line gap above the ascent."""

    ascent: float
    descent: float
    gap: float

    @property
    def line(self) -> float:
        return self.ascent + self.descent + self.gap


@cache
def vertical_metrics(font: Path | None) -> VerticalMetrics:
    if font is None:  # no font file at hand (a DOCX made without fonts): Times New Roman's
        return VerticalMetrics(1825 / 2048, 443 / 2048, 87 / 2048)
    with TTFont(font, lazy=True, fontNumber=0) as face:
        hhea, units = face["hhea"], face["head"].unitsPerEm
        return VerticalMetrics(hhea.ascent / units, -hhea.descent / units, hhea.lineGap / units)


def leading(spec: ParagraphStyle, font: Path | None) -> float:
    """Distance between baselines: ``line_spacing`` times the font's single line."""
    return spec.size * spec.line_spacing * vertical_metrics(font).line


def baseline_drop(spec: ParagraphStyle, font: Path | None) -> float:
    """From the top of a line to its baseline; the extra of a spacing above single goes below."""
    metrics = vertical_metrics(font)
    return spec.size * (metrics.ascent + metrics.gap)


def spacing_below(spec: ParagraphStyle, font: Path | None) -> float:
    """What a line spacing above single adds below each line's baseline and descent."""
    return max(0.0, leading(spec, font) - spec.size * vertical_metrics(font).line)


def rule_offset(above: ParagraphStyle, font: Path | None, look: RuleLook) -> float:
    """From the end of the paragraph above (its space after included) to the middle of a
    rule that lies ``look.gap_mm`` below that paragraph's last baseline."""
    below_baseline = leading(above, font) - baseline_drop(above, font) + above.space_after
    return max(look.gap_mm * MM - below_baseline, thickness(look))


def page_number_top(page: Page) -> float:
    """From the top of the page to the top of the page number's line, in the top margin."""
    return page.margin_top_mm * MM / 3


def thickness(look: RuleLook) -> float:
    """The rule's thickness rounded to the eighths of a point a DOCX border is given in."""
    return max(1, round(look.thickness_pt * 8)) / 8


# -- where lines break -------------------------------------------------------------------


def face_for(faces: FontFaces | None, bold: bool, italic: bool) -> Path | None:
    if faces is None:
        return None
    return {(False, False): faces.regular, (True, False): faces.bold,
            (False, True): faces.italic, (True, True): faces.bold_italic}[bold, italic]


@dataclass(frozen=True)
class _Word:
    width: float
    space: float  # the space before it
    at: tuple[int, int] | None  # (run, index) of that space in the runs
    text: str  # as typed, capitals and all


# Words after which a line should not end: they lead into what follows them.
_LEADING_WORDS = frozenset(("và", "của", "về", "các", "những", "tại", "cho", "với", "trong", "để", "theo", "từ",
                            "đến", "trên", "thuộc", "là"))
_DASHES = frozenset(("-", "–"))
# Above this many words a text is balanced without weighing where it breaks (a subject
# line of a thousand characters): the search grows with the square of the words.
_WEIGHED_WORDS = 60


def _break_points(before: str, after: str) -> int:
    """Points against a line break between two words. None before a word that leads
    into what follows ('| và', '| của') or after punctuation; two after such a word or a
    dash ('và |', '| -', '- |'); three inside a word ('thông | tin', or a capital then a small letter:
    names capitalise only the first syllable of a word, 'Chỉ | đạo'); one anywhere else."""
    if before.casefold() in _LEADING_WORDS or _DASHES & {before, after}:
        return 2
    if after.casefold() in _LEADING_WORDS or before[-1:] in ",;:":
        return 0
    if f"{before} {after}".casefold() in COMPOUNDS or (before[:1].isupper() and after[:1].islower()):
        return 3
    return 1


def _segments(runs: Sequence[Run], spec: ParagraphStyle, faces: FontFaces | None) -> list[list[_Word]]:
    """The words of each forced line (a newline in the text forces one), with widths
    measured as printed (capitals applied) and their text as typed."""
    segments: list[list[_Word]] = [[]]
    width, space, at, typed = 0.0, 0.0, None, ""
    for run_index, run in enumerate(runs):
        face = face_for(faces, run.bold or spec.bold, run.italic or spec.italic)
        for index, char in enumerate(run.text):
            if char in " \n":
                if typed:
                    segments[-1].append(_Word(width, space, at, typed))
                width, typed = 0.0, ""
                if char == "\n":
                    segments.append([])
                    space, at = 0.0, None
                else:
                    space, at = fonts.text_width(" ", spec.size, face), (run_index, index)
            else:
                width += fonts.text_width(spec.display(char), spec.size, face)
                typed += char
    if typed:
        segments[-1].append(_Word(width, space, at, typed))
    return segments


def _greedy(words: list[_Word], limit: float) -> list[int]:
    """Where lines start when each is filled in turn (indices of words)."""
    starts, used = [0], 0.0
    for index, word in enumerate(words):
        if index and used + word.space + word.width > limit:
            starts.append(index)
            used = word.width
        else:
            used += (word.space if index else 0) + word.width
    return starts


def _line_widths(words: list[_Word], starts: list[int]) -> list[float]:
    ends = [*starts[1:], len(words)]
    return [sum(w.width for w in words[a:b]) + sum(w.space for w in words[a + 1:b])
            for a, b in zip(starts, ends, strict=True)]


def _narrowest(words: list[_Word], limit: float, count: int) -> list[int]:
    """Filling again at the narrowest width that needs no more than ``count`` lines."""
    low, high = max(w.width for w in words), limit
    while high - low > 0.25:
        middle = (low + high) / 2
        if len(_greedy(words, middle)) <= count:
            high = middle
        else:
            low = middle
    return _greedy(words, high)


def _balanced(words: list[_Word], limit: float) -> list[int]:
    """Line starts for as few lines as filling gives, as near the same length as can be,
    and breaking where a clerk would: the longest line plus a weight for each point of
    ``_break_points`` is the least of all the ways to break."""
    count = len(_greedy(words, limit))
    if count < 2:
        return [0]
    if len(words) > _WEIGHED_WORDS:
        return _narrowest(words, limit, count)
    weight = 0.08 * limit
    left = [0.0]  # width of words[:i] and the spaces between them, for line widths
    for index, word in enumerate(words):
        left.append(left[-1] + word.width + (word.space if index else 0))

    def width(a: int, b: int) -> float:
        return left[b] - left[a] - (words[a].space if a else 0)

    # best[k][i]: for the first i words on k lines, by points, (longest line, where the last line starts)
    best: list[dict[int, dict[int, tuple[float, int]]]] = [{0: {0: (0.0, -1)}}]
    for lines_so_far in range(1, count + 1):
        layer: dict[int, dict[int, tuple[float, int]]] = {}
        for end in range(lines_so_far, len(words) + 1):
            for start in range(end - 1, lines_so_far - 2, -1):
                line = width(start, end)
                if line > limit and start < end - 1:  # a word longer than a line has a line of its own
                    break
                before = best[-1].get(start)
                if not before:
                    continue
                cost = _break_points(words[start - 1].text, words[start].text) if start else 0
                for points, (longest, _previous) in before.items():
                    entry = layer.setdefault(end, {})
                    candidate = (max(longest, line), start)
                    if points + cost not in entry or candidate[0] < entry[points + cost][0]:
                        entry[points + cost] = candidate
        best.append(layer)
    finals = best[-1][len(words)]
    points = min(finals, key=lambda p: finals[p][0] + weight * p)
    starts, end = [], len(words)
    for layer_index in range(count, 0, -1):
        # Follow back the entry with the points left at each layer.
        longest, start = best[layer_index][end][points]
        starts.append(start)
        points -= _break_points(words[start - 1].text, words[start].text) if start else 0
        end = start
    return starts[::-1]


@lru_cache(maxsize=512)
def _set(runs: tuple[Run, ...], spec: ParagraphStyle, faces: FontFaces | None,
         width: float) -> tuple[tuple[Run, ...], float]:
    # A little room, so that the renderers' own rounding never breaks a line again.
    limit = width - spec.left_indent_cm * 10 * MM - spec.first_line_indent_cm * 10 * MM - 0.5
    breaks: list[tuple[int, int]] = []
    longest = 0.0
    for words in _segments(runs, spec, faces):
        if not words:
            continue
        starts = _balanced(words, limit) if spec.balance else _greedy(words, limit)
        longest = max(longest, *_line_widths(words, starts))
        breaks += [at for at in (words[start].at for start in starts[1:]) if at is not None]
    texts = [list(run.text) for run in runs]
    if spec.balance:
        for run_index, index in breaks:
            texts[run_index][index] = "\n"
    return tuple(Run(spec.display("".join(text)), run.bold, run.italic)
                 for text, run in zip(texts, runs, strict=True)), longest


def printed_runs(runs: tuple[Run, ...], spec: ParagraphStyle, faces: FontFaces | None, width: float) -> tuple[Run, ...]:
    """The runs as printed ``width`` wide: capitals applied and, when the style balances
    its lines, a line break at each place where a balanced line ends."""
    if not spec.balance:
        return tuple(Run(spec.display(run.text), run.bold, run.italic) for run in runs)
    return _set(runs, spec, faces, width)[0]


def longest_line(text: str, spec: ParagraphStyle, faces: FontFaces | None, width: float) -> float:
    """The width of the longest line of ``text`` printed ``width`` wide in ``spec``."""
    return min(_set((Run(text),), spec, faces, width)[1], width)
