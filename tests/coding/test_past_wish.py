"""Rules "past-wish" and "forecast-not-act": an aim told in the past by the text itself, or an act someone
only seems set to do, is no act and no statement.

Sentences written for this test.
"""

from __future__ import annotations


def types(record: dict) -> list[str]:
    return [e["event"] for e in record["events"]]


def test_what_a_state_wanted_to_do_is_not_done(coded):
    record = coded("When the war began, Russia wanted to seize Kyiv within days.", date="2025-01-10")
    assert types(record) == []


def test_what_a_state_said_it_wanted_is_its_statement(coded):
    record = coded("Iran said it wanted to return to the nuclear deal.", date="2021-02-01")
    assert "AGREE" in types(record)


def test_a_present_wish_is_a_threat(coded):
    record = coded("North Korea wants to attack South Korea.", date="2017-05-01")
    assert "THREATEN" in types(record)


def test_what_a_party_only_seems_set_to_do_is_an_impression_not_an_act(coded):
    # rule "forecast-not-act"
    assert types(coded("The rebels seem likely to seize the airport near Damascus.", date="2015-02-15")) == []
    looked = coded("Syrian troops look poised to attack Aleppo.", date="2015-02-15")
    assert "ASSAULT" not in types(looked)
    hedged = coded("Israel appears to have struck an Iranian base near Damascus.", date="2019-01-20")
    assert types(hedged) == ["ASSAULT"]
