"""Line breaks decided once for both renderers: what never breaks, where balanced lines break."""

from minutes_app.documents import fonts, lines
from minutes_app.documents.blocks import Run
from minutes_app.documents.profiles import load_profile

NBSP = "\u00a0"


def test_times_dates_and_numbers_are_bound() -> None:
    assert lines.bind("vào 15 giờ 00, ngày 07 tháng 10 năm 2021./.") == (
        f"vào 15{NBSP}giờ{NBSP}00, ngày{NBSP}07{NBSP}tháng{NBSP}10{NBSP}năm{NBSP}2021./.")
    assert lines.bind("trước ngày 31/8/2026 và Số: 05/BB") == f"trước ngày{NBSP}31/8/2026 và Số:{NBSP}05/BB"
    assert lines.bind("vào ..... giờ ....., ngày ..... tháng ..... năm .........") == (
        f"vào .....{NBSP}giờ{NBSP}....., ngày{NBSP}.....{NBSP}tháng{NBSP}.....{NBSP}năm{NBSP}.........")
    assert lines.bind("Số lượng 5 giờ học") == "Số lượng 5 giờ học"  # no unit here


def _balanced(text: str, style: str, profile: str = "state", share: float | None = None) -> list[str]:
    loaded = load_profile(profile)
    width = loaded.page.text_width_pt * (share if share is not None else loaded.header.left_width)
    runs = lines.printed_runs((Run(lines.bind(text)),), loaded.style(style), fonts.serif_for(text), width)
    return "".join(run.text for run in runs).replace(NBSP, " ").split("\n")


def test_organ_names_break_between_words_and_before_va() -> None:
    assert _balanced("Sở Thông tin và Truyền thông", "organ") == ["SỞ THÔNG TIN", "VÀ TRUYỀN THÔNG"]
    assert _balanced("Đảng ủy Sở Thông tin và Truyền thông", "organ", "party") == [
        "ĐẢNG ỦY SỞ THÔNG TIN", "VÀ TRUYỀN THÔNG"]
    assert _balanced("Ban Chỉ đạo công tác thông tin đối ngoại tỉnh", "organ", "party") == [
        "BAN CHỈ ĐẠO CÔNG TÁC", "THÔNG TIN ĐỐI NGOẠI TỈNH"]
    assert _balanced("Sở Lao động - Thương binh và Xã hội", "organ") == ["SỞ LAO ĐỘNG - THƯƠNG BINH", "VÀ XÃ HỘI"]
    assert _balanced("Đảng bộ Khối các cơ quan tỉnh", "parent", "party") == ["ĐẢNG BỘ KHỐI", "CÁC CƠ QUAN TỈNH"]
    assert _balanced("Sở Khoa học và Công nghệ", "organ") == ["SỞ KHOA HỌC VÀ CÔNG NGHỆ"]


def test_subject_lines_are_balanced_with_no_word_alone() -> None:
    subject = ("Hội nghị trực tuyến quán triệt triển khai thực hiện Chỉ thị số 10/CT-TTg ngày 19/4/2023 của Thủ "
               "tướng Chính phủ về tăng cường công tác bảo đảm trật tự an toàn giao thông đường bộ trong tình hình mới")
    balanced = _balanced(subject, "subject", share=1)
    assert len(balanced) == 3 and " ".join(balanced) == subject
    assert balanced[2].startswith("bảo đảm")  # not 'bảo | đảm'
    widths = [fonts.text_width(line, 14, fonts.serif_for(line).bold) for line in balanced]
    assert min(widths) / max(widths) > 0.8
    assert _balanced("Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm và triển khai nhiệm vụ 6 tháng "
                     "cuối năm 2026", "subject", share=1) == [
        "Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm", "và triển khai nhiệm vụ 6 tháng cuối năm 2026"]


def test_a_word_longer_than_the_line_and_a_thousand_characters() -> None:
    assert _balanced("Hộinghị" * 40 + " ngắn", "organ") == ["HỘINGHỊ" * 40, "NGẮN"]
    long_subject = " ".join(["Triển khai nhiệm vụ chuyển đổi số tại các xã vùng sâu"] * 20)[:1000]
    balanced = _balanced(long_subject, "subject", share=1)
    assert " ".join(balanced) == long_subject and len(balanced) > 5
    widths = [fonts.text_width(line, 14, fonts.serif_for(line).bold) for line in balanced]
    assert min(widths) / max(widths) > 0.8
