"""Triage: parse only the sentences that can hold an event, a quote or a commitment.

spaCy's tagger, parser and NER cost nearly all of Dyad's time, and most sentences of a news feed
(markets, company results, sport, weather) cannot produce an event. A cheap first pass - spaCy's
tokenizer and a rule sentence split, no model - reads every sentence for three kinds of cue:

- an *act*: a word that spaCy's lemmatiser can turn into a trigger lemma of the event lexicon
  (the lexicon's lemmas inflected by the lemmatiser's own rules and exceptions, read backwards;
  "re-" forms too), where a lemma whose every pattern needs an object, particle or modifier
  ("have [talks]") counts only when one of those words is in the sentence as well; a reporting verb
  with "must", "should" or "ought" (the coder's obligation rule); a speech verb of
  ``dyad.enrich.quotes`` or a quote mark (a quote);
- a *side*: a knowledge-base name written with a capital (country, capital, demonym, person,
  organisation; longest match, plural demonyms as the resolver reads them), a role noun the
  knowledge base gives a sector ("police", "rebels", "minister"), or a pronoun;
- a place inside a quoted passage (a quote that spans sentences is parsed whole).

Rule "no-actor-no-event": every event has a side with a code, and only a knowledge-base name gives
one (directly, or through a pronoun, a role's country, the place last named - the dateline's before
the text names one - or the article's two countries), so a text that names no actor (exactly, or as
the resolver's fuzzy country match reads a misspelt one, or through its dateline) is not parsed at
all. Its sentences, tone and themes are still recorded; the full path would find no event and no
mention in it, only indirect speech with no speaker, which triage does not record.

Otherwise a sentence is parsed when it holds an act and a side (an event needs a side; a quote is recorded
where its speaker can be an actor), lies inside a quoted passage, or is the text's first sentence
(headlines say who an article is about). When any sentence of a text is parsed, every sentence
naming a side is parsed too: the actor stage reads all of a document's mentions (who "he" and "the
President" are, the article's two main countries, the place last named). A text with nothing to
parse is given to the parser as its first sentence alone.

The parser reads the text with the other sentences turned into blanks (spaces, line breaks kept):
one character for one, so every offset the later stages record - evidence, mentions, quotes -
still points into the article as stored, as ``dyad.annotate.structure`` does for datelines.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dyad.actors.normalise import fold
from dyad.annotate.structure import blank

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from dyad.actors import KnowledgeBase
    from dyad.coding import Lexicon

#: Modal verbs that make a reporting verb an obligation trigger ("said Y must withdraw").
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
#: Pronouns the actor stage resolves to an earlier actor (``dyad.actors.resolve``).
PRONOUNS = frozenset({"he", "she", "him", "her", "his", "we", "us", "our", "it", "its", "they", "them", "their"})
_QUOTE_MARK = re.compile(r"[\"“”«»„]")
_SENTENCE_END = frozenset({".", "!", "?"})
_CLOSERS = frozenset({"”", "’", ")", "]", "»"})
_STRAIGHT_QUOTES = frozenset({'"', "'"})  # closing only when they touch the word before
_HYPHENS = frozenset({"-", "–", "‐"})
FUZZY_MIN_LENGTH = 6  # the resolver tries a fuzzy country match on proper nouns this long


#: ``Doc.user_data`` key of what triage left out: ``{"dropped": [[start, end], ...], "texts": [...],
#: "topics": [[...], ...]}`` (the sentences given to the parser as blanks, their text as the parser
#: would have read it, and each one's topics read from its words by the cheap pass).
DROPPED = "dyad_triage"


@dataclass(frozen=True)
class TriggerForms:
    """The lower-cased word forms of the lexicon's acts and of speech, by the lemmatiser's tables."""

    free: frozenset[str]  # forms of a trigger lemma with a pattern that needs nothing else
    bound: dict[str, frozenset[str]]  # form -> the words one of which its lemma's patterns need
    reporting: frozenset[str]  # reporting verbs (the obligation rule, with a modal)
    speech: frozenset[str]  # speech verbs (quotes)

    @classmethod
    def build(cls, nlp: Language, lexicon: Lexicon, reporting: Iterable[str], speech: Iterable[str]) -> TriggerForms:
        inflect = _Inflector(nlp)
        free_lemmas: set[str] = set()
        needs: dict[str, set[str]] = {}
        for patterns in (lexicon.verbs, lexicon.nouns):
            for lemma, found in patterns.items():
                for pattern in found:
                    if not (pattern.objects or pattern.particles or pattern.modifiers):
                        free_lemmas.add(lemma)
                        continue
                    cues = needs.setdefault(lemma, set())
                    cues |= set(pattern.particles)
                    # an object matches by its lemma, its text or "modifier lemma": its last word is there
                    cues |= inflect.forms({words.split()[-1] for words in (*pattern.modifiers, *pattern.objects)})
        free = inflect.forms(free_lemmas)
        free |= {"re" + form for form in free}  # "reimposed", "reopened": the act again
        bound: dict[str, set[str]] = {}
        for lemma, cues in needs.items():
            for form in inflect.forms({lemma}):
                for written in (form, "re" + form):
                    if written not in free:
                        bound.setdefault(written, set()).update(cues)
        return cls(
            free=frozenset(free),
            bound={form: frozenset(cues) for form, cues in bound.items()},
            reporting=frozenset(inflect.forms(set(reporting))),
            speech=frozenset(inflect.forms(set(speech))),
        )


def role_forms(nlp: Language, kb: KnowledgeBase) -> frozenset[str]:
    """Forms of the role nouns the knowledge base gives a sector ("police", "rebels", "ministers")."""
    return frozenset(_Inflector(nlp).forms({key.split(" ")[-1] for key in kb.agents}))


def title_words() -> frozenset[str]:
    """Words that make a capitalised word after them a surname the resolver looks up ("President
    Mugabe", "Dr. Gordon"): its ``TITLE_WORDS`` and ``PERSON_TITLES``."""
    from dyad.actors.resolve import PERSON_TITLES, TITLE_WORDS

    return frozenset({*TITLE_WORDS, *PERSON_TITLES})


def body_heads() -> frozenset[str]:
    """Words that make a capitalised name a body the resolver codes as an NGO ("Union", "Foundation")."""
    from dyad.actors.resolve import NGO_NAME_HEADS

    return frozenset(NGO_NAME_HEADS)


class _Inflector:
    """Word forms of lemmas, by spaCy's rule lemmatiser's own tables read backwards: every form its
    rules or exceptions could turn into one of the lemmas (a superset: forms never written cost nothing)."""

    def __init__(self, nlp: Language) -> None:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        self.rules = [tuple(rule) for rules in lookups.get_table("lemma_rules").values() for rule in rules]
        self.exceptions: dict[str, set[str]] = {}
        for table in lookups.get_table("lemma_exc").values():
            for form, lemmas in table.items():
                for lemma in lemmas:
                    self.exceptions.setdefault(lemma.lower(), set()).add(form.lower())

    def forms(self, lemmas: set[str]) -> set[str]:
        out: set[str] = set()
        for lemma in (word.lower() for word in lemmas):
            out.add(lemma)
            out |= self.exceptions.get(lemma, set())
            for old, new in self.rules:
                if lemma.endswith(new):
                    out.add(lemma[: len(lemma) - len(new)] + old)
        return out


@dataclass(frozen=True)
class Triage:
    """Decides from the tokenizer alone which sentences of a text the parser must read."""

    forms: TriggerForms
    roles: frozenset[str]  # role nouns with a sector, and their forms
    titles: frozenset[str]  # words that make a capitalised word after them a surname
    bodies: frozenset[str]  # capitalised, these end a name the resolver codes as an NGO
    kb: KnowledgeBase  # its names are read as they are (a pipeline's own layer included)

    def prepare(self, nlp: Language, text: str, filed_from: str | None = None) -> Doc:
        """``text`` tokenized for the parser, with the sentences it need not read turned into blanks
        (``DROPPED`` in ``user_data`` says which, with their topic words); ``filed_from`` is the place
        of the dateline the text was blanked of."""
        from dyad.enrich.themes import topics_of

        doc = nlp.make_doc(text)
        sentences = rule_sentences(doc)
        keep = self.keep(doc, sentences, filed_in_known_place=self.kb.place_country(filed_from, None) is not None)
        dropped = [(s, e) for (s, e), k in zip(sentences, keep, strict=True) if not k]
        if not dropped:
            return doc
        spans = [(doc[s].idx, _end_char(doc, e)) for s, e in dropped]
        topics = [topics_of(doc[s:e]) for s, e in dropped]
        parsed = nlp.make_doc(blank(text, tuple(spans)))
        # each blank run is a sentence of its own, as what it stands for was: the parser keeps preset
        # boundaries, so no kept sentence runs into a blank and sentence distances (a quote split
        # around "he said" is joined only across one sentence) stay as on the full path
        starts = iter(sorted(start for start, _ in spans))
        next_start = next(starts, None)
        for token in parsed:
            while next_start is not None and next_start < token.idx:
                next_start = next(starts, None)
            if token.is_space and next_start is not None and token.idx <= next_start < token.idx + len(token):
                token.is_sent_start = True
                if token.i + 1 < len(parsed):
                    parsed[token.i + 1].is_sent_start = True
        parsed.user_data[DROPPED] = {
            "dropped": [list(span) for span in spans],
            "texts": [text[start:end] for start, end in spans],
            "topics": topics,
        }
        return parsed

    def keep(self, doc: Doc, sentences: list[tuple[int, int]], filed_in_known_place: bool = False) -> list[bool]:
        """For each sentence (token span) of a tokenized, unparsed ``doc``: whether to parse it. A
        dateline's known place names a country too (the coder's "dateline-place": "SEOUL - Riot police
        fired tear gas" is Korea's police)."""
        cues = [self._cues(doc, start, end) for start, end in sentences]
        named = any(named for _, _, named in cues) or filed_in_known_place
        if not sentences or not (named or self._misspelt_country(doc)):
            return [False] * len(sentences)  # rule "no-actor-no-event"
        quoted = quoted_passages(doc.text)
        keep = [act and side for act, side, _ in cues]
        for n, (start, end) in enumerate(sentences):
            first, last = doc[start].idx, _end_char(doc, end)
            if any(s < last and first < e for s, e in quoted):
                keep[n] = True
        if any(keep):  # the actor stage reads every name of a document it codes
            keep = [k or named for k, (_, _, named) in zip(keep, cues, strict=True)]
        keep[0] = True
        return keep

    def _misspelt_country(self, doc: Doc) -> bool:
        """Whether the resolver's fuzzy country match could read a word as a country ("Indonisia")."""
        return any(
            len(token.text) >= FUZZY_MIN_LENGTH
            and token.text[:1].isupper()
            and self.kb.fuzzy_country(fold(token.text)) is not None
            for token in doc
        )

    def _cues(self, doc: Doc, start: int, end: int) -> tuple[bool, bool, bool]:
        """Whether the sentence ``doc[start:end]`` holds an act, whether it has a side (a name, a
        role or a pronoun), and whether it names someone (a name, or a title before a capital)."""
        forms = self.forms
        words = [token.lower_ for token in doc[start:end]]
        present = set(words)
        act = side = reporting = modal = titled = False
        for i, word in enumerate(words):
            if (
                word in forms.free
                or word in forms.speech
                or (word in forms.bound and not present.isdisjoint(forms.bound[word]))
                or _QUOTE_MARK.search(word)
            ):
                act = True
            reporting = reporting or word in forms.reporting
            modal = modal or word in OBLIGATION_MODALS
            if word in PRONOUNS or word in self.roles:
                side = True
            if word in self.bodies and doc[start + i].text[:1].isupper():
                titled = True  # "the Helsinki Foundation": a named body
            if not titled and word.rstrip(".") in self.titles:
                # "President Mugabe": the resolver reads a capitalised word after a title as a surname
                titled = any(t.text[:1].isupper() for t in doc[start + i + 1 : min(end, start + i + 8)])
        act = act or (reporting and modal)
        named = titled or self._names_a_side(doc, start, end)
        return act, side or named, named

    def _names_a_side(self, doc: Doc, start: int, end: int) -> bool:
        """Whether a capitalised knowledge-base name starts in ``doc[start:end]`` (matched as the
        resolver matches: folded tokens, hyphens skipped, a plural demonym for its country)."""
        kb = self.kb
        for i in range(start, end):
            if not doc[i].text[:1].isupper():
                continue
            parts: list[str] = []
            for j in range(i, min(len(doc), i + kb.max_tokens + 4)):
                key = fold(doc[j].text)
                if key in _HYPHENS:
                    if j == i:
                        break
                    continue
                parts.append(key)
                name = " ".join(parts)
                if name in kb.entries or (len(parts) == 1 and name.endswith("s") and name[:-1] in kb.entries):
                    return True
                if len(parts) == 1 and (name in kb.surnames or name in kb.office_surnames):
                    return True
                if name not in kb.prefixes:
                    break
        return False


def _end_char(doc: Doc, end: int) -> int:
    """The character end of token span ``[..., end)``, without trailing white space tokens."""
    while end > 1 and doc[end - 1].is_space:
        end -= 1
    token = doc[end - 1]
    return token.idx + len(token.text)


def rule_sentences(doc: Doc) -> list[tuple[int, int]]:
    """Token spans of the sentences of a tokenized text by rule: a full stop, question or exclamation
    mark (with any closing quote or bracket after it), or a line break (as ``dyad_line_breaks`` tells
    the parser). White space alone is no sentence."""
    sentences: list[tuple[int, int]] = []
    start = 0
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        if (
            token.text in _SENTENCE_END
            or "\n" in token.text
            or (token.whitespace_ == "" and i + 1 < n and doc[i + 1].text.startswith("\n"))
        ):
            j = i + 1
            while j < n and (
                doc[j].text in _CLOSERS
                or doc[j].text in _SENTENCE_END
                or (doc[j].text in _STRAIGHT_QUOTES and doc[j - 1].whitespace_ == "")
                or doc[j].is_space
            ):
                j += 1
            sentences.append((start, j))
            start = i = j
            continue
        i += 1
    if start < n:
        sentences.append((start, n))
    return [(s, e) for s, e in sentences if any(not t.is_space for t in doc[s:e])]


def quoted_passages(text: str) -> list[tuple[int, int]]:
    """The passages between paired quote marks (as ``dyad.enrich.quotes`` pairs them)."""
    from dyad.enrich.quotes import find_passages

    return [(p.start, p.end) for p in find_passages(text)]
