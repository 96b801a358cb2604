"""Hopes, support, dismissals and threats carried out: membership changes someone only wishes or rules out.

Convention 15 of the fifth held-out set (it extends sets 3 and 4): an official's hope that a state will join
("Он выразил надежду, что Азербайджан вскоре станет полноправным членом организации") or a state's support for
another's accession ("le soutien de Pékin à l'adhésion de l'Azerbaïdjan à l'OCS") makes that accession
``hypothetical``; a third party ruling it out ("Ukraine 'can forget about' joining NATO", "Украина не сможет …
вступить в НАТО") makes it ``negated``. A hope for one's own act with no clause of its own ("Tbilisi said it
still hoped to join NATO") is an intention, like "wants to join" (convention 14): stage ``considering``, which
:func:`casus.ingest.extract.stage_of` gives through ``lexicon.INTENT``.

An act told as carrying out a threat ("mettant à exécution sa menace") tells the threat too
(:func:`carried_threats`).

These readings are kept even inside someone else's claim (see ``_within_claim`` in
:mod:`casus.ingest.sentences`): the article tells the accession's prospects through that speaker.
"""

from __future__ import annotations

from dataclasses import replace

from casus.ingest.extract import SentenceReading, title_of, trigger_noun
from casus.ingest.model import ExtractedEvent, Modality
from casus.ingest.nlp import Sentence

#: Words of hoping that someone else will act ("expressed hope that", "espère que", "выразил надежду, что").
HOPE: dict[str, frozenset[str]] = {
    "en": frozenset(["hope", "hopes", "hoped", "hoping", "hopeful"]),
    "fr": frozenset(["espérer", "espoir", "souhaiter", "souhait"]),
    "ru": frozenset(["надеяться", "надежда", "надеюсь", "надеемся"]),
}

#: Nouns and verbs of backing another state's membership ("support for", "soutien à", "поддержка вступления").
SUPPORT: dict[str, frozenset[str]] = {
    "en": frozenset(["support", "supports", "supported", "supporting", "back", "backs", "backed", "backing"]),
    "fr": frozenset(["soutien", "soutenir", "appui", "appuyer"]),
    "ru": frozenset(["поддержка", "поддержать", "поддерживать"]),
}

#: Words ruling an act out in someone else's voice ("can forget about joining", "peut oublier", "забыть о").
DISMISS: dict[str, frozenset[str]] = {
    "en": frozenset(["forget"]),
    "fr": frozenset(["oublier"]),
    "ru": frozenset(["забыть", "забывать"]),
}

#: Words that make a backing a vote, which is a ratification step, not a wish ("287 supported Sweden's accession").
_VOTE = ("vot", "ratif", "голос", "ратиф", "парламент", "parliament", "parlement", "député", "депутат", "mps")

#: Complementizers that open someone else's clause after a hope ("hope that", "espère que", "надежду, что").
_THAT = frozenset(["that", "que", "qu'", "qu’", "что", "чтобы"])


def _words(sent: Sentence, lo: int, hi: int) -> set[str]:
    toks = sent.tokens[max(lo, 0) : hi]
    return {t.text.lower() for t in toks} | {t.lemma for t in toks}


#: Possessives that make a membership noun the hoping subject's own ("its NATO membership", "son adhésion").
_OWN = frozenset(["its", "their", "son", "sa", "leur", "свой", "своего", "своему", "своём", "своем"])


def own_hope(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the membership noun at ``i`` is the hoper's own, after a word of hoping: an intention (``considering``).

    "At the Vilnius summit, Ukraine hopes to receive a clear signal on its NATO membership perspective" (en10-02):
    Ukraine's own wish to join (set 5's decision 14), not a third party's hope for it (decision 15).
    """
    noun = sent.tokens[i].pos in ("NOUN", "") or trigger_noun(sent.tokens, i)  # English is tagged by no model
    if not noun or not _words(sent, i - 3, i) & _OWN:
        return False
    return bool(_words(sent, i - 10, i - 3) & HOPE[lang])


def wished_modality(sent: Sentence, i: int, lang: str) -> Modality | None:
    """``hypothetical`` for an act hoped for or backed by someone, ``negated`` when ruled out; else ``None``.

    A hope reaches across "that" ("hope that Azerbaijan will become a member"), the clause opened by the
    complementizer right before the trigger's clause; a backing governs a membership noun a few words on
    ("support for Ukraine's membership", "soutien … à l'adhésion de"), unless the sentence tells a vote; a
    dismissal ("forget about joining") is in the words just before the trigger.
    """
    toks = sent.tokens
    before = _words(sent, i - 4, i)
    if before & DISMISS[lang]:
        return Modality.NEGATED
    that = next((k for k in range(i - 1, max(i - 9, -1), -1) if toks[k].text.lower() in _THAT), None)
    if that is not None and _words(sent, that - 4, that) & HOPE[lang]:
        return Modality.HYPOTHETICAL
    if trigger_noun(toks, i) and _words(sent, i - 5, i) & SUPPORT[lang]:
        text = sent.text.lower()
        return None if any(v in text for v in _VOTE) else Modality.HYPOTHETICAL
    return None


#: Carrying out a threat made before: "mettant à exécution sa menace", "carrying out its threat", "made good on
#: its threat", "исполнив свою угрозу", "привела угрозу в исполнение".
_CARRIED_THREAT = {
    "en": ("carry out its threat", "carrying out its threat", "carried out its threat", "good on its threat"),
    "fr": ("exécution sa menace", "exécution leur menace", "exécution ses menaces", "exécution la menace"),
    "ru": ("исполнив свою угрозу", "выполнив свою угрозу", "угрозу в исполнение", "исполнила угрозу"),
}
_THREATENED_TYPES = frozenset({"deployment", "withdrawal", "suspension"})


def carried_threats(reading: SentenceReading, found: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """The threat an act carries out, told with it: a twin of that act at stage ``threatening``.

    "La Cédéao a ordonné dimanche le déploiement immédiat … mettant à exécution sa menace formulée quelques
    heures plus tôt" is ECOWAS's deployment and, before it, ECOWAS's threat of it (convention 19), on the same
    day unless the sentence says otherwise.
    """
    text = reading.sent.text.lower().replace("’", "'")
    if not any(p in text for p in _CARRIED_THREAT[reading.lang]):
        return []
    twins = [
        replace(ev, stage="threatening")
        for ev in found
        if ev.type.value in _THREATENED_TYPES and ev.stage is None and ev.modality is Modality.ASSERTED
    ]
    return [replace(ev, title=title_of(ev, reading.gaz)) for ev in twins]
