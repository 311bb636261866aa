"""kiji's own exceptions: everything a user can cause by the input they give.

The CLI turns each into one ``Error: <path>: <message>`` line; the batch runner
turns each into an error record with ``kind``. Anything else is a bug.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """The command's exit codes (README, "Exit codes")."""

    OK = 0
    ERROR = 1  # an input could not be analysed (batch: at least one)
    USAGE = 2  # bad options or arguments
    INTERRUPTED = 130  # Ctrl-C


class KijiError(Exception):
    """Base of every error caused by the input rather than by kiji itself."""

    kind = "input"

    def __init__(self, message: str, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path

    def with_path(self, path: str) -> KijiError:
        self.path = path
        return self

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class NotFoundError(KijiError):
    kind = "not_found"


class UnreadableError(KijiError):
    kind = "unreadable"


class BinaryInputError(KijiError):
    kind = "binary"


class DecodeError(KijiError):
    kind = "decode"


class FrontMatterError(KijiError):
    kind = "front_matter"


class TooLargeError(KijiError):
    kind = "too_large"


class OutputError(KijiError):
    kind = "output"
