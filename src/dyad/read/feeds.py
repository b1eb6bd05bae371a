"""Feeds and sitemaps: RSS 0.9x/1.0/2.0, Atom, JSON Feed and XML sitemaps into entries.

Parsing is safe by construction: lxml with no entity expansion, no DTD loading and no network,
so a hostile feed cannot read local files or make the parser fetch anything. A document that is
none of these formats, or is not well-formed, raises ``FeedError`` with a reason; callers turn it
into a ``Rejection``.

A feed list (``--feeds FILE``) has one feed a line: its URL, then optionally ``| label`` and
``| country`` (an ISO 3166 alpha-3 code); ``#`` starts a comment::

    https://www.un.org/press/en/feed | UN press | UNO
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

NS = {
    "atom": "http://www.w3.org/2005/Atom",
    "rss1": "http://purl.org/rss/1.0/",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "dc": "http://purl.org/dc/elements/1.1/",
    "sm": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "news": "http://www.google.com/schemas/sitemap-news/0.9",
}
MAX_ENTRIES = 5000  # per feed or sitemap: a bigger one is cut here (reported by the caller)


class FeedError(ValueError):
    """A document that is not a feed Dyad can read; the message is the reason."""


@dataclass(frozen=True)
class FeedSpec:
    """One line of a feed list: the URL and what the user says about it."""

    url: str
    label: str | None = None
    country: str | None = None


@dataclass(frozen=True)
class Entry:
    """An article a feed or sitemap points to."""

    url: str
    title: str | None = None
    date: str | None = None  # YYYY-MM-DD, from the entry (never the fetch time)
    source: str | None = None  # the outlet: the feed's label or title


@dataclass
class Feed:
    """A parsed feed: its kind (rss, atom, json, sitemap, sitemapindex), title and entries.

    For a sitemap index, ``sitemaps`` lists the child sitemaps to read."""

    kind: str
    title: str | None = None
    entries: list[Entry] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    truncated: bool = False


def read_feed_list(path: str | Path) -> list[FeedSpec]:
    """The feeds a list file names (see the module's doc); blank lines and comments skipped."""
    specs = []
    for raw in Path(path).read_text(encoding="utf-8-sig").splitlines():
        line = _strip_comment(raw)
        if not line:
            continue
        parts = [p.strip() for p in line.split("|")]
        url = parts[0].split()[0] if parts[0] else ""
        if not url:
            continue
        label = (parts[1] or None) if len(parts) > 1 else None
        country = (parts[2].upper() or None) if len(parts) > 2 else None
        specs.append(FeedSpec(url, label, country))
    return specs


def read_url_list(path: str | Path) -> list[str]:
    """Article URLs, one a line; blank lines and ``#`` comments skipped."""
    return [
        line.split()[0]
        for raw in Path(path).read_text(encoding="utf-8-sig").splitlines()
        if (line := _strip_comment(raw))
    ]


def _strip_comment(line: str) -> str:
    """A ``#`` preceded by whitespace (or at the start) begins a comment; one inside a URL does not."""
    return re.split(r"(?:^|\s)#", line, maxsplit=1)[0].strip()


def looks_like_feed(data: bytes) -> bool:
    """A cheap sniff: XML or JSON at the start (after a BOM and whitespace), not HTML."""
    head = data[:512].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return True
    if not head.startswith(b"<"):
        return False
    return not (head.startswith(b"<!doctype html") or head.startswith(b"<html"))


def parse_feed(data: bytes, url: str = "", label: str | None = None) -> Feed:
    """Parse a feed or sitemap; entry URLs are made absolute against ``url``."""
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return _parse_json_feed(data, url, label)
    root = _parse_xml(data)
    tag = _local(root.tag)
    if tag == "rss":
        return _parse_rss(root, url, label)
    if tag == "RDF":
        return _parse_rdf(root, url, label)
    if tag == "feed":
        return _parse_atom(root, url, label)
    if tag == "urlset":
        return _parse_urlset(root, url, label)
    if tag == "sitemapindex":
        feed = Feed("sitemapindex")
        feed.sitemaps = [urljoin(url, loc) for loc in _texts(root, "loc")][:MAX_ENTRIES]
        return feed
    raise FeedError(f"not a feed or sitemap (the document's root element is <{tag}>)")


def _parse_xml(data: bytes) -> Any:
    from lxml import etree

    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True
    )
    try:
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise FeedError(f"malformed XML ({exc})") from exc
    if root is None:
        raise FeedError("empty XML document")
    return root


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(node: Any, name: str) -> Iterator[Any]:
    for child in node:
        if _local(child.tag) == name:
            yield child


def _child_text(node: Any, *names: str) -> str | None:
    for name in names:
        for child in _children(node, name):
            text = "".join(child.itertext()).strip()
            if text:
                return text
    return None


def _texts(node: Any, name: str) -> list[str]:
    return [t for t in ("".join(el.itertext()).strip() for el in node.iter() if _local(el.tag) == name) if t]


def parse_date(value: str | None) -> str | None:
    """An RFC 822 (RSS) or ISO 8601 (Atom, JSON Feed, sitemaps) date as YYYY-MM-DD, else None."""
    if not value:
        return None
    value = value.strip()
    try:
        return dt.date.fromisoformat(value[:10]).isoformat()
    except ValueError:
        pass
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return parsed.date().isoformat() if parsed else None


def _entry(url: str | None, base: str, title: str | None, date: str | None, source: str | None) -> Entry | None:
    if not url:
        return None
    url = urljoin(base, url.strip())
    if not url.startswith(("http://", "https://")):
        return None
    return Entry(url=url, title=title, date=parse_date(date), source=source)


def _finish(feed: Feed, entries: list[Entry | None]) -> Feed:
    kept = [e for e in entries if e is not None]
    feed.truncated = len(kept) > MAX_ENTRIES
    feed.entries = kept[:MAX_ENTRIES]
    return feed


def _parse_rss(root: Any, url: str, label: str | None) -> Feed:
    channel = next(_children(root, "channel"), root)
    title = _child_text(channel, "title")
    source = label or title
    entries = []
    for item in _children(channel, "item"):
        link = _child_text(item, "link")
        if not link:  # a guid that is a permalink stands in for a missing link
            for guid in _children(item, "guid"):
                if guid.get("isPermaLink", "true").lower() == "true":
                    link = (guid.text or "").strip()
        entries.append(_entry(link, url, _child_text(item, "title"), _child_text(item, "pubDate", "date"), source))
    return _finish(Feed("rss", title=title), entries)


def _parse_rdf(root: Any, url: str, label: str | None) -> Feed:
    channel = next(_children(root, "channel"), None)
    title = _child_text(channel, "title") if channel is not None else None
    source = label or title
    entries = [
        _entry(
            _child_text(item, "link") or item.get(f"{{{NS['rdf']}}}about"),
            url,
            _child_text(item, "title"),
            _child_text(item, "date"),
            source,
        )
        for item in _children(root, "item")
    ]
    return _finish(Feed("rss", title=title), entries)


def _atom_link(entry: Any) -> str | None:
    fallback = None
    for link in _children(entry, "link"):
        rel = link.get("rel", "alternate")
        if rel == "alternate" and link.get("href"):
            return str(link.get("href"))
        fallback = fallback or link.get("href")
    return str(fallback) if fallback else None


def _parse_atom(root: Any, url: str, label: str | None) -> Feed:
    title = _child_text(root, "title")
    source = label or title
    entries = [
        _entry(
            _atom_link(item),
            url,
            _child_text(item, "title"),
            _child_text(item, "published", "updated", "issued", "modified"),
            source,
        )
        for item in _children(root, "entry")
    ]
    return _finish(Feed("atom", title=title), entries)


def _parse_urlset(root: Any, url: str, label: str | None) -> Feed:
    entries = []
    for node in _children(root, "url"):
        news = next((el for el in node.iter() if _local(el.tag) == "news"), None)
        title = date = name = None
        if news is not None:
            title = _child_text(news, "title")
            date = _child_text(news, "publication_date")
            publication = next(_children(news, "publication"), None)
            name = _child_text(publication, "name") if publication is not None else None
        entries.append(
            _entry(_child_text(node, "loc"), url, title, date or _child_text(node, "lastmod"), label or name)
        )
    return _finish(Feed("sitemap"), entries)


def _parse_json_feed(data: bytes, url: str, label: str | None) -> Feed:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise FeedError(f"malformed JSON ({exc})") from exc
    if not isinstance(doc, dict) or not str(doc.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise FeedError("JSON that is not a JSON Feed (no jsonfeed.org version)")
    title = doc.get("title") if isinstance(doc.get("title"), str) else None
    source = label or title
    items = doc.get("items")
    if not isinstance(items, list):
        items = []
    entries = []
    for item in items:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        entries.append(
            _entry(
                link if isinstance(link, str) else None,
                url,
                item.get("title") if isinstance(item.get("title"), str) else None,
                item.get("date_published") if isinstance(item.get("date_published"), str) else None,
                source,
            )
        )
    return _finish(Feed("json", title=title), entries)
