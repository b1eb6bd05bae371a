"""`dyad watch` as users run it (a process of its own) against a local server: killed with
SIGKILL in the middle of a poll it loses nothing that was committed, and a restart resumes
without fetching or coding again what was stored; Ctrl-C stops it between two articles.

The server runs in this process on 127.0.0.1; the watch process reaches nothing else (the only
URLs it is given are the server's). Each scenario is steered by the server: a page that does not
answer until the test has done its part (signalled the process) marks "the middle of a poll"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.store import Store
from tests.read.test_feeds import Page, Server, article_html, guard_loopback, rss, running_server, serve_site

pytestmark = [pytest.mark.process, pytest.mark.slow]  # starts, kills and interrupts dyad watch processes

WAIT = 180.0  # seconds allowed for a step that takes a few (a loaded machine loading the model)
HTML = {"Content-Type": "text/html; charset=utf-8"}
FEED = {"Content-Type": "application/rss+xml"}


@pytest.fixture
def server() -> Iterator[Server]:
    with running_server() as s:
        yield s


@pytest.fixture(autouse=True)
def only_loopback(monkeypatch):
    """This process reaches nothing beyond 127.0.0.1 (and the watch process is given only its URLs)."""
    guard_loopback(monkeypatch)


class Held:
    """A page that answers only once ``release`` is set; ``asked`` is set when it is requested."""

    def __init__(self, body: bytes) -> None:
        self.body = body
        self.asked = threading.Event()
        self.release = threading.Event()

    def __call__(self, handler: object) -> Page:  # noqa: ARG002  the server's signature
        self.asked.set()
        self.release.wait(WAIT)
        return Page(self.body, headers=HTML)


class ChangingFeed:
    """The feed's first version until a poll has read it, then the second (new ETag): the second
    poll has new entries to fetch."""

    def __init__(self, first: bytes, second: bytes) -> None:
        self.versions = [(first, '"v1"'), (second, '"v2"')]
        self.served = 0

    def __call__(self, handler: object) -> Page:  # noqa: ARG002  the server's signature
        body, etag = self.versions[min(self.served, 1)]
        self.served += 1
        return Page(body, headers=FEED, etag=etag)


def start_watch(feeds: Path, db: Path) -> subprocess.Popen[bytes]:
    """`dyad watch` polling every 0.2 s; its output goes to ``watch.out`` and ``watch.err`` beside
    the database (files, not pipes: a watch that runs on is never blocked by a full pipe)."""
    dyad = str(Path(sys.executable).parent / "dyad")
    with open(db.with_name("watch.out"), "wb") as out, open(db.with_name("watch.err"), "wb") as err:
        return subprocess.Popen(
            [dyad, "watch", "--feeds", str(feeds), "--every", "0.2s", "--db", str(db), "--delay", "0"]
            + ["--timeout", "30"],
            stdout=out,
            stderr=err,
            start_new_session=True,  # Ctrl-C in the terminal running pytest does not reach it
        )


def output(db: Path) -> tuple[str, str]:
    return db.with_name("watch.out").read_text(), db.with_name("watch.err").read_text()


def stored(db: Path) -> dict[str, int]:
    """Each stored document's URL path with how many rows it has (more than 1: stored twice)."""
    with Store(db, read_only=True, shared=True, wait=WAIT) as store:
        rows = store.con.execute("SELECT url, count(*) FROM documents GROUP BY url").fetchall()
    return {url.rsplit("/", 1)[1]: count for url, count in rows}


def site_with_a_second_poll(server: Server, after: str = "") -> Held:
    """/rss lists a1 and a2, then (from the second poll) also a page gone for good, a3, a4 and
    ``after``. a4 is held: a4 requested means the second poll is under way, with the 404 settled
    and remembered (a host's next page is asked for once its previous one is taken, so the 404
    was taken before a3, and a3 before a4)."""
    serve_site(server)
    server.pages["/news/gone"] = Page(b"gone", 404)
    held = Held(article_html("a4"))
    server.pages["/news/a4"] = held
    extra = "".join(f"<item><link>{server.url}/news/{key}</link></item>" for key in ("gone", "a3", "a4")) + after
    server.pages["/rss"] = ChangingFeed(rss(server.url, ["a1", "a2"]), rss(server.url, ["a1", "a2"], extra=extra))
    return held


def test_the_second_version_of_the_feed_lists_every_entry_in_order(server):
    from dyad.read.feeds import parse_feed

    site_with_a_second_poll(server)
    feed = server.pages["/rss"]
    assert isinstance(feed, ChangingFeed)
    urls = [entry.url.rsplit("/", 1)[1] for entry in parse_feed(feed.versions[1][0], server.url).entries]
    assert [url.split("?")[0] for url in urls] == ["a1", "a2", "gone", "a3", "a4"]


def test_kill_9_mid_poll_loses_nothing_committed_and_a_restart_codes_nothing_twice(server, tmp_path):
    from click.testing import CliRunner

    from dyad.cli import main

    held = site_with_a_second_poll(server)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{server.url}/rss | Local Wire | TUR\n")
    db = tmp_path / "news.duckdb"
    process = start_watch(feeds, db)
    try:
        assert held.asked.wait(WAIT), "the second poll never reached a4"
        os.killpg(process.pid, signal.SIGKILL)  # mid-poll: the 404 settled, a3 fetched, a4 on its way
        process.wait(WAIT)
    finally:
        held.release.set()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == -signal.SIGKILL
    assert stored(db) == {"a1": 1, "a2": 1}  # the first poll's articles survived the kill
    with Store(db, read_only=True, shared=True, wait=WAIT) as store:
        assert store.feed_state(server.url + "/rss")["etag"] == '"v1"'  # the second poll never finished
        assert store.known_urls([server.url + "/news/gone"]) == {server.url + "/news/gone"}
    assert server.requested("/news/a3") == 1 and server.requested("/news/gone") == 1

    restarted = CliRunner().invoke(
        main, ["watch", "--feeds", str(feeds), "--every", "1s", "--polls", "1", "--db", str(db), "--delay", "0"]
    )
    assert restarted.exit_code == 0, restarted.output
    assert stored(db) == {"a1": 1, "a2": 1, "a3": 1, "a4": 1}  # each article stored once
    assert [server.requested(f"/news/{k}") for k in ("a1", "a2", "a3", "gone")] == [1, 1, 2, 1]
    with Store(db, read_only=True, shared=True, wait=WAIT) as store:
        assert store.feed_state(server.url + "/rss")["etag"] == '"v2"'  # now every entry is settled


def test_ctrl_c_stops_between_two_articles_and_keeps_them(server, tmp_path):
    held = site_with_a_second_poll(server, after=f"<item><link>{server.url}/news/a5</link></item>")
    server.pages["/news/a5"] = Page(article_html("a1"), headers=HTML)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{server.url}/rss\n")
    db = tmp_path / "news.duckdb"
    process = start_watch(feeds, db)
    try:
        assert held.asked.wait(WAIT), "the second poll never reached a4"
        process.send_signal(signal.SIGINT)  # while a4 is downloading
        held.release.set()
        process.wait(WAIT)
    finally:
        held.release.set()
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    out, err = output(db)
    assert process.returncode == 0, err
    assert "stopping after the current article" in err and "the next watch resumes" in err
    assert stored(db) == {"a1": 1, "a2": 1, "a3": 1, "a4": 1}, (out, err)  # the article under way was finished and kept
    assert server.requested("/news/a5") == 0  # and none after it was started
    polls = [line for line in out.splitlines() if " poll " in line]
    assert polls[-1].endswith("stopped"), out
    with Store(db, read_only=True, shared=True, wait=WAIT) as store:
        assert store.feed_state(server.url + "/rss")["etag"] == '"v1"'  # a5 waits: the feed is read again


def test_the_api_shows_what_watch_stores_while_it_runs(server, tmp_path):
    """`dyad serve` beside `dyad watch` on one database (shared store mode): the server opens it
    read-only for each request and the watcher holds it only while it writes, so the events of
    each article appear while the watch goes on, mid-poll and between polls."""
    from fastapi.testclient import TestClient

    from dyad.api import create_app

    held = site_with_a_second_poll(server)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{server.url}/rss | Local Wire | TUR\n")
    db = tmp_path / "news.duckdb"
    process = start_watch(feeds, db)
    try:
        assert held.asked.wait(WAIT), "the second poll never reached a4"
        client = TestClient(create_app(str(db)))
        mid_poll = client.get("/api/stats")  # the watcher is waiting for a4: the first poll is there
        assert mid_poll.status_code == 200 and mid_poll.json()["documents"] == 2, mid_poll.text
        first_events = client.get("/api/events", params={"source": "Local Wire", "limit": 200}).json()
        assert first_events["total"] > 0 and {e["doc_id"] for e in first_events["events"]} == set(stored_ids(db))
        held.release.set()
        for _ in range(int(WAIT / 0.2)):  # the second poll commits a3 and a4; the watch goes on polling
            documents = client.get("/api/stats").json()["documents"]
            if documents == 4:
                break
            time.sleep(0.2)
        assert documents == 4 and process.poll() is None  # seen while the watcher still runs
        later = client.get("/api/events", params={"source": "Local Wire", "limit": 200}).json()
        assert later["total"] > first_events["total"]
    finally:
        held.release.set()
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(WAIT)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    assert process.returncode == 0, output(db)


def stored_ids(db: Path) -> list[str]:
    with Store(db, read_only=True, shared=True, wait=WAIT) as store:
        return [row[0] for row in store.con.execute("SELECT id FROM documents").fetchall()]
