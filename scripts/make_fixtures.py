"""Cut the small, real test fixtures in tests/fixtures/ from the full dataset files.

Usage::

    python scripts/make_fixtures.py [DATA_DIR]

``DATA_DIR`` defaults to ``$CASUS_DATA_DIR`` or ``../shared/data`` beside the repository. Every fixture is a
row subset of one published file, rows and columns unchanged, chosen by the rule written in its folder's
PROVENANCE.md; each folder also gets a ``SHA256SUMS`` (``sha256sum`` format) that the loaders verify the
fixture files against (:mod:`casus.data.verify`). Fixture files never carry the published file names: the
test fixture :func:`tests.conftest.fixture_data` lays them out under those names in a temporary folder.

Running the script twice gives identical files (rows keep their published order).
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
OUT = REPO / "tests" / "fixtures"

#: COW codes whose alliances and records the tests ask about: the United States (2), Belgium (211,
#: the one-sided 1832 pledge), Poland (290, the 1970 question), Russia/USSR (365), Armenia (371, CSTO).
FOCUS_STATES = frozenset({2, 211, 290, 365, 371})
#: ATOP alliances named in tests besides those of FOCUS_STATES (CSTO 4220, USSR-GDR 3500 and others).
EXTRA_ALLIANCES = frozenset(
    {
        1035,
        1060,
        1115,
        1320,
        1335,
        1355,
        2523,
        2610,
        3015,
        3175,
        3180,
        3275,
        3285,
        3424,
        3500,
        3520,
        3585,
        4096,
        4220,
        4445,
    }
)
#: Years kept whole from the state-year files (COW system membership, NMC, ATOP state-years and dyad-years): the
#: alliance-similarity year 1950, the 1970 question and the last years.
SIMILARITY_YEAR = 1950
YEARS = frozenset({SIMILARITY_YEAR}) | frozenset(range(1968, 1973)) | frozenset(range(2012, 2017))
#: A panel of states kept for EVERY year (system membership, NMC, MIDs among them, alliances of two of them), so
#: the membership-dynamics hazard models and the alignment landscape have a real, if smaller, panel to fit:
#: the major powers, NATO's and the Warsaw Pact's European core, the post-Soviet states, Turkey, China, India,
#: Japan, Iran, Iraq, Israel, Egypt and Syria.
PANEL_STATES = frozenset(
    {2, 20, 200, 210, 211, 220, 230, 255, 260, 265, 290, 310, 315, 325, 350, 355, 360, 365, 369, 370, 371, 372,
     373, 375, 380, 385, 390, 630, 640, 645, 651, 652, 666, 700, 702, 703, 704, 705, 710, 740, 750}
)  # fmt: skip
#: NMC 7.0 goes to 2022: its last years are kept for every state (the crisis scenarios of 2020-2022).
NMC7_LAST_YEARS = frozenset(range(2017, 2023))
#: casus's partner exceptions (derived from ATOP's dyad-year file): their alliances, every alliance between two
#: states of one of their dyads, and those dyads' rows of the dyad-year file in every year are kept, so that the
#: exceptions can be derived again from the fixtures (tests/data/test_atop.py).
EXCEPTIONS = REPO / "src" / "casus" / "data" / "atop_partner_exceptions.csv"
#: Natural Earth countries kept (ADM0_A3).
#: Natural Earth 1:50m countries, disputed areas and seas for the treaty-area and holder tests (#9).
NE_COUNTRIES_50 = frozenset(
    {"TUR", "SYR", "ESP", "MAR", "DZA", "UKR", "ISR", "AZE", "ARM", "HKG", "PAN", "CYP", "SAH", "PRT", "LBN"}
)
NE_DISPUTED = frozenset(
    {
        "Crimea",
        "Golan Heights",
        "W. Sahara",
        "Nagorno-Karabakh",
        "Jammu and Kashmir",
        "Azad Kashmir",
        "Falkland Is.",
        "Pinnacle Is.",
        "N. Cyprus",
        "Shebaa Farms",
    }
)
NE_SEAS = frozenset({"Mediterranean Sea", "Ionian Sea", "Tyrrhenian Sea", "South China Sea", "Sea of Japan"})
NE_COUNTRIES = frozenset(
    {
        "USA",
        "CAN",
        "GBR",
        "FRA",
        "DEU",
        "POL",
        "RUS",
        "UKR",
        "BLR",
        "ARM",
        "AZE",
        "KAZ",
        "KGZ",
        "TJK",
        "LTU",
        "LVA",
        "EST",
        "FIN",
        "SWE",
        "NOR",
        "CHE",
        "TUR",
        "CHN",
        "IND",
        "JPN",
        "BEL",
        "NLD",
        "ESP",
        "ITA",
        # the special cases the map endpoint is tested on: ISO_A3 -99 (FRA, NOR above, KOS), ADM0_A3 SOL
        # (Somaliland, not the Solomon Islands), a dependency (GRL) and a disputed state (PSX)
        "KOS",
        "SOL",
        "GRL",
        "PSX",
    }
)
#: Natural Earth populated places kept: every place of these countries (the CSTO's Caucasus and Central Asia)
#: plus the places with pop_max >= PLACES_MIN_POP anywhere, plus PLACES_NAMED.
PLACES_COUNTRIES = frozenset({"ARM", "AZE", "GEO", "KAZ", "KGZ", "TJK", "BLR"})
PLACES_MIN_POP = 2_000_000
PLACES_NAMED = frozenset({"Gaziantep", "Marseille", "Honolulu"})
#: Natural Earth marine areas kept (their ``name`` as published).
SEAS = frozenset(
    {
        "Mediterranean Sea",
        "Aegean Sea",
        "Ionian Sea",
        "North Sea",
        "Baltic Sea",
        "Gulf of Finland",
        "Black Sea",
        "Sea of Azov",
        "Sea of Marmara",
        "Bosporus",
        "Dardanelles",
        "Caspian Sea",
        "NORTH ATLANTIC OCEAN",
        "South China Sea",
        "Taiwan Strait",
    }
)

CITATIONS = {
    "atop": (
        "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "
        "“Alliance Treaty Obligations and Provisions, 1815-1944.” International Interactions 28: 237-260. "
        "ATOP version 5.1 (2022), http://www.atopdata.org/",
        "ATOP data are free to use for research with citation (see atopdata.org).",
    ),
    "cow_states": (
        "Correlates of War Project. 2017. “State System Membership List, v2016.” "
        "https://correlatesofwar.org/data-sets/state-system-membership/",
        "COW data are free to use with citation (see correlatesofwar.org).",
    ),
    "cow_nmc": (
        "Singer, J. David, Stuart Bremer, and John Stuckey. 1972. “Capability Distribution, Uncertainty, and "
        "Major Power War, 1820-1965.” In Bruce Russett (ed.), Peace, War, and Numbers. National Material "
        "Capabilities v6.0 (2021) and v7.0 as abridged by peacesciencer.",
        "COW data are free to use with citation (see correlatesofwar.org).",
    ),
    "cow_mid": (
        "Palmer, Glenn, Roseanne W. McManus, Vito D'Orazio, Michael R. Kenwick, Mikaela Karstens, Chase Bloch, "
        "Nick Dietrich, Kayla Kahn, Kellan Ritter, and Michael J. Soules. 2022. “The MID5 Dataset, 2011-2014: "
        "Procedures, Coding Rules, and Description.” Conflict Management and Peace Science 39(4): 470-482.",
        "COW data are free to use with citation (see correlatesofwar.org).",
    ),
    "naturalearth": (
        "Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com (version 4.0.0).",
        "Natural Earth is in the public domain.",
    ),
}


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _open_text(path: Path) -> io.TextIOBase:
    if path.suffix == ".gz":
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8", newline="")
    return path.open(encoding="utf-8", newline="")


def cut_csv(src: Path, dest: Path, keep: Callable[[dict[str, str]], bool]) -> int:
    """Copy the header and the rows of ``src`` for which ``keep`` holds, byte-for-byte per row."""
    with _open_text(src) as f:
        header = f.readline()
        names = next(csv.reader([header]))
        lines = [header]
        for line in f:
            row = dict(zip(names, next(csv.reader([line])), strict=False))
            if keep(row):
                lines.append(line)
    data = "".join(lines).encode("utf-8")
    if dest.suffix == ".gz":
        with gzip.GzipFile(dest, "wb", mtime=0) as g:
            g.write(data)
    else:
        dest.write_bytes(data)
    return len(lines) - 1


def _ints(row: dict[str, str], *cols: str) -> Iterable[int]:
    for c in cols:
        v = row.get(c, "")
        if v.strip().lstrip("-").isdigit():
            yield int(v)


def write_folder(name: str, src_dir: Path, files: list[tuple[str, str, int, str]]) -> None:
    """PROVENANCE.md and SHA256SUMS for one fixture folder.

    ``files``: (fixture name, source file name, rows, selection rule).
    """
    folder = OUT / name
    cite, licence = CITATIONS[name]
    lines = [
        f"# Test fixture: {name} (a subset of the published files)",
        "",
        "Produced by `python scripts/make_fixtures.py` from the full files; rows are copied unchanged and in",
        "their published order. Tests that need the whole files are marked `full_data` and read",
        "`CASUS_DATA_DIR` or `../shared/data` instead.",
        "",
        "| fixture | source file | source sha256 | rows | selection |",
        "|---|---|---|---|---|",
    ]
    for fixture, source, rows, rule in files:
        lines.append(f"| `{fixture}` | `{source}` | `{sha256(src_dir / source)}` | {rows} | {rule} |")
    lines += ["", "## Citation", "", cite, "", "## Licence", "", licence, ""]
    (folder / "PROVENANCE.md").write_text("\n".join(lines), "utf-8")
    sums = "".join(f"{sha256(folder / f)}  {f}\n" for f, *_ in files)
    (folder / "SHA256SUMS").write_text(sums, "utf-8")


def main(data: Path) -> None:
    """Write every fixture folder from the full files under ``data``."""
    for d in CITATIONS:
        (OUT / d).mkdir(parents=True, exist_ok=True)

    # ATOP: alliances with a FOCUS_STATES member, plus EXTRA_ALLIANCES.
    atop = data / "atop"
    alliances: set[int] = set(EXTRA_ALLIANCES)
    with (atop / "atop5_1m.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["member"]) in FOCUS_STATES:
                alliances.add(int(row["atopid"]))
    panel_members: dict[int, set[int]] = {}
    all_members: dict[int, set[int]] = {}
    with (atop / "atop5_1m.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            all_members.setdefault(int(row["atopid"]), set()).add(int(row["member"]))
            if int(row["member"]) in PANEL_STATES:
                panel_members.setdefault(int(row["atopid"]), set()).add(int(row["member"]))
    alliances |= {a for a, m in panel_members.items() if len(m) >= 2}
    alliances |= _in_force(atop / "atop5_1m.csv", SIMILARITY_YEAR)
    ex_ids, ex_dyads = _exceptions()
    alliances |= ex_ids | {a for a, m in all_members.items() if any(d <= m for d in ex_dyads)}
    rule_a = (
        "alliances (atopid) with a member in {2, 211, 290, 365, 371}, or with two members in "
        f"{sorted(PANEL_STATES)}, or in force in {SIMILARITY_YEAR} (a member's entry year <= {SIMILARITY_YEAR} "
        f"<= its exit year, 0 = ongoing), or with a partner exception of casus (atopid in {sorted(ex_ids)}) or "
        "two members forming a dyad of one, or atopid in " + str(sorted(EXTRA_ALLIANCES))
    )
    focus_pairs = FOCUS_STATES | {20, 200, 220, 255, 260, 265, 315, 325, 360}
    spec = [
        ("members_subset.csv", "atop5_1m.csv", lambda r: int(r["atopid"]) in alliances, rule_a),
        ("alliances_subset.csv", "atop5_1a.csv", lambda r: int(r["atopid"]) in alliances, rule_a),
        ("institutions_subset.csv", "atopinst5_1.csv", lambda r: int(float(r["atopid"])) in alliances, rule_a),
        (
            "state_years_subset.csv",
            "atop5_1sy.csv",
            lambda r: int(r["state"]) in FOCUS_STATES and int(r["year"]) in YEARS,
            "state in {2, 211, 290, 365, 371} and year in 1950, 1968-1972 or 2012-2016",
        ),
        (
            "dyad_years_subset.csv.gz",
            "atop5_1ddyr_obligations.csv.gz",
            lambda r: (
                ({int(r["ccode1"]), int(r["ccode2"])} <= focus_pairs and int(r["year"]) in YEARS)
                or frozenset({int(r["ccode1"]), int(r["ccode2"])}) in ex_dyads
            ),
            f"both states in {sorted(focus_pairs)} and year in 1950, 1968-1972 or 2012-2016; or, in every year, "
            "the dyads of casus's partner exceptions (src/casus/data/atop_partner_exceptions.csv)",
        ),
    ]
    _cut("atop", atop, spec)

    states = data / "cow_states"
    _cut(
        "cow_states",
        states,
        [
            ("states_list.csv", "states2016.csv", lambda r: True, "all rows (243 states)"),
            ("majors_list.csv", "majors2016.csv", lambda r: True, "all rows"),
            ("system_subset.csv", "system2016.csv", _state_year, RULE_SY),
        ],
    )
    nmc = data / "cow_nmc"
    _cut(
        "cow_nmc",
        nmc,
        [
            ("nmc6_subset.csv", "NMC-60-abridged.csv", _state_year, RULE_SY),
            (
                "nmc7_subset.csv",
                "NMC-7.0-abridged_peacesciencer.csv",
                lambda r: _state_year(r) or int(r["year"]) in NMC7_LAST_YEARS,
                RULE_SY + ", or year in 2017-2022",
            ),
        ],
    )
    mid = data / "cow_mid"
    disputes: set[str] = set()
    panel_sides: dict[str, set[int]] = {}
    with (mid / "MIDB_5.0.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if int(row["ccode"]) in FOCUS_STATES | {200} and 1990 <= int(row["styear"]) <= 2001:
                disputes.add(row["dispnum"])
            if int(row["ccode"]) in PANEL_STATES:
                panel_sides.setdefault(row["dispnum"], set()).add(int(row["ccode"]))
    disputes |= {d for d, s in panel_sides.items() if len(s) >= 2}
    rule_m = (
        "disputes begun 1990-2001 with a participant in {2, 200, 211, 290, 365, 371}, "
        f"or with two participants in {sorted(PANEL_STATES)}"
    )
    _cut(
        "cow_mid",
        mid,
        [
            ("disputes_subset.csv", "MIDA_5.0.csv", lambda r: r["dispnum"] in disputes, rule_m),
            ("participants_subset.csv", "MIDB_5.0.csv", lambda r: r["dispnum"] in disputes, rule_m),
        ],
    )
    _naturalearth(data / "naturalearth")


RULE_SY = f"year in 1950, 1968-1972 or 2012-2016, or ccode in {sorted(PANEL_STATES)} (every year)"


def _exceptions() -> tuple[set[int], set[frozenset[int]]]:
    """The alliances and the (undirected) dyads of casus's shipped partner exceptions."""
    with EXCEPTIONS.open(encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["atopid"].strip().isdigit()]
    return {int(r["atopid"]) for r in rows}, {frozenset({int(r["ccode1"]), int(r["ccode2"])}) for r in rows}


def _in_force(members: Path, year: int) -> set[int]:
    """ATOP alliances with a member whose spell covers ``year`` (``yrexit`` 0: still in force)."""
    out: set[int] = set()
    with members.open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            end = int(row["yrexit"]) or 9999
            if int(row["yrent"]) <= year <= end:
                out.add(int(row["atopid"]))
    return out


def _state_year(row: dict[str, str]) -> bool:
    return int(row["year"]) in YEARS or int(row["ccode"]) in PANEL_STATES


def _naturalearth(ne: Path) -> None:
    def place(p: dict[str, object]) -> bool:
        pop = p.get("pop_max") or 0
        return (
            p.get("adm0_a3") in PLACES_COUNTRIES
            or p.get("name") in PLACES_NAMED
            or (isinstance(pop, (int, float)) and pop >= PLACES_MIN_POP)
        )

    spec = [
        (
            "countries_subset.geojson",
            "ne_110m_admin_0_countries.geojson",
            lambda p: p.get("ADM0_A3") in NE_COUNTRIES,
            "features with ADM0_A3 in " + ", ".join(sorted(NE_COUNTRIES)),
        ),
        (
            "places_subset.geojson",
            "ne_10m_populated_places_simple.geojson",
            place,
            f"features with adm0_a3 in {', '.join(sorted(PLACES_COUNTRIES))}, or pop_max >= {PLACES_MIN_POP:,}, "
            f"or name in {', '.join(sorted(PLACES_NAMED))}",
        ),
        (
            "seas_subset.geojson",
            "ne_10m_geography_marine_polys.geojson",
            lambda p: p.get("name") in SEAS | NE_SEAS,
            "features named " + ", ".join(sorted(SEAS | NE_SEAS)),
        ),
        (
            "countries50_subset.geojson",
            "ne_50m_admin_0_countries.geojson",
            lambda p: p.get("ADM0_A3") in NE_COUNTRIES_50,
            "features with ADM0_A3 in " + ", ".join(sorted(NE_COUNTRIES_50)),
        ),
        (
            "disputed_subset.geojson",
            "ne_10m_admin_0_disputed_areas.geojson",
            lambda p: p.get("BRK_NAME") in NE_DISPUTED,
            "features with BRK_NAME in " + ", ".join(sorted(NE_DISPUTED)),
        ),
    ]
    done = []
    for fixture, source, keep, rule in spec:
        doc = json.loads((ne / source).read_text("utf-8"))
        doc["features"] = [f for f in doc["features"] if keep(f["properties"])]
        (OUT / "naturalearth" / fixture).write_text(json.dumps(doc), "utf-8")
        done.append((fixture, source, len(doc["features"]), rule))
        print(f"naturalearth/{fixture}: {len(doc['features'])} features")
    write_folder("naturalearth", ne, done)


def _cut(name: str, src_dir: Path, spec: list[tuple[str, str, Callable[[dict[str, str]], bool], str]]) -> None:
    done = []
    for fixture, source, keep, rule in spec:
        rows = cut_csv(src_dir / source, OUT / name / fixture, keep)
        done.append((fixture, source, rows, rule))
        print(f"{name}/{fixture}: {rows} rows")
    write_folder(name, src_dir, done)


def write_layout() -> None:
    """``tests/fixtures/LAYOUT``: each fixture file and the published name it stands in for."""
    rows = []
    for folder in sorted(p for p in OUT.iterdir() if p.is_dir()):
        for line in (folder / "PROVENANCE.md").read_text("utf-8").splitlines():
            m = line.split("|")
            if len(m) > 3 and m[1].strip().startswith("`") and m[2].strip().startswith("`"):
                rows.append(f"{folder.name}/{m[1].strip().strip('`')} {m[2].strip().strip('`')}\n")
    (OUT / "LAYOUT").write_text("".join(rows), "utf-8")


if __name__ == "__main__":
    default = os.environ.get("CASUS_DATA_DIR") or str(REPO.parent / "shared" / "data")
    main(Path(sys.argv[1] if len(sys.argv) > 1 else default))
    write_layout()
