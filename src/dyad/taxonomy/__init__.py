"""The event ontologies: CAMEO codes and PLOVER types, modes and contexts.

This module is the only owner of codes. Every other stage asks it whether a code exists and
what it means, so no code outside it can emit a CAMEO code that is not in the codebook.

The CAMEO codebook (names, Goldstein scores, quad classes) is the ICEWS edition bundled in
``dyad/data/cameo/codebook.tsv`` (MIT, see its LICENSE.md). The CAMEO -> PLOVER mapping below
is Dyad's own table, written from the PLOVER manual's category definitions.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from importlib import resources

PLOVER_TYPES: tuple[str, ...] = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)

#: PLOVER's quad classes for its types (1 verbal coop, 2 material coop, 3 verbal conflict, 4 material).
PLOVER_QUAD: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 1,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "SANCTION": 3,
    "PROTEST": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

QUAD_NAMES: dict[int, str] = {
    0: "neutral statement",
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}

PLOVER_CONTEXTS: tuple[str, ...] = (
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "culture",
    "education",
    "crime",
    "corruption",
    "cbrn",
    "peacekeeping",
    "humanitarian",
    "terrorism",
    "cyber",
)

# CAMEO root -> PLOVER type. Roots 01 (statements) have no PLOVER type: Dyad keeps them as
# statements and quotes, not events.
_ROOT_TO_PLOVER: dict[str, str | None] = {
    "01": None,
    "02": "REQUEST",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}

# Codes whose PLOVER type differs from their root's, with the PLOVER mode where one applies.
# PLOVER splits CAMEO's "yield" into CONCEDE (verbal and political) and RETREAT (material steps back).
_CODE_OVERRIDES: dict[str, tuple[str, str]] = {
    "084": ("RETREAT", "release"),
    "0841": ("RETREAT", "release"),
    "0842": ("RETREAT", "return"),
    "085": ("RETREAT", "ease"),
    "086": ("RETREAT", "access"),
    "0861": ("RETREAT", "access"),
    "0862": ("RETREAT", "access"),
    "0863": ("RETREAT", "access"),
    "087": ("RETREAT", "disarm"),
    "0871": ("RETREAT", "ceasefire"),
    "0872": ("RETREAT", "withdraw"),
    "0873": ("RETREAT", "disarm"),
    "0874": ("RETREAT", "disarm"),
    "164": ("REJECT", "meet"),
    "175": ("ASSAULT", "crowd-control"),
    "1712": ("COERCE", "seize"),
    "184": ("COERCE", "human-shield"),
    "191": ("COERCE", "restrict"),
    "192": ("COERCE", "seize"),
}

# Modes for codes that keep their root's type.
_CODE_MODES: dict[str, str] = {
    "041": "phone",
    "042": "visit",
    "043": "visit",
    "044": "third-party",
    "090": "investigate",
    "091": "investigate",
    "092": "investigate",
    "093": "investigate",
    "094": "investigate",
    "110": "disapprove",
    "111": "disapprove",
    "112": "allege",
    "1121": "allege",
    "1122": "allege",
    "1123": "allege",
    "1124": "allege",
    "1125": "allege",
    "113": "disapprove",
    "114": "allege",
    "115": "allege",
    "116": "disapprove",
    "101": "assist",
    "102": "assist",
    "103": "assist",
    "104": "change",
    "105": "change",
    "106": "meet",
    "107": "meet",
    "108": "meet",
    "021": "assist",
    "022": "assist",
    "023": "assist",
    "024": "change",
    "025": "yield",
    "026": "meet",
    "027": "meet",
    "028": "meet",
    "121": "assist",
    "122": "assist",
    "123": "change",
    "124": "change",
    "125": "meet",
    "126": "meet",
    "127": "meet",
    "128": "yield",
    "129": "yield",
    "141": "demo",
    "142": "hunger",
    "143": "boycott",
    "144": "obstruct",
    "145": "riot",
    "151": "police",
    "152": "troops",
    "153": "police",
    "154": "troops",
    "161": "withdraw",
    "162": "discontinue",
    "163": "restrict",
    "165": "withdraw",
    "166": "expel",
    "171": "seize",
    "172": "restrict",
    "173": "arrest",
    "174": "deport",
    "181": "abduct",
    "182": "beat",
    "183": "suicide-attack",
    "184": "abduct",
    "185": "assassinate",
    "186": "assassinate",
    "193": "firearms",
    "194": "heavy-weapons",
    "195": "heavy-weapons",
    "200": "massacre",
    "202": "massacre",
    "204": "unconventional",
}

# Contexts implied by a CAMEO code's own meaning (PLOVER puts CAMEO's sub-codes into contexts).
_CODE_CONTEXTS: dict[str, tuple[str, ...]] = {
    "0211": ("economic",),
    "0212": ("military",),
    "0213": ("legal",),
    "0214": ("intelligence",),
    "0231": ("economic",),
    "0232": ("military",),
    "0233": ("humanitarian",),
    "0234": ("peacekeeping",),
    "0311": ("economic",),
    "0312": ("military",),
    "0313": ("legal",),
    "0314": ("intelligence",),
    "0331": ("economic",),
    "0332": ("military",),
    "0333": ("humanitarian",),
    "0334": ("peacekeeping",),
    "036": ("diplomatic",),
    "037": ("diplomatic",),
    "039": ("diplomatic",),
    "045": ("diplomatic",),
    "046": ("diplomatic",),
    "05": ("diplomatic",),
    "061": ("economic",),
    "062": ("military",),
    "063": ("legal",),
    "064": ("intelligence",),
    "071": ("economic",),
    "072": ("military",),
    "073": ("humanitarian",),
    "074": ("peacekeeping",),
    "075": ("asylum",),
    "081": ("legal",),
    "091": ("crime", "corruption"),
    "092": ("human_rights",),
    "093": ("military",),
    "1011": ("economic",),
    "1012": ("military",),
    "1033": ("humanitarian",),
    "1121": ("crime", "corruption"),
    "1122": ("human_rights",),
    "1123": ("military",),
    "1312": ("economic",),
    "138": ("military",),
    "1385": ("cbrn",),
    "152": ("military",),
    "154": ("military",),
    "161": ("diplomatic",),
    "1621": ("economic",),
    "1622": ("military",),
    "1623": ("humanitarian",),
    "166": ("diplomatic",),
    "173": ("legal",),
    "19": ("military",),
    "204": ("cbrn",),
}


@dataclass(frozen=True)
class CameoCode:
    """One CAMEO code as the codebook defines it."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int  # 0 statement/appeal, 1-4 as PLOVER/Phoenix quad classes
    description: str


@dataclass(frozen=True)
class PloverCoding:
    """The PLOVER reading of a CAMEO code."""

    event: str | None
    mode: str
    contexts: tuple[str, ...]


@cache
def codebook() -> dict[str, CameoCode]:
    """All CAMEO codes of the bundled codebook, keyed by code (e.g. "043")."""
    text = resources.files("dyad.data").joinpath("cameo/codebook.tsv").read_text(encoding="utf-8")
    rows = csv.DictReader(text.splitlines(), delimiter="\t")
    out: dict[str, CameoCode] = {}
    for row in rows:
        code = row["code"].strip()
        out[code] = CameoCode(
            code=code,
            name=row["name"].strip(),
            root=row["root"].strip(),
            goldstein=float(row["goldstein_icews"] or 0),
            quad_class=quad_for_cameo(code),
            description=row["description"].strip(),
        )
    return out


def quad_for_cameo(code: str) -> int:
    """Quad class by CAMEO root: 0 statements/appeals, 1 verbal coop, 2 material coop, 3/4 conflict."""
    root = int(code[:2])
    if root <= 2:
        return 0
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    if root <= 13 or root == 16:
        return 3
    return 4


def is_cameo(code: str | None) -> bool:
    """True when ``code`` is a code of the bundled CAMEO codebook."""
    return bool(code) and code in codebook()


def cameo(code: str) -> CameoCode:
    """The codebook entry of ``code``; raises KeyError for codes that do not exist."""
    return codebook()[code]


def root_of(code: str) -> str:
    return code[:2]


def plover(code: str) -> PloverCoding:
    """PLOVER type, mode and contexts of a CAMEO code."""
    entry = cameo(code)
    event, mode = _CODE_OVERRIDES.get(code, (_ROOT_TO_PLOVER[entry.root], _CODE_MODES.get(code, "")))
    contexts: tuple[str, ...] = ()
    for key in (code, code[:3], code[:2]):
        if key in _CODE_CONTEXTS:
            contexts = _CODE_CONTEXTS[key]
            break
    return PloverCoding(event=event, mode=mode, contexts=contexts)


def quad_for_event(event: str | None) -> int:
    """Quad class of a PLOVER type (0 when it has none)."""
    return PLOVER_QUAD.get(event or "", 0)


def default_cameo_for(event: str) -> str:
    """The most general CAMEO code of a PLOVER type, for events that have only a PLOVER reading."""
    defaults = {
        "AGREE": "030",
        "CONSULT": "040",
        "SUPPORT": "050",
        "CONCEDE": "080",
        "COOPERATE": "060",
        "AID": "070",
        "RETREAT": "087",
        "REQUEST": "020",
        "ACCUSE": "112",
        "REJECT": "120",
        "THREATEN": "130",
        "SANCTION": "160",
        "PROTEST": "140",
        "MOBILIZE": "150",
        "COERCE": "170",
        "ASSAULT": "190",
    }
    return defaults[event]


# --- CAMEO families: the forms one act takes as intent, appeal, demand, rejection or threat ---------

#: Codes whose act is mutual: a meeting, a cooperation or a statement of it holds both ways.
RECIPROCAL_CODES = frozenset({"040", "044", "046", "057", "019", "036", "060", "061", "062"})
#: By the root of an act: the code of expressing intent to do it (CAMEO 03x), e.g. "will meet" -> 036.
INTENT_FORM = {"04": "036", "05": "032", "06": "031", "07": "033", "08": "035"}
#: By the root of an act: the code of appealing for it (CAMEO 02x), e.g. "urged to cooperate" -> 021.
APPEAL_FORM = {"04": "026", "05": "022", "06": "021", "07": "023", "08": "025", "03": "022"}
#: By the root of an act: the code of demanding it (CAMEO 10x).
DEMAND_FORM = {"04": "106", "05": "102", "06": "101", "07": "103", "08": "105"}
#: By the root of an act: the code of rejecting or withholding it (CAMEO 12x).
REJECTION_FORM = {"04": "125", "05": "120", "06": "121", "07": "122", "08": "124", "03": "125"}
#: By the root of a hostile act: the code of threatening it (CAMEO 13x).
THREAT_FORM = {"14": "133", "15": "138", "16": "131", "17": "137", "18": "138", "19": "138", "20": "138"}
#: By the root of an appeal, intent, demand or rejection: its political-reform form, for a concession
#: of leadership, policy, rights or regime (083x) as its content ("declined to resign" -> 1231).
REFORM_FORM = {"02": "024", "03": "034", "10": "104", "12": "123"}
