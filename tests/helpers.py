"""Shared test helpers: comparing meeting files, making small pictures."""

import copy
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from PIL import Image


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def canonical(document: dict[str, Any], folder: Path) -> dict[str, Any]:
    """The document with defaults spelled out and photo files replaced by their content hash.

    Two meeting files are equivalent when their canonical forms are equal.
    """
    doc = copy.deepcopy(document)
    doc.setdefault("style", "state")
    for key in ("starts_at", "ends_at"):
        if key in doc and len(doc[key]) == 19 and doc[key].endswith(":00"):
            doc[key] = doc[key][:16]
    for key in ("agenda", "speeches", "topics", "directives", "photos"):
        if doc.get(key) == []:
            del doc[key]
    if doc.get("press_release") == {}:
        del doc["press_release"]
    for attendee in doc["attendees"]:
        if attendee.get("present") is True:
            del attendee["present"]
        if attendee.get("titles") == []:
            del attendee["titles"]
    for photo in doc.get("photos", []):
        photo["file"] = hashlib.sha256((folder / photo["file"]).read_bytes()).hexdigest()
    return doc


def picture(kind: str = "JPEG", size: tuple[int, int] = (64, 48), color: str = "steelblue") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, kind)
    return buffer.getvalue()
