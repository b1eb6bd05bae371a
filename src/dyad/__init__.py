"""Dyad: international-affairs news in, evidence-linked event data out.

    >>> import dyad
    >>> record = dyad.code("date 2026-01-07 Erdogan met Anwar Ibrahim in Ankara.")
    >>> record["events"][0]["event"]
    'CONSULT'
    >>> with dyad.Store("dyad.duckdb") as store:
    ...     store.events(dyad="TUR-MYS")          # a pandas DataFrame

The stages are importable on their own: ``dyad.read``, ``dyad.annotate``, ``dyad.actors``,
``dyad.coding``, ``dyad.enrich``, ``dyad.store``; ``dyad.pipeline.Pipeline`` composes them.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from typing import Any, overload

from dyad.ingest import IngestInfo, ingest
from dyad.model import CodedDocument, Document, Rejection
from dyad.pipeline import Pipeline
from dyad.store import Store


def _installed_version() -> str:
    # pyproject.toml is the one place the version is written; the installed metadata carries it
    try:
        return version("dyad")
    except PackageNotFoundError:  # run from a source tree that was never installed
        return "0+unknown"


__version__ = _installed_version()
__all__ = [
    "CodedDocument",
    "Document",
    "IngestInfo",
    "Pipeline",
    "Store",
    "code",
    "default_pipeline",
    "ingest",
    "__version__",
]


def default_pipeline() -> Pipeline:
    """A new pipeline over Dyad's own resources (model, knowledge base and lexicon, each loaded
    once per process and shared read-only): what one pipeline is taught, no other sees."""
    return Pipeline()


@overload
def code(  # type: ignore[overload-overlap]
    text: str,
    date: str | None = None,
    doc_id: str | None = None,
    pipeline: Pipeline | None = None,
) -> dict[str, Any]: ...
@overload
def code(
    text: Iterable[Document | str], date: str | None = None, doc_id: str | None = None, pipeline: Pipeline | None = None
) -> list[dict[str, Any]]: ...


def code(
    text: str | Iterable[Document | str],
    date: str | None = None,
    doc_id: str | None = None,
    pipeline: Pipeline | None = None,
) -> dict[str, Any] | list[dict[str, Any]]:
    """Code one text (a record, as ``dyad code`` prints it) or many (a list of records).

    A text may start with ``date YYYY-MM-DD``; ``date`` gives one otherwise. ``pipeline`` is the
    one to code with (one you taught your own actors, say); by default a new pipeline over Dyad's
    own resources, so nothing one call was taught reaches the next.
    """
    from dyad.read import ReadSettings, read_text_document

    settings = ReadSettings(default_date=date)

    def as_document(item: Document | str, n: int) -> Document:
        if isinstance(item, Document):
            return item
        doc = read_text_document(item, doc_id=doc_id if n == 0 else None, settings=settings)
        if isinstance(doc, Rejection):
            raise ValueError(doc.reason)
        return doc

    pipeline = pipeline or default_pipeline()
    if isinstance(text, str):
        return pipeline.code_document(as_document(text, 0)).to_record()
    documents = [as_document(item, n) for n, item in enumerate(text)]
    return [coded.to_record() for coded in pipeline.code_documents(documents)]
