"""Hypothesis strategies: valid meeting files of every shape."""

import unicodedata
from datetime import date, datetime
from typing import Any

from hypothesis import strategies as st

_letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_name_part = st.text(alphabet=_letters, min_size=1, max_size=8).map(str.capitalize)
names = st.lists(_name_part, min_size=2, max_size=4).map(" ".join)
# Any text except lone surrogates, in NFC as the importer stores it.
texts = st.text(st.characters(exclude_categories=("Cs",)), max_size=40).map(
    lambda s: unicodedata.normalize("NFC", s)
)
nonempty = texts.filter(bool)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**31), 2**31) | texts,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=6,
)
extensions = st.dictionaries(st.text("abcxyz", min_size=1, max_size=6).map(lambda k: f"x-{k}"), json_values, max_size=2)
datetimes = st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31)).map(lambda d: d.replace(microsecond=0))


def _optional(draw: st.DrawFn, item: dict[str, Any], key: str, strategy: st.SearchStrategy) -> None:
    if draw(st.booleans()):
        item[key] = draw(strategy)


@st.composite
def meetings(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(st.text("abcdefgh0123456789", min_size=1, max_size=4), min_size=1, max_size=6, unique=True))
    attendees = []
    for ident in ids:
        attendee: dict[str, Any] = {"id": ident, "name": draw(names)}
        _optional(draw, attendee, "honorific", st.sampled_from(["Đồng chí", "Ông", "Bà"]))
        _optional(draw, attendee, "titles", st.lists(nonempty, max_size=3))
        _optional(draw, attendee, "organization", texts)
        _optional(draw, attendee, "group", texts)
        _optional(draw, attendee, "present", st.booleans())
        _optional(draw, attendee, "absence_reason", texts)
        attendee.update(draw(extensions))
        attendees.append(attendee)
    photo_ids = draw(st.lists(st.sampled_from(["p1", "p2", "p3"]), max_size=3, unique=True))
    people = st.sampled_from(ids)
    document: dict[str, Any] = {
        "format": "minutes-app.meeting/1",
        "title": draw(nonempty),
        "organizer": {"name": draw(nonempty)},
        "starts_at": draw(datetimes).isoformat(timespec=draw(st.sampled_from(["minutes", "seconds"]))),
        "attendees": attendees,
    }
    _optional(draw, document["organizer"], "parent", texts)
    _optional(draw, document["organizer"], "code", texts)
    _optional(draw, document, "style", st.sampled_from(["state", "party"]))
    for key in ("document_number", "place_name", "venue"):
        _optional(draw, document, key, texts)
    _optional(draw, document, "ends_at", datetimes.map(lambda d: d.isoformat(timespec="minutes")))
    _optional(draw, document, "chair", people)
    _optional(draw, document, "secretary", people)
    _optional(draw, document, "agenda", st.lists(nonempty, max_size=3))
    speeches = []
    for _ in range(draw(st.integers(0, 4))):
        speech: dict[str, Any] = {
            "kind": draw(st.sampled_from(["opening", "report", "assessment", "opinion", "conclusion", "other"])),
            "summary": draw(texts),
        }
        _optional(draw, speech, "speaker", people)
        _optional(draw, speech, "subject", texts)
        _optional(draw, speech, "at", st.times().map(lambda t: t.strftime("%H:%M")))
        if photo_ids:
            _optional(draw, speech, "photo", st.sampled_from(photo_ids))
        speech.update(draw(extensions))
        speeches.append(speech)
    _optional(draw, document, "speeches", st.just(speeches))
    topics = [
        {"title": draw(nonempty), **({"notes": draw(texts)} if draw(st.booleans()) else {})}
        for _ in range(draw(st.integers(0, 3)))
    ]
    _optional(draw, document, "topics", st.just(topics))
    directives = []
    for _ in range(draw(st.integers(0, 3))):
        directive: dict[str, Any] = {"addressee": draw(nonempty), "content": draw(nonempty)}
        _optional(draw, directive, "deadline", st.dates(date(2000, 1, 1), date(2099, 12, 31)).map(date.isoformat))
        _optional(draw, directive, "issued_by", people)
        directives.append(directive)
    _optional(draw, document, "directives", st.just(directives))
    if photo_ids or draw(st.booleans()):
        document["photos"] = [
            {"id": p, "file": f"anh/{p}.{'png' if p == 'p2' else 'jpg'}", **({"caption": draw(texts)} if draw(st.booleans()) else {})}
            for p in photo_ids
        ]
    if draw(st.booleans()):
        press: dict[str, Any] = {}
        for key in ("title", "lead", "author", "topics_intro"):
            _optional(draw, press, key, texts)
        if photo_ids:
            _optional(draw, press, "general_photo", st.sampled_from(photo_ids))
        document["press_release"] = press
    document.update(draw(extensions))
    return document


