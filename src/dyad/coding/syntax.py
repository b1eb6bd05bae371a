"""Reading the parse: who is a verb's subject and object, whether it is negated, hypothetical or future,
which words modify a noun. Helpers over spaCy tokens, shared by the coder's rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyad.coding.words import load_word_lists
from dyad.tokens import in_multiword_entity

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

WORDS = load_word_lists()  # read-only language data (data/lexicon/words.tsv)
RELATIVE_PRONOUNS = {"that", "which", "who", "whom"}
REFLEXIVE_PRONOUNS = WORDS["REFLEXIVE_PRONOUNS"]

INTENT = WORDS["INTENT"]

CONDITIONAL_MARKS = WORDS["CONDITIONAL_MARKS"]

DOCUMENT_NOUNS = WORDS["DOCUMENT_NOUNS"]

INTENT_ADJECTIVES = WORDS["INTENT_ADJECTIVES"]

FUTURE_AUX = WORDS["FUTURE_AUX"]

HYPOTHETICAL_MARKS = WORDS["HYPOTHETICAL_MARKS"]

NON_OBJECT_PREPS = WORDS["NON_OBJECT_PREPS"]

BOTH_SIDES = WORDS["BOTH_SIDES"]
SUBJECT_CONTROL_VERBS = WORDS["SUBJECT_CONTROL_VERBS"]


def _object_candidates(token: Token) -> list[Token]:
    out: list[Token] = []
    for child in token.children:
        if child.dep_ in ("dobj", "nsubjpass", "xcomp", "attr", "oprd", "ccomp", "dative"):
            out.append(child)
            out.extend(child.conjuncts)
            # "700 kg of medicine", "hundreds of thousands of artillery rounds": the measured thing is
            # the object, however many measures come before it
            out.extend(_measured(child))
            if child.dep_ == "dobj":  # "declares the ambassador a persona non grata": the object complement
                out.extend(g for g in child.children if g.dep_ == "appos" and g.i > child.i)
        if child.dep_ in ("prep", "prt", "agent") and child.lower_ not in NON_OBJECT_PREPS:
            out.extend(g for g in child.children if g.dep_ == "pobj")
    return out


def _measured(noun: Token, depth: int = 3) -> list[Token]:
    """The nouns a measure or quantity is "of", down a chain of them ("hundreds of thousands of rounds")."""
    found = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
    return found + [m for g in found for m in _measured(g, depth - 1)] if depth > 1 else found


def _dangling_object(prep: Token) -> list[Token]:
    """A preposition the parser left without its object ("asylum to five Panamanian army officers holed
    up ...", where "officers" became a subject): the noun phrase that follows it."""
    doc = prep.doc
    for t in doc[prep.i + 1 : min(len(doc), prep.i + 6)]:
        if t.pos_ in ("NOUN", "PROPN"):
            while t.dep_ in ("compound", "amod") and t.head.pos_ in ("NOUN", "PROPN") and t.head.i > t.i:
                t = t.head
            return [t]
        if t.pos_ in ("VERB", "ADP", "PUNCT"):
            break
    return []


def _antecedent(clause: Token) -> Token:
    """Who does a relative clause's act: the noun it hangs on, or, for a document or measure someone
    issues or extends ("extends a provision that bars gatherings"), whoever issues or extends it."""
    noun = clause.head
    if noun.lemma_.lower() in DOCUMENT_NOUNS and noun.dep_ == "dobj":
        issuer = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if issuer is not None and issuer.lower_ not in RELATIVE_PRONOUNS:
            return issuer
    return noun


def _controlling_object(complement: Token) -> Token | None:
    """Object control: "encouraged Malaysia to expand" - Malaysia expands; but one visits, hosts or meets
    someone to do something oneself ("visited Israel to consult with officials"), and a participle is the
    teller's ("told the Council, pinning the blame on ...")."""
    head = complement.head
    obj = next((c for c in head.children if c.dep_ == "dobj" and c.i < complement.i), None)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in complement.children)
    if obj is not None and infinitive and head.lemma_.lower() not in SUBJECT_CONTROL_VERBS:
        return obj
    return None


def _absolute_subject(participle: Token) -> Token | None:
    """ "... with González conceding defeat": in an absolute "with X doing" parsed with X as the object of
    "with" just before the participle, X does the act, not the main clause's subject."""
    if participle.dep_ != "advcl" or participle.tag_ != "VBG" or participle.i == 0:
        return None
    before = participle.doc[participle.i - 1]
    return before if before.dep_ == "pobj" and before.head.lower_ == "with" else None


def _subject(token: Token) -> Token | None:
    """The subject of a verb, following xcomp/conj/relcl/advcl chains to where it is written."""
    seen = 0
    current = token
    while seen < 6:
        seen += 1
        for child in current.children:  # the subject written on the verb itself (the hot path: inline)
            if child.dep_ in ("nsubj", "csubj"):
                if current.dep_ == "relcl" and child.lower_ in RELATIVE_PRONOUNS:
                    return _antecedent(current)  # "warplanes that were attacking Bagram": the warplanes
                return child
        if current.dep_ == "xcomp":
            obj = _controlling_object(current)
            if obj is not None:
                return obj
            current = current.head
            continue
        if current.dep_ in ("conj", "advcl", "pcomp", "acomp", "attr", "oprd") and current.head != current:
            absolute = _absolute_subject(current)  # "... with González conceding defeat"
            if absolute is not None:
                return absolute
            current = current.head  # "X is willing to [withdraw]": the subject sits on the copula
            continue
        if current.dep_ == "relcl":
            return _antecedent(current)
        if current.dep_ == "acl":
            found, onward = _noun_clause_subject(current)
            if onward is None:
                return found
            current = onward
            continue
        return None
    return None


def _noun_clause_subject(clause: Token) -> tuple[Token | None, Token | None]:
    """Who does a clause hung on a noun ("activists published a declaration demanding ..."): the noun's
    owner ("Anwar's efforts to help": Anwar), else the noun - or, for a document someone issued, the
    issuer, found where the verb that issued it stands (returned as the second item, to read on from)."""
    noun = clause.head
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is not None:
        return owner, None
    named_issuer = any(
        c.dep_ in ("compound", "amod") and c.ent_type_ in ("ORG", "GPE", "NORP") for c in noun.children
    )  # "blocked an EU statement condemning ...": the EU's statement condemns, not the blocker
    if noun.lemma_.lower() in DOCUMENT_NOUNS and noun.dep_ in ("dobj", "pobj") and not named_issuer:
        return None, noun.head if noun.dep_ == "dobj" else noun.head.head
    return noun, None


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if token.pos_ == "NOUN" and any(c.lower_ in ("no", "without") for c in token.children):
        return True
    head = token.head
    if token.dep_ == "xcomp" and head.lemma_ in ("fail",):
        return True
    return token.dep_ == "xcomp" and any(c.dep_ == "neg" for c in head.children) and head.lemma_ in INTENT


WISH_VERBS = WORDS["WISH_VERBS"]

NATURAL_FORCES = WORDS["NATURAL_FORCES"]


def _natural_force(token: Token) -> bool:
    """Rule "natural-force": a hazard or a market force as the doer ("floods hit the coast", "hit by
    cocoa surpluses") is no political actor; PLOVER and CAMEO code what actors do."""
    doers = [_passive_agent(token) or _subject(token)]
    doers += [c for c in token.children if c.dep_ == "nsubj"]  # a misparse may give a verb two subjects
    return any(
        doer is not None and (doer.lemma_.lower() in NATURAL_FORCES or doer.lower_.removesuffix("s") in NATURAL_FORCES)
        for doer in doers
    )


def _past_wish(token: Token) -> bool:
    """Rule "past-wish": an act someone wanted in the past, told by the text itself ("Russia wanted to
    destroy Ukraine"), is neither an act nor the actor's statement of intent; told as what the actor
    said ("Iran said it wanted to return to the deal"), it is a statement and is coded."""
    if token.dep_ != "xcomp":
        return False
    wish = token.head
    return wish.lemma_.lower() in WISH_VERBS and wish.tag_ == "VBD" and wish.dep_ not in ("ccomp", "xcomp")


APPEARANCE_VERBS = WORDS["APPEARANCE_VERBS"]


def _forecast(token: Token) -> bool:
    """Rule "forecast-not-act": an act someone only seems or looks set to do ("looked poised to overrun
    the town", "seem likely to seize the airport") is the writer's impression, neither done nor an
    actor's stated intent (the guide: "opinions of journalists are not events"). What appears to have
    been done ("appears to have struck the base") is a hedged report of an act, and is coded; so is
    what a source says is "likely" to be done today (a report of an imminent act)."""
    if token.dep_ != "xcomp" or any(c.dep_ == "aux" and c.lower_ == "have" for c in token.children):
        return False
    head = token.head
    governor = head.head if head.dep_ in ("acomp", "oprd") else head
    # "troops look poised to attack": the parser may take "look" for the participle's auxiliary
    seeming = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    return any(v.lemma_.lower() in APPEARANCE_VERBS for v in (governor, *seeming))


HYPOTHETICAL_MODIFIERS = WORDS["HYPOTHETICAL_MODIFIERS"]
DISCUSSION_WORDS = WORDS["DISCUSSION_WORDS"]


def _discussed_possibility(token: Token) -> bool:
    """Rule "discussed-possibility": an act named as a possibility that is talked over or weighed
    ("would discuss possible sanctions against Pretoria", "talks on a potential ceasefire") is a topic,
    not an act done, decided or threatened (the issue's "plans under discussion"); the talk is the event."""
    if token.pos_ != "NOUN" or not any(
        c.dep_ in ("amod", "compound") and c.lower_ in HYPOTHETICAL_MODIFIERS for c in token.children
    ):
        return False
    governor = token.head
    if token.dep_ == "pobj" and governor.lower_ in ("on", "about", "over", "of", "regarding", "concerning"):
        governor = governor.head
    elif token.dep_ not in ("dobj", "nsubjpass"):
        return False
    return governor.lemma_.lower() in DISCUSSION_WORDS or governor.lower_ in DISCUSSION_WORDS


def _is_future(token: Token) -> bool:
    current = token
    if token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("dobj", "nsubjpass"):
        current = token.head
    for _ in range(3):
        if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in current.children):
            return True
        if any(c.dep_ == "aux" and c.lower_ == "going" for c in current.children):
            return True
        if current.dep_ == "xcomp" and current.head.lemma_ in INTENT:
            return True
        if current.dep_ == "xcomp" and current.head.lemma_.lower() in INTENT_ADJECTIVES:
            return True  # "is willing to withdraw", "ready to contribute"
        if current.dep_ != "xcomp":
            return False
        current = current.head
    return False


CROWD_NOUNS = WORDS["CROWD_NOUNS"]

NAME_ENTITY_TYPES = {"ORG", "LAW", "EVENT", "WORK_OF_ART", "FAC", "PRODUCT", "NORP", "GPE"}


def _names_or_modifies(token: Token) -> bool:
    """Rule "not-an-act": a noun inside a name ("the General Agreement on Tariffs and Trade",
    "U.S. Trade Representative") or modifying another noun ("trade issues", "cooperation
    agreement" - the head says what it is) is no event of its own; nor is a word of a date ("in
    March", "since the March talks": the month)."""
    if _date_word(token):
        return True
    if token.dep_ == "compound" and token.head.pos_ in ("NOUN", "PROPN"):
        return True
    if token.ent_type_ in NAME_ENTITY_TYPES and token.is_title:
        return in_multiword_entity(token)
    return False


def _date_word(token: Token) -> bool:
    """A word of a date ("in March", "between March 19-22"), never an act nor an act's object."""
    return token.ent_type_ in ("DATE", "TIME") or (
        token.lower_ == "march" and token.is_title and not token.is_sent_start
    )


MEANS_PREPS = WORDS["MEANS_PREPS"]
PLACE_NOUNS = WORDS["PLACE_NOUNS"]


def _modifiers(noun: Token) -> list[Token]:
    """The words that say whose a noun is: "Russian strikes", "rebel shelling", "Iran's attack"."""
    return [m for m in noun.children if m.dep_ in ("amod", "compound", "poss", "nmod")]


def _named_owner(noun: Token) -> bool:
    """Whether a noun's owner is named, known or not ("Russian strikes", "Navalny's march"), as
    opposed to described ("renewed protests", "student protests")."""
    return any(m.dep_ == "poss" or m.pos_ == "PROPN" or m.ent_type_ == "NORP" for m in _modifiers(noun))


def _prep_objects(noun: Token, preps: tuple[str, ...]) -> list[Token]:
    """The objects of a noun's prepositions ``preps``: "strikes by the coalition" -> coalition."""
    return [g for c in noun.children if c.dep_ == "prep" and c.lower_ in preps for g in c.children if g.dep_ == "pobj"]


def _means_nouns(token: Token) -> list[Token]:
    """Nouns a violent verb names its means by: "killed in air strikes", "wounded during shelling"."""
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ in MEANS_PREPS
        for g in c.children
        # "killed in the Armenian district" names where, not how: a place is no means
        if g.dep_ in ("pobj", "pcomp") and (g.pos_ == "NOUN" or g.tag_ == "VBG") and g.lemma_.lower() not in PLACE_NOUNS
    ]


def _passive_agent(token: Token) -> Token | None:
    """The agent of a passive: "arrested by police" -> police."""
    for prep in token.children:
        if prep.dep_ == "agent":
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None


#: Prepositions whose object is whom an act is done to ("called on", "met with", "appealed to"), not what it
#: is about ("called for").
RECIPIENT_PARTICLES = ("with", "to", "on", "upon")


def _counterpart_objects(token: Token, preps: tuple[str, ...] = RECIPIENT_PARTICLES) -> list[Token]:
    """The objects of a word's ``preps`` phrases: "met with governors", "called on lawmakers"."""
    return [
        g
        for c in token.children
        if c.dep_ in ("prep", "dative") and c.lower_ in preps
        for g in c.children
        if g.dep_ == "pobj"
    ]


def _list_preps(token: Token) -> list[Token]:
    """The prepositions hung on any item of a verb's object list ("delivered rounds, rockets and other
    capabilities to Ukrainian forces": the parser puts "to" on the last item, or on an item it took
    for an adverb). Only nominal links are followed, never a clause."""
    found: list[Token] = []
    stack = [c for c in token.children if c.dep_ in ("dobj", "npadvmod")]
    while stack:
        node = stack.pop()
        for child in node.children:
            if child.dep_ == "prep":
                found.append(child)
            elif child.dep_ in ("conj", "appos"):
                stack.append(child)
    return sorted(found, key=lambda t: t.i)


def _direct_object(token: Token) -> Token | None:
    """What a verb is done to: its object, or the subject of a passive ("protesters were shot")."""
    return next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _agentless_passive(token: Token) -> bool:
    return any(c.dep_ == "nsubjpass" for c in token.children) and _passive_agent(token) is None


def _crowd_subject(token: Token) -> bool:
    subject = _subject(token)
    if subject is None:
        return False
    # a capitalised sentence opener ("Prisoners rioted") is often tagged PROPN and keeps its plural
    forms = {subject.lemma_.lower(), subject.lower_, subject.lower_.removesuffix("s")}
    return bool(forms & CROWD_NOUNS)


def _conditional(token: Token) -> bool:
    current = token
    for _ in range(4):
        if any(c.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in c.children) for c in current.children):
            return True
        if current.head == current:
            return False
        current = current.head
    return False


def _hypothetical(token: Token) -> bool:
    current = token
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in HYPOTHETICAL_MARKS for c in current.children):
            return True
        if current.dep_ in ("ROOT",) or current.head == current:
            return False
        current = current.head
    return False


def _is_main(token: Token) -> bool:
    if token.dep_ == "ROOT":
        return True
    return token.dep_ in ("ccomp", "conj") and token.head.dep_ == "ROOT"


def _speaker_context(token: Token) -> bool:
    """True for clauses reported by a speaker in a bilateral article (we consulted, we decided)."""
    subject = _subject(token)
    return subject is not None and subject.lower_ in ("we", "us")


GROUP_WORDS = WORDS["GROUP_WORDS"]


def _group_subject(token: Token) -> bool:
    """A plural subject that names the article's two parties together: "the (two) leaders", "they",
    "both sides"."""
    subject = _subject(token)
    if subject is None or subject.tag_ not in ("NNS", "PRP"):
        return False
    if subject.tag_ == "PRP":
        return subject.lower_ in ("they", "we")
    return subject.lemma_.lower() in GROUP_WORDS and any(c.lower_ in ("the", "both", "two") for c in subject.children)


def _pronoun_subject(token: Token) -> bool:
    subject = _subject(token)
    return subject is not None and subject.tag_ == "PRP"


def _mentions_both_sides(sent: SpacySpan) -> bool:
    return any(t.lemma_.lower() in BOTH_SIDES and any(c.lower_ in ("both", "two") for c in t.children) for t in sent)


def _complements(token: Token) -> list[Token]:
    return [c for c in token.children if c.dep_ in ("xcomp", "ccomp")]


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0
    while token.i != ancestor.i and depth < 20:
        token = token.head
        depth += 1
    return depth


def _verbs_particle(particle: Token) -> bool:
    """Whether a preposition on a verb is the particle of a phrasal verb ("called on Iran to ..."), not a
    phrase of time ("called on Tuesday for calm", "agreed in May to ...")."""
    return particle.dep_ != "prep" or not any(
        c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in particle.children
    )
