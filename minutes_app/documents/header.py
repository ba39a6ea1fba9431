"""The header of an administrative document, shared by every kind: the organ on the left,
the national (or Party) heading on the right, then the number and, when the document has
one, the place-and-date line.
"""

from minutes_app.documents.blocks import Block, Columns, Para, Rule, Run
from minutes_app.documents.lines import bind, bind_all
from minutes_app.documents.profiles import Profile
from minutes_app.model import Meeting


def one_line(text: str) -> str:
    """``text`` with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def document_header(profile: Profile, parent: str, organ: str, number: str, dateline: str | None = None) -> list[Block]:
    """The header as the profile draws it. Names are printed on lines of their own making:
    a line break typed in them is a space. Without a dateline the number ends the left
    column; with one, the number and the dateline share a row of their own, so that they
    stand on one line whatever the height of the names above them (Decree 30)."""
    header = profile.header
    assert header is not None, "a profile with a header"
    left: list[Block] = []
    organ = one_line(organ)
    if parent.strip():
        left.append(Para((Run(bind(one_line(parent))),), "parent"))
    left.append(Para((Run(bind(organ)),), "organ"))
    if header.organ_mark == "rule":
        left.append(Rule(organ, "organ", header.organ_rule.length, header.organ_rule.dash))
    elif header.organ_mark == "star":
        left.append(Para((Run("*"),), "organ"))
    # The number, and the blank left for it, in one piece: spaces neither break nor collapse.
    number_line = Para((Run(bind_all(number.replace("\n", " "))),), "number")

    right: list[Block] = []
    for line in header.national:
        right.append(Para((Run(bind(line.text)),), line.style))
        if line.rule:
            right.append(Rule(line.text, line.style, line.rule.length, line.rule.dash))
    widths = (header.left_width, 1 - header.left_width)
    if dateline is None:
        return [Columns(((*left, number_line), tuple(right)), widths)]
    # The place may go over two lines; the date, and the blanks left in it, never break or collapse.
    place, comma, date = dateline.replace("\n", " ").partition(", ")
    dated = Para((Run(f"{one_line(place)}{comma}{bind_all(date)}" if comma else bind_all(place)),), "dateline")
    return [Columns((tuple(left), tuple(right)), widths), Columns(((number_line,), (dated,)), widths)]


def meeting_header(meeting: Meeting, number: str | None, profile: Profile, dateline: str | None = None) -> list[Block]:
    """The header of a document issued by ``meeting``'s organiser: numbered ``number``, or
    with the blank the profile leaves for the number a clerk writes in."""
    header = profile.header
    assert header is not None, "a profile with a header"
    if number:
        numbered = header.number.format(number=number)
    else:
        numbered = header.number_blank.format(code=meeting.organizer_code or "")
    return document_header(profile, meeting.organizer_parent or "", meeting.organizer_name, numbered, dateline)
