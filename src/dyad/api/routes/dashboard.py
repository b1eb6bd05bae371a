"""The dashboard's aggregate views, read from the app's in-memory mirror of the store: the timeline,
the network, top dyads, the map's countries and places, and what the filter bar offers."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query

from dyad.api.deps import mirror, view_filter
from dyad.api.render import records
from dyad.store import views
from dyad.store.views import MirrorView, ViewFilter

router = APIRouter(prefix="/api")


@router.get("/timeline", summary="Counts and Goldstein per period and quad class, under the filter")
def timeline(
    interval: str = Query("month", pattern="^(day|week|month|year)$"),
    f: ViewFilter = Depends(view_filter),
    m: MirrorView = Depends(mirror),
) -> dict[str, Any]:
    return {"interval": interval, "series": records(views.timeline(m, f, interval=interval))}


@router.get("/network", summary="Countries as nodes, their interactions as edges")
def network(
    min_count: int = Query(1, ge=1, le=100_000),
    f: ViewFilter = Depends(view_filter),
    m: MirrorView = Depends(mirror),
) -> dict[str, Any]:
    return views.network(m, f, min_count=min_count)


@router.get("/dyads", summary="The most active dyads")
def dyads(
    limit: int = Query(20, ge=1, le=500),
    f: ViewFilter = Depends(view_filter),
    m: MirrorView = Depends(mirror),
) -> dict[str, Any]:
    return {"dyads": records(views.top_dyads(m, f, limit=limit))}


@router.get("/places", summary="Located events for the map")
def places(
    limit: int = Query(2000, ge=1, le=20_000),
    f: ViewFilter = Depends(view_filter),
    m: MirrorView = Depends(mirror),
) -> dict[str, Any]:
    return {"places": records(views.places(m, f, limit=limit))}


@router.get("/countries", summary="Events per country where they happened, for the map's shading")
def countries(f: ViewFilter = Depends(view_filter), m: MirrorView = Depends(mirror)) -> dict[str, Any]:
    return {"countries": records(views.countries(m, f))}


@router.get("/topics", summary="The themes of the filtered events, most frequent first")
def topics(
    limit: int = Query(30, ge=1, le=500),
    f: ViewFilter = Depends(view_filter),
    m: MirrorView = Depends(mirror),
) -> dict[str, Any]:
    return {"topics": records(views.topics(m, f, limit=limit))}


@router.get("/facets", summary="What the filters offer (event types, sources, the date range) and the counts")
def facets(m: MirrorView = Depends(mirror)) -> dict[str, Any]:
    return {**views.facets(m), "counts": m.counts}
