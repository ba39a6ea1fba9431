"""Vietnamese wording rules shared by the documents."""

from datetime import date, datetime, time

import pytest

from minutes_app.documents.wording import (
    clauses,
    clock,
    continue_sentence,
    list_item,
    long_date,
    meeting_noun,
    mid_sentence,
    paragraphs,
    quotation,
    sentence,
    sentences,
    short_date,
    starts_with_proper_noun,
    starts_with_verb,
    subject_line,
)


def test_dates_and_times() -> None:
    assert long_date(date(2026, 1, 5)) == "ngày 05 tháng 01 năm 2026"
    assert long_date(date(2026, 2, 28)) == "ngày 28 tháng 02 năm 2026"
    assert long_date(date(2026, 7, 10)) == "ngày 10 tháng 7 năm 2026"
    assert long_date(date(2026, 12, 9)) == "ngày 09 tháng 12 năm 2026"
    assert clock(time(8, 0)) == "08 giờ 00"
    assert clock(datetime(2026, 7, 10, 11, 15)) == "11 giờ 15"
    assert short_date(date(2026, 8, 31)) == "31/8/2026"


@pytest.mark.parametrize(
    ("summary", "verb", "continued"),
    [
        ("Đề xuất ưu tiên bố trí kinh phí", True, "đề xuất ưu tiên bố trí kinh phí"),
        ("Phản ánh khó khăn về đường truyền", True, "phản ánh khó khăn về đường truyền"),
        ("Cam kết hoàn thành phủ sóng 4G", True, "cam kết hoàn thành phủ sóng 4G"),
        ("Nêu rõ: cần làm ngay", True, "nêu rõ: cần làm ngay"),
        ("Năm 2025, các cơ quan báo chí", False, "năm 2025, các cơ quan báo chí"),
        ("Sở Tài chính sẽ bố trí", False, "Sở Tài chính sẽ bố trí"),
        ("UBND các xã đã rà soát", False, "UBND các xã đã rà soát"),
        ("Tỉnh ủy đã ban hành", False, "Tỉnh ủy đã ban hành"),
        ("Báo Đắk Lắk sẽ mở chuyên mục", False, "Báo Đắk Lắk sẽ mở chuyên mục"),
        ("Nguyễn Văn An cho rằng", False, "Nguyễn Văn An cho rằng"),
        ("6 tháng đầu năm 2026, toàn tỉnh", False, "6 tháng đầu năm 2026, toàn tỉnh"),
        ("“Chuyển đổi số” là nhiệm vụ", False, "“Chuyển đổi số” là nhiệm vụ"),
    ],
)
def test_a_summary_continues_a_sentence(summary: str, verb: bool, continued: str) -> None:
    assert starts_with_verb(summary) is verb
    assert continue_sentence(summary) == continued


def test_proper_nouns() -> None:
    assert starts_with_proper_noun("HĐND tỉnh")
    assert not starts_with_proper_noun("Hội nghị đã")
    assert not starts_with_proper_noun("")


def test_paragraphs_lists_and_sentences() -> None:
    assert paragraphs("Một.\r\n\r\nHai\ndòng.\n\n\n  \n\nBa.") == ["Một.", "Hai\ndòng.", "Ba."]
    assert list_item("- Sở Nội vụ.", last=False) == "- Sở Nội vụ;"
    assert list_item("- Sở Nội vụ;", last=True) == "- Sở Nội vụ."
    assert sentence("Đồng ý;") == "Đồng ý."
    assert sentence("Thật vậy?") == "Thật vậy?"


def test_a_representative_of_a_body_has_no_form_of_address() -> None:
    from minutes_app.documents.wording import formal_name
    from minutes_app.model import Attendance, Person

    def attendee(name: str, titles: list[str]) -> Attendance:
        return Attendance(person=Person(name=name), titles=titles)

    assert formal_name(attendee("Đại diện Sở Y tế", []), "party") == "Đại diện Sở Y tế"
    assert formal_name(attendee("Đại biểu xã Ea Tu", []), "party") == "Đại biểu xã Ea Tu"
    assert formal_name(attendee("Lê Văn Đại", ["Bí thư"]), "party") == "Đồng chí Lê Văn Đại – Bí thư"
    assert formal_name(attendee("Đại diện Sở Y tế", []), "state") == "Đại diện Sở Y tế"


@pytest.mark.parametrize(
    ("title", "noun"),
    [
        ("Hội nghị sơ kết công tác chuyển đổi số", "Hội nghị"),
        ("Biên bản Hội nghị trực tuyến quán triệt Chỉ thị số 10/CT-TTg", "Hội nghị"),
        ("HỘI THẢO KHOA HỌC về chuyển đổi số", "Hội thảo"),
        ("Phiên họp thường kỳ tháng 7 năm 2026 của Ủy ban nhân dân tỉnh", "phiên họp"),
        ("Cuộc họp Ban Thường vụ Đảng ủy Sở", "cuộc họp"),
        ("Họp giao ban công tác văn thư", "cuộc họp"),
        ("Kỳ họp thứ 10 Hội đồng nhân dân tỉnh khóa XI", "Kỳ họp"),
        ("Tọa đàm kỷ niệm 80 năm Ngày truyền thống", "Tọa đàm"),
        ("Sơ kết công tác 6 tháng đầu năm", "cuộc họp"),
        ("Giao ban công tác hội nghị khách hàng", "Hội nghị"),
    ],
)
def test_the_meeting_is_called_by_the_word_its_title_uses(title: str, noun: str) -> None:
    assert meeting_noun(title) == noun


def test_a_title_typed_as_the_minutes_name_loses_biên_bản_in_the_subject_line() -> None:
    assert subject_line("Biên bản Hội nghị trực tuyến quán triệt") == "Hội nghị trực tuyến quán triệt"
    assert subject_line("biên bản họp giao ban") == "Họp giao ban"
    assert subject_line("Biên bản") == "Biên bản"
    assert subject_line("Hội nghị tổng kết") == "Hội nghị tổng kết"


@pytest.mark.parametrize(
    ("addressee", "mid"),
    [
        ("Các Sở, ngành", "các sở, ngành"),
        ("Các Sở, ngành, địa phương", "các sở, ngành, địa phương"),
        ("Thành viên Ban Chỉ đạo", "thành viên Ban Chỉ đạo"),
        ("Bí thư các huyện ủy", "bí thư các huyện ủy"),
        ("Huyện Nam Đàn", "huyện Nam Đàn"),
        ("Sở Y tế", "Sở Y tế"),
        ("UBND huyện Nam Đàn", "UBND huyện Nam Đàn"),
        ("UBND các xã, phường", "UBND các xã, phường"),
        ("Công an tỉnh", "Công an tỉnh"),
        ("Văn phòng Sở", "Văn phòng Sở"),
        ("Công đoàn Sở", "Công đoàn Sở"),
        ("Thành phố Hồ Chí Minh", "Thành phố Hồ Chí Minh"),
        ("Ban Tổ chức Tỉnh ủy", "Ban Tổ chức Tỉnh ủy"),
    ],
)
def test_addressees_mid_sentence(addressee: str, mid: str) -> None:
    assert mid_sentence(addressee) == mid


def test_sentences_and_quotations() -> None:
    assert sentences("TP. Vinh đã làm xong. Tuy nhiên, còn chậm! “Phải làm.” 2 xã chưa làm") == [
        "TP. Vinh đã làm xong.", "Tuy nhiên, còn chậm!", "“Phải làm.”", "2 xã chưa làm"]
    assert sentences("Tỷ lệ đạt 87,5%. nhưng chưa đủ.") == ["Tỷ lệ đạt 87,5%. nhưng chưa đủ."]
    assert clauses("Đề nghị A; B (gồm C; D); “E; F”.") == ["Đề nghị A", "B (gồm C; D)", "“E; F”"]
    assert quotation("Phải làm ngay.") == "“Phải làm ngay,”"
    assert quotation("“Làm sao đây?”") == "“Làm sao đây?”"
