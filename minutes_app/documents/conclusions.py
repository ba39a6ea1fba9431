"""The notice of conclusions as the user edits it: its form, stored with the meeting, and
composed for export.

Until the user edits it, the notice is drafted afresh from the record each time it is
shown or exported; once edited, it is kept as the user left it (documents.edited). Its
form (state: the office in its own name, or the authority; Party) is a style profile:
the meeting's own choice, else the one its style's profile names.
"""

import re

from minutes_app.documents.blocks import Block, Columns, Document, KeepTogether, Para, Rule, Run, Spacer
from minutes_app.documents.conclusions_draft import KINDS, NoticeBlock, draft_notice
from minutes_app.documents.edited import NOTICE, Stored
from minutes_app.documents.header import document_header, one_line
from minutes_app.documents.lines import bind
from minutes_app.documents.profiles import Profile, ProfileError, available_profiles, load_profile
from minutes_app.documents.wording import continue_sentence, paragraphs
from minutes_app.i18n import _
from minutes_app.model import Meeting

__all__ = ["NoticeBlock", "compose_notice", "current_notice", "notice_forms", "notice_profile", "profile_name"]

_HEADER = ("parent", "organ", "number", "dateline")
_TITLE = ("title", "subject")
_END = ("signature", "signer", "recipients")


def to_json(blocks: list[NoticeBlock]) -> Stored:
    """The blocks as stored in ``conclusions_notice.blocks``."""
    return [{"kind": b.kind, "text": b.text} for b in blocks]


def from_json(stored: Stored) -> list[NoticeBlock]:
    """Stored blocks as notice blocks; a kind this version does not know is a paragraph."""
    return [NoticeBlock(item["kind"] if item.get("kind") in KINDS else "paragraph", str(item.get("text", "")))
            for item in stored]


def profile_name(meeting: Meeting) -> str:
    """The name of the notice's profile: the meeting's choice, else its style's."""
    notice = meeting.conclusions_notice
    if notice is not None and notice.profile:
        return notice.profile
    style = load_profile(meeting.style)
    if not style.conclusions:
        raise ProfileError(_("Hồ sơ định dạng “{profile}” không nêu mẫu thông báo kết luận (khóa “conclusions”).")
                           .format(profile=style.name))
    return style.conclusions


def notice_forms() -> dict[str, str]:
    """The profiles a notice can be issued in, built-in and the office's own: each name
    with the start of its description ('Thông báo kết luận do văn phòng ban hành …').
    A profile that cannot be read is left out (an export with it says why)."""
    forms = {}
    for name in available_profiles():
        try:
            profile = load_profile(name)
        except ProfileError:
            continue
        if profile.notice is not None:
            forms[name] = re.split(r" \(|: ", profile.description, maxsplit=1)[0]
    return forms


def notice_profile(meeting: Meeting, name: str | None = None) -> Profile:
    """The profile ``name``, by default the notice's own (``profile_name``)."""
    return load_profile(name or profile_name(meeting))


def current_notice(meeting: Meeting, profile: Profile) -> list[NoticeBlock]:
    """The notice as edited, else as drafted from the record now (NoDirectives when the
    record has nothing to notify)."""
    stored = NOTICE.stored(meeting)
    return from_json(stored) if stored is not None else draft_notice(meeting, profile)


def compose_notice(meeting: Meeting, profile: Profile) -> Document:
    """The notice as a document, template 1.4: the header with the number and the
    place-and-date line, THÔNG BÁO and the subject, the body, then the closing sentence,
    the recipients and the signature kept together."""
    blocks = current_notice(meeting, profile)
    first = {kind: next((b.text for b in blocks if b.kind == kind), "") for kind in (*_HEADER, *_TITLE, *_END)}
    dateline = first["dateline"] if any(b.kind == "dateline" for b in blocks) else None
    titled = " ".join(one_line(first[kind]) for kind in _TITLE if first[kind].strip())
    title = f"{profile.label('type_name').capitalize()} {continue_sentence(titled)}"
    document = Document(profile=profile.name, title=title)
    document.blocks += document_header(profile, first["parent"], first["organ"], first["number"], dateline)
    document.blocks += _title(profile, first["title"], first["subject"])
    closing: list[Block] = []
    for block in blocks:
        match block.kind:
            case "paragraph":
                document.blocks += [_para(text, "body") for text in paragraphs(block.text)]
            case "heading":
                document.blocks += [_para(one_line(block.text), "heading", keep_with_next=True)]
            case "closing":
                closing += [_para(text, "end") for text in paragraphs(block.text)]
    document.blocks.append(KeepTogether((*closing, _signature_and_recipients(profile, first))))
    return document


def _para(text: str, style: str, keep_with_next: bool = False) -> Para:
    return Para((Run(bind(text)),), style, keep_with_next)


def _title(profile: Profile, title: str, subject: str) -> list[Block]:
    """THÔNG BÁO, the Party's 'KẾT LUẬN CỦA …' line, the subject with its rule under it."""
    blocks: list[Block] = [_para(profile.label("type_name"), "type_name", keep_with_next=True)]
    if title.strip():
        blocks.append(_para(one_line(title), "title", keep_with_next=True))
    subject = one_line(subject)
    if subject:
        blocks.append(_para(subject, "subject", keep_with_next=True))
    rule = profile.header.subject_rule if profile.header else None
    if rule and (subject or title.strip()):
        shown, style = (subject, "subject") if subject else (one_line(title), "title")
        blocks.append(Rule(bind(shown), style, rule.length, rule.dash))
    blocks.append(Spacer(12))
    return blocks


def _signature_and_recipients(profile: Profile, first: dict[str, str]) -> Columns:
    """The recipients on the left, level with the signer's title on the right (Decree 30)."""
    heading = profile.recipients.heading if profile.recipients is not None else "Nơi nhận:"
    left: list[Block] = [_para(heading, "recipients_heading")]
    left += [_para(line.strip(), "recipient") for line in first["recipients"].splitlines() if line.strip()]
    space = profile.signatures.space_pt if profile.signatures is not None else 72
    right: list[Block] = [_para(line.strip(), "signature_title") for line in first["signature"].splitlines()
                          if line.strip()]
    right += [Spacer(space), _para(one_line(first["signer"]), "signature_name")]
    return Columns((tuple(left), tuple(right)), (0.5, 0.5))
