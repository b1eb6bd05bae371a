"""The HTTP API in-process: every endpoint, filters, pagination, the write token, hostile input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from dyad.api import create_app
from dyad.store import Store


@pytest.fixture(scope="module")
def client(sample_db):
    return TestClient(create_app(sample_db, write_token="s3cret"))


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    for path in (
        "/api/events",
        "/api/timeline",
        "/api/network",
        "/api/documents/{doc_id}",
        "/api/quotes",
        "/api/commitments",
        "/api/stats",
        "/api/actors",
        "/api/places",
        "/api/ingest",
    ):
        assert path in paths


def test_events_filters_and_pagination_agree_with_the_library(client, sample_db):
    body = client.get("/api/events", params={"dyad": "TUR-MYS", "limit": 5}).json()
    with Store(sample_db, read_only=True) as store:
        assert body["total"] == len(store.events(dyad="TUR-MYS"))
    assert len(body["events"]) == 5 and body["events"][0]["event_loc"]["name"]
    page2 = client.get("/api/events", params={"dyad": "TUR-MYS", "limit": 5, "offset": 5}).json()
    assert {e["event_id"] for e in page2["events"]}.isdisjoint({e["event_id"] for e in body["events"]})
    talks = client.get("/api/events", params={"q": "consulted"}).json()
    assert talks["total"] >= 1 and all("consulted" in e["evidence_text"] for e in talks["events"])
    by_conf = client.get("/api/events", params={"sort": "confidence", "limit": 3}).json()["events"]
    assert by_conf[0]["confidence"] >= by_conf[-1]["confidence"]


def test_timeline_network_dyads_places(client):
    series = client.get("/api/timeline", params={"dyad": "TUR-MYS", "interval": "month"}).json()["series"]
    assert sum(s["events"] for s in series) == client.get("/api/events", params={"dyad": "TUR-MYS"}).json()["total"]
    network = client.get("/api/network").json()
    assert {"TUR", "MYS"} <= {n["id"] for n in network["nodes"]}
    assert any(d["dyad"] == "MYS-TUR" for d in client.get("/api/dyads").json()["dyads"])
    places = client.get("/api/places").json()["places"]
    assert any(p["name"] == "Ankara" and p["lat"] for p in places)


def test_document_quotes_commitments(client):
    doc = client.get("/api/documents/000_e51a7bb7ba208ab8").json()
    assert doc["date"] == "2026-01-07" and doc["text"].startswith("Türkiye")
    for e in doc["events"]:
        assert doc["text"][e["trigger_start"] : e["trigger_end"]] == e["event_text"]
    assert sum(q["kind"] == "direct" for q in doc["quotes"]) == 6
    assert client.get("/api/quotes", params={"dyad": "TUR-MYS"}).json()["quotes"]
    commitments = client.get("/api/commitments", params={"dyad": "TUR-MYS", "status": "open"}).json()["commitments"]
    assert len(commitments) >= 2
    assert client.get("/api/documents/nope").status_code == 404


@pytest.mark.parametrize(
    "params",
    [
        {"dyad": "TUR-MYS' OR 1=1 --"},
        {"actor": "'; DROP TABLE events; --"},
        {"since": "2020-01-01' OR '1'='1"},
        {"cameo": "04' OR 1=1"},
        {"limit": 100000},
        {"sort": "event_id; DROP TABLE events"},
        {"interval": "day'"},
    ],
)
def test_injection_attempts_are_refused_or_harmless(client, sample_db, params):
    path = "/api/timeline" if "interval" in params else "/api/events"
    response = client.get(path, params=params)
    assert response.status_code in (200, 400, 422)
    if response.status_code == 200:
        assert response.json().get("total", 0) == 0
    with Store(sample_db, read_only=True) as store:
        assert store.stats()["events"] > 0  # nothing was dropped or changed


def test_writes_need_the_token(client, sample_db, tmp_path):
    upload = {
        "file": (
            "new.jsonl",
            b'{"id": "new-1", "date": "2025-07-01", "text": "Chile and Peru signed a trade agreement in Lima."}\n',
            "application/json",
        )
    }
    assert client.post("/api/ingest", files=upload).status_code == 401
    assert client.post("/api/ingest", files=upload, headers={"Authorization": "Bearer wrong"}).status_code == 401
    ok = client.post("/api/ingest", files=upload, headers={"Authorization": "Bearer s3cret"})
    assert ok.status_code == 200 and ok.json()["documents"] == 1
    with Store(sample_db, read_only=True) as store:
        assert "new-1" in set(store.documents()["id"])


def test_read_only_server_refuses_writes(sample_db):
    client = TestClient(create_app(sample_db))
    response = client.post("/api/ingest", files={"file": ("a.txt", b"text", "text/plain")})
    assert response.status_code == 403


def test_dashboard_is_served_without_a_cdn(client):
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    assert "http" not in page.text.split("<footer>")[0].replace("http://www.w3.org", "")  # nothing fetched from outside
    assert client.get("/static/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/static/../cli.py").status_code == 404


def test_oversized_requests_are_refused_before_any_work(client):
    assert client.get("/api/events", params={"q": "x" * 9000}).status_code == 414
    huge = client.post(
        "/api/ingest", content=b"x", headers={"Content-Length": str(10**9), "Authorization": "Bearer s3cret"}
    )
    assert huge.status_code == 413
    assert client.get("/api/stats").status_code == 200
