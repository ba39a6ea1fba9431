import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from minutes_app.archive import Archive, open_archive
from tests import postgres

DATA = Path(__file__).parent / "data"
EXAMPLE = DATA / "chuyen-doi-so" / "meeting.json"
DATABASES = ("sqlite", "postgresql")

# Qt tests draw offscreen; set before any QApplication exists.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--crash-kills", type=int, default=50, help="kills in the crash test (longer run: 500)")
    parser.addoption("--crash-seed", default="minutes-app", help="seed of the crash test, to replay a failure")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    # Tests marked 'databases' run once on SQLite and once on a real PostgreSQL server.
    if "database" in metafunc.fixturenames and metafunc.definition.get_closest_marker("databases"):
        metafunc.parametrize("database", DATABASES, indirect=True)


@pytest.fixture
def example_dir(tmp_path: Path) -> Path:
    """A writable copy of the shared example (meeting.json and photos/)."""
    target = tmp_path / "example"
    shutil.copytree(EXAMPLE.parent, target)
    return target


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[postgres.Cluster]:
    bin_dir = postgres.find_bin()
    if bin_dir is None:
        message = "PostgreSQL is not installed (Debian package: postgresql)"
        if os.environ.get("MINUTES_APP_REQUIRE_POSTGRES"):
            pytest.fail(message)
        pytest.skip(message)
    cluster = postgres.Cluster(bin_dir)
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The system keyring replaced by a file for the test (and its child processes)."""
    import keyring

    from tests.keyring_backend import FileKeyring

    previous = keyring.get_keyring()  # chosen before the test's backend becomes eligible
    store = tmp_path / "keyring.json"
    monkeypatch.setenv("MINUTES_APP_TEST_KEYRING", str(store))
    keyring.set_keyring(FileKeyring())
    yield store
    keyring.set_keyring(previous)


@pytest.fixture
def database(request: pytest.FixtureRequest) -> str:
    return getattr(request, "param", "sqlite")


def new_url(database: str, folder: Path, request: pytest.FixtureRequest) -> str:
    """A new, empty archive on ``database``; dropped after the test."""
    if database == "sqlite":
        return f"sqlite:///{folder / 'archive.sqlite3'}"
    cluster: postgres.Cluster = request.getfixturevalue("postgres_cluster")
    url = cluster.new_database()
    request.addfinalizer(lambda: cluster.drop_database(url))
    return url


@pytest.fixture
def db_url(database: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    return new_url(database, tmp_path, request)


@pytest.fixture
def archive(db_url: str) -> Iterator[Archive]:
    with open_archive(db_url) as opened:
        yield opened
