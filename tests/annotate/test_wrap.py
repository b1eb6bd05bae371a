"""Hard-wrapped wire copy is parsed as prose: line breaks inside sentences do not end them."""

from __future__ import annotations

from dyad.annotate.wrap import is_hard_wrapped, unwrap

# written for this test in the manner of 1980s wire copy: wrapped near 60 characters, paragraphs
# indented by four spaces
WIRE = (
    "BONN, June 4 - West German Economics Minister Hans Berger\n"
    "urged the United States to stop talking the dollar down and\n"
    "said Bonn would not cut interest rates again this year.\n"
    "    Berger told reporters in Bonn that the two governments\n"
    "had agreed to keep in close touch over currency markets.\n"
)


def test_wire_copy_is_recognised_and_unwrapped_offset_for_offset():
    assert is_hard_wrapped(WIRE)
    prose = unwrap(WIRE)
    assert len(prose) == len(WIRE)
    assert "Berger urged the United States" in prose  # a break inside a sentence is a space
    assert "\n    Berger told" in prose  # an indented line starts a paragraph: the break stays


def test_one_line_paragraphs_keep_their_breaks():
    text = "Talks in Geneva end\nIran and Iraq agreed to a ceasefire on Monday.\nThe UN welcomed it."
    assert not is_hard_wrapped(text)
    assert unwrap(text) == text


def test_a_line_that_starts_in_lower_case_continues_the_sentence():
    text = "The minister has asked Japan\nto open its markets to American rice."
    assert unwrap(text) == "The minister has asked Japan to open its markets to American rice."


def test_the_recipient_on_the_next_line_is_found_and_quoted_as_stored(coded):
    text = (
        "TOKYO, May 3 - The Philippine government has formally asked\n"
        "Japan to open its markets to more farm goods from Southeast\n"
        "Asia and to lower its tariffs on bananas and pineapples,\n"
        "a trade official said on Monday in a statement to the press.\n"
        "    The request came during a visit by a Philippine delegation.\n"
    )
    record = coded(text, date="1987-05-04")
    asks = [e for e in record["events"] if e["event"] == "REQUEST"]
    assert asks and {a["code"] for a in asks[0]["recipient"]} == {"JPN"}
    assert {a["code"] for a in asks[0]["actor"]} == {"PHL"}
    evidence = asks[0]["evidence"]
    assert text[evidence["start"] : evidence["end"]] == evidence["text"] and "\n" in evidence["text"]
