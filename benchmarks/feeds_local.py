"""Following feeds on a local server: is it coding or fetching that limits throughput? (issue #17)

Serves FEEDS RSS feeds listing ARTICLES articles in all (each article in one feed) from
127.0.0.1, then:

1. fetch + extract only (the poll's walk, nothing coded) into a scratch store: time per article;
2. a full poll (fetch, extract, code, store) into a fresh store: every article coded once;
3. a second poll: every feed answers 304, nothing fetched or coded.

Prints the figures as JSON. Nothing leaves 127.0.0.1.

    .venv/bin/python benchmarks/feeds_local.py --feeds 50 --articles 1000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SENTENCES = [
    "{a} President met {b} Foreign Minister in the capital on Tuesday to discuss trade and security.",
    "The two governments signed an agreement on energy cooperation and pledged to expand investment.",
    "{b} officials criticised the border closure announced by {a} last week and demanded talks.",
    "Police in {a} arrested dozens of protesters who marched against rising fuel prices.",
    "The United Nations envoy urged both sides to respect the ceasefire agreed in March.",
    "{a} said it would send humanitarian aid to {b} after floods destroyed thousands of homes.",
]
COUNTRIES = ["Turkish", "Malaysian", "French", "Kenyan", "Brazilian", "Japanese", "Egyptian", "Polish"]


def article(n: int) -> bytes:
    a, b = COUNTRIES[n % len(COUNTRIES)], COUNTRIES[(n * 3 + 1) % len(COUNTRIES)]
    body = "".join(f"<p>{s.format(a=a, b=b)} Story {n}.</p>" for s in SENTENCES)
    return (
        f"<!DOCTYPE html><html><head><title>Story {n}</title><meta property='article:published_time' "
        f"content='2024-03-0{1 + n % 9}'></head><body><article><h1>Story {n}</h1>{body}</article>"
        f"</body></html>"
    ).encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from dyad.follow import PollInfo, _Poll, poll
    from dyad.read import ReadSettings
    from dyad.read.feeds import FeedSpec
    from dyad.read.web import Fetcher, FetchSettings
    from dyad.store import Store

    pages: dict[str, bytes] = {"/robots.txt": b"User-agent: *\nAllow: /\n"}
    per_feed: dict[int, list[int]] = {f: [] for f in range(args.feeds)}
    for n in range(args.articles):
        pages[f"/a/{n}"] = article(n)
        per_feed[n % args.feeds].append(n)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            path = self.path.split("?", 1)[0]
            if path.startswith("/feed/"):
                if self.headers.get("If-None-Match") == '"v1"':
                    self.send_response(304)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                f = int(path.rsplit("/", 1)[1])
                items = "".join(
                    f"<item><title>Story {n}</title><link>{base}/a/{n}?utm_source=rss</link>"
                    f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
                    for n in per_feed[f]
                )
                body = f"<rss version='2.0'><channel><title>Feed {f}</title>{items}</channel></rss>".encode()
                ctype = "application/rss+xml"
            else:
                body = pages.get(path, b"")
                ctype = "text/html" if path.startswith("/a/") else "text/plain"
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", ctype)
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    specs = [FeedSpec(f"{base}/feed/{f}") for f in range(args.feeds)]
    settings = FetchSettings(min_delay=0.0, user_agent="DyadBench/1.0")
    out: dict[str, object] = {"feeds": args.feeds, "articles": args.articles}
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "scratch.duckdb") as scratch, Fetcher(settings) as fetcher:
            start = time.perf_counter()
            walk = _Poll(scratch, fetcher, ReadSettings(), PollInfo(), threading.Event())
            documents = sum(1 for item in walk.items(specs, [], []) if hasattr(item, "text"))
            fetch = time.perf_counter() - start
        out["fetch_extract_s"] = round(fetch, 2)
        out["fetch_extract_ms_per_article"] = round(1000 * fetch / max(documents, 1), 1)
        with Store(Path(tmp) / "news.duckdb") as store, Fetcher(settings) as fetcher:
            from dyad import default_pipeline

            pipeline = default_pipeline()
            pipeline.coder  # noqa: B018  load the model before timing
            start = time.perf_counter()
            first = poll(store, specs, pipeline=pipeline, fetcher=fetcher)
            total = time.perf_counter() - start
            start = time.perf_counter()
            second = poll(store, specs, pipeline=pipeline, fetcher=fetcher)
            again = time.perf_counter() - start
        coding = max(total - fetch, 1e-9)
        out.update(
            {
                "first_poll": {
                    "documents": first.documents,
                    "events": first.events,
                    "rejected": len(first.rejected),
                    "seconds": round(total, 2),
                },
                "coding_s": round(coding, 2),
                "fetch_extract_share_of_coding": round(fetch / coding, 3),
                "second_poll": {
                    "not_modified": second.not_modified,
                    "fetched": second.fetched,
                    "documents": second.documents,
                    "seconds": round(again, 2),
                },
            }
        )
    httpd.shutdown()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
