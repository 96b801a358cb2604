"""Every example in the docstrings of the core, curated, sim and store packages runs (casus.data has its own)."""

from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import casus

PACKAGES = ("casus.kb", "casus.obligations", "casus.curated", "casus.sim", "casus.store", "casus.ingest")
TOP = ("casus", "casus.contract", "casus.knowledge", "casus.yamlio", "casus.errors")


def _modules() -> list[str]:
    names = list(TOP)
    for pkg in PACKAGES:
        module = importlib.import_module(pkg)
        names.append(pkg)
        names += [m.name for m in pkgutil.walk_packages(module.__path__, prefix=f"{pkg}.")]
    return names


@pytest.mark.parametrize("name", _modules())
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0


def test_there_are_examples_to_run() -> None:
    finder = doctest.DocTestFinder()
    total = sum(len(t.examples) for name in _modules() for t in finder.find(importlib.import_module(name)))
    assert total >= 20, total
    assert casus.__doc__ and ">>>" in casus.__doc__
