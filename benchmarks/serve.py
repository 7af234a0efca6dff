"""Load on `chronicle serve`: requests/s, p50 and p99 latency and errors per endpoint, measured with wrk.

    .venv/bin/python benchmarks/serve.py                      # 20,000 documents, 10 s per endpoint, 64 connections
    .venv/bin/python benchmarks/serve.py --ingest             # the same while `chronicle ingest` writes to the db

1. The database: `chronicle ingest examples ../shared/seeds` (every extractor), then its rows copied until it holds
   `--docs` documents: each copy gets a new id and path and keeps its text (so FTS indexes it), its removed spans
   and all its records; resolution and event cluster ids get one of 10 suffixes, so the copies make ten times
   as many distinct resolutions and events, each reported by about 67 articles.
2. `chronicle serve --workers 2` on 127.0.0.1, and beside it a FastAPI app returning a constant on the same
   uvicorn set-up (the ceiling: what the framework alone answers on this machine).
3. wrk (Debian package `wrk`) on each endpoint for `--seconds`, `--connections` connections, to 127.0.0.1 only;
   a Lua script spreads the requests over `--urls` different URLs per endpoint (ids, filters, words). Before
   that, a warm-up asks every URL `--warmup` times (4 at a time, so both workers see each): the server keeps
   answers that took longer than 20 ms until the database changes (src/chronicle/web/cache.py), so the
   figures are those of a server in use, not of its first request for each URL.
4. With `--ingest`, after the warm-up, `chronicle ingest --no-extract --workers 1` writes folders of 500 varied
   documents (benchmarks/ingest.py's corpus) into the same file, one after another, for the whole load; the
   server keeps answering from committed batches and refreshes its kept answers as they land.
Prints one JSON line: for each endpoint requests_per_s, p50_ms, p99_ms, requests, errors (non-2xx + socket).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parents[1]
CHRONICLE = [sys.executable, "-m", "chronicle"]
SUFFIXES = 10  # distinct clusters per original resolution or event


# ---- the database ----


def build_db(path: Path, docs: int) -> dict:
    start = time.perf_counter()
    subprocess.run([*CHRONICLE, "ingest", str(ROOT / "examples"), str(ROOT.parent / "shared" / "seeds"), "--db",
                    str(path), "-q"], check=True)  # fmt: skip
    conn = sqlite3.connect(path, isolation_level=None)
    base = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    cols = {t: [r[1] for r in conn.execute(f"PRAGMA table_info({t})")] for t in
            ("documents", "removed", "actors", "quotes", "resolutions", "reactions", "events")}  # fmt: skip
    new_id = "substr(doc_id, 1, 10) || printf('%06x', :k)"
    conn.execute("BEGIN")
    for k in range(1, -(-docs // base)):
        doc_cols = ", ".join(f'"{c}"' for c in cols["documents"])
        picks = {c: f'"{c}"' for c in cols["documents"]}
        picks["id"] = "substr(id, 1, 10) || printf('%06x', :k)"
        picks["path"] = "COALESCE(path, url, id) || '#copy' || :k"
        picks["duplicate_of"] = "NULL"
        conn.execute(f"INSERT INTO documents ({doc_cols}) SELECT {', '.join(picks.values())} FROM documents"
                     " WHERE rowid <= :base", {"k": k, "base": base})
        for table in ("removed", "actors", "quotes", "resolutions", "reactions", "events"):
            picks = {c: f'"{c}"' for c in cols[table]}
            picks["doc_id"] = new_id
            if table in ("resolutions", "events"):
                picks["cluster_id"] = f"cluster_id || '~' || (:k % {SUFFIXES})"
            if table == "resolutions":
                picks["stage_key"] = f"stage_key || '~' || (:k % {SUFFIXES})"
            names = ", ".join(f'"{c}"' for c in cols[table])
            conn.execute(f"INSERT INTO {table} ({names})"
                         f" SELECT {', '.join(picks.values())} FROM {table}"
                         " WHERE doc_id IN (SELECT id FROM documents WHERE rowid <= :base)", {"k": k, "base": base})
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    total = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    conn.close()
    return {"documents": total, "build_s": round(time.perf_counter() - start, 1),
            "db_mb": round(path.stat().st_size / 2**20, 1)}  # fmt: skip


def sample_paths(path: Path, rng: random.Random, urls: int) -> dict[str, list[str]]:
    """Up to `urls` URLs per endpoint, drawn from what the database holds."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)

    def column(sql: str) -> list[str]:
        values = [r[0] for r in conn.execute(sql) if r[0]]
        return rng.sample(values, min(urls, len(values)))

    targets = column("SELECT DISTINCT target FROM resolutions")
    speakers = column("SELECT DISTINCT speaker_name FROM quotes")
    actors = column("SELECT DISTINCT source FROM events")
    clusters = column("SELECT DISTINCT cluster_id FROM resolutions")
    doc_ids = column("SELECT id FROM documents")
    words = ["resolution", "non-refoulement", "abstain", "rapporteur", "consensus"]
    words += [w for w in column("SELECT DISTINCT name FROM actors") if len(w) > 3]
    conn.close()
    return {
        "quotes": [f"/api/quotes?{urlencode({'speaker': s})}" for s in speakers],
        "events": [f"/api/events?{urlencode({'actor': a})}" for a in actors],
        "resolutions": [f"/api/resolutions?{urlencode({'target': t})}" for t in targets],
        "actors": [f"/api/actors?kind={k}&offset={o}" for k in ("state", "person", "igo", "org") for o in (0, 50)],
        "resolution_detail": [f"/api/resolutions/{quote(c, safe='')}" for c in clusters],
        "document_detail": [f"/api/documents/{d}" for d in doc_ids],
        "search": [f"/api/search?{urlencode({'q': w})}" for w in words[:urls]],
        "page_home": ["/"],
        "page_country": [f"/countries/{t}" for t in targets if re.fullmatch("[A-Z]{3}", t)],
        "page_document": [f"/documents/{d}" for d in doc_ids],
        "page_search": [f"/search?{urlencode({'q': w})}" for w in words[:urls]],
    }


# ---- servers and load ----


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait(url: str, proc: subprocess.Popen, seconds: float = 60) -> None:
    import urllib.request

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"server exited with {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def ceiling_app():
    """A FastAPI app that returns a constant: the framework's own ceiling."""
    from fastapi import FastAPI

    app = FastAPI()

    @app.get("/constant")
    def constant() -> dict:
        return {"ok": True}

    return app


LUA = """
paths = {%s}
counter = 0
request = function()
  counter = counter + 1
  return wrk.format(nil, paths[(counter %% #paths) + 1])
end
"""


def wrk(base: str, paths: list[str], seconds: int, connections: int, folder: Path) -> dict:
    script = folder / "paths.lua"
    script.write_text(LUA % ", ".join(json.dumps(p) for p in paths), encoding="utf-8")
    out = subprocess.run(["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s", "--latency", "-s",
                          str(script), base],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    return parse_wrk(out)


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}


def parse_wrk(out: str) -> dict:
    def latency(pct: str) -> float:
        value, unit = re.search(rf"^\s+{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", out, re.M).groups()
        return round(float(value) * _UNITS[unit], 2)

    requests = int(re.search(r"(\d+) requests in", out).group(1))
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    return {"requests_per_s": round(rps, 1), "p50_ms": latency("50"), "p99_ms": latency("99"), "requests": requests,
            "errors": errors}  # fmt: skip


def warm(base: str, paths: list[str], rounds: int) -> dict:
    """Ask every URL `rounds` times, 4 requests at a time; how long it took and how many failed."""
    import urllib.error
    import urllib.request
    from concurrent.futures import ThreadPoolExecutor

    def one(path: str) -> int:
        try:
            with urllib.request.urlopen(base + path, timeout=120) as response:
                response.read()
                return 0
        except (urllib.error.URLError, OSError):
            return 1

    start = time.perf_counter()
    with ThreadPoolExecutor(4) as pool:
        failed = sum(pool.map(one, [p for p in paths for _ in range(rounds)]))
    return {"seconds": round(time.perf_counter() - start, 1), "requests": len(paths) * rounds, "errors": failed}


class Ingesting:
    """`chronicle ingest --no-extract --workers 1` of folders of varied documents (benchmarks/ingest.py's corpus)
    into the database, one folder after another, until stopped: batches keep landing during the whole load."""

    def __init__(self, db: Path, folder: Path, docs: int, chunk: int = 500):
        import threading

        sys.path.insert(0, str(Path(__file__).parent))
        from ingest import build

        spare = folder / "spare"
        spare.mkdir()
        build(spare, docs, folder, 1)  # varied documents (and one sample copy in `folder`, unused)
        files = sorted(spare.iterdir())
        self.parts = []
        for n in range(0, len(files), chunk):
            part = folder / f"part{n:06d}"
            part.mkdir()
            for f in files[n : n + chunk]:
                f.rename(part / f.name)
            self.parts.append(part)
        self.db, self.runs, self.failed = db, 0, 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        for part in self.parts:
            if self._stop.is_set():
                return
            proc = subprocess.run([*CHRONICLE, "ingest", str(part), "--db", str(self.db), "-q", "--no-extract",
                                   "--workers", "1"], capture_output=True, text=True)  # fmt: skip
            self.runs += 1
            self.failed += proc.returncode != 0

    def stop(self) -> bool:
        """Stop after the running ingest; True when one was still running (the load never ran without one)."""
        running = self._thread.is_alive()
        self._stop.set()
        self._thread.join()
        return running


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=20_000, help="documents in the database (default 20000)")
    parser.add_argument("--seconds", type=int, default=10, help="seconds of load per endpoint (default 10)")
    parser.add_argument("--connections", type=int, default=64, help="open connections (default 64)")
    parser.add_argument("--workers", type=int, default=2, help="server worker processes (default 2)")
    parser.add_argument("--urls", type=int, default=20, help="different URLs per endpoint (default 20)")
    parser.add_argument("--warmup", type=int, default=12, help="requests per URL before the load (default 12)")
    parser.add_argument("--ingest", action="store_true", help="run `chronicle ingest` into the db during the load")
    parser.add_argument("--ingest-docs", type=int, default=20000,
                        help="varied documents ready for ingest to write, 500 per run (default 20000)")
    parser.add_argument("--db", help="reuse this database (built there when missing) instead of a temporary one")
    parser.add_argument("--endpoints", help="comma-separated subset of the endpoints")
    args = parser.parse_args()
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed: apt-get install wrk")

    work = Path(tempfile.mkdtemp(prefix="chronicle-serve-"))
    procs: list[subprocess.Popen] = []
    ingest = None
    try:
        db = Path(args.db) if args.db else work / "serve.db"
        figures: dict = {"docs_requested": args.docs, "connections": args.connections, "workers": args.workers,
                         "seconds": args.seconds, "ingest": args.ingest}  # fmt: skip
        if not db.exists():
            figures.update(build_db(db, args.docs))
        paths = sample_paths(db, random.Random(7), args.urls)
        if args.endpoints:
            paths = {k: v for k, v in paths.items() if k in args.endpoints.split(",")}
        port, ceiling_port = free_port(), free_port()
        procs.append(subprocess.Popen([*CHRONICLE, "serve", "--db", str(db), "--port", str(port), "--workers",
                                       str(args.workers)], stderr=subprocess.DEVNULL))  # fmt: skip
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).parent)}
        procs.append(subprocess.Popen([sys.executable, "-m", "uvicorn", "serve:ceiling_app", "--factory", "--port",
                                       str(ceiling_port), "--workers", str(args.workers), "--log-level", "warning",
                                       "--no-access-log"], env=env))  # fmt: skip
        base, ceiling = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{ceiling_port}"
        wait(base + "/openapi.json", procs[0])
        wait(ceiling + "/constant", procs[1])
        if args.warmup:
            figures["warmup"] = warm(base, [u for urls in paths.values() for u in urls], args.warmup)
        ingest = Ingesting(db, work, args.ingest_docs) if args.ingest else None
        if ingest is not None:
            time.sleep(5)  # past its start-up: batches are being written
        before = _documents(db)
        results = {"ceiling": wrk(ceiling, ["/constant"], args.seconds, args.connections, work)}
        for name, urls in paths.items():
            time.sleep(2)  # the previous endpoint's last requests are answered
            results[name] = wrk(base, urls, args.seconds, args.connections, work)
        if ingest is not None:
            figures["ingest_running_until_the_end"] = ingest.stop()
            figures["ingest_runs"], figures["ingest_failed_runs"] = ingest.runs, ingest.failed
            figures["documents_written_during_load"] = _documents(db) - before
        figures["endpoints"] = results
        print(json.dumps(figures))
    finally:
        if ingest is not None:
            ingest.stop()
        for proc in procs:
            if proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    proc.kill()
        shutil.rmtree(work, ignore_errors=True)


def _documents(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    finally:
        conn.close()


if __name__ == "__main__":
    main()
