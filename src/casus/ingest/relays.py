"""Forces sent or withdrawn that the article passes on through someone else's words.

Three constructions (issue #10, the annotation convention of the real-article sets: an act reported by
someone other than its actor is told as the act, with the teller as speaker):

* **An unknown news agency** ("according to KCNA", "selon l'agence KCNA", "по данным ЦТАК"): the gazetteer
  does not know the outlet, so the claim has no speaker; the news it relays is kept, with the outlet's name as
  speaker, never as actor. "Selon la source faisant autorité" names nobody and still makes no event.
* **Forces announced by someone else** ("Baku announced that Russian peacekeepers completed their withdrawal",
  "Пашинян сообщил, что организация направит свои миротворческие силы"): a deployment's start or end inside a
  clause after a verb of announcing is kept, with the announcer as speaker (future: ``considering``; "can",
  "может": ``hypothetical``). A bare noun after the verb ("annonce la fin de la mission") stays the claim.
* **The announcer's own forces** ("La Corée du Nord a confirmé avoir envoyé des troupes", "L'OTAN a annoncé
  le lancement d'une opération", "North Korea confirms troop deployment"): an infinitive or a noun heading the
  claim, with no agent of its own, is the speaker's own act (``reported``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from casus.ingest import lexicon as lx
from casus.ingest.extract import SentenceReading, default_when, make_event, own_dates, pick_when
from casus.ingest.model import DEPLOYMENT_END, ExtractedEvent, Mention, Modality
from casus.ingest.nlp import Sentence
from casus.kb.events import EventType

#: Words that make the name after "according to" a news outlet: "l'agence KCNA", "state media", "ИА REGNUM".
OUTLET_WORDS = frozenset(
    ["agency", "agence", "агентство", "агентства", "ия", "иа", "media", "médias", "сми", "outlet", "newspaper"]
)
_COMPLEMENTIZERS = frozenset(["that", "que", "qu'", "qu’", "что"])
#: Finite auxiliaries of English (not parsed): after one the trigger has a subject of its own.
_FINITE_EN = frozenset(["is", "was", "are", "were", "has", "have", "had", "will", "would", "been"])
_ACRONYM = re.compile(r"^[A-ZА-ЯЁ]{3,}$")
#: Verbs of announcing: what follows them is passed on as news (the other verbs of saying keep it as a claim).
ANNOUNCE: dict[str, frozenset[str]] = {
    "en": frozenset(["announce", "confirm", "report", "say", "tell", "state", "declare"]),
    "fr": frozenset(["annoncer", "confirmer", "indiquer", "déclarer", "affirmer", "dire", "rapporter", "préciser"]),
    "ru": frozenset(["объявить", "сообщить", "подтвердить", "заявить", "сказать", "рассказать", "передавать"]),
}


def outlet_after(sent: Sentence, start: int, mentions: Sequence[Mention]) -> str | None:
    """The name of an outlet the gazetteer does not know, right after "according to" (at ``start``), if any."""
    if any(0 <= m.start - start <= 3 for m in mentions):
        return None  # a known speaker
    words = sent.text[start - sent.start :].replace(",", " ").split()[:4]
    folded = [w.strip("«»“”\"'(").lower() for w in words]
    if not folded or not (set(folded[:2]) & OUTLET_WORDS or _ACRONYM.match(words[0].strip("«»“”\"'("))):
        return None
    name = next((w.strip("«»“”\"'(),.") for w in words if _ACRONYM.match(w.strip("«»“”\"'(),."))), None)
    return name or " ".join(words[:2]).strip(",.")


def heads_claim(sent: Sentence, claim_start: int, i: int, mentions: Sequence[Mention]) -> bool:
    """Whether the trigger at ``i`` heads the claim with no agent of its own: the speaker's act.

    "a confirmé pour la première fois avoir envoyé", "a annoncé, vendredi 12 septembre, le lancement d'une
    opération", "confirms troop deployment": no name and no finite verb between the claim's start and it.
    """
    toks = sent.tokens
    between = [t for t in toks[:i] if t.start >= claim_start]
    if len(between) > 8 or any(claim_start <= m.start < toks[i].start for m in mentions):
        return False
    if any(t.text.lower() in _COMPLEMENTIZERS or t.text.lower() in _FINITE_EN for t in between):
        return False  # "announced that…", "the mission was complete": the act has its own subject
    return not any(t.pos == "VERB" for t in between)


def clause_in_claim(sent: Sentence, claim_start: int, i: int) -> bool:
    """Whether the trigger at ``i`` sits in a clause of the claim (a verb before it), not a bare noun after the verb."""
    toks = sent.tokens
    between = [t for t in toks[:i] if t.start >= claim_start]
    if toks[i].pos not in ("NOUN", ""):
        return True
    if any(t.pos for t in toks):
        return any(t.pos in ("VERB", "AUX") for t in between)
    return len(between) >= 3


#: Nouns of a withdrawal that, alone at the head of a sentence, refer back to the forces' withdrawal just told:
#: "The withdrawal, which began in April, …", "Le retrait, entamé en avril, …", "Вывод начался в апреле".
WITHDRAWAL_NOUNS = frozenset(["withdrawal", "pullout", "retrait", "вывод"])
_DEFINITE = frozenset(["the", "this", "le", "ce", "этот"])


def withdrawal_told_again(reading: SentenceReading) -> list[ExtractedEvent]:
    """The end of the deployment the sentence before told, when this one names it again by a bare noun.

    "Baku on June 12 announced that Russian peacekeepers completed their withdrawal … The withdrawal, which
    began in April, has been agreed between Putin and Aliyev": the same forces' withdrawal, begun in April (its
    own sentence's date; undated if it has none).
    """
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    memory, doc_id, gaz = reading.memory, reading.doc_id, reading.gaz
    toks = sent.tokens
    k = 1 if toks and toks[0].text.lower() in _DEFINITE else 0
    if len(toks) <= k + 1 or toks[k].lemma not in WITHDRAWAL_NOUNS or not memory.events:
        return []
    if any(m.kind == "organization" for m in mentions) or any(
        t.lemma in lx.TROOP_NOUNS[lang] or t.text.lower() in lx.TROOP_NOUNS[lang] for t in toks[k + 1 : k + 4]
    ):
        return []  # "the withdrawal of troops …", "le retrait de l'OTSC": told in full, read as such
    last = memory.events[-1]
    if last.type is not EventType.DEPLOYMENT or last.phase != "end" or not last.actors:
        return []
    when = pick_when(own_dates(sent, k, times, lang), toks[k].start, memory) or default_when(memory)
    ev = make_event(
        EventType.DEPLOYMENT,
        sent,
        doc_id,
        org=last.organization,
        subject=None,
        target=None,
        mentions=(),
        when=when,
        modality=Modality.ASSERTED,
        claim=DEPLOYMENT_END,
        gaz=gaz,
        actors_override=last.actors,
    )
    return [replace(ev, target=last.target, title=ev.title)]


def troops_owner(sent: Sentence, i: int, mentions: Sequence[Mention], lang: str) -> Mention | None:
    """The state whose troops are the subject of the deployment at ``i``, named by a nationality adjective.

    "des soldats nord-coréens avaient été déployés", "North Korean troops arrived", "северокорейские военные
    прибыли": the troops' state sends them, whoever tells it (the teller is the speaker, not the actor). The
    troop noun comes before the trigger, in its clause, or, for a participation, right after it ("подтвердили
    участие северокорейских военнослужащих"); the adjective is right next to it (before it in English and
    Russian, after it in French).
    """
    toks = sent.tokens
    after_it = range(i + 1, min(len(toks), i + 4)) if toks[i].lemma in lx.PARTICIPATION else range(0)
    for k in [*range(i - 1, max(-1, i - 7), -1), *after_it]:
        word = toks[k]
        if k < i and (word.text in (",", ";", ":") or word.text.lower() in _COMPLEMENTIZERS):
            return None
        if not (word.lemma in lx.TROOP_NOUNS[lang] or word.text.lower() in lx.TROOP_NOUNS[lang]):
            continue
        if word.pos in ("ADJ", "VERB", "PROPN"):
            continue
        # a nationality adjective: lower-case in French and Russian ("nord-coréens"), capitalised in English
        nationals = [m for m in mentions if m.kind == "state" and (lang == "en" or m.text[:1].islower())]
        before = next((m for m in nationals if k > 0 and m.end == toks[k - 1].end), None)
        after = next((m for m in nationals if k + 1 < len(toks) and m.start == toks[k + 1].start), None)
        return after if lang == "fr" and after is not None else before
    return None
