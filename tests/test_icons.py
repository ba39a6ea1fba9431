"""The app's icon: the PNGs and the .ico are the SVG's current picture, and the window uses them."""

import runpy
from pathlib import Path

import pytest
from PIL import Image, ImageChops
from PySide6.QtCore import QSize

from minutes_app.ui.app import app_icon

ROOT = Path(__file__).parent.parent
RENDER = runpy.run_path(str(ROOT / "packaging" / "render_icons.py"))


@pytest.mark.parametrize("size", RENDER["SIZES"])
def test_each_png_is_the_svg_rendered_at_its_size(size: int, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.png"
    RENDER["render"](size).save(str(fresh))
    committed = Image.open(RENDER["png_path"](size)).convert("RGBA")
    assert committed.size == (size, size)
    # Antialiasing may differ by a shade between Qt versions; a changed picture differs by far more.
    difference = ImageChops.difference(committed, Image.open(fresh).convert("RGBA"))
    assert max(high for _low, high in difference.getextrema()) <= 8, "run `make icons` after changing the SVG"


def test_the_windows_icon_holds_every_size_up_to_256() -> None:
    with Image.open(RENDER["ICO"]) as ico:
        assert ico.info["sizes"] == {(s, s) for s in RENDER["ICO_SIZES"]}


def test_the_window_icon_has_every_size(qapp) -> None:  # type: ignore[no-untyped-def]
    sizes = app_icon().availableSizes()
    assert sorted(s.width() for s in sizes) == list(RENDER["SIZES"])
    assert QSize(16, 16) in sizes
