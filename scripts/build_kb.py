#!/usr/bin/env python3
"""Rebuild Dyad's bundled actor knowledge base from the MIT-licensed PETRARCH/Phoenix dictionaries.

usage: build_kb.py [--shared ../shared] [--out src/dyad/data/kb]

Reads (all MIT, Open Event Data Alliance; notice kept in src/dyad/data/kb/NOTICE.md):
  dictionaries/petrarch2/Phoenix.Countries.actors.txt      countries, places, people with dated codes
  dictionaries/petrarch2/Phoenix.International.actors.txt  international organisations
  dictionaries/petrarch2/Phoenix.agents.txt                role nouns -> sectors
Writes TSV files whose alias column is already tokenised by Dyad's spaCy tokenizer (tokens joined
by single spaces, lower-cased, accents folded), so loading the knowledge base needs no NLP.
Dyad's own curated facts (curated.tsv) are maintained by hand and are not touched.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dyad.actors.normalise import alias_key  # noqa: E402

CODE_RE = re.compile(r"\[([A-Z~]{3,})\s*([<>]?\d{6,8})?(?:-(\d{6,8}))?\s*\]")


def phoenix_date(value: str | None) -> str:
    """Phoenix dates are YYMMDD (or YYYYMMDD); two-digit years up to 30 are 20xx."""
    if not value:
        return ""
    value = value.lstrip("<>")
    if len(value) == 8:
        y, m, d = value[:4], value[4:6], value[6:]
    else:
        yy = int(value[:2])
        y = str(2000 + yy if yy <= 30 else 1900 + yy)
        m, d = value[2:4], value[4:6]
    m = m if "01" <= m <= "12" else "01"
    d = d if "01" <= d <= "31" else "01"
    return f"{y}-{m}-{d}"


def split_code(code: str) -> tuple[str, str]:
    """A CAMEO actor code like TURGOV or IGOUNO into (country-or-IGO code, sector)."""
    code = code.strip()
    head, rest = code[:3], code[3:]
    return head, rest[:3]


def clean_alias(raw: str) -> str:
    raw = raw.split("#")[0].strip().lstrip("+").strip()
    raw = re.sub(r"\{.*?\}", "", raw)
    raw = raw.replace("_", " ").strip()
    return re.sub(r"\s+", " ", raw)


def parse_countries(path: Path) -> tuple[list[tuple[str, str, str]], list[tuple[str, str, str]]]:
    """(country rows: code, kind, alias) and (people rows: name, aliases, spells)."""
    countries: list[tuple[str, str, str]] = []
    people: list[tuple[str, str, str]] = []
    current_country: str | None = None
    person: dict[str, object] | None = None

    def flush() -> None:
        nonlocal person
        if person and person["spells"]:
            spells = person["spells"]
            assert isinstance(spells, list)
            aliases = person["aliases"]
            assert isinstance(aliases, list)
            people.append((str(person["name"]), "|".join(dict.fromkeys(aliases)), ";".join(spells)))
        person = None

    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        header = re.match(r"^([A-Z][^\s\[#]*)\s+\[([A-Z]{3})\]\s*$", line)
        if header:
            flush()
            current_country = header.group(2)
            countries.append((current_country, "name", clean_alias(header.group(1))))
            continue
        if line.startswith("+"):
            alias = clean_alias(line)
            if person is not None:
                aliases = person["aliases"]
                assert isinstance(aliases, list)
                aliases.append(alias)
            elif current_country and alias:
                countries.append((current_country, "alias", alias))
            continue
        if line[0] in " \t":
            match = CODE_RE.search(line)
            if match and person is not None:
                code, sector = split_code(match.group(1))
                start = phoenix_date(match.group(2)) if match.group(2) and not match.group(2).startswith("<") else ""
                end = phoenix_date(match.group(3)) if match.group(3) else ""
                if match.group(2) and match.group(2).startswith("<"):
                    end = phoenix_date(match.group(2))
                spells = person["spells"]
                assert isinstance(spells, list)
                spells.append(f"{code}:{sector}:{start}:{end}")
            continue
        flush()
        current_country = None
        name = clean_alias(line)
        if name:
            person = {"name": name, "aliases": [name], "spells": []}
    flush()
    return countries, people


def parse_international(path: Path) -> list[tuple[str, str, str, str]]:
    """Rows of (alias, code, org code, canonical name) for organisations (IGO/NGO/...)."""
    rows: list[tuple[str, str, str, str]] = []
    block: list[str] = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip() or line.startswith("#"):
            block = []
            continue
        match = CODE_RE.search(line)
        text = line.split("[")[0]
        if line[0] not in " \t":
            alias = clean_alias(text)
            if line.startswith("+"):
                block.append(alias)
            else:
                block = [alias]
        if match and not (match.group(2) or match.group(3)):
            full = match.group(1)
            code, org = full[:3], full[3:]
            for alias in block:
                if alias:
                    rows.append((alias, code, org, block[0]))
            block = []
    return rows


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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "src/dyad/data/kb"))
    args = parser.parse_args()
    src = Path(args.shared) / "dictionaries" / "petrarch2"
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    countries, people = parse_countries(src / "Phoenix.Countries.actors.txt")
    orgs = parse_international(src / "Phoenix.International.actors.txt")
    agents = parse_agents(src / "Phoenix.agents.txt")

    with open(out / "countries.tsv", "w", encoding="utf-8") as f:
        f.write("code\tkind\talias\tkey\n")
        for code, kind, alias in dict.fromkeys(countries):
            f.write(f"{code}\t{kind}\t{alias}\t{alias_key(alias)}\n")
    with open(out / "people.tsv", "w", encoding="utf-8") as f:
        f.write("name\taliases\tspells\n")
        for name, aliases, spells in people:
            keys = "|".join(dict.fromkeys(alias_key(a) for a in aliases.split("|") if a))
            f.write(f"{name}\t{keys}\t{spells}\n")
    with open(out / "organisations.tsv", "w", encoding="utf-8") as f:
        f.write("code\torg\tname\talias\tkey\n")
        for alias, code, org, name in dict.fromkeys(orgs):
            f.write(f"{code}\t{org}\t{name}\t{alias}\t{alias_key(alias)}\n")
    with open(out / "agents.tsv", "w", encoding="utf-8") as f:
        f.write("sector\talias\tkey\n")
        for alias, sector in dict.fromkeys(agents):
            f.write(f"{sector}\t{alias}\t{alias_key(alias)}\n")
    print(f"countries: {len(countries)} aliases; people: {len(people)}; organisations: {len(orgs)} aliases; "
          f"agents: {len(agents)} role nouns -> {out}")


if __name__ == "__main__":
    main()
