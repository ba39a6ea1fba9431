"""The news article as the user edits it: stored with the meeting, composed for export.

Until the user edits it, the article is drafted afresh from the record each time it is
shown, so it follows every change to the minutes. Once edited, it is kept as the user
left it: re-drafting then keeps the edited text aside, and it can be restored
(documents.edited).
"""

from collections.abc import Callable
from typing import Any

from minutes_app.documents.article_draft import ArticleBlock, draft_article
from minutes_app.documents.blocks import Document, Float, Para, Picture, Run, Spacer, para
from minutes_app.documents.edited import ARTICLE
from minutes_app.documents.profiles import Profile
from minutes_app.model import Meeting, Photo

__all__ = ["ArticleBlock", "compose_article", "current_article"]

# Photos a little narrower than the text, so that a photo and its caption fit beside a
# paragraph more often and leave less of a page empty.
PHOTO_WIDTH = 0.85


def to_json(blocks: list[ArticleBlock]) -> list[dict[str, Any]]:
    """The blocks as stored in ``press_release.article``; a photo by its id."""
    return [
        {"kind": b.kind, "text": b.text} | ({"photo": str(b.photo.id)} if b.photo is not None else {})
        for b in blocks
    ]


def from_json(meeting: Meeting, stored: list[dict[str, Any]]) -> list[ArticleBlock]:
    """Stored blocks as article blocks; a photo no longer in the meeting drops out."""
    photos = {str(p.id): p for p in meeting.photos}
    blocks = []
    for item in stored:
        photo = photos.get(item.get("photo", "")) if item["kind"] == "photo" else None
        if item["kind"] == "photo" and photo is None:
            continue
        blocks.append(ArticleBlock(item["kind"], item.get("text", ""), photo))
    return blocks


def current_article(meeting: Meeting) -> list[ArticleBlock]:
    """The article as edited, else as drafted from the record now."""
    stored = ARTICLE.stored(meeting)
    return from_json(meeting, stored) if stored is not None else draft_article(meeting)


def compose_article(meeting: Meeting, profile: Profile) -> Document:
    """The article as a document: headline, bold lead, bold sub-headings, photos with centred
    italic captions, the byline right-aligned at the end."""
    blocks = current_article(meeting)
    title = next((b.text for b in blocks if b.kind == "headline"), meeting.title)
    byline = next((b.text for b in blocks if b.kind == "byline"), "")
    document = Document(profile=profile.name, title=title, author=byline)
    for block in blocks:
        match block.kind:
            case "photo":
                assert block.photo is not None
                photo = block.photo
                # A photo that does not fit at the foot of a page lets the text after it fill the page.
                document.blocks.append(Float((
                    Spacer(4),
                    Picture(photo.sha256, _loader(photo), PHOTO_WIDTH),
                    Para((Run(block.text),), "caption"),
                )))
            case "headline" | "lead" | "byline":
                document.blocks.append(para(block.text, block.kind))
            case "subheading":
                # An office's own profile from before sub-headings: bold body text.
                style = "subheading" if "subheading" in profile.styles else "body"
                document.blocks.append(para(block.text, style, bold=True, keep_with_next=True))
            case _:
                document.blocks += [para(text, "body") for text in block.text.split("\n\n") if text.strip()]
    return document


def _loader(photo: Photo) -> Callable[[], bytes]:
    """Reads the photo's bytes, a deferred column, only if the picture is drawn."""
    return lambda: photo.data
