"""Ingestion cost against document size: seconds per document from 50 KB to 4.8 MB (target: linear, 5 MB < 30 s).

Documents are built deterministically from the labelled evaluation articles (en/fr/ru, every sentence a real
news sentence), repeated until they reach each size. Two hostile shapes are run at the largest size too: one
4.8 MB "sentence" with no full stop, and a 4.8 MB text that repeats one dated sentence (every date found
must be checked against the others).

The named baseline is the date finder's former overlap check (a list of the spans already taken, scanned
for every match), run side by side with the current one (one byte per character) on the same texts: it is
what made ingestion quadratic. A cost per MB that stays flat as the size grows is linear; the ratio column is
seconds per MB at each size over seconds per MB at the smallest size.

Run: ``python benchmarks/bench_ingest_size.py [--max-mb 4.8] [--plot docs/img/ingest-size.png]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import resource
import time
from pathlib import Path

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import yaml  # noqa: E402

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent / "tests" / "ingest" / "eval"
PUB = dt.date(2024, 6, 25)
SIZES_KB = (50, 100, 250, 500, 1000, 2000)


def build(lang: str, size: int) -> str:
    """A text of about ``size`` bytes in ``lang``: the evaluation articles of that language, repeated."""
    pool = [a["text"].strip() for a in yaml.safe_load((EVAL / f"{lang}.yaml").read_text("utf-8"))]
    parts: list[str] = []
    total, k = 0, 0
    while total < size:
        part = pool[k % len(pool)]
        parts.append(part)
        total += len(part.encode()) + 2
        k += 1
    return "\n\n".join(parts)


def _old_find_dates(text: str, lang: str, published: dt.date) -> int:
    """The former date finder: the same patterns, overlap checked against a list of taken spans."""
    from casus.ingest.temporal import _compiled, _resolve

    taken: list[tuple[int, int]] = []
    norm = text.replace("’", "'")
    for pattern, kind in _compiled(lang):
        for m in pattern.finditer(norm):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if _resolve(kind, m, lang, published) is None:
                continue
            taken.append((s, e))
    return len(taken)


def time_analyze(text: str, lang: str) -> tuple[float, int]:
    """Seconds to analyze ``text`` (no time budget) and the number of events found."""
    from casus.ingest import analyze, build_document

    doc = build_document(text.encode(), "bench.txt", lang=lang, published=PUB)
    t = time.perf_counter()
    events = len(analyze(doc, budget=None).events)
    return time.perf_counter() - t, events


def time_dates(text: str, lang: str) -> tuple[float, float]:
    """Seconds for the date finder, current and baseline (the baseline is skipped above 500 KB: minutes)."""
    from casus.ingest.temporal import find_dates

    t = time.perf_counter()
    find_dates(text, lang, PUB)
    ours = time.perf_counter() - t
    if len(text) > 500_000:
        return ours, float("nan")
    t = time.perf_counter()
    _old_find_dates(text, lang, PUB)
    return ours, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-mb", type=float, default=4.8, help="largest document, MB (the limit is 5 MB)")
    parser.add_argument("--lang", default="fr", choices=("en", "fr", "ru"))
    parser.add_argument("--plot", type=Path, default=None, help="write a PNG of seconds against size here")
    args = parser.parse_args()
    sizes = [kb * 1000 for kb in SIZES_KB if kb * 1000 < args.max_mb * 1e6] + [int(args.max_mb * 1e6)]
    print("load average before (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    time_analyze("L'Arménie a gelé sa participation à l'OTSC lundi.", "fr")  # load the models
    rows: list[tuple[int, float, int]] = []
    print(f"{'size':>9} {'analyze s':>10} {'s per MB':>9} {'ratio':>6} {'events':>7}   {'dates s':>8} {'baseline':>9}")
    for size in sizes:
        text = build(args.lang, size)
        secs, events = time_analyze(text, args.lang)
        ours, old = time_dates(text, args.lang)
        per_mb = secs / (len(text.encode()) / 1e6)
        base = rows[0][1] / (rows[0][0] / 1e6) if rows else per_mb
        rows.append((len(text.encode()), secs, events))
        old_txt = "-" if old != old else f"{old:.2f}"
        print(
            f"{len(text.encode()) / 1000:7.0f}KB {secs:10.2f} {per_mb:9.2f} {per_mb / base:6.2f} {events:7d}"
            f"   {ours:8.3f} {old_txt:>9}"
        )
    big = int(args.max_mb * 1e6)
    one = ("mot " * (big // 4)).strip()
    secs, _ = time_analyze(one, "fr")
    print(f"one {len(one) / 1e6:.1f} MB sentence without a full stop: {secs:.2f} s")
    rep = ("L'Arménie a gelé sa participation à l'OTSC le 23 février 2024. " * (big // 64)).strip()
    secs, _ = time_analyze(rep, "fr")
    print(f"{len(rep.encode()) / 1e6:.1f} MB repeating one dated sentence: {secs:.2f} s")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak resident memory: {peak:.0f} MB")
    if args.plot:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt

        fig, ax = plt.subplots(figsize=(6, 4))
        xs = [r[0] / 1e6 for r in rows]
        ax.plot(xs, [r[1] for r in rows], "o-", label=f"casus ingest ({args.lang} news text)")
        slope = rows[-1][1] / xs[-1]
        ax.plot([0, xs[-1]], [0, slope * xs[-1]], "--", color="grey", label="linear through the largest")
        ax.set_xlabel("document size (MB)")
        ax.set_ylabel("analysis time (s)")
        ax.set_title("Ingestion cost against document size")
        ax.legend()
        fig.tight_layout()
        args.plot.parent.mkdir(parents=True, exist_ok=True)
        fig.savefig(args.plot, dpi=100)
        print(f"plot written to {args.plot}")


if __name__ == "__main__":
    main()
