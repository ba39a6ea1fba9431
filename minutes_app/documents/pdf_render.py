"""Drawing a composed document as PDF with reportlab, the fonts embedded."""

import io
from functools import cache
from typing import Literal
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.lib.colors import black
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle as RLStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    HRFlowable,
    Paragraph,
    SimpleDocTemplate,
    Table,
    TableStyle,
)
from reportlab.platypus import (
    KeepTogether as RLKeepTogether,
)
from reportlab.platypus import (
    Spacer as RLSpacer,
)

from minutes_app import APP_NAME
from minutes_app.documents import fonts
from minutes_app.documents.blocks import (
    Block,
    Columns,
    Document,
    KeepTogether,
    Mark,
    Para,
    Picture,
    Rule,
    Spacer,
)
from minutes_app.documents.fonts import FontFaces
from minutes_app.documents.pictures import PreparedPicture, prepare, shown_size
from minutes_app.documents.profiles import CM, MM, ParagraphStyle, Profile

_ALIGN: dict[str, Literal[0, 1, 2, 4]] = {
    "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY
}


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """reportlab's ToUnicode map, but with characters beyond U+FFFF (emoji) written as
    UTF-16 surrogate pairs, as the PDF format requires: reportlab writes five hex digits,
    and text extracted from the PDF (copy, search, pdftotext) comes out wrong."""
    entries = [f"<{i:02X}> <{chr(v).encode('utf-16-be', 'surrogatepass').hex().upper()}>" for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *entries,
        "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


ttfonts.makeToUnicodeCMap = _to_unicode_cmap
# Streams as they are, not as ASCII text a quarter larger: a photo's JPEG goes in unchanged.
rl_config.useA85 = 0


class _PreparedJPEG(ImageReader):
    """A prepared photo named by its content hash: reportlab would otherwise decode every
    photo and hash its pixels to name it, then embed the JPEG as it is anyway."""

    def __init__(self, picture: PreparedPicture, sha256: str) -> None:
        super().__init__(io.BytesIO(picture.jpeg))
        self._name = sha256.encode()
        self._dataA = None  # no transparency

    def getRGBData(self) -> bytes:
        return self._name


class _Photo(Flowable):
    """A photo ``width`` × ``height`` points, centred, kept with its caption."""

    def __init__(self, image: ImageReader, width: float, height: float) -> None:
        super().__init__()
        self.image, self.width, self.height = image, width, height
        self.hAlign = "CENTER"
        self.keepWithNext = True

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.drawImage(self.image, 0, 0, self.width, self.height)


@cache
def _register(faces: FontFaces) -> str:
    """Register the four faces as one family (so <b> and <i> find theirs); its name."""
    name = f"MA-{faces.family.replace(' ', '')}"
    for suffix, path in zip(("", "-Bold", "-Italic", "-BoldItalic"), faces.files(), strict=True):
        pdfmetrics.registerFont(TTFont(name + suffix, str(path)))
    pdfmetrics.registerFontFamily(
        name, normal=name, bold=f"{name}-Bold", italic=f"{name}-Italic", boldItalic=f"{name}-BoldItalic"
    )
    return name


def load_body_font() -> None:
    """Find and register the body font, as the first PDF does."""
    _register(fonts.serif_for(""))


class _Renderer:
    def __init__(self, document: Document, profile: Profile) -> None:
        self.profile = profile
        text = document.printed_characters()
        self.faces = fonts.serif_for(text)
        self.font = _register(self.faces)
        self.fallbacks = {
            char: _register(faces)
            for char, faces in fonts.fallback_for(c for c in set(text) if not fonts.is_latin(c)).items()
        }
        self.styles: dict[str, RLStyle] = {}

    def style(self, name: str) -> RLStyle:
        if name not in self.styles:
            spec = self.profile.style(name)
            self.styles[name] = RLStyle(
                name,
                fontName=self.font,
                fontSize=spec.size,
                leading=spec.size * spec.line_spacing * fonts.line_height(self.faces.regular),
                alignment=_ALIGN[spec.align],
                firstLineIndent=spec.first_line_indent_cm * CM,
                leftIndent=spec.left_indent_cm * CM,
                spaceBefore=spec.space_before,
                spaceAfter=spec.space_after,
                allowWidows=0,
                allowOrphans=0,
            )
        return self.styles[name]

    def markup(self, block: Para, spec: ParagraphStyle) -> str:
        parts = []
        for run in block.runs:
            text = self._with_fallbacks(escape(spec.display(run.text))).replace("\n", "<br/>")
            if run.bold or spec.bold:
                text = f"<b>{text}</b>"
            if run.italic or spec.italic:
                text = f"<i>{text}</i>"
            parts.append(text)
        text = "".join(parts)
        return f"<u>{text}</u>" if spec.underline else text

    def _with_fallbacks(self, text: str) -> str:
        if not self.fallbacks:
            return text
        return "".join(
            f'<font name="{self.fallbacks[c]}">{c}</font>' if c in self.fallbacks else c for c in text
        )

    def flowables(self, blocks: tuple[Block, ...] | list[Block], width: float) -> list[Flowable]:
        result: list[Flowable] = []
        for block in blocks:
            match block:
                case Para():
                    spec = self.profile.style(block.style)
                    paragraph = Paragraph(self.markup(block, spec), self.style(block.style))
                    paragraph.keepWithNext = block.keep_with_next
                    result.append(paragraph)
                case Rule():
                    spec = self.profile.style(block.style)
                    face = self.faces.bold if spec.bold else self.faces.regular
                    length = min(fonts.text_width(spec.display(block.text), spec.size, face), width)
                    result.append(
                        HRFlowable(width=length * block.fraction, thickness=0.6, color=black,
                                   hAlign="CENTER", spaceBefore=3, spaceAfter=3)
                    )
                case Spacer():
                    result.append(RLSpacer(1, block.height_pt))
                case Picture():
                    prepared = prepare(block.sha256, block.load)
                    shown, tall = shown_size(prepared, width * block.width, self.profile.page.text_height_pt)
                    result.append(_Photo(_PreparedJPEG(prepared, block.sha256), shown, tall))
                case Columns():
                    widths = [width * w for w in block.widths]
                    cells = [self.flowables(cell, w) for cell, w in zip(block.cells, widths, strict=True)]
                    table = Table([cells], colWidths=widths)
                    table.setStyle(TableStyle([
                        ("VALIGN", (0, 0), (-1, -1), "TOP"),
                        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                        # A table sets its own font (Helvetica, not embedded) unless told.
                        ("FONTNAME", (0, 0), (-1, -1), self.font),
                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ]))
                    result.append(table)
                case KeepTogether():
                    result.append(RLKeepTogether(self.flowables(block.blocks, width)))
        return result


def render_pdf(document: Document, profile: Profile) -> bytes:
    renderer = _Renderer(document, profile)
    page = profile.page
    buffer = io.BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=(page.width_mm * MM, page.height_mm * MM),
        leftMargin=page.margin_left_mm * MM,
        rightMargin=page.margin_right_mm * MM,
        topMargin=page.margin_top_mm * MM,
        bottomMargin=page.margin_bottom_mm * MM,
        title=document.title,
        author=document.author,
        subject=document.record.subject,
        keywords=[document.record.keywords],
        creator=APP_NAME,
        lang="vi-VN",
        # Otherwise each page starts by naming Helvetica, which is not embedded.
        initialFontName=renderer.font,
    )
    story = renderer.flowables(document.blocks, page.text_width_pt)

    def later_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        # Page numbers centred in the top margin, from page 2 on (Decree 30).
        spec = profile.style("page_number")
        canvas.setFont(renderer.font, spec.size)
        canvas.drawCentredString(
            page.margin_left_mm * MM + page.text_width_pt / 2,
            page.height_mm * MM - page.margin_top_mm * MM / 2 - spec.size / 2,
            str(doc.page),
        )

    def first_page(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        if document.mark is not None:
            _draw_mark(canvas, document.mark, renderer.font, profile)

    if document.page_numbers:
        template.build(story, onFirstPage=first_page, onLaterPages=later_page)
    else:
        template.build(story, onFirstPage=first_page)
    return buffer.getvalue()


def _draw_mark(canvas: Canvas, mark: Mark, font: str, profile: Profile) -> None:
    """The mark at the top right of the page, in the middle of the top margin, framed
    around the words when the profile says so."""
    page = profile.page
    face = f"{font}-Bold" if mark.bold else font
    width = pdfmetrics.stringWidth(mark.text, face, mark.size)
    height = mark.size * 1.2
    right = (page.width_mm - page.margin_right_mm) * MM
    middle = page.height_mm * MM - page.margin_top_mm * MM / 2
    canvas.saveState()
    canvas.setFont(face, mark.size)
    canvas.drawRightString(right - mark.padding_pt, middle - mark.size * 0.35, mark.text)
    if mark.frame:
        canvas.setLineWidth(0.8)
        canvas.rect(right - width - 2 * mark.padding_pt, middle - height / 2 - mark.padding_pt,
                    width + 2 * mark.padding_pt, height + 2 * mark.padding_pt)
    canvas.restoreState()
