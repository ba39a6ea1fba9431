"""Drawing a composed document as DOCX with python-docx.

Every font slot (ascii, hAnsi, cs, eastAsia) names the profile's font and the theme-font
attributes are removed, in the document defaults, the styles and every run: Word and
LibreOffice otherwise fall back to the theme font for some characters.
"""

import io
from collections.abc import Iterable

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run as DocxRun
from lxml.etree import _Element as XmlElement  # every python-docx element is one of lxml's

from minutes_app.documents import ExportError, fonts, lines
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
    Spacer,
)
from minutes_app.documents.fonts import FontFaces
from minutes_app.documents.pictures import prepare, shown_size
from minutes_app.documents.profiles import ParagraphStyle, Profile

_ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
_THEME_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")
# The longest text a DOCX core property (title, author) may hold.
PROPERTY_LENGTH = 255
_Container = DocxDocument | _Cell
# Room between a ruled table's lines and its text, in twentieths of a point (Word's default).
GRID_PADDING_DXA = 108


def _run_properties(parent: XmlElement) -> XmlElement:
    """The rPr inside ``parent``, added first if it has none."""
    rpr = parent.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        parent.insert(0, rpr)
    return rpr


def set_font_slots(parent: XmlElement, font: str) -> None:
    """Name ``font`` in all four slots of the rPr inside ``parent`` and drop theme fonts."""
    rpr = _run_properties(parent)
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = OxmlElement("w:rFonts")
        rpr.insert(0, rfonts)
    for attribute in _THEME_ATTRIBUTES:
        if qn(attribute) in rfonts.attrib:
            del rfonts.attrib[qn(attribute)]
    for slot in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(slot), font)


def fit_property(text: str) -> str:
    """``text`` cut to what a core property holds, an ellipsis marking the cut: the
    document itself keeps the whole text."""
    if len(text) <= PROPERTY_LENGTH:
        return text
    return text[: PROPERTY_LENGTH - 1].rstrip() + "…"


def _language(parent: XmlElement, tag: str) -> None:
    rpr = _run_properties(parent)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), tag)


class _Renderer:
    def __init__(self, document: Document, profile: Profile) -> None:
        self.profile = profile
        self.docx = new_docx()
        self.faces = self._faces(document)

    @staticmethod
    def _faces(document: Document) -> FontFaces | None:
        # Only to measure lines and rules: a DOCX can be written without the fonts installed.
        try:
            return fonts.serif_for(document.printed_characters())
        except ExportError:
            return None

    def setup(self, document: Document) -> None:
        font = self.profile.font
        styles = self.docx.styles.element
        defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
        set_font_slots(defaults, font)
        _language(defaults, "vi-VN")
        set_font_slots(self.docx.styles["Normal"].element, font)
        # Every font the styles name, conditional table formatting included.
        for rfonts in styles.iter(qn("w:rFonts")):
            set_font_slots(rfonts.getparent().getparent(), font)

        section = self.docx.sections[0]
        page = self.profile.page
        section.page_width, section.page_height = Emu(int(page.width_mm * 36000)), Emu(int(page.height_mm * 36000))
        section.top_margin = Emu(int(page.margin_top_mm * 36000))
        section.bottom_margin = Emu(int(page.margin_bottom_mm * 36000))
        section.left_margin = Emu(int(page.margin_left_mm * 36000))
        section.right_margin = Emu(int(page.margin_right_mm * 36000))
        section.header_distance = Pt(lines.page_number_top(page))
        # Page 1 has a header of its own: no page number, perhaps the mark.
        section.different_first_page_header_footer = document.page_numbers or document.mark is not None
        if document.page_numbers:
            # No number on page 1; centred at the top from page 2 on (Decree 30).
            number = section.header.paragraphs[0]
            self._format(number, self.profile.style("page_number"))
            self._page_field(number, self.profile.style("page_number"))
        if document.mark is not None:
            self._mark(document.mark, section.first_page_header.paragraphs[0])
        properties = self.docx.core_properties
        properties.title = fit_property(document.title)
        properties.author = fit_property(document.author)
        properties.language = "vi-VN"
        record = document.record
        properties.subject = record.subject
        properties.keywords = record.keywords
        properties.content_status = record.status
        properties.version = record.version
        properties.identifier = record.identifier

    def _mark(self, mark: Mark, paragraph: Paragraph) -> None:
        """The mark at the right of page 1's header, its frame a paragraph border narrowed
        by an indent to the words."""
        self._format(paragraph, ParagraphStyle(size=mark.size, align="right"))
        run = paragraph.add_run(mark.text)
        run.font.size = Pt(mark.size)
        run.font.bold = mark.bold or None
        set_font_slots(run._r, self.profile.font)
        if not mark.frame:
            return
        face = None if self.faces is None else (self.faces.bold if mark.bold else self.faces.regular)
        words = fonts.text_width(mark.text, mark.size, face)
        # A little more room than the words measure, so that they never wrap inside the frame.
        indent = max(0.0, self.profile.page.text_width_pt - words - 2 * mark.padding_pt - 2)
        paragraph.paragraph_format.left_indent = Pt(indent)
        paragraph.paragraph_format.right_indent = Pt(mark.padding_pt)
        borders = OxmlElement("w:pBdr")
        for edge in ("top", "left", "bottom", "right"):
            line = OxmlElement(f"w:{edge}")
            for key, value in (("w:val", "single"), ("w:sz", "6"), ("w:space", str(round(mark.padding_pt))),
                               ("w:color", "000000")):
                line.set(qn(key), value)
            borders.append(line)
        paragraph._p.get_or_add_pPr().append(borders)

    def _page_field(self, paragraph: Paragraph, spec: ParagraphStyle) -> None:
        for kind, text in (("begin", ""), ("instr", " PAGE "), ("separate", ""), ("text", "2"), ("end", "")):
            run = paragraph.add_run()
            self._run_format(run, spec, bold=False, italic=False)
            if kind == "instr":
                instr = OxmlElement("w:instrText")
                instr.set(qn("xml:space"), "preserve")
                instr.text = text
                run._r.append(instr)
            elif kind == "text":
                run.text = text
            else:
                field = OxmlElement("w:fldChar")
                field.set(qn("w:fldCharType"), kind)
                run._r.append(field)

    def _format(self, paragraph: Paragraph, spec: ParagraphStyle, keep_with_next: bool = False) -> None:
        fmt = paragraph.paragraph_format
        fmt.alignment = _ALIGN[spec.align]
        fmt.first_line_indent = Emu(int(spec.first_line_indent_cm * 360000)) if spec.first_line_indent_cm else None
        fmt.left_indent = Emu(int(spec.left_indent_cm * 360000)) if spec.left_indent_cm else None
        fmt.space_before = Pt(spec.space_before)
        fmt.space_after = Pt(spec.space_after)
        fmt.line_spacing = spec.line_spacing
        fmt.widow_control = True
        fmt.keep_with_next = keep_with_next

    def _run_format(self, run: DocxRun, spec: ParagraphStyle, bold: bool, italic: bool) -> None:
        run.font.size = Pt(spec.size)
        run.font.bold = bold or spec.bold or None
        run.font.italic = italic or spec.italic or None
        run.font.underline = spec.underline or None
        set_font_slots(run._r, self.profile.font)

    def add(self, blocks: Iterable[Block], container: _Container, width: float, keep: bool = False) -> None:
        blocks = list(blocks)
        for index, block in enumerate(blocks):
            # Inside a group every paragraph keeps with the next, so the group stays whole.
            keep_next = keep and index < len(blocks) - 1
            match block:
                case Para():
                    spec = self.profile.style(block.style)
                    paragraph = self._paragraph(container)
                    self._format(paragraph, spec, block.keep_with_next or keep_next)
                    runs = lines.printed_runs(block.runs, spec, self.faces, width)
                    for run in runs:
                        self._run_format(paragraph.add_run(run.text), spec, run.bold, run.italic)
                case Rule():
                    self._rule(block, container, width, keep_next)
                case Spacer():
                    paragraph = self._paragraph(container)
                    self._format(paragraph, ParagraphStyle(size=1), keep_next)
                    paragraph.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                    paragraph.paragraph_format.line_spacing = Pt(block.height_pt)
                case Picture():
                    self._picture(block, container, width)
                case Columns():
                    self._columns(block, container, width, keep or keep_next)
                case KeepTogether() | Float():
                    self.add(block.blocks, container, width, keep=True)
                case Grid():
                    self._grid(block, container, width)

    def _paragraph(self, container: _Container) -> Paragraph:
        # A new table cell already holds one empty paragraph: use it first.
        if isinstance(container, _Cell):
            paragraphs: list[Paragraph] = container.paragraphs  # untyped in python-docx
            if len(paragraphs) == 1 and not paragraphs[0].runs and paragraphs[0]._p.pPr is None:
                return paragraphs[0]
        return container.add_paragraph()

    def _rule(self, rule: Rule, container: _Container, width: float, keep_next: bool) -> None:
        """An empty paragraph whose bottom border, narrowed by indents, is the rule: the
        paragraph's exact height puts the border where the PDF draws the line."""
        spec = self.profile.style(rule.style)
        look = self.profile.rule_look()
        length = lines.longest_line(rule.text, spec, self.faces, width) * rule.fraction
        thickness = lines.thickness(look)
        face = lines.face_for(self.faces, spec.bold, spec.italic)
        paragraph = self._paragraph(container)
        self._format(paragraph, ParagraphStyle(size=1, align="center", space_after=look.space_after), keep_next)
        fmt = paragraph.paragraph_format
        fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        fmt.line_spacing = Pt(lines.rule_offset(spec, face, look) - thickness / 2)
        indent = Pt(max(0.0, (width - length) / 2))
        fmt.left_indent = fmt.right_indent = indent
        borders = OxmlElement("w:pBdr")
        bottom = OxmlElement("w:bottom")
        for key, value in (("w:val", "dashed" if rule.dash == "dashed" else "single"),
                           ("w:sz", str(round(thickness * 8))), ("w:space", "0"), ("w:color", "000000")):
            bottom.set(qn(key), value)
        borders.append(bottom)
        paragraph._p.get_or_add_pPr().append(borders)

    def _picture(self, picture: Picture, container: _Container, width: float) -> None:
        prepared = prepare(picture.sha256, picture.load)
        paragraph = self._paragraph(container)
        # A photo stays with its caption; its line is the photo's height, no more, as in the PDF.
        self._format(paragraph, ParagraphStyle(size=1, align="center"), keep_with_next=True)
        shown, tall = shown_size(prepared, width * picture.width, self.profile.page.text_height_pt)
        run = paragraph.add_run()
        run.font.size = Pt(1)
        run.add_picture(io.BytesIO(prepared.jpeg), width=Pt(shown), height=Pt(tall))

    @staticmethod
    def _table(container: _Container, rows: int, cols: int, border: str, margin_dxa: int) -> Table:
        """A table of fixed column widths, centred, with ``border`` lines ('nil' for none)."""
        table = container.add_table(rows=rows, cols=cols)
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        table.autofit = False
        properties = table._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        properties.append(layout)
        borders = OxmlElement("w:tblBorders")
        for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
            element = OxmlElement(f"w:{edge}")
            element.set(qn("w:val"), border)
            if border != "nil":
                for key, value in (("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
                    element.set(qn(key), value)
            borders.append(element)
        properties.append(borders)
        margins = OxmlElement("w:tblCellMar")
        for edge in ("left", "right"):
            element = OxmlElement(f"w:{edge}")
            element.set(qn("w:w"), str(margin_dxa))
            element.set(qn("w:type"), "dxa")
            margins.append(element)
        properties.append(margins)
        return table

    def _grid(self, grid: Grid, container: _Container, width: float) -> None:
        table = self._table(container, 0, len(grid.widths), "single", GRID_PADDING_DXA)
        widths = [Pt(width * fraction) for fraction in grid.widths]
        for index, cell_width in enumerate(widths):
            table.columns[index].width = cell_width
        inner = [width * fraction - 2 * GRID_PADDING_DXA / 20 for fraction in grid.widths]
        for number, cells in enumerate(grid.rows):
            row = table.add_row()  # type: ignore[no-untyped-call]
            properties = row._tr.get_or_add_trPr()
            properties.append(OxmlElement("w:cantSplit"))
            if number < grid.header_rows:
                properties.append(OxmlElement("w:tblHeader"))  # repeated at the top of each page
            for cell, paragraphs, cell_width, room in zip(row.cells, cells, widths, inner, strict=True):
                cell.width = cell_width  # Word reads the column width, LibreOffice the cell width
                self.add(paragraphs, cell, room)

    def _columns(self, columns: Columns, container: _Container, width: float, keep_next: bool) -> None:
        table = self._table(container, 1, len(columns.cells), "nil", 0)
        row = table.rows[0]
        # A row never breaks across pages: the header and the signatures stay whole.
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
        for index, (cell_blocks, fraction) in enumerate(zip(columns.cells, columns.widths, strict=True)):
            cell_width = Pt(width * fraction)
            # Word reads the column width, LibreOffice the cell width: set both.
            table.columns[index].width = cell_width
            cell = row.cells[index]
            cell.width = cell_width
            self.add(cell_blocks, cell, width * fraction, keep=keep_next)
            if keep_next:
                for paragraph in cell.paragraphs:
                    paragraph.paragraph_format.keep_with_next = True


def _floats_placed(document: Document, profile: Profile) -> list[Block]:
    """The blocks in the order the PDF prints them: a float that did not fit at the end of
    a page comes after the text that filled the page instead (pdf_render.float_places)."""
    if not any(isinstance(block, Float) for block in document.blocks):
        return document.blocks
    from reportlab.platypus.doctemplate import LayoutError

    from minutes_app.documents.pdf_render import float_places

    try:
        places = float_places(document, profile)
    except (ExportError, LayoutError):  # no font, or a page reportlab cannot lay out: as composed
        return document.blocks
    after: dict[int | None, list[int]] = {}
    for index in sorted(places):
        after.setdefault(places[index], []).append(index)
    order = after.get(None, [])
    for index in range(len(document.blocks)):
        if index not in places:
            order += [index, *after.get(index, [])]
    return [document.blocks[i] for i in order]


def render_docx(document: Document, profile: Profile) -> bytes:
    renderer = _Renderer(document, profile)
    renderer.setup(document)
    renderer.add(_floats_placed(document, profile), renderer.docx, profile.page.text_width_pt)
    buffer = io.BytesIO()
    renderer.docx.save(buffer)
    return buffer.getvalue()
