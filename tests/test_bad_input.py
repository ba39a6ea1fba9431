"""Hostile and malformed input: each gets a clear message, nothing is written half-way,
the archive stays as it was."""

import io
import json
import struct
import subprocess
import sys
import zlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import example as also
from hypothesis import strategies as st
from PIL import Image
from sqlalchemy import func, select

from minutes_app.archive import import_file, load_meeting
from minutes_app.documents import export_document
from minutes_app.documents.article import current_article
from minutes_app.documents.pictures import prepare
from minutes_app.images import BadImage, inspect_image
from minutes_app.interchange.reading import read_meeting_file
from minutes_app.interchange.validation import InvalidMeetingFile
from minutes_app.model import Attendance, Meeting, Person, Photo, Speech
from minutes_app.text import xml_safe
from tests.conftest import EXAMPLE
from tests.helpers import docx_text, flat, load, pdf_body, picture
from tests.strategies import emptiest_meeting, longest_meeting, meetings


def minimal(**extra: Any) -> dict[str, Any]:
    return {
        "format": "minutes-app.meeting/1",
        "title": "Hội nghị",
        "organizer": {"name": "Sở Nội vụ"},
        "starts_at": "2026-05-26T14:00",
        "attendees": [{"id": "a", "name": "Lê Văn Tám"}],
    } | extra


def write(folder: Path, document: Any, name: str = "meeting.json") -> Path:
    path = folder / name
    # Escaped: a lone surrogate can be written in JSON only as \ud800.
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def counts(archive) -> tuple[int, ...]:
    with archive.sessions() as session:
        return tuple(session.scalar(select(func.count()).select_from(t)) for t in (Meeting, Person, Attendance, Speech, Photo))


def refused(archive, path: Path) -> list[str]:
    """Import ``path``, which must be refused; the archive must not change."""
    before = counts(archive)
    with pytest.raises(InvalidMeetingFile) as raised:
        import_file(archive, path)
    assert counts(archive) == before
    return [str(p) for p in raised.value.problems]


# --- malformed files ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "problem"),
    [
        ([1, 2, 3], "phải là đối tượng"),
        ("just text", "phải là đối tượng"),
        (minimal(title=42), "title: phải là chuỗi ký tự"),
        (minimal(attendees={"a": "Lê Văn Tám"}), "attendees: phải là danh sách"),
        (minimal(attendees=[{"id": "a", "name": "A", "present": "có"}]), "attendees[0].present: phải là giá trị đúng/sai"),
        (minimal(speeches=[{"kind": "opinion", "summary": None}]), "speeches[0].summary: phải là chuỗi ký tự"),
        (minimal(colour="red"), "colour: khóa không có trong định dạng"),
        (minimal(speeches=[{"kind": "opinion", "summary": "x", "speaker": "zz"}]), "speeches[0].speaker: không có người dự họp"),
        (minimal(attendees=[{"id": "a", "name": "A"}, {"id": "a", "name": "B"}]), "attendees[1].id: mã “a” đã được dùng"),
        (minimal(starts_at="2026-02-30T08:00"), "starts_at: ngày giờ không tồn tại"),
        (minimal(speeches=[{"kind": "opinion", "summary": "x", "at": "25:00"}]), "speeches[0].at: phải là giờ dạng HH:MM"),
    ],
)
def test_wrong_types_unknown_keys_bad_references(archive, tmp_path: Path, document: Any, problem: str) -> None:
    problems = refused(archive, write(tmp_path, document))
    assert any(p.startswith(problem) or problem in p for p in problems), problems


def test_deep_nesting(archive, tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text('{"x-deep": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    assert refused(archive, path) == ["dữ liệu lồng nhau quá sâu"]


def test_fifty_megabytes_of_text(archive, tmp_path: Path) -> None:
    big = "Nội dung rất dài. " * (50 * 1024 * 1024 // 20)
    path = write(tmp_path, minimal(speeches=[{"kind": "report", "summary": big}]))
    assert path.stat().st_size > 50 * 1024 * 1024
    [problem] = refused(archive, path)
    assert problem.startswith("speeches[0].summary: văn bản quá dài (")


def test_empty_binary_and_truncated_files(archive, tmp_path: Path) -> None:
    (tmp_path / "empty.json").write_bytes(b"")
    assert refused(archive, tmp_path / "empty.json") == ["dòng 1, cột 1: lỗi cú pháp JSON: thiếu giá trị"]
    (tmp_path / "binary.json").write_bytes(bytes(range(256)) * 10)
    assert refused(archive, tmp_path / "binary.json") == ["tệp không phải văn bản UTF-8"]
    text = EXAMPLE.read_text(encoding="utf-8")
    (tmp_path / "cut.json").write_text(text[: len(text) // 2], encoding="utf-8")
    [problem] = refused(archive, tmp_path / "cut.json")
    assert "lỗi cú pháp JSON" in problem


# --- photos ----------------------------------------------------------------------------------


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares a huge size but carries almost no data: a decompression bomb."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b"")


def encoded(image: Image.Image, kind: str, **options: Any) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, kind, **options)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"GIF89a not really", "không phải ảnh JPEG hoặc PNG"),
        (b"%PDF-1.4 a document", "không phải ảnh JPEG hoặc PNG"),
        (picture()[:300], "tệp hỏng hoặc không đầy đủ"),
        (png_header_only(20_000, 20_000), "ảnh quá lớn"),
        (png_header_only(12_000, 12_000), "ảnh quá lớn"),
        (encoded(Image.new("RGB", (8, 8)), "GIF"), "không phải ảnh JPEG hoặc PNG"),
    ],
)
def test_photos_that_are_not_usable(archive, tmp_path: Path, data: bytes, message: str) -> None:
    with pytest.raises(BadImage, match=message):
        inspect_image(data)
    (tmp_path / "p.jpg").write_bytes(data)
    document = minimal(photos=[{"id": "p", "file": "p.jpg"}])
    [problem] = refused(archive, write(tmp_path, document))
    assert problem.startswith("photos[0].file: ") and message in problem


def test_truncated_jpeg_of_a_real_photo(archive, tmp_path: Path) -> None:
    photo = (EXAMPLE.parent / "photos" / "p1.jpg").read_bytes()
    with pytest.raises(BadImage, match="không đầy đủ"):
        inspect_image(photo[: len(photo) * 2 // 3])


def test_cmyk_sixteen_bit_and_rotated_photos_export(tmp_path: Path) -> None:
    gradient = Image.new("I;16", (256, 8))
    gradient.putdata([x * 256 for _ in range(8) for x in range(256)])
    exif = Image.Exif()
    exif[0x0112] = 6  # taken with the camera turned: rotate 90° clockwise to show
    photos = {
        "cmyk.jpg": encoded(Image.new("CMYK", (120, 80), (0, 128, 255, 0)), "JPEG"),
        "grey16.png": encoded(gradient, "PNG"),
        "turned.jpg": encoded(Image.new("RGB", (120, 60), "red"), "JPEG", exif=exif),
        "alpha.png": encoded(Image.new("RGBA", (50, 50), (0, 0, 255, 0)), "PNG"),
    }
    for name, data in photos.items():
        (tmp_path / name).write_bytes(data)
    document = minimal(
        photos=[{"id": name, "file": name, "caption": f"Ảnh {name}"} for name in photos],
        press_release={"author": "Thu Hà"},
    )
    meeting = read_meeting_file(write(tmp_path, document))
    by_name = {p.file_name: p for p in meeting.photos}
    turned = prepare(by_name["turned.jpg"].sha256, lambda: by_name["turned.jpg"].data)
    assert (turned.width, turned.height) == (60, 120)
    grey = Image.open(io.BytesIO(prepare(by_name["grey16.png"].sha256, lambda: by_name["grey16.png"].data).jpeg))
    assert 100 < grey.getpixel((128, 4))[0] < 160  # mid-grey stays mid-grey
    cmyk = Image.open(io.BytesIO(prepare(by_name["cmyk.jpg"].sha256, lambda: by_name["cmyk.jpg"].data).jpeg))
    assert cmyk.mode == "RGB"
    transparent = Image.open(io.BytesIO(prepare(by_name["alpha.png"].sha256, lambda: by_name["alpha.png"].data).jpeg))
    assert transparent.getpixel((25, 25)) > (240, 240, 240)  # transparent becomes white, not black
    for fmt in ("docx", "pdf"):
        export_document(meeting, "press-release", fmt, tmp_path / f"tin.{fmt}")
        text = flat(pdf_body(tmp_path / f"tin.{fmt}") if fmt == "pdf" else docx_text(tmp_path / f"tin.{fmt}"))
        for name in photos:
            assert f"Ảnh {name}" in text


# --- text ----------------------------------------------------------------------------------


def test_every_kind_of_awkward_text_imports_and_exports(archive, tmp_path: Path) -> None:
    nfd = "Nguye\u0302\u0303n Thi\u0323 Lan"  # decomposed marks, as some Mac and web sources send
    texts = {
        "control": "Dòng một\x0bdòng hai\x0cdòng ba\x07.",
        "surrogate": json.loads('"Lỗi \\ud800 mã"'),
        "rtl": "Đoàn khách từ Ai Cập: مرحبا بكم, שלום.",
        "emoji": "Hoan nghênh 👏🏽 thành công 🎉.",
        "markup": "<script>alert('x')</script> & <b>đậm</b> &amp; \"nháy\".",
    }
    document = minimal(
        attendees=[{"id": "a", "name": nfd, "titles": [texts["rtl"]]}],
        speeches=[{"kind": "opinion", "speaker": "a", "summary": text} for text in texts.values()],
    )
    meeting_id = import_file(archive, write(tmp_path, document))
    with archive.sessions() as session:
        meeting = load_meeting(session, meeting_id)
        assert meeting.attendances[0].person.name == "Nguyễn Thị Lan"
        summaries = [s.summary for s in meeting.speeches]
        assert summaries[1] == "Lỗi \ufffd mã"
        assert summaries[0] == texts["control"]  # stored as typed; only documents drop them
        for fmt in ("docx", "pdf"):
            for kind in ("minutes", "press-release"):
                out = tmp_path / f"{kind}.{fmt}"
                export_document(meeting, kind, fmt, out)
                text = flat(pdf_body(out, mode="-raw") if fmt == "pdf" else docx_text(out))
                assert "Nguyễn Thị Lan" in text
                assert "òng mộtdòng haidòng ba." in text  # \x0b \x0c \x07 removed, nothing else
                for key in ("emoji", "markup"):
                    # From the second letter: the article may put the first in lower case.
                    assert flat(texts[key])[1:] in text, (kind, fmt, key)
                if fmt == "docx":  # pdftotext reorders right-to-left runs; the DOCX keeps them
                    assert texts["rtl"] in text


def test_newer_archive_from_the_cli(tmp_path: Path) -> None:
    import sqlite3

    db = tmp_path / "archive.sqlite3"
    run = lambda *a: subprocess.run([sys.executable, "-m", "minutes_app", *a, "--db", f"sqlite:///{db}"],  # noqa: E731
                                    capture_output=True, text=True, encoding="utf-8", timeout=60)
    run("list")
    connection = sqlite3.connect(db)
    connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.commit()
    connection.close()
    result = run("list")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "phiên bản mới hơn" in result.stderr
    assert sqlite3.connect(db).execute("SELECT version_num FROM alembic_version").fetchone() == ("0099",)


# --- fuzzing ---------------------------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=20,
)
example = load(EXAMPLE)
# Keys a fuzzer should reach often: those of the format itself.
keys = st.sampled_from(sorted({*example, *example["attendees"][0], *example["speeches"][1], "x-a", "nmae"}))


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """The shared example with a few values replaced, keys dropped or added."""
    document = json.loads(json.dumps(example))
    for _ in range(draw(st.integers(1, 4))):
        targets = [document] + [document[k] for k in ("organizer", "press_release") if isinstance(document.get(k), dict)]
        for key in ("attendees", "speeches", "directives", "photos"):
            if isinstance(document.get(key), list):
                targets += [item for item in document[key] if isinstance(item, dict)]
        target = draw(st.sampled_from(targets))
        action = draw(st.sampled_from(["replace", "drop", "add"]))
        key = draw(st.sampled_from(sorted(target))) if action != "add" and target else draw(keys)
        if action == "drop":
            target.pop(key, None)
        else:
            target[key] = draw(json_values)
    return document


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=st.one_of(json_values, mutated()))
def test_fuzz_the_importer(archive, tmp_path_factory: pytest.TempPathFactory, document: Any) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "photos").symlink_to(EXAMPLE.parent / "photos")
    before = counts(archive)
    try:
        import_file(archive, write(folder, document))
    except InvalidMeetingFile as error:
        assert error.problems and all(str(p) for p in error.problems)
        assert counts(archive) == before
    else:
        assert counts(archive)[0] == before[0] + 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(document=meetings())
@also(document=emptiest_meeting())
@also(document=longest_meeting())
def test_fuzz_the_exporters(tmp_path_factory: pytest.TempPathFactory, document: dict[str, Any]) -> None:
    folder = tmp_path_factory.mktemp("export")
    (folder / "anh").mkdir()
    for photo in document.get("photos", []):
        (folder / photo["file"]).write_bytes(picture("PNG" if photo["file"].endswith(".png") else "JPEG"))
    meeting = read_meeting_file(write(folder, document))
    article = current_article(meeting)
    for kind in ("minutes", "press-release"):
        for fmt in ("docx", "pdf"):
            out = folder / f"{kind}.{fmt}"
            export_document(meeting, kind, fmt, out)
            assert out.stat().st_size > 0
    text = flat(docx_text(folder / "minutes.docx"))
    for attendance in meeting.attendances:
        assert attendance.person.name in text
    article_text = flat(docx_text(folder / "press-release.docx"))
    # A block's paragraphs (split at blank lines) may have a photo floated between them.
    for block in article:
        for paragraph in xml_safe(block.text).split("\n\n"):
            assert flat(paragraph) in article_text
