"""The minutes as DOCX and PDF, state and Party style: the text read back, the layout checked."""

import json
import re
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.shared import Mm

from minutes_app.documents import export_document
from minutes_app.documents.profiles import load_profile
from minutes_app.interchange.reading import read_meeting_file
from tests.conftest import DATA, EXAMPLE
from tests.helpers import docx_text, flat, load, pdf_body, pdf_pages

PARTY = DATA / "party-meeting" / "meeting.json"
CASES = {"state": EXAMPLE, "party": PARTY}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("minutes")
    files = {}
    for style, source in CASES.items():
        meeting = read_meeting_file(source)
        for fmt in ("docx", "pdf"):
            path = folder / f"{style}.{fmt}"
            export_document(meeting, "minutes", fmt, path)
            files[style, fmt] = path
    return files


def read_back(path: Path) -> str:
    return flat(pdf_body(path) if path.suffix == ".pdf" else docx_text(path))


def expected_pieces(source: Path) -> list[str]:
    """What the minutes must contain, computed from the meeting file."""
    document = load(source)
    pieces = [document["title"], document["venue"]]
    for attendee in document["attendees"]:
        pieces.append(f"{attendee['name']} – {', '.join(attendee['titles'])}")
        if attendee.get("absence_reason"):
            pieces.append(f"(lý do: {attendee['absence_reason']})")
    pieces += document.get("agenda", [])
    for speech in document["speeches"]:
        pieces += [p.strip() for p in speech["summary"].split("\n\n")]
        if speech.get("subject"):
            pieces.append(speech["subject"])
    for topic in document["topics"]:
        pieces.append(topic["title"])
        if topic.get("notes"):
            # The list sets the final punctuation of an item.
            pieces.append(f"{topic['title']}: {topic['notes'].rstrip('.;,')}")
    for directive in document["directives"]:
        pieces.append(f"{directive['addressee']}: {directive['content']}")
        if "deadline" in directive:
            day = date.fromisoformat(directive["deadline"])
            pieces.append(f"trước ngày {day.day}/{day.month}/{day.year}")
    return [flat(p) for p in pieces]


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
@pytest.mark.parametrize("style", ["state", "party"])
def test_every_name_title_summary_topic_and_directive_is_there(exported, style: str, fmt: str) -> None:
    text = read_back(exported[style, fmt])
    missing = [piece for piece in expected_pieces(CASES[style]) if piece not in text]
    assert missing == []


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_state_minutes_follow_template_1_9(exported, fmt: str) -> None:
    text = read_back(exported["state", fmt])
    in_order = [
        "UBND TỈNH MINH SƠN",
        "SỞ KHOA HỌC VÀ CÔNG NGHỆ",
        "Số: 18/BB-SKHCN",
        "BIÊN BẢN",
        "Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm",
        "Thời gian bắt đầu: 08 giờ 00, ngày 10 tháng 7 năm 2026.",
        "Địa điểm: Hội trường Sở Khoa học và Công nghệ.",
        "Thành phần tham dự:",
        "Lãnh đạo các sở, ngành:",
        "- Lê Thị Mai – Giám đốc Sở Khoa học và Công nghệ;",
        "Vắng mặt:",
        "- Hoàng Minh Châu – Phó Giám đốc Sở Y tế (lý do: đi công tác).",
        "Chủ trì: Trần Quốc Hùng – Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo chuyển đổi số tỉnh.",
        "Thư ký: Nguyễn Thị Lan – Chuyên viên Văn phòng Sở Khoa học và Công nghệ.",
        "Nội dung Hội nghị:",
        "1. Báo cáo kết quả chuyển đổi số 6 tháng đầu năm 2026",
        "Trần Quốc Hùng – Phó Chủ tịch UBND tỉnh, Trưởng Ban Chỉ đạo chuyển đổi số tỉnh phát biểu khai mạc (lúc 08 giờ 00):",
        "Lê Thị Mai – Giám đốc Sở Khoa học và Công nghệ trình bày báo cáo kết quả chuyển đổi số 6 tháng đầu năm 2026 (lúc 08 giờ 10):",
        "Võ Đình Nam – Phó Giám đốc Sở Tài chính tham gia ý kiến (lúc 09 giờ 00):",
        "phát biểu kết luận (lúc 10 giờ 45):",
        "Các vấn đề thảo luận:",
        "- Bố trí kinh phí cho chuyển đổi số năm 2027.",
        "Kết luận, chỉ đạo của chủ trì:",
        "- Sở Khoa học và Công nghệ: chủ trì, phối hợp với các đơn vị liên quan xây dựng kế hoạch nâng cấp "
        "hạ tầng mạng tại các xã vùng sâu, trình UBND tỉnh (trước ngày 31/8/2026);",
        "- Sở Nội vụ: phối hợp tổ chức tập huấn kỹ năng số cho cán bộ, công chức cấp xã;",
        "Hội nghị kết thúc vào 11 giờ 15, ngày 10 tháng 7 năm 2026./.",
        "THƯ KÝ",
        "Nơi nhận:",
        "- Các thành phần dự Hội nghị;",
        "- Lưu: VT, Hồ sơ.",
    ]
    positions = [text.find(piece) for piece in in_order]
    assert -1 not in positions, [p for p, at in zip(in_order, positions, strict=True) if at == -1]
    assert positions == sorted(positions)
    for header in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "CHỦ TỌA"):
        assert header in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_party_minutes_use_the_party_header_number_and_signatures(exported, fmt: str) -> None:
    text = read_back(exported["party", fmt])
    for piece in (
        "TỈNH ỦY ĐẮK LẮK",
        "BAN CHỈ ĐẠO CÔNG TÁC THÔNG TIN ĐỐI NGOẠI TỈNH",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 05-BB/BCĐ",
        "Thời gian bắt đầu: 14 giờ 00, ngày 05 tháng 01 năm 2026.",
        "Chủ trì Hội nghị: Đồng chí Phạm Văn Bình – Phó Bí thư Thường trực Tỉnh ủy",
        "Thư ký Hội nghị: Đồng chí Trịnh Minh Tấn – Phó Trưởng phòng Thông tin đối ngoại",
        # One form of address in a list: the profile's, not the record's own 'Bà'.
        "- Đồng chí Đỗ Thị Hồng Nhung – Tổng Biên tập Báo Đắk Lắk.",
        "Báo cáo tổng kết công tác thông tin đối ngoại năm 2025 (lúc 14 giờ 05):",
        "(theo chỉ đạo của Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy Y Ngông Niê)",
        "Hội nghị kết thúc vào ..... giờ ....., ngày ..... tháng ..... năm ........./.",
        "NGƯỜI GHI BIÊN BẢN",
        "CHỦ TRÌ HỘI NGHỊ",
        "- Các đồng chí dự Hội nghị,",
        "- Lưu Văn phòng.",
    ):
        assert piece in text, piece
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA" not in text
    assert "Số:" not in text and "Bà " not in text


@pytest.mark.parametrize("style", ["state", "party"])
def test_pdf_pages_numbers_and_signatures_kept_together(exported, style: str) -> None:
    pages = pdf_pages(exported[style, "pdf"])
    assert len(pages) >= 2
    assert not re.match(r"\s*1\s*\n", pages[0])
    for number, page in enumerate(pages[1:], start=2):
        assert page.strip().splitlines()[0].strip() == str(number)
    profile = load_profile(style)
    document = load(CASES[style])
    names = {a["id"]: a["name"] for a in document["attendees"]}
    [signature_page] = [p for p in pages if profile.signatures.left in p]
    for piece in (profile.signatures.right.format(noun="HỘI NGHỊ"), names[document["chair"]],
                  names[document["secretary"]], profile.recipients.heading):
        assert piece in signature_page


@pytest.mark.parametrize("style", ["state", "party"])
def test_pdf_is_a4_with_embedded_fonts(exported, style: str) -> None:
    path = exported[style, "pdf"]
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", info)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in re.sub(r"\s+", "  ", row) for row in rows)
    assert all(re.search(r"(Liberation|Times|Tinos)", row) for row in rows)


@pytest.mark.parametrize("style", ["state", "party"])
def test_docx_page_margins_fonts_and_header_table(exported, style: str) -> None:
    path = exported[style, "docx"]
    profile = load_profile(style)
    document = open_docx(str(path))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    for side in ("top", "bottom", "left", "right"):
        actual = getattr(section, f"{side}_margin")
        assert abs(actual - Mm(getattr(profile.page, f"margin_{side}_mm"))) < Mm(0.1)
    assert section.different_first_page_header_footer

    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode() + archive.read("word/styles.xml").decode()
    assert "Theme=" not in xml.replace("w:theme", "")  # no asciiTheme/hAnsiTheme/... anywhere
    fonts = re.findall(r"<w:rFonts ([^>]*)/>", xml)
    assert fonts
    for attributes in fonts:
        slots = dict(re.findall(r'w:(\w+)="([^"]*)"', attributes))
        assert slots == {s: "Times New Roman" for s in ("ascii", "hAnsi", "cs", "eastAsia")}, attributes

    header = document.tables[0]
    assert document.element.body[0].tag.endswith("tbl")
    assert len(header.columns) == 2
    borders = header._tbl.tblPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}tblBorders")
    assert all(b.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}val") == "nil" for b in borders)


def _signature_pages(pages: list[str], profile_name: str, secretary: str, chair: str) -> set[int]:
    """The pages on which the end line and each piece of the signature block stand."""
    profile = load_profile(profile_name)
    pieces = [profile.label("ends_blank").format(Noun="Hội nghị")[:20], profile.signatures.left,
              profile.signatures.right.format(noun="HỘI NGHỊ"), secretary, chair, profile.recipients.heading,
              profile.recipients.lines[-1]]
    where = set()
    for piece in pieces:
        # The last page holding the piece: names also appear earlier, in the attendee list.
        where.add(max(i for i, page in enumerate(pages) if piece in page))
    return where


def test_signatures_never_split_near_a_page_break(tmp_path: Path) -> None:
    document = load(PARTY)
    base = document["speeches"][0]["summary"]

    def export(extra: int, fmt: str) -> Path:
        document["speeches"][0]["summary"] = "\n\n".join([base] + ["Nội dung bổ sung của báo cáo."] * extra)
        source = tmp_path / "meeting.json"
        source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
        out = tmp_path / f"m{extra}.{fmt}"
        export_document(read_meeting_file(source), "minutes", fmt, out)
        if fmt == "docx":
            subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path / "lo"), str(out)],
                           capture_output=True, check=True, timeout=120)
            out = tmp_path / "lo" / f"m{extra}.pdf"
        return out

    # Find where the signature block first moves to a new page, then look around it.
    counts = {extra: len(pdf_pages(export(extra, "pdf"))) for extra in range(0, 60, 4)}
    step = next(extra for extra in counts if counts[extra] > counts[0])
    for extra in range(step - 4, step + 1):
        for fmt in ("pdf", "docx"):
            pages = pdf_pages(export(extra, fmt))
            assert len(_signature_pages(pages, "party", "Trịnh Minh Tấn", "Phạm Văn Bình")) == 1, (extra, fmt)
