"""The window's end of the audio process (``worker``): starts it, sends it commands,
and keeps what it last reported, for the window to read whenever it repaints."""

import json
import math
import os
import subprocess
import sys
import threading
import uuid
from collections import deque
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from minutes_app.audio.store import Segment, segment_from_json
from minutes_app.cli import WORKER_ARG


@dataclass(frozen=True)
class Status:
    recording: bool = False
    level: float = -math.inf  # dBFS
    elapsed: float = 0.0  # seconds in the segment being recorded
    segment: uuid.UUID | None = None  # being recorded
    playing: bool = False
    paused: bool = False
    play_segment: uuid.UUID | None = None
    position: float = 0.0  # seconds in play_segment
    speed: float = 1.0


def worker_command() -> list[str]:
    """How to start the audio process: this Python, or this bundle's program."""
    if getattr(sys, "frozen", False):
        program = Path(sys.executable)
        # On Windows the window's program has no console streams: its console twin does.
        console = program.with_name("minutes-app-cli.exe")
        return [str(console if console.exists() else program), WORKER_ARG]
    return [sys.executable, "-m", "minutes_app", WORKER_ARG]


class AudioClient:
    """One audio process for one meeting; ``segments`` and ``status`` as last reported."""

    def __init__(
        self, url: str, meeting_id: int, segments: list[Segment], input_spec: dict[str, Any],
        output_spec: dict[str, Any], language: str = "vi",
    ) -> None:
        self.segments = {s.id: s for s in segments}
        self.status = Status()
        self.events: deque[dict[str, Any]] = deque()  # errors and attachments, for the window
        self.ready = threading.Event()
        self.revision = 0  # grows whenever a segment changes
        self._closed = threading.Event()
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        self.process = subprocess.Popen(
            worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, encoding="utf-8",
            bufsize=1, creationflags=flags, env=os.environ | {"PYTHONUNBUFFERED": "1"},
        )
        self._send({"url": url, "meeting_id": meeting_id, "input": input_spec, "output": output_spec,
                    "language": language})
        threading.Thread(target=self._read, name="audio-client", daemon=True).start()

    def _send(self, message: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            self.events.append({"error": "audio process ended"})

    def send(self, do: str, **arguments: Any) -> None:
        self._send({"do": do} | arguments)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                message = json.loads(line)
            except ValueError:  # not a report (a library printing): not for the window
                continue
            if "status" in message:
                item = message["status"]
                self.status = Status(
                    recording=item["recording"], level=item["level"] if item["level"] is not None else -math.inf,
                    elapsed=item["elapsed"], segment=uuid.UUID(item["segment"]) if item["segment"] else None,
                    playing=item["playing"], paused=item["paused"],
                    play_segment=uuid.UUID(item["play_segment"]) if item["play_segment"] else None,
                    position=item["position"], speed=item["speed"],
                )
            elif "segment" in message or "attached" in message:
                segment = segment_from_json(message.get("segment") or message["attached"])
                self.segments[segment.id] = segment
                self.revision += 1
                if "attached" in message:
                    self.events.append(message)
            elif "ready" in message:
                self.ready.set()
            elif "closed" in message:
                self._closed.set()
            else:
                self.events.append(message)
        self._closed.set()

    def ordered_segments(self) -> list[Segment]:
        return sorted(self.segments.values(), key=lambda s: s.started_at)

    def close(self, timeout: float = 15.0) -> bool:
        """Let the process write what it recorded and end; False if it had to be killed."""
        self.send("quit")
        if self.process.stdin is not None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
        try:
            self.process.wait(timeout)
            return True
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            return False
