"""Rule "not-an-act": nouns inside names or used as modifiers are not events. Sentences written for it."""

from __future__ import annotations


def test_a_trigger_noun_inside_an_organisation_name_is_no_event(coded):
    record = coded(
        "The Organisation for Economic Cooperation and Development published its outlook on Monday.", date="1987-06-01"
    )
    assert not [e for e in record["events"] if e["event"] == "COOPERATE"]


def test_the_head_noun_of_the_compound_still_triggers(coded):
    record = coded("Japan and the United States will open trade talks in Washington next month.", date="1987-04-01")
    assert any(e["event_text"].endswith("talks") for e in record["events"])


def test_a_date_is_no_object_of_an_act(coded):
    """not-an-act: "to be held between March 19-22" holds no march."""
    record = coded(
        "The funeral ceremonies, scheduled to be held in the capital Yamoussoukro between March 19-22, drew crowds.",
        date="1987-03-10",
    )
    assert "PROTEST" not in {e["event"] for e in record["events"]}
    record = coded("Opposition supporters held a march in Nairobi on Tuesday.", date="2024-03-10")
    assert "PROTEST" in {e["event"] for e in record["events"]}
