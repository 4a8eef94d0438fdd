"""The image pipeline's benchmark: cold and warm encode rates, and what a phone downloads.

Photos are made on the spot (smooth colour fields plus sensor-like grain, at a phone camera's
4000×3000), so the encoders work about as hard as on real photos; flat drawings would flatter them.
"""

from __future__ import annotations

import io
import random
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageFilter

from .cache import ImageCache
from .collect import COVER_PRODUCTS
from .products import RESPONSIVE, THUMBNAIL, Picture, Settings, produce

PHONE_WIDTH = 412
"""CSS pixels of a common Android phone (Pixel 7, Galaxy S2x)."""
PHONE_DPR = 2.625


def photo(seed: int, size: tuple[int, int] = (4000, 3000)) -> bytes:
    """A JPEG with the statistics of a phone photo: soft shapes, edges and grain."""
    rng = random.Random(seed)
    small = Image.new("RGB", (16, 12))
    small.putdata([tuple(rng.randrange(256) for _ in range(3)) for _ in range(16 * 12)])
    image = small.resize(size, Image.Resampling.BICUBIC)
    detail = Image.effect_noise((size[0] // 8, size[1] // 8), 60).resize(size).convert("RGB")
    image = Image.blend(image, detail, 0.25).filter(ImageFilter.SHARPEN)
    grain = Image.effect_noise(size, 10).convert("RGB")
    image = Image.blend(image, grain, 0.08)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=90)
    return buffer.getvalue()


@dataclass(frozen=True)
class ImageBench:
    photos: int
    megabytes_in: float
    cold_seconds: float
    cold_cpu: float
    warm_seconds: float
    files_out: int
    phone_first_screen_bytes: int
    phone_card_bytes: int

    @property
    def cold_rate(self) -> float:
        return self.photos / self.cold_seconds

    @property
    def warm_rate(self) -> float:
        return self.photos / self.warm_seconds

    def report(self) -> str:
        return "\n".join(
            [
                f"Ảnh đầu vào: {self.photos} ảnh 4000×3000 ({self.megabytes_in:.1f} MB)",
                f"Mã hoá lần đầu (ảnh bìa: WebP nhiều cỡ + JPEG + ảnh thu nhỏ + ảnh chia sẻ): "
                f"{self.cold_seconds:.2f} s = {self.cold_rate:.2f} ảnh/giây "
                f"(CPU {self.cold_cpu:.2f} s = {self.photos / self.cold_cpu:.2f} ảnh/giây-lõi), "
                f"{self.files_out} tệp",
                f"Build lại khi đã có bộ nhớ đệm: {self.warm_seconds:.3f} s = "
                f"{self.warm_rate:.0f} ảnh/giây",
                f"Điện thoại {PHONE_WIDTH}px ×{PHONE_DPR}: ảnh bìa màn hình đầu "
                f"{self.phone_first_screen_bytes / 1024:.0f} KB; ảnh thu nhỏ mỗi thẻ "
                f"{self.phone_card_bytes / 1024:.0f} KB",
            ]
        )


def run(photos: int = 12, settings: Settings | None = None) -> ImageBench:
    """Encode `photos` photos as covers into an empty cache, then again from the warm cache."""
    settings = settings or Settings()
    sources = [photo(seed) for seed in range(photos)]
    folder = Path(tempfile.mkdtemp(prefix="bantin-bench-images-"))
    files = []
    for index, data in enumerate(sources):
        files.append(folder / "content" / f"anh-{index}.jpg")
        files[-1].parent.mkdir(exist_ok=True)
        files[-1].write_bytes(data)
    try:
        cache = folder / "cache"
        cold_cache = ImageCache(cache)
        start, cpu = time.perf_counter(), time.process_time()
        results = [
            produce(cold_cache.source(path), path.stem, COVER_PRODUCTS, settings, cold_cache)
            for path in files
        ]
        cold_cache.save_sources()
        cold, cold_cpu = time.perf_counter() - start, time.process_time() - cpu
        warm_cache = ImageCache(cache)
        start = time.perf_counter()
        for path in files:
            produce(warm_cache.source(path), path.stem, COVER_PRODUCTS, settings, warm_cache)
        warm = time.perf_counter() - start
        assert warm_cache.misses == 0, "a warm rebuild must encode nothing"
        outputs = sum(1 for path in cache.rglob("*") if path.suffix in (".webp", ".jpg", ".png"))
        device = PHONE_WIDTH * PHONE_DPR
        first = _mean(chosen(r[RESPONSIVE], device).cached.stat().st_size for r in results)
        card = _mean(chosen(r[THUMBNAIL], device).cached.stat().st_size for r in results)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return ImageBench(
        photos,
        sum(map(len, sources)) / 1e6,
        cold,
        cold_cpu,
        warm,
        outputs,
        round(first),
        round(card),
    )


def chosen(picture: Picture, device_pixels: float):
    """The WebP a browser picks for an image shown `device_pixels` wide (sizes = 100vw)."""
    wide_enough = [v for v in picture.sources if v.width >= device_pixels]
    return wide_enough[0] if wide_enough else picture.sources[-1]


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values)
