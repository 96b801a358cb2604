"""One sentence → its events: statements and their claims first, then the other triggers.

Reported speech stays a claim. "X a déclaré que Y…" is a ``statement`` by X whose ``claim`` is Y; a
trigger inside Y becomes an event only when Y is an act X (or X's state) reports of itself, with modality
``reported``. "comme l'a suggéré X" and "…, said X" put the claim *before* the verb; "selon X" / "according
to X" / "по словам X" make X the speaker of the rest of the sentence; "selon la source faisant autorité"
names nobody, so it makes no event (:mod:`casus.ingest.signals` flags it).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from casus.ingest import lexicon as lx
from casus.ingest.absences import absence_events
from casus.ingest.appointments import appointment_events
from casus.ingest.attribution import act_agent, person_about, speaker_ids
from casus.ingest.bills import bill_steps
from casus.ingest.blocs import bloc_members, founders_named
from casus.ingest.entities import Gazetteer
from casus.ingest.extract import (
    Discourse,
    SentenceReading,
    actor_ids,
    authorized_before,
    confidence,
    decided_before,
    default_when,
    find_subject,
    find_target,
    find_triggers,
    forces_owner,
    fronted_end,
    is_future,
    is_oblique,
    make_event,
    modality_of,
    own_dates,
    passive_document,
    perfect_tense,
    pick_when,
    roster_event,
    stage_of,
    title_of,
)
from casus.ingest.foundings import (
    formed_object,
    founded_is_named,
    founding_by_age,
    founding_participle,
    founds_nothing,
    pact_events,
    reform_foundings,
    treaty_foundings,
    weak_founding_named,
)
from casus.ingest.invocations import (
    answer_date,
    counted_without_actor,
    drop_intentions,
    each_date,
    governing_verb,
    intended_noun,
    listed_dates,
    names_article,
    not_an_act,
    passive_agent,
    told_as_rule,
)
from casus.ingest.invoked_pacts import pact_invocations
from casus.ingest.model import DEPLOYMENT_END, UNKNOWN_ORG, ExtractedEvent, Mention, Modality, Precision, When
from casus.ingest.nlp import Sentence, Token
from casus.ingest.recalled import listed_after
from casus.ingest.relays import (
    ANNOUNCE,
    clause_in_claim,
    heads_claim,
    outlet_after,
    troops_owner,
    withdrawal_told_again,
)
from casus.ingest.requests import answered_requests, asked_for, no_assistance, requester
from casus.ingest.summits import (
    borrowed_future,
    dated_by_document,
    eve_of,
    foreign_body,
    guest_bodies,
    held_now,
    said_on,
    summit_phase,
    summits_in_general,
    troika,
    venue_years,
)
from casus.ingest.suspensions import suspended_states, suspends_state
from casus.ingest.temporal import TimeExpression
from casus.ingest.wishes import carried_threats, own_hope, wished_modality
from casus.kb.events import EventType as T

if TYPE_CHECKING:
    from casus.ingest.extract import _Trigger as Trigger

_FIRST_PERSON = {"je", "j'", "j’", "nous", "i", "we", "я", "мы", "on"}
_LEAD = {"que", "qu'", "qu’", "that", "что", ":", "«", "“", '"', ",", "«\xa0"}
_AS = {"comme", "as", "как"}
_SELF = {"nous", "we", "мы"}
#: The speaker in the singular: a head of state's "я обратился к главам государств ОДКБ" is their state's act.
_I = {"je", "j'", "j’", "i", "я"}
_DASHES = {"—", "–", "-"}
#: Relations of a noun that completes a verb ("became a member", "est devenue membre", "стала членом").
_PREDICATE_NOUN = frozenset({"xcomp", "attr"})


@dataclass(frozen=True)
class Said:
    """A statement found in a sentence: the verb's index, the speaker and the claim's span."""

    index: int
    speaker: Mention | None
    claim: tuple[int, int]
    event: ExtractedEvent | None
    outlet: str | None = None  # an unknown news agency that relays the claim ("according to KCNA")


def _claim_text(text: str) -> str:
    stripped = text.strip(" ,.;:«»“”\"'\xa0")
    for lead in ("que ", "qu'", "qu’", "that ", "что "):
        if stripped.lower().startswith(lead):
            stripped = stripped[len(lead) :]
    return stripped.strip(" ,.;:«»“”\"'\xa0")


def _according_to(sent: Sentence, lang: str, mentions: Sequence[Mention], memory: Discourse) -> list[Said]:
    """Claims introduced by "according to X", "selon X", "по словам X" (no verb of saying)."""
    out: list[Said] = []
    lowered = sent.text.lower().replace("’", "'")
    for phrase in lx.ACCORDING_TO[lang]:
        at = lowered.find(phrase.replace("’", "'"))
        if at < 0:
            continue
        start = sent.start + at + len(phrase)
        follows = sent.text[start - sent.start :].split()[:1]
        pronoun = any(w in lx.PRONOUN_SPEAKERS for w in phrase.split()) or (
            bool(follows) and follows[0].strip(",").lower() in lx.PRONOUN_SPEAKERS
        )
        outlet = None if pronoun else outlet_after(sent, start, mentions)  # "according to KCNA, Kim Jong Un's…"
        speaker = memory.last_person if pronoun else next((m for m in mentions if 0 <= m.start - start <= 25), None)
        speaker = None if outlet else speaker
        claim = ((speaker.end if speaker else start), sent.end)
        out.append(Said(-1, speaker, claim, None, outlet))
    return out


def _saying(
    sent: Sentence, lang: str, mentions: Sequence[Mention], memory: Discourse, spans: list[tuple[int, int]]
) -> list[Said]:
    """Claims of the verbs of saying in a sentence, each with its speaker (``None`` when unknown or first person).

    ``spans`` holds the claims found so far (extended here): a verb of saying inside one is part of that claim.
    """
    toks = sent.tokens
    out: list[Said] = []
    for i, tok in enumerate(toks):
        clause = tok.lemma in lx.CLAUSE_ONLY and bool({t.text for t in toks[i + 1 : i + 4]} & lx.CLAUSE_OPENERS)
        if not (tok.lemma in lx.REPORTING[lang] or clause):  # not "подтвердили участие …": the act is its object
            continue
        if tok.pos in ("NOUN", "ADJ", "PROPN") or _a_noun_here(toks, i, lang):
            continue
        if any(m.start < tok.start < m.end for m in mentions):
            continue  # a word inside a name: "the Economic Community of West African States (ECOWAS) ordered…"
        if _denounces_treaty(toks, i, lang):
            continue  # "dénoncer le traité": a withdrawal, not something said
        if (tok.text.lower() in lx.AUTHOR_ASIDES[lang] and (lang != "en" or i == 0)) or _impersonal(toks, i, lang):
            continue  # "Напомним, …", "Il est important de noter que…": the article's own voice
        if any(a <= tok.start < b for a, b in spans):
            continue  # a verb of saying inside someone's claim is part of the claim
        cut = _inversion(toks, i, mentions, lang)
        speaker = None
        if cut is not None:
            between = [m for m in mentions if toks[cut].end <= m.start < tok.start]
            after = [m for m in mentions if m.start >= tok.end and m.start - tok.end <= 40]
            speaker = between[0] if between else (after[0] if after else None)
            near = {t.text.lower().strip("-").replace("t-", "") for t in toks[max(0, i - 3) : i + 3]}
            if speaker is None and near & lx.PRONOUNS[lang]:
                speaker = memory.last_person  # "a-t-il déclaré", "he added", "добавил он"
            if speaker is None:
                cut = None
        inverted = cut is not None
        if cut is not None:
            claim = (sent.start, toks[cut].start)
        else:
            speaker = find_subject(sent, i, mentions, lang, memory)
            k = next(
                (
                    j + 1
                    for j in range(i + 1, min(len(toks), i + 12))
                    if toks[j].text.lower() in _LEAD and toks[j].text != ","
                ),
                i + 1,
            )
            begin = toks[k].start if k < len(toks) else sent.end
            end = _coordinated_end(sent, i)
            claim = (begin, end if end > begin else sent.end)
        subj_words = {t.text.lower() for t in toks[max(0, i - 3) : i]}
        spans.append(claim)
        first_person = _FIRST_PERSON if lang == "fr" else _FIRST_PERSON - {"on"}  # not "Baku on June 12 said"
        if speaker is None or (not inverted and subj_words & first_person):
            out.append(Said(i, None, claim, None))
        else:
            out.append(Said(i, speaker, claim, None))
    return out


def _coordinated_end(sent: Sentence, i: int) -> int:
    """Where the claim of the verb of saying at ``i`` ends: before a verb coordinated with it, else the sentence's end.

    "Ереван объявил о «заморозке» участия в организации, а в мае отказался от ее финансирования" (Kommersant,
    2025-10-02): Yerevan announced the freeze, then refused the financing itself; the second clause is its own
    act, not part of what was announced. The coordinated verb is found by the parse (``conj`` of the verb of
    saying) and the claim stops at the comma or conjunction that opens its clause.
    """
    toks = sent.tokens
    for j in range(i + 1, len(toks)):
        if toks[j].dep != "conj" or toks[j].head != i or toks[j].pos not in ("VERB", "AUX"):
            continue
        opener = next((k for k in range(i + 1, j) if toks[k].head == j and toks[k].pos in ("PUNCT", "CCONJ")), None)
        if opener is not None:
            return toks[opener].start
    return sent.end


def _statement(said: Said, reading: SentenceReading) -> Said:
    """``said`` with its statement event: when, about whom, within which organization."""
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    memory, doc_id, gaz = reading.memory, reading.doc_id, reading.gaz
    toks = sent.tokens
    speaker = said.speaker
    assert speaker is not None
    anchor = toks[said.index].start if said.index >= 0 else said.claim[0]
    date_skip = said.claim
    if said.index >= 0 and said.claim[0] <= toks[said.index].end + 1 and said.index + 4 < len(toks):
        date_skip = (toks[said.index + 4].start, said.claim[1])  # "said on Monday the bloc…"
    when = pick_when(times, anchor, memory, skip=date_skip)
    actors, people = actor_ids(speaker)
    last = memory.last_statement
    if when is None and last is not None and last[0] == (*actors, *people) and last[1].start is not None:
        when = last[1]  # "Il a en outre expliqué…": the same interview
    when = when or default_when(memory)
    verb = toks[said.index].lemma if said.index >= 0 else ""
    claim_mentions = [m for m in mentions if said.claim[0] <= m.start < said.claim[1]]
    target = None
    exclude = {*actors, speaker.ref}
    if verb in lx.CRITICAL:
        target = find_target(sent, said.index, claim_mentions, lang, exclude, direct=True)
    elif said.index >= 0:
        target = find_target(sent, said.index, claim_mentions, lang, exclude, preps=lx.STATEMENT_PREPS)
    org = _nearest_org(mentions, anchor) or speaker.organization or memory.main_org
    said_text = _claim_text(sent.text[said.claim[0] - sent.start : said.claim[1] - sent.start])
    ev = make_event(
        T.STATEMENT,
        sent,
        doc_id,
        org=org,
        subject=speaker,
        target=target,
        mentions=claim_mentions,
        when=when,
        modality=Modality.ASSERTED,
        claim=said_text,
        gaz=gaz,
        speakers=speaker_ids(said.speaker),
    )
    memory.last_statement = ((*actors, *people), when)
    return Said(said.index, speaker, said.claim, ev)


def _statements(reading: SentenceReading) -> list[Said]:
    sent, lang, mentions, memory = reading.sent, reading.lang, reading.mentions, reading.memory
    out = _according_to(sent, lang, mentions, memory)
    spans = [s.claim for s in out]
    out += _saying(sent, lang, mentions, memory, spans)
    return [s if s.speaker is None else _statement(s, reading) for s in out]


_RELATIVE = frozenset(["which", "who", "qui", "lequel", "laquelle", "который", "которая", "которое", "которые"])
_AUX = {"a", "has", "had", "have", "avait", "ont", "is", "was", "est", "-t-il", "-t-elle", "t", "-"}
_DET = {"the", "le", "la", "les", "its", "his", "her", "their", "son", "sa", "ses", "leur"}


def _impersonal(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the verb of saying at ``i`` is the author's impersonal aside (the article's own voice).

    "Il est important de noter que…", "It is worth noting that…", "Следует отметить, что…": nobody's claim.
    """
    words = {t.text.lower() for t in toks[max(0, i - 4) : i]}
    if not words & lx.IMPERSONAL[lang]:
        return False
    return lang == "ru" or (bool(toks) and toks[0].text.lower() in ("it", "il"))


#: Words after which an unparsed English "state" is the noun ("a CSTO member state", "the Baltic state", "the
#: Council of Heads of State").
_BEFORE_NOUN = frozenset(["a", "an", "the", "member", "this", "that", "each", "every", "one", "any", "sovereign", "of"])


def _a_noun_here(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether an unparsed English verb of saying is a noun here ("Armenia, a CSTO member state, refused…")."""
    return lang == "en" and toks[i].pos == "" and i > 0 and toks[i - 1].text.lower() in _BEFORE_NOUN


def _denounces_treaty(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the verb at ``i`` is also a treaty withdrawal whose condition holds ("dénoncer le traité")."""
    after = {t.lemma for t in toks[i + 1 : i + 4]} | {lx.fold(t.text) for t in toks[i + 1 : i + 4]}
    return any(
        r.type is T.WITHDRAWAL and r.needs and r.needs & after for r in lx.rules_by_lemma(lang).get(toks[i].lemma, ())
    )


def _inversion(toks: Sequence[Token], i: int, mentions: Sequence[Mention], lang: str) -> int | None:
    """Where the claim ends when the verb of saying comes after it, or ``None``.

    "…, a déclaré X", "…, said X", "…, заявил X" (the verb right after a comma or a closing quote), "…, X said",
    "…, he added", "…, a-t-il déclaré" (only the speaker between), "as X said" / "comme l'a suggéré X". Not
    when a complementizer follows ("X said that…").
    """
    follows = {t.text.lower() for t in toks[i + 1 : i + 8]}
    if follows & {"que", "qu'", "qu’", "that", "что", ":"}:
        return None
    for k in range(i - 1, max(-1, i - 9), -1):
        word = toks[k].text.lower()
        if word in _DASHES and k + 1 == i:
            continue  # "«…», — заявил Пашинян": the dash of Russian reported speech
        if word in _AS:
            return k
        if word in {"»", "”", '"'}:
            return k if k >= 2 else None
        if word == ",":
            if any(t.text.lower() in _RELATIVE for t in toks[:k]):
                return None  # "The government, which had denounced…, condemned": the comma closes a relative clause
            return k if _is_clause(toks[:k]) else None  # not "En 2016, le Premier ministre a critiqué…"
        inside = any(m.start <= toks[k].start < m.end for m in mentions)
        if not (
            inside
            or word.strip("-") in lx.PRONOUNS[lang]
            or word in _AUX
            or word in _DET
            or toks[k].lemma in {"avoir", "have", "be"}
            or word.startswith("-t")
            or word in {"l'", "l’"}
        ):
            return None
    return None


def _is_clause(toks: Sequence[Token]) -> bool:
    """Whether tokens before a comma can be a reported claim: a verb where parsed, else four words or more."""
    if any(t.pos for t in toks):
        return any(t.pos in ("VERB", "AUX") for t in toks)
    return sum(1 for t in toks if t.text[:1].isalnum()) >= 4


def _nearest_org(mentions: Sequence[Mention], anchor: int) -> str | None:
    orgs = [m for m in mentions if m.kind == "organization"]
    if not orgs:
        return None
    return min(orgs, key=lambda m: abs(m.start - anchor)).ref


def _acting_org(kind: T, sent: Sentence, mentions: Sequence[Mention], lang: str, anchor: int) -> str | None:
    """The organization nearest the trigger, leaving out a summit's guests (:func:`guest_bodies`)."""
    guests = guest_bodies(sent, mentions, lang) if kind is T.SUMMIT else set()
    return _nearest_org([m for m in mentions if m.start not in guests], anchor)


def _from(rule: str, events: Iterable[ExtractedEvent]) -> list[ExtractedEvent]:
    """Events with the rule family that read them (``extra["rule"]``, a coarse id the ranking model uses)."""
    return [ev if "rule" in ev.extra else replace(ev, extra={**ev.extra, "rule": rule}) for ev in events]


def _trigger_rule(trig: Trigger, sent: Sentence) -> str:
    """A trigger's rule family: its part of speech (a verb told, a noun named), not its word."""
    pos = sent.tokens[trig.index].pos
    return "trigger_verb" if pos in ("VERB", "AUX") else "trigger_noun" if pos == "NOUN" else "trigger_other"


def sentence_events(reading: SentenceReading) -> list[ExtractedEvent]:
    """Every event of one parsed sentence, each with its rule family in ``extra["rule"]``."""
    sent, lang, mentions, times, memory = reading.sent, reading.lang, reading.mentions, reading.times, reading.memory
    out: list[ExtractedEvent] = []
    roster = roster_event(reading)
    said = _statements(reading)
    out += _from("statement", (s.event for s in said if s.event is not None))
    has_org = any(m.kind == "organization" for m in mentions)
    triggers = find_triggers(sent, lang, has_org, memory.main_org, mentions, article_before=memory.article_before)
    governing = [(t.index, lx.GOVERNING[t.type]) for t in triggers if t.type in lx.GOVERNING]
    governing += [(t.index, lx.GOVERNING_STAGES[t.stage]) for t in triggers if t.stage in lx.GOVERNING_STAGES]
    signed = [t.index for t in triggers if passive_document(sent.tokens, t.index, t.rule)]
    refused = _refused_acts(triggers)
    for trig in triggers:
        if trig.index in refused:
            continue  # "отказалась применять статью 4": the act refused is told instead, negated
        ruling = [g for g, reach in governing if 0 < trig.index - g <= reach]
        ruling += [g for g in signed if 0 < g - trig.index <= _SIGNED_REACH]  # "Le protocole d'adhésion … a été signé"
        if ruling and trig.index not in refused.values() and not _held_summit(trig, ruling[-1], sent, mentions, lang):
            continue  # what was refused, asked for or considered is part of that event
        if trig.type is T.DEPLOYMENT and not trig.end and asked_for(sent.tokens, trig.index, triggers, mentions):
            continue  # "asked the CSTO to send troops": the request is the event, nothing was sent yet
        event = _trigger_event(trig, said, reading)
        if event is not None and trig.index in refused.values():
            event = _negated(event, reading.gaz)
        if event is not None and event.type is T.SUMMIT:  # "стартовал саммит": held, on the publication day
            event = held_now(event, sent, trig.index, lang, memory.published, reading.gaz)
            event = troika(dated_by_document(event, sent, lang, times, memory.published), sent, trig.index)
            listed = venue_years(event, sent, trig.index, venues(sent, mentions), memory.published, reading.gaz, times)
            out += _from(
                _trigger_rule(trig, sent), listed[1:]
            )  # "in Washington in 2024, and in the Netherlands in 2025"
            event = listed[0]
        if event is not None and event.type is T.INVOCATION:
            event = answer_date(event, sent, times)  # "invoked by Poland following a drone incursion on Sept. 10"
            out += _from(_trigger_rule(trig, sent), each_date(event, listed_dates(sent, trig.index, times)))
        elif event is not None:
            out += _from(_trigger_rule(trig, sent), [event])
    out += _from("answered_request", answered_requests(reading, out))
    out += _from("carried_threat", carried_threats(reading, out))  # "mettant à exécution sa menace"
    if not any(e.type is T.DEPLOYMENT for e in out):
        out += _from("withdrawal_told_again", withdrawal_told_again(reading))
    out += _from("appointment", appointment_events(reading))
    out += _from("pact", pact_events(reading))
    out += _from("treaty_founding", treaty_foundings(reading))
    out += _from("reform_founding", reform_foundings(reading))
    if not any(e.type is T.INVOCATION for e in out):  # "направлены в соответствии со статьей 4 Договора…"
        claims = [(s.claim, s.speaker) for s in said]
        out += _from("pact_invocation", pact_invocations(reading, claims))
    if not any(e.type is T.REFUSAL for e in out):
        out += _from("absence", absence_events(reading))
    if not any(e.type in (T.APPLICATION, T.ACCESSION) for e in out):
        out += _from("bill_step", bill_steps(reading))
    out += _from("listed_after", listed_after(reading, out))  # "…, followed by Iran in 2023 and Belarus in 2024"
    if roster is not None and not any(e.type is T.STATEMENT and e.members for e in out):
        out += _from("roster", [roster])
    return drop_intentions(out)


#: Acts that refusing makes negated rather than a refusal: declining to invoke an article is not invoking it
#: (a refusal is declining to attend, to sign, to finance — set 4 convention 9).
_REFUSED_AS_NEGATED = frozenset({T.INVOCATION})


def _refused_acts(triggers: Sequence[Trigger]) -> dict[int, int]:
    """Refusal triggers that govern an act told instead, negated: ``{refusal index: act index}``.

    "Варшава отказалась применять Четвёртую статью договора НАТО" (RT, 2022-11-16), "a refusé d'activer
    l'article 4", "declined to invoke Article 4": Poland did not invoke it; nothing else was refused.
    """
    out: dict[int, int] = {}
    for g in triggers:
        if g.type is not T.REFUSAL:
            continue
        reach = lx.GOVERNING[T.REFUSAL]
        act = next((t for t in triggers if t.type in _REFUSED_AS_NEGATED and 0 < t.index - g.index <= reach), None)
        if act is not None:
            out[g.index] = act.index
    return out


def _negated(ev: ExtractedEvent, gaz: Gazetteer | None) -> ExtractedEvent:
    """``ev`` told as not done (negation wins over a self-report, set 4 convention 5)."""
    conf = confidence(ev.type, Modality.NEGATED, ev.organization, ev.actors, ev.when)
    out = replace(ev, modality=Modality.NEGATED, stage=None, confidence=conf)
    return replace(out, title=title_of(out, gaz), evidence=tuple(replace(e, confidence=conf) for e in ev.evidence))


def _held_summit(trig: Trigger, g: int, sent: Sentence, mentions: Sequence[Mention], lang: str) -> bool:
    """Whether a summit the trigger at ``g`` refused or boycotted is itself a meeting that was held.

    It is when it is what was refused (only its determiners, adjectives and organization stand between) and it
    names its venue: "Armenia's boycott of the last CSTO summit in Minsk in November" (en3-01). "Snubbed CSTO
    summits" names no meeting; "отказался подписать декларацию саммита в Ереване" refused a declaration.
    """
    if trig.type is not T.SUMMIT or _venue(sent, mentions, lang, sent.tokens[trig.index].start) is None:
        return False
    toks = sent.tokens
    for t in toks[g + 1 : trig.index]:
        if any(m.start <= t.start < m.end for m in mentions) or t.text.lower() in _SUMMIT_GLUE:
            continue
        if t.pos in ("NOUN", "VERB", "AUX") or not t.pos:
            return False  # another noun or verb: a declaration, a signing, not the meeting
    return True


#: Words between a refusal and the summit refused ("boycott of the last CSTO summit", "boycotter le sommet").
_SUMMIT_GLUE = frozenset(
    {"of", "the", "a", "an", "its", "this", "last", "latest", "previous", "recent", "next", "upcoming", "annual"}
    | {"de", "du", "des", "le", "la", "l'", "l’", "les", "ce", "dernier", "prochain", "в", "на", "во"}
)


def _trigger_event(trig: Trigger, said: Sequence[Said], reading: SentenceReading) -> ExtractedEvent | None:
    """The event a trigger announces, with its subject, target, date and modality; ``None`` when it is none."""
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    memory, doc_id, gaz = reading.memory, reading.doc_id, reading.gaz
    i, tok = trig.index, sent.tokens[trig.index]
    claim_of = next((s for s in said if s.claim[0] <= tok.start < s.claim[1]), None)
    outlet = claim_of.outlet if claim_of is not None and claim_of.speaker is None else None
    if outlet is not None:
        claim_of = None  # "according to KCNA": the article passes the agency's news on
    lo = 0
    if claim_of is not None:
        lo = next((k for k, t in enumerate(sent.tokens) if t.start >= claim_of.claim[0]), 0)
    subject = find_subject(sent, i, mentions, lang, memory, lo=lo, membership=trig.type in _JOINED_OR_INVOKED)
    if trig.type is T.INVOCATION:
        if not_an_act(sent, i, lang):
            return None  # "tout membre peut demander des consultations", "Необходимо инициировать консультации"
        subject = _invoker(sent, i, subject, mentions, lang, memory, lo)
    if trig.type is T.DEPLOYMENT and not trig.place:
        subject = _forces_subject(trig, sent, subject, mentions, lang)
    if trig.place and (subject is None or subject.kind != "organization"):
        return None  # a state or a person left a place: no alliance event
    suspended_by: str | None = None
    subject, claim_of = _announcer(trig, sent, claim_of, subject, mentions)  # "L'UA a annoncé suspendre le Niger"
    if trig.member is not None and subject != trig.member:  # not "la suspension de la Guinée-Bissau"
        if subject is None or subject.kind != "organization":
            return None  # a state "suspended" a place: no membership event
        suspended_by, subject = subject.ref, trig.member  # the organization suspends the member
    if claim_of is not None and claim_of.speaker is not None:
        subject = _claim_subject(trig, sent, lo, claim_of, claim_of.speaker, subject, mentions, lang)
    if (read := _membership_modality(trig, sent, lang, claim_of, subject)) is None:
        return None  # "Заявку Швеции долгое время не ратифицировали Турция и Венгрия": a delay, since ended
    modality, stage, kind, promised = read
    speakers: tuple[str, ...] = (outlet,) if outlet else ()
    if claim_of is None and outlet is None:
        subject, speakers, modality = _told_about(sent, i, subject, mentions, lang, modality, stage)
    if claim_of is not None:
        inside = _within_claim(trig, claim_of, sent, lo, lang, mentions, subject, modality, stage)
        if inside is None:
            return None  # someone else's act inside a claim: part of the statement only
        subject, speakers, modality = inside
    org = suspended_by or _event_org(trig, kind, sent, lang, mentions, subject) or memory.main_org
    if _without_subject(trig, sent, subject, mentions):
        subject = None
    actors, _ = actor_ids(subject)
    also = _coordinated(sent, subject, mentions, lang)
    override = _actors_override(trig, sent, subject, mentions, lang, org, gaz, memory)
    target = _target_of(trig, sent, mentions, lang, actors, org)
    override, members = _suspended_by(kind, reading, i, subject, org, override, (*actors, *also), suspended_by)
    if _no_event(kind, subject, override, sent, i, mentions, org, lang):
        return None
    when = _when_of(trig, kind, sent, lang, stage, said, claim_of, times, memory)
    when, modality, stage = _settle_when(kind, sent, i, lang, when, modality, stage, times, memory)
    planned = stage == "considering" or kind is T.CONSIDERATION_OF_WITHDRAWAL or promised  # a prospect, as a plan
    when = _unsaid(when, modality, planned, sent, lang, times, memory, claim_of.claim if claim_of else None)
    when = _prospect_when(when, promised, claim_of, times, memory)
    if trig.rule.stage == "considering":
        when, override = _readied(when, override, org, subject, memory, sent, lang)
    if kind is T.FOUNDING and when.start is None and founding_participle(sent, i, mentions):
        return None  # "an alliance created by the CIS states": a description, not a founding told
    if kind is T.FOUNDING and org and subject is None and override is None:
        override = bloc_members(gaz.kb, org, (), when.end or memory.published)  # "the AES, founded in 2023"
    refused = _claim_text(sent.text[tok.end - sent.start :]) if trig.type is T.REFUSAL else ""
    return make_event(
        kind,
        sent,
        doc_id,
        org=org,
        subject=subject,
        target=target,
        mentions=mentions,
        when=when,
        modality=modality,
        claim=DEPLOYMENT_END if trig.end else refused,
        members=members,
        gaz=gaz,
        also=also,
        stage=stage,
        speakers=speakers,
        actors_override=override,
    )


def _announcer(
    trig: Trigger, sent: Sentence, claim_of: Said | None, subject: Mention | None, mentions: Sequence[Mention]
) -> tuple[Mention | None, Said | None]:
    """``(subject, claim)`` of a suspension of a member its speaker announces: the speaker, and no claim.

    "L'Union africaine (UA) a annoncé mardi suspendre le Niger de ses institutions" (Setal, 2023-08-22): the
    trigger heads the claim with no agent of its own (only a date stands between), so the AU suspends Niger, and
    announcing it is the act itself. Anything else is left as it is.
    """
    if trig.member is None or subject is not None or claim_of is None or claim_of.speaker is None:
        return subject, claim_of
    if not heads_claim(sent, claim_of.claim[0], trig.index, mentions):
        return subject, claim_of
    return claim_of.speaker, None


def _event_org(
    trig: Trigger, kind: T, sent: Sentence, lang: str, mentions: Sequence[Mention], subject: Mention | None
) -> str | None:
    """The organization of a trigger's event (before a suspending one).

    The one formed ("ont formé une autre organisation - l'AES"), else the nearest named that is no summit's
    guest (:func:`_acting_org`), else the subject's.
    """
    formed = formed_object(sent, trig.index, lang, mentions) if trig.type is T.FOUNDING else None
    if formed is not None:
        return formed.ref
    org = _acting_org(kind, sent, mentions, lang, sent.tokens[trig.index].start)
    return org or (subject.organization if subject else None)


def _suspended_by(
    kind: T,
    reading: SentenceReading,
    i: int,
    subject: Mention | None,
    org: str | None,
    override: tuple[str, ...] | None,
    actors: tuple[str, ...],
    by_org: str | None,
) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """``(actors, members)`` of a suspension an organization decides (:mod:`casus.ingest.suspensions`).

    An organization the knowledge base does not know suspends as a known one does ("The African Union (AU)
    has suspended Niger").
    """
    kb = reading.gaz.kb
    if kind is not T.SUSPENSION or org is None or (org not in kb.organizations and not org.startswith(UNKNOWN_ORG)):
        return override, ()
    named = override if override else tuple(dict.fromkeys(actors))
    states = tuple(s for s in named if s in kb.states)
    if not states:
        return override, ()
    suspended = suspended_states(reading.sent, i, reading.lang, subject, states, reading.mentions, by_org=bool(by_org))
    return ((org,), suspended) if suspended else (override, ())


def _without_subject(trig: Trigger, sent: Sentence, subject: Mention | None, mentions: Sequence[Mention]) -> bool:
    """Whether the event has no acting subject: a summit, a founding by the organization itself, a description.

    A summit's organization and venue say it all; a participle describing the organization names no founder
    ("Armenia … the CSTO, a defense alliance formed in 1992": Armenia founded nothing).
    """
    if trig.type is T.SUMMIT:
        return True
    return trig.type is T.FOUNDING and (
        (subject is not None and subject.kind == "organization") or founding_participle(sent, trig.index, mentions)
    )


def _claim_subject(
    trig: Trigger,
    sent: Sentence,
    lo: int,
    claim_of: Said,
    speaker: Mention,
    subject: Mention | None,
    mentions: Sequence[Mention],
    lang: str,
) -> Mention | None:
    """The subject of a trigger inside a speaker's claim: the speaker when a pronoun or nobody stands for them."""
    i = trig.index
    inner = {t.text.lower() for t in sent.tokens[lo:i]}
    named = [m for m in mentions if claim_of.claim[0] <= m.start < sent.tokens[i].start]
    if _we_did(sent, i) or (not named and inner & lx.PRONOUNS[lang]):
        return speaker  # "X said it would…", "«Мы заморозили…», — заявил X": the pronoun is X
    if trig.type is T.INVOCATION and subject is None:
        return speaker  # "“…a formal request to invoke Article 4,” Tusk said": his state asked
    if trig.type is T.DEPLOYMENT and heads_claim(sent, claim_of.claim[0], i, mentions):
        return speaker  # "a confirmé avoir envoyé des troupes": the speaker's own forces
    return subject


def _invoker(
    sent: Sentence, i: int, subject: Mention | None, mentions: Sequence[Mention], lang: str, memory: Discourse, lo: int
) -> Mention | None:
    """Who invokes: a passive's agent, else for a noun the subject of the verb that governs it.

    "It was recently invoked by Poland"; "l'Estonie compte lancer des consultations à propos de l'application de
    l'article 4".
    """
    agent = passive_agent(sent, i, mentions, lang)
    if agent is not None:
        return agent
    verb = governing_verb(sent, i)
    if verb is not None and (subject is None or subject.start < sent.tokens[i].start):
        return find_subject(sent, verb, mentions, lang, memory, lo=lo, membership=True) or subject
    return subject


def _within_claim(
    trig: Trigger,
    claim_of: Said,
    sent: Sentence,
    lo: int,
    lang: str,
    mentions: Sequence[Mention],
    subject: Mention | None,
    modality: Modality,
    stage: str | None,
) -> tuple[Mention | None, tuple[str, ...], Modality] | None:
    """Subject, speakers and modality of an act inside someone's claim; ``None`` when it stays the claim.

    Kept: the speaker's own act (``reported``), a membership change announced (made), news the article passes
    on ("…, Tokayev announced"), forces someone announces (:mod:`casus.ingest.relays`). A summit told in the
    indicative is no one's act: named in anyone's claim, even an unnamed one ("It is noted that the document was
    signed … during the first joint summit, which took place on July 6"), it is a fact.
    """
    i = trig.index
    told = trig.type is T.SUMMIT and modality is Modality.ASSERTED
    if claim_of.speaker is None:
        return (subject, (), modality) if told else None
    speakers = speaker_ids(claim_of.speaker)
    if _prospect(trig, subject, claim_of.speaker, modality):
        return subject, speakers, modality  # "Trump said Ukraine can forget about joining NATO"
    # a membership change announced is made; forces announced are the announcer's own, reported
    announced = trig.type is not T.DEPLOYMENT and _announced_act(sent, claim_of, i, lang, subject, mentions)
    announced = announced or _declared_exit(trig, sent, claim_of, lang)
    if not announced and not _self_report(sent, lo, i, subject, claim_of.speaker):
        if _reported_fact(sent, claim_of, i, lang, modality, stage):
            return subject, speakers, modality
        if not _announced_forces(trig, sent, claim_of, lang, modality):
            return (subject, speakers, modality) if told else None
        if subject is not None and _same_side(subject, claim_of.speaker) and modality is Modality.ASSERTED:
            modality = Modality.REPORTED if stage is None and not _end_confirmed(trig, sent, claim_of) else modality
        return subject, speakers, modality
    if subject is None or subject.kind == "organization":
        subject = claim_of.speaker
    done = stage is None or stage in _STEPS  # "L’Iran a signé un mémorandum …, a déclaré le ministre iranien"
    if modality is Modality.ASSERTED and done and not announced and not _end_confirmed(trig, sent, claim_of):
        modality = Modality.REPORTED  # an intention stays an intention, whoever tells it; a step taken is reported
    return subject, speakers, modality


#: Verbs by which a side confirms or announces its forces' withdrawal (not "сообщили", which reports it).
_CONFIRM = frozenset(["confirm", "announce", "confirmer", "annoncer", "подтвердить", "объявить"])


def _end_confirmed(trig: Trigger, sent: Sentence, claim_of: Said) -> bool:
    """Whether forces withdrawn are told by their own side confirming or announcing it: withdrawn, asserted.

    "SADC has begun withdrawing its troops …, the organisation confirmed in a statement yesterday", "Russia has
    begun withdrawing its contingent …, Peskov confirmed" (the set-6 and set-8 gold); "…, сообщили в Минобороны
    России" stays the ministry's report (the second written set's ru2-04).
    """
    return trig.end and claim_of.index >= 0 and sent.tokens[claim_of.index].lemma in _CONFIRM


#: Membership changes a third party may wish for or rule out (:mod:`casus.ingest.wishes`).
_WISHED = frozenset({T.ACCESSION, T.APPLICATION})
#: How far before a passive signature the membership words of its document stand ("Le protocole d'adhésion de la
#: Finlande a été signé"): they name the document signed, not another event.
_SIGNED_REACH = 8
#: Steps of an accession a lexicon trigger names; planned, they are the accession at stage ``considering``.
_STEPS = frozenset({"signature", "ratification"})


def _prospect(trig: Trigger, subject: Mention | None, speaker: Mention, modality: Modality) -> bool:
    """Whether a speaker tells another state's accession as ruled out or only possible (convention 15).

    "Трамп заявил, что Украина не сможет … вступить в НАТО" (negated), "a réaffirmé le soutien de Pékin à
    l'adhésion de l'Azerbaïdjan à l'OCS" (hypothetical): the article tells that accession's prospects through
    the speaker; an act told as done or planned stays the speaker's claim.
    """
    if trig.type not in _WISHED or modality not in (Modality.NEGATED, Modality.HYPOTHETICAL):
        return False
    return subject is not None and subject.kind in ("state", "capital") and not _same_side(subject, speaker)


def _no_event(
    kind: T,
    subject: Mention | None,
    override: tuple[str, ...] | None,
    sent: Sentence,
    i: int,
    mentions: Sequence[Mention],
    org: str | None = None,
    lang: str = "en",
) -> bool:
    """Whether a trigger's reading is no event after all.

    A membership change with no actor ("287 supported Sweden's accession": whose, the sentence does not say),
    or whose actor is the organization itself; an invocation only counted, with no actor; a founding noun that
    names no organization ("un accord sur la création d'un marché unifié"); a summit of no organization (two
    leaders meeting: no alliance's body meets).
    """
    if kind in _NEEDS_ACTOR and ((subject is None and override is None) or override == ()):
        return True
    if kind is T.DEPLOYMENT and org is None and subject is None and not override:
        return True  # "subunits of the armed forces took part": whose, and in which alliance, nobody says
    if kind is T.INVOCATION and subject is None and not override and counted_without_actor(sent, ()):
        return True  # "the eighth time Article 4 has been invoked since NATO's creation"
    if kind is T.INVOCATION and subject is None and not override and told_as_rule(sent, i, lang):
        return True  # "Invoking Article 4 is Nato's way of saying…": how the article works, not an act
    if kind is T.REQUEST_FOR_ASSISTANCE and no_assistance(sent, i, names_article(sent.text)):
        return True  # "asked Russian 'peacekeepers' … to leave", "support in removing the sanctions"
    if kind is T.REFUSAL and any(t.text.lower().startswith(lx.NEUTRALITY) for t in sent.tokens[i + 1 : i + 5]):
        return True  # "отказаться от нейтрального статуса": renouncing neutrality refuses no alliance
    if kind is T.ACCESSION and _as_observer(sent, i, lang):
        return True  # "l'ont rejointe en 2005 en tant qu'observateur": no membership acquired
    if kind is T.SUMMIT and (org is None or summits_in_general(sent, i) or foreign_body(sent, i, mentions)):
        return True  # a meeting of two leaders, not of an alliance's body; "snobé les sommets de l’OTSC"
    if (
        kind is T.DEPLOYMENT
        and sent.tokens[i].lemma in lx.LAUNCH
        and (subject is None or subject.kind != "organization")
    ):
        return True  # "Russia launched a special military operation": no alliance deployment
    if kind is not T.FOUNDING:
        return False
    named = founded_is_named(sent, i, mentions) and weak_founding_named(sent, i, lang, mentions)
    return not named or founds_nothing(sent, i, lang, mentions)


def _as_observer(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the sentence tells the joining at ``i`` as an observer's ("as an observer" after the trigger).

    "La Mongolie a rejoint cette organisation plus tard en 2004, et l’Iran, le Pakistan, l’Inde et l’Afghanistan
    l’ont rejointe en 2005 en tant qu’observateur" (fr9-10): the listed joinings are observer statuses; not "une
    étape nécessaire pour qu’un pays observateur devienne membre" (fr6-06).
    """
    after = sent.text[sent.tokens[i].end - sent.start :]
    return re.search(lx.AS_OBSERVER[lang], after, re.IGNORECASE) is not None


def _readied(
    when: When,
    override: tuple[str, ...] | None,
    org: str | None,
    subject: Mention | None,
    memory: Discourse,
    sent: Sentence,
    lang: str,
) -> tuple[When, tuple[str, ...] | None]:
    """The date and actor of forces an organization readies (a lexicon stage ``considering``).

    "Activate its standby force", "привести в готовность резервные силы": the day of the order is not the
    deployment's, only a later date (the one planned) dates it. Forces readied with no one named readying them,
    or with only a place named ("En ordonnant à Abuja, au Nigeria, «l'activation…»", fr6-10), are the
    organization's own (heldout6 convention 26: the organization is the actor, fr6-08).
    """
    if when.start is not None and memory.published is not None and when.start <= memory.published:
        when = default_when(memory)
    placed = subject is not None and subject.kind != "organization" and is_oblique(sent.tokens, subject, lang)
    if (subject is None or placed) and not override and org:
        override = (org,)
    return when, override


def _settle_when(
    kind: T,
    sent: Sentence,
    i: int,
    lang: str,
    when: When,
    modality: Modality,
    stage: str | None,
    times: Sequence[TimeExpression],
    memory: Discourse,
) -> tuple[When, Modality, str | None]:
    """What the event type changes in a date, and a date in a stage.

    A denial is not dated by the next sentence; a membership change a noun names, dated after publication, is
    planned (``considering``: "the countries' exit at January 29, 2025"; a verb's tense says it itself); a
    summit's stage follows its date; a founding may be dated by the organization's age.
    """
    planned = (stage == "considering" or kind is T.CONSIDERATION_OF_WITHDRAWAL) and not times  # ("В тот же день")
    if (modality is Modality.NEGATED or planned) and when is memory.neighbour_when:
        when = default_when(memory)  # what did not happen, or is only planned, is not dated by the next sentence
    published, tok = memory.published, sent.tokens[i]
    noun = tok.lemma in lx.NOUN_TRIGGERS and tok.pos in ("NOUN", "")  # a noun has no tense: its date tells
    if noun and kind in _NEEDS_ACTOR and stage is None and modality is Modality.ASSERTED and published and when.start:
        stage = "considering" if when.start > published else None  # set for a later day: planned, not done
    if kind is T.SUMMIT:
        if borrowed_future(sent, i, lang, when, memory.neighbour_when, published):
            when = default_when(memory)  # the next sentence's planned date is not a summit's told in the past
        when = eve_of(sent, i, when)
        modality, stage = summit_phase(sent, i, lang, when, memory.published, modality)
    elif kind is T.FOUNDING:
        when = founding_by_age(sent, lang, times, memory.published) or when
    return when, modality, stage


def _modality_stage_kind(
    trig: Trigger, sent: Sentence, lang: str, claim_of: Said | None
) -> tuple[Modality, str | None, T]:
    """The trigger's modality, its stage (considering, threatening…) and the event type the stage implies."""
    if trig.type in _WISHED and _still_blocked(sent, trig.index, lang):
        return Modality.NEGATED, "ratification", T.ACCESSION  # blocked by the states after "par": not ratified
    modality = modality_of(sent, trig.index, lang)
    wished = wished_modality(sent, trig.index, lang) if trig.type in _WISHED else None
    if wished is not None and trig.stage is None:
        return wished, None, trig.type  # "выразил надежду, что Азербайджан станет членом", "forget about joining"
    stage = trig.stage
    told = stage_of(sent, trig.index, lang) if stage == "considering" and modality is not Modality.NEGATED else None
    if told is not None:  # forces readied, told as a plan or a threat: "va activer", "threatened to activate"
        stage, modality = told, Modality.ASSERTED
    if stage in _STEPS and modality is not Modality.NEGATED and stage_of(sent, trig.index, lang) == "considering":
        stage, modality = "considering", Modality.ASSERTED  # a planned step: "devrait signer un mémorandum d'adhésion"
    if stage is None and trig.type is T.DEPLOYMENT and not trig.end and authorized_before(sent, trig.index, lang):
        stage = "considering"  # "одобрило развертывание сил": approved, not yet sent
    if stage is None and modality is not Modality.NEGATED and trig.type not in _NO_STAGE:
        in_claim = claim_of is not None and claim_of.speaker is not None
        stage = stage_of(sent, trig.index, lang, in_claim=in_claim)
        if stage is None and trig.type is T.INVOCATION and intended_noun(sent, trig.index, lang):
            stage = "considering"  # "l'Estonie compte lancer des consultations à propos de l'application…"
        if stage is not None:
            modality = Modality.ASSERTED  # an intention or a threat, told as such
    kind = trig.type
    if kind is T.CONSIDERATION_OF_WITHDRAWAL and stage == "threatening":
        kind = T.WITHDRAWAL
    elif kind is T.CONSIDERATION_OF_WITHDRAWAL:
        stage = None
    if kind in (T.ACCESSION, T.APPLICATION) and modality is not Modality.NEGATED and _bill_to_apply(sent, trig, lang):
        return Modality.ASSERTED, "considering", T.APPLICATION
    decided = kind in _WISHED and modality is Modality.ASSERTED and stage in (None, "ratification")
    if decided and (decided_before(sent, trig.index, lang) or own_hope(sent, trig.index, lang)):
        return modality, "considering", kind  # "decided to join", "hopes to receive a signal on its membership"
    return modality, stage, kind


def _promised(trig: Trigger, sent: Sentence, subject: Mention | None, said: Said, stage: str | None, lang: str) -> bool:
    """Whether a third party tells another state's accession to come as its expectation or promise (decision 15).

    "« Je suis absolument confiant dans le fait que la Suède deviendra également membre », a déclaré M.
    Stoltenberg" (fr7-09's words), "Stoltenberg indicated that … the Alliance would 'reaffirm' its previous commitment
    that Ukraine would join NATO in the future" (en10-02): a prospect, ``hypothetical``. The state's own plan
    told by its own side ("Kristersson said Sweden would join") stays ``considering``; so does a plain future
    with no word of confidence or promise, a conditional aside ("Sweden will become the 32nd ally", en10-03).
    """
    if trig.type not in _WISHED or trig.stage is not None or stage != "considering":
        return False
    if subject is None or subject.kind not in ("state", "capital") or said.speaker is None:
        return False
    if _same_side(subject, said.speaker):
        return False
    toks = sent.tokens
    before = toks[max(0, trig.index - 14) : trig.index]
    words = {t.text.lower() for t in before} | {t.lemma for t in before}
    return bool(words & lx.PROMISED[lang])


def _membership_modality(
    trig: Trigger, sent: Sentence, lang: str, claim_of: Said | None, subject: Mention | None
) -> tuple[Modality, str | None, T, bool] | None:
    """:func:`_modality_stage_kind`, then a prospect (the flag: undated by its saying) and a past delay (``None``).

    See :func:`_promised` ("confident that Sweden will join": hypothetical) and :func:`_delay_over` ("долгое
    время не ратифицировали": a delay since ended, set 10's decision 101).
    """
    modality, stage, kind = _modality_stage_kind(trig, sent, lang, claim_of)
    promised = claim_of is not None and _promised(trig, sent, subject, claim_of, stage, lang)
    if promised:
        modality, stage = Modality.HYPOTHETICAL, None  # "its commitment that Ukraine would join NATO in the future"
    if kind in _WISHED and modality is Modality.NEGATED and _delay_over(sent, trig.index, lang):
        return None
    possible = kind in _WISHED and modality is Modality.HYPOTHETICAL  # "peut s'attendre à … adhérer, a indiqué mardi"
    return modality, stage, kind, promised or possible


def _prospect_when(
    when: When, promised: bool, said: Said | None, times: Sequence[TimeExpression], memory: Discourse
) -> When:
    """A prospect's date: only one told inside the claim ("Last week, Stoltenberg indicated that … would join")."""
    if not promised or said is None:
        return when
    own = any(said.claim[0] <= t.start < said.claim[1] and when in (t.when, t.future) for t in times)
    return when if own else default_when(memory)


def _delay_over(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the negated bid at ``i`` is a past delay: a long while, a simple past, no perfect of the present.

    "Заявку Швеции долгое время не ратифицировали Турция и Венгрия" (ru7-05), "Венгрия … в течение почти двух
    лет не одобряла заявку" (ru10-03), "Турция … более полутора лет не ратифицировала заявку" (ru10-12): set 10's
    decision 101 leaves a delay told as over unlabelled (set 7 left ru7-05's so); "has not ratified for months"
    (present perfect) is a denial still in force, negated.
    """
    toks = sent.tokens
    window = toks[max(0, i - 8) : i]
    if not any(t.text.lower() in lx.LONG_WHILE[lang] for t in window):
        return False
    head = toks[i].head if 0 <= toks[i].head < len(toks) else i
    verbs = [toks[i], toks[head], *(t for t in window if t.pos == "AUX")]  # "не одобряла заявку": the verb's tense
    if any(t.lemma in ("have", "avoir") and t.has("Tense=Pres") for t in verbs):
        return False  # "has not ratified for months", "n'a pas ratifié depuis des mois": still not ratified
    return any(t.has("Tense=Past") or t.has("Tense=Imp") or t.has("Tense=Pqp") for t in verbs)


def _still_blocked(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the bid at ``i`` is told as still blocked by someone named after it.

    "La candidature de Stockholm est toujours bloquée par Ankara et Budapest", "Sweden's bid is still blocked by
    Turkey and Hungary": the blockers have not ratified (set 4's decision 5, set 6's decision 31); the agent
    after "par" / "by" is who blocks. A blocking ended ("a longtemps bloqué") is no denial.
    """
    after = sent.tokens[i + 1 : i + 8]
    words = {t.text.lower() for t in after}
    blocked = any(t.lemma in lx.BLOCKING[lang] or t.text.lower()[:5] in _BLOCKED for t in after)
    return blocked and bool(words & lx.STILL[lang]) and bool(words & {"par", "by"})


#: Stems of blocking participles the lemmatizer may leave alone ("bloquée", "blocked").
_BLOCKED = frozenset(["bloqu", "block"])


def _bill_to_apply(sent: Sentence, trig: Trigger, lang: str) -> bool:
    """Whether an accession word is what a bill or a law is about: a decision to apply, at stage ``considering``.

    "A bill launching Yerevan's bid for EU membership", "le projet de loi sur le début du processus
    d'adhésion", "законопроект о начале процесса вступления"; a vote for starting the bid ("Armenia Parliament
    Votes For Starting EU Accession Bid"); ratifying stays ratifying.
    """
    if lx.fold(sent.tokens[trig.index].lemma).startswith(("ratif", "ратифи")):
        return False
    before = sent.tokens[max(0, trig.index - 14) : trig.index]
    if any(t.lemma in lx.BILL[lang] or t.text.lower() in lx.BILL[lang] for t in before):
        return True
    after = sent.tokens[trig.index + 1 : trig.index + 5]  # "votes for starting EU accession bid"
    return any(t.lemma in lx.START[lang] or t.text.lower() in lx.START[lang] for t in after)


def _actors_override(
    trig: Trigger,
    sent: Sentence,
    subject: Mention | None,
    mentions: Sequence[Mention],
    lang: str,
    org: str | None = None,
    gaz: Gazetteer | None = None,
    memory: Discourse | None = None,
) -> tuple[str, ...] | None:
    """The actors named apart from the subject.

    The states "the countries' exit", "the trio", "ces trois pays", "этих стран" refer back to (the last list of
    states an earlier event of the article had as actors, else the last sentence naming as many states); the
    requester of an invocation, the contingents of
    a deployment, the member states of a bloc that joins or leaves another organization, the founders a
    founding sentence names (:mod:`casus.ingest.blocs`). ``()`` when the subject is the organization whose
    membership changes: no actor at all.
    """
    on, earlier = (memory.published, memory.events) if memory else (None, [])
    bound = _bound_signer(trig, sent, mentions) or _protocol_candidates(trig, sent, subject, mentions)
    bound = bound or _document_possessor(trig, sent, subject, memory)
    if bound:
        return bound  # "un mémorandum sur « les obligations » du Bélarus, allié de Moscou"
    named_here = subject is not None and any(m.start == subject.start for m in mentions)
    if trig.type in _NEEDS_ACTOR and (subject is None or subject.kind in ("organization", "person") or not named_here):
        listed = _plural_states(sent, trig.index, lang, earlier, memory.last_list if memory else ())
        if listed:
            return listed
    if gaz is not None and trig.type in _NEEDS_ACTOR and subject is not None and subject.kind == "organization":
        if subject.ref == org:
            return ()  # "the CSTO suspends the CSTO": a misreading
        return bloc_members(gaz.kb, subject.ref, mentions, on)
    if gaz is not None and org and trig.type is T.FOUNDING and (subject is None or subject.kind != "organization"):
        return founders_named(gaz.kb, org, mentions, on) or None  # else its members when founded (_settle_when)
    if trig.type is T.REQUEST_FOR_ASSISTANCE and subject is None and earlier:
        asked = [e.actors for e in earlier if e.type is T.REQUEST_FOR_ASSISTANCE and e.actors]
        if asked:
            return asked[-1]  # "Benin first asked for air support… A second request sought Nigerian aircraft"
    asker = requester(sent, mentions, lang) if trig.type is T.INVOCATION else None
    if asker is not None and actor_ids(asker)[0]:
        return actor_ids(asker)[0]  # "à la demande de la Pologne, l'Otan a activé", "met at Estonia's request"
    if trig.type is T.DEPLOYMENT:
        contingents = _contingents(sent, trig.index, mentions, lang)
        if contingents and (subject is None or subject.ref in contingents):
            return contingents  # "units of Russia, Belarus and Tajikistan were sent"
    return None


def _bound_signer(trig: Trigger, sent: Sentence, mentions: Sequence[Mention]) -> tuple[str, ...]:
    """The state a memorandum of accession binds, named right after it.

    "подписания меморандума об обязательствах Беларуси", "un mémorandum sur « les obligations » du Bélarus, allié
    de Moscou": Belarus signs, not the subject of the sentence nor the state named after it.
    """
    if trig.rule.lemma not in lx.MEMORANDUM:
        return ()
    end = sent.tokens[trig.index].end
    after = [m for m in mentions if m.kind == "state" and 0 <= m.start - end <= 40]
    return actor_ids(min(after, key=lambda m: m.start))[0] if after else ()


def _protocol_candidates(
    trig: Trigger, sent: Sentence, subject: Mention | None, mentions: Sequence[Mention]
) -> tuple[str, ...]:
    """The acceding states of an accession protocol others sign: the states named in or right after the document.

    "NATO Allies signed Finland's Accession Protocol" (en11-01, set 11's decision 120): the signature is
    Finland's step, not the Allies'. A state signing its own protocol is the subject as usual.
    """
    toks = sent.tokens
    if trig.rule.stage != "signature" or trig.rule.lemma in lx.MEMORANDUM or (subject and subject.kind == "state"):
        return ()
    doc = next((k for k in range(trig.index + 1, len(toks)) if toks[k].lemma in trig.rule.needs), None)
    if doc is None:
        return ()
    lo, hi = toks[trig.index].end, toks[doc].end + 30
    found = (actor_ids(m)[0] for m in mentions if m.kind == "state" and lo <= m.start <= hi)
    return tuple(dict.fromkeys(a for ids in found for a in ids))


def _document_possessor(
    trig: Trigger, sent: Sentence, subject: Mention | None, memory: Discourse | None
) -> tuple[str, ...]:
    """The state a possessive stands for in an accession document told signed by no one named.

    "Le mémorandum d'obligations sur son adhésion avait été signé en septembre 2022" after "L'Iran est devenu le
    neuvième membre" (fr11-09) is Iran's signature: "son" is the state named before.
    """
    if trig.rule.stage != "signature" or subject is not None or memory is None:
        return ()
    if not any(t.has("Poss=Yes") for t in sent.tokens[max(0, trig.index - 8) : trig.index + 8]):
        return ()
    state = memory.last_named_state or memory.last_state
    return actor_ids(state)[0] if state is not None else ()


def _plural_states(
    sent: Sentence, i: int, lang: str, earlier: Sequence[ExtractedEvent], last_list: tuple[str, ...] = ()
) -> tuple[str, ...]:
    """The states of the last earlier list when words around the trigger at ``i`` refer back to several.

    Before it ("the countries' exit") or as its complement ("le retrait de ces trois pays", "выхода этих стран").
    The last list an earlier event had as actors, else the states of the last sentence that named several
    ("le Mali, le Burkina Faso et le Niger font face…") when as many as the phrase counts ("les trois pays"). A
    counted phrase takes a list of that many, or gathers the states of the last events until it has as many ("The
    decision of the three countries to exit" after Burkina Faso's notice and Mali and Niger's, en8-07).
    """
    near = " ".join(t.text.lower() for t in sent.tokens[max(0, i - 7) : i + 5]).replace("’", "'")
    phrase = next((p for p in lx.PLURAL_STATES[lang] if f" {p} " in f" {near} "), None)
    if phrase is None:
        return ()
    counted = next((n for word, n in _COUNTED.items() if word in phrase.split()), None)
    gathered: dict[str, None] = {}
    for ev in reversed(earlier):
        states = tuple(a for a in ev.actors if len(a) == 3 and a.isupper())
        if len(states) >= 2 and len(states) == len(ev.actors) and counted in (None, len(states)):
            return states
        if counted is not None and states and len(states) == len(ev.actors):
            gathered.update(dict.fromkeys(states))  # "Burkina Faso has … notified" … "Mali and Niger's …"
            if len(gathered) == counted:
                return tuple(gathered)
    return last_list if counted is None or counted == len(last_list) else ()


#: Numbers in the phrases that refer back to several states ("les trois pays", "the trio", "трёх стран").
_COUNTED = {"two": 2, "deux": 2, "три": 3, "трех": 3, "трёх": 3, "three": 3, "trois": 3, "trio": 3}


def _target_of(
    trig: Trigger, sent: Sentence, mentions: Sequence[Mention], lang: str, actors: Sequence[str], org: str | None
) -> Mention | None:
    """The event's target: a summit's venue, the place forces leave, or the state acted upon."""
    if trig.type is T.SUMMIT:
        return _venue(sent, mentions, lang, sent.tokens[trig.index].start)
    if trig.end:  # forces withdrawn from a place: "leaving Kazakhstan", "из Казахстана"
        end = sent.tokens[trig.index].end
        return next(
            (m for m in mentions if m.start >= end and m.kind in ("state", "capital") and m.ref not in actors),
            None,
        )
    return find_target(sent, trig.index, mentions, lang, {*actors, org or ""})


def _when_of(
    trig: Trigger,
    kind: T,
    sent: Sentence,
    lang: str,
    stage: str | None,
    said: Sequence[Said],
    claim_of: Said | None,
    times: Sequence[TimeExpression],
    memory: Discourse,
) -> When:
    """The event's date: inside a claim, the claim's own date; else the sentence's; else a neighbour's or default."""
    i = trig.index
    start = sent.tokens[i].start
    when = None
    times = own_dates(sent, i, times, lang, refusal=kind is T.REFUSAL)
    if kind is not T.ACCESSION:  # "depuis 2015 en tant qu'observateur": where a state begins, no act's date
        times = [t for t in times if not _since_year(t) or _founding_since(kind, start, t)]
    if kind is T.SUMMIT:
        times = [t for t in times if not said_on(sent, t, lang)]  # "…, Lebedev told journalists on Wednesday"
    future = is_future(sent, i, lang, stage, whole=kind is T.SUMMIT)
    fronted = not said
    if claim_of is not None:
        inside = [t for t in times if claim_of.claim[0] <= t.start < claim_of.claim[1]]
        when = pick_when(inside, start, memory, future=future, future_before=fronted)
    # outside the claim, a date belongs to the verb of saying: the day it was said, not a future one
    outside_future = future and claim_of is None
    until = min((sent.tokens[x.index].start for x in said if x.index >= 0 and x.index > i), default=None)
    when = when or pick_when(times, start, memory, future=outside_future, future_before=fronted, future_until=until)
    earlier = bool({t.text.lower() for t in sent.tokens} & _EARLIER) or perfect_tense(sent, i, lang)
    earlier = earlier or _in_background(sent.tokens, i)
    # a summit or a step of an accession told in the future ("Lors de cette réunion, sera signé un mémorandum")
    # takes the next such day of the sentence beside it; an intention does not
    ahead = future and (kind is T.SUMMIT or trig.rule.stage in _STEPS)
    neighbour = (memory.neighbour_future if ahead else None) or memory.neighbour_when
    if neighbour is not None and neighbour.precision is not Precision.DAY and kind is not T.FOUNDING:
        neighbour = None  # a month beside a current act is background ("The force was first deployed … in November")
    return when or (None if earlier else neighbour) or default_when(memory)


#: Prepositions by which a sentence recalls an act as its background: "malgré le retrait du Mali", "fait suite au
#: retrait", "despite the withdrawal", "несмотря на выход".
_BACKGROUND = frozenset(["malgré", "suite", "despite", "following", "несмотря", "вслед"])


def _in_background(toks: Sequence[Token], i: int) -> bool:
    """Whether the noun at ``i`` is an act the sentence recalls after a preposition of background.

    Such an act is not the neighbouring sentence's news, whose date is not its own ("malgré le retrait du Mali,
    du Niger et du Burkina Faso" before "Après avoir arrêté en juillet 2025 un cadre …", fr7-04).
    """
    return toks[i].pos == "NOUN" and any(t.text.lower() in _BACKGROUND for t in toks[max(0, i - 3) : i])


def _unsaid(
    when: When,
    modality: Modality,
    planned: bool,
    sent: Sentence,
    lang: str,
    times: Sequence[TimeExpression],
    memory: Discourse,
    claim: tuple[int, int] | None,
) -> When:
    """A denial or a plan is not dated by the verb of saying that tells it.

    "La Serbie … ne cherchera pas à rejoindre l'OTAN, a déclaré jeudi le président": Thursday is the day it was
    said; what did not happen has no date unless its own words give one ("Le sommet du Quad, prévu … la semaine
    prochaine, n'aura pas lieu" keeps its planned week). A plan takes its planned date, never the day it was
    announced (convention 1): "Mercredi, Nikol Pachinian a déclaré … que l'Arménie quitterait complètement
    l'OTSC" is an undated intention. A date inside the claim is the claim's own ("Беларусь станет членом ШОС
    на саммите в июле, заявил генсек").
    """
    if (modality is not Modality.NEGATED and not planned) or when.start is None:
        return when
    owner = next((t for t in times if t.when == when or t.future == when), None)
    if owner is None or (planned and claim is not None and claim[0] <= owner.start < claim[1]):
        return when
    if (
        modality is Modality.NEGATED
        and sent.text[owner.start - sent.start : owner.end - sent.start].lower() in lx.AT_PRESENT
    ):
        return default_when(memory)  # "В настоящее время … не одобрившим": not done so far, on no day of its own
    return default_when(memory) if said_on(sent, owner, lang) else when


def _since_year(t: TimeExpression) -> bool:
    """A year told as where a lasting state begins ("depuis 2015", "since 2021", "с 2015 года")."""
    return t.since and t.when is not None and t.when.precision is Precision.YEAR


def _founding_since(kind: T, start: int, t: TimeExpression) -> bool:
    """A founding named inside the "since" phrase that dates it: "Since its founding in 2001, the SCO has …"."""
    return kind is T.FOUNDING and t.start - 30 <= start < t.start


_AND = {"and", "et", "и"}
#: What may stand between the states of a list: "du Mali, du Niger et du Burkina Faso", "of Mali, of Niger".
_LIST_GLUE = frozenset({*_AND, ",", "du", "de", "des", "le", "la", "les", "l'", "l’", "of", "the"})
#: "Armenia earlier froze…": the act precedes the neighbouring sentence's date, which does not date it (matched on
#: the words as written: the English lemma table makes "earlier" "early"); "Позже к организации присоединились
#: Индия, Пакистан и Иран" is placed only after the act before it, and the next sentence's date is not its own.
_EARLIER = frozenset(
    ["earlier", "previously", "prior", "ранее", "прежде", "auparavant", "précédemment", "позже", "позднее", "later"]
)
#: Types whose noun's organization is what is joined, left or invoked, not who acts ("a member of NATO").
_JOINED_OR_INVOKED = frozenset({*lx.MEMBERSHIP_CHANGES, T.CONSIDERATION_OF_WITHDRAWAL, T.INVOCATION})
#: Types that are no event without an actor (a membership changes for someone).
_NEEDS_ACTOR = frozenset({T.ACCESSION, T.APPLICATION, T.WITHDRAWAL, T.SUSPENSION, T.CONSIDERATION_OF_WITHDRAWAL})
_NO_STAGE = {T.SUMMIT, T.FOUNDING, T.STATEMENT, T.REFUSAL}
_ANNOUNCE = {
    "en": frozenset(["announce", "confirm", "report", "say", "tell", "state", "declare"]),
    "fr": frozenset(["annoncer", "confirmer", "indiquer", "déclarer", "affirmer", "dire", "rapporter", "préciser"]),
    "ru": frozenset(["объявить", "сообщить", "подтвердить", "заявить", "сказать", "рассказать", "передавать"]),
}


def _reported_fact(sent: Sentence, said: Said, i: int, lang: str, modality: Modality, stage: str | None) -> bool:
    """Whether an act inside someone's claim is news the article passes on as fact.

    "Belarus officially became a member of the SCO, Tokayev announced" (the claim before the verb of
    saying, the act in the indicative): the act is kept, asserted, with the speaker as its speaker and
    not as its actor; a scheduled act keeps its ``considering`` stage ("Finland will join NATO on Tuesday,
    Stoltenberg said"). A claim after "X said that…", a noun, a threat, a possibility or a denial stays
    part of the statement.
    """
    if said.index < 0 or said.claim[1] > sent.tokens[said.index].start:
        return False  # only "…, X announced" (the verb after the claim)
    tok = sent.tokens[i]
    predicate = tok.dep in _PREDICATE_NOUN  # "стала членом ШОС": the noun completes the verb, an act told as such
    if (tok.pos == "NOUN" and not predicate) or modality is not Modality.ASSERTED or stage not in (None, "considering"):
        return False  # a threat or a possibility stays the speaker's claim
    return sent.tokens[said.index].lemma in _ANNOUNCE[lang]


#: Verbs by which announcing a membership change is making it: "announced their withdrawal", "ont annoncé le
#: retrait", "объявили о выходе".
_PERFORMATIVE = {"en": frozenset(["announce"]), "fr": frozenset(["annoncer"]), "ru": frozenset(["объявить"])}
#: Words after which an English trigger following "announced" is a verb of a clause, not its object noun.
_CLAUSE_WORDS = frozenset(["that", "they", "it", "he", "she", "we", "was", "were", "is", "are", "would", "will", "to"])


def _announced_act(
    sent: Sentence, said: Said, i: int, lang: str, subject: Mention | None, mentions: Sequence[Mention]
) -> bool:
    """Whether the membership noun at ``i`` is what its speaker announces, and so does.

    "The military regimes … announced their immediate withdrawal from ECOWAS", "ont annoncé ce dimanche le
    retrait … de la Cedeao", "объявили о выходе из ЭКОВАС": the announcement is the act, told as news
    (``asserted``, the announcer its actor unless the noun names another). An organization announcing the
    suspension of a state suspends it ("la CEDEAO a annoncé, ce vendredi 28 novembre 2025, « la suspension
    immédiate » de la Guinée-Bissau"). Up to six words apart, punctuation and numbers not counted.
    "Announced that Armenia had frozen…" stays a self-report.
    """
    toks = sent.tokens
    k = said.index
    words = [t for t in toks[k + 1 : i] if t.pos not in ("PUNCT", "NUM")]
    if k < 0 or i <= k or len(words) > 5 or toks[k].lemma not in _PERFORMATIVE[lang]:
        return False
    if toks[i].pos not in ("NOUN", "") or any(t.text.lower() in _CLAUSE_WORDS for t in toks[k + 1 : i]):
        return False
    speaker = said.speaker
    if speaker is not None and speaker.kind == "organization" and suspends_state(toks, i, mentions):
        return True  # the organization suspends the state its noun names (see casus.ingest.suspensions)
    return subject is None or subject.kind == "organization" or (speaker is not None and _same_side(subject, speaker))


#: What makes a state's own exit told after a verb of saying its declaration: a decision ("decided to withdraw",
#: "décident … du retrait", "решили выйти") or, in English, the progressive ("they were leaving").
_DECIDE = frozenset(["decide", "decided", "décider", "решить"])
_PROGRESSIVE = frozenset(["are", "is", "were", "was"])


def _declared_exit(trig: Trigger, sent: Sentence, said: Said, lang: str) -> bool:
    """Whether a withdrawal inside a claim is the speaker's present declaration of it, and so the act itself.

    "In January, Niger, Burkina Faso and Mali announced they were leaving the Economic Community of West African
    States" (set 4), "Burkina Faso and Niger's military leaders announced Saturday they decided to withdraw from
    … G5 Sahel" (set 6): announcing one's decision to leave is leaving, ``asserted`` (sets 6–7's own-actor
    convention); "announced that it had frozen" stays a self-report.
    """
    i, k = trig.index, said.index
    if trig.type is not T.WITHDRAWAL or k < 0 or not k < i <= k + 8 or sent.tokens[k].lemma not in _ANNOUNCE[lang]:
        return False
    toks = sent.tokens
    before = toks[max(k + 1, i - 4) : i]
    if any(t.text.lower() in {"had", "has", "have", "avait", "avaient"} for t in before):
        return False
    decided = any(t.lemma in _DECIDE or t.text.lower() in _DECIDE for t in before)
    progressive = lang == "en" and toks[i].text.lower().endswith("ing") and toks[i - 1].text.lower() in _PROGRESSIVE
    return decided or progressive


def _announced_forces(trig: Trigger, sent: Sentence, said: Said, lang: str, modality: Modality) -> bool:
    """Whether forces sent or withdrawn by someone else, inside a clause after a verb of announcing, are news.

    "Baku announced that Russian peacekeepers completed their withdrawal" (see :mod:`casus.ingest.relays`);
    an accusation or a criticism tells them as news too ("Armenian authorities accused Russian peacekeepers who
    were deployed to Nagorno-Karabakh … of failing to stop", "have criticised …, with North Korea accused of
    sending tens of thousands of troops to Russia"), as a third party's report of an act is (set 3's convention).
    """
    if trig.type is not T.DEPLOYMENT or modality is Modality.NEGATED or said.index < 0:
        return False
    if sent.tokens[trig.index].lemma in lx.MISSION_END:
        return False  # "announced that the mission was complete": a judgement, not forces seen leaving
    verb = sent.tokens[said.index]
    if verb.lemma in lx.CRITICAL:
        return _accused_forces(trig, sent, said.index)
    if verb.lemma not in ANNOUNCE[lang]:
        return False
    return clause_in_claim(sent, said.claim[0], trig.index)


def _accused_forces(trig: Trigger, sent: Sentence, k: int) -> bool:
    """Whether the forces at ``trig`` are what the verb of blaming at ``k`` tells, in its own words.

    Forces, not a place left ("accused the CSTO of leaving Armenia alone"), and no quotation between the verb
    and them (a quote that follows is its own speaker's words).
    """
    toks = sent.tokens
    between = sent.text[toks[k].end - sent.start : toks[trig.index].start - sent.start]
    return trig.index > k and not trig.place and not set(between) & _QUOTES


#: Quotation marks: what follows one is someone's own words.
_QUOTES = frozenset('"«»“”')


def _forces_subject(
    trig: Trigger, sent: Sentence, subject: Mention | None, mentions: Sequence[Mention], lang: str
) -> Mention | None:
    """Whose forces a deployment (not a place left) moves: their owner when named, else the subject found.

    "завершившуюся миссию ОДКБ", "des soldats nord-coréens avaient été déployés", "le contingent de l'OTSC"; a
    person who is the agent of something named before the trigger only announced it (:func:`_agent_before`).
    """
    i = trig.index
    if trig.end:
        owner = forces_owner(sent.tokens, i, mentions, lang)
    else:
        owner = troops_owner(sent, i, mentions, lang) or organizations_forces(sent.tokens, i, mentions, lang)
        owner = owner or _organization_after(sent, i, mentions, lang)
    subject = owner or subject
    return None if subject is not None and _agent_before(sent, subject, i) else subject


def _organization_after(sent: Sentence, i: int, mentions: Sequence[Mention], lang: str) -> Mention | None:
    """The organization whose forces follow the deployment trigger at ``i``: it deploys, not a state nearby.

    "в Республику Казахстан … направлены Коллективные миротворческие силы Организации договора о коллективной
    безопасности" (ru7-09: the CSTO, not Kazakhstan, the place), "целью развёртывания сил альянса" (ru9-13:
    NATO, not the Polish authorities who tell it), "the deployment of the alliance's forces".
    """
    toks = sent.tokens
    if not any(toks[k].lemma in lx.TROOP_NOUNS[lang] for k in range(i + 1, min(len(toks), i + 5))):
        return None
    owner = forces_owner(toks, i, mentions, lang)
    after = owner is not None and owner.kind == "organization" and owner.start > toks[i].start
    return owner if after else None


def _agent_before(sent: Sentence, subject: Mention, i: int) -> bool:
    """Whether the person ``subject`` is the agent ("par X", "by X") of something named before the trigger at ``i``.

    A person announcing ("l'annonce par le Président kazakh Kassym-Jomart Tokaïev du début du retrait des forces
    de la paix") sends no forces; forces "supplied by the Russian Armed Forces" are still Russia's.
    """
    toks = sent.tokens
    if subject.kind != "person":
        return False
    k = next((j for j, t in enumerate(toks) if t.start >= subject.start), len(toks))
    if k >= i:
        return False
    return any(t.text.lower() in ("par", "by") for t in toks[max(0, k - 2) : k])


def _contingents(sent: Sentence, i: int, mentions: Sequence[Mention], lang: str) -> tuple[str, ...]:
    """States whose forces are the subject of a deployment: "units of Russia, Belarus and Armenia were sent"."""
    toks = sent.tokens
    troop = next(
        (
            k
            for k in range(i - 1, -1, -1)
            if toks[k].lemma in lx.TROOP_NOUNS[lang] or toks[k].text.lower() in lx.TROOP_NOUNS[lang]
        ),
        None,
    )
    if troop is None or organizations_forces(toks, i, mentions, lang):
        return ()
    places = {t.end for t in toks if t.text.lower() in _PLACE_PREPOSITIONS}  # "sa mission militaire en RDC"
    return tuple(
        dict.fromkeys(
            m.ref
            for m in mentions
            if toks[troop].end <= m.start < toks[i].start
            and m.kind in ("state", "capital")
            and not any(m.start - 2 <= end < m.start for end in places)
        )
    )


#: Prepositions that make a state after a troop noun where the forces are, not whose they are.
_PLACE_PREPOSITIONS = frozenset(["in", "into", "to", "en", "au", "aux", "à", "в", "во"])


def organizations_forces(toks: Sequence[Token], i: int, mentions: Sequence[Mention], lang: str) -> Mention | None:
    """The organization whose forces, named shortly before the deployment trigger at ``i``, are deployed.

    "le contingent de l'OTSC comprenant 2 030 troupes russes, bélarusses …, qui a été envoyé": the organization
    deploys, its contributing states are not actors (set 6's decision 26).
    """
    nouns = lx.TROOP_NOUNS[lang]
    troops = [k for k in range(max(0, i - 25), i) if toks[k].lemma in nouns or toks[k].text.lower() in nouns]
    return next(
        (
            m
            for m in mentions
            if m.kind == "organization" and any(toks[k].end <= m.start <= toks[min(k + 3, i)].start for k in troops)
        ),
        None,
    )


def _coordinated(
    sent: Sentence, subject: Mention | None, mentions: Sequence[Mention], lang: str = "en"
) -> tuple[str, ...]:
    """States coordinated with a state subject: "Azerbaijan and Georgia left", "Russia, Belarus and Armenia".

    The list may run on after the subject or end with it ("Le Burkina Faso, le Mali ainsi que le Niger ont
    annoncé"). A list joined by commas only counts when it ends with "and / et / и / as well as / ainsi que / а
    также" ("Kazakhstan, Russia's ally, …" is an apposition), or when it is three bare names ("Burkina, Mali,
    Niger se retirent de la CEDEAO"). In English (no parse) the comma closing an adverbial that opens the
    sentence ends the list: "After the start of Russia's full-scale invasion of Ukraine, Sweden and Finland …
    applied to join NATO" (not Ukraine).
    """
    if subject is None or not (subject.kind in ("state", "capital", "government") or _role_of_state(subject)):
        return ()
    ordered = sorted(mentions, key=lambda x: x.start)
    after, after_seps = _list_run(sent, subject, [m for m in ordered if m.start >= subject.end], forward=True)
    opening = fronted_end(sent.tokens) if lang == "en" else None
    prior = [m for m in reversed(ordered) if m.end <= subject.start and (opening is None or m.start > opening)]
    before, before_seps = _list_run(sent, subject, prior)
    if len(after) >= 2 and all(sep == {","} for sep in after_seps) and not before:
        return tuple(after)  # three bare names in a row: "Burkina, Mali, Niger se retirent"
    while after_seps and not (after_seps[-1] & _AND):
        after_seps.pop()
        after.pop()
    if not (after or (before_seps and before_seps[0] & _AND)):
        before = []  # "A, B and subject" or "A, subject and C"; not "Kazakhstan, Russia's ally"
    return tuple(dict.fromkeys(r for r in (*before, *after) if r != subject.ref))


def _role_of_state(m: Mention) -> bool:
    """Whether a person mention is a state's role named by its state ("Президенты Мали", "the leaders of Mali")."""
    return m.kind == "person" and m.state is not None and bool(m.role) and m.ref.startswith(f"{m.role} of")


#: Multi-word "and" of lists, read as "and"; with them the comitative that adds a co-actor to the subject ("Finland,
#: along with Sweden, formally applied to join NATO", en11-03; "Она вместе со Швецией подала заявку", en10's
#: Finland; "La Finlande, aux côtés de la Suède, a demandé").
_AND_PHRASES = (
    ("as well as", "and"),
    ("along with", "and"),
    ("together with", "and"),
    ("ainsi que", "et"),
    ("aux côtés de", "et"),
    ("conjointement avec", "et"),
    ("а также", "и"),
    ("вместе со", "и"),
    ("вместе с", "и"),
    ("совместно со", "и"),
    ("совместно с", "и"),
)


def _list_run(
    sent: Sentence, subject: Mention, others: Sequence[Mention], *, forward: bool = False
) -> tuple[list[str], list[set[str]]]:
    """The states listed next to ``subject`` on one side (``others`` ordered away from it), and the separators."""
    out: list[str] = []
    seps: list[set[str]] = []
    edge = subject.end if forward else subject.start
    for m in others:
        a, b = (edge, m.start) if forward else (m.end, edge)
        glue = sent.text[a - sent.start : b - sent.start].lower()
        for phrase, word in _AND_PHRASES:
            glue = glue.replace(phrase, word)
        between = glue.replace(",", " , ").split()
        if not between or m.kind not in ("state", "capital", "government") or not set(between) <= _LIST_GLUE:
            break
        out.append(m.ref)
        seps.append(set(between))
        edge = m.end if forward else m.start
    return out, seps


def _venue(sent: Sentence, mentions: Sequence[Mention], lang: str, at: int = 0) -> Mention | None:
    """Where a summit took place: the state or capital after "à/in/в" nearest the trigger at offset ``at``.

    "the CSTO Secretariat in Moscow … the last CSTO summit in Minsk": Minsk; "собрались в Москве на юбилейный
    саммит, приуроченный к 30-летию Договора …, подписанного в Ташкенте": Moscow.
    """
    return min(venues(sent, mentions), key=lambda m: abs(m.start - at), default=None)


#: Prepositions of place before a venue, and what may stand between ("in the Netherlands", "aux Pays-Bas").
_AT_PLACE = frozenset({"à", "au", "aux", "en", "in", "at", "в", "во"})


def venues(sent: Sentence, mentions: Sequence[Mention]) -> list[Mention]:
    """The states and capitals a sentence names after a preposition of place ("in Washington", "in the Netherlands")."""
    toks = sent.tokens
    found = []
    for m in mentions:
        if m.kind not in ("state", "capital"):
            continue
        idx = next((k for k, t in enumerate(toks) if t.start >= m.start), 0)
        before = [t.text.lower() for t in toks[max(0, idx - 2) : idx]]
        if before and (before[-1] in _AT_PLACE or (before[-1] == "the" and before[0] in _AT_PLACE)):
            found.append(m)
    return found


def _told_about(
    sent: Sentence,
    i: int,
    subject: Mention | None,
    mentions: Sequence[Mention],
    lang: str,
    modality: Modality,
    stage: str | None,
) -> tuple[Mention | None, tuple[str, ...], Modality]:
    """Subject, speakers and modality when a person only tells of the act a noun names (else unchanged).

    "Pashinyan explained the freezing of Armenia's participation": he tells, Armenia acts, and an act of the
    speaker's own side is ``reported`` (set 4 convention 6).
    """
    about = person_about(sent, i, mentions, lang)
    if about is None:
        return subject, (), modality
    if subject is None or subject.start < sent.tokens[i].start:  # not the noun's own "of Sweden"
        subject = act_agent(sent, i, about, mentions)
    if subject is not None and _same_side(subject, about) and modality is Modality.ASSERTED and stage is None:
        modality = Modality.REPORTED
    return subject, speaker_ids(about), modality


def _we_did(sent: Sentence, i: int) -> bool:
    """Whether the subject of the verb at ``i`` is "we" / "nous" / "мы" (the speaker's own side)."""
    return any(t.head == i and t.dep.startswith("nsubj") and t.text.lower() in _SELF | _I for t in sent.tokens)


def _same_side(actor: Mention, speaker: Mention) -> bool:
    """Whether ``actor`` is ``speaker`` or the state or organization ``speaker`` speaks for."""
    return actor is speaker or actor.ref in {speaker.ref, speaker.state, speaker.organization}


#: Every language's words of intention or plan (see :data:`casus.ingest.lexicon.INTENT`).
_INTENT_ANY = frozenset().union(*lx.INTENT.values(), *lx.CONSIDER.values())
#: What may stand between a verb of saying, the intention it announces and the act intended.
_INTENT_GLUE = frozenset(["о", "об", "de", "d'", "d’", "to", "the", "a", "une", "l'", "l’", "la", "le", "их", "своем"])


def _intent_only(toks: Sequence[Token]) -> bool:
    """Whether a claim opens with nothing but an intention before its trigger ("о намерении выйти")."""
    words = [t for t in toks if t.text not in ('"', "«", "»", "“", "”")]
    if not any(t.lemma in _INTENT_ANY or t.text.lower() in _INTENT_ANY for t in words):
        return False
    return all(
        t.lemma in _INTENT_ANY
        or t.text.lower() in _INTENT_ANY
        or t.text.lower() in _INTENT_GLUE
        or t.text.lower() in lx.POSSESSIVES
        for t in words
    )


#: Words by which a speaker's claim names the speaker's own state as its subject: "Пашинян … заявил, что республика
#: приостановила участие в этой организации" (ru8-01).
_HOMELAND = frozenset([*lx.COUNTRY_WORDS, "республика", "république", "republic"])


def _self_report(sent: Sentence, lo: int, i: int, subject: Mention | None, speaker: Mention) -> bool:
    """Whether the act inside a claim is the speaker's (or their state's) own."""
    if sent.tokens[i].pos == "NOUN":
        return False
    speaker_refs = {speaker.ref, speaker.state, speaker.organization} - {None}
    if subject is not None:
        return bool({subject.ref, subject.state, subject.organization} & speaker_refs)
    toks = sent.tokens[lo:i]
    words = {t.text.lower() for t in toks}
    own = bool(words & (_SELF | _I)) or any(
        a.text.lower() in lx.POSSESSIVES and b.lemma in lx.COUNTRY_WORDS for a, b in itertools.pairwise(toks)
    )
    own = own or _intent_only(toks)  # "заявили о намерении выйти", "announced their intention to leave"
    own = own or any(t.lemma in _HOMELAND and t.head == i and t.dep.startswith("nsubj") for t in toks)
    return (
        own
        and speaker.kind in ("state", "capital", "government", "person")
        and bool(speaker.state or speaker.kind != "person")
    )
