"""Events (each mention, or one row per real event), quotes, commitments, the actor memory, counts."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from dyad.api.deps import MAX_OFFSET, PAGE_LIMIT, mirror, store, view_filter, with_extra
from dyad.api.render import COMMITMENT_JSON, EVENT_JSON, QUOTE_JSON, records
from dyad.store import Store, views
from dyad.store.views import MirrorView, ViewFilter

router = APIRouter(prefix="/api")


@router.get("/stats", summary="Counts: documents, events, quotes, commitments, event types, top dyads")
def stats(s: Store = Depends(store)) -> dict[str, Any]:
    return s.stats()


@router.get("/events", summary="Events, filtered, searched, sorted and paginated")
def events(
    event: str | None = Query(None, max_length=20),
    cameo: str | None = Query(None, max_length=4),
    doc_id: str | None = Query(None, max_length=200),
    directed: bool = False,
    sort: str = Query("date", pattern="^(date|confidence|goldstein)$"),
    limit: int = Query(50, ge=1, le=PAGE_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    f: ViewFilter = Depends(view_filter),
    s: Store = Depends(store),
) -> dict[str, Any]:
    f = with_extra(f, event=event, cameo=cameo, doc_id=doc_id, directed=directed or None)
    frame, total = views.events(s, f, sort=sort, limit=limit, offset=offset)
    return {"total": total, "limit": limit, "offset": offset, "events": records(frame, EVENT_JSON)}


@router.get("/canonical", summary="One real event, one row: mentions clustered across articles")
def canonical(
    limit: int = Query(100, ge=1, le=PAGE_LIMIT),
    mutual: bool = Query(False, description="A meeting of A and B and of B and A is one row"),
    evidence: int = Query(12, ge=0, le=100, description="Mentions listed per row, at most"),
    doc_id: str | None = Query(None, max_length=200, description="The events of one article"),
    f: ViewFilter = Depends(view_filter),
    m: MirrorView = Depends(mirror),
) -> dict[str, Any]:
    f = with_extra(f, doc_id=doc_id)
    total = views.count(m, f)
    return {"total": total, "events": views.canonical(m, f, mutual, limit, evidence, matching=total)}


@router.get("/mentions", summary="Event mentions by id (doc_id:event_id, comma-separated), as canonical evidence")
def mentions(
    ids: str = Query(..., max_length=4000, description="A canonical row's members: doc_id:event_id,..."),
    m: MirrorView = Depends(mirror),
) -> dict[str, Any]:
    return {"mentions": views.mentions(m, [i for i in ids.split(",") if i][:100])}


@router.get("/quotes", summary="Quotes with speakers (actor: the speaker), under the filter's dates, source, words")
def quotes(
    speaker: str | None = Query(None, max_length=8, description="The speaker's code (as actor)"),
    limit: int = Query(50, ge=1, le=PAGE_LIMIT),
    f: ViewFilter = Depends(view_filter),
    m: MirrorView = Depends(mirror),
) -> dict[str, Any]:
    f = with_extra(f, actor=speaker)
    return {"quotes": records(views.quotes(m, f, limit=limit), QUOTE_JSON)}


@router.get("/commitments", summary="Pledges, intentions and agreements, with their status, under the filter")
def commitments(
    status: str | None = Query(None, pattern="^(open|fulfilled|broken)$"),
    limit: int = Query(100, ge=1, le=PAGE_LIMIT),
    f: ViewFilter = Depends(view_filter),
    m: MirrorView = Depends(mirror),
) -> dict[str, Any]:
    frame = views.commitments(m, f, status=status, limit=limit)
    return {"commitments": records(frame, COMMITMENT_JSON)}


@router.get("/actors", summary="The actor memory: learned and user-added actors")
def actors(q: str | None = Query(None, max_length=100), s: Store = Depends(store)) -> dict[str, Any]:
    return {"actors": records(s.aliases(search=q))}
