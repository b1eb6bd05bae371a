"""Rules "domestic-counterpart" and "local-protest", and dates that are no acts ("not-an-act").

Sentences written for these tests, in the manner of news summaries and official readouts.
"""

from __future__ import annotations

from .records import sides


def test_an_official_meeting_a_group_named_by_role_meets_his_own_people(coded):
    record = coded(
        "President Biden met with governors at the White House to discuss disaster relief.", date="2023-03-01"
    )
    assert ({"USA"}, {"USA"}) in sides(record, "CONSULT")


def test_a_group_named_by_role_appealing_to_a_president_is_of_his_country(coded):
    record = coded(
        "Union leaders called on Brazilian President Lula da Silva to raise the minimum wage.", date="2024-03-01"
    )
    assert sides(record, "REQUEST") == [({"BRA"}, {"BRA"})]
    assert record["events"][0]["actor"][0]["sector_code"] == "LAB"  # the union, not the leaders' title


def test_a_modifier_that_puts_the_group_abroad_leaves_it_unresolved(coded):
    record = coded("President Biden met with foreign ministers at the White House on Monday.", date="2023-03-01")
    assert ({"USA"}, {"USA"}) not in sides(record, "CONSULT")


def test_protests_with_no_one_named_are_by_people_of_the_place(coded):
    record = coded("Renewed protests entered their third day in Baghdad on Tuesday.", date="2019-10-28")
    assert [actor for actor, _ in sides(record, "PROTEST")] == [{"IRQ"}]


def test_rioting_is_a_protest_by_people_of_the_place(coded):
    record = coded("Rioting erupted in Paris after the final.", date="2020-08-23")
    assert [actor for actor, _ in sides(record, "PROTEST")] == [{"FRA"}]


def test_protests_mentioned_as_background_or_time_get_no_protesters(coded):
    record = coded("The war in Syria began with protests in Damascus in 2011.", date="2015-06-01")
    assert all(actor == set() for actor, _ in sides(record, "PROTEST"))


def test_air_strikes_are_no_labour_strike(coded):
    record = coded("Dozens were killed in Idlib, Syria, and the strikes continued overnight.", date="2016-02-01")
    assert sides(record, "PROTEST") == []


def test_the_month_of_march_is_no_march(coded):
    record = coded("Talks between Kenya and Uganda resumed in Nairobi in March after a long pause.", date="2021-05-01")
    assert sides(record, "PROTEST") == []


def test_someone_named_with_a_rank_and_no_country_is_of_the_officials_state(coded):
    record = coded("President Ruto spoke with Colonel James Mwangi and Sergeant Amina Otieno.", date="2024-03-01")
    assert ({"KEN"}, {"KEN"}) in sides(record, "CONSULT")


def test_a_rank_with_its_own_country_keeps_it(coded):
    record = coded("President Ruto met Colonel Ahmed Nur of the Somali army.", date="2024-03-01")
    assert ({"KEN"}, {"SOM"}) in sides(record, "CONSULT")


def test_the_guests_of_a_hosted_roundtable_are_of_the_hosts_state(coded):
    record = coded("President Ruto hosted a roundtable with women advocates at State House.", date="2024-03-01")
    assert ({"KEN"}, {"KEN"}) in sides(record, "CONSULT")


def test_the_members_of_a_convened_meeting_are_of_the_conveners_state(coded):
    record = coded("President Ruto convened the first meeting of county governors and mayors.", date="2024-03-01")
    assert ({"KEN"}, {"KEN"}) in sides(record, "CONSULT")


def test_demands_rejected_are_rejected_to_whoever_made_them_even_at_home(coded):
    # CAMEO 12 "reject a request or demand": its recipient is the one who made the demand
    record = coded(
        "Kenyan Interior Minister Kipchumba Murkomen rejected demands by a group of Kenyan governors that he "
        "step down.",
        date="2024-07-01",
    )
    assert sides(record, "REJECT") == [({"KEN"}, {"KEN"})]


def test_a_motion_defeated_in_a_chamber_is_defeated_by_it(coded):
    record = coded("A motion to remove Peruvian President Pedro Castillo is defeated in the Senate.", date="2022-03-28")
    rejections = [e for e in record["events"] if e["event"] == "REJECT"]
    assert rejections and all([a["raw_text"] for a in e["actor"]] == ["Senate"] for e in rejections)


def test_an_office_in_apposition_places_a_local_body_in_a_story_filed_at_home(coded):
    record = coded(
        "VIENNA, May 4 - Karl Huber, president of the Union of Metal Workers, called on Chancellor Franz "
        "Vranitzky to cut taxes.",
        date="1987-05-04",
    )
    assert sides(record, "REQUEST") == [({"AUT"}, {"AUT"})]
    assert record["events"][0]["actor"][0]["sector_code"] == "LAB"  # the union's word, not "president"


def test_an_office_in_a_body_of_unknown_country_places_no_one_without_a_home_dateline(coded):
    record = coded(
        "Karl Huber, spokesman of the Kurdistan Democratic Party, called on President Erdogan to stop the shelling.",
        date="2024-05-04",
    )
    assert ({"TUR"}, {"TUR"}) not in sides(record, "REQUEST")


def test_a_group_named_by_role_calling_on_the_government_in_a_home_story_is_domestic(coded):
    # rule "local-agent": the object of the pattern's "on" is whom the appeal is made to
    record = coded("SEOUL, May 4 - Union leaders called on the government to cut taxes.", date="1987-05-04")
    assert sides(record, "REQUEST") == [({"KOR"}, {"KOR"})]


def test_a_meeting_noun_tagged_as_a_modifier_is_still_the_meeting_hosted(coded):
    # the tagger reads "the White House roundtable" with "House" as the object and "roundtable" as its modifier
    record = coded(
        "President Biden hosted the first-ever White House roundtable with union leaders.", date="2021-10-27"
    )
    assert ({"USA"}, {"USA"}) in sides(record, "CONSULT")


def test_a_role_and_the_government_in_a_story_naming_only_its_dateline_country_are_of_it(coded):
    # rules "role-of-the-place" and "local-agent" with "dateline-place": the article names no other country
    text = "VIENNA, Oct 19 - The head of the farmers' union, Karl Huber, said the government should lower fuel taxes."
    assert sides(coded(text, date="1987-10-19"), "REQUEST") == [({"AUT"}, {"AUT"})]
    abroad = (
        "VIENNA, Oct 19 - The head of the farmers' association said the government should stop imports from Hungary."
    )
    assert ({"AUT"}, {"AUT"}) not in sides(coded(abroad, date="1987-10-19"), "REQUEST")


def test_a_named_leader_is_another_side_than_a_group_of_his_state_in_the_same_role():
    # "The governor of X state and other governors called on President Sarney": the governors (taken up from
    # "a group of Brazilian governors", a group of Brazil) and Sarney (a person of Brazil, also GOV) are two sides
    from dyad.coding.coder import _other_than
    from dyad.model import Entity

    governors = Entity("The governor", "Brazil", "BRA", "GOV", kind="country")
    sarney = Entity("Jose Sarney", "José Sarney", "BRA", "GOV", kind="person")
    assert _other_than([sarney], [governors]) == [sarney]
    envoy = Entity("John Bass", "John Bass", "USA", "GOV", kind="person")
    washington = Entity("Washington", "Washington", "USA", "GOV", kind="capital")
    assert _other_than([washington], [envoy]) == []  # "the ambassador promised Washington's support": one side


def test_a_stance_on_a_measure_of_the_one_state_an_article_names_is_taken_towards_its_government(coded):
    # rule "domestic-measure"
    record = coded("OTTAWA, May 4 - Canada's New Democratic Party demanded a higher tax on banks.", date="1990-05-04")
    assert sides(record, "REQUEST") == [({"CAN"}, {"CAN"})]
    blamed = coded("NAIROBI, May 2 - The tight money policies were blamed for a deep recession.", date="1987-05-02")
    assert ({"KEN"}, {"KEN"}) not in sides(blamed, "ACCUSE")  # no one named takes the stance


def test_a_party_weighing_a_measure_in_a_sentence_naming_no_other_state_addresses_its_own_government(coded):
    # rule "domestic-measure", in an article that names another state elsewhere
    text = (
        "OTTAWA, May 4 - Canada's New Democratic Party called for a higher tax on banks. "
        "Its leader will discuss trade with U.S. officials next month."
    )
    assert ({"CAN"}, {"CAN"}) in sides(coded(text, date="1990-05-04"), "REQUEST")
    # the state itself calling for a tax is not read as addressing its own government
    state = coded(text.replace("Canada's New Democratic Party", "Canada"), date="1990-05-04")
    assert ({"CAN"}, {"CAN"}) not in sides(state, "REQUEST")
    # nor is a party whose sentence names another state, whose measure it may be
    abroad = coded(text.replace("on banks", "on American banks"), date="1990-05-04")
    assert ({"CAN"}, {"CAN"}) not in sides(abroad, "REQUEST")


def test_both_sides_after_a_meeting_at_home_are_its_two_sides(coded):
    record = coded(
        "South Korea protested to Japan over trade curbs on Monday. Later, South Korea's labour minister "
        "met with union leaders in Seoul. Both sides discussed wages.",
        date="2019-08-05",
    )
    discussed = [e for e in record["events"] if e["event_text"] == "discussed"]
    assert {(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in discussed} == {("KOR", "KOR")}
    assert {e["actor"][0]["sector_code"] for e in discussed} == {"GOV", "LAB"}


def test_a_body_of_no_state_weighing_a_measure_addresses_no_government(coded):
    # rule "domestic-measure" is for a state's own parties, bodies and people
    record = coded("The United Nations demanded a higher tax on banks.", date="2020-01-01")
    assert sides(record, "REQUEST") == []


def test_sanctions_lifted_are_not_lifted_on_ones_own_people(coded):
    # rule "implied-target": easing sanctions (CAMEO 085) is towards whom they were on, never the state's own people
    record = coded("Japan lifted its sanctions on Monday.", date="2020-01-01")
    assert [e["event"] for e in record["events"]] == ["RETREAT"]
    assert record["events"][0]["recipient"] == []


def test_a_person_facing_a_state_by_name_is_not_made_one_of_its_people(coded):
    # rule "domestic-counterpart" needs a state's official as the known side, not the state by name
    record = coded("Archbishop Desmond Tutu called for sanctions against Nigeria.", date="1995-11-12")
    assert all(a["code"] != "NGA" for e in record["events"] for a in e["actor"])
