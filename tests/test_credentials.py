"""Server passwords live in the system keyring, never in settings or messages."""

import json
import os
import subprocess
import sys
from pathlib import Path

from minutes_app.credentials import save_password, with_password, without_password
from minutes_app.storage import create_archive_engine

SERVER = "postgresql+psycopg://thuky.lan@db.vp.local:5433/archive"


def test_the_password_comes_from_the_keyring(file_keyring: Path) -> None:
    assert with_password(SERVER) == SERVER  # nothing stored yet
    save_password(SERVER, "mật-khẩu&@:/")
    assert "thuky.lan@db.vp.local:5433/archive" in file_keyring.read_text()
    engine = create_archive_engine(SERVER)
    assert engine.url.password == "mật-khẩu&@:/"
    assert "mật-khẩu" not in str(engine.url)  # shown hidden
    engine.dispose()
    # An address that carries its own password, or a local file, is left as it is.
    own = "postgresql+psycopg://thuky.lan:khac@db.vp.local:5433/archive"
    assert with_password(own) == own
    assert with_password("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"
    assert without_password(own) == SERVER


def test_cli_stores_a_password_without_echo(tmp_path: Path) -> None:
    store = tmp_path / "keyring.json"
    environment = os.environ | {
        "MINUTES_APP_TEST_KEYRING": str(store),
        "PYTHON_KEYRING_BACKEND": "tests.keyring_backend.FileKeyring",
        "PYTHONPATH": str(Path(__file__).parent.parent),
    }
    result = subprocess.run([sys.executable, "-m", "minutes_app", "set-password", "--db", SERVER],
                            input="bí mật\nbí mật\n", capture_output=True, text=True, encoding="utf-8",
                            env=environment, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "Đã lưu mật khẩu vào kho khóa của hệ thống." in result.stdout
    assert json.loads(store.read_text(encoding="utf-8")) == {"minutes-app/thuky.lan@db.vp.local:5433/archive": "bí mật"}
    assert "bí mật" not in result.stdout + result.stderr
    mismatch = subprocess.run([sys.executable, "-m", "minutes_app", "set-password", "--db", SERVER],
                              input="một\nhai\n", capture_output=True, text=True, encoding="utf-8",
                              env=environment, timeout=60)
    assert mismatch.returncode == 1 and "không khớp" in mismatch.stderr


def test_cli_without_anyone_to_ask(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "minutes_app", "set-password", "--db", SERVER],
                            input="", capture_output=True, text=True, encoding="utf-8", timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Không có ai để hỏi mật khẩu" in result.stderr
