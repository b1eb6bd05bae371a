"""Rules "no-sides" and "dyadic": an event is one actor's act towards another.

Sentences written for these tests."""

from __future__ import annotations


def types(record: dict) -> list[str]:
    return [e["event"] for e in record["events"]]


def test_a_meeting_with_no_counterpart_is_no_consultation(coded):
    assert "CONSULT" not in types(coded("Japanese officials held talks on Tuesday.", date="1987-05-01"))


def test_a_meeting_between_two_named_sides_is_kept(coded):
    record = coded(
        "Kenyan President William Ruto met Tanzanian President Samia Suluhu Hassan in Arusha.", date="2024-05-01"
    )
    consult = [e for e in record["events"] if e["event"] == "CONSULT"]
    assert consult and {a["code"] for a in consult[0]["actor"]} | {r["code"] for r in consult[0]["recipient"]} == {
        "KEN",
        "TZA",
    }


def test_an_appeal_to_no_one_named_is_no_request(coded):
    assert types(coded("Japan urged restraint.", date="1987-04-01")) == []


def test_a_word_with_no_actor_and_no_recipient_is_no_event(coded):
    assert coded("Trade expanded rapidly last year as the economy recovered.", date="1987-04-01")["events"] == []


def test_an_attack_by_an_unnamed_side_on_a_named_one_is_kept(coded):
    record = coded("A car bomb exploded outside the Turkish embassy in Kabul, killing two guards.", date="2015-05-01")
    assert "ASSAULT" in types(record)


def test_an_article_with_complete_events_drops_its_one_sided_mentions(coded):
    text = (
        "Kenya and Uganda signed a border agreement in Kampala on Monday. "
        "Kenya pledged to build a new road."
    )  # one-sided (no recipient): background to the news
    record = coded(text, date="2024-05-06")
    assert record["events"] and all(e["actor"] and e["recipient"] for e in record["events"])


def test_a_text_with_no_complete_event_keeps_its_one_sided_one(coded):
    record = coded("Rebels attacked an army convoy overnight, killing four soldiers in Syria.", date="2016-05-06")
    assert [e["event"] for e in record["events"]] and record["events"][0]["event"] == "ASSAULT"


def test_an_act_under_if_has_not_happened(coded):
    record = coded(
        "Venezuela says it will release the detained Americans if Washington lifts its sanctions.", date="2024-01-10"
    )
    assert not [e for e in record["events"] if e["event"] == "RETREAT" and {a["code"] for a in e["actor"]} == {"USA"}]


def test_two_officials_of_one_state_are_two_sides(coded):
    # domestic politics: the head of government and a minister are both DEU GOV, and still two sides
    record = coded(
        "German Chancellor Olaf Scholz praised Foreign Minister Annalena Baerbock on Monday.", date="2023-06-05"
    )
    praise = [e for e in record["events"] if e["event"] == "SUPPORT"]
    assert praise and {r["code"] for r in praise[0]["recipient"]} == {"DEU"}


def test_a_stance_in_the_lead_towards_no_one_in_particular_is_kept(coded):
    # rule "lead-stance": complete-first keeps it
    record = coded(
        "ACCRA, March 15 - A senior Ghanaian Agriculture Ministry official confirmed his country's backing for a new "
        "international cocoa pact. Ghana and Nigeria signed a trade accord last week.",
        date="1987-03-15",
    )
    assert ("051", ["GHA"], []) in [
        (e["cameo"], [a["code"] for a in e["actor"]], e["recipient"]) for e in record["events"]
    ]
