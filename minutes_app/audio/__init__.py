"""The hall's audio, linked to the speeches (no Qt).

A meeting's audio is a list of segments (``model.AudioSegment``), each a run of
continuous sound that starts at a known wall-clock time, stored in the archive as chunks
of a few seconds, each encoded on its own (Ogg Opus, 16 kHz mono, 24 kbit/s). A speech's
time of day (``Speech.at``) is therefore a place in the audio (``timeline``).

- ``codec``: PCM in, chunks out, and any phone's file in (PyAV, that is FFmpeg);
- ``store``: segments and chunks in the archive, through SQLAlchemy;
- ``timeline``: where each speech is in the audio, and who spoke how long;
- ``attach``: an existing recording converted into a segment;
- ``devices``: the microphone and the speakers (PortAudio, through sounddevice), and the
  stand-ins tests use;
- ``recorder`` and ``player``, run by ``worker``: a process of its own, so that encoding
  and decoding never take the interpreter from the window while the secretary types;
  ``client`` is the window's end of it.

Speech recognition, later, starts from ``clips.speech_samples``: the 16 kHz mono PCM of
one speech, the input speech recognisers take.
"""

# Speech needs no more, and it is what speech recognisers take; mono, 16-bit.
RATE = 16000


class AudioError(Exception):
    """An audio file or device that cannot be used; the message is for the user."""
