"""Dyad's metrics agree with the project's scoring scripts (sentence gold and whole-article gold)."""

from __future__ import annotations

import importlib.util
import json

import pytest

from dyad.evaluate import article_kind, code_articles, is_article_gold, load_gold, load_records, score, score_articles

from .conftest import FIXTURES, SHARED

GOLD = [
    {
        "id": "1",
        "text": "x",
        "plover": {"event": "CONSULT", "source": [{"code": "TUR"}], "target": [{"code": "MYS"}]},
        "cameo": "040",
        "quad": 1,
    },
    {
        "id": "2",
        "text": "y",
        "plover": {"event": "ASSAULT", "source": [{"code": "RUS"}], "target": []},
        "cameo": "190",
        "quad": 4,
    },
    {"id": "3", "text": "z", "plover": None, "cameo": None, "quad": 0},
]
PREDICTIONS = [
    {
        "doc_id": "1",
        "event": "CONSULT",
        "cameo": "040",
        "actor": [{"code": "TUR"}],
        "recipient": [{"code": "MYS"}],
        "confidence": 0.9,
    },
    {"doc_id": "1", "event": "SUPPORT", "cameo": "051", "actor": [{"code": "MYS"}], "recipient": [], "confidence": 0.5},
    {"doc_id": "2", "event": "ACCUSE", "cameo": "112", "actor": [{"code": "UKR"}], "recipient": [], "confidence": 0.5},
]


def test_metrics_on_a_hand_computed_case():
    m = score(GOLD, PREDICTIONS)
    assert m["plover.type"] == 0.5 and m["plover.top_type"] == 0.5
    assert m["plover.source"] == 0.5 and m["plover.target"] == 1.0
    assert m["plover.joint"] == 0.5 and m["plover.extra"] == 1.0
    assert m["quad.accuracy"] == round(2 / 3, 4)
    assert m["cameo.root"] == 0.5 and m["cameo.exact"] == 0.5


def test_agrees_with_score_py_on_the_dev_set(tmp_path, pipeline):
    script = SHARED / "eval" / "score.py"
    gold_path = SHARED / "eval" / "dev" / "gold.jsonl"
    if not script.exists():
        pytest.skip("precondition: ../shared/eval (the project's evaluation data) is not beside this clone")
    from dyad.evaluate import evaluate, load_gold

    spec = importlib.util.spec_from_file_location("score", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    gold = load_gold(gold_path)[:300]
    result = evaluate(gold, pipeline)
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("\n".join(json.dumps(p) for p in result.predictions))
    assert module.score(module.load(gold_path)[:300], module.load(pred_path)) == result.metrics
    assert module.score(GOLD, PREDICTIONS) == score(GOLD, PREDICTIONS)


# --- whole-article gold -------------------------------------------------------------------------
ARTICLE_GOLD = FIXTURES / "article_gold.jsonl"
ARTICLE_RECORDS = FIXTURES / "article_records.jsonl"
SCORER_KEYS = (
    "precision",
    "recall",
    "f1",
    "key_recall",
    "articles",
    "gold_events",
    "key_events",
    "produced",
    "produced_per_article",
)


def _shared_article_scorer():
    script = SHARED / "eval" / "articles" / "score_articles.py"
    if not script.exists():
        pytest.skip(
            "precondition: ../shared/eval/articles (the whole-article gold and its scorer) is not beside this clone"
        )
    spec = importlib.util.spec_from_file_location("score_articles", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_article_metrics_on_the_hand_written_fixture():
    """Hand-computed: 5 produced, 3 match (a reversed symmetric meeting, an optional promise, a CAMEO-root
    assault); 5 non-optional gold events, 2 found; 2 of 3 key events; one record is not in the gold."""
    result = score_articles(load_gold(ARTICLE_GOLD), load_records(ARTICLE_RECORDS))
    assert result.metrics == {
        "precision": 0.6,
        "recall": 0.4,
        "f1": 0.48,
        "key_recall": 0.667,
        "articles": 3,
        "gold_events": 5,
        "key_events": 3,
        "produced": 5,
        "produced_per_article": 1.67,
        "no_actor": 0.4,
        "no_actor_no_recipient": 0.2,
    }
    assert list(result.by_kind) == ["wire-1987", "news-summaries", "other"]
    wire, news, other = (result.by_kind[k] for k in result.by_kind)
    assert (wire["precision"], wire["recall"], wire["f1"], wire["key_recall"]) == (0.667, 0.5, 0.571, 1.0)
    assert (news["precision"], news["recall"], news["key_recall"], news["no_actor"]) == (0.5, 0.5, 0.5, 0.5)
    assert (other["produced"], other["recall"], other["gold_events"]) == (0, 0.0, 1)
    assert [m.doc_id for m in result.misses] == ["reuters-t1", "ce-t2", "zz-t3"]
    assert [(x.doc_id, x.type, x.recipient, x.rule) for x in result.extras] == [
        ("reuters-t1", "COOPERATE", [], "test:trade"),
        ("ce-t2", "REQUEST", ["MMR"], None),
    ]


def test_article_gold_is_told_from_sentence_gold():
    assert is_article_gold(load_gold(ARTICLE_GOLD))
    assert not is_article_gold(GOLD)
    assert [article_kind(i) for i in ("reuters-1", "fakes-2", "wh-3", "ce-4", "x-5")] == [
        "wire-1987",
        "syria-war",
        "official-statements",
        "news-summaries",
        "other",
    ]


def test_eval_command_scores_given_records():
    from click.testing import CliRunner

    from dyad.cli import main

    out = CliRunner().invoke(main, ["eval", str(ARTICLE_GOLD), "--records", str(ARTICLE_RECORDS), "--json"])
    assert out.exit_code == 0, out.output
    figures = json.loads(out.output)
    assert figures["precision"] == 0.6 and figures["by_kind"]["wire-1987"]["key_recall"] == 1.0
    out = CliRunner().invoke(main, ["eval", str(ARTICLE_GOLD), "--records", str(ARTICLE_RECORDS), "--misses"])
    assert out.exit_code == 0 and out.output.count("MISSED") == 3 and out.output.count("UNMATCHED") == 2


def _agree(module, gold, records):
    expected, misses, extras = module.score(gold, records)
    result = score_articles(gold, records)
    assert {k: result.metrics[k] for k in SCORER_KEYS} == expected
    assert [(m.doc_id, m.plover, m.actor, m.recipient, m.evidence) for m in result.misses] == misses
    assert [(x.doc_id, x.type, x.actor, x.recipient, x.event_text) for x in result.extras] == extras


def test_article_scoring_agrees_with_score_articles_py(request):
    module = _shared_article_scorer()
    pipeline = request.getfixturevalue("pipeline")  # loaded only where the shared gold is present
    _agree(module, load_gold(ARTICLE_GOLD), load_records(ARTICLE_RECORDS))
    gold_dir = SHARED / "eval" / "articles"
    gold = load_gold(gold_dir / "gold.jsonl")
    sample = [
        g
        for prefix in ("reuters-", "fakes-", "wh-", "ce-")
        for g in [g for g in gold if g["id"].startswith(prefix)][:3]
    ]
    records, _ = code_articles(gold_dir / "articles.jsonl", pipeline, {g["id"] for g in sample})
    assert sum(len(r["events"]) for r in records.values()) > 0
    _agree(module, sample, records)
