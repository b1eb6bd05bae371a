"""The API's one JSON renderer for query results: DataFrame rows as plain JSON values.

Cells go through ``dyad.export.json_value`` (NaN -> null, dates -> YYYY-MM-DD, arrays -> lists), and the
columns the store keeps as JSON text (an event's actors and place, a quote's speaker) are parsed, so a
client gets objects rather than strings holding JSON.
"""

from __future__ import annotations

import json
from typing import Any

from dyad.export import json_value

#: The JSON-text columns of each table as the API returns them.
EVENT_JSON = ("actor", "recipient", "event_loc")
QUOTE_JSON = ("speaker", "evidence")
COMMITMENT_JSON = ("actor", "recipient", "evidence")


def records(frame: Any, json_columns: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    """Each row of ``frame`` as a dict of JSON values, with ``json_columns`` parsed."""
    out = []
    for row in frame.to_dict(orient="records"):
        clean = {k: json_value(v) for k, v in row.items()}
        for key in json_columns:
            if isinstance(clean.get(key), str):
                clean[key] = json.loads(clean[key])
        out.append(clean)
    return out
