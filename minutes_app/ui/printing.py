"""Print preview and printing of exactly the exported PDF, its pages drawn as pictures.

QtPdf is not part of PySide6-Essentials, so pypdfium2 rasterises the pages.
"""

from pathlib import Path

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtPrintSupport import QPrinter

# Sharp on paper, light enough for a preview of a dozen pages.
DPI = 200


def pdf_page_images(path: Path, dpi: int = DPI) -> list[QImage]:
    """Every page of the PDF at ``path`` as an image."""
    import pypdfium2 as pdfium  # loaded only when printing

    document = pdfium.PdfDocument(str(path))
    try:
        images: list[QImage] = []
        for index in range(len(document)):
            page = document[index]
            picture = page.render(scale=dpi / 72).to_pil().convert("RGB")
            data = picture.tobytes("raw", "RGB")
            image = QImage(data, picture.width, picture.height, 3 * picture.width, QImage.Format.Format_RGB888)
            images.append(image.copy())  # own the pixels: ``data`` goes away
            page.close()
        return images
    finally:
        document.close()


def paint_pages(printer: QPrinter, pages: list[QImage]) -> None:
    """Draw the pages on the printer, each filling its paper (the PDF has the margins)."""
    printer.setFullPage(True)  # the origin is the paper's corner, not the printable area's
    painter = QPainter(printer)
    try:
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            paper = printer.paperRect(QPrinter.Unit.DevicePixel).toRect()
            size = image.size().scaled(paper.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(0, 0, size.width(), size.height()), image)
    finally:
        painter.end()
