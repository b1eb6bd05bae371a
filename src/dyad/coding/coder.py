"""Code events from the dependency parse: triggers, actor, recipient, modality, negation.

For each sentence the coder finds trigger words of the lexicon (verbs, and nouns such as "visit"
or "talks"), picks the most specific pattern, reads the actor (subject, or the agent of a
passive) and recipient (object, or "with X", "against X", "to X") from the parse, and composes
embedded events the way CAMEO does: "urged X to invest" is an appeal for economic cooperation,
"will cooperate" an intent to cooperate, "refused to meet" a rejection. Reported speech codes
the reported event; negated events are not coded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dyad import taxonomy
from dyad.actors import ActorIndex, KnowledgeBase, entities_for, span_entity
from dyad.actors.normalise import fold
from dyad.coding import subcodes
from dyad.coding.lexicon import Lexicon, Pattern
from dyad.coding.places import _local_country, _location, _locative, _place_names
from dyad.coding.syntax import (
    CROWD_NOUNS,
    INTENT,
    NON_OBJECT_PREPS,
    RECIPIENT_PARTICLES,
    REFLEXIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    _agentless_passive,
    _complements,
    _conditional,
    _counterpart_objects,
    _crowd_subject,
    _dangling_object,
    _date_word,
    _depth_below,
    _direct_object,
    _discussed_possibility,
    _forecast,
    _group_subject,
    _hypothetical,
    _is_future,
    _is_main,
    _list_preps,
    _means_nouns,
    _measured,
    _mentions_both_sides,
    _modifiers,
    _named_owner,
    _names_or_modifies,
    _natural_force,
    _negated,
    _object_candidates,
    _passive_agent,
    _past_wish,
    _prep_objects,
    _pronoun_subject,
    _speaker_context,
    _subject,
    _verbs_particle,
)
from dyad.coding.words import load_word_lists
from dyad.model import Entity, Event, Evidence, Location, Span
from dyad.taxonomy import (
    APPEAL_FORM,
    DEMAND_FORM,
    INTENT_FORM,
    RECIPROCAL_CODES,
    REFORM_FORM,
    REJECTION_FORM,
    THREAT_FORM,
    root_of,
)
from dyad.tokens import lemmas_and_forms
from dyad.tokens import sentences as sentence_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

WORDS = load_word_lists()  # read-only language data (data/lexicon/words.tsv)
INTENT_NOUNS = WORDS["INTENT_NOUNS"]
APPEAL_NOUNS = WORDS["APPEAL_NOUNS"]
REFUSAL_NOUNS = WORDS["REFUSAL_NOUNS"]
MARKET_MODIFIERS = WORDS["MARKET_MODIFIERS"]

REPORTING = WORDS["REPORTING"]
VICTIM_SUBJECT_VERBS = WORDS["VICTIM_SUBJECT_VERBS"]
STATE_PARTICIPLES = WORDS["STATE_PARTICIPLES"]
NEGATING_HEADS = WORDS["NEGATING_HEADS"]
RECIPIENT_PREPS = WORDS.tuple("RECIPIENT_PREPS")
PHASE_NOUNS = WORDS["PHASE_NOUNS"]
WRONGDOING_NOUNS = WORDS["WRONGDOING_NOUNS"]
RELATION_NOUNS = WORDS["RELATION_NOUNS"]
MILITARY_STRIKE_WORDS = WORDS["MILITARY_STRIKE_WORDS"]
STANCE_VERBS = WORDS["STANCE_VERBS"]
INTRANSITIVE_SENSES = WORDS["INTRANSITIVE_SENSES"]
CIRCUMSTANCE_PREPS = WORDS["CIRCUMSTANCE_PREPS"]
RECIPROCAL_ROOTS = {"04", "03", "05", "06"}
#: Talk, agreement and cooperation (CAMEO 03-06, the reciprocal families) are with a counterpart and
#: about a topic.
TOPIC_ROOTS = RECIPROCAL_ROOTS
TOPIC_PREPS = WORDS["TOPIC_PREPS"]
VERBAL_ROOTS = {"02", "03", "05", "09", "10", "11", "12", "13"}
PLACE_AS_RECIPIENT_ROOTS = {"03", "07", "08", "13", "14", "15", "16", "17", "18", "19", "20"}
HELP_VERBS = WORDS["HELP_VERBS"]
TOPIC_VERBS = WORDS["TOPIC_VERBS"]
REPEL_VERBS = WORDS["REPEL_VERBS"]
ENDURE_VERBS = WORDS["ENDURE_VERBS"]
EFFORT_VERBS = WORDS["EFFORT_VERBS"]
CHAMBER_NOUNS = WORDS["CHAMBER_NOUNS"]
MET_TERMS = WORDS["MET_TERMS"]
CONDITION_MARKERS = {"if", "unless", "provided", "once"}
#: What a legislature does to a bill or motion: approve it (03, 05), give way (08), reject it (12).
VOTE_ROOTS = {"03", "05", "08", "12"}
ATTACK_NOUNS = WORDS["ATTACK_NOUNS"]
#: PLOVER types whose definition names the counterpart: one consults *with*, appeals *to*, threatens
#: and sanctions *someone* (CAMEO 04, 02/10, 13, 16). Found with one side unresolved, such an event is
#: not the event a reader would record (rule "dyadic"); other types keep a lone side (PLOVER records
#: an unspecified recipient), where the sentence gold shows coders accept it.
COUNTERPART_EVENTS = {"CONSULT", "REQUEST", "THREATEN", "SANCTION"}

MILITARY_WORDS = WORDS["MILITARY_WORDS"]
ECONOMIC_WORDS = WORDS["ECONOMIC_WORDS"]
HUMANITARIAN_WORDS = WORDS["HUMANITARIAN_WORDS"]


@dataclass
class _Trigger:
    token: Token
    pattern: Pattern
    objects_used: set[int]

    @property
    def held(self) -> list[Token]:
        """The words the pattern's object consumed ("talks" of "held talks"), in text order."""
        return [self.token.doc[i] for i in sorted(self.objects_used)]


#: The side rules, in the order they apply: each is a method ``_rule_<name>`` of the coder, documented in
#: ``rules.py`` (and docs/rules.md); an event's ``evidence.steps`` lists those that fired for it.
SIDE_RULES = (
    "topic-not-recipient",
    "each-other",
    "joint-subject",
    "the-two-leaders",
    "content-recipient",
    "both-sides",
    "speaker-counterpart",
    "nominal-agent",
    "continued-speaker",
    "local-agent",
    "joint-role-subject",
    "announced-act",
    "state-of-the-place",
    "local-protest",
    "crowd-of-the-place",
    "role-of-the-place",
    "investigated-in-the-place",
    "unclaimed-violence",
    "home-role",
    "place-as-target",
    "force-abroad",
    "civilian-blockade",
    "protest-purpose",
    "readout-counterpart",
    "implied-target",
    "domestic-measure",
    "domestic-counterpart",
    "repelled-attack",
    "shared-argument",
    "condition-counterpart",
)
PLACE_READ_AFTER = "speaker-counterpart"  # the rules after it read the event's place


@dataclass
class _Draft:
    """One trigger's event while the side rules read it: its code, its sides and the rules that fired."""

    trigger: _Trigger
    sent: SpacySpan
    actors: ActorIndex
    dyad_pair: list[Entity]
    triggers: dict[int, _Trigger]
    both_sides: bool
    inner: _Trigger | None
    code: str
    future: bool  # told as intended or possible ("will", "plans to"), not as done
    actor: list[Entity] = field(default_factory=list)
    recipient: list[Entity] = field(default_factory=list)
    steps: list[str] = field(default_factory=list)
    location: Location | None = None
    local: str | None = None  # the country of the event's place, or of the last place named
    home: str | None = None  # the article's only country, the one its dateline is in (rule "dateline-place")
    role: str | None = None  # the sector of a subject named by its role alone

    @property
    def token(self) -> Token:
        return self.trigger.token

    @property
    def root(self) -> str:
        return root_of(self.code)


#: Roots of stances and cooperation a lead may report towards no one in particular (rule "lead-stance").
LEAD_STANCE_ROOTS = {"02", "03", "05", "06", "07", "08"}


def _lead_stance(event: Event) -> bool:
    """Rule "lead-stance": a named actor's support, promise, appeal or concession in an article's first
    sentence - its main news - is kept with no recipient when it is towards no one in particular ("A senior
    Ivory Coast official confirmed his country's backing for a new cocoa pact"); complete-first does not
    drop it. Acts of force there always have a side to find, and are not kept one-sided."""
    return (
        event.evidence.sentence == 0
        and bool(event.actor)
        and event.actor[0].kind not in ("place", "implied")
        and root_of(event.cameo) in LEAD_STANCE_ROOTS
    )


#: Harm a monitor may allege (rule "third-party-allegation"): obstruction and repression. Violence a
#: monitor reports ("... killing 156 people, the UN refugee agency reported") is relayed as news of the attack.
ALLEGATION_ROOTS = {"12", "17"}
MONITOR_CODES = {"IGO", "NGO", "UNO"}


def _wrongdoers(noun: Token) -> list[Token]:
    """Who a crime is named as committed by: "the regime's crimes", "injustices by X", "crimes committed by X"."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for g in c.children]
    owners += [g for c in noun.children if c.dep_ == "acl" for a in c.children if a.dep_ == "agent" for g in a.children]
    if noun.dep_ == "dobj":  # "suffering injustices by the regime": the parser hangs "by" on the verb
        owners += [
            g for c in noun.head.children if c.dep_ in ("prep", "agent") and c.lower_ == "by" for g in c.children
        ]
    return [o for o in owners if o.dep_ in ("poss", "pobj")]


def _reporting_head(token: Token) -> Token | None:
    """The reporting verb whose "that" clause tells of this act ("says that X is blocking aid")."""
    current = token
    for _ in range(4):
        if current.dep_ == "ccomp" and current.head.lemma_.lower() in REPORTING and current.head.pos_ == "VERB":
            return current.head
        if current.dep_ not in ("conj", "xcomp", "aux") or current.head is current:
            return None
        current = current.head
    return None


def _suppressed(d: _Draft) -> str | None:
    """The rule that keeps a read event out, if any."""
    if not d.actor and not d.recipient:
        return "no-sides"  # an event is one actor's act towards another (the PLOVER/CAMEO dyad)
    if (not d.actor or not d.recipient) and taxonomy.plover(d.code).event in COUNTERPART_EVENTS:
        return "dyadic"  # a meeting, an appeal, a threat or a sanction has both sides
    if _bare_mined(d.trigger.pattern) and d.root not in VIOLENT_ROOTS and not _named_dyad(d.actor, d.recipient):
        # bare verbs mined from PETRARCH-2's dictionaries ("provide", "prepare", "contain") often have an
        # economic or everyday sense; they code only an act between two sides the text names, never one
        # completed by inference ("grant [amnesty]", with its object, says what it is; so does force)
        return "mined-needs-dyad"
    if _hypothetical(d.token):
        return "not-done"  # an act under "if", "unless" or "whether" has not happened
    if _relation_under_stance(d.trigger):
        return "relation-topic"
    if _military_strike(d):
        return "strike-sense"
    return None


def _passive_participle_clause(token: Token) -> bool:
    """A past participle heading an adverbial clause with no subject of its own ("Asked about the
    talks, the minister said ..."): the main clause's subject is what the participle was done to."""
    return (
        token.tag_ == "VBN"
        and token.dep_ == "advcl"
        and not any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass", "mark") for c in token.children)
        and token.i < token.head.i
    )


def _military_strike(d: _Draft) -> bool:
    """Rule "strike-sense": "strikes" in a sentence about missiles, drones or warplanes ("missile strikes
    on Ukraine, with strikes reported in Dnipro") are those strikes, not a labour strike (CAMEO 143)."""
    if d.root != "14" or d.token.lemma_.lower() != "strike":
        return False
    return any(t.lower_ in MILITARY_STRIKE_WORDS for t in d.sent)


def _relation_under_stance(trigger: _Trigger) -> bool:
    """Rule "relation-topic": a relation named as what leaders underscore, welcome or reaffirm ("underscored
    the longstanding partnership", "welcomed efforts to expand cooperation") is the topic of their stance -
    coded as that stance, if at all - and no cooperation done (CAMEO 06 codes acts of cooperating)."""
    token = trigger.token
    words = [token] if trigger.pattern.noun else trigger.held
    if not any(w.lemma_.lower() in RELATION_NOUNS for w in words):
        return False
    current = token
    for _ in range(5):
        if current.dep_ == "ROOT" or current.head is current:
            return False
        current = current.head
        if current.pos_ in ("VERB", "AUX") and current.lemma_.lower() in STANCE_VERBS:
            return True
    return False


def _circumstance(noun: Token) -> bool:
    """Whether a noun names the circumstance of a clause, not something its subject does: "closed
    the embassy due to protests", "amid protests", "because of protests", "despite protests"."""
    if noun.dep_ != "pobj":
        return False
    prep = noun.head
    return prep.lower_ in CIRCUMSTANCE_PREPS or (prep.lower_, prep.head.lower_) in (("to", "due"), ("of", "because"))


def _implied(name: str, code: str, sector: str | None) -> Entity:
    """A side no words name, implied by a rule ("authorities of BLR")."""
    return Entity(raw_text="", entity_name=name, code=code, sector_code=sector, kind="implied")


def _at_place(location: Location, name: str, sector: str | None) -> Entity:
    """A side known by the place where the event is."""
    return Entity(
        raw_text=location.name,
        entity_name=name,
        code=location.country_code,
        sector_code=sector,
        start=location.start,
        end=location.end,
        kind="place",
    )


def _unknown_counterpart(trigger: _Trigger, inner: _Trigger | None) -> bool:
    """Whether the act (or the act it is about) names a person or body as its object, so that a place
    must not stand in for it: "pledged to meet [opposition leader Bobi Wine] in Kampala"."""
    heads = [trigger.token, *trigger.held]
    heads += [inner.token] if inner is not None else []
    objects = [o for h in heads for o in _object_candidates(h)]
    return any(o.ent_type_ in ("PERSON", "ORG") for o in objects)


def _envoy_patient(token: Token) -> bool:
    """Whether the act is done to another state's envoy ("expelled the ambassador")."""
    patient = _direct_object(token)
    return patient is not None and patient.lemma_.lower() in FOREIGN_ENVOY_NOUNS


class EventCoder:
    """Codes the events of parsed documents; holds the lexicon and knowledge base (loaded once)."""

    def __init__(self, lexicon: Lexicon, kb: KnowledgeBase) -> None:
        self.lexicon = lexicon
        self.kb = kb
        # the side rules as bound methods, looked up once rather than for every trigger
        self._side_rules: list[tuple[str, Callable[[_Draft], bool]]] = [
            (name, getattr(self, "_rule_" + name.replace("-", "_"))) for name in SIDE_RULES
        ]

    def code(self, doc: Doc, actors: ActorIndex) -> list[Event]:
        dyad_pair = _document_dyad(doc, actors)
        places = _place_names(doc, actors)
        if actors.filed_in and all(
            m.entity is None or m.entity.code in (actors.filed_in, None, "IGO", "NGO") for m in actors.mentions
        ):
            # rule "dateline-place": where an article names no other country than the one it was filed
            # in, that is where its events happen ("SEOUL, May 4 - Riot police fired tear gas ..."); a
            # dateline abroad ("CAIRO - Sudanese troops shelled ...") places nothing
            places.insert(0, (-1, actors.filed_in))
        events: list[Event] = []
        for sent_index, sent in enumerate(sentence_spans(doc)):
            found = self._code_sentence(sent, sent_index, actors, dyad_pair, places)
            events.extend(found)
            # "X spoke with Y. The leaders discussed ...": the parties of the meeting last reported
            # are who "the leaders", "they" and "both sides" are from here on
            # (a meeting at home too: "Alabdah met with representatives of the forum. Both sides discussed ...")
            met = next((e for e in found if root_of(e.cameo) == "04" and e.actor and e.recipient), None)
            if met is not None and met.actor[0].raw_text != met.recipient[0].raw_text:
                home = met.actor[0].code == met.recipient[0].code  # at home each side keeps its own sector
                dyad_pair = [_as_party(met.actor[0], home), _as_party(met.recipient[0], home)]
        if any(e.actor and e.recipient for e in events):
            # rule "complete-first": an article that yields events with both sides states its news
            # that way; its one-sided mentions are restatements or background whose missing side
            # could not be resolved, and are not recorded (a text with no complete event keeps them)
            events = [e for e in events if (e.actor and e.recipient) or _lead_stance(e)]
        for n, event in enumerate(events):
            event.id = f"e{n}"
        return events

    # --- triggers -------------------------------------------------------------------------------

    def _match(self, token: Token) -> _Trigger | None:
        if token.pos_ in ("VERB", "AUX") or (token.pos_ == "NOUN" and token.tag_.startswith("VB")):
            lemma = token.lemma_.lower()
            if lemma not in self.lexicon.verbs and lemma.startswith("re") and lemma[2:] in self.lexicon.verbs:
                lemma = lemma[2:]  # "reimposed", "reopened": the same act again
            candidates = self.lexicon.verbs.get(lemma, [])
            is_noun = False
        elif _verb_tagged_noun(token) and token.lower_ in self.lexicon.verbs:
            # a headline's present tense ("Trump and Kim meet in Singapore") the tagger read as a noun:
            # a noun with a subject of its own is a verb
            candidates = self.lexicon.verbs[token.lower_]
            is_noun = False
        elif token.pos_ in ("NOUN", "PROPN"):
            candidates = self.lexicon.nouns.get(token.lemma_.lower(), [])
            if not candidates or _names_or_modifies(token) or _market_demand(token):
                return None
            is_noun = True
        else:
            return None
        best: _Trigger | None = None
        if token.lemma_.lower() in REPORTING:
            candidates = [p for p in candidates if p.priority > 0]  # "said" is speech, not an event
        read = _Read(token)  # the token's children, lemma and object candidates, read once for all its patterns
        for pattern in candidates:
            used = _fits(read, pattern, is_noun)
            if used is None:
                continue
            if best is None or pattern.rank > best.pattern.rank:
                best = _Trigger(token, pattern, used)
        return best

    def _code_sentence(
        self,
        sent: SpacySpan,
        sent_index: int,
        actors: ActorIndex,
        dyad_pair: list[Entity],
        places: list[tuple[int, str]],
    ) -> list[Event]:
        triggers: dict[int, _Trigger] = {}
        lemmas, forms = lemmas_and_forms(sent.doc)
        verbs, nouns = self.lexicon.verbs, self.lexicon.nouns
        for i in range(sent.start, sent.end):
            lemma = lemmas[i]
            # most words can be no trigger: only those are read as tokens (building one is the cost)
            if not (
                lemma in verbs
                or lemma in nouns
                or lemma in REPORTING
                or forms[i] in verbs
                or (lemma.startswith("re") and lemma[2:] in verbs)
            ):
                continue
            token = sent.doc[i]
            trigger = self._match(token)
            if trigger is None:
                trigger = _obligation(token) or _quoted_criticism(token)
            if trigger is not None and _judged_wrong(token):
                trigger = _Trigger(token, _JUDGED, set())  # rule "judged-act": the judgement is the event
            if trigger is not None:
                triggers[token.i] = trigger
        # a noun that is the object of a light-verb trigger ("held talks") belongs to that trigger
        for trigger in list(triggers.values()):
            for i in trigger.objects_used:
                if i in triggers and i != trigger.token.i:
                    del triggers[i]
        # "killed in Russian air strikes": the strikes are how the killing was done, one event
        for trigger in list(triggers.values()):
            if root_of(trigger.pattern.code) in VIOLENT_ROOTS and not trigger.pattern.noun:
                for means in _means_nouns(trigger.token):
                    if means.i in triggers and root_of(triggers[means.i].pattern.code) in VIOLENT_ROOTS:
                        del triggers[means.i]  # _means_owner reads the actor from it
        for i in [i for i, trigger in triggers.items() if _alleged(trigger, triggers)]:
            del triggers[i]  # rule "alleged-act": the accusation codes it
        candidates: list[Event] = []
        both_sides = bool(triggers) and len(dyad_pair) == 2 and _mentions_both_sides(sent)
        for trigger in triggers.values():
            event = self._event(trigger, sent, sent_index, actors, dyad_pair, triggers, places, both_sides)
            if event is not None:
                candidates.append(event)
                allegation = self._allegation(trigger, event, sent, sent_index, actors, dyad_pair, triggers)
                if allegation is not None:
                    candidates.append(allegation)
        events: list[Event] = []
        for event in _prune(candidates):
            if event.event:  # statements (CAMEO 01) have no PLOVER type and are not events
                events.extend(_reciprocate(event))
        return events

    def _allegation(
        self,
        trigger: _Trigger,
        event: Event,
        sent: SpacySpan,
        sent_index: int,
        actors: ActorIndex,
        dyad_pair: list[Entity],
        triggers: dict[int, _Trigger],
    ) -> Event | None:
        """Rule "third-party-allegation": an international body or a civil-society group that says a party
        is doing harm ("The United Nations says that the Ethiopian government is blocking aid") accuses it
        (CAMEO 112 "accuse, allege"; the GUIDE's "criticism -> ACCUSE"), besides the act it reports. A state
        telling of another's act ("Iraq said Iran attacked") reports the act, which is coded, not a separate
        accusation."""
        if (
            root_of(event.cameo) not in ALLEGATION_ROOTS
            or not event.actor
            or event.actor[0].kind in ("place", "implied")
        ):
            return None
        verb = _reporting_head(trigger.token)
        subject = _subject(verb) if verb is not None else None
        if verb is None or subject is None:
            return None
        # only international bodies and civil society, whose reports of a state's abuses are how they
        # accuse it; a state telling of another's act is reporting the act, which is coded
        speaker = [
            e for e in entities_for(subject, actors, self.kb) if e.code in MONITOR_CODES or e.sector_code == "NGO"
        ]
        involved = {e.code for e in event.actor + event.recipient}
        if not speaker or any(e.code in involved for e in speaker):
            return None
        pattern = Pattern("112", verb.lemma_.lower(), False, source="allegation")
        draft = _Draft(_Trigger(verb, pattern, set()), sent, actors, dyad_pair, triggers, False, None, "112", False)
        draft.actor, draft.recipient = speaker, list(event.actor)
        draft.steps.append("third-party-allegation")
        return self._build(draft, sent_index)

    # --- one event ------------------------------------------------------------------------------

    def _event(
        self,
        trigger: _Trigger,
        sent: SpacySpan,
        sent_index: int,
        actors: ActorIndex,
        dyad_pair: list[Entity],
        triggers: dict[int, _Trigger],
        places: list[tuple[int, str]],
        both_sides: bool = False,
    ) -> Event | None:
        """One trigger's event: its code, then its sides by the side rules in order, then the checks that
        keep what is not an event out."""
        coded = self._event_code(trigger, triggers, sent)
        if coded is None:
            return None
        code, inner, future = coded
        draft = _Draft(trigger, sent, actors, dyad_pair, triggers, both_sides, inner, code, future)
        draft.actor, draft.recipient = self._arguments(trigger, actors)
        for name, rule in self._side_rules:
            if rule(draft):
                draft.steps.append(name)
            if name == PLACE_READ_AFTER:  # where it happens is read once the sentence has named the sides
                self._place(draft, places)
        if _suppressed(draft) is not None:
            return None
        return self._build(draft, sent_index)

    def _event_code(
        self, trigger: _Trigger, triggers: dict[int, _Trigger], sent: SpacySpan
    ) -> tuple[str, _Trigger | None, bool] | None:
        """The CAMEO code a trigger means here, or None when it codes no event of its own (negated
        conflict, content of another trigger, a natural force, a past wish)."""
        token = trigger.token
        code = trigger.pattern.code
        if code == "112" and token.lemma_.lower() in WRONGDOING_NOUNS and trigger.pattern.noun:
            # rule "named-wrongdoing": naming crimes accuses whoever committed them, even inside an appeal
            # ("called on the world to condemn the crimes committed by the regime"); crimes no one is named
            # as committing ("crime rose"), or that an accusation verb already names, are no accusation
            accusing = triggers.get(token.head.i)
            if accusing is not None and (
                root_of(accusing.pattern.code) != "11" or _embedding_trigger(accusing.token, triggers)
            ):
                accusing = None  # an accusation verb that is itself only asked for ("called on X to condemn")
            if not _wrongdoers(token) or accusing is not None:
                return None
            return code, None, False
        if _negated(token):
            # "will not lift the ban", "did not agree": withheld cooperation is a rejection; a conflict
            # act that did not happen is no event
            if root_of(code) not in ("03", "04", "05", "06", "07", "08"):
                return None
            code = REJECTION_FORM.get(root_of(code), "120")
        embedded_in = _embedding_trigger(token, triggers)
        if embedded_in is not None and _composes(embedded_in.pattern.code):
            return None  # the outer trigger codes this one (e.g. "urged X to invest")
        inner = _embedded_trigger(token, triggers)
        if inner is not None:
            code = _compose(code, inner.pattern.code, sent)
        if _natural_force(token):
            return None  # rule "natural-force": "floods hit Sabah", "the storm destroyed ..." - no actor acted
        if _forecast(token):
            return None  # rule "forecast-not-act": "looked poised to overrun the town" is an opinion
        if _past_wish(token):
            return None  # rule "past-wish": "Russia wanted to destroy Ukraine" is an aim, not an act or a statement
        if _discussed_possibility(token):
            return None  # "would discuss possible sanctions": a topic of the talks, not an act
        frame = _unrealised_frame(token)
        if frame == NO_FRAME or frame in APPEAL_NOUNS:
            return None  # rule "unrealised-content": what a call or demand asks for has not been done
        if frame in REFUSAL_NOUNS:
            if root_of(code) not in ("03", "04", "05", "06", "07", "08"):
                return None
            code = REJECTION_FORM.get(root_of(code), "120")  # "the refusal to release": withheld, rejected
        if frame in INTENT_NOUNS and inner is None:
            code = _intent_code(code, sent)  # "Uganda's offer to withdraw": an intent, not a withdrawal
        future = _is_future(token)
        if future and inner is None and root_of(code) != "12":
            code = _intent_code(code, sent)
            if _conditional(token) and root_of(code) in ("03", "08"):
                code = "130"  # "will withdraw its force unless ...": a conditional promise is a threat
        if code == "140" and not trigger.pattern.noun and any(c.dep_ == "ccomp" for c in token.children):
            code = "114"  # "protested that the police had ...": an official complaint, not a demonstration
        code = subcodes.refine(
            code,
            inner.token if inner is not None else token,
            composed=inner is not None and code != trigger.pattern.code,
        )
        return code, inner, future

    def _place(self, d: _Draft, places: list[tuple[int, str]]) -> None:
        """Where the event happens, the country of that place (or of the last one named), and the role
        its subject is named by when no actor is known yet."""
        d.location = _location(d.token, d.actors, d.code, d.trigger.objects_used)
        location = d.location
        if location is not None and location.name == location.country_code and location.country_code:
            location.name = self.kb.country_names.get(location.country_code, location.country_code).title()
        d.role = _role_subject(d.token, self.kb) if not d.actor else None  # a subject named by its role alone
        d.local = _local_country(location, d.sent, places)
        d.home = places[0][1] if places and places[0][0] == -1 else None

    def _build(self, d: _Draft, sent_index: int) -> Event:
        plover = taxonomy.plover(d.code)
        entry = taxonomy.cameo(d.code)
        confidence = _confidence(
            d.trigger,
            [a for a in d.actor if a.kind != "place"],
            [r for r in d.recipient if r.kind != "implied"],
            d.token,
        )
        trigger_span = _trigger_span(d.trigger)
        return Event(
            event=plover.event or "",  # "" marks a statement: it competes as main event, then is dropped
            cameo=d.code,
            mode=plover.mode,
            context=list(plover.contexts) or _contexts(d.sent),
            quad_code=entry.quad_class,  # CAMEO-based: 0 statements and appeals, 1-4 quad classes
            goldstein=entry.goldstein,
            actor=d.actor,
            recipient=d.recipient,
            event_text=trigger_span.text,
            evidence=Evidence(
                sentence=sent_index,
                start=d.sent.start_char,
                end=d.sent.end_char,
                text=d.sent.text,
                rule=d.trigger.pattern.rule_id,
                trigger=trigger_span,
                steps=sorted(set(d.steps)),
            ),
            confidence=confidence,
            event_loc=d.location,
            future=d.future,
        )

    # --- the side rules, in the order SIDE_RULES lists them; each says whether it fired ----------------

    def _rule_topic_not_recipient(self, d: _Draft) -> bool:
        """What is discussed is the topic ("discussed developments in Gaza"); the other party of a
        discussion is who it is held with."""
        if d.trigger.pattern.noun or d.token.lemma_.lower() not in TOPIC_VERBS:
            return False
        d.recipient = self._discussion_partners(d.token, d.actors, d.actor)
        return True

    def _rule_each_other(self, d: _Draft) -> bool:
        """ "Armenia and Azerbaijan accused each other of shelling": each side did it to the other."""
        if d.recipient or len({a.code for a in d.actor}) < 2 or not _each_other(d.token):
            return False
        first = d.actor[0].code
        d.recipient = [a for a in d.actor if a.code != first]
        d.actor = [a for a in d.actor if a.code == first]
        return True

    def _rule_joint_subject(self, d: _Draft) -> bool:
        """ "Canada and China agreed ...", "X and Y discussed ...": one side each."""
        if d.root not in RECIPROCAL_ROOTS or d.recipient or len({a.code for a in d.actor}) <= 1:
            return False
        first = d.actor[0].code
        d.recipient = [a for a in d.actor if a.code != first]
        d.actor = [a for a in d.actor if a.code == first]
        return True

    def _rule_the_two_leaders(self, d: _Draft) -> bool:
        """ "The leaders", "they", "both sides" after the article named its two parties are those two:
        in a mutual act, one side each; in any other ("the leaders condemned the launch"), both act."""
        if len(d.dyad_pair) != 2 or not _group_subject(d.token):
            return False
        pair = {e.code for e in d.dyad_pair}
        # "They committed to ... Albania's remediation" after a call between the two: a "they" read as
        # a third party (Iran, whose attack the call was about) is the two who spoke
        they_elsewhere = bool(d.actor) and not pair & {a.code for a in d.actor} and _pronoun_subject(d.token)
        third_party = bool(d.recipient) and not pair & {r.code for r in d.recipient}
        if d.root not in RECIPROCAL_ROOTS or third_party:  # "the leaders underscored their support for Ukraine"
            subject = _subject(d.token)
            if d.actor and not they_elsewhere or subject is None or subject.lower_ == "we":
                return False  # "we" is the speaker's side, not both
            if subject.head not in (d.token, d.token.head):
                return False  # only what they do themselves, not what a clause under their verb tells
            d.actor = [e for e in d.dyad_pair if e.code not in {r.code for r in d.recipient}]
            return bool(d.actor)
        if len({a.code for a in d.actor + d.recipient}) >= 2 and not they_elsewhere:
            return False
        d.actor, d.recipient = [d.dyad_pair[0]], [d.dyad_pair[1]]
        return True

    def _rule_content_recipient(self, d: _Draft) -> bool:
        """ "Urged Kenya to invest in Uganda": an appeal or promise with no recipient of its own is made to
        the recipient of the act it is about."""
        if d.inner is None or d.recipient:
            return False
        inner_actor, recipient = self._arguments(d.inner, d.actors)
        # "called for the withdrawal of Syrian forces": asked of whoever is to do the act named by a
        # noun, when that is someone else; else of whom the act is aimed at ("called for protests
        # against Maduro"), at home too
        asked = _other_than(inner_actor, d.actor) if d.inner.pattern.noun else []
        d.recipient = [e for e in asked if e.code] or [
            e
            for e in _other_than(recipient, d.actor)
            if e.code not in {a.code for a in d.actor} or d.inner.pattern.noun
        ]
        return bool(d.recipient)

    def _rule_both_sides(self, d: _Draft) -> bool:
        """ "Both sides agreed", "issues were discussed", "the talks": a mutual act with a side missing is
        between the article's two parties."""
        if len(d.dyad_pair) != 2 or d.root not in RECIPROCAL_ROOTS or not _both_sides(d.trigger, d.both_sides):
            return False
        fired = False
        if not d.actor:
            d.actor, fired = [d.dyad_pair[0]], True
        if not d.recipient:
            d.recipient = [e for e in d.dyad_pair if e.code not in {a.code for a in d.actor}][:1]
            fired = fired or bool(d.recipient)
        return fired

    def _rule_speaker_counterpart(self, d: _Draft) -> bool:
        """A mutual act reported by one party ("we agreed to ...") with no other side is with the
        article's other party."""
        if not (
            d.actor
            and not d.recipient
            and d.root in RECIPROCAL_ROOTS
            and len(d.dyad_pair) == 2
            and d.trigger.pattern.noun is False
            and _speaker_context(d.token)
        ):
            return False
        d.recipient = [e for e in d.dyad_pair if e.code not in {a.code for a in d.actor}][:1]
        return bool(d.recipient)

    def _rule_nominal_agent(self, d: _Draft) -> bool:
        """A killing's perpetrator named only by its means ("killed in Russian air strikes")."""
        if d.actor or d.root not in VIOLENT_ROOTS:
            return False
        d.actor = self._means_owner(d.token, d.actors, d.local)
        d.recipient = [r for r in d.recipient if r.code not in {a.code for a in d.actor}]  # not both sides
        return bool(d.actor)

    def _rule_continued_speaker(self, d: _Draft) -> bool:
        """ "A senior ministry official said ... 'It is not reasonable for the U.S. to demand ...,' he said":
        a "he" or "she" who speaks and whom no person named before resolves is the last speaker the text
        named by role (the issue's "the speaker of a reporting clause" for an elided subject)."""
        judged = d.trigger.pattern is _JUDGED
        if d.actor or not (judged or d.token.lemma_.lower() in REPORTING):
            return False
        pronoun = _subject(d.sent.root if judged else d.token)
        if pronoun is None or pronoun.lower_ not in ("he", "she"):
            return False
        doc = d.sent.doc
        # a speaker named by role in a story filed from a country the story names is of it (as an office
        # is, rule "filing-country-office"), else of the place
        country = d.actors.home_filed or d.local
        for t in reversed(doc[: d.sent.start]):
            if t.dep_ == "nsubj" and t.pos_ == "NOUN" and t.head.lemma_.lower() in REPORTING:
                d.actor = entities_for(t, d.actors, self.kb)
                if not d.actor and country:
                    d.actor = _local_agent(t, country, self.kb)
                return bool(d.actor)
        return False

    def _rule_local_agent(self, d: _Draft) -> bool:
        """A side named only by a role or as a crowd acts for, or belongs to, the state of the place."""
        if not d.local:
            return False
        fired = False
        victim_subject = d.token.lemma_.lower() in VICTIM_SUBJECT_VERBS  # "three children died": no agent
        if not d.actor and not victim_subject:
            d.actor = _local_agent(_role_modifier(d.token, self.kb), d.local, self.kb)
            d.actor = d.actor or _local_agent(_subject(d.token) or _passive_agent(d.token), d.local, self.kb)
            fired = bool(d.actor)
        if not d.recipient and victim_subject:
            d.recipient = _local_agent(_subject(d.token), d.local, self.kb)
            fired = fired or bool(d.recipient)
        if not d.recipient:
            d.recipient = self._local_recipient(d)
            fired = fired or bool(d.recipient)
        return fired

    def _local_recipient(self, d: _Draft) -> list[Entity]:
        """For "local-agent": what the act is done to, whom it is addressed to by its pattern's particle or
        its object's "to" ("called on the government", "issued an ultimatum to the rebels"), whom a talk
        is held "with", or who is told what they should do ("said the government should ...")."""
        assert d.local is not None
        if d.trigger.pattern.source == "obligation":
            return _local_agent(_obliged(d.token), d.local, self.kb)
        patient = _patient(d.trigger)
        # a crowd the pattern names as its object is still whom it is done to ("evacuated civilians")
        if patient is not None and (patient.i not in d.trigger.objects_used or patient.lemma_.lower() in CROWD_NOUNS):
            found = _local_agent(patient, d.local, self.kb)
            if found or d.root not in RECIPROCAL_ROOTS:
                return found
        # "met with foreign ministers" are not of the place (the checks of "domestic-counterpart")
        particles = _addressing_particles(d.trigger.pattern)
        if d.root in RECIPROCAL_ROOTS:
            particles += ("with",)  # "would discuss the issue with finance minister Lacina"
        heads = [
            *_counterpart_objects(d.token, particles),
            *(g for noun in d.trigger.held for g in _counterpart_objects(noun)),
        ]
        return next((found for h in heads if (found := _home_group(h, d.local, self.kb))), [])

    def _rule_joint_role_subject(self, d: _Draft) -> bool:
        """ "The government and communist rebels agree to resume talks": the second subject, named by role
        alone, is a side of the first one's country."""
        if not d.actor or d.recipient or d.root not in RECIPROCAL_ROOTS or not d.actor[0].code:
            return False
        subject = _subject(d.token)
        if subject is None:
            return False
        for other in subject.conjuncts:
            d.recipient = _local_agent(other, d.actor[0].code, self.kb)
            if d.recipient:
                return True
        # the parser's "(government and communist) rebels": the modifiers' "and" joins two sides, the
        # first named by the modifier ("government"), the second by the head noun with what follows "and"
        joined = next(
            (m for m in subject.lefts if m.dep_ in ("nmod", "compound") and any(c.dep_ == "cc" for c in m.children)),
            None,
        )
        second = next((c for c in joined.children if c.dep_ == "conj"), None) if joined is not None else None
        if joined is None or second is None:
            return False
        code = d.actor[0].code
        first, rest = _local_agent(joined, code, self.kb), _local_agent(subject, code, self.kb)
        if not first or not rest or first[0].sector_code == rest[0].sector_code:
            return False
        doc = subject.doc
        d.actor = [span_entity(doc[subject.left_edge.i : joined.i + 1], code, first[0].sector_code, "implied")]
        d.recipient = [span_entity(doc[second.i : subject.i + 1], code, rest[0].sector_code, "implied")]
        return True

    def _rule_announced_act(self, d: _Draft) -> bool:
        """ "The government announces that 600 troops will be deployed": a state announcing its own
        non-violent act, told in the passive with no agent, is its agent."""
        announcer = _announcer(d.token) if not d.actor and d.root not in VIOLENT_ROOTS else None
        if announcer is None:
            return False
        found = [e for e in entities_for(announcer, d.actors, self.kb) if e.sector_code in STATE_SECTORS]
        d.actor = found[:1]
        return bool(d.actor)

    def _rule_state_of_the_place(self, d: _Draft) -> bool:
        """ "The ambassador is arrested in Minsk", "the arrest of the opposition leader in Minsk": arrests,
        trials and sentences with no named agent are the local state's acts."""
        if d.actor or not d.local or d.root not in ("11", "16", "17"):
            return False
        token = d.token
        agentless_noun = (
            d.trigger.pattern.noun
            and token.dep_ != "compound"  # "an arrest warrant" is the warrant's
            and not _named_owner(token)
            and not _prep_objects(token, ("by",))
        )
        if not (_agentless_passive(token) or agentless_noun):
            return False
        d.actor = [_implied(f"authorities of {d.local}", d.local, "GOV")]
        return True

    def _rule_local_protest(self, d: _Draft) -> bool:
        """ "Protests erupted", "rioting spread": with no one named, protesters are people of the place. Only
        as the clause's subject: "arrested during protests" names a time, and "strikes" may be air strikes."""
        token = d.token
        if (
            d.actor
            or not d.local
            or d.root != "14"
            or not d.trigger.pattern.noun
            or token.lemma_.lower() not in PROTEST_NOUNS
            or (token.dep_ not in ("nsubj", "ROOT") and not _circumstance(token))
            or _named_owner(token)
        ):
            return False
        d.actor = [_implied(f"protesters in {d.local}", d.local, "CVL")]
        return True

    def _rule_crowd_of_the_place(self, d: _Draft) -> bool:
        """ "Hundreds of thousands of people blocked streets in Hong Kong": the crowd is local."""
        if d.actor or d.location is None or d.root not in ("14", "17", "18") or not _crowd_subject(d.token):
            return False
        d.actor = [_at_place(d.location, d.location.name, "CVL")]
        return True

    def _rule_role_of_the_place(self, d: _Draft) -> bool:
        """ "Leaders of the opposition coalition agreed ... in Baku": a role without a country acts where it is;
        in an article that names no country but its dateline's, it is of that country ("VIENNA - The head
        of the farmers' association said ...")."""
        if d.actor or not d.role:
            return False
        if d.location is not None and d.location.country_code:
            d.actor = [_at_place(d.location, d.location.name, d.role)]
            return True
        subject = _subject(d.token)
        if d.home is None or subject is None:
            return False
        d.actor = [span_entity(d.token.doc[subject.left_edge.i : subject.i + 1], d.home, d.role, "implied")]
        return True

    def _rule_investigated_in_the_place(self, d: _Draft) -> bool:
        """ "A US national was put under investigation in Italy": the state of the place acted."""
        location = d.location
        if d.actor or location is None or not location.country_code or d.root not in ("09", "17"):
            return False
        if not any(c.dep_ == "nsubjpass" for c in d.token.children):
            return False
        d.actor = [_at_place(location, f"authorities in {location.name}", "GOV")]
        return True

    def _rule_unclaimed_violence(self, d: _Draft) -> bool:
        """ "A roadside bomb near Samarra killed a soldier": unclaimed violence is coded to its place."""
        if d.actor or d.location is None or d.root not in ("18", "19", "20"):
            return False
        d.actor = [_at_place(d.location, f"unidentified attackers in {d.location.name}", None)]
        return True

    def _rule_home_role(self, d: _Draft) -> bool:
        """ "Judge Rivera opened investigations against 28 Chilean officials": courts and police act at home;
        so do soldiers who detain their state's own leaders ("Soldiers detain President Alpha Conde": a coup)."""
        coup = d.role == "MIL" and d.root == "17" and any(r.sector_code == "GOV" for r in d.recipient)
        if d.actor or not d.recipient or not (d.role in HOME_SECTORS or coup):
            return False
        home = next((r for r in d.recipient if r.code in self.kb.country_names), None)
        subject = _subject(d.token)
        if home is None or subject is None:
            return False
        phrase = d.token.doc[subject.left_edge.i : subject.i + 1]
        d.actor = [span_entity(phrase, home.code, d.role, "implied")]
        return True

    def _rule_place_as_target(self, d: _Draft) -> bool:
        """ "Imposed a curfew in Cizre": where an act of force or protest falls is whom it targets (never an
        envoy's host: "expelled the ambassador in Minsk")."""
        location = d.location
        if d.recipient or location is None or not location.country_code or d.root not in PLACE_AS_RECIPIENT_ROOTS:
            return False
        if _envoy_patient(d.token) or _unknown_counterpart(d.trigger, d.inner):
            return False  # "agreed to meet ANC president Oliver Tambo in Ottawa": Tambo, not Canada
        d.recipient = [_at_place(location, location.name, None)]
        return True

    def _rule_force_abroad(self, d: _Draft) -> bool:
        """ "Residents of Pokrovsk fled shelling by Russian troops": force used in another state's place
        targets that state (the place is the last one the text named)."""
        if d.recipient or not d.actor or not d.local or d.root not in VIOLENT_ROOTS:
            return False
        if d.local in {a.code for a in d.actor}:
            return False
        d.recipient = [_implied(f"targets in {d.local}", d.local, None)]
        return True

    def _rule_civilian_blockade(self, d: _Draft) -> bool:
        """Farmers blockading Paris protest (CAMEO 144), they do not besiege it (191)."""
        if d.code not in ("191", "1381", "138") or not d.actor:
            return False
        if not all(a.sector_code in CIVILIAN_SECTORS for a in d.actor):
            return False
        if d.token.lemma_.lower() not in ("blockade", "block", "barricade"):
            return False
        d.code = "133" if d.code.startswith("13") else "144"
        return True

    def _rule_protest_purpose(self, d: _Draft) -> bool:
        """ "Blocked a road to show disapproval for the United States' policies": the purpose names the target."""
        if not d.actor or d.recipient or d.root != "14":
            return False
        for purpose in (c for c in d.token.children if c.dep_ in ("advcl", "xcomp")):
            d.recipient = self._clause_recipient(purpose, d.actors, d.actor) or self._purpose_owner(
                purpose, d.actors, d.actor
            )
            if d.recipient:
                return True
        return False

    def _rule_readout_counterpart(self, d: _Draft) -> bool:
        """In the account of a meeting or call, a position stated to no one named is stated to the other
        party; a reporting verb's appeal is made to the counterpart, not to what its content mentions."""
        counterpart = _meeting_counterpart(d.actor, d.dyad_pair) if d.actor and d.root in STATEMENT_ROOTS else []
        if not counterpart or d.recipient and d.token.lemma_.lower() not in REPORTING:
            return False
        d.recipient = counterpart
        return True

    def _rule_implied_target(self, d: _Draft) -> bool:
        """Protests with no named target face their own government; state coercion with none falls on its
        own people (CAMEO coders' conventions)."""
        if not d.actor or d.recipient or _envoy_patient(d.token):
            return False
        d.recipient = _implied_domestic_target(d.code, d.actor)
        return bool(d.recipient)

    def _rule_domestic_measure(self, d: _Draft) -> bool:
        """ "Rostenkowski said he was ready to support a tax increase": in an article about one state only,
        or by a party, body or person of a state in a sentence naming no other, a stance on one of its
        measures (a tax, a bill, a budget) is taken towards its government."""
        if not d.actor or d.recipient or d.root not in MEASURE_STANCE_ROOTS:
            return False
        home = d.actors.sole_country
        named = [
            e for e in d.actors.resolved_within(d.sent.start_char, d.sent.end_char) if e.code in self.kb.country_names
        ]
        if (
            home is None
            and d.actor[0].code in self.kb.country_names  # "The United Nations demanded a tax" is no state's
            and all((e.start, e.end) != (d.actor[0].start, d.actor[0].end) for e in named)
        ):
            # a party, a body or a person of a state (not the state itself), in a sentence naming no other
            # state, weighs its own state's measures ("Japan's Socialist Party called for large tax cuts")
            home = d.actor[0].code if {e.code for e in named} <= {d.actor[0].code} else None
        if home is None or d.actor[0].code != home or d.actor[0].kind in ("implied", "place"):
            return False  # someone named takes the stance ("the policies were blamed" names no one)
        particles = tuple(d.trigger.pattern.particles)
        objects = [o for o in (_patient(d.trigger), *_counterpart_objects(d.token, particles)) if o is not None]
        objects += d.trigger.held
        if not any(o.lemma_.lower() in MEASURE_NOUNS for o in objects):
            return False
        d.recipient = [_implied(f"government of {home}", home, "GOV")]
        return True

    def _rule_domestic_counterpart(self, d: _Draft) -> bool:
        """A state's official who meets, thanks, urges or criticises a group named by role alone deals with
        people of that state, and such a group that appeals to or criticises the official is of it too."""
        known = d.actor or d.recipient
        # a state named by its name makes its own troops or people its side ("Uganda's offer to withdraw its
        # troops"), but not whoever faces it ("Archbishop Tutu called for sanctions against Nigeria")
        official = STATE_SECTORS if d.actor else STATE_SECTORS - {None}
        home = known[0].code if known and known[0].sector_code in official else None
        if bool(d.actor) == bool(d.recipient) or home not in self.kb.country_names:
            return False
        if d.root not in DOMESTIC_COUNTERPART_ROOTS or d.local not in (None, home):
            return False
        assert home is not None
        token = d.token
        # "met with governors", "hosted a roundtable with advocates", "convened a meeting of law firms"
        guests = [g for noun in d.trigger.held for g in _counterpart_objects(noun, ("with", "of"))]
        heads = [_subject(token)] if d.recipient else [_patient(d.trigger), *_counterpart_objects(token), *guests]
        filed_at_home = d.actors.filed_in == home
        side = next((found for h in heads if (found := _home_group(h, home, self.kb, filed_at_home))), [])
        if not side:
            return False
        if d.actor:
            d.recipient = side
        else:
            d.actor = side
        return True

    def _rule_repelled_attack(self, d: _Draft) -> bool:
        """ "Iraq repelled an Iranian attack" reports Iran's attack on Iraq (the article gold GUIDE:
        repelling is not an act of its own)."""
        token = d.token
        if d.trigger.pattern.noun or token.lemma_.lower() not in REPEL_VERBS or d.root not in VIOLENT_ROOTS:
            return False
        attack = next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if attack is None:
            return False
        if attack.lemma_.lower() in ATTACK_NOUNS:
            d.actor, d.recipient = self._attack_owner(attack, d.actors), d.actor
            return True
        # "repelled Pakistani warplanes": those repelled were attacking
        attackers = _other_than(entities_for(attack, d.actors, self.kb), d.actor)
        if not attackers or not d.actor:
            return False
        d.actor, d.recipient = attackers, d.actor
        return True

    def _rule_shared_argument(self, d: _Draft) -> bool:
        """ "Condemned Russia's shelling of Kharkiv and demanded a ceasefire": the second of two coordinated
        acts by one subject is addressed to the first one's recipient."""
        token = d.token
        if not d.actor or d.recipient or token.dep_ != "conj" or d.root not in ADDRESSED_ROOTS:
            return False
        shared = d.triggers.get(token.head.i)
        if shared is None or d.trigger.pattern.noun or not _same_token(_subject(token), _subject(shared.token)):
            return False
        _, first_recipient = self._arguments(shared, d.actors)
        d.recipient = [r for r in _other_than(first_recipient, d.actor) if r.kind != "place"][:1]
        return bool(d.recipient)

    def _rule_condition_counterpart(self, d: _Draft) -> bool:
        """ "Iran will return to the deal if Biden lifts sanctions": a promise (CAMEO 03) made on a
        condition another side must meet is made to that side."""
        if not d.actor or d.recipient or d.root != "03":
            return False
        clauses = [c for node in (d.token, d.token.head) for c in node.children]  # "will resume talks if ..."
        for clause in clauses:
            if clause.dep_ != "advcl" or not any(m.lower_ in CONDITION_MARKERS for m in clause.children):
                continue
            subject = _subject(clause)
            found = entities_for(subject, d.actors, self.kb) if subject is not None else []
            d.recipient = _other_than(found, d.actor)
            if d.recipient:
                return True
        return False

    def _arguments(self, trigger: _Trigger, actors: ActorIndex) -> tuple[list[Entity], list[Entity]]:
        token = trigger.token
        if trigger.pattern is _JUDGED:
            return self._judgement_arguments(token, actors)
        if trigger.pattern is _CRITICISED:
            return self._criticism_arguments(token, actors)
        if trigger.pattern.noun:
            return self._noun_arguments(trigger, actors)
        actor: list[Entity] = []
        recipient: list[Entity] = []
        subject = _subject(token)
        passive_subject = next((c for c in token.children if c.dep_ == "nsubjpass"), None)
        agent = next((g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)
        if agent is not None:
            actor = entities_for(agent, actors, self.kb)
            if passive_subject is not None and passive_subject.i not in trigger.objects_used:
                recipient = entities_for(passive_subject, actors, self.kb)
        elif subject is not None and token.lemma_.lower() in VICTIM_SUBJECT_VERBS:
            recipient = entities_for(subject, actors, self.kb)  # "a prisoner died": the victim
        elif subject is not None and _passive_participle_clause(token):
            # rule participle-patient: "Asked if the demands would matter, Funaro said ...": Funaro was asked
            recipient = entities_for(subject, actors, self.kb)
        elif subject is not None:
            actor = entities_for(self._reported_subject(subject), actors, self.kb)
        elif passive_subject is not None and token.lemma_.lower() in STATE_PARTICIPLES:
            actor = entities_for(passive_subject, actors, self.kb)  # "Israel is opposed to ..."
        elif passive_subject is not None and passive_subject.i not in trigger.objects_used:
            recipient = entities_for(passive_subject, actors, self.kb)  # "a US national was put under ..."
        if not actor and agent is None and passive_subject is not None and root_of(trigger.pattern.code) in VOTE_ROOTS:
            actor = self._chamber(token, actors)  # rule "chamber-as-agent": "defeated in the Senate"
        for child in token.children:
            if recipient:
                break
            if child.dep_ in ("dobj", "dative", "iobj") and child.i not in trigger.objects_used:
                recipient = entities_for(child, actors, self.kb)
        preps = [c for c in token.children if c.dep_ == "prep"]
        for obj in token.children:  # "talks with X", "investments in Y": preps on the object noun
            if obj.i in trigger.objects_used:
                preps.extend(c for c in obj.children if c.dep_ == "prep")
        if root_of(trigger.pattern.code) == "07":  # rule "aid-list-recipient": wherever the list's "to" hangs
            preps.extend(p for p in _list_preps(token) if p not in preps)
        if not recipient:
            recipient = self._prep_recipient(preps, trigger, actors)
        particles = _addressing_particles(trigger.pattern)
        # rule "named-addressee": "pleaded with the rebels to leave Aleppo": the one addressed is named, if by
        # role alone (the place rules may place it); a place or party in what they are asked to do is not
        addressed = bool(_counterpart_objects(token, particles))
        owned = False
        if not recipient:
            # the owner of the object ("demands by a group of governors") is already another party
            recipient = self._object_owner(token, trigger, actors, actor)
            owned = bool(recipient)
        if not recipient and not addressed and root_of(trigger.pattern.code) in VERBAL_ROOTS:
            recipient = self._complement_recipient(token, actors, actor)
        if not recipient:
            about_topic = root_of(trigger.pattern.code) in TOPIC_ROOTS
            recipient = self._clause_recipient(token, actors, actor, about_topic, skip_content=addressed)
        if not recipient and not addressed:  # "allowed candidate X to participate", "forced Y to leave"
            recipient = self._complement_recipient(token, actors, actor)
        if not owned:
            recipient = _other_than(recipient, actor)
        if not recipient and actor:
            recipient = _other_person(token, actors, actor)  # rule "object-pronoun"
        return actor, recipient

    def _chamber(self, token: Token, actors: ActorIndex) -> list[Entity]:
        """The legislature on whose floor a bill or motion was passed or defeated ("in the Senate")."""
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "by"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.lemma_.lower() in CHAMBER_NOUNS:
                        return entities_for(pobj, actors, self.kb)
        return []

    def _means_owner(self, token: Token, actors: ActorIndex, local: str | None) -> list[Entity]:
        """Rule "nominal-agent": who used the means of a killing - "in Russian air strikes", "during an
        Islamic State rocket attack", "in rebel shelling", "in strikes by the coalition"."""
        for means in _means_nouns(token):
            # "killed by rebel fire" parsed with "rebel" as the object itself: the means last
            for owner in [*_modifiers(means), *_prep_objects(means, ("by",)), means]:
                found = entities_for(owner, actors, self.kb)
                if not found and local:
                    found = _local_agent(owner, local, self.kb)
                if found:
                    return found
        return []

    def _attack_owner(self, attack: Token, actors: ActorIndex) -> list[Entity]:
        """Who carried out an attack named by a noun: "an Iranian attack", "an attack by X", "X's raid"."""
        for owner in [*_prep_objects(attack, ("by", "from")), *_modifiers(attack)]:
            found = entities_for(owner, actors, self.kb)
            if found:
                return found
        return []

    def _discussion_partners(self, token: Token, actors: ActorIndex, actor: list[Entity]) -> list[Entity]:
        """Who a discussion is held with: "discussed X with Y", "spoke with Y to discuss X"."""
        holders = [token, token.head] if token.dep_ in ("xcomp", "advcl", "conj") else [token]
        holders += [c for c in token.children if c.dep_ == "dobj"]  # the parser often hangs "with Y" on the topic
        partners = [
            e
            for holder in holders
            for prep in holder.children
            if prep.dep_ == "prep" and prep.lower_ == "with"
            for pobj in prep.children
            if pobj.dep_ == "pobj"
            for e in entities_for(pobj, actors, self.kb)
        ]
        own = {a.code for a in actor}
        return [e for e in partners if e.code not in own]

    def _reported_subject(self, subject: Token) -> Token:
        """ "French farmers said they would blockade Paris": the pronoun is the speaker."""
        if subject.lower_ not in ("they", "it", "he", "she", "we"):
            return subject
        clause = subject.head
        if clause.dep_ in ("ccomp", "xcomp") and clause.head.lemma_.lower() in REPORTING | INTENT:
            speaker = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
            if speaker is not None and speaker.pos_ != "PRON":
                return speaker
        return subject

    def _purpose_owner(self, purpose: Token, actors: ActorIndex, actor: list[Entity]) -> list[Entity]:
        """The first actor named anywhere in a purpose clause ("to protest at X's settlements")."""
        codes = {a.code for a in actor}
        for t in purpose.subtree:
            entity = actors.entity_at(t.i)
            if entity is not None and entity.code and entity.code not in codes and t.pos_ in ("PROPN", "NOUN"):
                return entities_for(t, actors, self.kb)
        return []

    def _clause_recipient(
        self,
        token: Token,
        actors: ActorIndex,
        actor: list[Entity],
        about_topic: bool = False,
        skip_content: bool = False,
    ) -> list[Entity]:
        """Failing a grammatical object, the first other actor named in the trigger's own clause; with
        ``about_topic`` (talk, agreement, cooperation), never one in its topic ("a conference on X"); with
        ``skip_content``, never one in what the addressee is asked to do ("to leave Aleppo")."""
        codes = {a.code for a in actor}
        subject = _subject(token)
        excluded: set[int] = set(t.i for t in subject.subtree) if subject is not None else set()
        if skip_content:
            excluded.update(t.i for c in token.children if c.dep_ == "xcomp" for t in c.subtree)
        if about_topic:
            for t in token.subtree:
                if t.dep_ == "prep" and t.lower_ in TOPIC_PREPS and token in (t.head, t.head.head):
                    excluded.update(w.i for w in t.subtree)
        for child in token.children:
            if child.dep_ in ("relcl", "advcl", "ccomp", "parataxis", "conj", "punct", "npadvmod", "advmod"):
                excluded.update(t.i for t in child.subtree)
            if child.dep_ == "prep" and child.lower_ in NON_OBJECT_PREPS:
                excluded.update(t.i for t in child.subtree)  # "met in Geneva": a place, not a party
            if child.dep_ == "prep" and child.lower_ == "with" and any(g.dep_ == "pcomp" for g in child.children):
                # an absolute "with the bomber leaving graffiti criticising X" tells a circumstance: X is
                # named in another clause, not as the act's counterpart
                excluded.update(t.i for t in child.subtree)
        for t in token.subtree:
            if t.i in excluded or t.i == token.i:
                continue
            entity = actors.entity_at(t.i)
            if entity is not None and entity.code and entity.code not in codes and entity.kind != "capital":
                head = t
                while head.head.i != head.i and actors.entity_at(head.head.i) is entity:
                    head = head.head
                found = entities_for(head, actors, self.kb)
                if found and all(e.code not in codes for e in found):
                    return found
        return []

    def _object_owner(self, token: Token, trigger: _Trigger, actors: ActorIndex, actor: list[Entity]) -> list[Entity]:
        """ "rejected Saddam Hussein's proposal", "a US offer", "an appeal from X": whose object it is."""
        codes = {a.code for a in actor}
        # the actor itself, by its words or, for a person, by name ("Croatia" and "Croatian
        # extremists" are both named after Croatia, and are two parties)
        itself = {(a.start, a.end) for a in actor} | {fold(a.entity_name) for a in actor if a.kind == "person"}
        subject = _subject(token)
        for i in trigger.objects_used:
            obj = token.doc[i]
            for child in obj.children:
                if child.dep_ == "poss" and _reflexive_possessive(child, subject):
                    continue  # "the leaders underscored their support": the subject's own
                if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < obj.i:
                    found = [e for e in entities_for(child, actors, self.kb) if e.code not in codes]
                    if found:
                        return found
                if child.dep_ == "prep" and child.lower_ in ("from", "by", "of", "for"):
                    for pobj in child.children:
                        # "crimes by Croatian extremists", "shrugged off demands by a group of Brazilian
                        # governors": whoever the phrase names is another party than the subject, even
                        # of the actor's own country and role, unless it names the actor itself
                        found = [
                            e
                            for e in entities_for(pobj, actors, self.kb)
                            if (e.start, e.end) not in itself and fold(e.entity_name) not in itself
                        ]
                        if found:
                            return found
        return []

    def _complement_recipient(self, token: Token, actors: ActorIndex, actor: list[Entity]) -> list[Entity]:
        """ "demanded that the government end curbs": the one asked, warned or rejected is in the clause."""
        codes = {a.key() for a in actor}
        for comp in _complements(token):
            candidates: list[Token] = []
            if comp.dep_ == "ccomp":
                candidates += [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass")]
            candidates += [c for c in comp.children if c.dep_ in ("dobj", "dative")]
            for prep in comp.children:
                if prep.dep_ == "prep" and prep.lower_ in RECIPIENT_PREPS:
                    candidates += [c for c in prep.children if c.dep_ == "pobj"]
            for cand in candidates:
                found = [e for e in entities_for(cand, actors, self.kb) if e.key() not in codes]
                if found:
                    return found
        return []

    def _prep_recipient(self, preps: list[Token], trigger: _Trigger, actors: ActorIndex) -> list[Entity]:
        root = root_of(trigger.pattern.code)
        extra: tuple[str, ...] = ("from",) if root in ("08", "16", "17") else ()  # "withdraw troops from Chad"
        if root in ("15", "17", "18", "19", "20"):
            extra = ("of", *extra)  # "the invasion of South Lebanon", "tighten the blockade of Serbia"
        # aid and relief go to whom they are "for" ("sanctions relief for Iran", "aid for Ukraine"), last
        beneficiary: tuple[str, ...] = ("for",) if root in ("07", "08") else ()
        allowed = set(RECIPIENT_PREPS) | set(trigger.pattern.particles) | set(extra) | set(beneficiary)
        if root in TOPIC_ROOTS:  # rule topic-not-recipient: "a conference on X" is about X, not with X
            allowed -= TOPIC_PREPS - set(trigger.pattern.particles)
        for prep_word in (*trigger.pattern.particles, *extra, *RECIPIENT_PREPS, *beneficiary):
            for prep in preps:
                if prep.lower_ != prep_word or prep.lower_ not in allowed:
                    continue
                objects = [c for c in prep.children if c.dep_ == "pobj"] or _dangling_object(prep)
                for pobj in objects:
                    found = entities_for(pobj, actors, self.kb)
                    if found:
                        return found
        return []

    def _criticism_arguments(self, said: Token, actors: ActorIndex) -> tuple[list[Entity], list[Entity]]:
        """Rule "quoted-criticism": the speaker criticises the subject of what is said."""
        speaker, content = _subject(said), _criticism_content(said)
        if speaker is None or content is None:
            return [], []
        subject = next((c for c in content.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and subject.dep_ == "nsubjpass":
            subject = _passive_agent(content)  # "we were misled by our advisers": the advisers are blamed
        if subject is None or subject.lower_ in ("we", "i", "it"):
            return [], []  # "we misled the public": the speaker's own side; "it" is a thing
        accuser = entities_for(speaker, actors, self.kb)
        blamed = entities_for(subject, actors, self.kb)
        if not blamed and actors.home_filed and accuser and accuser[0].code == actors.home_filed:
            blamed = _local_agent(subject, actors.home_filed, self.kb)  # "the people running the show", at home
        blamed = _other_than(blamed, accuser)
        return (accuser, blamed) if blamed else ([], [])  # blame laid on no one known is no criticism

    def _judgement_arguments(self, act: Token, actors: ActorIndex) -> tuple[list[Entity], list[Entity]]:
        """Rule "judged-act": who says an act is wrong (the subject of the reporting verb the sentence
        hangs on) criticises whoever does it (the act's "for X to" subject)."""
        root = act.sent.root
        speaker = _subject(root) if root.lemma_.lower() in REPORTING else None
        doer = next((c for c in act.children if c.dep_ == "nsubj"), None)
        if speaker is None or doer is None:
            return [], []  # the writer's own judgement is no one's statement
        accuser = entities_for(speaker, actors, self.kb)
        return accuser, _other_than(entities_for(doer, actors, self.kb), accuser)

    def _wrongdoing_arguments(self, trigger: _Trigger, actors: ActorIndex) -> tuple[list[Entity], list[Entity]]:
        """Rule "named-wrongdoing": "called on the UN to protect civilians suffering injustices by the
        regime": whoever names another's crimes accuses the one who committed them - its owner ("by X",
        "committed by X", "X's") - and is the subject of the sentence's main clause."""
        noun = trigger.token
        accused = [e for o in _wrongdoers(noun) for e in entities_for(o, actors, self.kb)]
        root = noun.sent.root
        # "Serbian police launched an inquiry into crimes by X, the newspaper reported": the one the report
        # is about names the crimes, not the newspaper
        told = next((c for c in root.children if c.dep_ == "ccomp" and noun in c.subtree), None)
        speaker = _subject(told) if told is not None and root.lemma_.lower() in REPORTING else _subject(root)
        accuser = entities_for(speaker, actors, self.kb) if speaker is not None else []
        return accuser, _other_than(accused, accuser)

    def _border_neighbour(self, act: Token, actors: ActorIndex) -> list[Entity]:
        """The state across a border a posture is near: "near the border with Ukraine"."""
        for border in (t for t in act.subtree if t.lemma_.lower() in ("border", "frontier")):
            for neighbour in _prep_objects(border, ("with",)):
                found = entities_for(neighbour, actors, self.kb)
                if found:
                    return found
        return []

    def _noun_arguments(self, trigger: _Trigger, actors: ActorIndex) -> tuple[list[Entity], list[Entity]]:
        if trigger.pattern.code == "112" and trigger.token.lemma_.lower() in WRONGDOING_NOUNS:
            return self._wrongdoing_arguments(trigger, actors)
        act = trigger.token
        # rule "phase-noun": "announced the resumption of talks with Iran": the talks' sides are read where
        # "resumption" stands (its owner, its verb's subject, the prepositions on either noun)
        phase = act.head.head if act.dep_ == "pobj" and act.head.lower_ == "of" else None
        noun = phase if phase is not None and phase.lemma_.lower() in PHASE_NOUNS else act
        actor: list[Entity] = []
        recipient: list[Entity] = []
        for child in [*act.children, *(noun.children if noun is not act else ())]:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound") and actors.entity_at(child.i)):
                actor = entities_for(child, actors, self.kb) or actor
            if child.dep_ == "prep" and child.lower_ == "by":
                for pobj in child.children:
                    actor = entities_for(pobj, actors, self.kb) or actor
        if not actor and root_of(trigger.pattern.code) == "15":
            # rule "posture-owner": "buildups of the Russian military near the border with Ukraine": the
            # forces built up or deployed are whose posture it is, and the neighbour across the border
            # is whom it faces (PLOVER MOBILIZE: "against whom the actor mobilizes ... if that is clear")
            actor = [e for o in _prep_objects(act, ("of",)) for e in entities_for(o, actors, self.kb)]
            neighbour = _other_than(self._border_neighbour(act, actors), actor) if actor else []
            if neighbour:
                return actor, neighbour  # else "deployment of American troops to Poland": read on
        preps = [c for c in act.children if c.dep_ == "prep"]
        preps += [c for c in noun.children if c.dep_ == "prep" and c is not act.head] if noun is not act else []
        if noun.dep_ == "dobj":  # "gave a warm welcome to X": the light verb carries the preposition
            preps += [c for c in noun.head.children if c.dep_ == "prep"]
        recipient = self._prep_recipient(preps, trigger, actors)
        head = noun.head
        # "an opposition boycott" names its own doer by role (rule "local-agent"), not the clause's subject
        named_doer = _role_modifier(act, self.kb) is not None
        if (
            not actor
            and not named_doer
            and noun.dep_ in ("dobj", "attr", "pobj")
            and head.pos_ in ("VERB", "AUX", "ADP")
        ):
            verb = head.head if head.pos_ == "ADP" else head
            subject = _subject(verb)
            # rule cause-not-agent: "The arrest of X drew protests": an act that causes another
            # does not do it; the protesters are not the arrest, nor the one arrested. Nor is the
            # subject of what is done "due to", "amid" or "despite" an act the one who does it
            between = [
                c for c in {*act.children, *noun.children} if c.dep_ == "prep" and c.lower_ in ("between", "among")
            ]
            if between:  # "after fighting between rival militias": the act has its own sides
                sides = [
                    e
                    for prep in between
                    for o in prep.children
                    if o.dep_ == "pobj"
                    for e in entities_for(o, actors, self.kb)
                ]
                if len({e.code for e in sides}) >= 2:  # "the meeting between Trump and Putin"
                    actor = sides[:1]
                    recipient = [e for e in sides if e.code != sides[0].code]
            elif subject is not None and verb.lemma_.lower() in ENDURE_VERBS | REPEL_VERBS:
                # rule "endured-act": "Ukrainian troops resisted the invasion": the invaded, not the invader
                recipient = recipient or entities_for(subject, actors, self.kb)
            elif subject is not None and subject.lemma_.lower() not in self.lexicon.nouns and not _circumstance(noun):
                actor = entities_for(subject, actors, self.kb)
        if not actor and not named_doer and noun.dep_ == "pobj":  # "speaking at a conference with X, Erdogan said"
            verb = noun.head.head
            if verb.dep_ == "advcl":
                subject = _subject(verb.head)
                if subject is not None:
                    actor = entities_for(subject, actors, self.kb)
        if not actor and root_of(trigger.pattern.code) == "04":
            # rule "adjunct-meeting": "The prime minister, on the first day of a visit to the United
            # States, said ...", "After four hours of talks, the G-7 issued ...": whoever does the
            # clause the meeting is set in is in the meeting
            host = _adjunct_host(noun)
            subject = _subject(host) if host is not None else None
            if subject is not None:
                actor = entities_for(subject, actors, self.kb)
                if not recipient and len(actor) == 1 and actor[0].code == "IGO" and actor[0].kind == "organisation":
                    # "after hours of talks, the G-7 issued ...": a group of states named with no one else met
                    # among its members (the guide: the group's code on both sides)
                    return actor, list(actor)
        return actor, _other_than(recipient, actor)


# --- parse helpers ----------------------------------------------------------------------------------

_DEMAND = Pattern("100", "must", False, source="obligation")
_APPEAL = Pattern("020", "should", False, source="obligation")
_REFUSAL = Pattern("120", "should not expect", False, source="obligation")
_JUDGED = Pattern("111", "judged wrong", False, source="judgement")
FAIR_JUDGEMENTS = WORDS["FAIR_JUDGEMENTS"]
UNFAIR_JUDGEMENTS = WORDS["UNFAIR_JUDGEMENTS"]


_CRITICISED = Pattern("111", "said in blame", False, source="criticism")
CRITICISM_WORDS = WORDS["CRITICISM_WORDS"]


def _criticism_content(said: Token) -> Token | None:
    """The clause a speaker says in words of blame, if any ("they have sent a confusing signal")."""
    lemmas, forms = lemmas_and_forms(said.doc)  # read from arrays: a subtree's tokens cost a Token each
    for content in (c for c in said.children if c.dep_ == "ccomp"):
        words = range(content.left_edge.i, content.right_edge.i + 1)
        if any(lemmas[i] in CRITICISM_WORDS or forms[i] in CRITICISM_WORDS for i in words):
            return content
    return None


def _quoted_criticism(token: Token) -> _Trigger | None:
    """ "'They have sent a confusing signal to the markets,' the minister said": blame a speaker lays on
    someone in what he says criticises them (CAMEO 111); the arguments are read by ``_criticism_arguments``."""
    if token.lemma_.lower() not in REPORTING or _criticism_content(token) is None:
        return None
    return _Trigger(token, _CRITICISED, set())


def _judged_wrong(act: Token) -> bool:
    """Whether an act is said to be wrong: "it is not reasonable for the U.S. to demand ...", "it is unfair
    for Japan to ..." (an infinitive with its own "for" subject, under a judging adjective)."""
    if act.dep_ not in ("advcl", "ccomp", "xcomp"):
        return False
    if not any(c.dep_ == "mark" and c.lower_ == "for" for c in act.children):
        return False
    be = act.head
    judgement = next((c for c in be.children if c.dep_ == "acomp"), None)
    if judgement is None:
        return False
    word = judgement.lower_
    negated = any(c.dep_ == "neg" for c in be.children)
    return (negated and word in FAIR_JUDGEMENTS) or (not negated and word in UNFAIR_JUDGEMENTS)


#: Verbs of awaiting something from another: "X should not expect Y" refuses Y (rule "not-to-expect").
EXPECTING_VERBS = WORDS["EXPECTING_VERBS"]


def _modal_clause(token: Token) -> tuple[Token, set[str]] | None:
    """The first clause "X said" reports that says what must or should be done, with its modals."""
    for comp in token.children:
        if comp.dep_ == "ccomp":
            modals = {c.lower_ for c in comp.children if c.dep_ == "aux"} & {"must", "should", "ought"}
            if modals:
                return comp, modals
    return None


def _obliged(token: Token) -> Token | None:
    """Who "X said Y must/should do Z" tells to act: Y, the subject of the modal clause."""
    found = _modal_clause(token)
    return next((c for c in found[0].children if c.dep_ in ("nsubj", "nsubjpass")), None) if found else None


def _obligation(token: Token) -> _Trigger | None:
    """ "X said that Y must do Z" demands Z of Y (CAMEO 10); "should" appeals for it (02)."""
    found = _modal_clause(token) if token.lemma_.lower() in REPORTING else None
    if found is None:
        return None
    told, modals = found
    if told.lemma_.lower() in EXPECTING_VERBS and any(c.dep_ == "neg" for c in told.children):
        # rule "not-to-expect": "said Norway should not expect special trade advantages" refuses them
        # (CAMEO 12, reject), it asks nothing of Norway
        return _Trigger(token, _REFUSAL, set())
    return _Trigger(token, _DEMAND if "must" in modals else _APPEAL, set())


def _each_other(token: Token) -> bool:
    """Whether a verb's object is "each other" or "one another"."""
    for obj in (g for c in token.children for g in (c, *c.children) if g.dep_ in ("dobj", "pobj")):
        words = {obj.lower_, *(c.lower_ for c in obj.children)}
        if words in ({"each", "other"}, {"one", "another"}):  # parsed either way round
            return True
    return False


def _verb_tagged_noun(token: Token) -> bool:
    """Whether a word tagged as a noun heads a clause with a subject, as only a verb does."""
    return token.pos_ == "NOUN" and token.tag_ == "NN" and any(c.dep_ == "nsubj" for c in token.children)


def _reflexive_possessive(pronoun: Token, subject: Token | None) -> bool:
    """Whether a possessive pronoun on an object agrees in number with the clause's subject and so is
    the subject's own ("the leaders underscored their support", "Kenya reaffirmed its commitment")."""
    if subject is None or pronoun.tag_ != "PRP$":
        return False
    plural = subject.tag_ in ("NNS", "NNPS") or subject.lower_ in ("they", "we")
    if pronoun.lower_ in ("their", "our"):
        return plural
    return pronoun.lower_ in ("his", "her", "its") and not plural


def _adjunct_host(noun: Token) -> Token | None:
    """The verb whose time or circumstance phrase a noun is in, through prepositions only ("after
    [hours] of [talks]", "on the first [day] of a [visit]"); none for a cause ("amid protests")."""
    node = noun
    for _ in range(3):
        # "following a summit in Beijing": the parser reads "following" as a participle, it is a preposition
        temporal = node.head.lower_ == "following"
        if node.dep_ != "pobj" or (node.head.dep_ != "prep" and not temporal) or _circumstance(node):
            return None
        head = node.head.head
        if temporal and head.dep_ == "relcl" and head.head.dep_ == "dobj":
            head = head.head  # "an agreement that reduces tariffs, following a summit": the agreement's
        if temporal and head.dep_ == "dobj":
            head = head.head  # "reach an agreement following a summit": the clause the agreement is in
        if head.pos_ in ("VERB", "AUX"):
            return head
        node = head
    return None


def _addressing_particles(pattern: Pattern) -> tuple[str, ...]:
    """The pattern's prepositions that name whom the act addresses ("call on", "meet with"), not its topic."""
    return tuple(p for p in pattern.particles if p in RECIPIENT_PARTICLES)


def _patient(trigger: _Trigger) -> Token | None:
    """What the trigger is done to, unless it only measures what the pattern's object names ("delivered
    hundreds of thousands of [rounds]": the rounds are given, "hundreds" are nobody)."""
    patient = _direct_object(trigger.token)
    if patient is not None and any(m.i in trigger.objects_used for m in _measured(patient)):
        return None
    return patient


class _Read:
    """What ``_fits`` reads of a trigger word, read once for all the patterns tried on it (each read of a
    spaCy child builds a Token)."""

    def __init__(self, token: Token) -> None:
        self.token = token
        self.children = list(token.children)
        self.lemma = token.lemma_.lower()
        self._objects: list[Token] | None = None

    @property
    def object_candidates(self) -> list[Token]:
        if self._objects is None:
            self._objects = _object_candidates(self.token)
        return self._objects


def _fits(read: _Read, pattern: Pattern, is_noun: bool) -> set[int] | None:
    """The token indices the pattern's object consumed, or None when the pattern does not fit."""
    token, children, lemma = read.token, read.children, read.lemma
    for particle in pattern.particles:
        if not any(
            c.lower_ == particle and c.dep_ in ("prt", "prep", "advmod", "agent", "dative") and _verbs_particle(c)
            for c in children
        ):
            return None
    if is_noun:
        words = [c.lemma_.lower() for c in children if c.dep_ in ("compound", "amod") and c.i < token.i]
        if any(m not in words for m in pattern.modifiers):
            return None
    if (
        not is_noun
        and lemma in HELP_VERBS
        and not pattern.objects
        and any(c.dep_ in ("xcomp", "ccomp") for c in children)
    ):
        return None  # "help de-escalate tensions" helps do something; it gives no aid
    if (
        not is_noun
        and lemma in ("meet", "encounter")
        and any(c.dep_ == "dobj" and c.lemma_.lower() in MET_TERMS for c in children)
    ):
        return None  # "would meet its obligations", "encountered resistance": fulfilled or run into, not met with
    if (
        not is_noun
        and lemma in EFFORT_VERBS
        and not pattern.objects
        and any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children if a.dep_ == "aux") for c in children)
    ):
        return None  # "fighting to recover politically": an effort, not combat
    if (
        not is_noun
        and lemma in INTRANSITIVE_SENSES
        and not pattern.objects
        # a relative pronoun stands for the noun it follows ("a memorandum that they signed")
        and any(c.dep_ in ("dobj", "ccomp") and c.lower_ not in RELATIVE_PRONOUNS for c in children)
    ):
        return None  # "demonstrated its resolve", "rallied support", "signed a motion": other senses
    if (
        not is_noun
        and pattern.code[:2] in ("06", "07")
        and any(c.dep_ == "dobj" and c.lower_ in REFLEXIVE_PRONOUNS for c in children)
    ):
        return None  # "Britain will arm itself": cooperation and aid go to another, not to oneself
    used: set[int] = set()
    if pattern.objects:
        candidates = list(read.object_candidates) if not is_noun else [token]
        # "put under investigation": the object of the pattern's own preposition counts too
        candidates += [
            g
            for c in children
            if c.dep_ == "prep" and c.lower_ in pattern.particles
            for g in c.children
            if g.dep_ in ("pobj", "pcomp")  # "looks forward to working with X"
        ]
        used = _object_fit(candidates, pattern)
        if not used:
            # a noun the tagger took for a modifier after the object ("the White House [roundtable] with
            # X", parsed with "House" as the object) is the object, and so is the noun it hangs on
            named = [cand for cand in candidates if cand.n_rights and cand.pos_ == "PROPN"]
            modifiers = [m for cand in named for m in cand.rights if m.dep_ in ("amod", "compound")]
            used = _object_fit(modifiers, pattern) if modifiers else set()
            if used:
                used.add(token.doc[next(iter(used))].head.i)
        if not used:
            return None
    return used


def _object_fit(candidates: list[Token], pattern: Pattern) -> set[int]:
    """The first candidate the pattern's objects name ("held [talks]", "the [air strike]"), if any."""
    for cand in candidates:
        if _date_word(cand):
            continue  # "to be held between March 19-22" holds no march
        lemma = cand.lemma_.lower()
        compound = " ".join([c.lemma_.lower() for c in cand.lefts if c.dep_ in ("compound", "amod")] + [lemma])
        if lemma in pattern.objects or compound in pattern.objects or cand.lower_ in pattern.objects:
            return {cand.i}
    return set()


HOME_SECTORS = {"JUD", "COP"}  # roles that act inside their own country


def _role_subject(token: Token, kb: KnowledgeBase) -> str | None:
    """The sector of a subject that names a role but no country ("leaders of the opposition")."""
    subject = _subject(token)
    if subject is None or subject.pos_ not in ("NOUN", "PROPN"):
        return None
    words = [
        subject,
        *[c for c in subject.children if c.dep_ == "compound"],  # "Judge Alejandro Rivera"
        *[g for c in subject.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.subtree],
    ]
    for w in words:
        sector = kb.agent_sector(w.lemma_.lower()) or kb.agent_sector(w.lower_)
        if sector:
            return sector
    return None


LOCAL_AGENT_NOUNS = WORDS["LOCAL_AGENT_NOUNS"]


FOREIGN_ENVOY_NOUNS = WORDS["FOREIGN_ENVOY_NOUNS"]


VIOLENT_ROOTS = {"18", "19", "20"}


def _other_than(recipient: list[Entity], actor: list[Entity]) -> list[Entity]:
    """Recipients that are not the actor itself. Two people or bodies of one state in the same role are
    two sides ("Brazilian governors called on President Sarney": BRA -> BRA, domestic politics); the
    same actor named twice, or a side whose code and sector repeat the actor's without a name of its
    own, is not."""

    def same(r: Entity, a: Entity) -> bool:
        if r.key() != a.key():
            return False
        # a named person or body is another side than a group of the same role and state ("the governor of
        # Sao Paulo and other governors called on President Sarney"), unless it is that very name
        named = r.kind in ("person", "organisation")  # (an envoy and "Washington's support" stay one side)
        return not named or r.entity_name == a.entity_name

    return [r for r in recipient if not any(same(r, a) for a in actor)]


def _other_person(token: Token, actors: ActorIndex, actor: list[Entity]) -> list[Entity]:
    """Rule "object-pronoun": "him"/"her" as the object is someone other than the subject - the last
    person named before it who acts for another side ("Biden spoke with Macron. The President
    thanked him": Macron)."""
    pronoun = next((c for c in token.children if c.dep_ in ("dobj", "dative") and c.lower_ in ("him", "her")), None)
    if pronoun is None:
        return []
    own = {a.code for a in actor}
    for mention in reversed(actors.mentions):
        entity = mention.entity
        if (
            mention.end <= pronoun.idx
            and entity is not None
            and entity.kind == "person"
            and entity.code
            and entity.code not in own
        ):
            return [
                Entity(
                    raw_text=pronoun.text,
                    entity_name=entity.entity_name,
                    code=entity.code,
                    sector_code=entity.sector_code,
                    start=pronoun.idx,
                    end=pronoun.idx + len(pronoun),
                    kind="person",
                )
            ]
    return []


def _role_modifier(act: Token, kb: KnowledgeBase) -> Token | None:
    """The role that names who does an act told by a noun: "an opposition boycott", "a police raid", "an
    army offensive" (the modifier is the noun's agent, as "the opposition's boycott" would be)."""
    if act.pos_ != "NOUN":
        return None
    return next(
        (
            c
            for c in act.children
            if c.dep_ in ("compound", "amod") and c.i < act.i and kb.agent_sector(c.lemma_.lower())
        ),
        None,
    )


def _local_agent(head: Token | None, country: str, kb: KnowledgeBase) -> list[Entity]:
    """Rule "local-agent": a side named only by a role or as a crowd ("security forces", "riot police",
    "the court", "protesters", "gunmen") acts for, or belongs to, the state where the event takes place
    (the convention of ICEWS and PLOVER coders for unnamed domestic actors)."""
    if head is None or head.pos_ not in ("NOUN", "PROPN"):
        return []
    if head.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") or (head.pos_ == "PROPN" and not head.is_sent_start):
        return []  # a name the knowledge base did not know is someone, not an unnamed local role
    forms = {head.lemma_.lower(), head.lower_}
    if forms & FOREIGN_ENVOY_NOUNS:  # an ambassador in Minsk is, by his office, another state's
        return []
    # the modifier says more than the head: "union leaders" are labour, "business leaders" business
    words = [*[c for c in head.children if c.dep_ in ("compound", "amod")], head]
    sector = next(filter(None, (kb.agent_sector(w.lemma_.lower()) or kb.agent_sector(w.lower_) for w in words)), None)
    if sector is None and forms & CROWD_NOUNS:
        sector = "CVL"
    if sector is None and forms & LOCAL_AGENT_NOUNS:
        sector = "UAF" if forms & {"gunman", "gunmen", "attacker", "assailant", "sniper"} else "REB"
    if sector is None:
        return []
    phrase = head.doc[head.left_edge.i : head.i + 1]
    return [span_entity(phrase, country, sector, "implied")]


#: Stances taken on a measure (appeals, intentions, support, demands, criticism, rejection): rule
#: "domestic-measure".
MEASURE_STANCE_ROOTS = {"02", "03", "05", "10", "11", "12"}
MEASURE_NOUNS = WORDS["MEASURE_NOUNS"]
#: CAMEO roots of talk and of non-violent pressure, where an unnamed domestic counterpart is of the
#: actor's own state (rule "domestic-counterpart"); force is left to the place rules.
DOMESTIC_COUNTERPART_ROOTS = {"02", "03", "04", "05", "06", "07", "10", "11", "12"}
PROTEST_NOUNS = WORDS["PROTEST_NOUNS"]
ABROAD_MODIFIERS = WORDS["ABROAD_MODIFIERS"]


def _bare_mined(pattern: Pattern) -> bool:
    """A verb mined from PETRARCH-2's dictionaries (``petrarch2.tsv``) with no particle or object to
    fix its sense."""
    return pattern.source == "petrarch2" and not pattern.particles and not pattern.objects


def _named_dyad(actor: list[Entity], recipient: list[Entity]) -> bool:
    """Whether both sides are named in the text (not implied by a place or a convention)."""
    return bool(actor and recipient) and all(e.raw_text and e.kind != "implied" for e in actor + recipient)


#: Appeals, demands, accusations, rejections, threats and sanctions: acts addressed to someone, whose
#: addressee a coordinated act may share (rule "shared-argument").
ADDRESSED_ROOTS = {"02", "10", "11", "12", "13", "16"}


ANNOUNCING_VERBS = {"announce", "confirm", "declare", "decide", "order"}


def _announcer(token: Token) -> Token | None:
    """The subject of "announces that ..." over an agentless passive act ("... that troops will be deployed")."""
    if token.dep_ != "ccomp" or not _agentless_passive(token):
        return None
    head = token.head
    return _subject(head) if head.lemma_.lower() in ANNOUNCING_VERBS else None


NO_FRAME = "no"  # a negated frame: "no plans for a meeting"


def _market_demand(token: Token) -> bool:
    """Rule "not-an-act": "domestic demand", "weak oil demand" - demand in its economic sense, no appeal."""
    return token.lemma_.lower() == "demand" and any(
        c.lemma_.lower() in MARKET_MODIFIERS for c in token.children if c.dep_ in ("amod", "compound")
    )


def _unrealised_frame(token: Token) -> str | None:
    """The noun of intention, appeal or refusal whose content a word is ("its offer to [withdraw]", "a
    call for the army to [lift] the blockade", "the refusal to [release]"), if any; ``NO_FRAME`` when
    that noun is negated."""
    current = token
    for _ in range(3):
        if current.dep_ not in ("acl", "advcl", "xcomp", "relcl", "pobj", "prep") or current.head is current:
            return None
        current = current.head
        lemma = current.lemma_.lower()
        if current.pos_ == "NOUN" and lemma in INTENT_NOUNS | APPEAL_NOUNS | REFUSAL_NOUNS:
            # "there were no plans for a meeting": nothing is intended, asked or refused
            return NO_FRAME if any(c.lower_ == "no" or c.dep_ == "neg" for c in current.children) else lemma
    return None


def _alleged(trigger: _Trigger, triggers: dict[int, _Trigger]) -> bool:
    """Rule "alleged-act": an act named as what someone is accused of or blamed for ("blamed Russia for
    the attack", "accused Athens of provocations") is alleged, not established; PLOVER codes the
    accusation (ACCUSE), not the act."""
    token = trigger.token
    if not trigger.pattern.noun or token.dep_ != "pobj" or token.head.lower_ not in ("for", "of", "over"):
        return False
    accusation = triggers.get(token.head.head.i)
    return accusation is not None and root_of(accusation.pattern.code) == "11"


def _same_token(a: Token | None, b: Token | None) -> bool:
    return a is not None and b is not None and a.i == b.i


def _ranked_person(head: Token, country: str, kb: KnowledgeBase, filed_at_home: bool = False) -> list[Entity]:
    """Someone the knowledge base does not know, named with a rank or office and no country ("Colonel
    James Mwangi", "committee chairman John Okello"): of ``country``, in the sector the title says. An
    office in a body the knowledge base does not know ("president of the Union of Metal Workers") places
    him only in an article filed from ``country``: a reader takes a body with no country in a story filed
    at home to be local, and cannot tell where a foreign story's bodies are."""
    if head.ent_type_ != "PERSON":
        return []
    phrase = head.doc[head.left_edge.i : head.i + 1]
    if any(t.ent_type_ in ("NORP", "GPE", "ORG") for t in phrase):
        return []  # "the Somali army's Colonel Nur", "Colonel Nur of ..." name their own side
    # a title word outside the name first, then one the tagger put inside it ("Colonel" in a PERSON)
    words = sorted(phrase, key=lambda t: t.ent_type_ == "PERSON")
    office = next((c for c in head.children if c.dep_ == "appos"), None)
    if office is not None and office.ent_type_ != "PERSON":
        # "Karl Huber, president of the metalworkers' union": the office in apposition says the sector,
        # its body's word first ("union": labour), unless it names a country ("... of the Somali army")
        held = list(office.subtree)
        if any(t.ent_type_ in ("NORP", "GPE") or t.ent_type_ == "ORG" and not filed_at_home for t in held):
            return []
        words = [*(t for t in held if t.i != office.i), office, *words]
    sector = next(filter(None, (kb.agent_sector(t.lower_) for t in words)), None)
    if sector is None:
        return []
    return [span_entity(phrase, country, sector, "implied")]


def _home_group(head: Token | None, country: str, kb: KnowledgeBase, filed_at_home: bool = False) -> list[Entity]:
    """A side named by role alone (rule "local-agent"), placed in ``country`` unless a modifier puts it
    abroad ("foreign ministers") or it is a counterpart by definition ("his counterparts")."""
    if head is None or any(c.lower_ in ABROAD_MODIFIERS for c in head.children):
        return []
    side = _local_agent(head, country, kb) or _ranked_person(head, country, kb, filed_at_home)
    # unidentified attackers ("the bomber", "gunmen") are no one's counterpart in talk
    return [] if any(e.sector_code == "UAF" for e in side) else side


def _both_sides(trigger: _Trigger, sentence_says_both: bool) -> bool:
    """ "Both sides", "the two countries", or an agentless passive ("issues were discussed")."""
    token = trigger.token
    if sentence_says_both:
        return True
    return (
        any(c.dep_ == "nsubjpass" for c in token.children)
        and not any(c.dep_ == "agent" for c in token.children)
        or (trigger.pattern.noun and token.dep_ in ("nsubj", "nsubjpass"))
    )


def _embedding_trigger(token: Token, triggers: dict[int, _Trigger]) -> _Trigger | None:
    """The composing trigger whose complement this one is the content of ("urged ... to [invest]"), or
    a verb coordinated with that content ("asked Japan to [offer] a share of its market and [remove]
    quotas": both are asked for, neither is done)."""
    for outer in triggers.values():
        if outer.token.i != token.i and _composes(outer.pattern.code):
            inner = _embedded_trigger(outer.token, triggers)
            if inner is not None and (inner.token.i == token.i or token in inner.token.conjuncts):
                return outer
    return None


def _embedded_trigger(token: Token, triggers: dict[int, _Trigger]) -> _Trigger | None:
    """The nearest trigger inside this trigger's complement clause ("threatened to resume [attacks]")."""
    if not _composes(triggers[token.i].pattern.code):
        return None
    best: tuple[int, _Trigger] | None = None
    for comp in _complements(token):
        for t in comp.subtree:
            if t.i in triggers and t.i != token.i and not _negated(t):
                depth = _depth_below(t, comp)
                if depth <= 3 and (best is None or depth < best[0]):
                    best = (depth, triggers[t.i])
    if best is None and triggers[token.i].pattern.particles == ("for",):
        # "called for new protests against Maduro": the act called for is the appeal's content
        for prep in token.children:
            if prep.dep_ == "prep" and prep.lower_ == "for":
                act = next((o for o in prep.children if o.dep_ == "pobj" and o.i in triggers), None)
                if act is not None and not _negated(act):
                    return triggers[act.i]
    return best[1] if best else None


def _composes(code: str) -> bool:
    """Appeals, demands, rejections and threats take the embedded event as their content."""
    return root_of(code) in ("02", "10", "12", "13") or code in ("030", "036")


def _compose(outer: str, inner: str, sent: SpacySpan) -> str:
    """The code of an appeal, demand, rejection, threat or promise whose content is ``inner``."""
    root = root_of(inner)
    if inner.startswith("083") and root_of(outer) in REFORM_FORM:  # "declined to resign": 1231
        reform = REFORM_FORM[root_of(outer)] + inner[3:]
        return reform if taxonomy.is_cameo(reform) else REFORM_FORM[root_of(outer)]
    if root_of(outer) == "03":  # "plans to impose restrictions" is what a promise of that act is
        return _intent_code(inner, sent) if root in INTENT_FORM or root in THREAT_FORM else outer
    table = {"02": APPEAL_FORM, "10": DEMAND_FORM, "12": REJECTION_FORM, "13": THREAT_FORM}.get(root_of(outer), {})
    return table.get(root, outer)


def _intent_code(code: str, sent: SpacySpan) -> str:
    """Future or intended cooperation is CAMEO's "express intent" (03x); future force a threat."""
    root = root_of(code)
    if root in INTENT_FORM:
        return INTENT_FORM[root]
    return THREAT_FORM.get(root, code)


def _contexts(sent: SpacySpan) -> list[str]:
    words = {t.lemma_.lower() for t in sent}
    out = []
    if words & MILITARY_WORDS:
        out.append("military")
    if words & ECONOMIC_WORDS:
        out.append("economic")
    if words & HUMANITARIAN_WORDS:
        out.append("humanitarian")
    return out


def _confidence(trigger: _Trigger, actor: list[Entity], recipient: list[Entity], token: Token) -> float:
    score = 0.45 + min(trigger.pattern.specificity, 5) * 0.03
    score += 0.15 if actor else 0.0
    score += 0.1 if recipient else 0.0
    score += 0.1 if _is_main(token) else 0.0
    score -= 0.05 if trigger.pattern.noun else 0.0
    score -= 0.05 if trigger.pattern.priority == 0 else 0.0  # mined patterns are less sure than Dyad's own
    return round(max(0.05, min(0.99, score)), 3)


def _trigger_span(trigger: _Trigger) -> Span:
    token = trigger.token
    doc = token.doc
    indices = {token.i} | trigger.objects_used
    indices |= {c.i for c in token.children if c.dep_ == "prt"}
    if trigger.pattern.noun:
        indices |= {c.i for c in token.children if c.dep_ == "compound"}
    start, end = min(indices), max(indices)
    if end - start > 6:
        start, end = token.i, token.i
    span = doc[start : end + 1]
    return Span(span.start_char, span.end_char, span.text)


def _as_party(entity: Entity, own_sector: bool = False) -> Entity:
    """The state an actor acts for, as a party to a meeting (for "the two leaders" later on); in a
    meeting at home, the body itself ("union leaders" stay labour)."""
    return Entity(
        raw_text=entity.raw_text,
        entity_name=entity.entity_name,
        code=entity.code,
        sector_code=entity.sector_code if own_sector else "GOV",
        start=None,
        end=None,
        kind="party",
    )


STATEMENT_ROOTS = {"02", "03", "05", "10", "11", "12"}  # appeals, promises, praise, demands, criticism, refusals


def _meeting_counterpart(actor: list[Entity], pair: list[Entity]) -> list[Entity]:
    """The other party of the meeting last reported, when the actor is one of its parties."""
    if len(pair) != 2 or any(p.kind != "party" for p in pair):
        return []
    codes = {a.code for a in actor}
    others = [p for p in pair if p.code not in codes]
    return others if len(others) == 1 else []


def _document_dyad(doc: Doc, actors: ActorIndex) -> list[Entity]:
    """The two countries an article is mostly about (for "both sides" and "we" in bilateral talks).
    A city named as where things happen ("talks in London") is a place, not one of the parties."""
    counts: dict[str, int] = {}
    first: dict[str, Entity] = {}
    for m in actors.mentions:
        e = m.entity
        if e is None or not e.code or e.code in ("IGO", "NGO"):
            continue
        if e.kind == "capital":
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is not None and span.root.dep_ == "pobj" and _locative(span.root):
                continue
        counts[e.code] = counts.get(e.code, 0) + 1
        first.setdefault(e.code, e)
    ranked = sorted(counts, key=lambda c: -counts[c])
    if len(ranked) < 2 or counts[ranked[1]] < 2:
        return []
    pair = []
    for code in ranked[:2]:
        e = first[code]
        pair.append(
            Entity(
                raw_text=e.raw_text,
                entity_name=e.entity_name,
                code=code,
                sector_code="GOV",
                start=None,
                end=None,
                kind="country",
            )
        )
    return pair


STATE_SECTORS = {"GOV", "MIL", "COP", "JUD", "SPY", None}
CIVILIAN_SECTORS = {"CVL", "AGR", "LAB", "OPP", "EDU", "REL", "MED", "BUS", "HLH", "REF", "JRN"}


#: Concessions made to another party by definition: easing sanctions, boycotts or embargoes (CAMEO 085) and
#: allowing international involvement (086); "Japan lifted its sanctions" is towards whom they were on.
FOREIGN_CONCESSIONS = ("085", "086")


def _implied_domestic_target(code: str, actor: list[Entity]) -> list[Entity]:
    """Protests with no named target are aimed at their own government; state coercion with none
    falls on its own people. CAMEO coders apply both conventions; the entity says it is implied."""
    first = actor[0]
    if not first.code or first.code in ("IGO", "NGO", "IMG"):
        return []
    state = (
        first.sector_code in STATE_SECTORS
        and first.kind not in ("group",)
        and not (first.kind == "country" and first.sector_code is None and root_of(code) in ("10", "12"))
    )
    root = root_of(code)
    if (
        root in ("14", "10", "12", "08")
        and first.sector_code not in ("GOV", "MIL", "COP")
        and (root == "14" or first.sector_code is not None)
    ):
        sector = "GOV"  # protesters, unions, rebels, elders: their demands and concessions face their state
    elif (root in ("17", "08") or code == "184") and state and not code.startswith(FOREIGN_CONCESSIONS):
        sector = "CVL"  # curfews, arrests, human shields, concessions by a state: its own people
    else:
        return []
    return [
        Entity(
            raw_text="",
            entity_name=f"{first.code} {sector} (implied)",
            code=first.code,
            sector_code=sector,
            start=None,
            end=None,
            kind="implied",
        )
    ]


def _prune(events: list[Event]) -> list[Event]:
    """One sentence, one main event: others stay only when they name both their sides.

    Secondary triggers with one side known ("the U.S. invasion", "calling for") are mostly
    background or the main event's content; measured on the dev gold, nine in ten were wrong.
    """
    if len(events) <= 1:
        return events
    main = max(events, key=lambda e: e.confidence)
    return [e for e in events if e is main or (e.actor and e.recipient)]


def _reciprocate(event: Event) -> list[Event]:
    """A meeting or agreement between two sides is an event of each side (CAMEO codes both ways)."""
    if event.cameo not in RECIPROCAL_CODES and "each-other" not in event.evidence.steps:
        return [event]
    if not event.actor or not event.recipient:
        return [event]
    if [(e.raw_text, e.key()) for e in event.actor] == [(e.raw_text, e.key()) for e in event.recipient]:
        return [event]  # a group meeting among its members ("the G-7 held talks") is one event, not two
    mirror = Event(
        **{
            **event.__dict__,
            "actor": list(event.recipient),
            "recipient": list(event.actor),
            "confidence": round(event.confidence - 0.01, 3),
        }
    )
    mirror.evidence = Evidence(**{**event.evidence.__dict__, "rule": event.evidence.rule + ":reciprocal"})
    return [event, mirror]
