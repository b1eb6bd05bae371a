"""Fast reads of an annotated document, shared by the stages after annotation (actors, coding, enrich).

They read spaCy's arrays rather than building a ``Token`` per word, the costliest part of a naive loop.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: Where a document keeps the bounds of its sentences once read (plain integers: a ``Doc`` with
#: them still serialises).
SENTENCE_BOUNDS = "dyad_sentence_bounds"


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences. spaCy walks every token again each time ``doc.sents`` is read, and
    four stages read them; the bounds are found once per document and kept on it."""
    bounds = doc.user_data.get(SENTENCE_BOUNDS)
    if bounds is None:
        bounds = doc.user_data[SENTENCE_BOUNDS] = [(s.start, s.end) for s in doc.sents]
    return [doc[start:end] for start, end in bounds]


#: Where a document keeps its text once read (``Doc.text`` joins every token's text on each access).
TEXT = "dyad_text"


def text(doc: Doc) -> str:
    """The document's text, built once (the pipeline, quotes and the actor stage each read it)."""
    found = doc.user_data.get(TEXT)
    if found is None:
        found = doc.user_data[TEXT] = doc.text
    return str(found)


#: Where a document keeps every token's lower-cased lemma and lower-cased form once read (plain data).
LEMMAS_AND_FORMS = "dyad_lemmas_and_forms"


def lemmas_and_forms(doc: Doc) -> tuple[list[str], list[str]]:
    """Every token's lemma and form, lower-cased, read from spaCy's arrays once per document (the
    coder reads the words of a trigger's clause for every event)."""
    found = doc.user_data.get(LEMMAS_AND_FORMS)
    if found is None:
        from spacy.attrs import LEMMA, LOWER

        strings = doc.vocab.strings
        array = doc.to_array([LEMMA, LOWER])
        found = doc.user_data[LEMMAS_AND_FORMS] = (
            [strings[int(h)].lower() for h in array[:, 0]],
            [strings[int(h)] for h in array[:, 1]],
        )
    return found[0], found[1]


def in_multiword_entity(token: Token) -> bool:
    """Whether the named entity a token is in has more words than it, read from the IOB tags
    (``doc.ents`` would build every entity of the document to find one)."""
    doc = token.doc
    return token.ent_iob_ == "I" or (token.i + 1 < len(doc) and doc[token.i + 1].ent_iob_ == "I")


def without_blanks(span: Span) -> Span:
    """``span`` less the whitespace tokens at its edges. Layout the annotator blanked (a dateline,
    "OSLO, June 2 -") parses as one whitespace token, which a phrase's left edge can take in; the
    actor's text must not quote the dateline it stood on."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and doc[start].is_space:
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end] if start < end else span


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
