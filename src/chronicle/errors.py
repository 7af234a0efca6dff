"""Every error Chronicle raises, in one place. Only the CLI turns them into messages and exit codes."""

from __future__ import annotations


class ChronicleError(Exception):
    """Base class: a problem with one input or one request, explained in words."""


class InputError(ChronicleError):
    """An input could not be turned into documents. `source` names it, `reason` says why."""

    def __init__(self, source: str, reason: str):
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class MissingInput(InputError):
    """The path does not exist or a glob matched nothing."""


class UnreadableInput(InputError):
    """The file exists but cannot be read (permissions, I/O, broken gzip)."""


class UnknownFormat(InputError):
    """The bytes are not text, HTML or JSONL (a PNG, say)."""


class EmptyInput(InputError):
    """The input holds no text."""


class InputTooLarge(InputError):
    """The input is over the configured size cap."""


class MalformedRecord(InputError):
    """One record of a container (a JSONL line, a WARC record) is broken."""


class StoreError(ChronicleError):
    """The database cannot be opened or migrated."""


class ModelUnavailable(ChronicleError):
    """The configured spaCy pipeline is not installed."""


class FetchFailed(InputError):
    """A URL could not be fetched: an HTTP error status, a timeout, a refused connection, too many redirects."""


class MissingDependency(InputError):
    """The input needs an optional package that is not installed (`pip install 'chronicle[feeds]'`)."""


class QueryTimeout(ChronicleError):
    """A read took longer than the configured limit and was stopped (the web app answers 503)."""
