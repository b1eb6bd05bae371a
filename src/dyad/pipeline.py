"""The pipeline: read -> annotate -> actors -> code -> enrich (-> store), composed by ``run``.

``Pipeline`` holds what is expensive to load (spaCy model, knowledge base, lexicon) once per
process; every entry point (library, CLI, API, engines, tests) codes documents through it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyad.actors import ActorRecord, KnowledgeBase, resolve_actors
from dyad.annotate import Annotator
from dyad.coding import EventCoder, Lexicon
from dyad.enrich import enrich
from dyad.model import CodedDocument, Document, Sentence
from dyad.validity import enforce

if TYPE_CHECKING:
    from spacy.tokens import Doc


@dataclass
class Pipeline:
    """The coding stages, loaded lazily and reused."""

    annotator: Annotator = field(default_factory=Annotator)
    kb: KnowledgeBase | None = None
    lexicon: Lexicon | None = None
    _coder: EventCoder | None = field(default=None, repr=False)

    @property
    def coder(self) -> EventCoder:
        if self._coder is None:
            self.kb = self.kb or KnowledgeBase.load_default()
            self.lexicon = self.lexicon or Lexicon.load_default()
            self._coder = EventCoder(self.lexicon, self.kb)
        return self._coder

    def code_parsed(self, document: Document, doc: Doc) -> CodedDocument:
        """Everything after spaCy: actors, events, enrichment."""
        coder = self.coder
        assert self.kb is not None
        actors = resolve_actors(doc, self.kb, document.date)
        coded = CodedDocument(
            document=document,
            sentences=[Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(doc.sents)],
            mentions=actors.mentions,
            events=coder.code(doc, actors),
            learned=actors.introduced,
        )
        return enforce(enrich(coded, doc, actors, self.kb))  # nothing invalid leaves the pipeline

    def code_documents(self, documents: Iterable[Document]) -> Iterator[CodedDocument]:
        """Code documents in batches through spaCy's ``pipe``; yields in input order."""
        self.coder  # noqa: B018  load before the first batch
        pending: list[Document] = []

        def texts() -> Iterator[str]:
            for document in documents:
                pending.append(document)
                yield document.text

        for doc in self.annotator.annotate_many(texts()):
            yield self.code_parsed(pending.pop(0), doc)

    def remember(self, records: Iterable[ActorRecord], priority: int = 1) -> int:
        """Teach the knowledge base actors from elsewhere (the store's memory, a user dictionary)."""
        self.coder  # noqa: B018  the knowledge base must be loaded first
        assert self.kb is not None
        return self.kb.add_records(records, priority=priority)

    def code_document(self, document: Document) -> CodedDocument:
        return self.code_parsed(document, self.annotator.annotate(document.text))
