"""Who acts in a relative clause, and in an act alleged by an accusation. Sentences written for this test."""

from __future__ import annotations


def sides(record: dict, event: str) -> list[tuple[list[str], list[str]]]:
    return [
        ([a["code"] for a in e["actor"]], [r["code"] for r in e["recipient"]])
        for e in record["events"]
        if e["event"] == event
    ]


def test_a_relative_clause_is_done_by_its_antecedent(coded):
    record = coded(
        "Afghan forces said they downed Pakistani jets that were bombing Bagram airfield in Afghanistan.",
        date="2026-03-02",
    )
    assert (["PAK"], ["AFG"]) in sides(record, "ASSAULT")


def test_infinitive_object_control_still_holds(coded):
    record = coded("Kenya urged Uganda to reopen the border.", date="2024-03-01")
    assert sides(record, "REQUEST") == [(["KEN"], ["UGA"])]


def test_an_act_someone_is_blamed_for_is_alleged_not_coded(coded):
    record = coded("Britain's envoy addressed the council, blaming Russia for the attack.", date="2024-03-01")
    assert sides(record, "ACCUSE") == [(["GBR"], ["RUS"])]
    assert sides(record, "ASSAULT") == []


def test_a_state_announcing_its_own_act_in_the_passive_is_its_agent(coded):
    record = coded("The Kenyan government announced that 300 soldiers will be deployed to Somalia.", date="2024-03-01")
    assert sides(record, "MOBILIZE") == [(["KEN"], ["SOM"])]


def test_police_reporting_killings_are_not_the_killers(coded):
    record = coded("Police said three protesters were killed in Lagos.", date="2024-03-01")
    assert "announced-act" not in {s for e in record["events"] for s in e["evidence"]["steps"]}


def test_a_place_does_not_stand_in_for_a_named_but_unknown_counterpart(coded):
    record = coded("Kenya pledged to meet opposition leader Bobi Wine in Kampala next week.", date="2024-03-01")
    assert all("UGA" not in recipient for _, recipient in sides(record, "AGREE"))


def test_a_place_is_the_target_of_a_curfew(coded):
    record = coded("Israeli troops imposed a curfew in Hebron.", date="2024-03-01")
    assert sides(record, "COERCE") == [(["ISR"], ["PSE"])]


def test_one_visits_a_country_to_consult_oneself(coded):
    """Object control is a property of verbs of asking and making ("encouraged Malaysia to expand");
    one visits, tours, hosts or meets someone to do something oneself."""
    record = coded("Kenya's foreign minister visited Uganda to consult with Somali officials.", date="2024-05-03")
    consults = [e for e in record["events"] if e["event"] == "CONSULT" and e["event_text"] == "consult"]
    assert consults and all("UGA" not in {a["code"] for a in e["actor"]} for e in consults)
    record = coded("Kenya encouraged Somalia to expand trade with Ethiopia.", date="2024-05-03")
    assert any({r["code"] for r in e["recipient"]} == {"SOM"} for e in record["events"])


def test_who_is_asked_does_not_ask(coded):
    """A past participle clause with no subject ("Asked if ..., the minister said") was done to the
    main clause's subject: the minister was asked, and asked no one."""
    record = coded(
        "Kenyan Finance Minister Njuguna Ndung'u met creditor banks in London. Asked if the governors' demands "
        "for his resignation would affect negotiations, Ndung'u said the talks would go on.",
        date="2024-05-03",
    )
    assert not any(e["event"] == "REQUEST" and e["event_text"] == "Asked" for e in record["events"])


def test_an_absolute_with_clause_is_done_by_its_own_subject(coded):
    record = coded(
        "The electoral council declares Noboa as president-elect with President Guillermo Lasso conceding defeat.",
        date="2023-10-15",
    )
    concessions = [e for e in record["events"] if e["event"] == "CONCEDE"]
    assert [e["actor"][0]["raw_text"] for e in concessions] == ["Guillermo Lasso"]  # not the council


def test_government_and_rebels_joined_under_one_head_are_two_sides(coded):
    # rule "joint-role-subject" on the parse "(government and leftist) rebels"
    record = coded(
        "The Philippine government and communist rebels, represented by the National Democratic Front, agree "
        "to resume peace talks.",
        date="2023-11-28",
    )
    agreed = [e for e in record["events"] if e["event"] == "AGREE"]
    assert ("GOV", "REB") in [(e["actor"][0]["sector_code"], e["recipient"][0]["sector_code"]) for e in agreed]


def test_a_party_named_in_an_absolute_with_clause_is_not_the_counterpart(coded):
    record = coded(
        "Police say a bomb exploded overnight at a Unicredit branch in Lyon, with the bomber leaving behind "
        "graffiti criticising Turkish President Erdogan.",
        date="2018-04-10",
    )
    assert sides(record, "ASSAULT") == [(["FRA"], ["FRA"])]


def test_a_monitor_saying_a_government_obstructs_accuses_it(coded):
    # rule "third-party-allegation"
    record = coded(
        "The United Nations says that the Sudanese government is blocking aid from reaching people in Darfur.",
        date="2024-02-06",
    )
    assert (["IGO"], ["SDN"]) in sides(record, "ACCUSE")
    reported = coded("Iraq said Iranian troops arrested three of its fishermen near Basra.", date="1987-02-06")
    assert sides(reported, "ACCUSE") == []  # a state telling of another's act reports the act


def test_naming_crimes_committed_by_a_party_accuses_it(coded):
    # rule "named-wrongdoing", even inside an appeal; no one named as committing them, no accusation
    record = coded(
        "Kenya's president called on the United Nations to protect civilians suffering injustices by al-Shabaab.",
        date="2017-09-10",
    )
    assert (["KEN"], ["SOM"]) in sides(record, "ACCUSE")
    crime = coded("Crime rose sharply in Nairobi last year, Kenya's police said.", date="2017-09-10")
    assert sides(crime, "ACCUSE") == []
    condemned = coded("Kenya condemned the crimes committed by al-Shabaab in Lamu.", date="2017-09-10")
    assert len(sides(condemned, "ACCUSE")) == 1  # the condemnation names them: one accusation
