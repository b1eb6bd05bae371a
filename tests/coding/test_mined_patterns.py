"""Rule "mined-needs-dyad": bare verbs mined from PETRARCH-2's dictionaries code only between two named sides.

Sentences written for these tests.
"""

from __future__ import annotations


def events(record: dict) -> list[tuple[str, str]]:
    return [(e["event"], e["evidence"]["rule"]) for e in record["events"]]


def test_an_everyday_sense_with_one_side_is_no_event(coded):
    record = coded("The Japanese government prepared its budget for the next year.", date="1987-04-01")
    assert events(record) == []


def test_a_side_found_only_by_place_does_not_complete_a_mined_verb(coded):
    record = coded("Service companies provide maintenance to manufacturers across Osaka, Japan.", date="1987-04-01")
    assert events(record) == []


def test_a_mined_verb_between_two_named_states_is_coded(coded):
    record = coded("India purchased transport aircraft from the United States last year.", date="2021-01-01")
    mined = [e for e in record["events"] if e["evidence"]["rule"].startswith("petrarch2:")]
    assert {(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in mined if e["event"] == "COOPERATE"} >= {
        ("IND", "USA")
    }
