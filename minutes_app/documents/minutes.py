"""The minutes (biên bản), composed in the order of template 1.9 of Decree 30/2020.

The same composition serves the Party style: what differs (header, number, labels,
signature titles, sizes) comes from the style profile.
"""

from minutes_app.audio import timeline
from minutes_app.documents.blocks import Block, Columns, Document, KeepTogether, Para, Rule, Run, Spacer, para
from minutes_app.documents.profiles import Profile
from minutes_app.documents.wording import (
    clock,
    duration,
    formal_name,
    kind_wording,
    list_item,
    long_date,
    paragraphs,
    short_date,
    titled_name,
)
from minutes_app.model import Attendance, Directive, Meeting, Speech


def compose_minutes(meeting: Meeting, profile: Profile) -> Document:
    document = Document(profile=profile.name, title=f"Biên bản {meeting.title}")
    document.blocks += _header(meeting, profile)
    document.blocks += _title(meeting, profile)
    document.blocks += _opening_lines(meeting, profile)
    document.blocks += _content(meeting, profile)
    document.blocks.append(_closing(meeting, profile))
    return document


def _header(meeting: Meeting, profile: Profile) -> list[Block]:
    header = profile.header
    assert header is not None, "a minutes profile has a header"
    left: list[Block] = []
    if meeting.organizer_parent:
        left.append(para(meeting.organizer_parent, "parent"))
    left.append(para(meeting.organizer_name, "organ"))
    if header.organ_mark == "rule":
        left.append(Rule(meeting.organizer_name, "organ", header.organ_rule))
    elif header.organ_mark == "star":
        left.append(para("*", "organ"))
    if meeting.document_number:
        number = header.number.format(number=meeting.document_number)
    else:
        number = header.number_blank.format(code=meeting.organizer_code or "")
    left.append(para(number, "number"))

    right: list[Block] = []
    for line in header.national:
        right.append(para(line.text, line.style))
        if line.rule:
            right.append(Rule(line.text, line.style, line.rule))
    return [Columns((tuple(left), tuple(right)), (header.left_width, 1 - header.left_width))]


def _title(meeting: Meeting, profile: Profile) -> list[Block]:
    blocks: list[Block] = [
        para(profile.label("type_name"), "type_name", keep_with_next=True),
        para(meeting.title, "subject", keep_with_next=True),
    ]
    if profile.header and profile.header.subject_rule:
        blocks.append(Rule(meeting.title, "subject", profile.header.subject_rule))
    blocks.append(Spacer(12))
    return blocks


def _labelled(label: str, value: str, style: str = "label") -> Para:
    return Para((Run(f"{label}: ", bold=True), Run(value)), style)


def _heading(label: str) -> Para:
    return Para((Run(f"{label}:", bold=True),), "heading", keep_with_next=True)


def _items(texts: list[str], style: str = "item") -> list[Block]:
    return [para(list_item(f"- {text}", i == len(texts) - 1), style) for i, text in enumerate(texts)]


def _opening_lines(meeting: Meeting, profile: Profile) -> list[Block]:
    style = meeting.style
    blocks: list[Block] = [
        _labelled(profile.label("starts"), f"{clock(meeting.starts_at)}, {long_date(meeting.starts_at)}.")
    ]
    if meeting.venue:
        blocks.append(_labelled(profile.label("venue"), f"{meeting.venue}."))
    blocks.append(_heading(profile.label("attendees")))
    present = [a for a in meeting.attendances if a.present]
    absent = [a for a in meeting.attendances if not a.present]
    for group, members in _groups(present):
        if group:
            blocks.append(Para((Run(f"{group}:", italic=True),), "group", keep_with_next=True))
        blocks += _items([formal_name(a, style) for a in members])
    if absent:
        blocks.append(Para((Run(f"{profile.label('absent')}:", italic=True),), "group", keep_with_next=True))
        blocks += _items([_absent(a, style) for a in absent])
    if meeting.chair is not None:
        blocks.append(_labelled(profile.label("chair"), f"{formal_name(meeting.chair, style)}."))
    if meeting.secretary is not None:
        blocks.append(_labelled(profile.label("secretary"), f"{formal_name(meeting.secretary, style)}."))
    return blocks


def _groups(attendances: list[Attendance]) -> list[tuple[str, list[Attendance]]]:
    """Attendees under their group headings, groups in order of first appearance."""
    order: dict[str, list[Attendance]] = {}
    for attendance in attendances:
        order.setdefault(attendance.group_name or "", []).append(attendance)
    return list(order.items())


def _absent(attendance: Attendance, style: str) -> str:
    reason = f" (lý do: {attendance.absence_reason})" if attendance.absence_reason else ""
    return f"{formal_name(attendance, style)}{reason}"


def _content(meeting: Meeting, profile: Profile) -> list[Block]:
    blocks: list[Block] = [_heading(profile.label("content"))]
    if meeting.agenda:
        blocks.append(Para((Run(f"{profile.label('agenda')}:", italic=True),), "group", keep_with_next=True))
        blocks += [
            para(list_item(f"{i}. {item}", i == len(meeting.agenda)), "item")
            for i, item in enumerate(meeting.agenda, start=1)
        ]
    spans: list[timeline.Span | None] = [None] * len(meeting.speeches)
    if profile.speaking_time:
        spans = timeline.spans(meeting.speeches, meeting.audio_segments)
    for speech, span in zip(meeting.speeches, spans, strict=True):
        blocks += _speech(speech, meeting.style, span.seconds if span else None)
    if any(spans):
        blocks += _speaking_times(meeting, profile)
    if meeting.topics:
        blocks.append(_heading(profile.label("topics")))
        for i, topic in enumerate(meeting.topics):
            # The first paragraph of the notes continues the item; any others follow it.
            first, *more = paragraphs(topic.notes or "") or [""]
            item = f"- {topic.title}: {first}" if first else f"- {topic.title}"
            blocks.append(para(list_item(item, i == len(meeting.topics) - 1), "item"))
            blocks += [para(text, "body") for text in more]
    if meeting.directives:
        blocks.append(_heading(profile.label("directives")))
        blocks += [
            para(_directive(d, meeting, i == len(meeting.directives) - 1), "item")
            for i, d in enumerate(meeting.directives)
        ]
    return blocks


def _speaking_times(meeting: Meeting, profile: Profile) -> list[Block]:
    """Each speaker's time, in the order they first spoke."""
    totals = timeline.speaker_times(meeting.speeches, meeting.audio_segments)
    speakers = {a.id: a for a in meeting.attendances}
    lines = []
    for total in totals:
        speaker = speakers.get(total.speaker_id) if total.speaker_id else None
        name = formal_name(speaker, meeting.style) if speaker else "Chưa rõ người phát biểu"
        times = f" ({total.speeches} lần)" if total.speeches > 1 else ""
        lines.append(f"- {name}: {duration(total.seconds)}{times}")
    return [
        Para((Run(f"{profile.label('speaking_time')}:", italic=True),), "group", keep_with_next=True),
        *(para(list_item(line, i == len(lines) - 1), "item") for i, line in enumerate(lines)),
    ]


def _speech(speech: Speech, style: str, seconds: float | None = None) -> list[Block]:
    wording = kind_wording(speech.kind)
    subject = speech.subject or ""
    lasted = f", {duration(seconds)}" if seconds is not None else ""
    at = f" (lúc {clock(speech.at)}{lasted})" if speech.at else ""
    if speech.speaker is not None:
        action = wording.verb + (wording.subject_joint + subject if subject else "")
        runs: tuple[Run, ...] = (Run(formal_name(speech.speaker, style), bold=True), Run(f" {action}{at}:"))
    else:
        heading = wording.noun + (" " + subject if subject else "")
        runs = (Run(f"{heading}{at}:", bold=True),)
    summary = paragraphs(speech.summary)
    return [Para(runs, "body", keep_with_next=bool(summary)), *(para(text, "body") for text in summary)]


def _directive(directive: Directive, meeting: Meeting, last: bool) -> str:
    notes = []
    if directive.deadline:
        notes.append(f"trước ngày {short_date(directive.deadline)}")
    issuer = directive.issued_by
    if issuer is not None and issuer is not meeting.chair:
        notes.append(f"theo chỉ đạo của {titled_name(issuer)}")
    content = directive.content.rstrip().rstrip(".;,")
    suffix = f" ({'; '.join(notes)})" if notes else ""
    return list_item(f"- {directive.addressee}: {content}{suffix}", last)


def _closing(meeting: Meeting, profile: Profile) -> KeepTogether:
    """The end line, then the two signatures side by side, the recipients under the left
    one: one table row, which no page break can split."""
    if meeting.ends_at:
        end = profile.label("ends").format(time=clock(meeting.ends_at), date=long_date(meeting.ends_at))
    else:
        end = profile.label("ends_blank")
    signatures = profile.signatures
    assert signatures is not None, "a minutes profile has signatures"

    def signer(title: str, attendance: Attendance | None) -> list[Block]:
        name = attendance.person.name if attendance is not None else ""
        return [para(title, "signature_title"), Spacer(signatures.space_pt), para(name, "signature_name")]

    left = signer(signatures.left, meeting.secretary)
    if profile.recipients is not None:
        left.append(para(profile.recipients.heading, "recipients_heading"))
        left += [para(line, "recipient") for line in profile.recipients.lines]
    right = signer(signatures.right, meeting.chair)
    return KeepTogether((para(end, "end"), Columns((tuple(left), tuple(right)), (0.5, 0.5))))
