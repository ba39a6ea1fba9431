import os
import shutil
from pathlib import Path

import pytest

from minutes_app.archive import Archive, open_archive

DATA = Path(__file__).parent / "data"
EXAMPLE = DATA / "chuyen-doi-so" / "meeting.json"


@pytest.fixture
def example_dir(tmp_path: Path) -> Path:
    """A writable copy of the shared example (meeting.json and photos/)."""
    target = tmp_path / "example"
    shutil.copytree(EXAMPLE.parent, target)
    return target


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'archive.sqlite3'}"


@pytest.fixture
def archive(db_url: str):
    opened: Archive = open_archive(db_url)
    yield opened
    opened.close()


# Qt tests draw offscreen; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
