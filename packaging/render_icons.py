"""Render the app's icon, resources/icons/minutes-app.svg, to the PNG sizes desktops use and
to the Windows .ico: ``make icons`` (or ``python packaging/render_icons.py``).

The SVG is the source; the PNGs and the .ico are committed, and a test renders them again
to check that they are the SVG's current picture.
"""

from pathlib import Path

from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SVG = ICONS / "minutes-app.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO = ROOT / "packaging" / "windows" / "minutes-app.ico"
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an .ico holds


def png_path(size: int) -> Path:
    return ICONS / f"minutes-app-{size}.png"


def render(size: int) -> QImage:
    """The SVG drawn at ``size``×``size`` pixels on a transparent background."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    return image


def main() -> None:
    for size in SIZES:
        render(size).save(str(png_path(size)))
    # Each size of the .ico is the picture rendered at that size, not a scaled copy.
    images = [Image.open(png_path(size)) for size in ICO_SIZES]
    images[-1].save(ICO, sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])


if __name__ == "__main__":
    main()
