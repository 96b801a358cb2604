"""scripts/train_event_model.py: it never reads a blind set, and its cuts weigh precision against recall."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture(scope="module")
def train(script: Callable[[str], ModuleType]) -> ModuleType:
    return script("train_event_model")


def test_the_thirteenth_set_and_every_later_one_are_refused(train: ModuleType) -> None:
    for name in ("heldout13", "heldout14", "heldout15"):
        with pytest.raises(ValueError, match="blind set"):
            train.readable(train.EVAL / name / "en.yaml")
    with pytest.raises(ValueError, match="blind set"):
        train.readable(train.EVAL / "blind" / "heldout13.json")
    assert train.readable(train.EVAL / "heldout12" / "fr.yaml").name == "fr.yaml"


def test_the_training_sets_are_the_development_sets_only(train: ModuleType) -> None:
    paths = [p for _, files, _ in train.SETS for p in files]
    assert all(train.readable(p) == p for p in paths)
    assert train.EVAL / "heldout12" / "ru.yaml" in paths and "heldout12" in train.REAL
    assert not any(
        part.startswith("heldout") and part[7:].isdigit() and int(part[7:]) >= 13 for p in paths for part in p.parts
    )


def test_the_silver_sets_are_trained_on_never_left_out(
    train: ModuleType, script: Callable[[str], ModuleType], tmp_path: Path
) -> None:
    """silver1, silver2… (one annotator's labels) join the training sets, matched strictly, but are no fold."""
    for name in ("silver10", "silver2", "silverx", "heldout13"):
        (tmp_path / name).mkdir()
    (tmp_path / "silver3.yaml").write_text("")
    assert script("devsets").silver_sets(tmp_path) == ("silver2", "silver10")
    assert not set(train.SILVER) & set(train.REAL)
    named = {name: strict for name, _, strict in train.SETS}
    assert all(named[name] for name in train.SILVER) and all(named[name] for name in train.REAL)
    paths = [p for name, files, _ in train.SETS if name in train.SILVER for p in files]
    assert all(train.readable(p) == p and p.exists() for p in paths)


def test_gain_counts_a_saved_false_positive_against_a_lost_true_positive(train: ModuleType) -> None:
    """Set 7 with every candidate kept: 49 tp, 34 fp, 52 fn (P 0.59, R 0.49)."""
    base = {"heldout7": (49, 34, 52)}
    wrong, right = train.Scored(0.2, 0, "heldout7", "summit"), train.Scored(0.3, 1, "heldout7", "accession")
    assert train.gain([wrong, right], base, lambda s: 0.25) == pytest.approx(49 / 82 - 49 / 83)
    assert train.gain([wrong, right], base, lambda s: 0.35) == pytest.approx(48 / 81 - 49 / 83 - 1 / 101)
    assert train.choose_global([wrong, right], base) == pytest.approx(0.3)  # hold back under 0.3: the wrong one
