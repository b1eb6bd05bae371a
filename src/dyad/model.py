"""Plain data that flows between the pipeline's stages.

Each stage takes and returns these objects; none of them holds a reference to spaCy, DuckDB or
any other engine, so they pickle cleanly across processes and serialise to the JSON record that
``dyad code`` prints (see ``dyad/data/schema/record.schema.json``).
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, TypedDict, cast, get_args

#: How precisely an event's date is known: the day, its week, month or year, only the article's date,
#: or "before" the article (a past act the text does not date).
DatePrecision = Literal["day", "week", "month", "year", "article", "before"]
#: What an actor is: a state (country), its capital standing for its government, a named person, an
#: organisation or armed group, a "party" to talks named only as such, a place's people or authorities
#: implied by a rule ("implied"), a place named as a side ("place"), or not known.
EntityKind = Literal["country", "capital", "person", "organisation", "group", "party", "implied", "place", "unknown"]
ENTITY_KINDS: frozenset[str] = frozenset(get_args(EntityKind))


def entity_kind(value: str) -> EntityKind:
    """``value`` (read from data: the knowledge base's tables) as an ``EntityKind``."""
    if value not in ENTITY_KINDS:
        raise ValueError(f"unknown actor kind {value!r} (one of {', '.join(sorted(ENTITY_KINDS))})")
    return cast(EntityKind, value)


#: What a commitment is: a signed or stated agreement, a pledge ("pledged", "vowed"), or an intention.
CommitmentKind = Literal["agreement", "pledge", "intention"]
#: Open until a later event of the same parties carries it out (fulfilled) or acts against it (broken).
CommitmentStatus = Literal["open", "fulfilled", "broken"]


@dataclass
class Document:
    """One article: its text and what is known about it before any NLP."""

    id: str
    text: str
    date: str | None = None  # ISO date of publication, YYYY-MM-DD
    title: str | None = None
    url: str | None = None
    source: str | None = None
    origin: str | None = None  # where it was read from: "path" or "path:line"

    @staticmethod
    def content_id(text: str) -> str:
        """A stable id for documents that bring none: a hash of the text."""
        return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


def text_hash(text: str) -> str:
    """The digest a stored document's text is compared by (the store's, and the engines' that skip
    what it holds)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


@dataclass
class Rejection:
    """An input that could not become a document, and why (the message names file and line)."""

    origin: str
    reason: str


@dataclass
class Span:
    """A stretch of the document text: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass
class Entity:
    """An actor as PLOVER records it: what the text said and what Dyad resolved it to."""

    raw_text: str
    entity_name: str
    code: str | None  # ISO 3166 alpha-3, or IGO/UNO/EUR/NGO/...
    sector_code: str | None = None  # GOV, MIL, REB, ...
    start: int | None = None
    end: int | None = None
    kind: EntityKind = "unknown"
    org_code: str | None = None  # e.g. "ASN" for ASEAN, "NATO"

    def key(self) -> tuple[str | None, str | None]:
        return (self.code, self.sector_code)


@dataclass
class Evidence:
    """Why an event was coded: the sentence, its offsets in the document and the rule that fired."""

    sentence: int
    start: int
    end: int
    text: str
    rule: str
    trigger: Span | None = None
    steps: list[str] = field(default_factory=list)  # named coding rules that shaped the event ("local-agent")


@dataclass
class Location:
    name: str
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    start: int | None = None
    end: int | None = None


@dataclass
class Event:
    """One coded event in PLOVER's JSON names, with its CAMEO reading beside it."""

    event: str
    cameo: str
    mode: str
    context: list[str]
    quad_code: int
    goldstein: float
    actor: list[Entity]
    recipient: list[Entity]
    event_text: str
    evidence: Evidence
    confidence: float
    event_loc: Location | None = None
    event_date: str | None = None
    date_precision: DatePrecision | None = None
    date_text: str | None = None  # the words the date was read from
    due_date: str | None = None  # for promises: when the text says it will happen
    negated: bool = False
    future: bool = False
    tone: float | None = None  # -10 hostile .. +10 warm, of the evidence sentence
    topics: list[str] = field(default_factory=list)
    id: str = ""

    def dyad_codes(self) -> tuple[set[str], set[str]]:
        return ({e.code for e in self.actor if e.code}, {e.code for e in self.recipient if e.code})


@dataclass
class Quote:
    text: str
    speaker: Entity | None
    evidence: Evidence


@dataclass
class Mention:
    """A resolved reference to an actor or place in the text."""

    text: str
    start: int
    end: int
    label: str  # spaCy's label or the knowledge base's kind
    entity: Entity | None = None


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str


class Commitment(TypedDict):
    """A promise an article records (an AGREE event or a signed agreement), as the ``dyad code`` record
    and the store's ``commitments`` table carry it. A typed dict rather than a dataclass so the record
    form and the stages that adjust it (``validity``, the pipeline's sentence restoring) stay as they are."""

    id: str  # doc_id:event_id
    kind: CommitmentKind
    actor: list[dict[str, Any]]  # the promising event's actors, as Entity records
    recipient: list[dict[str, Any]]
    actor_codes: list[str]
    recipient_codes: list[str]
    what: str  # the promised act in the article's words
    cameo: str
    context: list[str]
    made_on: str | None
    due: str | None  # when the text says it will happen
    status: CommitmentStatus
    fulfilled_by: str | None  # doc_id:event_id of the event that carried it out
    event_id: str
    evidence: dict[str, Any]  # the promising event's Evidence, as a record


class Themes(TypedDict):
    """What an article is about: its topics, most frequent first, with their sentence counts, and
    the PLOVER contexts of its events."""

    topics: list[str]
    topic_counts: dict[str, int]
    contexts: list[str]


@dataclass(frozen=True)
class Settlement:
    """A stored commitment a later event carried out or acted against."""

    commitment_id: str
    status: Literal["fulfilled", "broken"]
    by: str  # doc_id:event_id of the event


@dataclass(frozen=True)
class CommitmentCandidate:
    """An open commitment beside one later event that shares a party with it (a row of
    ``Store.commitment_candidates``, in the order the events happened for each commitment)."""

    commitment_id: str
    cameo: str
    actor_codes: list[str]
    recipient_codes: list[str]
    event: str  # doc_id:event_id
    event_cameo: str
    event_actor_codes: list[str]
    event_recipient_codes: list[str]


@dataclass
class LearnedActor:
    """A person a document introduced by title and nationality ("Kenyan Interior Minister X"):
    remembered for later articles (the store's actor memory), with the evidence that taught it.
    "Learned" means this everywhere: in ``CodedDocument.learned``, ``IngestInfo.learned`` and the memory."""

    name: str
    code: str
    sector: str | None
    evidence: str
    start: int
    end: int


@dataclass
class CodedDocument:
    """A document and everything the pipeline found in it."""

    document: Document
    sentences: list[Sentence] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    commitments: list[Commitment] = field(default_factory=list)
    learned: list[LearnedActor] = field(default_factory=list)  # people this article introduced
    themes: Themes | dict[str, Any] = field(default_factory=dict)  # empty until enriched
    tone: float | None = None

    def record_events(self) -> list[dict[str, Any]]:
        return [_drop_none(asdict(e)) for e in self.events]

    def to_record(self) -> dict[str, Any]:
        """The ``dyad code`` JSON record (fixed interface: extend only additively)."""
        doc = self.document
        return {
            "id": doc.id,
            "date": doc.date,
            "title": doc.title,
            "events": self.record_events(),
            "quotes": [_drop_none(asdict(q)) for q in self.quotes],
            "mentions": [_drop_none(asdict(m)) for m in self.mentions],
            "locations": [_drop_none(asdict(loc)) for loc in self.locations],
            "commitments": [_drop_none(dict(c)) for c in self.commitments],
            "themes": dict(self.themes),
            "tone": self.tone,
        }


def _drop_none(value: Any) -> Any:
    """Remove ``None`` members of nested dicts except those the schema declares nullable."""
    keep = {
        "code",
        "sector_code",
        "event_loc",
        "speaker",
        "country_code",
        "lat",
        "lon",
        "event_date",
        "trigger",
        "entity",
        "due_date",
        "fulfilled_by",
    }
    if isinstance(value, dict):
        return {k: _drop_none(v) for k, v in value.items() if v is not None or k in keep}
    if isinstance(value, list):
        return [_drop_none(v) for v in value]
    return value
