"""A batch is written with one statement a table, and means what writing its documents one by
one would: the later of two texts with one id wins, near-duplicates within the batch and
against the store are linked, an unchanged document is not written again."""

from __future__ import annotations

from dyad.model import Document
from dyad.pipeline import Pipeline
from dyad.store import Store

MEETING = (
    "Turkish President Recep Tayyip Erdogan met Malaysian Prime Minister Anwar Ibrahim in Ankara on Wednesday, "
    "and the two leaders agreed to expand defence cooperation and trade between their countries."
)
ARREST = (
    "Kenyan police arrested dozens of protesters in Nairobi on Tuesday after a march on parliament against "
    "the new finance bill, which the opposition says will raise the price of bread, fuel and school fees "
    "for millions of families already struggling with the cost of living."
)


def _coded(pipeline: Pipeline, *documents: tuple[str, str]) -> list:
    return list(pipeline.code_documents([Document(id=i, text=t, date="2026-01-07") for i, t in documents]))


def _documents(store: Store) -> list[tuple]:
    return store.con.execute("SELECT id, duplicate_of, text FROM documents ORDER BY id").fetchall()


def test_one_batch_means_what_its_documents_one_by_one_mean(tmp_path):
    pipeline = Pipeline()
    first = _coded(pipeline, ("a", MEETING), ("k", ARREST))
    batch = _coded(
        pipeline,
        ("a", MEETING),  # unchanged: not written again
        ("b", MEETING + " Reporting by staff."),  # near-duplicate of a stored article
        ("k", ARREST.replace("dozens", "hundreds")),  # a changed text replaces the old rows
        ("k", ARREST.replace("dozens", "scores")),  # ... and the later of two in one batch wins
        ("c", ARREST.replace("dozens", "scores") + " Police said."),  # duplicate of one in this batch
    )
    with Store(tmp_path / "batch.duckdb") as store:
        assert store.write_many(first) == 2
        assert store.write_many(batch) == 4
        assert [(i, d) for i, d, _ in _documents(store)] == [("a", None), ("b", "a"), ("c", "k"), ("k", None)]
        assert "scores" in dict((i, t) for i, _, t in _documents(store))["k"]
        events = store.con.execute("SELECT doc_id, count(*) FROM events GROUP BY doc_id ORDER BY 1").fetchall()
        assert dict(events)["k"] == len(batch[3].events)
        assert store.con.execute("SELECT count(*) FROM sentences WHERE doc_id = 'k'").fetchone()[0] == len(
            batch[3].sentences
        )
