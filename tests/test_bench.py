"""The benchmark's smoke run: tiny sizes, every measure once, no targets checked (those
are for ``make bench``), so the benchmark keeps working as the app changes."""

import json
from pathlib import Path

from bench.data import TINY
from bench.runner import TINY_PLAN, run, table


def test_the_benchmark_runs_on_tiny_data(tmp_path: Path) -> None:
    out = tmp_path / "results.json"
    report = run(TINY, TINY_PLAN, seed=1, out=out, cache=tmp_path / "cache", log=lambda _: None)
    measured = {m["key"] for m in report["measures"]}
    assert {"startup", "keystroke", "autosave", "open_meeting", "minutes_docx", "minutes_pdf", "article_docx",
            "article_pdf_again", "search", "archive_window", "peak_rss", "task_register_open",
            "task_register_filter"} <= measured
    assert out.exists()
    assert "cold start" in table(report)
    # Each photo is decoded once: by the window before any export, or by the first export.
    assert report["facts"]["article_docx"]["photos decoded, first and again"] == [0, 0]
    assert report["facts"]["article without window: photos decoded, DOCX then PDF"] == [TINY.photos, 0]
    assert report["facts"]["keystrokes"] == report["facts"]["repainted"]
    # Every task of the ordinary meetings and of the large one is in the register.
    [manifest] = (tmp_path / "cache").glob("*/manifest.json")
    assert report["facts"]["tasks in the register"] == json.loads(manifest.read_text())["tasks"] + TINY.directives
