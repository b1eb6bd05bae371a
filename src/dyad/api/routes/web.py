"""The dashboard's page, script, style and vendored libraries, served from the package (never a CDN)."""

from __future__ import annotations

from importlib import resources

from fastapi import APIRouter, HTTPException
from fastapi.responses import FileResponse, HTMLResponse

router = APIRouter(include_in_schema=False)
WEB = resources.files("dyad.web")
#: The vendored libraries and map geometry (make vendor).
VENDORED = (
    frozenset(p.name for p in WEB.joinpath("vendor").iterdir() if p.name.endswith((".js", ".json")))
    if WEB.joinpath("vendor").is_dir()
    else frozenset()
)


@router.get("/", response_class=HTMLResponse)
def dashboard() -> HTMLResponse:
    return HTMLResponse(WEB.joinpath("index.html").read_text(encoding="utf-8"))


@router.get("/favicon.ico")
def favicon() -> HTMLResponse:
    return HTMLResponse(status_code=204)


@router.get("/static/{name}")
def static(name: str) -> FileResponse:
    if name not in ("app.js", "style.css"):
        raise HTTPException(status_code=404, detail="not found")
    with resources.as_file(WEB.joinpath(name)) as path:
        media = "text/javascript" if name.endswith(".js") else "text/css"
        return FileResponse(path, media_type=media)


@router.get("/static/vendor/{name}")
def static_vendor(name: str) -> FileResponse:
    if name not in VENDORED:
        raise HTTPException(status_code=404, detail="not found")
    with resources.as_file(WEB.joinpath("vendor").joinpath(name)) as path:
        media = "text/javascript" if name.endswith(".js") else "application/json"
        return FileResponse(path, media_type=media, headers={"Cache-Control": "public, max-age=86400"})
