"""Rule "wire-capital": the 1987 wire's stray capitals after "U.S." are read in lower case, offset for offset.

Sentences written for this test.
"""

from __future__ import annotations

from dyad.annotate.case import decapitalise


def test_a_stray_capital_after_us_is_read_in_lower_case_offset_for_offset():
    text = "Tokyo said it was wrong for the U.S. To ask Japan to buy more U.S. Rice, though rice imports grew."
    read = decapitalise(text)
    assert read == "Tokyo said it was wrong for the U.S. to ask Japan to buy more U.S. rice, though rice imports grew."
    assert len(read) == len(text)


def test_names_and_new_sentences_keep_their_capitals():
    for text in (
        "U.S. Trade Representative Clayton Yeutter met Japanese officials.",  # a name follows
        "Exports rose to the U.S. The ministry said sales were up.",  # a new sentence
        "The U.S. Congress passed the bill.",  # a word the text never writes in lower case
        "U.S. May housing starts rose.",  # a month
    ):
        assert decapitalise(text) == text


def test_the_parser_no_longer_splits_the_clause(coded):
    record = coded(
        'TOKYO, April 8 - "It is not reasonable for the U.S. To demand Japan open its rice market," '
        "Japan's farm minister said.",
        date="1987-04-08",
    )
    assert [(e["actor"][0]["code"], e["recipient"][0]["code"]) for e in record["events"]] == [("JPN", "USA")]
