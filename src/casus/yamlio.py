r"""The one way YAML enters casus: read a document, validate it into typed objects, report ``file:line [field]``.

Every YAML file casus reads (the curated knowledge base, scenarios, episodes) goes through :func:`parse` (or
:func:`load` then :func:`validate`). Validation is pydantic's, run straight over the target type: the frozen
``kb`` dataclasses themselves (no second schema copying them field by field) or, for files with no domain
dataclass of their own shape, a pydantic model. Every failure — broken YAML, a date that is not in the calendar
(``2022-02-30``), a missing, unknown or mistyped field, a value a dataclass's ``__post_init__`` rejects —
raises one typed error (:class:`~casus.errors.SourceFormatError` or a child) naming the file, the line and the
field.

Where the YAML spelling of a dataclass differs from its fields, a :class:`Shape` says so (a mapping written for
a tuple of pairs, a default the file may omit, a field the file may not set, whether sources are required).
Adding an optional field to a ``kb`` dataclass needs nothing here: the YAML key of the same name is accepted,
validated and passed on.

>>> from casus.kb.sources import Source
>>> parse(Source, "id: s1\ntitle: A text\nkind: official\n", "s.yaml").kind
<SourceKind.OFFICIAL: 'official'>
>>> parse(Source, "id: s1\ntitle: A text\nkind: oficial\n", "s.yaml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
casus.errors.SourceFormatError: s.yaml:3 [kind]: Input should be 'treaty-text', 'official', ...
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from casus.errors import SourceFormatError

_BaseLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class Loader(_BaseLoader):  # type: ignore[valid-type,misc]
    """The safe loader (C-accelerated when libyaml is available) that refuses a key given twice in a mapping.

    PyYAML keeps the last value of a repeated key without a word; a curated fact or a scenario parameter
    written twice is a mistake to report, with both lines.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        """The mapping of ``node``, after checking that no key appears twice in it."""
        seen: dict[Any, int] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                first = seen.get(key)
            except TypeError:  # an unhashable key: SafeConstructor reports it
                break
            if first is not None:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"duplicate key {key!r} (first given on line {first})",
                    key_node.start_mark,
                )
            seen[key] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)  # type: ignore[no-any-return]


T = TypeVar("T")

#: Validation settings for dataclass documents: unknown keys are errors; YAML numbers are accepted where a
#: string is expected (``article: 5``, ``values: [2]``).
CONFIG = ConfigDict(extra="forbid", coerce_numbers_to_str=True)

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclasses.dataclass(frozen=True)
class Shape:
    """How one dataclass is spelled in YAML where that differs from its fields.

    Attributes:
        defaults: Values for fields the dataclass requires but the file may omit.
        mappings: Fields stored as ``((key, value), ...)`` pairs but written as a YAML mapping.
        internal: Fields the file may not set (set by casus itself, e.g. ``origin``).
        cited: Whether the object must name at least one source id (``sources: [...]``). ``None``: required
            when the dataclass has a ``sources: tuple[str, ...]`` field.
    """

    defaults: Mapping[str, Any] = dataclasses.field(default_factory=dict)
    mappings: frozenset[str] = frozenset()
    internal: frozenset[str] = frozenset()
    cited: bool | None = None


def load(text: str, path: str, *, error: type[SourceFormatError] = SourceFormatError) -> dict[str, Any]:
    """Read a YAML document whose top level is a mapping (an empty document is an empty mapping).

    Raises:
        SourceFormatError: (or ``error``) Broken YAML or an impossible date, with the line; a top level that is
            not a mapping.
    """
    try:
        data: Any = yaml.load(text, Loader=Loader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise error(
            path, f"not valid YAML: {getattr(exc, 'problem', exc)}", line=mark.line + 1 if mark else None
        ) from None
    except ValueError as exc:  # a date-like scalar that is no date (2022-02-30), from YAML's timestamp constructor
        line, loc = _bad_date(text)
        raise error(path, f"not a valid date: {exc}", line=line, field=_dotted(loc) or None) from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise error(path, "the top level must be a mapping of keys to values", line=1)
    return data


def validate(
    tp: type[T],
    data: Any,
    text: str,
    path: str,
    *,
    shapes: Mapping[type, Shape] | None = None,
    error: type[SourceFormatError] = SourceFormatError,
) -> T:
    """Validate loaded YAML ``data`` (from ``text``) into ``tp``: a dataclass or a pydantic model.

    Raises:
        SourceFormatError: (or ``error``) The first failure, with the line in ``text`` and the field.
    """
    try:
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            return tp.model_validate(data)
        data = _prepare(tp, data, (), shapes or {})
        document: Any = _document_model(typing.cast(Any, tp)).model_validate({"value": data})
        return typing.cast(T, document.value)
    except _ShapeError as exc:
        raise error(path, exc.message, line=line_of(text, exc.loc), field=_dotted(exc.loc)) from None
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = tuple(first["loc"])
        if loc[:1] == ("value",) and not issubclass(tp, BaseModel):
            loc = loc[1:]
        raise error(path, _message(first), line=line_of(text, loc), field=_dotted(loc) or None) from None


def parse(
    tp: type[T],
    text: str,
    path: str,
    *,
    shapes: Mapping[type, Shape] | None = None,
    error: type[SourceFormatError] = SourceFormatError,
) -> T:
    """Read and validate one YAML document: :func:`load` then :func:`validate`.

    Raises:
        SourceFormatError: (or ``error``) With file, line and field.
    """
    return validate(tp, load(text, path, error=error), text, path, shapes=shapes, error=error)


def line_of(text: str, loc: Sequence[int | str]) -> int | None:
    """1-based line of the YAML node at a pydantic error location (best effort)."""
    try:
        node: yaml.Node | None = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError:
        return None
    line = None
    key_line: int | None = None
    for part in loc:
        if node is None:
            break
        line = node.start_mark.line + 1
        if isinstance(node, yaml.MappingNode):
            pair = next(((k, v) for k, v in node.value if k.value == str(part)), None)
            if pair is None:  # a missing (or extra) key: the line of the mapping's own key
                return key_line or line
            key_line, node = pair[0].start_mark.line + 1, pair[1]
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            node = node.value[part]
            key_line = node.start_mark.line + 1
        else:
            break
    return node.start_mark.line + 1 if node is not None else line


class _ShapeError(Exception):
    def __init__(self, loc: tuple[int | str, ...], message: str) -> None:
        self.loc, self.message = loc, message


def _dotted(loc: Sequence[int | str]) -> str:
    return ".".join(str(p) for p in loc)


def _message(err: Any) -> str:
    """A pydantic error message, said the way a curator fixes it."""
    msg = str(err["msg"])
    if err["type"] in ("unexpected_keyword_argument", "extra_forbidden"):
        return f"unknown field {str(err['loc'][-1])!r} (check its spelling; see the documented fields)"
    if err["type"] == "value_error":
        return msg.removeprefix("Value error, ")
    return msg


@functools.cache
def _document_model(tp: Any) -> type[BaseModel]:
    """A pydantic model with one field of type ``tp``; its config (:data:`CONFIG`) reaches nested dataclasses."""
    return create_model(f"{tp.__name__}Document", __config__=CONFIG, value=(tp, ...))


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _dataclasses_in(hint: Any) -> tuple[type, ...]:
    """Dataclass types reachable in ``hint`` through ``X | None``, ``tuple[X, ...]`` and ``list[X]``."""
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return (hint,)
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType, tuple, list):
        return tuple(c for a in typing.get_args(hint) if a is not Ellipsis for c in _dataclasses_in(a))
    return ()


def _prepare(tp: Any, data: Any, loc: tuple[int | str, ...], shapes: Mapping[type, Shape]) -> Any:
    """Apply each dataclass's :class:`Shape` to the raw YAML data, top down, keeping its location."""
    classes = _dataclasses_in(tp)
    if not classes:
        return data
    if isinstance(data, list) and typing.get_origin(tp) in (tuple, list):
        return [_prepare(tp, x, (*loc, i), shapes) for i, x in enumerate(data)]
    if not isinstance(data, dict) or len(classes) != 1:
        return data
    cls = classes[0]
    shape = shapes.get(cls, Shape())
    hints = _hints(cls)
    out = dict(data)
    for key in out:
        if key in shape.internal:
            raise _ShapeError((*loc, key), f"{key!r} is set by casus, not by the file; remove it")
    for key in shape.mappings:
        if isinstance(out.get(key), dict):
            out[key] = list(out[key].items())
    for key, default in shape.defaults.items():
        out.setdefault(key, default)
    cited = shape.cited if shape.cited is not None else hints.get("sources") == tuple[str, ...]
    if cited and "sources" in hints and out.get("sources") in (None, [], ()):
        raise _ShapeError((*loc, "sources"), "needs at least one source id (`sources: [id, ...]`)")
    for key, value in out.items():
        if key in hints:
            out[key] = _prepare(hints[key], value, (*loc, key), shapes)
    return out


def _bad_date(text: str) -> tuple[int | None, tuple[int | str, ...]]:
    """Line and location of the first date-like scalar in ``text`` that is not a calendar date."""
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.YAMLError:
        return None, ()
    stack: list[tuple[yaml.Node, tuple[int | str, ...]]] = [(root, ())] if root is not None else []
    while stack:
        node, loc = stack.pop(0)
        if isinstance(node, yaml.MappingNode):
            stack[:0] = [(v, (*loc, str(k.value))) for k, v in node.value]
        elif isinstance(node, yaml.SequenceNode):
            stack[:0] = [(v, (*loc, i)) for i, v in enumerate(node.value)]
        elif node.tag == _TIMESTAMP and (m := _DATE.match(str(node.value))):
            try:
                dt.date(*(int(g) for g in m.groups()))
            except ValueError:
                return node.start_mark.line + 1, loc
    return None, ()
