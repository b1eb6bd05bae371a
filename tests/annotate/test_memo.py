"""The memo attribute ruler and lemmatiser set exactly what spaCy's own components set."""

from __future__ import annotations

import pytest
import spacy

from dyad.annotate import MODEL_PACKAGE, load_model, parser_text
from dyad.annotate.memo import MemoAttributeRuler, MemoLemmatizer
from dyad.read import read_inputs
from tests.annotate.triage_corpus import ROOT, articles

# Written for this test: the ruler's two-token and space patterns ("gon na", "let 's", "there is",
# a space token), words it names ("that" as pronoun and conjunction), and inflections.
WRITTEN = (
    "There is no deal yet , and they 're gon na talk again ; let 's see , the minister said .\n\n"
    "Y' all know that the talks that failed were held while ministers were meeting .  Troops "
    "ai n't leaving, said the generals, who had fought bravely in worse wars."
)


def _annotations(doc: spacy.tokens.Doc) -> list[tuple[object, ...]]:
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


@pytest.fixture(scope="module")
def texts() -> list[str]:
    samples = [document.text for document in read_inputs([ROOT / "samples"])]
    return [parser_text(text) for text in [WRITTEN, *samples, *(a["text"] for a in articles()[:60])]]


def test_the_model_uses_the_memo_components_under_spacys_names():
    nlp = load_model()
    assert isinstance(nlp.get_pipe("attribute_ruler"), MemoAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), MemoLemmatizer)
    assert nlp.pipe_names == ["tok2vec", "tagger", "dyad_line_breaks", "parser", "attribute_ruler", "lemmatizer", "ner"]


def test_every_token_is_annotated_as_spacys_own_components_annotate_it(texts):
    memo = load_model()
    original = spacy.load(MODEL_PACKAGE)
    original.add_pipe("dyad_line_breaks", before="parser")
    expected = [_annotations(doc) for doc in original.pipe(texts)]
    # twice: the second pass answers from memory
    for _ in range(2):
        assert [_annotations(doc) for doc in memo.pipe(texts)] == expected
    assert sum(len(doc) for doc in expected) > 5000
