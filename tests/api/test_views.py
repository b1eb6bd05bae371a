"""The dashboard's shared filter over the API: every view narrows alike, and a meeting is one row."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app


@pytest.fixture(scope="module")
def client(sample_db):
    return TestClient(create_app(sample_db))


def test_types_quads_country_and_source_narrow_every_view(client):
    everything = client.get("/api/events", params={"limit": 500}).json()
    consults = client.get("/api/events", params={"types": "CONSULT,AGREE", "quad": "1", "limit": 500}).json()
    assert 0 < consults["total"] < everything["total"]
    assert {e["event"] for e in consults["events"]} <= {"CONSULT", "AGREE"}
    assert {e["quad_code"] for e in consults["events"]} == {1}
    in_turkey = client.get("/api/events", params={"country": "TUR", "limit": 500}).json()
    assert in_turkey["total"] and {e["loc_country"] for e in in_turkey["events"]} == {"TUR"}
    sources = client.get("/api/facets").json()["sources"]
    assert sources
    one = client.get("/api/events", params={"source": sources[0], "limit": 500}).json()
    assert 0 < one["total"] < everything["total"]
    timeline = client.get("/api/timeline", params={"types": "CONSULT,AGREE", "quad": "1"}).json()["series"]
    assert sum(s["events"] for s in timeline) == consults["total"]  # every one of them is dated
    countries = client.get("/api/countries", params={"types": "CONSULT,AGREE", "quad": "1"}).json()["countries"]
    assert sum(c["events"] for c in countries) == sum(1 for e in consults["events"] if e["loc_country"])
    for path in ("/api/places", "/api/network", "/api/dyads", "/api/canonical"):
        assert client.get(path, params={"types": "ASSAULT", "since": "2015-01-01", "q": "a"}).status_code == 200


def test_a_meeting_reported_both_ways_is_one_canonical_row(client):
    rows = client.get("/api/canonical", params={"dyad": "TUR-MYS", "mutual": "true"}).json()["events"]
    meeting = [r for r in rows if r["event"] == "CONSULT" and r["date"] == "2026-01-07"]
    assert len(meeting) == 1 and meeting[0]["both_directions"]
    flat = client.get(
        "/api/events", params={"dyad": "TUR-MYS", "event": "CONSULT", "since": "2026-01-07", "until": "2026-01-07"}
    ).json()
    assert meeting[0]["mentions"] == flat["total"] == len(meeting[0]["members"])
    assert {m["event_id"] for m in meeting[0]["evidence"]} <= {m.split(":")[1] for m in meeting[0]["members"]}
    # without mutual the two directions stay apart, as before
    apart = client.get("/api/canonical", params={"dyad": "TUR-MYS"}).json()["events"]
    assert len([r for r in apart if r["event"] == "CONSULT" and r["date"] == "2026-01-07"]) == 2


@pytest.mark.parametrize(
    "params", [{"quad": "5"}, {"types": "CONSULT;DROP"}, {"country": "T"}, {"since": "2025-13-01"}]
)
def test_bad_filters_are_refused(client, params):
    assert client.get("/api/canonical", params=params).status_code == 422


def rounded(rows):
    return [{k: round(v, 9) if isinstance(v, float) else v for k, v in row.items()} for row in rows]


def test_the_mirror_answers_what_the_store_answers_and_follows_its_writes(sample_db, tmp_path):
    import shutil

    from pandas.testing import assert_frame_equal

    from dyad.store import Store, views
    from dyad.store.views import Mirror, ViewFilter

    db = tmp_path / "copy.duckdb"
    shutil.copy(sample_db, db)
    mirror = Mirror(db)
    filters = [
        ViewFilter(),
        ViewFilter.parse(dyad="TUR-MYS"),
        ViewFilter.parse(types="CONSULT,AGREE", quad="1", since="2025-01-01"),
        ViewFilter.parse(actor="TUR", text="talks"),
        ViewFilter.parse(country="TUR"),
        ViewFilter.parse(dyad="MYS-TUR", directed=True),
        ViewFilter.parse(actor="mys"),
        ViewFilter.parse(dyad="TUR-MYS", since="2026-01-01", until="2026-12-31", text="the"),
        ViewFilter.parse(dyad="TUR-ZZZ"),  # no side string matches: the mirror tests an empty list of side ids
        ViewFilter.parse(actor="TUR", types="CONSULT", dyad="MYS-TUR"),
    ]
    view = mirror.view()
    with Store(db, read_only=True) as store:
        for f in filters:  # the same rows; means may differ in the last bits (summed in another order)
            assert views.count(view, f) == views.count(store, f)
            for frame in (views.timeline, views.countries, views.places, views.top_dyads):
                assert_frame_equal(frame(view, f), frame(store, f), check_exact=False, rtol=1e-9)
            assert views.network(view, f) == views.network(store, f)
            assert views.quotes(view, f).equals(views.quotes(store, f))
            assert views.commitments(view, f).equals(views.commitments(store, f))
            assert rounded(views.canonical(view, f, mutual=True)) == rounded(views.canonical(store, f, mutual=True))
        assert views.facets(view) == views.facets(store)
        assert view.counts == views.counts(store)
    before = views.count(view, ViewFilter())
    view.close()
    with Store(db) as store:  # a write: one event fewer
        store.con.execute("DELETE FROM events WHERE rowid = (SELECT min(rowid) FROM events)")
    view = mirror.view()
    assert views.count(view, ViewFilter()) == before - 1 == view.counts["events"]
    view.close()


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 8, 13])
def test_canonical_rows_from_a_window_are_those_of_clustering_everything(sample_db, limit, monkeypatch):
    from dyad.store import Store, views
    from dyad.store.views import Mirror, ViewFilter

    # the sample is small: always take a window, and start it small enough to need growing
    monkeypatch.setattr(views, "WINDOWLESS_PER_ROW", 0)
    monkeypatch.setattr(views, "WINDOW_PER_ROW", 1)
    mirror = Mirror(sample_db).view()  # its window reads the copy in stored order, the store's sorts
    with Store(sample_db, read_only=True) as store:
        assert len(views._canonical(store, ViewFilter(), True, 10_000, 12)) > 13  # more rows than any limit
        for source in (store, mirror):
            for f in (ViewFilter(), ViewFilter.parse(dyad="TUR-MYS")):
                everything = views._canonical(source, f, True, 10_000, 12)
                assert rounded(views.canonical(source, f, mutual=True, limit=limit)) == rounded(everything[:limit])
    mirror.close()


def test_a_rows_mentions_fetched_later_are_its_evidence(client):
    rows = client.get("/api/canonical", params={"dyad": "TUR-MYS", "mutual": "true"}).json()["events"]
    bare = client.get("/api/canonical", params={"dyad": "TUR-MYS", "mutual": "true", "evidence": 0}).json()["events"]
    assert [r["members"] for r in bare] == [r["members"] for r in rows] and all(r["evidence"] == [] for r in bare)
    for row in rows[:5]:
        fetched = client.get("/api/mentions", params={"ids": ",".join(row["members"][:12])}).json()["mentions"]
        assert fetched == row["evidence"]


def test_the_server_copies_the_store_while_it_starts(sample_db):
    import time

    app = create_app(sample_db)
    assert not app.state.mirror.copied
    with TestClient(app):  # runs the app's startup
        for _ in range(200):
            if app.state.mirror.copied:
                break
            time.sleep(0.05)
        assert app.state.mirror.copied
