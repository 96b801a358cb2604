"""Membership changes recalled in a list, each state with its own year: "…, followed by Iran in 2023".

"India and Pakistan joined in 2017, followed by Iran in 2023 and Belarus in 2024" (en5-15).

After a dated membership change, further states each told with their own date right after their name ("Iran in
2023", "l'Iran en 2023", "Иран — в 2023 году") and joined to it only by a link ("and", ", followed by", "puis",
"а затем"…) are each the same change (type, organization, modality, stage) by that state on that date. A state
named without a date of its own, or anything else between the items (a verb, another clause), ends the list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from casus.ingest import lexicon as lx
from casus.ingest.extract import SentenceReading, title_of
from casus.ingest.model import ExtractedEvent
from casus.ingest.temporal import TimeExpression

#: What may stand between one item of the list and the next: commas, "and", a connective of succession and an
#: article, nothing else.
LINK: dict[str, re.Pattern[str]] = {
    "en": re.compile(r"[\s,;]*(?:and|as well as)?[\s,]*(?:then|later|followed\s+by|by)?\s*(?:the)?\s*", re.IGNORECASE),
    "fr": re.compile(
        r"[\s,;]*(?:et|ainsi\s+que)?[\s,]*(?:puis|ensuite|plus\s+tard|suivi(?:e|s|es)?\s+(?:de|par))?\s*"
        r"(?:l['’]|la|le|les|de\s+l['’]|de\s+la|du|des)?\s*",
        re.IGNORECASE,
    ),
    "ru": re.compile(r"[\s,;]*(?:и|а\s+также|а)?[\s,]*(?:затем|потом|позднее|позже)?\s*", re.IGNORECASE),
}
_STATES = ("state", "capital", "government")
#: Characters between a state's name and its date ("Iran in 2023", "l'Iran en 2023", "Иран — в 2023 году").
_GAP = 5


def listed_after(reading: SentenceReading, found: Sequence[ExtractedEvent]) -> list[ExtractedEvent]:
    """Further states' changes listed after a dated membership change (see the module doc)."""
    sent, mentions, times, text = reading.sent, reading.mentions, reading.times, reading.sent.text
    first = next((e for e in found if e.type in lx.MEMBERSHIP_CHANGES and e.when.start is not None and e.actors), None)
    if first is None:
        return []
    dated = next((t for t in times if t.when == first.when), None)
    if dated is None:
        return []
    told = [m.end for m in mentions if m.ref in first.actors or m.ref == first.organization]
    pos = max([dated.end, *told])
    out: list[ExtractedEvent] = []
    for m in mentions:
        if m.start < pos or m.kind not in _STATES or m.ref in first.actors:
            continue
        if LINK[reading.lang].fullmatch(text, pos - sent.start, m.start - sent.start) is None:
            break  # a verb or a clause between: the list has ended
        own = _date_after(times, m.end)
        if own is None or own.when is None:
            break
        ev = replace(first, actors=(m.ref,), when=own.when, mentioned=())
        out.append(replace(ev, title=title_of(ev, reading.gaz)))
        pos = own.end
    return out


def _date_after(times: Sequence[TimeExpression], end: int) -> TimeExpression | None:
    return next((t for t in times if end <= t.start <= end + _GAP and t.explicit), None)
