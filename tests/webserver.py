"""A real `chronicle serve` on 127.0.0.1 over a database built by `chronicle ingest`, for the web tests."""

from __future__ import annotations

import contextlib
import json
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ATTACK = '"><img src=x onerror=alert(1)>'
ATTACK_TEXT = (
    "Rights groups react <script>alert('body')</script> to the vote.\n\n"
    'The delegate said: "We reject this text </textarea><script>alert(2)</script> and {{7*7}} entirely," '
    "according to the record.\n\n"
    '<img src="http://evil.example/pixel.png"> Observers asked for calm.'
)


def chronicle(*args: str, check: bool = True) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "chronicle", *args], capture_output=True, text=True, timeout=600)
    if check:
        assert proc.returncode == 0, proc.stderr
    return proc


def attack_jsonl(folder: Path) -> Path:
    """An article crafted to attack the pages: script in title and body, markup in the outlet, a javascript: URL."""
    path = folder / "attack.jsonl"
    record = {"text": ATTACK_TEXT, "title": "<script>alert('title')</script> {{7*7}}", "outlet": ATTACK,
              "url": "javascript:alert(3)", "published": "2024-05-06"}  # fmt: skip
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def add_attack_speaker(db: str) -> str:
    """A stored document whose quote's speaker and actor carry markup (no extractor would find such a name)."""
    from chronicle.records import Actor, Document, Mention, Quote, Source
    from chronicle.store.db import Store

    text = f'{ATTACK} said: "We reject {{{{7*7}}}} the resolution." The end.'
    start = text.index("We reject")
    end = text.index(" The end") - 1
    doc = Document(
        id="a77ac4ed0c0ffee0", raw=text, text=text,
        source=Source(path="attack-speaker.txt", title="Speaker " + ATTACK, outlet=ATTACK, url="javascript:alert(4)",
                      published="2024-05-07"),
        actors=[Actor(id=ATTACK, kind="person", name=ATTACK, mentions=[Mention(0, len(ATTACK), ATTACK)])],
        quotes=[Quote(text=text[start:end], start=start, end=end, kind="direct", cue="said", speaker=ATTACK,
                      speaker_name=ATTACK)],
    )  # fmt: skip
    with Store(db) as store:
        store.write_batch([doc])
    return doc.id


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def serving(db: str, *extra: str):
    """`chronicle serve` in a subprocess on a free port; yields its base URL, stops it afterwards."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "chronicle", "serve", "--db", db, "--port", str(port), *extra],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                raise RuntimeError(f"chronicle serve exited: {proc.stdout.read()}")
            try:
                if httpx.get(base + "/openapi.json", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise RuntimeError("chronicle serve did not answer within 60 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
