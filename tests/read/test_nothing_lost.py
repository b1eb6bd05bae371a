"""Nothing lost: article text is never taken for metadata, repeated ids never drop a story, and
every corpus the project is measured on reads with zero rejections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dyad.cli import main
from dyad.model import Document, Rejection
from dyad.read import read_inputs
from dyad.store import Store

from ..conftest import FIXTURES, SHARED

CORPORA = SHARED / "corpora"


def test_texts_that_start_with_date_are_ingested_whole(tmp_path: Path):
    source = FIXTURES / "date_words.jsonl"
    records = [json.loads(line) for line in source.read_text(encoding="utf-8").splitlines()]
    db = tmp_path / "d.duckdb"
    result = CliRunner().invoke(main, ["ingest", str(source), "--db", str(db), "--workers", "1", "--json"])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        stored = {d: store.document(d) for d in store.documents()["id"]}
    assert len(stored) == len(records)  # the two stories with one truncated id are both kept
    texts = {d: doc["text"] for d, doc in stored.items()}
    assert texts["pub-line"].startswith("Date of publication 5 July 2016")
    assert texts["dates-set"].startswith("Dates were set")
    assert str(stored["pub-line"]["date"])[:10] == "2016-07-05"


@pytest.mark.parametrize(
    "name",
    [
        "fakes-syria/articles.jsonl",
        "reuters21578/articles.jsonl",
        "whitehouse-intl/articles.jsonl",
        "current-events/items.jsonl",
    ],
)
def test_every_corpus_document_is_read_whole(name: str):
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"precondition: {path} (the project's shared corpora) is not beside this clone")
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    items = list(read_inputs([path]))
    rejected = [i for i in items if isinstance(i, Rejection)]
    assert not rejected, rejected[:3]
    documents = [i for i in items if isinstance(i, Document)]
    assert len(documents) == len(records)
    assert len({d.id for d in documents}) == len({(r["id"], r["text"].strip()) for r in records})
    for record, document in zip(records, documents, strict=True):
        if record.get("date"):
            assert document.date == record["date"][:10]
        assert (
            document.text[:40] == " ".join(record["text"].split())[:40]
            or document.text.split()[:5] == record["text"].split()[:5]
        ), document.id  # nothing cut at the start
