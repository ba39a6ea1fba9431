"""The news article: drafted from the record, edited, exported to DOCX and PDF."""

import json
import re
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx
from docx.enum.text import WD_ALIGN_PARAGRAPH

from minutes_app.archive import import_file, load_meeting
from minutes_app.documents import export_document
from minutes_app.documents.abbreviations import load_abbreviations
from minutes_app.documents.article import current_article, to_json
from minutes_app.documents.article_draft import ArticleBlock, draft_article, time_of_day
from minutes_app.documents.edited import ARTICLE
from minutes_app.documents.wording import continue_sentence, mid_sentence
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.model import Meeting
from tests.conftest import DATA, EXAMPLE
from tests.editing_helpers import open_editor
from tests.helpers import docx_text, flat, load, pdf_body, picture

PARTY = DATA / "party-meeting" / "meeting.json"


def as_text(blocks: list[ArticleBlock]) -> str:
    """The article as plain text, photos as '[Ảnh: caption]', blocks separated by a blank line."""
    return "\n\n".join(f"[Ảnh: {b.text}]" if b.kind == "photo" else b.text for b in blocks) + "\n"


def write(folder: Path, document: dict[str, Any], photos: dict[str, bytes] | None = None) -> Path:
    for name, data in (photos or {}).items():
        (folder / name).write_bytes(data)
    path = folder / "meeting.json"
    path.write_text(json.dumps({"format": "minutes-app.meeting/1", **document}, ensure_ascii=False), encoding="utf-8")
    return path


def spelled_out(text: str) -> str:
    """``text`` with every abbreviation of the built-in list written in full, to compare the
    article's words with the record's whichever form each uses."""
    for entry in load_abbreviations():
        text = re.sub(rf"\s*\({re.escape(entry.short)}\)", "", text)
        text = re.sub(rf"(?<![\w-]){re.escape(entry.short)}(?![\w-])", entry.long, text)
    return re.sub(r"\s*[-–]\s*", "-", text).casefold()


def same(blocks: list[ArticleBlock]) -> list[tuple[str, str, object]]:
    """Blocks compared across sessions: photos by their id."""
    return [(b.kind, b.text, b.photo.id if b.photo else None) for b in blocks]


def check_structure(meeting: Meeting, blocks: list[ArticleBlock]) -> None:
    """What every drafted article must hold, computed from the record."""
    kinds = [b.kind for b in blocks]
    assert kinds[:2] == ["headline", "lead"]
    lead = blocks[1].text
    assert spelled_out(meeting.organizer_name) in spelled_out(lead)
    assert spelled_out(meeting.title) in spelled_out(lead)
    if meeting.chair is not None:
        assert meeting.chair.person.name in lead
        for title in meeting.chair.titles:
            assert title in lead
        assert "chủ trì" in lead
    assert not re.findall(r"(?<!\w)[a-zđ][A-ZĐ]{2,}", as_text(blocks))  # no 'uBND'
    text = spelled_out(flat(as_text(blocks)))
    captions = [b for b in blocks if b.kind == "photo"]
    assert sorted(id(b.photo) for b in captions) == sorted(id(p) for p in meeting.photos)  # each photo once
    assert all(b.text for b in captions)
    for topic in meeting.topics:
        assert spelled_out(continue_sentence(topic.title)) in text
    for directive in meeting.directives:
        content = spelled_out(directive.content.rstrip(".;").replace(";", ","))
        assert f"{spelled_out(mid_sentence(directive.addressee))} {content}" in text
        if directive.deadline:
            d = directive.deadline
            assert f"{content} trước ngày {d.day}/{d.month}/{d.year}" in text
    author = meeting.press_release.author if meeting.press_release else None
    if author:
        assert blocks[-1] == ArticleBlock("byline", author)
    assert kinds.count("byline") == (1 if author else 0)


def test_the_shared_example_drafts_the_reference_article() -> None:
    meeting = read_meeting_file(EXAMPLE)
    blocks = draft_article(meeting)
    check_structure(meeting, blocks)
    reference = (EXAMPLE.parent / "press-release.reference.txt").read_text(encoding="utf-8")
    assert as_text(blocks) == reference


def test_party_record_with_an_unattributed_report_and_no_photos() -> None:
    meeting = read_meeting_file(PARTY)
    blocks = draft_article(meeting)
    check_structure(meeting, blocks)
    assert blocks[1].text == (
        "Chiều 5/1, Ban Chỉ đạo công tác thông tin đối ngoại tỉnh tổ chức Hội nghị tổng kết công tác thông tin "
        "đối ngoại năm 2025, triển khai nhiệm vụ năm 2026. Đồng chí Phạm Văn Bình – Phó Bí thư Thường trực "
        "Tỉnh ủy, Trưởng Ban Chỉ đạo công tác thông tin đối ngoại tỉnh chủ trì Hội nghị cùng các thành viên "
        "Ban Chỉ đạo. Tham dự Hội nghị có các đại biểu khách mời."
    )
    paragraphs = [b.text for b in blocks if b.kind == "paragraph"]
    # The report has no speaker; its first word continues the sentence in lower case.
    assert paragraphs[0].startswith("Báo cáo tại Hội nghị cho biết, năm 2025, các cơ quan báo chí")
    # A summary that starts with a proper noun keeps its capital.
    assert "Bà Đỗ Thị Hồng Nhung – Tổng Biên tập Báo Đắk Lắk cho biết, Báo Đắk Lắk sẽ mở" in paragraphs[4]
    # Quotes, numbers and markup characters are kept as typed.
    assert '"kể câu chuyện Đắk Lắk"' in paragraphs[3]
    assert "<dự kiến 350 triệu đồng> & đào tạo" in paragraphs[4]
    # The chair, named in full in the lead, is named short from then on.
    assert paragraphs[5].startswith("Phát biểu kết luận Hội nghị, đồng chí Phạm Văn Bình ghi nhận kết quả năm 2025.")
    # A directive by someone other than the chair is said by them, named short: they spoke before.
    assert paragraphs[7] == "Đồng chí Y Ngông Niê đề nghị Sở Tài chính cân đối, bố trí kinh phí dịch thuật năm 2026."
    assert [b.kind for b in blocks].count("photo") == 0


def test_a_meeting_with_only_a_title_and_attendees(tmp_path: Path) -> None:
    path = write(tmp_path, {
        "title": "Cuộc họp giao ban công tác văn thư, lưu trữ quý III",
        "organizer": {"name": "Văn phòng UBND tỉnh"},
        "starts_at": "2026-09-02T19:30",
        "attendees": [{"id": "a", "name": "Ngô Văn Hải"}, {"id": "b", "name": "Lý Thị Hoa", "present": False}],
    })
    blocks = draft_article(read_meeting_file(path))
    assert blocks == [
        ArticleBlock("headline", "Cuộc họp giao ban công tác văn thư, lưu trữ quý III"),
        ArticleBlock("lead", "Tối 2/9, Văn phòng UBND tỉnh tổ chức cuộc họp giao ban công tác văn thư, lưu trữ "
                             "quý III. Tham dự cuộc họp có Ngô Văn Hải."),
    ]


def test_speaker_without_titles_photo_without_speech_directive_without_deadline(tmp_path: Path) -> None:
    path = write(tmp_path, {
        "title": "Hội nghị triển khai nhiệm vụ năm 2026",
        "organizer": {"name": "Sở Nội vụ"},
        "starts_at": "2026-01-08T08:00",
        "chair": "a",
        "attendees": [{"id": "a", "name": "Ngô Văn Hải"}, {"id": "b", "name": "Lý Thị Hoa", "titles": ["Chánh Văn phòng"]}],
        "speeches": [
            {"speaker": "b", "kind": "opinion", "summary": "Đề nghị sớm ban hành hướng dẫn; bổ sung biên chế."},
            {"speaker": "a", "kind": "assessment", "subject": "công tác cải cách hành chính", "photo": "y",
             "summary": "Sở Nội vụ đã hoàn thành 95% kế hoạch."},
        ],
        "directives": [{"addressee": "Văn phòng Sở", "content": "tổng hợp ý kiến; báo cáo Giám đốc Sở."}],
        "photos": [{"id": "x", "file": "x.jpg"}, {"id": "y", "file": "y.png"}],
        "press_release": {"author": "Tin, ảnh: HOÀNG ANH", "topics_intro": "Các đại biểu bàn về"},
        "topics": [{"title": "Biên chế năm 2026"}, {"title": "UBND cấp xã sau sắp xếp"}],
    }, {"x.jpg": picture(), "y.png": picture("PNG")})
    meeting = read_meeting_file(path)
    blocks = draft_article(meeting)
    check_structure(meeting, blocks)
    assert as_text(blocks) == "\n\n".join([
        "Triển khai nhiệm vụ năm 2026",
        "Sáng 8/1, Sở Nội vụ tổ chức Hội nghị triển khai nhiệm vụ năm 2026. Ngô Văn Hải chủ trì Hội nghị. "
        "Tham dự Hội nghị có Chánh Văn phòng Lý Thị Hoa.",
        "[Ảnh: Quang cảnh Hội nghị]",
        "Các đại biểu bàn về: biên chế năm 2026; UBND cấp xã sau sắp xếp.",
        "Chánh Văn phòng Lý Thị Hoa đề nghị sớm ban hành hướng dẫn; bổ sung biên chế.",
        "Ngô Văn Hải cho biết, Sở Nội vụ đã hoàn thành 95% kế hoạch.",
        "[Ảnh: Ngô Văn Hải đánh giá công tác cải cách hành chính]",
        "Phát biểu kết luận Hội nghị, Ngô Văn Hải đề nghị Văn phòng Sở tổng hợp ý kiến, báo cáo Giám đốc Sở.",
        "Tin, ảnh: HOÀNG ANH",
    ]) + "\n"


def test_the_press_release_choices_win(tmp_path: Path) -> None:
    document = load(EXAMPLE)
    document["press_release"] |= {"title": "Minh Sơn đẩy mạnh chuyển đổi số", "lead": "Sáng nay, Hội nghị đã diễn ra."}
    document["photos"][0]["caption"] = "Các đại biểu dự Hội nghị"
    folder = tmp_path / "ex"
    shutil.copytree(EXAMPLE.parent, folder)
    path = write(folder, {k: v for k, v in document.items() if k != "format"})
    blocks = draft_article(read_meeting_file(path))
    assert blocks[0].text == "Minh Sơn đẩy mạnh chuyển đổi số"
    assert blocks[1].text == "Sáng nay, Hội nghị đã diễn ra."
    assert blocks[2].text == "Các đại biểu dự Hội nghị"


def test_edits_are_kept_and_redrafting_can_be_undone(archive) -> None:
    meeting_id = import_file(archive, EXAMPLE)

    def saved() -> list[ArticleBlock]:
        assert editor.autosaver.flush(5)
        with archive.sessions() as session:
            return current_article(load_meeting(session, meeting_id))

    editor, _saves = open_editor(archive, meeting_id)
    try:
        assert not ARTICLE.is_edited(editor.meeting)
        blocks = saved()
        edited = [ArticleBlock("headline", "Tít do biên tập viên đặt")] + blocks[1:]
        editor.set_press_release_field("article", to_json(edited))
        assert same(saved()) == same(edited)  # photos found again by their ids
        # The record changes; the edited article does not follow silently.
        editor.set_field(editor.meeting.speeches[2], "summary", "Đề xuất nội dung mới.")
        assert same(saved()) == same(edited)
        editor.set_press_release_fields(ARTICLE.redraft_values(editor.meeting))
        drafted = saved()
        assert drafted[0].text.startswith("Sơ kết công tác chuyển đổi số")
        assert any(b.text.startswith("Phó Giám đốc Sở Tài chính Võ Đình Nam đề xuất nội dung mới.") for b in drafted)
        assert ARTICLE.restore_values(editor.meeting)
        editor.set_press_release_fields(ARTICLE.restore_values(editor.meeting))
        assert same(saved()) == same(edited)
        assert not ARTICLE.restore_values(editor.meeting)
    finally:
        editor.close()


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("article")
    meeting = read_meeting_file(EXAMPLE)
    files = {}
    for fmt in ("docx", "pdf"):
        files[fmt] = folder / f"tin-bai.{fmt}"
        export_document(meeting, "press-release", fmt, files[fmt])
    return files


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_exports_hold_the_same_text_as_the_draft(exported, fmt: str) -> None:
    blocks = draft_article(read_meeting_file(EXAMPLE))
    path = exported[fmt]
    text = flat(pdf_body(path, mode="-raw") if fmt == "pdf" else docx_text(path))
    position = 0
    # The text in its order; a photo and its caption may come after the text that filled
    # the page it did not fit on (test_layout.py), never after the byline.
    for block in blocks:
        if block.kind == "photo":
            assert flat(block.text) in text[:text.rindex("Thu Hà")], block
            continue
        found = text.find(flat(block.text), position)
        assert found >= 0, block
        position = found
    assert text.rstrip().endswith("Thu Hà")


def test_docx_article_layout(exported) -> None:
    document = open_docx(str(exported["docx"]))
    paragraphs = [p for p in document.paragraphs if p.text or p.runs]
    headline, lead = paragraphs[0], paragraphs[1]
    assert headline.runs[0].bold and headline.runs[0].font.size.pt > 14
    assert all(run.bold for run in lead.runs)
    assert len(document.inline_shapes) == 5
    captions = [p for p in paragraphs if p.runs and p.runs[0].italic]
    assert [c.text for c in captions][0] == "Quang cảnh Hội nghị"
    assert len(captions) == 5
    assert all(c.alignment == WD_ALIGN_PARAGRAPH.CENTER for c in captions)
    byline = paragraphs[-1]
    assert (byline.text, byline.alignment, byline.runs[0].bold) == ("Thu Hà", WD_ALIGN_PARAGRAPH.RIGHT, True)
    section = document.sections[0]
    photo_width = document.inline_shapes[0].width
    assert photo_width <= section.page_width - section.left_margin - section.right_margin


def test_pdf_article_has_its_photos(exported) -> None:
    listing = subprocess.run(["pdfimages", "-list", str(exported["pdf"])], capture_output=True, text=True, check=True)
    assert len(listing.stdout.splitlines()[2:]) == 5


def test_cli_exports_the_article(tmp_path: Path) -> None:
    out = tmp_path / "tin.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "minutes_app", "export", str(PARTY), "--document", "press-release",
         "--format", "pdf", "-o", str(out)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "Tổng kết công tác thông tin đối ngoại năm 2025, triển khai nhiệm vụ năm 2026" in flat(pdf_body(out))


def test_time_of_day_in_the_lead() -> None:
    assert time_of_day(None) == "Vừa qua"
    for hour, part in ((7, "Sáng"), (11, "Sáng"), (12, "Chiều"), (17, "Chiều"), (18, "Tối")):
        assert time_of_day(datetime(2026, 5, 26, hour)) == f"{part} 26/5"
    assert time_of_day(datetime(2026, 1, 5, 8)) == "Sáng 5/1"
