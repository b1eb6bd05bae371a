#!/usr/bin/env python3
"""Ingest scaling: Dyad's whole ingest against raw spaCy on the same documents (with triage, the
default, and on the full path), 2 workers against 1, and peak memory over a large corpus. Every
figure is a ratio of timings taken in the same run.

The article mix is 150 FA-KES articles and 150 political Reuters-21578 stories (``--limit`` in all,
half each): the first stories in corpus order whose headline carries one of ``POLITICAL_HEADLINE``
(Reuters-21578 as stored here has no topic labels). The Reuters figure is over every ``--every``-th
story of the whole corpus (1 for all of it).

usage: python benchmarks/scale.py [--shared ../shared] [--limit 300] [--every 1]
                                  [--memory-corpus reuters21578|none] [--no-ray]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from report import replace_section

ROOT = Path(__file__).resolve().parents[1]
DYAD = str(Path(sys.executable).parent / "dyad")


#: Headline words of a political story (Reuters-21578 headlines are upper case).
POLITICAL_HEADLINE = re.compile(
    r"\b(MINISTERS?|GOVERNMENT|TALKS|SUMMIT|ELECTIONS?|PARLIAMENT|REBELS?|TROOPS|ARMY|MILITARY|WAR|"
    r"ATTACKS?|SANCTIONS?|EMBASSY|DIPLOMATS?|POLICE|PROTESTS?|REAGAN|SOVIET|TREATY|CONGRESS|SENATE|CABINET|"
    r"GUERRILLAS?|KILLED|IRAN|IRAQ|ISRAEL|NATO|OPPOSITION)\b"
)


def mix(shared: Path, limit: int, out: Path) -> Path:
    """The first ``limit // 2`` FA-KES articles, then as many political Reuters stories."""
    half = limit // 2
    with open(out, "w", encoding="utf-8") as g:
        with open(shared / "corpora" / "fakes-syria" / "articles.jsonl", encoding="utf-8") as f:
            for _, line in zip(range(half), f, strict=False):
                g.write(line)
        taken = 0
        with open(shared / "corpora" / "reuters21578" / "articles.jsonl", encoding="utf-8") as f:
            for line in f:
                if taken < limit - half and POLITICAL_HEADLINE.search(json.loads(line).get("title") or ""):
                    g.write(line)
                    taken += 1
    return out


def every(source: Path, step: int, out: Path) -> Path:
    with open(source, encoding="utf-8") as f, open(out, "w", encoding="utf-8") as g:
        for n, line in enumerate(f):
            if n % step == 0:
                g.write(line)
    return out


#: One process: load everything, then time spaCy's ``nlp.pipe`` (``raw``) or Dyad's whole ingest
#: into a new store, with triage or on the full path; prints the seconds (loading excluded).
_RUNNER = """
import json, sys, tempfile, time
from pathlib import Path
path, mode = sys.argv[1], sys.argv[2]
if mode == "raw":
    import spacy
    from dyad.annotate import MODEL_PACKAGE
    nlp = spacy.load(MODEL_PACKAGE)  # spaCy's own pipeline, as a user of spaCy alone would run it
    texts = [json.loads(line)["text"] for line in open(path, encoding="utf-8")]
    list(nlp.pipe(texts[:10]))
    start = time.perf_counter()
    list(nlp.pipe(texts, batch_size=32))
else:
    from dyad.enrich.places import default_gazetteer
    from dyad.ingest import ingest
    from dyad.pipeline import Pipeline
    from dyad.store import Store
    pipeline = Pipeline(triage=mode == "triage").load()
    default_gazetteer()
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "b.duckdb") as store:
        start = time.perf_counter()
        ingest([path], store, pipeline=pipeline)
print(time.perf_counter() - start)
"""


def timed(path: Path, mode: str) -> float:
    """Seconds of spaCy (``raw``) or of ``ingest`` (``triage``/``full``) over ``path``, in a process of its own."""
    done = subprocess.run([sys.executable, "-c", _RUNNER, str(path), mode], capture_output=True, check=True, text=True)
    return float(done.stdout.strip().splitlines()[-1])


def ratios(path: Path, rounds: int = 2) -> dict[str, float]:
    """spaCy, ingest with triage and ingest on the full path over the same articles, each timed
    ``rounds`` times in turn, every other round in reverse order (so a shared machine's changing load
    weighs on all three alike); the sums."""
    modes = ["raw", "triage", "full"]
    seconds = dict.fromkeys(modes, 0.0)
    for n in range(rounds):
        for mode in modes if n % 2 == 0 else modes[::-1]:
            seconds[mode] += timed(path, mode)
    return seconds


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
    parser.add_argument("--every", type=int, default=1, help="Reuters-21578: every N-th story (1: all)")
    parser.add_argument("--memory-corpus", default="reuters21578")
    parser.add_argument("--no-ray", action="store_true", help="leave out the Ray engine's figures")
    args = parser.parse_args()
    shared = Path(args.shared)
    lines = []
    with tempfile.TemporaryDirectory() as tmp:
        docs = mix(shared, args.limit, Path(tmp) / "mix.jsonl")
        mixed = ratios(docs)
        lines.append(
            f"- `dyad ingest` against raw spaCy `nlp.pipe`, one process each, {args.limit} articles "
            f"({args.limit // 2} FA-KES, {args.limit - args.limit // 2} political Reuters): "
            f"spaCy {mixed['raw']:.1f} s, "
            f"ingest with triage {mixed['triage']:.1f} s, on the full path {mixed['full']:.1f} s (loading excluded; "
            f"each timed twice, in turns, and summed): "
            f"**throughput ratio {mixed['raw'] / mixed['triage']:.2f}** with triage (target ≥ 1.5), "
            f"{mixed['raw'] / mixed['full']:.2f} without; triage {mixed['full'] / mixed['triage']:.2f}× the full path"
        )
        reuters_all = shared / "corpora" / "reuters21578" / "articles.jsonl"
        reuters = every(reuters_all, args.every, Path(tmp) / "reuters.jsonl") if args.every > 1 else reuters_all
        count = sum(1 for _ in reuters.open(encoding="utf-8"))
        wire = ratios(reuters)
        which = "all" if args.every == 1 else f"every {args.every}th, {count:,} stories"
        lines.append(
            f"- the same over Reuters-21578 ({which}): spaCy {wire['raw']:.1f} s, ingest with triage "
            f"{wire['triage']:.1f} s, on the full path {wire['full']:.1f} s: **throughput ratio "
            f"{wire['raw'] / wire['triage']:.2f}** with triage (target ≥ 3), {wire['raw'] / wire['full']:.2f} without; "
            f"triage {wire['full'] / wire['triage']:.2f}× the full path"
        )
        load_s = load_seconds()
        one = ingest_seconds(docs, 1) - load_s
        two = ingest_seconds(docs, 2) - load_s
        lines.append(
            f"- 2 workers against 1 on {os.cpu_count()} cores, `dyad ingest` (triage) over the {args.limit} articles: "
            f"{one:.1f} s → {two:.1f} s (loading, {load_s:.1f} s, excluded), **speed-up {one / two:.2f}×** "
            f"(target ≥ 1.7×)"
        )
    if not args.no_ray:
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
    command = f"python benchmarks/scale.py --limit {args.limit} --every {args.every}"
    command += " --no-ray" * args.no_ray + f" --memory-corpus {args.memory_corpus}" * (args.memory_corpus == "none")
    section = (
        f"## Ingest scaling ({dt.date.today().isoformat()})\n\nMachine: {platform.machine()}, "
        f"{os.cpu_count()} cores. Command: `{command}`.\n\n" + "\n".join(lines) + "\n"
    )
    replace_section(ROOT / "BENCHMARKS.md", "## Ingest scaling", section)


if __name__ == "__main__":
    main()
