"""Following the news: feeds, sitemaps and article URLs fetched politely, each article coded once.

A poll (``poll``) reads every feed with a conditional GET (the store keeps each feed's ETag and
Last-Modified), lists its entries, drops those already handled (a stored document with the same
normalised URL or the same text, or a URL rejected for good), fetches and extracts the rest and
codes them through ``dyad.ingest``. A feed's state is saved only after every entry it listed is
stored or rejected for good, so a crash or a Ctrl-C means the next poll reads the feed again,
never that an article is lost; transient failures (timeouts, 5xx, 429) are retried next poll.
``watch`` polls every ``every`` seconds until stopped.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from dyad.errors import Msg
from dyad.ingest import IngestInfo, ingest_items
from dyad.model import Document, Rejection
from dyad.pipeline import Pipeline
from dyad.read import ReadSettings
from dyad.read.feeds import Entry, FeedError, FeedSpec, looks_like_feed, parse_feed
from dyad.read.web import Fetched, Fetcher, WebRejection, extract_article, normalize_url
from dyad.store import Store

MAX_CHILD_SITEMAPS = 50  # a sitemap index is read this far


@dataclass
class PollInfo:
    """What one poll did: feeds read (and how many had not changed), articles fetched, entries
    already handled, and the ingest's own counts (documents, events, rejections)."""

    feeds: int = 0
    not_modified: int = 0
    fetched: int = 0  # article pages requested
    known: int = 0  # entries already stored or rejected for good (not fetched again)
    repeated: int = 0  # entries listed twice in this poll (in two feeds, or twice in one)
    stopped: bool = False  # stopped before the end (Ctrl-C): the rest waits for the next poll
    fetch_seconds: float = 0.0  # spent reading feeds, fetching and extracting pages (not coding)
    seconds: float = 0.0  # the whole poll
    ingest: IngestInfo = field(default_factory=IngestInfo)

    @property
    def documents(self) -> int:
        return self.ingest.documents

    @property
    def events(self) -> int:
        return self.ingest.events

    @property
    def rejected(self) -> list[Rejection]:
        return self.ingest.rejected

    def as_dict(self) -> dict[str, Any]:
        return {
            "feeds": self.feeds,
            "not_modified": self.not_modified,
            "fetched": self.fetched,
            "known": self.known,
            "repeated": self.repeated,
            "stopped": self.stopped,
            "fetch_seconds": round(self.fetch_seconds, 3),
            "seconds": round(self.seconds, 3),
            **self.ingest.as_dict(),
        }


@dataclass
class _FeedDone:
    url: str
    fetched: Fetched
    entries: int
    spec: FeedSpec
    title: str | None


class _Poll:
    """One poll's walk over its sources, yielding documents and rejections to the ingest."""

    def __init__(
        self, store: Store, fetcher: Fetcher, read_settings: ReadSettings, info: PollInfo, stop: threading.Event
    ) -> None:
        self.store = store
        self.fetcher = fetcher
        self.read_settings = read_settings
        self.info = info
        self.stop = stop
        self.seen: set[str] = set()
        self.done: list[_FeedDone] = []

    def items(
        self, feeds: Iterable[FeedSpec], urls: Iterable[str], targets: Iterable[str]
    ) -> Iterator[Document | Rejection]:
        for spec in feeds:
            if self._stopped():
                return
            yield from self._feed(spec)
        if not self._stopped():
            yield from self._articles([Entry(url) for url in urls], feed=None)
        for url in targets:  # URLs given as arguments: a feed or sitemap, else an article
            if self._stopped():
                return
            yield from self._target(url)

    def _stopped(self) -> bool:
        if self.stop.is_set():
            self.info.stopped = True
        return self.info.stopped

    def _target(self, url: str) -> Iterator[Document | Rejection]:
        normal = normalize_url(url)
        if normal in self.seen or self.store.known_urls([normal]):
            self.info.known += 1
            return
        state = self.store.feed_state(url) or {}
        fetched = self.fetcher.get(url, state.get("etag"), state.get("last_modified"))
        if isinstance(fetched, Fetched) and (fetched.not_modified or _is_feed(fetched)):
            yield from self._feed(FeedSpec(url), fetched)
            return
        self.info.fetched += 1
        yield from self._articles([Entry(url)], feed=None, fetched={normal: fetched})

    def _feed(self, spec: FeedSpec, fetched: Fetched | WebRejection | None = None) -> Iterator[Document | Rejection]:
        self.info.feeds += 1
        if fetched is None:
            state = self.store.feed_state(spec.url) or {}
            fetched = self.fetcher.get(spec.url, state.get("etag"), state.get("last_modified"))
        if isinstance(fetched, WebRejection):
            yield fetched
            return
        if fetched.not_modified:
            self.info.not_modified += 1
            return
        try:
            feed = parse_feed(fetched.content, fetched.url, spec.label)
            entries = list(feed.entries)
            for child in feed.sitemaps[:MAX_CHILD_SITEMAPS]:
                answer = self.fetcher.get(child)
                if isinstance(answer, WebRejection):
                    yield answer
                    continue
                entries += parse_feed(answer.content, answer.url, spec.label).entries
        except FeedError as exc:
            yield WebRejection(spec.url, Msg.BAD_FEED.format(url=spec.url, error=exc))
            return
        complete = yield from self._articles(entries, feed=spec.url)
        if complete:
            self.done.append(_FeedDone(spec.url, fetched, len(entries), spec, feed.title))

    def _articles(
        self, entries: list[Entry], feed: str | None, fetched: dict[str, Fetched | WebRejection] | None = None
    ) -> Generator[Document | Rejection, None, bool]:
        """Fetch and extract the entries not yet handled; returns whether every one was settled."""
        complete = True
        normals = [(normalize_url(entry.url), entry) for entry in entries]
        known = self.store.known_urls(sorted({normal for normal, _ in normals}))
        for normal, entry in normals:
            if normal in self.seen:
                self.info.repeated += 1
                continue
            self.seen.add(normal)
            if normal in known:
                self.info.known += 1
                continue
            if self._stopped():
                return False
            answer = (fetched or {}).get(normal)
            if answer is None:
                self.info.fetched += 1
                answer = self.fetcher.get(entry.url)
            item = extract_article(answer, entry, self.fetcher.settings, self.read_settings)
            if isinstance(item, WebRejection):
                if item.transient:
                    complete = False  # the feed is read again next poll, and this entry retried
                else:
                    self.store.mark_url(normal, item.reason, feed)
                yield item
                continue
            if self.store.has_text(item.text):  # the same article under another URL
                self.info.known += 1
                self.store.mark_url(normal, "same text as a stored document", feed)
                continue
            yield item
        return complete


def _timed(items: Iterable[Document | Rejection], info: PollInfo) -> Iterator[Document | Rejection]:
    """``items`` as they come, adding the time spent producing them (fetching, extracting) to
    ``info.fetch_seconds``: the ingest pulls them between coding batches, so the rest is coding."""
    walk = iter(items)
    while True:
        start = time.perf_counter()
        item = next(walk, None)
        info.fetch_seconds += time.perf_counter() - start
        if item is None:
            return
        yield item


def _is_feed(fetched: Fetched) -> bool:
    ctype = fetched.content_type.split(";", 1)[0].strip().lower()
    if ctype in ("text/html", "application/xhtml+xml"):
        return False
    return looks_like_feed(fetched.content)


def poll(
    store: Store,
    feeds: Iterable[FeedSpec] = (),
    urls: Iterable[str] = (),
    targets: Iterable[str] = (),
    pipeline: Pipeline | None = None,
    fetcher: Fetcher | None = None,
    read_settings: ReadSettings | None = None,
    workers: int = 1,
    stop: threading.Event | None = None,
    on_document: Callable[[Document | Rejection], None] | None = None,
) -> PollInfo:
    """Read ``feeds`` (conditionally), article ``urls`` and ``targets`` (URLs that may be a feed, a
    sitemap or an article); code and store what is new. ``stop`` ends it between articles."""
    info = PollInfo()
    start = time.perf_counter()
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    walk = _Poll(store, fetcher, read_settings or ReadSettings(), info, stop or threading.Event())
    try:
        info.ingest = ingest_items(
            _timed(walk.items(list(feeds), list(urls), list(targets)), info), store, pipeline, on_document, workers
        )
    finally:
        if own:
            fetcher.close()
    for done in walk.done:  # every entry of these feeds is stored or settled: the next poll may ask for changes
        store.save_feed_state(
            done.url,
            done.fetched.etag,
            done.fetched.last_modified,
            done.fetched.status,
            done.entries,
            done.spec.label,
            done.spec.country,
            done.title,
        )
    info.seconds = time.perf_counter() - start
    return info


def watch(
    store: Store,
    feeds: Callable[[], list[FeedSpec]] | list[FeedSpec],
    every: float,
    pipeline: Pipeline | None = None,
    fetcher: Fetcher | None = None,
    read_settings: ReadSettings | None = None,
    workers: int = 1,
    stop: threading.Event | None = None,
    on_poll: Callable[[PollInfo, float], None] | None = None,
    polls: int | None = None,
) -> int:
    """Poll ``feeds`` every ``every`` seconds until ``stop`` is set (or ``polls`` polls are done);
    ``on_poll(info, next_poll)`` hears of each poll (``next_poll`` a ``time.time()``). ``feeds``
    may be a function, asked before each poll (a feed list edited while watching takes effect).
    Returns the number of polls."""
    stop = stop or threading.Event()
    own = fetcher is None
    fetcher = fetcher or Fetcher()
    done = 0
    try:
        while not stop.is_set():
            started = time.monotonic()
            info = poll(
                store,
                feeds() if callable(feeds) else feeds,
                pipeline=pipeline,
                fetcher=fetcher,
                read_settings=read_settings,
                workers=workers,
                stop=stop,
            )
            done += 1
            wait = max(0.0, every - (time.monotonic() - started))
            if on_poll:
                on_poll(info, time.time() + wait)
            if polls is not None and done >= polls:
                break
            stop.wait(wait)
    finally:
        if own:
            fetcher.close()
    return done
