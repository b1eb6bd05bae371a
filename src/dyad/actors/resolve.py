"""Actors stage: mentions in a parsed document -> coded actors (country or IGO code + sector).

``resolve_actors`` finds every knowledge-base name in the text (the knowledge base outranks
spaCy's NER, which sometimes calls "Türkiye" a PERSON), learns people introduced with a title
and nationality ("Malaysian Prime Minister Anwar Ibrahim") for the rest of the document, and
returns an ``ActorIndex`` that the event coder asks for the actor behind any noun phrase.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from dyad.actors.kb import KBEntry, KnowledgeBase
from dyad.actors.normalise import alias_key, fold
from dyad.model import Entity, EntityKind, LearnedActor, Mention
from dyad.tokens import in_multiword_entity, is_proper_noun, token_texts, without_blanks
from dyad.tokens import text as doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PERSON_PRONOUNS = {"he", "she", "him", "her", "his"}
GROUP_PRONOUNS = {"we", "us", "our"}
FIRST_PERSON = {"i", "me", "my", "myself"}
#: "Statement from President Joe Biden on ...", "Remarks by Prime Minister X": who speaks in the first person.
STATEMENT_TITLE = re.compile(
    r"^(?:joint\s+)?(?:statement|remarks|message|letter|op-ed)\b.*?\b(?:from|by)\s+(.+)$", re.I
)
#: "Readout of Deputy Secretary Jane Roe's Call with ...": whose call, meeting or trip a readout reports.
READOUT_TITLE = re.compile(r"^readout\s+of\s+(?:the\s+)?(.+?)['’]s?\s", re.I)
THING_PRONOUNS = {"it", "its", "they", "them", "their"}
MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod", "nummod", "det"}
ROLE_WORDS_GOV = {
    "leader",
    "leaders",
    "official",
    "officials",
    "government",
    "authorities",
    "side",
    "sides",
    "delegation",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "envoy",
    "diplomat",
}


@dataclass
class ActorIndex:
    """Which tokens name which actor, for one document."""

    date: str | None
    by_token: dict[int, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    # folded name -> the actor a fuller mention earlier in this document resolved it to ("Murkomen" after
    # "Interior Minister Kipchumba Murkomen"); the document's own, never remembered
    named: dict[str, Entity] = field(default_factory=dict)
    # people introduced by title and nationality: what "learned" means everywhere, remembered for later runs
    learned: list[LearnedActor] = field(default_factory=list)
    shared: list[tuple[Entity, list[str]]] = field(default_factory=list)  # peoples/regions of several countries
    principal: Entity | None = None  # who says "I" in a statement, from its title
    filed_from: str | None = None  # the dateline's place, as written ("Vienna")
    filed_in: str | None = None  # the country of the dateline's place ("VIENNA, Oct 19 -" -> AUT)
    sole_country: str | None = None  # the one state the article names, if it names one only
    # the country the story was filed in, when the story names it too (wire copy names a foreign office by
    # its state; a story filed from abroad, "NICOSIA -" on Iran, does not name its filing country)
    home_filed: str | None = None
    lowers: Any = field(default=None, repr=False)  # every token's lower-case form (a numpy array), once read

    def entity_at(self, i: int) -> Entity | None:
        return self.by_token.get(i)

    def resolved_within(self, start: int, end: int) -> list[Entity]:
        """The actors of the mentions that begin between two character offsets (a sentence's)."""
        return [m.entity for m in self.mentions if start <= m.start < end and m.entity is not None]

    @property
    def introduced(self) -> list[LearnedActor]:
        """The former name of ``learned``, kept while callers move to it."""
        return self.learned


def resolve_actors(
    doc: Doc,
    kb: KnowledgeBase,
    date: str | None,
    title: str | None = None,
    publisher: str | None = None,
    filed_from: str | None = None,
) -> ActorIndex:
    """Find and code every actor mention in ``doc`` (valid on ``date``); a statement's ``title`` names
    who speaks in it in the first person, a government ``publisher`` whose official it is, and a
    dateline's place (``filed_from``) the country the article was filed in."""
    principal = statement_principal(title, kb, date) or publishers_official(title, publisher, kb, date)
    index = ActorIndex(
        date=date, principal=principal, filed_from=filed_from, filed_in=kb.place_country(filed_from, date)
    )
    if principal is not None and principal.kind == "person" and principal.raw_text:
        for key in _name_keys(principal.raw_text):
            index.named.setdefault(key, principal)
    _match_knowledge_base(doc, kb, index)
    _settle_shared_names(doc, index)  # before names built on them ("the Kurdish Peoples Protection Units")
    _learn_titled_people(doc, kb, index)
    _titled_surnames(doc, kb, index)
    _leaders_by_surname(doc, kb, index)
    _national_organisations(doc, kb, index)
    _apply_of_country(doc, index)
    _apply_national_modifier(doc, kb, index)
    _apply_office_of_organisation(doc, index)
    _settle_generic_institutions(index)
    _settle_by_context(doc, kb, index)
    _introduced_acronyms(doc, index)
    index.mentions.sort(key=lambda m: m.start)
    codes = {m.entity.code for m in index.mentions if m.entity is not None and m.entity.code in kb.country_names}
    index.home_filed = index.filed_in if index.filed_in in codes else None
    index.sole_country = codes.pop() if len(codes) == 1 else None
    return index


_BRACKETED_INITIALS = re.compile(r"\(([A-Z]{2,6})\)")


def _introduced_acronyms(doc: Doc, index: ActorIndex) -> None:
    """Rule "introduced-acronym": a body named in full and then its initials in brackets ("the Kurdish
    People's Protection Units (YPG)") is those initials wherever the article uses them again ("YPG
    ground forces"), as a reader takes them; initials the knowledge base knows keep their own entry."""
    text = doc_text(doc)  # found in the text (built once), not by reading every token (each builds a Token)
    for bracketed in _BRACKETED_INITIALS.finditer(text):
        initials = doc.char_span(bracketed.start(1), bracketed.end(1))
        if initials is None or len(initials) != 1 or initials.start < 2:
            continue
        named = index.entity_at(initials.start - 2)
        if named is None or named.kind not in ("organisation", "group") or not named.code:
            continue
        for again in re.finditer(rf"\b{bracketed.group(1)}\b", text[bracketed.start(1) :]):
            start = bracketed.start(1) + again.start()
            span = doc.char_span(start, start + len(bracketed.group(1)))
            if span is not None and len(span) == 1 and span.start not in index.by_token:
                _mark(span, named, index)


def _settle_by_context(doc: Doc, kb: KnowledgeBase, index: ActorIndex) -> None:
    """A name two countries share ("Congo", "Georgia", the city "Tripoli") takes the one the document's
    other words point to ("Kinshasa" -> COD, "Atlanta" -> USA, "northern Lebanon" -> LBN); with no cue,
    or a tie, the reading stands."""
    shared = [
        m
        for m in index.mentions
        if m.entity is not None
        and m.entity.kind in ("country", "capital")
        and fold(m.text).removeprefix("the ") in kb.contexts
    ]
    if not shared:
        return
    text = " " + " ".join(fold(t) for t in token_texts(doc)) + " "
    for mention in shared:
        readings = kb.contexts[fold(mention.text).removeprefix("the ")]
        scores = [(sum(f" {cue} " in text for cue in cues), code) for code, cues in readings]
        best = max(scores)
        if best[0] and sum(1 for n, _ in scores if n == best[0]) == 1 and mention.entity is not None:
            mention.entity.code = best[1]


ORG_SECTORS = {
    "union": "LAB",
    "unions": "LAB",
    "federation": "LAB",
    "party": "PTY",
    "commission": "GOV",
    "ministry": "GOV",
    "council": "GOV",
    "court": "JUD",
    "army": "MIL",
    "police": "COP",
    "front": "REB",
    "movement": "OPP",
    "association": "NGO",
    "university": "EDU",
    "bank": "BUS",
}


def _national_organisations(doc: Doc, kb: KnowledgeBase, index: ActorIndex) -> None:
    """An organisation named after its country ("Serbian Workers' Union", "Kenya Anti-Corruption
    Commission") belongs to that country, with the sector its head noun implies."""
    for ent in doc.ents:
        if ent.label_ not in ("ORG", "FAC") or ent.root.i in index.by_token:
            continue
        countries = [index.entity_at(t.i) for t in ent if index.entity_at(t.i) is not None]
        places = [e for e in countries if e is not None and e.kind in ("country", "capital") and e.code]
        if not places or len({e.code for e in places}) != 1:
            continue
        sector = ORG_SECTORS.get(ent.root.lower_) or _role_sector(ent, kb)
        entity = span_entity(ent, places[0].code, sector, "organisation")
        for t in ent:
            index.by_token[t.i] = entity
        index.mentions = [m for m in index.mentions if not (ent.start_char <= m.start and m.end <= ent.end_char)]
        index.mentions.append(Mention(ent.text, ent.start_char, ent.end_char, "organisation", entity))


def _settle_shared_names(doc: Doc, index: ActorIndex) -> None:
    """A people or region several countries share ("Hutu", "Punjab", "Kurds") takes the candidate
    country its own sentence names nearest to it ("Burundi's Hutu"); failing that, the candidate the
    document names most, the country the story is about ("Kurdish forces" in a report on Syria that
    also names the Turkish border); with none named, the most common."""
    shared = {id(entity) for entity, _ in index.shared}
    named = [m for m in index.mentions if m.entity is not None and m.entity.code and id(m.entity) not in shared]
    for entity, candidates in index.shared:
        at = entity.start or 0
        found = [(m.start, m.entity.code) for m in named if m.entity is not None and m.entity.code in candidates]
        if not found:
            continue
        token = doc.char_span(at, entity.end or at + 1, alignment_mode="expand")
        sent = token.sent if token is not None and len(token) else None
        same = [(abs(start - at), code) for start, code in found if sent and sent.start_char <= start < sent.end_char]
        if same:
            entity.code = min(same)[1]
            continue
        counts = {code: sum(c == code for _, c in found) for _, code in found}
        entity.code = min(found, key=lambda f: (-counts[f[1]], abs(f[0] - at)))[1]


#: Bodies many states have, which the knowledge base (after PETRARCH) takes for the United States'.
GENERIC_INSTITUTIONS = {"senate", "congress", "parliament", "national assembly", "supreme court"}


def _settle_generic_institutions(index: ActorIndex) -> None:
    """Rule "generic-institution": "the Senate", "Parliament", "the Supreme Court" named bare are the
    bodies of the country the article is about; the knowledge base's United States reading stands only
    where the article names the United States or no other country ("The impeachment against Chilean
    President Sebastian Pinera is defeated in the Senate" -> Chile's Senate)."""
    generic = [
        m
        for m in index.mentions
        if m.entity is not None and m.entity.code == "USA" and fold(m.text).removeprefix("the ") in GENERIC_INSTITUTIONS
    ]
    if not generic:
        return
    generic_ids = {id(m) for m in generic}
    counts: dict[str, int] = {}
    for m in index.mentions:
        if id(m) in generic_ids or m.entity is None or not m.entity.code or m.entity.code in ("IGO", "NGO"):
            continue
        counts[m.entity.code] = counts.get(m.entity.code, 0) + 1
    if not counts or "USA" in counts:
        return
    home = max(counts, key=lambda code: counts[code])
    if counts[home] < 2:  # one passing name ("the South China Sea") says little about whose body it is
        return
    for m in generic:
        assert m.entity is not None
        m.entity.code = home


def _apply_of_country(doc: Doc, index: ActorIndex) -> None:
    """ "King Hassan of Morocco": the country the text names beats a namesake's in the knowledge base."""
    for mention in index.mentions:
        entity = mention.entity
        if entity is None or entity.kind != "person":
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for prep in span.root.children:
            if prep.dep_ != "prep" or prep.lower_ != "of":
                continue
            for pobj in prep.children:
                place = index.entity_at(pobj.i)
                if place is not None and place.kind in ("country", "capital") and place.code != entity.code:
                    entity.code = place.code


def _apply_national_modifier(doc: Doc, kb: KnowledgeBase, index: ActorIndex) -> None:
    """ "The Chilean Senate", "Kenya's Senate": an institution every state has, known to the dictionaries
    by its bare name as one state's, is the state's the text names before it."""
    for mention in index.mentions:
        entity = mention.entity
        words = mention.text.lower().removeprefix("the ")
        if entity is None or entity.kind not in ("person", "organisation") or kb.agent_sector(words) is None:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for modifier in span.root.children:
            place = index.entity_at(modifier.i) if modifier.dep_ in ("amod", "compound", "poss") else None
            if place is not None and place.kind in ("country", "capital") and place.code != entity.code:
                entity.code = place.code
                entity.sector_code = kb.agent_sector(words)
                entity.entity_name = f"{place.entity_name} {mention.text}"


#: Words naming an office someone holds in an organisation ("Secretary General", "Vice President").
OFFICE_WORDS = {
    "president",
    "secretary",
    "secretary-general",
    "general",
    "commissioner",
    "director",
    "director-general",
    "chief",
    "head",
    "envoy",
    "representative",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "chair",
    "chairman",
    "chairwoman",
    "rapporteur",
    "coordinator",
}
FORMER_WORDS = {"former", "ex", "ex-", "then", "late"}


def _apply_office_of_organisation(doc: Doc, index: ActorIndex) -> None:
    """ "Executive Vice President of the European Commission Frans Timmermans", "NATO Secretary General
    X": a person titled with an office of an international organisation acts for it, not for the
    country of his nationality (PLOVER codes the role an actor acts in); "former" keeps the nationality."""
    organisations = [m for m in index.mentions if m.entity is not None and m.entity.code in ("IGO", "NGO", "UNO")]
    for mention in index.mentions:
        entity = mention.entity
        if entity is None or entity.kind != "person" or entity.code in (None, "IGO", "NGO", "UNO"):
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        title = _title_run(span)
        words = {t.lower_ for t in title}
        if not words & OFFICE_WORDS or words & FORMER_WORDS:
            continue
        org = next(
            (o for o in organisations if title and title.start_char <= o.start and o.end <= span.start_char), None
        )
        if org is not None and org.entity is not None:
            entity.code, entity.org_code = org.entity.code, org.entity.org_code
            entity.sector_code = entity.sector_code or "GOV"


def _title_run(name: Span) -> Span:
    """The words right before a name that can be its title: capitalised words, "of", "the" and hyphens,
    back to the first other word ("met with [Executive Vice President of the European Commission]")."""
    doc, start = name.doc, name.start
    while start > 0:
        word = doc[start - 1]
        if not (word.text[:1].isupper() or word.lower_ in ("of", "the", "-", "for") or word.lower_ in FORMER_WORDS):
            break
        start -= 1
    while start < name.start and doc[start].lower_ in ("of", "the", "-", "for"):
        start += 1
    return doc[start : name.start]


def _capitalised(tokens: Span) -> bool:
    return any(t.text[:1].isupper() for t in tokens)


HYPHENS = {"-", "–", "‐"}
NAME_PARTICLES = {"al", "el", "bin", "ibn", "abu", "de", "da", "van", "von", "der", "le", "la", "ben", "bint"}


def _match_knowledge_base(doc: Doc, kb: KnowledgeBase, index: ActorIndex) -> None:
    """Longest knowledge-base names first, extending a match only while some name starts that way."""
    keys = [fold(t) for t in token_texts(doc)]
    proper = is_proper_noun(doc)
    n = len(doc)
    i = 0
    while i < n:
        end = _longest_match(keys, i, kb)
        matched = False
        while end > i:  # the longest candidate may fail the checks below; try shorter ones
            span = doc[i:end]
            key = " ".join(k for k in keys[i:end] if k not in HYPHENS)
            entry = _accept(span, key, kb, index)
            if entry is not None:
                entity = _entity_from_entry(entry, span.text, span.start_char, span.end_char, index.date)
                for t in span:
                    index.by_token[t.i] = entity
                index.mentions.append(Mention(span.text, span.start_char, span.end_char, entry.kind, entity))
                if len(entry.candidate_codes()) > 1:
                    index.shared.append((entity, entry.candidate_codes()))
                if entry.kind == "person":  # "Anwar Ibrahim" teaches the document who "Anwar" is
                    for key in _name_words(span):
                        index.named.setdefault(key, entity)
                i = end
                matched = True
                break
            end = _longest_match(keys, i, kb, limit=end - 1)
        if not matched:
            token = doc[i] if proper[i] and len(keys[i]) >= 6 else None
            if (
                token is not None
                and token.text[:1].isupper()
                and token.ent_type_ != "PERSON"
                and not _word_of_a_longer_name(token)
            ):
                fuzzy = kb.fuzzy_country(keys[i])
                if fuzzy is not None:
                    entity = _entity_from_entry(fuzzy, token.text, token.idx, token.idx + len(token.text), index.date)
                    index.by_token[i] = entity
                    index.mentions.append(Mention(token.text, entity.start or 0, entity.end or 0, "country", entity))
            i += 1


def _word_of_a_longer_name(token: Token) -> bool:
    """A word inside a longer name is no misspelt country: "Germain" of "Paris Saint-Germain" (joined
    by a hyphen to a capitalised word, or within a name spaCy's NER reads as a building or a body)."""
    doc = token.doc
    joined = [
        doc[j]
        for j, hyphen in ((token.i - 2, token.i - 1), (token.i + 2, token.i + 1))
        if 0 <= j < len(doc) and doc[hyphen].text == "-" and not doc[hyphen].whitespace_
    ]
    if any(word.text[:1].isupper() for word in joined):
        return True
    return token.ent_type_ in ("FAC", "ORG", "WORK_OF_ART", "EVENT", "PRODUCT") and in_multiword_entity(token)


def _longest_match(keys: list[str], i: int, kb: KnowledgeBase, limit: int | None = None) -> int:
    """End (exclusive) of the longest knowledge-base key starting at ``i``, or ``i`` when there is none."""
    best = i
    parts: list[str] = []
    stop = min(len(keys), limit if limit is not None else len(keys), i + kb.max_tokens + 4)
    for j in range(i, stop):
        if keys[j] in HYPHENS:
            if j == i:
                return i
            continue
        parts.append(keys[j])
        key = " ".join(parts)
        if key in kb.entries or (len(parts) == 1 and key.endswith("s") and kb.lookup(key[:-1])):
            best = j + 1
        if key not in kb.prefixes:
            break
    return best


STANCE_PREFIXES = {"pro", "anti"}


def _stance(span: Span) -> bool:
    """Whether a country name is the object of a stance prefix: "pro-Russian separatists" are not
    Russia, "anti-American protesters" not the United States (rule "stance-not-nationality")."""
    doc, i = span.doc, span.start
    if i >= 2 and doc[i - 1].text in ("-", "–") and doc[i - 2].lower_ in STANCE_PREFIXES:
        return True
    return i >= 1 and doc[i - 1].lower_ in ("pro-", "anti-")


def _in_capitals(span: Span) -> bool:
    """Whether a word next to the span is a word in capitals too (a headline or a shouted line)."""
    doc = span.doc
    near = [doc[i] for i in (span.start - 1, span.end) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) >= 3 for t in near)


def _accept(span: Span, key: str, kb: KnowledgeBase, index: ActorIndex) -> KBEntry | None:
    """The entry a matched span names, unless the match is a false friend (case, plurals, part names)."""
    if key not in kb.entries:
        # plural demonyms ("Kenyans", "Filipinos") name the country's people
        if " " in key or not key.endswith("s") or not any(e.kind == "country" for e in kb.lookup(key[:-1])):
            return None
        key = key[:-1]
    if not _capitalised(span):
        return None
    entry = kb.best(key, index.date)
    if (
        len(span.text.replace(".", "")) <= 3
        and not span.text.isupper()
        and not (entry is not None and entry.kind == "country" and span[0].pos_ == "PROPN" and not span[0].is_stop)
    ):
        return None  # "us", "Un", "May" are words or too ambiguous; "Ibo", "Goa" and "Qom" are places
    if len(span.text.replace(".", "")) <= 3 and _in_capitals(span):
        return None  # "ARMY IS READY TO ATTACK": a word of a line in capitals, not the initials "IS"
    if entry is None or (entry.kind == "person" and _inside_longer_name(span)):
        return None  # "Hassan" in "Omar Hassan al-Bashir" is not King Hassan
    if entry.kind in ("country", "capital") and _is_surname(span):
        return None  # "Dr. Hamilton" and "Philip Hamilton" are people, not Bermuda
    if entry.kind in ("country", "capital") and _stance(span):
        return None  # "pro-Israel protesters", "anti-American rallies": a stance, not a nationality
    return entry


PERSON_TITLES = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "sen",
    "senator",
    "rep",
    "gen",
    "general",
    "judge",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "col",
    "colonel",
    "capt",
    "captain",
    "lt",
    "sgt",
    "adm",
    "admiral",
    "rev",
    "bishop",
    "justice",
    "congressman",
    "congresswoman",
    "ambassador",
    "secretary",
}


def _is_surname(span: Span) -> bool:
    """A one-word place right after a personal title or a given name, inside a person's name:
    "Dr. Gordon", "Senator Hamilton", "Lee Hamilton". A titled person's surname is never a place."""
    if len(span) != 1 or span.start == 0:
        return False
    before = span.doc[span.start - 1]
    if before.lower_.rstrip(".") in PERSON_TITLES and before.text[:1].isupper():
        return True
    if _after_lineage_particle(span):
        return True
    return bool(
        before.ent_type_ == "PERSON"
        and span[0].ent_type_ == "PERSON"
        and before.pos_ == "PROPN"
        and before.text[:1].isupper()
        and before.ent_iob_ != ""
        and span[0].ent_iob_ == "I"
        and span.end <= len(span.doc)
        and not span[0].is_sent_start
    )


LINEAGE_PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "ben"}


def _after_lineage_particle(span: Span) -> bool:
    """A place written after an Arabic lineage particle is a family name: "al-Sabah" (Kuwait's ruling
    family, not Malaysia's state of Sabah), "Al-Nahyan", "bin Salman"."""
    doc, i = span.doc, span.start
    if i >= 2 and doc[i - 1].text in HYPHENS and doc[i - 2].lower_ in LINEAGE_PARTICLES:
        return True
    return doc[i - 1].lower_ in ("bin", "ibn", "bint")


def _inside_longer_name(span: Span) -> bool:
    """True when a name match is only the first or middle part of a longer run of capitalised names."""
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is None or after.is_punct and after.text not in HYPHENS:
        return False
    if after.lower_ in NAME_PARTICLES or after.text in HYPHENS:  # "Hassan al-Bashir"
        j = span.end
        while j < len(doc) and (doc[j].lower_ in NAME_PARTICLES or doc[j].text in HYPHENS):
            j += 1
        return j < len(doc) and doc[j].text[:1].isupper()
    return bool(after.pos_ == "PROPN" and after.text[:1].isupper() and after.ent_type_ == "PERSON")


def _entity_from_entry(entry: KBEntry, raw: str, start: int, end: int, date: str | None) -> Entity:
    spell = entry.spell_on(date)
    code = spell.code if spell else None
    sector = spell.sector if spell else None
    if entry.kind == "organisation" and not sector:
        sector = None
    return Entity(
        raw_text=raw,
        entity_name=entry.name,
        code=code,
        sector_code=sector or None,
        start=start,
        end=end,
        kind=entry.kind,
        org_code=entry.org,
    )


def _learn_titled_people(doc: Doc, kb: KnowledgeBase, index: ActorIndex) -> None:
    """People named with a nationality and a role teach the document who they are."""
    for ent in [*doc.ents, *_names_after_roles(doc, kb, index)]:
        if ent.label_ != "PERSON" or any(t.i in index.by_token for t in ent):
            continue
        title = _title_of(ent, kb, index)
        if title is None:
            key = fold(ent.text)
            if key in index.named:
                _mark(ent, index.named[key], index)
            continue
        code, sector = title
        entity = span_entity(ent, code, sector, "person")
        if len(ent) >= 2:  # full names only: "Murkomen" alone is too little to remember
            index.learned.append(LearnedActor(ent.text, code, sector, ent.sent.text, ent.start_char, ent.end_char))
        for key in {fold(ent.text), *_name_words(ent)}:
            index.named.setdefault(key, entity)
        _mark(ent, entity, index)
    # later mentions by full name, surname or first name alone, whatever NER called them
    for ent in doc.ents:
        if ent.label_ in ("PERSON", "ORG", "GPE", "NORP") and not any(t.i in index.by_token for t in ent):
            known = index.named.get(fold(ent.text))
            if known is not None:
                _mark(ent, known, index)
    for token in doc:
        if token.text[:1].isupper() and token.i not in index.by_token:
            known = index.named.get(fold(token.text))
            if known is not None:
                _mark(doc[token.i : token.i + 1], known, index)


TITLE_WORDS = {
    "president",
    "minister",
    "premier",
    "chancellor",
    "king",
    "queen",
    "emir",
    "sultan",
    "sheikh",
    "leader",
    "mr",
    "mrs",
    "ms",
    "dr",
    "chairman",
    "prince",
    "pm",
    "governor",
    "dictator",
    "strongman",
    "taoiseach",
    "shah",
    "ayatollah",
    "monarch",
    "ruler",
}
#: Words of a government office before a name in a readout's title ("Deputy Secretary", "Ambassador").
GOVERNMENT_OFFICES = TITLE_WORDS | OFFICE_WORDS | {"advisor", "adviser", "ambassador", "administrator", "deputy"}


def _titled_surnames(doc: Doc, kb: KnowledgeBase, index: ActorIndex) -> None:
    """ "President Mugabe": a title before a leader's surname names that leader (in office that day)."""
    lowers = [t.lower().rstrip(".") for t in token_texts(doc)]
    candidates: set[int] = set()  # only names within a few words after a title are worth a look
    for i, word in enumerate(lowers):
        if word in TITLE_WORDS:
            candidates.update(range(i + 1, min(len(lowers), i + 8)))
    for i in sorted(candidates):
        token = doc[i]
        if token.i in index.by_token or not token.text[:1].isupper() or token.pos_ not in ("PROPN", "NOUN"):
            continue
        if token.i + 1 < len(doc) and doc[token.i + 1].pos_ == "PROPN" and doc[token.i + 1].i not in index.by_token:
            continue  # not the last word of the name
        run_start = token.i  # the whole name before the surname ("Omar Hassan al-Bashir")
        while (
            run_start > 0
            and (
                doc[run_start - 1].pos_ == "PROPN"
                or doc[run_start - 1].lower_ in NAME_PARTICLES
                or doc[run_start - 1].text in HYPHENS
            )
            and doc[run_start - 1].lower_ not in TITLE_WORDS
            and token.i - run_start < 5
        ):
            run_start -= 1
        window = [t.lower_.rstrip(".") for t in doc[max(0, run_start - 3) : run_start]]
        if not any(w in TITLE_WORDS for w in window):
            continue
        given = {fold(t.text) for t in doc[run_start : token.i]}
        named = {m.entity.code for m in index.mentions if m.entity is not None and m.entity.code}
        entry = kb.by_surname(fold(token.text), index.date, fuzzy=True, given=given, countries=named)
        if entry is None:
            continue
        span = doc[run_start : token.i + 1]
        entity = _entity_from_entry(entry, span.text, span.start_char, span.end_char, index.date)
        for t in span:
            index.by_token[t.i] = entity
        index.mentions.append(Mention(span.text, span.start_char, span.end_char, "person", entity))
        index.named.setdefault(fold(token.text), entity)


def _leaders_by_surname(doc: Doc, kb: KnowledgeBase, index: ActorIndex) -> None:
    """Rule "leader-surname": a person named by surname alone ("Reagan said ...", "Kohl met ...") is the
    head of state or government of that name in office that day, when there is exactly one - wire
    copy names leaders that way. Only names spaCy reads as a person, never an out-of-office namesake."""
    for ent in doc.ents:
        if ent.label_ != "PERSON" or len(ent) != 1 or ent.start in index.by_token:
            continue
        token = ent[0]
        if not token.text[:1].isupper() or token.is_sent_start and token.pos_ != "PROPN":
            continue
        before = doc[token.i - 1].lower_.rstrip(".") if token.i > 0 else ""
        if before in PERSON_TITLES or before in TITLE_WORDS:
            continue  # "Senator Jordan", "Dr. Hamilton": someone else's title, or the titled-surname rule's
        entry = kb.by_surname(fold(token.text), index.date)
        if entry is None or not index.date or not any(s.valid_on(index.date) for s in entry.spells):
            continue  # out of office that day: a namesake as likely as the leader
        if fold(entry.name).split()[-1] != fold(token.text):
            continue  # "Jordan" is in "Abdullah II of Jordan", but not his surname
        entity = _entity_from_entry(entry, token.text, token.idx, token.idx + len(token.text), index.date)
        _mark(ent, entity, index)
        index.named.setdefault(fold(token.text), entity)


def _names_after_roles(doc: Doc, kb: KnowledgeBase, index: ActorIndex) -> list[Span]:
    """Runs of proper nouns right after a role word ("police spokesman Olumuyiwa Adejobi") that
    NER missed: the role says they are a person."""
    from spacy.tokens import Span as SpacySpan

    covered = {t.i for ent in doc.ents if ent.label_ == "PERSON" for t in ent}
    proper = is_proper_noun(doc)
    spans = []
    i = 0
    while i < len(doc):
        if proper[i] and i not in covered and i not in index.by_token and i > 0:
            before = doc[i - 1]
            if kb.agent_sector(fold(before.lemma_)) or kb.agent_sector(fold(before.text)):
                j = i
                while j < len(doc) and proper[j] and j not in index.by_token:
                    j += 1
                if j - i >= 2:
                    spans.append(SpacySpan(doc, i, j, label="PERSON"))
                i = j
                continue
        i += 1
    return spans


def _mark(ent: Span, entity: Entity, index: ActorIndex) -> None:
    mention_entity = Entity(
        raw_text=ent.text,
        entity_name=entity.entity_name,
        code=entity.code,
        sector_code=entity.sector_code,
        start=ent.start_char,
        end=ent.end_char,
        kind=entity.kind,
    )
    for t in ent:
        index.by_token[t.i] = mention_entity
    index.mentions.append(Mention(ent.text, ent.start_char, ent.end_char, "person", mention_entity))


def _title_of(ent: Span, kb: KnowledgeBase, index: ActorIndex) -> tuple[str, str | None] | None:
    """(country, sector) from "Malaysian Prime Minister X" or "X, Malaysia's prime minister"."""
    doc = ent.doc
    start = ent.start  # the title run: adjectives, nouns and names right before the name, nothing else
    while (
        start > ent.sent.start
        and ent.start - start < 7
        and (
            doc[start - 1].pos_ in ("ADJ", "PROPN", "NOUN")
            or doc[start - 1].tag_ == "POS"
            or doc[start - 1].text in ("'s", "’s", "-", "of")
        )
    ):
        start -= 1
    window = doc[start : ent.start]
    code = None
    for t in window:
        entity = index.entity_at(t.i)
        if entity is not None and entity.kind in ("country", "capital") and entity.code:
            code = entity.code
    sector = _role_sector(window, kb)
    if code is not None and sector is None:
        code = None  # a nationality without a role ("Iraqi Thomas X") teaches nothing
    if code is None:
        for appos in ent.root.children:
            if appos.dep_ == "appos":
                phrase = ent.doc[appos.left_edge.i : appos.i + 1]
                for t in phrase:
                    entity = index.entity_at(t.i)
                    if entity is not None and entity.code and entity.kind in ("country", "capital", "organisation"):
                        code = entity.code
                sector = sector or _role_sector(phrase, kb)
    if code is None:
        return None
    return code, sector


def _role_sector(tokens: Span, kb: KnowledgeBase) -> str | None:
    """The sector of the longest role phrase in ``tokens`` ("prime minister" -> GOV)."""
    words = [fold(t.lemma_ if t.tag_ in ("NNS", "NNPS") else t.text) for t in tokens]
    best: str | None = None
    best_len = 0
    for i in range(len(words)):
        for j in range(len(words), i, -1):
            sector = kb.agent_sector(" ".join(words[i:j]))
            if sector and j - i > best_len:
                best, best_len = sector, j - i
    return best


def entities_for(token: Token, index: ActorIndex, kb: KnowledgeBase) -> list[Entity]:
    """The actors a noun phrase headed by ``token`` refers to (several for "X and Y")."""
    heads = [token, *[c for c in token.conjuncts if c.i > token.i]]
    out: list[Entity] = []
    for head in heads:
        out.extend(_entities_for_head(head, index, kb))
    seen: set[tuple[str | None, str | None]] = set()
    unique = []
    for e in out:
        if e.code and e.key() not in seen:
            seen.add(e.key())
            unique.append(e)
    return unique


def _phrase(head: Token) -> Span:
    left = head
    for child in head.lefts:
        if child.dep_ in MODIFIER_DEPS or child.dep_ in ("cc", "conj") and child.head == head:
            left = min(left, child.left_edge, key=lambda t: t.i)
            break
    while left.is_space and left.i < head.i:  # a blanked dateline the left edge took in
        left = head.doc[left.i + 1]
    return head.doc[left.i : head.i + 1]


def _entities_for_head(head: Token, index: ActorIndex, kb: KnowledgeBase) -> list[Entity]:
    doc = head.doc
    direct = index.entity_at(head.i)
    phrase = _phrase(head)
    if direct is not None and direct.kind == "person":
        for appos in head.children:  # "Kenzo Oshima, the United Nations Emergency Relief Coordinator"
            if appos.dep_ == "appos":
                for t in appos.subtree:
                    office = index.entity_at(t.i)
                    if office is not None and office.kind == "organisation" and office.code:
                        return [_with(office, raw=direct.raw_text, sector=direct.sector_code or "GOV", kind="person")]
    if direct is not None and direct.kind == "person":
        for prep in head.children:  # "King Hassan of Morocco": the text's country beats a namesake's
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for pobj in prep.children:
                    place = index.entity_at(pobj.i)
                    if place is not None and place.kind in ("country", "capital") and place.code != direct.code:
                        return [_with(direct, raw=direct.raw_text, kind="person", code=place.code)]
    if direct is not None and direct.kind not in ("country", "capital"):
        return [direct]
    sector = _role_sector(phrase, kb) if head.pos_ in ("NOUN", "PROPN") else None
    if sector is None and fold(head.text) in ROLE_WORDS_GOV:
        sector = "GOV"
    if direct is not None:
        if direct.kind == "capital":
            return [direct]
        # "Malaysia" alone is the country; "Malaysian troops" has the head "troops", handled below
        return [_with(direct, sector=direct.sector_code, raw=phrase.text, span=phrase)]
    countries = _countries_in(phrase, index)
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from", "in"):
            for pobj in child.children:
                if pobj.dep_ != "pobj":
                    continue
                found = [e for e in entities_for(pobj, index, kb) if e.code]  # "of X and Y": both
                if child.lower_ == "in":  # "rebels in the Ivory Coast": only places make people theirs,
                    # and only people ("a ceasefire in Havana" is nobody's agent)
                    found = [e for e in found if e.kind in ("country", "capital")] if sector else []
                # "members of Nakasone's party" are a group of his state, not Nakasone himself
                many = child.lower_ == "of" and head.tag_ in ("NNS", "NNPS")
                countries.extend(_group_of(e, phrase) if many and e.kind == "person" else e for e in found)
        if child.dep_ in ("acl", "amod") and child.lemma_ in AFFILIATION_WORDS:  # "a group based in X"
            for prep in child.children:
                for pobj in prep.children:
                    countries.extend(e for e in _entities_for_head(pobj, index, kb) if e.code)
    if head.pos_ == "PRON":
        return _pronoun(head, index)
    if not countries and sector is not None:
        # rule "owner-pronoun": "its leader", "its spokesman" are of the state or body "its" continues ("their"
        # is often people, not a body); a body's leader acts for the body, a state's for the state
        for owner in (c for c in head.children if c.dep_ == "poss" and c.lower_ == "its"):
            countries += [_with(found, sector=found.sector_code or sector) for found in _pronoun(owner, index)]
            if countries:
                return [_with(c, sector=c.sector_code, raw=phrase.text, span=phrase) for c in countries]
    if not countries and sector is None and head.lemma_.lower() in OWNED_STANCES:
        # rule "owner-pronoun": a person's stance or offer ("shunned his support", "rejected her proposal")
        # stands for the person as a side, as "Nakasone's support" would
        for owner in (c for c in head.children if c.dep_ == "poss" and c.lower_ in ("his", "her")):
            found = _pronoun(owner, index)
            if found:
                return [_with(f, raw=phrase.text, span=phrase) for f in found]
    if countries:
        return [_with(c, sector=sector or c.sector_code, raw=phrase.text, span=phrase) for c in countries]
    named = index.named.get(fold(head.text))
    if named is not None:
        return [named]
    principal = _titled_principal(phrase, index)
    if principal is not None:
        return [_with(principal, raw=phrase.text, span=phrase)]
    if head.ent_type_ == "ORG" and fold(head.text) in NGO_NAME_HEADS:
        # "the Association of African Jurists", "the Helsinki Foundation": a named body that no
        # country or knowledge-base entry claims is a non-governmental organisation
        name = next((e for e in doc.ents if e.start <= head.i < e.end), None)
        if name is not None:
            # in an article naming one state only, a body not named as international is that state's
            # civil society (CAMEO's domestic NGO: the country's code, sector NGO): "the National
            # Governors Association" in a readout naming only the United States
            # (a name with a people or region in it, "the Association of African Jurists", may be anyone's)
            international = {"international", "world", "global", "arab"} & {t.lower_ for t in name}
            people = any(PEOPLE_ADJECTIVE.match(t.text) for t in name)
            if index.sole_country is not None and not international and not people:
                return [span_entity(name, index.sole_country, "NGO", "organisation")]
            return [span_entity(name, "NGO", None, "organisation")]
    described = _described(phrase, kb)
    if described is not None and head.pos_ == "NOUN":
        code, described_sector = described
        return [span_entity(phrase, code, described_sector, "organisation")]
    short = _short_form(head, phrase, index, kb)
    if short:
        return short
    filed = _of_the_filing_country(head, phrase, index)
    if filed:
        return filed
    del doc
    return _of_the_sole_country(head, phrase, index, kb)


#: The heads of a state's offices that wire copy names without their state ("the Trade Ministry").
NATIONAL_OFFICE_HEADS = frozenset({"ministry", "department"})


def _of_the_filing_country(head: Token, phrase: Span, index: ActorIndex) -> list[Entity]:
    """Rule "filing-country-office": a ministry or department named without its state ("The Department of
    Trade and Industry said ...", "the Finance Ministry"), or a bare "the government", is of the country the
    story was filed in, when the story names that country too (``ActorIndex.home_filed``)."""
    if index.home_filed is None:
        return []
    bare = head.lemma_.lower() in BARE_GOVERNMENT_WORDS and [c.lower_ for c in head.lefts] == ["the"]
    if not bare and (fold(head.text) not in NATIONAL_OFFICE_HEADS or head.pos_ != "PROPN"):
        return []
    name = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
    return [span_entity(name if name is not None else phrase, index.home_filed, "GOV", "organisation")]


#: Bodies every state has, which a bare "the government" names when the article names one state only.
BARE_GOVERNMENT_WORDS = {"government", "authorities", "cabinet", "regime"}


def _of_the_sole_country(head: Token, phrase: Span, index: ActorIndex, kb: KnowledgeBase) -> list[Entity]:
    """In an article that names one state only (by its name, a place or a person of it): rule
    "sole-country-government" - "the government", "the authorities" with no country are that state's ("The
    government extends a provision that bars gatherings, including protests against Prime Minister
    Netanyahu") - and rule "sole-country-person" (below)."""
    if index.sole_country is None:
        return []
    if head.ent_type_ == "PERSON" and head.pos_ == "PROPN":
        # rule "sole-country-person": someone the knowledge base does not know, named in a sentence that
        # names no state, in an article that names one state only, is of it ("The council declares Noboa
        # president-elect, with González conceding defeat. Noboa is Ecuador's youngest president-elect");
        # "Archbishop Tutu called for sanctions against Nigeria" names the state he acts on, not his own
        sent = head.sent
        if any(e.kind in ("country", "capital") for e in index.resolved_within(sent.start_char, sent.end_char)):
            return []
        name = next((e for e in head.doc.ents if e.start <= head.i < e.end), None)
        # the office in apposition says the sector, its body's word first ("X, president of the union": LAB)
        office = [t for c in head.children if c.dep_ == "appos" for t in sorted(c.subtree, key=lambda t: t.i == c.i)]
        sector = next(filter(None, (kb.agent_sector(t.lemma_.lower()) for t in office)), None)
        return [span_entity(name, index.sole_country, sector, "person")] if name is not None else []
    if head.lemma_.lower() not in BARE_GOVERNMENT_WORDS or [c.lower_ for c in head.lefts] != ["the"]:
        return []  # exactly "the government" ("Heads of State and Government" name no state's)
    return [span_entity(phrase, index.sole_country, "GOV", "country")]


def _short_form(head: Token, phrase: Span, index: ActorIndex, kb: KnowledgeBase) -> list[Entity]:
    """ "The Coalition" after "the Syrian Coalition", "the Ministry" after "the Foreign Ministry": a bare,
    capitalised head noun is the body the article named in full before with that head; so is a definite
    common noun ("the department" after "the U.S. Agriculture Department", "the governors" after
    "Brazilian governors"): the article's latest fuller mention of it (rule "body-coreference")."""
    if head.pos_ not in ("NOUN", "PROPN"):
        return []
    doc = head.doc
    earlier_positions = _earlier(head, phrase.start, index)
    if not earlier_positions:  # most heads were never named before: nothing to take up
        return []
    definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in head.children)
    if not (head.text[:1].isupper() or definite):
        return []
    if any(c.dep_ != "det" for c in head.children if c.i < head.i) or head.ent_type_ in ("PERSON", "GPE"):
        return []
    for i in reversed(earlier_positions):
        earlier = doc[i]
        if not any(c.dep_ in ("amod", "compound", "prep") for c in earlier.children):
            continue
        found = [e for e in _entities_for_head(earlier, index, kb) if e.code and e.kind != "person"]
        if not head.text[:1].isupper():  # a common noun takes up a body or a role, not "the dollar"
            found = [e for e in found if e.sector_code or e.kind == "organisation"]
        return [_with(e, raw=phrase.text, span=phrase) for e in found]
    return []


DEFINITE_DETERMINERS = {"the", "this", "these", "that", "those"}


def _earlier(head: Token, before: int, index: ActorIndex) -> list[int]:
    """Positions before ``before`` of words written as ``head`` is, in any case (the lower-case forms
    of the document, read once into the index as one array)."""
    if index.lowers is None:
        from spacy.attrs import LOWER

        index.lowers = head.doc.to_array(LOWER)
    return [int(i) for i in (index.lowers[:before] == head.lower).nonzero()[0]]


#: A capitalised adjective of a people or region ("African", "European", "Islamic", "Ivorian").
PEOPLE_ADJECTIVE = re.compile(r"^[A-Z][a-z]+(?:an|ese|ish|ic|i)$")
NGO_NAME_HEADS = {
    "association",
    "society",
    "foundation",
    "institute",
    "federation",
    "alliance",
    "league",
    "coalition",
    "network",
    "watch",
    "centre",
    "center",
    "council",
    "union",
}


def _described(tokens: Span, kb: KnowledgeBase) -> tuple[str, str | None] | None:
    """The actor a common-noun description ending the phrase names ("a human rights group" -> NGO)."""
    words = [fold(t.text) for t in tokens]  # "rights" stays plural inside; only the head is singular
    if words and tokens[-1].tag_ in ("NNS", "NNPS"):
        words[-1] = fold(tokens[-1].lemma_)
    for i in range(len(words)):  # the longest description wins
        found = kb.descriptions.get(" ".join(words[i:]))
        if found is not None:
            return found
    return None


# participles and adjectives that tie people to whoever follows: "workers affiliated with the Serbian
# union", "cells linked to al-Qaeda", "fighters loyal to the Syrian army", "a group based in Pakistan"
AFFILIATION_WORDS = {
    "base",
    "station",
    "loyal",
    "affiliate",
    "affiliated",
    "link",
    "linked",
    "belong",
    "tie",
    "tied",
    "attach",
    "attached",
    "close",
}


def _countries_in(phrase: Span, index: ActorIndex) -> list[Entity]:
    out: list[Entity] = []
    seen: set[str] = set()
    for t in phrase:
        entity = index.entity_at(t.i)
        if entity is not None and entity.code and entity.code not in seen:
            seen.add(entity.code)
            out.append(entity)
    return out


# a name of its own: a second TITLE_WORDS here shadowed _titled_surnames' set ("Mr.", "Dr.", "chairman")
PRINCIPAL_TITLE_WORDS = {
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "emir",
    "amir",
    "king",
    "queen",
    "premier",
    "secretary",
    "general",
    "sultan",
    "crown",
    "prince",
    "pope",
    "governor",
    "ambassador",
}


def _titled_principal(phrase: Span, index: ActorIndex) -> Entity | None:
    """Rule "title-coreference": "the President", "the Vice President", "the Emir" with no name is the
    first person the text introduced with that title - the article's principal of that rank
    ("President Biden spoke with President Macron ... The President thanked him": Biden)."""
    words = [fold(t.text) for t in phrase if t.dep_ != "det"]
    if not words or phrase[0].lower_ != "the" or any(w not in PRINCIPAL_TITLE_WORDS for w in words):
        return None
    doc = phrase.doc
    for mention in index.mentions:
        entity = mention.entity
        if mention.start >= phrase.start_char or entity is None or entity.kind != "person" or not entity.code:
            continue
        name = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if name is None or name.start < len(words):
            continue
        before = [fold(t.text) for t in doc[name.start - len(words) : name.start]]
        if before == words:
            return entity
    return None


def statement_principal(title: str | None, kb: KnowledgeBase, date: str | None) -> Entity | None:
    """The person a statement's title says it is from ("Statement from President Joe Biden on the
    Occasion of ..."), if the knowledge base knows them on ``date``."""
    match = STATEMENT_TITLE.match(title.strip()) if title else None
    if match is None:
        return None
    words = match.group(1).split()
    for size in (4, 3, 2):
        for start in range(len(words) - size + 1):
            name = " ".join(words[start : start + size]).strip(",.;:’'")
            entry = kb.best(alias_key(name), date) if name[:1].isupper() else None
            if entry is not None and entry.kind == "person":
                spell = entry.spell_on(date)
                if spell is not None and spell.code:
                    return Entity(name, entry.name.title(), spell.code, spell.sector, kind="person")
    return None


def publishers_official(title: str | None, publisher: str | None, kb: KnowledgeBase, date: str | None) -> Entity | None:
    """*publisher's-official*: the person a government's readout or statement is about ("Readout of
    National Security Advisor to the Vice President Phil Gordon's Trip to Israel", published by
    the White House) is that government's official, even when the knowledge base does not know
    them: a government publishes the calls, meetings and trips of its own people. Only where the
    title gives an office before the name and the publisher is a seat of government the
    knowledge base codes (the White House, the Kremlin)."""
    if not title or not publisher:
        return None
    seat = kb.best(alias_key(publisher), date)
    spell = seat.spell_on(date) if seat is not None and seat.kind in ("capital", "country") else None
    if spell is None or not spell.code or spell.sector != "GOV":
        return None
    readout = READOUT_TITLE.match(title.strip())
    statement = STATEMENT_TITLE.match(title.strip())
    if readout is not None:  # "Readout of <office> <name>'s Call ...": the name ends the phrase
        words = readout.group(1).split()
    elif statement is not None:  # "Statement from <office> <name> on ...": it ends at the first small word
        words = list(itertools.takewhile(lambda w: w[:1].isupper(), statement.group(1).split()))
    else:
        return None
    name: list[str] = []
    for word in reversed(words):  # the name is the run of capitalised words after the last office word
        bare = word.strip(",.;:’'")
        if not bare[:1].isupper() or fold(bare) in GOVERNMENT_OFFICES:
            break
        name.insert(0, bare)
    office = words[: len(words) - len(name)]
    if not 1 < len(name) <= 3 or not any(fold(w.strip(",.;:’'")) in GOVERNMENT_OFFICES for w in office):
        return None
    full = " ".join(name)
    return Entity(full, full, spell.code, "GOV", kind="person")


def _name_words(name: Span) -> list[str]:
    """The words of a person's name that may name them alone later: capitalised proper nouns, never an
    article or a title the match took in ("The President Reagan" teaches nothing about "The")."""
    return [fold(t.text) for t in name if len(t.text) > 2 and t.text[0].isupper() and t.pos_ == "PROPN"]


def _name_keys(name: str) -> set[str]:
    """The keys a person's later mentions may use: the full name and each name word."""
    return {fold(name), *[fold(word) for word in name.split() if len(word) > 2]}


def _quoted(token: Token) -> bool:
    """Whether a word stands inside quotation marks in its sentence (someone else's words)."""
    before = token.doc.text[token.sent.start_char : token.idx]
    return before.count('"') % 2 == 1 or before.count("“") > before.count("”")


def _pronoun(token: Token, index: ActorIndex) -> list[Entity]:
    """He/she continue the last person named before; we/our speak for that person's country. In a
    statement, "I" is who the title says it is from, and "we" that person's government."""
    word = token.lower_
    if index.principal is not None and word in FIRST_PERSON | GROUP_PRONOUNS and not _quoted(token):
        if word in GROUP_PRONOUNS:
            return [_with(index.principal, sector="GOV", raw=token.text, kind="country")]
        return [_with(index.principal, raw=token.text)]
    if word in THING_PRONOUNS:  # "Japan said it had halted aid": it/they continue a country or group
        previous_things = [
            m
            for m in index.mentions
            if m.end <= token.idx
            and m.entity is not None
            and m.entity.kind in ("country", "organisation", "group", "capital")
            and m.entity.code
        ]
        if not previous_things:
            return []
        last_thing = previous_things[-1].entity
        if word == "it" and token.dep_ in ("nsubj", "nsubjpass"):  # rule "it-subject"
            # "it" doing something is the last country or body named as a subject ("Washington announced
            # sanctions against Japanese goods after it accused Tokyo"; "the army released a ship it
            # seized"), else the last named. "Its" stays the nearest ("pressured
            # Iran over its failure"), and "they" may be a group a modifier named ("Ukrainian forces ...
            # as they defend")
            last_thing = _latest_subject(previous_things, token) or last_thing
        return [_with(last_thing, raw=token.text)] if last_thing is not None else []
    if word not in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return []
    previous = [
        m
        for m in index.mentions
        if m.end <= token.idx and m.entity is not None and m.entity.kind == "person" and m.entity.code
    ]
    if not previous:
        return []
    last = _latest_subject(previous, token) or previous[-1].entity
    assert last is not None
    if word in GROUP_PRONOUNS:
        return [_with(last, sector="GOV", raw=token.text, kind="country")]
    return [_with(last, raw=token.text)]


def _latest_subject(previous: list[Mention], token: Token) -> Entity | None:
    """The last actor named as a subject: "Anwar thanked Erdogan for what he described" - he is Anwar."""
    doc = token.doc
    for mention in reversed(previous[-6:]):
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        # a name that modifies the subject names it too ("The Sri Lankan government said it ...")
        root = span.root.head if span.root.dep_ in ("amod", "compound") else span.root
        if root.dep_ in ("nsubj", "nsubjpass"):
            return mention.entity
    return None


def span_entity(span: Span, code: str | None, sector: str | None, kind: EntityKind) -> Entity:
    """An actor named by the words of ``span`` (its text is both what the text said and its name)."""
    span = without_blanks(span)
    return Entity(
        raw_text=span.text,
        entity_name=span.text,
        code=code,
        sector_code=sector,
        start=span.start_char,
        end=span.end_char,
        kind=kind,
    )


#: What someone offers or takes a stand by, which stands for them when accepted or refused ("his support").
OWNED_STANCES = frozenset(
    {
        "support",
        "proposal",
        "offer",
        "plan",
        "request",
        "demand",
        "appeal",
        "invitation",
        "initiative",
        "bid",
    }
)


def _group_of(person: Entity, phrase: Span) -> Entity:
    """A group named after someone ("members of Nakasone's party"): of the person's state, not the person."""
    return span_entity(phrase, person.code, person.sector_code, "group")


def _with(
    entity: Entity,
    sector: str | None = None,
    raw: str | None = None,
    span: Span | None = None,
    kind: EntityKind | None = None,
    code: str | None = None,
) -> Entity:
    return Entity(
        raw_text=raw or entity.raw_text,
        entity_name=entity.entity_name,
        code=code or entity.code,
        sector_code=sector if sector is not None else entity.sector_code,
        start=span.start_char if span is not None else entity.start,
        end=span.end_char if span is not None else entity.end,
        kind=kind or entity.kind,
        org_code=entity.org_code,
    )
