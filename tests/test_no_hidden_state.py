"""No hidden state: what one pipeline is taught, no other pipeline and no later ``dyad.code()`` sees."""

from __future__ import annotations

import dyad
from dyad.actors import ActorMemory, ActorRecord
from dyad.pipeline import Pipeline, shared_knowledge_base

# a person no knowledge base holds, so only teaching can make him an actor
TEXT = "Zorbulon Quaxley met Malaysian officials in Kuala Lumpur on Monday."
FICTIONAL = ActorRecord(name="Zorbulon Quaxley", code="ISL", sector="GOV", aliases=["Quaxley"])


def actor_codes(record: dict) -> set[str]:
    return {a["code"] for e in record["events"] for a in e["actor"]}


def test_teaching_one_pipeline_teaches_no_other(pipeline):
    taught = Pipeline()
    taught.remember([FICTIONAL], priority=3)
    assert "ISL" in actor_codes(dyad.code(TEXT, date="2026-01-05", pipeline=taught))
    assert "ISL" not in actor_codes(dyad.code(TEXT, date="2026-01-05"))  # a fresh default pipeline
    assert "ISL" not in actor_codes(pipeline.code_document(dyad.Document("t", TEXT, "2026-01-05")).to_record())
    assert "ISL" not in actor_codes(dyad.code(TEXT, date="2026-01-05", pipeline=Pipeline()))
    assert not shared_knowledge_base().lookup("zorbulon quaxley")


def test_taught_returns_a_new_pipeline_and_leaves_this_one(pipeline):
    before = pipeline.kb
    other = pipeline.taught(ActorMemory(users=[FICTIONAL]))
    assert other is not pipeline and pipeline.kb is before
    assert other.kb is not None and other.kb.lookup("zorbulon quaxley")
    assert not pipeline.kb.lookup("zorbulon quaxley")
    assert other.annotator is pipeline.annotator  # the model is shared, never copied


def test_default_pipeline_is_new_each_call():
    assert dyad.default_pipeline() is not dyad.default_pipeline()
