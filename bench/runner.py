"""The benchmark: generate (or reuse) the data, run each measure in a fresh process,
print the table and write the results as JSON; the targets are checked on the full sizes."""

import json
import math
import os
import platform
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from importlib import metadata
from pathlib import Path
from typing import Any

from bench.child import RESULT
from bench.context import Context, Counts
from bench.data import DEFAULT_CACHE, FULL, Sizes, prepare
from bench.documents import EXPORTS
from minutes_app.backup import make_backup

ROOT = Path(__file__).resolve().parent.parent
REGISTER_PICTURE = ROOT / "docs" / "images" / "theo-doi-nhiem-vu.png"


@dataclass(frozen=True)
class Metric:
    key: str
    what: str
    unit: str  # how it is shown: "s", "ms", "MB" or "×"
    statistic: str = "median"  # the figure the target applies to
    limit: float | None = None  # None: reported, without a target
    at_least: bool = False  # the target is a minimum (the LibreOffice ratio)


METRICS = (
    Metric("startup", "cold start to the archive window shown", "s", "median", 0.8),
    Metric("keystroke", "keystroke in a speech summary, event to repaint, autosave running", "ms", "p99", 4),
    Metric("keystroke_recording", "the same keystroke while the hall is being recorded", "ms", "p99", 4),
    Metric("autosave", "autosave of an edited speech", "ms", "median", 20),
    Metric("open_meeting", "open the large meeting in its window", "ms", "median", 300),
    Metric("minutes_docx", "export the minutes to DOCX, first in the window's process", "s", "median", 1.5),
    Metric("minutes_docx_again", "export the minutes to DOCX again", "s"),
    Metric("minutes_pdf", "export the minutes to PDF, first in the window's process", "s", "median", 2),
    Metric("minutes_pdf_again", "export the minutes to PDF again", "s"),
    Metric("article_docx", "export the article with its photos to DOCX, first", "s", "median", 2),
    Metric("article_docx_again", "export the article to DOCX again (photos cached)", "s"),
    Metric("article_pdf", "export the article with its photos to PDF, first", "s", "median", 2.5),
    Metric("article_pdf_again", "export the article to PDF again (photos cached)", "s"),
    Metric("article_docx_unprepared", "export the article to DOCX without its window (photos decoded)", "s"),
    Metric("article_pdf_unprepared", "then to PDF (photos prepared by the DOCX export)", "s"),
    Metric("libreoffice_minutes", "LibreOffice: the minutes DOCX to PDF", "s"),
    Metric("libreoffice_article", "LibreOffice: the article DOCX to PDF", "s"),
    Metric("ratio_minutes", "LibreOffice's minutes PDF time / ours", "×", "median", 3, at_least=True),
    Metric("ratio_article", "LibreOffice's article PDF time / ours", "×", "median", 3, at_least=True),
    Metric("search", "search the archive, diacritics ignored, list shown", "ms", "p95", 50),
    Metric("archive_window", "archive window shown and scrolled to the end", "ms", "median", 300),
    Metric("archive_page", "archive list: each next page of 200, scrolling to the last meeting", "ms"),
    Metric("task_register_open", "task register: opened over every task, listed, counted and painted", "ms",
           "median", 300),
    Metric("task_register_filter", "task register: a filter or the sort changed, list and counts shown", "ms",
           "p95", 50),
    Metric("peak_rss", "peak memory: large meeting open, both documents exported", "MB", "worst", 300),
)
_SCALE = {"s": 1.0, "ms": 1000.0, "MB": 1 / 2**20, "×": 1.0}
# LibreOffice's time over ours, from the medians of both.
RATIOS = {
    "ratio_minutes": ("libreoffice_minutes", "minutes_pdf"),
    "ratio_article": ("libreoffice_article", "article_pdf"),
}


@dataclass(frozen=True)
class Plan:
    repeats: int = 10  # runs of each measure (startup, opening, the archive window)
    export_processes: int = 5  # fresh processes per export
    search_rounds: int = 5  # each query this many times
    autosave_rounds: int = 3
    keystrokes: int = 400
    libreoffice_runs: int = 3
    memory_processes: int = 3
    # Every measure in one process: quicker, but no export is first in its process.
    one_process: bool = False


TINY_PLAN = Plan(repeats=1, export_processes=1, search_rounds=1, autosave_rounds=1, keystrokes=10,
                 libreoffice_runs=0, memory_processes=1, one_process=True)


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the smallest value with ``share`` of the values at or below it."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


def figures(metric: Metric, values: list[float]) -> dict[str, Any]:
    scale = _SCALE[metric.unit]
    scaled = [v * scale for v in values]
    result: dict[str, Any] = {
        "key": metric.key, "what": metric.what, "unit": metric.unit, "n": len(scaled),
        "median": statistics.median(scaled), "worst": min(scaled) if metric.at_least else max(scaled),
    }
    if len(scaled) > 1:
        result |= {"p95": percentile(scaled, 0.95), "p99": percentile(scaled, 0.99)}
    if metric.limit is not None:
        value = result.get(metric.statistic, result["worst"])
        met = value >= metric.limit if metric.at_least else value <= metric.limit
        result["target"] = {"statistic": metric.statistic, "limit": metric.limit,
                            "at_least": metric.at_least, "met": met}
    return result


def _children(plan: Plan) -> list[tuple[str, int, Counts]]:
    """Each child process to run: the measure, how many processes, and its context's counts."""
    exports = [(f"export {d} {f}", plan.export_processes, Counts(repeats=1)) for d, f in EXPORTS]
    return [
        ("startup", 1, {"repeats": plan.repeats}),
        ("open_meeting", 1, {"repeats": plan.repeats}),
        ("typing", 1, {"keystrokes": plan.keystrokes}),
        ("typing_recording", 1, {"keystrokes": plan.keystrokes}),
        ("archive_window", 1, {"repeats": plan.repeats}),
        ("search", 1, {"repeats": plan.search_rounds}),
        ("task_register", 1, {"repeats": plan.repeats}),
        ("autosave", 1, {"repeats": plan.autosave_rounds}),
        *exports,
        ("export unprepared", plan.export_processes, {}),
        *([("libreoffice", 1, Counts(repeats=plan.libreoffice_runs))] if plan.libreoffice_runs else []),
        ("memory", plan.memory_processes, {}),
    ]


def child_env(context: Context) -> dict[str, str]:
    # Settings and the default archive go to the work folder, never the user's.
    return os.environ | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(context.folder / "config"),
                         "XDG_DATA_HOME": str(context.folder / "data"), "PYTHONPATH": str(ROOT)}


def run_child(name: str, context: Context) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "bench.child", name, context.to_json()], cwd=ROOT,
                          env=child_env(context), capture_output=True, text=True, timeout=3600)
    lines = [line for line in done.stdout.splitlines() if line.startswith(RESULT)]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"the measure {name!r} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")
    result: dict[str, Any] = json.loads(lines[-1][len(RESULT):])
    return result


def machine() -> dict[str, Any]:
    def first(path: str, pattern: str) -> str:
        try:
            found = re.search(pattern, Path(path).read_text(), re.MULTILINE)
        except OSError:
            return "?"
        return found.group(1).strip() if found else "?"

    soffice = shutil.which("soffice")
    memory_kb = first("/proc/meminfo", r"^MemTotal:\s*(\d+)")
    versions = {name: metadata.version(name) for name in
                ("SQLAlchemy", "PySide6-Essentials", "reportlab", "rl_accel", "python-docx", "pillow", "alembic")}
    return {
        "cpu": first("/proc/cpuinfo", r"^model name\s*:(.*)$"),
        "cores": os.cpu_count(),
        "ram_gb": round(int(memory_kb) / 2**20, 1) if memory_kb.isdigit() else "?",
        "os": first("/etc/os-release", r'^PRETTY_NAME="?([^"\n]*)'),
        "kernel": platform.release(),
        "disk": subprocess.run(["df", "--output=source,fstype,size", str(ROOT)], capture_output=True,
                               text=True).stdout.split("\n")[1].split(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "libraries": versions,
        "libreoffice": subprocess.run([soffice, "--version"], capture_output=True, text=True).stdout.strip()
        if soffice else None,
        "load_average_at_start": os.getloadavg(),
    }


def run(sizes: Sizes, plan: Plan, seed: int, out: Path | None, cache: Path = DEFAULT_CACHE,
        only: set[str] | None = None, log: Callable[[str], None] = print) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="minutes-bench-") as work:
        data = prepare(sizes, seed, Path(work) / "data", cache, log)
        # A fresh backup, so the hourly one is not due when a window opens: that copy of
        # the whole archive runs in the background and is not what is measured.
        make_backup(data.archive)
        # The user guide's picture of the register is taken on the full archive only.
        screenshot = str(REGISTER_PICTURE) if sizes == FULL else ""
        base = Context(str(data.archive), data.meeting_id, str(data.meeting_file), work, repeats=1, keystrokes=1,
                       screenshot=screenshot)
        samples: dict[str, list[float]] = {}
        facts: dict[str, Any] = {}
        children = [c for c in _children(plan) if only is None or c[0] in only]
        if plan.one_process:
            counts: Counts = {}
            for _, _, c in children:
                counts |= c
            children = [(",".join(name for name, _, _ in children), 1, counts)]
        for name, processes, counts in children:
            log(f"measuring: {name}")
            for _ in range(processes):
                result = run_child(name, replace(base, **counts))
                for key, values in result["samples"].items():
                    samples.setdefault(key, []).extend(values)
                facts |= result["facts"]
    for ratio, (theirs, ours) in RATIOS.items():
        if samples.get(theirs) and samples.get(ours):
            samples[ratio] = [statistics.median(samples[theirs]) / statistics.median(samples[ours])]
    report = {
        "machine": machine(), "seed": seed, "sizes": asdict(sizes), "plan": asdict(plan),
        "measures": [figures(m, samples[m.key]) for m in METRICS if m.key in samples],
        "facts": facts,
    }
    if out is not None:
        out.write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    return report


def _number(value: float) -> str:
    return f"{value:.3g}" if value < 100 else f"{value:.0f}"


def table(report: dict[str, Any]) -> str:
    lines = [f"{'what':<66} {'target':>10} {'median':>8} {'worst':>8} {'p95':>8} {'p99':>8} {'n':>4}"]
    for m in report["measures"]:
        target = m.get("target")
        goal = ""
        if target:
            goal = f"{'≥' if target['at_least'] else '≤'}{_number(target['limit'])} {target['statistic']}"
        row = [_number(m[k]) if k in m else "" for k in ("median", "worst", "p95", "p99")]
        mark = "" if not target else ("ok" if target["met"] else "MISSED")
        what = f"{m['what']} ({m['unit']})"
        lines.append(f"{what:<66} {goal:>10} {row[0]:>8} {row[1]:>8} {row[2]:>8} "
                     f"{row[3]:>8} {m['n']:>4} {mark}")
    lines.append("")
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in report["facts"].items()]
    return "\n".join(lines)


def missed(report: dict[str, Any]) -> list[str]:
    return [m["key"] for m in report["measures"] if m.get("target") and not m["target"]["met"]]
