"""Vietnamese wording shared by the documents: dates, times, people, kinds of speech."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from minutes_app.model import Attendance, SpeechKind, Style

DASH = " – "  # the one form written between a name and a title (accepting ' - ' and ', ' when read)
PARTY_HONORIFIC = "Đồng chí"


# What a meeting calls itself, by the first of these words its title holds, and how the
# documents name it mid-sentence: the events a title names get a capital, as in the press.
_MEETING_NOUNS = {"hội nghị": "Hội nghị", "hội thảo": "Hội thảo", "tọa đàm": "Tọa đàm", "kỳ họp": "Kỳ họp",
                  "phiên họp": "phiên họp", "cuộc họp": "cuộc họp", "họp": "cuộc họp"}
_NOUN_WORDS = re.compile(r"(?<!\w)(" + "|".join(sorted(_MEETING_NOUNS, key=len, reverse=True)) + r")(?!\w)",
                         re.IGNORECASE)
# A title typed as the minutes' own name ("Biên bản Hội nghị ...").
_DOCUMENT_TYPE = re.compile(r"^\s*biên bản\s+", re.IGNORECASE)


def meeting_noun(title: str) -> str:
    """'Hội nghị', 'Hội thảo', 'phiên họp', 'cuộc họp'...: the word the meeting's own title
    uses for it; 'cuộc họp' (the template's word) when it uses none."""
    found = _NOUN_WORDS.search(title)
    return _MEETING_NOUNS[found.group(1).lower()] if found else "cuộc họp"


def subject_line(title: str) -> str:
    """The meeting's title as a document's subject line, without a leading 'Biên bản'
    (the type name above it says so)."""
    stripped = _DOCUMENT_TYPE.sub("", title, count=1)
    return capitalize_first(stripped) if stripped else title


def long_date(day: date) -> str:
    """'ngày 05 tháng 01 năm 2026': day < 10 and months 1 and 2 take a leading zero (Decree 30)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def clock(moment: time | datetime) -> str:
    """'08 giờ 00'."""
    return f"{moment.hour:02d} giờ {moment.minute:02d}"


def duration(seconds: float) -> str:
    """'4 phút 05 giây', '45 giây', '1 giờ 02 phút 03 giây'."""
    hours, rest = divmod(round(seconds), 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours} giờ {minutes:02d} phút {secs:02d} giây"
    return f"{minutes} phút {secs:02d} giây" if minutes else f"{secs} giây"


def short_date(day: date) -> str:
    """'31/8/2026', as deadlines are written."""
    return f"{day.day}/{day.month}/{day.year}"


def day_month(day: date) -> str:
    """'10/7', as a news article dates the day."""
    return f"{day.day}/{day.month}"


def honorific(attendance: Attendance, style: str) -> str:
    """How prose addresses the person: their own honorific, else 'Đồng chí' in Party documents."""
    if attendance.honorific:
        return attendance.honorific
    return PARTY_HONORIFIC if style == Style.PARTY else ""


def titles_text(attendance: Attendance) -> str:
    """All titles, most senior first, with the organisation when the titles do not name it."""
    parts = list(attendance.titles)
    if attendance.organization and not any(attendance.organization in t for t in parts):
        parts.append(attendance.organization)
    return ", ".join(parts)


def formal_name(attendance: Attendance, style: str) -> str:
    """'Đồng chí Trần Quốc Hùng – Phó Chủ tịch UBND tỉnh, Trưởng Ban …' (prose, all titles)."""
    name = " ".join(p for p in (honorific(attendance, style), attendance.person.name) if p)
    titles = titles_text(attendance)
    return f"{name}{DASH}{titles}" if titles else name


def titled_name(attendance: Attendance, all_titles: bool = False) -> str:
    """'Phó Chủ tịch UBND tỉnh Trần Quốc Hùng' (captions and the press): title, then name."""
    titles = titles_text(attendance) if all_titles else (attendance.titles or [""])[0]
    return f"{titles} {attendance.person.name}".strip()


@dataclass(frozen=True)
class KindWording:
    verb: str  # what the speaker did, before the subject
    subject_joint: str  # between the verb and the subject
    noun: str  # heading of an unattributed speech


KINDS: dict[str, KindWording] = {
    SpeechKind.OPENING: KindWording("phát biểu khai mạc", " về ", "Khai mạc"),
    SpeechKind.REPORT: KindWording("trình bày báo cáo", " ", "Báo cáo"),
    SpeechKind.ASSESSMENT: KindWording("đánh giá", " ", "Đánh giá"),
    SpeechKind.OPINION: KindWording("tham gia ý kiến", " về ", "Ý kiến"),
    SpeechKind.CONCLUSION: KindWording("phát biểu kết luận", " về ", "Kết luận"),
    SpeechKind.OTHER: KindWording("phát biểu", " về ", "Nội dung khác"),
}


def kind_wording(kind: str) -> KindWording:
    return KINDS.get(kind, KINDS[SpeechKind.OTHER])


def paragraphs(text: str) -> list[str]:
    """The paragraphs of a text field: separated by a blank line, empty ones dropped."""
    normalized = text.replace("\r\n", "\n").replace("\r", "\n")
    return [p.strip() for p in normalized.split("\n\n") if p.strip()]


def list_item(text: str, last: bool) -> str:
    """An item of a list in a document: ';' after each, '.' after the last."""
    return text.rstrip().rstrip(".;,") + ("." if last else ";")


# Verbs a secretary's summary of an intervention usually starts with ('Đề xuất ...'):
# such a summary continues the sentence after the speaker's name.
SUMMARY_VERBS = frozenset(
    (
        "bày tỏ", "biểu dương", "bổ sung", "báo cáo", "cam kết", "chia sẻ", "cho biết", "chúc mừng",
        "chỉ đạo", "chỉ ra", "chỉ rõ", "cảm ơn", "cảnh báo", "đánh giá", "đặt vấn đề", "đề cao",
        "đề cập", "đề nghị", "đề ra", "đề xuất", "đồng tình", "đồng ý", "ghi nhận", "giao",
        "giải thích", "giải trình", "giới thiệu", "gợi ý", "hoan nghênh", "khuyến nghị", "khẳng định",
        "kiến nghị", "kêu gọi", "làm rõ", "lưu ý", "lo ngại", "mong muốn", "nêu", "nêu rõ",
        "nhấn mạnh", "nhất trí", "phân tích", "phát biểu", "phản ánh", "phản hồi", "quán triệt",
        "thông báo", "thông tin", "thống nhất", "tham gia", "tiếp thu", "trao đổi", "trình bày",
        "trả lời", "tán thành", "tập trung", "xác định", "yêu cầu", "ủng hộ",
    )
)

# Two-syllable words common in the names of bodies, titles and subject lines: a line
# never breaks inside one when it can break elsewhere ('THÔNG | TIN' is half a word).
COMPOUNDS = frozenset(
    (
        "an ninh", "an toàn", "bảo đảm", "bảo hiểm", "biên phòng", "chấp hành", "chỉ đạo", "chi bộ", "chính phủ",
        "chính trị", "chuyển đổi", "công an", "công chức", "công đoàn", "công nghệ", "công nghiệp", "công tác",
        "công thương", "cơ quan", "cuối năm", "dân tộc", "dân vận", "dịch vụ", "doanh nghiệp", "du lịch", "đại biểu",
        "đảng bộ", "đảng ủy", "đảng viên", "đào tạo", "đầu năm", "đầu tư", "đối ngoại", "đường bộ", "giáo dục",
        "giao thông", "hạ tầng", "hành chính", "hội đồng", "huyện ủy", "kế hoạch", "khoa học", "khu vực", "kiểm tra",
        "kinh tế", "lao động", "liên đoàn", "mặt trận", "môi trường", "ngân hàng", "ngoại vụ", "nhà nước", "nhân dân",
        "nhiệm vụ", "nội chính", "nội vụ", "nông dân", "nông nghiệp", "nông thôn", "phát triển", "phụ nữ", "quán triệt",
        "quản lý", "quân sự", "quốc hội", "quốc phòng", "sơ kết", "tài chính", "tài nguyên", "tăng cường", "thanh niên",
        "thanh tra", "thành phố", "thành ủy", "thể thao", "thị trấn", "thị xã", "thông tin", "thủ tướng", "thương binh",
        "thường trực", "thường vụ", "thực hiện", "tình hình", "tỉnh ủy", "tổ chức", "tổ quốc", "tôn giáo", "tổng kết",
        "trật tự", "triển khai", "trung tâm", "truyền thông", "tuyên giáo", "tư pháp", "ủy ban", "văn hóa", "văn phòng",
        "vận tải", "viên chức", "xã hội", "xây dựng", "y tế",
    )
)

# Names of bodies and offices that are proper nouns though the next word is in lower case.
_PROPER_HEADS = ("Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy", "Chính phủ", "Quốc hội", "Nhà nước",
                 "Thủ tướng", "Bộ trưởng", "Trung ương", "Hội đồng nhân dân", "Ủy ban nhân dân")


def starts_with_verb(text: str) -> bool:
    words = text.split()
    heads = {" ".join(words[:n]).casefold().strip(",;:.") for n in (1, 2, 3)}
    return bool(heads & SUMMARY_VERBS)


def starts_with_proper_noun(text: str) -> bool:
    """Whether the text opens with a name ('Sở Tài chính', 'UBND tỉnh', 'Tỉnh ủy')."""
    words = text.split()
    if not words:
        return False
    first = words[0].strip("“\"'(")
    if len(first) > 1 and first.isupper():  # UBND, HĐND, VNPT
        return True
    if text.startswith(_PROPER_HEADS):
        return True
    # A capital on the second word marks a name: 'Sở Tài chính', 'Báo Đắk Lắk'.
    return len(words) > 1 and first[:1].isupper() and words[1][:1].isupper()


def continue_sentence(text: str) -> str:
    """``text`` written to continue a sentence: the first letter in lower case, unless it
    begins a proper noun. Numbers, quotes and the rest are kept as typed."""
    if not text or starts_with_proper_noun(text) or not text[0].isupper():
        return text
    return text[0].lower() + text[1:]


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """``text`` ending with a full stop (or the '?'/'!'/'…' it already has)."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!", "…")) else text.rstrip(",;:") + "."
