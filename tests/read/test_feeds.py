"""Feeds, article URLs and polite fetching, against a local HTTP server only.

Every request in this module goes to 127.0.0.1 (a guard fails any other connection). The server
serves feeds and pages written here; limits are set small (timeouts of a fraction of a second, no
delay between requests) so the module stays fast.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dyad.read.feeds import FeedError, parse_feed, read_feed_list, read_url_list
from dyad.read.web import Fetched, Fetcher, FetchSettings, WebRejection, extract_article, normalize_url

# --- the local server ----------------------------------------------------------------------------


@dataclass
class Page:
    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before answering
    etag: str | None = None  # answer 304 to a request that sends it back
    stream: int = 0  # send this many bytes of filler instead of body (no Content-Length unless in headers)


class Server:
    def __init__(self) -> None:
        self.pages: dict[str, Page | Callable[[BaseHTTPRequestHandler], Page]] = {}
        self.log: list[tuple[str, dict[str, str], float]] = []  # path, headers, time
        self.sent: dict[str, int] = {}  # bytes of body written per path
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True  # as real servers do: no 40 ms wait for an ACK between headers and body

            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                path = self.path.split("?", 1)[0]
                server.log.append((self.path, dict(self.headers), time.monotonic()))
                page = server.pages.get(path, Page(b"not found", 404))
                if callable(page):
                    page = page(self)
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self._answer(page, path)

            def _answer(self, page: Page, path: str) -> None:
                if page.delay:
                    time.sleep(page.delay)
                if page.etag and self.headers.get("If-None-Match") == page.etag:
                    self.send_response(304)
                    self.send_header("ETag", page.etag)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(page.status)
                for key, value in page.headers.items():
                    self.send_header(key, value)
                if page.etag:
                    self.send_header("ETag", page.etag)
                if page.stream:
                    if "Content-Length" not in page.headers:
                        self.send_header("Connection", "close")
                    self.end_headers()
                    chunk = b"<p>" + b"x" * 65530 + b"</p>\n"
                    sent = 0
                    while sent < page.stream:
                        self.wfile.write(chunk)
                        sent += len(chunk)
                        server.sent[path] = sent
                    return
                self.send_header("Content-Length", str(len(page.body)))
                self.end_headers()
                self.wfile.write(page.body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.block_on_close = False
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def requested(self, path: str) -> int:
        return sum(1 for p, _, _ in self.log if p.split("?", 1)[0] == path)


@contextlib.contextmanager
def running_server() -> Iterator[Server]:
    s = Server()
    thread = threading.Thread(target=s.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield s
    finally:
        s.httpd.shutdown()
        s.httpd.server_close()


@pytest.fixture
def server() -> Iterator[Server]:
    with running_server() as s:
        yield s


def guard_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail any connection this process tries beyond 127.0.0.1."""
    real = socket.socket.connect

    def connect(self, address):  # type: ignore[no-untyped-def]
        if isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1"):
            raise AssertionError(f"a test tried to reach {address}")
        return real(self, address)

    monkeypatch.setattr(socket.socket, "connect", connect)


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch):
    """Nothing in this module reaches beyond 127.0.0.1."""
    guard_loopback(monkeypatch)


FAST = FetchSettings(
    user_agent="DyadTest/1.0 (tests)",
    min_delay=0.0,
    timeout=0.5,
    retries=1,
    backoff=0.01,
    max_retry_after=5.0,
    max_bytes=1_000_000,
    min_words=20,
)


class Sleeps:
    """A stand-in for time.sleep that records the waits (tests do not wait for backoffs)."""

    def __init__(self) -> None:
        self.waits: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.waits.append(seconds)


@pytest.fixture
def fetcher() -> Iterator[Fetcher]:
    with Fetcher(FAST, sleep=Sleeps()) as f:
        yield f


# --- feeds and pages written for these tests ------------------------------------------------------

STORIES = {
    "a1": (
        "Turkey and Malaysia sign defence deal",
        "2024-03-05",
        "Turkish President Recep Tayyip Erdogan met Malaysian Prime Minister Anwar Ibrahim in Ankara on "
        "Tuesday. The two leaders signed an agreement on defence industry cooperation and discussed trade. "
        "Anwar thanked Erdogan for his support and said Malaysia would expand its investments in Turkey.",
    ),
    "a2": (
        "France condemns missile test",
        "2024-03-06",
        "France condemned the missile test carried out by North Korea on Wednesday. The French foreign "
        "ministry said the launch violated United Nations resolutions and urged Pyongyang to return to "
        "talks. Japan and South Korea also criticised the test in separate statements issued in Tokyo.",
    ),
    "a3": (
        "Kenya hosts peace talks",
        "2024-03-07",
        "Kenya hosted peace talks between the government of Ethiopia and rebel leaders in Nairobi on "
        "Thursday. Kenyan President William Ruto welcomed the delegations and called for a ceasefire. "
        "The African Union envoy said both sides had agreed to meet again next month in the capital.",
    ),
    "a4": (
        "Brazil and Argentina agree trade pact",
        "2024-03-08",
        "Brazil and Argentina agreed a trade pact in Brasilia on Friday after two days of talks. Brazilian "
        "President Luiz Inacio Lula da Silva praised Argentina for its cooperation and promised to visit "
        "Buenos Aires in May. The ministers said tariffs on steel and cars would be cut next year.",
    ),
}


def article_html(key: str, with_date: bool = True) -> bytes:
    title, date, text = STORIES[key]
    meta = f'<meta property="article:published_time" content="{date}T09:00:00Z">' if with_date else ""
    paragraphs = "".join(f"<p>{s.strip()}.</p>" for s in text.split(". ") if s.strip())
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>{meta}"
        f'<meta property="og:site_name" content="Local Wire"></head><body><nav>Home | World | Sport</nav>'
        f"<article><h1>{title}</h1>{paragraphs}</article><footer>Copyright Local Wire</footer>"
        f"</body></html>"
    ).encode()


def rss(base: str, keys: list[str], title: str = "Local RSS", extra: str = "") -> bytes:
    items = "".join(
        f"<item><title>{STORIES[k][0]}</title><link>{base}/news/{k}?utm_source=rss&amp;utm_medium=feed</link>"
        f"<pubDate>{time.strftime('%a, %d %b %Y', time.strptime(STORIES[k][1], '%Y-%m-%d'))} 10:00:00 GMT"
        f"</pubDate><guid isPermaLink='false'>{k}</guid></item>"
        for k in keys
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{title}</title>'
        f"<link>{base}/</link>{items}{extra}</channel></rss>"
    ).encode()


def atom(base: str, keys: list[str]) -> bytes:
    entries = "".join(
        f"<entry><title>{STORIES[k][0]}</title><link rel='alternate' href='{base}/news/{k}#top'/>"
        f"<id>urn:{k}</id><published>{STORIES[k][1]}T08:00:00Z</published></entry>"
        for k in keys
    )
    return (
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Local Atom</title>{entries}</feed>'
    ).encode()


def json_feed(base: str, keys: list[str]) -> bytes:
    import json

    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Local JSON",
            "items": [
                {
                    "id": k,
                    "url": f"{base}/news/{k}?fbclid=xyz",
                    "title": STORIES[k][0],
                    "date_published": f"{STORIES[k][1]}T07:00:00+00:00",
                }
                for k in keys
            ],
        }
    ).encode()


RSS1 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
 xmlns:dc="http://purl.org/dc/elements/1.1/">
 <channel rdf:about="http://127.0.0.1/"><title>RDF wire</title></channel>
 <item rdf:about="http://127.0.0.1/news/a1"><title>One</title><link>http://127.0.0.1/news/a1</link>
  <dc:date>2024-03-05T10:00:00Z</dc:date></item>
</rdf:RDF>"""

RSS091 = b"""<?xml version="1.0"?><rss version="0.91"><channel><title>Old wire</title>
<item><title>One</title><link>http://127.0.0.1/news/a2</link></item></channel></rss>"""


def serve_site(server: Server) -> None:
    for key in STORIES:
        server.pages[f"/news/{key}"] = Page(article_html(key), headers={"Content-Type": "text/html; charset=utf-8"})
    server.pages["/robots.txt"] = Page(b"User-agent: *\nDisallow: /private/\n", headers={"Content-Type": "text/plain"})


# --- parsing --------------------------------------------------------------------------------------


def test_every_feed_format_gives_url_title_date_and_source():
    base = "http://127.0.0.1:1"
    feeds = {
        "rss": parse_feed(rss(base, ["a1", "a2"]), base + "/rss"),
        "atom": parse_feed(atom(base, ["a1"]), base + "/atom"),
        "json": parse_feed(json_feed(base, ["a3"]), base + "/json"),
        "rdf": parse_feed(RSS1, "http://127.0.0.1/rdf"),
        "rss091": parse_feed(RSS091, "http://127.0.0.1/old", label="Old Wire (label)"),
    }
    assert [e.date for e in feeds["rss"].entries] == ["2024-03-05", "2024-03-06"]
    assert feeds["rss"].entries[0].source == "Local RSS" and feeds["rss"].entries[0].title == STORIES["a1"][0]
    assert feeds["atom"].entries[0].url == base + "/news/a1#top" and feeds["atom"].entries[0].date == "2024-03-05"
    assert feeds["json"].kind == "json" and feeds["json"].entries[0].source == "Local JSON"
    assert feeds["rdf"].entries[0].date == "2024-03-05" and feeds["rdf"].entries[0].source == "RDF wire"
    assert feeds["rss091"].entries[0].source == "Old Wire (label)" and feeds["rss091"].entries[0].date is None


def test_sitemaps_and_news_sitemaps():
    urlset = b"""<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
      xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>http://127.0.0.1/news/a1</loc>
      <news:news><news:publication><news:name>Wire</news:name></news:publication>
      <news:publication_date>2024-03-05</news:publication_date><news:title>T</news:title></news:news></url>
      <url><loc>http://127.0.0.1/news/a2</loc><lastmod>2024-03-06</lastmod></url></urlset>"""
    feed = parse_feed(urlset, "http://127.0.0.1/sitemap.xml")
    assert [(e.url[-2:], e.date, e.source) for e in feed.entries] == [
        ("a1", "2024-03-05", "Wire"),
        ("a2", "2024-03-06", None),
    ]
    index = parse_feed(
        b"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'><sitemap><loc>/s1.xml"
        b"</loc></sitemap></sitemapindex>",
        "http://127.0.0.1/index.xml",
    )
    assert index.kind == "sitemapindex" and index.sitemaps == ["http://127.0.0.1/s1.xml"]


@pytest.mark.parametrize(
    "data",
    [
        b"<rss><channel><item><title>broken</item></channel>",
        b"not a feed at all",
        b"<html><body>a page</body></html>",
        b'{"items": []}',
        b"{broken json",
    ],
)
def test_what_is_not_a_feed_says_why(data):
    with pytest.raises(FeedError) as error:
        parse_feed(data, "http://127.0.0.1/feed")
    assert str(error.value)


def test_feeds_cannot_read_local_files_or_expand_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    xxe = (
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        f"<rss><channel><title>&x;</title><item><link>http://127.0.0.1/a</link><title>&x;</title></item>"
        f"</channel></rss>"
    ).encode()
    feed = parse_feed(xxe, "http://127.0.0.1/feed")
    assert "TOP SECRET" not in repr(feed)


def test_feed_and_url_lists(tmp_path):
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(
        "# world news\n\nhttp://127.0.0.1/rss | Local Wire | tur\nhttp://127.0.0.1/atom  # no label\n"
        "http://127.0.0.1/json | | \n"
    )
    specs = read_feed_list(feeds)
    assert [(s.url, s.label, s.country) for s in specs] == [
        ("http://127.0.0.1/rss", "Local Wire", "TUR"),
        ("http://127.0.0.1/atom", None, None),
        ("http://127.0.0.1/json", None, None),
    ]
    urls = tmp_path / "urls.txt"
    urls.write_text("http://127.0.0.1/a#frag\n# comment\n  http://127.0.0.1/b  \n")
    assert read_url_list(urls) == ["http://127.0.0.1/a#frag", "http://127.0.0.1/b"]


def test_tracking_parameters_and_fragments_are_normalised_away():
    assert (
        normalize_url("HTTP://127.0.0.1:80/news/a1?utm_source=rss&utm_medium=feed#top")
        == normalize_url("http://127.0.0.1/news/a1?fbclid=xyz")
        == "http://127.0.0.1/news/a1"
    )
    assert normalize_url("http://127.0.0.1/story?id=7&gclid=1") == "http://127.0.0.1/story?id=7"


# --- polite fetching ------------------------------------------------------------------------------


def test_user_agent_robots_and_conditional_get(server, fetcher):
    serve_site(server)
    server.pages["/rss"] = Page(
        rss(server.url, ["a1"]),
        headers={"Content-Type": "application/rss+xml", "Last-Modified": "Tue, 05 Mar 2024 10:00:00 GMT"},
        etag='"v1"',
    )
    first = fetcher.get(server.url + "/rss")
    assert isinstance(first, Fetched) and first.status == 200 and first.etag == '"v1"'
    again = fetcher.get(server.url + "/rss", etag=first.etag, last_modified=first.last_modified)
    assert isinstance(again, Fetched) and again.not_modified and not again.content
    headers = [h for p, h, _ in server.log if p == "/rss"]
    assert headers[1]["If-None-Match"] == '"v1"' and headers[1]["If-Modified-Since"].startswith("Tue, 05 Mar")
    assert all(h["User-Agent"] == "DyadTest/1.0 (tests)" for _, h, _ in server.log)
    assert server.requested("/robots.txt") == 1  # read once per host


def test_robots_disallow_is_a_rejection_and_the_page_is_never_requested(server, fetcher):
    serve_site(server)
    server.pages["/private/x"] = Page(article_html("a1"))
    answer = fetcher.get(server.url + "/private/x")
    assert isinstance(answer, WebRejection) and "robots.txt" in answer.reason and not answer.transient
    assert server.requested("/private/x") == 0


def test_robots_unreachable_means_not_now(server, fetcher):
    server.pages["/robots.txt"] = Page(b"oops", 503)
    server.pages["/news/a1"] = Page(article_html("a1"))
    answer = fetcher.get(server.url + "/news/a1")
    assert isinstance(answer, WebRejection) and answer.transient and "robots.txt" in answer.reason
    assert server.requested("/news/a1") == 0


def test_no_robots_txt_allows_everything_and_an_unreachable_one_is_asked_again(server, fetcher):
    server.pages["/news/a1"] = Page(article_html("a1"), headers={"Content-Type": "text/html"})
    assert isinstance(fetcher.get(server.url + "/news/a1"), Fetched)  # /robots.txt is a 404
    assert isinstance(fetcher.get(server.url + "/news/a1"), Fetched) and server.requested("/robots.txt") == 1
    with Fetcher(FAST, sleep=Sleeps()) as other:
        server.pages["/robots.txt"] = Page(b"", 500)
        assert isinstance(other.get(server.url + "/news/a1"), WebRejection)
        server.pages["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n")
        assert isinstance(other.get(server.url + "/news/a1"), Fetched)


def test_min_delay_between_requests_to_one_host(server):
    serve_site(server)
    with Fetcher(FetchSettings(min_delay=0.15, timeout=1.0)) as polite:
        for key in STORIES:
            assert isinstance(polite.get(f"{server.url}/news/{key}"), Fetched)
    times = [t for p, _, t in server.log if p.startswith("/news/")]
    assert all(b - a >= 0.14 for a, b in zip(times, times[1:], strict=False))


@pytest.mark.parametrize("status, transient", [(404, False), (410, False), (500, True), (503, True)])
def test_http_errors_are_rejections_and_5xx_are_retried(server, fetcher, status, transient):
    serve_site(server)
    server.pages["/bad"] = Page(b"error", status)
    answer = fetcher.get(server.url + "/bad")
    assert isinstance(answer, WebRejection) and f"HTTP {status}" in answer.reason
    assert answer.transient is transient
    assert server.requested("/bad") == (2 if transient else 1)  # retries=1


def test_429_honours_retry_after_then_succeeds(server, fetcher):
    serve_site(server)
    calls = []

    def limited(handler: BaseHTTPRequestHandler) -> Page:
        calls.append(1)
        if len(calls) == 1:
            return Page(b"slow down", 429, headers={"Retry-After": "3"})
        return Page(article_html("a1"), headers={"Content-Type": "text/html"})

    server.pages["/limited"] = limited
    answer = fetcher.get(server.url + "/limited")
    assert isinstance(answer, Fetched) and answer.status == 200
    assert 3.0 in fetcher.sleep.waits  # type: ignore[attr-defined]


def test_a_retry_after_over_the_limit_is_not_waited_for(server, fetcher):
    serve_site(server)
    server.pages["/later"] = Page(b"", 429, headers={"Retry-After": "3600"})
    answer = fetcher.get(server.url + "/later")
    assert isinstance(answer, WebRejection) and answer.transient and "3600 s" in answer.reason
    assert server.requested("/later") == 1 and not fetcher.sleep.waits  # type: ignore[attr-defined]


def test_a_slow_server_times_out(server):
    serve_site(server)
    server.pages["/slow"] = Page(article_html("a1"), delay=2.0)
    start = time.monotonic()
    with Fetcher(FetchSettings(min_delay=0, timeout=0.2, retries=0)) as quick:
        answer = quick.get(server.url + "/slow")
    assert isinstance(answer, WebRejection) and answer.transient and "no answer within 0.2 s" in answer.reason
    assert time.monotonic() - start < 1.5


@pytest.mark.parametrize("declared", [True, False], ids=["content-length", "no-length"])
def test_a_50_mb_page_is_rejected_without_downloading_it(server, fetcher, declared):
    serve_site(server)
    size = 50_000_000
    server.pages["/huge"] = Page(
        stream=size, headers={"Content-Type": "text/html", **({"Content-Length": str(size)} if declared else {})}
    )
    answer = fetcher.get(server.url + "/huge")
    assert isinstance(answer, WebRejection) and "size limit of 1000000 bytes" in answer.reason
    time.sleep(0.1)
    assert server.sent.get("/huge", 0) < 10_000_000  # stopped early: the rest was never sent


def test_a_pdf_is_rejected_with_its_type(server, fetcher):
    serve_site(server)
    server.pages["/report.pdf"] = Page(b"%PDF-1.7\n" + b"0" * 1000, headers={"Content-Type": "application/pdf"})
    server.pages["/data"] = Page(b'{"a": 1}', headers={"Content-Type": "application/json"})
    server.pages["/untyped"] = Page(article_html("a3"), headers={"Content-Type": "application/octet-stream"})
    untyped = extract_article(fetcher.get(server.url + "/untyped"), _entry(server.url + "/untyped"), FAST)
    assert not isinstance(untyped, WebRejection) and "Nairobi" in untyped.text  # a page the server did not type
    pdf = extract_article(fetcher.get(server.url + "/report.pdf"), _entry(server.url + "/report.pdf"), FAST)
    data = extract_article(fetcher.get(server.url + "/data"), _entry(server.url + "/data"), FAST)
    assert isinstance(pdf, WebRejection) and "not an HTML page (PDF)" in pdf.reason
    assert isinstance(data, WebRejection) and "application/json" in data.reason


def test_redirects_are_followed_bounded_and_loops_caught(server, fetcher):
    serve_site(server)
    server.pages["/old"] = Page(status=301, headers={"Location": "/news/a1"})
    server.pages["/loop1"] = Page(status=302, headers={"Location": "/loop2"})
    server.pages["/loop2"] = Page(status=302, headers={"Location": "/loop1"})
    for n in range(10):
        server.pages[f"/chain{n}"] = Page(status=307, headers={"Location": f"/chain{n + 1}"})
    moved = fetcher.get(server.url + "/old")
    assert isinstance(moved, Fetched) and moved.url == server.url + "/news/a1"
    loop = fetcher.get(server.url + "/loop1")
    assert isinstance(loop, WebRejection) and "redirect loop" in loop.reason
    chain = fetcher.get(server.url + "/chain0")
    assert isinstance(chain, WebRejection) and "more than 5 redirects" in chain.reason
    assert server.requested("/chain6") == 0


def _entry(url: str):
    from dyad.read.feeds import Entry

    return Entry(url)


def test_extraction_takes_the_page_date_and_site_and_rejects_stubs(server, fetcher):
    serve_site(server)
    server.pages["/nodate"] = Page(article_html("a2"), headers={"Content-Type": "text/html"})
    server.pages["/stub"] = Page(
        b"<html><body><article><p>Subscribe to continue reading this story.</p></article></body></html>",
        headers={"Content-Type": "text/html"},
    )
    doc = extract_article(fetcher.get(server.url + "/nodate"), _entry(server.url + "/nodate?utm_campaign=x"), FAST)
    assert not isinstance(doc, WebRejection)
    assert doc.date == "2024-03-06" and doc.source == "Local Wire" and doc.url == server.url + "/nodate"
    assert "missile test" in doc.text and "Copyright" not in doc.text
    stub = extract_article(fetcher.get(server.url + "/stub"), _entry(server.url + "/stub"), FAST)
    assert isinstance(stub, WebRejection) and ("stub" in stub.reason or "no article text" in stub.reason)


# --- polling into the store -----------------------------------------------------------------------


@pytest.fixture
def site(server):
    serve_site(server)
    server.pages["/rss"] = Page(
        rss(server.url, ["a1", "a2"]), headers={"Content-Type": "application/rss+xml"}, etag='"r1"'
    )
    server.pages["/atom"] = Page(
        atom(server.url, ["a2", "a3"]), headers={"Content-Type": "application/atom+xml"}, etag='"a1"'
    )
    server.pages["/json"] = Page(
        json_feed(server.url, ["a1"]), headers={"Content-Type": "application/feed+json"}, etag='"j1"'
    )
    return server


def _specs(server):
    from dyad.read.feeds import FeedSpec

    return [
        FeedSpec(server.url + "/rss", "Local Wire", "TUR"),
        FeedSpec(server.url + "/atom"),
        FeedSpec(server.url + "/json"),
    ]


def test_three_feeds_code_each_article_once_then_only_ask_for_changes(site, tmp_path, pipeline):
    from dyad.follow import poll
    from dyad.store import Store

    db = tmp_path / "news.duckdb"
    with Store(db) as store, Fetcher(FAST) as f:
        first = poll(store, _specs(site), pipeline=pipeline, fetcher=f)
        assert (first.feeds, first.documents, first.repeated, first.rejected) == (3, 3, 2, [])
        assert first.events > 0
        docs = store.documents().set_index("title")
        assert docs.loc[STORIES["a1"][0], "source"] == "Local Wire"  # the feed's label
        assert docs.loc[STORIES["a3"][0], "source"] == "Local Atom"  # the feed's title
        assert [str(d)[:10] for d in docs.sort_values("date")["date"]] == ["2024-03-05", "2024-03-06", "2024-03-07"]
        urls = sorted(store.con.execute("SELECT url FROM documents").fetchall())
        assert urls == [(f"{site.url}/news/{k}",) for k in ("a1", "a2", "a3")]  # no tracking parameters
        second = poll(store, _specs(site), pipeline=pipeline, fetcher=f)
        assert (second.not_modified, second.fetched, second.documents) == (3, 0, 0)
    assert all(site.requested(f"/news/{k}") == 1 for k in ("a1", "a2", "a3"))
    with Store(db) as store, Fetcher(FAST) as f:  # a restart resumes from the stored feed state
        third = poll(store, _specs(site), pipeline=pipeline, fetcher=f)
        assert (third.not_modified, third.fetched, third.documents) == (3, 0, 0)
        assert store.stats()["documents"] == 3


def test_a_changed_feed_fetches_only_its_new_entries(site, tmp_path, pipeline):
    from dyad.follow import poll
    from dyad.store import Store

    with Store(tmp_path / "news.duckdb") as store, Fetcher(FAST) as f:
        poll(store, _specs(site), pipeline=pipeline, fetcher=f)
        site.pages["/rss"] = Page(
            rss(site.url, ["a4", "a1", "a2"]), etag='"r2"', headers={"Content-Type": "application/rss+xml"}
        )
        later = poll(store, _specs(site), pipeline=pipeline, fetcher=f)
        assert (later.not_modified, later.fetched, later.known, later.documents) == (2, 1, 2, 1)
        assert store.document(later_id(store, "a4"))["date"] == "2024-03-08"


def later_id(store, key):
    return store.con.execute("SELECT id FROM documents WHERE title = ?", [STORIES[key][0]]).fetchone()[0]


def test_rejections_are_reported_settled_ones_remembered_transient_ones_retried(site, tmp_path, pipeline):
    from dyad.follow import poll
    from dyad.read.feeds import FeedSpec
    from dyad.store import Store

    site.pages["/news/a2"] = Page(b"busy", 503)
    site.pages["/doc.pdf"] = Page(b"%PDF-1.4 ...", headers={"Content-Type": "application/pdf"})
    site.pages["/broken"] = Page(b"<rss><channel><item>", headers={"Content-Type": "application/rss+xml"})
    extra = (
        b"<item><title>Report</title><link>/doc.pdf</link></item>"
        b"<item><title>Secret</title><link>/private/memo</link></item>"
    )
    site.pages["/rss"] = Page(
        rss(site.url, ["a1", "a2"], extra=extra.decode()), etag='"r1"', headers={"Content-Type": "application/rss+xml"}
    )
    specs = [FeedSpec(site.url + "/rss"), FeedSpec(site.url + "/broken"), FeedSpec(site.url + "/missing")]
    with Store(tmp_path / "news.duckdb") as store, Fetcher(FAST) as f:
        first = poll(store, specs, pipeline=pipeline, fetcher=f)
        reasons = sorted(r.reason.split(": ", 1)[1] for r in first.rejected)
        assert first.documents == 1 and len(reasons) == 5, reasons
        assert any("HTTP 503" in r for r in reasons) and any("not an HTML page (PDF)" in r for r in reasons)
        assert any("robots.txt" in r for r in reasons) and any("malformed XML" in r for r in reasons)
        assert any("HTTP 404" in r for r in reasons)
        assert all(r.origin.startswith(site.url) for r in first.rejected)
        assert store.feed_state(site.url + "/rss") is None  # an entry failed for now: the feed is read again
        site.pages["/news/a2"] = Page(article_html("a2"), headers={"Content-Type": "text/html"})
        second = poll(store, specs[:1], pipeline=pipeline, fetcher=f)
        assert (second.not_modified, second.fetched, second.documents, second.known) == (0, 1, 1, 3)
        assert store.feed_state(site.url + "/rss")["etag"] == '"r1"'
    assert site.requested("/doc.pdf") == 1 and site.requested("/private/memo") == 0


def test_stopping_keeps_what_is_stored_and_the_next_poll_finishes(site, tmp_path, pipeline):
    import threading

    from dyad.follow import poll
    from dyad.store import Store

    stop = threading.Event()

    def ctrl_c_while_fetching(handler):  # Ctrl-C arrives while the first article is downloading
        stop.set()
        return Page(article_html("a1"), headers={"Content-Type": "text/html"})

    site.pages["/news/a1"] = ctrl_c_while_fetching
    with Store(tmp_path / "news.duckdb") as store, Fetcher(FAST) as f:
        first = poll(store, _specs(site)[:1], pipeline=pipeline, fetcher=f, stop=stop)
        assert first.stopped and first.documents == 1 and site.requested("/news/a2") == 0
        assert store.feed_state(site.url + "/rss") is None
        second = poll(store, _specs(site)[:1], pipeline=pipeline, fetcher=f)
        assert second.documents + first.documents == 2 and not second.stopped
        assert store.feed_state(site.url + "/rss") is not None


def test_cli_ingest_urls_and_feeds_then_watch(site, tmp_path, pipeline):
    from click.testing import CliRunner

    from dyad.cli import main

    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# local\n{site.url}/rss | Local Wire | TUR\n{site.url}/atom\n")
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{site.url}/news/a4?utm_source=x\n{site.url}/nowhere\n")
    db = str(tmp_path / "news.duckdb")
    runner = CliRunner()
    fast = ["--delay", "0", "--timeout", "1"]
    result = runner.invoke(
        main, ["ingest", "--feeds", str(feeds), "--urls", str(urls), f"{site.url}/json", "--db", db, *fast]
    )
    assert result.exit_code == 2, result.output  # one URL is a 404
    assert "ingested 4 documents" in result.output and "nowhere: HTTP 404" in result.output
    watched = runner.invoke(
        main, ["watch", "--feeds", str(feeds), "--every", "0.05s", "--polls", "2", "--db", db, *fast]
    )
    assert watched.exit_code == 0, watched.output
    lines = [line for line in watched.stdout.splitlines() if " poll " in line]
    assert len(lines) == 2 and "2 feeds (2 unchanged), 0 new articles" in lines[1] and lines[1].endswith("stopped")


def test_the_starter_list_reads_without_fetching():
    from pathlib import Path

    specs = read_feed_list(Path(__file__).resolve().parents[2] / "feeds" / "international.txt")
    assert len(specs) >= 10 and all(s.url.startswith(("http://", "https://")) and s.label for s in specs)
    assert all(s.country and len(s.country) == 3 for s in specs)


# --- several hosts at once, each one request at a time -----------------------------------------------


class Hosts:
    """Watches two local servers: how many requests each has under way, and their start times."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.under_way: dict[str, int] = {}
        self.most_at_once: dict[str, int] = {}
        self.starts: dict[str, list[float]] = {}
        self.second_host_asked = threading.Event()
        self.overlapped = False  # the second host was asked while the first was answering

    def page(self, host: str, body: bytes, wait_for_the_other: bool = False) -> Callable[[object], Page]:
        def answer(handler: object) -> Page:  # noqa: ARG001  the server's signature
            with self.lock:
                self.under_way[host] = self.under_way.get(host, 0) + 1
                self.most_at_once[host] = max(self.most_at_once.get(host, 0), self.under_way[host])
                self.starts.setdefault(host, []).append(time.monotonic())
            if host == "two":
                self.second_host_asked.set()
            if wait_for_the_other:  # fetching one host after the other would wait here in vain
                self.overlapped = self.second_host_asked.wait(10.0)
            with self.lock:
                self.under_way[host] -= 1
            return Page(body, headers={"Content-Type": "text/html"})

        return answer


def test_two_hosts_are_fetched_at_once_each_one_request_at_a_time_and_delay_apart(tmp_path, pipeline):
    from dyad.follow import poll
    from dyad.read.feeds import FeedSpec
    from dyad.store import Store

    hosts = Hosts()
    documents: list[str] = []
    with running_server() as one, running_server() as two:
        for name, site, keys in (("one", one, ["a1", "a2"]), ("two", two, ["a3", "a4"])):
            site.pages["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n")
            site.pages["/rss"] = Page(rss(site.url, keys), headers={"Content-Type": "application/rss+xml"})
            for n, key in enumerate(keys):
                site.pages[f"/news/{key}"] = hosts.page(
                    name, article_html(key), wait_for_the_other=(site is one and n == 0)
                )
        settings = FetchSettings(**{**FAST.__dict__, "min_delay": 0.2, "hosts_at_once": 4})
        with Store(tmp_path / "news.duckdb") as store, Fetcher(settings) as f:
            info = poll(
                store,
                [FeedSpec(one.url + "/rss"), FeedSpec(two.url + "/rss")],
                pipeline=pipeline,
                fetcher=f,
                on_document=lambda d: documents.append(getattr(d, "title", "")),
            )
        logs = {"one": one.log, "two": two.log}
    assert info.documents == 4 and not info.rejected
    assert hosts.overlapped  # host two answered while host one was still answering
    assert hosts.most_at_once == {"one": 1, "two": 1}  # never two requests at once to one host
    for log in logs.values():  # robots.txt, the feed, the articles: each min_delay after the last
        starts = [t for _, _, t in log]
        assert len(starts) == 4 and all(b - a >= 0.19 for a, b in zip(starts, starts[1:], strict=False))
    # the articles come in turns across hosts, whatever the network's timing
    assert documents == [STORIES[k][0] for k in ("a1", "a3", "a2", "a4")]


def test_one_host_at_once_fetches_in_the_same_order(site, tmp_path, pipeline):
    from dyad.follow import poll
    from dyad.store import Store

    settings = FetchSettings(**{**FAST.__dict__, "hosts_at_once": 1})
    with Store(tmp_path / "news.duckdb") as store, Fetcher(settings) as f:
        info = poll(store, _specs(site), pipeline=pipeline, fetcher=f)
    assert (info.documents, info.repeated) == (3, 2)
    pages = [p.split("?")[0] for p, _, _ in site.log if p.startswith("/news/")]
    assert pages == ["/news/a1", "/news/a2", "/news/a3"]


def test_threads_sharing_a_fetcher_ask_one_host_one_thing_at_a_time(server):
    hosts = Hosts()
    second_arrived = threading.Event()
    arrivals: list[str] = []

    def held(name: str) -> Callable[[object], Page]:
        def answer(handler: object) -> Page:  # noqa: ARG001  the server's signature
            arrivals.append(name)
            if len(arrivals) == 2:
                second_arrived.set()
            else:  # without the host's lock the other thread's request arrives during this wait
                hosts.overlapped = second_arrived.wait(0.3)  # within FAST.timeout
            return Page(article_html("a1"), headers={"Content-Type": "text/html"})

        return answer

    server.pages["/robots.txt"] = Page(b"User-agent: *\nAllow: /\n")
    server.pages["/one"], server.pages["/two"] = held("one"), held("two")
    with Fetcher(FAST) as shared:
        shared.get(server.url + "/robots.txt")  # read once, so that both threads go straight to their page
        threads = [threading.Thread(target=shared.get, args=(server.url + path,)) for path in ("/one", "/two")]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    assert sorted(arrivals) == ["one", "two"] and not hosts.overlapped


def test_a_page_the_fast_extractor_misses_is_read_with_the_fallbacks():
    text = STORIES["a1"][2]
    page = f"<html><head><title>Old layout</title></head><body><div>{text.replace('. ', '.<br>')}</div></body></html>"
    fetched = Fetched("http://127.0.0.1/old", 200, page.encode(), "text/html")
    document = extract_article(fetched, _entry("http://127.0.0.1/old"), FAST)
    assert not isinstance(document, WebRejection), document.reason
    assert "Anwar thanked Erdogan" in document.text


def test_urls_given_as_arguments_are_told_apart_feed_or_article(site, tmp_path, pipeline):
    from dyad.follow import poll
    from dyad.store import Store

    with Store(tmp_path / "news.duckdb") as store, Fetcher(FAST) as f:
        first = poll(
            store, targets=[site.url + "/news/a4?utm_source=x", site.url + "/atom"], pipeline=pipeline, fetcher=f
        )
        assert (first.feeds, first.fetched, first.documents, first.rejected) == (1, 3, 3, [])
        again = poll(store, targets=[site.url + "/news/a4", site.url + "/atom"], pipeline=pipeline, fetcher=f)
        assert (again.known, again.not_modified, again.fetched, again.documents) == (1, 1, 0, 0)
    assert [site.requested(f"/news/{k}") for k in ("a2", "a3", "a4")] == [1, 1, 1]
