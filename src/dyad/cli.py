"""The ``dyad`` command: a thin layer over the library. Library errors become messages here only.

Exit codes: 0 all good, 2 some inputs rejected (the rest kept), 1 fatal.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import time
from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar

import click

from dyad.errors import DyadError

EXIT_OK, EXIT_FATAL, EXIT_REJECTED = 0, 1, 2
F = TypeVar("F", bound=Callable[..., Any])


def _edge(func: F) -> F:
    """Turn library errors into a one-line message and exit code 1 (no traceback for users)."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except DyadError as exc:
            click.echo(f"dyad: {exc}", err=True)
            sys.exit(EXIT_FATAL)
        except (KeyboardInterrupt, SystemExit, click.exceptions.Exit, click.ClickException):
            raise
        except BrokenPipeError:  # "dyad export ... | head": the reader left; that is not an error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(EXIT_OK)
        except Exception as exc:  # a bug: say so plainly; DYAD_DEBUG=1 shows the traceback
            if os.environ.get("DYAD_DEBUG"):
                raise
            click.echo(f"dyad: internal error: {type(exc).__name__}: {exc} (set DYAD_DEBUG=1 for details)", err=True)
            sys.exit(EXIT_FATAL)

    return wrapper  # type: ignore[return-value]


db_option = click.option(
    "--db", default="dyad.duckdb", show_default=True, type=click.Path(dir_okay=False), help="The DuckDB database file."
)
workers_option = click.option(
    "--workers",
    type=click.IntRange(min=1),
    default=None,
    help="Processes running the whole pipeline, each loading the model once "
    "(default: all cores; inputs under 32 documents run in-process).",
)
triage_option = click.option(
    "--triage/--no-triage",
    default=True,
    help="Parse only the sentences that can hold an event, a quote or a commitment (the default), "
    "or every sentence (--no-triage, the full path).",
)
actors_option = click.option(
    "--actors",
    "actor_files",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Actor dictionary (CSV/YAML: name, aliases, code, sector, from, to; or a "
    "PETRARCH .actors file). Repeatable; its entries outrank Dyad's own.",
)
format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="Output format.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="dyad")  # the package metadata, as dyad.__version__
def main() -> None:
    """Dyad: international-affairs news in, evidence-linked event data out.

    \b
    Example:
      dyad code article.txt                   # coded JSON on stdout, no database
      dyad ingest samples/ --db dyad.duckdb   # code and store
      dyad events --dyad TUR-MYS              # query the store
    """


class _Progress:
    """A one-line progress report on stderr for long runs (only when stderr is a terminal)."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.start = time.monotonic()
        self.last = 0.0
        self.documents = self.rejected = 0

    def __call__(self, item: Any) -> None:
        from dyad.model import Rejection

        if isinstance(item, Rejection):
            self.rejected += 1
        else:
            self.documents += 1
        now = time.monotonic()
        if self.enabled and now - self.last > 0.2:
            self.last = now
            rate = self.documents / max(now - self.start, 1e-6)
            click.echo(f"\r{self.documents} documents, {self.rejected} rejected, {rate:.1f}/s", err=True, nl=False)

    def done(self) -> None:
        if self.enabled and self.last:
            click.echo("", err=True)


@main.command()
@click.argument("paths", nargs=-1)
@click.option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@click.option("--validate/--no-validate", default=False, help="Check each record against the JSON Schema.")
@workers_option
@actors_option
@triage_option
@_edge
def code(
    paths: tuple[str, ...],
    date: str | None,
    validate: bool,
    workers: int | None,
    actor_files: tuple[str, ...],
    triage: bool,
) -> None:
    """Code documents and print one JSON record per document (no database).

    PATHS are files (.txt, .jsonl, .csv, .html), directories, or - for standard input: JSONL, or
    one plain-text article (the default when no path is given).

    \b
    Example:
      dyad code article.txt
      cat articles.jsonl | dyad code -
    """
    from dyad.actors import ActorMemory, load_actor_file
    from dyad.engine import default_workers
    from dyad.ingest import code_documents
    from dyad.model import Rejection
    from dyad.pipeline import Pipeline
    from dyad.read import ReadSettings, read_inputs
    from dyad.schema import validation_errors

    settings = ReadSettings(default_date=date)
    rejected = 0

    def documents() -> Any:
        nonlocal rejected
        for item in read_inputs(paths or ("-",), settings):
            if isinstance(item, Rejection):
                rejected += 1
                click.echo(f"dyad: rejected {item.reason}", err=True)
            else:
                yield item

    memory = ActorMemory(users=[record for path in actor_files for record in load_actor_file(path)])
    for coded in code_documents(documents(), Pipeline(triage=triage), workers or default_workers(), memory):
        record = coded.to_record()
        if validate:
            for error in validation_errors(record):
                click.echo(f"dyad: {coded.document.id}: schema: {error}", err=True)
        click.echo(json.dumps(record, ensure_ascii=False))
    sys.exit(EXIT_REJECTED if rejected else EXIT_OK)


def fetch_options(func: F) -> F:
    """The options of commands that fetch feeds and pages."""
    for option in reversed(
        [
            click.option(
                "--user-agent",
                help="The User-Agent Dyad fetches as (default: Dyad/VERSION); "
                "put a contact in it, e.g. 'Dyad/0.1 (research; me@example.org)'.",
            ),
            click.option(
                "--delay",
                type=click.FloatRange(min=0),
                default=2.0,
                show_default=True,
                help="Seconds between two requests to one host (robots.txt Crawl-delay wins when longer).",
            ),
            click.option(
                "--timeout",
                type=click.FloatRange(min=0.1),
                default=20.0,
                show_default=True,
                help="Seconds to wait for a server to connect or answer.",
            ),
            click.option("--no-robots", is_flag=True, help="Ignore robots.txt (only for sites you run or may crawl)."),
        ]
    ):
        func = option(func)
    return func


def _fetcher(user_agent: str | None, delay: float, timeout: float, no_robots: bool) -> Any:
    from dyad.read.web import Fetcher, FetchSettings

    return Fetcher(
        FetchSettings(user_agent=user_agent or "", min_delay=delay, timeout=timeout, respect_robots=not no_robots)
    )


@main.command()
@click.argument("paths", nargs=-1)
@db_option
@click.option("--date", help="Publication date (YYYY-MM-DD) for inputs that carry none.")
@workers_option
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    show_default=True,
    help="local: worker processes on this machine; ray: Ray Data, locally or on a cluster (--address).",
)
@click.option(
    "--address",
    help="Ray cluster to join: 'auto' on a cluster node, or ray://HOST:10001 (default: a local Ray for this run).",
)
@click.option(
    "--parquet",
    "parquet_dir",
    type=click.Path(file_okay=False),
    help="With --engine ray: where the coded documents are written as Parquet by date "
    "(default: DB.parquet beside the database); kept for DuckDB or Spark to query.",
)
@click.option(
    "--load/--no-load",
    default=True,
    show_default=True,
    help="With --engine ray: load the Parquet into the database, or leave it as the result.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--watch",
    "watch_dir",
    type=click.Path(file_okay=False),
    help="Then keep ingesting files that arrive in this directory (Ctrl-C stops).",
)
@click.option(
    "--feeds",
    "feeds_file",
    type=click.Path(exists=True, dir_okay=False),
    help="A list of RSS/Atom/JSON feeds or sitemaps, one URL a line ('URL | label | country', # comments).",
)
@click.option(
    "--urls", "urls_file", type=click.Path(exists=True, dir_okay=False), help="A list of article URLs, one a line."
)
@actors_option
@fetch_options
@triage_option
@_edge
def ingest(
    paths: tuple[str, ...],
    db: str,
    date: str | None,
    workers: int | None,
    engine: str,
    address: str | None,
    parquet_dir: str | None,
    load: bool,
    as_json: bool,
    actor_files: tuple[str, ...],
    watch_dir: str | None,
    feeds_file: str | None,
    urls_file: str | None,
    user_agent: str | None,
    delay: float,
    timeout: float,
    no_robots: bool,
    triage: bool,
) -> None:
    """Code documents and store them in the database (re-running skips stored documents).

    PATHS are files, directories, - for standard input, or http(s) URLs of feeds, sitemaps or
    articles. Pages are fetched politely (robots.txt, a delay per host) and an article already
    stored (same URL without tracking parameters, or same text) is not fetched again.

    \b
    Example:
      dyad ingest samples/ --db dyad.duckdb
      dyad ingest news/*.jsonl --db news.duckdb --date 2026-01-07 --workers 2
      dyad ingest news/ --db news.duckdb --engine ray --address auto
      dyad ingest --watch inbox/ --db news.duckdb
      dyad ingest --feeds feeds/international.txt --db news.duckdb
      dyad ingest https://example.org/feed.xml --urls articles.txt --db news.duckdb
    """
    from dyad.annotate import Annotator
    from dyad.ingest import ingest as run_ingest
    from dyad.pipeline import Pipeline
    from dyad.read import ReadSettings
    from dyad.store import Store

    progress = _Progress(enabled=sys.stderr.isatty())
    pipeline = Pipeline(annotator=Annotator(), triage=triage)
    with Store(db, shared=True) as store:  # `dyad serve` can read the database between write transactions
        if actor_files:  # user dictionaries join the store's memory, which every engine is taught
            from dyad.actors import load_actor_file

            for path in actor_files:
                for record in load_actor_file(path):
                    store.add_alias(record, source="user")
        if not paths and not watch_dir and not feeds_file and not urls_file:
            raise click.UsageError("give PATHS to ingest, --feeds FILE, --urls FILE or --watch DIR")
        from dyad.engine import default_workers
        from dyad.engine.ray_data import RaySettings
        from dyad.ingest import IngestInfo

        targets = [p for p in paths if p.startswith(("http://", "https://"))]
        files = [p for p in paths if p not in targets]
        ray_settings = RaySettings(address=address, workers=workers, triage=triage)
        info = IngestInfo()
        if files:
            info = run_ingest(
                files,
                store,
                pipeline,
                settings=ReadSettings(default_date=date),
                on_document=progress,
                workers=workers or default_workers(),
                engine=engine,
                ray_settings=ray_settings,
                parquet_dir=parquet_dir,
                load=load,
            )
        if targets or feeds_file or urls_file:
            from dyad.follow import poll
            from dyad.read.feeds import read_feed_list, read_url_list

            with _fetcher(user_agent, delay, timeout, no_robots) as fetcher:
                polled = poll(
                    store,
                    read_feed_list(feeds_file) if feeds_file else [],
                    read_url_list(urls_file) if urls_file else [],
                    targets,
                    pipeline,
                    fetcher,
                    ReadSettings(default_date=date),
                    workers or 1,
                    on_document=progress,
                )
            for name in ("documents", "skipped", "events", "learned"):
                setattr(info, name, getattr(info, name) + getattr(polled.ingest, name))
            info.skipped += polled.known + polled.repeated
            info.rejected += polled.rejected
        if watch_dir:
            from dyad.ingest import watch

            click.echo(f"watching {watch_dir} (Ctrl-C stops)", err=True)
            with contextlib.suppress(KeyboardInterrupt):
                watch(
                    watch_dir,
                    store,
                    pipeline,
                    ReadSettings(default_date=date),
                    on_batch=lambda i: click.echo(f"ingested {i.documents} documents, {i.events} events", err=True),
                )
    progress.done()
    if as_json:
        click.echo(json.dumps(info.as_dict()))
    else:
        if info.parquet and not load:
            click.echo(f"coded to Parquet in {info.parquet} (not loaded into {db})")
        else:
            click.echo(
                f"ingested {info.documents} documents ({info.skipped} already stored), "
                f"{info.events} events, {info.learned} actors learned -> {db}"
            )
        for r in info.rejected:
            click.echo(f"rejected: {r.reason}")
    sys.exit(EXIT_REJECTED if info.rejected else EXIT_OK)


def _duration(value: str) -> float:
    import re

    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*", value)
    if not match or float(match.group(1)) <= 0:
        raise click.BadParameter(f"{value!r} is not a duration like 90s, 15m, 1h or 1d", param_hint="--every")
    return float(match.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]


@main.command()
@click.option(
    "--feeds",
    "feeds_file",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="The feeds to follow, one URL a line ('URL | label | country', # comments); re-read each poll.",
)
@db_option
@click.option("--every", default="15m", show_default=True, help="Time from one poll to the next: 90s, 15m, 1h.")
@click.option("--polls", type=click.IntRange(min=1), help="Stop after this many polls (default: until Ctrl-C).")
@click.option("--date", help="Publication date (YYYY-MM-DD) for articles whose feed and page give none.")
@fetch_options
@_edge
def watch(
    feeds_file: str,
    db: str,
    every: str,
    polls: int | None,
    date: str | None,
    user_agent: str | None,
    delay: float,
    timeout: float,
    no_robots: bool,
) -> None:
    """Follow feeds: poll them, code and store what is new, print one line per poll.

    Each poll asks every feed only for changes (ETag / Last-Modified, kept in the database, so a
    restart resumes) and fetches only articles not yet stored. Ctrl-C stops between articles;
    what was stored stays stored. `dyad serve --db FILE` shows the new events while this runs.

    \b
    Example:
      dyad watch --feeds feeds/international.txt --every 15m --db news.duckdb
    """
    import signal
    import threading

    from dyad.annotate import Annotator
    from dyad.follow import PollInfo
    from dyad.follow import watch as follow
    from dyad.pipeline import Pipeline
    from dyad.read import ReadSettings
    from dyad.read.feeds import read_feed_list
    from dyad.store import Store

    seconds = _duration(every)
    stop = threading.Event()
    count = 0

    def on_sigint(_signum: int, _frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        stop.set()
        click.echo("dyad: stopping after the current article (Ctrl-C again to stop at once)", err=True)

    def report(info: PollInfo, next_poll: float) -> None:
        nonlocal count
        count += 1
        for r in info.rejected:
            click.echo(f"rejected: {r.reason}", err=True)
        when = (
            "stopped"
            if info.stopped or stop.is_set() or (polls and count >= polls)
            else "next poll " + time.strftime("%H:%M:%S", time.localtime(next_poll))
        )
        click.echo(
            f"{time.strftime('%Y-%m-%d %H:%M:%S')} poll {count}: {info.feeds} feeds "
            f"({info.not_modified} unchanged), {info.documents} new articles, {info.events} events, "
            f"{len(info.rejected)} rejected, {info.known + info.repeated} already seen; {when}"
        )

    previous = signal.signal(signal.SIGINT, on_sigint)
    try:
        with Store(db, shared=True) as store, _fetcher(user_agent, delay, timeout, no_robots) as fetcher:
            follow(
                store,
                lambda: read_feed_list(feeds_file),
                seconds,
                Pipeline(annotator=Annotator()),
                fetcher,
                ReadSettings(default_date=date),
                stop=stop,
                on_poll=report,
                polls=polls,
            )
        if stop.is_set():
            click.echo("dyad: stopped; what was stored stays stored, and the next watch resumes", err=True)
    finally:
        signal.signal(signal.SIGINT, previous)


EVENT_COLUMNS = [
    "doc_date",
    "event_date",
    "event",
    "cameo",
    "actor_codes",
    "recipient_codes",
    "event_text",
    "confidence",
    "doc_id",
]


@main.command()
@db_option
@click.option("--actor", help="Events with this code as actor or recipient (e.g. TUR).")
@click.option("--dyad", "dyad_", metavar="A-B", help="Events between two actors, e.g. TUR-MYS (both ways).")
@click.option("--directed", is_flag=True, help="With --dyad: only events from A to B.")
@click.option("--event", help="PLOVER event type, e.g. CONSULT.")
@click.option("--cameo", help="CAMEO code or prefix, e.g. 04 or 043.")
@click.option("--since", help="From this date (YYYY-MM-DD).")
@click.option("--until", help="Up to this date (YYYY-MM-DD).")
@click.option("--source", help="Only events of articles from this source (outlet), e.g. Reuters.")
@click.option("--limit", type=int, default=None, help="At most this many events.")
@format_option
@_edge
def events(
    db: str,
    actor: str | None,
    dyad_: str | None,
    directed: bool,
    event: str | None,
    cameo: str | None,
    since: str | None,
    until: str | None,
    source: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored events, filtered.

    \b
    Example:
      dyad events --db dyad.duckdb --dyad TUR-MYS --format json
      dyad events --actor RUS --event ASSAULT --since 2022-02-24
    """
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        frame = store.events(
            actor=actor,
            dyad=dyad_,
            event=event,
            cameo=cameo,
            since=since,
            until=until,
            directed=directed,
            limit=limit,
            source=source,
        )
    if fmt == "json":
        click.echo(json.dumps(_records(frame), ensure_ascii=False, default=str))
    elif fmt == "csv":
        click.echo(frame.drop(columns=["actor", "recipient", "event_loc"]).to_csv(index=False), nl=False)
    else:
        _table(frame[EVENT_COLUMNS] if len(frame) else frame)


def _records(frame: Any) -> list[dict[str, Any]]:
    from dyad.serial import records

    return records(frame)


def _table(frame: Any) -> None:
    if not len(frame):
        click.echo("(no events)")
        return
    frame = frame.copy()
    for col in frame.columns:
        frame[col] = frame[col].map(lambda v: ",".join(v) if hasattr(v, "__len__") and not isinstance(v, str) else v)
    click.echo(frame.to_string(index=False, max_colwidth=40))


@main.command()
@click.argument("doc_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_edge
def show(doc_id: str, db: str, fmt: str) -> None:
    """Show one stored article with its events, actors and quotes.

    \b
    Example:
      dyad show 000_e51a7bb7ba208ab8 --db dyad.duckdb
    """
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        doc = store.document(doc_id)
    if fmt == "json":
        out = {k: (_records(v) if hasattr(v, "to_dict") else v) for k, v in doc.items()}
        click.echo(json.dumps(out, ensure_ascii=False, default=str))
        return
    click.echo(f"{doc['id']}  {doc['date'] or 'date unknown'}  {doc['title'] or ''}".rstrip())
    click.echo("")
    click.echo(doc["text"])
    click.echo("")
    click.echo(f"Events ({len(doc['events'])}):")
    for e in doc["events"].to_dict(orient="records"):
        e["event_date"] = e["event_date"].date().isoformat() if hasattr(e["event_date"], "date") else e["event_date"]
        actors = ",".join(e["actor_codes"]) or "?"
        recipients = ",".join(e["recipient_codes"]) or "?"
        where = e["event_loc"]["name"] if isinstance(e.get("event_loc"), dict) else "-"
        click.echo(
            f'  {e["event"]:<9} {e["cameo"]:<5} {actors} -> {recipients}  "{e["event_text"]}"  '
            f"{e['event_date']} ({e['date_precision']}) at {where}  conf {e['confidence']:.2f}  [{e['rule']}]"
        )
    click.echo("")
    actors_seen: dict[str, str] = {}
    for m in _records(doc["mentions"]):
        if m["code"]:
            actors_seen.setdefault(m["entity_name"] or m["text"], f"{m['code']} {m['sector'] or ''}".strip())
    click.echo("Actors: " + "; ".join(f"{name} = {code}" for name, code in actors_seen.items()))
    if len(doc["quotes"]):
        click.echo("")
        click.echo(f"Quotes ({len(doc['quotes'])}):")
        for q in _records(doc["quotes"]):
            speaker = q["speaker"]["entity_name"] if q["speaker"] else "?"
            click.echo(f'  [{q["kind"]}] {speaker} ({q["speaker_code"] or "?"}): "{q["text"]}"')
    if len(doc["commitments"]):
        click.echo("")
        click.echo(f"Commitments ({len(doc['commitments'])}):")
        for c in _records(doc["commitments"]):
            click.echo(
                f"  {c['status']:<9} {','.join(c['actor_codes'])} -> {','.join(c['recipient_codes'])}: "
                f"{c['what']}  (made {c['made_on']})"
            )
    click.echo("")
    click.echo(f"Tone: {doc['tone']}   Topics: {', '.join(doc['themes'].get('topics', [])) or '-'}")


@main.command()
@db_option
@format_option
@_edge
def stats(db: str, fmt: str) -> None:
    """Summarise the database: documents, events, event types, top dyads.

    \b
    Example:
      dyad stats --db dyad.duckdb --format json
    """
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        summary = store.stats()
    if fmt == "json":
        click.echo(json.dumps(summary))
    elif fmt == "csv":
        click.echo("key,value")
        for key in ("documents", "events", "sentences", "mentions", "quotes", "first_date", "last_date"):
            click.echo(f"{key},{summary[key]}")
    else:
        for key in (
            "documents",
            "events",
            "sentences",
            "mentions",
            "quotes",
            "commitments",
            "duplicates",
            "first_date",
            "last_date",
        ):
            click.echo(f"{key:<12} {summary[key]}")
        click.echo("events by type: " + ", ".join(f"{k} {v}" for k, v in summary["events_by_type"].items()))
        click.echo("top dyads:      " + ", ".join(f"{k} {v}" for k, v in summary["top_dyads"].items()))


@main.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback by default).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token",
    envvar="DYAD_WRITE_TOKEN",
    help="Enables POST /api/ingest for bearer holders of this token "
    "(default: read-only). Also read from DYAD_WRITE_TOKEN.",
)
@click.option("--cors", "cors_origins", multiple=True, help="Allow browser calls from this origin (closed by default).")
@_edge
def serve(db: str, host: str, port: int, token: str | None, cors_origins: tuple[str, ...]) -> None:
    """Serve the JSON API (/api/..., /openapi.json) and the dashboard (/).

    \b
    Example:
      dyad serve --db dyad.duckdb --host 127.0.0.1 --port 8000
    """
    import uvicorn

    from dyad.api import create_app
    from dyad.store import Store

    Store(db, read_only=True).close()  # fail early, with a clear message, on a missing or foreign file
    click.echo(
        f"Dyad dashboard: http://{host}:{port}/  (API: http://{host}:{port}/api/stats, "
        f"spec: http://{host}:{port}/openapi.json)"
    )
    uvicorn.run(
        create_app(db, write_token=token, cors_origins=list(cors_origins)), host=host, port=port, log_level="warning"
    )


@main.command()
@db_option
@click.option("--dyad", "dyad_", metavar="A-B", help="Commitments between two actors, e.g. TUR-MYS (both ways).")
@click.option("--actor", help="Commitments made by or to this code.")
@click.option("--status", type=click.Choice(["open", "fulfilled", "broken"]), help="Only this status.")
@format_option
@_edge
def commitments(db: str, dyad_: str | None, actor: str | None, status: str | None, fmt: str) -> None:
    """List commitments (pledges, intentions, agreements) and whether later events kept them.

    \b
    Example:
      dyad commitments --db dyad.duckdb --dyad TUR-MYS --status open
    """
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        frame = store.commitments(dyad=dyad_, status=status, actor=actor)
    columns = ["made_on", "kind", "actor_codes", "recipient_codes", "status", "what", "fulfilled_by", "id"]
    if fmt == "json":
        click.echo(json.dumps(_records(frame), ensure_ascii=False, default=str))
    elif fmt == "csv":
        click.echo(frame.drop(columns=["actor", "recipient", "evidence"]).to_csv(index=False), nl=False)
    elif not len(frame):
        click.echo("(no commitments)")
    else:
        _table(frame[columns])


@main.command(name="export")
@db_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["gdelt", "plover", "parquet", "csv", "jsonl"]),
    required=True,
    help="gdelt: GDELT 2.0's 61 tab-separated columns; plover: PLOVER JSONL; parquet: a directory "
    "partitioned by month.",
)
@click.option("--out", type=click.Path(), help="Output file (directory for parquet); default: standard output.")
@click.option("--actor", help="Only events with this code as actor or recipient.")
@click.option("--dyad", "dyad_", metavar="A-B", help="Only events between two actors (both ways).")
@click.option("--event", help="Only this PLOVER type.")
@click.option("--since", help="From this date (YYYY-MM-DD).")
@click.option("--until", help="Up to this date (YYYY-MM-DD).")
@_edge
def export_(
    db: str,
    fmt: str,
    out: str | None,
    actor: str | None,
    dyad_: str | None,
    event: str | None,
    since: str | None,
    until: str | None,
) -> None:
    """Export events in the field's formats.

    \b
    Example:
      dyad export --db dyad.duckdb --format gdelt --dyad TUR-MYS --out tur-mys.tsv
      dyad export --db dyad.duckdb --format parquet --out events/
    """
    from pathlib import Path

    from dyad.export import export
    from dyad.store import Store

    filters: dict[str, Any] = {"actor": actor, "dyad": dyad_, "event": event, "since": since, "until": until}
    with Store(db, read_only=True) as store:
        if fmt == "parquet":
            if not out:
                raise click.UsageError("--format parquet needs --out DIRECTORY")
            n = export(store, fmt, path=Path(out))
        elif out:
            with open(out, "w", encoding="utf-8", newline="") as f:
                n = export(store, fmt, out=f, **filters)
        else:
            n = export(store, fmt, out=sys.stdout, **filters)
    if out:
        click.echo(f"exported {n} events as {fmt} -> {out}", err=True)


@main.command()
@click.argument("actor_a")
@click.argument("actor_b")
@db_option
@click.option("--since", help="From this date (YYYY-MM-DD).")
@click.option("--until", help="Up to this date (YYYY-MM-DD).")
@click.option(
    "--out",
    default="brief.html",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The HTML file; a Markdown twin is written beside it (.md).",
)
@_edge
def brief(actor_a: str, actor_b: str, db: str, since: str | None, until: str | None, out: str) -> None:
    """Write a self-contained relations brief (HTML and Markdown) on one dyad.

    \b
    Example:
      dyad brief TUR MYS --db dyad.duckdb --out tur-mys.html
    """
    from pathlib import Path

    from dyad.brief import make_brief
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        made = make_brief(store, actor_a, actor_b, since=since, until=until)
    path = Path(out)
    path.write_text(made.html, encoding="utf-8")
    path.with_suffix(".md").write_text(made.markdown, encoding="utf-8")
    click.echo(f"brief -> {path} and {path.with_suffix('.md')}")


@main.group()
def actors() -> None:
    """The actor memory: people learned from articles (title + nationality) and your own entries.

    \b
    Example:
      dyad actors list --db dyad.duckdb
      dyad actors search Murkomen --db dyad.duckdb
      dyad actors add "Kipchumba Murkomen" --code KEN --sector GOV --from 2024-12-19 --db dyad.duckdb
      dyad actors remove "Kipchumba Murkomen" --db dyad.duckdb
    """


ACTOR_COLUMNS = ["name", "code", "sector", "valid_from", "valid_to", "source", "doc_id"]


def _print_actors(frame: Any, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(_records(frame), ensure_ascii=False, default=str))
    elif fmt == "csv":
        click.echo(frame[ACTOR_COLUMNS].to_csv(index=False), nl=False)
    elif not len(frame):
        click.echo("(no actors)")
    else:
        click.echo(frame[ACTOR_COLUMNS].to_string(index=False))


@actors.command(name="list")
@db_option
@format_option
@_edge
def actors_list(db: str, fmt: str) -> None:
    """List remembered actors with their provenance.

    \b
    Example:
      dyad actors list --db dyad.duckdb --format json
    """
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        _print_actors(store.aliases(), fmt)


@actors.command(name="search")
@click.argument("text")
@db_option
@format_option
@_edge
def actors_search(text: str, db: str, fmt: str) -> None:
    """Find remembered actors by name, alias or code.

    \b
    Example:
      dyad actors search KEN --db dyad.duckdb
    """
    from dyad.store import Store

    with Store(db, read_only=True) as store:
        _print_actors(store.aliases(search=text), fmt)


@actors.command(name="add")
@click.argument("name")
@click.option("--code", required=True, help="ISO 3166 alpha-3 code, or IGO/NGO/...")
@click.option("--sector", help="Sector: GOV, MIL, REB, COP, ...")
@click.option("--alias", "aliases", multiple=True, help="Another name for the same actor (repeatable).")
@click.option("--from", "start", help="Valid from (YYYY-MM-DD).")
@click.option("--to", "end", help="Valid to (YYYY-MM-DD).")
@db_option
@_edge
def actors_add(
    name: str, code: str, sector: str | None, aliases: tuple[str, ...], start: str | None, end: str | None, db: str
) -> None:
    """Add or correct an actor; later ingests use it.

    \b
    Example:
      dyad actors add "Kipchumba Murkomen" --code KEN --sector GOV --alias Murkomen --db dyad.duckdb
    """
    from dyad.actors import ActorRecord
    from dyad.store import Store

    record = ActorRecord(
        name=name,
        code=code.upper(),
        sector=sector.upper() if sector else None,
        aliases=list(aliases),
        start=start,
        end=end,
    )
    with Store(db) as store:
        store.add_alias(record)
    click.echo(f"added {name} = {record.code} {record.sector or ''}".rstrip())


@actors.command(name="remove")
@click.argument("name")
@click.option("--code", help="Only the entry with this code.")
@db_option
@_edge
def actors_remove(name: str, code: str | None, db: str) -> None:
    """Forget a remembered actor.

    \b
    Example:
      dyad actors remove "Bashar Assads" --db dyad.duckdb
    """
    from dyad.store import Store

    with Store(db) as store:
        removed = store.remove_alias(name, code)
    click.echo(f"removed {removed} entr{'y' if removed == 1 else 'ies'} for {name}")


@main.group(name="kb")
def kb_group() -> None:
    """The knowledge base: whom a name means on a date, and your own people and offices.

    \b
    Example:
      dyad kb who "Abiy Ahmed" --date 2023-05-01
      dyad kb update ministers-2026.csv --db dyad.duckdb
    """


@kb_group.command(name="who")
@click.argument("name")
@click.option("--date", help="The date of the text (YYYY-MM-DD); default: no date, the latest office.")
@click.option("--db", type=click.Path(dir_okay=False), help="Also use this store's memory (learned and your entries).")
@format_option
@_edge
def kb_who(name: str, date: str | None, db: str | None, fmt: str) -> None:
    """Whom Dyad would pick for NAME on a date, and why (every candidate, the pick first).

    \b
    Example:
      dyad kb who "Rishi Sunak" --date 2023-06-01
    """
    from dataclasses import asdict

    from dyad.pipeline import shared_knowledge_base

    kb = shared_knowledge_base()
    if db and os.path.exists(db):
        from dyad.store import Store

        with Store(db, read_only=True) as store:
            kb = kb.with_memory(store.actor_memory().layers())
    found = [asdict(c) for c in kb.who(name, date)]
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False))
    else:
        import pandas as pd

        frame = pd.DataFrame(found, columns=["picked", "name", "code", "sector", "in_office", "why"])
        click.echo(
            frame.to_csv(index=False)
            if fmt == "csv"
            else frame.to_string(index=False)
            if found
            else f"(nobody called {name})",
            nl=fmt != "csv",
        )


@kb_group.command(name="update")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@db_option
@_edge
def kb_update(file: str, db: str) -> None:
    """Merge people and offices from FILE into your own layer, kept in the store (it survives upgrades
    of Dyad and outranks its bundled data). FILE is CSV, JSON or YAML with name, aliases, code,
    sector, from, to, source; or a PETRARCH .actors file. One entry per name and code: a later
    row replaces an earlier one.

    \b
    Example:
      dyad kb update ministers-2026.csv --db dyad.duckdb
    """
    from dyad.actors import load_actor_file
    from dyad.store import Store

    records = load_actor_file(file)
    with Store(db) as store:
        for record in records:
            store.add_alias(record, source=f"user: {record.source}" if record.source else "user")
    click.echo(f"{len(records)} entr{'y' if len(records) == 1 else 'ies'} from {file} -> {db}")


@main.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@click.option(
    "--predictions",
    type=click.Path(dir_okay=False),
    help="Also write per-event predictions (sentence gold) or the coded records (article gold) here.",
)
@click.option("--confusion", is_flag=True, help="Sentence gold: also print the PLOVER type confusion table.")
@click.option(
    "--articles", "force_articles", is_flag=True, help="Treat GOLD as whole-article gold (detected by default)."
)
@click.option(
    "--texts",
    type=click.Path(exists=True, dir_okay=False),
    help="Article gold: the articles to code (default: articles.jsonl beside GOLD).",
)
@click.option(
    "--records",
    type=click.Path(exists=True, dir_okay=False),
    help="Article gold: score this 'dyad code' output instead of coding the articles.",
)
@click.option(
    "--misses", is_flag=True, help="Article gold: also list missed gold events and produced events that match none."
)
@triage_option
@_edge
def eval_(
    gold: str,
    as_json: bool,
    predictions: str | None,
    confusion: bool,
    force_articles: bool,
    texts: str | None,
    records: str | None,
    misses: bool,
    triage: bool,
) -> None:
    """Score the coder against gold sentences or whole-article gold (as shared/eval's scorers do).

    Article gold (one record per article with its ``events``) is detected, or forced with
    --articles; its articles are coded from --texts (default: articles.jsonl beside GOLD), or
    --records scores an existing 'dyad code' output. Figures are printed overall and per kind.

    \b
    Example:
      dyad eval ../shared/eval/dev/gold.jsonl --confusion
      dyad eval ../shared/eval/articles/gold.jsonl --misses
    """
    from dyad.evaluate import is_article_gold, load_gold

    gold_records = load_gold(gold)
    if force_articles or is_article_gold(gold_records):
        _eval_articles(gold, gold_records, texts, records, predictions, as_json, misses, triage)
    else:
        _eval_sentences(gold_records, predictions, as_json, confusion, triage)


def _eval_sentences(
    gold_records: list[dict[str, Any]], predictions: str | None, as_json: bool, confusion: bool, triage: bool
) -> None:
    from dyad.evaluate import evaluate
    from dyad.pipeline import Pipeline

    result = evaluate(gold_records, Pipeline(triage=triage))
    if predictions:
        _write_jsonl(predictions, result.predictions)
    if as_json:
        click.echo(json.dumps(result.metrics))
    else:
        for key, value in result.metrics.items():
            click.echo(f"{key:18} {value}")
    if confusion:
        predicted = sorted({p for row in result.confusion.values() for p in row})
        click.echo("")
        click.echo("gold \\ top predicted: " + " ".join(f"{p[:4]:>5}" for p in predicted))
        for gold_type in sorted(result.confusion):
            row = result.confusion[gold_type]
            click.echo(f"{gold_type:<21} " + " ".join(f"{row.get(p, 0) or '.':>5}" for p in predicted))


def _write_jsonl(path: str, rows: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for row in rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")


def _eval_articles(
    gold: str,
    gold_records: list[dict[str, Any]],
    texts: str | None,
    records: str | None,
    predictions: str | None,
    as_json: bool,
    misses: bool,
    triage: bool,
) -> None:
    from dataclasses import asdict
    from pathlib import Path

    from dyad.evaluate import code_articles, load_records, score_articles
    from dyad.pipeline import Pipeline

    if records:
        coded = load_records(records)
    else:
        texts_path = texts or Path(gold).with_name("articles.jsonl")
        if not Path(texts_path).exists():
            raise click.UsageError(f"no article texts at {texts_path}: give --texts PATH or --records PATH")
        coded, rejected = code_articles(texts_path, Pipeline(triage=triage), {str(g.get("id")) for g in gold_records})
        for reason in rejected:
            click.echo(f"dyad: rejected {reason}", err=True)
    if predictions:
        _write_jsonl(predictions, list(coded.values()))
    result = score_articles(gold_records, coded)
    if as_json:
        out: dict[str, Any] = {**result.metrics, "by_kind": result.by_kind}
        if misses:
            out["misses"] = [asdict(m) for m in result.misses]
            out["unmatched"] = [asdict(x) for x in result.extras]
        click.echo(json.dumps(out, ensure_ascii=False))
        return
    _print_article_table({"all": result.metrics, **result.by_kind})
    if misses:
        _print_article_misses(result)


def _print_article_table(rows: dict[str, dict[str, Any]]) -> None:
    columns = list(next(iter(rows.values())))
    short = {
        "produced_per_article": "per_article",
        "no_actor_no_recipient": "no_sides",
        "gold_events": "gold",
        "key_events": "key",
    }
    heads = [short.get(c, c) for c in columns]
    click.echo(f"{'kind':<20}" + "".join(f"{h:>12}" for h in heads))
    for kind, metrics in rows.items():
        click.echo(f"{kind:<20}" + "".join(f"{metrics[c]:>12}" for c in columns))
    click.echo(
        "(no_actor, no_sides: share of produced events with no actor code, with neither actor nor recipient code)"
    )


def _print_article_misses(result: Any) -> None:
    click.echo("")
    for m in result.misses:
        click.echo(
            f"MISSED    {m.doc_id}  {'/'.join(m.plover)}  {','.join(m.actor)} -> {','.join(m.recipient)}"
            f"  | {m.evidence or ''}"
        )
    for x in result.extras:
        snippet = " ".join((x.sentence or "").split())[:120]
        line = f"UNMATCHED {x.doc_id}  {x.type}  {','.join(x.actor) or '-'} -> {','.join(x.recipient) or '-'}"
        line += f"  [{x.event_text}]" if x.event_text else ""
        line += f"  | {snippet}" if snippet else ""
        click.echo(line + (f"  ({x.rule})" if x.rule else ""))


if __name__ == "__main__":  # pragma: no cover
    main()
