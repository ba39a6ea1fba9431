"""What the app is shipped as: the wheel holds every file of the package and its resources."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from minutes_app import APP_NAME, APP_NAME_EN, DESKTOP_ID, __version__

ROOT = Path(__file__).parent.parent
PACKAGING = ROOT / "packaging"


def _run(*command: str) -> str:
    """Output of a tool from a Debian package that `make test` installs."""
    if shutil.which(command[0]) is None:
        pytest.fail(f"{command[0]} is missing: make test installs it (see TEST_DEBS in the Makefile)")
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


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
        "minutes_app/resources/schema/meeting-v2.schema.json",
        "minutes_app/resources/profiles/state.json",
        "minutes_app/resources/i18n/minutes_app_en.qm",
        "minutes_app/resources/i18n/en.json",
        "minutes_app/resources/fonts/LiberationSerif-Regular.ttf",
        "minutes_app/resources/fonts/LICENSE-LiberationSerif.txt",
        "minutes_app/resources/icons/minutes-app-512.png",
    ):
        assert needed in names


def test_the_desktop_entry_is_valid_and_names_the_app() -> None:
    desktop = PACKAGING / "linux" / f"{DESKTOP_ID}.desktop"
    _run("desktop-file-validate", str(desktop))
    lines = desktop.read_text(encoding="utf-8").splitlines()
    for line in (f"Name={APP_NAME}", f"Name[en]={APP_NAME_EN}", f"Icon={DESKTOP_ID}", "Exec=minutes-app"):
        assert line in lines


def test_the_appstream_data_is_valid_and_agrees_with_the_app() -> None:
    metainfo = PACKAGING / "linux" / f"{DESKTOP_ID}.metainfo.xml"
    _run("appstreamcli", "validate", "--no-net", "--strict", str(metainfo))
    component = ElementTree.parse(metainfo).getroot()
    assert component.findtext("id") == DESKTOP_ID
    assert component.findtext("name") == APP_NAME
    assert component.findtext("launchable") == f"{DESKTOP_ID}.desktop"
    assert component.find("releases/release").get("version") == __version__
    assert f"ID={DESKTOP_ID}\n" in (PACKAGING / "linux" / "install.sh").read_text(encoding="utf-8")


def test_the_windows_installer_script_compiles(tmp_path: Path) -> None:
    # A stand-in for the PyInstaller folder, which is built on Windows.
    bundle = tmp_path / "minutes-app"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("minutes-app.exe", "minutes-app-cli.exe"):
        (bundle / name).write_bytes(b"MZ")
    (bundle / "_internal" / "base_library.zip").write_bytes(b"PK")
    installer = tmp_path / "bien-ban-hoi-nghi-setup.exe"
    script = PACKAGING / "windows" / "minutes-app.nsi"
    assert 'MUI_LANGUAGE "Vietnamese"' in script.read_text(encoding="utf-8-sig")
    _run("makensis", "-WX", "-V2", f"-DSOURCE={bundle}", f"-DOUTFILE={installer}", str(script))
    assert installer.stat().st_size > 50_000
