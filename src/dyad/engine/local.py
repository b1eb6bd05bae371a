"""The local parallel engine: the whole pipeline in N worker processes, one writer.

Each worker loads the model, knowledge base and lexicon once, then codes batches of documents;
the parent reads inputs and writes results in input order. At most ``2 * workers`` batches are in
flight at any time, so memory stays flat whatever the corpus size. Parallelism is a setting of
the same pipeline, not another code path: workers call ``Pipeline.code_documents``.
"""

from __future__ import annotations

import multiprocessing as mp
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from dyad.actors import ActorRecord
from dyad.model import CodedDocument, Document

_worker_pipeline: Any = None


def _init(records: list[ActorRecord]) -> None:
    global _worker_pipeline  # one per worker process, by design: the model loads once per process
    from dyad.pipeline import Pipeline

    _worker_pipeline = Pipeline()
    if records:
        _worker_pipeline.remember(records)


def _code_batch(batch: list[Document]) -> list[CodedDocument]:
    return list(_worker_pipeline.code_documents(batch))


def _batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for document in documents:
        batch.append(document)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def code_parallel(documents: Iterable[Document], workers: int, batch_size: int = 8,
                  memory: list[ActorRecord] | None = None) -> Iterator[CodedDocument]:
    """Code ``documents`` in ``workers`` processes; yields results in input order."""
    context = mp.get_context("fork") if "fork" in mp.get_all_start_methods() else mp.get_context("spawn")
    with context.Pool(workers, initializer=_init, initargs=(memory or [],)) as pool:
        pending: deque[Any] = deque()
        for batch in _batches(documents, batch_size):
            pending.append(pool.apply_async(_code_batch, (batch,)))
            while len(pending) >= 2 * workers:  # bounded: never read far ahead of the writer
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
