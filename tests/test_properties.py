"""Property-based tests: arbitrary text never crashes the readers or the coder, output is always
schema-valid, and every evidence offset slices the document to the evidence text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.model import Document, Rejection
from dyad.read import read_text_document
from dyad.read.readers import decode
from dyad.schema import validation_errors

NEWSY = st.lists(st.sampled_from([
    "Türkiye", "Malaysia", "Erdogan", "met", "praised", "attacked", "will", "not", "the", "“", "”", '"', ",", ".",
    "said", "in", "Ankara", "on", "Wednesday", "last", "year", "sanctions", "troops", "agreed", "to", "aid",
    "\n", "—", "'s", "Kenyan", "police", "arrested", "protesters", "UN", "NATO", "pledged",
]), min_size=0, max_size=40).map(" ".join)


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
        assert body[ev["start"]:ev["end"]] == ev["text"]
        trigger = ev.get("trigger")
        if trigger:
            assert body[trigger["start"]:trigger["end"]] == trigger["text"]
    for quote in record["quotes"]:
        ev = quote["evidence"]
        assert body[ev["start"]:ev["end"]] == ev["text"]
    for mention in record["mentions"]:
        assert body[mention["start"]:mention["end"]] == mention["text"]
