"""Every error the assistant raises on purpose, under one base, each mapped once to what a web
client sees (``http_status``) and how the command line exits (``exit_code``).

The message is always a plain sentence for the person who can fix it; the server shows it for
a 4xx and keeps it to the log otherwise (a 5xx message could name server paths). Each kind is
importable from the stage that raises it too (``assistant.ingest.documents.DocumentError``...).
This module imports nothing of the package, so every stage can depend on it.
"""

from __future__ import annotations


class AssistantError(Exception):
    """An error the assistant explains in its message; subclasses set how it is reported."""

    http_status: int = 500
    exit_code: int = 1  # 2: the command was given a bad value (as for a usage error)


class DocumentError(AssistantError):
    """A source that cannot be read or fetched; the message names the reason."""

    http_status = 422


class OCRUnavailable(AssistantError):
    """Tesseract is missing or failed; the page is kept without recognised text."""


class IndexProblem(AssistantError):
    """The index is missing, corrupt or was built differently; the message says how to fix it."""

    http_status = 503


class UnknownDocument(AssistantError, ValueError):
    """A filter names a document id the index does not hold."""

    http_status = 422
    exit_code = 2


class SearchError(AssistantError, ValueError):
    """A finder query that cannot be run as given (too short, too broad...)."""

    http_status = 422
    exit_code = 2


class ExportError(AssistantError, ValueError):
    """A basket that cannot be written in the format asked for."""

    http_status = 422
    exit_code = 2


class GlossaryProblem(AssistantError, ValueError):
    """The glossary file cannot be read: the server cannot start with it."""


class SetProblem(AssistantError, ValueError):
    """An evaluation set that cannot be read."""

    http_status = 422


class InvalidProfile(AssistantError, ValueError):
    """A widget profile's fields are wrong: where (file and origin), and pydantic's errors (the
    settings turn them into a sentence; a bad setting, so exit code 2)."""

    exit_code = 2

    def __init__(self, where: str, errors: list):
        super().__init__(where)
        self.where, self.errors = where, errors


KINDS: tuple[type[AssistantError], ...] = (
    DocumentError,
    OCRUnavailable,
    IndexProblem,
    UnknownDocument,
    SearchError,
    ExportError,
    GlossaryProblem,
    SetProblem,
    InvalidProfile,
)
