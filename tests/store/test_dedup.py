"""One real event, one row: near-duplicate articles detected at ingest and counted once."""

from __future__ import annotations

from dyad.ingest import ingest
from dyad.pipeline import Pipeline
from dyad.store import Store, dedup

TEXT = (
    "Turkish President Recep Tayyip Erdogan met Malaysian Prime Minister Anwar Ibrahim in Ankara on Wednesday, "
    "and the two leaders agreed to expand defence cooperation and trade between their countries."
)


def test_minhash_similarity():
    a = dedup.signature(TEXT)
    assert dedup.similarity(a, dedup.signature(TEXT)) == 1.0
    assert dedup.similarity(a, dedup.signature(TEXT + " Officials said more talks would follow.")) > 0.7
    assert dedup.similarity(a, dedup.signature("Kenyan police arrested dozens of protesters in Nairobi.")) < 0.2


def test_wire_copies_are_linked_and_counted_once(tmp_path):
    files = []
    for name, source, text in (
        ("a", "wire", TEXT),
        ("b", "repost", TEXT + " Reporting by staff."),
        (
            "c",
            "other",
            "Malaysian Prime Minister Anwar Ibrahim held talks with Turkish "
            "President Recep Tayyip Erdogan in Ankara on Wednesday.",
        ),
    ):
        path = tmp_path / f"{name}.jsonl"
        path.write_text(f'{{"id": "{name}", "date": "2026-01-07", "source": "{source}", "text": "{text}"}}\n')
        files.append(path)
    with Store(tmp_path / "d.duckdb") as store:
        ingest(files, store, Pipeline())
        docs = store.con.execute("SELECT id, duplicate_of FROM documents ORDER BY id").fetchall()
        assert docs == [("a", None), ("b", "a"), ("c", None)]
        canonical = store.canonical_events(dyad="TUR-MYS")
        meetings = canonical[(canonical["event"] == "CONSULT") & (canonical["actor"] == "TUR")]
        assert len(meetings) == 1
        row = meetings.iloc[0]
        assert row["articles"] == 2 and row["sources"] == 2  # the repost does not count
        assert row["mentions"] >= 2
