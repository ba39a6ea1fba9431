"""The crash test's two sides: a child that types into a meeting through the editing core,
and the script of edits both sides derive from the same seed.

The child is run as ``python -m tests.crash URL MEETING_ID SEED``. It prints ``ready``,
then ``edit N`` after handing edit N to the autosave, and ``saved N`` when the writer
reports everything up to edit N on the disk (``reopened`` when the writer had to open the
archive again); the parent kills it at a random moment.
"""

import random
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

ALPHABET = "aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ  ,.0123456789"


@dataclass
class State:
    """What the edits touch: the title, the speeches' summaries, the topics' titles."""

    title: str
    summaries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)

    def copy(self) -> "State":
        return State(self.title, list(self.summaries), list(self.topics))


@dataclass(frozen=True)
class Edit:
    kind: str  # 'title', 'summary', 'speech', 'topic'
    text: str
    index: int = 0


def script(seed: str, state: State) -> Iterator[Edit]:
    """The edits a secretary makes from ``state``: mostly typing, sometimes a new row."""
    rng = random.Random(seed)
    speeches = len(state.summaries)
    topics = 0
    while True:
        roll = rng.random()
        if roll < 0.06 or speeches == 0:
            speeches += 1
            yield Edit("speech", "")
        elif roll < 0.09:
            topics += 1
            yield Edit("topic", f"Vấn đề thảo luận {topics}")
        elif roll < 0.2:
            yield Edit("title", rng.choice(ALPHABET))
        else:
            yield Edit("summary", rng.choice(ALPHABET), rng.randrange(speeches))


def apply(state: State, edit: Edit) -> None:
    match edit.kind:
        case "title":
            state.title += edit.text
        case "summary":
            state.summaries[edit.index] += edit.text
        case "speech":
            state.summaries.append("")
        case "topic":
            state.topics.append(edit.text)


def replay(state: State, seed: str, count: int) -> State:
    replayed = state.copy()
    edits = script(seed, state)
    for _ in range(count):
        apply(replayed, next(edits))
    return replayed


def _child(url: str, meeting_id: int, seed: str) -> None:
    from minutes_app.archive import open_archive
    from minutes_app.editing.editor import MeetingEditor

    lock = threading.Lock()

    def say(line: str) -> None:
        with lock:
            sys.stdout.write(line + "\n")
            sys.stdout.flush()

    archive = open_archive(url)
    editor = MeetingEditor.open(
        archive, meeting_id, on_saved=lambda n: say(f"saved {n}"), on_reopened=lambda: say("reopened")
    )
    meeting = editor.meeting
    state = State(meeting.title, [s.summary for s in meeting.speeches], [t.title for t in meeting.topics])
    pause = random.Random(f"{seed}-pauses")
    say("ready")
    for number, edit in enumerate(script(seed, state), start=1):
        if edit.kind == "title":
            editor.set_field(meeting, "title", meeting.title + edit.text, typing=True)
        elif edit.kind == "summary":
            speech = meeting.speeches[edit.index]
            editor.set_field(speech, "summary", speech.summary + edit.text, typing=True)
        elif edit.kind == "speech":
            editor.add_speech()
        else:
            editor.add_topic(edit.text)
        assert editor.number == number
        say(f"edit {number}")
        time.sleep(pause.uniform(0.02, 0.05))  # a fast typist: a change every 20 to 50 ms


if __name__ == "__main__":
    _child(sys.argv[1], int(sys.argv[2]), sys.argv[3])
