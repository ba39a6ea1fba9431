"""Finding the fonts a PDF embeds: Times New Roman or a metric-compatible font with
every Vietnamese letter, chosen by the glyphs it really has, not by its name.

Liberation Serif 1.x is called 'Liberation Serif' too and lacks most Vietnamese letters;
checking coverage is what tells it from 2.x. Liberation Serif 2 ships with the app
(resources/fonts, SIL Open Font License) as the last resort, so a PDF can be made on a
machine that has none of these fonts installed.
"""

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont, TTLibError

from minutes_app.documents import ExportError
from minutes_app.i18n import _
from minutes_app.package_data import resource_file

# Times New Roman first; then fonts with the same metrics, so lines break as in Word.
SERIF_FAMILIES = ("Times New Roman", "Liberation Serif", "Tinos")
# For characters outside the Latin scripts (symbols, emoji, other writing systems), with
# outlines reportlab can embed (colour emoji fonts have none).
FALLBACK_FAMILIES = ("DejaVu Sans", "DejaVu Serif", "FreeSerif", "Symbola", "Segoe UI Symbol", "Segoe UI Emoji")
_SHIPPED_SERIF = ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
                  "LiberationSerif-BoldItalic.ttf")

_WINDOWS_FILES = {
    "Times New Roman": ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"),
    "DejaVu Sans": ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf", "DejaVuSans-BoldOblique.ttf"),
    "Segoe UI Symbol": ("seguisym.ttf",) * 4,
    "Segoe UI Emoji": ("seguiemj.ttf",) * 4,
}
_MAC_FOLDERS = (Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"))


@dataclass(frozen=True)
class FontFaces:
    """The four faces of one family, as font files."""

    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path

    def files(self) -> tuple[Path, Path, Path, Path]:
        return (self.regular, self.bold, self.italic, self.bold_italic)


def is_latin(char: str) -> bool:
    """Characters the body font itself must have: Latin with Vietnamese, and punctuation."""
    code = ord(char)
    return (
        code < 0x250  # Basic Latin to Latin Extended-B
        or 0x300 <= code < 0x370  # combining marks
        or 0x1E00 <= code < 0x1F00  # Latin Extended Additional: ạ ả ấ ầ ẩ ẫ ậ ...
        or 0x2000 <= code < 0x2070  # dashes, quotes, ellipsis
    )


def _needed(text: str) -> set[int]:
    return {ord(c) for c in set(text) if is_latin(c) and not c.isspace() and c.isprintable()}


@cache
def glyphs(path: Path) -> frozenset[int]:
    """The characters a font file has glyphs for."""
    try:
        with TTFont(path, lazy=True, fontNumber=0) as font:
            cmap = font.getBestCmap() or {}
            if "glyf" not in font:  # reportlab embeds TrueType outlines only
                return frozenset()
            return frozenset(cmap)
    except (OSError, TTLibError, KeyError, AssertionError):
        return frozenset()


def _fontconfig(family: str) -> FontFaces | None:
    if shutil.which("fc-list") is None:
        return None
    try:
        output = subprocess.run(
            ["fc-list", "--format", "%{file}|%{weight}|%{slant}|%{width}\n", family],
            capture_output=True, text=True, timeout=10, check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    found = []
    for line in output.splitlines():
        file, weight, slant, width = (line.split("|") + ["", "", ""])[:4]
        if file.lower().endswith(".ttf") and weight.isdigit():
            italic = slant not in ("", "0")
            found.append((Path(file), int(weight), italic, int(width) if width.isdigit() else 100))
    if not found:
        return None

    def best(bold: bool, italic: bool) -> Path:
        # Closest to regular (80) or bold (200) weight at normal width (100): not the light,
        # condensed or black members of a large family; the upright face if none is slanted.
        fitting = [f for f in found if f[2] == italic] or [f for f in found if not f[2]] or found
        return min(fitting, key=lambda f: (abs(f[1] - (200 if bold else 80)), abs(f[3] - 100)))[0]

    return FontFaces(family, best(False, False), best(True, False), best(False, True), best(True, True))


def _known_folders(family: str) -> FontFaces | None:
    names = _WINDOWS_FILES.get(family)
    if sys.platform == "win32" and names:
        folder = Path(os.environ.get("WINDIR", r"C:\Windows")) / "Fonts"
        return _faces_at(family, [folder / n for n in names])
    if sys.platform == "darwin":
        suffixes = ("", " Bold", " Italic", " Bold Italic")
        return _faces_at(family, [
            next((f / f"{family}{s}.ttf" for f in _MAC_FOLDERS if (f / f"{family}{s}.ttf").is_file()), Path())
            for s in suffixes
        ])
    return None


def _faces_at(family: str, paths: list[Path]) -> FontFaces | None:
    """Regular, bold, italic, bold italic at ``paths``; a missing style falls back to regular."""
    if not paths[0].is_file():
        return None
    return FontFaces(family, *(p if p.is_file() else paths[0] for p in paths))


@cache
def find_faces(family: str) -> FontFaces | None:
    """The installed faces of ``family``, or None."""
    return _known_folders(family) or _fontconfig(family)


def shipped_serif() -> FontFaces:
    """Liberation Serif 2 as shipped with the app."""
    return FontFaces("Liberation Serif", *(resource_file("fonts", name) for name in _SHIPPED_SERIF))


def serif_for(text: str) -> FontFaces:
    """The first serif family whose every face has every Latin/Vietnamese letter of ``text``:
    an installed one, else the one shipped with the app."""
    needed = _needed(text)
    for faces in (*(find_faces(family) for family in SERIF_FAMILIES), shipped_serif()):
        if faces is not None and all(needed <= glyphs(f) for f in faces.files()):
            return faces
    raise ExportError(
        _(
            "Không tìm thấy phông chữ Times New Roman hoặc phông tương thích có đủ chữ tiếng Việt. "
            "Hãy cài Times New Roman, hoặc Liberation Serif 2 (gói Debian/Ubuntu: fonts-liberation2; "
            "gói fonts-liberation cũ không có chữ tiếng Việt), hoặc Tinos."
        )
    )


def fallback_for(chars: Iterable[str]) -> dict[str, FontFaces]:
    """For characters outside the Latin scripts, a family that has each, where one is installed."""
    found: dict[str, FontFaces] = {}
    for char in set(chars):
        for family in FALLBACK_FAMILIES:
            faces = find_faces(family)
            if faces is not None and ord(char) in glyphs(faces.regular):
                found[char] = faces
                break
    return found


@cache
def _advances(path: Path) -> tuple[dict[int, int], int]:
    """Advance width of each character, in font units, and the units per em."""
    with TTFont(path, lazy=True, fontNumber=0) as font:
        metrics = font["hmtx"].metrics
        widths = {code: metrics[name][0] for code, name in (font.getBestCmap() or {}).items()}
        return widths, font["head"].unitsPerEm


def text_width(text: str, size: float, font: Path | None) -> float:
    """Width in points of ``text`` on one line; an estimate when no font file is at hand."""
    if font is None:
        return 0.5 * size * len(text)
    widths, units = _advances(font)
    default = widths.get(ord("n"), units // 2)
    return sum(widths.get(ord(c), default) for c in text) * size / units
