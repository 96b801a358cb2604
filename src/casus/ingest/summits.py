"""Summits: planned ones, their modality, and the mentions of one summit told several times.

A summit has no actor who could report it of himself: whoever announces it ("the heads of state will meet in
Astana on 28 November, Lebedev said"), it is asserted, and a summit still to come (dated after publication,
or told in the future: "NATO's next Summit will take place in Washington in 2024", "состоится 27 ноября")
is at stage ``considering`` with its planned date. "This historic Summit", "the summit" without a date of
their own are the summit the article dates elsewhere: they take that summit's date, venue and stage.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import replace

from casus.ingest import lexicon as lx
from casus.ingest.entities import Gazetteer
from casus.ingest.extract import date_verb, governed_future, is_future, title_of, token_at
from casus.ingest.invocations import listed_dates
from casus.ingest.model import ExtractedEvent, Mention, Modality, Precision, When
from casus.ingest.nlp import Sentence
from casus.ingest.temporal import TimeExpression
from casus.kb.events import EventType as T


def summit_phase(
    sent: Sentence, i: int, lang: str, when: When, published: dt.date | None, modality: Modality
) -> tuple[Modality, str | None]:
    """The modality and stage of the summit the trigger at ``i`` names (see module doc)."""
    if modality is Modality.REPORTED:
        modality = Modality.ASSERTED
    if cancelled(sent, i, lang):
        return Modality.NEGATED, None  # "Le sommet du Quad, prévu … la semaine prochaine, n'aura pas lieu"
    if modality is not Modality.ASSERTED:
        return modality, None
    if when.start is not None and published is not None:
        if when.start > published:
            return modality, "considering"
        if when.end is not None and when.end < published:
            return modality, None  # held before publication
    if held(sent, i):
        return modality, None  # "по итогам прошедшего 23 ноября саммита", beside "…состоится в 2023 году"
    future = is_future(sent, i, lang, None) or governed_future(sent, i, lang) or _to_hold(sent, i)
    return modality, ("considering" if future else None)


def held(sent: Sentence, i: int) -> bool:
    """Whether the summit noun at ``i`` carries a past participle of holding: told as held, whatever else is future.

    The participle hangs on the noun where the sentence is parsed ("сообщили … по итогам прошедшего 23 ноября
    саммита в Ереване", "le sommet tenu à Accra"), else (English) follows it ("the summit held in Accra").
    """
    toks = sent.tokens
    for k in range(max(0, i - 6), min(len(toks), i + 3)):
        t = toks[k]
        if k == i or (t.lemma not in lx.SUMMIT_HELD and t.text.lower() not in lx.SUMMIT_HELD):
            continue
        if t.head == i and t.has("VerbForm=Part") and t.has("Tense=Past"):
            return True
        if t.head < 0 and k == i + 1 and t.text.lower() == "held":
            return True
    return False


def eve_of(sent: Sentence, i: int, when: When) -> When:
    """The day a summit told from its eve is held: the day after the sentence's day.

    "a déclaré le responsable …, à la veille d'un sommet de l'Otan à Vilnius" told "lundi" 10 July 2023
    (fr10-14) is the summit of 11 July, planned (the day is after publication); "on the eve of a summit" with
    no day of its own stays undated.
    """
    before = {t.text.lower() for t in sent.tokens[max(0, i - 4) : i]}
    if when.precision is not Precision.DAY or when.start is None or not before & lx.SUMMIT_EVE:
        return when
    day = when.start + dt.timedelta(days=1)
    return When(day, day, Precision.DAY, when.text)


#: Verbs of holding or hosting a summit, and the words before them that make them an infinitive.
_HOLD = frozenset(["hold", "host", "tenir", "accueillir", "organiser", "провести", "проводить", "организовать"])
_TO = frozenset(["to", "de", "d'", "d’"])


def _to_hold(sent: Sentence, i: int) -> bool:
    """Whether the summit at ``i`` is the object of "to hold / to host" (an agreement or a plan to hold it).

    "resulted in agreements to hold the Quad Leadership Summit in India in 2025" (en7-10), "a décidé
    d'accueillir le sommet", "договорились провести саммит": the summit is planned, whatever its year.
    """
    toks = sent.tokens
    for k in range(max(0, i - 4), i):
        t = toks[k]
        if t.lemma in _HOLD or t.text.lower() in _HOLD:
            return t.has("VerbForm=Inf") or (k > 0 and toks[k - 1].text.lower() in _TO)
    return False


def borrowed_future(
    sent: Sentence, i: int, lang: str, when: When, borrowed: When | None, published: dt.date | None
) -> bool:
    """Whether a summit holds only a neighbour sentence's date, later than publication, in a sentence not told ahead.

    "Mali, Burkina Faso and Niger will cease to be members … from January 29, 2025. This announcement was made
    … during the 66th ordinary session of heads of states" (en9-07): the session was held, the date is the exit's.
    """
    if when is not borrowed or when.start is None or published is None or when.start <= published:
        return False
    return not (is_future(sent, i, lang, None) or governed_future(sent, i, lang))


#: What tells a summit as begun or going on: "is currently being held", "began with an official ceremony",
#: "стартовал саммит", "начал работу саммит", "Саммит проходит в закрытом формате", "s'est ouvert", "se tient".
#: A summit told so is held (asserted, no stage) on the publication day unless it gives its own date (set 7's
#: decision 39: a summit reported as under way is the publication day's).
_UNDER_WAY = {
    "en": re.compile(r"\b(?:currently|under ?way|(?:is|are) being held|began|opened|kicked off)\b", re.IGNORECASE),
    "fr": re.compile(
        r"\b(?:se tient|se déroule|s[’']est (?:ouvert|tenu)e?|a (?:débuté|commencé|démarré)|en cours)\b", re.IGNORECASE
    ),
    "ru": re.compile(
        r"(?<!\w)(?:стартовал\w*|начал\w* работу|начал(?:ся|ась)|открыл\w*|проход(?:ит|ят|ящ\w*))(?!\w)", re.I
    ),
}


def under_way(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the summit the trigger at ``i`` names is told as begun or going on (see :data:`_UNDER_WAY`).

    The cue must stand near the trigger (four words before it to eight after), so that "the war began" in a
    long sentence about a summit does not count.
    """
    toks = sent.tokens
    lo, hi = toks[max(0, i - 4)].start, toks[min(len(toks) - 1, i + 8)].end
    return bool(_UNDER_WAY[lang].search(sent.text[lo - sent.start : hi - sent.start]))


def held_now(
    ev: ExtractedEvent, sent: Sentence, i: int, lang: str, published: dt.date | None, gaz: Gazetteer
) -> ExtractedEvent:
    """A summit told as under way: held (no stage), on the publication day when the text gives no date of its own.

    "В Душанбе во Дворце наций стартовал саммит глав государств СНГ" (10 October 2025) is the CIS summit of that
    day, not one still planned because the next sentences tell what it "will discuss". A summit dated after
    publication, or not asserted, is left as it is. The event is marked (``extra["under_way"]``) so that
    mentions of the same day told in the future stay that summit (:func:`align_summits`).
    """
    if ev.modality is not Modality.ASSERTED or published is None or not under_way(sent, i, lang):
        return ev
    if ev.when.start is not None and ev.when.start > published:
        return ev
    when = ev.when if ev.when.start is not None else When(published, published, Precision.DAY, "")
    out = replace(ev, when=when, stage=None, extra={**ev.extra, "under_way": True})
    return replace(out, title=title_of(out, gaz))


#: A summit of an organization's troika (its outgoing, current and incoming chairs) is not the body's summit:
#: "the Extraordinary Organ Troika Summit … will be presented to the Extraordinary Summit of SADC Heads of State",
#: "Le Sommet a examiné le rapport de la réunion du Sommet de la Troïka … tenue le 11 janvier 2022".
_TROIKA = re.compile(r"\b(?:troika|troïka|тройк\w*)\b", re.IGNORECASE)


def troika(ev: ExtractedEvent, sent: Sentence, i: int) -> ExtractedEvent:
    """The summit named at ``i`` marked as a troika's (``extra["body"]``) when "Troika" stands right by it."""
    toks = sent.tokens
    lo, hi = toks[max(0, i - 3)].start, toks[min(len(toks) - 1, i + 3)].end
    if _TROIKA.search(sent.text[lo - sent.start : hi - sent.start]) is None:
        return ev
    return replace(ev, extra={**ev.extra, "body": "troika"})


def _body(ev: ExtractedEvent) -> object:
    """Which meeting of the organization a summit is: its troika's or (``None``) the body's own."""
    return ev.extra.get("body")


def venue_years(
    ev: ExtractedEvent,
    sent: Sentence,
    i: int,
    places: Sequence[Mention],
    published: dt.date | None,
    gaz: Gazetteer,
    times: Sequence[TimeExpression] = (),
) -> list[ExtractedEvent]:
    """One summit per year listed after the trigger, at the venue named next to that year.

    "The next summit of the North Atlantic Treaty Organization will be held in Washington in 2024, and in the
    Netherlands in 2025" tells two summits (Washington 2024, the Netherlands 2025), each planned if its year is
    after publication. Only when the sentence lists two years or more and names two venues or more after the
    trigger; else ``[ev]``.
    """
    start = sent.tokens[i].end
    places = [m for m in places if m.start >= start]
    dates = listed_dates(sent, i, times)
    if len(dates) < 2 or len({m.ref for m in places}) < 2:
        return [ev]
    out, at = [], start - sent.start
    for w in dates:
        at = sent.text.find(w.text, at)
        place = min(
            places, key=lambda m: min(abs(m.start - sent.start - at), abs(m.end - sent.start - at - len(w.text)))
        )
        later = published is not None and w.start is not None and w.start > published
        one = replace(ev, when=w, target=place.ref, stage="considering" if later else None)
        out.append(replace(one, title=title_of(one, gaz)))
        at += len(w.text)
    return out


#: A summit's final document adopted or published ("the final communique adopted in Vilnius on Tuesday
#: following the results of the NATO summit", "la déclaration finale du sommet de Vilnius publiée mardi",
#: "декларация саммита, принятая во вторник").
_ITS_DOCUMENT = {
    "en": re.compile(r"\b(?:communiqu[ée]|declaration)\b.{0,40}?\b(?:adopted|published|issued|released)\b", re.I),
    "fr": re.compile(r"\b(?:communiqué|déclaration)\b.{0,80}?\b(?:adopté|publié|signé)e?s?\b", re.I),
    "ru": re.compile(r"(?:коммюнике|деклараци\w+).{0,80}?(?:принят|опубликован|подписан)\w*", re.I),
}


def dated_by_document(
    ev: ExtractedEvent, sent: Sentence, lang: str, times: Sequence[TimeExpression], published: dt.date | None
) -> ExtractedEvent:
    """A summit whose final document the sentence says was adopted or published on a day: held on that day.

    The day is the one day the sentence names (not after publication); the years the document speaks of ("à
    Washington en 2024 … aux Pays-Bas en 2025") are the next meetings, not this one's.
    """
    match = _ITS_DOCUMENT[lang].search(sent.text)
    if published is None or match is None or ev.modality is not Modality.ASSERTED:
        return ev
    days = [
        t.when
        for t in times
        if t.when is not None and t.when.precision is Precision.DAY and t.when.start and t.when.start <= published
    ]
    if len(days) != 1:
        return ev
    return replace(ev, when=days[0], stage=None, title=ev.title.replace(" (considering)", ""))


#: Verbs of calling a meeting off ("annule la réunion", "cancelled the summit", "саммит отменен").
CANCEL = {
    "en": frozenset(["cancel", "cancels", "cancelled", "canceled", "scrap", "scrapped", "call", "called"]),
    "fr": frozenset(["annuler", "annule", "annulé", "annulée", "reporter"]),
    "ru": frozenset(["отменить", "отменять", "отменен", "отменён", "отменена", "отмена"]),
}
#: What a meeting does when it takes place: "avoir lieu", "se tenir", "take place", "be held", "состояться".
_HELD = {
    "en": frozenset(["place", "held", "happen", "go"]),
    "fr": frozenset(["lieu", "tenir"]),
    "ru": frozenset(["состояться", "пройти", "проходить"]),
}


def cancelled(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the summit named at ``i`` is called off: a cancelling verb next to it, or "will not take place".

    "L'Australie annule la réunion du Quad", "the summit was cancelled", "саммит отменен"; "Le sommet du Quad,
    prévu pour se tenir à Sydney la semaine prochaine, n'aura pas lieu", "саммит не состоится". "Call" counts
    only before "off" ("called off the summit").
    """
    toks = sent.tokens
    near = toks[max(0, i - 4) : i + 5]
    for k, t in enumerate(near):
        word = t.text.lower()
        if word in CANCEL[lang] or t.lemma in CANCEL[lang]:
            after = near[k + 1].text.lower() if k + 1 < len(near) else ""
            if t.lemma != "call" or after == "off":
                return True
    later = toks[i + 1 : i + 25]
    for k, t in enumerate(later):
        before = {x.text.lower() for x in later[max(0, k - 4) : k]}
        if (t.lemma in _HELD[lang] or t.text.lower() in _HELD[lang]) and before & lx.NEGATION[lang]:
            return True
        if t.text.lower() in CANCEL[lang] and before & _PASSIVE:
            return True  # "A planned summit of Quad leaders … in Sydney next week has been canceled"
    return False


#: Auxiliaries of a passive that tells a summit cancelled after it ("has been canceled", "a été annulé").
_PASSIVE = frozenset(["been", "was", "is", "été", "est", "был", "была", "было"])


def guest_bodies(sent: Sentence, mentions: Sequence[Mention], lang: str) -> set[int]:
    """The offsets of the organizations a sentence names among a summit's guests, not as the body that meets.

    "Также в саммите участвуют … руководители международных организаций, в том числе СНГ, ОЭС, ОДКБ, ЕЭК" (the
    SCO summit in Astana): the CIS, the CSTO … are guests, the first after "в том числе" and the rest of its
    list; likewise "including the CIS and the CSTO", "notamment la CEI".
    """
    out: set[int] = set()
    last: Mention | None = None
    for m in sorted((m for m in mentions if m.kind == "organization"), key=lambda m: m.start):
        before = sent.text[max(0, m.start - sent.start - 30) : m.start - sent.start]
        listed = (
            last is not None
            and last.start in out
            and _LIST_GAP.fullmatch(sent.text[last.end - sent.start : m.start - sent.start])
        )
        if _GUESTS[lang].search(before) or listed:
            out.add(m.start)
        last = m
    return out


#: What may stand between two organizations of one list: ", ", " and the ", " и ", " et la ", ", ОЭС, ".
_LIST_GAP = re.compile(r"(?:\s*(?:,|and|et|и|the|la|le|l'|l’|les|[A-ZА-ЯЁ]{2,6}))*\s*")
#: What introduces guests at the end of the text before an organization: "в том числе", "including".
_GUESTS = {
    "en": re.compile(r"\b(?:including|such as|among them)(?:\s+the)?\s*$", re.IGNORECASE),
    "fr": re.compile(r"\b(?:notamment|y compris|dont|parmi lesquel(?:le)?s)(?:\s+(?:la|le|l'|l’|les))?\s*$", re.I),
    "ru": re.compile(r"(?:в том числе|включая|среди них)\s*$", re.IGNORECASE),
}


def said_on(sent: Sentence, t: TimeExpression, lang: str) -> bool:
    """Whether a date expression dates a verb of saying ("told journalists on Wednesday"), not a summit.

    By the parse where there is one; else (English) when a verb of saying stands just before it, or just after
    a date that opens the sentence ("On Wednesday, Pashinyan said …").
    """
    toks = sent.tokens
    k = token_at(sent, t.start)
    if k is None:
        return False
    if toks[k].head >= 0:
        verb = date_verb(toks, k)
        return verb is not None and toks[verb].lemma in lx.REPORTING[lang]
    near = [*toks[max(0, k - 3) : k], *(toks[k : k + 7] if k <= 1 else ())]  # "On Wednesday, Pashinyan said"
    return any(x.lemma in lx.REPORTING[lang] or x.text.lower() in lx.REPORTING[lang] for x in near)


def align_summits(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Mentions of a summit without a date or a venue take those of the one summit of the body that has them.

    Dated mentions of one body's summit on the same day and at the same stage are one summit: the venue one of
    them names is the others' too ("Заседание … ОДКБ состоится 27 ноября" and "саммит ОДКБ в Бишкеке"). An
    undated mention may take any dated summit of the same body (only those at its own stage when the
    article dates several); a dated mention without a venue only the summit of the same date. With none or
    several candidates left, the mention stays as it is.
    """
    events = fold_summits(_share_venues(events))
    dated: dict[str, dict[tuple[object, ...], ExtractedEvent]] = {}
    for ev in events:
        if ev.type is T.SUMMIT and ev.when.start is not None and ev.organization:
            dated.setdefault(ev.organization, {})[(ev.when, ev.stage, ev.target, ev.modality)] = ev
    out = []
    for ev in events:
        if ev.type is T.SUMMIT and ev.organization in dated and (ev.when.start is None or ev.target is None):
            candidates = [c for c in dated[ev.organization].values() if c is not ev and _body(c) == _body(ev)]
            if ev.target is not None:  # "the NATO summit in Vilnius" is not the one planned in Washington
                candidates = [c for c in candidates if c.target in (None, ev.target)]
            if ev.when.start is not None:
                candidates = [c for c in candidates if c.when == ev.when and c.stage == ev.stage and c.target]
            elif len(candidates) > 1:
                going = [c for c in candidates if c.extra.get("under_way")]  # the summit the report is about
                candidates = going or [c for c in candidates if c.stage == ev.stage]
            if len(candidates) == 1:
                c = candidates[0]
                target = c.target or ev.target
                ev = replace(ev, when=c.when, stage=c.stage, target=target, modality=c.modality, title=c.title)
        out.append(ev)
    return fold_summits(_share_venues(out))  # a mention now dated may bring the venue: "в саммите ОДКБ в Бишкеке"


def fold_summits(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Mentions of one body's summit at one stage that cannot be two summits are one, kept where first told.

    A summit dated by a period that holds the one more precise date of another ("Саммит ОДКБ в Астане: итоги
    … в 2024 году" beside "состоявшийся 28 ноября") is that summit; two on the same day with two venues
    ("на саммите организации в июле" read as in Tashkent, "на саммите ШОС в Астане") are one; and an article
    that dates none of them tells one summit however often it names it ("Le sommet évoquera …", "à la veille
    de cet important sommet", "les décisions que nous allons prendre à Vilnius"). Each takes the date, venue
    and actors of the most precise one, so that the pipeline's ``merge_events`` makes them one event.
    """
    kept: list[int] = []
    out = _one_stage_undated(events)
    events = list(out)
    for k in sorted(range(len(events)), key=lambda k: (_span(events[k]), k)):
        ev = events[k]
        j = _host(ev, [out[i] for i in kept]) if ev.type is T.SUMMIT and ev.organization else None
        if j is None:
            kept.append(k)
        else:
            host = out[kept[j]]  # the same date, venue and actors: the pipeline's merge_events makes them one
            out[k] = replace(ev, when=host.when, target=host.target, title=host.title, actors=host.actors)
    return out


def _one_stage_undated(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Mentions of one body's summit on one day, or undated where the article dates none, are planned if one is.

    "Le sommet évoquera les défis …" is the Vilnius summit still to come; "avant le coup d'envoi du sommet" and
    "à la veille de cet important sommet" in the same preview are that summit, not a second one already held;
    "Participants of the CSTO Summit 2024 … are expected to exchange opinions" is the summit that "kicks off …
    on November 28" in the next sentence.
    """
    dated = {ev.organization for ev in events if ev.type is T.SUMMIT and ev.when.start is not None}

    def key(ev: ExtractedEvent) -> tuple[object, ...] | None:
        if ev.type is not T.SUMMIT or (ev.when.start is None and ev.organization in dated):
            return None
        return (ev.organization, ev.modality, ev.when.start, ev.when.end, _body(ev))

    held = {key(ev): ev for ev in events if ev.extra.get("under_way") and key(ev) is not None}
    planned = {key(ev): ev for ev in events if ev.stage == "considering" and key(ev) is not None}
    out = []
    for ev in events:
        p = (held.get(key(ev)) or planned.get(key(ev))) if key(ev) is not None else None
        out.append(replace(ev, stage=p.stage, title=p.title) if p is not None and ev.stage != p.stage else ev)
    return out


def _span(ev: ExtractedEvent) -> int:
    """Days a summit's date spans, undated last, so the most precise mention hosts the others."""
    if ev.when.start is None or ev.when.end is None:
        return 1_000_000
    return (ev.when.end - ev.when.start).days


def _within(when: When, start: dt.date, end: dt.date) -> bool:
    """Whether a date lies inside the period from ``start`` to ``end``."""
    return when.start is not None and when.end is not None and start <= when.start and when.end <= end


def _host(ev: ExtractedEvent, kept: list[ExtractedEvent]) -> int | None:
    """The index of the one kept summit of the same body, stage and modality ``ev`` is another mention of."""
    same = [
        j
        for j, c in enumerate(kept)
        if c.type is T.SUMMIT
        and (c.organization, c.stage, c.modality, _body(c)) == (ev.organization, ev.stage, ev.modality, _body(ev))
    ]
    w = ev.when
    if w.start is None or w.end is None:
        # undated: folds only where nothing is dated (align_summits gives it the one dated summit)
        undated = [j for j in same if kept[j].when.start is None]
        return undated[0] if undated and len(undated) == len(same) else None
    inside = [j for j in same if _within(kept[j].when, w.start, w.end)]
    return inside[0] if len(inside) == 1 else None


def _share_venues(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """Dated summits of one body, day and stage take the one venue any of them names (see align_summits)."""
    venues: dict[tuple[object, ...], set[str]] = {}

    def key(ev: ExtractedEvent) -> tuple[object, ...]:
        return (ev.organization, ev.when.start, ev.when.end, ev.stage, ev.modality)

    for ev in events:
        if ev.type is T.SUMMIT and ev.when.start is not None and ev.target:
            venues.setdefault(key(ev), set()).add(ev.target)
    out = []
    for ev in events:
        found = venues.get(key(ev), set()) if ev.type is T.SUMMIT and ev.when.start is not None else set()
        if len(found) == 1 and ev.target is None:
            ev = replace(ev, target=next(iter(found)))
        out.append(ev)
    return out


def founded_at_summit(events: list[ExtractedEvent]) -> list[ExtractedEvent]:
    """An undated founding of a body whose one held summit the article dates to a day took place at that summit.

    "Burkina Faso, Mali and Niger have signed an agreement to create a confederation of the Alliance of Sahel
    States" beside "the first joint summit, which took place on July 6 in … Niamey"; "ils ont annoncé la création
    de la confédération « Alliance des États du Sahel »" beside "Pour leur premier sommet … réunis le 6 juillet".
    """
    days = {
        (ev.organization, ev.when)
        for ev in events
        if ev.type is T.SUMMIT
        and ev.stage is None
        and ev.modality is Modality.ASSERTED
        and ev.when.start
        and ev.when.start == ev.when.end
    }
    out = []
    for ev in events:
        held = [when for org, when in days if org == ev.organization]
        if ev.type is T.FOUNDING and ev.when.start is None and ev.modality is Modality.ASSERTED and len(held) == 1:
            ev = replace(ev, when=held[0])
        out.append(ev)
    return out


#: Articles before a plural summit noun that make it any summit, not one: "snobé les sommets de l’OTSC" (fr7-11),
#: "exclu … y compris les réunions et les sommets" (fr8-06), "boycotted the summits".
_ANY_OF = frozenset(["les", "des", "aux", "the", "all", "its"])


def summits_in_general(sent: Sentence, i: int) -> bool:
    """Whether the summit noun at ``i`` is a plural after an article, in a sentence that names no year."""
    toks = sent.tokens
    plural = toks[i].has("Number=Plur") if toks[i].pos else toks[i].text.lower().endswith("summits")
    article = i > 0 and toks[i - 1].text.lower() in _ANY_OF
    return plural and article and not any(re.fullmatch(r"(?:19|20)\d\d", t.text) for t in toks)


#: Words between a summit noun and the name of the body that meets: "of the", "de l'", "d'urgence du".
_OF_BODY = frozenset(["of", "the", "de", "du", "des", "d'", "d’", "la", "le", "l'", "l’", "les"])


def foreign_body(sent: Sentence, i: int, mentions: Sequence[Mention]) -> bool:
    """Whether the summit noun at ``i`` is the meeting of a named body no known organization is part of.

    "qui accueille le sommet de l'Initiative des Trois Mers à Bucarest" (fr10-01), "à l'issue d'une réunion
    d'urgence du Conseil de la sécurité nationale" (fr6-16): a capitalised body noun (``lexicon.BODY_NAMES``)
    after "de/of", whose name up to the next comma or place names no organization, is another body's meeting,
    not the alliance's the article is about. "Le sommet du Conseil de sécurité collective de l'OTSC" names one.
    """
    toks = sent.tokens
    k = i + 1
    while k < len(toks) and k <= i + 4 and (toks[k].text.lower() in _OF_BODY or toks[k].text.islower()):
        k += 1
    if k >= len(toks) or k == i + 1 or toks[k - 1].text.lower() not in _OF_BODY:
        return False
    head = toks[k]
    if not head.text[:1].isupper() or head.text.lower() not in lx.BODY_NAMES:
        return False
    end = next((j for j in range(k + 1, len(toks)) if toks[j].pos == "PUNCT" or toks[j].pos == "VERB"), len(toks))
    stop = toks[end].start if end < len(toks) else sent.start + len(sent.text)
    return not any(m.kind == "organization" and head.start <= m.start < stop for m in mentions)
