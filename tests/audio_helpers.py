"""Speech for the audio tests, made with Debian's espeak-ng and sox, and measured with sox."""

import json
import shutil
import subprocess
from pathlib import Path

import pytest

PHRASES = (
    "Kính thưa các đồng chí, hôm nay chúng ta họp bàn về chuyển đổi số",
    "Sở Tài chính thống nhất với báo cáo",
    "Đề nghị bổ sung kinh phí",
)
# Where each phrase starts in the recording, and its end: known silences between them.
OFFSETS = (0, 5, 9)
LENGTH = 12


def need(*programs: str) -> None:
    missing = [p for p in programs if shutil.which(p) is None]
    if missing:
        pytest.fail(f"missing {', '.join(missing)} (Debian packages espeak-ng, sox, pulseaudio-utils: make test)")


def speak(text: str, path: Path, rate: int = 16000) -> Path:
    """``text`` spoken in Vietnamese into the WAV ``path`` (mono, ``rate`` Hz)."""
    need("espeak-ng", "sox")
    raw = path.with_suffix(".espeak.wav")
    subprocess.run(["espeak-ng", "-v", "vi", "-w", str(raw), text], check=True)
    subprocess.run(["sox", str(raw), "-r", str(rate), "-c", "1", "-b", "16", str(path)], check=True,
                   stderr=subprocess.DEVNULL)
    raw.unlink()
    return path


def seconds(path: Path) -> float:
    return float(subprocess.run(["soxi", "-D", str(path)], capture_output=True, text=True, check=True).stdout)


def three_phrases(folder: Path) -> Path:
    """The three phrases, each starting at its offset, silence between, LENGTH seconds."""
    parts = []
    for index, text in enumerate(PHRASES):
        phrase = speak(text, folder / f"phrase{index}.wav")
        end = OFFSETS[index + 1] if index + 1 < len(OFFSETS) else LENGTH
        padded = folder / f"padded{index}.wav"
        gap = end - OFFSETS[index] - seconds(phrase)
        assert gap > 0.3, "the phrase is longer than its place"
        subprocess.run(["sox", str(phrase), str(padded), "pad", "0", f"{gap:.6f}"], check=True)
        parts.append(str(padded))
    path = folder / "three.wav"
    subprocess.run(["sox", *parts, str(path)], check=True)
    return path


def stats(path: Path, start: float = 0.0, length: float | None = None) -> dict[str, float]:
    """sox's figures of the file (or a stretch of it): 'RMS lev dB', 'Pk lev dB', …"""
    trim = ["trim", f"{start}"] + ([f"{length}"] if length is not None else [])
    result = subprocess.run(["sox", str(path), "-n", *trim, "stats"], capture_output=True, text=True, check=True)
    figures = {}
    for line in result.stderr.splitlines():
        name, _, value = line.rpartition(" ")
        try:
            figures[name.strip()] = float(value)
        except ValueError:
            continue
    return figures


START = "2026-07-10T08:00:00"  # when the three phrases were recorded


def meeting_file(path: Path) -> Path:
    """A meeting of two speakers whose speeches are stamped at the phrases: An, Bình, An."""
    document = {
        "format": "minutes-app.meeting/2",
        "title": "Hội nghị chuyển đổi số",
        "organizer": {"name": "Sở Thông tin và Truyền thông"},
        "starts_at": START[:16],
        "attendees": [
            {"id": "a1", "name": "Nguyễn Văn An", "titles": ["Giám đốc Sở"]},
            {"id": "a2", "name": "Trần Thị Bình", "titles": ["Phó Giám đốc Sở Tài chính"]},
        ],
        "speeches": [
            {"speaker": speaker, "kind": "opinion", "at": f"08:00:{offset:02d}", "summary": f"Ý kiến {n}"}
            for n, (speaker, offset) in enumerate(zip(("a1", "a2", "a1"), OFFSETS, strict=True), start=1)
        ],
    }
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path
