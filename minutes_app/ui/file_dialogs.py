"""Every file dialog of the app, made so that showing a folder opens none of its files.

Closing any descriptor of an open archive's files drops SQLite's locks on them
(minutes_app.archive_files), and the usual dialogs open files to show them: Qt's icon
provider and QMimeDatabase read the first bytes of a file whose name does not settle its
type (``.db``, ``-wal``, ``-shm``), and a native dialog runs the desktop's code in this
process (GTK and GIO on Linux, shell extensions and preview handlers on Windows), which does
the same. So the dialogs here are Qt's own, on every system, with icons and types decided by
the name alone, and the open archives' files are not listed at all.
"""

from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QFileInfo,
    QMimeDatabase,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QDialog, QFileDialog, QFileIconProvider, QFileSystemModel, QWidget

from minutes_app.archive_files import is_archive_file


class NameOnlyIcons(QFileIconProvider):
    """Icons and type names from a file's name, never from its content."""

    def __init__(self) -> None:
        super().__init__()
        self._types = QMimeDatabase()
        self._icons: dict[str, QIcon] = {}

    def icon(self, which: QFileIconProvider.IconType | QFileInfo) -> QIcon:
        if not isinstance(which, QFileInfo):  # one of the standard kinds: Folder, File, Drive...
            return super().icon(which)
        if which.isRoot():
            return super().icon(QFileIconProvider.IconType.Drive)
        if which.isDir():
            return super().icon(QFileIconProvider.IconType.Folder)
        suffix = which.suffix().casefold()
        if suffix not in self._icons:
            mime = self._types.mimeTypeForFile(which.fileName(), QMimeDatabase.MatchMode.MatchExtension)
            fallback = super().icon(QFileIconProvider.IconType.File)
            self._icons[suffix] = QIcon.fromTheme(mime.iconName(), QIcon.fromTheme(mime.genericIconName(), fallback))
        return self._icons[suffix]

    def type(self, info: QFileInfo) -> str:
        if not info.isFile():
            return super().type(info)  # a folder or a drive: named without reading anything
        mime = self._types.mimeTypeForFile(info.fileName(), QMimeDatabase.MatchMode.MatchExtension)
        if mime.isDefault():  # a name that says nothing: a file, no more
            return QCoreApplication.translate("QAbstractFileIconProvider", "File")
        return mime.comment() or mime.name()


class _WithoutArchiveFiles(QSortFilterProxyModel):
    """The folder's entries, less the open archives' files."""

    def __init__(self, databases_listed: bool, parent: QObject) -> None:
        super().__init__(parent)
        self._databases_listed = databases_listed

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        model = self.sourceModel()
        assert isinstance(model, QFileSystemModel)
        path = model.filePath(model.index(row, 0, parent))
        return not is_archive_file(path, include_databases=not self._databases_listed)


_icons: NameOnlyIcons | None = None


def _icon_provider() -> NameOnlyIcons:
    # One for the whole app: a dialog does not own its icon provider.
    global _icons
    if _icons is None:
        _icons = NameOnlyIcons()
    return _icons


def file_dialog(
    parent: QWidget | None,
    title: str,
    start: Path,
    filters: str,
    mode: QFileDialog.FileMode = QFileDialog.FileMode.ExistingFile,
    saving: bool = False,
    databases_listed: bool = False,
) -> QFileDialog:
    """A dialog showing ``start`` (a folder, or a file to propose), safe for open archives.

    ``databases_listed``: the archives themselves are listed (to choose an archive), still
    without their -wal and -shm."""
    dialog = QFileDialog(parent, title, "", filters)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setIconProvider(_icon_provider())
    dialog.setProxyModel(_WithoutArchiveFiles(databases_listed, dialog))
    dialog.setFileMode(mode)
    if saving:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    if start.is_dir() or not start.name:
        dialog.setDirectory(str(start))
    else:
        dialog.setDirectory(str(start.parent))
        dialog.selectFile(start.name)
    return dialog


def _chosen(dialog: QFileDialog) -> list[Path]:
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return []
    return [Path(file) for file in dialog.selectedFiles()]


def open_file(parent: QWidget | None, title: str, folder: Path, filters: str) -> Path | None:
    """One existing file the user picks, or None."""
    return next(iter(_chosen(file_dialog(parent, title, folder, filters))), None)


def open_files(parent: QWidget | None, title: str, folder: Path, filters: str) -> list[Path]:
    """The existing files the user picks (none if cancelled)."""
    return _chosen(file_dialog(parent, title, folder, filters, QFileDialog.FileMode.ExistingFiles))


def save_file(parent: QWidget | None, title: str, proposed: Path, filters: str) -> Path | None:
    """Where the user wants a new file written (asked before replacing one), or None."""
    dialog = file_dialog(parent, title, proposed, filters, QFileDialog.FileMode.AnyFile, saving=True)
    return next(iter(_chosen(dialog)), None)


def choose_archive(parent: QWidget | None, title: str, proposed: Path, filters: str) -> Path | None:
    """An archive file to use, existing or new (listed archives are not opened to be shown)."""
    dialog = file_dialog(parent, title, proposed, filters, QFileDialog.FileMode.AnyFile, saving=True,
                         databases_listed=True)
    dialog.setOption(QFileDialog.Option.DontConfirmOverwrite)  # choosing it does not replace it
    dialog.setLabelText(QFileDialog.DialogLabel.Accept, QCoreApplication.translate("QFileDialog", "&Choose"))
    return next(iter(_chosen(dialog)), None)
