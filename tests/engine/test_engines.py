"""The engines: the local process pool and Ray Data store exactly what one process stores."""

from __future__ import annotations

import pytest

from dyad.ingest import ingest
from dyad.store import Store

TABLES = {
    "documents": "SELECT id, date, title, n_events, tone, themes, duplicate_of FROM documents",
    "events": "SELECT * FROM events",
    "mentions": "SELECT * FROM mentions",
    "quotes": "SELECT * FROM quotes",
    "commitments": "SELECT * FROM commitments",
    "sentences": "SELECT * FROM sentences",
}


def contents(store: Store) -> dict[str, list[tuple]]:
    return {name: sorted(store.con.execute(sql).fetchall(), key=repr) for name, sql in TABLES.items()}


@pytest.fixture(scope="module")
def local_two_workers(corpus200, tmp_path_factory):
    with Store(tmp_path_factory.mktemp("local") / "local.duckdb") as store:
        info = ingest([corpus200], store, workers=2)
        yield info, contents(store)


@pytest.mark.process
@pytest.mark.slow
def test_local_pool_stores_what_one_process_stores(corpus200, local_two_workers, pipeline, tmp_path):
    # one answer: every document is coded with what the store held when the run began, so one
    # process and a pool store the same rows, people mentions included
    info, parallel = local_two_workers
    assert info.documents == 200 and not info.rejected
    with Store(tmp_path / "one.duckdb") as store:
        ingest([corpus200], store, pipeline, workers=1)
        one = contents(store)
    assert one == parallel


@pytest.mark.process
@pytest.mark.slow
def test_input_order_does_not_change_the_events(corpus200, local_two_workers, pipeline, tmp_path):
    files = sorted(corpus200.iterdir())
    assert len(files) > 1
    _, expected = local_two_workers
    with Store(tmp_path / "reversed.duckdb") as store:
        ingest(list(reversed(files)), store, pipeline, workers=1)
        assert contents(store) == expected


class _RecordingPipeline:
    """Stands in for the pipeline: records what it is asked to code, codes nothing."""

    triage = False  # a setting the pool's workers are given

    def __init__(self) -> None:
        self.coded: list[str] = []

    def taught(self, _memory):
        return self

    def code_documents(self, documents):
        self.coded.extend(d.id for d in documents)
        return iter(())


def test_small_inputs_are_coded_in_process_and_large_ones_by_the_pool(tmp_path, monkeypatch):
    import importlib

    from dyad.engine.local import PARALLEL_MIN_DOCUMENTS
    from dyad.model import Document

    ingest_module = importlib.import_module("dyad.ingest")  # the module: `dyad.ingest` is also the function
    pools: list[tuple[list[str], int, bool]] = []

    def pool(documents, workers, memory=None, triage=True):  # noqa: ARG001  code_parallel's signature
        pools.append(([d.id for d in documents], workers, triage))
        return iter(())

    monkeypatch.setattr(ingest_module, "code_parallel", pool)  # the name ingest calls
    small = [Document(id=f"s{i}", text=f"Text {i}.") for i in range(PARALLEL_MIN_DOCUMENTS - 1)]
    large = [Document(id=f"l{i}", text=f"Text {i}.") for i in range(PARALLEL_MIN_DOCUMENTS)]
    with Store(tmp_path / "s.duckdb") as store:
        in_process = _RecordingPipeline()
        ingest_module.ingest_items(small, store, in_process, workers=4)
        assert pools == [] and in_process.coded == [d.id for d in small]  # no pool for a small input

        by_pool = _RecordingPipeline()
        ingest_module.ingest_items(large, store, by_pool, workers=4)
        assert by_pool.coded == [] and pools == [([d.id for d in large], 4, False)]  # the run's triage too


@pytest.mark.process
@pytest.mark.slow
def test_ray_engine_stores_what_the_local_engine_stores(corpus200, local_two_workers, tmp_path):
    from dyad.engine.ray_data import RaySettings

    _, expected = local_two_workers
    parquet = tmp_path / "out.parquet"
    with Store(tmp_path / "ray.duckdb") as store:
        info = ingest([corpus200], store, engine="ray", ray_settings=RaySettings(workers=2), parquet_dir=parquet)
        assert (info.documents, info.skipped, len(info.rejected)) == (200, 0, 0)
        assert contents(store) == expected
        # the Parquet stays, partitioned by article date, for DuckDB or Spark to query in place
        partitions = sorted(p.name for p in parquet.iterdir())
        assert partitions and all(p.startswith("date=") for p in partitions)
        in_place = store.con.execute(
            f"SELECT count(*), sum(n_events) FROM read_parquet('{parquet}/**/*.parquet', hive_partitioning=1)"
            " WHERE kind = 'document'"
        ).fetchone()
        assert in_place == (200, store.stats()["events"])
        # a second run codes nothing again
        again = ingest([corpus200], store, engine="ray", ray_settings=RaySettings(workers=2), parquet_dir=parquet)
        assert (again.documents, again.skipped) == (0, 200)
        assert contents(store) == expected


@pytest.mark.process
@pytest.mark.slow
def test_dyad_code_with_workers_prints_what_one_process_prints(corpus200):
    import subprocess
    import sys
    from pathlib import Path

    dyad = str(Path(sys.executable).parent / "dyad")  # fresh processes, as users run it
    one = subprocess.run([dyad, "code", str(corpus200), "--workers", "1"], capture_output=True, text=True)
    two = subprocess.run([dyad, "code", str(corpus200), "--workers", "2"], capture_output=True, text=True)
    assert one.returncode == two.returncode == 0, two.stderr
    lines = one.stdout.splitlines()
    assert len(lines) == 200 and lines == two.stdout.splitlines()  # same records, same order


@pytest.mark.process
@pytest.mark.slow
def test_ray_engine_can_leave_its_parquet_as_the_result(corpus200, tmp_path):
    from dyad.engine.ray_data import RaySettings

    parquet = tmp_path / "cluster-out"
    with Store(tmp_path / "empty.duckdb") as store:
        info = ingest(
            [corpus200], store, engine="ray", ray_settings=RaySettings(workers=2), parquet_dir=parquet, load=False
        )
        assert store.stats()["documents"] == 0 and info.parquet == str(parquet)
        rows = store.con.execute(
            f"SELECT kind, count(*) FROM read_parquet('{parquet}/**/*.parquet', hive_partitioning=1) GROUP BY kind"
        ).fetchall()
    assert dict(rows) == {"document": 200}
