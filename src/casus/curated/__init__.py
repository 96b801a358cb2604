"""Adapters that build the knowledge base from the curated data files shipped with casus."""

from casus.curated.loader import build_kb, load_kb, parse_curated
from casus.curated.states import Capital, load_capitals, load_states

__all__ = ["Capital", "build_kb", "load_capitals", "load_kb", "load_states", "parse_curated"]
