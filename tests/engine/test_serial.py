"""The lossless JSON form the Ray engine passes coded documents through Parquet in."""

from __future__ import annotations

from dyad.model import LearnedActor
from dyad.read import ReadSettings, read_text_document
from dyad.serial import coded_from_json, coded_to_json


def test_a_coded_document_round_trips_with_its_learned_people(pipeline):
    text = (
        "Kenyan Interior Minister Kipchumba Murkomen met Ugandan officials in Kampala. "
        "Murkomen said the two countries would share border intelligence."
    )
    document = read_text_document(text, doc_id="k", settings=ReadSettings(default_date="2025-03-01"))
    coded = pipeline.code_document(document)
    assert coded.learned and all(isinstance(p, LearnedActor) for p in coded.learned)
    again = coded_from_json(coded_to_json(coded))
    assert again == coded  # every dataclass rebuilt, typed lists included
    assert isinstance(again.learned[0], LearnedActor) and again.learned[0].code == "KEN"
