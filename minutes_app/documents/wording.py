"""Vietnamese wording shared by the documents: dates, times, people, kinds of speech."""

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from minutes_app.model import Attendance, SpeechKind, Style

DASH = " – "  # the one form written between a name and a title (accepting ' - ' and ', ' when read)
PARTY_HONORIFIC = "Đồng chí"
# A body's representative or an unnamed delegate, recorded as the speaker ('Đại diện Sở Y
# tế'), is written as typed: no form of address before it.
UNNAMED = ("đại diện ", "đại biểu ")


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


def meeting_phrase(title: str) -> str:
    """The meeting named mid-sentence by its title: 'Hội nghị sơ kết …', 'cuộc họp Ban
    Thường vụ …' (its noun as ``meeting_noun`` writes it); a title that does not start with
    its noun gets the noun in front ('cuộc họp giao ban …')."""
    subject = subject_line(" ".join(title.split()))
    found = _NOUN_WORDS.match(subject)
    if found:
        return _MEETING_NOUNS[found.group(1).lower()] + subject[found.end():]
    return f"{meeting_noun(title)} {continue_sentence(subject)}".rstrip()


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
    if attendance.person.name.casefold().startswith(UNNAMED):
        return ""
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


# Bodies named by one capitalised word and their level: 'Công an tỉnh', 'Thanh tra huyện'.
_ORGAN_OF_A_LEVEL = re.compile(
    r"(Công an|Thanh tra|Bưu điện|Kho bạc|Kiểm toán|Tỉnh đoàn|Huyện đoàn|Thành đoàn|Thị đoàn)"
    r"(\s+(tỉnh|huyện|thành phố|thị xã|quận|xã|phường|thị trấn|nhân dân|Nhà nước|[A-ZĐ]\w*))?(?!\w)"
)


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
    if text.startswith(_PROPER_HEADS) or _ORGAN_OF_A_LEVEL.match(text):
        return True
    # A capital on the second word marks a name: 'Sở Tài chính', 'Báo Đắk Lắk'.
    return len(words) > 1 and first[:1].isupper() and words[1][:1].isupper()


# A level of local government before its name: in lower case mid-sentence ('huyện Nam Đàn').
_LEVEL_BEFORE_NAME = re.compile(r"(Tỉnh|Huyện|Xã|Phường|Thị xã|Thị trấn|Quận|Thành phố|Thôn|Xóm|Bản|Buôn)"
                                r"\s+(?!Hồ Chí Minh)[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÍÌỈĨỊÚÙỦŨỤÝÓÒỎÕỌÉÈẺẼẸ]")


def continue_sentence(text: str) -> str:
    """``text`` written to continue a sentence: the first letter in lower case, unless it
    begins a proper noun. Numbers, quotes and the rest are kept as typed."""
    if not text or not text[0].isupper():
        return text
    if starts_with_proper_noun(text) and not _LEVEL_BEFORE_NAME.match(text):
        return text
    return text[0].lower() + text[1:]


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """``text`` ending with a full stop (or the '?'/'!'/'…' it already has)."""
    text = text.rstrip()
    return text if text.endswith((".", "?", "!", "…")) else text.rstrip(",;:") + "."


# --- the news article's own wording ----------------------------------------------------------

# Words that name bodies in general: capitalised in a list after 'Các' ('Các Sở, ngành'),
# they are common nouns and go in lower case mid-sentence ('các sở, ngành'). Followed by a
# capitalised word they begin a name ('Sở Y tế') and keep their capital.
_GENERIC_BODIES = (
    "Sở", "Ban", "Ngành", "Phòng", "Đơn vị", "Địa phương", "Huyện", "Xã", "Phường", "Thị trấn", "Thành phố",
    "Thị xã", "Quận", "Hội", "Đoàn thể", "Cơ quan", "Tổ chức", "Doanh nghiệp", "Trường", "Chi bộ", "Đảng bộ",
    "Cấp ủy", "Ủy ban", "Trung tâm", "Cục", "Chi cục", "Bộ", "Ngân hàng", "Thôn", "Bản", "Buôn", "Tổ dân phố",
)
_GENERIC_AFTER_CAC = re.compile(
    r"(?<!\w)([Cc]ác|[Nn]hững)(\s+)((?:(?:" + "|".join(_GENERIC_BODIES) + r")(?:\s*,\s*|\s+(?:và|hoặc)\s+|\s+|$))+)"
)


# Words that open a name of people or bodies in general, capitalised in a record's list but
# in lower case mid-sentence ('thành viên Ban Chỉ đạo'); any other opening is kept as typed
# ('Văn phòng Sở', 'Công đoàn Sở' are names).
_COMMON_HEADS = ("Các", "Những", "Mỗi", "Từng", "Toàn thể", "Thành viên", "Ủy viên", "Lãnh đạo", "Đại diện",
                 "Cán bộ", "Đảng viên", "Đoàn viên", "Hội viên", "Người đứng đầu", "Thủ trưởng", "Đại biểu",
                 "Bộ phận", "Tổ công tác")


def mid_sentence(text: str) -> str:
    """A name of people or bodies as it reads inside a sentence: 'Các Sở, ngành' becomes
    'các sở, ngành', 'Thành viên Ban Chỉ đạo' 'thành viên Ban Chỉ đạo'; names keep their
    capitals ('Sở Y tế', 'UBND huyện Nam Đàn', 'Văn phòng Sở')."""
    text = text.strip()

    def lower_list(found: re.Match[str]) -> str:
        listed = found.group(3)
        # The last word listed begins a name when a capitalised word follows it ('các Sở Y tế').
        joined = listed.rstrip().endswith((",", " và", " hoặc")) or not listed[-1:].isspace()
        if not joined and text[found.end():][:1].isupper():
            return found.group(1).lower() + found.group(0)[len(found.group(1)):]
        return found.group(1).lower() + found.group(2) + listed.lower()

    text = _GENERIC_AFTER_CAC.sub(lower_list, text)
    head = next((h for h in _COMMON_HEADS if re.match(re.escape(h) + r"(?!\w)", text)), None)
    office_of_many = _OFFICE_OF_MANY.match(text) and not text.split()[0].isupper()  # not 'UBND các xã'
    if head or office_of_many or _LEVEL_BEFORE_NAME.match(text):
        return text[0].lower() + text[1:]
    return text


# An office held in many bodies: 'Bí thư các huyện ủy', 'Giám đốc các sở'.
_OFFICE_OF_MANY = re.compile(r"[^\W\d]+(\s+[^\W\d]+)?\s+(các|những)\s", re.UNICODE)


# Titles that are ranks in a Party committee or an assembly rather than the office a person
# holds: a caption names the office ('Phó Chủ tịch UBND tỉnh Lê Văn An', not 'Tỉnh ủy viên …').
_RANK_TITLES = re.compile(
    r"^(Ủy viên (Bộ Chính trị|Trung ương|Ban Chấp hành|Ban Thường vụ|Ban Bí thư)|Tỉnh ủy viên|Thành ủy viên|"
    r"Huyện ủy viên|Thị ủy viên|Quận ủy viên|Đảng ủy viên|Đại biểu Quốc hội|Đại biểu HĐND|Đại biểu Hội đồng nhân dân)",
    re.IGNORECASE,
)
# Titles in the Party's own bodies: a state meeting names a person by their state office first.
_PARTY_OFFICE = re.compile(r"Đảng|Tỉnh ủy|Thành ủy|Huyện ủy|Thị ủy|Quận ủy|Chi bộ|Bí thư", re.IGNORECASE)


def fitting_title(attendance: Attendance, style: str) -> str:
    """The one title that names the person at this meeting, as captions and later mentions do:
    the first office that is not a rank ('Tỉnh ủy viên'), in a state meeting the first state
    office; with the organisation when the title does not name it ('Giám đốc' of 'Viễn thông
    Minh Sơn')."""
    titles = [t for t in attendance.titles if t.strip()]
    offices = [t for t in titles if not _RANK_TITLES.match(t)] or titles
    if style != Style.PARTY:
        offices = [t for t in offices if not _PARTY_OFFICE.search(t)] or offices
    title = offices[0] if offices else ""
    organization = (attendance.organization or "").strip()
    if title and organization and not any(organization in t for t in titles):
        title = f"{title} {organization}"
    return title


def opening_words(text: str, count: int = 2) -> tuple[str, ...]:
    """The first words of a paragraph, to tell two paragraphs that open alike."""
    return tuple(w.casefold().strip("“”\"'(,.:;–-") for w in text.split()[:count])


_SENTENCE_END = re.compile(r"[.!?…][”\"]?(?=\s+\S)")
# A full stop after these is not the end of a sentence ('TP. Vinh', 'TS. Lê Văn An').
_ABBREVIATED = frozenset(("TP.", "Tp.", "TX.", "TT.", "TS.", "ThS.", "PGS.", "GS.", "BS.", "KS.", "Q.", "P.", "St."))


def sentences(text: str) -> list[str]:
    """The sentences of a paragraph, as typed: each ends with its full stop (or '?', '!',
    '…', and a closing quotation mark), and the next begins with a capital or a number."""
    found: list[str] = []
    start = 0
    for end in _SENTENCE_END.finditer(text):
        rest = text[end.end():].lstrip()
        piece = text[start:end.end()].strip()
        if not (rest[:1].isupper() or rest[:1].isdigit() or rest[:1] in "“\"(") or piece.split()[-1] in _ABBREVIATED:
            continue
        found.append(piece)
        start = end.end()
    found.append(text[start:].strip())
    return [s for s in found if s]


def clauses(text: str) -> list[str]:
    """The parts of a sentence separated by ';' outside quotes and brackets."""
    parts: list[str] = []
    depth, start = 0, 0
    for index, char in enumerate(text):
        if char in "“(":
            depth += 1
        elif char in "”)":
            depth = max(0, depth - 1)
        elif char == '"':
            depth = 0 if depth else 1
        elif char == ";" and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip().rstrip(".") .strip() for p in parts if p.strip().rstrip(".").strip()]


def quotation(text: str) -> str:
    """A speaker's words inside quotation marks, ready for the attribution after them:
    '“Phải làm ngay,”' ('?' and '!' kept, a full stop becomes a comma)."""
    words = " ".join(text.split()).strip("“”\"' ")
    if words.endswith(("?", "!", "…")):
        return f"“{words}”"
    return f"“{words.rstrip('.,;:')},”"
