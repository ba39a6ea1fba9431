"""Dates as the secretary types and reads them: day/month/year."""

from datetime import date


def parse_date(text: str) -> date | None:
    """'31/8/2026' -> date(2026, 8, 31); raises ValueError for anything else but blank."""
    text = text.strip()
    if not text:
        return None
    day, month, year = (int(part) for part in text.replace("-", "/").replace(".", "/").split("/"))
    return date(year, month, day)


def show_date(value: date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""
