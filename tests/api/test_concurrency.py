"""The API keeps serving while `dyad ingest` writes to the same database, under load.

Real processes, as users run them: `dyad serve` in one, `dyad ingest` in another, and 20 client
threads asking the API for 30 seconds. No request may fail, and what the ingest commits must
become visible while it runs.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from dyad.ingest import ingest
from dyad.store import Store

from ..conftest import ROOT

DYAD = str(Path(sys.executable).parent / "dyad")
CLIENTS = 20
SECONDS = 30.0
PATHS = [
    "/api/stats",
    "/api/events?dyad=TUR-MYS&limit=20",
    "/api/timeline?dyad=TUR-MYS",
    "/api/dyads",
    "/api/documents?limit=10",
    "/",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_twenty_clients_and_an_ingest_share_the_database(tmp_path, corpus200, pipeline):
    db = tmp_path / "busy.duckdb"
    with Store(db) as store:
        ingest([ROOT / "samples"], store, pipeline)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [DYAD, "serve", "--db", str(db), "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    try:
        for _ in range(200):
            try:
                if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        inbox = tmp_path / "inbox"
        shutil.copytree(corpus200, inbox)
        writer = subprocess.Popen(
            [DYAD, "ingest", str(inbox), "--db", str(db), "--workers", "1"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        failures: list[str] = []
        counts: list[int] = []
        done = [0]
        stop = time.monotonic() + SECONDS

        def client(n: int) -> None:
            with httpx.Client(base_url=base, timeout=30) as http:
                i = n
                while time.monotonic() < stop:
                    path = PATHS[i % len(PATHS)]
                    i += 1
                    try:
                        response = http.get(path)
                    except httpx.HTTPError as exc:
                        failures.append(f"{path}: {exc!r}")
                        continue
                    if response.status_code != 200:
                        failures.append(f"{path}: {response.status_code} {response.text[:200]}")
                    elif path == "/api/stats":
                        counts.append(response.json()["documents"])
                    done[0] += 1

        threads = [threading.Thread(target=client, args=(n,)) for n in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        out, err = writer.communicate(timeout=600)
        assert writer.returncode == 0, err.decode()[-2000:]
        assert not failures, failures[:5]
        assert done[0] > 200  # the load was real
        print(
            f"\nload: {CLIENTS} clients, {SECONDS:.0f} s, {done[0]} requests, {len(failures)} failures, "
            f"documents seen {sorted(set(counts))[:3]}...{sorted(set(counts))[-3:]}"
        )
        final = httpx.get(f"{base}/api/stats", timeout=30).json()["documents"]
        assert final == 206  # six samples and the 200 new articles
        # commits became visible while the ingest ran, not only at its end
        assert any(6 < c < 206 for c in counts), sorted(set(counts))
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_reads_are_answered_while_an_upload_is_coded(tmp_path, corpus200, pipeline):
    import uvicorn

    from dyad.api import create_app

    db = tmp_path / "upload.duckdb"
    with Store(db) as store:
        ingest([ROOT / "samples"], store, pipeline)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(db, write_token="t"), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if server.started:
                break
            time.sleep(0.05)
        upload = (corpus200 / "part0.jsonl").read_bytes()  # 50 articles: several seconds of coding
        result: dict = {}

        def post() -> None:
            result["response"] = httpx.post(
                f"{base}/api/ingest",
                headers={"Authorization": "Bearer t"},
                files={"file": ("part0.jsonl", upload)},
                timeout=300,
            )

        poster = threading.Thread(target=post)
        poster.start()
        answered, slowest = 0, 0.0
        while poster.is_alive():
            start = time.monotonic()
            response = httpx.get(f"{base}/api/stats", timeout=30)
            slowest = max(slowest, time.monotonic() - start)
            assert response.status_code == 200, response.text
            answered += 1
        poster.join()
        assert result["response"].status_code == 200 and result["response"].json()["documents"] == 50
        assert answered >= 5 and slowest < 5  # the server was not frozen by the upload
        assert httpx.get(f"{base}/api/stats", timeout=30).json()["documents"] == 56
    finally:
        server.should_exit = True
        thread.join(timeout=10)
