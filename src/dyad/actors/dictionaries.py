"""Actor dictionaries users bring: Dyad's CSV or YAML, and the PETRARCH/Phoenix ``.actors`` format.

Every format becomes a list of ``ActorRecord`` (name, aliases, code, sector, validity), which the
knowledge base takes on top of its own facts (``KnowledgeBase.add_records``).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from dyad.errors import DyadError, Msg

CODE_RE = re.compile(r"\[([A-Z~]{3,})\s*([<>]?\d{6,8})?(?:-(\d{6,8}))?\s*\]")
SECTOR_ONLY = {"ELI", "GOV", "MIL", "REB", "OPP", "BUS", "CVL", "MED", "EDU", "REL", "JUD", "LEG", "COP", "SPY"}


@dataclass
class ActorRecord:
    name: str
    code: str
    sector: str | None = None
    aliases: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    source: str | None = None  # where the fact comes from (a URL, a gazette), for users' own records


# --- PETRARCH / Phoenix --------------------------------------------------------------------------

Block = tuple[str, list[str], list[tuple[str, str, str]]]  # name, aliases, (code, start, end)


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


def clean_alias(raw: str) -> str:
    raw = raw.split("#")[0].strip().lstrip("+").strip()
    raw = re.sub(r"\{.*?\}", "", raw)
    raw = raw.replace("_", " ").strip()
    return re.sub(r"\s+", " ", raw)


def _code(match: re.Match[str]) -> tuple[str, str, str]:
    code = match.group(1)
    first, second = match.group(2), match.group(3)
    start = end = ""
    if first and first.startswith("<"):
        end = phoenix_date(first)
    elif first:
        start = phoenix_date(first)
    if second:
        end = phoenix_date(second)
    return code, start, end


def parse_phoenix_blocks(text: str) -> list[Block]:
    """PETRARCH .actors text: a name line, '+alias' lines, and '[CODE dates]' on the line or below."""
    blocks: list[Block] = []
    current: Block | None = None
    for raw in text.splitlines():
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            if not line.strip():
                current = None
            continue
        codes = [_code(m) for m in CODE_RE.finditer(line.split("#")[0])]
        if line[0] in " \t":
            if current is not None:
                current[2].extend(codes)
            continue
        if line.startswith("+"):
            if current is not None:
                alias = clean_alias(line.split("[")[0])
                if alias:
                    current[1].append(alias)
                current[2].extend(codes)
            continue
        name = clean_alias(line.split("[")[0])
        if not name:
            continue
        current = (name, [name], codes)
        blocks.append(current)
    return blocks


def split_code(code: str) -> tuple[str, str]:
    """A CAMEO actor code like TURGOV or IGOUNO into (country-or-IGO code, sector)."""
    return code[:3], code[3:6]


def records_from_phoenix(text: str) -> list[ActorRecord]:
    out = []
    for name, aliases, codes in parse_phoenix_blocks(text):
        for code, start, end in codes:
            if code.startswith("~") or code in SECTOR_ONLY:
                continue
            head, sector = split_code(code)
            out.append(
                ActorRecord(
                    name=name.title(),
                    code=head,
                    sector=sector or None,
                    aliases=[a.title() for a in aliases],
                    start=start or None,
                    end=end or None,
                )
            )
    return out


# --- Dyad's CSV and YAML ---------------------------------------------------------------------------

FIELDS = ("name", "aliases", "code", "sector", "from", "to", "source")


def _record(row: dict[str, object], origin: str) -> ActorRecord:
    name = str(row.get("name") or "").strip()
    code = str(row.get("code") or "").strip().upper()
    if not name or not re.fullmatch(r"[A-Z]{3}", code):
        raise DyadError(Msg.BAD_ACTORS.format(path=origin, error="each entry needs a name and a 3-letter code"))
    raw = row.get("aliases") or []
    if isinstance(raw, str):
        aliases = [a.strip() for a in re.split(r"[|;]", raw) if a.strip()]
    elif isinstance(raw, list):
        aliases = [str(a) for a in raw]
    else:
        aliases = [str(raw)]
    sector = str(row.get("sector") or "").strip().upper() or None
    start = str(row.get("from") or "").strip() or None
    end = str(row.get("to") or "").strip() or None
    for field_name, value in (("from", start), ("to", end)):
        if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
            raise DyadError(Msg.BAD_ACTORS.format(path=origin, error=f"'{field_name}' must be YYYY-MM-DD"))
    source = str(row.get("source") or "").strip() or None
    return ActorRecord(name=name, code=code, sector=sector, aliases=aliases, start=start, end=end, source=source)


def load_actor_file(path: str | Path) -> list[ActorRecord]:
    """Read a user actor dictionary: .csv/.tsv, .yaml/.yml, .json, or a PETRARCH .actors/.txt file."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise DyadError(Msg.UNREADABLE.format(path=path, error=exc.strerror or exc)) from exc
    suffix = path.suffix.lower()
    if suffix in (".csv", ".tsv"):
        reader = csv.DictReader(io.StringIO(text), delimiter="\t" if suffix == ".tsv" else ",")
        return [_record(row, f"{path}:{n + 2}") for n, row in enumerate(reader)]
    if suffix in (".yaml", ".yml", ".json"):
        import json

        import yaml

        try:
            data = (json.loads(text) if suffix == ".json" else yaml.safe_load(text)) or []
        except (yaml.YAMLError, ValueError) as exc:
            raise DyadError(Msg.BAD_ACTORS.format(path=path, error=exc)) from exc
        if isinstance(data, dict):
            data = data.get("actors", [])
        if not isinstance(data, list):
            raise DyadError(Msg.BAD_ACTORS.format(path=path, error="expected a list of actors"))
        return [_record(row, f"{path}[{n}]") for n, row in enumerate(data) if isinstance(row, dict)]
    return records_from_phoenix(text)
