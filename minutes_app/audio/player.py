"""Replay: a segment from a place in it, at 1× to 2× with the pitch kept, to an output.

A thread decodes the chunks ahead of the output (about two seconds of sound) and speeds
them up; the output pulls what it plays. The place being played is known from what the
output has taken, so the window can follow it and "start from here" is exact.
"""

import threading
import uuid
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from minutes_app.audio import RATE, store
from minutes_app.audio.codec import SAMPLE_BYTES, Tempo, byte_offset, decode, samples
from minutes_app.audio.devices import Output
from minutes_app.i18n import _

AHEAD_SECONDS = 2.0
SPEEDS = (1.0, 1.25, 1.5, 2.0)


@dataclass
class _Piece:
    """Sound ready to play, and the stretch of the segment it comes from."""

    pcm: bytes
    start: float  # seconds in the segment
    end: float
    taken: int = 0  # bytes already played

    @property
    def now(self) -> float:
        return self.start + (self.end - self.start) * self.taken / max(1, len(self.pcm))


class Player:
    def __init__(
        self, engine: Engine, open_output: Callable[[], Output], on_error: Callable[[str], None] = lambda text: None
    ) -> None:
        self._engine = engine
        self._open_output = open_output
        self._on_error = on_error
        self._output: Output | None = None
        self._lock = threading.Condition()
        self._pieces: deque[_Piece] = deque()
        self._generation = 0  # a new play or seek makes the decoding thread before it stop
        self._decoded = -1  # the generation whose decoding thread has queued everything
        self.segment_id: uuid.UUID | None = None
        self.position = 0.0  # seconds in the segment
        self.duration = 0.0
        self.speed = 1.0
        self.paused = False
        self.finished = True

    @property
    def playing(self) -> bool:
        return not self.finished and not self.paused

    def play(self, segment_id: uuid.UUID, offset: float, duration: float) -> None:
        """Play the segment from ``offset`` seconds; raises AudioError without an output."""
        if self._output is None:
            output = self._open_output()
            output.start(self._pull)
            self._output = output
        with self._lock:
            self.segment_id, self.duration = segment_id, duration
            self.paused = False
            self._restart(max(0.0, min(offset, duration)))

    def _restart(self, offset: float) -> None:
        """Decode afresh from ``offset`` (the lock held)."""
        self._generation += 1
        self._pieces.clear()
        self.position = offset
        self.finished = False
        assert self.segment_id is not None
        threading.Thread(
            target=self._decode, args=(self._generation, self.segment_id, offset, self.speed),
            name="player", daemon=True,
        ).start()
        self._lock.notify_all()

    def seek(self, delta: float) -> None:
        with self._lock:
            if self.segment_id is not None:
                self._restart(max(0.0, min(self.position + delta, self.duration)))

    def set_speed(self, speed: float) -> None:
        with self._lock:
            self.speed = speed
            if self.segment_id is not None and not self.finished:
                self._restart(self.position)

    def toggle_pause(self) -> None:
        with self._lock:
            if self.finished and self.segment_id is not None:
                self._restart(self.position if self.position < self.duration - 0.5 else 0.0)
            else:
                self.paused = not self.paused

    def stop(self) -> None:
        with self._lock:
            self._generation += 1
            self._pieces.clear()
            self.finished = True
            self.paused = False
            self._lock.notify_all()

    def close(self) -> None:
        self.stop()
        if self._output is not None:
            self._output.stop()
            self._output = None

    # --- the output's side ---------------------------------------------------------

    def _pull(self, size: int) -> bytes:
        out = bytearray()
        with self._lock:
            if self.paused or self.finished:
                return b""
            while len(out) < size and self._pieces:
                piece = self._pieces[0]
                taken = piece.pcm[piece.taken : piece.taken + size - len(out)]
                out += taken
                piece.taken += len(taken)
                self.position = piece.now
                if piece.taken >= len(piece.pcm):
                    self._pieces.popleft()
            if not self._pieces and self._decoded == self._generation:
                self.finished = True
            self._lock.notify_all()
        return bytes(out)

    # --- the decoding thread -------------------------------------------------------

    def _decode(self, generation: int, segment_id: uuid.UUID, offset: float, speed: float) -> None:
        tempo = Tempo(speed)
        first = round(offset * RATE)
        played = 0.0  # seconds of the segment the sound queued so far stands for

        def piece(pcm: bytes) -> _Piece:
            # The filter holds some sound back, so its output is placed by its length.
            nonlocal played
            start, played = played, played + samples(pcm) * speed / RATE
            return _Piece(pcm, offset + start, min(offset + played, self.duration))

        try:
            for chunk_start, data in store.chunks(self._engine, segment_id, first):
                pcm = decode(data)[max(0, first - chunk_start) * SAMPLE_BYTES :]
                if not self._put(generation, piece(tempo.process(pcm))):
                    return
            self._put(generation, piece(tempo.process(b"")))
        except Exception as error:  # a damaged chunk, the archive gone: the replay ends there
            self._on_error(_("Không phát được ghi âm ({reason}).").format(reason=error))
        with self._lock:
            self._decoded = generation

    def _put(self, generation: int, piece: _Piece) -> bool:
        """Queue a piece once the output needs it; False when this decoding is stale."""
        ahead = byte_offset(AHEAD_SECONDS)
        with self._lock:
            while generation == self._generation and sum(len(p.pcm) - p.taken for p in self._pieces) > ahead:
                self._lock.wait(0.5)
            if generation != self._generation:
                return False
            if piece.pcm:
                self._pieces.append(piece)
            return True
