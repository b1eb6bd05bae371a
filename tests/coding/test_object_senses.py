"""Senses fixed by the object: withdrawal from a treaty, promised retaliation, weapons delivered in
measures. Sentences written for these tests."""

from __future__ import annotations


def coded_types(record: dict) -> list[tuple[str, str]]:
    return [(e["event"], e["cameo"]) for e in record["events"]]


def test_leaving_a_treaty_is_no_military_retreat(coded):
    record = coded("Mexico withdrew from the regional trade treaty.", date="2024-03-01")
    assert all(event != "RETREAT" for event, _ in coded_types(record))


def test_troops_withdrawn_are_a_retreat(coded):
    record = coded("Russia withdrew its troops from Kherson.", date="2022-11-11")
    assert [event for event, _ in coded_types(record)] == ["RETREAT"]


def test_promised_retaliation_is_a_threat(coded):
    record = coded("Tanzania's president promised retaliation against Kenya.", date="2024-03-01")
    assert ("THREATEN", "130") in coded_types(record)


def test_weapons_delivered_in_measures_are_military_aid_to_no_crowd(coded):
    record = coded("Germany has delivered hundreds of thousands of artillery rounds to Ukraine.", date="2024-03-01")
    aid = [e for e in record["events"] if e["event"] == "AID"]
    assert [(e["cameo"], [r["code"] for r in e["recipient"]]) for e in aid] == [("072", ["UKR"])]


def test_grain_delivered_to_a_market_is_no_aid(coded):
    assert coded_types(coded("Farmers delivered hundreds of tonnes of grain to the market.", date="2024-03-01")) == []


def test_demand_with_a_market_modifier_is_the_economic_sense():
    from dyad.annotate import shared_model
    from dyad.coding.coder import _market_demand

    nlp = shared_model()
    economic = [t for t in nlp("The plan will stimulate domestic demand and weak oil demand.") if t.lower_ == "demand"]
    political = [t for t in nlp("Protesters renewed their demand for his resignation.") if t.lower_ == "demand"]
    assert [_market_demand(t) for t in economic] == [True, True]
    assert [_market_demand(t) for t in political] == [False]


def test_a_defeated_motion_is_a_rejection_and_defeated_forces_an_assault(coded):
    motion = coded("The impeachment motion against the Peruvian president was defeated in Congress.", date="2023-01-01")
    battle = coded("Rebels defeated government forces near Goma, Congo.", date="2023-01-01")
    assert [e["event"] for e in motion["events"]] == ["REJECT"]
    assert [e["event"] for e in battle["events"]] == ["ASSAULT"]


def test_taking_a_radio_station_off_the_air_is_censorship(coded):
    record = coded("Russian authorities took down the liberal Echo of Moscow radio station.", date="2022-03-01")
    assert [(e["event"], e["cameo"]) for e in record["events"]] == [("COERCE", "1721")]


def test_shrugging_off_demands_is_a_rejection(coded):
    record = coded("Brazil's finance minister shrugged off demands by state governors for his resignation.")
    assert [e["event"] for e in record["events"]] == ["REJECT"]


def test_an_object_complement_after_the_object_is_read(coded):
    """ "declares the ambassador a persona non grata": the parser hangs the complement on the object."""
    record = coded(
        "The Kenyan Foreign Ministry declares the Somali ambassador a persona non grata and gives him until "
        "May 2 to leave the country.",
        date="2024-01-10",
    )
    assert any(e["event"] == "SANCTION" and e["cameo"] == "161" for e in record["events"])


def test_aid_given_in_a_list_goes_to_whom_the_lists_to_names(coded):
    # the parser hangs "to the Ukrainian army" on the list's last item, not on "delivered"
    record = coded(
        "This year Canada has delivered hundreds of thousands of rounds, thousands of rifles, hundreds of "
        "trucks, and other equipment to the Ukrainian army as it resists Russian aggression.",
        date="2024-03-01",
    )
    aid = [e for e in record["events"] if e["event"] == "AID"]
    assert [[r["raw_text"] for r in e["recipient"]] for e in aid] == [["the Ukrainian army"]]
