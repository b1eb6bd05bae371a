"""Quotations: direct quotes (straight or curly marks, multi-sentence, split around "he said") and
indirect speech ("X said that ..."), each with its speaker resolved to an actor.

Quote marks are paired in order through the text, whatever their style: news copy mixes straight
and curly marks ("We also consulted ...,” Erdogan said). A passage is a quote when a speech verb
outside it attributes it in the same sentence ("..., Erdogan said", "he described as his '...'");
marks with no speaker are scare quotes and are left alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.actors import ActorIndex, KnowledgeBase, entities_for
from dyad.model import Entity, Evidence, Quote
from dyad.tokens import sentences as sentence_spans
from dyad.tokens import text as doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

SPEECH_VERBS = {
    "say",
    "add",
    "tell",
    "state",
    "note",
    "stress",
    "announce",
    "declare",
    "explain",
    "insist",
    "confirm",
    "describe",
    "argue",
    "warn",
    "urge",
    "reiterate",
    "emphasize",
    "emphasise",
    "write",
    "remark",
    "assert",
    "call",
    "laud",
    "praise",
    "tweet",
    "ask",
    "reply",
    "respond",
    "quote",
    "comment",
    "acknowledge",
    "admit",
    "claim",
    "vow",
    "pledge",
    "promise",
    "underline",
    "underscore",
    "point",
    "continue",
    "conclude",
    "recall",
}
QUOTE_MARKS = re.compile(r"[\"“”«»„]")
MIN_WORDS = 1


@dataclass
class _Passage:
    start: int  # offsets of the text inside the marks
    end: int


def find_passages(text: str) -> list[_Passage]:
    """Pair quote marks in order: the 1st opens, the 2nd closes, and so on."""
    marks = [m.start() for m in QUOTE_MARKS.finditer(text)]
    passages = []
    for open_at, close_at in zip(marks[0::2], marks[1::2], strict=False):
        inner_start, inner_end = open_at + 1, close_at
        if text[inner_start:inner_end].strip():
            passages.append(_Passage(inner_start, inner_end))
    return passages


def extract_quotes(doc: Doc, actors: ActorIndex, kb: KnowledgeBase) -> list[Quote]:
    """Direct quotes with their speakers, then indirect speech not already quoted directly."""
    quotes: list[Quote] = []
    quoted: list[tuple[int, int]] = []
    sentences = sentence_spans(doc)
    text = doc_text(doc)  # Doc.text rebuilds the string on every access
    for passage in find_passages(text):
        sentence_index, sentence = _sentence_of(sentences, passage.start)
        if sentence is None:
            continue
        verb = _speech_verb(sentence, passage, sentences)
        if verb is None:
            continue
        speaker = _speaker(verb, actors, kb)
        inner = text[passage.start : passage.end].strip(" ,.")
        start = text.index(inner, passage.start) if inner else passage.start
        end = start + len(inner)
        if len(inner.split()) < MIN_WORDS:
            continue
        quoted.append((start, end))
        quotes.append(
            Quote(
                text=inner,
                speaker=speaker,
                evidence=Evidence(
                    sentence=sentence_index,
                    start=start,
                    end=end,
                    text=text[start:end],
                    rule=f"quote:direct:{verb.lemma_.lower()}",
                ),
            )
        )
    quotes = _join_split_quotes(quotes, text)
    for sentence_index, sentence in enumerate(sentences):
        for token in sentence:
            if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ != "VERB":
                continue
            for clause in (c for c in token.children if c.dep_ == "ccomp"):
                start, end = clause.left_edge.idx, clause.right_edge.idx + len(clause.right_edge.text)
                if any(s < end and start < e for s, e in quoted) or QUOTE_MARKS.search(text[start:end]):
                    continue
                said = text[start:end].strip()
                if said.lower().startswith("that "):
                    said, start = said[5:], start + 5
                if len(said.split()) < 4:
                    continue
                quotes.append(
                    Quote(
                        text=said,
                        speaker=_speaker(token, actors, kb),
                        evidence=Evidence(
                            sentence=sentence_index,
                            start=start,
                            end=start + len(said),
                            text=text[start : start + len(said)],
                            rule=f"quote:indirect:{token.lemma_.lower()}",
                        ),
                    )
                )
    quotes.sort(key=lambda q: q.evidence.start)
    return quotes


def _sentence_of(sentences: list[Span], char: int) -> tuple[int, Span | None]:
    for i, sentence in enumerate(sentences):
        if sentence.start_char <= char < sentence.end_char:
            return i, sentence
    return -1, None


def _speech_verb(sentence: Span, passage: _Passage, sentences: list[Span]) -> Token | None:
    """The speech verb outside the passage that attributes it: in its sentence, or the sentence where
    a quote that spans sentences ends."""
    scope = [sentence]
    _, last = _sentence_of(sentences, max(passage.end - 1, passage.start))
    if last is not None and last.start != sentence.start:
        scope.append(last)
    best: tuple[int, Token] | None = None
    for span in scope:
        for token in span:
            if token.lemma_.lower() not in SPEECH_VERBS or token.pos_ not in ("VERB", "AUX"):
                continue
            if passage.start <= token.idx < passage.end:
                continue
            if not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children) and token.dep_ != "advcl":
                continue
            distance = min(abs(token.idx - passage.start), abs(token.idx - passage.end))
            if best is None or distance < best[0]:
                best = (distance, token)
    return best[1] if best else None


def _speaker(verb: Token, actors: ActorIndex, kb: KnowledgeBase) -> Entity | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    current = verb
    while subject is None and current.dep_ in ("advcl", "conj", "xcomp") and current.head != current:
        current = current.head  # "lauding '...'" is said by the subject of "praised"
        subject = next((c for c in current.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    found = entities_for(subject, actors, kb)
    return found[0] if found else None


def _join_split_quotes(quotes: list[Quote], text: str) -> list[Quote]:
    """ "...," he said, "..." is one quote in two parts: join parts with the same speaker and verb."""
    joined: list[Quote] = []
    for quote in quotes:
        previous = joined[-1] if joined else None
        if (
            previous is not None
            and previous.evidence.rule == quote.evidence.rule
            and quote.evidence.sentence - previous.evidence.sentence <= 1
            and (previous.speaker and quote.speaker and previous.speaker.code == quote.speaker.code)
            and len(text[previous.evidence.end : quote.evidence.start]) < 80
        ):
            previous.text = f"{previous.text} … {quote.text}"
            previous.evidence.end = quote.evidence.end
            previous.evidence.text = text[previous.evidence.start : quote.evidence.end]
            continue
        joined.append(quote)
    return joined
