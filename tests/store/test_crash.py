"""Crash safety: kill -9 at random moments during an ingest, rerun, and the store equals a clean run
(same documents and events, nothing duplicated, nothing half-written)."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dyad.ingest import ingest
from dyad.store import Store

pytestmark = [pytest.mark.process, pytest.mark.slow]  # starts and kills ingest processes, twenty times

TRIALS = int(os.environ.get("DYAD_CRASH_TRIALS", "20"))
SENTENCES = [
    "Turkish President Recep Tayyip Erdogan met Malaysian Prime Minister Anwar Ibrahim in Ankara on Wednesday.",
    "Kenyan police arrested dozens of protesters in Nairobi.",
    "Japan praised South Korea for its humanitarian aid to Myanmar.",
    "Russian troops attacked Ukrainian positions near Bakhmut, the ministry said.",
    "Indonesia will provide economic aid to Timor-Leste next year.",
    "Brazil and Argentina signed a trade agreement in Buenos Aires.",
]


def snapshot(path: Path) -> tuple[list[str], list[tuple[str, int]], int, int]:
    with Store(path, read_only=True) as store:
        docs = sorted(store.documents()["id"])
        per_doc = store.con.execute("SELECT doc_id, count(*) FROM events GROUP BY 1 ORDER BY 1").fetchall()
        rows = store.con.execute("SELECT count(*), count(DISTINCT doc_id || event_id) FROM events").fetchone()
        mentions = store.con.execute("SELECT count(*) FROM mentions").fetchone()[0]
    return docs, per_doc, rows[0] - rows[1], mentions


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("crash") / "corpus.jsonl"
    rng = random.Random(7)
    with open(path, "w", encoding="utf-8") as f:
        for n in range(60):
            text = " ".join(rng.sample(SENTENCES, 3))
            f.write(json.dumps({"id": f"c{n:03d}", "date": f"2025-{1 + n % 12:02d}-15", "text": text}) + "\n")
    return path


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory, pipeline):
    path = tmp_path_factory.mktemp("clean") / "clean.duckdb"
    with Store(path) as store:
        ingest([corpus], store, pipeline)
    return snapshot(path)


def test_kill_9_then_rerun_equals_a_clean_run(corpus, reference, tmp_path, pipeline):
    rng = random.Random(2026)
    dyad = str(Path(sys.executable).parent / "dyad")
    command = [dyad, "ingest", str(corpus), "--db"]  # default workers: every core, as users run it
    start = time.monotonic()
    subprocess.run([*command, str(tmp_path / "timing.duckdb")], capture_output=True, check=True)
    full_run = time.monotonic() - start  # kill moments are spread over a whole run on this machine
    interrupted = 0
    for trial in range(TRIALS):
        db = tmp_path / f"t{trial}.duckdb"
        process = subprocess.Popen(
            [*command, str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
        )
        time.sleep(rng.uniform(0.5, 0.7 * full_run))  # well inside a run, even when the timing run was slowed
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)  # the whole process tree at once, as a power loss does
            interrupted += 1
        process.wait()
        with Store(db) as store:  # rerun: resumes where the killed run stopped
            ingest([corpus], store, pipeline)
        docs, per_doc, duplicates, mentions = snapshot(db)
        assert (docs, per_doc, duplicates, mentions) == reference, f"trial {trial}"
    assert interrupted >= TRIALS // 2  # most trials really were killed mid-run
