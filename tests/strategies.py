"""Hypothesis strategies: valid meeting files of every shape and of life size.

Field lengths are drawn the way real records have them: mostly short, but with the tails
that real offices produce (a 1,000-character title, a 300-character organisation, ten
titles for one person, 500 attendees, 400 speeches, a 30,000-character summary), and
every optional field absent, empty or at its longest. Long texts are a drawn piece
repeated to a drawn length, so that a 30,000-character summary costs Hypothesis a few
dozen choices, not 30,000.
"""

from datetime import date, datetime
from typing import Any

from hypothesis import strategies as st

from minutes_app.text import clean

# The tails of real records (the longest each field is drawn).
LONGEST_TITLE = 1000  # meeting titles, subject lines, headlines
LONGEST_ORGANIZATION = 300  # organiser, parent body, an attendee's organisation, venue
MOST_TITLES = 10  # titles held by one person
LONGEST_PERSON_TITLE = 250
MOST_ATTENDEES = 500
MOST_SPEECHES = 400
LONGEST_SUMMARY = 30_000
LONGEST_ITEM = 2000  # an agenda item, a topic's notes, a directive
MOST_ITEMS = 60  # agenda items, topics, directives

_letters = "aăâbcdđeêghiklmnoôơpqrstuưvxyáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ"
_name_part = st.text(alphabet=_letters, min_size=1, max_size=8).map(str.capitalize)
names = st.lists(_name_part, min_size=2, max_size=4).map(" ".join)
# Any text, as the importer stores it (NFC, no lone surrogates, no NUL).
texts = st.text(max_size=40).map(clean)
nonempty = texts.filter(bool)
# What records are made of, besides any character at all: words, numbers and times as
# offices write them, names from the highlands, markup-like and quoted text, paragraphs.
_record_words = st.sampled_from([
    "Hội nghị", "triển khai", "nhiệm vụ", "năm 2026", "15 giờ 00", "ngày 07 tháng 10 năm 2021",
    "1.245", "87,5%", "UBND tỉnh", "Sở Thông tin và Truyền thông", "Đắk Lắk", "H’Yến Byă", "–", "(b/c);",
    "Số: 05/BB-UBND", "A < B & C", "\"trích dẫn\"", "<b>", "\n", "\n\n", "😀", "Chỉ thị số 10/CT-TTg",
])
_piece = st.lists(_record_words | texts, min_size=1, max_size=6).map(" ".join)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**31), 2**31) | texts,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(texts, children, max_size=3),
    max_leaves=6,
)
extensions = st.dictionaries(st.text("abcxyz", min_size=1, max_size=6).map(lambda k: f"x-{k}"), json_values, max_size=2)
datetimes = st.datetimes(datetime(2000, 1, 1), datetime(2099, 12, 31)).map(lambda d: d.replace(microsecond=0))


def lengths(longest: int, typical: int = 40, shortest: int = 0) -> st.SearchStrategy[int]:
    """A field's length: empty, typical, anything up to its longest, or its longest."""
    return st.one_of(
        st.just(shortest), st.integers(max(shortest, 1), typical), st.integers(typical, longest), st.just(longest)
    )


def counts(most: int, typical: int = 4, fewest: int = 0) -> st.SearchStrategy[int]:
    """How many of a repeated part: none, a few, or (one time in six: the tail is costly to
    store and print) as many as real records have."""
    return st.sampled_from(["fewest", "few", "few", "few", "few", "most"]).flatmap(
        lambda size: st.just(fewest) if size == "fewest" else st.just(most) if size == "most"
        else st.integers(fewest, typical)
    )


@st.composite
def sized_texts(draw: st.DrawFn, longest: int, typical: int = 40, shortest: int = 0) -> str:
    """A text whose length is drawn by ``lengths``: a drawn piece repeated to that length."""
    length = draw(lengths(longest, typical, shortest))
    piece = draw(_piece)
    if draw(st.booleans()):
        piece = piece.replace(" ", "")  # a run without spaces: a URL, a code, a pasted table
    piece = piece or "x"
    text = clean(((piece + " ") * (length // (len(piece) + 1) + 1))[:length])
    # Cutting may have left the text shorter than asked (or blank) after NFC.
    return text if len(text) >= shortest else text + "x" * (shortest - len(text))


def _optional(draw: st.DrawFn, item: dict[str, Any], key: str, strategy: st.SearchStrategy[Any]) -> None:
    if draw(st.booleans()):
        item[key] = draw(strategy)


def _cycled(pool: list[Any], index: int) -> Any:
    return pool[index % len(pool)]


@st.composite
def _attendees(draw: st.DrawFn) -> list[dict[str, Any]]:
    count = draw(counts(MOST_ATTENDEES, typical=6))
    if count > 20:
        return _many_attendees(draw, count)
    ids = draw(st.lists(st.text("abcdefgh0123456789", min_size=1, max_size=4), min_size=count, max_size=count,
                        unique=True))
    attendees = []
    for ident in ids:
        attendee: dict[str, Any] = {"id": ident, "name": draw(names)}
        _optional(draw, attendee, "honorific", st.sampled_from(["Đồng chí", "Ông", "Bà", ""]))
        _optional(draw, attendee, "titles", st.lists(sized_texts(LONGEST_PERSON_TITLE, shortest=1),
                                                     max_size=draw(counts(MOST_TITLES, typical=2))))
        _optional(draw, attendee, "organization", sized_texts(LONGEST_ORGANIZATION))
        _optional(draw, attendee, "group", sized_texts(LONGEST_ORGANIZATION))
        _optional(draw, attendee, "present", st.booleans())
        _optional(draw, attendee, "guest_of_honour", st.booleans())
        _optional(draw, attendee, "absence_reason", sized_texts(LONGEST_ORGANIZATION))
        attendee.update(draw(extensions))
        attendees.append(attendee)
    return attendees


def _many_attendees(draw: st.DrawFn, count: int) -> list[dict[str, Any]]:
    """A conference's list: names, titles and groups combined from small drawn pools (each
    name distinct), one person with the most titles, a few absent."""
    parts = draw(st.lists(_name_part, min_size=3, max_size=6, unique=True))
    titles = draw(st.lists(sized_texts(LONGEST_PERSON_TITLE, shortest=1), min_size=MOST_TITLES, max_size=MOST_TITLES))
    groups = draw(st.lists(sized_texts(80), min_size=1, max_size=12))
    attendees = []
    for index in range(count):
        attendee: dict[str, Any] = {
            "id": f"p{index}",
            "name": f"{_cycled(parts, index)} {_cycled(parts, index // 3)} Thị {index:03d}",
            "titles": titles if index == count // 2 else [_cycled(titles, index)],
            "group": _cycled(groups, index // 40),
        }
        if index % 97 == 5:
            attendee |= {"present": False, "absence_reason": _cycled(titles, index)}
        attendees.append(attendee)
    return attendees


@st.composite
def _speeches(draw: st.DrawFn, people: st.SearchStrategy[str] | None, photo_ids: list[str]) -> list[dict[str, Any]]:
    count = draw(counts(MOST_SPEECHES))
    kinds = st.sampled_from(["opening", "report", "assessment", "opinion", "conclusion", "other"])
    if count > 20:
        # A long day: short summaries, as many secretaries type them live.
        summaries = draw(st.lists(sized_texts(600), min_size=1, max_size=4))
        speakers = draw(st.lists(people, min_size=1, max_size=8)) if people is not None else [None]
        return [
            {"kind": draw(kinds) if index < 6 else "opinion", "summary": _cycled(summaries, index),
             "at": f"{8 + index % 10:02d}:{index % 60:02d}"}
            | ({"speaker": _cycled(speakers, index)} if _cycled(speakers, index) is not None else {})
            for index in range(count)
        ]
    speeches = []
    for _ in range(count):
        speech: dict[str, Any] = {"kind": draw(kinds), "summary": draw(sized_texts(LONGEST_SUMMARY, typical=400))}
        if people is not None:
            _optional(draw, speech, "speaker", people)
        _optional(draw, speech, "subject", sized_texts(LONGEST_TITLE))
        _optional(draw, speech, "at", st.times().map(lambda t: t.strftime("%H:%M")))
        _optional(draw, speech, "quote", sized_texts(LONGEST_ITEM, typical=120))
        if photo_ids:
            _optional(draw, speech, "photo", st.sampled_from(photo_ids))
        speech.update(draw(extensions))
        speeches.append(speech)
    return speeches


@st.composite
def meetings(draw: st.DrawFn) -> dict[str, Any]:
    attendees = draw(_attendees())
    people = st.sampled_from([a["id"] for a in attendees]) if attendees else None
    photo_ids = draw(st.lists(st.sampled_from(["p1", "p2", "p3"]), max_size=3, unique=True))
    document: dict[str, Any] = {
        "format": "minutes-app.meeting/1",
        "title": draw(sized_texts(LONGEST_TITLE, typical=120, shortest=1)),
        "organizer": {"name": draw(sized_texts(LONGEST_ORGANIZATION, shortest=1))},
        "starts_at": draw(datetimes).isoformat(timespec=draw(st.sampled_from(["minutes", "seconds"]))),
        "attendees": attendees,
    }
    _optional(draw, document["organizer"], "parent", sized_texts(LONGEST_ORGANIZATION))
    _optional(draw, document["organizer"], "code", sized_texts(30, typical=6))
    _optional(draw, document, "style", st.sampled_from(["state", "party"]))
    _optional(draw, document, "document_number", sized_texts(60, typical=12))
    for key in ("place_name", "venue"):
        _optional(draw, document, key, sized_texts(LONGEST_ORGANIZATION))
    _optional(draw, document, "ends_at", datetimes.map(lambda d: d.isoformat(timespec="minutes")))
    if people is not None:
        _optional(draw, document, "chair", people)
        _optional(draw, document, "secretary", people)
    items = sized_texts(LONGEST_ITEM, typical=80, shortest=1)
    _optional(draw, document, "agenda", st.lists(items, max_size=draw(counts(MOST_ITEMS))))
    _optional(draw, document, "speeches", _speeches(people, photo_ids))
    topics = [
        {"title": draw(sized_texts(LONGEST_TITLE, typical=80, shortest=1)),
         **({"notes": draw(sized_texts(LONGEST_ITEM))} if draw(st.booleans()) else {})}
        for _ in range(draw(counts(MOST_ITEMS, typical=3)))
    ]
    _optional(draw, document, "topics", st.just(topics))
    directives = []
    for _ in range(draw(counts(MOST_ITEMS, typical=3))):
        directive: dict[str, Any] = {"addressee": draw(sized_texts(LONGEST_ORGANIZATION, shortest=1)),
                                     "content": draw(items)}
        _optional(draw, directive, "deadline", st.dates(date(2000, 1, 1), date(2099, 12, 31)).map(date.isoformat))
        if people is not None:
            _optional(draw, directive, "issued_by", people)
        directives.append(directive)
    _optional(draw, document, "directives", st.just(directives))
    if photo_ids or draw(st.booleans()):
        document["photos"] = [
            {"id": p, "file": f"anh/{p}.{'png' if p == 'p2' else 'jpg'}",
             **({"caption": draw(sized_texts(600))} if draw(st.booleans()) else {})}
            for p in photo_ids
        ]
    if draw(st.booleans()):
        press: dict[str, Any] = {}
        _optional(draw, press, "title", sized_texts(LONGEST_TITLE, typical=120))
        _optional(draw, press, "lead", sized_texts(3000, typical=300))
        _optional(draw, press, "author", sized_texts(100, typical=12))
        _optional(draw, press, "topics_intro", sized_texts(LONGEST_ITEM))
        _optional(draw, press, "background", sized_texts(3000, typical=300))
        if photo_ids:
            _optional(draw, press, "general_photo", st.sampled_from(photo_ids))
        document["press_release"] = press
    document.update(draw(extensions))
    if _uses_version_2(document):
        document["format"] = "minutes-app.meeting/2"
    return document


def _uses_version_2(document: dict[str, Any]) -> bool:
    """Whether the file holds a field that version 2 added for the news article."""
    return (any("guest_of_honour" in a for a in document["attendees"])
            or any("quote" in s for s in document.get("speeches", []))
            or "background" in document.get("press_release", {}))


def longest_meeting() -> dict[str, Any]:
    """Every field at its longest at once, as one very long conference would have it."""
    words = "Phát triển hạ tầng số đồng bộ, hiện đại tại các xã vùng sâu, vùng xa của tỉnh Đắk Lắk; "

    def text(length: int) -> str:
        return (words * (length // len(words) + 1))[:length].rstrip() or "x"

    attendees = [
        {"id": f"p{i}", "honorific": "Ông" if i % 2 else "Bà", "name": f"Nguyễn Thị Hồng Nhung {i:03d}",
         "titles": [text(LONGEST_PERSON_TITLE)] * (MOST_TITLES if i < 3 else 1),
         "organization": text(LONGEST_ORGANIZATION), "group": f"Nhóm {i // 50}: " + text(LONGEST_ORGANIZATION - 9),
         **({"present": False, "absence_reason": text(LONGEST_ORGANIZATION)} if i % 100 == 7 else {})}
        for i in range(MOST_ATTENDEES)
    ]
    return {
        "format": "minutes-app.meeting/1",
        "title": text(LONGEST_TITLE),
        "style": "party",
        "organizer": {"name": text(LONGEST_ORGANIZATION), "parent": text(LONGEST_ORGANIZATION), "code": text(30)},
        "document_number": text(60),
        "place_name": text(LONGEST_ORGANIZATION),
        "venue": text(LONGEST_ORGANIZATION),
        "starts_at": "2026-12-31T23:59",
        "ends_at": "2027-01-01T00:30",
        "chair": "p0",
        "secretary": "p1",
        "agenda": [text(LONGEST_ITEM)] * MOST_ITEMS,
        "attendees": attendees,
        "speeches": [
            {"speaker": f"p{i % 40}", "kind": "opinion", "subject": text(LONGEST_TITLE if i == 0 else 80),
             "at": f"{i % 24:02d}:{i % 60:02d}", "summary": text(LONGEST_SUMMARY if i == 0 else 300)}
            for i in range(MOST_SPEECHES)
        ],
        "topics": [{"title": text(LONGEST_TITLE), "notes": text(LONGEST_ITEM)}] * MOST_ITEMS,
        "directives": [{"addressee": text(LONGEST_ORGANIZATION), "content": text(LONGEST_ITEM),
                        "deadline": "2027-03-31", "issued_by": "p2"}] * MOST_ITEMS,
        "press_release": {"title": text(LONGEST_TITLE), "lead": text(3000), "author": text(100),
                          "topics_intro": text(LONGEST_ITEM)},
    }


def emptiest_meeting() -> dict[str, Any]:
    """Every field at its shortest: what the format requires, one character each, lists empty."""
    return {
        "format": "minutes-app.meeting/1", "title": "H", "organizer": {"name": "S", "parent": "", "code": ""},
        "document_number": "", "place_name": "", "venue": "", "starts_at": "2026-01-01T00:00", "agenda": [],
        "attendees": [], "speeches": [], "topics": [], "directives": [], "photos": [], "press_release": {},
    }
