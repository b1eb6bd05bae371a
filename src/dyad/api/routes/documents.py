"""Articles: the list, one article with everything coded from it, and uploads (with the write token)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Depends, File, Header, HTTPException, Query, Request, UploadFile

from dyad.api.deps import MAX_OFFSET, MAX_UPLOAD, PAGE_LIMIT, READ_WAIT_SECONDS, store
from dyad.api.render import COMMITMENT_JSON, EVENT_JSON, QUOTE_JSON, records
from dyad.errors import DyadError
from dyad.store import Store

router = APIRouter(prefix="/api")


@router.get("/documents", summary="Stored articles")
def documents(
    limit: int = Query(50, ge=1, le=PAGE_LIMIT),
    offset: int = Query(0, ge=0, le=MAX_OFFSET),
    s: Store = Depends(store),
) -> dict[str, Any]:
    return {"documents": records(s.documents(limit=limit, offset=offset))}


@router.get(
    "/documents/{doc_id}",
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
    out["quotes"] = records(doc["quotes"], QUOTE_JSON)
    out["commitments"] = records(doc["commitments"], COMMITMENT_JSON)
    return out


def require_token(request: Request, authorization: str | None = Header(None)) -> None:
    token = request.app.state.write_token
    if not token:
        raise HTTPException(status_code=403, detail="this server is read-only (no write token configured)")
    if authorization != f"Bearer {token}":
        raise HTTPException(status_code=401, detail="a valid bearer token is required")


@router.post(
    "/ingest",
    summary="Code and store uploaded articles (needs the write token)",
    dependencies=[Depends(require_token)],
    responses={
        401: {"description": "Missing or wrong write token"},
        403: {"description": "The server is read-only (no --token)"},
        413: {"description": "Upload too large"},
        415: {"description": "Unsupported file type"},
    },
)
def ingest_upload(request: Request, file: UploadFile = File(...)) -> dict[str, Any]:
    # a plain function: FastAPI runs it in a worker thread, so reads go on being answered while an
    # upload is coded; uploads take turns (one pipeline, one writer)
    from dyad import default_pipeline
    from dyad.ingest import ingest

    data = file.file.read(MAX_UPLOAD + 1)
    if len(data) > MAX_UPLOAD:
        raise HTTPException(status_code=413, detail=f"upload larger than {MAX_UPLOAD} bytes")
    suffix = Path(file.filename or "upload.txt").suffix.lower() or ".txt"
    if suffix not in (".txt", ".jsonl", ".csv", ".html", ".htm", ".json"):
        raise HTTPException(status_code=415, detail=f"unsupported file type {suffix!r}")
    state = request.app.state
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"{Path(file.filename or 'upload').stem}{suffix}"
        path.write_bytes(data)
        with state.upload_turn:
            if state.pipeline is None:  # loaded on the first upload: a read-only server never needs it
                state.pipeline = default_pipeline()
            with Store(state.db_path, shared=True, wait=READ_WAIT_SECONDS) as s:
                info = ingest([path], s, state.pipeline)
    return info.as_dict()
