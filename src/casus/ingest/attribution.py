"""Who tells a sentence's events when no verb of saying in the sentence says so.

Three shapes name the speaker outside the sentence's own grammar:

* the next sentence only attributes the previous one: "Армения заморозила членство в ОДКБ. Об этом заявил
  Пашинян", "L'Arménie gèle sa participation. C'est ce qu'a déclaré Nikol Pachinian", "Armenia suspends its
  participation in the CSTO. The country's Prime Minister Nikol Pashinyan announced.";
* a headline opens with the speaker and a colon: "Pashinyan: l'Arménie a gelé sa participation à l'OTSC";
* a headline ends with a dash and the speaker: "Финляндия 4 апреля официально станет членом НАТО — Столтенберг".

The events of the sentence so attributed become the speaker's: an act of the speaker's own state (or of the
speaker) is their self-report, ``reported``; someone else's act stays ``asserted`` news with the speaker as
its speaker (the convention of the third held-out set's README), and so does an invocation, whose actor is
the state that asked for it while the organization acts ("À la demande de la Pologne, l'Otan a activé
l'article 4. C'est ce qu'a déclaré le porte-parole du gouvernement polonais"). An intention keeps its stage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from casus.ingest.entities import Gazetteer
from casus.ingest.extract import confidence, title_of
from casus.ingest.model import ExtractedEvent, Mention, Modality
from casus.ingest.nlp import Sentence
from casus.kb.events import EventType

#: A sentence that only attributes the one before it: "Об этом заявил X", "C'est ce qu'a déclaré X",
#: "X announced." (no comma, no quote, a short sentence ending with the verb of saying).
_ATTRIBUTES_PREVIOUS: dict[str, re.Pattern[str]] = {
    "ru": re.compile(
        r"^\W*(?:об этом|это|как)\s+(?:[\w-]+\s+){0,4}?(?:заяв|сообщ|рассказ|сказ|написа|объяв|отмети|подтверди)\w*\b",
        re.IGNORECASE,
    ),
    "fr": re.compile(
        r"^\W*c['’]est ce qu['’]\s*(?:a|ont|avait|avaient)\s+(?:\w+\s+)?"
        r"(?:déclaré|annoncé|indiqué|affirmé|dit|expliqué|précisé|confirmé|rapporté|souligné)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(
        r"^[^,;:\"“”«»]{3,90}\b(?:said|announced|stated|declared|confirmed|reported)"
        r"(?:\s+(?:on\s+\w+|today|yesterday|this\s+week))?\s*\.?\s*$",
        re.IGNORECASE,
    ),
}

#: Words an attribution-only English sentence may not hold (then it says more than who spoke).
_EN_CLAIM_WORDS = frozenset(["that", "it", "this", "would", "will", "not", "no"])

_KINDS = ("person", "government")


def attributing_speaker(text: str, mentions: Sequence[Mention], lang: str) -> Mention | None:
    """The speaker when ``text`` only attributes the sentence before it ("Об этом заявил Пашинян"), else ``None``."""
    pattern = _ATTRIBUTES_PREVIOUS.get(lang)
    if pattern is None or not pattern.search(text.strip()):
        return None
    if lang == "en" and set(re.findall(r"\w+", text.lower())) & _EN_CLAIM_WORDS:
        return None
    return next((m for m in mentions if m.kind in _KINDS), None)


def headline_speaker(text: str, start: int, mentions: Sequence[Mention]) -> Mention | None:
    """The speaker a line names before a colon ("Пашинян: …") or after a final dash ("… — Столтенберг")."""
    people = [m for m in mentions if m.kind in _KINDS]
    if not people:
        return None
    first, last = people[0], people[-1]
    head = text[: first.start - start]
    after_first = text[first.end - start :]
    if not head.strip(" \"'«“") and after_first.lstrip().startswith(":"):
        return first
    before_last = text[: last.start - start].rstrip()
    tail = text[last.end - start :].strip(" .\n")
    if before_last.endswith(("—", "–", " -")) and not tail:
        return last
    return None


def attribute(events: Sequence[ExtractedEvent], speaker: Mention, gaz: Gazetteer | None) -> list[ExtractedEvent]:
    """``events`` told by ``speaker``: self-reports become ``reported``, others' acts keep their modality.

    Statements, events that already have a speaker and negated or hypothetical events are left alone.
    """
    own = {speaker.ref, speaker.state, speaker.organization} - {None}
    said_by = speaker_ids(speaker)
    out = []
    for ev in events:
        if ev.type is EventType.STATEMENT or ev.speakers or ev.modality is not Modality.ASSERTED or not said_by:
            out.append(ev)
            continue
        people = tuple(p for p in ev.people if p != speaker.ref)
        modality: Modality = ev.modality
        if own & {*ev.actors, *ev.people} and ev.stage is None and ev.type is not EventType.INVOCATION:
            modality = Modality.REPORTED
        conf = confidence(ev.type, modality, ev.organization, ev.actors, ev.when)
        moved = replace(
            ev,
            people=people,
            modality=modality,
            speakers=said_by,
            confidence=conf,
            evidence=tuple(replace(e, confidence=conf) for e in ev.evidence),
        )
        out.append(replace(moved, title=title_of(moved, gaz)))
    return out


def speaker_ids(m: Mention | None) -> tuple[str, ...]:
    """Who speaks, as kept in :attr:`ExtractedEvent.speakers`: a person's name, else a state or organization."""
    if m is None:
        return ()
    if m.kind == "person":
        role = m.role or ""
        return (m.ref,) if not (role and m.ref.startswith(f"{role} of")) else tuple(filter(None, [m.state]))
    return (m.ref,)


#: Verbs by which a person does the act a noun names ("submitted the application", "a signé la demande",
#: "подал заявку"): the person acts for his or her state. Any other verb governing the noun ("explained the
#: freezing", "se montre évasif sur cette candidature", "due to attend the summit marking the founding")
#: makes the person someone who speaks about the act, never its actor.
# fmt: off
_DOES: dict[str, frozenset[str]] = {
    "en": frozenset(["submit", "file", "sign", "deposit", "present", "hand", "send", "lodge", "formalize",
                     "formalise", "complete", "finalize", "launch", "make", "request", "seek", "order", "initiate",
                     "trigger"]),
    "fr": frozenset(["déposer", "signer", "présenter", "remettre", "envoyer", "soumettre", "formaliser", "finaliser",
                     "officialiser", "lancer", "faire", "demander", "ordonner", "engager", "déclencher",
                     "solliciter"]),
    "ru": frozenset(["подать", "подписать", "направить", "вручить", "передать", "оформить", "завершить",
                     "запустить", "начать", "инициировать", "запросить", "приказать", "поручить"]),
}
# fmt: on
#: Possessives by which a noun names the speaker's own act ("its application", "sa candidature", "своё членство").
_OWN = frozenset(["its", "his", "her", "their", "our", "son", "sa", "ses", "leur", "notre", "свой", "наш"])
_AGENTS = ("state", "capital", "government")


def person_about(sent: Sentence, i: int, mentions: Sequence[Mention], lang: str) -> Mention | None:
    """The person who speaks about the act the noun at ``i`` names, when that person is not its actor.

    The person is the subject of a verb that governs the noun ("Пашинян объяснил заморозку участия Армении",
    "Jens Stoltenberg se montre évasif sur cette candidature") and that verb is not one by which a person does
    the act (:data:`_DOES`: "submitted the application"). ``None`` otherwise, and always for a verb trigger.
    """
    toks = sent.tokens
    if toks[i].pos != "NOUN" or toks[i].head < 0:
        return None
    node = i
    for _ in range(5):  # up through the nouns and participles to the governing verb
        head = toks[node].head
        if head == node or head < 0:
            return None
        node = head
        if toks[node].pos not in ("VERB", "AUX", "ADJ"):
            continue
        subj = [t for t in toks[:i] if t.head == node and t.dep.startswith("nsubj")]
        people = [m for m in mentions if m.kind == "person"]
        person = next((m for m in people if any(m.start <= t.start < m.end for t in subj)), None)
        if person is not None:
            return None if toks[node].lemma in _DOES.get(lang, frozenset()) else person
    return None


def act_agent(sent: Sentence, i: int, speaker: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """Whose act the noun at ``i`` names when ``speaker`` only speaks about it.

    A state in the noun's own complements ("заморозку участия Армении", "the application of Ukraine"), the
    speaker's own state after a possessive ("its application", "sa candidature"), else nobody.
    """
    toks = sent.tokens
    below = {i}
    for _ in range(3):  # the noun's subtree, three levels deep
        below |= {k for k, t in enumerate(toks) if t.head in below and k != t.head}
    spans = [(toks[k].start, toks[k].end) for k in sorted(below) if k > i]
    for m in mentions:
        if m.kind in _AGENTS and any(a <= m.start < b for a, b in spans):
            return m
    if any(toks[k].lemma in _OWN or toks[k].text.lower() in _OWN for k in below if k < i or toks[k].dep == "det"):
        return speaker
    return None
