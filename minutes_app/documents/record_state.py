"""What every document says of the state of the record it is made from, whatever its kind.

A draft (or a reopened record) carries the mark of the style profile ("DỰ THẢO", framed,
top right of page 1) and says so in the file's properties; a final version carries no
mark, and its properties name the version and its digest. ``render`` applies this to
every composed document, so a new kind of document gets it without doing anything.
"""

from minutes_app.documents.blocks import Document, Mark, RecordProperties
from minutes_app.documents.profiles import Profile, load_profile
from minutes_app.model import Meeting, RecordState

# The properties' keywords start with this; ``claims`` reads what follows.
KEYWORDS = "minutes-app"
DRAFT_STATUS = "DỰ THẢO"
FINAL_STATUS = "Đã chốt"
DRAFT_LABEL = "du-thao"  # what a draft's exported file name says


def file_label(meeting: Meeting) -> str:
    """What an exported file name says of the record's state: 'du-thao' or 'v2'."""
    return f"v{meeting.record_version}" if meeting.state == RecordState.FINAL else DRAFT_LABEL


def stamp(document: Document, meeting: Meeting, profile: Profile, digest: str | None) -> None:
    """Give ``document`` the mark and the properties of ``meeting``'s state."""
    final = meeting.state == RecordState.FINAL
    number = meeting.record_version or 1
    if not final:
        mark = profile.draft_mark or load_profile("state").draft_mark
        assert mark is not None, "the built-in state profile has a draft mark"
        document.mark = Mark(mark.text, mark.size, mark.bold, mark.frame, mark.padding_pt)
    claims = {
        "meeting": f"urn:uuid:{meeting.uid}" if meeting.uid else None,
        "version": str(number),
        "state": RecordState.FINAL.value if final else RecordState.DRAFT.value,
        "sha256": digest if final else None,
    }
    if final:
        subject = f"Bản đã chốt, phiên bản {number}" + (f", SHA-256 {digest}" if digest else "")
    else:
        subject = f"{DRAFT_STATUS}, phiên bản {number} đang soạn"
    document.record = RecordProperties(
        subject=subject,
        keywords="; ".join([KEYWORDS, *(f"{key}={value}" for key, value in claims.items() if value)]),
        status=FINAL_STATUS if final else DRAFT_STATUS,
        version=str(number),
        identifier=claims["meeting"] or "",
    )


def claims(keywords: str) -> dict[str, str]:
    """What a file's keywords say of its record (meeting, version, state, sha256); empty
    when they were not written by this app."""
    parts = [part.strip() for part in keywords.split(";")]
    if not parts or parts[0] != KEYWORDS:
        return {}
    return dict(part.split("=", 1) for part in parts[1:] if "=" in part)
