"""Near-duplicate articles: MinHash signatures over word shingles, banded for fast candidates.

Wire copies and re-posts share almost all their 5-word shingles. A 64-value MinHash estimates the
Jaccard similarity of two articles' shingle sets; 16 bands of 4 values find candidate pairs in
the store without comparing every pair. Two articles above ``THRESHOLD`` are duplicates: the later
one is stored and linked to the first, and its events are not counted twice.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
THRESHOLD = 0.85
_PRIME = (1 << 31) - 1  # products of 31-bit numbers fit in uint64: the hashing vectorises with numpy
_MAX = _PRIME


def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    a, b = [], []
    for i in range(PERMUTATIONS):
        digest = hashlib.sha256(f"dyad-minhash-{i}".encode()).digest()
        a.append(int.from_bytes(digest[:4], "big") % _PRIME | 1)
        b.append(int.from_bytes(digest[4:8], "big") % _PRIME)
    return np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64)


_A, _B = _coefficients()


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return {hash32(" ".join(words))} if words else set()
    return {hash32(" ".join(words[i : i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def hash32(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "big")


def signature(text: str) -> list[int]:
    items = shingles(text)
    if not items:
        return [_MAX] * PERMUTATIONS
    x = np.fromiter((h % _PRIME for h in items), dtype=np.uint64, count=len(items))
    hashed = (_A[:, None] * x[None, :] + _B[:, None]) % np.uint64(_PRIME)
    return [int(v) for v in hashed.min(axis=1)]


def bands(sig: list[int]) -> list[str]:
    return [
        f"{i}:" + hashlib.blake2b(repr(sig[i * ROWS : (i + 1) * ROWS]).encode(), digest_size=8).hexdigest()
        for i in range(BANDS)
    ]


def similarity(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / PERMUTATIONS
