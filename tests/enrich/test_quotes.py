"""Quotes: direct (any quote marks, multi-sentence, split), indirect, speakers resolved."""

from __future__ import annotations


def quotes_of(record, kind=None):
    return [
        q for q in record["quotes"] if kind is None or (":indirect:" in q["evidence"]["rule"]) == (kind == "indirect")
    ]


def test_seed_six_direct_quotes_from_two_speakers(seed_record):
    direct = quotes_of(seed_record, "direct")
    assert len(direct) == 6
    speakers = [q["speaker"]["code"] for q in direct]
    assert speakers.count("TUR") == 4 and speakers.count("MYS") == 2
    by_text = {q["text"][:20]: q["speaker"]["code"] for q in direct}
    assert by_text["We decided to contin"] == "TUR"  # "he said", continuing Erdogan
    assert by_text["courageous leadershi"] == "MYS"  # "he described", continuing Anwar, not Erdogan


def test_straight_curly_and_split_quotes(coded):
    text = (
        '"We will not accept this," the Iranian foreign minister said on Monday. '
        "“The talks are over,” Kenyan President William Ruto said, “and we will act.”"
    )
    record = coded(text, date="2025-05-05")
    direct = quotes_of(record, "direct")
    assert [q["speaker"]["code"] for q in direct] == ["IRN", "KEN"]
    assert direct[1]["text"] == "The talks are over … and we will act"
    for q in record["quotes"]:
        ev = q["evidence"]
        assert text[ev["start"] : ev["end"]] == ev["text"]


def test_multi_sentence_quote(coded):
    text = "“We came to talk. We leave with an agreement,” said Egypt's foreign minister."
    record = coded(text)
    (quote,) = quotes_of(record, "direct")
    assert quote["text"].startswith("We came to talk. We leave") and quote["speaker"]["code"] == "EGY"


def test_indirect_speech_and_scare_quotes(coded):
    record = coded('The so-called "peace plan" was published. Brazil said that it would send more aid to Haiti.')
    assert not quotes_of(record, "direct")  # marks without a speaker are scare quotes
    (indirect,) = quotes_of(record, "indirect")
    assert indirect["speaker"]["code"] == "BRA" and indirect["text"].startswith("it would send more aid")
