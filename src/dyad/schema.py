"""The JSON Schema of the ``dyad code`` record, and a validator for it."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any


@cache
def record_schema() -> dict[str, Any]:
    text = resources.files("dyad.data").joinpath("schema/record.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def validation_errors(record: dict[str, Any]) -> list[str]:
    """Every way ``record`` departs from the schema (empty when it is valid)."""
    from jsonschema import Draft202012Validator

    validator = Draft202012Validator(record_schema())
    return [f"{'/'.join(map(str, e.absolute_path)) or '<record>'}: {e.message}" for e in validator.iter_errors(record)]
