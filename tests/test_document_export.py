"""Exports under stress: hostile text, big meetings, missing fonts, unwritable folders, profiles."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from minutes_app.documents import ExportError, export_document, fonts
from minutes_app.documents import profiles as profiles_module
from minutes_app.documents.profiles import ProfileError, load_profile
from minutes_app.interchange.reading import read_meeting_file
from tests.conftest import EXAMPLE
from tests.helpers import docx_text, flat, load, pdf_body

HOSTILE = 'Giá < 5 & > 3 "trích dẫn" \'nháy\' a\x0bb\x0cc <b>không đậm</b> &amp; 😀 ✓ → end'
CLEAN = 'Giá < 5 & > 3 "trích dẫn" \'nháy\' abc <b>không đậm</b> &amp; 😀 ✓ → end'


def _meeting_file(tmp_path: Path, edit) -> Path:  # type: ignore[no-untyped-def]
    document = load(EXAMPLE)
    document.pop("photos")
    document.pop("press_release")
    for speech in document["speeches"]:
        speech.pop("photo", None)
    edit(document)
    path = tmp_path / "meeting.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def _read(path: Path) -> str:
    # -raw keeps every space between words in justified lines.
    return flat(pdf_body(path, mode="-raw") if path.suffix == ".pdf" else docx_text(path))


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_markup_quotes_control_characters_and_emoji_survive(tmp_path: Path, fmt: str) -> None:
    def edit(document):  # type: ignore[no-untyped-def]
        document["speeches"][2]["summary"] = HOSTILE
        document["topics"][0]["title"] = HOSTILE
        document["attendees"][1]["titles"] = [HOSTILE]

    meeting = read_meeting_file(_meeting_file(tmp_path, edit))
    out = tmp_path / f"out.{fmt}"
    export_document(meeting, "minutes", fmt, out)
    text = _read(out)
    assert text.count(CLEAN) >= 3
    assert "\x0b" not in text and "\x0c" not in text


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_20000_character_summary_and_300_attendees(tmp_path: Path, fmt: str) -> None:
    words = "Phát triển hạ tầng số đồng bộ, hiện đại tại các xã vùng sâu, vùng xa của tỉnh"
    long_summary = " ".join([words] * (20_000 // len(words) + 1))[:20_000].rstrip()

    def edit(document):  # type: ignore[no-untyped-def]
        document["speeches"][1]["summary"] = long_summary
        document["attendees"] += [
            {"id": f"x{i}", "name": f"Nguyễn Văn Thành {i:03d}", "titles": [f"Chuyên viên Phòng {i % 12 + 1}"],
             "group": f"Nhóm {i % 8 + 1}"}
            for i in range(300)
        ]

    meeting = read_meeting_file(_meeting_file(tmp_path, edit))
    out = tmp_path / f"out.{fmt}"
    export_document(meeting, "minutes", fmt, out)
    text = _read(out)
    assert flat(long_summary) in text
    for i in range(300):
        assert f"Nguyễn Văn Thành {i:03d} – Chuyên viên Phòng {i % 12 + 1}" in text


def test_without_installed_fonts_the_pdf_uses_the_font_shipped_with_the_app(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # A machine with neither Times New Roman, nor Liberation Serif 2, nor Tinos installed.
    monkeypatch.setattr(fonts, "find_faces", lambda family: None)
    shipped = fonts.shipped_serif()
    assert all(path.is_file() and path.parent.name == "fonts" for path in shipped.files())
    assert fonts.serif_for("Nguyễn Thị Lan, Đặng Thu Trang") == shipped
    out = tmp_path / "x.pdf"
    export_document(read_meeting_file(EXAMPLE), "minutes", "pdf", out)
    embedded = subprocess.run(["pdffonts", str(out)], capture_output=True, text=True, check=True).stdout
    assert "LiberationSerif-BoldItalic" in embedded
    text = _read(out)
    for expected in ("BIÊN BẢN", "Trần Quốc Hùng – Phó Chủ tịch UBND tỉnh", "Đặng Thu Trang", "Nguyễn Thị Lan"):
        assert expected in text


def test_letters_no_font_has_give_a_clear_message(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # Liberation Serif 1.x: the right name, but hardly any Vietnamese letter.
    monkeypatch.setattr(fonts, "glyphs", lambda path: frozenset(range(0x80)))
    with pytest.raises(ExportError, match="Times New Roman"):
        fonts.serif_for("Nguyễn")
    assert fonts.serif_for("Plain ASCII").family in fonts.SERIF_FAMILIES
    meeting = read_meeting_file(EXAMPLE)
    with pytest.raises(ExportError, match="fonts-liberation2"):
        export_document(meeting, "minutes", "pdf", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()


def test_font_is_chosen_by_coverage_not_by_name(monkeypatch: pytest.MonkeyPatch) -> None:
    liberation = fonts.find_faces("Liberation Serif")
    fake_times = fonts.FontFaces("Times New Roman", *(Path("/nonexistent/times.ttf"),) * 4)
    monkeypatch.setattr(fonts, "find_faces", lambda family: fake_times if family == "Times New Roman" else liberation)
    assert fonts.serif_for("Đặng Thu Trang") == liberation


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_folder_leaves_the_old_file(tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    old = folder / "bien-ban.pdf"
    old.write_bytes(b"previous export")
    folder.chmod(0o555)
    try:
        with pytest.raises(ExportError, match="không có quyền ghi"):
            export_document(read_meeting_file(EXAMPLE), "minutes", "pdf", old)
    finally:
        folder.chmod(0o755)
    assert old.read_bytes() == b"previous export"
    assert os.listdir(folder) == ["bien-ban.pdf"]


@pytest.mark.parametrize(
    ("errno_name", "message"),
    [("ENOSPC", "ổ đĩa đã đầy"), ("EACCES", "không có quyền ghi"), ("EROFS", "Tệp cũ (nếu có) vẫn giữ nguyên")],
)
def test_failed_write_keeps_the_old_file_and_leaves_no_temporary(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, errno_name: str, message: str
) -> None:
    import errno

    from minutes_app.documents import output

    old = tmp_path / "bien-ban.docx"
    old.write_bytes(b"previous export")
    error_type = PermissionError if errno_name == "EACCES" else OSError

    def failing_replace(source: str, target: Path) -> None:
        raise error_type(getattr(errno, errno_name), os.strerror(getattr(errno, errno_name)))

    monkeypatch.setattr(output.os, "replace", failing_replace)
    with pytest.raises(ExportError, match=re.escape(message)):
        export_document(read_meeting_file(EXAMPLE), "minutes", "docx", old)
    assert old.read_bytes() == b"previous export"
    assert os.listdir(tmp_path) == ["bien-ban.docx"]


def test_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="không tồn tại"):
        export_document(read_meeting_file(EXAMPLE), "minutes", "pdf", tmp_path / "none" / "x.pdf")


def test_an_office_profile_changes_one_value(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(profiles_module, "user_profiles_dir", lambda: tmp_path)
    (tmp_path / "so-khcn.json").write_text(
        json.dumps({"extends": "state", "description": "Sở KH&CN",
                    "page": {"margin_left_mm": 35}, "signatures": {"right": "CHỦ TRÌ"}}),
        encoding="utf-8",
    )
    profile = load_profile("so-khcn")
    assert profile.page.margin_left_mm == 35
    assert profile.page.margin_right_mm == load_profile("state").page.margin_right_mm
    assert "so-khcn" in profiles_module.available_profiles()
    out = tmp_path / "x.pdf"
    export_document(read_meeting_file(EXAMPLE), "minutes", "pdf", out, profile="so-khcn")
    assert "CHỦ TRÌ" in _read(out) and "CHỦ TỌA" not in _read(out)

    # A file named like a built-in one replaces it, and may extend it.
    (tmp_path / "state.json").write_text(
        json.dumps({"extends": "state", "recipients": {"heading": "Nơi nhận:", "lines": ["- Lưu: VT."]}}),
        encoding="utf-8",
    )
    assert load_profile("state").recipients.lines == ("- Lưu: VT.",)
    assert load_profile("party").recipients.lines == ("- Các đồng chí dự {noun},", "- Lưu Văn phòng.")


def test_a_broken_profile_is_explained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(profiles_module, "user_profiles_dir", lambda: tmp_path)
    (tmp_path / "bad.json").write_text(
        json.dumps({"extends": "state", "page": {"margin_left_mm": "ba mươi"}, "styles": {"body": {"sise": 14}}}),
        encoding="utf-8",
    )
    with pytest.raises(ProfileError) as raised:
        load_profile("bad")
    assert str(raised.value).splitlines() == [
        "Hồ sơ định dạng “bad” không hợp lệ:",
        "  page.margin_left_mm: phải là số",
        "  styles.body.sise: khóa không có trong định dạng (gõ nhầm tên khóa?)",
    ]
    (tmp_path / "loop.json").write_text(json.dumps({"extends": "loop2"}), encoding="utf-8")
    (tmp_path / "loop2.json").write_text(json.dumps({"extends": "loop"}), encoding="utf-8")
    with pytest.raises(ProfileError, match="vòng quanh"):
        load_profile("loop")
    with pytest.raises(ProfileError, match="Không có hồ sơ định dạng “none”"):
        load_profile("none")


def test_cli_exports_from_a_file_without_touching_the_archive(tmp_path: Path) -> None:
    archive = tmp_path / "archive.sqlite3"
    out = tmp_path / "bien-ban.pdf"
    result = subprocess.run(
        [sys.executable, "-m", "minutes_app", "export", str(EXAMPLE), "--document", "minutes",
         "--format", "pdf", "-o", str(out), "--db", f"sqlite:///{archive}"],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert "Hội nghị kết thúc vào 11 giờ 15, ngày 10 tháng 7 năm 2026./." in _read(out)
    assert not archive.exists()


def test_cli_exports_a_meeting_of_the_archive(tmp_path: Path, db_url: str) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "minutes_app", *args, "--db", db_url],
                              capture_output=True, text=True, encoding="utf-8", timeout=120)

    assert run("import", str(EXAMPLE)).stdout == "1\n"
    out = tmp_path / "bien-ban.docx"
    result = run("export", "1", "--document", "minutes", "--format", "docx", "-o", str(out))
    assert (result.returncode, result.stderr) == (0, "")
    assert "Số: 18/BB-SKHCN" in _read(out)
    missing = run("export", "1", "--document", "minutes", "--format", "pdf", "-o", str(tmp_path / "no" / "x.pdf"))
    assert missing.returncode == 1 and "không tồn tại" in missing.stderr and "Traceback" not in missing.stderr


LONG_TITLE = (
    "Hội nghị trực tuyến quán triệt triển khai thực hiện Chỉ thị số 10/CT-TTg ngày 19/4/2023 của Thủ tướng "
    "Chính phủ về tăng cường công tác bảo đảm trật tự an toàn giao thông đường bộ trong tình hình mới và "
)


@pytest.mark.parametrize("document_kind", ["minutes", "press-release"])
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_a_1000_character_title_is_printed_whole_and_cut_only_in_the_properties(
    tmp_path: Path, document_kind: str, fmt: str
) -> None:
    clauses = [f"kế hoạch số {i}/KH-UBND về an toàn giao thông tại địa bàn huyện số {i}" for i in range(1, 40)]
    title = (LONG_TITLE + ", ".join(clauses))[:1000].rstrip(" ,")
    # Typed as the minutes' own name, as offices often do: the documents drop 'Biên bản'.
    typed = f"Biên bản {title}"
    meeting = read_meeting_file(_meeting_file(tmp_path, lambda document: document.update(title=typed)))
    out = tmp_path / f"out.{fmt}"
    export_document(meeting, document_kind, fmt, out)
    # The article's headline drops the leading "Hội nghị" and starts with a capital.
    whole = title.removeprefix("Hội nghị trực")
    text = _read(out)
    assert flat(whole) in text and "Biên bản Hội nghị" not in text and "BIÊN BẢN Biên bản" not in text
    if fmt == "docx":
        from docx import Document as open_docx

        stored = open_docx(str(out)).core_properties.title
        assert len(stored) == 255 and stored.endswith("…")
        assert whole[:200] in stored
    else:
        info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
        assert flat(whole[:200]) in flat(info)


def test_a_label_with_an_unknown_placeholder_is_explained(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(profiles_module, "user_profiles_dir", lambda: tmp_path)
    (tmp_path / "state.json").write_text(
        json.dumps({"extends": "state", "labels": {"content": "Nội dung {cuộc họp}"}}), encoding="utf-8")
    with pytest.raises(ProfileError, match=r"“Nội dung \{cuộc họp\}” có chỗ điền không dùng được .*\{noun\}, \{Noun\}"):
        export_document(read_meeting_file(EXAMPLE), "minutes", "pdf", tmp_path / "x.pdf")
    assert not (tmp_path / "x.pdf").exists()
