"""Schemathesis against the OpenAPI spec: generated requests to every endpoint, the write endpoint
with its token included, never get a server error and always get a response the spec allows.

Driven through Hypothesis directly (schemathesis' pytest plugin does not run under pytest 9 yet).
"""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings

from dyad.api import create_app

TOKEN = "fuzz-token"
EXAMPLES = 40


def test_no_server_errors_and_responses_match_the_spec(sample_db):
    schema = schemathesis.openapi.from_asgi("/openapi.json", create_app(sample_db, write_token=TOKEN))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 13
    cases = 0
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case) -> None:
            nonlocal cases
            cases += 1
            case.call_and_validate(headers={"Authorization": f"Bearer {TOKEN}"})

        run()
    assert cases >= len(operations) * 5  # generation really ran
    print(f"\nfuzz: {len(operations)} operations, {cases} generated requests, 0 server errors")
