"""The HTTP API and dashboard: one ASGI app over the store's library functions.

Every dashboard view reads a JSON endpoint under ``/api/`` (its JSON twin); the OpenAPI spec is at
``/openapi.json``. The app is read-only unless a write token is configured; then ``POST
/api/ingest`` accepts articles with ``Authorization: Bearer <token>``.

The routes live in ``dyad.api.routes``; what they share (the database path, the write token, the
in-memory mirror of the store for the aggregate views, the upload pipeline) is on ``app.state``.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse

from dyad import __version__
from dyad.api.deps import MAX_UPLOAD, MAX_URL, READ_WAIT_SECONDS
from dyad.api.routes import dashboard, documents, events, web
from dyad.errors import DyadError
from dyad.store.views import Mirror


def create_app(db: str | Path, write_token: str | None = None, cors_origins: list[str] | None = None) -> FastAPI:
    """The app for one database file. ``write_token`` enables uploads; CORS is closed unless origins are given."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        # copy the store into the mirror while the server starts, so the first visitor does not wait for it
        threading.Thread(target=_warm, args=(app.state.mirror,), daemon=True).start()
        yield

    app = FastAPI(
        lifespan=lifespan,
        title="Dyad",
        version=__version__,
        description="International-affairs events with evidence: who did what to whom, when and where.",
        responses={
            400: {"description": "A filter the database cannot use (e.g. an impossible date)"},
            503: {"description": "The database is missing or stayed busy"},
        },
    )
    app.state.db_path = str(db)
    app.state.write_token = write_token
    app.state.mirror = Mirror(db, wait=READ_WAIT_SECONDS)
    app.state.upload_turn = threading.Lock()
    app.state.pipeline = None  # made on the first upload
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

    @app.exception_handler(DyadError)
    async def dyad_error(_: Any, exc: DyadError) -> JSONResponse:
        return JSONResponse(status_code=400, content={"detail": str(exc)})

    for module in (events, dashboard, documents, web):
        app.include_router(module.router)
    return app


def _warm(mirror: Mirror) -> None:
    # no database yet, or it stayed busy: the first request copies it (or says why it cannot)
    with suppress(DyadError):
        mirror.view().close()
