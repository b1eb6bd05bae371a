"""The DuckDB store: atomic writes, idempotent re-ingest, queries as DataFrames, migrations."""

from __future__ import annotations

import duckdb
import pytest

from dyad.errors import DyadError
from dyad.ingest import ingest
from dyad.store import SCHEMA_VERSION, Store
from dyad.store.schema import current_version

from ..conftest import FIXTURES, SEED


@pytest.fixture
def store(tmp_path, pipeline):
    with Store(tmp_path / "t.duckdb") as s:
        ingest([SEED, FIXTURES / "articles.jsonl"], s, pipeline)
        yield s


def test_ingest_counts_and_reports_rejections(tmp_path, pipeline):
    with Store(tmp_path / "a.duckdb") as s:
        info = ingest([SEED, FIXTURES / "articles.jsonl"], s, pipeline)
        assert info.documents == 4
        assert len(info.rejected) == 2 and not info.ok
        assert info.events == s.stats()["events"] > 0


def test_reingest_codes_nothing_twice(tmp_path, pipeline):
    path = tmp_path / "b.duckdb"
    with Store(path) as s:
        first = ingest([SEED], s, pipeline)
    with Store(path) as s:
        second = ingest([SEED], s, pipeline)
        assert (first.documents, second.documents, second.skipped) == (1, 0, 1)
        assert s.stats()["documents"] == 1
        assert s.stats()["events"] == first.events


def test_dyad_filter_both_directions_and_directed(store):
    both = store.events(dyad="TUR-MYS")
    assert len(both) > 0
    assert set(both["doc_id"]) == {"000_e51a7bb7ba208ab8"}
    directed = store.events(dyad="MYS-TUR", directed=True)
    assert all("MYS" in a for a in directed["actor_codes"])
    assert len(directed) < len(both)
    assert len(store.events(dyad="mys-tur")) == len(both)


def test_filters(store):
    assert set(store.events(event="consult")["event"]) == {"CONSULT"}
    assert all(c.startswith("04") for c in store.events(cameo="04")["cameo"])
    recent = store.events(since="2026-01-01")
    seed_events = store.document("000_e51a7bb7ba208ab8")["events"]
    assert len(recent) == int((seed_events["event_date"] >= "2026-01-01").sum()) > 0
    assert len(store.events(until="2025-12-31")) >= 1  # last year's visit keeps its own date
    assert 0 < len(store.events(actor="TUR", since="2026-01-01")) <= len(recent)
    assert len(store.events(until="2000-01-01")) == 0
    assert len(store.events(limit=2)) == 2


def test_bad_dyad_is_a_clear_error(store):
    with pytest.raises(DyadError, match="TUR-MYS"):
        store.events(dyad="TURMYS")


def test_document_round_trip(store):
    doc = store.document("000_e51a7bb7ba208ab8")
    assert doc["date"] == "2026-01-07"
    assert doc["text"].startswith("Türkiye will continue")
    for e in doc["events"].to_dict(orient="records"):
        assert doc["text"][e["evidence_start"] : e["evidence_end"]] == e["evidence_text"]
    with pytest.raises(DyadError, match="no document"):
        store.document("nope")


def test_the_store_decodes_the_json_it_stores(store):
    """Faces get lists and dicts, never JSON text to parse again (one decoder, in the store)."""
    events = store.events(dyad="TUR-MYS")
    assert all(isinstance(a, list) and isinstance(a[0], dict) for a in events["actor"])
    assert any(isinstance(loc, dict) and loc["name"] for loc in events["event_loc"])
    quotes, commitments = store.quotes(), store.commitments()
    assert len(quotes) and all(isinstance(q, dict) and "sentence" in q for q in quotes["evidence"])
    assert any(isinstance(s, dict) and s["code"] for s in quotes["speaker"])
    assert len(commitments) and all(isinstance(c, dict) for c in commitments["evidence"])
    doc = store.document("000_e51a7bb7ba208ab8")
    assert isinstance(doc["themes"], dict) and doc["themes"]["topics"]
    assert all(isinstance(a, list) for a in doc["events"]["recipient"])
    assert all(s is None or isinstance(s, dict) for s in doc["quotes"]["speaker"])


def test_one_json_renderer_for_query_results(store):
    import json
    import math

    from dyad.serial import records

    rows = records(store.events())
    assert rows == json.loads(json.dumps(rows))  # JSON values only: no NaN, arrays, timestamps
    assert all(r["doc_date"] is None or len(r["doc_date"]) == 10 for r in rows)
    assert not any(isinstance(v, float) and math.isnan(v) for r in rows for v in r.values())


def test_failed_write_leaves_nothing_behind(tmp_path, pipeline):
    from dyad.read import read_inputs

    (document,) = list(read_inputs([SEED]))
    coded = pipeline.code_document(document)
    coded.events[-1].cameo = None  # violates NOT NULL: the whole document must roll back
    with Store(tmp_path / "c.duckdb") as s:
        with pytest.raises(duckdb.Error):
            s.write(coded)
        assert s.stats()["documents"] == 0 and s.stats()["events"] == 0 and s.stats()["mentions"] == 0


def test_schema_is_versioned_and_migrates_from_empty(tmp_path):
    path = tmp_path / "v.duckdb"
    con = duckdb.connect(str(path))
    assert current_version(con) == 0
    con.close()
    with Store(path) as s:
        assert s.stats()["schema_version"] == SCHEMA_VERSION


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store(path):
        pass
    con = duckdb.connect(str(path))
    con.execute("UPDATE dyad_meta SET value = '999' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(DyadError, match="newer than this Dyad"):
        Store(path)


def test_read_only_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(DyadError, match="no such file"):
        Store(tmp_path / "missing.duckdb", read_only=True)


@pytest.mark.process
def test_parallel_ingest_stores_what_one_process_stores(tmp_path, pipeline, monkeypatch):
    from dyad.engine import local

    from ..conftest import ROOT

    monkeypatch.setattr(local, "PARALLEL_MIN_DOCUMENTS", 1)  # six documents would run in-process

    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "two.duckdb") as two:
        ingest([ROOT / "samples"], one, pipeline)
        info = ingest([ROOT / "samples"], two, workers=2)
        assert info.documents == one.stats()["documents"]
        columns = ["doc_id", "event_id", "event", "cameo", "actor_codes", "recipient_codes", "event_date"]
        assert one.events()[columns].equals(two.events()[columns])
        assert one.commitments()["id"].tolist() == two.commitments()["id"].tolist()


@pytest.mark.slow  # waits for the watcher's polls
def test_watch_ingests_files_as_they_arrive(tmp_path, pipeline):
    import threading
    import time

    from dyad.ingest import watch

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "first.txt").write_text("date 2025-01-02 Brazil and Argentina signed a trade agreement.")
    stop = threading.Event()
    results = []
    with Store(tmp_path / "w.duckdb") as store:
        thread = threading.Thread(
            target=lambda: results.append(watch(inbox, store, pipeline, interval=0.1, should_stop=stop.is_set))
        )
        thread.start()
        time.sleep(1.5)
        (inbox / "second.txt").write_text("date 2025-01-03 Chile accused Peru of violating the border.")
        time.sleep(2.5)
        stop.set()
        thread.join(timeout=20)
        assert set(store.documents()["id"]) == {"first", "second"}
        assert results[0].documents == 2


def test_a_killed_writers_notice_does_not_hold_readers_up(tmp_path, pipeline, monkeypatch):
    from dyad.store import duck

    from ..conftest import SEED

    path = tmp_path / "s.duckdb"
    with Store(path) as store:
        ingest([SEED], store, pipeline)
    (tmp_path / "s.duckdb.writer").write_text("999999999")  # no such process: it was killed

    def no_waiting(seconds: float) -> None:
        raise AssertionError(f"a reader waited {seconds} s for a writer that is gone")

    monkeypatch.setattr(duck.time, "sleep", no_waiting)
    with Store(path, read_only=True, shared=True, wait=10) as reader:
        assert reader.stats()["documents"] == 1
