"""Fixtures for the ingestion tests: the language models and the example article load once per session."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

EVAL = Path(__file__).resolve().parent / "eval"
SCRIPTS = Path(__file__).resolve().parents[2] / "scripts"

pytest.importorskip("spacy", reason="needs the [ingest] extra")


@pytest.fixture(scope="session")
def example_path(example_article: Path) -> Path:
    return example_article


@pytest.fixture(scope="session")
def example(example_path, kb):  # type: ignore[no-untyped-def]
    from casus.ingest import analyze, read_document

    return analyze(read_document(example_path), kb)


@pytest.fixture(scope="session")
def read(kb):  # type: ignore[no-untyped-def]
    """Analyze a short text: ``read(text, lang, "2024-06-25")``."""
    from casus.ingest import analyze_text

    def _read(text: str, lang: str, published: str = "2024-06-25"):  # type: ignore[no-untyped-def]
        return analyze_text(text, lang=lang, published=dt.date.fromisoformat(published), kb=kb)

    return _read


@pytest.fixture(scope="session")
def script() -> Callable[[str], ModuleType]:
    """Load ``scripts/<name>.py`` as the module ``name`` (registered, as dataclasses look their module up)."""

    def _load(name: str) -> ModuleType:
        spec = importlib.util.spec_from_file_location(name, SCRIPTS / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        return module

    return _load
