"""What the app is shipped as: the wheel holds every file of the package and its resources."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def _shipped_files() -> set[str]:
    """Every file of the package as the wheel must name it (resources/ is minutes_app/resources/)."""
    names = set()
    for folder, prefix in ((ROOT / "minutes_app", "minutes_app"), (ROOT / "resources", "minutes_app/resources")):
        for path in folder.rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                names.add(f"{prefix}/{path.relative_to(folder).as_posix()}")
    return names


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # Built from a copy: setuptools reuses a checkout's build/ folder, which may still hold
    # files that the configuration no longer ships.
    source = tmp_path_factory.mktemp("source")
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(ROOT / name, source)
    for name in ("minutes_app", "resources"):
        shutil.copytree(ROOT / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
    folder = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(folder), str(source)],
        check=True, capture_output=True,
    )
    (built,) = folder.glob("minutes_app-*.whl")
    return built


def test_the_wheel_holds_every_file_of_the_package(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = _shipped_files() - names
    assert not missing, f"not in the wheel (add the package to pyproject.toml): {sorted(missing)}"
    # The files read at run time, named here so that a folder left out entirely is noticed too.
    for needed in (
        "minutes_app/documents/pdf_render.py",
        "minutes_app/migrations/env.py",
        "minutes_app/migrations/versions/0001_initial_schema.py",
        "minutes_app/resources/schema/meeting-v1.schema.json",
        "minutes_app/resources/profiles/state.json",
        "minutes_app/resources/i18n/minutes_app_en.qm",
        "minutes_app/resources/i18n/en.json",
        "minutes_app/resources/fonts/LiberationSerif-Regular.ttf",
        "minutes_app/resources/fonts/LICENSE-LiberationSerif.txt",
        "minutes_app/resources/icons/minutes-app-512.png",
    ):
        assert needed in names
