"""Absences: a state that will not take part in a summit, a session or an exercise refuses it.

"Armenia will not take part in the CSTO summit in Astana", "l'Arménie ne participera pas au sommet",
"Армения не будет участвовать в саммите ОДКБ" are ``refusal`` events by the state (the annotation convention
of the real-article sets: refusing covers declining to attend). The refusal takes the date of what is
refused when the text gives it: the date of the summit the same sentence names, once the article's mentions
of that summit are aligned (:func:`date_absences`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from casus.ingest import lexicon as lx
from casus.ingest.extract import (
    SentenceReading,
    actor_ids,
    default_when,
    find_subject,
    is_future,
    make_event,
    own_dates,
    pick_when,
)
from casus.ingest.model import ExtractedEvent, Mention, Modality
from casus.ingest.nlp import Token
from casus.kb.events import EventType as T

#: Verbs of taking part; "take", "prendre", "принять" only with "part/part/участие" after them.
PARTICIPATE: dict[str, frozenset[str]] = {
    "en": frozenset(["attend", "participate", "join"]),
    "fr": frozenset(["participer", "assister"]),
    "ru": frozenset(["участвовать", "присутствовать"]),
}
_TAKE_PART = {"en": ("take", "part"), "fr": ("prendre", "part"), "ru": ("принять", "участие")}


def _participation(toks: Sequence[Token], k: int, lang: str) -> bool:
    t = toks[k]
    if t.lemma in PARTICIPATE[lang] or t.text.lower() in PARTICIPATE[lang]:
        return lang != "en" or t.lemma != "join" or _next_is(toks, k, lx.GATHERINGS[lang], 3)
    verb, noun = _TAKE_PART[lang]
    return t.lemma == verb and k + 1 < len(toks) and toks[k + 1].lemma in (noun, noun + "s")


def _next_is(toks: Sequence[Token], k: int, words: frozenset[str], reach: int) -> bool:
    return any(t.lemma in words or t.text.lower() in words for t in toks[k + 1 : k + 1 + reach])


_BUT = frozenset({"but", "mais", "но"})


def _ends_clause(toks: Sequence[Token], k: int) -> bool:
    """Whether only negation, auxiliaries and punctuation follow the verb in its clause ("участвовать не будет»").

    A contrasting conjunction also ends it: "The sixth member state, Armenia, will not participate but has no
    objections to the planned documents" (Sputnik, 2024-11-28).
    """
    for t in toks[k + 1 :]:
        if not t.text[:1].isalnum() or t.text.lower() in _BUT:
            return True
        if t.text.lower() not in {"не", "будет", "будут", "pas", "not", "plus"}:
            return False
    return True


def _negated(toks: Sequence[Token], k: int, lang: str) -> bool:
    """A negation just before the verb, or after it ("участвовать не будет", "ne participera pas")."""
    before = {t.text.lower() for t in toks[max(0, k - 4) : k]} | {t.lemma for t in toks[max(0, k - 4) : k]}
    after = {t.text.lower() for t in toks[k + 1 : k + 3]}
    return bool(before & lx.NEGATION[lang]) or (lang in ("ru", "fr") and bool(after & {"не", "pas", "plus"}))


def absence_events(reading: SentenceReading) -> list[ExtractedEvent]:
    """Refusals a sentence tells as a state not taking part in an organization's gathering (see module doc)."""
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    memory, doc_id, gaz = reading.memory, reading.doc_id, reading.gaz
    toks = sent.tokens
    out: list[ExtractedEvent] = []
    for k in range(len(toks)):
        skipped = _skipping(toks, k, lang) and _next_is(toks, k, lx.GATHERINGS[lang], 12)
        drills = _no_drills(toks, k, lang) or _not_backed(toks, k, lang)
        if not skipped and not drills and (not _participation(toks, k, lang) or not _negated(toks, k, lang)):
            continue
        if not skipped and not drills and not _next_is(toks, k, lx.GATHERINGS[lang], 8) and not _ends_clause(toks, k):
            continue  # taking part in something else ("au vote", "in the talks"); "участвовать не будет." is kept
        host = _host(toks, k, mentions) if drills == "held" else None
        subject = host or find_subject(sent, k, mentions, lang, memory)
        actors, _ = actor_ids(subject)
        if subject is None or subject.kind == "organization" or not actors:
            continue
        orgs = [m.ref for m in mentions if m.kind == "organization"]
        org = orgs[0] if orgs else memory.main_org
        if org is None:
            continue
        future = is_future(sent, k, lang, None, whole=True)
        when = pick_when(own_dates(sent, k, times, lang), toks[k].start, memory, future=future)
        out.append(
            make_event(
                T.REFUSAL,
                sent,
                doc_id,
                org=org,
                subject=subject,
                target=None,
                mentions=mentions,
                when=when or default_when(memory),
                modality=Modality.ASSERTED,
                claim=sent.text[toks[k].start - sent.start :].strip(),
                gaz=gaz,
                stage=_planned(toks, k, lang),
            )
        )
        break
    return out


#: Verbs of holding an exercise ("mener des exercices", "hold drills", "проводить учения"), and the words of its
#: taking place ("n'aurait lieu", "will not take place", "не состоятся").
_HOLD = {
    "en": frozenset(["hold", "host", "conduct"]),
    "fr": frozenset(["mener", "organiser", "tenir", "accueillir"]),
    "ru": frozenset(["проводить", "провести", "принимать"]),
}
_HELD = {
    "en": frozenset(["place"]),
    "fr": frozenset(["lieu"]),
    "ru": frozenset(["состояться", "пройти", "проводиться"]),
}
_PLACE = frozenset(["en", "in", "в", "во"])


def _no_drills(toks: Sequence[Token], k: int, lang: str) -> str | None:
    """How the verb at ``k`` refuses an exercise, when it does: ``"hold"`` or ``"held"``, else ``None``.

    A state that will not hold an organization's exercise refuses it ("L'Arménie ne considère pas opportun de
    mener des exercices de l'OTSC cette année", fr8-02), and so does one saying that no such exercise will take
    place on its soil ("aucun exercice militaire de l'OTSC n'aurait lieu en Arménie cette année", fr7-03): set
    4's decision 9, refusing covers declining an exercise.
    """
    word = {toks[k].lemma, toks[k].text.lower()}
    if word & _HOLD[lang]:
        ok = _negated(toks, k, lang) and _next_is(toks, k, lx.EXERCISE[lang] | lx.GATHERINGS[lang], 3)
        return "hold" if ok and _next_is(toks, k, lx.EXERCISE[lang] | lx.DRILLS[lang], 3) else None
    if not word & _HELD[lang]:
        return None
    before = toks[max(0, k - 10) : k]
    drills = any(t.lemma in lx.EXERCISE[lang] or t.text.lower() in lx.DRILLS[lang] for t in before)
    negated = any(t.text.lower() in lx.NEGATION[lang] or t.text.lower() in ("n'", "n’") for t in toks[k - 4 : k])
    return "held" if drills and negated else None


#: Verbs of backing another state's bid, and the nouns of the bid (decision 43; en6-04).
_SUPPORT = {
    "en": frozenset(["support", "back", "endorse"]),
    "fr": frozenset(["soutenir", "appuyer"]),
    "ru": frozenset(["поддержать", "поддерживать"]),
}
_BID = {
    "en": frozenset(["accession", "entry", "membership", "bid"]),
    "fr": frozenset(["adhésion", "entrée", "candidature"]),
    "ru": frozenset(["вступление", "членство", "заявка"]),
}


def _not_backed(toks: Sequence[Token], k: int, lang: str) -> str | None:
    """``"support"`` when a member will not support another state's accession: it refuses it.

    "Erdogan has said his country will not support Sweden's and Finland's accession to NATO" (en6-04): a member
    declining to back a bid refuses it (set 5's decision 16 on a veto, set 8's decision 43 on "refused to
    support"); a bid it supports is no refusal.
    """
    if not {toks[k].lemma, toks[k].text.lower()} & _SUPPORT[lang] or not _negated(toks, k, lang):
        return None
    return "support" if _next_is(toks, k, _BID[lang], 8) else None


def _host(toks: Sequence[Token], k: int, mentions: Sequence[Mention]) -> Mention | None:
    """The state an exercise would have taken place in: "n'aurait lieu en Arménie"."""
    for j in range(k + 1, min(len(toks) - 1, k + 4)):
        if toks[j].text.lower() in _PLACE:
            return next((m for m in mentions if m.start == toks[j + 1].start and m.kind == "state"), None)
    return None


#: Verbs of staying away from a gathering, no negation needed: "planning to skip the upcoming Quad summit".
SKIP: dict[str, frozenset[str]] = {
    "en": frozenset(["skip", "skips", "skipping", "skipped", "boycott", "boycotts", "boycotted", "snub", "snubbed"]),
    "fr": frozenset(["boycotter", "bouder", "snober"]),
    "ru": frozenset(["пропустить", "пропускать", "бойкотировать", "проигнорировать", "игнорировать"]),
}
#: Words of planning before a refusal (convention 20: a plan to skip a summit is a refusal being considered);
#: a plain future ("Армения не будет участвовать") is the refusal itself (set 4).
_PLANNING = {
    "en": frozenset(["plan", "plans", "planning", "planned", "intend", "intends", "intending", "would"]),
    "fr": frozenset(["prévoir", "prévoit", "compter", "compte", "envisager", "envisage", "entendre"]),
    "ru": frozenset(["планировать", "планирует", "намерен", "намерена", "собираться", "собирается"]),
}


def _skipping(toks: Sequence[Token], k: int, lang: str) -> bool:
    return toks[k].lemma in SKIP[lang] or toks[k].text.lower() in SKIP[lang]


def _planned(toks: Sequence[Token], k: int, lang: str) -> str | None:
    """``considering`` for a refusal only planned ("is reportedly planning to skip", "would not attend")."""
    before = toks[max(0, k - 4) : k]
    words = {t.text.lower() for t in before} | {t.lemma for t in before}
    return "considering" if words & _PLANNING[lang] else None


#: Acts done at a summit the same sentence dates: they take its date when they have none of their own.
AT_SUMMIT = frozenset({T.REFUSAL, T.FOUNDING})


def date_absences(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """An undated refusal or founding told in the sentence of a dated summit takes that summit's date.

    "Armenia will not attend the CSTO summit, which opens on 28 November"; "at the end of the summit of 6 July
    2024, the leaders adopted a treaty founding a confederation"; so does an organization's suspension of a member
    ("ЭКОВАС приостановило членство Гвинеи-Бисау …, следует из … коммюнике … онлайн-саммита …, прошедшего в
    четверг").
    """
    summit_when = {
        q.quote: ev.when for ev in events if ev.type is T.SUMMIT and ev.when.start is not None for q in ev.evidence
    }
    out = []
    for ev in events:
        decided = ev.type is T.SUSPENSION and bool(ev.members)  # an organization suspending a member at its summit
        if (ev.type in AT_SUMMIT or decided) and ev.when.start is None:
            found = next((summit_when[q.quote] for q in ev.evidence if q.quote in summit_when), None)
            if found is not None:
                ev = replace(ev, when=found)
        out.append(ev)
    return out
