"""Organizations the knowledge base does not know, kept under their own name.

The gazetteer resolves every organization the knowledge base holds (its names and acronyms in en, fr and
ru), so a new curated organization is picked up without code. An organization it does not hold ("the
Economic Community of West African States (ECOWAS)", "l'Alliance des Etats du Sahel", "Шанхайской
организации сотрудничества (ШОС)") must not be folded into the article's main one: it is kept as an
*unknown organization* whose ref is :data:`~casus.ingest.model.UNKNOWN_ORG` plus its name, so that "Mali
left ECOWAS" is never read as "Mali left the CSTO", and a reviewer sees the name.

Found by shape, not from a list: a capitalised name whose head is an organization noun (Organization,
Community, Alliance, Union, Pact, League; Organisation, Communauté…; организация, сообщество, альянс,
союз, пакт), and an acronym in brackets after such a name, which then names it for the whole article. A
bare acronym no name defines counts only next to a membership word ("membership in the SCO", "quitter la
CEDEAO", "выйти из ЭКОВАС") or an organization noun ("l'organisation ouest-africaine CEDEAO").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from typing import Any

from casus.ingest.model import UNKNOWN_ORG, Mention
from casus.ingest.nlp import Token

#: Head nouns of organization names (lower-case prefixes, so that Russian case forms match).
HEADS: dict[str, tuple[str, ...]] = {
    "en": ("organization", "organisation", "community", "alliance", "union", "pact", "league"),
    "fr": ("organisation", "communauté", "communaute", "alliance", "union", "pacte", "ligue"),
    "ru": ("организац", "сообществ", "альянс", "союз", "пакт", "лиг"),
}

#: Lower-case words allowed inside a name ("Economic Community of West African States").
_GLUE: dict[str, frozenset[str]] = {
    "en": frozenset(["of", "for", "the", "and", "on"]),
    "fr": frozenset(["de", "des", "du", "d'", "d’", "la", "le", "l'", "l’", "pour", "et"]),
    "ru": frozenset(["и", "по", "стран"]),
}

#: Words that open a sentence in capitals but never a name: "В организацию входят шесть государств" (ru9-03).
_OPENING: dict[str, frozenset[str]] = {
    "en": frozenset(["in", "at", "to", "by", "from", "with", "as"]),
    "fr": frozenset(["en", "dans", "à", "au", "aux", "par", "avec", "sur"]),
    "ru": frozenset(["в", "во", "на", "с", "со", "к", "о", "об", "из", "за", "от", "для", "при"]),
}

#: Prefixes of words that make a bare acronym after them an organization being joined or left.
_CONTEXT = (
    "member",
    "join",
    "leav",
    "left",
    "quit",
    "withdr",
    "exit",
    "rejoin",
    "admit",
    "membr",
    "adhé",
    "adhe",
    "rejoi",
    "quitt",
    "retra",
    "sorti",
    "réint",
    "organ",
    "bloc",
    "член",
    "вступ",
    "выш",
    "выйт",
    "выход",
    "покин",
    "соста",
    "организ",
    "блок",
)

#: Words between a membership word and the acronym it governs ("left the …", "membership in the …").
_SKIP = frozenset(
    ["the", "a", "of", "from", "in", "to", "into", "la", "le", "l'", "l’", "de", "du", "des", "d'", "à", "au",
     "из", "в", "во", "с", "от", "к", "ouest-africaine", "régionale", "regional"]
)  # fmt: skip

_TREATY = ("treaty", "pact", "agreement", "accord", "traité", "pacte", "договор", "соглашени")

_ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё]{1,7}$")


#: A group named by a letter and its number of members ("G5 Sahel", "le G5").
_NUMBERED = re.compile(r"^G\d{1,2}$")


def _is_acronym(word: str) -> bool:
    if _NUMBERED.match(word):
        return True
    return bool(_ACRONYM.match(word)) and sum(ch.isupper() for ch in word) >= 2 and len(word) >= 3


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


def _oblique_nominal(word: str) -> bool:
    """Whether a Russian word can continue a name after its head: a noun or adjective not in the nominative.

    "Альянс государств Сахеля", "организации сотрудничества" go on; "подписали", "в", "новые" do not.
    """
    from casus.ingest.nlp import morph

    tag = morph().parse(word)[0].tag
    return tag.POS in ("NOUN", "ADJF") and tag.case not in (None, "nomn")


def name_at(tokens: Sequence[Token], i: int, lang: str) -> tuple[int, str] | None:
    """An organization name starting at token ``i``: ``(end token, name)``, or ``None``.

    >>> from casus.ingest.nlp import simple_tokens
    >>> toks = simple_tokens("the Economic Community of West African States (ECOWAS) said")
    >>> name_at(toks, 1, "en")
    (10, 'ECOWAS')
    >>> name_at(simple_tokens("l'Alliance des Etats du Sahel, créée"), 1, "fr")
    (6, 'Alliance des Etats du Sahel')
    >>> name_at(simple_tokens("Лидеры Союза государств Сахеля подписали в Бамако новые протоколы"), 1, "ru")
    (4, 'Союз государств Сахеля')

    A Russian name is given in the nominative: its head noun and the adjectives before it, never the words after.
    """
    heads, glue = HEADS[lang], _GLUE[lang]
    if not _capitalised(tokens[i].text) or tokens[i].text.lower() in glue | _OPENING[lang]:
        return None
    j, seen_head, last_cap = i, False, i
    while j < len(tokens) and j - i < 9:
        word = tokens[j].text
        low = word.lower()
        if low.startswith(heads) and (lang == "ru" or _capitalised(word)):
            seen_head = True  # a lower-case head is a common noun: "chefs d'État de l'organisation"
            last_cap = j
        elif _capitalised(word) and word.isalpha():
            last_cap = j
        elif lang == "ru" and seen_head and word.isalpha() and low not in glue and _oblique_nominal(low):
            last_cap = j  # "организации сотрудничества": lower-case genitive after the head, never "подписали"
        elif low not in glue:
            break
        j += 1
    end = _before_force(tokens, i, last_cap + 1)
    if not seen_head or end - i < 2:
        return None
    words = [t.text for t in tokens[i:end]]
    if lang == "ru":
        words = nominative(words)
    name = " ".join(words).replace("' ", "'").replace("’ ", "’")
    if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text == ")":
        short = tokens[end + 1].text
        if short[:1].isupper() and short.isalpha() and 2 < len(short) <= 8:
            return end + 3, short
    return end, name


#: English nouns of an organization's force or mission after its name ("East African Community Regional Force").
_FORCES = frozenset(["force", "forces", "mission", "brigade"])
#: Words that may stand between the name and the force noun.
_FORCE_WORDS = frozenset(
    ["regional", "standby", "joint", "rapid", "reaction", "peacekeeping", "military", "collective"]
)


def _before_force(tokens: Sequence[Token], i: int, end: int) -> int:
    """The end of a name before the force or mission it leads ("East African Community | Regional Force").

    The force of an unknown organization is that organization, as "the ECOWAS Standby Force" is ECOWAS.
    """
    for k in range(i + 2, end):
        if tokens[k].text.lower() in _FORCES:
            cut = k
            while cut > i and tokens[cut - 1].text.lower() in _FORCE_WORDS:
                cut -= 1
            return cut
    return end


def long_names(mentions: Sequence[tuple[str, str]], lang: str) -> dict[str, str]:
    """Unknown refs of long names the article defines an acronym for, mapped to the acronym's ref.

    ``mentions`` are ``(text, ref)`` pairs of organization mentions; "East African Community (EAC)" kept
    as ``unknown:EAC`` makes a later "the East African Community" the same organization.
    """
    from casus.ingest.nlp import simple_tokens

    out: dict[str, str] = {}
    for text, ref in mentions:
        if not ref.startswith(UNKNOWN_ORG) or "(" not in text:
            continue
        named = name_at(simple_tokens(text.split("(")[0].strip()), 0, lang)
        if named is not None and unknown_ref(named[1]) != ref:
            out[unknown_ref(named[1])] = ref
    return out


def known_by_acronym(mentions: Sequence[Mention], text: str) -> dict[str, str]:
    """Unknown acronyms an article defines for a known organization or one of its forces, mapped to its ref.

    "La force en attente de la Cédéao (FAC)" makes every "FAC" of the article ECOWAS: an acronym in
    brackets right after a known organization's name is that organization's, whatever the knowledge base
    calls it.
    """
    out: dict[str, str] = {}
    for before, after in itertools.pairwise(mentions):
        if before.kind != "organization" or after.kind != "organization" or before.ref.startswith((UNKNOWN_ORG, "@")):
            continue  # an unknown name, or a generic word ("l'organisation") standing for the article's organization
        if after.ref == unknown_ref(after.text) and _BRACKET.fullmatch(text[before.end : after.start]):
            out[after.ref] = before.ref
    return out


_BRACKET = re.compile(r"\s*[(\[]\s*")


def nominative(words: Sequence[str]) -> list[str]:
    """A Russian name in the nominative: its head noun and the adjectives before it; the rest stays as written.

    An unknown organization is kept under one name whatever case the sentence put it in, so that
    "Восточноафриканского сообщества" and "Восточноафриканское сообщество" are one organization.

    >>> nominative(["Восточноафриканского", "сообщества"])
    ['Восточноафриканское', 'сообщество']
    >>> nominative(["Союза", "государств", "Сахеля"])
    ['Союз', 'государств', 'Сахеля']
    """
    from casus.ingest.nlp import morph

    head = next((k for k, w in enumerate(words) if w.lower().startswith(HEADS["ru"])), None)
    if head is None:
        return list(words)
    nouns = [p for p in morph().parse(words[head].lower()) if p.tag.POS == "NOUN"]
    if not nouns:
        return list(words)
    noun = next((p for p in nouns if p.tag.number == "sing"), nouns[0])
    number = noun.tag.number or "sing"
    out = list(words)
    out[head] = _inflected(words[head], noun, {"nomn", number})
    grammemes = {"nomn", number} | ({noun.tag.gender} if number == "sing" and noun.tag.gender else set())
    for k in range(head):
        adjs = [p for p in morph().parse(words[k].lower()) if p.tag.POS == "ADJF"]
        if adjs:
            out[k] = _inflected(words[k], adjs[0], grammemes)
    return out


def _inflected(word: str, parse: Any, grammemes: set[str]) -> str:
    """``word`` put in ``grammemes``, with its first letter's case kept (as written when it cannot be)."""
    form = parse.inflect(grammemes)
    if form is None:
        return word
    new = str(form.word)
    return new[:1].upper() + new[1:] if word[:1].isupper() else new


def acronym_at(tokens: Sequence[Token], i: int, known: frozenset[str]) -> str | None:
    """A bare acronym at ``i`` that names an organization.

    One defined in the article, or one right after a membership word or an organization noun.
    """
    word = tokens[i].text
    if not _is_acronym(word):
        return None
    if i + 1 < len(tokens) and tokens[i + 1].text.lower().startswith(_TREATY):
        return None  # "the INF treaty": a treaty's name, not an organization
    if word in known:
        return word
    k = i - 1
    while k >= 0 and tokens[k].text.lower() in _SKIP:
        k -= 1
    return word if k >= 0 and tokens[k].text.lower().startswith(_CONTEXT) else None


def unknown_ref(name: str) -> str:
    """The ref an unknown organization is kept under."""
    return f"{UNKNOWN_ORG}{name}"


def defined_acronyms(text: str) -> frozenset[str]:
    """Acronyms an article defines or uses once as an organization's: they name it everywhere in the article.

    Defined in brackets after a name ("… Organisation (SCO)", "(ЭКОВАС)"), or used next to a membership
    word ("withdrawal from the G5 Sahel").
    """
    from casus.ingest.nlp import simple_tokens

    defined = {m.group(1) for m in re.finditer(r"\(([A-ZА-ЯЁ][A-Za-zА-Яа-яЁё]{2,7})\)", text)}
    tokens = simple_tokens(text)
    used = {tokens[i].text for i in range(len(tokens)) if acronym_at(tokens, i, frozenset())}
    return frozenset(defined | used)
