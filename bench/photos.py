"""Seeded photos of a conference hall: smooth light, a backdrop, rows of people, sensor noise.

They compress like camera photos (about 4.5 MB for 12 megapixels at quality 90), unlike a
flat colour (far smaller) or pure noise (far larger), so decoding and scaling cost what
real photos cost.
"""

import io
import random

from PIL import Image, ImageChops, ImageDraw, ImageFilter

# Shapes are drawn at 1/8 of the size, blurred, then scaled up: smooth at full size.
_SKETCH_SCALE = 8
NOISE = 14
QUALITY = 90


def _colour(rng: random.Random, low: int = 0, high: int = 255) -> tuple[int, int, int]:
    return (rng.randint(low, high), rng.randint(low, high), rng.randint(low, high))


def hall_photo(rng: random.Random, size: tuple[int, int]) -> bytes:
    """A JPEG of ``size`` pixels."""
    width, height = size
    sw, sh = max(1, width // _SKETCH_SCALE), max(1, height // _SKETCH_SCALE)
    light = Image.linear_gradient("L").resize((sw, sh))
    sketch = Image.composite(Image.new("RGB", (sw, sh), _colour(rng, 20, 140)),
                             Image.new("RGB", (sw, sh), _colour(rng, 80, 230)), light)
    draw = ImageDraw.Draw(sketch)
    # The red backdrop of the stage and a few panels.
    draw.rectangle((sw // 6, sh // 12, sw * 5 // 6, sh * 2 // 5), fill=(rng.randint(150, 210), 20, 30))
    for _ in range(rng.randint(2, 5)):
        x, y = rng.randrange(sw), rng.randrange(max(1, sh // 2))
        draw.rectangle((x, y, x + rng.randint(1, max(1, sw // 4)), y + rng.randint(1, max(1, sh // 5))),
                       fill=_colour(rng))
    # Rows of people, nearer rows larger: a head above shoulders.
    for row in range(rng.randint(3, 6)):
        y = sh // 2 + row * sh // 10
        r = 3 + row * 2
        for x in range(rng.randint(0, 2 * r), sw, 3 * r):
            shirt = rng.choice([(240, 240, 240), (30, 40, 70), (200, 200, 210), (60, 60, 60)])
            draw.ellipse((x - 2 * r, y + r, x + 2 * r, y + 5 * r), fill=shirt)
            skin = (rng.randint(150, 230), rng.randint(110, 180), rng.randint(80, 140))
            draw.ellipse((x - r, y - r, x + r, y + r), fill=skin)
    smooth = sketch.filter(ImageFilter.GaussianBlur(1.2)).resize(size, Image.Resampling.BICUBIC)
    # Grain of ±NOISE pixel values around 128, from the seeded generator (Image.effect_noise is not seeded).
    grain = Image.frombytes("L", size, rng.randbytes(width * height)).point(
        lambda value: 128 + (value - 128) * NOISE // 128
    )
    channels = [ImageChops.add(channel, grain, 1.0, -128) for channel in smooth.split()]
    buffer = io.BytesIO()
    Image.merge("RGB", channels).save(buffer, "JPEG", quality=QUALITY)
    return buffer.getvalue()
