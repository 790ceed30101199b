"""Named exceptions. Every message names the input and says what to do."""

from __future__ import annotations


class SynopticError(Exception):
    """Base of every error synoptic raises on purpose."""


class InputError(SynopticError):
    """An input (file, record, URL, feed) could not be read; it is skipped, the rest goes on.

    ``source`` names the input; ``reason`` says why and what to do.
    """

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self):  # type: ignore[no-untyped-def]
        # picklable across processes (Dask workers) despite the two-argument constructor
        return (self.__class__, (self.source, self.reason))


class FetchError(InputError):
    """A URL was refused or could not be fetched (scheme, address, size, time or redirects)."""


class StoreError(SynopticError):
    """The store could not be opened or written; the message names the file."""


class OutputError(SynopticError):
    """An output path (``--out``) cannot take the files: not a folder, or not writable."""


class NothingReadable(SynopticError):
    """None of the sources given could be read: nothing to process, nothing is written."""


class NotFoundError(SynopticError):
    """A story, article or brief that was asked for does not exist."""


class MissingDependency(SynopticError):
    """An optional capability needs a package that is not installed; the message gives the pip command."""
