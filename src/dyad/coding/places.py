"""Where an event happens: the place a trigger's phrases name, and the country of the last place the
text named before it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyad.actors import ActorIndex
from dyad.coding.syntax import CROWD_NOUNS
from dyad.coding.words import load_word_lists
from dyad.model import Location
from dyad.taxonomy import root_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

WORDS = load_word_lists()  # read-only language data (data/lexicon/words.tsv)

PLACE_NOUNS = WORDS["PLACE_NOUNS"]

TERRITORY_NOUNS = WORDS["TERRITORY_NOUNS"]


def _local_country(location: Location | None, sent: SpacySpan, places: list[tuple[int, str]]) -> str | None:
    """The country an event happens in: its own place's, else the last place the text named up to
    the end of its sentence ("Rioting erupts in Paris. Riot police fire tear gas ..." -> FRA)."""
    if location is not None and location.country_code:
        return location.country_code
    named = [code for start, code in places if start < sent.end_char]
    return named[-1] if named else None


LOCATIVE_PREPS = WORDS["LOCATIVE_PREPS"]


def _names_a_person(token: Token) -> bool:
    """Whether a word is, or is a title in, a person's name ("President" of "President Donald Trump")."""
    for _ in range(3):
        if token.ent_type_ == "PERSON":
            return True
        if token.dep_ != "compound" or token.head is token:
            return False
        token = token.head
    return False


SEAT_WORDS = WORDS["SEAT_WORDS"]


def _locative(token: Token) -> bool:
    """Whether a name may place what follows: not as the object of a non-locative preposition ("the
    defeat of Paris Saint-Germain by Bayern Munich" names teams), not as a modifier ("Britain-based") nor as
    a body's seat ("based in the UK");
    "in Alexandria, Egypt", "Syria's Aleppo" and a headline's "Syria ..." do."""
    for _ in range(3):
        if token.dep_ in ("amod", "npadvmod"):  # "Britain-based"
            return False
        if token.dep_ == "compound" and _names_a_person(token.head):  # "U.S. President Donald Trump"
            return False
        if token.dep_ == "pobj":  # "in X", "near X", "the village of X"
            prep = token.head
            if prep.head.pos_ == "VERB" and prep.head.lower_ in SEAT_WORDS:
                return False  # "a monitoring group based in the UK": where a body sits, not where events are
            return prep.lower_ in LOCATIVE_PREPS or (
                prep.lower_ == "of" and prep.head.lemma_.lower() in PLACE_NOUNS | CROWD_NOUNS
            )  # "residents of X"
        if token.dep_ not in ("appos", "conj") or token.head is token:
            return True
        token = token.head
    return True


def _place_names(doc: Doc, actors: ActorIndex) -> list[tuple[int, str]]:
    """Where the text names a place, in order: (character offset, country code) of country names and
    capitals written as names (not adjectives: "Israeli tourists" names no place)."""
    out = []
    for mention in actors.mentions:
        entity = mention.entity
        if entity is None or not entity.code or entity.kind not in ("country", "capital"):
            continue
        span = doc.char_span(mention.start, mention.end)
        # only a name in a locative phrase places what follows ("riots in Paris", "in Alexandria,
        # Egypt"); "the defeat of Paris Saint-Germain by Bayern Munich" names teams, not places
        if span is not None and span.root.pos_ == "PROPN" and _locative(span.root):
            out.append((mention.start, entity.code))
    return sorted(out)


def _place_bearers(token: Token, code: str, consumed: set[int] | None) -> list[Token]:
    """The words whose prepositions may place an event: the trigger, its objects, what it consumed,
    a threatened act's complement, and the word it hangs on."""
    candidates = [token, *[c for c in token.children if c.dep_ in ("dobj", "pobj")]]
    candidates += [token.doc[i] for i in sorted(consumed or ()) if i != token.i]  # "put under investigation in X"
    if root_of(code) in ("13", "03"):  # "threatened to impose a curfew in X": the threatened act's place
        for comp in (c for c in token.children if c.dep_ == "xcomp"):
            candidates += [comp, *[c for c in comp.children if c.dep_ in ("dobj", "pobj")]]
    if token.head != token:
        candidates.append(token.head)
    return candidates


def _location(token: Token, actors: ActorIndex, code: str = "", consumed: set[int] | None = None) -> Location | None:
    """ "in Ankara" on the trigger (or its object, its complement, or the clause it is set in)."""
    preps: tuple[str, ...] = ("in", "at", "to") if code in ("042", "043", "044") else ("in", "at")  # visits: where
    if root_of(code) in ("18", "19", "20"):  # attacks "near Samarra", "outside Basra"
        preps += ("near", "outside", "around")
    found: list[Location] = []
    for node in _place_bearers(token, code, consumed):
        if root_of(code) in ("18", "19", "20") and node.dep_ == "dobj" and node.lemma_.lower() in PLACE_NOUNS:
            found.extend(_places_in(node, actors))  # "shelled neighbourhoods of Aleppo": the target is a place
        for prep in node.children:
            if prep.dep_ != "prep" or prep.lower_ not in preps:
                continue
            objects = [c for c in prep.children if c.dep_ == "pobj"]
            objects += [g for c in prep.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
            for pobj in objects:  # "outside of the Iraqi city of Basra": the object of the inner "of"
                found.extend(_places_in(pobj, actors))
        if found:
            break
    if not found:
        return None
    # "in Aleppo, Syria" or "in Syria's Aleppo": the most specific place named (a town before a country)
    from dyad.geo import default_gazetteer

    gazetteer = default_gazetteer()

    def rank(loc: Location) -> tuple[bool, bool, bool]:
        town = (
            bool(loc.name) and gazetteer.geocode(loc.name, [loc.country_code] if loc.country_code else None) is not None
        )
        return (loc.country_code is not None, bool(loc.name), town)

    best = max(found, key=rank)  # a known country first (it is the event's target too), a named town next
    if best.country_code is None and best.name:  # a town the knowledge base does not know ("in Bologna")
        best.country_code = gazetteer.country_of(best.name)
    if not best.name:  # only an adjective: the country it names
        best.name = next((loc.name for loc in found if loc.name), "") or best.country_code or ""
    return best


def _places_in(phrase: Token, actors: ActorIndex, depth: int = 0) -> list[Location]:
    """Places named in a prepositional object: knowledge-base places (not adjectives like "Syrian"),
    and place names NER found that the gazetteer knows (geocoded later)."""
    out: list[Location] = []
    seen: set[int] = set()
    # the place noun itself with its own modifiers ("in southern Lebanon", "in Syria's Aleppo", "in Aleppo,
    # Syria"), not whatever its clauses mention ("in defiance of Chinese authorities" is no place)
    words = [phrase, *[c for c in phrase.children if c.dep_ in ("compound", "amod", "poss", "appos", "conj", "nmod")]]
    if phrase.lemma_.lower() in PLACE_NOUNS:  # "the town of Samarra", "the Iraqi city of Basra"
        words += [
            g for c in phrase.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
    words += [g for w in list(words) if w is not phrase for g in w.children if g.dep_ in ("compound", "poss")]
    for t in sorted(words, key=lambda w: w.i):
        if t.i in seen:
            continue
        entity = actors.entity_at(t.i)
        if entity is not None and entity.kind in ("country", "capital") and entity.code:
            seen.update(range(t.i, t.i + len(entity.raw_text.split())))
            location = Location(name=entity.raw_text, country_code=entity.code, start=entity.start, end=entity.end)
            if t.pos_ != "PROPN":  # "in Israeli custody": a country, but not a place name to show
                if phrase.lemma_.lower() not in PLACE_NOUNS | TERRITORY_NOUNS:
                    continue  # "killed in Russian air strikes": whose strikes, not where
                location.name = ""
            out.append(location)
        elif entity is None and t.ent_type_ in ("GPE", "LOC", "FAC") and t.ent_iob_ == "B":
            span = next((e for e in t.doc.ents if e.start == t.i), None)
            if span is not None:
                seen.update(range(span.start, span.end))
                out.append(Location(name=span.text, country_code=None, start=span.start_char, end=span.end_char))
    if not out and phrase.pos_ == "NOUN" and depth < 1:
        # "rioted at a jail in East Timor's capital": a site with no name stands in the place it is in
        for prep in (c for c in phrase.children if c.dep_ == "prep" and c.lower_ == "in"):
            for pobj in (g for g in prep.children if g.dep_ == "pobj"):
                out.extend(_places_in(pobj, actors, depth + 1))
    return out

    return None
