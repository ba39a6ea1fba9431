"""Putting an exported file in place: all of it, or nothing, and the old file kept on failure."""

import errno
import os
import tempfile
from pathlib import Path

from minutes_app.archive_files import ArchiveFileError, refuse_archive_file
from minutes_app.documents import ExportError
from minutes_app.i18n import _
from minutes_app.longpaths import long_path


def write_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a temporary file beside ``path``, then move it over ``path``."""
    target = long_path(path)
    folder = target.parent if str(target.parent) else Path(".")
    temporary: str | None = None
    try:
        refuse_archive_file(path)
        descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        # mkstemp makes the file private; an export gets the usual permissions.
        os.chmod(temporary, _usual_mode())
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, target)
        temporary = None
    except OSError as error:
        raise ExportError(_explain(error, path)) from None
    finally:
        if temporary is not None:
            try:
                os.unlink(temporary)
            except OSError:
                pass


def _usual_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _explain(error: OSError, path: Path) -> str:
    if isinstance(error, ArchiveFileError):
        return _("Không ghi được “{file}”: {reason}.").format(file=path, reason=error.strerror)
    if error.errno == errno.ENOSPC:
        return _("Không ghi được “{file}”: ổ đĩa đã đầy. Tệp cũ (nếu có) vẫn giữ nguyên.").format(file=path)
    if error.errno == errno.ENOENT:
        return _("Không ghi được “{file}”: thư mục “{folder}” không tồn tại.").format(file=path, folder=path.parent)
    if isinstance(error, IsADirectoryError) or path.is_dir():
        return _("Không ghi được “{file}”: đó là một thư mục.").format(file=path)
    if isinstance(error, PermissionError):
        return _(
            "Không ghi được “{file}”: không có quyền ghi vào thư mục này, hoặc tệp đang được "
            "một chương trình khác mở (hãy đóng Word hoặc trình xem PDF rồi thử lại). "
            "Tệp cũ (nếu có) vẫn giữ nguyên."
        ).format(file=path)
    return _("Không ghi được “{file}”: {reason}. Tệp cũ (nếu có) vẫn giữ nguyên.").format(
        file=path, reason=error.strerror or error
    )
