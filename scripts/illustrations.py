"""Draw the sample site's illustrations and logo with Pillow (run once; the results are committed).

We have none of the original photos of the sample articles, so the sample site shows honest
drawings instead: silhouettes in a hall, each marked "Ảnh minh họa" in the picture itself and
credited as an illustration in its caption. Usage: .venv/bin/python scripts/illustrations.py
"""

from __future__ import annotations

import math
import random
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "content" / "images" / "minh-hoa"
FONT = ROOT / "plugins" / "bantin" / "images" / "fonts" / "DejaVuSans-Bold.ttf"
SIZE = (1800, 1200)
RED = (200, 30, 36)
GOLD = (250, 204, 21)
WALL = (236, 226, 208)
FLOOR = (176, 140, 104)
PEOPLE = [(38, 52, 82), (52, 66, 96), (70, 60, 70), (30, 44, 70), (86, 92, 110)]


def person(pen: ImageDraw.ImageDraw, x: float, y: float, scale: float, colour) -> None:
    """A seated or standing silhouette whose shoulders sit at (x, y)."""
    head = 26 * scale
    pen.ellipse((x - head, y - 2.6 * head, x + head, y - 0.6 * head), fill=colour)
    pen.rounded_rectangle(
        (x - 2.1 * head, y - 0.5 * head, x + 2.1 * head, y + 3.4 * head),
        radius=int(head),
        fill=colour,
    )


def star(pen: ImageDraw.ImageDraw, x: float, y: float, radius: float, fill) -> None:
    """A five-pointed star, as on the flag."""
    points = []
    for index in range(10):
        angle = -math.pi / 2 + index * math.pi / 5
        reach = radius if index % 2 == 0 else radius * 0.4
        points.append((x + reach * math.cos(angle), y + reach * math.sin(angle)))
    pen.polygon(points, fill=fill)


def banner(pen: ImageDraw.ImageDraw, box, font, text: str) -> None:
    pen.rectangle(box, fill=RED)
    left, top, right, bottom = box
    pen.text(((left + right) / 2, (top + bottom) / 2), text, font=font, fill=GOLD, anchor="mm")


def hall(rng: random.Random, font) -> Image.Image:
    """Quang cảnh hội nghị: rows of delegates facing a stage."""
    image, pen = _room()
    banner(pen, (300, 120, 1500, 280), font(54), "HỘI NGHỊ KIỂM TRA CÔNG TÁC ĐOÀN")
    pen.rectangle((200, 380, 1600, 470), fill=(120, 36, 30))
    for row in range(5):
        y = 620 + row * 130
        scale = 1.0 + row * 0.35
        count = 9 - row
        for seat in range(count):
            x = 150 + (seat + 0.5) * (1500 / count) + rng.uniform(-20, 20)
            person(pen, x, y, scale, rng.choice(PEOPLE))
    return image


def presiding(rng: random.Random, font) -> Image.Image:
    """Chủ trì hội nghị: three people behind the presidium table."""
    image, pen = _room()
    banner(pen, (250, 110, 1550, 260), font(50), "ĐOÀN TNCS HỒ CHÍ MINH")
    for index, x in enumerate((600, 900, 1200)):
        person(pen, x, 640, 2.4, PEOPLE[index])
    pen.rectangle((300, 760, 1500, 1200), fill=(150, 40, 36))
    pen.rectangle((300, 760, 1500, 790), fill=(236, 236, 236))
    for x in (600, 900, 1200):
        pen.rectangle((x - 60, 700, x + 60, 760), fill=(245, 245, 240))
    return image


def speaker(rng: random.Random, font) -> Image.Image:
    """Đại biểu phát biểu: one person at a lectern with a microphone."""
    image, pen = _room()
    banner(pen, (180, 110, 1000, 240), font(44), "HỘI NGHỊ")
    person(pen, 1150, 560, 3.2, PEOPLE[0])
    pen.polygon([(900, 700), (1400, 700), (1350, 1200), (950, 1200)], fill=(120, 60, 40))
    pen.ellipse((1105, 470, 1145, 510), fill=(40, 40, 40))
    pen.line((1125, 510, 1160, 700), fill=(40, 40, 40), width=8)
    pen.ellipse((1100, 860, 1200, 960), fill=GOLD)
    return image


def discussion(rng: random.Random, font) -> Image.Image:
    """Đại biểu thảo luận: seated delegates, one standing with a microphone."""
    image, pen = _room()
    banner(pen, (300, 110, 1500, 250), font(48), "THẢO LUẬN TẠI HỘI NGHỊ")
    for row in range(3):
        for seat in range(6):
            x = 200 + seat * 280 + rng.uniform(-15, 15)
            person(pen, x, 700 + row * 190, 1.6 + row * 0.4, rng.choice(PEOPLE))
    person(pen, 1000, 540, 2.6, (150, 40, 36))
    pen.line((1060, 520, 1110, 420), fill=(30, 30, 30), width=10)
    return image


def youth(rng: random.Random, font) -> Image.Image:
    """Hoạt động thiếu nhi: children and a flag outdoors (a cover for the sample site)."""
    image = Image.new("RGB", SIZE, (150, 200, 235))
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 760, SIZE[0], SIZE[1]), fill=(96, 160, 84))
    pen.ellipse((1380, 90, 1580, 290), fill=(255, 222, 120))
    pen.line((300, 260, 300, 900), fill=(90, 90, 90), width=14)
    pen.rectangle((310, 260, 640, 480), fill=RED)
    star(pen, 475, 370, 80, GOLD)
    for index in range(9):
        x = 520 + index * 130 + rng.uniform(-20, 20)
        person(pen, x, 820 + rng.uniform(-30, 30), 1.5, rng.choice(PEOPLE))
        pen.polygon([(x - 35, 790), (x + 35, 790), (x, 840)], fill=RED)  # khăn quàng đỏ
    return image


def _room() -> tuple[Image.Image, ImageDraw.ImageDraw]:
    image = Image.new("RGB", SIZE, WALL)
    pen = ImageDraw.Draw(image)
    pen.rectangle((0, 820, SIZE[0], SIZE[1]), fill=FLOOR)
    for x in range(0, SIZE[0], 300):
        pen.rectangle((x, 0, x + 18, 820), fill=(222, 208, 186))
    return image, pen


def label(image: Image.Image, font) -> Image.Image:
    """Soften the drawing a little and mark it, in the picture itself, as an illustration."""
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    pen = ImageDraw.Draw(image)
    # Inside the 16:9 middle, so the mark survives the crop of card thumbnails.
    pen.rounded_rectangle((60, SIZE[1] - 230, 540, SIZE[1] - 150), radius=16, fill=(0, 0, 0))
    pen.text((300, SIZE[1] - 190), "Ảnh minh họa", font=font(44), fill=(255, 255, 255), anchor="mm")
    return image


def logo(font) -> Image.Image:
    """The sample site's mark: a red disc with a gold star and the letters BT."""
    mark = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    pen = ImageDraw.Draw(mark)
    pen.ellipse((8, 8, 248, 248), fill=(218, 37, 29, 255), outline=(255, 255, 255, 255), width=8)
    star(pen, 128, 100, 62, (250, 204, 21, 255))
    pen.text((128, 190), "BT", font=font(64), fill=(255, 255, 255, 255), anchor="mm")
    return mark


def main() -> None:
    def font(size: int):
        return ImageFont.truetype(str(FONT), size)

    OUT.mkdir(parents=True, exist_ok=True)
    drawings = {
        "hoi-truong": hall,
        "chu-tri": presiding,
        "phat-bieu": speaker,
        "thao-luan": discussion,
        "thieu-nhi": youth,
    }
    for name, draw in drawings.items():
        image = label(draw(random.Random(name), font), font)
        image.save(OUT / f"{name}.jpg", quality=88, optimize=True)
    logo(font).save(ROOT / "plugins" / "bantin" / "images" / "logo.png", optimize=True)


if __name__ == "__main__":
    main()
