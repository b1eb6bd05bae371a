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
