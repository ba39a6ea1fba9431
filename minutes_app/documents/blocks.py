"""The neutral document: what a composer builds once and every renderer draws.

Blocks name a paragraph *style* of the style profile instead of carrying sizes and
fonts, so the look of a part is decided in one place (the profile) and the wording and
order in another (the composer).
"""

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

from minutes_app.text import xml_safe


@dataclass(frozen=True)
class Run:
    """A piece of text with one emphasis."""

    text: str
    bold: bool = False
    italic: bool = False

    def __post_init__(self) -> None:
        # Characters that no document format can hold go here, and only those.
        object.__setattr__(self, "text", xml_safe(self.text))


@dataclass(frozen=True)
class Para:
    """A paragraph in a profile style; a newline in a run is a line break."""

    runs: tuple[Run, ...]
    style: str
    keep_with_next: bool = False

    @property
    def text(self) -> str:
        return "".join(run.text for run in self.runs)


@dataclass(frozen=True)
class Rule:
    """A centred horizontal line under the paragraph before it, which prints ``text`` in
    ``style``: ``fraction`` of the longest line of that text as printed, solid or dashed."""

    text: str
    style: str
    fraction: float
    dash: Literal["solid", "dashed"] = "solid"


@dataclass(frozen=True)
class Spacer:
    height_pt: float


@dataclass(frozen=True)
class Picture:
    """A photo scaled to ``width`` (a fraction of the text width), centred. Its bytes are
    read by ``load`` only if its prepared copy is not cached (documents.pictures)."""

    sha256: str
    load: Callable[[], bytes]
    width: float = 1.0


@dataclass(frozen=True)
class Columns:
    """Blocks side by side in a borderless table (header, signatures); never split."""

    cells: tuple[tuple["Block", ...], ...]
    widths: tuple[float, ...]  # fractions of the text width, summing to 1


@dataclass(frozen=True)
class KeepTogether:
    """Blocks that must stay on one page (the end line, signatures and recipients)."""

    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class Grid:
    """A ruled table (a report's list of tasks) that may run over several pages, its
    header rows repeated on each; a row is never split between two pages."""

    rows: tuple[tuple[tuple[Para, ...], ...], ...]  # each row's cells, each cell's paragraphs
    widths: tuple[float, ...]  # fractions of the text width, summing to 1
    header_rows: int = 1


@dataclass(frozen=True)
class Float:
    """Blocks kept together (a photo and its caption) that may move below the paragraphs
    after them in one of the styles ``past`` (the body text, not the byline), towards the
    top of the next page, rather than leave the rest of a page empty."""

    blocks: tuple["Block", ...]
    past: frozenset[str] = frozenset({"body"})


Block = Para | Rule | Spacer | Picture | Columns | KeepTogether | Grid | Float


@dataclass(frozen=True)
class Mark:
    """Words set apart at the top right of page 1, above the text, framed or not: the
    "DỰ THẢO" of a draft. It sits in the top margin, so the pages break as without it."""

    text: str
    size: float
    bold: bool
    frame: bool
    padding_pt: float


@dataclass(frozen=True)
class RecordProperties:
    """What the file's properties say of the record it was made from; ``keywords`` is
    what ``minutes-app verify`` reads back."""

    subject: str = ""
    keywords: str = ""
    status: str = ""
    version: str = ""
    identifier: str = ""


@dataclass
class Document:
    """A composed document: its profile name, metadata and blocks in order."""

    profile: str
    title: str
    blocks: list[Block] = field(default_factory=list)
    author: str = ""
    # Page numbers are printed centred at the top from page 2 on.
    page_numbers: bool = True
    mark: Mark | None = None
    record: RecordProperties = field(default_factory=RecordProperties)

    def __post_init__(self) -> None:
        # The title and author go into the file's properties, which are XML too.
        self.title, self.author = xml_safe(self.title), xml_safe(self.author)

    def paragraphs(self) -> list[Para]:
        """Every paragraph in reading order, inside tables and groups too."""
        return [block for block in walk(self.blocks) if isinstance(block, Para)]

    def text(self) -> str:
        return "\n".join(p.text for p in self.paragraphs())

    def printed_characters(self) -> str:
        """Everything the document prints or measures, to choose a font that has it all."""
        printed = "".join(b.text for b in walk(self.blocks) if isinstance(b, Para | Rule))
        return printed + (self.mark.text if self.mark else "")


def walk(blocks: Iterable[Block]) -> Iterator[Block]:
    """Every block in reading order, descending into tables and groups."""
    for block in blocks:
        yield block
        if isinstance(block, Columns):
            for cell in block.cells:
                yield from walk(cell)
        elif isinstance(block, KeepTogether | Float):
            yield from walk(block.blocks)
        elif isinstance(block, Grid):
            for row in block.rows:
                for cell in row:
                    yield from cell


def para(text: str, style: str, *, bold: bool = False, italic: bool = False, keep_with_next: bool = False) -> Para:
    """A paragraph of one run."""
    return Para((Run(text, bold, italic),), style, keep_with_next)
