"""The HTTP API and dashboard: one ASGI app over the store's library functions.

Every dashboard view reads a JSON endpoint under ``/api/`` (its JSON twin); the OpenAPI spec is at
``/openapi.json``. The app is read-only unless a write token is configured; then ``POST
/api/ingest`` accepts articles with ``Authorization: Bearer <token>``.
"""

from __future__ import annotations

import json
import tempfile
import threading
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

from dyad.errors import DyadError
from dyad.export import json_value
from dyad.store import Store, views
from dyad.store.views import ViewFilter

PAGE_LIMIT = 500
MAX_UPLOAD = 20_000_000
#: Query patterns, so that the spec says what the server accepts (clients and fuzzers can trust it).
DATE = r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$"
DYAD = r"^[A-Za-z0-9]{2,8}-[A-Za-z0-9]{2,8}$"
MAX_OFFSET = 100_000_000
MAX_URL = 8_192  # characters of path and query: filters are short; longer is abuse
TYPES = r"^[A-Za-z_]{1,20}(,[A-Za-z_]{1,20}){0,30}$"
QUADS = r"^[0-4](,[0-4]){0,4}$"
CODE = r"^[A-Za-z0-9]{2,8}$"


def view_extras(
    types: str | None = Query(None, pattern=TYPES, description="Event types, comma-separated"),
    quad: str | None = Query(None, pattern=QUADS, description="Quad classes 0-4, comma-separated"),
    country: str | None = Query(None, pattern=CODE, description="Where it happened (ISO alpha-3)"),
    source: str | None = Query(None, max_length=200, description="The articles' source"),
) -> dict[str, Any]:
    """The dashboard's shared filters beyond date, actor, dyad and words (every view accepts them)."""
    return {"types": types, "quad": quad, "country": country, "source": source}


def records(frame: Any, json_columns: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    out = []
    for row in frame.to_dict(orient="records"):
        clean = {k: json_value(v) for k, v in row.items()}
        for key in json_columns:
            if isinstance(clean.get(key), str):
                clean[key] = json.loads(clean[key])
        out.append(clean)
    return out


EVENT_JSON = ("actor", "recipient", "event_loc")
#: How long a request waits for an ingest's write transaction to let go of the database.
READ_WAIT_SECONDS = 15.0


def create_app(db: str | Path, write_token: str | None = None, cors_origins: list[str] | None = None) -> FastAPI:
    """The app for one database file. ``write_token`` enables uploads; CORS is closed unless origins are given."""
    db_path = str(db)
    app = FastAPI(
        title="Dyad",
        version="0.1.0",
        description="International-affairs events with evidence: who did what to whom, when and where.",
        responses={
            400: {"description": "A filter the database cannot use (e.g. an impossible date)"},
            503: {"description": "The database is missing or stayed busy"},
        },
    )
    if cors_origins:
        app.add_middleware(CORSMiddleware, allow_origins=cors_origins, allow_methods=["GET"])

    @app.middleware("http")
    async def limit_request_size(request: Request, call_next: Any) -> Any:
        """Refuse oversized requests before any work: a body over the upload limit (413), a URL
        over MAX_URL characters (414)."""
        if len(str(request.url)) > MAX_URL:
            return JSONResponse(status_code=414, content={"detail": f"URL longer than {MAX_URL} characters"})
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_UPLOAD + 1_000_000):
            return JSONResponse(status_code=413, content={"detail": f"request body over {MAX_UPLOAD} bytes"})
        return await call_next(request)

    upload_turn = threading.Lock()

    def store() -> Any:
        try:
            s = Store(db_path, read_only=True, shared=True, wait=READ_WAIT_SECONDS)
        except DyadError as exc:
            raise HTTPException(status_code=503, detail=str(exc)) from exc
        try:
            yield s
        finally:
            s.close()

    @app.exception_handler(DyadError)
    async def dyad_error(_: Any, exc: DyadError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    @app.get("/api/stats", summary="Counts: documents, events, quotes, commitments, event types, top dyads")
    def stats(s: Store = Depends(store)) -> dict[str, Any]:
        return s.stats()

    @app.get("/api/events", summary="Events, filtered, searched, sorted and paginated")
    def events(
        actor: str | None = Query(None, max_length=8),
        dyad: str | None = Query(None, pattern=DYAD),
        event: str | None = Query(None, max_length=20),
        cameo: str | None = Query(None, max_length=4),
        since: str | None = Query(None, pattern=DATE),
        until: str | None = Query(None, pattern=DATE),
        q: str | None = Query(None, max_length=200, description="Words in the evidence sentence"),
        doc_id: str | None = Query(None, max_length=200),
        directed: bool = False,
        sort: str = Query("date", pattern="^(date|confidence|goldstein)$"),
        limit: int = Query(50, ge=1, le=PAGE_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
        extras: dict[str, Any] = Depends(view_extras),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        f = ViewFilter.parse(
            actor=actor,
            dyad=dyad,
            event=event,
            cameo=cameo,
            since=since,
            until=until,
            text=q,
            doc_id=doc_id,
            directed=directed,
            **extras,
        )
        frame, total = views.events(s, f, sort=sort, limit=limit, offset=offset)
        return {"total": total, "limit": limit, "offset": offset, "events": records(frame, EVENT_JSON)}

    @app.get("/api/timeline", summary="Counts and Goldstein per period and quad class for a dyad or actor")
    def timeline(
        dyad: str | None = Query(None, pattern=DYAD),
        actor: str | None = Query(None, max_length=8),
        interval: str = Query("month", pattern="^(day|week|month|year)$"),
        since: str | None = Query(None, pattern=DATE),
        until: str | None = Query(None, pattern=DATE),
        q: str | None = Query(None, max_length=200, description="Words in the evidence sentence"),
        extras: dict[str, Any] = Depends(view_extras),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        f = ViewFilter.parse(dyad=dyad, actor=actor, since=since, until=until, text=q, **extras)
        return {"interval": interval, "series": records(views.timeline(s, f, interval=interval))}

    @app.get("/api/network", summary="Countries as nodes, their interactions as edges")
    def network(
        since: str | None = Query(None, pattern=DATE),
        until: str | None = Query(None, pattern=DATE),
        min_count: int = Query(1, ge=1, le=100_000),
        actor: str | None = Query(None, max_length=8),
        q: str | None = Query(None, max_length=200, description="Words in the evidence sentence"),
        extras: dict[str, Any] = Depends(view_extras),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        f = ViewFilter.parse(since=since, until=until, actor=actor, text=q, **extras)
        return views.network(s, f, min_count=min_count)

    @app.get("/api/dyads", summary="The most active dyads")
    def dyads(
        limit: int = Query(20, ge=1, le=500),
        since: str | None = Query(None, pattern=DATE),
        until: str | None = Query(None, pattern=DATE),
        actor: str | None = Query(None, max_length=8),
        q: str | None = Query(None, max_length=200, description="Words in the evidence sentence"),
        extras: dict[str, Any] = Depends(view_extras),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        f = ViewFilter.parse(since=since, until=until, actor=actor, text=q, **extras)
        return {"dyads": records(views.top_dyads(s, f, limit=limit))}

    @app.get("/api/canonical", summary="One real event, one row: mentions clustered across articles")
    def canonical(
        dyad: str | None = Query(None, pattern=DYAD),
        limit: int = Query(100, ge=1, le=PAGE_LIMIT),
        actor: str | None = Query(None, max_length=8),
        since: str | None = Query(None, pattern=DATE),
        until: str | None = Query(None, pattern=DATE),
        q: str | None = Query(None, max_length=200, description="Words in the evidence sentence"),
        mutual: bool = Query(False, description="A meeting of A and B and of B and A is one row"),
        evidence: int = Query(12, ge=0, le=100, description="Mentions listed per row, at most"),
        extras: dict[str, Any] = Depends(view_extras),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        f = ViewFilter.parse(dyad=dyad, actor=actor, since=since, until=until, text=q, **extras)
        return {"events": views.canonical(s, f, mutual=mutual, limit=limit, evidence=evidence)}

    @app.get("/api/documents", summary="Stored articles")
    def documents(
        limit: int = Query(50, ge=1, le=PAGE_LIMIT),
        offset: int = Query(0, ge=0, le=MAX_OFFSET),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        return {"documents": records(s.documents(limit=limit, offset=offset))}

    @app.get(
        "/api/documents/{doc_id}",
        summary="One article: text, events, mentions, quotes, commitments",
        responses={404: {"description": "No document with this id"}},
    )
    def document(doc_id: str, s: Store = Depends(store)) -> dict[str, Any]:
        try:
            doc = s.document(doc_id)
        except DyadError as exc:
            raise HTTPException(status_code=404, detail=str(exc)) from exc
        out = {k: v for k, v in doc.items() if not hasattr(v, "to_dict")}
        out["events"] = records(doc["events"], EVENT_JSON)
        out["mentions"] = records(doc["mentions"])
        out["quotes"] = records(doc["quotes"], ("speaker", "evidence"))
        out["commitments"] = records(doc["commitments"], ("actor", "recipient", "evidence"))
        return out

    @app.get("/api/quotes", summary="Quotes with speakers")
    def quotes(
        speaker: str | None = Query(None, max_length=8),
        dyad: str | None = Query(None, pattern=DYAD),
        limit: int = Query(50, ge=1, le=PAGE_LIMIT),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        return {"quotes": records(s.quotes(speaker=speaker, dyad=dyad, limit=limit), ("speaker", "evidence"))}

    @app.get("/api/commitments", summary="Pledges, intentions and agreements, with their status")
    def commitments(
        dyad: str | None = Query(None, pattern=DYAD),
        actor: str | None = Query(None, max_length=8),
        status: str | None = Query(None, pattern="^(open|fulfilled|broken)$"),
        limit: int = Query(100, ge=1, le=PAGE_LIMIT),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        frame = s.commitments(dyad=dyad, status=status, actor=actor, limit=limit)
        return {"commitments": records(frame, ("actor", "recipient", "evidence"))}

    @app.get("/api/actors", summary="The actor memory: learned and user-added actors")
    def actors(q: str | None = Query(None, max_length=100), s: Store = Depends(store)) -> dict[str, Any]:
        return {"actors": records(s.aliases(search=q))}

    @app.get("/api/places", summary="Located events for the map")
    def places(
        dyad: str | None = Query(None, pattern=DYAD),
        limit: int = Query(2000, ge=1, le=20_000),
        actor: str | None = Query(None, max_length=8),
        since: str | None = Query(None, pattern=DATE),
        until: str | None = Query(None, pattern=DATE),
        q: str | None = Query(None, max_length=200, description="Words in the evidence sentence"),
        extras: dict[str, Any] = Depends(view_extras),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        f = ViewFilter.parse(dyad=dyad, actor=actor, since=since, until=until, text=q, **extras)
        return {"places": records(views.places(s, f, limit=limit))}

    @app.get("/api/countries", summary="Events per country where they happened, for the map's shading")
    def countries(
        dyad: str | None = Query(None, pattern=DYAD),
        actor: str | None = Query(None, max_length=8),
        since: str | None = Query(None, pattern=DATE),
        until: str | None = Query(None, pattern=DATE),
        q: str | None = Query(None, max_length=200, description="Words in the evidence sentence"),
        extras: dict[str, Any] = Depends(view_extras),
        s: Store = Depends(store),
    ) -> dict[str, Any]:
        f = ViewFilter.parse(dyad=dyad, actor=actor, since=since, until=until, text=q, **extras)
        return {"countries": records(views.countries(s, f))}

    @app.get("/api/facets", summary="What the filters offer: event types, sources, the date range")
    def facets(s: Store = Depends(store)) -> dict[str, Any]:
        return views.facets(s)

    def require_token(authorization: str | None = Header(None)) -> None:
        if not write_token:
            raise HTTPException(status_code=403, detail="this server is read-only (no write token configured)")
        if authorization != f"Bearer {write_token}":
            raise HTTPException(status_code=401, detail="a valid bearer token is required")

    @app.post(
        "/api/ingest",
        summary="Code and store uploaded articles (needs the write token)",
        dependencies=[Depends(require_token)],
        responses={
            401: {"description": "Missing or wrong write token"},
            403: {"description": "The server is read-only (no --token)"},
            413: {"description": "Upload too large"},
            415: {"description": "Unsupported file type"},
        },
    )
    def ingest_upload(file: UploadFile = File(...)) -> dict[str, Any]:
        # a plain function: FastAPI runs it in a worker thread, so reads go on being answered while
        # an upload is coded; uploads take turns (one pipeline, one writer)
        from dyad import default_pipeline
        from dyad.ingest import ingest

        data = file.file.read(MAX_UPLOAD + 1)
        if len(data) > MAX_UPLOAD:
            raise HTTPException(status_code=413, detail=f"upload larger than {MAX_UPLOAD} bytes")
        suffix = Path(file.filename or "upload.txt").suffix.lower() or ".txt"
        if suffix not in (".txt", ".jsonl", ".csv", ".html", ".htm", ".json"):
            raise HTTPException(status_code=415, detail=f"unsupported file type {suffix!r}")
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / f"{Path(file.filename or 'upload').stem}{suffix}"
            path.write_bytes(data)
            with upload_turn, Store(db_path, shared=True, wait=READ_WAIT_SECONDS) as s:
                info = ingest([path], s, default_pipeline())
        return info.as_dict()

    web = resources.files("dyad.web")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> HTMLResponse:
        return HTMLResponse(web.joinpath("index.html").read_text(encoding="utf-8"))

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> HTMLResponse:
        return HTMLResponse(status_code=204)

    @app.get("/static/{name}", include_in_schema=False)
    def static(name: str) -> FileResponse:
        if name not in ("app.js", "style.css"):
            raise HTTPException(status_code=404, detail="not found")
        with resources.as_file(web.joinpath(name)) as path:
            media = "text/javascript" if name.endswith(".js") else "text/css"
            return FileResponse(path, media_type=media)

    vendored = (
        {p.name for p in web.joinpath("vendor").iterdir() if p.name.endswith((".js", ".json"))}
        if web.joinpath("vendor").is_dir()
        else set()
    )

    @app.get("/static/vendor/{name}", include_in_schema=False)
    def static_vendor(name: str) -> FileResponse:
        """The vendored libraries and map geometry (make vendor): served from the package, never a CDN."""
        if name not in vendored:
            raise HTTPException(status_code=404, detail="not found")
        with resources.as_file(web.joinpath("vendor").joinpath(name)) as path:
            media = "text/javascript" if name.endswith(".js") else "application/json"
            return FileResponse(path, media_type=media, headers={"Cache-Control": "public, max-age=86400"})

    return app
