"""What the routes share: the query patterns the spec promises, the store and its mirror per request,
and the dashboard's filter as one dependency."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fastapi import HTTPException, Query, Request

from dyad.errors import DyadError
from dyad.store import Store
from dyad.store.views import MirrorView, ViewFilter

PAGE_LIMIT = 500
MAX_UPLOAD = 20_000_000
MAX_OFFSET = 100_000_000
MAX_URL = 8_192  # characters of path and query: filters are short; longer is abuse
#: Query patterns, so that the spec says what the server accepts (clients and fuzzers can trust it).
DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
DYAD = r"^[A-Za-z0-9]{2,8}-[A-Za-z0-9]{2,8}$"
TYPES = r"^[A-Za-z_]{1,20}(,[A-Za-z_]{1,20}){0,30}$"
QUADS = r"^[0-4](,[0-4]){0,4}$"
CODE = r"^[A-Za-z0-9]{2,8}$"
#: How long a request waits for an ingest's write transaction to let go of the database.
READ_WAIT_SECONDS = 15.0


def store(request: Request) -> Iterator[Store]:
    """The database, read-only, held for this request only (an ingest may write between requests)."""
    try:
        s = Store(request.app.state.db_path, read_only=True, shared=True, wait=READ_WAIT_SECONDS)
    except DyadError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
    try:
        yield s
    finally:
        s.close()


def mirror(request: Request) -> Iterator[MirrorView]:
    """The app's in-memory copy of the store for the aggregate views, as new as the store's last commit."""
    try:
        view = request.app.state.mirror.view()
    except DyadError as exc:
        raise HTTPException(status_code=503, detail=str(exc)) from exc
    try:
        yield view
    finally:
        view.close()


def view_filter(
    dyad: str | None = Query(None, pattern=DYAD, description="Both sides, either direction: TUR-MYS"),
    actor: str | None = Query(None, max_length=8, description="An actor code on either side"),
    since: str | None = Query(None, pattern=DATE),
    until: str | None = Query(None, pattern=DATE),
    q: str | None = Query(None, max_length=200, description="Words in the evidence sentence"),
    types: str | None = Query(None, pattern=TYPES, description="Event types, comma-separated"),
    quad: str | None = Query(None, pattern=QUADS, description="Quad classes 0-4, comma-separated"),
    country: str | None = Query(None, pattern=CODE, description="Where it happened (ISO alpha-3)"),
    source: str | None = Query(None, max_length=200, description="The articles' source"),
) -> ViewFilter:
    """The dashboard's filter bar: every view accepts it and narrows alike."""
    return ViewFilter.parse(
        dyad=dyad, actor=actor, since=since, until=until, text=q, types=types, quad=quad, country=country, source=source
    )


def with_extra(f: ViewFilter, **fields: Any) -> ViewFilter:
    """``f`` with more fields set (those not None)."""
    return ViewFilter(**{**f.__dict__, **{k: v for k, v in fields.items() if v not in (None, "")}})
