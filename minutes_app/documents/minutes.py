"""The minutes (biên bản), composed in the order of template 1.9 of Decree 30/2020.

The same composition serves the Party style: what differs (header, number, labels,
signature titles, the form of address, sizes) comes from the style profile. The meeting
is called by its own word (Hội nghị, cuộc họp, phiên họp...) wherever the template names
it, and the template's hints in parentheses are not printed.
"""

from minutes_app.audio import timeline
from minutes_app.documents.blocks import Block, Columns, Document, KeepTogether, Para, Rule, Run, Spacer
from minutes_app.documents.lines import NBSP, bind, bind_all
from minutes_app.documents.profiles import Profile, ProfileError
from minutes_app.documents.wording import (
    DASH,
    capitalize_first,
    clock,
    duration,
    kind_wording,
    list_item,
    long_date,
    meeting_noun,
    paragraphs,
    short_date,
    subject_line,
    titles_text,
)
from minutes_app.i18n import _
from minutes_app.model import Attendance, CarriedTask, Directive, Meeting, Speech
from minutes_app.tasks import deadline_text


class _Composer:
    def __init__(self, meeting: Meeting, profile: Profile) -> None:
        self.meeting, self.profile = meeting, profile
        noun = meeting_noun(meeting.title)
        self.words = {"noun": noun, "Noun": capitalize_first(noun)}

    def label(self, key: str, **values: str) -> str:
        """The profile's words for ``key``, with the meeting's noun and ``values`` put in."""
        return self.worded(self.profile.label(key), **values)

    def worded(self, text: str, **values: str) -> str:
        try:
            return text.format(**self.words, **values)
        except (KeyError, IndexError, ValueError):
            names = ", ".join(f"{{{key}}}" for key in [*self.words, *values])
            raise ProfileError(
                _("Hồ sơ định dạng “{profile}”: “{text}” có chỗ điền không dùng được (chỉ dùng được {names}).")
                .format(profile=self.profile.name, text=text, names=names)
            ) from None

    def person(self, attendance: Attendance) -> str:
        """'Đồng chí Phạm Văn Bình – Phó Bí thư …': the profile's one form of address for
        everybody, the name never broken over two lines nor parted from the dash."""
        name = bind_all(" ".join(p for p in (self.profile.address, attendance.person.name) if p))
        titles = titles_text(attendance)
        return f"{name}{NBSP}{DASH.lstrip()}{bind(titles)}" if titles else name

    def compose(self) -> Document:
        meeting = self.meeting
        document = Document(profile=self.profile.name, title=f"Biên bản {subject_line(meeting.title)}")
        document.blocks += self.header()
        document.blocks += self.title()
        document.blocks += self.opening_lines()
        document.blocks += self.content()
        document.blocks.append(self.closing())
        return document

    def header(self) -> list[Block]:
        return document_header(self.meeting, self.meeting.document_number, self.profile)

    def title(self) -> list[Block]:
        subject = one_line(subject_line(self.meeting.title))
        blocks: list[Block] = [
            para(self.label("type_name"), "type_name", keep_with_next=True),
            para(subject, "subject", keep_with_next=True),
        ]
        rule = self.profile.header.subject_rule if self.profile.header else None
        if rule:
            blocks.append(Rule(bind(subject), "subject", rule.length, rule.dash))
        blocks.append(Spacer(12))
        return blocks

    def labelled(self, key: str, value: str) -> Para:
        return Para((Run(f"{self.label(key)}: ", bold=True), Run(value)), "label")

    def heading(self, key: str) -> Para:
        return Para((Run(f"{self.label(key)}:", bold=True),), "heading", keep_with_next=True)

    def group(self, text: str) -> Para:
        return Para((Run(f"{text}:", italic=True),), "group", keep_with_next=True)

    def opening_lines(self) -> list[Block]:
        meeting = self.meeting
        starts = f"{clock(meeting.starts_at)}, {long_date(meeting.starts_at)}."
        blocks: list[Block] = [self.labelled("starts", bind(starts))]
        if meeting.venue:
            blocks.append(self.labelled("venue", f"{meeting.venue}."))
        blocks.append(self.heading("attendees"))
        # The chair and the secretary have their own lines below: they are said once.
        named = [a for a in (meeting.chair, meeting.secretary) if a is not None]
        present = [a for a in meeting.attendances if a.present and not any(a is n for n in named)]
        absent = [a for a in meeting.attendances if not a.present]
        for group, members in _groups(present):
            if group:
                blocks.append(self.group(group))
            blocks += _items([self.person(a) for a in members])
        if absent:
            blocks.append(self.group(self.label("absent")))
            blocks += _items([self.absent(a) for a in absent])
        if meeting.chair is not None:
            blocks.append(self.labelled("chair", f"{self.person(meeting.chair)}."))
        if meeting.secretary is not None:
            blocks.append(self.labelled("secretary", f"{self.person(meeting.secretary)}."))
        return blocks

    def absent(self, attendance: Attendance) -> str:
        reason = f" (lý do: {attendance.absence_reason})" if attendance.absence_reason else ""
        return f"{self.person(attendance)}{reason}"

    def content(self) -> list[Block]:
        meeting = self.meeting
        blocks: list[Block] = [self.heading("content")]
        if meeting.agenda:
            blocks.append(self.group(self.label("agenda")))
            blocks += [
                para(list_item(f"{i}. {item}", i == len(meeting.agenda)), "item")
                for i, item in enumerate(meeting.agenda, start=1)
            ]
        if meeting.carried_tasks:
            blocks.append(self.heading("carried"))
            blocks += [
                para(_carried(task, i == len(meeting.carried_tasks) - 1), "item")
                for i, task in enumerate(meeting.carried_tasks)
            ]
        spans: list[timeline.Span | None] = [None] * len(meeting.speeches)
        if self.profile.speaking_time:
            spans = timeline.spans(meeting.speeches, meeting.audio_segments)
        for speech, span in zip(meeting.speeches, spans, strict=True):
            blocks += self.speech(speech, span.seconds if span else None)
        if any(spans):
            blocks += self.speaking_times()
        if meeting.topics:
            blocks.append(self.heading("topics"))
            for i, topic in enumerate(meeting.topics):
                # The first paragraph of the notes continues the item; any others follow it.
                first, *more = paragraphs(topic.notes or "") or [""]
                item = f"- {topic.title}: {first}" if first else f"- {topic.title}"
                blocks.append(para(list_item(item, i == len(meeting.topics) - 1), "item"))
                blocks += [para(text, "body") for text in more]
        if meeting.directives:
            blocks.append(self.heading("directives"))
            blocks += [
                para(self.directive(d, i == len(meeting.directives) - 1), "item")
                for i, d in enumerate(meeting.directives)
            ]
        return blocks

    def speaking_times(self) -> list[Block]:
        """Each speaker's time, in the order they first spoke."""
        meeting = self.meeting
        totals = timeline.speaker_times(meeting.speeches, meeting.audio_segments)
        speakers = {a.id: a for a in meeting.attendances}
        lines = []
        for total in totals:
            speaker = speakers.get(total.speaker_id) if total.speaker_id else None
            name = self.person(speaker) if speaker else "Chưa rõ người phát biểu"
            times = f" ({total.speeches} lần)" if total.speeches > 1 else ""
            lines.append(f"- {name}: {duration(total.seconds)}{times}")
        return [
            self.group(self.label("speaking_time")),
            *(para(list_item(line, i == len(lines) - 1), "item") for i, line in enumerate(lines)),
        ]

    def speech(self, speech: Speech, seconds: float | None = None) -> list[Block]:
        wording = kind_wording(speech.kind)
        subject = speech.subject or ""
        lasted = f", {duration(seconds)}" if seconds is not None else ""
        at = f" (lúc {clock(speech.at)}{lasted})" if speech.at else ""
        runs: tuple[Run, ...]
        if speech.speaker is not None:
            action = wording.verb + (wording.subject_joint + subject if subject else "")
            runs = (Run(self.person(speech.speaker), bold=True), Run(bind(f" {action}{at}:")))
        else:
            heading = wording.noun + (" " + subject if subject else "")
            runs = (Run(bind(f"{heading}{at}:"), bold=True),)
        summary = paragraphs(speech.summary)
        return [Para(runs, "body", keep_with_next=bool(summary)), *(para(text, "body") for text in summary)]

    def directive(self, directive: Directive, last: bool) -> str:
        notes = []
        if directive.recurrence:
            notes.append(deadline_text(directive.deadline, directive.recurrence, document=True))
        elif directive.deadline:
            notes.append(f"trước ngày {short_date(directive.deadline)}")
        issuer = directive.issued_by
        if issuer is not None and issuer is not self.meeting.chair:
            # Title and name together: 'Trưởng Ban … Y Ngông Niê'.
            title = (issuer.titles or [""])[0]
            notes.append(f"theo chỉ đạo của {title}{NBSP if title else ''}{bind_all(issuer.person.name)}")
        content = directive.content.rstrip().rstrip(".;,")
        suffix = f" ({'; '.join(notes)})" if notes else ""
        return list_item(f"- {directive.addressee}: {content}{suffix}", last)

    def closing(self) -> KeepTogether:
        """The end line, then the two signatures side by side, the recipients under the left
        one: one table row, which no page break can split."""
        meeting, profile = self.meeting, self.profile
        if meeting.ends_at:
            end = self.label("ends", time=clock(meeting.ends_at), date=long_date(meeting.ends_at))
        else:
            end = self.label("ends_blank")
        signatures = profile.signatures
        assert signatures is not None, "a minutes profile has signatures"

        def signer(title: str, attendance: Attendance | None) -> list[Block]:
            name = bind_all(attendance.person.name) if attendance is not None else ""
            return [para(self.worded(title), "signature_title"), Spacer(signatures.space_pt),
                    para(name, "signature_name")]

        left = signer(signatures.left, meeting.secretary)
        if profile.recipients is not None:
            left.append(para(profile.recipients.heading, "recipients_heading"))
            left += [para(self.worded(line), "recipient") for line in profile.recipients.lines]
        right = signer(signatures.right, meeting.chair)
        return KeepTogether((para(end, "end"), Columns((tuple(left), tuple(right)), (0.5, 0.5))))


def compose_minutes(meeting: Meeting, profile: Profile) -> Document:
    return _Composer(meeting, profile).compose()


def document_header(
    organizer: Meeting, number: str | None, profile: Profile, dateline: str | None = None
) -> list[Block]:
    """The organ (``organizer``'s, with its parent) and the number on the left; the national
    heading on the right, with the dateline under it if the document has one."""
    header = profile.header
    assert header is not None, "a document profile with a header"
    left: list[Block] = []
    # Names are printed on lines of their own making: a line break typed in them is a space.
    organ = one_line(organizer.organizer_name)
    if organizer.organizer_parent:
        left.append(para(one_line(organizer.organizer_parent), "parent"))
    left.append(para(organ, "organ"))
    if header.organ_mark == "rule":
        left.append(Rule(organ, "organ", header.organ_rule.length, header.organ_rule.dash))
    elif header.organ_mark == "star":
        left.append(para("*", "organ"))
    if number:
        numbered = header.number.format(number=number)
    else:
        numbered = header.number_blank.format(code=organizer.organizer_code or "")
    # The number, and the blank left for it, in one piece: spaces neither break nor collapse.
    left.append(Para((Run(bind_all(numbered.replace("\n", " "))),), "number"))

    right: list[Block] = []
    for line in header.national:
        right.append(para(line.text, line.style))
        if line.rule:
            right.append(Rule(line.text, line.style, line.rule.length, line.rule.dash))
    if dateline:
        right.append(para(dateline, "dateline"))
    return [Columns((tuple(left), tuple(right)), (header.left_width, 1 - header.left_width))]


def para(text: str, style: str, *, keep_with_next: bool = False) -> Para:
    """A paragraph of one run, its times, dates and numbers never broken over two lines."""
    return Para((Run(bind(text)),), style, keep_with_next)


def _carried(task: CarriedTask, last: bool) -> str:
    """'- Sở Y tế: xây dựng kế hoạch … (hạn 30/11/2026): đã hoàn thành …;'"""
    if task.recurrence:
        when = f" ({deadline_text(task.deadline, task.recurrence, document=True)})"
    else:
        when = f" (hạn {short_date(task.deadline)})" if task.deadline else ""
    content = task.content.rstrip().rstrip(".;,")
    outcome = task.outcome.strip().rstrip(".;,")
    return list_item(f"- {task.unit}: {content}{when}" + (f": {outcome}" if outcome else ""), last)


def one_line(text: str) -> str:
    """``text`` with every run of spaces and line breaks made one space."""
    return " ".join(text.split())


def _items(texts: list[str]) -> list[Block]:
    return [para(list_item(f"- {text}", i == len(texts) - 1), "item") for i, text in enumerate(texts)]


def _groups(attendances: list[Attendance]) -> list[tuple[str, list[Attendance]]]:
    """Attendees under their group headings, groups in order of first appearance."""
    order: dict[str, list[Attendance]] = {}
    for attendance in attendances:
        order.setdefault(attendance.group_name or "", []).append(attendance)
    return list(order.items())
