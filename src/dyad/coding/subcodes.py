"""CAMEO sub-codes from what a clause is about.

CAMEO splits most verbal categories the same way: an appeal (02), intent (03), demand (10) or
rejection (12) can concern material cooperation, diplomatic cooperation, aid, political reform,
yielding, meeting, settling or mediation; each of those splits again (economic, military, judicial,
intelligence; leadership, policy, rights, regime; ...). The trigger says the category, the words of
its clause say which branch. This module owns those word lists and picks the deepest code that
the codebook has and the clause supports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dyad import taxonomy
from dyad.coding.syntax import _verbs_particle
from dyad.tokens import lemmas_and_forms

if TYPE_CHECKING:
    from spacy.tokens import Token

WORDS: dict[str, set[str]] = {
    # what an appeal, promise, demand or rejection is about
    "cooperation": {
        "cooperation",
        "co-operation",
        "trade",
        "investment",
        "exercise",
        "intelligence",
        "extradite",
        "extradition",
        "partnership",
        "business",
        "economic",
        "lease",
        "training",
        "information",
    },
    "diplomatic": {
        "support",
        "recognition",
        "recognize",
        "recognise",
        "backing",
        "endorsement",
        "membership",
        "solidarity",
    },
    "aid": {
        "aid",
        "assistance",
        "help",
        "relief",
        "food",
        "funds",
        "funding",
        "money",
        "loan",
        "supplies",
        "medicine",
        "humanitarian",
        "peacekeeper",
        "peacekeepers",
        "peacekeeping",
        "protection",
        "save",
        "grant",
    },
    "reform": {
        "reform",
        "reforms",
        "change",
        "election",
        "elections",
        "democracy",
        "resign",
        "resignation",
        "policy",
        "rights",
        "freedom",
        "independence",
        "referendum",
        "constitution",
        "removal",
    },
    "yield": {
        "release",
        "lift",
        "ease",
        "withdraw",
        "withdrawal",
        "ceasefire",
        "cease-fire",
        "truce",
        "halt",
        "access",
        "free",
        "allow",
        "reopen",
        "reconsider",
        "cancel",
        "abandon",
        "postpone",
        "stop",
        "end",
        "return",
        "evacuate",
    },
    "meet": {
        "meeting",
        "talks",
        "talk",
        "negotiation",
        "negotiations",
        "summit",
        "visit",
        "meet",
        "negotiate",
        "conference",
        "host",
    },
    "settle": {"settlement", "peace", "accord", "agreement", "deal", "solution", "reconcile", "plan"},
    "mediate": {"mediation", "mediate", "mediator"},
    # second-level branches
    "economic": {
        "investment",
        "trade",
        "economic",
        "economy",
        "business",
        "finance",
        "financial",
        "loan",
        "credit",
        "money",
        "fund",
        "funding",
        "tariff",
        "export",
        "import",
        "debt",
        "infrastructure",
        "energy",
        "oil",
        "grant",
        "market",
        "shilling",
        "dollar",
        "euro",
    },
    "military": {
        "military",
        "defence",
        "defense",
        "arms",
        "weapon",
        "army",
        "troops",
        "soldier",
        "naval",
        "missile",
        "warship",
        "instructor",
        "ammunition",
        "training",
        "ground",
    },
    "judicial": {
        "extradite",
        "extradition",
        "judicial",
        "court",
        "trial",
        "suspect",
        "justice",
        "militant",
        "wanted",
        "fugitive",
        "hand",
    },
    "intelligence": {"intelligence", "information", "data", "spy", "espionage"},
    "humanitarian": {
        "humanitarian",
        "food",
        "medicine",
        "relief",
        "refugee",
        "shelter",
        "water",
        "civilian",
        "starvation",
        "famine",
        "save",
    },
    "peacekeeping": {"peacekeeping", "peacekeeper", "peacekeepers", "protection"},
    "leadership": {
        "resign",
        "resignation",
        "removal",
        "ouster",
        "overthrow",
        "topple",
        "reinstate",
        "oust",
        "leadership",
        "impeachment",
        "impeach",
    },
    "policy": {
        "policy",
        "law",
        "bill",
        "decision",
        "measure",
        "tax",
        "price",
        "wage",
        "pay",
        "cut",
        "confiscation",
        "program",
        "programme",
    },
    "rights": {
        "right",
        "rights",
        "freedom",
        "liberty",
        "detainee",
        "prisoner",
        "violation",
        "abuse",
        "sharia",
        "discrimination",
        "press",
    },
    "regime": {
        "independence",
        "referendum",
        "autonomy",
        "democracy",
        "democratic",
        "election",
        "constitution",
        "regime",
        "sovereignty",
        "secession",
        "secede",
        "institution",
        "reform",
        "reforms",
    },
    "sanctions_admin": {"ban", "curfew", "restriction", "restrictions", "emergency", "curb", "curbs"},
    "dissent": {"protest", "strike", "demonstration", "boycott", "dissent", "rally"},
    "release": {"release", "free", "prisoner", "prisoners", "hostage", "hostages", "detainee", "detainees"},
    "sanctions_economic": {"sanction", "sanctions", "embargo", "blockade", "embargoes"},
    "involvement": {
        "access",
        "inspector",
        "inspectors",
        "observer",
        "observers",
        "monitor",
        "monitors",
        "humanitarian",
        "relief",
        "border",
        "borders",
    },
    "deescalation": {
        "withdraw",
        "withdrawal",
        "ceasefire",
        "cease-fire",
        "truce",
        "troops",
        "hostilities",
        "fighting",
        "de-escalate",
    },
    "crime": {
        "corruption",
        "fraud",
        "crime",
        "bribe",
        "bribery",
        "kickback",
        "kickbacks",
        "embezzlement",
        "smuggling",
        "trafficking",
    },
    "abuse": {"abuse", "abuses", "torture", "persecution", "discrimination", "welfare", "detention"},
    "aggression": {
        "attack",
        "aggression",
        "ceasefire",
        "violate",
        "violating",
        "invasion",
        "shelling",
        "raid",
        "incursion",
    },
    "war_crimes": {"war", "genocide", "atrocity", "atrocities", "massacre", "cleansing", "crime", "crimes"},
    "espionage": {"spy", "spying", "espionage"},
    "political_freedom": {"freedom", "press", "speech", "assembly", "newspaper", "media"},
    "parties": {"party", "parties", "candidate", "candidates", "opposition", "politician", "politicians"},
    "curfew": {"curfew"},
    "martial": {"emergency", "martial"},
    "sexual": {"rape", "sexual", "raped"},
    "torture": {"torture", "tortured"},
    "killing": {"kill", "killed", "lynch", "lynched", "beat", "death"},
    "suicide": {"suicide"},
    "vehicle": {"car", "vehicle", "truck", "lorry"},
    "roadside": {"roadside", "ied", "improvised"},
    "blockade": {"blockade", "siege"},
    "occupation": {"occupy", "occupation", "territory", "annex", "seize"},
    "unconventional": {"terrorist", "terror", "bomb", "bombing", "violence", "blows"},
    "conventional": {"offensive", "attack", "military", "invasion", "war", "strike"},
    "wmd": {"nuclear", "chemical", "biological", "weapons of mass destruction"},
    "relations": {"relations", "ties", "recall", "secede"},
    "sanction_threat": {"sanction", "sanctions", "embargo", "boycott", "tariff", "tariffs"},
    "break": {"break", "sever", "secede"},
    "threat_nonforce": {
        "sanction",
        "sanctions",
        "embargo",
        "boycott",
        "tariff",
        "relations",
        "ties",
        "secede",
        "break",
        "sever",
        "cut",
    },
    "threat_ban": {"ban", "outlaw", "curfew", "emergency", "candidate", "candidates", "party"},
    "threat_protest": {"protest", "strike", "demonstration", "rally", "blockade", "march", "boycott"},
    "threat_talks": {"talks", "negotiation", "negotiations", "dialogue"},
    "threat_expel": {"expel", "withdraw", "inspector", "inspectors", "observers", "peacekeepers"},
    "threat_repression": {"arrest", "crackdown", "repression", "detain", "jail", "curfew"},
    "threat_force": {
        "attack",
        "war",
        "military",
        "strike",
        "blows",
        "offensive",
        "violence",
        "terrorist",
        "activities",
        "force",
        "invade",
        "invasion",
        "bomb",
        "retaliate",
        "action",
    },
    "peacekeepers": {"peacekeeper", "peacekeepers", "troops", "force"},
    "inspectors": {"inspector", "inspectors", "observer", "observers", "monitor", "monitors"},
    "agencies": {"agency", "agencies", "worker", "workers", "ngo", "ngos", "organization", "organisation"},
}

#: First level: a general verbal code and the category each topic sends it to.
CATEGORIES: dict[str, dict[str, str]] = {
    "020": {
        "cooperation": "021",
        "diplomatic": "022",
        "aid": "023",
        "reform": "024",
        "yield": "025",
        "meet": "026",
        "settle": "027",
        "mediate": "028",
    },
    "030": {
        "cooperation": "031",
        "diplomatic": "032",
        "aid": "033",
        "reform": "034",
        "yield": "035",
        "meet": "036",
        "settle": "037",
        "mediate": "039",
    },
    "100": {
        "cooperation": "101",
        "diplomatic": "102",
        "aid": "103",
        "reform": "104",
        "yield": "105",
        "meet": "106",
        "settle": "107",
        "mediate": "108",
    },
    "130": {
        "threat_force": "138",
        "threat_nonforce": "131",
        "threat_ban": "132",
        "threat_protest": "133",
        "threat_talks": "134",
        "threat_expel": "136",
        "threat_repression": "137",
    },
    "120": {
        "cooperation": "121",
        "aid": "122",
        "reform": "123",
        "yield": "124",
        "meet": "125",
        "mediate": "126",
        "settle": "127",
    },
}

#: Second level: a code and the topics of its 1st, 2nd, ... sub-codes.
COOPERATION = ("economic", "military", "judicial", "intelligence")
AID = ("economic", "military", "humanitarian", "peacekeeping")
REFORM = ("leadership", "policy", "rights", "regime")
YIELD = ("sanctions_admin", "dissent", "release", "sanctions_economic", "involvement", "deescalation")
ACCUSATION = ("crime", "abuse", "aggression", "war_crimes", "espionage")
BRANCHES: dict[str, tuple[str, ...]] = {
    **{code: COOPERATION for code in ("021", "031", "101", "121")},
    **{code: AID for code in ("023", "033", "103", "122")},
    **{code: REFORM for code in ("024", "034", "104", "123", "141", "142", "143", "144", "145")},
    "140": (),
    **{code: YIELD for code in ("025", "035", "105", "124")},
    "112": ACCUSATION,
    "131": ("relations", "sanction_threat", "break"),
    "166": ("peacekeepers", "inspectors", "agencies"),
    "138": ("blockade", "occupation", "unconventional", "conventional", "wmd"),
    "162": ("economic", "military", "humanitarian"),
    "172": ("political_freedom", "parties", "curfew", "martial"),
    "182": ("sexual", "torture", "killing"),
    "183": ("suicide", "vehicle", "roadside"),
}
#: Three-digit branches written out (060 + military -> 062).
THREE_DIGIT: dict[str, dict[str, str]] = {
    "060": {"economic": "061", "military": "062", "judicial": "063", "intelligence": "064"},
    "070": {"economic": "071", "military": "072", "humanitarian": "073", "peacekeeping": "074"},
    "090": {"crime": "091", "abuse": "092", "aggression": "093", "war_crimes": "094"},
}


# --- senses: the trigger's category from its own construction ------------------------------------
# A few trigger lemmas name acts of different CAMEO categories; the words that hang on them say which.

#: Labour-strike words: who strikes and what for (CAMEO 143 "refuse to work ... until demands are met").
LABOUR = {
    "worker",
    "workers",
    "union",
    "unions",
    "unionist",
    "employee",
    "staff",
    "teacher",
    "miner",
    "driver",
    "doctor",
    "nurse",
    "docker",
    "dockworker",
    "pilot",
    "labour",
    "labor",
    "wage",
    "wages",
    "pay",
    "salary",
    "pension",
    "general",
    "walkout",
    "trucker",
    "farmer",
    "student",
    "hunger",
    "work",
    "job",
    "contract",
}
#: Weapons, forces and targets: a strike by them or against them is an attack (CAMEO 19).
ARMED_STRIKE = {
    "military",
    "army",
    "navy",
    "force",
    "forces",
    "troops",
    "soldier",
    "target",
    "position",
    "positions",
    "base",
    "facility",
    "site",
    "depot",
    "convoy",
    "artillery",
    "retaliatory",
    "precision",
    "ballistic",
    "naval",
    "preemptive",
    "pre-emptive",
    "munition",
    "militant",
    "militia",
    "rebel",
    "insurgent",
    "fighter",
    "jihadist",
    "hideout",
    "stronghold",
    "camp",
    "infrastructure",
    "bombardment",
    "deadly",
    "lethal",
    "kill",
    "killed",
    "killing",
    "wound",
    "wounded",
    "dead",
}
#: Aerial weapons: CAMEO 195 "Employ aerial weapons: attack, bomb from air" (missiles and drones too).
AERIAL = {
    "air",
    "airstrike",
    "aerial",
    "drone",
    "drones",
    "aircraft",
    "warplane",
    "warplanes",
    "jet",
    "jets",
    "bomber",
    "bombers",
    "helicopter",
    "missile",
    "missiles",
    "cruise",
    "rocket",
    "rockets",
    "airforce",
}
#: Whom one welcomes as a guest (CAMEO 043 "host a visit"); anything else welcomed is praised (051).
GUESTS = {
    "delegation",
    "visitor",
    "guest",
    "president",
    "minister",
    "leader",
    "counterpart",
    "envoy",
    "ambassador",
    "king",
    "queen",
    "pope",
    "prince",
    "premier",
    "chancellor",
    "secretary",
    "official",
    "team",
    "mission",
    "head",
    "monarch",
    "emir",
    "amir",
    "sheikh",
    "visit",
    "arrival",
    "troops",
    "refugee",
    "refugees",
    "migrant",
    "migrants",
    "crown",
    "general",
    "commander",
    "dignitary",
    "dignitaries",
}
#: What a concern can be "about" that makes it criticism of someone's conduct (CAMEO 111) rather than a
#: pessimistic comment on a situation (012).
CONDUCT = {
    "violence",
    "action",
    "actions",
    "activity",
    "activities",
    "behaviour",
    "behavior",
    "conduct",
    "crackdown",
    "repression",
    "treatment",
    "abuse",
    "abuses",
    "violation",
    "violations",
    "escalation",
    "provocation",
    "provocations",
    "aggression",
    "incursion",
    "incursions",
    "expansion",
    "settlement",
    "settlements",
    "demolition",
    "demolitions",
    "arrest",
    "arrests",
    "detention",
    "detentions",
    "execution",
    "executions",
    "killing",
    "killings",
    "shelling",
    "bombardment",
    "offensive",
    "policy",
    "policies",
    "decision",
    "move",
    "rhetoric",
    "test",
    "tests",
    "launch",
    "launches",
    "buildup",
    "build-up",
    "deployment",
    "seizure",
    "interference",
    "harassment",
    "persecution",
    "discrimination",
    "censorship",
    "attacks",
    "strikes",
    "airstrikes",
    "raids",
    "annexation",
    "occupation",
    "blockade",
    "restrictions",
}
CONCERN_PREPS = ("about", "over", "with", "at", "regarding", "on", "of")
#: What is "committed" when commit means perpetrate (not CAMEO 03 "commit to"): violence is an assault (18).
PERPETRATED_VIOLENCE = {
    "violence",
    "atrocity",
    "atrocities",
    "massacre",
    "massacres",
    "genocide",
    "murder",
    "murders",
    "attack",
    "attacks",
    "assault",
    "assaults",
    "killing",
    "killings",
    "rape",
    "torture",
    "terrorism",
    "aggression",
    "bombing",
    "bombings",
    "abuse",
    "abuses",
}
PERPETRATED = PERPETRATED_VIOLENCE | {
    "crime",
    "crimes",
    "offence",
    "offense",
    "offences",
    "offenses",
    "violation",
    "violations",
    "fraud",
    "sin",
    "sins",
    "error",
    "errors",
    "mistake",
    "mistakes",
    "suicide",
    "act",
    "acts",
    "felony",
    "infraction",
    "infractions",
    "breach",
}


def _lemmas(tokens: object) -> set[str]:
    out: set[str] = set()
    for t in tokens:  # type: ignore[attr-defined]
        out.add(t.lemma_.lower())
        out.add(t.lower_)
    return out


def _strike(code: str, token: Token) -> str:
    """ "strike" is a labour strike (143) or an armed strike (190; 195 from the air). A transitive strike
    ("missiles struck a depot") or one on/against a target is an attack; so is a strike by or with
    weapons. Labour words (workers, unions, wages) keep the protest sense."""
    near = [
        c
        for c in token.children
        if c.dep_ in ("compound", "amod", "nsubj", "nsubjpass", "dobj", "prep", "agent", "npadvmod", "nummod")
    ]
    words = _lemmas(t for c in near for t in c.subtree)
    if token.pos_ in ("NOUN", "PROPN"):  # "conducted strikes", "strikes hit": the governing verb's subject too
        head = token.head
        words |= _lemmas(t for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "agent") for t in c.subtree)
    if words & LABOUR:
        return code
    transitive = token.pos_ not in ("NOUN", "PROPN") and any(c.dep_ in ("dobj", "nsubjpass") for c in token.children)
    against = any(c.dep_ == "prep" and c.lower_ in ("on", "against", "at", "targeting") for c in token.children)
    if not (transitive or against or words & (ARMED_STRIKE | AERIAL)):
        return code
    if code.startswith("13"):
        return "138"  # a threatened armed strike threatens force
    return "195" if words & AERIAL else "190"


def _object_of(token: Token) -> Token | None:
    return next((c for c in token.children if c.dep_ in ("dobj", "nsubjpass")), None)


def _welcome(code: str, token: Token) -> str:
    """ "welcomed the delegation" hosts a visit (043); "welcomed the decision" praises it (051)."""
    obj = _object_of(token)
    if obj is None or obj.pos_ in ("PROPN", "PRON") or obj.lemma_.lower() in GUESTS:
        return code
    return "051"


def _concern(code: str, token: Token) -> str:
    """ "expressed concern over the violence against migrants" criticises that conduct (111)."""
    concern = next(
        (c for c in token.children if c.lemma_.lower() in ("concern", "concerns") and c.dep_ in ("dobj", "nsubjpass")),
        None,
    )
    if concern is None:
        return code
    objects = [
        g
        for p in concern.children
        if p.dep_ == "prep" and p.lower_ in CONCERN_PREPS
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if any(g.lemma_.lower() in CONDUCT or g.lower_ in CONDUCT for g in objects):
        return "111"
    return code


def _commit(code: str, token: Token) -> str:
    """ "violence committed against X", "committed atrocities": commit is perpetrate, not a pledge (03)."""
    if token.dep_ == "acl" and (token.head.lemma_.lower() in PERPETRATED or token.head.lower_ in PERPETRATED):
        return "010"  # "violence committed against X": the deed is described inside a noun phrase, not done here
    done = _object_of(token)
    if done is None:
        return code
    lemma = done.lemma_.lower()
    if lemma in PERPETRATED_VIOLENCE or done.lower_ in PERPETRATED_VIOLENCE:
        return "180"
    if lemma in PERPETRATED or done.lower_ in PERPETRATED:
        return "010"  # a misdeed reported, no act of the clause's own
    return code


def _labels(token: Token) -> bool:
    """ "called X Y": a direct object and a predicate naming what it is (a secondary predicate)."""
    children = list(token.children)
    named = next((c for c in children if c.dep_ == "dobj"), None)
    if named is None:
        return False
    if any(c.dep_ == "oprd" or (c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("NOUN", "PROPN", "ADJ")) for c in children):
        return True
    # a long object's predicate the parser hung inside a preposition ("called the raids on two of its
    # platforms an escalation": "an escalation" in apposition to "two", or a second object of "on"); an
    # apposition to the object itself ("called the minister, a close ally, to ...") names the object
    return any(_stray_predicate(t) for c in children if c.dep_ == "prep" and c.i > named.i for t in c.subtree)


def _stray_predicate(t: Token) -> bool:
    """ "an escalation" parsed in apposition, or as a preposition's second object, after a noun."""
    if not any(d.lower_ in ("a", "an") for d in t.lefts):
        return False
    if t.dep_ == "appos":
        return True
    return t.dep_ == "pobj" and any(o.dep_ == "pobj" and o.i < t.i for o in t.head.children)


def _call(code: str, token: Token) -> str:
    """ "called the raid a crime", "calls him 'the butcher'": a label that denounces (CAMEO 111 "defame,
    denigrate"); "called for/on" stays the appeal it is (020); any other "call" is no event of its own."""
    if _labels(token):
        return "111"
    if code != "111":
        return code
    if any(
        c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on", "upon") and _verbs_particle(c) for c in token.children
    ):
        return "020"  # not "called on Tuesday ..."
    if any(c.dep_ == "dobj" and c.pos_ == "PROPN" for c in token.children):
        return "041"  # "Egypt called Israel to ...": a telephone call (CAMEO 041)
    return "010"


#: Whom one speaks to in public: a statement (CAMEO 010), not a consultation between actors (040).
AUDIENCE = {
    "reporter",
    "reporters",
    "journalist",
    "journalists",
    "press",
    "media",
    "newspaper",
    "newspapers",
    "television",
    "radio",
    "audience",
    "crowd",
    "crowds",
    "supporter",
    "supporters",
    "student",
    "students",
    "agency",
    "broadcaster",
    "channel",
    "magazine",
    "paper",
    "daily",
    "lawmaker",
    "lawmakers",
    "parliament",
    "rally",
    "conference",
    "forum",
    "meeting",
    "gathering",
    "nation",
    "people",
    "public",
    "voter",
    "voters",
}
#: What is executed when "execute" means carry out: a plan or an order, not a person (CAMEO 18).
EXECUTED_TASKS = {
    "plan",
    "order",
    "orders",
    "contract",
    "agreement",
    "deal",
    "project",
    "strategy",
    "warrant",
    "program",
    "programme",
    "budget",
    "policy",
    "task",
    "mission",
    "operation",
    "decision",
    "trade",
    "transaction",
    "transactions",
    "maneuver",
    "manoeuvre",
    "move",
    "turn",
    "reform",
    "reforms",
    "mandate",
    "will",
    "duty",
    "duties",
    "function",
    "functions",
    "document",
    "option",
}


def _speak(code: str, token: Token) -> str:
    """ "spoke with the Albanian prime minister" consults (040); "spoke to reporters" is a statement."""
    hearers = [
        g
        for p in token.children
        if p.dep_ == "prep" and p.lower_ in ("with", "to")
        for g in p.children
        if g.dep_ == "pobj"
    ]
    if any(g.lemma_.lower() in AUDIENCE or g.lower_ in AUDIENCE for g in hearers):
        return "010"
    return code


def _execute(code: str, token: Token) -> str:
    """ "executed two prisoners" kills (18); "executed the plan" carries it out (no event)."""
    if token.pos_ in ("NOUN", "PROPN"):
        done = [
            g for p in token.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"
        ]
    else:
        done = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    if any(d.lemma_.lower() in EXECUTED_TASKS or d.lower_ in EXECUTED_TASKS for d in done):
        return "010"
    return code


def _package(code: str, token: Token) -> str:
    """ "announced a sanctions package" imposes sanctions (CAMEO 163), it gives no aid (07)."""
    for obj in (c for c in token.children if c.dep_ in ("dobj", "nsubjpass")):
        if _lemmas(obj.subtree) & {"sanction", "sanctions", "embargo"}:
            return "163"
    return code


#: Military hardware: destroying it is fighting (CAMEO 190), not destroying civilian property (1712).
MATERIEL = {
    "vehicle",
    "vehicles",
    "drone",
    "drones",
    "missile",
    "missiles",
    "launcher",
    "launchers",
    "tank",
    "tanks",
    "boat",
    "boats",
    "vessel",
    "vessels",
    "warship",
    "aircraft",
    "radar",
    "radars",
    "weapon",
    "weapons",
    "depot",
    "depots",
    "artillery",
    "howitzer",
    "battery",
    "batteries",
    "helicopter",
    "jet",
    "jets",
    "bunker",
    "bunkers",
    "tunnel",
    "tunnels",
    "rocket",
    "rockets",
    "ammunition",
    "munitions",
}
#: Verbs of force posture: a deployment announced for later is a mobilisation (15), not a threat (138).
POSTURE = {"deploy", "dispatch", "send", "station", "mobilize", "mobilise", "position"}


def _destroy(code: str, token: Token) -> str:
    """ "destroyed a Houthi drone launcher": armed force against materiel (190); homes stay 1712."""
    obj = _object_of(token)
    if obj is not None and (obj.lemma_.lower() in MATERIEL or obj.lower_ in MATERIEL):
        return "190"
    return code


def _posture(code: str, token: Token) -> str:
    """ "troops will be deployed to Latvia": a future deployment (152) unless it is aimed at someone."""
    if any(c.dep_ == "prep" and c.lower_ in ("against", "toward", "towards") for c in token.children):
        return code
    return "152"


def sense(code: str, token: Token, composed: bool = False) -> str:
    """The trigger's CAMEO category, read from its construction where its lemma has several senses.
    ``composed``: the code is an outer trigger's ("threatened to deploy troops" stays a threat)."""
    lemma = token.lemma_.lower()
    if lemma in ("strike", "strikes") and (code.startswith("143") or code in ("133", "1433")):
        return _strike(code, token)
    if lemma == "welcome" and code == "043" and token.pos_ in ("VERB", "AUX"):
        return _welcome(code, token)
    if code == "012" and lemma in ("express", "voice", "reiterate", "raise", "convey"):
        return _concern(code, token)
    if lemma == "commit" and code.startswith("03"):
        return _commit(code, token)
    if lemma == "call" and (code in ("111", "041") or code.startswith(("02", "143"))):
        return _call(code, token)
    if lemma == "speak" and code == "040":
        return _speak(code, token)
    if lemma == "destroy" and code == "1712":
        return _destroy(code, token)
    if lemma in POSTURE and code == "138" and not composed:
        return _posture(code, token)
    if lemma in ("announce", "unveil", "approve") and code.startswith("07"):
        return _package(code, token)
    if lemma in ("execute", "execution") and code == "180":
        return _execute(code, token)
    return code


def clause_words(token: Token) -> list[str]:
    """The lemmas and words of the clause a trigger heads (the noun's clause for noun triggers)."""
    clause = token if token.pos_ in ("VERB", "AUX") or token.head == token else token.head
    lemmas, forms = lemmas_and_forms(token.doc)
    words = []
    # spaCy's parses are projective: a subtree is the run of words from its left to its right edge
    for i in range(clause.left_edge.i, clause.right_edge.i + 1):
        words.append(lemmas[i])
        if forms[i] != lemmas[i]:
            words.append(forms[i])
    return words


def _best(words: list[str], topics: tuple[str, ...] | list[str]) -> str | None:
    scored = [(sum(w in WORDS[topic] for w in words), -n, topic) for n, topic in enumerate(topics)]
    best = max(scored, default=(0, 0, ""))
    return best[2] if best[0] else None


def refine(code: str, token: Token, composed: bool = False) -> str:
    """The deepest CAMEO code under ``code`` that the trigger's clause supports."""
    code = sense(code, token, composed)
    if code not in CATEGORIES and code not in THREE_DIGIT and code not in BRANCHES:
        return code  # nothing to refine: the clause's words are not read
    words = clause_words(token)
    if not composed and code in CATEGORIES:
        topic = _best(words, list(CATEGORIES[code]))
        if topic is not None:
            code = CATEGORIES[code][topic]
    if code in THREE_DIGIT:
        topic = _best(words, tuple(THREE_DIGIT[code]))
        return THREE_DIGIT[code][topic] if topic else code
    topics = BRANCHES.get(code)
    if not topics:
        return code
    topic = _best(words, topics)
    if topic is None:
        return code
    refined = code + str(topics.index(topic) + 1)
    return refined if taxonomy.is_cameo(refined) else code
