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

import itertools
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

from dyad.errors import Msg
from dyad.ingest import IngestInfo, ingest_items
from dyad.model import Document, Rejection
from dyad.pipeline import Pipeline
from dyad.read import ReadSettings
from dyad.read.feeds import Entry, FeedError, FeedSpec, looks_like_feed, parse_feed
from dyad.read.web import Fetched, Fetcher, WebRejection, extract_article, normalize_url, origin_of
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


@dataclass
class _Pending:
    """An article to fetch: its normalised URL, its entry, the feed that listed it first (None: an
    article URL given as such) and, for a URL already fetched to see what it was, the answer."""

    normal: str
    entry: Entry
    feed: str | None
    answer: Fetched | WebRejection | None = None


T = TypeVar("T")
R = TypeVar("R")


class _Poll:
    """One poll's walk over its sources, yielding documents and rejections to the ingest.

    Every feed is read first (several hosts at once), then the new articles of all of them are
    fetched in turns across hosts, so that each host is asked one thing at a time while others
    are asked theirs; what is yielded comes in that planned order, whatever the network's timing."""

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
        self._open: dict[str, _FeedDone] = {}  # feeds with entries not yet settled
        self._left: dict[str, int] = {}  # of those, how many entries are not settled
        self._failed: set[str] = set()  # feeds with an entry that failed for now: read again next poll

    def items(
        self, feeds: Iterable[FeedSpec], urls: Iterable[str], targets: Iterable[str]
    ) -> Iterator[Document | Rejection]:
        specs = list(feeds)
        states = {spec.url: self.store.feed_state(spec.url) or {} for spec in specs}

        def ask(spec: FeedSpec) -> Fetched | WebRejection:
            state = states[spec.url]
            return self.fetcher.get(spec.url, state.get("etag"), state.get("last_modified"))

        plan: list[_Pending] = []
        for spec, fetched in self._ahead(specs, ask, lambda spec: spec.url):
            yield from self._read_feed(spec, fetched, plan)
        if self._stopped():
            return
        plan += self._pending([Entry(url) for url in urls], feed=None)
        yield from self._articles(plan)
        for url in targets:  # URLs given as arguments: a feed or sitemap, else an article
            if self._stopped():
                return
            yield from self._target(url)

    def _stopped(self) -> bool:
        if self.stop.is_set():
            self.info.stopped = True
        return self.info.stopped

    def _ahead(self, items: list[T], work: Callable[[T], R], url: Callable[[T], str]) -> Iterator[tuple[T, R]]:
        """Each item with ``work`` done on it, in the items' order, until stopped. With
        ``hosts_at_once`` over 1 the work runs in threads, one item of a host at a time: a host's
        next item is started when its previous one is taken, so no host is asked two things at
        once. After a stop nothing is started; what was under way is finished and yielded."""
        workers = self.fetcher.settings.hosts_at_once
        if workers <= 1 or len(items) <= 1:
            for item in items:
                if self._stopped():
                    return
                yield item, work(item)
            return
        queues: dict[str, deque[int]] = {}
        for n, item in enumerate(items):
            queues.setdefault(origin_of(url(item)), deque()).append(n)
        started: dict[int, Future[R]] = {}
        pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="dyad-fetch")

        def start(origin: str) -> None:
            queue = queues[origin]
            if queue and not self.stop.is_set():
                n = queue.popleft()
                started[n] = pool.submit(work, items[n])

        try:
            for origin in queues:
                start(origin)
            for n, item in enumerate(items):
                future = started.pop(n, None)
                if future is None:  # stopped before its host's turn came: left for the next poll
                    self._stopped()
                    continue
                result = future.result()  # once stopped, what was under way is finished and kept
                start(origin_of(url(item)))
                yield item, result
        finally:  # a consumer that stopped reading leaves what is under way to finish unread
            pool.shutdown(wait=False, cancel_futures=True)

    def _read_feed(
        self, spec: FeedSpec, fetched: Fetched | WebRejection, plan: list[_Pending]
    ) -> Iterator[Document | Rejection]:
        """Parse a fetched feed (and the child sitemaps of a sitemap index); its entries not yet
        handled join ``plan``."""
        self.info.feeds += 1
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
        done = _FeedDone(spec.url, fetched, len(entries), spec, feed.title)
        pending = self._pending(entries, spec.url)
        if pending:
            self._open[spec.url], self._left[spec.url] = done, len(pending)
            plan += pending
        else:
            self.done.append(done)

    def _pending(self, entries: list[Entry], feed: str | None) -> list[_Pending]:
        """The entries not yet handled: not stored, not rejected for good, not listed before in this poll."""
        normals = [(normalize_url(entry.url), entry) for entry in entries]
        known = self.store.known_urls(sorted({normal for normal, _ in normals}))
        pending = []
        for normal, entry in normals:
            if normal in self.seen:
                self.info.repeated += 1
                continue
            self.seen.add(normal)
            if normal in known:
                self.info.known += 1
                continue
            pending.append(_Pending(normal, entry, feed))
        return pending

    def _target(self, url: str) -> Iterator[Document | Rejection]:
        normal = normalize_url(url)
        if normal in self.seen or self.store.known_urls([normal]):
            self.info.known += 1
            return
        self.seen.add(normal)
        state = self.store.feed_state(url) or {}
        fetched = self.fetcher.get(url, state.get("etag"), state.get("last_modified"))
        plan: list[_Pending] = []
        if isinstance(fetched, Fetched) and (fetched.not_modified or _is_feed(fetched)):
            self.seen.discard(normal)
            yield from self._read_feed(FeedSpec(url), fetched, plan)
        else:
            self.info.fetched += 1
            plan.append(_Pending(normal, Entry(url), None, fetched))
        yield from self._articles(plan)

    def _extract(self, pending: _Pending) -> Document | WebRejection:
        answer = pending.answer if pending.answer is not None else self.fetcher.get(pending.entry.url)
        return extract_article(answer, pending.entry, self.fetcher.settings, self.read_settings)

    def _articles(self, plan: list[_Pending]) -> Iterator[Document | Rejection]:
        """Fetch and extract the planned articles, in turns across hosts; a feed is done once every
        entry it listed is stored or rejected for good."""
        for pending, item in self._ahead(_in_turns(plan), self._extract, lambda pending: pending.entry.url):
            if pending.answer is None:
                self.info.fetched += 1
            if isinstance(item, WebRejection):
                if not item.transient:
                    self.store.mark_url(pending.normal, item.reason, pending.feed)
                self._settled(pending.feed, failed=item.transient)  # a failure for now is retried next poll
                yield item
                continue
            if self.store.has_text(item.text):  # the same article under another URL
                self.info.known += 1
                self.store.mark_url(pending.normal, "same text as a stored document", pending.feed)
                self._settled(pending.feed)
                continue
            self._settled(pending.feed)
            yield item

    def _settled(self, feed: str | None, failed: bool = False) -> None:
        if feed is None or feed not in self._open:
            return
        if failed:
            self._failed.add(feed)
        self._left[feed] -= 1
        if not self._left[feed] and feed not in self._failed:
            self.done.append(self._open.pop(feed))


def _in_turns(plan: list[_Pending]) -> list[_Pending]:
    """The plan reordered in turns: the first article of each host, then the second of each, ..."""
    by_host: dict[str, list[_Pending]] = {}
    for pending in plan:
        by_host.setdefault(origin_of(pending.entry.url), []).append(pending)
    return [p for turn in itertools.zip_longest(*by_host.values()) for p in turn if p is not None]


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
