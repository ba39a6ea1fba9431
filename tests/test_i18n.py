"""Every message the core shows has an English translation, and no translation is stale."""

import ast
import json
import string
from pathlib import Path

import minutes_app
from minutes_app.package_data import resource

PACKAGE = Path(minutes_app.__file__).parent


def marked_messages() -> set[str]:
    """String literals passed to _() or N_() in the core (the Qt layer uses Qt's tools)."""
    messages: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if "ui" in path.relative_to(PACKAGE).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("_", "N_")
                and node.args
                and isinstance(node.args[0], ast.Constant)
                and isinstance(node.args[0].value, str)
            ):
                messages.add(node.args[0].value)
    return messages


def _fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def test_english_catalog_matches_the_messages() -> None:
    catalog = json.loads(resource("i18n", "en.json").read_text(encoding="utf-8"))
    messages = marked_messages()
    assert sorted(messages - catalog.keys()) == [], "untranslated"
    assert sorted(catalog.keys() - messages) == [], "stale translations"
    for source, translation in catalog.items():
        assert translation.strip(), source
        assert _fields(translation) == _fields(source), source
