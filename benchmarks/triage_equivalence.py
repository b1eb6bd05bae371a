#!/usr/bin/env python3
"""Triage against the full path, on the same commit and in one process: the sentence gold's and the
article gold's metrics both ways, and on the benchmark article mix (see ``scale.py``) how many
sentences triage leaves out and how events, quotes, mentions, tone and themes differ.

usage: python benchmarks/triage_equivalence.py [--shared ../shared] [--limit 300]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import re
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from report import replace_section
from scale import mix

ROOT = Path(__file__).resolve().parents[1]


def _flat(metrics: dict[str, Any], prefix: str = "") -> dict[str, float]:
    out: dict[str, float] = {}
    for key, value in metrics.items():
        if isinstance(value, dict):
            out.update(_flat(value, f"{prefix}{key}."))
        elif isinstance(value, (int, float)) and not isinstance(value, bool):
            out[prefix + key] = float(value)
    return out


def gold_differences(shared: Path, full: Any, triaged: Any) -> dict[str, tuple[int, float]]:
    """For each gold set: how many metrics it has and the largest difference between the two paths."""
    from dyad.evaluate import code_articles, evaluate, load_gold, score_articles

    dev = load_gold(shared / "eval" / "dev" / "gold.jsonl")
    articles = load_gold(shared / "eval" / "articles" / "gold.jsonl")
    ids = {str(g.get("id")) for g in articles}
    texts = shared / "eval" / "articles" / "articles.jsonl"
    out = {}
    sentence = [_flat(evaluate(dev, p).metrics) for p in (full, triaged)]
    scored = []
    for p in (full, triaged):
        coded, _ = code_articles(texts, p, ids)
        result = score_articles(articles, coded)
        scored.append(_flat({**result.metrics, "by_kind": result.by_kind}))
    for name, (a, b) in (("sentence gold (dev)", sentence), ("article gold", scored)):
        keys = [k for k in a if k in b]
        out[name] = (len(keys), max((abs(a[k] - b[k]) for k in keys), default=0.0))
    return out


def mix_differences(path: Path, full: Any, triaged: Any) -> dict[str, Any]:
    from dyad.annotate import parser_text
    from dyad.annotate.triage import DROPPED, rule_sentences
    from dyad.model import Document

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    documents = [Document(id=r["id"], text=r["text"], date=r.get("date")) for r in rows]
    nlp = triaged.annotator.nlp
    sentences = left_out = chars = kept_chars = 0
    for document in documents:
        prose = parser_text(document.text)
        sentences += len(rule_sentences(nlp.make_doc(prose)))
        prepared = triaged.triager.prepare(nlp, prose)
        left_out += len(prepared.user_data.get(DROPPED, {}).get("dropped", []))
        chars += len(re.sub(r"\s+", " ", prose).strip())
        kept_chars += len(re.sub(r"\s+", " ", prepared.text).strip())
    counts: Counter[str] = Counter()
    tone_gaps: list[float] = []
    for whole, cheap in zip(full.code_documents(documents), triaged.code_documents(documents), strict=True):
        for name, a, b in (
            ("events", [(e.cameo, e.evidence.text, str(e.actor), str(e.recipient)) for e in whole.events], None),
            ("quotes", [q.text for q in whole.quotes], [q.text for q in cheap.quotes]),
            ("mentions", [(m.start, m.end, str(m.entity)) for m in whole.mentions], None),
        ):
            if b is None:
                b = (
                    [(e.cameo, e.evidence.text, str(e.actor), str(e.recipient)) for e in cheap.events]
                    if name == "events"
                    else [(m.start, m.end, str(m.entity)) for m in cheap.mentions]
                )
            counts[name] += len(a)
            counts[name + " only full"] += sum((Counter(a) - Counter(b)).values())
            counts[name + " only triage"] += sum((Counter(b) - Counter(a)).values())
        tone_gaps.append(abs((whole.tone or 0.0) - (cheap.tone or 0.0)))
        counts["same topics"] += whole.themes.get("topics") == cheap.themes.get("topics")
        counts["documents"] += 1
    return {
        "sentences": sentences,
        "left_out": left_out,
        "kept_share": kept_chars / max(1, chars),
        "counts": counts,
        "tone_mean_gap": sum(tone_gaps) / max(1, len(tone_gaps)),
        "tone_max_gap": max(tone_gaps, default=0.0),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--limit", type=int, default=300)
    args = parser.parse_args()
    from dyad.pipeline import Pipeline

    shared = Path(args.shared)
    full = Pipeline(triage=False).load()
    triaged = Pipeline(annotator=full.annotator, kb=full.kb, lexicon=full.lexicon, triage=True).load()
    golds = gold_differences(shared, full, triaged)
    with tempfile.TemporaryDirectory() as tmp:
        found = mix_differences(mix(shared, args.limit, Path(tmp) / "mix.jsonl"), full, triaged)
    counts = found["counts"]
    lines = [
        f"- {name}: {n} metrics, **largest difference {gap:.4f}** (target: at most 0.005)"
        for name, (n, gap) in golds.items()
    ]
    lines.append(
        f"- the {args.limit}-article mix: triage left out {found['left_out']} of {found['sentences']} sentences "
        f"(the parser read {found['kept_share']:.1%} of the text); events {counts['events']} on the full path, "
        f"{counts['events only full']} only there, {counts['events only triage']} only with triage; quotes "
        f"{counts['quotes']}, {counts['quotes only full']} / {counts['quotes only triage']}; mentions "
        f"{counts['mentions']}, {counts['mentions only full']} / {counts['mentions only triage']}"
    )
    lines.append(
        f"- article tone (over every sentence, those left out scored from their text): mean difference "
        f"{found['tone_mean_gap']:.3f}, largest {found['tone_max_gap']:.2f} on the -10..+10 scale; themes "
        f"(topics, those left out read from their words) the same in {counts['same topics']} of "
        f"{counts['documents']} articles"
    )
    print("\n".join(lines))
    section = (
        f"## Triage against the full path ({dt.date.today().isoformat()})\n\n"
        f"Machine: {platform.machine()}. Command: `python benchmarks/triage_equivalence.py --limit {args.limit}` "
        f"(both paths on the same commit, in one process).\n\n" + "\n".join(lines) + "\n"
    )
    replace_section(ROOT / "BENCHMARKS.md", "## Triage against the full path", section)


if __name__ == "__main__":
    main()
