"""Accuracy against gold sentences: the metrics of the project's scoring script, re-implemented.

A gold file is JSONL with ``id``, ``text`` and labels (``plover``: event, source, target;
``cameo``; ``quad``). Each sentence is coded as its own document, with no date. The metrics
and their definitions follow ``shared/eval/score.py`` exactly (a test checks they agree).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from dyad import taxonomy
from dyad.errors import DyadError, Msg
from dyad.model import Document
from dyad.pipeline import Pipeline


def _etype(p: dict[str, Any]) -> str | None:
    e = p.get("event")
    if isinstance(e, list):
        e = e[0] if e else None
    return (e or "").upper() or None


def _codes(entities: Iterable[Any] | None) -> set[str]:
    out = set()
    for e in entities or []:
        if isinstance(e, dict):
            c = e.get("code") or e.get("country_name") or ""
            if isinstance(c, str) and c:
                out.add(c.strip().upper()[:3])
    return out


def quad_class(p: dict[str, Any] | None) -> int:
    """0 statements/appeals (and no event), else the CAMEO root's quad class or the PLOVER type's."""
    if p is None:
        return 0
    code = str(p.get("cameo") or "")
    if len(code) >= 2 and code[:2].isdigit():
        return taxonomy.quad_for_cameo(code)
    return taxonomy.quad_for_event(_etype(p))


def score(gold: list[dict[str, Any]], predictions: list[dict[str, Any]]) -> dict[str, Any]:
    """The metrics of score.py over gold records and per-event prediction rows (with ``doc_id``)."""
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for p in predictions:
        by_doc[str(p.get("doc_id"))].append(p)
    main = {d: max(ps, key=lambda p: float(p.get("confidence") or 0)) for d, ps in by_doc.items()}
    c: Counter[str] = Counter()
    for g in gold:
        ps = by_doc.get(g["id"], [])
        top = main.get(g["id"])
        pl = g.get("plover")
        if pl:
            gt = pl["event"]
            src, tgt = _codes(pl["source"]), _codes(pl["target"])
            same = [p for p in ps if _etype(p) == gt]
            c["plover.n"] += 1
            c["plover.type"] += bool(same)
            c["plover.top_type"] += bool(top) and _etype(top or {}) == gt
            c["plover.extra_sum"] += sum(1 for p in ps if _etype(p) != gt)
            if src:
                c["plover.source.n"] += 1
                c["plover.source"] += any(_codes(p.get("actor")) & src for p in ps)
            if tgt:
                c["plover.target.n"] += 1
                c["plover.target"] += any(_codes(p.get("recipient")) & tgt for p in ps)
            c["plover.joint"] += any((not src or _codes(p.get("actor")) & src)
                                     and (not tgt or _codes(p.get("recipient")) & tgt) for p in same)
        if g.get("quad") is not None:
            c["quad.n"] += 1
            pred = quad_class(top)
            c["quad.correct"] += pred == g["quad"]
            c[f"quad.tp.{g['quad']}"] += pred == g["quad"]
            c[f"quad.gold.{g['quad']}"] += 1
            c[f"quad.pred.{pred}"] += 1
        if g.get("cameo"):
            c["cameo.n"] += 1
            code = str(top.get("cameo") or "") if top else ""
            c["cameo.root"] += code[:2] == g["cameo"][:2]
            c["cameo.exact"] += code == g["cameo"]

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 4) if b else None

    f1s = []
    for k in range(5):
        tp, gn, pn = c[f"quad.tp.{k}"], c[f"quad.gold.{k}"], c[f"quad.pred.{k}"]
        if gn:
            prec, rec = (tp / pn if pn else 0.0), tp / gn
            f1s.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return {
        "plover.n": c["plover.n"],
        "plover.type": ratio(c["plover.type"], c["plover.n"]),
        "plover.top_type": ratio(c["plover.top_type"], c["plover.n"]),
        "plover.source": ratio(c["plover.source"], c["plover.source.n"]),
        "plover.target": ratio(c["plover.target"], c["plover.target.n"]),
        "plover.joint": ratio(c["plover.joint"], c["plover.n"]),
        "plover.extra": ratio(c["plover.extra_sum"], c["plover.n"]),
        "quad.n": c["quad.n"],
        "quad.accuracy": ratio(c["quad.correct"], c["quad.n"]),
        "quad.macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "cameo.n": c["cameo.n"],
        "cameo.root": ratio(c["cameo.root"], c["cameo.n"]),
        "cameo.exact": ratio(c["cameo.exact"], c["cameo.n"]),
    }


@dataclass
class EvalResult:
    metrics: dict[str, Any]
    predictions: list[dict[str, Any]]
    confusion: dict[str, Counter[str]] = field(default_factory=dict)  # gold type -> predicted top type


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    try:
        with open(path, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise DyadError(Msg.BAD_GOLD.format(path=path, error=exc)) from exc


def evaluate(gold: list[dict[str, Any]], pipeline: Pipeline | None = None) -> EvalResult:
    """Code each gold sentence as a document and score the events against the labels."""
    pipeline = pipeline or Pipeline()
    documents = [Document(id=str(g["id"]), text=g["text"]) for g in gold]
    predictions: list[dict[str, Any]] = []
    for coded in pipeline.code_documents(documents):
        for event in coded.record_events():
            predictions.append({"doc_id": coded.document.id, **event})
    result = EvalResult(score(gold, predictions), predictions)
    top: dict[str, dict[str, Any]] = {}
    for p in predictions:
        if p["doc_id"] not in top or p["confidence"] > top[p["doc_id"]]["confidence"]:
            top[p["doc_id"]] = p
    for g in gold:
        if g.get("plover"):
            predicted = top.get(g["id"], {}).get("event") or "-"
            result.confusion.setdefault(g["plover"]["event"], Counter())[predicted] += 1
    return result


@dataclass
class ActorCheck:
    """One expected actor of a dated sentence and what Dyad resolved it to."""

    text: str
    date: str | None
    mention: str
    expected: tuple[str | None, str | None]
    found: tuple[str | None, str | None] | None

    @property
    def ok(self) -> bool:
        return self.found == self.expected


def evaluate_actors(cases: list[dict[str, Any]], pipeline: Pipeline | None = None) -> list[ActorCheck]:
    """Check actor resolution on dated sentences: each ``expect`` row is [mention, code, sector]."""
    pipeline = pipeline or Pipeline()
    checks = []
    for n, case in enumerate(cases):
        coded = pipeline.code_document(Document(id=f"actors-{n}", text=case["text"], date=case.get("date")))
        found = [(m.text, m.entity) for m in coded.mentions if m.entity is not None]
        for mention, code, sector in case["expect"]:
            # the found mention may carry a title the expectation leaves out ("President Bush")
            entity = next((e for text, e in found if text == mention), None) or next(
                (e for text, e in found if mention in text or text in mention), None)
            checks.append(ActorCheck(case["text"], case.get("date"), mention, (code, sector),
                                     (entity.code, entity.sector_code) if entity else None))
    return checks
