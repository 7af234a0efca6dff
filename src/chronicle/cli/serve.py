"""`chronicle serve`: the record on the web (REST API and pages), read-only, on uvicorn."""

from __future__ import annotations

import ipaddress
import logging
import os

import typer
from rich.console import Console

from chronicle.cli.options import DB, db_path
from chronicle.errors import MissingDependency

err = Console(stderr=True, soft_wrap=True)


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def serve(
    db: str | None = DB,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default 127.0.0.1: this machine only)."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, "--workers", min=1, max=64, help="Worker processes."),
    query_timeout: float = typer.Option(
        10.0, "--query-timeout", min=0.0, max=600.0, help="Seconds a query may run before it is stopped (503)."
    ),
) -> None:
    """Serve the record as a web app: REST API under /api/, pages, OpenAPI at /openapi.json and /docs."""
    try:
        import uvicorn

        from chronicle.web import app as web
    except ImportError as exc:
        reason = f"needs the web extra: pip install 'chronicle[web]' ({exc})"
        raise MissingDependency("chronicle serve", reason) from None
    path = os.path.abspath(db_path(db))
    web.create_app(path, query_timeout).state.reader.close()  # a missing or unreadable file fails here, exit 2
    os.environ[web.ENV_DB], os.environ[web.ENV_QUERY_SECONDS] = path, str(query_timeout)
    if _loopback(host):
        err.print(f"serving {path} read-only on http://{host}:{port}/ (this machine only; --host to change)",
                  highlight=False)
    else:
        err.print(f"[yellow]warning:[/yellow] bound to {host}: other machines can reach http://{host}:{port}/ "
                  "and the record has no access control", highlight=False)
    verbose = logging.getLogger().isEnabledFor(logging.INFO)
    uvicorn.run("chronicle.web.app:from_env", factory=True, host=host, port=port, workers=workers,
                access_log=verbose, log_level="info" if verbose else "warning", server_header=False)


def register(app: typer.Typer) -> None:
    app.command()(serve)
