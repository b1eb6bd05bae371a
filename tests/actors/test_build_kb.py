"""scripts/build_kb.py on tiny hand-made inputs: office terms, Factbook leaders, former states."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def build():
    spec = importlib.util.spec_from_file_location("build_kb", ROOT / "scripts" / "build_kb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOLDERS = (
    (
        "country_repo,country_iso3,jurisdiction_qid,position,position_id,position_list,person,person_id,start,"
        "end,gender,dob,dod,image,enwiki\n"
    )
    + """\
ruritania,RUR,Q1,Minister of Foreign Affairs,Q10,wanted,Anna Maria Kovacs,Q100,2019-05,2021-03-02,,,,,
ruritania,RUR,Q1,Prime Minister,Q11,wanted,Anna Maria Kovacs,Q100,2021-03-02,,,,,,
ruritania,RUR,Q1,Chief of the General Staff,Q12,xtra,Boris Old,Q101,2018,2020,,,,,
ruritania,RUR,Q1,ambassador to France,Q13,xtra,Carl Envoy,Q102,2018-01-01,,,,,,
ruritania,RUR,Q1,Mayor of Strelsau,Q14,xtra,Dora Town,Q103,2018-01-01,,,,,,
world,,,Secretary-General of the Widget Union,Q15,wanted,Ezra Chair,Q104,2020-01-01,,,,,,
"""
)

EXECUTIVE = """year,country,field,text,field_group,fips_code,iso2,entity_type,country_id,field_id
2024,Ruritania,Executive branch,"chief of state: King RUDOLF V (since 3 March 2010) head of government: \
Prime Minister Anna Maria KOVACS (since 2 March 2021) cabinet: Council",executive,ru,RU,sovereign,1,1
2025,Ruritania,Executive branch,"chief of state: King RUDOLF V (since 3 March 2010) head of government: \
Prime Minister Gustav ""Gus"" HALLER, Jr. (since 9 January 2025) cabinet: Council",executive,ru,RU,sovereign,1,2
"""

GWSTATES = """gwcode,gwc,country_name,start,end,microstate
900,RUR,Ruritania,1900-01-01,1950-06-30,FALSE
"""

HISTORICAL = """# test table
country\t900\tRUR\t\t\tOld Ruritania\tOld Ruritania|Old Ruritanian
"""


def test_office_types_keep_cabinets_and_chiefs_and_drop_ambassadors_and_mayors(build):
    assert build.office_type("Minister of Foreign Affairs", True) == ("FM", "GOV")
    assert build.office_type("Minister of National Defence", True) == ("DEF", "GOV")
    assert build.office_type("Chief of the General Staff", False) == ("MIL", "MIL")
    assert build.office_type("Governor of the Central Bank", False) == ("CB", "GOV")
    assert build.office_type("Speaker of the National Assembly", True) == ("LEG", "LEG")
    assert build.office_type("ambassador to France", False) is None
    assert build.office_type("Mayor of Strelsau", False) is None


def test_wikidata_dates_at_their_precision(build):
    assert build.wikidata_date("2019-05") == "2019-05-01"
    assert build.wikidata_date("2019-05", end=True) == "2019-05-31"
    assert build.wikidata_date("2018", end=True) == "2018-12-31"
    assert build.wikidata_date("1990s") == "1990-01-01"


def test_officeholders_and_factbook_become_dated_entries(build, tmp_path):
    (tmp_path / "holders.csv").write_text(HOLDERS, encoding="utf-8")
    (tmp_path / "executive.csv").write_text(EXECUTIVE, encoding="utf-8")
    offices = build.parse_officeholders(tmp_path / "holders.csv")
    assert {o[1] for o in offices} == {"Anna Maria Kovacs", "Boris Old", "Ezra Chair"}
    assert ("Q104", "Ezra Chair", "IGO", "GOV", "IGO", "2020-01-01", "") in offices
    factbook = build.parse_factbook(tmp_path / "executive.csv", {"RU": "RUR"})
    names = {office[1]: office for office, _ in factbook}
    assert names["Anna Maria Kovacs"][5:] == ("2021-03-02", "2025-01-09")  # ended by her successor
    assert names["Gustav Haller, Jr."][5:] == ("2025-01-09", "")
    offices, extra = build.merge_factbook(offices, [], factbook)
    assert "Anna Maria Kovacs" in extra["Q100"]  # the Factbook's Kovacs is Wikidata's Q100
    people, terms = build._write_offices(tmp_path / "offices.tsv", offices, extra)
    assert people == 5 and terms == len(offices)

    from dyad.actors.kb import KnowledgeBase

    kb = KnowledgeBase()
    kb._load_offices((tmp_path / "offices.tsv").read_text(encoding="utf-8"))
    kovacs = kb.best("anna kovacs", "2020-01-01")  # without her middle name
    assert kovacs is not None and kovacs.spell_on("2020-01-01") == ("RUR", "GOV", "2019-05-01", "2021-03-02")
    assert kovacs.spell_on("2022-01-01").start == "2021-03-02"  # foreign minister, then prime minister
    haller = kb.best("gus haller", "2025-06-01")  # the Factbook's quoted nickname
    assert haller is not None and haller.spell_on("2025-06-01").code == "RUR"
    assert kb.best("gustav haller jr.", "2025-06-01") is haller


def test_former_states_take_their_dates_from_the_state_list(build, tmp_path):
    (tmp_path / "gwstates.csv").write_text(GWSTATES, encoding="utf-8")
    (tmp_path / "historical.tsv").write_text(HISTORICAL, encoding="utf-8")
    rows = build.parse_states(tmp_path / "gwstates.csv", tmp_path / "historical.tsv")
    assert rows == [("country", "RUR", "Old Ruritania", "1900-01-01", "1950-06-30", "old ruritania|old ruritanian")]
