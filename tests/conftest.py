"""Shared fixtures. The spaCy pipeline is loaded once per test session, and only by tests that ask."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "000_e51a7bb7ba208ab8.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def pipeline():
    from dyad import default_pipeline

    return default_pipeline()


@pytest.fixture(scope="session")
def kb(pipeline):
    pipeline.coder  # noqa: B018  loads the knowledge base and lexicon
    return pipeline.kb


@pytest.fixture(scope="session")
def seed_record(pipeline):
    from dyad.read import read_inputs

    (document,) = list(read_inputs([SEED]))
    return pipeline.code_document(document).to_record()


@pytest.fixture
def coded(pipeline):
    """Code a text (optionally dated) and return its record."""
    from dyad.read import ReadSettings, read_text_document

    def run(text: str, date: str | None = None) -> dict:
        document = read_text_document(text, doc_id="t", settings=ReadSettings(default_date=date))
        return pipeline.code_document(document).to_record()

    return run
