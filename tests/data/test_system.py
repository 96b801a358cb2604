"""The state system after COW's list: the packaged extension (2017-), its sources and its provenance record."""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path

import pytest

from casus.data.provenance import get_provenance
from casus.data.system import COW_END, load_system_extension, system_coverage, system_members


def test_the_extension_carries_every_state_cow_had_at_its_end(kb, casus_data: Path) -> None:
    from casus.data.cow import load_states

    cow = load_states(casus_data / "cow_states" / "states2016.csv")
    ongoing = set(cow.loc[cow["ongoing"], "ccode"].astype(int))
    ext = load_system_extension()
    members = {r.ccode for r in ext.rows if r.status == "member" and r.start == dt.date(2017, 1, 1)}
    assert members == ongoing and len(members) == 195
    # the same 195 states answer on the last day of COW and the first day of the extension
    assert system_members(kb, COW_END, cow) == system_members(kb, COW_END + dt.timedelta(days=1), cow)


def test_real_states_in_2024_and_the_entities_left_out(kb) -> None:
    on = dt.date(2024, 6, 25)
    members = system_members(kb, on)  # no COW file needed after 2016
    assert {"SSD", "XKX", "TWN", "UKR", "RUS", "EST", "ARM"} <= set(members)
    assert "PSE" not in members and "VAT" not in members
    ext = load_system_extension()
    palestine = next(r for r in ext.rows if r.state_id == "PSE")
    assert palestine.status == "excluded"
    assert "recognition-2025-09" in palestine.sources and "vetoed on 2024-04-18" in palestine.note
    kosovo = next(r for r in ext.rows if r.ccode == 347)
    assert kosovo.basis == "cow_criteria" and kb.states.by_cow(347).id == "XKX"


def test_every_row_cites_a_source_with_url_and_access_date() -> None:
    ext = load_system_extension()
    for row in ext.rows:
        assert row.sources and all(k in ext.sources for k in row.sources), row
    for src in ext.sources.values():
        assert src.url.startswith("http") and src.accessed <= dt.date(2026, 12, 3), src
    assert ext.verified_through == dt.date(2026, 12, 3)


def test_coverage_note_says_which_list_answers() -> None:
    assert system_coverage(dt.date(1970, 7, 1))["dataset"] == "cow_states"
    later = system_coverage(dt.date(2024, 6, 25))
    assert later["dataset"] == "casus_system" and later["through"] == "2026-12-03"
    assert str(later["note"]).startswith("COW states2016 to 2016-12-31, casus extension from 2017")
    assert "unknown after 2026-12-03" in str(system_coverage(dt.date(2030, 1, 1))["note"])


def test_the_packaged_files_match_their_provenance_record() -> None:
    prov = get_provenance("casus_system")
    assert prov.packaged and prov.coverage_end == 2026
    folder = Path(__import__("casus").__file__).parent / prov.folder
    for f in prov.files:
        data = (folder / f.filename).read_bytes()
        assert len(data) == f.size and hashlib.sha256(data).hexdigest() == f.sha256, f.filename


def test_fetching_a_packaged_dataset_is_refused() -> None:
    from casus.data.fetch import fetch
    from casus.errors import DataUnavailableError

    with pytest.raises(DataUnavailableError, match="ships inside the casus package"):
        fetch("casus_system", progress=False)
