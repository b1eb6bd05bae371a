"""The taxonomy owns the codes: every CAMEO code maps to a valid PLOVER reading."""

from __future__ import annotations

import pytest

from dyad import taxonomy


def test_codebook_is_complete():
    book = taxonomy.codebook()
    assert len(book) == 312
    assert book["043"].name.lower().startswith("host a visit")
    assert book["190"].goldstein == -10.0


@pytest.mark.parametrize(
    ("code", "event", "quad"),
    [
        ("040", "CONSULT", 1),
        ("051", "SUPPORT", 1),
        ("0211", "REQUEST", 0),
        ("057", "SUPPORT", 1),
        ("0871", "RETREAT", 2),
        ("163", "SANCTION", 3),
        ("191", "COERCE", 4),
        ("190", "ASSAULT", 4),
        ("112", "ACCUSE", 3),
        ("061", "COOPERATE", 2),
        ("0333", "AGREE", 1),
    ],
)
def test_cameo_to_plover(code, event, quad):
    assert taxonomy.plover(code).event == event
    assert taxonomy.cameo(code).quad_class == quad


def test_every_code_has_a_plover_reading_or_is_a_statement():
    for code in taxonomy.codebook():
        reading = taxonomy.plover(code)
        if code.startswith("01"):
            assert reading.event is None
        else:
            assert reading.event in taxonomy.PLOVER_TYPES, code


def test_modes_and_contexts():
    assert taxonomy.plover("042").mode == "visit"
    assert taxonomy.plover("0312").contexts == ("military",)
    assert taxonomy.plover("173").mode == "arrest"


def test_unknown_codes_are_not_codes():
    assert not taxonomy.is_cameo("999")
    assert not taxonomy.is_cameo("---")
    assert not taxonomy.is_cameo("")


def test_violent_repression_is_assault_by_crowd_control():
    # CAMEO2PLOVER-2021 maps 175 to ASSAULT; the PLOVER manual's ASSAULT mode 'crowd-control' names
    # tear gas, water cannon and rubber bullets
    coding = taxonomy.plover("175")
    assert (coding.event, coding.mode) == ("ASSAULT", "crowd-control")
