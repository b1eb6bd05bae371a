"""The Ray engine: read -> annotate -> actors -> code on Ray Data, results to Parquet by date.

The driver only lists input files. Ray tasks read them (each file with the same readers the local
engine uses), a pool of Ray actors codes the documents (each actor loads the spaCy model, the
knowledge base and the lexicon once, and calls ``Pipeline.code_documents`` like every other
entry point), and the results are written as Parquet partitioned by article date
(``date=YYYY-MM-DD/``) while they stream back, in input order, to the store's one writer. The
directory stays: a dataset DuckDB or Spark can query in place (with ``load=False`` the only result).

Ray runs locally (``address=None``: a Ray started for this run on this machine's cores) or joins
a cluster (``"auto"`` on a cluster node, ``"ray://HOST:10001"`` from outside); see docs/scaling.md.
"""

from __future__ import annotations

import logging
import os
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dyad.actors import ActorMemory
from dyad.errors import DyadError, Msg
from dyad.model import CodedDocument, Document, Rejection
from dyad.read import ReadSettings
from dyad.read.readers import input_files, read_file

#: Documents a file may hold before sequence numbers of two files could meet (the ``seq`` column
#: orders rows as the inputs did, for whoever queries the Parquet).
SEQ_STRIDE = 10_000_000
#: Hive partition value for documents without a date.
UNDATED = "undated"
_STRING_COLUMNS = ("kind", "id", "date", "title", "url", "source", "origin", "text", "reason")


@dataclass
class RaySettings:
    """Where and how wide the Ray engine runs (all settings; the pipeline is the same)."""

    address: str | None = None  # None: a local Ray for this run; "auto" or "ray://HOST:PORT": a cluster
    workers: int | None = None  # coding actors; None: one per CPU Ray reports, but one
    batch_size: int = 16  # documents per call of an actor (and per block handed to it)
    triage: bool = True  # as Pipeline(triage=...): parse only the sentences that can hold an event
    quiet: bool = True  # keep Ray's progress logs (INFO) out of the user's terminal


def code_on_ray(
    paths: Iterable[str | os.PathLike[str]],
    parquet_dir: str | os.PathLike[str],
    settings: ReadSettings | None = None,
    ray_settings: RaySettings | None = None,
    memory: ActorMemory | None = None,
    stored: dict[str, str] | None = None,
    load: bool = True,
) -> Iterator[CodedDocument | Rejection | str]:
    """Read and code every input on Ray; write one Parquet row per document (or rejection).

    With ``load`` (the default) results stream back to the caller in input order as Ray codes
    them - coded documents, rejections, and the ids of documents already stored - while the
    driver appends each batch to the Parquet, so the store fills while the cluster works. Without
    it the Ray workers write the Parquet themselves and nothing comes back but the driver's own
    rejections: the directory is the result, for DuckDB or Spark to query in place.

    ``stored`` maps ids already in the store to their text hashes: those documents are read but
    not coded again. ``memory`` (the store's and users' actors) is taught to every actor alike.
    """
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise DyadError(Msg.RAY_MISSING) from exc

    settings = settings or ReadSettings()
    ray_settings = ray_settings or RaySettings()
    if ray_settings.quiet:  # after the import: Ray Data sets its own levels when it loads
        for name in ("ray", "ray.data"):
            logging.getLogger(name).setLevel(logging.ERROR)
    root = Path(parquet_dir)
    files: list[str] = []
    for item in input_files(paths):
        if isinstance(item, Rejection):
            yield item
        else:
            files.append(str(item))
    if root.exists():
        shutil.rmtree(root)  # a fresh hand-over: what an interrupted run left is recoded
    if not files:
        return
    started_here = not ray.is_initialized()
    if started_here:
        local = ray_settings.address is None
        # A local Ray gets one CPU slot more than there are coding actors: reading and writing are
        # light beside coding, but with every slot held by an actor they would never be scheduled.
        try:
            ray.init(
                address=ray_settings.address,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
                num_cpus=(ray_settings.workers or os.cpu_count() or 1) + 1 if local else None,
            )
        except (ConnectionError, RuntimeError, ValueError) as exc:
            raise DyadError(Msg.RAY_CONNECT.format(address=ray_settings.address or "this machine", error=exc)) from exc
    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False  # a library does not draw on the user's terminal
    context.print_on_execution_start = False
    context.execution_options.preserve_order = True  # the store sees documents in input order
    try:
        cpus = int(ray.cluster_resources().get("CPU", 2))  # type: ignore[no-untyped-call]  # ray leaves it unannotated
        workers = ray_settings.workers or max(1, cpus - 1)  # one slot stays free for reading and writing
        stored_ref = ray.put(stored or {})
        items = [{"path": path, "file_index": i} for i, path in enumerate(files)]
        dataset: Any = ray.data.from_items(items, override_num_blocks=min(len(items), 4 * workers))
        dataset = dataset.flat_map(_read_rows, fn_kwargs={"settings": settings, "stored": stored_ref})
        dataset = dataset.repartition(target_num_rows_per_block=ray_settings.batch_size)
        dataset = dataset.map_batches(
            _CodeBatch,
            fn_constructor_kwargs={"memory": memory or ActorMemory(), "triage": ray_settings.triage},
            compute=ray.data.ActorPoolStrategy(size=workers),
            batch_size=ray_settings.batch_size,
            batch_format="pandas",
            num_cpus=1,
        )
        if not load:
            dataset.write_parquet(str(root), partition_cols=["date"])
            return
        yield from _stream(dataset, root)
    finally:
        if started_here:
            ray.shutdown()


def _stream(dataset: Any, root: Path) -> Iterator[CodedDocument | Rejection | str]:
    """Batches as Ray finishes them: appended to the Parquet, then handed back row by row."""
    import pyarrow.parquet as pq

    from dyad.serial import coded_from_json

    for n, table in enumerate(dataset.iter_batches(batch_format="pyarrow", batch_size=None, prefetch_batches=8)):
        pq.write_to_dataset(table, str(root), partition_cols=["date"], basename_template=f"part-{n:06d}-{{i}}.parquet")
        for row in table.select(["kind", "id", "origin", "reason", "coded"]).to_pylist():
            if row["kind"] == "rejection":
                yield Rejection(row["origin"], row["reason"])
            elif row["kind"] == "stored":
                yield row["id"]
            else:
                yield coded_from_json(row["coded"])


def _read_rows(row: dict[str, Any], settings: ReadSettings, stored: Any) -> list[dict[str, Any]]:
    """One input file -> one row per document or rejection in it, numbered in reading order.
    Documents already stored with the same text become "stored" rows: they are not coded again."""
    import ray

    from dyad.model import text_hash

    known: dict[str, str] = ray.get(stored) if isinstance(stored, ray.ObjectRef) else stored
    base = int(row["file_index"]) * SEQ_STRIDE
    out = []
    for n, item in enumerate(read_file(Path(row["path"]), settings)):
        values = dict.fromkeys(_STRING_COLUMNS, "")
        if isinstance(item, Rejection):
            values.update(kind="rejection", origin=item.origin, reason=item.reason)
        elif known.get(item.id) == text_hash(item.text):
            values.update(kind="stored", id=item.id, date=item.date or "", origin=item.origin or "")
        else:
            values.update(
                kind="document",
                id=item.id,
                date=item.date or "",
                title=item.title or "",
                url=item.url or "",
                source=item.source or "",
                origin=item.origin or "",
                text=item.text,
            )
        out.append({"seq": base + n, **values})
    return out


class _CodeBatch:
    """A Ray actor: the pipeline loaded once, then batches of rows coded through it."""

    def __init__(self, memory: ActorMemory, triage: bool = True) -> None:
        # Ray Data logs "constructor arguments in the object store" for every actor pool, whatever
        # the arguments (ray-project/ray#57733); it is harmless here
        from dyad.pipeline import Pipeline

        self.pipeline = Pipeline(triage=triage).taught(memory)

    def __call__(self, batch: Any) -> Any:
        import pandas as pd

        from dyad.serial import coded_to_json

        rows = batch.to_dict("records")
        to_code = []
        for row in rows:
            row["n_events"], row["coded"] = 0, ""
            if row["kind"] == "document":
                to_code.append(row)
        documents = [_document(row) for row in to_code]
        for row, coded in zip(to_code, self.pipeline.code_documents(documents), strict=True):
            row["n_events"] = len(coded.events)
            row["coded"] = coded_to_json(coded)
        for row in rows:
            row["text"] = "" if row["kind"] != "document" else row["text"]
            row["date"] = row["date"] or UNDATED
        return pd.DataFrame(rows, columns=["seq", *_STRING_COLUMNS, "n_events", "coded"])


def _document(row: dict[str, Any]) -> Document:
    return Document(
        id=row["id"],
        text=row["text"],
        date=row["date"] or None,
        title=row["title"] or None,
        url=row["url"] or None,
        source=row["source"] or None,
        origin=row["origin"] or None,
    )


_DONE = "__dyad_ray_done__"


def code_on_ray_apart(*args: Any, **kwargs: Any) -> Iterator[CodedDocument | Rejection | str]:
    """``code_on_ray`` in a process of its own, its results passed back through a bounded queue.

    Ray's driver keeps busy threads (scheduling, polling, transfers); in the process that also
    writes the store they compete with the writer for one interpreter lock, and each slows the
    other. Apart, the writer keeps up with the actors. The queue holds at most a few hundred
    documents, so memory stays flat.
    """
    import multiprocessing as mp
    import queue as queue_module
    import sys

    if "ray" in sys.modules and sys.modules["ray"].is_initialized():
        yield from code_on_ray(*args, **kwargs)  # the caller's own Ray connection: use it here
        return
    # spawn: the child needs nothing from the parent but the arguments (no Ray, no open database),
    # and a fork of a process whose other threads (a server's, DuckDB's) hold locks can crash the
    # child while it imports Ray (seen as a segfault in CI)
    context = mp.get_context("spawn")
    channel: Any = context.Queue(maxsize=256)
    producer = context.Process(target=_produce, args=(channel, args, kwargs), daemon=True)
    producer.start()
    try:
        while True:
            try:
                item = channel.get(timeout=5)
            except queue_module.Empty:
                if not producer.is_alive():
                    raise DyadError(
                        Msg.RAY_FAILED.format(error=f"the Ray driver exited ({producer.exitcode})")
                    ) from None
                continue
            if isinstance(item, tuple) and item and item[0] == _DONE:
                if item[1]:
                    raise DyadError(item[1])
                return
            yield item
    finally:
        if producer.is_alive():
            producer.terminate()
        producer.join(timeout=30)


def _produce(channel: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    error = ""
    try:
        for item in code_on_ray(*args, **kwargs):
            channel.put(item)
    except DyadError as exc:
        error = str(exc)
    except Exception as exc:  # reported to the caller, who turns it into a message
        error = Msg.RAY_FAILED.format(error=f"{type(exc).__name__}: {exc}")
    channel.put((_DONE, error))
