"""Asking for an office server's password when the archive needs one."""

from collections.abc import Callable

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget
from sqlalchemy.engine import make_url
from sqlalchemy.exc import OperationalError

from minutes_app.archive import Archive, open_archive
from minutes_app.credentials import CredentialsError, account, is_login_refused, save_password, with_given_password

# Asked for a password: the password and whether to keep it in the keyring, or None (cancelled).
Ask = Callable[[str, bool], tuple[str, bool] | None]

ATTEMPTS = 3


class PasswordDialog(QDialog):
    def __init__(self, parent: QWidget | None, login: str, again: bool) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Đăng nhập máy chủ"))
        text = (self.tr("Mật khẩu không đúng. Nhập lại mật khẩu của {login}:") if again
                else self.tr("Mật khẩu của {login}:")).format(login=login)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Mật khẩu"))
        self.remember = QCheckBox(self.tr("&Ghi nhớ trong kho khóa của hệ thống"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(text))
        layout.addWidget(self.password)
        layout.addWidget(self.remember)
        layout.addWidget(buttons)


def ask_with_dialog(login: str, again: bool) -> tuple[str, bool] | None:
    dialog = PasswordDialog(None, login, again)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password.text(), dialog.remember.isChecked()


def open_with_login(url: str | None, ask: Ask = ask_with_dialog) -> Archive:
    """Open the archive; when the server refuses the login, ask for the password (and keep
    it in the keyring if the user says so). Cancelling raises the server's refusal."""
    try:
        return open_archive(url)
    except OperationalError as error:
        if url is None or not is_login_refused(error):
            raise
        refusal = error
    login = account(make_url(url))
    for attempt in range(ATTEMPTS):
        answer = ask(login, attempt > 0)
        if answer is None:
            break
        password, remember = answer
        try:
            archive = open_archive(with_given_password(url, password))
        except OperationalError as error:
            if not is_login_refused(error):
                raise
            refusal = error
            continue
        if remember:
            try:
                save_password(url, password)
            except CredentialsError:
                pass  # the archive is open; the password will be asked again next time
        return archive
    raise refusal
