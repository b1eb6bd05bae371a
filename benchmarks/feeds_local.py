"""Following feeds on local servers: is it coding or fetching that limits throughput? (issue #17)

Serves FEEDS RSS feeds listing ARTICLES articles in all (each article in one feed) from HOSTS
local servers (127.0.0.1 on HOSTS ports: to the fetcher, HOSTS different hosts), then:

1. a full poll (fetch, extract, code, store) into a fresh store: every article coded once. The
   poll itself says how long it spent reading feeds, fetching and extracting pages
   (``PollInfo.fetch_seconds``: the time the ingest waited for its next document); the rest of
   the poll is coding and storing. Both sides of the ratio are measured in this one poll.
2. a second poll: every feed answers 304, nothing fetched or coded.

The pages are built to weigh what news pages weigh: a head of scripts and styles, navigation,
a sidebar of related stories, comments and a footer around an article of about 500 words, about
100 KB of HTML in all; trafilatura has to find the article in it. The model and the extractor are
loaded before anything is timed. Prints the figures as JSON. Nothing leaves 127.0.0.1.

    .venv/bin/python benchmarks/feeds_local.py --feeds 50 --articles 1000
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

SENTENCES = [
    "The {a} President met the {b} Foreign Minister in {city} on {day} to discuss {topic}.",
    "{A} and {B} signed an agreement on {topic} and pledged to expand investment by {n} percent.",
    "{B} officials criticised the border closure announced by {A} on {day} and demanded talks.",
    "Police in {city} arrested {n} protesters who marched against rising {price} prices.",
    "The United Nations envoy urged {A} and {B} to respect the ceasefire agreed in {month}.",
    "{A} said it would send humanitarian aid to {B} after floods destroyed {n} homes near {city}.",
    "Analysts in {city} said the visit was the first by a {a} leader in {n} years.",
    "The foreign ministry of {B} summoned the {a} ambassador over remarks about {topic}.",
    "Opposition leaders in {B} accused the government of bowing to pressure from {A} over {topic}.",
    "Trade between {A} and {B} reached {n} billion dollars last year, according to figures from {month}.",
    "{a} troops will take part in joint exercises with {b} forces near {city} in {month}.",
    "The central bank of {B} kept interest rates at {n} percent, citing uncertainty over {topic}.",
    "{a} rebels attacked a police station outside {city} on {day}, killing {n} officers.",
    "The {b} prime minister praised {A} for its support on {topic} during talks in {city}.",
    "{A} threatened to impose sanctions on {B} unless it released {n} detained fishermen by {month}.",
    "Ministers from {A} and {B} will meet in {city} in {month} to resume negotiations on {topic}.",
]
COUNTRIES = [
    ("Turkish", "Turkey"),
    ("Malaysian", "Malaysia"),
    ("French", "France"),
    ("Kenyan", "Kenya"),
    ("Brazilian", "Brazil"),
    ("Japanese", "Japan"),
    ("Egyptian", "Egypt"),
    ("Polish", "Poland"),
    ("Indian", "India"),
    ("Nigerian", "Nigeria"),
    ("Mexican", "Mexico"),
    ("Indonesian", "Indonesia"),
    ("German", "Germany"),
    ("Pakistani", "Pakistan"),
    ("Argentine", "Argentina"),
    ("Vietnamese", "Vietnam"),
]
CITIES = ["Ankara", "Nairobi", "Jakarta", "Cairo", "Warsaw", "Lagos", "Hanoi", "Lima", "Geneva", "Doha", "Manila"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["January", "March", "May", "July", "September", "November"]
TOPICS = ["energy", "fisheries", "migration", "defence", "grain exports", "water rights", "debt relief", "tariffs"]
PRICES = ["fuel", "bread", "electricity", "rice"]
SENTENCES_PER_ARTICLE = 24  # about 360 words: a short news article
PARAGRAPHS = 8

# what surrounds an article on a news page: the extractor must see past all of it
SCRIPT = "<script>" + "window.dataLayer=window.dataLayer||[];function track(e){dataLayer.push(e)}" * 300 + "</script>"
STYLE = "<style>" + ".nav a{color:#333;padding:4px 8px;font-family:sans-serif}" * 250 + "</style>"
NAV = "<nav><ul>" + "".join(f"<li><a href='/section/{i}'>Section {i}</a></li>" for i in range(150)) + "</ul></nav>"
SIDEBAR = (
    "<aside><h2>Related stories</h2><ul>"
    + "".join(
        f"<li><a href='/a/related-{i}'>Officials weigh the outlook for talks in region {i}</a>"
        f"<p>Analysts expect a decision on the proposals within weeks, sources said.</p></li>"
        for i in range(40)
    )
    + "</ul></aside>"
)
COMMENTS = (
    "<section class='comments'><h2>Comments</h2>"
    + "".join(
        f"<div class='comment'><b>reader{i}</b><p>Interesting point about the talks.</p></div>" for i in range(30)
    )
    + "</section>"
)
FOOTER = "<footer>" + "".join(f"<a href='/about/{i}'>About us {i}</a> " for i in range(80)) + "Copyright</footer>"


def article(n: int) -> bytes:
    """Page ``n``: an article of its own (drawn with seed ``n``, so no two are near-duplicates),
    in the boilerplate of a news site."""
    rng = random.Random(n)
    (a, country_a), (b, country_b) = rng.sample(COUNTRIES, 2)
    sentences = [
        rng.choice(SENTENCES).format(
            a=a,
            b=b,
            A=country_a,
            B=country_b,
            city=rng.choice(CITIES),
            day=rng.choice(DAYS),
            month=rng.choice(MONTHS),
            topic=rng.choice(TOPICS),
            price=rng.choice(PRICES),
            n=rng.randint(2, 900),
        )
        for _ in range(SENTENCES_PER_ARTICLE)
    ]
    size = SENTENCES_PER_ARTICLE // PARAGRAPHS
    paragraphs = "".join(f"<p>{' '.join(sentences[i : i + size])}</p>" for i in range(0, len(sentences), size))
    return (
        f"<!DOCTYPE html><html><head><title>Story {n}</title><meta property='article:published_time' "
        f"content='2024-03-0{1 + n % 9}'>{STYLE}{SCRIPT}</head><body>{NAV}<main><article><h1>Story {n}</h1>"
        f"{paragraphs}</article>{SIDEBAR}{COMMENTS}</main>{FOOTER}{SCRIPT}</body></html>"
    ).encode()


class Site:
    """One local host: its feeds, each listing its articles, served with ETags (304 when unchanged)."""

    def __init__(self, feeds: dict[int, list[int]]) -> None:
        site = self
        self.feeds = feeds

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # as real servers do: headers and body not held apart for an ACK

            def log_message(self, *a: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?", 1)[0]
                ctype, body = "text/plain", b""
                if path == "/robots.txt":
                    body = b"User-agent: *\nAllow: /\n"
                elif path.startswith("/feed/"):
                    if self.headers.get("If-None-Match") == '"v1"':
                        self.send_response(304)
                        self.send_header("Content-Length", "0")
                        self.end_headers()
                        return
                    body, ctype = site.feed(int(path.rsplit("/", 1)[1])), "application/rss+xml"
                elif path.startswith("/a/"):
                    body, ctype = article(int(path.rsplit("/", 1)[1])), "text/html; charset=utf-8"
                self.send_response(200 if body else 404)
                self.send_header("Content-Type", ctype)
                self.send_header("ETag", '"v1"')
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def feed(self, number: int) -> bytes:
        items = "".join(
            f"<item><title>Story {n}</title><link>{self.url}/a/{n}?utm_source=rss</link>"
            f"<pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate></item>"
            for n in self.feeds[number]
        )
        return f"<rss version='2.0'><channel><title>Feed {number}</title>{items}</channel></rss>".encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--feeds", type=int, default=50)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=10, help="local servers the feeds are spread over")
    parser.add_argument("--delay", type=float, default=0.0, help="seconds between two requests to a host")
    parser.add_argument("--hosts-at-once", type=int, default=None, help="hosts fetched at once (default: Dyad's)")
    args = parser.parse_args()
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    from dyad import default_pipeline
    from dyad.follow import poll
    from dyad.model import Document
    from dyad.read.feeds import Entry, FeedSpec
    from dyad.read.web import Fetched, Fetcher, FetchSettings, extract_article
    from dyad.store import Store

    # feed f is on host f % hosts; article n is in feed n % feeds
    per_host: list[dict[int, list[int]]] = [{} for _ in range(args.hosts)]
    for f in range(args.feeds):
        per_host[f % args.hosts][f] = []
    for n in range(args.articles):
        per_host[(n % args.feeds) % args.hosts][n % args.feeds].append(n)
    sites = [Site(feeds) for feeds in per_host]
    specs = [FeedSpec(f"{sites[f % args.hosts].url}/feed/{f}") for f in range(args.feeds)]
    settings: dict[str, Any] = {"min_delay": args.delay, "user_agent": "DyadBench/1.0"}
    if args.hosts_at_once:
        settings["hosts_at_once"] = args.hosts_at_once
    fetch_settings = FetchSettings(**settings)

    pipeline = default_pipeline()
    sample = article(0)
    document = extract_article(Fetched("http://127.0.0.1/a/0", 200, sample, "text/html"), Entry("http://127.0.0.1/a/0"))
    assert isinstance(document, Document), document
    list(pipeline.code_documents([document]))  # the model, knowledge base and gazetteer load before timing
    out: dict[str, Any] = {
        "machine": f"{platform.machine()}, {__import__('os').cpu_count()} cores, Python {platform.python_version()}",
        "date": time.strftime("%Y-%m-%d"),
        "feeds": args.feeds,
        "articles": args.articles,
        "hosts": args.hosts,
        "page_kb": round(len(sample) / 1024, 1),
        "article_words": len(document.text.split()),
    }
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "news.duckdb") as store:
        with Fetcher(fetch_settings) as fetcher:
            first = poll(store, specs, pipeline=pipeline, fetcher=fetcher)
            requests = fetcher.requests
        with Fetcher(fetch_settings) as fetcher:
            second = poll(store, specs, pipeline=pipeline, fetcher=fetcher)
            coded_once = store.con.execute("SELECT count(*), count(DISTINCT url) FROM documents").fetchone()
    coding = first.seconds - first.fetch_seconds
    out.update(
        {
            "first_poll": {
                "documents": first.documents,
                "events": first.events,
                "rejected": len(first.rejected),
                "requests": requests,
                "seconds": round(first.seconds, 2),
                "stored_documents_and_distinct_urls": list(coded_once),
            },
            "fetch_extract_s": round(first.fetch_seconds, 2),
            "fetch_extract_ms_per_article": round(1000 * first.fetch_seconds / max(first.documents, 1), 1),
            "coding_s": round(coding, 2),
            "coding_ms_per_article": round(1000 * coding / max(first.documents, 1), 1),
            "fetch_extract_share_of_coding": round(first.fetch_seconds / coding, 3),
            "second_poll": {
                "not_modified": second.not_modified,
                "fetched": second.fetched,
                "documents": second.documents,
                "seconds": round(second.seconds, 2),
            },
        }
    )
    for site in sites:
        site.httpd.shutdown()
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
