"""The one catalogue of Dyad's error messages.

Library code raises ``DyadError`` (or returns ``Rejection`` records for bad inputs); only the CLI
and the HTTP API turn them into messages and exit codes, at the edge.
"""

from __future__ import annotations


class Msg:
    """Message templates, keyed by what went wrong. Fill with ``.format(**fields)``."""

    NOT_FOUND = "{path}: no such file or directory"
    UNREADABLE = "{path}: cannot be read ({error})"
    NOT_REGULAR = "{path}: not a regular file (a pipe, socket or device), skipped"
    EMPTY = "{path}: empty document (no text after stripping whitespace)"
    BINARY = "{path}: looks like a binary file ({what}), not text"
    TOO_LARGE = "{path}: {size} bytes is over the article size limit of {limit} bytes"
    BAD_JSON = "{path}: invalid JSON ({error})"
    NOT_OBJECT = "{path}: a JSON line must be an object with a 'text' field"
    NO_TEXT = "{path}: no 'text' field, or it is empty"
    BAD_DATE = "{path}: date {value!r} is not a valid YYYY-MM-DD date"
    FUTURE_DATE = "{path}: date {value} lies in the future"
    BAD_CSV = "{path}: CSV error ({error})"
    CSV_NO_TEXT_COLUMN = "{path}: CSV has no 'text' column (columns: {columns})"
    HTML_NO_TEXT = "{path}: no article text could be extracted from the HTML"
    UNSUPPORTED = "{path}: unsupported file type {suffix!r} (use .txt, .jsonl, .json, .csv or .html)"
    BAD_DB = "{path}: not a Dyad database ({error})"
    DB_BUSY = "{path}: the database stayed busy (another process is writing or reading it): {error}"
    DB_TOO_NEW = "{path}: database schema version {found} is newer than this Dyad ({supported})"
    NO_DOCUMENT = "no document with id {id!r}"
    BAD_DYAD = "--dyad must look like TUR-MYS (two codes joined by '-'), got {value!r}"
    BAD_GOLD = "{path}: not a gold file ({error})"
    BAD_ACTORS = "{path}: not an actor dictionary ({error})"
    NO_ALIAS = "no learned or user actor named {name!r}"
    UNKNOWN_ENGINE = "unknown engine {engine!r} (use 'local' or 'ray')"
    RAY_NO_STDIN = "the Ray engine reads files; save standard input to a file first"
    RAY_FAILED = "the Ray engine failed: {error}"
    RAY_CONNECT = "cannot start or reach Ray at {address}: {error}"
    RAY_MISSING = "the Ray engine needs Ray: pip install 'dyad[ray]' (make venv installs it)"
    # feeds and article URLs (dyad.read.web): each names the URL, as file rejections name the file
    BAD_URL = "{url}: not an http(s) URL"
    FETCH_ROBOTS = "{url}: robots.txt does not allow {agent} to fetch it"
    FETCH_ROBOTS_UNREACHABLE = "{url}: robots.txt could not be read ({error}); not fetched, will retry"
    FETCH_STATUS = "{url}: HTTP {status}{tries}"
    FETCH_TIMEOUT = "{url}: no answer within {timeout} s{tries}"
    FETCH_ERROR = "{url}: cannot be fetched ({error}){tries}"
    FETCH_RETRY_AFTER = "{url}: HTTP {status}, the server asks to wait {seconds:.0f} s (over the {limit:.0f} s limit)"
    FETCH_TOO_LARGE = "{url}: over the size limit of {limit} bytes, not downloaded"
    FETCH_REDIRECT_LOOP = "{url}: redirect loop (back to {target})"
    FETCH_REDIRECTS = "{url}: more than {limit} redirects"
    FETCH_NOT_HTML = "{url}: not an HTML page ({what})"
    FETCH_STUB = "{url}: only {words} words of article text (a paywall stub or no article; {limit} needed)"
    FETCH_NO_TEXT = "{url}: no article text could be extracted from the page"
    BAD_FEED = "{url}: {error}"


class DyadError(Exception):
    """A failure the user can act on; its message is shown as is."""
