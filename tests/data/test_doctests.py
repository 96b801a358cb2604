"""The examples in casus.data docstrings run."""

from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = [
    "casus.data",
    "casus.data.cache",
    "casus.data.provenance",
    "casus.data.similarity",
    "casus.data.frames",
    "casus.data.atop",
]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name: str) -> None:
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0
