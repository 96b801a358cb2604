"""How invocations of a treaty article are told: passives, pronouns, counts, lists of dates, general rules.

An invocation ("Poland invoked Article 4", "l'Estonie demande l'activation de l'article 4", "Польша
инициировала консультации по статье 4") is found by the trigger lexicon (:mod:`casus.ingest.lexicon`); this
module covers the other ways news tells one:

* **the passive** names the article before the verb and the state after it: "It was recently invoked by
  Poland", "l'article 4 n'a été invoqué qu'à sept reprises, principalement par la Turquie", "статья 4 была
  задействована Польшей" — the agent after "by / par" (the instrumental in Russian) is the invoking state;
* **a pronoun** stands for the article the sentence before named: "It was recently invoked by Poland", "La
  Pologne y a eu recours la semaine dernière", "Эстония уже прибегала к ней";
* **a list of dates** tells one invocation per date: "la Turquie … (2003), … (entre 2012 et 2020) … (2015)",
  "Turkey invoked it in 2003, 2012 and 2015";
* **no act** is told by a count of invocations with nobody named ("the eighth time Article 4 has been invoked
  since NATO's creation"), by an article's own wording ("tout membre de l'Alliance peut demander des
  consultations", "any ally may request") or by a call for one with no subject ("Необходимо инициировать
  консультации", "consultations must be initiated");
* **an intention and the act in one sentence** are one invocation: "Estonia uses Article 4 and intends to
  request consultations" is the request, not also its plan.

References:
    North Atlantic Treaty (Washington, 4 April 1949), Articles 4 and 5.
    https://www.nato.int/cps/en/natohq/official_texts_17120.htm
    NATO, "The consultation process and Article 4" (the invocations since 1949: Turkey 2003, 2012 twice,
    2015; eight allies on 24 February 2022; Poland 10 September 2025; Estonia 19 September 2025).
    https://www.nato.int/cps/en/natohq/topics_49187.htm
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from casus.ingest import lexicon as lx
from casus.ingest.model import ExtractedEvent, Mention, Precision, When
from casus.ingest.nlp import Sentence, Token
from casus.ingest.temporal import TimeExpression
from casus.kb.events import EventType as T

#: A treaty article named with its number: "Article 4", "art. 5", "Art4", "l'article 4", "статья 4", "4 ст.",
#: "по четвертой статье".
_ARTICLE = re.compile(
    r"\b(?:article|art\s*\.?)\s*\d|\bстать[яиеюёй]\w*\s+\d|\d\s*(?:-?й\s+)?стать|\d\s*ст\.|\bст\s*\.\s*\d|"
    r"(?:четв[её]рт|пят)\w+\s+стать",
    re.IGNORECASE,
)

#: Pronouns that stand for the article named before, a few words before the verb ("it was invoked", "y a eu
#: recours", "к ней прибегла") or right after it ("Turkey invoked it", "задействовала её").
_BACK = {
    "en": frozenset(["it"]),
    "fr": frozenset(["y"]),
    "ru": frozenset(["ней", "нее", "неё", "ею"]),
}
_BACK_AFTER = {"en": frozenset(["it"]), "fr": frozenset(), "ru": frozenset(["её", "ее"])}
#: Object pronouns right before the verb: "В пяти случаях ее активировала Турция".
_BACK_RIGHT_BEFORE = {"en": frozenset(), "fr": frozenset(["l'", "l’"]), "ru": frozenset(["её", "ее"])}

#: Auxiliaries of the passive: "has been invoked", "a été invoqué", "была задействована".
_PASSIVE = frozenset(["been", "was", "were", "is", "are", "be", "été", "était", "был", "была", "было", "были"])

#: "by / par" before the agent of a passive (Russian uses the instrumental case).
_BY = {"en": frozenset(["by"]), "fr": frozenset(["par"]), "ru": frozenset()}

#: Words by which a rule speaks of anyone, not of one state: "any ally may request", "tout membre peut".
_ANYONE = {
    "en": frozenset(["any", "every", "each"]),
    "fr": frozenset(["tout", "toute", "chaque", "quiconque"]),
    "ru": frozenset(["любой", "каждый", "всякий"]),
}

#: Words of necessity: "Необходимо инициировать консультации" calls for an invocation, it does not make one.
_NEEDED = {
    "en": frozenset(["must", "necessary", "need", "needs", "should"]),
    "fr": frozenset(["falloir", "faut", "nécessaire", "devoir"]),
    "ru": frozenset(["необходимо", "нужно", "надо", "следует", "должный", "должен", "должна"]),
}

#: Verbs of ability: "it can trigger neither article 4 nor 5" says what the treaty allows, not what was done.
_ABLE = {
    "en": frozenset(["can", "cannot", "can't"]),
    "fr": frozenset(["peut", "peuvent"]),
    "ru": frozenset(["может", "могут", "сможет", "смогут"]),
}

#: Counts of occurrences ("the eighth time", "à sept reprises", "в восьмой раз"); "once" names one act.
_COUNTS = re.compile(r"\b(?:times?|reprises?|fois|раз|раза)\b", re.IGNORECASE)
_ONCE = re.compile(r"\b(?:once|only time|une seule fois|seule fois|единственный раз|однажды)\b", re.IGNORECASE)

#: A year, or a stated range of years ("entre 2012 et 2020", "between 2012 and 2020", "с 2012 по 2020").
_YEARS = re.compile(
    r"\b(?:(?:entre|between|от|с)\s+((?:19|20)\d\d)\s+(?:et|and|до|по|и)\s+((?:19|20)\d\d)|((?:19|20)\d\d))\b",
    re.IGNORECASE,
)


def names_article(text: str) -> bool:
    """Whether a text names a treaty article by its number ("Article 4", "l'article 5", "статьи 4").

    >>> names_article("It was recently invoked by Poland"), names_article("under Article 4 of the treaty")
    (False, True)
    """
    return bool(_ARTICLE.search(text))


def needs_met(toks: Sequence[Token], i: int, rule: lx.TriggerRule, lang: str, *, article_before: bool) -> bool:
    """Whether an invocation trigger's condition holds in a way the lexicon's window does not see.

    The article before a passive verb ("Article 5 has only ever been triggered once", "l'article 4 n'a été
    invoqué", "статья 4 была задействована"), or a pronoun for the article the text named just before
    (``article_before``: "It was recently invoked by Poland", "La Pologne y a eu recours").
    """
    if rule.type is not T.INVOCATION:
        return False
    before = toks[max(0, i - rule.window) : i]
    words = {t.text.lower() for t in before}
    if words & _PASSIVE and ({t.lemma for t in before} & rule.needs or names_article(_text(before))):
        return True
    if _passive_of_article(toks, i):
        return True
    near = {t.text.lower() for t in toks[max(0, i - 4) : i]}
    after = {t.text.lower() for t in toks[i + 1 : i + 2]}
    right_before = {t.text.lower() for t in toks[max(0, i - 1) : i]}
    if lang == "en" and not near & _PASSIVE:
        near = set()  # "it was invoked", not "said it would activate its air defences"
    return article_before and bool(
        near & _BACK[lang] or after & _BACK_AFTER[lang] or right_before & _BACK_RIGHT_BEFORE[lang]
    )


#: How far before a passive verb its subject, the article, may stand: "Article 5 has only ever been activated".
_SUBJECT_REACH = 8


def _passive_of_article(toks: Sequence[Token], i: int) -> bool:
    """Whether the verb at ``i`` is a passive whose subject, earlier in its clause, names a treaty article.

    "Article 5 has only been activated once", "The only time that article 5 was used was in 2001": the article
    stands further back than the trigger's window, past the auxiliaries and adverbs.
    """
    if not {t.text.lower() for t in toks[max(0, i - 4) : i]} & _PASSIVE:
        return False
    lo = i
    while lo > max(0, i - _SUBJECT_REACH) and toks[lo - 1].text not in lx.CLAUSE_ENDS:
        lo -= 1
    return names_article(_text(toks[lo:i]))


def article_words(toks: Sequence[Token], a: int, b: int) -> set[str]:
    """``{"article"}`` when the tokens ``a:b`` name an article by number in a form no lemma gives ("Art4")."""
    return {"article"} if names_article(_text(toks[max(0, a) : max(0, b)])) else set()


def _text(toks: Sequence[Token]) -> str:
    return " ".join(t.text for t in toks)


def passive_agent(sent: Sentence, i: int, mentions: Sequence[Mention], lang: str) -> Mention | None:
    """The state after "by / par" (or in the instrumental) that a passive invocation names as its agent.

    "It was recently invoked by Poland", "l'article 4 n'a été invoqué qu'à sept reprises, principalement par la
    Turquie", "статья 4 была задействована Польшей". ``None`` when the verb is not passive or names no agent.
    """
    toks = sent.tokens
    if not {t.text.lower() for t in toks[max(0, i - 4) : i]} & _PASSIVE and not toks[i].has("Voice=Pass"):
        return None
    states = [m for m in mentions if m.kind in ("state", "capital", "government") and m.start > toks[i].start]
    for k in range(i + 1, min(len(toks), i + 10)):
        if toks[k].text in (".", ";", ":"):
            break
        at = next((m for m in states if m.start == toks[k].start), None)
        if at is None:
            continue
        prev = {toks[j].text.lower() for j in range(max(i + 1, k - 2), k)}
        if prev & _BY[lang] or (lang == "ru" and k <= i + 3 and _instrumental(toks, k, i)):
            return at
    return None


def _instrumental(toks: Sequence[Token], k: int, i: int) -> bool:
    """Whether the Russian token at ``k`` is the agent of the passive verb at ``i``.

    In the instrumental, or a bare (indeclinable) dependent of the verb ("ст.5 была применена США").
    """
    if toks[k].has("Case=Ins"):
        return True
    bare = not any(t.head == k and t.dep == "case" for t in toks)
    return toks[k].head == i and toks[k].dep in ("obl", "obl:agent", "iobj") and bare


def not_an_act(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the invocation at ``i`` is a rule or a call rather than an act.

    "tout membre de l'Alliance peut demander des consultations" (the article's own wording: anyone may),
    "Необходимо инициировать консультации НАТО" (a call, with no one doing it).
    """
    toks = sent.tokens
    lo = max(0, i - 8)
    words = {t.text.lower() for t in toks[lo:i]} | {t.lemma for t in toks[lo:i]}
    return bool(words & _ANYONE[lang] or words & _NEEDED[lang] or words & _ABLE[lang])


def told_as_rule(sent: Sentence, i: int, lang: str) -> bool:
    """Whether an invocation nobody makes is how the article works, told in the present, rather than an act.

    "Invoking Article 4 is Nato's way of saying 'we need to talk'" (the act named as the subject of a
    definition), "Заявление о применении статьи 4 НАТО подается генеральному секретарю НАТО" (an imperfective
    present: what is done each time). Only for an invocation with no actor: "Польша применяет статью 4" is an act.
    """
    toks = sent.tokens
    if lang == "en":
        first = next((k for k, t in enumerate(toks) if t.text[:1].isalnum()), None)
        return first == i and toks[i].text.lower().endswith("ing")
    verb = i if toks[i].pos in ("VERB", "AUX") else governing_verb(sent, i)
    if verb is None or any(toks[verb].has(f) for f in ("Polarity=Neg", "Person=1", "Person=2", "Aspect=Perf")):
        return False  # "Nous vérifions le bien-fondé du recours à l'article 4": the speakers weigh it now
    return toks[verb].has("Tense=Pres")


def governing_verb(sent: Sentence, i: int) -> int | None:
    """The verb that governs the noun at ``i`` through other nouns (parsed sentences only), if any.

    "lancer des consultations à propos de l'application de l'article 4": "application" → "lancer".
    """
    toks = sent.tokens
    if toks[i].pos != "NOUN" or toks[i].head < 0:
        return None
    node = i
    for _ in range(6):
        head = toks[node].head
        if head == node or not 0 <= head < len(toks):
            return None
        node = head
        if toks[node].pos in ("VERB", "AUX"):
            return node
        if toks[node].pos not in ("NOUN", "PROPN", "NUM"):
            return None
    return None


def intended_noun(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the noun at ``i`` names an invocation a verb of intention governs, several nouns up.

    "l'Estonie compte lancer des consultations à propos de l'application de l'article 4": "compte" (intends)
    governs "lancer", whose object the noun completes.
    """
    toks = sent.tokens
    verb = governing_verb(sent, i)
    if verb is None:
        return False
    verbs = [verb, toks[verb].head] if toks[verb].dep == "xcomp" else [verb]
    return any(
        toks[v].lemma in lx.INTENT[lang] or toks[v].text.lower() in lx.INTENT[lang] for v in verbs if 0 <= v < len(toks)
    )


def counted_without_actor(sent: Sentence, actors: Sequence[str]) -> bool:
    """Whether an invocation with nobody named is only counted ("the eighth time Article 4 has been invoked").

    "Article 5 has only ever been triggered once, following the 11 September 2001 attacks" names one act.
    """
    return not actors and bool(_COUNTS.search(sent.text)) and not _ONCE.search(sent.text)


def listed_dates(sent: Sentence, i: int, times: Sequence[TimeExpression]) -> list[When]:
    """The years or ranges of years listed after the trigger at ``i``, when there are two or more.

    "la Turquie face à … (2003), … (entre 2012 et 2020) … (2015)" → 2003, 2012–2020, 2015. A year after
    "since / depuis / с" is where a count starts, not a date of the act (the expression of ``times`` it lies in
    is flagged :attr:`~casus.ingest.temporal.TimeExpression.since`).
    """
    text = sent.text
    at = sent.tokens[i].end - sent.start
    since = [(t.start - sent.start, t.end - sent.start) for t in times if t.since]
    out: list[When] = []
    for m in _YEARS.finditer(text, at):
        if any(a <= m.start(3) < b or a <= m.start() < b for a, b in since):
            continue
        if m.group(3):
            year = int(m.group(3))
            out.append(When(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, m.group(0)))
        else:
            a, b = int(m.group(1)), int(m.group(2))
            if a < b:
                out.append(When(dt.date(a, 1, 1), dt.date(b, 12, 31), Precision.PERIOD, m.group(0)))
    return out if len(out) >= 2 else []


#: "following / after / après / после" the event an invocation answers ("following a Russian drone incursion
#: on Sept. 10", "following the 11 September 2001 attacks").
_ANSWERS = re.compile(r"\b(?:following|after|après|suite à|à la suite d|после|вслед за)\b", re.IGNORECASE)


def answer_date(ev: ExtractedEvent, sent: Sentence, times: Sequence[TimeExpression]) -> ExtractedEvent:
    """An invocation its sentence dates only vaguely, dated by the event it answers.

    "It was recently invoked by Poland following a Russian drone incursion on Sept. 10": the request follows
    the incursion, so it is dated by it (the day, or the period from it), not by "recently" or publication.
    """
    if any(t.explicit and t.when == ev.when for t in times):
        return ev
    for t in times:
        before = sent.text[max(0, t.start - sent.start - 60) : t.start - sent.start]
        if t.explicit and t.when is not None and t.when.precision is not Precision.UNDATED and _ANSWERS.search(before):
            return replace(ev, when=t.when)
    return ev


def each_date(ev: ExtractedEvent, dates: Sequence[When]) -> list[ExtractedEvent]:
    """One invocation per listed date ("Turkey invoked it in 2003, 2012 and 2015": three invocations)."""
    if not dates:
        return [ev]
    return [replace(ev, when=w) for w in dates]


def drop_intentions(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """A sentence's invocations without the intention of one its act also tells (same actors, same treaty).

    "Estonia uses Article 4 of the NATO Charter and intends to request consultations with its allies": the
    request is the use, told twice, not a second, planned invocation.
    """
    acts = {
        (e.organization, tuple(sorted(e.actors)))
        for e in events
        if e.type is T.INVOCATION and e.stage is None and e.actors
    }
    return [
        e
        for e in events
        if not (
            e.type is T.INVOCATION and e.stage == "considering" and (e.organization, tuple(sorted(e.actors))) in acts
        )
    ]
