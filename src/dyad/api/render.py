"""The API's query results as JSON: Dyad's one renderer (``dyad.serial.records``: NaN -> null, dates ->
YYYY-MM-DD, arrays -> lists), with the columns the dashboard's views keep as JSON text (an event's actors
and place, a quote's speaker) parsed, so a client gets objects rather than strings holding JSON.
"""

from __future__ import annotations

import json
from typing import Any

from dyad.serial import records as rows_as_json

#: The JSON-text columns of each table as the API returns them.
EVENT_JSON = ("actor", "recipient", "event_loc")
QUOTE_JSON = ("speaker", "evidence")
COMMITMENT_JSON = ("actor", "recipient", "evidence")


def records(frame: Any, json_columns: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Each row of ``frame`` as a dict of JSON values, with ``json_columns`` parsed."""
    out = []
    for clean in rows_as_json(frame):
        for key in json_columns:
            if isinstance(clean.get(key), str):
                clean[key] = json.loads(clean[key])
        out.append(clean)
    return out
