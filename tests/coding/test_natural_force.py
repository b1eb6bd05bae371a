"""Rule "natural-force": hazards and market forces are no actors.

Sentences written for this test.
"""

from __future__ import annotations


def types(record: dict) -> list[str]:
    return [e["event"] for e in record["events"]]


def test_floods_hitting_a_region_are_no_attack(coded):
    assert types(coded("Floods hit Sabah, Malaysia, on Monday.", date="2022-01-03")) == []


def test_an_earthquake_destroying_homes_is_no_attack(coded):
    assert types(coded("A powerful earthquake destroyed hundreds of homes in western Nepal.", date="2023-11-04")) == []


def test_rebels_hitting_a_post_are_an_attack(coded):
    assert types(coded("Rebels hit an army post near Goma, Congo.", date="2023-11-04")) == ["ASSAULT"]


def test_a_market_movement_is_no_one_acting(coded):
    moved = coded("The yen's rapid rise is hurting Japanese exporters.", date="1987-04-01")
    assert moved["events"] == []
    story = coded("A Pravda story accused the United States of spying.", date="1987-04-01")
    assert [e["event"] for e in story["events"]] == ["ACCUSE"]  # a story a paper prints speaks for it
