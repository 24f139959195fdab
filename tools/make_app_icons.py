"""Draw the web app's home-screen icons (src/runstrong/web/static/icon-192.png, icon-512.png).

Run once by hand when the look changes (Pillow comes with the test extras, via matplotlib):
    .venv/bin/python tools/make_app_icons.py
The icons are full-bleed (usable as maskable): the brand's "rs" on its dark ground.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

STATIC = Path(__file__).resolve().parents[1] / "src" / "runstrong" / "web" / "static"
INK, MINT, WHITE = (28, 34, 38), (127, 212, 176), (255, 255, 255)
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def icon(size: int) -> Image.Image:
    image = Image.new("RGB", (size, size), INK)
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(FONT, round(size * 0.42))
    r_box, s_box = draw.textbbox((0, 0), "r", font=font), draw.textbbox((0, 0), "s", font=font)
    width = (r_box[2] - r_box[0]) + (s_box[2] - s_box[0])
    x = (size - width) / 2
    y = (size - (s_box[3] - s_box[1])) / 2 - s_box[1]
    draw.text((x - r_box[0], y), "r", font=font, fill=WHITE)
    draw.text((x + (r_box[2] - r_box[0]) - s_box[0], y), "s", font=font, fill=MINT)
    return image


if __name__ == "__main__":
    for size in (192, 512):
        icon(size).save(STATIC / f"icon-{size}.png", optimize=True)
