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

if TYPE_CHECKING:
    from spacy.tokens import Token

WORDS: dict[str, set[str]] = {
    # what an appeal, promise, demand or rejection is about
    "cooperation": {"cooperation", "co-operation", "trade", "investment", "exercise", "intelligence", "extradite",
                    "extradition", "partnership", "business", "economic", "lease", "training", "information"},
    "diplomatic": {"support", "recognition", "recognize", "recognise", "backing", "endorsement", "membership",
                   "solidarity"},
    "aid": {"aid", "assistance", "help", "relief", "food", "funds", "funding", "money", "loan", "supplies",
            "medicine", "humanitarian", "peacekeeper", "peacekeepers", "peacekeeping", "protection", "save",
            "grant"},
    "reform": {"reform", "reforms", "change", "election", "elections", "democracy", "resign", "resignation",
               "policy", "rights", "freedom", "independence", "referendum", "constitution", "removal"},
    "yield": {"release", "lift", "ease", "withdraw", "withdrawal", "ceasefire", "cease-fire", "truce", "halt",
              "access", "free", "allow", "reopen", "reconsider", "cancel", "abandon", "postpone", "stop",
              "end", "return", "evacuate"},
    "meet": {"meeting", "talks", "talk", "negotiation", "negotiations", "summit", "visit", "meet",
             "negotiate", "conference", "host"},
    "settle": {"settlement", "peace", "accord", "agreement", "deal", "solution", "reconcile", "plan"},
    "mediate": {"mediation", "mediate", "mediator"},
    # second-level branches
    "economic": {"investment", "trade", "economic", "economy", "business", "finance", "financial", "loan", "credit",
                 "money", "fund", "funding", "tariff", "export", "import", "debt", "infrastructure", "energy",
                 "oil", "grant", "market", "shilling", "dollar", "euro"},
    "military": {"military", "defence", "defense", "arms", "weapon", "army", "troops", "soldier", "naval",
                 "missile", "warship", "instructor", "ammunition", "training", "ground"},
    "judicial": {"extradite", "extradition", "judicial", "court", "trial", "suspect", "justice", "militant",
                 "wanted", "fugitive", "hand"},
    "intelligence": {"intelligence", "information", "data", "spy", "espionage"},
    "humanitarian": {"humanitarian", "food", "medicine", "relief", "refugee", "shelter", "water", "civilian",
                     "starvation", "famine", "save"},
    "peacekeeping": {"peacekeeping", "peacekeeper", "peacekeepers", "protection"},
    "leadership": {"resign", "resignation", "removal", "ouster", "overthrow", "topple", "reinstate", "oust",
                   "leadership", "impeachment", "impeach"},
    "policy": {"policy", "law", "bill", "decision", "measure", "tax", "price", "wage", "pay", "cut",
               "confiscation", "program", "programme"},
    "rights": {"right", "rights", "freedom", "liberty", "detainee", "prisoner", "violation", "abuse", "sharia",
               "discrimination", "press"},
    "regime": {"independence", "referendum", "autonomy", "democracy", "democratic", "election", "constitution",
               "regime", "sovereignty", "secession", "secede", "institution", "reform", "reforms"},
    "sanctions_admin": {"ban", "curfew", "restriction", "restrictions", "emergency", "curb", "curbs"},
    "dissent": {"protest", "strike", "demonstration", "boycott", "dissent", "rally"},
    "release": {"release", "free", "prisoner", "prisoners", "hostage", "hostages", "detainee", "detainees"},
    "sanctions_economic": {"sanction", "sanctions", "embargo", "blockade", "embargoes"},
    "involvement": {"access", "inspector", "inspectors", "observer", "observers", "monitor", "monitors",
                    "humanitarian", "relief", "border", "borders"},
    "deescalation": {"withdraw", "withdrawal", "ceasefire", "cease-fire", "truce", "troops", "hostilities",
                     "fighting", "de-escalate"},
    "crime": {"corruption", "fraud", "crime", "bribe", "bribery", "kickback", "kickbacks", "embezzlement",
              "smuggling", "trafficking"},
    "abuse": {"abuse", "abuses", "torture", "persecution", "discrimination", "welfare", "detention"},
    "aggression": {"attack", "aggression", "ceasefire", "violate", "violating", "invasion", "shelling", "raid",
                   "incursion"},
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
    "threat_nonforce": {"sanction", "sanctions", "embargo", "boycott", "tariff", "relations", "ties", "secede",
                        "break", "sever", "cut"},
    "threat_ban": {"ban", "outlaw", "curfew", "emergency", "candidate", "candidates", "party"},
    "threat_protest": {"protest", "strike", "demonstration", "rally", "blockade", "march", "boycott"},
    "threat_talks": {"talks", "negotiation", "negotiations", "dialogue"},
    "threat_expel": {"expel", "withdraw", "inspector", "inspectors", "observers", "peacekeepers"},
    "threat_repression": {"arrest", "crackdown", "repression", "detain", "jail", "curfew"},
    "threat_force": {"attack", "war", "military", "strike", "blows", "offensive", "violence", "terrorist",
                     "activities", "force", "invade", "invasion", "bomb", "retaliate", "action"},
    "peacekeepers": {"peacekeeper", "peacekeepers", "troops", "force"},
    "inspectors": {"inspector", "inspectors", "observer", "observers", "monitor", "monitors"},
    "agencies": {"agency", "agencies", "worker", "workers", "ngo", "ngos", "organization", "organisation"},
}

#: First level: a general verbal code and the category each topic sends it to.
CATEGORIES: dict[str, dict[str, str]] = {
    "020": {"cooperation": "021", "diplomatic": "022", "aid": "023", "reform": "024", "yield": "025",
            "meet": "026", "settle": "027", "mediate": "028"},
    "030": {"cooperation": "031", "diplomatic": "032", "aid": "033", "reform": "034", "yield": "035",
            "meet": "036", "settle": "037", "mediate": "039"},
    "100": {"cooperation": "101", "diplomatic": "102", "aid": "103", "reform": "104", "yield": "105",
            "meet": "106", "settle": "107", "mediate": "108"},
    "130": {"threat_force": "138", "threat_nonforce": "131", "threat_ban": "132", "threat_protest": "133",
            "threat_talks": "134", "threat_expel": "136", "threat_repression": "137"},
    "120": {"cooperation": "121", "aid": "122", "reform": "123", "yield": "124", "meet": "125",
            "mediate": "126", "settle": "127"},
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


def clause_words(token: Token) -> list[str]:
    """The lemmas and words of the clause a trigger heads (the noun's clause for noun triggers)."""
    clause = token if token.pos_ in ("VERB", "AUX") or token.head == token else token.head
    words = []
    for t in clause.subtree:
        words.append(t.lemma_.lower())
        if t.lower_ != t.lemma_.lower():
            words.append(t.lower_)
    return words


def _best(words: list[str], topics: tuple[str, ...] | list[str]) -> str | None:
    scored = [(sum(w in WORDS[topic] for w in words), -n, topic) for n, topic in enumerate(topics)]
    best = max(scored, default=(0, 0, ""))
    return best[2] if best[0] else None


def refine(code: str, token: Token, composed: bool = False) -> str:
    """The deepest CAMEO code under ``code`` that the trigger's clause supports."""
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
