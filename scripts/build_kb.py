#!/usr/bin/env python3
"""Rebuild Dyad's bundled actor knowledge base from the MIT-licensed PETRARCH/Phoenix dictionaries.

usage: build_kb.py [--shared ../shared] [--out src/dyad/data/kb]

Reads (MIT, Open Event Data Alliance, and Wikidata facts (CC0); notices in src/dyad/data/kb/NOTICE.md):
  kb/geografia-wikidata-leaders/leaders_history.csv        heads of state and government (Wikidata, CC0)
  dictionaries/petrarch2/Phoenix.Countries.actors.txt      countries, places, people with dated codes
  dictionaries/petrarch2/Phoenix.International.actors.txt  international organisations
  dictionaries/petrarch2/Phoenix.MilNonState.actors.txt    armed non-state groups
  dictionaries/petrarch2/Phoenix.agents.txt                role nouns -> sectors
Writes TSV files whose alias column is already tokenised by Dyad's spaCy tokenizer (tokens joined
by single spaces, lower-cased, accents folded), so loading the knowledge base needs no NLP.
Dyad's own curated facts (curated.tsv) are maintained by hand and are not touched.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dyad.actors.dictionaries import (  # noqa: E402
    Block,
    clean_alias,
    parse_phoenix_blocks,
    split_code,
)
from dyad.actors.normalise import alias_key  # noqa: E402

SECTOR_ONLY = {"ELI", "GOV", "MIL", "REB", "OPP", "BUS", "CVL", "MED", "EDU", "REL", "JUD", "LEG", "COP", "SPY"}
AGENT_SECTORS = {"HLH", "LAB", "AGR", "CRM", "REF", "UAF", "IGO", "NGO", "ENV", "MOD", "RAD", "PTY", "JRN", "DEV",
                 "HRI", "SET", "IRC", "INS", "MUS", "CHR", "HIN", "JEW", "BUD", "PPL", "IMG", "UIS"}





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
    return [(name, "|".join(dict.fromkeys(aliases)), spells_of(codes))
            for name, aliases, codes in parse_blocks(path) if codes]


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
                variants = [phrase.replace(f"!{name}!", w if phrase.startswith(f"!{name}!") else " " + w + " ")
                            for w in words]
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

    with open(out / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("code\tkind\talias\tkey\n")
        for code, kind, alias in dict.fromkeys(countries):
            f.write(f"{code}\t{kind}\t{alias}\t{alias_key(alias)}\n")
    _write_spells(out / "people.tsv", people)
    with open(out / "leaders.tsv", "w", encoding="utf-8") as f:
        f.write("name\tqid\tcode\trole\tstart\tend\tkey\n")
        for name, qid, code, role, start, end in leaders:
            f.write(f"{name}\t{qid}\t{code}\t{role}\t{start}\t{end}\t{alias_key(name)}\n")
    _write_spells(out / "groups.tsv", groups)
    with open(out / "organisations.tsv", "w", encoding="utf-8") as f:
        f.write("code\torg\tname\talias\tkey\n")
        for alias, code, org, name in dict.fromkeys(orgs):
            f.write(f"{code}\t{org}\t{name}\t{alias}\t{alias_key(alias)}\n")
    with open(out / "agents.tsv", "w", encoding="utf-8") as f:
        f.write("sector\talias\tkey\n")
        for alias, sector in dict.fromkeys(agents):
            f.write(f"{sector}\t{alias}\t{alias_key(alias)}\n")
    print(f"countries: {len(countries)} aliases; people: {len(people)}; leaders: {len(leaders)} spells; "
          f"groups: {len(groups)}; "
          f"organisations: {len(orgs)} aliases; "
          f"agents: {len(agents)} role nouns -> {out}")


if __name__ == "__main__":
    main()
