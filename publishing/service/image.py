"""A partner's image, trusted only once Pillow has decoded it: JPEG, PNG or WebP, of a bounded size
in pixels, written again from its pixels alone (no EXIF, no GPS position, no comment, no ICC profile
from the sender), as JPEG (a photo, a poster) or PNG (with transparency)."""
from __future__ import annotations

import io
import warnings
from dataclasses import dataclass

from PIL import Image, ImageOps

FORMATS = ("JPEG", "PNG", "WEBP")
MAX_PIXELS = 40_000_000  # a 7,000 × 5,700 photo; more is refused before it is decoded
MAX_SIDE = 2400  # larger images are scaled down: the pages show them at most 1,200 px wide


@dataclass(frozen=True)
class Cleaned:
    data: bytes
    extension: str  # "jpg" or "png"


def clean(data: bytes) -> Cleaned | None:
    """The image written again without its metadata, or None when it is no image of an accepted kind."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=FORMATS) as probe:
                if probe.width * probe.height > MAX_PIXELS:
                    return None
                probe.verify()  # the file's structure
            with Image.open(io.BytesIO(data), formats=FORMATS) as opened:
                opened.load()  # every pixel decoded
                image = ImageOps.exif_transpose(opened)  # the orientation the metadata said, before dropping it
                image.thumbnail((MAX_SIDE, MAX_SIDE))
                transparent = image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info
                pixels = image.convert("RGBA" if transparent else "RGB")
                clean_image = Image.new(pixels.mode, pixels.size)
                clean_image.paste(pixels)
                out = io.BytesIO()
                if transparent:
                    clean_image.save(out, "PNG", optimize=True)
                    return Cleaned(out.getvalue(), "png")
                clean_image.save(out, "JPEG", quality=85, optimize=True, progressive=True)
                return Cleaned(out.getvalue(), "jpg")
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        return None
