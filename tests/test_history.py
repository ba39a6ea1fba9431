"""The history of a meeting's minutes: versions kept whole, what changed between two, any
version exported as it was, and the history carried along when a meeting is copied."""

import json
import subprocess
from pathlib import Path

import pytest

from minutes_app.archive import import_file, open_archive
from minutes_app.editing.editor import NewAttendee
from minutes_app.history import export, finalize, history, reopen, version_document
from minutes_app.transfer import FinalInTarget, IfExists, copy_meeting
from minutes_app.verification import verify
from minutes_app.version_diff import Piece, compare, word_diff
from minutes_app.versions import canonical
from tests.editing_helpers import open_editor
from tests.helpers import flat, pdf_text


def _correct_every_part(archive, meeting_id: int) -> None:
    """The corrections of version 2: one in each part of the record."""
    editor, _saves = open_editor(archive, meeting_id, user="Võ Đình Nam")
    meeting = editor.meeting
    editor.set_field(meeting, "venue", "Hội trường A, tầng 3")
    nam = next(a for a in meeting.attendances if a.person.name == "Võ Đình Nam")
    editor.set_field(nam, "titles", ["Giám đốc Sở Tài chính"])
    editor.delete(next(a for a in meeting.attendances if a.person.name == "Hoàng Minh Châu"))
    tam = editor.add_attendee(NewAttendee("Lý Văn Tám", ("Phó Giám đốc Sở Nội vụ",), group="Lãnh đạo các sở, ngành"))
    report = meeting.speeches[1]
    editor.set_field(report, "summary", report.summary.replace("1.245 dịch vụ", "1.250 dịch vụ"))
    speech = editor.add_speech(speaker=tam, at=meeting.speeches[-1].at.replace(hour=10, minute=30))
    editor.set_field(speech, "summary", "Đề xuất bổ sung biên chế cho bộ phận một cửa.")
    editor.delete(meeting.topics[-1])
    editor.set_field(meeting.directives[0], "deadline", meeting.directives[0].deadline.replace(month=9, day=30))
    editor.set_field(meeting.photos[1], "caption", "Giám đốc Sở Khoa học và Công nghệ Lê Thị Mai báo cáo")
    editor.set_press_release_field("article", [
        {"kind": "headline", "text": "Minh Sơn sơ kết chuyển đổi số 6 tháng đầu năm 2026"},
        {"kind": "paragraph", "text": "Sáng 10/7, Sở Khoa học và Công nghệ tổ chức Hội nghị."},
    ])
    assert editor.close()


@pytest.mark.databases
def test_history_lists_versions_and_shows_what_changed_in_every_part(archive, example_dir: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    first = finalize(archive, meeting_id, "Nguyễn Thị Lan")
    reopen(archive, meeting_id, "Sửa chức vụ, số liệu và thời hạn", "Võ Đình Nam")
    _correct_every_part(archive, meeting_id)

    while_writing = history(archive, meeting_id)
    assert [(v.number, v.state, v.author, v.reason) for v in while_writing] == [
        (1, "final", "Nguyễn Thị Lan", None), (2, "reopened", "Võ Đình Nam", "Sửa chức vụ, số liệu và thời hạn")]
    second = finalize(archive, meeting_id, "Nguyễn Thị Lan")
    lines = history(archive, meeting_id)
    assert [(v.number, v.state, v.author, v.reason, v.sha256) for v in lines] == [
        (1, "final", "Nguyễn Thị Lan", None, first.sha256),
        (2, "final", "Nguyễn Thị Lan", "Sửa chức vụ, số liệu và thời hạn", second.sha256)]

    old, new = version_document(archive, meeting_id, 1), version_document(archive, meeting_id, 2)
    assert (old["state"], new["state"], old.get("version", 1), new["version"]) == ("final", "final", 1, 2)
    changes = compare(old, new)
    assert [(c.part, c.kind, c.name) for c in changes] == [
        ("general", "changed", "Thông tin chung"),
        ("attendees", "changed", "Võ Đình Nam"),
        ("attendees", "removed", "Hoàng Minh Châu"),
        ("attendees", "added", "Lý Văn Tám"),
        ("speeches", "changed", "Báo cáo: Lê Thị Mai (08:10)"),
        ("speeches", "added", "Ý kiến: Lý Văn Tám (10:30)"),
        ("topics", "removed", "Bố trí kinh phí cho chuyển đổi số năm 2027"),
        ("directives", "changed", "Sở Khoa học và Công nghệ"),
        ("photos", "changed", "Giám đốc Sở Khoa học và Công nghệ Lê Thị Mai báo cáo"),
        ("article", "added", "Tít"),
        ("article", "added", "Đoạn"),
    ]
    by_name = {(c.part, c.name): c for c in changes}
    venue = by_name["general", "Thông tin chung"].fields
    assert [(f.label, f.old, f.new) for f in venue] == [
        ("Địa điểm", "Hội trường Sở Khoa học và Công nghệ", "Hội trường A, tầng 3")]
    title = by_name["attendees", "Võ Đình Nam"].fields[0]
    assert (title.label, title.pieces()) == ("Chức vụ", [Piece("removed", "Phó "), Piece("same", "Giám đốc Sở Tài chính")])
    summary = by_name["speeches", "Báo cáo: Lê Thị Mai (08:10)"].fields[0]
    marked = [(p.kind, p.text) for p in summary.pieces() if p.kind != "same"]
    assert (summary.label, marked) == ("Tóm tắt", [("removed", "1.245 "), ("added", "1.250 ")])
    deadline = by_name["directives", "Sở Khoa học và Công nghệ"].fields
    assert [(f.label, f.old, f.new) for f in deadline] == [("Thời hạn", "2026-08-31", "2026-09-30")]
    added = by_name["attendees", "Lý Văn Tám"].fields
    assert [(f.label, f.new) for f in added] == [
        ("Họ và tên", "Lý Văn Tám"), ("Chức vụ", "Phó Giám đốc Sở Nội vụ"), ("Nhóm", "Lãnh đạo các sở, ngành"),
        ("Có mặt", "có")]
    assert compare(old, old) == []


def test_words_are_marked_where_they_changed() -> None:
    assert word_diff("Giao Sở Y tế trước ngày 30/11", "Giao Sở Y tế và Sở Tài chính trước ngày 15/12") == [
        Piece("same", "Giao Sở Y tế "), Piece("added", "và Sở Tài chính "), Piece("same", "trước ngày "),
        Piece("removed", "30/11"), Piece("added", "15/12")]
    assert word_diff("", "Mới") == [Piece("added", "Mới")]
    # The last word matches the same word with more after it.
    assert word_diff("cuối năm 2026", "cuối năm 2026 (sửa lần 2)") == [
        Piece("same", "cuối năm 2026 "), Piece("added", "(sửa lần 2)")]


def test_a_version_is_kept_whole_with_its_digest(archive, example_dir: Path) -> None:
    import hashlib

    meeting_id = import_file(archive, example_dir / "meeting.json")
    line = finalize(archive, meeting_id, "Nguyễn Thị Lan")
    document = version_document(archive, meeting_id, 1)
    assert hashlib.sha256(canonical(document)).hexdigest() == line.sha256
    source = json.loads((example_dir / "meeting.json").read_text(encoding="utf-8"))
    assert [a["name"] for a in document["attendees"]] == [a["name"] for a in source["attendees"]]
    assert [s["summary"] for s in document["speeches"]] == [s["summary"] for s in source["speeches"]]
    # Photos are named by their content, so the digest covers them too.
    assert [Path(p["file"]).stem for p in document["photos"]] == [
        hashlib.sha256((example_dir / p["file"]).read_bytes()).hexdigest() for p in source["photos"]]


def _images(path: Path) -> int:
    listed = subprocess.run(["pdfimages", "-list", str(path)], capture_output=True, text=True, check=True).stdout
    return len(listed.splitlines()) - 2


@pytest.mark.databases
def test_an_old_version_is_exported_as_it_was(archive, example_dir: Path, tmp_path: Path) -> None:
    meeting_id = import_file(archive, example_dir / "meeting.json")
    finalize(archive, meeting_id, "Nguyễn Thị Lan")
    before = export(archive, meeting_id, "press-release", "pdf", tmp_path / "tin-v1-luc-do.pdf")
    reopen(archive, meeting_id, "Bỏ ảnh trùng, sửa chức vụ", "Võ Đình Nam")
    _correct_every_part(archive, meeting_id)
    editor, _saves = open_editor(archive, meeting_id)
    for photo in list(editor.meeting.photos):
        editor.delete(photo)
    assert editor.close()
    finalize(archive, meeting_id, "Nguyễn Thị Lan")

    v1 = export(archive, meeting_id, "minutes", "pdf", tmp_path / "bb-v1.pdf", version=1)
    v2 = export(archive, meeting_id, "minutes", "pdf", tmp_path / "bb-v2.pdf")
    assert (v1.version, v1.final, v2.version, v2.final) == (1, True, 2, True)
    old_text, new_text = flat(pdf_text(v1.path)), flat(pdf_text(v2.path))
    assert "Võ Đình Nam – Phó Giám đốc Sở Tài chính" in old_text
    assert "Võ Đình Nam – Giám đốc Sở Tài chính" in new_text
    assert "1.245 dịch vụ" in old_text and "1.250 dịch vụ" in new_text
    assert "Hoàng Minh Châu" in old_text and "Hoàng Minh Châu" not in new_text
    assert "Lý Văn Tám" not in old_text and "Lý Văn Tám" in new_text

    # The photos of version 1 are kept, though version 2 has none.
    again = export(archive, meeting_id, "press-release", "pdf", tmp_path / "tin-v1.pdf", version=1)
    assert pdf_text(again.path) == pdf_text(before.path)
    assert _images(again.path) == _images(before.path) == 5  # every photo of the example
    assert _images(export(archive, meeting_id, "press-release", "pdf", tmp_path / "tin-v2.pdf").path) == 0


def test_copying_carries_the_history_and_replaces_a_final_record_only_with_its_correction(
    archive, example_dir: Path, tmp_path: Path
) -> None:
    laptop = archive
    meeting_id = import_file(laptop, example_dir / "meeting.json")
    finalize(laptop, meeting_id, "Nguyễn Thị Lan")
    exported = export(laptop, meeting_id, "minutes", "docx", tmp_path / "bb.docx", user="Nguyễn Thị Lan")
    with open_archive(f"sqlite:///{tmp_path / 'office.sqlite3'}") as office:
        office_id = copy_meeting(laptop, meeting_id, office).meeting_id
        assert [(v.number, v.state) for v in history(office, office_id)] == [(1, "final")]
        assert verify(office, exported.path).matched  # the laptop's export, known at the office
        assert copy_meeting(laptop, meeting_id, office, IfExists.REPLACE).action == "skipped"

        reopen(laptop, meeting_id, "Sửa chức vụ", "Nguyễn Thị Lan")
        _correct_every_part(laptop, meeting_id)
        finalize(laptop, meeting_id, "Nguyễn Thị Lan")
        replaced = copy_meeting(laptop, meeting_id, office, IfExists.REPLACE)
        assert replaced.action == "replaced"
        assert [(v.number, v.state, v.reason) for v in history(office, replaced.meeting_id)] == [
            (1, "final", None), (2, "final", "Sửa chức vụ")]

        # A correction made at the office and another on the laptop: neither replaces the other.
        reopen(office, replaced.meeting_id, "Sửa ở văn phòng", "Phan Hà")
        editor, _saves = open_editor(office, replaced.meeting_id)
        editor.set_field(editor.meeting, "venue", "Phòng họp số 2")
        assert editor.close()
        finalize(office, replaced.meeting_id, "Phan Hà")
        reopen(laptop, meeting_id, "Sửa ở máy xách tay", "Nguyễn Thị Lan")
        finalize(laptop, meeting_id, "Nguyễn Thị Lan")
        with pytest.raises(FinalInTarget, match="phiên bản 3"):
            copy_meeting(laptop, meeting_id, office, IfExists.REPLACE)
        assert [v.reason for v in history(office, replaced.meeting_id)][-1] == "Sửa ở văn phòng"
        both = copy_meeting(laptop, meeting_id, office, IfExists.KEEP_BOTH)
        assert [(v.number, v.reason) for v in history(office, both.meeting_id)][-1] == (3, "Sửa ở máy xách tay")
