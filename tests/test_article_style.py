"""The news article reads like the province's news desk wrote it, on records of four kinds."""

import json
import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document as open_docx

from minutes_app.documents import export_document
from minutes_app.documents.abbreviations import AbbreviationsError, load_abbreviations, user_abbreviations_file
from minutes_app.documents.article_draft import LONG_ARTICLE, ArticleBlock, draft_article
from minutes_app.documents.wording import opening_words, sentences, starts_with_verb, titles_text
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.model import Meeting
from tests import article_records as records
from tests.helpers import flat, pdf_body, picture

KINDS = ("PARTY_CONFERENCE", "STATE_CONFERENCE", "SMALL_MEETING", "long_meeting")


def record(name: str) -> dict[str, Any]:
    found = getattr(records, name)
    return json.loads(json.dumps(found() if callable(found) else found))  # a copy the test may change


def meeting_of(folder: Path, document: dict[str, Any]) -> Meeting:
    for photo in document.get("photos", []):
        (folder / photo["file"]).write_bytes(picture())
    path = folder / "meeting.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return read_meeting_file(path)


def drafted(folder: Path, name: str) -> tuple[Meeting, list[ArticleBlock]]:
    """The record ``name`` read from a file in a folder of its own, and its draft."""
    (folder / name).mkdir(exist_ok=True)
    meeting = meeting_of(folder / name, record(name))
    return meeting, draft_article(meeting)


def texts(blocks: list[ArticleBlock], *kinds: str) -> list[str]:
    return [b.text for b in blocks if b.kind in kinds]


def running(blocks: list[ArticleBlock]) -> str:
    return "\n".join(texts(blocks, "lead", "paragraph"))


# --- every record ----------------------------------------------------------------------


@pytest.mark.parametrize("name", KINDS)
def test_no_two_paragraphs_in_a_row_open_alike(tmp_path: Path, name: str) -> None:
    _meeting, blocks = drafted(tmp_path, name)
    paragraphs = texts(blocks, "lead", "paragraph")
    assert len(paragraphs) >= 5
    for before, after in zip(paragraphs, paragraphs[1:], strict=False):
        assert opening_words(before) != opening_words(after), (before, after)


@pytest.mark.parametrize("name", KINDS)
def test_no_abbreviation_loses_its_capital(tmp_path: Path, name: str) -> None:
    _meeting, blocks = drafted(tmp_path, name)
    assert not re.findall(r"(?<!\w)[a-zđ][A-ZĐ]{2,}", "\n".join(b.text for b in blocks))  # 'uBND'


@pytest.mark.parametrize("name", KINDS)
def test_cho_biet_is_never_followed_by_a_verb_of_speaking(tmp_path: Path, name: str) -> None:
    _meeting, blocks = drafted(tmp_path, name)
    said = re.findall(r"cho biết, (.{0,40})", running(blocks))
    assert said  # the records do report what people said
    assert not [s for s in said if starts_with_verb(s)]


@pytest.mark.parametrize("name", KINDS)
def test_each_person_is_named_once_with_all_their_titles(tmp_path: Path, name: str) -> None:
    meeting, blocks = drafted(tmp_path, name)
    text = running(blocks)
    for attendance in meeting.attendances:
        full = titles_text(attendance)
        if attendance.person.name not in text:
            continue
        assert text.count(attendance.person.name) >= 1
        if len(attendance.titles) > 1:  # one title reads the same in full and short
            assert text.count(full) == 1, attendance.person.name


# --- 1. who attended ---------------------------------------------------------------------


def test_the_lead_names_the_groups_and_the_guest_of_honour(tmp_path: Path) -> None:
    _meeting, blocks = drafted(tmp_path, "PARTY_CONFERENCE")
    assert blocks[1].text == (
        "Sáng 14/7, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị sơ kết công tác xây dựng Đảng 6 tháng đầu năm 2026. "
        "Đồng chí Hoàng Văn Sơn – Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy chủ trì Hội nghị cùng các ủy viên "
        "Ban Thường vụ Tỉnh ủy. Tham dự Hội nghị có đồng chí Nguyễn Thị Bích – Phó Trưởng Ban Tổ chức Trung "
        "ương; các ủy viên Ban Chấp hành Đảng bộ tỉnh và bí thư các huyện ủy."
    )
    # Named in full in the lead, the guest is named short when she speaks.
    assert "Tham gia ý kiến tại Hội nghị, đồng chí Nguyễn Thị Bích ghi nhận" in running(blocks)


def test_the_lead_of_a_state_conference_and_of_a_small_meeting(tmp_path: Path) -> None:
    _meeting, state = drafted(tmp_path, "STATE_CONFERENCE")
    assert state[1].text.endswith(
        "Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh, Trưởng Ban An toàn giao thông tỉnh Lê Văn An chủ trì Hội nghị. "
        "Tham dự Hội nghị có lãnh đạo các sở, ngành và đại diện UBND các huyện, thành phố."
    )
    _meeting, small = drafted(tmp_path, "SMALL_MEETING")
    # A few attendees of no group are named, each with all their titles.
    assert small[1].text.endswith(
        "Chánh Văn phòng Sở Nội vụ Ngô Văn Hải chủ trì cuộc họp. Tham dự cuộc họp có Phó Chánh Văn phòng, Phụ "
        "trách công tác văn thư Lý Thị Hoa; Chuyên viên Đào Minh Tú."
    )
    assert texts(small, "paragraph")[0].startswith("Báo cáo tại cuộc họp, Phó Chánh Văn phòng Lý Thị Hoa cho biết")


# --- 2. grammar at the joins -------------------------------------------------------------


def test_addressees_in_lower_case_mid_sentence_names_keep_their_capitals(tmp_path: Path) -> None:
    _meeting, blocks = drafted(tmp_path, "STATE_CONFERENCE")
    text = running(blocks)
    assert "đề nghị các sở, ngành tăng cường tuyên truyền" in text  # 'Các Sở, ngành' in the record
    assert "Trước mắt, Sở Giao thông vận tải rà soát" in text
    assert "; UBND huyện Nam Đàn hoàn thành lắp đặt camera" in text
    assert "Trong đó, Công an tỉnh mở đợt cao điểm" in text
    # A summary naming a district continues the sentence: 'huyện Nam Đàn', not 'Huyện'.
    assert "Hồ Thị Lam cho biết, huyện Nam Đàn đã lắp 14 camera" in text
    _meeting, party = drafted(tmp_path, "PARTY_CONFERENCE")
    text = running(party)
    assert "đề nghị các ban xây dựng Đảng của Tỉnh ủy tham mưu" in text  # 'Các Ban xây dựng Đảng'
    assert "; thành viên Ban Chỉ đạo kiểm tra việc thực hiện" in text  # 'Thành viên Ban Chỉ đạo'


def test_a_summary_that_says_trinh_bay_is_not_told_after_cho_biet(tmp_path: Path) -> None:
    _meeting, blocks = drafted(tmp_path, "STATE_CONFERENCE")
    paragraphs = texts(blocks, "paragraph")
    # Two reports in a row: the second does not open 'Báo cáo tại Hội nghị' again.
    assert paragraphs[1].startswith("Báo cáo tại Hội nghị, Giám đốc Sở Giao thông vận tải Trần Hữu Phúc cho biết, năm")
    assert paragraphs[2] == (
        "Cũng tại Hội nghị, Phó Giám đốc Công an tỉnh Nguyễn Đức Thắng trình bày dự thảo kế hoạch cao điểm bảo "
        "đảm TTATGT dịp Lễ hội; đề nghị bổ sung lực lượng tuần tra ban đêm."
    )


# --- 3. full titles once, captions with the title of the moment ---------------------------


def test_later_mentions_are_short_and_captions_use_the_office_held(tmp_path: Path) -> None:
    _meeting, blocks = drafted(tmp_path, "PARTY_CONFERENCE")
    text = running(blocks)
    assert "Đồng chí Lê Văn An – Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh đề nghị gắn" in text
    assert "\nĐồng chí Lê Văn An bổ sung chỉ tiêu số hóa" in text  # his second speech
    assert "Phát biểu kết luận Hội nghị, đồng chí Hoàng Văn Sơn ghi nhận" in text
    assert texts(blocks, "photo") == [
        "Quang cảnh Hội nghị",
        "Phó Chủ tịch UBND tỉnh Lê Văn An tham gia ý kiến tại Hội nghị",  # not 'Tỉnh ủy viên …'
        "Phó Trưởng Ban Tổ chức Trung ương Nguyễn Thị Bích tham gia ý kiến tại Hội nghị",
        "Bí thư Tỉnh ủy Hoàng Văn Sơn phát biểu kết luận Hội nghị",  # not 'Ủy viên Trung ương Đảng …'
    ]
    _meeting, state = drafted(tmp_path, "STATE_CONFERENCE")
    assert "Phó Chủ tịch UBND tỉnh Lê Văn An phát biểu kết luận Hội nghị" in texts(state, "photo")


# --- 4. the conclusion ---------------------------------------------------------------------


def conclusion(blocks: list[ArticleBlock]) -> list[str]:
    paragraphs = texts(blocks, "paragraph")
    start = next(i for i, p in enumerate(paragraphs) if p.startswith(("Phát biểu kết luận", "Kết luận")))
    return paragraphs[start:]


def test_the_conclusion_is_several_sentences_with_connectives(tmp_path: Path) -> None:
    _meeting, blocks = drafted(tmp_path, "STATE_CONFERENCE")
    said = [s for p in conclusion(blocks) for s in sentences(p)]
    assert said == [
        "Phát biểu kết luận Hội nghị, Phó Chủ tịch UBND tỉnh Lê Văn An ghi nhận kết quả năm 2025.",
        "Trong thời gian tới, Phó Chủ tịch UBND tỉnh yêu cầu các cấp, các ngành quyết liệt kiềm chế tai nạn "
        "giao thông, giảm từ 5% đến 10% trên cả 3 tiêu chí.",
        "“Không để xảy ra tai nạn giao thông đặc biệt nghiêm trọng trong dịp Lễ hội,” Phó Chủ tịch UBND tỉnh "
        "Lê Văn An nhấn mạnh.",
        "Đồng thời, Phó Chủ tịch UBND tỉnh đề nghị các sở, ngành tăng cường tuyên truyền về TTATGT.",
        "Trong đó, Công an tỉnh mở đợt cao điểm xử lý vi phạm nồng độ cồn.",
        "Trước mắt, Sở Giao thông vận tải rà soát, xử lý các điểm đen trước ngày 31/3/2026; UBND huyện Nam Đàn "
        "hoàn thành lắp đặt camera tại các nút giao trước ngày 30/4/2026.",
    ]


def test_the_long_conclusion_keeps_every_task_and_deadline(tmp_path: Path) -> None:
    meeting, blocks = drafted(tmp_path, "long_meeting")
    tasks = conclusion(blocks)[-1]
    assert tasks.startswith("Trong đó, Sở Y tế chủ động rà soát")
    assert "Trước mắt, Sở Giáo dục và Đào tạo chủ động rà soát" in tasks
    for directive in meeting.directives:
        deadline = f" trước ngày {directive.deadline.day}/{directive.deadline.month}/2027" if directive.deadline else ""
        assert f"{directive.addressee} {directive.content}{deadline}" in tasks


# --- 5. quotes -------------------------------------------------------------------------------


def test_a_quote_is_quoted_and_the_summary_shortened_around_it(tmp_path: Path) -> None:
    _meeting, blocks = drafted(tmp_path, "PARTY_CONFERENCE")
    paragraph = next(p for p in texts(blocks, "paragraph") if "Lê Văn An – " in p)
    assert paragraph == (
        "Đồng chí Lê Văn An – Tỉnh ủy viên, Phó Chủ tịch UBND tỉnh đề nghị gắn công tác xây dựng Đảng với cải "
        "cách hành chính (CCHC). Các cấp ủy cần kiểm tra thường xuyên. “Phải coi cải cách hành chính là khâu "
        "đột phá của cả nhiệm kỳ,” đồng chí Lê Văn An nhấn mạnh."
    )
    # The summary's sentence that said the same, not in the speaker's words, is left out.
    assert running(blocks).count("khâu đột phá") == 1


def test_a_quote_without_a_summary(tmp_path: Path) -> None:
    document = record("SMALL_MEETING")
    document["speeches"][1] |= {"summary": "", "quote": "Số hóa xong trong năm nay!"}
    paragraphs = texts(draft_article(meeting_of(tmp_path, document)), "paragraph")
    assert "“Số hóa xong trong năm nay!” Chuyên viên Đào Minh Tú nhấn mạnh." in paragraphs


# --- 6. abbreviations --------------------------------------------------------------------------


def test_abbreviations_spelled_out_and_introduced_once_then_short(tmp_path: Path) -> None:
    _meeting, blocks = drafted(tmp_path, "STATE_CONFERENCE")
    text = running(blocks)
    assert text.count("trật tự an toàn giao thông (TTATGT)") == 1
    assert text.count("trật tự an toàn giao thông") == 1
    assert text.count("TTATGT") == 5
    # The headline comes before the term is introduced: spelled out.
    assert blocks[0].text == "Triển khai nhiệm vụ bảo đảm trật tự an toàn giao thông năm 2026"
    # UBND, known to every reader, is short from the first mention; 'Ủy ban nhân dân' never appears.
    assert "Ủy ban nhân dân" not in text and "(UBND)" not in text
    _meeting, party = drafted(tmp_path, "PARTY_CONFERENCE")
    text = running(party)
    # The term inside the quote stays as the speaker said it.
    assert "(CCHC)" in text and "“Phải coi cải cách hành chính là" in text
    assert "hướng dẫn cụ thể về CCHC trong các cơ quan đảng" in text


def test_an_office_extends_and_trims_the_list(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    built_in = {a.short for a in load_abbreviations()}
    assert {"UBND", "HĐND", "MTTQ", "TTATGT", "KT-XH", "CCHC"} <= built_in
    user_abbreviations_file().parent.mkdir(parents=True)
    user_abbreviations_file().write_text(json.dumps({"abbreviations": [
        {"short": "TNGT", "long": "tai nạn giao thông"}, {"short": "TTATGT", "remove": True},
        {"short": "ATGT", "remove": True},
    ]}, ensure_ascii=False), encoding="utf-8")
    _meeting, blocks = drafted(tmp_path, "STATE_CONFERENCE")
    text = running(blocks)
    assert "ATGT" not in text and text.count("trật tự an toàn giao thông") == 5
    assert text.count("tai nạn giao thông (TNGT)") == 1 and "kiềm chế TNGT" in text
    # The quote keeps the speaker's words.
    assert "“Không để xảy ra tai nạn giao thông đặc biệt nghiêm trọng" in text

    user_abbreviations_file().write_text('{"abbreviations": [{"short": "X"}]}', encoding="utf-8")
    with pytest.raises(AbbreviationsError, match="mục “X” thiếu “long”"):
        draft_article(read_meeting_file(tmp_path / "STATE_CONFERENCE" / "meeting.json"))


# --- 7. sub-headings ------------------------------------------------------------------------------


def test_a_long_article_has_sub_headings_a_short_one_none(tmp_path: Path) -> None:
    _meeting, blocks = drafted(tmp_path, "long_meeting")
    assert sum(len(t) for t in texts(blocks, "paragraph")) > LONG_ARTICLE
    kinds = [b.kind for b in blocks]
    headings = texts(blocks, "subheading")
    assert headings == [
        "Giải ngân vốn đầu tư công và tháo gỡ vướng mắc về giải phóng mặt bằng",  # the first topic
        "Tập trung hoàn thành toàn diện các mục tiêu phát triển KT-XH năm 2027",  # the conclusion's task
    ]
    # Before the discussion (after the report) and before the conclusion.
    first, second = (i for i, k in enumerate(kinds) if k == "subheading")
    assert blocks[first + 1].text.startswith("Tại Hội nghị, các đại biểu đã tập trung thảo luận")
    assert blocks[second + 1].text.startswith("Phát biểu kết luận Hội nghị")
    for name in KINDS[:3]:
        assert "subheading" not in [b.kind for b in drafted(tmp_path, name)[1]]


# --- 8. background ----------------------------------------------------------------------------------


def test_the_background_paragraph_follows_the_lead(tmp_path: Path) -> None:
    _meeting, blocks = drafted(tmp_path, "STATE_CONFERENCE")
    assert blocks[2] == ArticleBlock("paragraph", "Năm 2026 là năm đầu thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần "
                                                  "thứ XX về phát triển kết cấu hạ tầng giao thông.")
    assert blocks[3].kind == "photo"


# --- the exports -------------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_exports_print_the_sub_headings_in_bold_in_their_place(tmp_path: Path, fmt: str) -> None:
    meeting, blocks = drafted(tmp_path, "long_meeting")
    path = tmp_path / f"tin-bai.{fmt}"
    export_document(meeting, "press-release", fmt, path)
    headings = texts(blocks, "subheading")
    if fmt == "docx":
        paragraphs = [p for p in open_docx(str(path)).paragraphs if p.text]
        assert [p.text for p in paragraphs] == [b.text for b in blocks]  # no photos in this record
        for paragraph in paragraphs:
            bold = all(run.bold for run in paragraph.runs)
            assert bold == (paragraph.text in headings or paragraph.text in texts(blocks, "headline", "lead", "byline"))
        return
    text = flat(pdf_body(path, mode="-raw"))
    position = 0
    for block in blocks:
        found = text.find(flat(block.text), position)
        assert found >= 0, block
        position = found


def test_speeches_with_pieces_missing(tmp_path: Path) -> None:
    document = record("SMALL_MEETING")
    document["speeches"] = [
        {"kind": "report", "subject": "kết quả công tác văn thư tháng 8", "summary": ""},
        {"kind": "opinion", "summary": "", "quote": "Phải số hóa ngay"},  # a speaker nobody listed
        {"speaker": "a", "kind": "conclusion", "summary": ""},
    ]
    assert texts(draft_article(meeting_of(tmp_path, document)), "paragraph") == [
        "Tại cuộc họp, báo cáo kết quả công tác văn thư tháng 8 đã được trình bày.",
        "“Phải số hóa ngay,” đại biểu nhấn mạnh.",
        "Phát biểu kết luận cuộc họp, Chánh Văn phòng Sở Nội vụ Ngô Văn Hải đề nghị bộ phận văn thư lập kế hoạch "
        "số hóa trước ngày 30/9/2026.",
    ]


def test_a_blank_line_typed_in_a_directive_does_not_split_its_paragraph(tmp_path: Path) -> None:
    document = record("SMALL_MEETING")
    document["directives"][0]["content"] = "lập kế hoạch số hóa,\n\ntrình Chánh Văn phòng"
    paragraphs = texts(draft_article(meeting_of(tmp_path, document)), "paragraph")
    assert paragraphs[-1] == ("Trước mắt, Chánh Văn phòng Sở Nội vụ đề nghị bộ phận văn thư lập kế hoạch số hóa, trình "
                              "Chánh Văn phòng trước ngày 30/9/2026.")
