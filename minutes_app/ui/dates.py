"""Dates as the secretary types and reads them: day/month/year; times as Qt shows them."""

from datetime import date, datetime

from PySide6.QtCore import QDate, QDateTime, QTime


def parse_date(text: str) -> date | None:
    """'31/8/2026' -> date(2026, 8, 31); raises ValueError for anything else but blank."""
    text = text.strip()
    if not text:
        return None
    day, month, year = (int(part) for part in text.replace("-", "/").replace(".", "/").split("/"))
    return date(year, month, day)


def show_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def qt_datetime(value: datetime) -> QDateTime:
    """``value`` as Qt's date-time, to the millisecond (spelt out: the type hints of the
    PySide6 this app pins lack the conversion Qt makes itself)."""
    return QDateTime(QDate(value.year, value.month, value.day),
                     QTime(value.hour, value.minute, value.second, value.microsecond // 1000))
