"""Wire-copy structure is layout: datelines, publication lines and sign-offs are never actors or events."""

from __future__ import annotations

import pytest

from dyad.annotate.structure import layout


@pytest.mark.parametrize(
    ("text", "structure", "place"),
    [
        ("CAIRO, May 3 - Sudanese troops shelled rebel positions.", "CAIRO, May 3 - ", "Cairo"),
        ("NORTH PLATTE, Neb., Oct 2 - The senator said ...", "NORTH PLATTE, Neb., Oct 2 - ", "North Platte"),
        ("Geneva (Reuters) - Iran and Iraq met.", "Geneva (Reuters) - ", "Geneva"),
        ("KYIV, Ukraine (AP) — Russian drones struck a power station.", "KYIV, Ukraine (AP) — ", "Kyiv"),
        ("Lagos, march 9 - the federal government said ...", "Lagos, march 9 - ", "Lagos"),
        ("Date of publication 3 March 2015 Government jets bombed Douma.", "Date of publication 3 March 2015 ", None),
        ("Published October 2 2016 Rebels shelled a market.", "Published October 2 2016 ", None),
        ("04-11-2015 Army units destroyed a rebel depot.", "04-11-2015 ", None),
    ],
)
def test_structure_is_found(text: str, structure: str, place: str | None):
    found = layout(text)
    assert [text[s:e] for s, e in found.spans] == [structure]
    assert found.filed_from == place


@pytest.mark.parametrize(
    "text",
    [
        "Russia - Ukraine talks resume in Istanbul.",
        "NATO - Russia council meets.",
        "The United States and China agreed to talk.",
    ],
)
def test_text_is_not_taken_for_structure(text: str):
    assert layout(text).spans == ()


def test_sign_off_is_structure():
    text = "Iran accused Iraq of shelling Basra.\n REUTER"
    assert [text[s:e] for s, e in layout(text).spans] == ["\n REUTER"]


def test_a_sites_subscription_prompt_is_structure(coded):
    footer = "FOLLOW NEWSDESK Dont miss out on the Latest News We wont spam you and we respect your privacy."
    text = "Kenyan police arrested dozens of protesters in Nairobi. " + footer
    assert [text[s:e] for s, e in layout(text).spans] == [footer]
    assert layout("The minister said Kenya would not miss out on the talks.").spans == ()
    record = coded(text, date="2024-06-25")
    assert all(e["evidence"]["text"] not in footer for e in record["events"])
    assert "SUPPORT" not in {e["event"] for e in record["events"]}  # "we respect your privacy"


def test_the_dateline_city_is_a_place_not_an_actor(coded):
    record = coded(
        "CAIRO, May 3 - Sudanese troops shelled rebel positions near the border on Friday.", date="1987-05-03"
    )
    sides = {a["code"] for e in record["events"] for a in e["actor"] + e["recipient"]}
    assert "EGY" not in sides
    shelling = next(e for e in record["events"] if e["event"] == "ASSAULT")
    assert {a["code"] for a in shelling["actor"]} == {"SDN"}
    assert shelling["event_loc"]["name"] == "Cairo"  # the filing place, where the text gives no other


def test_an_actors_text_never_quotes_the_dateline_it_follows(coded):
    # The blanked dateline parses as one whitespace token that the phrase's left edge can reach.
    record = coded(
        "OSLO, June 2 - European Community officials welcomed Norway's decision to hold a referendum.",
        date="1987-06-02",
    )
    welcome = next(e for e in record["events"] if e["event"] == "SUPPORT")
    assert [a["raw_text"] for a in welcome["actor"]] == ["European Community officials"]
