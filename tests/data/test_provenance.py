from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from casus.data.provenance import cite, dataset_names, datasets, get_provenance, versions
from casus.errors import InvalidInputError, UnknownEntityError


def test_every_dataset_version_is_registered() -> None:
    assert dataset_names() == (
        "atop",
        "cow_states",
        "nmc",
        "mid",
        "naturalearth",
        "naturalearth_places",
        "naturalearth_marine",
        "casus_system",
        "naturalearth_countries",
        "naturalearth_disputed",
    )
    assert {(p.name, p.version) for p in datasets()} == {
        ("atop", "5.1"),
        ("cow_states", "2016"),
        ("nmc", "6.0"),
        ("nmc", "7.0"),
        ("mid", "5.0"),
        ("naturalearth", "4.0.0"),
        ("naturalearth_places", "4.0.0"),
        ("naturalearth_marine", "4.0.0"),
        ("casus_system", "2026-12-03"),
        ("naturalearth_countries", "4.0.0"),
        ("naturalearth_disputed", "4.0.0"),
    }
    assert get_provenance("nmc").version == "6.0"
    assert get_provenance("nmc", "7.0").coverage_end == 2022


def test_coverage_years_match_the_provenance_files() -> None:
    cov = {(p.name, p.version): (p.coverage_start, p.coverage_end) for p in datasets()}
    assert cov[("atop", "5.1")] == (1815, 2018)
    assert cov[("nmc", "6.0")] == (1816, 2016)
    assert cov[("mid", "5.0")] == (1816, 2014)
    assert str(get_provenance("atop").observed_until) == "2018-12-31"


def test_atop_records_the_official_release() -> None:
    p = get_provenance("atop")
    assert p.url == "http://www.atopdata.org/"
    assert p.release_url == "https://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip"
    assert p.file("atop5_1ddyr_obligations.csv.gz").derived
    assert p.file("atop5_1ddyr_obligations.csv.gz").url is None
    with pytest.raises(UnknownEntityError, match=r"atop5_1m\.csv"):
        p.file("atop5_1x.csv")


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_fixtures_are_cut_from_the_registered_files() -> None:
    # each fixture's PROVENANCE.md names its source file and that file's SHA-256 (scripts/make_fixtures.py)
    registered = {(p.folder, f.filename): f.sha256 for p in datasets() if not p.packaged for f in p.files}
    sources = []
    for prov in sorted(FIXTURES.glob("*/PROVENANCE.md")):
        for line in prov.read_text("utf-8").splitlines():
            cells = [c.strip().strip("`") for c in line.split("|")[1:-1]]
            if len(cells) == 5 and cells[1] != "source file" and not cells[1].startswith("---"):
                sources.append((prov.parent.name, cells[1], cells[2]))
    assert len(sources) >= 17
    for folder, source, digest in sources:
        assert registered[(folder, source)] == digest, (folder, source)


@pytest.mark.full_data(needs="every registered dataset file and ../shared/data/SHA256SUMS (their checksums)")
def test_checksums_match_shared_sha256sums(data_dir: Path) -> None:
    sums: dict[str, str] = {}
    for line in (data_dir / "SHA256SUMS").read_text().splitlines():
        digest, name = line.split(maxsplit=1)
        sums[name.strip()] = digest
    for p in datasets():
        if p.packaged:  # ships with casus; tests/data/test_system.py checks it
            continue
        for f in p.files:
            rel = f"data/{p.folder}/{f.filename}"
            assert sums[rel] == f.sha256, rel
            path = data_dir / p.folder / f.filename
            assert path.stat().st_size == f.size, rel
            assert hashlib.sha256(path.read_bytes()).hexdigest() == f.sha256, rel


def test_cite_plain_and_bibtex() -> None:
    plain = cite("atop")
    assert "Leeds, Brett Ashley, Jeffrey M. Ritter" in plain
    assert "International Interactions 28: 237-260" in plain
    bib = cite("mid", style="bibtex")
    assert bib.startswith("@article{palmer2022mid5,")
    assert "10.1177/0738894221995743" in bib
    everything = cite()
    for name in ("Leeds", "Singer", "Palmer", "State System Membership"):
        assert name in everything
    # NMC has two versions sharing the same base citation; it appears once per version block.
    nmc = cite("nmc")
    assert "Version 6.0" in nmc and "Version 7.0" in nmc


def test_cite_rejects_unknown_inputs() -> None:
    with pytest.raises(InvalidInputError, match="bibtex"):
        cite("atop", style="apa")
    with pytest.raises(UnknownEntityError, match="'atopp'"):
        cite("atopp")
    with pytest.raises(UnknownEntityError, match="version"):
        get_provenance("nmc", "5.0")


def test_versions_is_json_ready() -> None:
    import json

    vs = versions()
    assert len(vs) == 11
    text = json.dumps(vs)
    assert "atop5_1m.csv" in text
    atop = next(v for v in vs if v["name"] == "atop")
    assert atop["coverage"] == [1815, 2018]
    assert any("8152" in d for d in atop["defects"])  # type: ignore[union-attr]


def test_records_validate() -> None:
    from casus.data.provenance import DatasetFile

    with pytest.raises(InvalidInputError, match="sha256"):
        DatasetFile("x.csv", "abc", 1, None)
    with pytest.raises(InvalidInputError, match="size"):
        DatasetFile("x.csv", "0" * 64, 0, None)
