"""Every named rule the coder applies is documented, and docs/rules.md is generated from the table."""

from __future__ import annotations

import re
from pathlib import Path

from dyad.coding.coder import SIDE_RULES, EventCoder
from dyad.coding.rules import RULES, rules_markdown

ROOT = Path(__file__).resolve().parents[2]


def test_docs_are_generated_from_the_rule_table():
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_markdown()


def test_every_rule_named_in_the_coder_is_in_the_table():
    code = (ROOT / "src" / "dyad" / "coding" / "coder.py").read_text(encoding="utf-8")
    named = set(re.findall(r'steps(?:\.append\(| \+= \[)"([a-z-]+)"', code))
    named |= set(re.findall(r'rule "([a-z-]+)"', code))
    assert named and named <= set(RULES), named - set(RULES)


def test_every_side_rule_is_documented_and_implemented():
    assert set(SIDE_RULES) <= set(RULES), set(SIDE_RULES) - set(RULES)
    missing = [name for name in SIDE_RULES if not hasattr(EventCoder, "_rule_" + name.replace("-", "_"))]
    assert missing == []


def test_steps_name_the_rules_that_fired(coded):
    record = coded("Security forces kill 30 protesters in Mandalay.", date="2021-03-20")
    assert "local-agent" in record["events"][0]["evidence"]["steps"]
