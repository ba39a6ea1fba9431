"""Measures in a fresh process: ``python -m bench.child NAME[,NAME...] CONTEXT``; the
result is the last line of its output, as JSON."""

import json
import sys
from collections.abc import Callable
from dataclasses import asdict
from functools import partial

from bench import documents, memory, saving, startup, tasks, window
from bench.context import Context, Measured

MEASURES: dict[str, Callable[[Context], Measured]] = {
    "startup": startup.cold_start,
    "open_meeting": window.open_meeting,
    "typing": window.typing,
    "typing_recording": window.typing_recording,
    "archive_window": window.archive_window,
    "search": window.search,
    "task_register": tasks.task_register,
    "autosave": saving.autosave,
    **{f"export {d} {f}": partial(documents.export, document=d, fmt=f) for d, f in documents.EXPORTS},
    "export unprepared": documents.export_unprepared,
    "libreoffice": documents.libreoffice,
    "memory": memory.peak_memory,
}
RESULT = "RESULT "


def main() -> None:
    names, context = sys.argv[1].split(","), Context.from_json(sys.argv[2])
    merged = Measured()
    for name in names:
        measured: Measured = MEASURES[name](context)
        for key, values in measured.samples.items():
            merged.samples.setdefault(key, []).extend(values)
        merged.facts |= measured.facts
    print(RESULT + json.dumps(asdict(merged), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
