"""Drafting the news article (tin bài) from the record, in the house style of provincial news.

Deterministic and offline: the same record always drafts the same article. The order
is the one provincial portals use: headline, lead (sapo) naming the organiser, the
meeting and the chair, the general photo, the reports, the topics discussed, the
interventions with their photos, the conclusion with its directives, the byline.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from minutes_app.documents.abbreviations import Abbreviation, abbreviate, load_abbreviations
from minutes_app.documents.article_conclusion import action_phrase, conclude, directive_list
from minutes_app.documents.article_people import Names
from minutes_app.documents.wording import (
    capitalize_first,
    clauses,
    continue_sentence,
    day_month,
    meeting_noun,
    opening_words,
    paragraphs,
    quotation,
    sentence,
    sentences,
    starts_with_verb,
    subject_line,
)
from minutes_app.model import Attendance, Directive, Meeting, Photo, Speech, SpeechKind

BlockKind = Literal["headline", "lead", "subheading", "paragraph", "photo", "byline"]


@dataclass(frozen=True)
class ArticleBlock:
    """One editable piece of the article; a photo block's text is its caption."""

    kind: BlockKind
    text: str
    photo: Photo | None = None


def draft_article(meeting: Meeting, abbreviations: Iterable[Abbreviation] | None = None) -> list[ArticleBlock]:
    """The article drafted from the record; terms abbreviated as ``abbreviations`` (the
    built-in list with the office's own by default) say."""
    blocks = _Drafter(meeting).draft()
    entries = load_abbreviations() if abbreviations is None else abbreviations
    # The byline is a name, left alone; captions and headings use a short form once it is known.
    texts = abbreviate([(b.text, b.kind in ("lead", "paragraph")) for b in blocks if b.kind != "byline"], entries)
    written = iter(texts)
    return [b if b.kind == "byline" else replace(b, text=next(written)) for b in blocks]


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


_BLANK_LINES = re.compile(r"[ \t]*(\r?\n|\r)[ \t]*(\r?\n|\r)\s*")
# Past this many characters of body text the article gets sub-headings, as portals do for long pieces.
LONG_ARTICLE = 4000
# A sub-heading longer than this is cut at a comma or 'và' before it.
SUBHEADING_LENGTH = 90


class _Drafter:
    def __init__(self, meeting: Meeting) -> None:
        self.meeting = meeting
        self.press = meeting.press_release
        self.noun = meeting_noun(meeting.title)
        self.names = Names(meeting)
        self.blocks: list[ArticleBlock] = []
        self.placed: set[int] = set()  # photos already in the article, by object identity
        self.discussion_at = -1  # the block where the discussion begins, and the conclusion
        self.conclusion_at = -1

    # -- the article -----------------------------------------------------------------

    def draft(self) -> list[ArticleBlock]:
        speeches = list(self.meeting.speeches)
        self.add("headline", headline(self.meeting))
        self.add("lead", self.lead())
        if self.press is not None and self.press.background:
            for text in paragraphs(self.press.background):
                self.add("paragraph", text)
        general = self.general_photo()
        if general is not None:
            self.photo(general, f"Quang cảnh {self.noun}")
        for speech in speeches:
            if speech.kind == SpeechKind.REPORT:
                self.report(speech)
        self.discussion_at = len(self.blocks)
        self.topics()
        for speech in speeches:
            if speech.kind not in (SpeechKind.REPORT, SpeechKind.CONCLUSION) and not self.is_chair_opening(speech):
                self.intervention(speech)
        self.conclusion_at = len(self.blocks)
        self.conclusions([s for s in speeches if s.kind == SpeechKind.CONCLUSION])
        for photo in self.meeting.photos:
            if id(photo) not in self.placed:
                self.photo(photo, f"Các đại biểu tham dự {self.noun}")
        self.subheadings()
        if self.press is not None and self.press.author:
            self.add("byline", self.press.author)
        return self.blocks

    def add(self, kind: BlockKind, text: str) -> None:
        # A blank line typed inside a directive or a topic would split the paragraph in two
        # when composed (a blank line separates an edited block's paragraphs).
        text = _BLANK_LINES.sub(" ", text).strip()
        if text:
            self.blocks.append(ArticleBlock(kind, text))

    def photo(self, photo: Photo | None, default_caption: str) -> None:
        if photo is None or id(photo) in self.placed:
            return
        self.placed.add(id(photo))
        self.blocks.append(ArticleBlock("photo", photo.caption or default_caption, photo))

    def opening(self, *candidates: str) -> str:
        """The first of ``candidates`` (a paragraph worded different ways) that does not open
        like the paragraph before it."""
        last = next((b.text for b in reversed(self.blocks) if b.kind in ("lead", "paragraph")), "")
        chosen = next((c for c in candidates if opening_words(c) != opening_words(last)), candidates[-1])
        return capitalize_first(chosen)

    def lead(self) -> str:
        if self.press is not None and self.press.lead:
            return self.press.lead
        meeting = self.meeting
        title = subject_line(meeting.title.strip())
        named = title if title.startswith(("Hội nghị", "Hội thảo", "Tọa đàm")) else continue_sentence(title)
        parts = [sentence(f"{time_of_day(meeting.starts_at)}, {meeting.organizer_name} tổ chức {named}")]
        if meeting.chair is not None:
            # The chair is named with every title here, the first time the article names them.
            who = capitalize_first(self.names.name(meeting.chair))
            parts.append(f"{who} chủ trì {self.noun}{self.names.chaired_with()}.")
        parts.append(self.names.attended(self.noun))
        return " ".join(p for p in parts if p)

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

    def summary(self, speech: Speech) -> list[str]:
        """The paragraphs of a speech's summary; with a quote, shortened around it."""
        texts = paragraphs(speech.summary)
        if not speech.quote or not speech.quote.strip() or not texts:
            return texts
        kept = [s for s in sentences(texts[0]) if not _repeats(s, speech.quote)]
        return [" ".join(kept[:2])] if kept else []

    def quoted(self, speech: Speech, texts: list[str], named: str) -> list[str]:
        """The speech's quote after its first paragraph: '“…,” đồng chí Lê Văn An nhấn mạnh.'"""
        if not speech.quote or not speech.quote.strip():
            return texts
        said = f"{quotation(speech.quote)} {named} nhấn mạnh."
        if not texts:
            return [said]
        return [f"{sentence(texts[0])} {said}", *texts[1:]]

    def said_again(self, speaker: Attendance | None) -> str:
        """Who said the quote, named again after the paragraph that named them."""
        return self.names.short(speaker) if speaker is not None else "đại biểu"

    def report(self, speech: Speech) -> None:
        texts = self.summary(speech)
        speaker = speech.speaker
        subject = f" {speech.subject}" if speech.subject else ""
        if speaker is not None:
            who = self.names.name(speaker)
            caption = (f"{self.names.caption(speaker)} báo cáo {speech.subject}" if speech.subject
                       else f"{self.names.caption(speaker)} trình bày báo cáo tại {self.noun}")
            prefixes = [f"Báo cáo tại {self.noun}, {who}", f"Cũng tại {self.noun}, {who}"]
            if subject and texts and not starts_with_verb(texts[0]):  # not 'Trình bày báo cáo …, X trình bày'
                prefixes.insert(1, f"Trình bày báo cáo{subject}, {who}")
            presented = [f"Tại {self.noun}, {who} trình bày báo cáo{subject}",
                         f"Cũng tại {self.noun}, {who} trình bày báo cáo{subject}"]
        else:
            who = "đại biểu"
            caption = f"Quang cảnh {self.noun}"
            prefixes = [f"Báo cáo tại {self.noun}", f"Theo báo cáo{subject or f' tại {self.noun}'}",
                        f"Cũng tại {self.noun}, báo cáo"]
            presented = [f"Tại {self.noun}, báo cáo{subject} đã được trình bày",
                         f"Cũng tại {self.noun}, báo cáo{subject} đã được trình bày"]
        if texts:
            texts[0] = self.opening(*(self.says(p, texts[0]) for p in prefixes))
            who = self.said_again(speaker)
        elif speech.subject:
            texts = [self.opening(*(sentence(p) for p in presented))]
            who = self.said_again(speaker)
        self.with_photo(speech, self.quoted(speech, texts, who), caption)

    def says(self, who: str, text: str) -> str:
        """'<who> đề xuất ...' when the summary starts with a verb, else '<who> cho biết, ...'."""
        if starts_with_verb(text) and not who.startswith("Theo "):
            return sentence(f"{who} {continue_sentence(text)}")
        # 'Theo báo cáo …, năm 2025, …': the report's words follow a comma.
        joint = ", " if who.startswith("Theo ") else " cho biết, "
        return sentence(f"{who}{joint}{continue_sentence(text)}")

    def intervention(self, speech: Speech) -> None:
        texts = self.summary(speech)
        speaker = speech.speaker
        if speaker is None:
            if texts:
                texts[0] = self.opening(*(self.says(p, texts[0]) for p in (
                    f"Ý kiến tại {self.noun}", f"Cũng tại {self.noun}, ý kiến đại biểu")))
            self.with_photo(speech, self.quoted(speech, texts, "đại biểu"), f"Quang cảnh {self.noun}")
            return
        who = self.names.name(speaker)
        if speech.kind == SpeechKind.OPENING:
            prefixes = [f"Phát biểu khai mạc {self.noun}, {who}"]
            caption = f"{self.names.caption(speaker)} phát biểu khai mạc {self.noun}"
        else:
            joined = "Tham gia ý kiến" if speech.kind == SpeechKind.OPINION else "Phát biểu"
            prefixes = [who, f"{joined} tại {self.noun}, {who}", f"Cũng tại {self.noun}, {who}"]
            caption = self.caption(speech, speaker)
        if texts:
            texts[0] = self.opening(*(self.says(p, texts[0]) for p in prefixes))
        texts = self.quoted(speech, texts, self.said_again(speaker) if texts else who)
        self.with_photo(speech, texts, caption)

    def caption(self, speech: Speech, speaker: Attendance) -> str:
        name = self.names.caption(speaker)
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
            self.conclusion(speech, speaker, own)
        for issuer, own in by_issuer.values():
            self.other_directives(issuer, own)

    def conclusion(self, speech: Speech, speaker: Attendance | None, directives: list[Directive]) -> None:
        texts = self.summary(speech)
        if speaker is not None:
            who = self.names.name(speaker)
            prefixes = [f"Phát biểu kết luận {self.noun}, {who}", f"Kết luận {self.noun}, {who}"]
            again = self.names.pronoun(speaker)
            caption = f"{self.names.caption(speaker)} phát biểu kết luận {self.noun}"
        else:
            who = "đại biểu"
            prefixes = [f"Kết luận {self.noun}", f"Theo kết luận của {self.noun}"]
            again = self.noun
            caption = f"Quang cảnh {self.noun}"
        said = conclude(texts[0] if texts else "", again, directives)
        if texts:
            first = self.opening(*(self.says(p, said.opening) for p in prefixes))
            texts[0] = " ".join(s for s in (first, said.ahead) if s)
        # The quote names the speaker again, or in full when nothing before it did.
        texts = self.quoted(speech, texts, self.said_again(speaker) if texts or speaker is None else who)
        if said.tasks:
            tasks = " ".join(said.tasks)
            if not texts:  # no summary: the tasks follow the speaker's name
                tasks = self.opening(*(f"{p} đề nghị {directive_list(directives)}." for p in prefixes))
            texts.append(tasks)
        self.with_photo(speech, texts, caption)

    def other_directives(self, issuer: Attendance | None, directives: list[Directive]) -> None:
        """Directives that no conclusion speech carried: one sentence for their issuer."""
        listed = directive_list(directives)
        if issuer is None:
            self.add("paragraph", f"{capitalize_first(self.noun)} thống nhất giao {listed}.")
        elif issuer is self.meeting.chair:
            who = self.names.name(issuer)
            self.add("paragraph", self.opening(f"Phát biểu kết luận {self.noun}, {who} đề nghị {listed}.",
                                               f"Kết luận {self.noun}, {who} đề nghị {listed}."))
        else:
            who = self.names.name(issuer)
            self.add("paragraph", self.opening(f"{who} đề nghị {listed}.",
                                               f"Cũng tại {self.noun}, {who} đề nghị {listed}."))

    # -- long articles ---------------------------------------------------------------

    def subheadings(self) -> None:
        """In a long article, a bold sub-heading before the discussion (the first topic)
        and one before the conclusion (the first task's action)."""
        body = sum(len(b.text) for b in self.blocks if b.kind == "paragraph")
        if body <= LONG_ARTICLE:
            return
        topics = [t.title for t in self.meeting.topics if t.title.strip()]
        conclusions = [s.summary for s in self.meeting.speeches if s.kind == SpeechKind.CONCLUSION]
        places = [
            (self.conclusion_at, action_phrase(
                [c for s in conclusions for c in clauses(s)] + [d.content for d in self.meeting.directives])),
            (self.discussion_at, capitalize_first(topics[0].strip()) if topics else ""),
        ]
        for index, text in places:  # the later place first, so that the earlier index still holds
            opens_a_part = index < len(self.blocks) and self.blocks[index].kind == "paragraph"
            if text and opens_a_part and any(b.kind == "paragraph" for b in self.blocks[:index]):
                self.blocks.insert(index, ArticleBlock("subheading", _heading(text)))


def _heading(text: str) -> str:
    """A sub-heading: no final stop, cut at a comma or 'và' when too long."""
    text = " ".join(text.split()).rstrip(".;,:")
    if len(text) <= SUBHEADING_LENGTH:
        return text
    cut = max(text.rfind(",", 0, SUBHEADING_LENGTH), text.rfind(" và ", 0, SUBHEADING_LENGTH))
    if cut <= SUBHEADING_LENGTH // 2:
        cut = text.rfind(" ", 0, SUBHEADING_LENGTH)
    return text[:cut] if cut > 0 else text[:SUBHEADING_LENGTH]


def _repeats(text: str, quote: str) -> bool:
    """Whether a sentence of the summary says mostly what the quote says in the speaker's words."""
    words = {w.strip("“”\"',.;:!?()").casefold() for w in text.split()} - {""}
    quoted = {w.strip("“”\"',.;:!?()").casefold() for w in quote.split()}
    return len(words) >= 3 and len(words & quoted) >= 0.6 * len(words)
