"""An institution every state has ("the Senate") is the state's the text names before it.

Sentences written for this test.
"""

from __future__ import annotations


def mention_codes(record: dict) -> dict[str, tuple[str, str | None]]:
    return {m["text"]: (m["entity"]["code"], m["entity"]["sector_code"]) for m in record["mentions"] if m["entity"]}


def test_a_national_adjective_makes_the_senate_that_states(coded):
    record = coded("The Chilean Senate voted to approve the pension reform.", date="2021-11-16")
    assert mention_codes(record)["Senate"] == ("CHL", "LEG")


def test_a_possessive_country_makes_the_senate_that_states(coded):
    record = coded("Chile's Senate rejected the impeachment of President Sebastian Pinera.", date="2021-11-16")
    assert mention_codes(record)["Senate"] == ("CHL", "LEG")


def test_the_bare_senate_keeps_the_dictionarys_reading(coded):
    record = coded("The Senate approved the arms sale to Saudi Arabia.", date="2019-06-20")
    assert mention_codes(record)["Senate"][0] == "USA"


def test_a_place_after_a_lineage_particle_is_a_family_name(coded):
    record = coded("Jake Sullivan spoke with His Highness Ahmad al-Nawaf al-Sabah of Kuwait.", date="2022-08-11")
    assert "MYS" not in {code for code, _ in mention_codes(record).values()}
    assert {(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in record["events"]} == {
        ("USA", "KWT"),
        ("KWT", "USA"),
    }


def test_the_place_itself_stays_a_place(coded):
    record = coded("Floods hit Sabah, Malaysia, on Monday.", date="2022-08-11")
    assert mention_codes(record)["Sabah"][0] == "MYS"


def test_an_office_of_an_international_organisation_outranks_nationality(coded):
    record = coded(
        "Jake Sullivan met in Washington with Executive Vice President of the European Commission Frans Timmermans.",
        date="2022-09-23",
    )
    assert mention_codes(record)["Frans Timmermans"] == ("IGO", "GOV")


def test_a_former_office_holder_keeps_his_nationality(coded):
    record = coded("Former NATO Secretary General Anders Fogh Rasmussen met Zelensky.", date="2022-09-23")
    assert mention_codes(record)["Anders Fogh Rasmussen"][0] == "DNK"


def test_a_national_title_after_an_organisation_is_not_its_office(coded):
    record = coded("The European Union and Kenyan President William Ruto signed a deal.", date="2023-06-19")
    assert mention_codes(record)["William Ruto"][0] == "KEN"


def test_a_bare_capitalised_head_is_the_body_named_in_full_before(coded):
    record = coded(
        "The Syrian Coalition met the Turkish foreign minister in Ankara on Monday. "
        "The Coalition has urged the United Nations to protect civilians.",
        date="2016-08-20",
    )
    requests = [e for e in record["events"] if e["event"] == "REQUEST"]
    assert [(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in requests] == [("SYR", "IGO")]


def test_a_definite_common_noun_is_the_body_named_in_full_before(coded):
    record = coded(
        "Kenya's Health Ministry announced an audit on Monday. "
        "The ministry also accused the Ugandan government of smuggling vaccines.",
        date="2024-03-01",
    )
    accusations = [e for e in record["events"] if e["event"] == "ACCUSE"]
    assert [(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in accusations] == [("KEN", "UGA")]


def test_a_definite_common_noun_takes_up_only_a_body_or_a_role(coded):
    # "the U.S. dollar" names a currency after a country; "the dollar" is no actor
    record = coded(
        "Japanese Finance Minister Shunichi Suzuki said Japan was watching the U.S. dollar closely. "
        "The dollar was criticised by traders.",
        date="2024-03-01",
    )
    assert all(r["raw_text"].lower() != "the dollar" for e in record["events"] for r in e["recipient"])
