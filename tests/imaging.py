"""Test photos made on the spot: EXIF with GPS and orientation, and a colour profile that is not sRGB.

Pillow can write EXIF but can only create sRGB/LAB/XYZ profiles, so `swapped_rgb_profile` packs a
small ICC v2 matrix/TRC profile by hand: its red and blue primaries are sRGB's blue and red, so a
pixel stored as pure red must come out blue once converted to sRGB, which proves the conversion.
"""

from __future__ import annotations

import io
import struct

from PIL import ExifTags, Image

D50 = (0.9642, 1.0, 0.8249)
SRGB_RED = (0.4361, 0.2225, 0.0139)
SRGB_GREEN = (0.3851, 0.7169, 0.0971)
SRGB_BLUE = (0.1431, 0.0606, 0.7141)
GPS_HANOI = {
    ExifTags.GPS.GPSLatitudeRef: "N",
    ExifTags.GPS.GPSLatitude: (21.0, 1.0, 42.0),
    ExifTags.GPS.GPSLongitudeRef: "E",
    ExifTags.GPS.GPSLongitude: (105.0, 50.0, 3.0),
}


def _s15(value: float) -> bytes:
    return struct.pack(">i", round(value * 65536))


def _xyz(values) -> bytes:
    return b"XYZ " + b"\0" * 4 + b"".join(_s15(v) for v in values)


def _curve(gamma: float) -> bytes:
    return b"curv" + b"\0" * 4 + struct.pack(">IH", 1, round(gamma * 256)) + b"\0\0"


def _desc(text: str) -> bytes:
    ascii_text = text.encode("ascii") + b"\0"
    return (
        b"desc" + b"\0" * 4 + struct.pack(">I", len(ascii_text)) + ascii_text
        + struct.pack(">II", 0, 0) + struct.pack(">HB", 0, 0) + b"\0" * 67
    )  # fmt: skip


def swapped_rgb_profile() -> bytes:
    """An RGB display profile whose red and blue primaries are exchanged."""
    tags = [
        (b"desc", _desc("Swapped RGB test profile")),
        (b"wtpt", _xyz(D50)),
        (b"rXYZ", _xyz(SRGB_BLUE)),
        (b"gXYZ", _xyz(SRGB_GREEN)),
        (b"bXYZ", _xyz(SRGB_RED)),
        (b"rTRC", _curve(2.2)),
        (b"gTRC", _curve(2.2)),
        (b"bTRC", _curve(2.2)),
        (b"cprt", b"text" + b"\0" * 4 + b"public domain\0"),
    ]
    offset = 128 + 4 + 12 * len(tags)
    table, data = b"", b""
    for signature, body in tags:
        body += b"\0" * (-len(body) % 4)
        table += signature + struct.pack(">II", offset + len(data), len(body))
        data += body
    size = offset + len(data)
    header = (
        struct.pack(">I", size) + b"lcms" + struct.pack(">I", 0x02100000) + b"mntr" + b"RGB "
        + b"XYZ " + b"\0" * 12 + b"acsp" + b"\0" * 24 + struct.pack(">I", 0)
        + b"".join(_s15(v) for v in D50) + b"\0" * 48
    )  # fmt: skip
    return header + struct.pack(">I", len(tags)) + table + data


def phone_photo(width: int = 1200, height: int = 600) -> bytes:
    """A JPEG as a phone saves it: stored landscape with orientation 6 (shown portrait), GPS
    position in EXIF, a non-sRGB profile. Stored pixels are pure red, except a white top strip."""
    image = Image.new("RGB", (width, height), (255, 0, 0))
    image.paste((255, 255, 255), (0, 0, width, height // 10))
    exif = Image.Exif()
    exif[ExifTags.Base.Orientation] = 6
    exif[ExifTags.Base.Make] = "TestPhone"
    exif.get_ifd(ExifTags.IFD.GPSInfo).update(GPS_HANOI)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95, exif=exif, icc_profile=swapped_rgb_profile())
    return buffer.getvalue()


def plain_jpeg(width: int = 800, height: int = 450, colour=(40, 90, 160)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), colour).save(buffer, "JPEG", quality=90)
    return buffer.getvalue()
