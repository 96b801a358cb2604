"""Measure how often ATOP defence pledges come out "indeterminate" for a plain attack on a party.

For a sample day (default 2010-07-01, inside ATOP 5.1's coverage), every treaty in force that carries an
ATOP defence pledge (an ATOP alliance, or a curated treaty with an ``atop_id``) is asked, for every party
in turn, about an armed attack on that party's own territory (its whole territory, no place given) by a
state that is not a party. The attacker is drawn with a fixed seed from the states that are parties to some
treaty in force that day (so it exists then), excluding the alliance's parties. Nothing else is said about
the event (no ``--unprovoked``, no ``--conflict``).

The unit is the (alliance, attacked party) pair; the share printed is the share of those pairs whose
verdict is ``indeterminate``, with the conditions left unknown counted by kind.

Usage::

    .venv/bin/python scripts/measure_indeterminate.py [--on 2010-07-01] [--seed 0]

Needs the ATOP 5.1 files under ../shared/data (or CASUS_DATA_DIR).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from collections import Counter

from casus.kb.treaties import PledgeKind
from casus.knowledge import KnowledgeProvider
from casus.obligations import Attacker, Verdict, evaluate_treaty, make_crisis
from casus.obligations.conditions import Outcome, is_party


def main() -> None:
    """Print the share of indeterminate (alliance, party) pairs on the day asked."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--on", default="2010-07-01")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    on = dt.date.fromisoformat(args.on)
    kb = KnowledgeProvider().for_date(on, atop=True)
    treaties = [
        t
        for t in kb.treaties_in_force(on)
        if (t.origin == "atop" or t.atop_id is not None)
        and t.no_mutual_defence is None
        and any(p.kind is PledgeKind.DEFENSE for p in t.provisions_on(on))
    ]
    treaties.sort(key=lambda t: t.id)
    parties = {
        t.id: sorted({m.state for m in kb.spells(t.party_scope) if is_party(kb, t, m.state, on)}) for t in treaties
    }
    existing = sorted({s for ps in parties.values() for s in ps})
    rng = random.Random(args.seed)
    verdicts: Counter[str] = Counter()
    unknown_kinds: Counter[str] = Counter()
    for t in treaties:
        members = set(parties[t.id])
        outsiders = [s for s in existing if s not in members]
        for target in parties[t.id]:
            attacker = rng.choice(outsiders)
            crisis = make_crisis(kb, attacker=Attacker(attacker, kb.states.name_on(attacker, on)), target=target, on=on)
            result = evaluate_treaty(kb, t, crisis)
            verdicts[result.verdict.value] += 1
            if result.verdict is Verdict.INDETERMINATE:
                for step in result.explanation:
                    if step.outcome is Outcome.UNKNOWN:
                        unknown_kinds[step.check] += 1
    total = sum(verdicts.values())
    share = verdicts[Verdict.INDETERMINATE.value] / total if total else 0.0
    print(
        f"day {on}, seed {args.seed}: {len(treaties)} treaties with a defence pledge, {total} (alliance, party) pairs"
    )
    for verdict, n in sorted(verdicts.items()):
        print(f"  {verdict}: {n} ({n / total:.1%})")
    print(f"indeterminate share: {share:.1%}")
    print("unknown checks among indeterminate pairs: " + ", ".join(f"{k} {n}" for k, n in unknown_kinds.most_common()))


if __name__ == "__main__":
    main()
