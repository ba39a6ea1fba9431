"""Documents made from a meeting record: the minutes and the news article.

Each document is composed once into neutral blocks (``blocks.py``); the DOCX and PDF
renderers draw those same blocks. The renderers and their libraries are imported only
when a document is made, so starting the app does not pay for them.
"""

from pathlib import Path

from minutes_app.model import Meeting

DOCUMENTS = ("minutes", "press-release")
FORMATS = ("docx", "pdf")


class ExportError(Exception):
    """An export that could not be made; the message is for the user."""


def render(
    meeting: Meeting, document: str, fmt: str, profile: str | None = None, digest: str | None = None
) -> bytes:
    """The bytes of ``document`` ('minutes' or 'press-release') of ``meeting`` as ``fmt``.

    ``profile`` names the style profile; by default the meeting's style (state or party)
    for the minutes, 'article' for the news article. Whatever the document, a draft says
    "DỰ THẢO" and the file's properties say the record's state and version, and the
    ``digest`` of a final version (documents.record_state).
    """
    from minutes_app.documents.profiles import load_profile
    from minutes_app.documents.record_state import stamp

    if document == "minutes":
        from minutes_app.documents.minutes import compose_minutes

        style_profile = load_profile(profile or meeting.style)
        composed = compose_minutes(meeting, style_profile)
    else:
        from minutes_app.documents.article import compose_article

        style_profile = load_profile(profile or "article")
        composed = compose_article(meeting, style_profile)
    stamp(composed, meeting, style_profile, digest)
    from minutes_app.documents.blocks import Picture, walk
    from minutes_app.documents.pictures import prepare_all

    prepare_all((block.sha256, block.load) for block in walk(composed.blocks) if isinstance(block, Picture))
    if fmt == "docx":
        from minutes_app.documents.docx_render import render_docx

        return render_docx(composed, style_profile)
    from minutes_app.documents.pdf_render import render_pdf

    return render_pdf(composed, style_profile)


def get_ready(style: str) -> None:
    """Load what a meeting's first export needs (the renderers and their libraries, the
    style profiles, the body font), so that it does not wait for them: the meeting window
    calls this on a worker thread while idle. A missing font or a bad profile is left for
    the export itself to report."""
    from minutes_app.documents import docx_render, pdf_render  # noqa: F401 (loading them is the point)
    from minutes_app.documents.profiles import load_profile

    try:
        for name in (style, "article"):
            load_profile(name)
        pdf_render.load_body_font()
    except ExportError:
        pass


def export_document(
    meeting: Meeting, document: str, fmt: str, path: Path, profile: str | None = None, digest: str | None = None
) -> bytes:
    """Write ``document`` of ``meeting`` to ``path`` as ``fmt``; an existing file is replaced
    only once the new one is complete. Returns the bytes written."""
    from minutes_app.documents.output import write_file

    data = render(meeting, document, fmt, profile, digest)
    write_file(path, data)
    return data
