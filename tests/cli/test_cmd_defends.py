"""`casus defends`: the table a reader sees, and one-line errors (exit 2)."""

from __future__ import annotations

import pytest

from casus.cli.app import main


def test_estonias_defenders_table_names_nato_art5_against_any_non_party(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["defends", "--target", "Estonia", "--on", "2024-06-25", "--curated-only"]) == 0
    out = capsys.readouterr().out
    assert "Defenders of Estonia on 2024-06-25" in out
    nato = next(line for line in out.splitlines() if line.startswith("│ NATO"))
    assert "Art. 5" in nato and "triggered" in nato and "31:" in nato
    assert "casus extension from 2017" in out.replace("\n", " ")


def test_unknown_country_is_one_line_with_did_you_mean(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["defends", "--attacker", "Rusia", "--on", "2024-06-25"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("casus: error: unknown state 'Rusia'; did you mean 'Russia'")


def test_a_csv_of_an_attackers_targets(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["defends", "--attacker", "Azerbaijan", "--on", "2024-06-25", "--curated-only", "-f", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "target,treaty,article,kind,verdict,obligated"
    assert any(line.startswith("ARM,CSTO,Art. 4,defense,triggered,") for line in lines)
