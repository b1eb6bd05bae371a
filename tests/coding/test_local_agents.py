"""Rule "local-agent" and "state-of-the-place": unnamed domestic actors belong to where the event is.

Sentences written for these tests, in the manner of one-line news summaries.
"""

from __future__ import annotations

from .records import sides


def test_security_forces_and_protesters_take_the_country_of_the_town(coded):
    record = coded(
        "Security forces kill at least 30 protesters in several towns, most of them in Mandalay.", date="2021-03-20"
    )
    assert ({"MMR"}, {"MMR"}) in sides(record, "ASSAULT")


def test_the_last_place_named_locates_a_later_sentence(coded):
    record = coded(
        "Fans riot in Lisbon after the cup final. Riot police arrest dozens of supporters.", date="2022-05-20"
    )
    assert ({"PRT"}, {"PRT"}) in sides(record, "COERCE")


def test_an_arrest_with_no_agent_is_the_local_states(coded):
    record = coded(
        "A gunman opens fire at a market in Nairobi, Kenya. The gunman is later arrested.", date="2023-06-01"
    )
    assert ({"KEN"}, {"KEN"}) in sides(record, "COERCE")


def test_unidentified_gunmen_act_where_they_attack_and_a_town_is_no_actor(coded):
    record = coded("Gunmen attack a checkpoint near Maiduguri, Nigeria, killing four soldiers.", date="2024-02-02")
    attacks = [e for e in record["events"] if e["event"] == "ASSAULT"]
    assert attacks and all({a["code"] for a in e["actor"]} == {"NGA"} for e in attacks)
    assert all(a["raw_text"].lower().endswith("gunmen") for e in attacks for a in e["actor"])


def test_an_envoy_is_never_taken_for_the_host_state(coded):
    record = coded("The ambassador is arrested in Minsk during the protests.", date="2020-09-01")
    arrests = [e for e in record["events"] if e["event"] == "COERCE"]
    assert arrests and {a["code"] for a in arrests[0]["actor"]} == {"BLR"}
    assert "BLR" not in {r["code"] for r in arrests[0]["recipient"]}


def test_a_named_actor_is_never_overridden_by_the_place(coded):
    record = coded("Turkish troops shelled Kurdish positions near Qamishli in Syria.", date="2019-10-12")
    assert any(actor == {"TUR"} for actor, _ in sides(record, "ASSAULT"))


def test_names_that_are_not_places_do_not_locate(coded):
    # "by Bayern Munich" names a team; the riot is in Paris
    record = coded(
        "Rioting erupts in Paris after the defeat of the home side by Bayern Munich. "
        "Riot police arrest dozens of fans.",
        date="2020-08-24",
    )
    assert ({"FRA"}, {"FRA"}) in sides(record, "COERCE")


def test_a_country_in_a_persons_title_places_nothing(coded):
    # "U.K. Prime Minister Rishi Sunak" says whose minister, not where the protests are
    record = coded(
        "Germany shuts its consulate in Lagos, Nigeria, amid angry protests over a speech by U.K. Prime "
        "Minister Rishi Sunak.",
        date="2024-03-01",
    )
    assert [actor for actor, _ in sides(record, "PROTEST")] == [{"NGA"}]


def test_a_town_the_knowledge_base_does_not_know_still_places_unclaimed_violence(coded):
    # "unclaimed-violence" codes the state of the place; the gazetteer knows Bologna is in Italy
    record = coded("A parcel bomb exploded at the Greek consulate in Bologna on Tuesday.", date="2019-05-01")
    assert ({"ITA"}, {"GRC"}) in sides(record, "ASSAULT")


def test_a_stance_prefix_is_no_nationality(coded):
    record = coded("Pro-Russian separatists shelled Ukrainian positions near Donetsk.", date="2015-02-01")
    assert all("RUS" not in actor for actor, _ in sides(record, "ASSAULT"))


def test_members_of_a_group_executed_by_a_state_are_its_own(coded):
    record = coded("Iran executes two members of an exiled opposition group on charges of attacks.", date="2025-07-27")
    assert ({"IRN"}, {"IRN"}) in sides(record, "ASSAULT")


def test_a_name_the_knowledge_base_does_not_know_is_no_local_role(coded):
    record = coded("The Kenyan government and Prime Minister Zorbulon Quaxley agreed to hold talks.", date="2024-03-01")
    assert not [
        e
        for e in record["events"]
        if {r["code"] for r in e["recipient"]} == {"KEN"} and {a["code"] for a in e["actor"]} == {"KEN"}
    ]


def test_an_arrest_named_by_a_noun_with_no_agent_is_the_local_states(coded):
    record = coded(
        "Gunmen attack a bar in Puebla, Mexico. Officials confirm the arrest of four suspects.", date="2026-01-10"
    )
    assert ({"MEX"}, {"MEX"}) in sides(record, "COERCE")
    record = coded("The arrest of the journalist by Russian agents in Minsk drew protests.", date="2020-09-01")
    assert all(actor == {"RUS"} for actor, _ in sides(record, "COERCE"))  # a named agent stays


def test_an_act_that_causes_protests_is_not_the_protester(coded):
    """cause-not-agent: "The arrest of X drew protests": the protesters are neither the arrest nor X."""
    record = coded("The arrest of the opposition leader in Minsk drew protests.", date="2020-09-01")
    assert all("OPP" not in {a["sector_code"] for a in e["actor"]} for e in record["events"] if e["event"] == "PROTEST")


def test_protests_a_clause_happens_amid_are_not_its_subjects(coded):
    """cause-not-agent: the government that closes schools amid protests is not the protester."""
    record = coded("Kenya closed schools in Nairobi amid protests against the finance bill.", date="2024-06-25")
    protests = [e for e in record["events"] if e["event"] == "PROTEST"]
    assert protests and all({a["sector_code"] for a in e["actor"]} == {"CVL"} for e in protests)


def test_the_dateline_places_unnamed_police_until_the_text_names_a_place(coded):
    # rule "dateline-place": no country is named in the text, only the dateline
    record = coded(
        "SEOUL, May 4 - Riot police fired tear gas to disperse thousands of students demanding reforms.",
        date="1987-05-04",
    )
    assert sides(record, "ASSAULT") and all(actor == {"KOR"} for actor, _ in sides(record, "ASSAULT"))


def test_a_place_shelled_places_the_attack_and_its_unnamed_attackers(coded):
    record = coded(
        "Rebels shelled the eastern neighbourhoods of Aleppo overnight, killing two children.", date="2016-10-20"
    )
    assert sides(record, "ASSAULT") and all(actor == {"SYR"} for actor, _ in sides(record, "ASSAULT"))


def test_soldiers_who_detain_their_states_leader_are_of_that_state(coded):
    record = coded("Soldiers detain Malian President Ibrahim Boubacar Keita at a military base.", date="2020-08-18")
    assert sides(record, "COERCE") == [({"MLI"}, {"MLI"})]


def test_a_role_modifying_an_act_noun_is_its_doer_not_the_clause_subject(coded):
    # rule "local-agent": "an opposition boycott" is the opposition's, not the government's whose clause it is in
    record = coded(
        "OTTAWA, May 4 - Canada's government had to pass a stop-gap budget because the debate was delayed "
        "by an opposition boycott of parliament in protest against a new fuel tax.",
        date="1990-05-04",
    )
    protests = [e for e in record["events"] if e["event"] == "PROTEST"]
    assert [(e["actor"][0]["code"], e["actor"][0]["sector_code"]) for e in protests] == [("CAN", "OPP")]
    assert [e["recipient"][0]["code"] for e in protests] == ["CAN"]


def test_where_a_body_is_based_is_no_place_of_later_events(coded):
    record = coded(
        "Rebels shelled army positions in Damascus on Monday, the Observatory, a monitor based in Britain, said. "
        "Police arrested dozens of protesters.",
        date="2016-05-02",
    )
    assert sides(record, "COERCE") == [({"SYR"}, {"SYR"})]
