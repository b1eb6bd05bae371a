"""In a statement, "I" is whom its title says it is from. Texts written for this test."""

from __future__ import annotations

from dyad.model import Document


def sides(pipeline, text: str, title: str | None) -> list[tuple[str, list[str], list[str]]]:
    record = pipeline.code_document(Document(id="s", text=text, date="2024-08-16", title=title)).to_record()
    return [
        (e["event"], [a["code"] for a in e["actor"]], [r["code"] for r in e["recipient"]]) for e in record["events"]
    ]


def test_i_in_a_statement_is_the_titles_principal(pipeline):
    found = sides(
        pipeline,
        "I congratulate President Luis Abinader on his inauguration. We stand ready to support him.",
        "Statement from President Joe Biden on the Inauguration of President Abinader",
    )
    assert ("SUPPORT", ["USA"], ["DOM"]) in found


def test_without_a_title_i_is_nobody(pipeline):
    found = sides(pipeline, "I congratulate President Luis Abinader on his inauguration.", None)
    assert all(actor == [] for _, actor, _ in found)


def test_quoted_words_are_the_quoted_speakers(pipeline):
    found = sides(
        pipeline,
        '"I congratulate President Abinader," the Peruvian minister told reporters.',
        "Statement from President Joe Biden",
    )
    assert all(actor != ["USA"] for _, actor, _ in found)


def _published(pipeline, text: str, title: str, source: str | None) -> list[tuple[str, list[str], list[str]]]:
    document = Document(id="r", text=text, date="2023-05-04", title=title, source=source)
    record = pipeline.code_document(document).to_record()
    return [
        (e["event"], [a["code"] for a in e["actor"]], [r["code"] for r in e["recipient"]]) for e in record["events"]
    ]


READOUT = (
    "Readout of Deputy Trade Representative Maria Okafor’s Trip to Kenya",
    "Deputy Trade Representative Maria Okafor traveled to Nairobi this week. Ms. Okafor met with "
    "President William Ruto and thanked Kenya for its partnership.",
)


def test_a_governments_readout_is_about_its_own_official(pipeline):
    """publisher's-official: the White House publishes the trips of its own people."""
    title, text = READOUT
    found = _published(pipeline, text, title, "The White House")
    assert ("CONSULT", ["USA"], ["KEN"]) in found
    assert ("SUPPORT", ["USA"], ["KEN"]) in found


def test_without_a_government_publisher_the_unknown_official_stays_unknown(pipeline):
    title, text = READOUT
    for source in (None, "Daily Nation"):
        found = _published(pipeline, text, title, source)
        assert all(actor != ["USA"] for _, actor, _ in found)


def test_a_statement_names_its_author_before_its_subject():
    from dyad.actors.resolve import publishers_official
    from dyad.pipeline import shared_knowledge_base

    kb = shared_knowledge_base()
    author = publishers_official(
        "Statement from Press Secretary Jane Moreno on the President’s Travel to Lima for APEC Leaders’ Week",
        "The White House",
        kb,
        "2024-01-01",
    )
    assert author is not None and (author.raw_text, author.code) == ("Jane Moreno", "USA")
    assert publishers_official("Readout of Interagency Delegation Travel to Fiji", "The White House", kb, None) is None
