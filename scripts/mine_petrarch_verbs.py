#!/usr/bin/env python3
"""Mine the PETRARCH-2 verb dictionary (MIT) into Dyad's lexicon pattern format.

usage: mine_petrarch_verbs.py [--shared ../shared] [--out src/dyad/data/lexicon/petrarch2.tsv]

Keeps what maps onto Dyad's simple patterns: a verb's own code, "verb + object word(s)" and
"verb + preposition"; drops tree patterns with subjects or nested phrases, and codes that are
not in the CAMEO codebook. Dyad's hand-written lexicon (events.tsv) outranks these entries.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from dyad import taxonomy  # noqa: E402

HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")
CODE = re.compile(r"\[([0-9]{2,4}|---)\]")
PREPS = {"to", "with", "against", "on", "for", "from", "in", "into", "at", "over", "about", "of", "by", "upon"}


def word(raw: str) -> str:
    return raw.strip().strip("_").replace("_", " ").lower()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument(
        "--out", default=str(Path(__file__).resolve().parents[1] / "src/dyad/data/lexicon/petrarch2.tsv")
    )
    args = parser.parse_args()
    path = Path(args.shared) / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
    lines = path.read_text(encoding="utf-8", errors="replace").splitlines()

    synsets: dict[str, list[str]] = defaultdict(list)
    current_syn: str | None = None
    block_verbs: list[str] = []
    block_code = "---"
    out: dict[str, str] = {}  # pattern -> code (first wins)
    dropped = 0

    def emit(code: str, pattern: str) -> None:
        nonlocal dropped
        if code == "---" or not taxonomy.is_cameo(code) or code.startswith("01"):
            dropped += 1
            return
        out.setdefault(pattern, code)

    for line in lines:
        if not line.strip() or line.startswith("#"):
            current_syn = None if not line.strip() else current_syn
            continue
        if line.startswith("&"):
            current_syn = line[1:].strip().rstrip("_")
            continue
        if line.startswith("+") and current_syn is not None:
            synsets[current_syn].append(word(line[1:].split("#")[0]))
            continue
        header = HEADER.match(line)
        if header:
            block_verbs, block_code = [], header.group(2).strip()
            current_syn = None
            continue
        body = line.split("#")[0]
        comment = line.split("#", 1)[1].strip().lower() if "#" in line else ""
        if line.startswith("-"):
            code_match = CODE.search(body)
            if not code_match:
                continue
            code = code_match.group(1)
            spec = body[1 : code_match.start()].strip()
            tokens = spec.split()
            if (
                not tokens
                or tokens[0] != "*"
                or any(t.startswith(("{", "(")) and not t.startswith("(") for t in tokens[1:])
            ):
                continue  # subject-side and nested patterns do not map onto Dyad's patterns
            rest = " ".join(tokens[1:])
            verbs = [comment.split()[0]] if comment else block_verbs
            prep = re.fullmatch(r"\((\w+)\)", rest)
            obj = re.fullmatch(r"(&?[A-Z_]+)(?:\s*\(.*\))?", rest)
            for verb in verbs:
                verb = word(verb)
                if not verb:
                    continue
                if prep and prep.group(1).lower() in PREPS:
                    emit(code, f"{verb} {prep.group(1).lower()}")
                elif obj:
                    target = obj.group(1)
                    words = synsets.get(target[1:].rstrip("_"), []) if target.startswith("&") else [word(target)]
                    words = [w for w in words if w and " " not in w]
                    if words:
                        emit(code, f"{verb} [{'|'.join(sorted(set(words)))}]")
            continue
        verb_line = body.strip()
        if not verb_line or verb_line.startswith(("+", "&")):
            if verb_line.startswith("+"):
                block_verbs.append(word(verb_line[1:].split("{")[0]))
            continue
        verb = word(re.split(r"[\s{\[]", verb_line)[0])
        block_verbs.append(verb)
        code_match = CODE.search(verb_line)
        code = code_match.group(1) if code_match else block_code
        if " " not in verb:
            emit(code, verb)

    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# Mined by scripts/mine_petrarch_verbs.py from PETRARCH-2's CAMEO.2.0.txt (MIT, Open Event\n")
        f.write("# Data Alliance; notice in src/dyad/data/kb/NOTICE.md). Dyad's events.tsv outranks these.\n")
        for pattern, code in sorted(out.items(), key=lambda kv: kv[0]):
            f.write(f"{code}\t{pattern}\n")
    print(f"{len(out)} patterns -> {args.out} ({dropped} dropped: no event, statements or unknown codes)")


if __name__ == "__main__":
    main()
