"""Which organization or pact: conventions read from the knowledge base rather than from the words.

A founding is an act of the founding parties. "Le pacte Aukus, signé entre les États-Unis, le Royaume-Uni et
l'Australie", "the Shusha Declaration … signed between Azerbaijan and Turkey on June 15, 2021", "Формат QUAD был
инициирован в 2007 году премьером Японии": whoever the sentence names (a president, a prime minister, nobody),
the founding's actors are the states the knowledge base records as members from the organization's first day
(its founding members, or a bilateral pact's parties), added to the states the sentence names. An
organization whose first day the knowledge base gives to fewer than two states keeps only the named ones.

A pact named by its parties is the knowledge base's pact between them: "its mutual defense treaty with the US"
in an article about the Philippines is ``us-philippines-1951``, "le traité de garantie de sécurité entre le
Bélarus et la Russie" and "le traité de sécurité russo-biélorusse" are ``union-state-security-2024``,
"Договор между Северной Кореей и Россией" is ``russia-dprk-2024`` (:func:`pacts_by_parties`). Such a mention
names the pact where it stands; it does not make the pact the article's main organization (a summit in
Pyongyang where a treaty was signed is no summit of the treaty).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from casus.ingest.entities import Gazetteer
from casus.ingest.extract import title_of
from casus.ingest.foundings import pact_parties
from casus.ingest.model import ExtractedEvent, Mention
from casus.ingest.nlp import Token
from casus.kb.events import EventType
from casus.kb.knowledge import KnowledgeBase
from casus.kb.states import normalize


def founders(kb: KnowledgeBase, scope: str) -> tuple[str, ...]:
    """The states whose membership of an organization or pact begins on its first recorded day.

    >>> from casus.curated import load_kb
    >>> founders(load_kb(), "aukus")
    ('AUS', 'GBR', 'USA')
    >>> founders(load_kb(), "shusha-2021")
    ('AZE', 'TUR')
    """
    spells = [s for s in kb.spells(scope) if s.start is not None]
    if not spells:
        return ()
    first = min(s.start for s in spells if s.start is not None)
    states = tuple(sorted({s.state for s in spells if s.start == first}))
    return states if len(states) >= 2 else ()


#: Membership changes a pact's own founding parties cannot make towards it.
_JOINING = frozenset([EventType.ACCESSION, EventType.APPLICATION])


def _parties_joining(ev: ExtractedEvent, gaz: Gazetteer) -> ExtractedEvent | None:
    """A founding party's "accession" to its own pact (one without an organization): its founding, or nothing.

    Signing a bilateral pact founds it ("Putin and Lukashenko signed the treaty" on the day the knowledge base
    gives); its parties' later ratifications, exchanges of instruments and entry into force are steps of no
    event ("подписали протокол об обмене грамотами о ратификации Договора"). A third state joining the pact
    later is an accession.
    """
    treaty = gaz.kb.treaties.get(ev.organization or "")
    parties = founders(gaz.kb, treaty.id) if treaty is not None and treaty.organization is None else ()
    if not parties or not ev.actors or not set(ev.actors) <= set(parties):
        return ev
    day = treaty.signed if treaty is not None else None
    w = ev.when
    if ev.stage == "signature" and day and w.start is not None and w.end is not None and w.start <= day <= w.end:
        founded = replace(ev, type=EventType.FOUNDING, stage=None)
        return replace(founded, title=title_of(founded, gaz))
    return None


def with_founders(events: Iterable[ExtractedEvent], gaz: Gazetteer) -> list[ExtractedEvent]:
    """Each founding of a known organization or pact with its founding parties among its actors (module doc).

    A founding party's accession to its own bilateral pact is its founding or nothing (see
    :func:`_parties_joining`).
    """
    out = []
    for ev in events:
        if ev.type in _JOINING:
            joined = _parties_joining(ev, gaz)
            if joined is None:
                continue
            ev = joined
        if ev.type is EventType.FOUNDING and ev.organization:
            parties = founders(gaz.kb, ev.organization)
            actors = tuple(dict.fromkeys((*ev.actors, *parties)))
            if actors != ev.actors:
                ev = replace_actors(ev, actors, gaz)
        out.append(ev)
    return out


def replace_actors(ev: ExtractedEvent, actors: tuple[str, ...], gaz: Gazetteer) -> ExtractedEvent:
    """The event with other actors (and the title that names them); they leave its other mentions."""
    mentioned = tuple(m for m in ev.mentioned if m not in actors)
    moved = replace(ev, actors=actors, mentioned=mentioned)
    return replace(moved, title=title_of(moved, gaz))


# ------------------------------------------------------------------ a pact named by its parties
#: Stems (folded) of the nouns of a pact between states; the second set needs a word of defence or security
#: with it ("agreement" alone is any agreement: "a trade agreement with the US").
PACT_STEMS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "en": (("treaty", "treaties", "pact"), ("agreement", "accord", "declaration")),
    "fr": (("traite", "pacte"), ("accord", "declaration")),
    "ru": (("договор", "пакт"), ("соглашени", "декларац")),
}
#: Stems (folded) of the words that make an agreement one of defence or security.
SECURITY_STEMS: dict[str, tuple[str, ...]] = {
    "en": ("defen", "security", "mutual", "alliance", "allied"),
    "fr": ("defense", "securite", "mutuel", "assistance", "allie", "alliance"),
    "ru": ("оборон", "безопасност", "взаимн", "союзн", "помощ"),
}
#: The stems above as written (lower case, accented), to pass over a sentence without any cheaply.
_LOWER_STEMS: dict[str, tuple[str, ...]] = {
    "en": ("treat", "pact", "agreement", "accord", "declaration"),
    "fr": ("traité", "traite", "pacte", "accord", "déclaration", "declaration"),
    "ru": ("договор", "пакт", "соглашени", "декларац"),
}
_BETWEEN = {"en": ("between",), "fr": ("entre",), "ru": ("между",)}
_WITH = {"en": ("with",), "fr": ("avec",), "ru": ("с", "со")}
#: Tokens after the pact's noun within which its parties are named ("le traité de garantie de sécurité entre le
#: Bélarus et la Russie": 5).
PARTY_REACH = 8
#: The first part of a compound adjective of two states ("russo-biélorusse", "sino-russe", "nippo-américain"),
#: where it is no form of the state's name (those are looked up as names: "US-Philippines", "российско-").
COMBINING: dict[str, str] = {
    "russo": "RUS",
    "sino": "CHN",
    "nippo": "JPN",
    "anglo": "GBR",
    "franco": "FRA",
    "germano": "DEU",
    "italo": "ITA",
    "greco": "GRC",
    "turco": "TUR",
    "americano": "USA",
    "indo": "IND",
    "saoudo": "SAU",
    "armeno": "ARM",
}


def _stem_of(norm: str, stems: tuple[str, ...]) -> bool:
    return norm.startswith(stems)


def _part_state(part: str, lang: str, gaz: Gazetteer) -> str | None:
    """The state one part of a compound adjective stands for ("russo", "biélorusse", "российско", "US")."""
    key = normalize(part)
    if key in COMBINING:
        return COMBINING[key]
    forms = [key]
    if lang == "ru" and key.endswith("о"):
        forms += [key[:-1] + "ий", key[:-1] + "ский"]  # "российско" → "российский", "американо" → "американский"
    for form in forms:
        found = gaz.index.get(form)
        if found is not None and found[0] == "state":
            return found[1]
    return None


def _compound_states(word: str, lang: str, gaz: Gazetteer) -> list[str]:
    """The two states of a compound adjective ("russo-biélorusse", "US-Philippines"), else none."""
    parts = re.split(r"[-–]", word)
    if len(parts) != 2:
        return []
    states = [_part_state(p, lang, gaz) for p in parts]
    return [s for s in states if s] if all(states) else []


_BREAK = frozenset([",", ".", ";", ":", "(", ")", "«", "»", '"', "“", "”"])
_STATE_KINDS = ("state", "capital", "government")


def _state(m: Mention) -> str | None:
    if m.kind in _STATE_KINDS:
        return m.ref
    return m.state if m.kind == "person" else None


def _window(tokens: Sequence[Token], i: int) -> range:
    """Tokens after the pact noun at ``i`` that may name its parties (up to a punctuation mark)."""
    j = i + 1
    while j < min(len(tokens), i + 1 + PARTY_REACH) and tokens[j].text not in _BREAK:
        j += 1
    return range(i + 1, j)


def _parties(
    tokens: Sequence[Token],
    i: int,
    norms: Sequence[str],
    mentions: Sequence[Mention],
    lang: str,
    gaz: Gazetteer,
    context: Sequence[str],
) -> set[str]:
    """The states a pact noun at ``i`` is told to be between (see :func:`pacts_by_parties`)."""
    after = _window(tokens, i)
    for j in [*range(max(0, i - 2), i), *after]:
        if "-" in tokens[j].text or "–" in tokens[j].text:
            pair = _compound_states(tokens[j].text, lang, gaz)
            if len(set(pair)) == 2:
                return set(pair)
    for j in after:
        end = tokens[min(len(tokens) - 1, j + 6)].end  # "entre le Bélarus et la Russie", "with the US"
        named = [s for m in mentions if tokens[j].end <= m.start < end and (s := _state(m))]
        if norms[j] in _BETWEEN[lang] and len(set(named[:2])) == 2:
            return set(named[:2])
        if norms[j] in _WITH[lang] and named:
            other = named[0]
            before = [s for m in mentions if m.end <= tokens[i].start and (s := _state(m)) and s != other]
            rest = [s for s in context if s != other]
            owners = before or rest
            return {other, owners[-1]} if owners else set()
    return set()


def pacts_by_parties(
    tokens: Sequence[Token],
    mentions: Sequence[Mention],
    lang: str,
    gaz: Gazetteer,
    published: dt.date | None,
    context: Sequence[str] = (),
) -> list[Mention]:
    """A sentence's mentions, with each pact it names by its parties resolved to the knowledge base's pact.

    "its mutual defense treaty with the US" (the Philippines' own), "le traité de garantie de sécurité entre
    le Bélarus et la Russie", "Договор между Северной Кореей и Россией", "le traité de sécurité
    russo-biélorusse": a noun of a pact ("treaty", "traité", "договор"; an "agreement" or a "declaration" only
    with a word of defence or security) whose parties follow it ("between X and Y", "with X" — the other party
    being the state named before it in the sentence, else the one the text named last: ``context``) or are
    joined in a compound adjective beside it, names the knowledge base's pact (without an organization of its
    own) whose parties are exactly those two states; of two (Russia and Belarus: 1999, 2024), the last signed
    by publication. A pact the knowledge base does not hold is left as it was (a generic "the treaty" stays
    the article's main organization); a noun inside another name is not read again.
    """
    strong, weak = PACT_STEMS[lang]
    if not any(t.text.lower().startswith(_LOWER_STEMS[lang]) for t in tokens):
        return list(mentions)  # most sentences: no per-token folding
    norms = [normalize(t.text) for t in tokens]
    pacts = pact_parties(gaz.kb)
    out = list(mentions)
    for i, n in enumerate(norms):
        if not n.startswith(strong + weak):
            continue
        inside = next((m for m in out if m.start <= tokens[i].start < m.end), None)
        if inside is not None and not inside.ref.startswith("@"):
            continue  # part of a name ("the Shusha Declaration"), or a state's institution
        near = norms[max(0, i - 3) : i + 1 + PARTY_REACH]
        if n.startswith(weak) and not any(w.startswith(SECURITY_STEMS[lang]) for w in near):
            continue
        parties = _parties(tokens, i, norms, out, lang, gaz, context)
        found = sorted(
            (published is None or gaz.kb.treaties[t].signed <= published, gaz.kb.treaties[t].signed, t)
            for t, p in pacts.items()
            if p == parties
        )
        if not found:
            continue
        pact = Mention(tokens[i].start, tokens[i].end, tokens[i].text, "organization", found[-1][2])
        out = sorted([*(m for m in out if m is not inside), pact], key=lambda m: m.start)
    return out
