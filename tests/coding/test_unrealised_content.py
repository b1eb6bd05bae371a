"""Rule "unrealised-content": what is offered, asked for or refused has not been done.

Sentences written for this test.
"""

from __future__ import annotations


def types(record: dict) -> list[tuple[str, str]]:
    return [(e["event"], e["cameo"]) for e in record["events"]]


def test_an_offer_to_withdraw_is_an_intent_not_a_withdrawal(coded):
    record = coded("Kenya welcomed Uganda's offer to withdraw its troops from the border.", date="2024-03-01")
    assert ("RETREAT", "0872") not in types(record)
    assert any(event == "AGREE" for event, _ in types(record))


def test_what_a_call_asks_for_is_not_done(coded):
    record = coded("The council renewed its call for the army to lift the blockade of Daraa.", date="2016-01-01")
    assert all(event != "RETREAT" for event, _ in types(record))


def test_a_refusal_to_release_is_a_rejection(coded):
    record = coded("Kenya condemned the militia's refusal to release the hostages.", date="2024-03-01")
    assert all(event != "RETREAT" for event, _ in types(record))


def test_no_plans_for_a_meeting_intend_nothing(coded):
    record = coded("Kuwait's oil minister said there were no plans for an emergency OPEC meeting.", date="1987-03-02")
    assert types(record) == []


def test_a_promise_on_a_condition_another_side_must_meet_is_made_to_that_side(coded):
    record = coded("North Korea says it will resume talks if Washington drops its hostile policy.", date="2024-03-01")
    promises = {(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in record["events"] if e["event"] == "AGREE"}
    assert ("PRK", "USA") in promises


def test_an_act_called_for_is_the_appeals_content_not_an_act_done(coded):
    record = coded(
        "Venezuela's opposition leader Juan Guaido called for new protests against President Nicolas Maduro.",
        date="2020-03-01",
    )
    assert [(e["event"], e["actor"][0]["code"], e["recipient"][0]["code"]) for e in record["events"]] == [
        ("REQUEST", "VEN", "VEN")
    ]
    withdrawal = coded(
        "The presidents of Iraq and Egypt called on Tuesday for the withdrawal of Syrian forces from Lebanon.",
        date="1990-03-01",
    )
    requests = [e for e in withdrawal["events"] if e["event"] == "REQUEST"]
    assert requests and "SYR" in {r["code"] for e in requests for r in e["recipient"]}  # asked of who withdraws
    assert "RETREAT" not in {e["event"] for e in withdrawal["events"]}


def test_a_second_act_asked_for_is_asked_for_too(coded):
    record = coded(
        "Kenya's trade minister said he will ask Uganda to offer a share of its sugar market to Kenyan firms and "
        "remove quotas on Kenyan milk.",
        date="2023-04-10",
    )
    assert [e["event"] for e in record["events"]] == ["REQUEST"]


def test_a_time_phrase_on_call_is_no_appeal(coded):
    record = coded(
        "Prime Minister Fumio Kishida called new British Prime Minister Rishi Sunak on Wednesday to congratulate him.",
        date="2022-10-26",
    )
    assert "REQUEST" not in {e["event"] for e in record["events"]}


def test_a_possibility_under_discussion_is_a_topic_not_an_act(coded):
    # rule "discussed-possibility"
    record = coded("Ruto and Museveni would discuss possible Kenyan sanctions against South Sudan.", date="2023-04-10")
    assert "THREATEN" not in {e["event"] for e in record["events"]}
    assert "SANCTION" not in {e["event"] for e in record["events"]}
    done = coded("Kenya imposed new sanctions on South Sudan.", date="2023-04-10")
    assert [e["event"] for e in done["events"]] == ["SANCTION"]
