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
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

from minutes_app.documents import fonts
from minutes_app.documents.blocks import Run
from minutes_app.documents.fonts import FontFaces
from minutes_app.documents.profiles import MM, Page, ParagraphStyle, RuleLook

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


def _segments(runs: Sequence[Run], spec: ParagraphStyle, faces: FontFaces | None) -> list[list[_Word]]:
    """The words of each forced line (a newline in the text forces one), with widths."""
    segments: list[list[_Word]] = [[]]
    width, space, at = 0.0, 0.0, None
    started = False
    for run_index, run in enumerate(runs):
        face = face_for(faces, run.bold or spec.bold, run.italic or spec.italic)
        text = spec.display(run.text)
        for index, char in enumerate(text):
            if char in " \n":
                if started:
                    segments[-1].append(_Word(width, space, at))
                width, started = 0.0, False
                if char == "\n":
                    segments.append([])
                    space, at = 0.0, None
                else:
                    space, at = fonts.text_width(" ", spec.size, face), (run_index, index)
            else:
                width += fonts.text_width(char, spec.size, face)
                started = True
    if started:
        segments[-1].append(_Word(width, space, at))
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


def _balanced(words: list[_Word], limit: float) -> list[int]:
    """Line starts for as few lines as filling gives, each as near the same length as can
    be: filling again at the narrowest width that needs no more lines."""
    starts = _greedy(words, limit)
    if len(starts) < 2:
        return starts
    low, high = max(w.width for w in words), limit
    while high - low > 0.25:
        middle = (low + high) / 2
        if len(_greedy(words, middle)) <= len(starts):
            high = middle
        else:
            low = middle
    return _greedy(words, high)


def set_lines(runs: Sequence[Run], spec: ParagraphStyle, faces: FontFaces | None,
              width: float) -> tuple[tuple[Run, ...], float]:
    """The runs as they are printed (capitals applied), with line breaks at the balanced
    places when the style asks for it, and the width of the longest line."""
    # A little room, so that the renderers' own rounding never breaks a line again.
    limit = width - spec.left_indent_cm * 10 * MM - spec.first_line_indent_cm * 10 * MM - 0.5
    shown = tuple(Run(spec.display(run.text), run.bold, run.italic) for run in runs)
    breaks: list[tuple[int, int]] = []
    longest = 0.0
    for words in _segments(shown, spec, faces):
        if not words:
            continue
        starts = _balanced(words, limit) if spec.balance else _greedy(words, limit)
        longest = max(longest, *_line_widths(words, starts))
        if spec.balance:
            breaks += [at for at in (words[start].at for start in starts[1:]) if at is not None]
    if not breaks:
        return shown, longest
    texts = [list(run.text) for run in shown]
    for run_index, index in breaks:
        texts[run_index][index] = "\n"
    return tuple(Run("".join(text), run.bold, run.italic) for text, run in zip(texts, shown, strict=True)), longest
