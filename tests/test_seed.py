"""The user's example article end to end: the record Dyad must get right from day one."""

from __future__ import annotations

from dyad.schema import validation_errors


def test_seed_record_is_schema_valid(seed_record):
    assert validation_errors(seed_record) == []
    assert seed_record["id"] == "000_e51a7bb7ba208ab8" and seed_record["date"] == "2026-01-07"


def between(record, a, b, event=None):
    return [
        e
        for e in record["events"]
        if {x["code"] for x in e["actor"]} == {a}
        and {x["code"] for x in e["recipient"]} == {b}
        and (event is None or e["event"] == event)
    ]


def test_seed_meeting_between_turkiye_and_malaysia(seed_record):
    assert between(seed_record, "TUR", "MYS", "CONSULT")
    assert between(seed_record, "MYS", "TUR", "CONSULT")
    located = [e for e in seed_record["events"] if e["event_loc"] and e["event"] == "CONSULT"]
    assert any(e["event_loc"]["name"] == "Ankara" and e["event_loc"]["country_code"] == "TUR" for e in located)


def test_seed_praise_and_thanks_from_malaysia(seed_record):
    support = between(seed_record, "MYS", "TUR", "SUPPORT")
    assert {e["event_text"] for e in support} >= {"praised", "thanked"}
    assert all(e["actor"][0]["sector_code"] == "GOV" for e in support)


def test_seed_appeal_for_investment_and_defence_intent(seed_record):
    appeal = between(seed_record, "TUR", "MYS", "REQUEST")
    assert appeal and appeal[0]["cameo"] == "0211"
    intents = between(seed_record, "TUR", "MYS", "AGREE")
    assert any(e["cameo"] == "0312" and "military" in e["context"] for e in intents)


def test_seed_has_no_stray_actors(seed_record):
    codes = {x["code"] for e in seed_record["events"] for x in e["actor"] + e["recipient"]}
    assert codes <= {"TUR", "MYS", "THA", "KHM"}
    # Thailand and Cambodia appear only as the parties Anwar helped de-escalate (a mediation)
    for e in seed_record["events"]:
        parties = {x["code"] for x in e["recipient"]}
        if parties & {"THA", "KHM"}:
            assert e["event"] == "CONSULT" and e["cameo"] == "045"
            assert {x["code"] for x in e["actor"]} == {"MYS"}
