"""Near-duplicate articles: MinHash signatures over word shingles, banded for fast candidates.

Wire copies and re-posts share almost all their 5-word shingles. A 64-value MinHash estimates the
Jaccard similarity of two articles' shingle sets; 16 bands of 4 values find candidate pairs in
the store without comparing every pair. Two articles above ``THRESHOLD`` are duplicates: the later
one is stored and linked to the first, and its events are not counted twice.
"""

from __future__ import annotations

import hashlib
import re
from array import array

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 5
THRESHOLD = 0.85
_MERSENNE = (1 << 61) - 1
_MAX = (1 << 32) - 1


def _coefficients() -> list[tuple[int, int]]:
    out = []
    for i in range(PERMUTATIONS):
        digest = hashlib.sha256(f"dyad-minhash-{i}".encode()).digest()
        out.append((int.from_bytes(digest[:8], "big") % _MERSENNE | 1, int.from_bytes(digest[8:16], "big") % _MERSENNE))
    return out


_COEFFICIENTS = _coefficients()


def shingles(text: str) -> set[int]:
    words = re.findall(r"\w+", text.lower())
    if len(words) < SHINGLE:
        return {hash32(" ".join(words))} if words else set()
    return {hash32(" ".join(words[i:i + SHINGLE])) for i in range(len(words) - SHINGLE + 1)}


def hash32(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=4).digest(), "big")


def signature(text: str) -> list[int]:
    items = shingles(text)
    if not items:
        return [_MAX] * PERMUTATIONS
    sig = array("Q")
    for a, b in _COEFFICIENTS:
        sig.append(min(((a * x + b) % _MERSENNE) & _MAX for x in items))
    return list(sig)


def bands(sig: list[int]) -> list[str]:
    return [f"{i}:" + hashlib.blake2b(repr(sig[i * ROWS:(i + 1) * ROWS]).encode(), digest_size=8).hexdigest()
            for i in range(BANDS)]


def similarity(a: list[int], b: list[int]) -> float:
    return sum(x == y for x, y in zip(a, b, strict=True)) / PERMUTATIONS
