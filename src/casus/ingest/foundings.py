"""Foundings: a new pact signed between states, and an organization's founding dated by its age.

A mutual-defence pact signed between states ("Saudi Arabia and Pakistan on Wednesday signed a strategic mutual
defence agreement", "Путин и Лукашенко подпишут договор") is the ``founding`` of that pact. Which pact is
read from the knowledge base, not from the words: a bilateral (or small) pact whose parties are all named
in the sentence and whose signature falls near the date the sentence gives (or near publication when it
gives none). A text about a pact the knowledge base does not hold gives no founding.

A founding told by the organization's age ("seventy-five years since the Alliance's founding" in 2024, "the
25th anniversary of the founding of the Union State", "30-летие создания ОДКБ", "depuis sa création il y a vingt
ans") is dated by subtracting the age from the year the sentence speaks of (its own explicit date, else
publication).

A founding recalled in passing is told by a participle on the organization's name: "the CSTO, a defense
alliance formed in 1992", "ШОС, основанная в 2001 году"; or by its founding treaty signed on a date: "le traité
de Washington, signé le 4 avril 1949", "Договора о коллективной безопасности, подписанного в Ташкенте 15 мая 1992
года" (a treaty the knowledge base holds for that organization, signed within the period given). Such a
participle without a date describes the organization ("a military-political alliance created by the CIS
states") and tells no founding.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from casus.ingest import lexicon as lx
from casus.ingest.extract import (
    SentenceReading,
    default_when,
    is_future,
    make_event,
    modality_of,
    own_dates,
    pick_when,
    stage_of,
    token_at,
)
from casus.ingest.model import ExtractedEvent, Mention, Modality, Precision, When
from casus.ingest.nlp import Sentence, Token
from casus.ingest.temporal import TimeExpression
from casus.kb.events import EventType as T
from casus.kb.knowledge import KnowledgeBase

#: Verbs and nouns of signing or concluding a pact.
SIGNING: dict[str, frozenset[str]] = {
    "en": frozenset(["sign", "signed", "signing", "conclude", "seal", "ink"]),
    "fr": frozenset(
        {"signer", "signé", "signée", "signature", "conclure", "sceller"}
        | {"parvenir", "parvenu", "parvenue", "parvenus", "parvenues"}  # "sont parvenues à un accord" (ADJ lemma)
    ),
    "ru": frozenset(["подписать", "подписывать", "подписание", "заключить", "заключение", "подписанный"]),
}
#: Nouns of a pact.
PACT_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset(["agreement", "treaty", "pact", "accord"]),
    "fr": frozenset(["accord", "traité", "pacte"]),
    "ru": frozenset(["соглашение", "договор", "пакт"]),
}
#: How far (days) a pact's signature may lie from the period a sentence gives it, or from publication.
NEAR_DATED, NEAR_UNDATED = 45, 60

_STATE_KINDS = ("state", "capital", "government")


def _state_of(m: Mention) -> str | None:
    if m.kind in _STATE_KINDS:
        return m.ref
    if m.kind == "person":
        return m.state
    return None


def pact_parties(kb: KnowledgeBase) -> dict[str, frozenset[str]]:
    """The parties of every pact without an organization of its own (bilateral pacts), by treaty id."""
    out: dict[str, frozenset[str]] = {}
    for t in kb.treaties.values():
        if t.organization is None:
            parties = frozenset(m.state for m in kb.spells(t.id))
            if len(parties) >= 2:
                out[t.id] = parties
    return out


def find_pact(kb: KnowledgeBase, states: set[str], when: When, published: dt.date | None) -> str | None:
    """The pact whose parties are all in ``states`` and whose signature lies near ``when`` (see module doc).

    >>> from casus.curated import load_kb
    >>> day = dt.date(2025, 9, 17)
    >>> find_pact(load_kb(), {"SAU", "PAK"}, When(day, day, Precision.DAY), day)
    'saudi-pakistan-2025'
    >>> find_pact(load_kb(), {"SAU", "PAK"}, When(None, dt.date(2020, 1, 1), Precision.UNDATED), dt.date(2020, 1, 1))
    """
    near = dt.timedelta(days=NEAR_DATED)
    if when.start is not None and when.end is not None:
        lo, hi = when.start - near, when.end + near
    elif published is not None:
        lo, hi = published - dt.timedelta(days=NEAR_UNDATED), published + dt.timedelta(days=NEAR_UNDATED)
    else:
        return None
    found = [
        (len(parties), tid)
        for tid, parties in pact_parties(kb).items()
        if parties <= states and lo <= kb.treaties[tid].signed <= hi
    ]
    return max(found)[1] if found else None


def pact_events(reading: SentenceReading) -> list[ExtractedEvent]:
    """The founding of a pact a sentence tells signed (or to be signed) by its parties, if the KB holds it."""
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    memory, doc_id, gaz = reading.memory, reading.doc_id, reading.gaz
    toks = sent.tokens
    words = {t.lemma for t in toks} | {t.text.lower() for t in toks}
    if not words & PACT_NOUNS[lang]:
        return []
    k = next((j for j, t in enumerate(toks) if t.lemma in SIGNING[lang] or t.text.lower() in SIGNING[lang]), None)
    states = [s for s in (_state_of(m) for m in mentions) if s]
    if k is None or len(set(states)) < 2:
        return []
    modality = modality_of(sent, k, lang)
    future = is_future(sent, k, lang, None) or any(
        j is not None and j > k and is_future(sent, j, lang, None) for j in (token_at(sent, t.start) for t in times)
    )  # "ordered the signing of a pact … at an upcoming summit on Friday"
    when = pick_when(own_dates(sent, k, times, lang), toks[k].start, memory, future=future)
    when = when or memory.neighbour_when or default_when(memory)
    pact = find_pact(gaz.kb, set(states), when, memory.published)
    if pact is None:
        return []
    stage = None
    if modality is not Modality.NEGATED:
        ahead = when.start is not None and memory.published is not None and when.start > memory.published
        if future or ahead or stage_of(sent, k, lang) == "considering":
            stage, modality = "considering", Modality.ASSERTED
    parties = gaz.kb.spells(pact)
    actors = tuple(dict.fromkeys(s for s in states if s in {m.state for m in parties}))
    return [
        make_event(
            T.FOUNDING,
            sent,
            doc_id,
            org=pact,
            subject=None,
            target=None,
            mentions=mentions,
            when=when,
            modality=modality,
            gaz=gaz,
            stage=stage,
            actors_override=actors,
        )
    ]


#: Nouns of founding whose object must be the organization founded ("the founding of the Union State").
_FOUNDING_NOUNS = frozenset(["création", "fondation", "founding", "foundation", "creation", "создание", "основание"])


def founded_is_named(sent: Sentence, i: int, mentions: Sequence[Mention]) -> bool:
    """Whether a founding noun at ``i`` names an organization right after or right before it.

    "la création de l'OTSC", "the Alliance's founding", "создание ОДКБ" found an organization; "la création
    d'un marché unifié" does not. A founding verb is not checked here.
    """
    toks = sent.tokens
    if toks[i].lemma not in _FOUNDING_NOUNS and toks[i].text.lower() not in _FOUNDING_NOUNS:
        return True
    after = toks[min(len(toks) - 1, i + 5)].end
    before = toks[max(0, i - 3)].start
    if i > 0 and toks[i - 1].text.lower() in _ITS and _ends_phrase(toks, i):
        before = 0  # "le sommet de l'OTAN, marquant le 75e anniversaire de sa fondation"; not "its founding fathers"
    return any(
        m.kind == "organization" and (toks[i].end <= m.start <= after or before <= m.start < toks[i].start)
        for m in mentions
    )


#: Possessives by which a founding noun refers back to the organization named before it in the sentence.
_ITS = frozenset(["sa", "son", "its", "её", "ее", "его", "своего", "своей"])
#: Words after which a founding noun is still the act ("its founding in 1949"), not a modifier ("founding fathers").
_AFTER_ACT = frozenset(["in", "on", "of", "en", "le", "de", "в", "и", "and", "et"])


def _ends_phrase(toks: Sequence[Token], i: int) -> bool:
    """Whether the noun at ``i`` ends its phrase: punctuation, the end, or a preposition after it."""
    if i + 1 >= len(toks):
        return True
    nxt = toks[i + 1].text.lower()
    return not nxt[:1].isalnum() or nxt in _AFTER_ACT


_UNITS_EN = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_TENS_EN = ["ten", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORD_EN = {"first": 1, "fifth": 5, "tenth": 10, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50}
_ORD_EN |= {"sixtieth": 60, "seventieth": 70, "seventy-fifth": 75, "eightieth": 80, "ninetieth": 90, "hundredth": 100}
_FR = {"dix": 10, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60}
_FR |= {"soixante-dix": 70, "soixante-quinze": 75, "quatre-vingt": 80, "quatre-vingts": 80, "cent": 100}


def _number(word: str) -> int | None:
    """A small cardinal or ordinal written in digits or in English/French words ("75", "25th", "seventy-five")."""
    w = word.lower().strip()
    digits = re.match(r"(\d{1,3})", w)
    if digits:
        return int(digits.group(1))
    if w in _ORD_EN:
        return _ORD_EN[w]
    parts = w.split("-")
    if parts[0] in _TENS_EN and len(parts) <= 2:
        n = 10 * (_TENS_EN.index(parts[0]) + 1)
        if len(parts) == 2:
            if parts[1] not in _UNITS_EN:
                return None
            n += _UNITS_EN.index(parts[1]) + 1
        return n
    base = re.sub(r"i[eè]me$", "", w)  # "trentième" → "trent(e)"
    return next((_FR[c] for c in (w, base, base + "e") if c in _FR), None)


_NUM = r"(\d{1,3}|[a-zà-ÿ]+(?:-[a-zà-ÿ]+)?)"
_AGE: dict[str, tuple[re.Pattern[str], ...]] = {
    "en": (
        re.compile(_NUM + r"(?:st|nd|rd|th)?\s+anniversary\b"),
        re.compile(_NUM + r"\s+years\s+(?:since|after|of)\b"),
        re.compile(_NUM + r"\s+years\s+ago\b"),
    ),
    "fr": (
        re.compile(_NUM + r"(?:e|ème|ᵉ)?\s+anniversaire\b"),
        re.compile(_NUM + r"\s+ans\s+(?:depuis|après|de)\b"),
        re.compile(r"il\s+y\s+a\s+" + _NUM + r"\s+ans\b"),
    ),
    "ru": (
        re.compile(r"(\d{1,3})\s*-?\s*(?:летие|летия|летию|летием)"),
        re.compile(r"(\d{1,3})\s*-?\s*(?:ю|й|я)?\s+годовщин"),
        re.compile(r"(\d{1,3})\s+(?:лет|года)\s+(?:со\s+дня|с\s+момента|с\s+основания|с\s+создания)"),
        re.compile(r"(\d{1,3})\s+(?:лет|года|год)\s+назад"),
    ),
}


def founding_by_age(
    sent: Sentence, lang: str, times: Sequence[TimeExpression], published: dt.date | None
) -> When | None:
    """The year of a founding the sentence dates by the organization's age, if it does (see module doc).

    The age is counted from the year of the sentence's explicit date ("in 2024"), else from publication.
    """
    text = sent.text.lower()
    for pattern in _AGE[lang]:
        found = pattern.search(text)
        if found is None:
            continue
        age = _number(found.group(1))
        if age is None or not 1 <= age <= 200:
            continue
        dated = [t.when for t in times if t.explicit and t.when is not None and t.when.start is not None]
        ref = dated[0].start.year if dated and dated[0].start else (published.year if published else None)
        if ref is None:
            return None
        year = ref - age
        return When(dt.date(year, 1, 1), dt.date(year, 12, 31), Precision.YEAR, found.group(0))
    return None


#: Founding verbs that found something only when they describe an organization's name ("an alliance formed
#: in 1992"), not as a verb of their own ("formed a government", "former des soldats").
WEAK_FOUNDING = frozenset(["form", "former", "образовать", "образованный"])
#: Nouns of an organization that a founding participle may describe.
ALLIANCE_NOUNS: dict[str, frozenset[str]] = {
    "en": frozenset(["alliance", "bloc", "organization", "organisation", "union", "grouping", "pact", "treaty"]),
    "fr": frozenset(["alliance", "bloc", "organisation", "union", "pacte", "traité", "groupement"]),
    "ru": frozenset(["альянс", "блок", "организация", "союз", "договор", "объединение"]),
}
_AUX_EN = frozenset(["has", "have", "had", "was", "were", "is", "are", "been", "be", "being", "'s", "to"])


def founding_participle(sent: Sentence, i: int, mentions: Sequence[Mention]) -> bool:
    """Whether the founding word at ``i`` is a participle describing a noun before it ("an alliance formed in").

    By the parse where there is one (a past participle attached to a noun: not "un traité instituant une
    confédération", which founds it); else (English) a word in "-ed" after
    neither an auxiliary nor "to", with no organization named right after it as its object ("founded the AES").
    """
    toks = sent.tokens
    tok = toks[i]
    if tok.pos:
        return tok.has("VerbForm=Part") and not tok.has("Tense=Pres") and tok.dep.startswith(("acl", "amod"))
    if not tok.text.lower().endswith("ed") or i == 0 or toks[i - 1].text.lower() in _AUX_EN:
        return False
    after = toks[min(len(toks) - 1, i + 2)].end
    return not any(m.kind == "organization" and tok.end <= m.start <= after for m in mentions)


#: Verbs that found only the organization that is their passive subject: "Формат QUAD (…) был инициирован в 2007
#: году премьером Японии", "the Quad was initiated in 2007" — not "consultations must be initiated".
PATIENT_FOUNDING = frozenset(["initiate", "initiated", "initier", "initié", "initiée", "инициировать"])
_PASSIVE_AUX = frozenset(["was", "were", "été", "был", "была", "было", "были"])


def _organization_is_patient(sent: Sentence, i: int, mentions: Sequence[Mention]) -> bool:
    """Whether the verb at ``i`` is passive and its subject is (or is in apposition to) an organization's name."""
    toks = sent.tokens
    orgs = [m for m in mentions if m.kind == "organization"]
    if toks[i].head >= 0 or any(t.pos for t in toks):
        subjects = [j for j, t in enumerate(toks) if t.head == i and t.dep in ("nsubj:pass", "nsubjpass")]
        heads = subjects + [j for j, t in enumerate(toks) if t.head in subjects and t.dep in ("appos", "flat")]
        return any(m.start <= toks[j].start < m.end for j in heads for m in orgs)
    if i < 2 or toks[i - 1].text.lower() not in _PASSIVE_AUX:
        return False
    before = toks[i - 2] if toks[i - 2].text != ")" else None
    return before is not None and any(m.start <= before.start < m.end for m in orgs)


#: Words between "formed" and the organization it forms ("forming their own so-called Alliance", "ont formé une
#: autre organisation", "образовали свой новый союз").
_FORMED_GLUE = frozenset(
    {"a", "an", "the", "their", "its", "own", "new", "so", "-", "called", "so-called", "another", "joint"}
    | {"un", "une", "le", "la", "l'", "l’", "leur", "leurs", "son", "sa", "autre", "nouvelle", "nouveau", "propre"}
    | {"свой", "новый", "собственный", "—", "–", "(", ","}
)


def forms_organization(sent: Sentence, i: int, lang: str, mentions: Sequence[Mention]) -> bool:
    """Whether the active verb "form" at ``i`` has an organization as its object.

    "Last year, they withdrew from … the G5 …, forming their own so-called Alliance of Sahel States (AES)" (DW,
    2024-01-28), "Les trois pays … ont déjà formé une autre organisation - l'Alliance des États du Sahel (AES)"
    (PressAfrik, 2023-12-02): the object, after determiners and adjectives only, is an organization's name or
    an alliance noun. "Formed a government" or "formed a joint force" found no alliance.
    """
    return _formed(sent, i, lang, mentions)[0]


def formed_object(sent: Sentence, i: int, lang: str, mentions: Sequence[Mention]) -> Mention | None:
    """The organization the active "form" at ``i`` forms, when its name follows (see :func:`forms_organization`).

    "ont formé une autre organisation - l'Alliance des États du Sahel (AES)": the AES, named after the alliance
    noun, not the G5 Sahel the sentence named before.
    """
    toks = sent.tokens
    if toks[i].lemma not in WEAK_FOUNDING and toks[i].text.lower() not in WEAK_FOUNDING:
        return None
    return _formed(sent, i, lang, mentions)[1]


def _formed(sent: Sentence, i: int, lang: str, mentions: Sequence[Mention]) -> tuple[bool, Mention | None]:
    toks = sent.tokens
    orgs = [m for m in mentions if m.kind == "organization"]
    noun = False
    for t in toks[i + 1 : i + 10]:
        named = next((m for m in orgs if m.start <= t.start < m.end), None)
        if named is not None:
            return True, named
        if t.lemma in ALLIANCE_NOUNS[lang] or t.text.lower() in ALLIANCE_NOUNS[lang]:
            noun = True
        elif t.text.lower() not in _FORMED_GLUE and t.lemma not in _FORMED_GLUE:
            break
    return noun, None


def weak_founding_named(sent: Sentence, i: int, lang: str, mentions: Sequence[Mention]) -> bool:
    """Whether a weak founding verb at ``i`` (see :data:`WEAK_FOUNDING`) describes an organization's name.

    "a defense alliance formed in 1992", "the CSTO, formed in 1992", "блок, образованный в 1992 году".
    Other founding words are not checked here.
    """
    toks = sent.tokens
    if toks[i].lemma in PATIENT_FOUNDING or toks[i].text.lower() in PATIENT_FOUNDING:
        return _organization_is_patient(sent, i, mentions)
    if toks[i].lemma not in WEAK_FOUNDING and toks[i].text.lower() not in WEAK_FOUNDING:
        return True
    if not founding_participle(sent, i, mentions):
        return forms_organization(sent, i, lang, mentions)
    k = i - 1 if i and toks[i - 1].text != "," else i - 2
    if k < 0:
        return False
    prev = toks[k]
    return (
        prev.lemma in ALLIANCE_NOUNS[lang]
        or prev.text.lower() in ALLIANCE_NOUNS[lang]
        or any(m.kind == "organization" and m.start <= prev.start < m.end for m in mentions)
    )


_PACT_STEMS = {"en": ("treaty", "pact", "charter"), "fr": ("traité", "pacte", "charte"), "ru": ("договор", "хартия")}


def _founded_on(reading: SentenceReading, org: str, when: When) -> ExtractedEvent:
    """The founding of ``org`` on ``when``, told in the reading's sentence as fact (its actors the KB's founders)."""
    return make_event(
        T.FOUNDING,
        reading.sent,
        reading.doc_id,
        org=org,
        subject=None,
        target=None,
        mentions=(),
        when=when,
        modality=Modality.ASSERTED,
        gaz=reading.gaz,
        actors_override=(),
    )


def treaty_foundings(reading: SentenceReading) -> list[ExtractedEvent]:
    """The founding of an organization whose founding treaty the sentence tells signed on a date (module doc)."""
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    gaz = reading.gaz
    toks = sent.tokens
    out = []
    for m in mentions:
        words = m.text.lower().split()
        pact = m.ref in gaz.kb.treaties  # a pact without an organization of its own, named as itself
        if m.kind != "organization" or not (pact or any(w.startswith(_PACT_STEMS[lang]) for w in words)):
            continue
        k = _signed_after(toks, m.end, lang)
        if k is None:
            when = _signing_anniversary(reading, m)
        else:
            dated = [t for t in own_dates(sent, k, times, lang) if t.start > toks[k].start and t.explicit]
            when = next((t.when for t in dated if t.when is not None and t.when.start is not None), None)
        if when is None or when.start is None or when.end is None:
            continue
        lo, hi = when.start, when.end
        if not any(m.ref in (t.organization, t.id) and lo <= t.signed <= hi for t in gaz.kb.treaties.values()):
            continue  # not the treaty that founded it (or a date the knowledge base does not hold)
        out.append(_founded_on(reading, m.ref, when))
    return out


def _signing_anniversary(reading: SentenceReading, m: Mention) -> When | None:
    """The year a founding treaty was signed, counted back from an anniversary of its signing (decision 59).

    "Ежегодный саммит НАТО в честь 75-летия со дня подписания Североатлантического договора" (2024): the treaty
    was signed in 1949. A signing noun must stand right before the treaty's name.
    """
    toks = reading.sent.tokens
    k = next((j for j, t in enumerate(toks) if t.start >= m.start), None)
    if k is None or not any(_signing(t, reading.lang) for t in toks[max(0, k - 3) : k]):
        return None
    return founding_by_age(reading.sent, reading.lang, reading.times, reading.memory.published)


def reform_foundings(reading: SentenceReading) -> list[ExtractedEvent]:
    """An organization's new form founded on a date its founding treaty was signed.

    "Créée en septembre 2023, l'Alliance des Etats du Sahel a évolué vers une Confédération en juillet 2024": a
    verb of becoming a new form (:data:`casus.ingest.lexicon.REFORMING`) after the organization's name, dated by
    an explicit date that holds the signature of one of the organization's treaties in the knowledge base (the
    Confederation treaty, 6 July 2024), tells that treaty's founding of the organization, on that date. Only a
    sentence the prefilter lets through is read (the verbs are in it).
    """
    sent, lang, mentions, times, gaz = reading.sent, reading.lang, reading.mentions, reading.times, reading.gaz
    toks = sent.tokens
    k = next(
        (j for j, t in enumerate(toks) if t.lemma in lx.REFORMING[lang] or t.text.lower() in lx.REFORMING[lang]), None
    )
    orgs = [m for m in mentions if m.kind == "organization" and k is not None and m.end <= toks[k].start]
    if k is None or not orgs:
        return []
    org = orgs[-1].ref
    verb = toks[k].start
    for t in sorted(own_dates(sent, k, times, lang), key=lambda t: (t.start < verb, abs(t.start - verb))):
        w = t.when
        if not t.explicit or w is None or w.start is None or w.end is None:
            continue
        lo, hi = w.start, w.end
        if any(tr.organization == org and lo <= tr.signed <= hi for tr in gaz.kb.treaties.values()):
            return [_founded_on(reading, org, w)]
    return []


#: Tokens between a pact's name and the participle that tells it signed: "the Shusha Declaration … is a
#: declaration on allied relations signed between Azerbaijan and Turkey on June 15, 2021", "La « Déclaration
#: de Choucha … », de son nom complet, a été signée par les présidents … le 15 juin 2021". The signature date
#: must still be the knowledge base's.
_SIGNED_REACH = 30
#: Words that end the clause a pact's name is in (a signing after them is another's).
_CLAUSE_END = frozenset([";", "but", "mais", "но", "while", "tandis", "а", "and then"])


def _signed_after(toks: Sequence[Token], end: int, lang: str) -> int | None:
    """The first signing word after a pact's name (ending at offset ``end``) in the same clause, if near."""
    first = next((j for j, t in enumerate(toks) if t.start >= end), None)
    if first is None:
        return None
    for j in range(first, min(len(toks), first + _SIGNED_REACH)):
        if toks[j].text.lower() in _CLAUSE_END:
            return None
        if _signing(toks[j], lang):
            return j
    return None


def _signing(tok: Token, lang: str) -> bool:
    return tok.lemma in SIGNING[lang] or tok.text.lower() in SIGNING[lang]


#: Founding verbs whose object is what they found ("which established the AES", "créer une organisation").
_CREATING = frozenset(
    ["create", "establish", "found", "créer", "fonder", "instituer", "создать", "основать", "учредить"]
)
#: Nouns a founding verb may have as its object besides an organization's name.
_FOUNDABLE: dict[str, frozenset[str]] = {
    "en": ALLIANCE_NOUNS["en"] | PACT_NOUNS["en"] | {"confederation", "community"},
    "fr": ALLIANCE_NOUNS["fr"] | PACT_NOUNS["fr"] | {"confédération", "communauté"},
    "ru": ALLIANCE_NOUNS["ru"] | PACT_NOUNS["ru"] | {"конфедерация", "сообщество", "соглашение"},
}
#: Words that end an English verb's object ("established in 2017" has none; "create guarantees of" has one).
_OBJECT_END = frozenset(["of", "in", "on", "by", "for", "to", "with", "and", "at", "from", "as", "that", "which"])
#: Prepositions after which a founding participle says what something rests on: "основанные на договоре
#: отношения" (ru8-07), "fondée sur la confiance"; not a date ("founded on 4 April 1949").
_BASED_ON = {"fr": frozenset(["sur"]), "ru": frozenset(["на"]), "en": frozenset()}
#: Words before a founding noun that make it part of a document's title: "Договора о создании Союзного
#: государства", "«О создании Комитета…»" (ru8-10), "the Treaty on the Establishment of the Union State".
_TITLE_OF = frozenset(["о", "об", "on", "portant"])


def founds_nothing(sent: Sentence, i: int, lang: str, mentions: Sequence[Mention]) -> bool:
    """Whether the founding word at ``i`` founds no organization, whatever organization the sentence names.

    A founding verb with another object ("assist the DRC in establishing lasting peace", en6-06; "the treaty will
    … create guarantees of a peaceful life", en9-16; "failed to establish a decisive operational presence",
    en9-08), a state that "forms" (is part of) an organization in the present ("qui forment l'Alliance des Etats
    du Sahel", fr9-05), relations "based on" a treaty (ru8-07), a founding noun in a document's title (ru8-10).
    """
    toks = sent.tokens
    tok, nxt = toks[i], toks[i + 1].text.lower() if i + 1 < len(toks) else ""
    if tok.lemma in _CREATING and nxt in _BASED_ON.get(lang, ()):
        return True
    if tok.lemma in WEAK_FOUNDING and _constitutes(toks, i, lang):
        return True
    if tok.lemma in _FOUNDING_NOUNS or tok.lemma == "учреждение" or tok.text.lower() in _FOUNDING_NOUNS:
        return _in_title(toks, i, lang) or _other_object(toks, i, lang, mentions, noun=True)
    return tok.lemma in _CREATING and _other_object(toks, i, lang, mentions)


def _constitutes(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether "form" at ``i`` is a present-tense verb: states that form an organization are its members."""
    if lang == "en":
        return toks[i].text.lower() in ("form", "forms") and (i == 0 or toks[i - 1].text.lower() in ("that", "which"))
    return toks[i].has("Tense=Pres") and toks[i].has("VerbForm=Fin")


def _in_title(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the founding noun at ``i`` follows "о / on / portant" after a pact's name or a quotation mark."""
    k = i - 1
    if k >= 0 and toks[k].text.lower() in ("the", "la", "l'", "l’"):
        k -= 1
    if k < 1 or toks[k].text.lower() not in _TITLE_OF:
        return False
    before = toks[k - 1]
    return before.text in ("«", '"', "“") or before.lemma in PACT_NOUNS[lang] or before.text.lower() in PACT_NOUNS[lang]


def _other_object(toks: Sequence[Token], i: int, lang: str, mentions: Sequence[Mention], *, noun: bool = False) -> bool:
    """Whether the founding word at ``i`` has an object that is neither an organization nor a name nor a date.

    A verb's direct object; a noun's complement ("учреждение формата «СНГ+»", ru8-09: a format, not the CIS).
    """
    if noun and i > 0 and toks[i - 1].text.lower() in _ITS:
        return False  # "depuis sa création": the organization named before
    reach = toks[min(len(toks) - 1, i + 8)].start
    if any(m.kind == "organization" and toks[i].end <= m.start <= reach for m in mentions):
        return False  # "ont créé en septembre dernier l’Alliance des Etats du Sahel"
    if toks[i].pos:
        dep = "nmod" if noun else "obj"
        objects = [k for k, t in enumerate(toks) if k > i and t.head == i and t.dep.startswith(dep)]
        return bool(objects) and not any(_foundable(toks, k, lang, mentions) for k in objects)
    if noun and (i + 1 >= len(toks) or toks[i + 1].text.lower() != "of"):
        return False
    window = []
    for k in range(i + 1 + noun, min(len(toks), i + 6 + noun)):
        word = toks[k].text
        if word.lower() in _OBJECT_END or not (word[:1].isalnum() or word[:1] in "'\"«“‘"):
            break
        window.append(k)
    return bool(window) and not any(_foundable(toks, k, lang, mentions) for k in window)


def _foundable(toks: Sequence[Token], k: int, lang: str, mentions: Sequence[Mention]) -> bool:
    """Whether the word at ``k`` may be what a founding verb founds: a name, an alliance or pact noun, a number."""
    t = toks[k]
    named = any(m.start <= t.start < m.end and m.kind == "organization" for m in mentions)
    noun = t.lemma in _FOUNDABLE[lang] or t.text.lower() in _FOUNDABLE[lang]
    shaped = t.text[:1].isupper() or t.text[:1].isdigit() or t.pos == "PROPN" or t.text[:1] in "'\"«“‘"
    return named or noun or shaped
