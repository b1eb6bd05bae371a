"""Readers for the input formats Dyad accepts: dated .txt, plain .txt, JSONL, CSV, HTML."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import os
import re
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from dyad.errors import Msg
from dyad.model import Document, Rejection
from dyad.read.ids import DistinctIds

#: The seed format, exactly: the text begins with the word "date" (lower case) and a date in digits,
#: YYYY-MM-DD, then the article. Nothing else at the start of a text is metadata: an article that
#: opens "Date of publication 5 July 2016" or "Dates were set for talks" is article text, kept whole.
DATE_LINE = re.compile(r"^[ \t\r\n]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]*(?:\r?\n)|[ \t]+)")

TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv", ".tsv"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
#: Files a directory walk passes over silently (documentation beside a corpus is not an article).
IGNORED_IN_DIRECTORIES = (".md", ".rst", ".license", ".gitignore")
BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x1f\x8b": "gzip archive",
}

Item = Document | Rejection
MIN_HTML_WORDS = 8


@dataclass(frozen=True)
class ReadSettings:
    """Limits and defaults of the readers (sane defaults; every one is a setting)."""

    default_date: str | None = None
    max_bytes: int = 1_000_000  # per article: spaCy parses at most a million characters at once
    max_file_bytes: int = 2_000_000_000  # per JSONL/CSV file
    today: dt.date | None = None  # dates after this are rejected; None = the real today + 1 day

    def latest_date(self) -> dt.date:
        return self.today or (dt.date.today() + dt.timedelta(days=1))


def read_inputs(
    paths: Iterable[str | os.PathLike[str]], settings: ReadSettings | None = None, stdin: IO[str] | None = None
) -> Iterator[Item]:
    """Yield a Document or a Rejection for every input in ``paths``.

    A path may be a file, a directory (read recursively, in sorted order) or ``-`` for standard
    input: JSONL when its first non-blank character is ``{``, else one plain-text article.
    A repeated id keeps its document: the same text is yielded again as it is, another text
    under an id of its own (see ``DistinctIds``); nothing is dropped.
    """
    settings = settings or ReadSettings()
    ids = DistinctIds()
    for raw in paths:
        name = os.fspath(raw)
        if name == "-":
            items: Iterable[Item] = _read_stdin(stdin or sys.stdin, settings)
        else:
            items = _read_path(Path(name), settings)
        for item in items:
            yield ids.admit(item)[0] if isinstance(item, Document) else item


def _read_path(path: Path, settings: ReadSettings) -> Iterator[Item]:
    for item in input_files([path]):
        if isinstance(item, Rejection):
            yield item
        else:
            yield from read_file(item, settings)


def input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Rejection]:
    """The files ``paths`` name, directories walked in sorted order (what engines that read files
    in parallel hand out); a path that does not exist is a ``Rejection``."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _directory_files(path)
        elif not path.exists():
            yield Rejection(str(path), Msg.NOT_FOUND.format(path=path))
        else:
            yield path


def _directory_files(root: Path) -> Iterator[Path]:
    visited: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True, onerror=None):
        stat = os.stat(dirpath)
        if (stat.st_dev, stat.st_ino) in visited:  # a symlink loop: walk each directory once
            dirnames[:] = []
            continue
        visited.add((stat.st_dev, stat.st_ino))
        dirnames.sort()
        for filename in sorted(filenames):
            if filename.startswith(".") or filename.lower().endswith(IGNORED_IN_DIRECTORIES):
                continue
            yield Path(dirpath) / filename


def read_file(path: Path, settings: ReadSettings) -> Iterator[Item]:
    """Every document (or rejection) in one file, by its suffix."""
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | JSONL_SUFFIXES | CSV_SUFFIXES | HTML_SUFFIXES:
        yield Rejection(str(path), Msg.UNSUPPORTED.format(path=path, suffix=suffix))
        return
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO or device would block or never end
            yield Rejection(str(path), Msg.NOT_REGULAR.format(path=path))
            return
        size = info.st_size
        limit = settings.max_file_bytes if suffix in JSONL_SUFFIXES | CSV_SUFFIXES else settings.max_bytes
        if size > limit:
            yield Rejection(str(path), Msg.TOO_LARGE.format(path=path, size=size, limit=limit))
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Rejection(str(path), Msg.UNREADABLE.format(path=path, error=exc.strerror or exc))
        return
    text_or_rejection = decode(data, str(path))
    if isinstance(text_or_rejection, Rejection):
        yield text_or_rejection
        return
    text = text_or_rejection
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_stream(io.StringIO(text), str(path), settings)
    elif suffix in CSV_SUFFIXES:
        yield from _read_csv(text, str(path), settings, delimiter="\t" if suffix == ".tsv" else ",")
    elif suffix in HTML_SUFFIXES:
        yield _read_html(text, path, settings)
    else:
        yield read_text_document(text, doc_id=path.stem, origin=str(path), settings=settings)


def decode(data: bytes, origin: str) -> str | Rejection:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252/Latin-1."""
    for magic, what in BINARY_MAGIC.items():
        if data.startswith(magic):
            return Rejection(origin, Msg.BINARY.format(path=origin, what=what))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            return Rejection(origin, Msg.UNREADABLE.format(path=origin, error=f"bad UTF-16: {exc.reason}"))
    if b"\x00" in data[:8192]:
        return Rejection(origin, Msg.BINARY.format(path=origin, what="NUL bytes"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_text_document(
    text: str, doc_id: str | None = None, origin: str = "<text>", settings: ReadSettings | None = None, **meta: Any
) -> Item:
    """A text, possibly in the seed format (``date YYYY-MM-DD`` then the article), as a Document."""
    settings = settings or ReadSettings()
    date = meta.pop("date", None) or None
    match = DATE_LINE.match(text)
    if match:  # the seed line is metadata; a record's own date field still wins over it
        date = date or match.group(1)
        text = text[match.end() :]
    text = _clean_text(text)
    if not text:
        return Rejection(origin, Msg.EMPTY.format(path=origin))
    if len(text.encode("utf-8")) > settings.max_bytes:
        return Rejection(
            origin, Msg.TOO_LARGE.format(path=origin, size=len(text.encode("utf-8")), limit=settings.max_bytes)
        )
    date = date or settings.default_date
    if date is not None:
        checked = check_date(str(date), origin, settings)
        if isinstance(checked, Rejection):
            return checked
        date = checked
    return Document(
        id=str(doc_id) if doc_id else Document.content_id(text),
        text=text,
        date=date,
        origin=origin,
        **{k: (str(v) if v is not None else None) for k, v in meta.items()},
    )


def check_date(value: str, origin: str, settings: ReadSettings) -> str | Rejection:
    """Accept YYYY-MM-DD (or a full ISO timestamp); reject impossible and future dates."""
    try:
        parsed = dt.date.fromisoformat(value[:10])
    except ValueError:
        return Rejection(origin, Msg.BAD_DATE.format(path=origin, value=value))
    if parsed > settings.latest_date():
        return Rejection(origin, Msg.FUTURE_DATE.format(path=origin, value=parsed.isoformat()))
    return parsed.isoformat()


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _clean_text(text: str) -> str:
    """Normalise line ends and drop control characters; the result is what offsets refer to."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    return text.strip()


META_FIELDS = ("title", "url", "source")


def _from_record(record: dict[str, Any], origin: str, settings: ReadSettings) -> Item:
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        return Rejection(origin, Msg.NO_TEXT.format(path=origin))
    meta = {k: record.get(k) or None for k in META_FIELDS}
    doc_id = record.get("id")
    return read_text_document(
        text,
        doc_id=str(doc_id) if doc_id not in (None, "") else None,
        origin=origin,
        settings=settings,
        date=record.get("date") or None,
        **meta,
    )


def _read_stdin(stream: IO[str], settings: ReadSettings) -> Iterator[Item]:
    """JSONL (one document per line) or, when it does not start with ``{``, one pasted article.

    Sniffing spares users the surprise of ``echo "Iran hosted..." | dyad code -`` being rejected
    as bad JSON; a JSONL stream always starts with an object.
    """
    head = ""
    for line in stream:
        head += line
        if line.strip():
            break
    if head.lstrip().startswith("{"):
        yield from _read_jsonl_stream(itertools.chain(head.splitlines(keepends=True), stream), "<stdin>", settings)
        return
    text = head + stream.read(settings.max_bytes * 4 + 1)
    yield read_text_document(text, origin="<stdin>", settings=settings)


def _read_jsonl_stream(stream: Iterable[str], name: str, settings: ReadSettings) -> Iterator[Item]:
    for lineno, line in enumerate(stream, start=1):
        if not line.strip():
            continue
        origin = f"{name}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield Rejection(origin, Msg.BAD_JSON.format(path=origin, error=exc.msg))
            continue
        if not isinstance(record, dict):
            yield Rejection(origin, Msg.NOT_OBJECT.format(path=origin))
            continue
        yield _from_record(record, origin, settings)


def _read_csv(text: str, name: str, settings: ReadSettings, delimiter: str) -> Iterator[Item]:
    csv.field_size_limit(settings.max_bytes)
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        columns = reader.fieldnames or []
    except csv.Error as exc:
        yield Rejection(name, Msg.BAD_CSV.format(path=name, error=exc))
        return
    if "text" not in columns:
        yield Rejection(name, Msg.CSV_NO_TEXT_COLUMN.format(path=name, columns=", ".join(columns) or "none"))
        return
    rows = iter(reader)
    while True:
        origin = f"{name}:{reader.line_num + 1}"
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as exc:
            yield Rejection(origin, Msg.BAD_CSV.format(path=origin, error=exc))
            return
        yield _from_record(dict(row), f"{name}:{reader.line_num}", settings)


def _read_html(html: str, path: Path, settings: ReadSettings) -> Item:
    import trafilatura  # imported here: it is slow to import and only HTML needs it

    origin = str(path)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or len(text.split()) < MIN_HTML_WORDS:  # menus and footers are not an article
        return Rejection(origin, Msg.HTML_NO_TEXT.format(path=origin))
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta is not None else None
    date = meta.date if meta is not None and meta.date else None
    url = meta.url if meta is not None else None
    return read_text_document(text, doc_id=path.stem, origin=origin, settings=settings, date=date, title=title, url=url)
