"""Places (geocoded offline), themes and tone."""

from __future__ import annotations

from dyad.enrich.places import dateline, default_gazetteer


def test_seed_meeting_located_in_ankara_with_coordinates(seed_record):
    conference = next(e for e in seed_record["events"] if e["event_text"] == "press conference")
    loc = conference["event_loc"]
    assert (loc["name"], loc["country_code"]) == ("Ankara", "TUR")
    assert 39.5 < loc["lat"] < 40.5 and 32.5 < loc["lon"] < 33.2
    visit = next(e for e in seed_record["events"] if e["event_text"] == "visit")
    assert visit["event_loc"]["name"] == "Kuala Lumpur" and visit["event_loc"]["country_code"] == "MYS"


def test_gazetteer_prefers_the_articles_countries():
    gazetteer = default_gazetteer()
    assert gazetteer.geocode("Tripoli", ["LBN"]).country_code == "LBN"
    assert gazetteer.geocode("Tripoli", ["LBY"]).country_code == "LBY"
    assert gazetteer.geocode("Nowhere-on-Earth") is None


def test_a_towns_country_only_when_its_name_is_unambiguous():
    gazetteer = default_gazetteer()
    assert gazetteer.country_of("Bologna") == "ITA"
    assert gazetteer.country_of("Tripoli") is None  # Libya's or Lebanon's
    assert gazetteer.country_of("Atlantis of the Deep") is None


def test_dateline_is_the_fallback_place(coded):
    assert dateline("NAIROBI (Reuters) - Kenyan police arrested...") == "Nairobi"
    assert dateline("Kenyan police arrested dozens.") is None
    record = coded("NAIROBI (Reuters) - Kenyan police arrested dozens of protesters on Tuesday.", date="2024-06-25")
    arrest = next(e for e in record["events"] if e["event"] == "COERCE")
    assert arrest["event_loc"]["country_code"] == "KEN" and arrest["event_loc"]["lat"] is not None


def test_a_place_merely_mentioned_is_not_the_events_place(coded):
    record = coded("Japan criticised China over its policy toward Taiwan.", date="2024-01-01")
    criticism = next(e for e in record["events"] if e["event"] == "ACCUSE")
    assert criticism["event_loc"] is None


def test_tone_and_topics(coded, seed_record):
    warm = coded("Japan praised South Korea for its generous humanitarian aid.")
    hostile = coded("Russian troops attacked and killed dozens of civilians in a brutal assault.")
    assert warm["tone"] > 3 > -3 > hostile["tone"]
    assert "humanitarian" in warm["events"][0]["topics"]
    topics = seed_record["themes"]["topics"]
    assert {"defence industry", "investment", "education", "tourism"} <= set(topics)
    assert "diplomatic" in seed_record["themes"]["contexts"]
