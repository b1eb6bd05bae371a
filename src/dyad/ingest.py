"""Ingest: read inputs, code them and write them to the store, reporting what happened.

``ingest`` is a public step in the dlt sense: it returns an ``IngestInfo`` and can be re-run on
the same inputs: documents already stored with the same text are skipped, not coded again.
"""

from __future__ import annotations

import dataclasses
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyad.actors import ActorMemory
from dyad.engine import code_parallel, workers_for
from dyad.engine.ray_data import RaySettings
from dyad.enrich.commitments import settle
from dyad.errors import DyadError, Msg
from dyad.model import CodedDocument, Document, Rejection, Settlement
from dyad.pipeline import Pipeline
from dyad.read import ReadSettings, read_inputs
from dyad.read.ids import DistinctIds
from dyad.store import Store

WRITE_BATCH = 16  # documents a transaction: fewer commits, and still no half-written document


@dataclass
class IngestInfo:
    """What an ingest did: counts, and every rejected input with its reason."""

    documents: int = 0  # newly coded and stored
    skipped: int = 0  # already stored unchanged
    events: int = 0
    learned: int = 0  # people introduced by title and nationality, remembered for later runs
    rejected: list[Rejection] = field(default_factory=list)
    parquet: str | None = None  # the Ray engine's Parquet directory, when it wrote one

    @property
    def ok(self) -> bool:
        return not self.rejected

    def as_dict(self) -> dict[str, object]:
        return {
            "documents": self.documents,
            "skipped": self.skipped,
            "events": self.events,
            "learned_actors": self.learned,
            "rejected": [{"input": r.origin, "reason": r.reason} for r in self.rejected],
            **({"parquet": self.parquet} if self.parquet else {}),
        }


def ingest(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    pipeline: Pipeline | None = None,
    settings: ReadSettings | None = None,
    on_document: Callable[[Document | Rejection], None] | None = None,
    workers: int = 1,
    engine: str = "local",
    ray_settings: RaySettings | None = None,
    parquet_dir: str | os.PathLike[str] | None = None,
    load: bool = True,
) -> IngestInfo:
    """Read, code and store every input; bad inputs are reported, never fatal.

    ``engine="local"`` with ``workers`` > 1 runs the whole pipeline in that many processes;
    ``engine="ray"`` runs it on Ray Data (``ray_settings``) and hands results over through
    Parquet in ``parquet_dir`` (default: beside the store), which is kept for querying in place;
    with ``load=False`` the Parquet is the only result. This process is the store's one writer.
    """
    info = IngestInfo()
    memory = store.actor_memory()  # what earlier runs learned and users added: the same for every document
    store.release()  # a shared store is not held while documents are read and coded
    if engine == "ray":
        return _ingest_on_ray(
            paths,
            store,
            info,
            settings,
            on_document,
            memory,
            ray_settings
            or RaySettings(workers=workers if workers > 1 else None, triage=pipeline.triage if pipeline else True),
            parquet_dir,
            load,
        )
    if engine != "local":
        raise DyadError(Msg.UNKNOWN_ENGINE.format(engine=engine))
    return ingest_items(read_inputs(paths, settings), store, pipeline, on_document, workers, memory, info)


def ingest_items(
    items: Iterable[Document | Rejection],
    store: Store,
    pipeline: Pipeline | None = None,
    on_document: Callable[[Document | Rejection], None] | None = None,
    workers: int = 1,
    memory: ActorMemory | None = None,
    info: IngestInfo | None = None,
) -> IngestInfo:
    """Code and store documents from any reader (files, feeds, article URLs): rejections are
    counted, documents stored with the same text skipped, the rest coded and written."""
    info = info if info is not None else IngestInfo()
    if memory is None:
        memory = store.actor_memory()
        store.release()

    def documents() -> Iterator[Document]:
        for item in items:
            if isinstance(item, Rejection):
                info.rejected.append(item)
                if on_document:
                    on_document(item)
                continue
            if store.has(item.id, item.text):
                info.skipped += 1
                if on_document:
                    on_document(item)
                continue
            yield item

    return write_results(code_documents(documents(), pipeline, workers, memory), store, info, on_document)


def code_documents(
    documents: Iterable[Document],
    pipeline: Pipeline | None = None,
    workers: int = 1,
    memory: ActorMemory | None = None,
) -> Iterator[CodedDocument]:
    """Code documents in input order, taught ``memory`` (the store's and users' actors): in this
    process, or in ``workers`` processes when the input is large enough to repay starting them.
    What ``dyad code`` prints and what an ingest stores."""
    memory = memory if memory is not None else ActorMemory()
    workers, pending = workers_for(documents, workers)  # a small input is coded in-process
    pipeline = pipeline or Pipeline()
    if workers > 1:  # each worker builds the same pipeline: the same settings, the same memory
        return code_parallel(pending, workers, memory=memory, triage=pipeline.triage)
    return pipeline.taught(memory).code_documents(pending)


def write_results(
    results: Iterable[CodedDocument | Rejection | str],
    store: Store,
    info: IngestInfo,
    on_document: Callable[[Document | Rejection], None] | None = None,
) -> IngestInfo:
    """The store's one writer: coded documents in transactions of ``WRITE_BATCH``; rejections and
    ids of documents already stored (strings) are counted. A document id seen twice in one run is
    kept apart as the readers do (``DistinctIds``)."""
    batch: list[CodedDocument] = []

    def flush() -> None:
        store.write_many(batch)  # one transaction a batch: a document is all stored or not at all
        for coded in batch:
            info.documents += 1
            info.events += len(coded.events)
            info.learned += len(coded.learned)  # stored in the memory: the next run knows them
            if on_document:
                on_document(coded.document)
        batch.clear()

    ids = DistinctIds()  # engines that read files apart (Ray) meet repeated ids only here
    for n, result in enumerate(results, start=1):
        coded = _new_document(result, store, ids, info, on_document)
        if coded is None:
            continue
        batch.append(coded)
        if len(batch) >= WRITE_BATCH:
            flush()
        if n % 500 == 0:
            link_commitments(store)  # keep promises and their fulfilment in step on long runs
    if batch:
        flush()
    link_commitments(store)
    return info


def link_commitments(store: Store, page: int = 16) -> int:
    """Mark the store's open commitments fulfilled or broken by later events of the same parties (any
    article). The store pages the candidates (``page`` later events a commitment, for all of them in one
    query), ``settle`` judges them; only commitments that used up a page unsettled need the next, four
    times as long (a commitment that is never settled costs a few queries, not one per page)."""
    settled: list[Settlement] = []
    pending: list[str] | None = None  # None: every open commitment
    skip = 0
    while pending is None or pending:
        candidates = store.commitment_candidates(first=page, skip=skip, among=pending)
        found = settle(candidates)
        settled += found
        done = {s.commitment_id for s in found}
        seen = Counter(c.commitment_id for c in candidates)
        pending = [cid for cid, n in seen.items() if n == page and cid not in done]
        skip, page = skip + page, page * 4
    return store.settle_commitments(settled)


def _new_document(
    result: CodedDocument | Rejection | str,
    store: Store,
    ids: DistinctIds,
    info: IngestInfo,
    on_document: Callable[[Document | Rejection], None] | None,
) -> CodedDocument | None:
    """The coded document to write, or None when ``result`` is a rejection or a document already
    stored (counted in ``info`` and reported)."""
    if isinstance(result, Rejection):
        info.rejected.append(result)
        if on_document:
            on_document(result)
        return None
    if isinstance(result, str):
        info.skipped += 1
        return None
    document, repeated = ids.admit(result.document)
    if repeated or store.has(document.id, document.text):
        info.skipped += 1
        if on_document:
            on_document(document)
        return None
    return result if document is result.document else dataclasses.replace(result, document=document)


def _ingest_on_ray(
    paths: Iterable[str | os.PathLike[str]],
    store: Store,
    info: IngestInfo,
    settings: ReadSettings | None,
    on_document: Callable[[Document | Rejection], None] | None,
    memory: ActorMemory,
    ray_settings: RaySettings,
    parquet_dir: str | os.PathLike[str] | None,
    load: bool,
) -> IngestInfo:
    from dyad.engine.ray_data import code_on_ray_apart

    if any(os.fspath(p) == "-" for p in paths):
        raise DyadError(Msg.RAY_NO_STDIN)
    target = Path(parquet_dir) if parquet_dir is not None else store.default_parquet_dir()
    stored = store.stored_hashes()
    store.release()
    results = code_on_ray_apart(list(paths), target, settings, ray_settings, memory, stored=stored, load=load)
    info.parquet = str(target)
    return write_results(results, store, info, on_document)


def watch(
    directory: str | os.PathLike[str],
    store: Store,
    pipeline: Pipeline | None = None,
    settings: ReadSettings | None = None,
    interval: float = 2.0,
    should_stop: Callable[[], bool] = lambda: False,
    on_batch: Callable[[IngestInfo], None] | None = None,
) -> IngestInfo:
    """Ingest files as they arrive in ``directory`` (new or changed since the last look), until
    ``should_stop()``. Stored documents are never coded twice, so restarting a watch is safe."""
    import time
    from pathlib import Path

    pipeline = pipeline or Pipeline()
    seen: dict[Path, tuple[float, int]] = {}
    total = IngestInfo()
    while True:
        changed = []
        for path in sorted(Path(directory).rglob("*")):
            if not path.is_file() or path.name.startswith("."):
                continue
            try:
                stat = path.stat()
            except OSError:
                continue
            key = (stat.st_mtime, stat.st_size)
            if seen.get(path) != key:
                seen[path] = key
                changed.append(path)
        if changed:
            info = ingest(changed, store, pipeline, settings)
            total.documents += info.documents
            total.skipped += info.skipped
            total.events += info.events
            total.learned += info.learned
            total.rejected.extend(info.rejected)
            if on_batch:
                on_batch(info)
        if should_stop():
            return total
        time.sleep(interval)
