"""A keyring backend for the tests: a JSON file named by MINUTES_APP_TEST_KEYRING."""

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.compat import properties


class FileKeyring(KeyringBackend):
    @properties.classproperty
    def priority(cls) -> float:
        # keyring considers every backend class it knows: this one only when a test asks.
        if "MINUTES_APP_TEST_KEYRING" not in os.environ:
            raise RuntimeError("not the keyring of this process")
        return 1

    def _path(self) -> Path:
        return Path(os.environ["MINUTES_APP_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        return json.loads(self._path().read_text()) if self._path().exists() else {}

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        entries = self._load() | {f"{service}/{username}": password}
        self._path().write_text(json.dumps(entries))

    def delete_password(self, service: str, username: str) -> None:
        entries = self._load()
        entries.pop(f"{service}/{username}", None)
        self._path().write_text(json.dumps(entries))
