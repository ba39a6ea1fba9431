"""Which record a document file is: ``minutes-app verify FILE``.

Every export of a final version is recorded with the SHA-256 of the file written; a file
whose bytes have that digest is that export. Otherwise the file's properties may still
say which meeting and version it was made from (documents.record_state): then the answer
says so, and that the bytes were changed since, or that it is a draft.
"""

import hashlib
import io
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from minutes_app.archive import Archive
from minutes_app.archive_files import refuse_archive_file
from minutes_app.documents.record_state import claims
from minutes_app.i18n import N_, _
from minutes_app.model import Meeting, MeetingExport, MeetingVersion, RecordState

DOCUMENT_NAMES = {"minutes": N_("biên bản"), "press-release": N_("tin bài")}


@dataclass(frozen=True)
class Verdict:
    matched: bool  # the file is a recorded export, byte for byte
    message: str


def verify(archive: Archive, path: Path) -> Verdict:
    """What ``path`` is, for the user."""
    refuse_archive_file(path)
    data = path.read_bytes()
    sha256 = hashlib.sha256(data).hexdigest()
    with archive.sessions() as session:
        found = session.execute(
            select(MeetingExport, Meeting.title)
            .join(Meeting, Meeting.id == MeetingExport.meeting_id)
            .where(MeetingExport.sha256 == sha256)
            .order_by(MeetingExport.id)
        ).first()
        if found is not None:
            export, title = found
            return Verdict(True, _(
                "Khớp: tệp “{file}” là lần xuất số {export} của cuộc họp số {id} “{title}”: {document} ({format}), "
                "phiên bản {version} đã chốt, xuất lúc {at:%H:%M ngày %d/%m/%Y}{by}. SHA-256 của tệp: {sha256}."
            ).format(file=path.name, export=export.id, id=export.meeting_id, title=title,
                     document=_(DOCUMENT_NAMES.get(export.document, export.document)), format=export.format.upper(),
                     version=export.version_number, at=export.exported_at,
                     by=_(" bởi {user}").format(user=export.exported_by) if export.exported_by else "",
                     sha256=sha256))
        said = claims(_keywords(data))
        meeting = None
        if "meeting" in said:
            try:
                uid = uuid.UUID(said["meeting"].removeprefix("urn:uuid:"))
            except ValueError:
                uid = None
            meeting = session.scalars(select(Meeting).where(Meeting.uid == uid)).one_or_none() if uid else None
        if not said:
            return Verdict(False, _(
                "Không khớp: tệp “{file}” không phải một lần xuất nào đã ghi nhận trong kho lưu trữ này, và thuộc tính "
                "của tệp không ghi nó được làm từ biên bản nào. SHA-256 của tệp: {sha256}."
            ).format(file=path.name, sha256=sha256))
        if meeting is None:
            return Verdict(False, _(
                "Không khớp: thuộc tính của tệp “{file}” ghi nó được làm từ phiên bản {version} của một cuộc họp "
                "không có trong kho lưu trữ này ({meeting})."
            ).format(file=path.name, version=said.get("version", "?"), meeting=said.get("meeting", "?")))
        if said.get("state") != RecordState.FINAL:
            return Verdict(False, _(
                "Không khớp: tệp “{file}” là bản DỰ THẢO của cuộc họp số {id} “{title}” (phiên bản {version} khi đang "
                "soạn), không phải biên bản đã chốt; bản dự thảo không được ghi nhận khi xuất."
            ).format(file=path.name, id=meeting.id, title=meeting.title, version=said.get("version", "?")))
        kept = session.scalars(select(MeetingVersion.sha256).where(
            MeetingVersion.meeting_id == meeting.id, MeetingVersion.number == _number(said.get("version")))).first()
        message = _(
            "Không khớp: thuộc tính của tệp “{file}” ghi là phiên bản {version} đã chốt của cuộc họp số {id} "
            "“{title}”, nhưng nội dung tệp không giống lần xuất nào đã ghi nhận: tệp đã bị sửa sau khi xuất."
        ).format(file=path.name, version=said.get("version", "?"), id=meeting.id, title=meeting.title)
        if kept is None:
            message += " " + _("Cuộc họp này không có phiên bản đã chốt mang số đó.")
        elif said.get("sha256") != kept:
            message += " " + _("Mã SHA-256 của biên bản ghi trong tệp cũng khác mã của phiên bản đó trong kho.")
        return Verdict(False, message + " " + _("SHA-256 của tệp: {sha256}.").format(sha256=sha256))


def _number(text: str | None) -> int:
    return int(text) if text and text.isdigit() else 0


def _keywords(data: bytes) -> str:
    """The keywords in the properties of a PDF or DOCX file; empty for anything else."""
    try:
        if data.startswith(b"%PDF"):
            import pypdfium2

            pdf = pypdfium2.PdfDocument(data)
            try:
                return str(pdf.get_metadata_dict().get("Keywords", ""))
            finally:
                pdf.close()
        if data.startswith(b"PK"):
            from docx import Document

            return str(Document(io.BytesIO(data)).core_properties.keywords or "")
    except Exception:  # a damaged or foreign file: it says nothing of a record
        return ""
    return ""
