#!/usr/bin/env python3
"""Ingest scaling: Dyad's whole ingest against raw spaCy on the same documents, 2 workers against 1,
and peak memory over a large corpus. Every figure is a ratio of timings taken in the same run.

usage: python benchmarks/scale.py [--shared ../shared] [--limit 300] [--memory-corpus reuters21578|none]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import replace_section

ROOT = Path(__file__).resolve().parents[1]
DYAD = str(Path(sys.executable).parent / "dyad")


def subset(shared: Path, limit: int, out: Path) -> Path:
    src = shared / "corpora" / "fakes-syria" / "articles.jsonl"
    with open(src, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for n, line in enumerate(f):
            if n >= limit:
                break
            g.write(line)
    return out


def raw_spacy(path: Path) -> float:
    from dyad.annotate import load_model

    nlp = load_model()
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    list(nlp.pipe(texts[:10]))
    start = time.perf_counter()
    list(nlp.pipe(texts, batch_size=32))
    return time.perf_counter() - start


def ingest_seconds(path: Path, workers: int, engine: str = "local", extra: list[str] | None = None) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "b.duckdb"
        start = time.perf_counter()
        done = subprocess.run(
            [DYAD, "ingest", str(path), "--db", str(db), "--workers", str(workers), "--engine", engine, *(extra or [])],
            capture_output=True,
        )
        if done.returncode not in (0, 2):  # 2: some inputs rejected (FA-KES has duplicate articles)
            raise RuntimeError(done.stderr.decode())
        return time.perf_counter() - start


def load_seconds() -> float:
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from dyad.pipeline import Pipeline; p = Pipeline(); p.coder; "
            "p.annotator.nlp; from dyad.enrich.places import default_gazetteer; default_gazetteer()",
        ],
        check=True,
    )
    return time.perf_counter() - start


def peak_memory(corpus: Path, workers: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run(
            [DYAD, "ingest", str(corpus), "--db", str(Path(tmp) / "m.duckdb"), "--workers", str(workers)],
            check=False,
            capture_output=True,
        )
        seconds = time.perf_counter() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB, the largest process


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shared", default="../shared")
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--memory-corpus", default="reuters21578")
    args = parser.parse_args()
    shared = Path(args.shared)
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        docs = subset(shared, args.limit, Path(tmp) / "fakes.jsonl")
        spacy_s = raw_spacy(docs)
        load_s = load_seconds()
        one = ingest_seconds(docs, 1) - load_s
        two = ingest_seconds(docs, 2) - load_s
        lines.append(
            f"- `dyad ingest` against raw spaCy `nlp.pipe`, one process each, {args.limit} FA-KES articles: "
            f"spaCy {spacy_s:.1f} s, ingest {one:.1f} s (model and knowledge-base loading, {load_s:.1f} s, "
            f"excluded): **throughput ratio {spacy_s / one:.2f}** (target ≥ 0.8)"
        )
        lines.append(
            f"- 2 workers against 1 on {os.cpu_count()} cores: {one:.1f} s → {two:.1f} s, "
            f"**speed-up {one / two:.2f}×** (target ≥ 1.7×)"
        )
    # Ray against the local engine on the whole FA-KES corpus (Ray's start-up, about 9 s here, is
    # part of what users wait for, so it stays in; on 300 articles it would be most of the run)
    fakes = shared / "corpora" / "fakes-syria" / "articles.jsonl"
    count = sum(1 for _ in fakes.open(encoding="utf-8"))
    local = ingest_seconds(fakes, 2)
    on_ray = ingest_seconds(fakes, 2, engine="ray")
    no_load = ingest_seconds(fakes, 2, engine="ray", extra=["--no-load"])
    lines.append(
        f"- Ray engine (local Ray, 2 coding actors) against the local engine (2 worker processes) on all "
        f"{count} FA-KES articles, wall time with start-up: local {local:.1f} s; Ray loading the store "
        f"{on_ray:.1f} s, **{local / on_ray:.2f}×** the local engine's throughput; Ray leaving Parquet "
        f"(`--no-load`, the cluster path) {no_load:.1f} s, **{local / no_load:.2f}×** (target ≥ 0.8×)"
    )
    if args.memory_corpus != "none":
        corpus = shared / "corpora" / args.memory_corpus / "articles.jsonl"
        seconds, kib = peak_memory(corpus, 2)
        count = sum(1 for _ in corpus.open(encoding="utf-8"))
        lines.append(
            f"- peak memory of the largest process, `dyad ingest` with 2 workers over {count:,} articles "
            f"({args.memory_corpus}, {seconds / 60:.1f} min): **{kib / 1024:.0f} MiB** (target ≤ 1.5 GB)"
        )
    print("\n".join(lines))
    section = (
        f"## Ingest scaling ({dt.date.today().isoformat()})\n\nMachine: {platform.machine()}, "
        f"{os.cpu_count()} cores. Command: `python benchmarks/scale.py --limit {args.limit}`.\n\n"
        + "\n".join(lines)
        + "\n"
    )
    replace_section(ROOT / "BENCHMARKS.md", "## Ingest scaling", section)


if __name__ == "__main__":
    main()
