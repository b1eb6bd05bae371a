"""The local parallel engine: the whole pipeline in N worker processes, one writer.

Each worker loads the model, knowledge base and lexicon once, then codes batches of documents;
the parent reads inputs and writes results in input order. At most ``2 * workers`` batches are in
flight at any time, so memory stays flat whatever the corpus size. Parallelism is a setting of
the same pipeline, not another code path: workers call ``Pipeline.code_documents``.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any, TypeVar

from dyad.actors import ActorMemory
from dyad.model import CodedDocument, Document

_worker_pipeline: Any = None
T = TypeVar("T")

#: Fewer documents than this are coded in-process: starting workers (each loads the model) would
#: cost more than it saves.
PARALLEL_MIN_DOCUMENTS = 32


def default_workers() -> int:
    """All cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def workers_for(items: Iterable[T], workers: int) -> tuple[int, Iterator[T]]:
    """How many workers the input deserves (1 when it is small), and the input, unconsumed."""
    iterator = iter(items)
    if workers <= 1:
        return 1, iterator
    head = list(itertools.islice(iterator, PARALLEL_MIN_DOCUMENTS))
    return (workers if len(head) >= PARALLEL_MIN_DOCUMENTS else 1), itertools.chain(head, iterator)


def _init(memory: ActorMemory, triage: bool = True) -> None:
    global _worker_pipeline  # one per worker process, by design: the model loads once per process
    from dyad.pipeline import Pipeline

    _worker_pipeline = Pipeline(triage=triage).taught(memory)


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


def code_parallel(
    documents: Iterable[Document],
    workers: int,
    batch_size: int = 8,
    memory: ActorMemory | None = None,
    triage: bool = True,
) -> Iterator[CodedDocument]:
    """Code ``documents`` in ``workers`` processes; yields results in input order.

    Every worker is taught the same ``memory`` (the store's and users' actors) and nothing else,
    so the result is what one process gives, whatever the number of workers or the batch size;
    ``triage`` as ``Pipeline(triage=...)``.
    """
    # spawned, not forked: a forked worker inherits whatever threads the parent runs (an API server,
    # a feed fetcher) mid-way, and one crashed in garbage collection in a clean-clone CI run; each
    # worker loads the model itself either way (the parent never does)
    context = mp.get_context("spawn")
    with context.Pool(workers, initializer=_init, initargs=(memory or ActorMemory(), triage)) as pool:
        pending: deque[Any] = deque()
        for batch in _batches(documents, batch_size):
            pending.append(pool.apply_async(_code_batch, (batch,)))
            while len(pending) >= 2 * workers:  # bounded: never read far ahead of the writer
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
