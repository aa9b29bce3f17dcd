"""Deterministic identifiers: drawn from the patient's own random stream, never from uuid4() or the clock."""

from __future__ import annotations

import random


def new_id(rng: random.Random) -> str:
    """A UUID-shaped id (version 4 layout) from 128 bits of `rng`."""
    bits = rng.getrandbits(128)
    bits = (bits & ~(0xF000 << 64) | (0x4000 << 64)) & ~(0xC000 << 48) | (0x8000 << 48)
    text = f"{bits:032x}"
    return f"{text[:8]}-{text[8:12]}-{text[12:16]}-{text[16:20]}-{text[20:]}"
