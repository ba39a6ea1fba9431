"""Drafting the news article (tin bài) from the record, in the house style of provincial news.

Deterministic and offline: the same record always drafts the same article. The order
is the one provincial portals use: headline, lead (sapo) naming the organiser, the
meeting and the chair, the general photo, the reports, the topics discussed, the
interventions with their photos, the conclusion with its directives, the byline.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from minutes_app.documents.wording import (
    capitalize_first,
    continue_sentence,
    day_month,
    honorific,
    meeting_noun,
    paragraphs,
    sentence,
    short_date,
    starts_with_verb,
    subject_line,
    titled_name,
    titles_text,
)
from minutes_app.model import Attendance, Directive, Meeting, Photo, Speech, SpeechKind

BlockKind = Literal["headline", "lead", "paragraph", "photo", "byline"]


@dataclass(frozen=True)
class ArticleBlock:
    """One editable piece of the article; a photo block's text is its caption."""

    kind: BlockKind
    text: str
    photo: Photo | None = None


def draft_article(meeting: Meeting) -> list[ArticleBlock]:
    return _Drafter(meeting).draft()


def headline(meeting: Meeting) -> str:
    """The press-release title, else the meeting's name without its leading 'Hội nghị'."""
    press = meeting.press_release
    if press is not None and press.title:
        return press.title
    title = subject_line(meeting.title.strip())
    if title.casefold().startswith("hội nghị ") and len(title) > len("hội nghị "):
        return capitalize_first(title[len("hội nghị "):].strip())
    return title


def time_of_day(starts_at: datetime | None) -> str:
    """'Sáng 10/7', 'Chiều 26/5', 'Tối 2/9'; 'Vừa qua' when the date is not known."""
    if starts_at is None:
        return "Vừa qua"
    part = "Sáng" if starts_at.hour < 12 else "Chiều" if starts_at.hour < 18 else "Tối"
    return f"{part} {day_month(starts_at)}"


class _Drafter:
    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.press = meeting.press_release
        self.noun = meeting_noun(meeting.title)
        self.blocks: list[ArticleBlock] = []
        self.placed: set[int] = set()  # photos already in the article, by object identity

    # -- naming people ---------------------------------------------------------------

    def prose_name(self, attendance: Attendance) -> str:
        """'đồng chí Phạm Văn Bình – Phó Bí thư ..., Trưởng Ban ...' with an honorific;
        'Phó Giám đốc Sở Tài chính Võ Đình Nam' without one."""
        title = honorific(attendance, self.meeting.style)
        if not title:
            return titled_name(attendance)
        titles = titles_text(attendance)
        name = f"{title.lower()} {attendance.person.name}"
        return f"{name} – {titles}" if titles else name

    def caption_name(self, attendance: Attendance) -> str:
        return titled_name(attendance)

    # -- the article -----------------------------------------------------------------

    def draft(self) -> list[ArticleBlock]:
        speeches = list(self.meeting.speeches)
        self.add("headline", headline(self.meeting))
        self.add("lead", self.lead())
        general = self.general_photo()
        if general is not None:
            self.photo(general, f"Quang cảnh {self.noun}")
        for speech in speeches:
            if speech.kind == SpeechKind.REPORT:
                self.report(speech)
        self.topics()
        for speech in speeches:
            if speech.kind not in (SpeechKind.REPORT, SpeechKind.CONCLUSION) and not self.is_chair_opening(speech):
                self.intervention(speech)
        self.conclusions([s for s in speeches if s.kind == SpeechKind.CONCLUSION])
        for photo in self.meeting.photos:
            if id(photo) not in self.placed:
                self.photo(photo, f"Các đại biểu tham dự {self.noun}")
        if self.press is not None and self.press.author:
            self.add("byline", self.press.author)
        return self.blocks

    def add(self, kind: BlockKind, text: str) -> None:
        if text.strip():
            self.blocks.append(ArticleBlock(kind, text.strip()))

    def photo(self, photo: Photo | None, default_caption: str) -> None:
        if photo is None or id(photo) in self.placed:
            return
        self.placed.add(id(photo))
        self.blocks.append(ArticleBlock("photo", photo.caption or default_caption, photo))

    def lead(self) -> str:
        if self.press is not None and self.press.lead:
            return self.press.lead
        meeting = self.meeting
        title = subject_line(meeting.title.strip())
        named = title if title.startswith(("Hội nghị", "Hội thảo", "Tọa đàm")) else continue_sentence(title)
        parts = [sentence(f"{time_of_day(meeting.starts_at)}, {meeting.organizer_name} tổ chức {named}")]
        chair = meeting.chair
        if chair is not None:
            # The chair is named with every title here, the first time the article names them.
            if honorific(chair, meeting.style):
                who = capitalize_first(self.prose_name(chair))
            else:
                who = titled_name(chair, all_titles=True)
            parts.append(f"{who} chủ trì {self.noun}.")
        else:
            present = sum(1 for a in meeting.attendances if a.present)
            if present:
                parts.append(f"Tham dự {self.noun} có {present} đại biểu.")
        return " ".join(parts)

    def general_photo(self) -> Photo | None:
        """The press release's general photo, else the first photo of no speech."""
        if self.press is not None and self.press.general_photo is not None:
            return self.press.general_photo
        linked = {id(s.photo) for s in self.meeting.speeches if s.photo is not None}
        return next((p for p in self.meeting.photos if id(p) not in linked), None)

    def is_chair_opening(self, speech: Speech) -> bool:
        # The lead already says who chaired; the chair's opening words are not news.
        return speech.kind == SpeechKind.OPENING and (
            speech.speaker is None or speech.speaker is self.meeting.chair
        )

    def with_photo(self, speech: Speech, texts: list[str], caption: str) -> None:
        """The speech's paragraphs with its photo after the first one."""
        for index, text in enumerate(texts or [""]):
            self.add("paragraph", text)
            if index == 0:
                self.photo(speech.photo, caption)

    def report(self, speech: Speech) -> None:
        texts = paragraphs(speech.summary)
        speaker = speech.speaker
        if speaker is not None:
            opening = f"Báo cáo tại {self.noun}, {self.prose_name(speaker)} cho biết, "
            caption = (f"{self.caption_name(speaker)} báo cáo {speech.subject}" if speech.subject
                       else f"{self.caption_name(speaker)} trình bày báo cáo tại {self.noun}")
        else:
            opening = f"Báo cáo tại {self.noun} cho biết, "
            caption = f"Quang cảnh {self.noun}"
        if texts:
            texts[0] = sentence(opening + continue_sentence(texts[0]))
        elif speech.subject:
            texts = [sentence(f"{opening.removesuffix(' cho biết, ')} trình bày báo cáo {speech.subject}")]
        self.with_photo(speech, texts, caption)

    def says(self, who: str, text: str) -> str:
        """'<who> đề xuất ...' when the summary starts with a verb, else '<who> cho biết, ...'."""
        if starts_with_verb(text):
            return sentence(f"{who} {continue_sentence(text)}")
        return sentence(f"{who} cho biết, {continue_sentence(text)}")

    def intervention(self, speech: Speech) -> None:
        texts = paragraphs(speech.summary)
        speaker = speech.speaker
        if speaker is None:
            if texts:
                texts[0] = self.says(f"Ý kiến tại {self.noun}", texts[0])
            self.with_photo(speech, texts, f"Quang cảnh {self.noun}")
            return
        who = self.prose_name(speaker)
        if speech.kind == SpeechKind.OPENING:
            prefix = f"Phát biểu khai mạc {self.noun}, "
            caption = f"{self.caption_name(speaker)} phát biểu khai mạc {self.noun}"
        else:
            prefix = ""
            caption = self.caption(speech, speaker)
        if texts:
            texts[0] = capitalize_first(self.says(prefix + who, texts[0]))
        self.with_photo(speech, texts, caption)

    def caption(self, speech: Speech, speaker: Attendance) -> str:
        name = self.caption_name(speaker)
        if speech.kind == SpeechKind.OPINION:
            return f"{name} tham gia ý kiến tại {self.noun}"
        if speech.kind == SpeechKind.ASSESSMENT and speech.subject:
            return f"{name} đánh giá {speech.subject}"
        return f"{name} phát biểu tại {self.noun}"

    def topics(self) -> None:
        topics = [t.title.strip().rstrip(".;,") for t in self.meeting.topics if t.title.strip()]
        if not topics:
            return
        intro = (self.press.topics_intro if self.press is not None and self.press.topics_intro
                 else f"Tại {self.noun}, các đại biểu đã tập trung thảo luận một số vấn đề")
        self.add("paragraph", f"{intro.rstrip(' :,')}: {'; '.join(continue_sentence(t) for t in topics)}.")

    def conclusions(self, speeches: list[Speech]) -> None:
        chair = self.meeting.chair
        # Directives by issuer (none named: the chair); each speaker's go with their last conclusion.
        by_issuer: dict[int, tuple[Attendance | None, list[Directive]]] = {}
        for directive in self.meeting.directives:
            issuer = directive.issued_by or chair
            by_issuer.setdefault(id(issuer), (issuer, []))[1].append(directive)
        last_by_speaker = {id(s.speaker or chair): s for s in speeches}
        for speech in speeches:
            speaker = speech.speaker or chair
            carries = speaker is not None and last_by_speaker[id(speaker)] is speech
            own = by_issuer.pop(id(speaker), (None, []))[1] if carries else []
            texts = paragraphs(speech.summary)
            prefix = (f"Phát biểu kết luận {self.noun}, {self.prose_name(speaker)}" if speaker is not None
                      else f"Kết luận {self.noun}")
            if texts:
                texts[0] = self.says(prefix, texts[0])
                if own:
                    texts[-1] += f" Đồng chí đề nghị {_directive_list(own)}."
            elif own:
                texts = [f"{prefix} đề nghị {_directive_list(own)}."]
            caption = (f"{self.caption_name(speaker)} phát biểu kết luận {self.noun}" if speaker is not None
                       else f"Quang cảnh {self.noun}")
            self.with_photo(speech, texts, caption)
        for issuer, own in by_issuer.values():
            self.other_directives(issuer, own)

    def other_directives(self, issuer: Attendance | None, directives: list[Directive]) -> None:
        """Directives that no conclusion speech carried: one sentence for their issuer."""
        listed = _directive_list(directives)
        if issuer is None:
            self.add("paragraph", f"{capitalize_first(self.noun)} thống nhất giao {listed}.")
        elif issuer is self.meeting.chair:
            self.add("paragraph", f"Phát biểu kết luận {self.noun}, {self.prose_name(issuer)} đề nghị {listed}.")
        else:
            self.add("paragraph", f"{capitalize_first(self.prose_name(issuer))} đề nghị {listed}.")


def _directive_list(directives: Iterable[Directive]) -> str:
    """'Sở A làm X trước ngày 31/8/2026; Sở B làm Y': ';' separates the directives, so a
    ';' inside one becomes ','."""
    items = []
    for directive in directives:
        content = directive.content.strip().rstrip(".;,").replace(";", ",")
        deadline = f" trước ngày {short_date(directive.deadline)}" if directive.deadline else ""
        items.append(f"{directive.addressee} {content}{deadline}")
    return "; ".join(items)
