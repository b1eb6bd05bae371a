"""Rule "nominal-agent": a killing's perpetrator named only by its means ("killed in Russian air
strikes"). Sentences written for these tests."""

from __future__ import annotations

from .records import sides


def assaults(record: dict) -> list[tuple[set[str], set[str]]]:
    return [
        ({a["code"] for a in e["actor"]}, {r["code"] for r in e["recipient"]})
        for e in record["events"]
        if e["event"] == "ASSAULT"
    ]


def test_the_owner_of_the_strikes_is_the_actor_and_the_victims_are_local(coded):
    record = coded(
        "Eight civilians were killed in Russian air strikes on the town of Maarat, Syria.", date="2016-02-01"
    )
    assert assaults(record) == [({"RUS"}, {"SYR"})]  # one event: the strikes are the killing's means


def test_a_strike_by_named_aircraft(coded):
    record = coded("Three children died in a strike by Saudi aircraft on Hodeidah, Yemen.", date="2018-08-09")
    assert ({"SAU"}, {"YEM"}) in assaults(record)


def test_an_adjective_of_nationality_is_no_place(coded):
    record = coded("Four soldiers were wounded in Turkish shelling overnight.", date="2019-10-12")
    assert all("TUR" not in recipients for _, recipients in assaults(record))


def test_a_repelled_attack_is_the_attackers_act_on_the_repeller(coded):
    record = coded(
        "Ethiopia said its forces repelled an Eritrean attack near the border town of Zalambessa.", date="1999-03-01"
    )
    assert ({"ERI"}, {"ETH"}) in assaults(record)
    assert ({"ETH"}, {"ERI"}) not in assaults(record)


def test_force_used_in_another_states_place_targets_that_state(coded):
    record = coded(
        "Residents of Kupiansk, Ukraine, were evacuated because of shelling from Russian troops.", date="2024-08-15"
    )
    assert ({"RUS"}, {"UKR"}) in assaults(record)
    assert ({"RUS"}, {"RUS"}) not in assaults(record)


def test_a_place_is_no_means(coded):
    """nominal-agent reads how ("killed in air strikes"), never where ("in the Armenian district")."""
    record = coded(
        "At least 15 people were killed and 12 others injured in the Armenian district of Aleppo.", date="2016-08-10"
    )
    assert all("ARM" not in {a["code"] for a in e["actor"]} for e in record["events"])


def test_those_repelled_were_attacking(coded):
    """repelled-attack: "repelled Pakistani warplanes" reports Pakistan's attack on the repeller."""
    record = coded("The Afghan military repelled Pakistani warplanes near Bagram on Monday.", date="2026-03-02")
    assert ({"PAK"}, {"AFG"}) in sides(record, "ASSAULT")
    assert ({"AFG"}, {"PAK"}) not in sides(record, "ASSAULT")


def test_who_resists_or_survives_an_act_is_its_target_not_its_agent(coded):
    record = coded("Ukrainian troops resisted the invasion for months.", date="2024-03-01")
    assaults = [e for e in record["events"] if e["event"] == "ASSAULT"]
    assert assaults and all("UKR" not in {a["code"] for a in e["actor"]} for e in assaults)
    assert all({r["code"] for r in e["recipient"]} == {"UKR"} for e in assaults)


def test_an_act_between_two_sides_is_theirs_not_the_clauses_subjects(coded):
    fighting = coded(
        "BEIRUT, May 4 - Syrian troops deployed in west Beirut after fierce fighting between rival militias.",
        date="1987-05-04",
    )
    assert "ASSAULT" not in {e["event"] for e in fighting["events"]}
    meeting = coded(
        "Reporters gathered outside the meeting between Kenyan President William Ruto and Ugandan President "
        "Yoweri Museveni.",
        date="2024-03-01",
    )
    assert {(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in meeting["events"]} == {
        ("KEN", "UGA"),
        ("UGA", "KEN"),
    }


def test_an_act_named_after_a_phase_noun_takes_its_sides_where_the_phase_noun_stands(coded):
    # rule "phase-noun": the talks are resumed by whoever announced their resumption
    record = coded("The United States announced the resumption of talks with Iran.", date="2022-02-05")
    assert ({"USA"}, {"IRN"}) in sides(record, "CONSULT")
    relief = coded("Canada announced the restoration of sanctions relief to Venezuela.", date="2022-02-05")
    assert sides(relief, "RETREAT") == [({"CAN"}, {"VEN"})]


def test_relief_and_aid_go_to_whom_they_are_for(coded):
    record = coded("The European Union granted sanctions relief for Belarus on Monday.", date="2022-02-05")
    assert sides(record, "RETREAT") == [({"IGO"}, {"BLR"})]


def test_support_confirmed_is_support_expressed(coded):
    record = coded("Ghana's foreign minister confirmed his country's backing for Nigeria's bid.", date="2022-02-05")
    assert [actor for actor, _ in sides(record, "SUPPORT")] == [{"GHA"}]


def test_a_buildup_is_of_the_forces_built_up_and_faces_the_neighbour_across_the_border(coded):
    # rule "posture-owner" (PLOVER MOBILIZE)
    record = coded(
        "Poland warned Minsk amid reported buildups of Belarusian troops near the border with Lithuania.",
        date="2023-08-01",
    )
    assert ({"BLR"}, {"LTU"}) in sides(record, "MOBILIZE")
