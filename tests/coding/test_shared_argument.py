"""Rule "shared-argument": a coordinated appeal, demand or accusation shares its addressee.

Sentences written for this test.
"""

from __future__ import annotations


def test_a_demand_coordinated_with_a_condemnation_is_made_of_the_condemned(coded):
    record = coded(
        "Germany condemned Russia's shelling of Kharkiv and demanded an immediate ceasefire.", date="2024-03-01"
    )
    requests = [e for e in record["events"] if e["event"] == "REQUEST"]
    assert [(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in requests] == [("DEU", "RUS")]
    assert "shared-argument" in requests[0]["evidence"]["steps"]


def test_a_demand_with_its_own_addressee_keeps_it(coded):
    record = coded("Germany condemned the attack and demanded answers from Hungary.", date="2024-03-01")
    requests = [e for e in record["events"] if e["event"] == "REQUEST"]
    assert [(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in requests] == [("DEU", "HUN")]
