"""The pipeline: read -> annotate -> actors -> code -> enrich (-> store), composed by ``run``.

A ``Pipeline`` owns what its stages read: the spaCy model, the knowledge base, the lexicon.
What ships with Dyad is loaded once per process and shared, read-only, by every pipeline
(``shared_knowledge_base``, ``shared_lexicon``, ``dyad.annotate.shared_model``); what a user or a
store teaches a pipeline (``remember``) goes into a layer of that pipeline's own knowledge base, so
no other pipeline, and no later ``dyad.code()`` call, ever sees it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING, Any

from dyad.actors import ActorMemory, ActorRecord, KnowledgeBase, resolve_actors
from dyad.annotate import Annotator
from dyad.coding import EventCoder, Lexicon
from dyad.enrich import enrich
from dyad.model import CodedDocument, Document, Sentence
from dyad.validity import enforce

if TYPE_CHECKING:
    from spacy.tokens import Doc


@cache
def shared_knowledge_base() -> KnowledgeBase:
    """Dyad's own knowledge base, loaded once per process; never changed (pipelines layer on it)."""
    return KnowledgeBase.load_default()


@cache
def shared_lexicon() -> Lexicon:
    """Dyad's own event lexicon, loaded once per process; read-only."""
    return Lexicon.load_default()


@dataclass
class Pipeline:
    """The coding stages over one set of resources; loaded on first use, or by ``load()``."""

    annotator: Annotator = field(default_factory=Annotator)
    kb: KnowledgeBase | None = None
    lexicon: Lexicon | None = None
    _coder: EventCoder | None = field(default=None, repr=False)
    _own_layer: bool = field(default=False, repr=False)  # whether ``kb`` is this pipeline's own

    def load(self) -> Pipeline:
        """Load every resource now (model, knowledge base, lexicon) rather than on the first document."""
        self.annotator.nlp  # noqa: B018
        self.coder  # noqa: B018
        return self

    @property
    def coder(self) -> EventCoder:
        if self._coder is None:
            self.kb = self.kb or shared_knowledge_base()
            self.lexicon = self.lexicon or shared_lexicon()
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
        enriched = enrich(coded, doc, actors, self.kb)
        if doc.text != document.text:  # the parser read wrapped lines as one (dyad.annotate.wrap)
            quote_as_stored(enriched, document.text)
        return enforce(enriched)  # nothing invalid leaves the pipeline

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
        """Teach this pipeline actors from elsewhere (the store's memory, a user dictionary).

        They go into a layer of this pipeline's own: the knowledge base it started from (Dyad's
        shared one, or one the caller passed in) is never changed."""
        self.coder  # noqa: B018  the knowledge base must be loaded first
        assert self.kb is not None and self.lexicon is not None
        if not self._own_layer:
            self.kb, self._own_layer = self.kb.layered(), True
            self._coder = EventCoder(self.lexicon, self.kb)
        return self.kb.add_records(records, priority=priority)

    def taught(self, memory: ActorMemory) -> Pipeline:
        """A pipeline like this one (same model, same knowledge base underneath) that also knows
        ``memory``; this one is left as it was."""
        self.coder  # noqa: B018
        other = Pipeline(annotator=self.annotator, kb=self.kb, lexicon=self.lexicon)
        for records, priority in memory.layers():
            if records:
                other.remember(records, priority=priority)
        return other

    def code_document(self, document: Document) -> CodedDocument:
        return self.code_parsed(document, self.annotator.annotate(document.text))


def quote_as_stored(coded: CodedDocument, text: str) -> None:
    """Every text a record quotes, sliced from the article as stored: where the parser was given
    a line break as a space, the record still quotes the article itself (offsets are the same)."""
    spans: list[Any] = [*coded.sentences, *coded.mentions]
    for event in coded.events:
        spans.append(event.evidence)
        if event.evidence.trigger is not None:
            spans.append(event.evidence.trigger)
        for entity in (*event.actor, *event.recipient):
            if entity.start is not None and entity.end is not None:
                entity.raw_text = text[entity.start : entity.end]
    spans.extend(quote.evidence for quote in coded.quotes)
    for span in spans:
        span.text = text[span.start : span.end]
