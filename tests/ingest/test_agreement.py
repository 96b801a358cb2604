"""scripts/agreement.py: two annotators' labels of the same real articles scored against each other."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from casus.errors import SourceFormatError
from casus.ingest.model import Modality
from casus.ingest.scoring import GoldEvent, as_found, date_right, load_gold, matches
from casus.kb.events import EventType as T

EVAL = Path(__file__).resolve().parent / "eval"


@pytest.fixture(scope="module")
def agreement(script: Callable[[str], ModuleType]) -> ModuleType:
    script("near_misses")
    script("score_heldout")
    return script("agreement")


def _vilnius(events: list[dict[str, object]], tmp_path: Path, name: str) -> Path:
    """en10-02's real article (NATO's Vilnius summit of 11-12 July 2023) with the given labels."""
    import yaml

    (art,) = [
        a for a in yaml.safe_load((EVAL / "heldout10" / "en.yaml").read_text("utf-8")) if a["id"].startswith("en10-02")
    ]
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump([{"id": art["id"], "events": events}], allow_unicode=True), "utf-8")
    return path


def test_a_gold_event_as_found_matches_itself_with_its_date() -> None:
    """Hungary's ratification of Sweden's accession on 26 February 2024, and SADC's troops leaving the DRC."""
    day = dt.date(2024, 2, 26)
    hungary = GoldEvent(T.ACCESSION, "nato", ("HUN",), (), day, day, phase="ratification")
    samidrc = GoldEvent(T.DEPLOYMENT, "sadc", ("sadc",), phase="end", modality=Modality.REPORTED)
    for gold in (hungary, samidrc):
        found = as_found(gold)
        assert matches(found, gold, stages=True) and date_right(found, gold)
    assert not matches(
        as_found(samidrc), GoldEvent(T.DEPLOYMENT, "sadc", ("sadc",), modality=Modality.REPORTED), stages=True
    )


def test_a_set_agrees_with_itself_and_the_directions_mirror(agreement: ModuleType) -> None:
    """Set 10's Russian gold against itself is perfect; against the second labels, swapping swaps fp and fn."""
    first = agreement.load(EVAL / "heldout10" / "ru.yaml")
    same = agreement.agree(agreement.paired(first, first)).total()
    assert (same.tp, same.fp, same.fn) == (sum(len(a.events) for a in first), 0, 0)
    second = agreement.relabelled(EVAL / "agreement" / "heldout10-ru.yaml", first)
    there = agreement.agree(agreement.paired(first, second)).total()
    back = agreement.agree(agreement.paired(second, first)).total()
    assert (back.tp, back.fp, back.fn) == (there.tp, there.fn, there.fp)
    assert there.tp + there.fp == sum(len(a.events) for a in second)


def test_a_summit_under_way_read_as_planned_is_a_phase_near_miss(agreement: ModuleType, tmp_path: Path) -> None:
    """en10-02: one annotator labels the Vilnius summit asserted for 11-12 July, the other planned (considering)."""
    summit = {"type": "summit", "org": "nato", "date": "2023-07-11..2023-07-12"}
    ukraine = {"type": "accession", "phase": "considering", "org": "nato", "actors": ["UKR"]}
    first = agreement.load(EVAL / "heldout10" / "en.yaml")
    a = agreement.relabelled(_vilnius([summit, ukraine], tmp_path, "a"), first)
    b = agreement.relabelled(_vilnius([{**summit, "phase": "considering"}, ukraine], tmp_path, "b"), first)
    pairs = agreement.paired(a, b)
    strict, lax = agreement.agree(pairs).total(), agreement.agree(pairs, strict=False).total()
    assert (strict.tp, strict.fp, strict.fn) == (1, 1, 1)
    assert (lax.tp, lax.fp, lax.fn) == (2, 0, 0)
    listing = agreement.disagreements(pairs)
    assert "| en10-02-delfi-vilnius-summit-ukraine | phase | summit nato - asserted -" in listing
    assert "One-sided events (0)" in listing


def test_a_withdrawal_being_considered_is_loosely_a_withdrawal(agreement: ModuleType) -> None:
    """Loose agreement keeps type and organization: "we will leave the CSTO" (Armenia) is a withdrawal."""
    considering = GoldEvent(T.CONSIDERATION_OF_WITHDRAWAL, "csto", ("ARM",), modality=Modality.REPORTED)
    cut = agreement.loose(considering)
    assert (cut.type, cut.organization, cut.actors, cut.modality) == (T.WITHDRAWAL, "csto", (), Modality.ASSERTED)


def test_labels_of_other_articles_are_refused_by_name(agreement: ModuleType, tmp_path: Path) -> None:
    first = load_gold(EVAL / "heldout10" / "en.yaml", "en")
    with pytest.raises(SystemExit, match="en10-01-ostro-romania-drone-debris-nato"):
        agreement.paired(first, first[1:])
    stray = tmp_path / "stray.yaml"
    stray.write_text("- {id: en99-01-nowhere, events: []}\n", "utf-8")
    with pytest.raises(SourceFormatError, match="en99-01-nowhere"):
        agreement.relabelled(stray, first)
    bad = _vilnius([{"type": "summit", "org": "nato", "modality": "likely"}], tmp_path, "bad")
    with pytest.raises(SourceFormatError, match="en10-02-delfi-vilnius-summit-ukraine"):
        agreement.relabelled(bad, first)


def test_the_committed_second_labels_cover_their_sets(agreement: ModuleType) -> None:
    """Every file of second labels names exactly the articles of its set and loads."""
    files = sorted((EVAL / "agreement").glob("heldout*-*.yaml"))
    assert len(files) >= 4
    for path in files:
        setname, lang = path.stem.rsplit("-", 1)
        first = agreement.load(EVAL / setname / f"{lang}.yaml")
        assert len(agreement.paired(first, agreement.relabelled(path, first))) == len(first)
