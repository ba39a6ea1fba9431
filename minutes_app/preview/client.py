"""The window's end of the preview process (``worker``): starts it, asks it to render, and
hands each answer to ``on_message`` (called on the client's reading thread)."""

import json
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from minutes_app.cli import PREVIEW_ARG
from minutes_app.processes import worker_command

Message = dict[str, Any]


class PreviewClient:
    """One preview process for one meeting; its files in a folder of its own, removed at close."""

    def __init__(self, url: str, meeting_id: int, language: str, on_message: Callable[[Message], None]) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="minutes-app-preview-"))
        self._on_message = on_message
        flags = getattr(subprocess, "CREATE_NO_WINDOW", 0)
        self.process = subprocess.Popen(
            worker_command(PREVIEW_ARG), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            encoding="utf-8", bufsize=1, creationflags=flags, env=os.environ | {"PYTHONUNBUFFERED": "1"},
        )
        self._send({"url": url, "meeting_id": meeting_id, "folder": str(self.folder), "language": language})
        threading.Thread(target=self._read, name="preview-client", daemon=True).start()

    def _send(self, message: Message) -> None:
        assert self.process.stdin is not None
        try:
            self.process.stdin.write(json.dumps(message, ensure_ascii=False) + "\n")
            self.process.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
            self._on_message({"ended": True})

    def render(self, render_id: int, document: str, find: list[str]) -> None:
        self._send({"do": "render", "id": render_id, "document": document, "find": find})

    def page(self, render_id: int, page: int, width: int) -> None:
        self._send({"do": "page", "id": render_id, "page": page, "width": width})

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            try:
                message = json.loads(line)
            except ValueError:  # not an answer (a library printing): not for the window
                continue
            if isinstance(message, dict):
                self._on_message(message)

    def close(self, timeout: float = 5.0) -> None:
        self._send({"do": "quit"})
        if self.process.stdin is not None:
            try:
                self.process.stdin.close()
            except OSError:
                pass
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:  # in the middle of a long render: nothing to keep
            self.process.kill()
            self.process.wait()
        shutil.rmtree(self.folder, ignore_errors=True)
