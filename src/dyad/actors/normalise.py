"""How names are compared: lower-cased, accents folded, split by spaCy's English tokenizer.

The knowledge base stores its aliases in this form, and the resolver folds document tokens the
same way, so "Türkiye", "TURKIYE" and "Turkiye" all meet at the key "turkiye".
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "–": "-", "—": "-", "‐": "-"})


@lru_cache(maxsize=200_000)  # a pure memo over the words of a long run: bounded
def fold(text: str) -> str:
    """Lower-case, fold accents and typographic quotes: the form all name comparison uses."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTES))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return stripped.replace("ı", "i").lower()


@cache
def _tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def alias_key(alias: str) -> str:
    """The knowledge-base key of a name: its folded tokens joined by single spaces."""
    key = " ".join(fold(t.text) for t in _tokenizer()(alias.strip()) if not t.is_space)
    if key.endswith((" jr .", " sr .")):  # a name's last "Jr." keeps its point, as it does mid-sentence
        key = key[:-2] + "."
    return key


#: Words before a name that are not part of it ("Sheikh Tamim", "Crown Prince Mohammed", "Dr. Gordon").
HONORIFICS = (
    "crown prince",
    "prince",
    "princess",
    "sheikh",
    "sheikha",
    "shaikh",
    "king",
    "queen",
    "emir",
    "amir",
    "sultan",
    "dr.",
    "dr",
    "sir",
    "dame",
    "lord",
    "general",
    "gen.",
    "marshal",
    "field marshal",
    "ayatollah",
    "mr.",
    "mrs.",
    "ms.",
    "his majesty",
    "her majesty",
    "hh",
    "his highness",
    "her highness",
)
GENERATIONAL = ("jr.", "jr", "sr.", "sr", "junior", "senior")
PARTICLES = {
    "al",
    "el",
    "bin",
    "ibn",
    "abu",
    "de",
    "da",
    "van",
    "von",
    "der",
    "le",
    "la",
    "ben",
    "bint",
    "du",
    "dos",
    "das",
    "del",
    "di",
    "al-",
    "ould",
}
#: Spellings of one given name the press uses interchangeably.
GIVEN_VARIANTS = (
    ("mohammed", "mohammad", "muhammad", "mohamed", "muhammed", "mohamad"),
    ("ahmed", "ahmad"),
    ("hussein", "husain", "hussain"),
    ("abdullah", "abdallah"),
    ("sergei", "sergey"),
    ("yuri", "yury"),
    ("alexei", "alexey", "aleksei", "aleksey"),
    ("andrei", "andrey"),
    ("dmitry", "dmitri"),
    ("nikolai", "nikolay"),
    ("mikhail", "mikheil"),
)
_GIVEN = {name: group for group in GIVEN_VARIANTS for name in group}


def _translit(word: str) -> set[str]:
    """Spellings of a Slavic or Arabic family name the press uses ("zelenskyy" / "zelensky" / "zelenskiy")."""
    out = {word}
    for a, b in (("yy", "y"), ("iy", "y"), ("kyi", "ky"), ("ii", "i")):
        if word.endswith(a) and len(word) > 5:
            out.add(word[: -len(a)] + b)
    if word.endswith("sky") and len(word) > 5:
        out |= {word + "y", word[:-1] + "iy"}
    return out


#: Countries whose names are given name + father's name (+ grandfather's): "Abiy Ahmed" is Abiy Ahmed Ali.
PATRONYMIC_COUNTRIES = {
    "ETH",
    "ERI",
    "SOM",
    "SDN",
    "SSD",
    "DJI",
    "YEM",
    "SAU",
    "ARE",
    "QAT",
    "KWT",
    "BHR",
    "OMN",
    "IRQ",
    "LBY",
    "EGY",
    "JOR",
    "AFG",
    "ISL",
}


def name_variants(name: str, patronymic: bool = False, initials: bool = True) -> list[str]:
    """The forms of a person's name news copy uses, folded: the full name; without honorifics,
    "Jr."/"Sr." or a trailing ", Baron X"; given + family name without middle names or patronymics
    ("abiy ahmed" for "Abiy Ahmed Ali", "mohamed bin zayed" for "Mohamed bin Zayed Al Nahyan"); an
    initial ("s. jaishankar"); common given-name and Slavic transliteration variants. Plain words
    split on spaces (the knowledge base keys them with ``alias_key``)."""
    base = fold(name).strip()
    if not base:
        return []
    base = re.sub(r"\b(al|el|bin|ibn|abu)-", r"\1 ", base.split(" (")[0].strip())
    base = re.sub(r"(?<=\w)'(?=\s|$)", "", base)  # "Mohammed Shia' Al Sudani": a stray transliteration mark
    head, _, tail = base.partition(", ")
    forms = {base}
    if tail and (tail.split(" ")[0] in ("baron", "lord", "sir", "earl", "viscount") or tail in GENERATIONAL):
        forms = {head}
        base = head + " " + tail if tail in GENERATIONAL else head
    words = base.replace(",", " ").split()
    changed = True
    while changed and len(words) > 2:  # honorifics, possibly several ("Crown Prince Sheikh X")
        changed = False
        for h in HONORIFICS:
            hw = h.split()
            if words[: len(hw)] == hw and len(words) > len(hw) + 1:
                words = words[len(hw) :]
                changed = True
    if words and words[-1] in GENERATIONAL and len(words) > 2:
        suffix = words[-1].rstrip(".")
        words = words[:-1]
        if suffix in ("jr", "sr"):  # written "Jr." or "Jr"
            forms |= {" ".join([*words, suffix]), " ".join([*words, suffix + "."])}
    forms.add(" ".join(words))
    if len(words) >= 3 and words[-2] not in PARTICLES | {"al", "el", "aal"}:
        forms.add(f"{words[0]} {words[-1]}")
    if len(words) == 4 and not PARTICLES & set(words):  # "Bassirou Diomaye [Diakhar] Faye"
        forms |= {" ".join(words[:2] + words[3:]), " ".join(words[:1] + words[2:])}
    if len(words) >= 3:
        # Arabic names: "mohamed bin zayed al nahyan" -> "mohamed bin zayed"
        for i in range(2, len(words) - 1):
            if words[i] in ("al", "al-", "el", "aal") and words[i - 1] not in PARTICLES and i >= 3:
                forms.add(" ".join(words[:i]))
                break
        # Ethiopian, Eritrean and similar patronymic names: "abiy ahmed ali" -> "abiy ahmed"
        if patronymic and len(words) == 3 and not PARTICLES & set(words) and all(len(w) > 2 for w in words):
            forms.add(f"{words[0]} {words[1]}")
    if initials and len(words) == 2 and len(words[0]) > 2 and words[0][-1] != "." and words[0] not in PARTICLES:
        forms.add(f"{words[0][0]}. {words[-1]}")
    for form in list(forms):  # "al-Sisi" and "el-Sisi" are one name
        ws = form.split()
        if "al" in ws[1:] or "el" in ws[1:]:
            forms.add(" ".join({"al": "el", "el": "al"}.get(w, w) if i else w for i, w in enumerate(ws)))
    out = set()
    for form in forms:
        ws = form.split()
        if not ws:
            continue
        for given in _GIVEN.get(ws[0], (ws[0],)):
            for last in _translit(ws[-1]) if len(ws) >= 2 else {ws[-1]}:
                out.add(" ".join([given, *ws[1:-1], last]) if len(ws) >= 2 else given)
    return sorted(out, key=lambda f: (f != base, f))
