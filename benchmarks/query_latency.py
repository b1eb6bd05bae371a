#!/usr/bin/env python3
"""Query latency on a synthetic store: the dyad timeline and a filtered, paginated event list.

usage: python benchmarks/query_latency.py [--events 10000000] [--db /tmp/dyad-bench.duckdb]

Builds (once) a store of N synthetic events over 200 countries and 20 years with Dyad's own
schema, then times each query 50 times through the library calls the API uses; reports p50/p95.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from report import replace_section

from dyad.store import Store


def build(path: Path, n: int) -> None:
    with Store(path) as store:
        have = store.con.execute("SELECT count(*) FROM events").fetchone()[0]
        if have >= n:
            return
        store.con.execute("DELETE FROM events")
        store.con.execute(
            """
            INSERT INTO events (doc_id, event_id, event, mode, context, cameo, quad_code, goldstein, actor_codes,
                recipient_codes, actor, recipient, event_text, event_loc, loc_country, event_date, doc_date,
                confidence, sentence, evidence_start, evidence_end, evidence_text, rule, trigger_start, trigger_end,
                future, date_precision, tone, topics, lat, lon)
            SELECT 'doc' || (i // 8), 'e' || (i % 8),
                ['CONSULT','SUPPORT','AGREE','REQUEST','ACCUSE','ASSAULT','COERCE','AID'][1 + (i % 8)], '', [],
                ['040','051','030','020','112','190','173','070'][1 + (i % 8)], [1,1,1,0,3,4,4,2][1 + (i % 8)],
                [1.0,3.4,4.5,3.0,-2.0,-10.0,-5.0,7.0][1 + (i % 8)],
                ['C' || lpad(((i * 7919) % 200)::VARCHAR, 2, '0')],
                ['C' || lpad(((i * 104729) % 200)::VARCHAR, 2, '0')],
                '[]', '[]', 'met', NULL, NULL, DATE '2006-01-01' + CAST(i % 7300 AS INTEGER),
                DATE '2006-01-01' + CAST(i % 7300 AS INTEGER), 0.7, 0, 0, 10, 'synthetic evidence sentence', 'bench',
                0, 3, false, 'article', 0.0, [], NULL, NULL
            FROM range(?) t(i)""",
            [n],
        )


def timed(fn, runs: int = 50) -> tuple[float, float]:
    fn()  # warm
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * len(times)) - 1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--db", default="/tmp/dyad-bench.duckdb")
    args = parser.parse_args()
    start = time.perf_counter()
    build(Path(args.db), args.events)
    print(f"store of {args.events} events ready in {time.perf_counter() - start:.1f} s")
    lines = []
    with Store(args.db, read_only=True) as store:
        dyad = "C07-C13"
        p50, p95 = timed(lambda: store.timeline(dyad=dyad, interval="month"))
        lines.append(
            f"- dyad timeline (`/api/timeline?dyad={dyad}&interval=month`): p50 {p50:.0f} ms, **p95 {p95:.0f} ms**"
        )
        p50, p95 = timed(
            lambda: store.search_events(dyad=dyad, event="ASSAULT", since="2015-01-01", limit=50, offset=100)
        )
        lines.append(
            f"- filtered, paginated events (`/api/events?dyad={dyad}&event=ASSAULT&since=2015-01-01"
            f"&limit=50&offset=100`, with the total count): p50 {p50:.0f} ms, **p95 {p95:.0f} ms**"
        )
    print("\n".join(lines))
    import datetime as dt
    import os
    import platform

    section = (
        f"## Query latency on {args.events:,} synthetic events ({dt.date.today().isoformat()})\n\n"
        f"Machine: {platform.machine()}, {os.cpu_count()} cores. Command: `python benchmarks/query_latency.py "
        f"--events {args.events}` (50 runs each after one warm-up, through the library calls the API makes; "
        f"target: p95 at most 300 ms).\n\n" + "\n".join(lines) + "\n"
    )
    replace_section(Path("BENCHMARKS.md"), "## Query latency on", section)


if __name__ == "__main__":
    main()
