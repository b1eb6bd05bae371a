"""Property-based tests: arbitrary text never crashes the readers or the coder, output is always
schema-valid, and every evidence offset slices the document to the evidence text."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.model import Document, Rejection
from dyad.read import read_text_document
from dyad.read.readers import decode
from dyad.schema import validation_errors

NEWSY = st.lists(
    st.sampled_from(
        [
            "Türkiye",
            "Malaysia",
            "Erdogan",
            "met",
            "praised",
            "attacked",
            "will",
            "not",
            "the",
            "“",
            "”",
            '"',
            ",",
            ".",
            "said",
            "in",
            "Ankara",
            "on",
            "Wednesday",
            "last",
            "year",
            "sanctions",
            "troops",
            "agreed",
            "to",
            "aid",
            "\n",
            "—",
            "'s",
            "Kenyan",
            "police",
            "arrested",
            "protesters",
            "UN",
            "NATO",
            "pledged",
        ]
    ),
    min_size=0,
    max_size=40,
).map(" ".join)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_readers_never_crash_on_any_text(text):
    item = read_text_document(text, origin="<hypothesis>")
    assert isinstance(item, Document | Rejection)
    if isinstance(item, Document):
        assert item.text == item.text.strip() and item.text


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=2000))
def test_decoding_never_crashes_on_any_bytes(data):
    result = decode(data, "<bytes>")
    assert isinstance(result, str | Rejection)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(NEWSY, st.text(max_size=300)))
def test_coder_output_is_valid_and_offsets_slice_the_text(pipeline, text):
    document = read_text_document("date 2026-01-07 " + text, doc_id="h")
    if isinstance(document, Rejection):
        return
    record = pipeline.code_document(document).to_record()
    assert validation_errors(record) == []
    body = document.text
    for event in record["events"]:
        ev = event["evidence"]
        assert body[ev["start"] : ev["end"]] == ev["text"]
        trigger = ev.get("trigger")
        if trigger:
            assert body[trigger["start"] : trigger["end"]] == trigger["text"]
    for quote in record["quotes"]:
        ev = quote["evidence"]
        assert body[ev["start"] : ev["end"]] == ev["text"]
    for mention in record["mentions"]:
        assert body[mention["start"] : mention["end"]] == mention["text"]


DATE_PHRASES = [
    "on February 30, 2025",
    "on 31 April 2024",
    "in 1850",
    "in 1920",
    "in the year 3000",
    "by 2099",
    "on Monday",
    "last week",
    "next month",
    "on 12/31/2025",
    "in March",
    "yesterday",
    "on 0000-00-00",
    "in 9999",
    "on January 1, 1900",
]
EVENT_SENTENCES = [
    "Kenya and Uganda signed a trade agreement",
    "Russian troops attacked Ukrainian positions",
    "Japan pledged to send aid to the Philippines",
    "Iran will hold talks with France",
]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    sentence=st.sampled_from(EVENT_SENTENCES),
    phrase=st.sampled_from(DATE_PHRASES),
    article=st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2026, 11, 1)),
)
def test_no_impossible_date_or_unknown_code_leaves_the_coder(pipeline, sentence, phrase, article):
    from dyad import taxonomy
    from dyad.validity import plausible_date

    document = read_text_document(f"date {article.isoformat()} {sentence} {phrase}.", doc_id="d")
    assert not isinstance(document, Rejection)
    record = pipeline.code_document(document).to_record()
    for event in record["events"]:
        assert taxonomy.is_cameo(event["cameo"])
        for key in ("event_date", "due_date"):
            assert plausible_date(event.get(key), article.isoformat()), (phrase, event.get(key))
    for commitment in record["commitments"]:
        assert plausible_date(commitment.get("due"), article.isoformat())
