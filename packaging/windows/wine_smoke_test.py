"""Smoke test of the Windows installer and bundle under Wine, run by `make dist` after
building them: ``python packaging/windows/wine_smoke_test.py SETUP.exe dist/minutes-app-windows``.

In a new Wine prefix (build/windows/smoke), as a secretary would use it:

- the installer's size and payload (unpacked by 7-Zip) against the bundle;
- a silent install for the user: the program in %LOCALAPPDATA%\\Programs\\Biên bản hội nghị,
  byte for byte the bundle, its shortcuts and its entry in Settings > Apps;
- the installed app: its version; the shared example imported into the default archive in
  %LOCALAPPDATA%\\minutes-app and into an archive whose path has Vietnamese letters; the
  minutes and the news article exported to PDF and DOCX, to a folder path longer than 260
  characters, their text checked; the PDF font, the shipped Liberation Serif, then Times New
  Roman once C:\\Windows\\Fonts has it; a backup; the window started offscreen, checked from
  inside (keyring in the Credential Manager, data folder, printing), shown and closed;
- an upgrade over it: an older version's stray file goes, the archive stays;
- the uninstaller: the program, its shortcuts and its entry go; the archive, its backups
  and the settings stay.
"""

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path, PureWindowsPath

from docx import Document
from fontTools.ttLib import TTFont

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
# packaging/: the Linux checks
from smoke_test import EXAMPLE, EXPECTED_TEXT, constant, pdf_text, wav_seconds, write_tone  # noqa: E402
from wine import Wine, windows_path  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / "build" / "windows" / "smoke"
MAX_INSTALLER_MB = 90
MAX_INSTALLED_MB = 200
APP_NAME = constant("APP_NAME")
APP_ID = constant("APP_ID")
UNINSTALL_KEY = rf"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"
SETTINGS_KEY = rf"HKCU\Software\{APP_ID}\{APP_ID}"
ARTICLE_TEXT = (
    "Sơ kết công tác chuyển đổi số 6 tháng đầu năm",
    "Giám đốc Sở Khoa học và Công nghệ Lê Thị Mai",
    "Trần Quốc Hùng chủ trì Hội nghị",
)
# Folders with Vietnamese names, nested past Windows' classic 260-character limit.
LONG_FOLDER = "C:\\Tài liệu hội nghị\\" + "\\".join(
    f"Biên bản hội nghị sơ kết chuyển đổi số, phần {n}" for n in range(1, 7)
)
ARCHIVE = "C:\\Hồ sơ văn phòng\\Kho lưu trữ biên bản.sqlite3"
TITLE = "Hội nghị sơ kết công tác chuyển đổi số 6 tháng đầu năm"
# A recording of the hall, attached and replayed; the first speech is its seconds 2 to 7.
RECORDING = "C:\\Ghi âm\\Hội trường tầng 2.wav"

# Run inside the started window (MINUTES_APP_UI_SCRIPT): what only the running app can tell.
WINDOW_SCRIPT = """
import json
import sys
import time
from pathlib import Path

import keyring
import sounddevice
from PySide6.QtCore import QProcess, QTimer
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QAbstractItemView

from minutes_app.audio.client import AudioClient
from minutes_app.audio.devices import input_devices
from minutes_app.cli import WORKER_ARG
from minutes_app.documents.fonts import serif_for
from minutes_app.processes import worker_command
from minutes_app.storage import data_dir
from minutes_app.ui.printing import paint_pages, pdf_page_images

OUT = Path(OUT_FOLDER)
facts = {}


def until(condition, seconds=60):
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.1)
    return condition()


# The audio process, started as the recorder bar starts it, records the tone as if spoken
# into a microphone (Wine has no sound device), then ends.
def record():
    client = AudioClient(window.archive.engine.url.render_as_string(hide_password=False), MEETING_ID, [],
                         {"file": TONE}, {"null": True})
    ready = client.ready.wait(120)
    client.send("record")
    until(lambda: client.status.recording and client.status.elapsed >= 2)
    client.send("stop")
    until(lambda: any(s.state == "stopped" for s in client.segments.values()))
    ended = client.close()
    facts["worker"] = {
        "program": Path(worker_command(WORKER_ARG)[0]).name, "ready": ready, "ended": ended,
        "exit code": client.process.returncode, "errors": [e for e in client.events if "error" in e],
        "segments": [[s.state, round(s.duration, 1)] for s in client.segments.values()],
    }


# A second start on the same archive asks this window, through its local socket (a named
# pipe), to come forward, and ends.
def second_start():
    asked = []
    beacon.asked.connect(lambda: asked.append(True))
    second = QProcess(app)

    def done(code, _status):
        facts["second start"] = {"exit code": code, "asked": bool(asked)}
        finish()

    second.finished.connect(done)
    second.start(sys.executable, [])
    QTimer.singleShot(180_000, finish)  # no answer: the facts say so


def finish():
    if not window.isVisible():
        return
    (OUT / "window.json").write_text(json.dumps(facts, ensure_ascii=False), encoding="utf-8")
    window.close()


def check():
    try:
        look()
    except Exception:  # the facts say what failed, at once, instead of a window left open
        import traceback
        facts["error"] = traceback.format_exc()
        finish()


def look():
    keyring.set_password("minutes-app", "thư.ký@máy-chủ:5432/kho", "mật khẩu Đặng")
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(OUT / "in.pdf"))
    pages = pdf_page_images(OUT / "bien-ban.pdf", dpi=60)
    paint_pages(printer, pages)
    window.grab().save(str(OUT / "window.png"))
    facts.update({
        "title": window.windowTitle(),
        "visible": window.isVisible(),
        "icon sizes": len(app.windowIcon().availableSizes()),
        "rows": max((view.model().rowCount() for view in window.findChildren(QAbstractItemView) if view.model()),
                    default=0),
        "data folder": str(data_dir()),
        "keyring": type(keyring.get_keyring()).__name__,
        "password": keyring.get_password("minutes-app", "thư.ký@máy-chủ:5432/kho"),
        "serif": str(serif_for("Biên bản").regular),
        "printed pages": len(pages),
        "portaudio": sounddevice.get_portaudio_version()[1],
        "microphones": input_devices(),
    })
    record()
    second_start()


QTimer.singleShot(1000, check)
"""


def fail(message: str) -> None:
    raise SystemExit(f"Windows smoke test: {message}")


def tree(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` with its SHA-256."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def lists(output: str, meeting: str) -> bool:
    """Whether `minutes-app-cli list` printed the example under its id: id, date, title."""
    return re.search(rf"^{meeting}\t2026-07-10\t{TITLE}", output, re.M) is not None


def megabytes(paths: list[Path]) -> float:
    return sum(p.stat().st_size for p in paths) / 1e6


def check_payload(installer: Path, expected: dict[str, str]) -> None:
    """The files in the installer, unpacked by 7-Zip, are the bundle's, byte for byte (files
    that are the same are stored once: the listing gives no sizes, so they are compared unpacked)."""
    unpacked = WORK.parent / "payload"
    shutil.rmtree(unpacked, ignore_errors=True)
    subprocess.run(["7z", "x", "-bd", "-y", f"-o{unpacked}", str(installer)], capture_output=True, check=True)
    payload = {path: digest for path, digest in tree(unpacked).items()
               if not path.startswith("$PLUGINSDIR/") and path != "uninstall.exe"}
    shutil.rmtree(unpacked)
    if payload != expected:
        different = sorted(set(payload.items()) ^ set(expected.items()))
        fail(f"the installer's files differ from the bundle's: {different[:10]}")
    print(f"installer: {installer.stat().st_size / 1e6:.1f} MB, {len(payload)} files, the bundle's")


class Installed:
    """The app installed by the installer in a Wine prefix."""

    def __init__(self, wine: Wine) -> None:
        self.wine = wine
        self.folder = wine.local_app_data / "Programs" / APP_NAME
        self.user = wine.local_app_data.parent.parent

    def run(self, *args: str, gui: bool = False, env: dict[str, str] | None = None,
            check: bool = True) -> subprocess.CompletedProcess[str]:
        program = self.folder / ("minutes-app.exe" if gui else "minutes-app-cli.exe")
        return self.wine.run(program, *args, env={"QT_QPA_PLATFORM": "offscreen", **(env or {})}, timeout=300,
                             check=check)

    @property
    def shortcuts(self) -> list[Path]:
        return [self.user / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs"
                / f"{APP_NAME}.lnk", self.user / "Desktop" / f"{APP_NAME}.lnk"]

    def registry(self, key: str) -> dict[str, str] | None:
        """The values of a registry key, as `reg export` writes them; None if there is no such key."""
        exported = WORK / "key.reg"
        if self.wine.run("reg", "export", key, windows_path(exported), "/y", check=False).returncode != 0:
            return None
        text = exported.read_bytes().decode("utf-16")
        return {name: quoted.replace('\\"', '"').replace("\\\\", "\\") if other == "" else other
                for name, quoted, other in re.findall(r'^"(.+?)"=(?:"(.*)"|(\S+))\r?$', text, re.M)}


def install(wine: Wine, installer: Path) -> Installed:
    wine.run(installer, "/S", timeout=600)
    wine.wait()
    return Installed(wine)


def check_install(app: Installed, bundle: Path, expected: dict[str, str]) -> None:
    installed = tree(app.folder)
    if installed.pop("uninstall.exe", None) is None:
        fail("no uninstaller was installed")
    if installed != expected:
        fail(f"the installed files differ from the bundle: {sorted(set(installed) ^ set(expected))[:10]}")
    size = megabytes(list(app.folder.rglob("*")))
    if size > MAX_INSTALLED_MB:
        fail(f"the installed folder is {size:.1f} MB, over {MAX_INSTALLED_MB} MB")
    for shortcut in app.shortcuts:
        if not shortcut.is_file() or "minutes-app.exe".encode("utf-16-le") not in shortcut.read_bytes():
            fail(f"no shortcut to the app at {shortcut}")
    entry = app.registry(UNINSTALL_KEY) or {}
    folder = app.wine.drive_c_path(app.folder)
    for name, value in (("DisplayName", APP_NAME), ("DisplayVersion", constant("__version__")),
                        ("InstallLocation", folder), ("UninstallString", f'"{folder}\\uninstall.exe"')):
        if entry.get(name) != value:
            fail(f"Settings > Apps: {name} is {entry.get(name)!r}, not {value!r}")
    print(f"installed: {size:.1f} MB in {app.folder.name}, byte for byte the bundle; shortcuts, Settings > Apps")


def check_documents(app: Installed, out: Path) -> str:
    """Exports from the archive with a Vietnamese path, into the long folder, their text read
    back; the id of the meeting imported there."""
    meeting = app.run("import", windows_path(EXAMPLE), "--db", f"sqlite:///{ARCHIVE}").stdout.strip()
    if not meeting.isdigit():
        fail(f"import printed {meeting!r}, not a meeting id")
    folder = app.wine.prefix / "drive_c" / LONG_FOLDER[3:].replace("\\", "/")
    folder.mkdir(parents=True)
    for document, expected in (("minutes", EXPECTED_TEXT), ("press-release", ARTICLE_TEXT)):
        for form in ("pdf", "docx"):
            name = f"{LONG_FOLDER}\\{'Biên bản' if document == 'minutes' else 'Tin bài'} – chuyển đổi số.{form}"
            app.run("export", meeting, "--db", f"sqlite:///{ARCHIVE}", "--document", document, "--format", form,
                    "-o", name)
            written = folder / name.rsplit("\\", 1)[1]
            if form == "pdf":
                text = pdf_text(written)
            else:
                text = " ".join(p.text for p in Document(str(written)).paragraphs)
                text += " ".join(c.text for t in Document(str(written)).tables for r in t.rows for c in r.cells)
            missing = [e for e in expected if e not in re.sub(r"\s+", " ", text)]
            if missing:
                fail(f"{written.name}: text not found: {missing}")
            if document == "minutes" and form == "pdf":
                shutil.copy(written, out / "bien-ban.pdf")
    print(f"documents: minutes and article, PDF and DOCX, read back; folder path of {len(LONG_FOLDER) + 30} characters")
    return meeting


def linux_path(wine: Wine, windows: str) -> Path:
    """Where a file on the prefix's drive C: is, for this Linux machine."""
    return wine.prefix / "drive_c" / PureWindowsPath(windows).relative_to("C:\\").as_posix()


def check_audio(app: Installed, meeting: str) -> None:
    """FFmpeg's libraries through PyAV: a recording attached (decoded, encoded as Opus into
    the archive) and the first speech's clip cut from it, all in Vietnamese-named folders."""
    usage = app.run("audio", "--help").stdout
    if "--attach" not in usage or "--speech" not in usage:
        fail(f"audio --help printed:\n{usage}")
    sound = linux_path(app.wine, RECORDING)
    sound.parent.mkdir()
    write_tone(sound, 7)
    db = f"sqlite:///{ARCHIVE}"
    attached = app.run("audio", meeting, "--db", db, "--attach", RECORDING, "--start", "2026-07-10T07:59:58").stdout
    if "Hội trường tầng 2.wav" not in attached or "dài 7.0 giây" not in attached:
        fail(f"audio --attach printed {attached!r}")
    clip = "C:\\Ghi âm\\Ý kiến thứ nhất.wav"
    app.run("audio", meeting, "--db", db, "--speech", "1", "-o", clip)
    seconds = wav_seconds(linux_path(app.wine, clip))
    if abs(seconds - 5) > 0.1:
        fail(f"the first speech's clip lasts {seconds:.2f} s, not 5")
    print(f"audio: a recording attached (Opus through FFmpeg), the first speech's clip cut: {seconds:.1f} s")


def embedded_fonts(pdf: Path) -> str:
    return subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout


def check_fonts(app: Installed, out: Path) -> None:
    """Liberation Serif (shipped) when Windows has no Times New Roman; Times New Roman when it does."""
    if "LiberationSerif" not in embedded_fonts(out / "bien-ban.pdf"):
        fail(f"the PDF does not embed the shipped Liberation Serif:\n{embedded_fonts(out / 'bien-ban.pdf')}")
    fonts = app.wine.prefix / "drive_c" / "windows" / "Fonts"
    shipped = ROOT / "resources" / "fonts"
    # A stand-in: the shipped Liberation Serif (same metrics and letters) under Times New Roman's names.
    for face, style, file in (("Regular", "Regular", "times.ttf"), ("Bold", "Bold", "timesbd.ttf"),
                              ("Italic", "Italic", "timesi.ttf"), ("BoldItalic", "Bold Italic", "timesbi.ttf")):
        font = TTFont(shipped / f"LiberationSerif-{face}.ttf")
        ps_name = "TimesNewRomanPS" + {"Regular": "MT", "Bold": "-BoldMT", "Italic": "-ItalicMT",
                                       "BoldItalic": "-BoldItalicMT"}[face]
        for record in font["name"].names:
            value = {1: "Times New Roman", 4: f"Times New Roman {style}".replace(" Regular", ""), 6: ps_name,
                     16: "Times New Roman"}.get(record.nameID)
            if value is not None:
                record.string = value
        font.save(fonts / file)
    target = "C:\\Times\\biên bản.pdf"
    (app.wine.prefix / "drive_c" / "Times").mkdir()
    app.run("export", windows_path(EXAMPLE), "--document", "minutes", "--format", "pdf", "-o", target)
    found = embedded_fonts(app.wine.prefix / "drive_c" / "Times" / "biên bản.pdf")
    if "TimesNewRomanPSMT" not in found or "LiberationSerif" in found:
        fail(f"with Times New Roman in C:\\Windows\\Fonts, the PDF embeds:\n{found}")
    for file in ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf"):
        (fonts / file).unlink()
    print("fonts: Liberation Serif shipped, Times New Roman from C:\\Windows\\Fonts, embedded")


def check_window(app: Installed, out: Path, meeting: str) -> None:
    script = out / "window.py"
    script.write_text(f"OUT_FOLDER = {windows_path(out)!r}\nMEETING_ID = {int(meeting)}\nTONE = {RECORDING!r}\n"
                      f"{WINDOW_SCRIPT}", encoding="utf-8")
    done = app.run(gui=True, env={"MINUTES_APP_UI_SCRIPT": windows_path(script)})
    if "Traceback" in done.stderr:
        fail(f"the window wrote a traceback:\n{done.stderr}")
    facts = json.loads((out / "window.json").read_text(encoding="utf-8"))
    if "error" in facts:
        fail(f"the window's script failed:\n{facts['error']}")
    expected = {
        "title": f"{APP_NAME} — {app.wine.drive_c_path(app.wine.local_app_data / APP_ID / 'archive.sqlite3')}",
        "visible": True, "icon sizes": 8, "keyring": "WinVaultKeyring",
        "password": "mật khẩu Đặng", "data folder": app.wine.drive_c_path(app.wine.local_app_data / APP_ID),
    }
    wrong = {key: facts.get(key) for key, value in expected.items() if facts.get(key) != value}
    shipped_font = facts["serif"].endswith("LiberationSerif-Regular.ttf")
    if wrong or facts["rows"] < 1 or facts["printed pages"] < 1 or not shipped_font:
        fail(f"the window reports {facts}, expected {expected}")
    # PortAudio loads (Wine has no sound device to list); the audio process runs as the
    # console program beside the window's, records and ends when told.
    worker = facts["worker"]
    recorded = [seconds for state, seconds in worker["segments"] if state == "stopped"]
    if (not facts["portaudio"].startswith("PortAudio") or worker["program"] != "minutes-app-cli.exe"
            or not worker["ready"] or not worker["ended"] or worker["exit code"] != 0 or worker["errors"]
            or len(recorded) != 1 or recorded[0] < 2):
        fail(f"the audio process: {worker}, {facts['portaudio']}")
    if facts.get("second start") != {"exit code": 0, "asked": True}:
        fail(f"a second start on the archive: {facts.get('second start')}")
    printed = subprocess.run(["pdfinfo", str(out / "in.pdf")], capture_output=True, text=True, check=True).stdout
    if re.search(r"^Pages:\s+(\d+)$", printed, re.M)[1] != str(facts["printed pages"]):
        fail(f"printing gave:\n{printed}")
    if app.registry(SETTINGS_KEY) is None:
        fail(f"no settings in {SETTINGS_KEY} after the window closed")
    print(f"window: shown and closed; {facts['keyring']}, {facts['data folder']}, "
          f"{facts['printed pages']} pages printed; {facts['portaudio']}; the audio process recorded "
          f"{recorded[0]:.1f} s and ended; a second start brought the window forward")


def main(installer: Path, bundle: Path) -> None:
    version = constant("__version__")
    if installer.stat().st_size > MAX_INSTALLER_MB * 1e6:
        fail(f"the installer is {installer.stat().st_size / 1e6:.1f} MB, over {MAX_INSTALLER_MB} MB")
    left_out = {"icuuc.dll", "bcryptprimitives.dll", "opengl32sw.dll"}  # see the spec
    if found := left_out & {p.name.lower() for p in bundle.rglob("*")}:
        fail(f"the bundle holds {found}")
    if (bundle / "minutes-app.pkg").read_bytes() != (bundle / "minutes-app-cli.pkg").read_bytes():
        fail("the two programs' Python code differs: the installer would hold it twice")
    expected = tree(bundle)
    check_payload(installer, expected)

    shutil.rmtree(WORK, ignore_errors=True)
    out = WORK / "out"
    out.mkdir(parents=True)
    wine = Wine(WORK / "wine")
    wine.create()
    wine.install_standins(bundle / "_internal" / "PySide6" / "Qt6Core.dll", WORK / "icu")
    for program in ("minutes-app-cli.exe", "minutes-app.exe"):
        shown = wine.run(bundle / program, "--version").stdout.strip()
        if shown != f"minutes-app {version}":
            fail(f"{program} --version printed {shown!r}")

    app = install(wine, installer)
    check_install(app, bundle, expected)
    meeting = app.run("import", windows_path(EXAMPLE)).stdout.strip()
    archive = app.wine.local_app_data / APP_ID / "archive.sqlite3"
    if not archive.is_file():
        fail(f"the default archive is not in %LOCALAPPDATA%\\{APP_ID}")
    if not lists(app.run("list").stdout, meeting):
        fail("list does not show the imported meeting")
    check_audio(app, check_documents(app, out))
    check_fonts(app, out)
    backup = PureWindowsPath(app.run("backup").stdout.strip())
    check_window(app, out, meeting)

    # An upgrade over it: a file only an older version had goes, the user's data stays.
    stray = app.folder / "_internal" / "from-an-older-version.pyd"
    stray.write_bytes(b"MZ")
    install(wine, installer)
    check_install(app, bundle, expected)
    if not lists(app.run("list").stdout, meeting):
        fail("the archive did not survive the upgrade")
    print("upgrade: in place, the older version's file removed, the archive kept")

    app.wine.run(app.folder / "uninstall.exe", "/S")
    app.wine.wait()
    left = [p for p in (app.folder, *app.shortcuts) if p.exists()]
    if left or app.registry(UNINSTALL_KEY) is not None:
        fail(f"the uninstaller left {left or UNINSTALL_KEY}")
    kept = {"archive": archive.is_file(), "backup": (archive.parent / "backups" / backup.name).is_file(),
            "settings": app.registry(SETTINGS_KEY) is not None}
    if not all(kept.values()):
        fail(f"the uninstaller did not keep the user's data: {kept}")
    if not lists(wine.run(bundle / "minutes-app-cli.exe", "list").stdout, meeting):
        fail("the archive left by the uninstaller does not open")
    wine.wait()
    print("uninstall: program, shortcuts and Settings > Apps entry removed; archive, backups, settings kept")
    print("Windows smoke test passed")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
