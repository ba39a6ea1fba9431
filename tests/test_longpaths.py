"""Paths past Windows' 260 characters: opened through their extended form on Windows (the
Windows smoke test of `make dist` exports to such a folder under Wine)."""

from pathlib import Path

from minutes_app.longpaths import extended, long_path


def test_windows_paths_take_the_extended_form_that_opens_them_at_any_length() -> None:
    assert extended(r"C:\Users\thư ký\Tài liệu\biên bản.docx") == r"\\?\C:\Users\thư ký\Tài liệu\biên bản.docx"
    assert extended(r"\\máy-chủ\chia sẻ\biên bản.pdf") == r"\\?\UNC\máy-chủ\chia sẻ\biên bản.pdf"
    assert extended(r"\\?\C:\Tài liệu\biên bản.pdf") == r"\\?\C:\Tài liệu\biên bản.pdf"


def test_elsewhere_paths_are_opened_as_they_are(tmp_path: Path) -> None:
    path = tmp_path / ("thư mục rất dài " * 20) / "biên bản.pdf"
    assert long_path(path) == path
