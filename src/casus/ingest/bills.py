"""Readings of a bill: each dated vote or approval of the accession bill an article names is its own step.

"Armenia's parliament adopted the bill on the start of the EU accession process" makes an ``application`` at
stage ``considering`` (a bill about joining is the decision to apply). The same article then tells the bill's
earlier steps without naming the accession again: "Le 9 janvier 2025, le projet de loi a été discuté et
approuvé lors de la séance du gouvernement", "Lors de la session du 12 février, l'Assemblée nationale a adopté le
projet de loi en première lecture". Each is the same decision at another date (the convention of the fourth
development set: each step of a national procedure given a date is its own event), by the same state and for
the same organization. A step without a date of its own is not told apart.
"""

from __future__ import annotations

from casus.ingest import lexicon as lx
from casus.ingest.extract import Discourse, SentenceReading, make_event, own_dates, pick_when
from casus.ingest.model import ExtractedEvent, Modality, Precision
from casus.kb.events import EventType as T

#: Verbs by which a government or a parliament passes a bill.
ADOPT: dict[str, frozenset[str]] = {
    "en": frozenset(["adopt", "adopted", "pass", "passed", "approve", "approved"]),
    "fr": frozenset(["adopter", "adopté", "approuver", "approuvé"]),
    "ru": frozenset(["принять", "одобрить", "утвердить"]),
}


def _is_bill(sent_text: str, lang: str) -> bool:
    words = set(sent_text.lower().replace("«", " ").replace("»", " ").split())
    return bool(words & lx.BILL[lang]) or (lang == "ru" and any(w.startswith("законопроект") for w in words))


def _accession_bill(memory: Discourse, lang: str) -> ExtractedEvent | None:
    """The latest application the article told as a bill about joining, if any."""
    for ev in reversed(memory.events):
        bill = any(_is_bill(e.quote, lang) for e in ev.evidence)
        if ev.type is T.APPLICATION and ev.stage == "considering" and ev.actors and ev.organization and bill:
            return ev
    return None


def bill_steps(reading: SentenceReading) -> list[ExtractedEvent]:
    """A dated adoption of the article's accession bill, told without the accession words (see module doc)."""
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    memory, doc_id, gaz = reading.memory, reading.doc_id, reading.gaz
    toks = sent.tokens
    bill = _accession_bill(memory, lang)
    if bill is None or not any(t.lemma in lx.BILL[lang] or t.text.lower() in lx.BILL[lang] for t in toks):
        return []
    verb = next((k for k, t in enumerate(toks) if t.lemma in ADOPT[lang] or t.text.lower() in ADOPT[lang]), None)
    if verb is None:
        return []
    own = own_dates(sent, verb, times, lang)
    days = [t for t in own if t.explicit and t.when and t.when.precision is Precision.DAY]
    when = pick_when(days, toks[verb].start, memory)
    if when is None or when == bill.when:
        return []
    event = make_event(
        T.APPLICATION,
        sent,
        doc_id,
        org=bill.organization,
        subject=None,
        target=None,
        mentions=mentions,
        when=when,
        modality=Modality.ASSERTED,
        gaz=gaz,
        stage="considering",
        actors_override=bill.actors,
    )
    return [event]
