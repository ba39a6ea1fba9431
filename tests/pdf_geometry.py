"""Where things are on a PDF page, read with pypdfium2: lines of text with their baselines,
and the horizontal rules drawn as paths (ours) or as paragraph borders (LibreOffice's).

Coordinates are in points from the page's top-left corner, y growing downwards, as a
reader measures a printed page.
"""

import ctypes
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

MM = 72 / 25.4


@dataclass
class Line:
    """One line of text: the characters that share a baseline and follow each other."""

    text: str
    x0: float
    x1: float
    baseline: float
    size: float
    top: float  # highest glyph box
    bottom: float  # lowest glyph box
    chars: list[tuple[str, float, float]]  # each character with its left and right edge

    def gap_after(self, text: str) -> float:
        """The blank between the end of ``text`` on this line and the next visible character."""
        shown = [c for c in self.chars if c[0].strip()]
        joined = "".join(c[0] for c in shown)
        at = joined.index("".join(text.split())) + len("".join(text.split()))
        return shown[at][1] - shown[at - 1][2]


@dataclass(frozen=True)
class Rule:
    """A thin horizontal line drawn as a path."""

    x0: float
    x1: float
    y: float
    dashed: bool

    @property
    def length(self) -> float:
        return self.x1 - self.x0


@dataclass
class Page:
    width: float
    height: float
    lines: list[Line]
    rules: list[Rule]

    def find(self, text: str) -> Line:
        """The first line holding ``text`` (spaces of any kind counting as one)."""
        wanted = " ".join(text.split())
        for line in self.lines:
            if wanted in " ".join(line.text.split()):
                return line
        raise AssertionError(f"no line holds {text!r}: {[line.text for line in self.lines]}")

    def rules_below(self, line: Line, within: float = 20) -> list[Rule]:
        """Rules under ``line``, at most ``within`` points below its baseline, overlapping it."""
        return [r for r in self.rules if 0 < r.y - line.baseline <= within and r.x0 < line.x1 and r.x1 > line.x0]


def pages(path: Path) -> list[Page]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [_page(document[index]) for index in range(len(document))]
    finally:
        document.close()


def _page(page: pdfium.PdfPage) -> Page:
    width, height = page.get_size()
    textpage = page.get_textpage()
    lines: list[Line] = []
    x, y = ctypes.c_double(), ctypes.c_double()
    for index in range(textpage.count_chars()):
        char = textpage.get_text_range(index, 1)
        if char in ("\r", "\n", "") or not raw.FPDFText_GetCharOrigin(textpage, index, x, y):
            continue
        left, bottom, right, top = textpage.get_charbox(index)
        baseline = height - y.value
        size = raw.FPDFText_GetFontSize(textpage, index)
        current = lines[-1] if lines else None
        # A generated space (pdfium adds one between words) has no box of its own.
        if current is not None and abs(current.baseline - baseline) < 0.5 and left >= current.x1 - size:
            gap = left - current.x1
            if gap > size * 0.15 and not current.text.endswith(" ") and char != " ":
                current.text += " "
            current.text += char
            if right > left:
                current.chars.append((char, left, right))
                current.x1 = max(current.x1, right)
                current.top = min(current.top, height - top)
                current.bottom = max(current.bottom, height - bottom)
        elif char.strip():
            lines.append(Line(char, left, right, baseline, size, height - top, height - bottom, [(char, left, right)]))
    for line in lines:
        line.text = " ".join(line.text.split())
    textpage.close()
    return Page(width, height, lines, _rules(page, height))


def _rules(page: pdfium.PdfPage, height: float) -> list[Rule]:
    pieces = []
    for obj in page.get_objects(filter=[raw.FPDF_PAGEOBJ_PATH], max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if right - left > 0.5 and top - bottom < 2.5:
            dashed = raw.FPDFPageObj_GetDashCount(obj.raw) > 0
            pieces.append(Rule(round(left, 2), round(right, 2), round(height - (top + bottom) / 2, 2), dashed))
    # A rule drawn twice in the same place (LibreOffice) counts once.
    return sorted(set(pieces), key=lambda r: (r.y, r.x0))


def libreoffice_pdfs(files: list[Path], folder: Path) -> list[Path]:
    """Each DOCX as LibreOffice prints it (one LibreOffice start for them all)."""
    folder.mkdir(parents=True, exist_ok=True)
    # A profile of its own: a LibreOffice already running for someone else is not disturbed.
    profile = (folder / "profile").absolute().as_uri()
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", str(folder),
         *map(str, files)],
        capture_output=True, check=True, timeout=300,
    )
    return [folder / f"{docx.stem}.pdf" for docx in files]
