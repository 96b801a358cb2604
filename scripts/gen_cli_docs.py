"""Regenerate docs/cli-reference.md from the CLI's --help."""

from pathlib import Path

from casus.cli.reference import render_reference

out = Path(__file__).resolve().parents[1] / "docs" / "cli-reference.md"
out.write_text(render_reference() + "\n", encoding="utf-8")
print(f"wrote {out}")
