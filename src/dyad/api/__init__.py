"""HTTP API and dashboard (FastAPI): ``create_app(db)``; ``dyad serve`` runs it with uvicorn."""

from dyad.api.app import create_app

__all__ = ["create_app"]
