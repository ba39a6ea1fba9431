"""Running the Windows build and the Windows bundle under Wine (Debian's wine64, 64-bit only).

Every run uses a Wine prefix of its own inside build/, never the user's ~/.wine, and a home
folder of its own: Wine links the prefix's Desktop and Documents to the home folder, and
would add menu entries to the desktop's menus for each shortcut made.

Windows programs get pipes for their standard streams: under Wine a console program whose
output is a regular file cannot set up its streams (Python stops with "init_sys_streams:
Invalid handle"), while pipes work with no terminal at all.
"""

import os
import re
import shutil
import subprocess
from pathlib import Path

# Debian's wine64 package installs the loader here; /usr/bin/wine comes with `wine`, which
# also wants the 32-bit half that Debian does not have for this machine.
WINE = Path("/usr/lib/wine/wine64")
WINESERVER = Path("/usr/lib/wine/wineserver")
# Mono and Gecko (for .NET and HTML programs) would be offered for download at the first
# start; the menu builder would copy Windows shortcuts into the Linux desktop's menus.
DLL_OVERRIDES = "mscoree,mshtml=;winemenubuilder.exe=d"


class WineError(Exception):
    """A Windows program failed under Wine; the message holds its output."""


class Wine:
    """One Wine prefix and the programs run in it."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix.resolve()

    def env(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        return {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.prefix / "home"),
            "LANG": os.environ.get("LANG", "C.UTF-8"),
            "WINEPREFIX": str(self.prefix),
            "WINEDEBUG": "-all",
            "WINEDLLOVERRIDES": DLL_OVERRIDES,
            **(extra or {}),
        }

    def create(self) -> None:
        """A new prefix that reports Windows 10 and has a display driver with no screen."""
        shutil.rmtree(self.prefix, ignore_errors=True)
        (self.prefix / "home").mkdir(parents=True)
        self.run("wineboot", "--init")
        self.run("winecfg", "-v", "win10")
        # With no X display Wine loads no driver at all, and then cannot make even the hidden
        # windows through which Qt's event loop gets its messages on Windows: closing the
        # window would never finish. The null driver makes windows without a screen.
        self.run("reg", "add", r"HKCU\Software\Wine\Drivers", "/v", "Graphics", "/d", "null", "/f")
        self.wait()

    def run(self, program: str | Path, *args: str, env: dict[str, str] | None = None, timeout: float = 600,
            check: bool = True) -> subprocess.CompletedProcess[str]:
        """``program`` (a Windows path, or a Linux path to an .exe) with ``args``; its output decoded as UTF-8."""
        result = subprocess.run(
            [str(WINE), str(program), *args], env=self.env(env), stdin=subprocess.DEVNULL,
            capture_output=True, timeout=timeout, check=False,
        )
        done = subprocess.CompletedProcess(
            result.args, result.returncode,
            result.stdout.decode("utf-8", "replace").replace("\r\n", "\n"),
            result.stderr.decode("utf-8", "replace").replace("\r\n", "\n"),
        )
        if check and done.returncode != 0:
            raise WineError(f"{Path(program).name} {' '.join(args)} failed ({done.returncode}):\n"
                            f"{done.stdout[-3000:]}{done.stderr[-6000:]}")
        return done

    def wait(self) -> None:
        """Until every program of the prefix has ended and its files are written."""
        subprocess.run([str(WINESERVER), "-w"], env=self.env(), check=True, timeout=300)

    def install_standins(self, qtcore: Path, work: Path) -> None:
        """Windows libraries that Wine 8 lacks, in the prefix's system32: wine-standins.s, with
        icuuc.dll exporting what ``qtcore`` (Qt6Core.dll) imports from it."""
        dump = subprocess.run(["objdump", "-p", str(qtcore)], capture_output=True, text=True, check=True).stdout
        imported = dump.split("DLL Name: icuuc.dll", 1)[1].split("DLL Name:", 1)[0]
        icu = [name if name == "ucnv_open" else f"{name} = nothing"
               for name in re.findall(r"^\s+[0-9a-f]+\s+\d+\s+(\w+)$", imported, re.M)]
        if "ucnv_open" not in icu:
            raise WineError(f"{qtcore.name} no longer imports ucnv_open: see wine-standins.s")
        exports = {"icuuc.dll": icu, "bcryptprimitives.dll": ["ProcessPrng = advapi32.SystemFunction036"]}
        work.mkdir(parents=True, exist_ok=True)
        source = Path(__file__).with_name("wine-standins.s")
        subprocess.run(["as", "--64", "-o", "standins.o", str(source)], cwd=work, check=True)
        # Debian's binutils write Windows objects and DLLs, from an ELF object converted.
        subprocess.run(["objcopy", "-O", "pe-x86-64", "standins.o", "standins.obj"], cwd=work, check=True)
        for dll, names in exports.items():
            definition = work / f"{dll}.def"
            definition.write_text(f"LIBRARY {dll}\nEXPORTS\n" + "".join(f"    {name}\n" for name in names))
            subprocess.run(["ld", "-m", "i386pep", "--shared", "--no-insert-timestamp", "--entry", "DllMain",
                            "--subsystem", "windows", "-o", str(self.system32 / dll), "standins.obj",
                            definition.name], cwd=work, check=True)

    def drive_c_path(self, path: Path) -> str:
        """A path inside the prefix's drive C:, as Windows programs name it."""
        return "C:\\" + str(path.relative_to(self.prefix / "drive_c")).replace("/", "\\")

    @property
    def system32(self) -> Path:
        return self.prefix / "drive_c" / "windows" / "system32"

    @property
    def local_app_data(self) -> Path:
        """%LOCALAPPDATA% of the prefix's user, as a Linux path."""
        (user,) = (p for p in (self.prefix / "drive_c" / "users").iterdir() if p.name != "Public")
        return user / "AppData" / "Local"


def windows_path(path: Path) -> str:
    """A Linux path as Windows programs under Wine see it (drive Z: is the Linux root)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")
