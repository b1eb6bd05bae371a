"""Accuracy against gold sentences and whole-article gold: the project's scoring scripts, re-implemented.

A sentence gold file is JSONL with ``id``, ``text`` and labels (``plover``: event, source, target;
``cameo``; ``quad``). Each sentence is coded as its own document, with no date. The metrics
and their definitions follow ``shared/eval/score.py`` exactly (a test checks they agree).
Article gold (one record per article with its ``events``) is scored as
``shared/eval/articles/score_articles.py`` does, with the same figures per kind of text.
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
from dyad.model import Document, Rejection
from dyad.pipeline import Pipeline
from dyad.read import read_inputs


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
            c["plover.joint"] += any(
                (not src or _codes(p.get("actor")) & src) and (not tgt or _codes(p.get("recipient")) & tgt)
                for p in same
            )
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
                (e for text, e in found if mention in text or text in mention), None
            )
            checks.append(
                ActorCheck(
                    case["text"],
                    case.get("date"),
                    mention,
                    (code, sector),
                    (entity.code, entity.sector_code) if entity else None,
                )
            )
    return checks


# --- whole-article gold ------------------------------------------------------------------------
# Article gold (``shared/eval/articles/``) lists every codable event of whole articles; produced
# events are matched by type (or CAMEO root), actor and recipient anywhere in the article. The
# figures follow ``shared/eval/articles/score_articles.py`` exactly (a test checks they agree).

ARTICLE_KINDS = (
    ("reuters-", "wire-1987"),
    ("fakes-", "syria-war"),
    ("wh-", "official-statements"),
    ("ce-", "news-summaries"),
)
OTHER_KIND = "other"
KIND_ORDER = tuple(kind for _, kind in ARTICLE_KINDS) + (OTHER_KIND,)
Record = dict[str, Any]


def article_kind(doc_id: object) -> str:
    """The kind of text an article id names, from its prefix."""
    text = str(doc_id)
    return next((kind for prefix, kind in ARTICLE_KINDS if text.startswith(prefix)), OTHER_KIND)


def is_article_gold(gold: list[dict[str, Any]]) -> bool:
    """Article gold records carry an ``events`` list of items with ``plover``, ``actor``, ``recipient``."""

    def article(g: dict[str, Any]) -> bool:
        events = g.get("events")
        return isinstance(events, list) and all(
            isinstance(e, dict) and {"plover", "actor", "recipient"} <= e.keys() for e in events
        )

    return bool(gold) and all(article(g) for g in gold) and any(g["events"] for g in gold)


def side_codes(entities: Iterable[Any] | None) -> set[str]:
    """The upper-cased codes of a produced event's actor or recipient entities."""
    return {str(e["code"]).upper() for e in entities or [] if isinstance(e, dict) and e.get("code")}


def produced_type(event: Record) -> str:
    t = event.get("event")
    return str((t[0] if isinstance(t, list) and t else t) or "").upper()


def _side_ok(allowed: list[str], got: set[str]) -> bool:
    return "*" in allowed or bool(got & set(allowed))


def matches_gold(gold_event: dict[str, Any], event: Record) -> bool:
    """Type (or CAMEO root), one actor code and one recipient code allowed; symmetric: either way."""
    g = gold_event
    if produced_type(event) not in g["plover"] and str(event.get("cameo") or "")[:2] not in g.get("cameo_roots", []):
        return False
    a, r = side_codes(event.get("actor")), side_codes(event.get("recipient"))
    forward = _side_ok(g["actor"], a) and _side_ok(g["recipient"], r)
    return forward or (bool(g.get("symmetric")) and _side_ok(g["recipient"], a) and _side_ok(g["actor"], r))


@dataclass
class ArticleMiss:
    """A non-optional gold event no produced event matched."""

    doc_id: str
    plover: list[str]
    actor: list[str]
    recipient: list[str]
    evidence: str | None


@dataclass
class ArticleExtra:
    """A produced event that matched no gold event of its article."""

    doc_id: str
    type: str
    actor: list[str]
    recipient: list[str]
    event_text: str | None
    sentence: str | None
    rule: str | None


@dataclass
class ArticleScore:
    metrics: dict[str, Any]
    by_kind: dict[str, dict[str, Any]]
    misses: list[ArticleMiss] = field(default_factory=list)
    extras: list[ArticleExtra] = field(default_factory=list)


@dataclass
class _Counts:
    produced: int = 0
    produced_ok: int = 0
    gold: int = 0
    found: int = 0
    key: int = 0
    key_found: int = 0
    no_actor: int = 0
    no_sides: int = 0
    articles: int = 0

    def metrics(self) -> dict[str, Any]:
        p = self.produced_ok / self.produced if self.produced else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return {
            "precision": round(p, 3),
            "recall": round(r, 3),
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0,
            "key_recall": round(self.key_found / self.key, 3) if self.key else 0.0,
            "articles": self.articles,
            "gold_events": self.gold,
            "key_events": self.key,
            "produced": self.produced,
            "produced_per_article": round(self.produced / max(1, self.articles), 2),
            "no_actor": round(self.no_actor / self.produced, 3) if self.produced else 0.0,
            "no_actor_no_recipient": round(self.no_sides / self.produced, 3) if self.produced else 0.0,
        }


def _extra(doc_id: str, event: Record) -> ArticleExtra:
    evidence = event.get("evidence")
    evidence = evidence if isinstance(evidence, dict) else {}
    return ArticleExtra(
        doc_id,
        produced_type(event),
        sorted(side_codes(event.get("actor"))),
        sorted(side_codes(event.get("recipient"))),
        event.get("event_text"),
        evidence.get("text"),
        evidence.get("rule"),
    )


def _score_produced(
    doc_id: str, gold: list[dict[str, Any]], events: list[Record], c: _Counts, extras: list[ArticleExtra]
) -> None:
    for e in events:
        c.produced += 1
        actor, recipient = side_codes(e.get("actor")), side_codes(e.get("recipient"))
        c.no_actor += not actor
        c.no_sides += not actor and not recipient
        if any(matches_gold(g, e) for g in gold):
            c.produced_ok += 1
        else:
            extras.append(_extra(doc_id, e))


def _score_gold(
    doc_id: str, gold: list[dict[str, Any]], events: list[Record], c: _Counts, misses: list[ArticleMiss]
) -> None:
    for g in gold:
        if g.get("optional"):
            continue
        hit = any(matches_gold(g, e) for e in events)
        c.gold += 1
        c.found += hit
        if g.get("key"):
            c.key += 1
            c.key_found += hit
        if not hit:
            misses.append(ArticleMiss(doc_id, g["plover"], g["actor"], g["recipient"], g.get("evidence")))


def score_articles(gold_docs: list[dict[str, Any]], records: dict[Any, Record]) -> ArticleScore:
    """Score ``dyad code`` records (by id) against article gold: overall and per kind of text."""
    total, kinds = _Counts(), {kind: _Counts() for kind in KIND_ORDER}
    misses: list[ArticleMiss] = []
    extras: list[ArticleExtra] = []
    for doc in gold_docs:
        events = (records.get(doc["id"]) or {}).get("events") or []
        for c in (total, kinds[article_kind(doc["id"])]):
            c.articles += 1
            _score_produced(doc["id"], doc["events"], events, c, extras if c is total else [])
            _score_gold(doc["id"], doc["events"], events, c, misses if c is total else [])
    by_kind = {kind: c.metrics() for kind, c in kinds.items() if c.articles}
    return ArticleScore(total.metrics(), by_kind, misses, extras)


def load_records(path: str | Path) -> dict[Any, Record]:
    """``dyad code`` output (JSONL) by record id; a later record with the same id wins."""
    try:
        with open(path, encoding="utf-8") as f:
            rows = [json.loads(line) for line in f if line.strip()]
    except (OSError, json.JSONDecodeError) as exc:
        raise DyadError(f"{path}: not a file of dyad code records ({exc})") from exc
    return {row.get("id"): row for row in rows if isinstance(row, dict)}


def code_articles(
    texts: str | Path, pipeline: Pipeline | None = None, ids: set[str] | None = None
) -> tuple[dict[Any, Record], list[str]]:
    """Code the articles of a text file as ``dyad code`` would: records by id, and rejection reasons."""
    documents: list[Document] = []
    rejected: list[str] = []
    for item in read_inputs([texts]):
        if isinstance(item, Rejection):
            rejected.append(item.reason)
        elif ids is None or item.id in ids:
            documents.append(item)
    coded = (pipeline or Pipeline()).code_documents(documents)
    return {record["id"]: record for record in (c.to_record() for c in coded)}, rejected
