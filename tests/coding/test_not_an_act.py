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
