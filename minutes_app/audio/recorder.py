"""Recording: sound from an input, cut into chunks of CHUNK_SECONDS, each encoded and
committed to the archive as soon as it is complete. A kill loses at most the chunk being
filled; a pause or a stop writes what is left. Each start (or resume) opens a segment."""

import math
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import Engine

from minutes_app.audio import RATE, store
from minutes_app.audio.codec import CHUNK_SECONDS, SAMPLE_BYTES, byte_offset, encode, peak_dbfs, samples, seconds
from minutes_app.audio.devices import Input
from minutes_app.i18n import _

# A microphone that sends nothing for this long is reported.
SILENT_DEVICE_SECONDS = 3.0
# At a stop, what could not be written yet is tried again this often before giving up.
STOP_ATTEMPTS = 10
STOP_RETRY_SECONDS = 1.0


class Recorder:
    """Records the meeting ``meeting_id`` from the inputs ``open_input`` makes."""

    def __init__(
        self, engine: Engine, meeting_id: int, open_input: Callable[[], Input],
        on_error: Callable[[str], None] = lambda message: None,
        on_chunk: Callable[[store.Segment], None] = lambda segment: None,
    ) -> None:
        self._engine = engine
        self._meeting_id = meeting_id
        self._open_input = open_input
        self._on_error = on_error
        self._on_chunk = on_chunk
        self._input: Input | None = None
        self._queue: queue.SimpleQueue[bytes | str] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self.segment: store.Segment | None = None
        self.level = -math.inf  # dBFS of the last block
        self.elapsed = 0.0  # seconds recorded in the current segment

    @property
    def recording(self) -> bool:
        return self._thread is not None

    def start(self) -> None:
        """Start a new segment; raises AudioError when the input cannot be opened."""
        if self._thread is not None:
            return
        self._queue = queue.SimpleQueue()
        self.elapsed = 0.0
        self.segment = None
        device = self._open_input()
        device.start(self._queue.put)
        self._input = device
        self._thread = threading.Thread(target=self._run, args=(self._queue,), name="recorder", daemon=True)
        self._thread.start()

    def finish(self, state: str) -> None:
        """Stop recording, write what is left; the segment ends ``state`` (paused, stopped,
        interrupted)."""
        thread, device = self._thread, self._input
        if thread is None or device is None:
            return
        device.stop()
        self._queue.put(state)
        thread.join()
        self._thread = self._input = None
        self.level = -math.inf

    def _run(self, blocks: "queue.SimpleQueue[bytes | str]") -> None:
        pending = bytearray()  # heard, not yet in the archive
        began: datetime | None = None
        number = start = 0
        size = byte_offset(CHUNK_SECONDS)
        failures = 0
        state: str | None = None
        while True:
            try:
                block = blocks.get(timeout=SILENT_DEVICE_SECONDS) if state is None else b""
            except queue.Empty:
                self._on_error(_("Micrô không gửi âm thanh: hãy kiểm tra thiết bị ghi âm."))
                continue
            if state is not None:
                time.sleep(STOP_RETRY_SECONDS)  # the last write failed: once more
            elif isinstance(block, str):
                state = block
            else:
                if began is None:
                    # The first sample was heard one block ago.
                    began = datetime.now() - timedelta(seconds=seconds(block))
                pending += block
                self.level = peak_dbfs(block)
                self.elapsed = (start + len(pending) // SAMPLE_BYTES) / RATE
                if len(pending) < size:
                    continue
            # A chunk is full, or the recording ends: write; on failure keep it all and
            # try again with the next block (the disk may be back).
            try:
                if began is not None and self.segment is None:
                    self.segment = store.begin_segment(self._engine, self._meeting_id, began)
                while len(pending) >= size or (state is not None and pending):
                    start = self._write(number, start, bytes(pending[:size]))
                    number += 1
                    del pending[:size]
                if state is not None and self.segment is not None:
                    store.set_state(self._engine, self.segment.id, state)
                failures = 0
            except Exception as error:  # the disk or the database
                if not failures:
                    self._on_error(_("Chưa ghi được âm thanh vào kho lưu trữ ({reason}); sẽ thử lại.").format(
                        reason=error))
                failures += 1
                if state is None or failures < STOP_ATTEMPTS:
                    continue
            if state is not None:
                return

    def _write(self, number: int, start: int, pcm: bytes) -> int:
        assert self.segment is not None
        count = samples(pcm)
        store.add_chunk(self._engine, self.segment.id, number, start, count, encode(pcm))
        self.segment = replace(self.segment, duration=(start + count) / RATE)
        self._on_chunk(self.segment)
        return start + count
