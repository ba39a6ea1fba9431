"""The notice of conclusions as DOCX and PDF, in the state forms and the Party form: the
text read back and compared with the record, the layout checked."""

import json
import re
import subprocess
import sys
import zipfile
from datetime import date
from pathlib import Path

import pytest
from docx import Document as open_docx
from docx.shared import Mm

from minutes_app.archive import dump_meeting, import_file, load_meeting
from minutes_app.documents import ExportError, export_document
from minutes_app.documents import profiles as profiles_module
from minutes_app.documents.conclusions import compose_notice, current_notice, notice_profile, to_json
from minutes_app.documents.conclusions_draft import NoDirectives, NoticeBlock, draft_notice, precedence
from minutes_app.documents.profiles import load_profile
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.model import ConclusionsNotice
from tests.conftest import DATA, EXAMPLE
from tests.helpers import docx_text, flat, load, pdf_body, pdf_pages

PARTY = DATA / "party-thong-bao" / "meeting.json"
# (meeting file, profile of the notice, its number as left blank, its signature lines)
CASES = {
    "state-office": (EXAMPLE, "conclusions-state-office", "Số: /TB-VP", ["CHÁNH VĂN PHÒNG"]),
    "state-authority": (EXAMPLE, "conclusions-state-authority", "Số: /TB-UBND", ["TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"]),
    "party": (PARTY, "conclusions-party", "Số -TB/TU", ["T/M BAN THƯỜNG VỤ", "BÍ THƯ"]),
}


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    folder = tmp_path_factory.mktemp("notice")
    files = {}
    for case, (source, profile, _number, _signature) in CASES.items():
        meeting = read_meeting_file(source)
        for fmt in ("docx", "pdf"):
            files[case, fmt] = folder / f"{case}.{fmt}"
            # The state-office form is the state style's own: no profile named.
            export_document(meeting, "conclusions", fmt, files[case, fmt],
                            None if case == "state-office" else profile)
    return files


def read_back(path: Path) -> str:
    # -raw keeps every space between the words of a justified line.
    return flat(pdf_body(path, mode="-raw") if path.suffix == ".pdf" else docx_text(path))


def chair_of(document: dict) -> dict:  # type: ignore[type-arg]
    return next(a for a in document["attendees"] if a["id"] == document["chair"])


def recipients_part(text: str) -> str:
    """The text from 'Nơi nhận:' on."""
    return text[text.index("Nơi nhận:"):]


both = pytest.mark.parametrize("fmt", ["docx", "pdf"])
every_case = pytest.mark.parametrize("case", list(CASES))


@both
@every_case
def test_type_name_number_subject_and_signature_of_the_profile(exported, case: str, fmt: str) -> None:
    source, _profile, number, signature = CASES[case]
    text = read_back(exported[case, fmt])
    document = load(source)
    chair = chair_of(document)
    assert "THÔNG BÁO" in text
    assert flat(number) in flat(text.replace("\u00a0", " "))
    subject = f"Kết luận của đồng chí {chair['name']}, {', '.join(chair['titles'])}"
    assert flat(subject.upper() if case == "party" else subject) in text
    assert flat(" ".join(signature)) in text
    # The Party notice is signed by the chair; the office's by whoever the office names.
    assert (chair["name"] in recipients_part(text)) == (case == "party")
    assert "BIÊN BẢN" not in text


@both
@every_case
def test_every_directive_with_its_addressee_content_and_deadline(exported, case: str, fmt: str) -> None:
    text = read_back(exported[case, fmt])
    body = text[:text.index("Nơi nhận:")]
    for directive in load(CASES[case][0])["directives"]:
        assert directive["addressee"].removeprefix("Các ").removeprefix("các ") in body
        assert flat(directive["content"]) in body
        if "deadline" in directive:
            day = date.fromisoformat(directive["deadline"])
            assert flat(f"{directive['content']}; hoàn thành trước ngày {day.day}/{day.month}/{day.year}") in body


@both
@every_case
def test_opening_heard_closing_and_the_conclusion_speech(exported, case: str, fmt: str) -> None:
    source = CASES[case][0]
    document = load(source)
    text = read_back(exported[case, fmt])
    chair = chair_of(document)
    assert f"đồng chí {chair['name']}, {', '.join(chair['titles'])} chủ trì" in text
    # The chair is named by the office held, not by a membership.
    office = next(t for t in chair["titles"] if not t.startswith("Ủy viên"))
    assert f"đồng chí {office} kết luận như sau:" in text
    for speech in document["speeches"]:
        if speech["kind"] == "conclusion":
            for paragraph in speech["summary"].split("\n\n"):
                assert flat(paragraph) in text
    closing = {"party": "Ban Thường vụ Tỉnh ủy thông báo để các cấp ủy, tổ chức đảng, cơ quan, đơn vị liên quan "
                        "biết, thực hiện./."}.get(case, "Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, "
                                                        "thực hiện./.")
    assert closing in text
    assert "I. ĐÁNH GIÁ CHUNG" in text and "II. NHIỆM VỤ TRỌNG TÂM" in text


# The addressees of the record in the profile's order of precedence, between its fixed lines.
RECIPIENTS = {
    "state": ["- Thường trực Tỉnh ủy (b/c);", "- Chủ tịch, các PCT UBND tỉnh;", "- Sở Khoa học và Công nghệ;",
              "- Sở Tài chính;", "- Sở Nội vụ;", "- UBND các xã, phường;", "- Lưu: VT, TH."],
    "party": ["- Các đồng chí Ủy viên Ban Thường vụ,", "- Ban cán sự đảng UBND tỉnh,",
              "- Ban Tuyên giáo và Dân vận Tỉnh ủy,", "- Văn phòng Tỉnh ủy,", "- Các huyện ủy, thành ủy,",
              "- Lưu Văn phòng."],
}


@both
@every_case
def test_recipients_name_every_addressee_once_in_order_of_precedence(exported, case: str, fmt: str) -> None:
    source = CASES[case][0]
    lines = [line.strip() for line in (
        pdf_body(exported[case, fmt]) if fmt == "pdf" else docx_text(exported[case, fmt])
    ).splitlines()]
    start = next(i for i, line in enumerate(lines) if line.startswith("Nơi nhận:"))
    recipients = [line for line in lines[start + 1:] if line.startswith("- ")]
    # In the PDF the signature stands beside the recipients, on the same lines.
    recipients = [re.split(r"\s{3,}", line)[0] for line in recipients]
    assert recipients == RECIPIENTS["party" if case == "party" else "state"]
    # Every addressee of the record is there, once.
    for addressee in {d["addressee"] for d in load(source)["directives"]}:
        assert [line[2:-1] for line in recipients].count(addressee) == 1


@both
def test_a_cuoc_hop_is_never_called_hoi_nghi(exported, fmt: str) -> None:
    text = read_back(exported["party", fmt])
    assert load(PARTY)["title"].startswith("Cuộc họp")
    assert "Hội nghị" not in text and "HỘI NGHỊ" not in text and "hội nghị" not in text
    assert "tại cuộc họp Ban Thường vụ Tỉnh ủy" in text.replace("TẠI", "tại")


@every_case
def test_pdf_is_a4_with_fonts_embedded_and_the_end_on_one_page(exported, case: str) -> None:
    path = exported[case, "pdf"]
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Page size:\s+595\.2\d* x 841\.8\d* pts \(A4\)", info)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = fonts.splitlines()[2:]
    assert rows and all(" yes " in re.sub(r"\s+", "  ", row) for row in rows)
    signature = CASES[case][3]
    pages = pdf_pages(path)
    [end] = [page for page in pages if "biết, thực hiện./." in flat(page)]
    assert all(line in end for line in signature) and "Nơi nhận:" in end
    # 'Nơi nhận:' level with the signer's authority (Decree 30).
    assert any("Nơi nhận:" in line and signature[0] in line for line in end.splitlines())


@every_case
def test_docx_is_a4_with_the_margins_of_the_profile_and_times_new_roman_in_every_slot(exported, case: str) -> None:
    path = exported[case, "docx"]
    profile = load_profile(CASES[case][1])
    section = open_docx(str(path)).sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    for side in ("top", "bottom", "left", "right"):
        assert abs(getattr(section, f"{side}_margin") - Mm(getattr(profile.page, f"margin_{side}_mm"))) < Mm(0.1)
    if case != "party":  # Decree 30: top and bottom 20–25 mm, left 30–35, right 15–20
        assert (profile.page.margin_top_mm, profile.page.margin_left_mm, profile.page.margin_right_mm) == (20, 30, 15)
    with zipfile.ZipFile(path) as archive:
        xml = archive.read("word/document.xml").decode() + archive.read("word/styles.xml").decode()
    fonts = re.findall(r"<w:rFonts ([^>]*)/>", xml)
    assert fonts
    for attributes in fonts:
        slots = dict(re.findall(r'w:(\w+)="([^"]*)"', attributes))
        assert slots == {s: "Times New Roman" for s in ("ascii", "hAnsi", "cs", "eastAsia")}, attributes


def test_the_dateline_is_italic_and_beside_the_number() -> None:
    meeting = read_meeting_file(EXAMPLE)
    document = compose_notice(meeting, notice_profile(meeting))
    profile = load_profile(document.profile)
    assert profile.style("dateline").italic
    texts = [flat(block.text.replace("\u00a0", " ")) for row in document.blocks[1].cells  # type: ignore[attr-defined]
             for block in row]
    assert texts == ["Số: /TB-VP", "Minh Sơn, ngày tháng năm 2026"]


def _without_directives(tmp_path: Path) -> Path:
    document = load(EXAMPLE)
    document["directives"] = []
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    for item in (EXAMPLE.parent / "photos").iterdir():
        (tmp_path / "photos").mkdir(exist_ok=True)
        (tmp_path / "photos" / item.name).write_bytes(item.read_bytes())
    return path


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_meeting_without_directives_gives_a_message_and_no_document(tmp_path: Path, fmt: str) -> None:
    meeting = read_meeting_file(_without_directives(tmp_path))
    out = tmp_path / f"out.{fmt}"
    with pytest.raises(NoDirectives, match="chưa có kết luận, chỉ đạo nào"):
        export_document(meeting, "conclusions", fmt, out)
    assert not out.exists()


def test_cli_exports_the_notice_and_explains_a_meeting_without_directives(tmp_path: Path) -> None:
    def run(source: Path, out: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "minutes_app", "export", str(source), "--document", "conclusions",
             "--format", out.suffix[1:], "-o", str(out), "--db", f"sqlite:///{tmp_path / 'a.sqlite3'}"],
            capture_output=True, text=True, encoding="utf-8", timeout=120,
        )

    out = tmp_path / "thong-bao.docx"
    result = run(PARTY, out)
    assert (result.returncode, result.stderr) == (0, "")
    assert "Số -TB/TU" in flat(docx_text(out).replace("\u00a0", " "))
    empty = run(_without_directives(tmp_path), tmp_path / "none.pdf")
    assert empty.returncode == 1 and "chưa có kết luận, chỉ đạo nào" in empty.stderr
    assert "Traceback" not in empty.stderr and not (tmp_path / "none.pdf").exists()


def test_drafting_joins_an_addressee_s_tasks_and_names_each_once(tmp_path: Path) -> None:
    meeting = read_meeting_file(PARTY)
    blocks = draft_notice(meeting, notice_profile(meeting))
    text = "\n\n".join(b.text for b in blocks if b.kind == "paragraph")
    # Two directives to one body make one item with a line per task.
    assert "1. Giao Ban cán sự đảng UBND tỉnh:\n\n- lãnh đạo, chỉ đạo" in text
    assert text.count("Ban cán sự đảng UBND tỉnh") == 1
    # A body that leads is the subject; a plural after 'Giao' is not a name.
    assert "2. Ban Tuyên giáo và Dân vận Tỉnh ủy chủ trì, phối hợp" in text
    assert "4. Giao các huyện ủy, thành ủy lãnh đạo" in text
    [recipients] = [b.text for b in blocks if b.kind == "recipients"]
    assert recipients.splitlines().count("- Ban cán sự đảng UBND tỉnh,") == 1


def test_precedence_orders_by_the_first_matching_beginning() -> None:
    names = ["UBND các xã", "Sở Tài chính", "Công an tỉnh", "Ban Dân tộc", "Trường Chính trị", "Sở Y tế"]
    order = ("Ban", "Sở", "Công an", "UBND")
    assert precedence(names, order) == ["Ban Dân tộc", "Sở Tài chính", "Sở Y tế", "Công an tỉnh", "UBND các xã",
                                        "Trường Chính trị"]
    # 'Ban' is a beginning only as a whole word.
    assert precedence(["Bang A", "Ban B"], ("Ban",)) == ["Ban B", "Bang A"]


def test_an_edited_notice_is_exported_as_edited_and_travels_in_the_meeting_file(archive, tmp_path: Path) -> None:
    meeting = read_meeting_file(EXAMPLE)
    profile = notice_profile(meeting, "conclusions-state-authority")
    blocks = draft_notice(meeting, profile)
    edited = [NoticeBlock(b.kind, "Số: 127/TB-UBND") if b.kind == "number" else b for b in blocks]
    edited.append(NoticeBlock("paragraph", "Đoạn do thư ký thêm: giữ nguyên “ngoặc kép” & <thẻ>."))
    meeting.conclusions_notice = ConclusionsNotice(profile="conclusions-state-authority", blocks=to_json(edited))
    assert current_notice(meeting, notice_profile(meeting)) == edited
    out = tmp_path / "tb.pdf"
    export_document(meeting, "conclusions", "pdf", out)
    text = read_back(out)
    assert "Số: 127/TB-UBND" in text and "Đoạn do thư ký thêm: giữ nguyên “ngoặc kép” & <thẻ>." in text
    assert "TL. CHỦ TỊCH" in text

    # Through the archive and a meeting file, and back.
    source = tmp_path / "edited.json"
    document = load(EXAMPLE)
    document["format"] = "minutes-app.meeting/2"
    document["conclusions_notice"] = {"profile": "conclusions-state-authority", "blocks": to_json(edited)}
    source.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "photos").mkdir()
    for item in (EXAMPLE.parent / "photos").iterdir():
        (tmp_path / "photos" / item.name).write_bytes(item.read_bytes())
    meeting_id = import_file(archive, source)
    dumped = tmp_path / "out" / "dump.json"
    dumped.parent.mkdir()
    dump_meeting(archive, meeting_id, dumped)
    assert load(dumped)["conclusions_notice"] == document["conclusions_notice"]
    with archive.sessions() as session:
        stored = load_meeting(session, meeting_id)
        assert current_notice(stored, notice_profile(stored)) == edited


def test_an_unknown_kind_from_a_later_version_is_read_as_a_paragraph() -> None:
    meeting = read_meeting_file(EXAMPLE)
    meeting.conclusions_notice = ConclusionsNotice(blocks=[{"kind": "table", "text": "Bảng mới"}])
    assert current_notice(meeting, notice_profile(meeting)) == [NoticeBlock("paragraph", "Bảng mới")]


def test_a_meeting_file_naming_an_unknown_form_is_explained(tmp_path: Path) -> None:
    meeting = read_meeting_file(EXAMPLE)
    meeting.conclusions_notice = ConclusionsNotice(profile="conclusions-không-có")
    with pytest.raises(ExportError, match="conclusions-không-có"):
        export_document(meeting, "conclusions", "pdf", tmp_path / "x.pdf")


def test_an_office_form_by_topic_with_a_deputy_signing(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(profiles_module, "user_profiles_dir", lambda: tmp_path)
    (tmp_path / "tb-theo-van-de.json").write_text(json.dumps({
        "extends": "conclusions-state-authority",
        "description": "Thông báo theo từng vấn đề, Phó Chánh Văn phòng ký",
        "notice": {"conclusions": "by-topic",
                   "signature": ["TL. CHỦ TỊCH", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"]},
    }, ensure_ascii=False), encoding="utf-8")
    meeting = read_meeting_file(EXAMPLE)
    out = tmp_path / "tb.pdf"
    export_document(meeting, "conclusions", "pdf", out, "tb-theo-van-de")
    text = read_back(out)
    topics = load(EXAMPLE)["topics"]
    for number, topic in enumerate(topics, start=1):
        assert f"{number}. Về {topic['title'][0].lower()}{topic['title'][1:]}" in text
    assert f"{len(topics) + 1}. Về tổ chức thực hiện: - Sở Khoa học và Công nghệ chủ trì" in text
    assert "ĐÁNH GIÁ CHUNG" not in text
    assert "TL. CHỦ TỊCH KT. CHÁNH VĂN PHÒNG PHÓ CHÁNH VĂN PHÒNG" in text


def test_without_a_chair_the_notice_names_the_organiser() -> None:
    meeting = read_meeting_file(EXAMPLE)
    meeting.chair = None
    drafted = draft_notice(meeting, notice_profile(meeting))
    blocks = {b.kind: b.text for b in reversed(drafted)}  # the first of each kind
    assert blocks["subject"] == ("Kết luận tại Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm và triển khai "
                                 "nhiệm vụ 6 tháng cuối năm 2026")
    assert "Sở Khoa học và Công nghệ tổ chức Hội nghị sơ kết" in blocks["paragraph"]
    assert [b.text for b in drafted if b.kind == "signer"] == [""]


def test_the_next_session_keeps_the_form_not_the_text(archive, example_dir: Path) -> None:
    from minutes_app.editing.meetings import duplicate_meeting

    meeting_id = import_file(archive, example_dir / "meeting.json")
    with archive.sessions.begin() as session:
        meeting = load_meeting(session, meeting_id)
        meeting.conclusions_notice = ConclusionsNotice(
            profile="conclusions-state-authority", blocks=[{"kind": "paragraph", "text": "Đã sửa."}], version=1)
    copy_id = duplicate_meeting(archive, meeting_id)
    with archive.sessions() as session:
        notice = load_meeting(session, copy_id).conclusions_notice
        assert notice is not None and (notice.profile, notice.blocks) == ("conclusions-state-authority", None)
