"""The event coder on hand-written sentences: triggers, arguments, modality, negation, evidence."""

from __future__ import annotations

import pytest

from dyad.coding.lexicon import Lexicon, parse_pattern


def events_of(record):
    return [
        (e["event"], e["cameo"], tuple(a["code"] for a in e["actor"]), tuple(r["code"] for r in e["recipient"]))
        for e in record["events"]
    ]


def top(record):
    return max(record["events"], key=lambda e: e["confidence"])


@pytest.mark.parametrize(
    ("sentence", "event", "actor", "recipient"),
    [
        ("French President Emmanuel Macron met German Chancellor Friedrich Merz in Berlin.", "CONSULT", "FRA", "DEU"),
        ("Japan praised South Korea for its restraint.", "SUPPORT", "JPN", "KOR"),
        ("The United States imposed sanctions on Iran.", "SANCTION", "USA", "IRN"),
        ("Russian troops attacked Ukrainian positions near Bakhmut.", "ASSAULT", "RUS", "UKR"),
        ("Pakistan accused India of violating the ceasefire.", "ACCUSE", "PAK", "IND"),
        ("China rejected the proposal by Japan.", "REJECT", "CHN", None),
        ("Egypt urged Israel to allow aid into Gaza.", "REQUEST", "EGY", "ISR"),
        ("Thousands of Kenyans protested against the government in Nairobi.", "PROTEST", "KEN", None),
        ("Germany sent humanitarian aid to Sudan.", "AID", "DEU", "SDN"),
    ],
)
def test_main_event(coded, sentence, event, actor, recipient):
    record = coded(sentence, date="2025-06-01")
    main = top(record)
    assert main["event"] == event, events_of(record)
    assert actor in {a["code"] for a in main["actor"]}, events_of(record)
    if recipient:
        assert recipient in {r["code"] for r in main["recipient"]}, events_of(record)


def test_negation_is_not_the_event(coded):
    record = coded("Iran did not agree to the inspections demanded by the IAEA.")
    assert "SUPPORT" not in {e["event"] for e in record["events"]}
    assert not any(e["cameo"] == "057" for e in record["events"])


def test_future_cooperation_is_intent(coded):
    record = coded("Indonesia will provide economic aid to Timor-Leste.")
    main = top(record)
    assert main["event"] == "AGREE" and main["cameo"].startswith("033")
    assert main["future"] is True


def test_appeal_composes_with_what_is_asked(coded):
    record = coded("Erdogan encouraged Malaysia to expand its investments in Turkey.", date="2026-01-07")
    main = top(record)
    assert main["event"] == "REQUEST" and main["cameo"] == "0211"


def test_meetings_are_reciprocal(coded):
    record = coded("Vietnam held talks with Australia in Hanoi.")
    pairs = {(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in record["events"] if e["event"] == "CONSULT"}
    assert pairs == {("VNM", "AUS"), ("AUS", "VNM")}


def test_reported_speech_codes_the_reported_event(coded):
    record = coded("The ministry said Syrian forces shelled rebel positions in Idlib.")
    assert any(e["event"] == "ASSAULT" and e["actor"] and e["actor"][0]["code"] == "SYR" for e in record["events"])


def test_evidence_offsets_slice_the_text(coded):
    text = "After the summit, Kenya and Uganda signed a trade agreement in Kampala."
    record = coded(text)
    assert record["events"]
    for e in record["events"]:
        ev = e["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]
        t = ev["trigger"]
        assert text[t["start"] : t["end"]] == t["text"] == e["event_text"]
        assert ev["rule"].startswith("lexicon:")
        for a in e["actor"] + e["recipient"]:
            if a["kind"] != "implied":  # implied targets (a protest's own government) have no text
                assert text[a["start"] : a["end"]] == a["raw_text"]


def test_lexicon_rejects_codes_outside_the_codebook():
    with pytest.raises(ValueError, match="not a CAMEO code"):
        Lexicon.parse("999\tmeet\n")


def test_pattern_syntax():
    p = parse_pattern("040", "hold [talk|meeting]")
    assert (p.lemma, p.noun, p.objects) == ("hold", False, frozenset({"talk", "meeting"}))
    n = parse_pattern("020", "N:call for")
    assert (n.lemma, n.noun, n.particles) == ("call", True, ("for",))
    m = parse_pattern("142", "N:hunger strike")
    assert (m.lemma, m.modifiers) == ("strike", ("hunger",))


def test_bundled_lexicon_loads():
    lexicon = Lexicon.load_default()
    assert len(lexicon.verbs) > 150 and len(lexicon.nouns) > 50


def test_protest_without_target_is_aimed_at_its_government(coded):
    record = coded("Thousands of Kenyans protested in the streets on Tuesday.")
    main = top(record)
    assert main["event"] == "PROTEST"
    (target,) = main["recipient"]
    assert (target["code"], target["sector_code"], target["kind"]) == ("KEN", "GOV", "implied")


def test_victims_of_dying_are_recipients(coded):
    record = coded("A Palestinian prisoner died under torture in an Israeli jail.")
    assert record["events"]
    assert all("PSE" not in {a["code"] for a in e["actor"]} for e in record["events"])


def test_a_crowd_at_an_unnamed_site_acts_in_the_place_the_site_is_in(coded):
    record = coded("Inmates rioted at a prison in Kenya's capital Nairobi on Friday.")
    main = top(record)
    assert main["event"] == "PROTEST"
    assert [a["code"] for a in main["actor"]] == ["KEN"]
    assert main["event_loc"]["name"] == "Nairobi"


def test_people_affiliated_with_a_national_body_take_its_country(coded):
    record = coded("Miners affiliated with a Polish trade union went on strike on Monday.")
    main = top(record)
    assert main["event"] == "PROTEST"
    assert [(a["code"], a["raw_text"]) for a in main["actor"]] == [("POL", "Miners")]


def test_courts_and_police_without_a_country_act_in_their_targets_country(coded):
    record = coded("Police arrested 12 Kenyan activists on Monday.")
    main = top(record)
    assert [(a["code"], a["sector_code"]) for a in main["actor"]] == [("KEN", "COP")]
    assert [r["code"] for r in main["recipient"]] == ["KEN"]


def test_an_ngo_described_in_common_nouns_is_the_actor(coded):
    record = coded("A human rights group accused Croatian authorities of torture.")
    main = top(record)
    assert main["event"] == "ACCUSE"
    assert [a["code"] for a in main["actor"]] == ["NGO"]
    assert [r["code"] for r in main["recipient"]] == ["HRV"]


def test_a_named_association_no_country_claims_is_an_ngo(coded):
    record = coded("The International Federation of Journalists condemned Turkey for jailing reporters.")
    main = top(record)
    assert [(a["code"], a["raw_text"]) for a in main["actor"]] == [("NGO", "International Federation of Journalists")]
    assert [r["code"] for r in main["recipient"]] == ["TUR"]


def test_the_subject_of_a_passive_without_agent_is_the_recipient(coded):
    record = coded("Several Iraqi villages were shelled overnight.")
    assert [r["code"] for r in top(record)["recipient"]] == ["IRQ"]


def test_placed_under_investigation_in_a_country_is_that_states_act(coded):
    record = coded("Three British tourists were placed under investigation in Greece after the fire.")
    main = top(record)
    assert (main["event"], main["cameo"]) == ("ACCUSE", "090")
    assert [(a["code"], a["sector_code"]) for a in main["actor"]] == [("GRC", "GOV")]
    assert [r["code"] for r in main["recipient"]] == ["GBR"]
    assert main["event_loc"]["name"] == "Greece"


def test_protesting_that_something_happened_is_a_complaint_not_a_demonstration(coded):
    complaint = top(coded("Bolivia protested that Chilean troops had entered its territory."))
    assert (complaint["event"], complaint["cameo"]) == ("ACCUSE", "114")
    assert [r["code"] for r in complaint["recipient"]] == ["CHL"]
    march = top(coded("Thousands of Bolivians protested in La Paz against the new tax."))
    assert march["event"] == "PROTEST"
