"""The committed test fixtures: real subsets, never under the published names, each with its provenance."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
EXAMPLE_NAME = "otsc-expansion-2024-06-25.fr.txt"
#: Published dataset file names (the repository hook refuses files named like these).
PUBLISHED = re.compile(r"atop5_1|NMC-|MID[AB]_|states2016|system2016|ne_110m|ne_10m|ne_50m")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_no_fixture_carries_a_published_file_name() -> None:
    names = [p.relative_to(FIXTURES).as_posix() for p in FIXTURES.rglob("*") if p.is_file()]
    assert "atop/members_subset.csv" in names
    assert [n for n in names if PUBLISHED.search(n) and not n.endswith(("PROVENANCE.md", "LAYOUT"))] == []


@pytest.mark.parametrize("folder", sorted(p.name for p in FIXTURES.iterdir() if (p / "SHA256SUMS").is_file()))
def test_every_fixture_file_is_listed_with_its_checksum_and_provenance(folder: str) -> None:
    here = FIXTURES / folder
    sums = dict(reversed(line.split(maxsplit=1)) for line in (here / "SHA256SUMS").read_text("utf-8").splitlines())
    data = {p.name for p in here.iterdir()} - {"SHA256SUMS", "PROVENANCE.md"}
    assert set(sums) == data
    assert all(_sha256(here / name) == digest for name, digest in sums.items())
    provenance = (here / "PROVENANCE.md").read_text("utf-8")
    assert "## Citation" in provenance and "## Licence" in provenance
    assert all(f"`{name}`" in provenance for name in data)
    layout = (FIXTURES / "LAYOUT").read_text("utf-8").split()
    assert all(f"{folder}/{name}" in layout for name in data)


def test_the_example_article_is_the_shared_one_unchanged() -> None:
    copy = FIXTURES / "examples" / EXAMPLE_NAME
    assert f"`{_sha256(copy)}`" in (FIXTURES / "examples" / "PROVENANCE.md").read_text("utf-8")
    assert copy.read_text("utf-8").startswith("Le rival de l’OTAN dirigé par la Russie est prêt à s’étendre")
    original = REPO.parent / "shared" / "examples" / EXAMPLE_NAME
    if original.is_file():  # the developer folder beside the repository (CI has it)
        assert original.read_bytes() == copy.read_bytes()
