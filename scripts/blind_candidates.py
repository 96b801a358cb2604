"""Each real set's candidates under the code it was scored blind with, for the event scorer's training (#10).

The rules were tuned on sets 3-6 after their blind scores, so on those sets today's candidates are nine in ten
right: they teach the scorer little about the errors made on new text. The candidates the code of the day
read before it had seen a set are what unseen text gives. This script takes each set's blind-scoring commit
(named in its ``SCORE.md``) out of git into a temporary folder, runs that code on the set's articles, and
writes the core events it read (the fields the scorer's features and the strict scorer use) to
``tests/ingest/eval/blind/heldoutK.json``. ``scripts/train_event_model.py`` reads them.

Usage: python scripts/blind_candidates.py [heldoutK ...]    (needs git and the ``ingest`` extra; a few minutes)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "ingest" / "eval"
OUT = EVAL / "blind"
#: Each real set and the commit it was scored blind on (the first line of its SCORE.md).
BLIND = {
    "heldout3": "4616676",
    "heldout4": "af81745",
    "heldout5": "c4f4ef3",
    "heldout6": "1890ed6",
    "heldout7": "2be39dc",
    "heldout8": "f874f25",
    "heldout9": "07c951b",
    "heldout10": "be21b0e",
    "heldout11": "8e11e68",
    "heldout12": "ef11ad8",
}

#: Run under the old code: every article of the set, its core events as JSON (no quotes, titles or claims).
_DUMP = """
import datetime as dt, inspect, json, sys, yaml
from casus.curated import load_kb
from casus.ingest.documents import build_document
from casus.ingest.pipeline import analyze
kb, out = load_kb(), {}
# Every candidate the rules read: code that already held events back (set 7's) is asked not to.
rules_only = {"ranked": False} if "ranked" in inspect.signature(analyze).parameters else {}
for lang in ("en", "fr", "ru"):
    for art in yaml.safe_load(open(f"{sys.argv[1]}/{lang}.yaml", encoding="utf-8")):
        pub = art["published"]
        pub = pub if isinstance(pub, dt.date) else dt.date.fromisoformat(str(pub))
        doc = build_document(art["text"].encode("utf-8"), art["id"], lang=lang, published=pub)
        keep = ("type", "organization", "actors", "people", "speakers", "target", "members", "date", "modality",
                "phase", "confidence")
        out[art["id"]] = [
            dict({k: d.get(k) for k in keep}, stage=e.stage, evidence=[[x.start, x.end, x.confidence]
                                                                     for x in e.evidence])
            for e in analyze(doc, kb, **rules_only).events if e.type.value != "statement" for d in [e.to_dict()]
        ]
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


def dump(setname: str, commit: str) -> dict[str, object]:
    """The candidates the code at ``commit`` reads on every article of ``setname``."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(["git", "archive", commit, "src"], cwd=ROOT, check=True, capture_output=True).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        env = {**os.environ, "PYTHONPATH": f"{tmp}/src"}
        run = subprocess.run(
            [sys.executable, "-c", _DUMP, str(EVAL / setname)], cwd=tmp, env=env, check=True, capture_output=True
        )
    data: dict[str, object] = json.loads(run.stdout)
    return data


def main(argv: list[str] | None = None) -> int:
    """Write ``tests/ingest/eval/blind/heldoutK.json`` for each real set (or those named on the command line)."""
    names = (sys.argv[1:] if argv is None else argv) or list(BLIND)
    OUT.mkdir(exist_ok=True)
    for setname in names:
        commit = BLIND[setname]
        data = {"set": setname, "commit": commit, "articles": dump(setname, commit)}
        (OUT / f"{setname}.json").write_text(json.dumps(data, ensure_ascii=False, sort_keys=True) + "\n", "utf-8")
        print(setname, commit, sum(len(v) for v in data["articles"].values()), "candidates")  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    sys.exit(main())
