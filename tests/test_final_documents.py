"""Documents know the state of their record: a draft says "DỰ THẢO" (top right of page 1,
framed, and in the file's properties) whatever the kind of document, a final version
carries no mark and names its version and digest; ``verify`` recognises the exports of a
final version, and tells a draft and a file changed by hand; the meeting file keeps the
state, the version and the edited article."""

import re
import subprocess
import sys
from pathlib import Path

import pypdfium2
import pytest
from docx import Document as open_docx
from docx.oxml.ns import qn

from minutes_app.archive import dump_meeting, import_file, load_meeting
from minutes_app.documents import DOCUMENTS, render
from minutes_app.documents import profiles as profiles_module
from minutes_app.history import export, finalize, reopen
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.model import RecordState
from minutes_app.verification import verify
from minutes_app.versions import digest
from tests.conftest import EXAMPLE
from tests.helpers import docx_text, load, pdf_pages

DIGEST = "0123456789abcdef" * 4


def _meeting(state: str, version: int):  # type: ignore[no-untyped-def]
    meeting = read_meeting_file(EXAMPLE)
    meeting.state, meeting.record_version = state, version
    return meeting


def _pdf_properties(path: Path) -> dict[str, str]:
    pdf = pypdfium2.PdfDocument(str(path))
    try:
        return dict(pdf.get_metadata_dict())
    finally:
        pdf.close()


def _mark_box(path: Path) -> tuple[float, float, float, float]:
    """Where 'DỰ' is drawn on page 1 (x min, y min, x max, y max, from the top left), in points."""
    boxes = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-"], capture_output=True,
                           text=True, encoding="utf-8", check=True).stdout
    found = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">DỰ</word>', boxes)
    assert found, boxes[:2000]
    x0, y0, x1, y1 = (float(v) for v in found.groups())
    return x0, y0, x1, y1


def _header_texts(path: Path) -> list[str]:
    section = open_docx(str(path)).sections[0]
    return [p.text for header in (section.first_page_header, section.header) for p in header.paragraphs]


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_draft_says_du_thao_in_every_kind_of_document(document: str, tmp_path: Path) -> None:
    pdf, docx = tmp_path / "du-thao.pdf", tmp_path / "du-thao.docx"
    pdf.write_bytes(render(_meeting(RecordState.DRAFT, 1), document, "pdf"))
    docx.write_bytes(render(_meeting(RecordState.REOPENED, 3), document, "docx"))

    pages = pdf_pages(pdf, mode="-raw")
    assert pages[0].splitlines()[0] == "DỰ THẢO"
    assert all("DỰ THẢO" not in page for page in pages[1:])
    x0, y0, x1, y1 = _mark_box(pdf)
    margin_top = 20 * 72 / 25.4
    # Top right, above the text (in the top margin), not past the right margin.
    assert x0 > 595 / 2 and y1 < margin_top and x1 < 595 - 15 * 72 / 25.4
    properties = _pdf_properties(pdf)
    assert properties["Subject"] == "DỰ THẢO, phiên bản 1 đang soạn"
    assert properties["Keywords"] == "minutes-app; version=1; state=draft"

    first_page = open_docx(str(docx)).sections[0].first_page_header.paragraphs[0]
    assert first_page.text == "DỰ THẢO"
    assert first_page.alignment == 2  # right
    borders = first_page._p.pPr.find(qn("w:pBdr"))
    assert [child.tag.split("}")[1] for child in borders] == ["top", "left", "bottom", "right"]  # framed
    assert "DỰ THẢO" not in docx_text(docx)  # outside the text: the pages break as in the final version
    core = open_docx(str(docx)).core_properties
    assert (core.content_status, core.version, core.subject, core.keywords) == (
        "DỰ THẢO", "3", "DỰ THẢO, phiên bản 3 đang soạn", "minutes-app; version=3; state=draft")


@pytest.mark.parametrize("document", DOCUMENTS)
def test_a_final_version_carries_no_mark_and_names_its_version(document: str, tmp_path: Path) -> None:
    pdf, docx = tmp_path / "v2.pdf", tmp_path / "v2.docx"
    final = _meeting(RecordState.FINAL, 2)
    pdf.write_bytes(render(final, document, "pdf", digest=DIGEST))
    docx.write_bytes(render(final, document, "docx", digest=DIGEST))
    assert all("DỰ THẢO" not in page for page in pdf_pages(pdf, mode="-raw"))
    assert not any("DỰ THẢO" in text for text in _header_texts(docx))
    assert "DỰ THẢO" not in docx_text(docx)
    properties = _pdf_properties(pdf)
    assert properties["Subject"] == f"Bản đã chốt, phiên bản 2, SHA-256 {DIGEST}"
    assert properties["Keywords"] == f"minutes-app; version=2; state=final; sha256={DIGEST}"
    core = open_docx(str(docx)).core_properties
    assert (core.content_status, core.version, core.keywords) == (
        "Đã chốt", "2", f"minutes-app; version=2; state=final; sha256={DIGEST}")
    # The same pages as the draft: the mark sits outside the text.
    draft = _write(tmp_path / "d.pdf", render(_meeting(RecordState.DRAFT, 2), document, "pdf"))
    assert len(pdf_pages(pdf)) == len(pdf_pages(draft))


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_the_mark_comes_from_the_style_profile(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(profiles_module, "user_profiles_dir", lambda: tmp_path)
    (tmp_path / "state.json").write_text(
        '{"extends": "state", "draft_mark": {"text": "BẢN DỰ THẢO LẦN 2", "size": 12, "frame": false}}',
        encoding="utf-8")
    docx = _write(tmp_path / "b.docx", render(_meeting("draft", 1), "minutes", "docx"))
    mark = open_docx(str(docx)).sections[0].first_page_header.paragraphs[0]
    assert mark.text == "BẢN DỰ THẢO LẦN 2" and mark._p.pPr.find(qn("w:pBdr")) is None
    assert mark.runs[0].font.size.pt == 12
    pdf = _write(tmp_path / "b.pdf", render(_meeting("draft", 1), "minutes", "pdf"))
    assert pdf_pages(pdf, mode="-raw")[0].splitlines()[0] == "BẢN DỰ THẢO LẦN 2"


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "minutes_app", *args], capture_output=True, text=True,
                          encoding="utf-8", timeout=120)


def _edit_by_hand(source: Path, target: Path) -> None:
    """What a PDF editor does to a line: the last piece of text on page 1 taken out, saved again."""
    pdf = pypdfium2.PdfDocument(str(source))
    page = pdf[0]
    texts = [o for o in page.get_objects() if o.type == pypdfium2.raw.FPDF_PAGEOBJ_TEXT]
    page.remove_obj(texts[-1])
    page.gen_content()
    pdf.save(str(target))
    pdf.close()


@pytest.mark.databases
def test_verify_a_final_export_a_draft_export_and_a_pdf_edited_by_hand(archive, db_url: str, example_dir: Path,
                                                                       tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    title = read_meeting_file(example_dir / "meeting.json").title
    draft = export(archive, meeting_id, "minutes", "pdf", tmp_path / "du-thao.pdf", user="Nguyễn Thị Lan")
    assert (draft.final, draft.export_id) == (False, None)
    line = finalize(archive, meeting_id, "Nguyễn Thị Lan")
    final = export(archive, meeting_id, "minutes", "pdf", tmp_path / "v1.pdf", user="Nguyễn Thị Lan")
    article = export(archive, meeting_id, "press-release", "docx", tmp_path / "tin.docx", user="Võ Đình Nam")
    assert _pdf_properties(final.path)["Keywords"].endswith(f"state=final; sha256={line.sha256}")

    checked = cli("verify", str(final.path), "--db", db_url)
    assert checked.returncode == 0, checked.stderr
    assert checked.stdout.startswith(
        f"Khớp: tệp “v1.pdf” là lần xuất số {final.export_id} của cuộc họp số {meeting_id} “{title}”: biên bản (PDF), "
        "phiên bản 1 đã chốt, xuất lúc ")
    assert f"bởi Nguyễn Thị Lan. SHA-256 của tệp: {final.sha256}." in checked.stdout
    assert verify(archive, article.path).message.startswith(
        f"Khớp: tệp “tin.docx” là lần xuất số {article.export_id} của cuộc họp số {meeting_id} “{title}”: tin bài (DOCX)")

    checked = cli("verify", str(draft.path), "--db", db_url)
    assert checked.returncode == 1
    assert checked.stdout == (
        f"Không khớp: tệp “du-thao.pdf” là bản DỰ THẢO của cuộc họp số {meeting_id} “{title}” (phiên bản 1 khi đang "
        "soạn), không phải biên bản đã chốt; bản dự thảo không được ghi nhận khi xuất.\n")

    edited = tmp_path / "v1-da-sua.pdf"
    _edit_by_hand(final.path, edited)
    assert pdf_pages(edited, "-raw")[0] != pdf_pages(final.path, "-raw")[0]
    checked = cli("verify", str(edited), "--db", db_url)
    assert checked.returncode == 1
    assert checked.stdout.startswith(
        f"Không khớp: thuộc tính của tệp “v1-da-sua.pdf” ghi là phiên bản 1 đã chốt của cuộc họp số {meeting_id} "
        f"“{title}”, nhưng nội dung tệp không giống lần xuất nào đã ghi nhận: tệp đã bị sửa sau khi xuất.")

    other = tmp_path / "khac.pdf"
    other.write_bytes(render(read_meeting_file(example_dir / "meeting.json"), "minutes", "pdf")[:-10])
    checked = cli("verify", str(other), "--db", db_url)
    assert checked.returncode == 1 and checked.stdout.startswith("Không khớp:") and "Traceback" not in checked.stderr


def test_the_meeting_file_keeps_state_version_and_the_edited_article(archive, example_dir: Path,
                                                                      tmp_path: Path) -> None:
    from tests.editing_helpers import open_editor

    meeting_id = import_file(archive, example_dir / "meeting.json")
    editor, _saves = open_editor(archive, meeting_id)
    photo = editor.meeting.photos[2]
    article = [{"kind": "headline", "text": "Tít đã sửa tay"},
               {"kind": "photo", "text": "Chú thích", "photo": str(photo.id)}]
    editor.set_press_release_field("article", article)
    assert editor.close()
    finalize(archive, meeting_id, "Nguyễn Thị Lan")
    reopen(archive, meeting_id, "Sửa tít", "Nguyễn Thị Lan")
    finalize(archive, meeting_id, "Nguyễn Thị Lan")

    path = tmp_path / "dump" / "meeting.json"
    dump_meeting(archive, meeting_id, path)
    written = load(path)
    assert (written["format"], written["state"], written["version"]) == ("minutes-app.meeting/2", "final", 2)
    assert written["press_release"]["article"] == [
        {"kind": "headline", "text": "Tít đã sửa tay"}, {"kind": "photo", "text": "Chú thích", "photo": "p2"}]

    again = import_file(archive, path, user="Phan Hà")
    with archive.sessions() as session:
        copy = load_meeting(session, again)
        assert (copy.state, copy.record_version) == ("final", 2)
        blocks = copy.press_release.article
        assert blocks[0] == {"kind": "headline", "text": "Tít đã sửa tay"}
        assert blocks[1]["photo"] == str(copy.photos[2].id)
        assert digest(copy) == digest(load_meeting(session, meeting_id))
    from minutes_app.history import history

    # The file's version is the archive's history of the copy, kept whole, by whoever imported it.
    assert [(v.number, v.state, v.author) for v in history(archive, again)] == [(2, "final", "Phan Hà")]
    # Files of the first version, and drafts, say nothing of a state: they import as drafts.
    plain = import_file(archive, example_dir / "meeting.json")
    with archive.sessions() as session:
        assert (load_meeting(session, plain).state, load_meeting(session, plain).record_version) == ("draft", 1)
