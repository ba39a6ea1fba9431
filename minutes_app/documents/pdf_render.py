"""Drawing a composed document as PDF with reportlab, the fonts embedded."""

import io
import itertools
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
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    LongTable,
    PageTemplate,
    Paragraph,
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
from minutes_app.documents import fonts, lines
from minutes_app.documents.blocks import (
    Block,
    Columns,
    Document,
    Float,
    Grid,
    KeepTogether,
    Mark,
    Para,
    Picture,
    Rule,
    Run,
    Spacer,
)
from minutes_app.documents.fonts import FontFaces
from minutes_app.documents.pictures import PreparedPicture, prepare, shown_size
from minutes_app.documents.profiles import CM, MM, ParagraphStyle, Profile

# A heading stays on the page of the first lines of what follows it, not of all of it
# (Word's 'keep with next' with widow control, which the DOCX relies on).
KEEP_LINES = 2
# The dashes of a dashed rule, as LibreOffice draws a DOCX 'dashed' border (points).
DASH = (8, 2.5)
# A photo moves past the text after it unless it fits with this much room to spare: the
# DOCX takes the same order, and a word processor's page may hold a little less.
FLOAT_SPARE = 12
# Room between a ruled table's lines and its text, in points (as Word's default).
GRID_PADDING = 5.4

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


class _Para(Paragraph):
    """A paragraph laid out as word processors lay it out: each baseline the line gap and
    the ascent below the top of its line (reportlab puts the first one a font size down),
    and what line spacing adds to the last line below it free to hang into the bottom
    margin (it counts as space after the paragraph, which a page need not hold)."""

    block: int | None = None  # the top-level block it draws, for the order of floats

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        width, height = super().wrap(availWidth, availHeight + self.style.hang)
        return width, height - self.style.hang

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        parts: list[Flowable] = super().split(availWidth, availHeight + self.style.hang)
        for part in parts:
            if isinstance(part, _Para):
                part.block = self.block
        return parts

    def getSpaceAfter(self) -> float:
        return float(self.style.spaceAfter + self.style.hang)

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        lifted = y + self.style.lift - self.style.hang
        super().drawOn(canvas, x, lifted, _sW)  # type: ignore[call-arg]  # the stubs omit reportlab's _sW


class _Rule(Flowable):
    """A horizontal line ``offset`` below the end of the flowable before it, centred."""

    def __init__(self, length: float, offset: float, thickness: float, dashed: bool, space_after: float) -> None:
        super().__init__()
        self.width, self.height = length, offset + thickness / 2
        self.thickness, self.dashed = thickness, dashed
        self.spaceAfter = space_after
        self.hAlign = "CENTER"

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        self.canv.setLineWidth(self.thickness)
        if self.dashed:
            self.canv.setDash(*DASH)
        self.canv.line(0, self.thickness / 2, self.width, self.thickness / 2)


class _Stack(Flowable):
    """Flowables drawn one under the other as one, the space between two the larger of
    the first's space after and the second's space before, as word processors do; the
    first's space before and the last's space after are the stack's own."""

    def __init__(self, content: list[Flowable]) -> None:
        super().__init__()
        self.content = content
        self.spaceBefore = content[0].getSpaceBefore() if content else 0
        self.spaceAfter = content[-1].getSpaceAfter() if content else 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.sizes = [item.wrap(available_width, available_height) for item in self.content]
        gaps = [max(a.getSpaceAfter(), b.getSpaceBefore()) for a, b in itertools.pairwise(self.content)]
        self.width = available_width
        self.height = sum(h for _w, h in self.sizes) + sum(gaps)
        return self.width, self.height

    def drawOn(self, canvas: Canvas, x: float, y: float, _sW: float = 0) -> None:
        top, after = y + self.height, None
        for item, (width, height) in zip(self.content, self.sizes, strict=True):
            if after is not None:
                top -= max(after, item.getSpaceBefore())
            top -= height
            shift = {"CENTER": (self.width - width) / 2, "RIGHT": self.width - width}.get(
                str(getattr(item, "hAlign", "LEFT")).upper(), 0)
            item.drawOn(canvas, x + shift, top)
            after = item.getSpaceAfter()


class _Float(_Stack):
    """A stack (a photo and its caption) which the document template may move below the
    flowables after it when it does not fit on the page (``_Template``)."""

    def __init__(self, content: list[Flowable], block: int, past: frozenset[str]) -> None:
        super().__init__(content)
        self.block, self.past = block, past

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        # Taller than a whole page: it flows in pieces after all.
        frame = self._doctemplateAttr("frame")  # type: ignore[attr-defined]  # not in reportlab's stubs
        return self.content if frame._atTop else []


class _KeepRoom(CondPageBreak):
    """A new page unless ``height`` is left on this one; the space after the flowable
    before it still counts against the space before the one after it."""

    _SPACETRANSFER = True


class _Template(BaseDocTemplate):
    """One frame a page, the margins exactly the profile's (no padding); a float that does
    not fit moves past the flowable after it."""

    def __init__(self, buffer: io.BytesIO, profile: Profile, document: Document, font: str) -> None:
        page = profile.page
        super().__init__(buffer, pagesize=(page.width_mm * MM, page.height_mm * MM), title=document.title,
                         author=document.author, subject=document.record.subject,
                         keywords=[document.record.keywords], creator=APP_NAME, lang="vi-VN",
                         initialFontName=font)
        frame = Frame(page.margin_left_mm * MM, page.margin_bottom_mm * MM, page.text_width_pt, page.text_height_pt,
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
                      overlapAttachedSpace=1)  # the larger of space after and before, not both
        self.frame_template = frame
        # Each float's block and the block it follows in the end, for the DOCX to follow.
        self.placed: dict[int, int | None] = {}
        self._last_block: int | None = None

    def filterFlowables(self, flowables: list[Flowable]) -> None:
        first = flowables[0] if flowables else None
        frame = getattr(self, "frame", None)  # none before the first page begins
        if not isinstance(first, _Float) or frame is None or frame._atTop:
            return
        room = frame._y - frame._y1p
        _width, height = first.wrap(frame._getAvailableWidth(), room)
        if height + FLOAT_SPARE <= room:
            return
        # The next flowable that is not a float comes first, if the float may move past it;
        # the floats keep their order.
        following = next((i for i, f in enumerate(flowables) if not isinstance(f, _Float)), None)
        if following is not None and getattr(getattr(flowables[following], "style", None), "name", None) in first.past:
            flowables.insert(0, flowables.pop(following))

    def afterFlowable(self, flowable: Flowable) -> None:
        block = getattr(flowable, "block", None)
        if isinstance(flowable, _Float):
            self.placed[flowable.block] = self._last_block
        elif block is not None:
            self._last_block = block


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
            style = RLStyle(
                name,
                fontName=self.font,
                fontSize=spec.size,
                leading=lines.leading(spec, self.faces.regular),
                alignment=_ALIGN[spec.align],
                firstLineIndent=spec.first_line_indent_cm * CM,
                leftIndent=spec.left_indent_cm * CM,
                spaceBefore=spec.space_before,
                spaceAfter=spec.space_after,
                allowWidows=0,
                allowOrphans=0,
                # Word and LibreOffice never squeeze spaces to fit one more word on a line.
                spaceShrinkage=0,
            )
            style.lift = spec.size - lines.baseline_drop(spec, self.faces.regular)
            style.hang = lines.spacing_below(spec, self.faces.regular)
            self.styles[name] = style
        return self.styles[name]

    def markup(self, runs: tuple[Run, ...], spec: ParagraphStyle) -> str:
        parts = []
        for run in runs:
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

    def paragraph(self, block: Para, width: float) -> _Para:
        spec = self.profile.style(block.style)
        runs = lines.printed_runs(block.runs, spec, self.faces, width)
        return _Para(self.markup(runs, spec), self.style(block.style))

    def flowables(self, blocks: tuple[Block, ...] | list[Block], width: float, top: bool = False) -> list[Flowable]:
        """The flowables of ``blocks`` set ``width`` wide; ``top`` for the document's own
        list, where headings are kept with what follows and floats can move."""
        result: list[Flowable] = []
        for index, block in enumerate(blocks):
            flowable: Flowable
            match block:
                case Para():
                    flowable = self.paragraph(block, width)
                    if top and block.keep_with_next and (index == 0 or not _keeps(blocks[index - 1])):
                        # More than a page cannot be kept together: a new page would stay empty.
                        needed = min(self._kept_height(blocks, index, width), self.profile.page.text_height_pt - 1)
                        result.append(_KeepRoom(needed))
                case Rule():
                    flowable = self.rule(block, width)
                case Spacer():
                    flowable = RLSpacer(1, block.height_pt)
                case Picture():
                    prepared = prepare(block.sha256, block.load)
                    shown, tall = shown_size(prepared, width * block.width, self.profile.page.text_height_pt)
                    flowable = _Photo(_PreparedJPEG(prepared, block.sha256), shown, tall)
                case Columns():
                    table = self.table(block, width)
                    if isinstance(table, list):  # taller than a page: its cells one after the other
                        result += table
                        continue
                    flowable = table
                case KeepTogether():
                    flowable = RLKeepTogether(self.flowables(block.blocks, width))
                case Float():
                    flowable = _Float(self.flowables(block.blocks, width), index, block.past)
                case Grid():
                    flowable = self._grid(block, width)
            if top:
                # Any flowable carries the block it draws (read back by _Template.afterFlowable).
                setattr(flowable, "block", index)  # noqa: B010
            result.append(flowable)
        return result

    def _grid(self, grid: Grid, width: float) -> LongTable:
        widths = [width * w for w in grid.widths]
        rows = [[self.flowables(cell, w - 2 * GRID_PADDING) for cell, w in zip(row, widths, strict=True)]
                for row in grid.rows]
        # LongTable: laid out row by row, so a list of thousands of tasks takes no longer per row.
        table = LongTable(rows, colWidths=widths, repeatRows=grid.header_rows, splitInRow=0)
        table.setStyle(TableStyle([
            ("GRID", (0, 0), (-1, -1), 0.5, black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("FONTNAME", (0, 0), (-1, -1), self.font),
            ("LEFTPADDING", (0, 0), (-1, -1), GRID_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), GRID_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return table

    def _kept_height(self, blocks: tuple[Block, ...] | list[Block], index: int, width: float) -> float:
        """The room a heading (or a chain of them) needs: itself and the first lines of
        what follows."""
        needed = 0.0
        for block in blocks[index:]:
            if not isinstance(block, Para):
                # All of it (a table, a group): it cannot split.
                parts = self.flowables(block.blocks if isinstance(block, KeepTogether) else [block], width)
                needed += sum(f.getSpaceBefore() + f.wrap(width, 1e6)[1] + f.getSpaceAfter() for f in parts)
                break
            paragraph = self.paragraph(block, width)
            height = paragraph.wrap(width, 1e6)[1]
            needed += paragraph.getSpaceBefore()
            if not block.keep_with_next:
                needed += min(height, KEEP_LINES * paragraph.style.leading)
                break
            needed += height + paragraph.getSpaceAfter()
        return needed

    def rule(self, block: Rule, width: float) -> _Rule:
        spec = self.profile.style(block.style)
        look = self.profile.rule_look()
        face = lines.face_for(self.faces, spec.bold, spec.italic)
        return _Rule(lines.longest_line(block.text, spec, self.faces, width) * block.fraction,
                     lines.rule_offset(spec, face, look),
                     lines.thickness(look), block.dash == "dashed", look.space_after)

    def table(self, block: Columns, width: float) -> Table | list[Flowable]:
        """The columns side by side; a row never splits, so one taller than a page (a
        header of a hundred lines) gives its cells' flowables one after the other instead."""
        widths = [width * w for w in block.widths]
        cells = [[_Stack(self.flowables(cell, w))] for cell, w in zip(block.cells, widths, strict=True)]
        if max(cell[0].wrap(w, 1e6)[1] for cell, w in zip(cells, widths, strict=True)) > \
                self.profile.page.text_height_pt:
            return [flowable for cell in block.cells for flowable in self.flowables(cell, width)]
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
        return table


def _keeps(block: Block) -> bool:
    return isinstance(block, Para) and block.keep_with_next


def _layout(document: Document, profile: Profile) -> tuple[bytes, dict[int, int | None]]:
    renderer = _Renderer(document, profile)
    page = profile.page
    buffer = io.BytesIO()
    # The body font named first: otherwise each page starts by naming Helvetica, which is not embedded.
    template = _Template(buffer, profile, document, renderer.font)
    story = renderer.flowables(document.blocks, page.text_width_pt, top=True)

    def on_page(canvas: Canvas, doc: BaseDocTemplate) -> None:
        # The draft's mark on page 1; page numbers centred in the top margin from page 2 on (Decree 30).
        if doc.page == 1 and document.mark is not None:
            _draw_mark(canvas, document.mark, renderer.font, profile)
        if doc.page == 1 or not document.page_numbers:
            return
        spec = profile.style("page_number")
        canvas.setFont(renderer.font, spec.size)
        baseline = lines.page_number_top(page) + lines.baseline_drop(spec, renderer.faces.regular)
        canvas.drawCentredString(page.margin_left_mm * MM + page.text_width_pt / 2, page.height_mm * MM - baseline,
                                 str(doc.page))

    template.addPageTemplates([PageTemplate("page", [template.frame_template], onPage=on_page)])
    template.build(story)
    return buffer.getvalue(), template.placed


def render_pdf(document: Document, profile: Profile) -> bytes:
    return _layout(document, profile)[0]


def float_places(document: Document, profile: Profile) -> dict[int, int | None]:
    """Where each float of the document ends up in the PDF: for the index of each Float
    block, the index of the block it follows (None: first). The DOCX takes this order."""
    return _layout(document, profile)[1]


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
