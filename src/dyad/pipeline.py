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
from dyad.annotate import Annotator, shared_model
from dyad.annotate.triage import DROPPED, Triage, TriggerForms, body_heads, role_forms, title_words
from dyad.coding import EventCoder, Lexicon
from dyad.enrich import enrich
from dyad.enrich.places import dateline
from dyad.enrich.themes import article_themes, tone
from dyad.model import CodedDocument, Document, Sentence
from dyad.tokens import sentences as sentence_spans
from dyad.tokens import text as doc_text
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


@cache
def shared_trigger_forms() -> TriggerForms:
    """The word forms of Dyad's own lexicon's acts, for triage; built once per process."""
    from dyad.coding.coder import REPORTING
    from dyad.enrich.quotes import SPEECH_VERBS

    return TriggerForms.build(shared_model(), shared_lexicon(), REPORTING, SPEECH_VERBS)


@cache
def shared_role_forms() -> frozenset[str]:
    """The word forms of Dyad's own knowledge base's role nouns, for triage; built once per process."""
    return role_forms(shared_model(), shared_knowledge_base())


@dataclass
class Pipeline:
    """The coding stages over one set of resources; loaded on first use, or by ``load()``.

    ``triage`` (the default) parses only the sentences that can hold an event, a quote or a
    commitment (``dyad.annotate.triage``); ``triage=False`` parses every sentence (the full path)."""

    annotator: Annotator = field(default_factory=Annotator)
    kb: KnowledgeBase | None = None
    lexicon: Lexicon | None = None
    triage: bool = True
    _coder: EventCoder | None = field(default=None, repr=False)
    _triage: Triage | None = field(default=None, repr=False)
    _own_layer: bool = field(default=False, repr=False)  # whether ``kb`` is this pipeline's own

    def load(self) -> Pipeline:
        """Load every resource now (model, knowledge base, lexicon, gazetteer) rather than on the first
        document."""
        from dyad.geo import default_gazetteer

        self.annotator.nlp  # noqa: B018
        self.coder  # noqa: B018
        self.triager  # noqa: B018
        default_gazetteer()  # the places of events and articles, read once per process
        return self

    @property
    def triager(self) -> Triage | None:
        """The cheap first pass, or None on the full path."""
        if not self.triage:
            return None
        if self._triage is None:
            self.coder  # noqa: B018
            assert self.kb is not None and self.lexicon is not None
            nlp = self.annotator.nlp
            own_resources = self.lexicon is not shared_lexicon() or nlp is not shared_model()
            if own_resources:
                from dyad.coding.coder import REPORTING
                from dyad.enrich.quotes import SPEECH_VERBS

                forms = TriggerForms.build(nlp, self.lexicon, REPORTING, SPEECH_VERBS)
            else:
                forms = shared_trigger_forms()
            same_roles = self.kb.agents == shared_knowledge_base().agents and not own_resources
            roles = shared_role_forms() if same_roles else role_forms(nlp, self.kb)
            self._triage = Triage(forms, roles, title_words(), body_heads(), self.kb)
        return self._triage

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
        whole = doc_text(doc)
        actors = resolve_actors(
            doc,
            self.kb,
            document.date,
            title=document.title,
            publisher=document.source,
            filed_from=dateline(document.text),
        )
        coded = CodedDocument(
            document=document,
            sentences=[
                Sentence(i, s.start_char, s.end_char, whole[s.start_char : s.end_char])
                for i, s in enumerate(sentence_spans(doc))
            ],
            mentions=actors.mentions,
            events=coder.code(doc, actors),
            learned=actors.introduced,
        )
        enriched = enrich(coded, doc, actors, self.kb)
        triaged = doc.user_data.get(DROPPED)
        if triaged:
            restore_sentences(enriched, doc, triaged)
        if doc_text(doc) != document.text:  # the parser read wrapped lines as one (dyad.annotate.wrap)
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

        for doc in self.annotator.annotate_many(texts(), triage=self.triager):
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
            self._triage = None  # triage reads the names of this pipeline's own layer
        return self.kb.add_records(records, priority=priority)

    def taught(self, memory: ActorMemory) -> Pipeline:
        """A pipeline like this one (same model, same knowledge base underneath) that also knows
        ``memory``; this one is left as it was."""
        self.coder  # noqa: B018
        other = Pipeline(annotator=self.annotator, kb=self.kb, lexicon=self.lexicon, triage=self.triage)
        for records, priority in memory.layers():
            if records:
                other.remember(records, priority=priority)
        return other

    def code_document(self, document: Document) -> CodedDocument:
        return self.code_parsed(document, self.annotator.annotate(document.text, triage=self.triager))


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


def restore_sentences(coded: CodedDocument, doc: Doc, triaged: dict[str, Any]) -> None:
    """After triage: the document's sentences are all of them again, in order - those the parser read
    (cut back where it joined a blank run to them) and those triage left out (as the cheap pass split
    them) - with every sentence index renumbered to that list, and the article's tone and themes
    taken over every sentence, as on the full path."""
    text = doc_text(doc)
    dropped = [(int(start), int(end)) for start, end in triaged["dropped"]]
    blanked = [False] * len(text)
    for start, end in dropped:
        blanked[start:end] = [True] * (end - start)

    def cut(start: int, end: int) -> tuple[int, int]:
        """``start``-``end`` without a white space run at either end that holds blanks triage made
        (the parser joins a blank run to the sentence before or after it). Before the blanks, the
        white space the full path would keep stays: a line break, not a word's own trailing space."""
        lead = start
        while lead < end and text[lead].isspace():
            lead += 1
        if any(blanked[start:lead]):
            start = lead
        tail = end
        while tail > start and text[tail - 1].isspace():
            tail -= 1
        if any(blanked[tail:end]):
            end = blanked.index(True, tail, end)
            if text[tail:end] == " ":
                end = tail
        return start, end

    parsed = list(coded.sentences)  # the parser's, as ``enrich`` weighed them
    spans: list[tuple[int, int, int | None]] = []  # start, end, index in the parser's list (or None)
    for sentence in parsed:
        start, end = cut(sentence.start, sentence.end)
        if start < end:  # not a run of blanks alone
            spans.append((start, end, sentence.index))
    spans.extend((start, end, None) for start, end in dropped)
    spans.sort()
    renumber = {old: new for new, (_, _, old) in enumerate(spans) if old is not None}
    coded.sentences = [Sentence(n, start, end, text[start:end]) for n, (start, end, _) in enumerate(spans)]
    for quote in coded.quotes:
        quote.evidence.sentence = renumber.get(quote.evidence.sentence, quote.evidence.sentence)
    for event in coded.events:
        evidence = event.evidence
        evidence.sentence = renumber.get(evidence.sentence, evidence.sentence)
        evidence.start, evidence.end = cut(evidence.start, evidence.end)
        evidence.text = text[evidence.start : evidence.end]
    _refresh_commitments(coded)
    # the article's tone and themes over every sentence. ``enrich`` scored the parsed ones (a blank
    # run added its length to the weights and nothing else): those left out are scored here, from
    # their text and words, and weighed in
    kept_length = sum(end - start for start, end, old in spans if old is not None)
    scored = (coded.tone or 0.0) * sum(len(sentence.text) for sentence in parsed)
    left_out = list(zip(triaged["texts"], triaged["topics"], strict=True))
    scored += sum(tone(said) * len(said) for said, _ in left_out)
    weight = kept_length + sum(len(said) for said, _ in left_out)
    coded.tone = round(scored / max(1, weight), 2)
    parsed_topics = [[topic] * count for topic, count in coded.themes.get("topic_counts", {}).items()]
    topics = parsed_topics + [list(words) for _, words in left_out]
    coded.themes = article_themes(topics, [event.context for event in coded.events])


def _refresh_commitments(coded: CodedDocument) -> None:
    """A commitment keeps a copy of its event's evidence: give it the event's restored one."""
    events = {event.id: event for event in coded.events}
    for commitment in coded.commitments:
        event = events.get(commitment.get("event_id") or "")
        if event is not None:
            evidence = event.evidence
            commitment["evidence"].update(
                sentence=evidence.sentence, start=evidence.start, end=evidence.end, text=evidence.text
            )
