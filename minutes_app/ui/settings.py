"""What the window remembers between sessions (QSettings): language, folders, phrases,
geometry, the archive's address and the user's name (never a password: see credentials)."""

import json
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from minutes_app import APP_ID
from minutes_app.credentials import login_name, without_password
from minutes_app.i18n import DEFAULT_LANGUAGE, LANGUAGES
from minutes_app.tasks import DUE_SOON_DAYS


@dataclass(frozen=True)
class QuickPhrase:
    shortcut: str  # a QKeySequence in portable text, e.g. "Ctrl+1"
    text: str


DEFAULT_PHRASES = (
    QuickPhrase("Ctrl+1", "thống nhất với báo cáo"),
    QuickPhrase("Ctrl+2", "đề nghị"),
    QuickPhrase("Ctrl+3", "tham gia ý kiến"),
)


MAX_DUE_SOON_DAYS = 90


class Settings:
    def __init__(self, settings: QSettings | None = None) -> None:
        self.qsettings = settings or QSettings(APP_ID, APP_ID)

    @property
    def language(self) -> str:
        value = str(self.qsettings.value("language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("language", value)

    @property
    def last_folder(self) -> Path:
        return Path(str(self.qsettings.value("last_folder", str(Path.home()))))

    @last_folder.setter
    def last_folder(self, folder: Path) -> None:
        self.qsettings.setValue("last_folder", str(folder))

    @property
    def quick_phrases(self) -> list[QuickPhrase]:
        stored = self.qsettings.value("quick_phrases")
        if not stored:
            return list(DEFAULT_PHRASES)
        try:
            return [QuickPhrase(str(p["shortcut"]), str(p["text"])) for p in json.loads(str(stored))]
        except (ValueError, KeyError, TypeError):
            return list(DEFAULT_PHRASES)

    @quick_phrases.setter
    def quick_phrases(self, phrases: list[QuickPhrase]) -> None:
        data = [{"shortcut": p.shortcut, "text": p.text} for p in phrases]
        self.qsettings.setValue("quick_phrases", json.dumps(data, ensure_ascii=False))

    @property
    def archive_url(self) -> str:
        """The archive to open ('' for the file in the user's data folder)."""
        return str(self.qsettings.value("archive_url", ""))

    @archive_url.setter
    def archive_url(self, url: str) -> None:
        self.qsettings.setValue("archive_url", without_password(url) if url else "")

    @property
    def copy_target(self) -> str:
        """Where 'Send to another archive' sent a meeting last (the office server)."""
        return str(self.qsettings.value("copy_target", ""))

    @copy_target.setter
    def copy_target(self, url: str) -> None:
        self.qsettings.setValue("copy_target", without_password(url))

    @property
    def user_name(self) -> str:
        """Who saves, as others see it when both change the same row."""
        return str(self.qsettings.value("user_name", "")) or login_name()

    @user_name.setter
    def user_name(self, name: str) -> None:
        self.qsettings.setValue("user_name", name.strip())

    @property
    def due_soon_days(self) -> int:
        """How many days before its deadline an open task shows as due soon."""
        try:
            days = int(str(self.qsettings.value("due_soon_days", DUE_SOON_DAYS)))
        except ValueError:
            return DUE_SOON_DAYS
        return days if 0 <= days <= MAX_DUE_SOON_DAYS else DUE_SOON_DAYS

    @due_soon_days.setter
    def due_soon_days(self, days: int) -> None:
        self.qsettings.setValue("due_soon_days", days)

    @property
    def audio_input(self) -> str:
        """The microphone to record with ('' for the system's default)."""
        return str(self.qsettings.value("audio/input", ""))

    @audio_input.setter
    def audio_input(self, name: str) -> None:
        self.qsettings.setValue("audio/input", name)

    @property
    def audio_output(self) -> str:
        """The speakers to replay on ('' for the system's default)."""
        return str(self.qsettings.value("audio/output", ""))

    @audio_output.setter
    def audio_output(self, name: str) -> None:
        self.qsettings.setValue("audio/output", name)

    def geometry(self, window: str) -> bytes | None:
        value = self.qsettings.value(f"geometry/{window}")
        return bytes(value) if value else None

    def set_geometry(self, window: str, geometry: bytes) -> None:
        self.qsettings.setValue(f"geometry/{window}", geometry)
