"""Passwords for an office database server, kept in the system keyring, never in settings.

An archive's address is stored and shown without its password. When connecting, the
password comes from the address itself, else from the keyring (Windows Credential
Manager, macOS Keychain, Secret Service on Linux), else from PostgreSQL's own
mechanisms (``~/.pgpass``, a service file), which the driver reads by itself.
"""

import getpass

from sqlalchemy.engine import URL, make_url

from minutes_app import APP_ID
from minutes_app.i18n import _


class CredentialsError(Exception):
    """The keyring cannot be used; the message is for the user."""


def account(url: URL) -> str:
    """The keyring entry of a server login: 'user@host:port/database'."""
    return f"{url.username}@{url.host or 'localhost'}:{url.port or 5432}/{url.database or ''}"


def needs_password(url: URL) -> bool:
    return url.get_backend_name() != "sqlite" and bool(url.username) and url.password is None


def with_password(address: str) -> str:
    """``address`` with the password from the keyring added, when it has none of its own."""
    url = make_url(address)
    if not needs_password(url):
        return address
    import keyring
    from keyring.errors import KeyringError

    try:
        password = keyring.get_password(APP_ID, account(url))
    except KeyringError:
        return address  # no keyring here: .pgpass or a service file may still serve
    if password is None:
        return address
    return url.set(password=password).render_as_string(hide_password=False)


def with_given_password(address: str, password: str) -> str:
    return make_url(address).set(password=password).render_as_string(hide_password=False)


def is_login_refused(error: Exception) -> bool:
    """Whether a connection failed for want of the right password."""
    reason = getattr(error, "orig", None) or error
    return getattr(reason, "sqlstate", None) in ("28P01", "28000") or "password" in str(reason).lower()


def without_password(address: str) -> str:
    """The address as settings and messages may hold it."""
    url = make_url(address)
    # URL.set() leaves a None password as it is; a URL is a named tuple, so _replace clears it.
    return url._replace(password=None).render_as_string(hide_password=False) if url.password else address


def save_password(address: str, password: str) -> None:
    import keyring
    from keyring.errors import KeyringError

    url = make_url(address)
    try:
        keyring.set_password(APP_ID, account(url), password)
    except KeyringError as error:
        raise CredentialsError(
            _("Không lưu được mật khẩu vào kho khóa của hệ thống ({reason}). Có thể dùng tệp .pgpass "
              "của PostgreSQL thay thế (xem docs/office-server.md).").format(reason=error)
        ) from None


def login_name() -> str:
    """The user's login name: who saves, when no other name is given; empty when there is none."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in some containers and services
        return ""
