"""Requests for assistance told with the forces they bring, and the forces only asked for.

Forces sent "at the request of X" tell two events: the deployment and the request for assistance it answers
(PLOVER's ``REQUEST``), by the state that asked (a person asks for their state), within the deploying
organization: "CSTO sends 'peacekeeping forces' to Kazakhstan at Tokayev's request", "à la demande du
Kazakhstan, l'OTSC a envoyé des troupes", "По просьбе властей Казахстана были направлены в страну миротворческие
силы ОДКБ". The request came before the forces were sent, so the deployment's date does not date it: it is
"on or before publication" (an undated request folds into one the article dates elsewhere).

Forces only asked for are no deployment: "Tokayev asked the CSTO to send troops", "le chef de l'État a demandé
à l'OTSC d'envoyer des troupes", "попросил ОДКБ направить войска" are the request alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from casus.ingest import lexicon as lx
from casus.ingest.extract import SentenceReading, default_when, make_event
from casus.ingest.model import ExtractedEvent, Mention, Modality
from casus.ingest.nlp import Sentence, Token
from casus.kb.events import EventType as T

if TYPE_CHECKING:
    from casus.ingest.extract import _Trigger as Trigger

#: "at Tokayev's request", "at Kazakhstan’s request": the possessor asked.
_POSSESSIVE = re.compile(r"\bat\s+(?:the\s+)?([^,.;:]{1,60}?)['’]s\s+(?:request|behest|appeal)\b", re.IGNORECASE)
#: Kinds of mention that can ask for help: a state, its capital or institution, or a person for their state.
_ASKERS = ("state", "capital", "government", "person")


def asked_for(toks: Sequence[Token], i: int, triggers: Sequence[Trigger], mentions: Sequence[Mention]) -> bool:
    """Whether the deployment trigger at ``i`` is what a request just before it in the same clause asks for.

    Names count as one word between them ("asked the Collective Security Treaty Organization to send troops").
    """
    for t in triggers:
        reach = lx.GOVERNING_DEPLOYMENT.get(t.type)
        if reach is None or i <= t.index:
            continue
        between = toks[t.index + 1 : i]
        if any(tok.text.lower() in lx.CLAUSE_JOINS for tok in between):
            continue
        names = [m for m in mentions if toks[t.index].end <= m.start and m.end <= toks[i].start]
        in_names = sum(1 for tok in between if any(m.start <= tok.start < m.end for m in names))
        if len(between) - in_names + len(names) < reach:
            return True
    return False


def requester(sent: Sentence, mentions: Sequence[Mention], lang: str) -> Mention | None:
    """Who asked for the forces a sentence tells of: "at the request of X", "at X's request", "по просьбе X"."""
    lowered = sent.text.lower()
    for phrase in (*lx.AT_REQUEST[lang], *lx.ANSWERING[lang]):
        at = lowered.find(phrase)
        if at < 0:
            continue
        start = sent.start + at + len(phrase)
        hit = next((m for m in mentions if 0 <= m.start - start <= 25 and m.kind != "organization"), None)
        if hit is not None and hit.kind in _ASKERS:
            return hit
    if lang == "en":
        for match in _POSSESSIVE.finditer(sent.text):
            a, b = sent.start + match.start(1), sent.start + match.end(1)
            inside = [m for m in mentions if a <= m.start and m.end <= b + 2 and m.kind in _ASKERS]
            if inside:
                return inside[-1]
    return None


def answered_requests(reading: SentenceReading, found: Sequence[ExtractedEvent]) -> list[ExtractedEvent]:
    """The request for assistance a deployment of the sentence answers (see the module docstring)."""
    sent, lang, mentions, memory = reading.sent, reading.lang, reading.mentions, reading.memory
    doc_id, gaz = reading.doc_id, reading.gaz
    if any(e.type is T.REQUEST_FOR_ASSISTANCE for e in found):
        return []
    sent_forces = [
        e for e in found if e.type is T.DEPLOYMENT and e.phase == "start" and e.modality is not Modality.NEGATED
    ]
    if not sent_forces:
        return []
    asker = requester(sent, mentions, lang)
    if asker is None or asker.ref in sent_forces[0].actors:
        return []
    org = sent_forces[0].organization
    return [
        make_event(
            T.REQUEST_FOR_ASSISTANCE,
            sent,
            doc_id,
            org=org,
            subject=asker,
            target=None,
            mentions=mentions,
            when=default_when(memory),
            modality=Modality.ASSERTED,
            gaz=gaz,
        )
    ]


#: Verbs of leaving: forces a state asks "to leave" are sent away, not asked for.
_LEAVE = frozenset(["leave", "withdraw", "depart", "quitter", "retirer", "partir", "покинуть", "вывести", "уйти"])
#: Nouns of a help that is no force or aid to a state under threat: the lifting of sanctions.
_NOT_FORCE = frozenset(["sanction", "sanctions", "санкция", "санкций"])


def no_assistance(sent: Sentence, i: int, names_article: bool) -> bool:
    """Whether the request at ``i`` asks for no assistance: forces asked to leave, help against sanctions, Article 4.

    "Armenia asked Russian 'peacekeepers' who have been stationed at Yerevan's international airport … to leave"
    (en6-08), "the Gabonese leader asked for support in removing the sanctions" (en9-10), "Article 4: Poland
    seeks Nato members' help after Russian drone incursion" (en8-14: the help asked is the consultations, an
    invocation).
    """
    toks = sent.tokens
    after, clause = toks[i + 1 : i + 16], toks[i + 1 : i + 30]  # the forces asked may be described at length
    leave = any(
        (t.lemma in _LEAVE or t.text.lower() in _LEAVE) and k > 0 and clause[k - 1].text.lower() in ("to", "de", "d'")
        for k, t in enumerate(clause)
    )
    return leave or any(t.lemma in _NOT_FORCE or t.text.lower() in _NOT_FORCE for t in after) or names_article
