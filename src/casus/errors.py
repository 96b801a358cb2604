"""The exceptions casus raises.

One root, :class:`CasusError`, with typed children. Every message says what was wrong, where, and how to
fix it. The CLI maps any :class:`CasusError` to exit code 2 and one line on stderr; the web layer maps it to
one JSON error shape.
"""

from __future__ import annotations


class CasusError(Exception):
    """Root of every error casus raises on purpose."""

    #: Short machine-readable kind, used by the CLI and the HTTP API.
    kind = "casus_error"


class UnknownEntityError(CasusError, LookupError):
    """A name, code or id that resolves to nothing (a state, an organization, a treaty, a place)."""

    kind = "unknown_entity"

    def __init__(self, what: str, name: str, suggestions: tuple[str, ...] = (), hint: str = "") -> None:
        self.what = what
        self.name = name
        self.suggestions = suggestions
        msg = f"unknown {what} {name!r}"
        if suggestions:
            msg += "; did you mean " + " or ".join(repr(s) for s in suggestions) + "?"
        if hint:
            msg += f" ({hint})"
        super().__init__(msg)


class AmbiguousEntityError(UnknownEntityError):
    """A name that matches several entities equally well."""

    kind = "ambiguous_entity"


class CoverageError(CasusError):
    """A question about a period or place that a source does not cover: the answer is *unknown*."""

    kind = "coverage"


class InvalidInputError(CasusError, ValueError):
    """A user-supplied value (a date, a kind, an option) that is malformed."""

    kind = "invalid_input"


class ScenarioError(InvalidInputError):
    """A crisis or simulation scenario that is incomplete or contradictory."""

    kind = "scenario"


class SourceFormatError(CasusError):
    """A data file (curated YAML, dataset, article) that does not have the expected shape.

    Attributes:
        path: The file.
        line: 1-based line number when known.
        field: The offending field (dotted path) when known.
    """

    kind = "source_format"

    def __init__(self, path: str, message: str, line: int | None = None, field: str | None = None) -> None:
        self.path = path
        self.line = line
        self.field = field
        where = path if line is None else f"{path}:{line}"
        if field:
            where += f" [{field}]"
        super().__init__(f"{where}: {message}")


class ScenarioFormatError(SourceFormatError, ScenarioError):
    """A scenario or episode file that does not have the expected shape (file, line and field known)."""

    kind = ScenarioError.kind


class DocumentTooLargeError(SourceFormatError):
    """An article larger than the size limit, refused before it is read whole."""

    kind = "too_large"


class TimeBudgetError(SourceFormatError):
    """An article whose analysis overran its time budget; nothing of it is stored."""

    kind = "time_budget"


class DataUnavailableError(CasusError):
    """A dataset that is not on this machine; the message says how to get it (``casus data fetch``)."""

    kind = "data_unavailable"


class MissingExtraError(CasusError, ImportError):
    """An optional dependency group (extra) that is not installed."""

    kind = "missing_extra"

    def __init__(self, extra: str, module: str) -> None:
        super().__init__(
            f"this feature needs the optional module {module!r}; install it with "
            f"`pip install 'casus-foederis[{extra}]'`"
        )


class StoreError(CasusError):
    """An event-store operation that could not be carried out (nothing was written)."""

    kind = "store"
