"""Drafting the notice of conclusions (thông báo kết luận) from the record.

Deterministic and offline: the same record and profile always draft the same notice. The
order is that of template 1.4 as offices fill it for a notice: the issuer, the number and
the place-and-date line left blank for the clerk who issues it, the subject; the opening
(when, where, who chaired, who attended, by groups), what the chair heard; the conclusions:
the assessment from the conclusion speeches and one numbered task per addressee from the
directives, each with its deadline; the closing sentence, the signature and the recipients
(the addressees once each, in the profile's order of precedence). The words are the
profile's labels; who issues and who signs are the profile's too.
"""

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from minutes_app.documents import ExportError
from minutes_app.documents.profiles import Profile
from minutes_app.documents.wording import (
    capitalize_first,
    continue_sentence,
    meeting_noun,
    meeting_phrase,
    paragraphs,
    sentence,
    short_date,
    titles_text,
)
from minutes_app.i18n import _
from minutes_app.model import Attendance, Directive, Meeting, SpeechKind

BlockKind = Literal[
    "parent", "organ", "number", "dateline", "title", "subject", "paragraph", "heading", "closing",
    "signature", "signer", "recipients",
]
KINDS: tuple[BlockKind, ...] = get_args(BlockKind)
ADDRESSEES = "{addressees}"  # the recipients' line that stands for the addressees
_ROMAN = ("I", "II")
_PLURALS = ("các", "những", "mọi")
_MEMBERSHIP = ("ủy viên", "uỷ viên", "thành viên", "đại biểu")


@dataclass(frozen=True)
class NoticeBlock:
    """One editable piece of the notice. In a paragraph, a blank line separates paragraphs;
    in the signature and the recipients each line is a line of the document."""

    kind: BlockKind
    text: str


class NoDirectives(ExportError):
    """A record with no directive: it has nothing to notify."""

    def __init__(self) -> None:
        super().__init__(_(
            "Chưa soạn được thông báo kết luận: cuộc họp chưa có kết luận, chỉ đạo nào. "
            "Hãy ghi các kết luận, chỉ đạo của chủ trì ở thẻ “Kết luận” trước."
        ))


def draft_notice(meeting: Meeting, profile: Profile) -> list[NoticeBlock]:
    """The notice drafted from the record; raises NoDirectives when there is nothing to notify."""
    return _Drafter(meeting, profile).draft()


def addressee_key(name: str) -> str:
    """What makes two addressees the same body: case, spacing and end punctuation aside."""
    return " ".join(name.split()).strip(".;,").casefold()


def without_place(name: str, place: str | None) -> str:
    """'UBND tỉnh Minh Sơn' → 'UBND tỉnh': a body named in the place it serves, the way its
    own documents name it ('Văn phòng UBND tỉnh thông báo …')."""
    name = " ".join(name.split())
    if place and name.casefold().endswith(" " + place.casefold()):
        return name[: -len(place) - 1]
    return name


def precedence(names: list[str], order: tuple[str, ...]) -> list[str]:
    """``names`` in the order of the first beginning of ``order`` each has ('Sở' before
    'UBND'), the others after them; names of one rank keep their order."""
    def rank(name: str) -> int:
        folded = name.casefold()
        for index, start in enumerate(order):
            start = start.casefold()
            if folded == start or re.match(re.escape(start) + r"[\s,]", folded):
                return index
        return len(order)

    return sorted(names, key=rank)


def mid_sentence(addressee: str) -> str:
    """An addressee after 'Giao': a body's name keeps its capital ('Giao Ban cán sự đảng …',
    'Giao Văn phòng …'); a plural ('Các huyện ủy') is not a name and goes in lower case."""
    first = addressee.split(" ", 1)[0]
    return addressee[0].lower() + addressee[1:] if first.casefold() in _PLURALS else addressee


def office_title(attendance: Attendance) -> str:
    """The title a person is named by in the third person: the first that is an office
    held, not a membership ('Bí thư Tỉnh ủy', not 'Ủy viên Trung ương Đảng'); else the name."""
    titles = [" ".join(t.split()) for t in attendance.titles if t.strip()]
    held = [t for t in titles if not t.casefold().startswith(_MEMBERSHIP)]
    return (held or titles or [attendance.person.name])[0]


def part_of_day(moment: datetime) -> str:
    return "Sáng" if moment.hour < 12 else "Chiều" if moment.hour < 18 else "Tối"


class _Drafter:
    def __init__(self, meeting: Meeting, profile: Profile) -> None:
        self.meeting, self.profile = meeting, profile
        self.notice = profile.notice_facts()
        chair = meeting.chair
        noun = meeting_noun(meeting.title)
        place = meeting.place_name
        authority = (meeting.organizer_parent or meeting.organizer_name or "").strip()
        self.authority = " ".join(authority.split())
        self.words = {
            "noun": noun,
            "Noun": capitalize_first(noun),
            "meeting": meeting_phrase(meeting.title),
            "organizer": without_place(meeting.organizer_name or "", place),
            "office": f"{self.notice.office} {without_place(self.authority, place)}".strip(),
            "chair": self.chair_text(chair) if chair is not None else "",
            "chair_title": office_title(chair) if chair is not None else "",
        }

    @staticmethod
    def chair_text(chair: Attendance) -> str:
        """'Trần Quốc Hùng, Phó Chủ tịch UBND tỉnh, Trưởng Ban …': the name and every title."""
        titles = titles_text(chair)
        return f"{chair.person.name}, {titles}" if titles else chair.person.name

    def label(self, key: str, **values: str) -> str:
        return self.profile.fill(self.profile.label(key), self.words | values)

    def draft(self) -> list[NoticeBlock]:
        directives = [d for d in self.meeting.directives if d.content.strip()]
        if not directives:
            raise NoDirectives
        blocks = self.header() + self.title()
        blocks += [NoticeBlock("paragraph", self.opening()), NoticeBlock("paragraph", self.heard())]
        blocks += self.conclusions(directives)
        blocks.append(NoticeBlock("closing", self.label("closing")))
        blocks += self.signature()
        blocks.append(NoticeBlock("recipients", self.recipients(directives)))
        return blocks

    def header(self) -> list[NoticeBlock]:
        meeting, header = self.meeting, self.profile.header
        issuer = self.notice.issuer
        if issuer == "office":
            parent, organ = self.authority, self.notice.office
        elif issuer == "authority":
            parent, organ = "", self.authority
        else:
            parent, organ = meeting.organizer_parent or "", meeting.organizer_name
        blocks = [NoticeBlock("parent", parent), NoticeBlock("organ", organ)]
        if header is not None:
            number = self.profile.fill(header.number_blank, {"code": meeting.organizer_code or ""})
            blocks.append(NoticeBlock("number", number))
            if header.dateline is not None:
                place = meeting.place_name or "........"
                dateline = self.profile.fill(header.dateline, {"place": place, "year": str(meeting.starts_at.year)})
                blocks.append(NoticeBlock("dateline", dateline))
        return blocks

    def title(self) -> list[NoticeBlock]:
        if self.meeting.chair is None:
            return [NoticeBlock("subject", self.label("subject_no_chair"))]
        blocks = [NoticeBlock("title", self.label("title"))] if "title" in self.profile.labels else []
        return [*blocks, NoticeBlock("subject", self.label("subject"))]

    def opening(self) -> str:
        meeting = self.meeting
        when = f"{part_of_day(meeting.starts_at)} ngày {short_date(meeting.starts_at)}"
        if meeting.venue and meeting.venue.strip():
            when += f", tại {' '.join(meeting.venue.split())}"
        text = self.label("opening" if meeting.chair is not None else "opening_no_chair", when=when)
        named = {id(a) for a in (meeting.chair, meeting.secretary) if a is not None}
        present = [a for a in meeting.attendances if a.present and id(a) not in named]
        groups = list(dict.fromkeys(a.group_name.strip() for a in present if a.group_name and a.group_name.strip()))
        if groups:
            listed = "; ".join(continue_sentence(group) for group in groups)
            text += " " + self.label("attended", groups=listed)
        elif present:
            text += " " + self.label("attended_count", count=str(len(present)))
        return text

    def heard(self) -> str:
        reports = []
        for speech in self.meeting.speeches:
            if speech.kind != SpeechKind.REPORT:
                continue
            subject = " ".join((speech.subject or "").split())
            speaker = speech.speaker
            who = f"đồng chí {office_title(speaker)} " if speaker is not None else ""
            reports.append(f"{who}báo cáo {subject}".rstrip())
        opinions = self.label("opinions")
        heard = f"{', '.join(reports)} và {opinions}" if reports else opinions
        return self.label("heard" if self.meeting.chair is not None else "heard_no_chair", heard=heard)

    def assessment(self) -> list[str]:
        """The conclusion speeches, paragraph by paragraph."""
        return [capitalize_first(sentence(text)) for speech in self.meeting.speeches
                if speech.kind == SpeechKind.CONCLUSION for text in paragraphs(speech.summary)]

    def task(self, directive: Directive) -> str:
        content = " ".join(directive.content.split()).rstrip(".;,")
        if directive.deadline:
            content += "; " + self.label("deadline", date=short_date(directive.deadline))
        return content

    def assignments(self, directives: list[Directive]) -> list[str]:
        """One text per addressee, in the order the record first names each: 'Giao Sở Y tế …'
        or 'Sở Y tế chủ trì …' for one task, 'Giao Sở Y tế:' and a line per task for several."""
        by_addressee: dict[str, list[Directive]] = {}
        for directive in directives:
            by_addressee.setdefault(addressee_key(directive.addressee), []).append(directive)
        texts = []
        for own in by_addressee.values():
            addressee = " ".join(own[0].addressee.split()).strip(".;,")
            tasks = [self.task(d) for d in own]
            if not addressee:
                texts.append("\n\n".join(capitalize_first(sentence(t)) for t in tasks))
            elif len(tasks) == 1:
                if tasks[0].casefold().startswith("chủ trì"):  # 'Sở Giao thông vận tải chủ trì, phối hợp …'
                    texts.append(sentence(self.label("leads", addressee=capitalize_first(addressee), task=tasks[0])))
                else:
                    texts.append(sentence(self.label("assign", addressee=mid_sentence(addressee), task=tasks[0])))
            else:
                lead = self.label("assign", addressee=mid_sentence(addressee), task="").rstrip() + ":"
                items = [f"- {t}" + ("." if i == len(tasks) - 1 else ";") for i, t in enumerate(tasks)]
                texts.append("\n\n".join([lead, *items]))
        return texts

    def conclusions(self, directives: list[Directive]) -> list[NoticeBlock]:
        assessment, tasks = self.assessment(), self.assignments(directives)
        if self.notice.conclusions == "by-topic":
            return self.by_topic(assessment, tasks)
        numbered = [NoticeBlock("paragraph", f"{n}. {text}") for n, text in enumerate(tasks, start=1)]
        if not assessment:
            return numbered
        return [
            NoticeBlock("heading", f"{_ROMAN[0]}. {self.label('assessment')}"),
            *(NoticeBlock("paragraph", text) for text in assessment),
            NoticeBlock("heading", f"{_ROMAN[1]}. {self.label('tasks')}"),
            *numbered,
        ]

    def by_topic(self, assessment: list[str], tasks: list[str]) -> list[NoticeBlock]:
        """The assessment, then '1. Về …' for each topic discussed, the tasks in the last item."""
        blocks = [NoticeBlock("paragraph", text) for text in assessment]
        number = 0
        for topic in self.meeting.topics:
            title = " ".join(topic.title.split()).rstrip(".;:,")
            if not title:
                continue
            number += 1
            notes = paragraphs(topic.notes or "")
            about = self.label("about", topic=continue_sentence(title))
            first = f"{number}. {about}: {notes[0]}" if notes else f"{number}. {about}."
            blocks.append(NoticeBlock("paragraph", "\n\n".join([sentence(first), *notes[1:]])))
        items = [f"- {text}" for text in tasks]
        blocks.append(NoticeBlock("paragraph", "\n\n".join([f"{number + 1}. {self.label('carrying_out')}:", *items])))
        return blocks

    def signature(self) -> list[NoticeBlock]:
        chair = self.meeting.chair
        rank = ""
        if self.notice.ranks:
            held = [title.casefold() for title in (chair.titles if chair is not None else [])]
            rank = next((r for r in self.notice.ranks if any(t.startswith(r.casefold()) for t in held)),
                        self.notice.ranks[-1])
        lines = [self.profile.fill(line, self.words | {"rank": rank}) for line in self.notice.signature]
        signer = chair.person.name if self.notice.signer == "chair" and chair is not None else ""
        return [NoticeBlock("signature", "\n".join(lines)), NoticeBlock("signer", signer)]

    def recipients(self, directives: list[Directive]) -> str:
        """The profile's lines, the addressees (each once, in order of precedence) where the
        profile says, else before the last line."""
        named: dict[str, str] = {}
        for directive in directives:
            name = " ".join(directive.addressee.split()).strip(".;,")
            if name:
                named.setdefault(addressee_key(name), name)
        addressees = [self.profile.fill(self.notice.recipient, {"addressee": name})
                      for name in precedence(list(named.values()), self.notice.precedence)]
        fixed = list(self.profile.recipients.lines) if self.profile.recipients is not None else []
        if ADDRESSEES not in fixed:
            fixed.insert(max(len(fixed) - 1, 0), ADDRESSEES)
        lines: list[str] = []
        for line in fixed:
            lines += addressees if line == ADDRESSEES else [self.profile.fill(line, self.words)]
        return "\n".join(lines)

