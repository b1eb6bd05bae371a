"""Polite fetching of feeds and article pages, URL normalisation and article extraction.

Dyad reaches the network only here, and only for URLs the user gave (or feeds they listed point
to). The ``Fetcher`` is deliberately slow and well-behaved:

* one identifying User-Agent; robots.txt respected (RFC 9309: a missing robots.txt allows all, an
  unreachable one allows nothing for now), its Crawl-delay honoured;
* one request at a time per host (a ``Fetcher`` may be shared by threads, each fetching from its
  own host: ``hosts_at_once``), at least ``min_delay`` seconds apart;
* conditional GET (ETag / Last-Modified) for feeds; timeouts on every request and a wall-clock
  limit on every download;
* bounded retries with exponential backoff on 429 and 5xx and on timeouts, honouring Retry-After
  (a wait longer than ``max_retry_after`` is a rejection to retry next time, not a stall);
* a size limit checked against Content-Length before downloading and while streaming;
* redirects followed by hand, bounded, loops detected.

Nothing here raises on a bad URL or a bad answer: each becomes a ``WebRejection`` naming the URL
and the reason; ``transient`` ones (timeouts, 5xx, 429) are worth trying again later.
"""

from __future__ import annotations

import contextlib
import email.utils
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

from dyad.errors import Msg
from dyad.model import Document, Rejection
from dyad.read.feeds import Entry
from dyad.read.readers import BINARY_MAGIC, ReadSettings, read_text_document

HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = (301, 302, 303, 307, 308)
RETRY_STATUSES = (429, 500, 502, 503, 504)
ROBOTS_TTL = 24 * 3600.0  # seconds a host's robots.txt is trusted before it is read again
MAX_CRAWL_DELAY = 60.0  # a robots.txt Crawl-delay is honoured up to this


def _default_agent() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        v = version("dyad")
    except PackageNotFoundError:  # pragma: no cover - a source checkout without install
        v = "0"
    return f"Dyad/{v} (news event coder; set your contact with --user-agent)"


@dataclass(frozen=True)
class FetchSettings:
    """How Dyad fetches (every limit is a setting; the defaults are polite)."""

    user_agent: str = ""  # empty: Dyad/<version> (...)
    timeout: float = 20.0  # seconds per connect/read
    total_timeout: float = 120.0  # seconds for a whole download, however slowly it trickles
    min_delay: float = 2.0  # seconds between two requests to one host
    max_bytes: int = 5_000_000  # per response, after decompression
    max_redirects: int = 5
    retries: int = 2  # tries after the first, on 429, 5xx and timeouts
    backoff: float = 2.0  # seconds before the first retry, doubled for each next one
    max_retry_after: float = 120.0  # a longer Retry-After is a transient rejection
    respect_robots: bool = True
    min_words: int = 40  # article text shorter than this is a stub (paywall, teaser, no article)
    hosts_at_once: int = 4  # hosts fetched from at the same time (each one request at a time)

    def agent(self) -> str:
        return self.user_agent or _default_agent()


@dataclass
class WebRejection(Rejection):
    """A URL that gave no document, and why; ``transient`` when trying later may succeed."""

    transient: bool = False
    status: int | None = None  # the HTTP status that refused it, if one did


@dataclass
class Fetched:
    """An answer: the final URL (after redirects), status, body and the validators to send next time."""

    url: str
    status: int
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    location: str | None = None  # of a redirect
    retry_after: str | None = None  # of a 429 or 5xx

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def normalize_url(url: str) -> str:
    """The URL Dyad stores and compares: scheme and host lower-cased, default port, fragment and
    tracking parameters (utm_*, fbclid, gclid, ...) dropped, query parameters sorted (courlan)."""
    from courlan import normalize_url as courlan_normalize

    url = url.strip()
    try:
        normal = courlan_normalize(url, strict=False)
    except (ValueError, AttributeError):
        normal = url
    parts = urlsplit(normal)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def web_id(url: str) -> str:
    """A stable document id for an article URL: its host and a hash of the normalised URL."""
    host = urlsplit(url).hostname or "web"
    return f"{host}-{hashlib.sha1(url.encode('utf-8')).hexdigest()[:12]}"


def origin_of(url: str) -> str:
    """The scheme, host and port of ``url``: what politeness counts as one site."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _retry_after(value: str | None) -> float | None:
    """Retry-After as seconds: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return max(0.0, when.timestamp() - time.time()) if when else None


class _TooLarge(Exception):
    pass


class Fetcher:
    """One polite HTTP client (see the module's doc). Use as a context manager, or ``close()``.

    ``sleep`` and ``clock`` are the waiting and the time it uses (tests pass their own)."""

    def __init__(
        self,
        settings: FetchSettings | None = None,
        client: Any = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        import httpx

        self.settings = settings or FetchSettings()
        self.agent = self.settings.agent()
        self.client = client or httpx.Client(
            headers={"User-Agent": self.agent},
            follow_redirects=False,
            trust_env=False,
            timeout=httpx.Timeout(self.settings.timeout),
        )
        self.sleep = sleep
        self.clock = clock
        self._last: dict[str, float] = {}  # host -> when its last request ended
        self._robots: dict[str, tuple[float, RobotFileParser | None, str | None]] = {}
        self._turns: dict[str, threading.RLock] = {}  # host -> held while a request to it is under way
        self._lock = threading.Lock()  # guards _turns and requests
        self.requests = 0

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # --- politeness ------------------------------------------------------------------------------

    def _robots_for(self, url: str) -> tuple[RobotFileParser | None, str | None]:
        """The host's robots rules (None: everything allowed), or an error when it could not be read."""
        host = origin_of(url)
        cached = self._robots.get(host)
        if cached and self.clock() - cached[0] < ROBOTS_TTL:
            return cached[1], cached[2]
        rules: RobotFileParser | None = None
        error: str | None = None
        answer = self._follow(host + "/robots.txt", {}, retries=0, max_bytes=500_000, robots=False)
        if isinstance(answer, WebRejection) and not (answer.status and 400 <= answer.status < 500):
            error = answer.reason.split(": ", 1)[-1]
        elif isinstance(answer, Fetched) and answer.status == 200:
            rules = RobotFileParser()
            rules.parse(answer.content.decode("utf-8", "replace").splitlines())
        # 4xx: no robots.txt, everything allowed (RFC 9309 2.3.1.3)
        if error is None:  # an unreachable robots.txt is asked for again next time
            self._robots[host] = (self.clock(), rules, error)
        return rules, error

    def _token(self) -> str:
        return self.agent.split("/", 1)[0].split()[0] if self.agent else "*"

    def allowed(self, url: str) -> WebRejection | None:
        """None when robots.txt lets Dyad fetch ``url``; else the rejection."""
        if not self.settings.respect_robots:
            return None
        rules, error = self._robots_for(url)
        if error:
            return WebRejection(url, Msg.FETCH_ROBOTS_UNREACHABLE.format(url=url, error=error), transient=True)
        if rules is not None and not rules.can_fetch(self._token(), url):
            return WebRejection(url, Msg.FETCH_ROBOTS.format(url=url, agent=self._token()))
        return None

    def _turn(self, url: str) -> threading.RLock:
        """The host's lock: whoever holds it is the one fetching from that host (re-entrant, as a
        request first reads the host's robots.txt)."""
        host = origin_of(url)
        with self._lock:
            return self._turns.setdefault(host, threading.RLock())

    def _wait_turn(self, url: str) -> None:
        host = origin_of(url)
        delay = self.settings.min_delay
        cached = self._robots.get(host)
        if cached and cached[1] is not None:
            crawl = cached[1].crawl_delay(self._token())
            if crawl:
                delay = max(delay, min(float(crawl), MAX_CRAWL_DELAY))
        last = self._last.get(host)
        if last is not None:
            wait = last + delay - self.clock()
            if wait > 0:
                self.sleep(wait)

    # --- fetching --------------------------------------------------------------------------------

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Fetched | WebRejection:
        """GET ``url`` politely; a 304 comes back as a ``Fetched`` with ``not_modified``."""
        if urlsplit(url).scheme not in ("http", "https") or not urlsplit(url).hostname:
            return WebRejection(url, Msg.BAD_URL.format(url=url))
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._follow(url, headers, self.settings.retries, self.settings.max_bytes)

    def _follow(
        self, url: str, headers: dict[str, str], retries: int, max_bytes: int, robots: bool = True
    ) -> Fetched | WebRejection:
        """``_get`` through at most ``max_redirects`` redirects, each hop checked against robots.txt."""
        visited = {url}
        current = url
        for _ in range(self.settings.max_redirects + 1):
            answer = self._get(current, headers, retries=retries, max_bytes=max_bytes, robots=robots)
            if isinstance(answer, WebRejection):
                if current != url:
                    answer.reason = f"{url} -> {answer.reason}"
                    answer.origin = url
                return answer
            if answer.status not in REDIRECTS:
                return answer
            target = urljoin(current, answer.location or "")
            if target in visited:
                return WebRejection(url, Msg.FETCH_REDIRECT_LOOP.format(url=url, target=target))
            visited.add(target)
            current = target
        return WebRejection(url, Msg.FETCH_REDIRECTS.format(url=url, limit=self.settings.max_redirects))

    def _get(
        self, url: str, headers: dict[str, str], retries: int, max_bytes: int, robots: bool = True
    ) -> Fetched | WebRejection:
        with self._turn(url):  # one request at a time to a host, its delays and retries included
            return self._get_in_turn(url, headers, retries, max_bytes, robots)

    def _get_in_turn(
        self, url: str, headers: dict[str, str], retries: int, max_bytes: int, robots: bool
    ) -> Fetched | WebRejection:
        import httpx

        if robots:
            refused = self.allowed(url)
            if refused:
                return refused
        tries = 0
        while True:
            tries += 1
            self._wait_turn(url)
            with self._lock:
                self.requests += 1
            note = f" ({tries} tries)" if tries > 1 else ""
            try:
                answer = self._download(url, headers, max_bytes)
            except _TooLarge:
                return WebRejection(url, Msg.FETCH_TOO_LARGE.format(url=url, limit=max_bytes))
            except httpx.TimeoutException:
                failure = WebRejection(
                    url, Msg.FETCH_TIMEOUT.format(url=url, timeout=self.settings.timeout, tries=note), transient=True
                )
                wait = None
            except (httpx.HTTPError, OSError, ValueError) as exc:
                failure = WebRejection(
                    url,
                    Msg.FETCH_ERROR.format(
                        url=url, error=type(exc).__name__ + (f": {exc}" if str(exc) else ""), tries=note
                    ),
                    transient=True,
                )
                wait = None
            else:
                if answer.status in RETRY_STATUSES:
                    wait = _retry_after(answer.retry_after)
                    failure = WebRejection(
                        url,
                        Msg.FETCH_STATUS.format(url=url, status=answer.status, tries=note),
                        transient=True,
                        status=answer.status,
                    )
                    if wait is not None and wait > self.settings.max_retry_after:
                        return WebRejection(
                            url,
                            Msg.FETCH_RETRY_AFTER.format(
                                url=url, status=answer.status, seconds=wait, limit=self.settings.max_retry_after
                            ),
                            transient=True,
                            status=answer.status,
                        )
                elif answer.status >= 400:
                    return WebRejection(
                        url,
                        Msg.FETCH_STATUS.format(url=url, status=answer.status, tries=note),
                        transient=False,
                        status=answer.status,
                    )
                else:
                    return answer
            finally:
                self._last[origin_of(url)] = self.clock()
            if tries > retries:
                return failure
            self.sleep(wait if wait is not None else self.settings.backoff * 2 ** (tries - 1))

    def _download(self, url: str, headers: dict[str, str], max_bytes: int) -> Fetched:
        start = self.clock()
        with self.client.stream("GET", url, headers=headers) as response:
            status = response.status_code
            if status in REDIRECTS:
                return Fetched(url, status, location=response.headers.get("location"))
            if status in RETRY_STATUSES:
                return Fetched(url, status, retry_after=response.headers.get("retry-after"))
            if status >= 300:
                return Fetched(url, status)
            declared = response.headers.get("content-length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise _TooLarge
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise _TooLarge
                if self.clock() - start > self.settings.total_timeout:
                    import httpx

                    raise httpx.ReadTimeout("the download took too long")
                chunks.append(chunk)
            return Fetched(
                url,
                status,
                b"".join(chunks),
                response.headers.get("content-type", ""),
                response.headers.get("etag"),
                response.headers.get("last-modified"),
            )


def _not_html(fetched: Fetched) -> str | None:
    """What the body is when it is not an HTML page (by Content-Type, then by its first bytes)."""
    for magic, what in BINARY_MAGIC.items():
        if fetched.content.startswith(magic):
            return what
    ctype = fetched.content_type.split(";", 1)[0].strip().lower()
    if ctype in ("application/octet-stream", "binary/octet-stream"):  # a server that does not say: look
        head = fetched.content[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
        return None if head.startswith((b"<!doctype html", b"<html", b"<head", b"<body")) else ctype
    if ctype and ctype not in HTML_TYPES:
        return ctype
    return None


def extract_article(
    fetched: Fetched | WebRejection,
    entry: Entry,
    settings: FetchSettings | None = None,
    read_settings: ReadSettings | None = None,
) -> Document | WebRejection:
    """The article at ``entry.url`` as a Document: main text by trafilatura; title, date and source
    from the feed entry, else the page's metadata (never the time it was fetched)."""
    import trafilatura

    settings = settings or FetchSettings()
    url = entry.url
    if isinstance(fetched, WebRejection):
        return fetched
    what = _not_html(fetched)
    if what:
        return WebRejection(url, Msg.FETCH_NOT_HTML.format(url=url, what=what))
    options: dict[str, Any] = {
        "url": fetched.url,
        "include_comments": False,
        "include_tables": False,
        "favor_precision": True,
    }
    # trafilatura's own extractor alone (fast) finds the text of most article pages at a third of
    # the cost; a page where it finds nothing or a stub is read again with its fallbacks
    # (readability, jusText) compared, so a layout that defeats it still gives its text
    text = trafilatura.extract(fetched.content, fast=True, **options)
    if not text or len(text.split()) < settings.min_words:
        text = trafilatura.extract(fetched.content, **options) or text
    if not text:
        return WebRejection(url, Msg.FETCH_NO_TEXT.format(url=url))
    words = len(text.split())
    if words < settings.min_words:
        return WebRejection(url, Msg.FETCH_STUB.format(url=url, words=words, limit=settings.min_words))
    meta = None
    if not (entry.date and entry.title and entry.source):  # the page is parsed again only for what the feed lacks
        with contextlib.suppress(Exception):  # metadata is a bonus: a page that confuses it keeps its text
            meta = trafilatura.extract_metadata(fetched.content, default_url=fetched.url)
    date = entry.date or (meta.date if meta is not None and meta.date else None)
    title = entry.title or (meta.title if meta is not None else None)
    source = entry.source or (meta.sitename if meta is not None and meta.sitename else None) or urlsplit(url).hostname
    normal = normalize_url(url)
    item = read_text_document(
        text,
        doc_id=web_id(normal),
        origin=url,
        settings=read_settings,
        date=date,
        title=title,
        url=normal,
        source=source,
    )
    if isinstance(item, Rejection) and not isinstance(item, WebRejection):
        return WebRejection(item.origin, item.reason)
    return item
