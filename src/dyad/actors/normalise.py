"""How names are compared: lower-cased, accents folded, split by spaCy's English tokenizer.

The knowledge base stores its aliases in this form, and the resolver folds document tokens the
same way, so "Türkiye", "TURKIYE" and "Turkiye" all meet at the key "turkiye".
"""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from typing import Any

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-"})


@lru_cache(maxsize=200_000)  # a pure memo over the words of a long run: bounded
def fold(text: str) -> str:
    """Lower-case, fold accents and typographic quotes: the form all name comparison uses."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("ı", "i").lower()


@cache
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def alias_key(alias: str) -> str:
    """The knowledge-base key of a name: its folded tokens joined by single spaces."""
    return " ".join(fold(t.text) for t in _tokenizer()(alias.strip()) if not t.is_space)
