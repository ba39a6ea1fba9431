"""The audio process: records and replays for one meeting window, told what to do by
JSON lines on its standard input, telling what happens by JSON lines on its output.

Encoding and decoding run here, not in the window's process: they would take the
interpreter from the window for milliseconds at a time, and typing must never wait.
When the window's process ends, even killed, the input closes and the recording in
progress is written to its end.

The first line sets the process up::

    {"url": ..., "meeting_id": 12, "input": {"device": null}, "output": {"device": null}}

("input" may name a file played as if spoken, {"file": "…", "speed": 1}; "output" may be
{"null": true}). Then one command a line: record, pause, stop, play (segment, offset,
duration), toggle, seek (delta), speed (value), stop_play, attach (file, start), quit.
"""

import json
import math
import sys
import threading
import uuid
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, TextIO

from minutes_app.audio import AudioError, store
from minutes_app.audio.devices import DeviceInput, DeviceOutput, FileInput, Input, NullOutput, Output
from minutes_app.i18n import _, set_language
from minutes_app.model import AudioState
from minutes_app.storage import create_archive_engine

STATUS_SECONDS = 0.1


def open_input(spec: dict[str, Any]) -> Input:
    if spec.get("file"):
        return FileInput(Path(spec["file"]), float(spec.get("speed", 1.0)))
    return DeviceInput(spec.get("device"))


def open_output(spec: dict[str, Any]) -> Output:
    if spec.get("null"):
        return NullOutput(float(spec.get("speed", 1.0)))
    return DeviceOutput(spec.get("device"))


class Worker:
    def __init__(self, setup: dict[str, Any], out: TextIO) -> None:
        from minutes_app.audio.player import Player
        from minutes_app.audio.recorder import Recorder

        self._out = out
        self._writing = threading.Lock()
        self.meeting_id = int(setup["meeting_id"])
        self.engine = create_archive_engine(setup["url"])
        self.recorder = Recorder(
            self.engine, self.meeting_id, lambda: open_input(setup.get("input", {})),
            on_error=self.error, on_chunk=self._segment,
        )
        self.player = Player(self.engine, lambda: open_output(setup.get("output", {})), on_error=self.error)
        self._stopped = threading.Event()
        self._clock = threading.Thread(target=self._report, name="status", daemon=True)
        self._clock.start()

    def send(self, message: dict[str, Any]) -> None:
        with self._writing:
            try:
                self._out.write(json.dumps(message, ensure_ascii=False) + "\n")
                self._out.flush()
            except (OSError, ValueError):
                pass  # the window is gone: the recording is still written to its end

    def error(self, message: str) -> None:
        self.send({"error": message})

    def _segment(self, segment: store.Segment) -> None:
        self.send({"segment": store.segment_json(segment)})

    def status(self) -> dict[str, Any]:
        recorder, player = self.recorder, self.player
        return {
            "recording": recorder.recording,
            "level": recorder.level if math.isfinite(recorder.level) else None,
            "elapsed": recorder.elapsed,
            "segment": str(recorder.segment.id) if recorder.segment else None,
            "playing": player.playing,
            "paused": player.paused and not player.finished,
            "play_segment": str(player.segment_id) if player.segment_id and not player.finished else None,
            "position": player.position,
            "speed": player.speed,
        }

    def _report(self) -> None:
        last: dict[str, Any] | None = None
        while not self._stopped.wait(STATUS_SECONDS):
            status = self.status()
            if status != last:
                self.send({"status": status})
                last = status

    def handle(self, command: dict[str, Any]) -> None:
        do = command.get("do")
        try:
            if do == "record":
                if command.get("interrupted"):  # the segment the last window left, now closed
                    store.set_state(self.engine, uuid.UUID(command["interrupted"]), AudioState.INTERRUPTED)
                self.recorder.start()
            elif do in ("pause", "stop"):
                state = AudioState.PAUSED if do == "pause" else AudioState.STOPPED
                self.recorder.finish(state)
                if self.recorder.segment is not None:
                    self._segment(replace(self.recorder.segment, state=state))
            elif do == "play":
                self.player.play(uuid.UUID(command["segment"]), float(command["offset"]), float(command["duration"]))
            elif do == "toggle":
                self.player.toggle_pause()
            elif do == "seek":
                self.player.seek(float(command["delta"]))
            elif do == "speed":
                self.player.set_speed(float(command["value"]))
            elif do == "stop_play":
                self.player.stop()
            elif do == "attach":
                threading.Thread(target=self._attach, args=(command,), name="attach", daemon=True).start()
        except AudioError as error:
            self.error(str(error))
        except Exception as error:  # reported, and the recording goes on
            self.error(_("Lỗi âm thanh: {reason}").format(reason=error))

    def _attach(self, command: dict[str, Any]) -> None:
        from minutes_app.audio.attach import attach_file

        start = datetime.fromisoformat(command["start"]) if command.get("start") else None
        try:
            segment = attach_file(self.engine, self.meeting_id, Path(command["file"]), start,
                                  lambda seconds: self.send({"attaching": seconds}))
        except AudioError as error:
            self.send({"attach_failed": str(error)})
            return
        self.send({"attached": store.segment_json(segment)})

    def close(self) -> None:
        """The window closed (or its process ended): a recording is kept as interrupted."""
        self.recorder.finish(AudioState.INTERRUPTED)
        self.player.close()
        self._stopped.set()
        self._clock.join()
        self.send({"closed": True})
        self.engine.dispose()


def main(stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    setup = json.loads(stdin.readline() or "{}")
    if "url" not in setup:
        return 2
    set_language(setup.get("language", "vi"))
    worker = Worker(setup, stdout)
    worker.send({"ready": True})
    for line in stdin:
        command = json.loads(line)
        if command.get("do") == "quit":
            break
        worker.handle(command)
    worker.close()
    return 0
