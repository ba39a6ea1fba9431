"""Vietnamese wording shared by the documents: dates, times, people, kinds of speech."""

from dataclasses import dataclass
from datetime import date, datetime, time

from minutes_app.model import Attendance, SpeechKind, Style

DASH = " – "  # the one form written between a name and a title (accepting ' - ' and ', ' when read)
PARTY_HONORIFIC = "Đồng chí"


def long_date(day: date) -> str:
    """'ngày 05 tháng 01 năm 2026': day < 10 and months 1 and 2 take a leading zero (Decree 30)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def clock(moment: time | datetime) -> str:
    """'08 giờ 00'."""
    return f"{moment.hour:02d} giờ {moment.minute:02d}"


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
