"""The record on the web: a read-only FastAPI app (REST API and server-rendered pages) over one database."""
