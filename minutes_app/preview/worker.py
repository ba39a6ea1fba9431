"""The preview process: makes the PDF of a meeting's document as it is saved, and draws
its pages for the window's live preview, told what to do by JSON lines on its standard
input, answering by JSON lines on its output.

Composing and laying out a document takes the interpreter for a good part of a second;
here it never takes it from the window, where a keystroke must not wait. The first line
sets the process up::

    {"url": ..., "meeting_id": 12, "folder": "/tmp/…", "language": "vi"}

Then one command a line:

- {"do": "render", "id": 3, "document": "minutes", "find": ["words typed", ...]}: the
  document as the archive holds it now; answers {"rendered": 3, "document": …, "pdf": path,
  "pages": [[width, height], …] (points), "found": {"page": 0, "y": 0.42} or null} where
  "found" is the first of the texts of "find" that the pages hold (y from the top, as a
  fraction of the page's height), or {"rendered": 3, "error": "…"}.
- {"do": "page", "id": 3, "page": 0, "width": 600}: a page of render 3 drawn that many
  pixels wide, as a PPM picture; answers {"page": 0, "id": 3, "width": 600, "file": path}.
- {"do": "quit"}.
"""

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from minutes_app.archive import load_meeting
from minutes_app.i18n import _, set_language
from minutes_app.storage import create_archive_engine, session_factory


class Renderer:
    def __init__(self, setup: dict[str, Any]) -> None:
        import pypdfium2

        self._pdfium = pypdfium2
        self.meeting_id = int(setup["meeting_id"])
        self.folder = Path(setup["folder"])
        self.engine = create_archive_engine(setup["url"])
        self.sessions = session_factory(self.engine)
        self.render_id = -1
        self.pdf: Any = None  # the pypdfium2 document of the last render

    def render(self, command: dict[str, Any]) -> dict[str, Any]:
        from minutes_app.documents import ExportError, render

        render_id = int(command["id"])
        document = str(command["document"])
        try:
            with self.sessions() as session:
                data = render(load_meeting(session, self.meeting_id), document, "pdf")
        except ExportError as error:
            return {"rendered": render_id, "document": document, "error": str(error)}
        path = self.folder / f"{document}-{render_id}.pdf"
        path.write_bytes(data)
        self._close_pdf()
        self.pdf = self._pdfium.PdfDocument(data)
        self.render_id = render_id
        sizes = [list(self.pdf.get_page_size(index)) for index in range(len(self.pdf))]
        found = self.find([str(text) for text in command.get("find", [])])
        for old in self.folder.glob(f"{document}-*.pdf"):
            if old != path:
                old.unlink(missing_ok=True)
        return {"rendered": render_id, "document": document, "pdf": str(path), "pages": sizes, "found": found}

    def find(self, texts: list[str]) -> dict[str, float] | None:
        """Where the first of ``texts`` found is, page after page."""
        for text in texts:
            if not text.strip():
                continue
            for index in range(len(self.pdf)):
                page = self.pdf[index]
                words = page.get_textpage()
                try:
                    occurrence = words.search(text, match_case=False).get_next()
                    if occurrence is not None:
                        _left, _bottom, _right, top = words.get_charbox(occurrence[0])
                        height = page.get_height()
                        return {"page": index, "y": max(0.0, min(1.0, (height - top) / height))}
                finally:
                    words.close()
                    page.close()
        return None

    def page(self, command: dict[str, Any]) -> dict[str, Any] | None:
        render_id, index, width = int(command["id"]), int(command["page"]), int(command["width"])
        if render_id != self.render_id or self.pdf is None or not 0 <= index < len(self.pdf):
            return None  # an older render: the window asks again for the new one
        page = self.pdf[index]
        try:
            picture = page.render(scale=width / page.get_width()).to_pil().convert("RGB")
        finally:
            page.close()
        path = self.folder / f"page-{render_id}-{index}-{width}.ppm"
        picture.save(path, "PPM")
        return {"page": index, "id": render_id, "width": width, "file": str(path)}

    def _close_pdf(self) -> None:
        if self.pdf is not None:
            self.pdf.close()
            self.pdf = None
        for old in self.folder.glob("page-*.ppm"):
            old.unlink(missing_ok=True)

    def close(self) -> None:
        self._close_pdf()
        self.engine.dispose()


def main(stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    setup = json.loads(stdin.readline() or "{}")
    if "url" not in setup:
        return 2
    set_language(setup.get("language", "vi"))
    renderer = Renderer(setup)

    def send(message: dict[str, Any]) -> None:
        stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
        stdout.flush()

    send({"ready": True})
    try:
        for line in stdin:
            command = json.loads(line)
            do = command.get("do")
            if do == "quit":
                break
            try:
                answer = renderer.render(command) if do == "render" else renderer.page(command)
            except Exception as error:  # reported in the preview; the window goes on
                answer = {"error": _("Không dựng được bản xem trước: {reason}").format(reason=error)}
            if answer is not None:
                send(answer)
    finally:
        renderer.close()
    return 0
