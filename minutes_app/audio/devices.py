"""Where sound comes from and goes to: the microphone and the speakers (PortAudio, through
sounddevice), and the stand-ins that tests and machines without a sound card use: a
recording played as if spoken into a microphone, and an output that only keeps time."""

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from minutes_app.audio import RATE, AudioError
from minutes_app.audio.codec import SAMPLE_BYTES, Resampler, byte_offset, decode_file
from minutes_app.i18n import _

BLOCK_SECONDS = 0.1  # the level meter's pace, and the latency of pausing

Deliver = Callable[[bytes], None]  # 16 kHz mono PCM, called on the device's thread
Pull = Callable[[int], bytes]  # up to n bytes of 16 kHz mono PCM to play


class Input(Protocol):
    def start(self, deliver: Deliver) -> None: ...
    def stop(self) -> None: ...


class Output(Protocol):
    def start(self, pull: Pull) -> None: ...
    def stop(self) -> None: ...


def _sounddevice() -> Any:
    try:
        import sounddevice  # type: ignore[import-untyped]
    except OSError as error:  # Linux without libportaudio2
        raise AudioError(_("Không dùng được thiết bị âm thanh ({reason}).").format(reason=error)) from None
    return sounddevice


def input_devices() -> list[str]:
    """Names of the microphones of the system's default sound interface."""
    return _devices("max_input_channels")


def output_devices() -> list[str]:
    """Names of the speakers of the system's default sound interface."""
    return _devices("max_output_channels")


def _devices(channels: str) -> list[str]:
    sd = _sounddevice()
    try:
        api = sd.query_hostapis(sd.default.hostapi)
        found = [sd.query_devices(i) for i in api["devices"]]
    except sd.PortAudioError:
        return []
    return [str(device["name"]) for device in found if device[channels] > 0]


def _device_error(error: Exception) -> AudioError:
    return AudioError(_("Không mở được thiết bị âm thanh ({reason}).").format(reason=error))


class _Device:
    """A sound device by name (None: the system's default), and its open stream."""

    def __init__(self, device: str | None = None) -> None:
        self.device = device or None
        self._stream: Any = None

    def stop(self) -> None:
        if self._stream is not None:
            self._stream.stop()
            self._stream.close()
            self._stream = None


class DeviceInput(_Device):
    """A microphone."""

    def start(self, deliver: Deliver) -> None:
        sd = _sounddevice()
        try:
            info = sd.query_devices(self.device, "input")
            rate = int(info["default_samplerate"])
            channels = 1
            resampler = Resampler(rate, channels)

            def callback(data: Any, frames: int, when: Any, status: Any) -> None:
                deliver(resampler.convert(bytes(data)))

            self._stream = sd.RawInputStream(
                device=self.device, samplerate=rate, channels=channels, dtype="int16",
                blocksize=int(rate * BLOCK_SECONDS), callback=callback,
            )
            self._stream.start()
        except (sd.PortAudioError, ValueError) as error:
            raise _device_error(error) from None


class DeviceOutput(_Device):
    """The speakers."""

    def start(self, pull: Pull) -> None:
        sd = _sounddevice()

        def callback(out: Any, frames: int, when: Any, status: Any) -> None:
            data = pull(frames * SAMPLE_BYTES)
            out[: len(data)] = data
            out[len(data) :] = b"\0" * (frames * SAMPLE_BYTES - len(data))

        try:
            self._stream = sd.RawOutputStream(
                device=self.device, samplerate=RATE, channels=1, dtype="int16",
                blocksize=int(RATE * BLOCK_SECONDS), callback=callback,
            )
            self._stream.start()
        except (sd.PortAudioError, ValueError) as error:
            raise _device_error(error) from None


class _Paced:
    """A thread that calls ``step`` every BLOCK_SECONDS of sound, at ``speed`` times real time."""

    def __init__(self, step: Callable[[int], None], speed: float) -> None:
        self._step = step
        self._speed = speed
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="audio-clock", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        block = byte_offset(BLOCK_SECONDS)
        started = time.monotonic()
        count = 0
        while not self._stop.is_set():
            self._step(block)
            count += 1
            delay = started + count * BLOCK_SECONDS / self._speed - time.monotonic()
            if delay > 0:
                self._stop.wait(delay)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


class _Clocked:
    """A stand-in for a device, run by a _Paced clock."""

    _clock: _Paced | None = None

    def stop(self) -> None:
        if self._clock is not None:
            self._clock.stop()
            self._clock = None


class FileInput(_Clocked):
    """A recording played into the recorder as a microphone would, at ``speed`` times real
    time; then silence, as from a quiet hall."""

    def __init__(self, path: Path, speed: float = 1.0) -> None:
        self.path = path
        self.speed = speed

    def start(self, deliver: Deliver) -> None:
        sound = b"".join(decode_file(self.path))
        position = 0

        def step(size: int) -> None:
            nonlocal position
            block = sound[position : position + size]
            position += size
            deliver(block + b"\0" * (size - len(block)))

        self._clock = _Paced(step, self.speed)


class NullOutput(_Clocked):
    """Speakers that play nothing and keep time: what replay is tested with."""

    def __init__(self, speed: float = 1.0) -> None:
        self.speed = speed
        self.played = 0  # bytes

    def start(self, pull: Pull) -> None:
        def step(size: int) -> None:
            self.played += len(pull(size))

        self._clock = _Paced(step, self.speed)
