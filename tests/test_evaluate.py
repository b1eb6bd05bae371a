"""Dyad's metrics agree with the project's scoring script."""

from __future__ import annotations

import importlib.util
import json

import pytest

from dyad.evaluate import score

from .conftest import SHARED

GOLD = [
    {"id": "1", "text": "x", "plover": {"event": "CONSULT", "source": [{"code": "TUR"}], "target": [{"code": "MYS"}]},
     "cameo": "040", "quad": 1},
    {"id": "2", "text": "y", "plover": {"event": "ASSAULT", "source": [{"code": "RUS"}], "target": []},
     "cameo": "190", "quad": 4},
    {"id": "3", "text": "z", "plover": None, "cameo": None, "quad": 0},
]
PREDICTIONS = [
    {"doc_id": "1", "event": "CONSULT", "cameo": "040", "actor": [{"code": "TUR"}], "recipient": [{"code": "MYS"}],
     "confidence": 0.9},
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
