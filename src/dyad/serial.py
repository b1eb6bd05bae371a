"""Dyad's JSON forms: the one renderer of query results, and a lossless form of ``CodedDocument``.

``records(frame)`` turns the store's DataFrames (whose JSON columns the store has already decoded)
into JSON-ready rows; every face that prints or serves query results as JSON goes through it
(``dyad events/show/commitments/actors --format json``, the JSONL and PLOVER exports, the brief).

``coded_to_json``/``coded_from_json``: the public ``dyad code`` record (``CodedDocument.to_record``)
drops what the store needs and users do not (sentence table, people learned, document origin), so
the Ray engine writes this form to Parquet beside the record and loads it back into the store
without coding anything twice.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from functools import cache
from typing import Any

from dyad.model import CodedDocument


def json_value(value: Any) -> Any:
    """A DataFrame cell as JSON: SQL NULL (None, NaN, NaT, NA) -> None, dates -> YYYY-MM-DD,
    arrays and numpy scalars -> lists and Python numbers; anything else as it is."""
    if value is None or (isinstance(value, float) and value != value):  # before tolist: numpy NaN too
        return None
    if type(value).__name__ in ("NAType", "NaTType"):  # pandas' missing values
        return None
    if hasattr(value, "tolist"):
        return value.tolist()
    if hasattr(value, "strftime"):
        return value.strftime("%Y-%m-%d")
    return value


def records(frame: Any) -> list[dict[str, Any]]:
    """Each row of a query's DataFrame as a dict of JSON values (see ``json_value``)."""
    return [{key: json_value(value) for key, value in row.items()} for row in frame.to_dict(orient="records")]


def coded_to_json(coded: CodedDocument) -> str:
    return json.dumps(dataclasses.asdict(coded), ensure_ascii=False, separators=(",", ":"))


def coded_from_json(text: str) -> CodedDocument:
    value = _build(CodedDocument, json.loads(text))
    assert isinstance(value, CodedDocument)
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _build(cls: type, data: Any) -> Any:
    if data is None:
        return None
    hints = _hints(cls)
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name in data:
            kwargs[f.name] = _convert(hints[f.name], data[f.name])
    return cls(**kwargs)


def _convert(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        return _convert(options[0], value) if len(options) == 1 else value
    if origin is list:
        (item,) = typing.get_args(hint)
        return [_convert(item, v) for v in value]
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _build(hint, value)
    return value
