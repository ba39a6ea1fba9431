"""What a measure is given (it runs in a fresh process) and what it gives back."""

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypedDict


@dataclass(frozen=True)
class Context:
    archive: str  # a working copy of the generated archive
    meeting_id: int  # the large meeting
    meeting_file: str
    work: str  # a folder for settings, exports and such
    repeats: int
    keystrokes: int
    screenshot: str = ""  # where the task register's picture goes ("": none)

    @property
    def url(self) -> str:
        return f"sqlite:///{self.archive}"

    @property
    def folder(self) -> Path:
        return Path(self.work)

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> "Context":
        return cls(**json.loads(text))


class Counts(TypedDict, total=False):
    """The counts of a Context that a child process is given instead of the defaults."""

    repeats: int
    keystrokes: int


@dataclass
class Measured:
    """Samples by key (seconds, or bytes for memory) and facts worth reporting beside them."""

    samples: dict[str, list[float]] = field(default_factory=dict)
    facts: dict[str, Any] = field(default_factory=dict)

    def add(self, key: str, value: float) -> None:
        self.samples.setdefault(key, []).append(value)
