"""Fast reads of an annotated document, shared by the stages after annotation (actors, coding, enrich).

They read spaCy's arrays rather than building a ``Token`` per word, the costliest part of a naive loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def token_texts(doc: Doc) -> list[str]:
    """Every token's text."""
    from spacy.attrs import ORTH

    strings = doc.vocab.strings
    return [strings[int(h)] for h in doc.to_array(ORTH)]


def is_proper_noun(doc: Doc) -> list[bool]:
    """Which tokens are proper nouns."""
    from spacy.attrs import POS
    from spacy.symbols import PROPN

    return [int(p) == PROPN for p in doc.to_array(POS)]
