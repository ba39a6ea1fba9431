"""How the news article names people: once in full, then short; and who attended.

The first mention gives every title ('đồng chí Lê Văn An – Tỉnh ủy viên, Phó Chủ tịch UBND
tỉnh'); later ones are short ('đồng chí Lê Văn An', or 'Phó Chủ tịch UBND tỉnh Lê Văn An'
without an honorific). Captions name the office the person holds at this meeting.
"""

from minutes_app.documents.wording import (
    fitting_title,
    honorific,
    mid_sentence,
    titled_name,
    titles_text,
)
from minutes_app.model import Attendance, Meeting

# Groups whose name reads as a plural only with 'các' before it ('các thành viên Ban Chỉ đạo').
_COUNTED_GROUPS = ("thành viên", "ủy viên", "đại biểu", "khách mời")
# What records call the group of invited guests.
_INVITED = frozenset(("mời dự", "mời", "khách mời", "đại biểu mời", "đại biểu khách mời", "đại biểu được mời"))
# Up to this many attendees outside any group are named; more are counted.
NAMED_WITHOUT_GROUPS = 4


class Names:
    """The names of one article, remembering who it has already named in full."""

    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.named: set[int] = set()  # by object identity

    def name(self, attendance: Attendance) -> str:
        """In full the first time, short afterwards; lower case where an honorific leads."""
        if id(attendance) in self.named:
            return self.short(attendance)
        self.named.add(id(attendance))
        title = honorific(attendance, self.meeting.style)
        if not title:
            return titled_name(attendance, all_titles=True)
        titles = titles_text(attendance)
        name = f"{title.lower()} {attendance.person.name}"
        return f"{name} – {titles}" if titles else name

    def short(self, attendance: Attendance) -> str:
        """'đồng chí Lê Văn An'; without an honorific 'Phó Chủ tịch UBND tỉnh Lê Văn An'."""
        title = honorific(attendance, self.meeting.style)
        if title:
            return f"{title.lower()} {attendance.person.name}"
        return self.caption(attendance)

    def pronoun(self, attendance: Attendance | None) -> str:
        """The person named again in the passage that named them: 'đồng chí', 'bà', or the
        title alone ('Phó Chủ tịch UBND tỉnh') when there is no honorific."""
        if attendance is None:
            return ""
        title = honorific(attendance, self.meeting.style)
        if title:
            return title.lower()
        return fitting_title(attendance, self.meeting.style) or attendance.person.name

    def caption(self, attendance: Attendance) -> str:
        """'Phó Chủ tịch UBND tỉnh Lê Văn An': the title that fits this meeting, then the name."""
        return f"{fitting_title(attendance, self.meeting.style)} {attendance.person.name}".strip()

    def attended(self, noun: str) -> str:
        """The lead's sentence on who attended: the guests of honour in full, the others by
        their groups ('Tham dự Hội nghị có lãnh đạo các sở, ngành, đại diện UBND các xã');
        a few attendees of no group by name; '' when there is nobody else to name."""
        meeting = self.meeting
        leaders = {id(meeting.chair), id(meeting.secretary)}
        present = [a for a in meeting.attendances if a.present and id(a) not in leaders]
        guests = [a for a in present if a.guest_of_honour]
        others = [a for a in present if not a.guest_of_honour]
        parts = [self.name(a) for a in guests]
        chair_group = meeting.chair.group_name if meeting.chair is not None else None
        groups = [g for g in dict.fromkeys((a.group_name or "").strip() for a in others) if g and g != chair_group]
        ungrouped = [a for a in others if not (a.group_name or "").strip()]
        if groups:
            parts.append(_joined([group_phrase(g) for g in groups]))
        elif 0 < len(ungrouped) <= NAMED_WITHOUT_GROUPS:
            parts += [self.name(a) for a in ungrouped]
        elif ungrouped:
            parts.append(f"{len(ungrouped)} đại biểu")
        if not parts:
            return ""
        return f"Tham dự {noun} có {'; '.join(parts)}."

    def chaired_with(self) -> str:
        """' cùng các thành viên Ban Chỉ đạo' when others of the chair's group attended."""
        chair = self.meeting.chair
        group = (chair.group_name or "").strip() if chair is not None else ""
        if not group or not any(
            a.present and a is not chair and (a.group_name or "").strip() == group for a in self.meeting.attendances
        ):
            return ""
        return f" cùng {group_phrase(group)}"


def group_phrase(group: str) -> str:
    """A group's name inside a sentence: 'lãnh đạo các sở, ngành', 'các thành viên Ban Chỉ
    đạo'; the invited, however the record calls them, 'các đại biểu khách mời'."""
    if " ".join(group.split()).casefold() in _INVITED:
        return "các đại biểu khách mời"
    phrase = mid_sentence(group)
    if phrase.casefold().startswith(_COUNTED_GROUPS):
        return f"các {phrase}"
    return phrase


def _joined(items: list[str]) -> str:
    """'a, b và c'."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} và {items[-1]}"

