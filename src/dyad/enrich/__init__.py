"""Enrich stage: what analysts read news for beyond event codes.

``enrich`` adds to a coded document its quotes (with speakers), event dates (resolved against the
article date), event places (geocoded offline), themes and tone, and commitments. Each part is its
own module with a plain function; this one composes them.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from dyad.enrich.commitments import extract_commitments
from dyad.enrich.dates import date_spans, event_date, owners_of
from dyad.enrich.places import default_gazetteer, locate
from dyad.enrich.quotes import extract_quotes
from dyad.enrich.themes import article_themes, tone, topics_of
from dyad.model import CodedDocument, Event, Location
from dyad.tokens import sentences as sentence_spans
from dyad.tokens import text as doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from dyad.actors import ActorIndex, KnowledgeBase


def enrich(coded: CodedDocument, doc: Doc, actors: ActorIndex, kb: KnowledgeBase) -> CodedDocument:
    """Add quotes, dates, places, themes, tone and commitments to ``coded`` (in place) and return it."""
    sentences = sentence_spans(doc)
    coded.quotes = extract_quotes(doc, actors, kb)
    coded.locations = _mentioned_places(coded)
    reference = _date(coded.document.date)
    spans = date_spans(doc)
    sentence_topics = [topics_of(s) for s in sentences]
    tones: dict[int, float] = {}

    whole = doc_text(doc)

    def sentence_tone(n: int) -> float:
        if n not in tones:
            tones[n] = tone(whole[sentences[n].start_char : sentences[n].end_char])
        return tones[n]

    triggers: dict[str, Token] = {}
    for event in coded.events:
        token = _trigger_token(doc, event)
        if token is not None:
            triggers[event.id] = token
    sentence_of = [0] * len(doc)
    for n, sentence in enumerate(sentences):
        for i in range(sentence.start, sentence.end):
            sentence_of[i] = n
    owners = owners_of(spans, list(triggers.values()), sentence_of)
    for event in coded.events:
        trigger = triggers.get(event.id)
        if trigger is not None:
            resolved = event_date(trigger, spans, reference, owners)
            if resolved is not None:
                event.event_date, event.date_precision = resolved.date, resolved.precision
                event.date_text = resolved.text or None
                promise = event.future or event.cameo.startswith("03")
                if promise and reference is not None and resolved.date > reference.isoformat():
                    # "pledged to send aid next month": promised now, due then
                    event.due_date = resolved.date
                    event.event_date, event.date_precision = reference.isoformat(), "article"
        if event.evidence.sentence < len(sentences):
            event.tone = sentence_tone(event.evidence.sentence)
            event.topics = sentence_topics[event.evidence.sentence]
    locate(coded, _sentence_places(coded.events), default_gazetteer(), actors.filed_from)
    coded.themes = article_themes(sentence_topics, [e.context for e in coded.events])
    # the article's tone: its sentences' tones weighted by length (each sentence is scored once)
    weights = [s.end_char - s.start_char for s in sentences]
    coded.tone = round(sum(sentence_tone(n) * w for n, w in enumerate(weights)) / max(1, sum(weights)), 2)
    scopes = {event_id: doc[t.left_edge.i : t.right_edge.i + 1].text for event_id, t in triggers.items()}
    coded.commitments = extract_commitments(coded, _content_links(coded.events, triggers), scopes)
    return coded


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _trigger_token(doc: Doc, event: Event) -> Token | None:
    trigger = event.evidence.trigger
    if trigger is None:
        return None
    span = doc.char_span(trigger.start, trigger.end, alignment_mode="expand")
    if span is None:
        return None
    return next((t for t in span if t.dep_ != "compound" and t.pos_ in ("VERB", "NOUN", "PROPN", "AUX")), span.root)


def _sentence_places(events: list[Event]) -> dict[int, Location]:
    """A sentence's place, from the events in it that name one on the same date."""
    places: dict[int, Location] = {}
    for event in events:
        if event.event_loc is not None and event.evidence.sentence not in places:
            places[event.evidence.sentence] = event.event_loc
    return places


def _content_links(events: list[Event], triggers: dict[str, Token]) -> dict[str, str]:
    """Promise event id -> id of the event that is its content ("the meeting, agreed last year")."""
    by_token = {t.i: event_id for event_id, t in triggers.items()}
    links: dict[str, str] = {}
    for event in events:
        token = triggers.get(event.id)
        if token is None or not (event.cameo.startswith("03") or event.cameo == "057"):
            continue
        related = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj", "xcomp")]
        if token.dep_ in ("acl", "relcl"):
            related.append(token.head)
        for other in related:
            if other.i in by_token and by_token[other.i] != event.id:
                links[event.id] = by_token[other.i]
                break
    return links


def _mentioned_places(coded: CodedDocument) -> list[Location]:
    seen: set[tuple[str, str | None]] = set()
    places = []
    for mention in coded.mentions:
        entity = mention.entity
        if entity is None or entity.kind not in ("country", "capital"):
            continue
        key = (mention.text, entity.code)
        if key in seen:
            continue
        seen.add(key)
        places.append(Location(name=mention.text, country_code=entity.code, start=mention.start, end=mention.end))
    return places
