"""Smoke test of the Linux bundle, run by `make dist` after building it:
``python packaging/smoke_test.py dist/minutes-app``.

The bundled binary alone, in an empty home: its version, a PDF of the shared example whose
text is checked (also with no font installed at all), a new archive (migrations), a DOCX,
the PostgreSQL driver, the window drawn offscreen, the size, and the desktop install.
"""

import os
import re
import struct
import subprocess
import sys
import tempfile
import wave
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "tests" / "data" / "chuyen-doi-so" / "meeting.json"
# 150 MiB before the hall's audio; PyAV (FFmpeg's libraries, 76 MiB stripped) reads the
# phones' M4A recordings (docs/packaging.md).
MAX_MIB = 230
EXPECTED_TEXT = (
    "BIÊN BẢN",
    "UBND TỈNH MINH SƠN",
    "Trần Quốc Hùng – Phó Chủ tịch UBND tỉnh",
    "Đặng Thu Trang – Chủ tịch UBND xã Tân Phú",
    "Hội nghị sơ kết công tác chuyển đổi số",
)
WINDOW_SCRIPT = """
from PySide6.QtCore import QTimer
def check():
    print("title:", window.windowTitle())
    print("icon sizes:", len(app.windowIcon().availableSizes()))
    app.quit()
QTimer.singleShot(500, check)
"""
# A fontconfig setup that knows no font: a machine with none installed.
NO_FONTS = '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig></fontconfig>'


def run(app: Path, *args: str, env: dict[str, str], check: bool = True) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(app / "minutes-app"), *args], env=env, capture_output=True, text=True, timeout=120)
    if check and result.returncode != 0:
        raise SystemExit(f"minutes-app {' '.join(args)} failed ({result.returncode}):\n{result.stderr}")
    return result


def pdf_text(path: Path) -> str:
    text = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", text)


def check_pdf(path: Path, fonts: str) -> None:
    text = pdf_text(path)
    missing = [expected for expected in EXPECTED_TEXT if expected not in text]
    if missing:
        raise SystemExit(f"{path.name}: text not found: {missing}")
    embedded = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    if fonts not in embedded:
        raise SystemExit(f"{path.name}: {fonts} is not embedded:\n{embedded}")


def write_tone(path: Path, seconds: int) -> None:
    """A recording for the audio checks: a mono WAV of a sawtooth tone."""
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(22050)
        out.writeframes(b"".join(struct.pack("<h", (n * 300) % 20000 - 10000) for n in range(22050 * seconds)))


def wav_seconds(path: Path) -> float:
    with wave.open(str(path)) as clip:
        return clip.getnframes() / clip.getframerate()


def constant(name: str) -> str:
    """A string constant of minutes_app/__init__.py, read without importing the app."""
    return re.search(rf'^{name} = "(.+)"', (ROOT / "minutes_app" / "__init__.py").read_text(), re.M)[1]


def main(app: Path) -> None:
    version = constant("__version__")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(work / "home"),
            "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8",
        }
        (work / "home").mkdir()

        shown = run(app, "--version", env=env).stdout.strip()
        assert shown == f"minutes-app {version}", shown

        run(app, "export", str(EXAMPLE), "--document", "minutes", "--format", "pdf", "-o", str(work / "a.pdf"),
            env=env)
        check_pdf(work / "a.pdf", "LiberationSerif")
        (work / "fonts.conf").write_text(NO_FONTS)
        run(app, "export", str(EXAMPLE), "--document", "minutes", "--format", "pdf", "-o", str(work / "b.pdf"),
            env={**env, "FONTCONFIG_FILE": str(work / "fonts.conf")})
        check_pdf(work / "b.pdf", "LiberationSerif")  # the font shipped in the bundle

        archive = f"sqlite:///{work / 'archive.sqlite3'}"
        meeting_id = run(app, "import", str(EXAMPLE), "--db", archive, env=env).stdout.strip()
        run(app, "export", meeting_id, "--db", archive, "--document", "press-release", "--format", "docx",
            "-o", str(work / "tin-bai.docx"), env=env)
        assert (work / "tin-bai.docx").stat().st_size > 10_000

        # FFmpeg's libraries load: a recording is attached, converted to Opus, and its clip cut.
        sound = work / "tone.wav"
        write_tone(sound, 7)
        run(app, "audio", meeting_id, "--db", archive, "--attach", str(sound), "--start", "2026-07-10T07:59:58",
            env=env)
        run(app, "audio", meeting_id, "--db", archive, "--speech", "1", "-o", str(work / "clip.wav"), env=env)
        assert abs(wav_seconds(work / "clip.wav") - 5) < 0.1, wav_seconds(work / "clip.wav")

        refused = run(app, "list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none", env=env, check=False)
        assert "Không mở được kho lưu trữ" in refused.stderr, refused.stderr  # the driver loaded, the server is absent

        (work / "window.py").write_text(WINDOW_SCRIPT)
        shown = run(app, "--db", archive, env={**env, "MINUTES_APP_UI_SCRIPT": str(work / "window.py")}).stdout
        assert "title: Biên bản hội nghị" in shown and "icon sizes: 8" in shown, shown

        size = sum(f.stat().st_size for f in app.rglob("*") if f.is_file() and not f.is_symlink())
        print(f"bundle: {size / 2**20:.1f} MiB ({size / 1e6:.1f} MB)")
        assert size < MAX_MIB * 2**20, f"the bundle is over {MAX_MIB} MiB"

        prefix = work / "prefix"
        subprocess.run(["sh", str(app / "install.sh"), str(prefix)], env=env, check=True, capture_output=True)
        installed = subprocess.run([str(prefix / "bin" / "minutes-app"), "--version"], env=env, capture_output=True,
                                   text=True, check=True).stdout
        assert installed.strip() == f"minutes-app {version}"
        assert (prefix / f"share/icons/hicolor/48x48/apps/{constant('DESKTOP_ID')}.png").is_file()
    print("smoke test passed")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist" / "minutes-app")
