"""Entity resolution: states, capitals as metonyms, organizations and office-holders → knowledge-base ids.

The gazetteer is built from the knowledge base itself, never from a parallel list of country names:

* states: :meth:`~casus.kb.states.StateRegistry.aliases` (pycountry names and translations in en, fr, ru,
  plus the curated short forms, demonyms and Russian case forms);
* capitals, as metonyms for governments ("Moscou a réfuté…"): :func:`casus.curated.states.load_capitals`;
* organizations: every curated organization's names and acronyms (OTSC, ОДКБ, OTAN…), and the names of its
  forces, missions and organs (:meth:`~casus.kb.organizations.Body.written_names`: "SAMIM", "ECOMOG",
  "КМС ОДКБ", "KFOR"), which act for it;
* treaties: every treaty's title, its parenthesised short name and the ``aliases`` its curated YAML lists
  (translations and city names: "the Tashkent treaty", "le traité de Washington",
  "Договор о коллективной безопасности"), resolved to the treaty's organization (``cst-1992`` → ``csto``) or,
  for a treaty without one, to the treaty id (``rio-1947``); "the treaty" / "le traité" / "договор" with no
  name after it refers to the article's main organization, like "the alliance";
* state institutions as metonyms for their state ("the foreign ministry in Tashkent", "le ministère arménien
  des Affaires étrangères", "МИД Армении", "the government"): :data:`casus.ingest.lexicon.INSTITUTIONS`,
  bound to the state named next to them (adjective, genitive, "of X", "in <capital>") or, alone, to the
  state last named;
* office-holders: each organization's :class:`~casus.kb.organizations.Officeholder` records, and a small
  sourced table of heads of state and government (``data/officeholders.csv``) for roles the knowledge base
  does not hold, so that "le Premier ministre arménien" resolves to Nikol Pashinyan on the date in question.
  A role whose holder the text does not name is marked :attr:`~casus.ingest.model.Mention.by_role` and is
  looked up again on the date of the event it acts in (:meth:`Gazetteer.holder_during`).

Russian is matched on pymorphy3 lemmas as well as on surface forms, so "Организации Договора о коллективной
безопасности" and "Казахстане" resolve whatever their case.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

from casus.ingest import lexicon as lx
from casus.ingest.model import Mention
from casus.ingest.nlp import Token
from casus.kb.dates import in_span
from casus.kb.knowledge import KnowledgeBase
from casus.kb.states import normalize

ROLES: dict[str, dict[str, str]] = {
    "en": {
        "secretary general": "secretary_general",
        "prime minister": "prime_minister",
        "president": "president",
        "foreign minister": "foreign_minister",
        "foreign affairs minister": "foreign_minister",
        "defence minister": "defence_minister",
        "defense minister": "defence_minister",
        "spokesman": "spokesperson",
        "spokeswoman": "spokesperson",
        "spokesperson": "spokesperson",
        "head of state": "president",
        "head of government": "prime_minister",
    },
    "fr": {
        "secretaire general": "secretary_general",
        "premier ministre": "prime_minister",
        "president": "president",
        "presidente": "president",
        "ministre des affaires etrangeres": "foreign_minister",
        "chef de la diplomatie": "foreign_minister",
        "ministre de la defense": "defence_minister",
        "porte parole": "spokesperson",
        "chef de l'etat": "president",
        "chef du gouvernement": "prime_minister",
    },
    "ru": {
        "генеральный секретарь": "secretary_general",
        "генсек": "secretary_general",
        "премьер министр": "prime_minister",
        "премьер": "prime_minister",
        "президент": "president",
        "министр иностранный дело": "foreign_minister",
        "глава мид": "foreign_minister",
        "министр оборона": "defence_minister",
        "пресс секретарь": "spokesperson",
        "официальный представитель": "spokesperson",
        "глава государство": "president",
        "глава правительство": "prime_minister",
        "председатель правительство": "prime_minister",
    },
}

#: Words that refer back to the article's main organization ("l'organisation", "the bloc", "альянс"), and to
#: its members as a group ("les alliés", "allies", "союзники").
GENERIC_ORG: dict[str, frozenset[str]] = {
    "en": frozenset({"alliance", "organization", "organisation", "bloc", "allies", "grouping", "association"}),
    "fr": frozenset({"alliance", "organisation", "bloc", "allies"}),
    "ru": frozenset({"альянс", "организация", "блок", "союзник", "объединение"}),
}

#: Seats of government used as metonyms for it, beside the capitals ("le Kremlin a indiqué").
SEATS: dict[str, str] = {
    "kremlin": "RUS",
    "кремль": "RUS",
    "white house": "USA",
    "maison blanche": "USA",
    "белый дом": "USA",
    "elysee": "FRA",
    "downing street": "GBR",
    "quai d'orsay": "FRA",
    "смоленская площадь": "RUS",
}

#: The longest name looked up, in tokens: an elision is a token of its own, so "Communauté économique des États
#: de l'Afrique de l'Ouest" (7 words) is 9.
_MAX_NGRAM = 10
_PAREN = re.compile(r"\s*\(.*?\)\s*")


@dataclass(frozen=True)
class Holder:
    """Someone who held a role for a state or an organization during a span."""

    scope: str
    role: str
    person: str
    start: dt.date | None
    end: dt.date | None
    source: str


def _russian_forms(name: str) -> list[str]:
    """Case forms of a Russian surname or name (Пашинян → Пашиняна, Пашиняну…), for matching."""
    last = name.split()[-1]
    if not re.search(r"[\u0400-\u04ff]", last):
        return [name]
    stem = name[:-1] if last.endswith(("а", "я")) else name
    if last.endswith("а"):
        endings = ["а", "ой", "у", "ы"]
    elif last.endswith("ий"):
        stem, endings = name[:-2], ["ий", "ого", "ому", "им", "ом"]
    else:
        endings = ["", "а", "у", "ым", "ом", "ем", "е"]  # "Вучичем", "Блинкеном"
    return [stem + e for e in endings]


@functools.cache
def load_officeholders() -> tuple[Holder, ...]:
    """The sourced table of heads of state and government and other roles (``data/officeholders.csv``)."""
    text = resources.files("casus.ingest").joinpath("data/officeholders.csv").read_text("utf-8")
    out = []
    for row in csv.DictReader(text.splitlines()):
        out.append(
            Holder(
                row["scope"],
                row["role"],
                row["person"],
                dt.date.fromisoformat(row["start"]) if row["start"] else None,
                dt.date.fromisoformat(row["end"]) if row["end"] else None,
                row["source"],
            )
        )
    return tuple(out)


@functools.cache
def _holder_aliases() -> dict[str, str]:
    text = resources.files("casus.ingest").joinpath("data/officeholders.csv").read_text("utf-8")
    out: dict[str, str] = {}
    for row in csv.DictReader(text.splitlines()):
        for alias in (row["person"], *row["aliases"].split("|")):
            if alias:
                for form in _russian_forms(alias):
                    out.setdefault(normalize(form), row["person"])
    return out


def _token_norm(word: str) -> str:
    """A token folded like :func:`~casus.kb.states.normalize`, keeping French elisions (``l'``, ``d'``)."""
    if not word[:1].isalnum():
        return ""
    low = word.lower().replace("’", "'")
    if low.endswith("'s") and len(low) > 3 and low.isascii():  # "Russia's foreign ministry"
        return normalize(word[:-2])
    if low.endswith("'"):
        return normalize(low[:-1] + "x")[:-1] + "'"
    return normalize(word)


def _join(parts: Sequence[str]) -> str:
    """Join folded tokens with spaces, except after an elision (``l'etat``)."""
    out = ""
    for p in parts:
        out += p if out.endswith("'") or not out else " " + p
    return out


def _heads(index: dict[str, tuple[str, str]]) -> frozenset[str]:
    """What a key's first token can be, so that other tokens are passed over at once.

    Each word prefix of a key (a token's norm may hold spaces: ``secretary general``, ``буркина фасо``), and
    each cut after an elision (``l'`` of ``l'otan``, which :func:`_join` glues).
    """
    heads: set[str] = set()
    for key in index:
        words = key.split(" ")
        for k in range(1, len(words) + 1):
            prefix = " ".join(words[:k])
            heads.add(prefix)
            if "'" in words[k - 1]:
                heads.add(" ".join([*words[: k - 1], words[k - 1][: words[k - 1].index("'") + 1]]))
    return frozenset(heads)


def _lemma_key(text: str) -> str:
    from casus.ingest.nlp import russian_lemma, simple_tokens

    return " ".join(normalize(russian_lemma(t.text)) for t in simple_tokens(text) if t.text[:1].isalnum())


class Gazetteer:
    """Name index over a knowledge base, for one process (see :func:`gazetteer`)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.index: dict[str, tuple[str, str]] = {}
        self.lemma_index: dict[str, tuple[str, str]] = {}
        self.holders: list[Holder] = list(load_officeholders())
        for alias, state_id in kb.states.aliases().items():
            self._add(alias, "state", state_id)
        from casus.curated.states import load_capitals

        for cap in load_capitals():
            self._add(normalize(cap.name), "capital", cap.state_id, overwrite=False)
        for seat, state_id in SEATS.items():
            if state_id in kb.states:
                self._add(seat, "capital", state_id, overwrite=False)
        for org in kb.organizations.values():
            if org.origin != "curated":
                continue
            for alias in org.aliases():
                self._add(normalize(alias), "organization", org.id, overwrite=True)
            for body in org.bodies:  # "SAMIM", "КМС ОДКБ": a force or organ acts for its organization
                for alias in body.written_names():
                    self._add(normalize(alias), "organization", org.id)
            for o in org.officeholders:
                self.holders.append(Holder(org.id, o.role, _PAREN.sub(" ", o.person).strip(), o.start, o.end, ""))
        for treaty in kb.treaties.values():
            if treaty.origin != "curated":
                continue
            scope = treaty.organization or treaty.id
            names = [
                treaty.title,
                _PAREN.sub(" ", treaty.title).strip(),
                *re.findall(r"\(([^)]+)\)", treaty.title),
                *treaty.aliases,
            ]
            for name in names:
                key = normalize(name)
                if key and key not in self.index:  # an organization's own name wins
                    self._add(key, "organization", scope)
        bearers: dict[str, set[str]] = {}
        for h in self.holders:
            bearers.setdefault(normalize(h.person.split()[-1]), set()).add(h.person)
        for h in self.holders:
            self._add(normalize(h.person), "person", h.person, overwrite=False)
            surname = normalize(h.person.split()[-1])
            if len(surname) >= 4 and len(bearers[surname]) == 1:  # not "Sargsyan": Tigran or Serzh?
                self._add(surname, "person", h.person, overwrite=False)
        for alias, person in _holder_aliases().items():
            self._add(alias, "person", person, overwrite=False)
        for lang, roles in ROLES.items():
            for phrase, role in roles.items():
                target = self.lemma_index if lang == "ru" else self.index
                target.setdefault(phrase, ("role", role))
        for lang, institutions in lx.INSTITUTIONS.items():
            for phrase in institutions:
                target = self.lemma_index if lang == "ru" else self.index
                target.setdefault(phrase, ("institution", phrase))
        self.max_len = min(_MAX_NGRAM, max(len(k.split()) + k.count("'") for k in self.index))
        # The first token of every entry: a token that starts none is passed over without trying every length.
        self.heads = _heads(self.index)
        self.lemma_heads = _heads(self.lemma_index)
        self.org_stems: dict[str, set[str]] = {}  # stem of a word of a known organization's name → org ids
        for key, (kind, ref) in self.index.items():
            if kind == "organization":
                for word in key.split():
                    if len(word) >= 2:
                        self.org_stems.setdefault(word[:7], set()).add(ref)

    def _add(self, key: str, kind: str, ref: str, *, overwrite: bool = False) -> None:
        if not key:
            return
        if overwrite or key not in self.index:
            self.index[key] = (kind, ref)
        if re.search(r"[\u0400-\u04ff]", key):
            lk = _lemma_key(key)
            if lk and (overwrite or lk not in self.lemma_index):
                self.lemma_index[lk] = (kind, ref)

    # ------------------------------------------------------------------ roles
    def holder(self, scope: str, role: str, on: dt.date | None) -> str | None:
        """Who held ``role`` for ``scope`` (state or organization id) on ``on`` (today when ``None``)."""
        day = on or dt.date.today()
        for h in self.holders:
            if h.scope == scope and h.role == role and in_span(day, h.start, h.end):
                return h.person
        return None

    def holder_during(self, scope: str, role: str, start: dt.date | None, end: dt.date | None) -> str | None:
        """Who held ``role`` for ``scope`` during ``start..end`` (inclusive): the holder in office longest then.

        An open start (an undated event, "on or before publication") means the holder on ``end``.

        >>> from casus.curated import load_kb
        >>> g = gazetteer(load_kb())
        >>> g.holder_during("RUS", "president", dt.date(2010, 1, 1), dt.date(2010, 12, 31))
        'Dmitry Medvedev'
        >>> g.holder_during("csto", "secretary_general", None, dt.date(2021, 5, 14))
        'Stanislav Zas'
        """
        if start is None or end is None:
            return self.holder(scope, role, end or start)
        best: tuple[int, str] | None = None
        for h in self.holders:
            if h.scope != scope or h.role != role:
                continue
            a = max(start, h.start or start)
            b = min(end, h.end - dt.timedelta(days=1) if h.end else end)
            days = (b - a).days + 1
            if days > 0 and (best is None or days >= best[0]):
                best = (days, h.person)
        return best[1] if best else None

    def roles_of(self, person: str, on: dt.date | None) -> Holder | None:
        """The role a known person held on ``on`` (today when the date is unknown), else the last one before it.

        An office taken only after ``on`` says nothing about whom the person spoke for then: Kaja Kallas
        was Estonia's prime minister in February 2022, not yet the EU's High Representative.
        """
        mine = [h for h in self.holders if h.person == person]
        day = on or dt.date.today()
        current = [h for h in mine if in_span(day, h.start, h.end)]
        if current:
            return current[-1]
        past = [h for h in mine if h.end is not None and h.end <= day]
        return max(past, key=lambda h: h.end or day) if past else None

    # ------------------------------------------------------------------ matching
    def find(
        self,
        tokens: Sequence[Token],
        lang: str,
        *,
        main_org: str | None = None,
        on: dt.date | None = None,
        persons: Sequence[tuple[int, int]] = (),
        text: str = "",
        acronyms: frozenset[str] = frozenset(),
    ) -> list[Mention]:
        """Mentions in a token sequence, longest match first, with roles bound to people and places.

        Args:
            tokens: Model-free tokens (:func:`casus.ingest.nlp.simple_tokens`) of a sentence.
            lang: ``en``, ``fr`` or ``ru``.
            main_org: The article's main organization, which "l'organisation", "the bloc", "альянс" refer to.
            on: Date office-holders are looked up on (events look a role up again on their own date).
            persons: Spans of person names found by NER.
            text: The document text (for surface forms).
            acronyms: Acronyms the article defines (see :mod:`casus.ingest.unknown`): an unknown
                organization named by one of them keeps that name.

        An institution with no state bound to it ("the ministry said", "МИД республики") gets the
        placeholder ref :data:`SOME_STATE`, which the pipeline replaces by the state last named.
        """
        from casus.ingest.nlp import russian_lemma

        norms = [_token_norm(t.text) for t in tokens]
        lemmas = [
            normalize(russian_lemma(t.text)) if lang == "ru" and n else n for t, n in zip(tokens, norms, strict=True)
        ]
        raw: list[_Raw] = []
        i, n = 0, len(tokens)
        while i < n:
            if not norms[i]:
                i += 1
                continue
            hit = self._match(tokens, norms, lemmas, i, lang)
            if lang == "fr" and i + 2 < n and (hit is None or hit.kind in ("role", "institution")):
                split = self._match_split(tokens, norms, i)
                if split is not None and (hit is None or split.j > hit.j):
                    hit = split
            if hit is None:
                hit = _unknown_org(tokens, i, lang, acronyms)
                if hit is not None and self._known_inside(tokens, norms, lemmas, hit, lang):
                    hit = None  # "Лидеры Альянса государств Сахеля …": the known name starts further on
                elif hit is not None and hit.j - hit.i > 1:
                    hit = _known_by_words(self, tokens, hit, lang)
            if hit is None:
                hit = _unknown_acronym(tokens, i, acronyms)
            if hit is None and main_org and (norms[i] in GENERIC_ORG[lang] or lemmas[i] in GENERIC_ORG[lang]):
                hit = _Raw(i, i + 1, "organization", main_org)
            if hit is None and main_org and _generic_treaty(tokens, norms, lemmas, i, lang):
                hit = _Raw(i, i + 1, "organization", main_org)
            if hit is None:
                i += 1
                continue
            raw.append(hit)
            i = hit.j
        raw = self._bind_institutions(raw, tokens, norms, lemmas, lang)
        return self._bind_roles(raw, tokens, lang, main_org, on, persons, text)

    def _match(
        self, tokens: Sequence[Token], norms: Sequence[str], lemmas: Sequence[str], i: int, lang: str
    ) -> _Raw | None:
        """The longest index entry starting at token ``i``."""
        if norms[i] not in self.heads and not (lang == "ru" and lemmas[i] in self.lemma_heads):
            return None
        n = len(tokens)
        for length in range(min(self.max_len, n - i), 0, -1):
            window = [x for x in norms[i : i + length] if x]
            if len(window) != length:
                continue
            key = _join(window)
            found = self.index.get(key)
            if found is None and lang == "ru":
                found = self.lemma_index.get(_join(lemmas[i : i + length]))
            if found is None:
                continue
            surface = tokens[i].text
            if length == 1 and len(key) <= 3 and found[0] not in ("role", "institution") and not surface.isupper():
                continue
            if length == 1 and key in lx.SHOUTED_WORDS.get(lang, ()) and _shouted(tokens, i):
                continue
            if found[0] == "state" and i + length < n and tokens[i + length].text.isdigit():
                continue  # "France 24", "Россия 24": a broadcaster
            return _Raw(i, i + length, *found)
        return None

    def _known_inside(
        self, tokens: Sequence[Token], norms: Sequence[str], lemmas: Sequence[str], hit: _Raw, lang: str
    ) -> bool:
        """Whether a known organization's name starts inside an unknown name found by shape (never swallow it)."""
        for k in range(hit.i + 1, hit.j):
            if not norms[k]:
                continue
            found = self._match(tokens, norms, lemmas, k, lang)
            if found is not None and found.kind == "organization":
                return True
        return False

    def _match_split(self, tokens: Sequence[Token], norms: Sequence[str], i: int) -> _Raw | None:
        """A French role or institution with the state adjective inside it.

        "le ministre arménien des Affaires étrangères", "le ministère russe de la Défense": the phrase without
        the adjective is a role or an institution, and the adjective names the state.
        """
        state = self.index.get(norms[i + 1])
        if state is None or state[0] != "state":
            return None
        n = len(tokens)
        for length in range(min(self.max_len, n - i - 1), 1, -1):
            window = [norms[i], *norms[i + 2 : i + 1 + length]]
            if not all(window):
                continue
            found = self.index.get(_join(window))
            if found is not None and found[0] in ("role", "institution"):
                return _Raw(i, i + 1 + length, found[0], found[1], state[1])
        return None

    def _bind_institutions(
        self,
        raw: list[_Raw],
        tokens: Sequence[Token],
        norms: Sequence[str],
        lemmas: Sequence[str],
        lang: str,
    ) -> list[_Raw]:
        """Turn each institution into a ``government`` mention of the state bound to it (or drop it)."""
        if not any(r.kind == "institution" for r in raw):
            return raw
        places = ("state", "capital")
        out: list[_Raw] = []
        skip: set[int] = set()
        for k, r in enumerate(raw):
            if k in skip:
                continue
            if r.kind != "institution":
                out.append(r)
                continue
            bare = lx.INSTITUTIONS[lang].get(r.ref, False)
            abroad = any(w in lx.ABROAD for w in r.ref.split())
            start, end, state = r.i, r.j, r.scope
            prev = out[-1] if out else None
            nxt = raw[k + 1] if k + 1 < len(raw) else None
            gap = [norms[x] or tokens[x].text for x in range(r.j, nxt.i)] if nxt is not None else []
            if state is None and prev is not None and prev.j == r.i and prev.kind in (*places, "government"):
                state, start = prev.ref, prev.i  # "the Armenian foreign ministry", "Russia's government"
                out.pop()
            elif state is None and r.i > 0 and norms[r.i - 1] in lx.POSSESSIVES:
                state = SOME_STATE  # "its foreign ministry", "son gouvernement"
            at = nxt is not None and nxt.kind in places and len(gap) == 1 and gap[0] in {"in", "a", "в", "во"}
            if at and abroad and nxt is not None:  # "the (US) embassy in Moscow": Moscow is its host, not its state
                skip.add(k + 1)
                end = nxt.j
            elif state is None and nxt is not None and nxt.kind in places:
                of = {"of", "de", "d'", "du", "the", "l'", "la"}
                if not gap or (gap[0] in {"of", "de", "d'", "du"} and set(gap) <= of and len(gap) <= 2) or at:
                    skip.add(k + 1)  # "le gouvernement arménien", "МИД Армении", "of Armenia", "in Tashkent"
                    state, end = nxt.ref, nxt.j
            if state is None and r.j < len(tokens):
                after = {norms[r.j], lemmas[r.j]}
                if after & (lx.COUNTRY_WORDS | _REPUBLIC) or (
                    norms[r.j] in {"of", "du"} and r.j + 2 < len(tokens) and norms[r.j + 2] in lx.COUNTRY_WORDS
                ):
                    state = SOME_STATE  # "МИД республики", "of the country", "du pays"
            if state is None and bare:
                state = SOME_STATE
            if state is not None:
                out.append(_Raw(start, end, "government", state))
        return out

    def _held(self, start: int, end: int, surface: str, ref: str, on: dt.date | None) -> Mention:
        """A person mention, with the office the person held on ``on`` when the knowledge base has one."""
        h = self.roles_of(ref, on)
        return Mention(
            start,
            end,
            surface,
            "person",
            ref,
            state=h.scope if h and h.scope.isupper() else None,
            organization=h.scope if h and not h.scope.isupper() else None,
            role=h.role if h else None,
        )

    def _bind_roles(
        self,
        raw: list[_Raw],
        tokens: Sequence[Token],
        lang: str,
        main_org: str | None,
        on: dt.date | None,
        persons: Sequence[tuple[int, int]],
        text: str,
    ) -> list[Mention]:
        out: list[Mention] = []
        used: set[int] = set()
        for k, r in enumerate(raw):
            if k in used:
                continue
            s, e = tokens[r.i].start, tokens[r.j - 1].end
            if r.kind == "person":
                out.append(self._held(s, e, text[s:e] if text else "", r.ref, on))
            elif r.kind != "role":
                out.append(Mention(s, e, text[s:e] if text else "", r.kind, r.ref))
            elif (m := self._role_mention(k, raw, used, out, tokens, lang, main_org, on, persons, text)) is not None:
                out.append(m)
        taken = [(m.start, m.end) for m in out]
        for ps, pe in persons:  # names found by NER that no gazetteer hit covers
            if not any(ps < te and ts < pe for ts, te in taken):
                name = text[ps:pe] if text else ""
                entry = self.index.get(normalize(name))
                pref = entry[1] if entry and entry[0] == "person" else name
                out.append(self._held(ps, pe, name, pref, on) if entry else Mention(ps, pe, name, "person", pref))
        return sorted(out, key=lambda m: m.start)

    def _role_mention(
        self,
        k: int,
        raw: list[_Raw],
        used: set[int],
        out: list[Mention],
        tokens: Sequence[Token],
        lang: str,
        main_org: str | None,
        on: dt.date | None,
        persons: Sequence[tuple[int, int]],
        text: str,
    ) -> Mention | None:
        """A role (``raw[k]``) with its state or organization and its holder's name nearby; ``None`` when neither.

        Marks the raw hits it absorbs in ``used`` (and takes back a scope already put in ``out``).
        """
        scopes = ("state", "organization", "capital", "government")
        r = raw[k]
        i, j, ref = r.i, r.j, r.ref
        scope_kind: str | None = None
        scope: str | None = None
        person: str | None = None
        last, first = j, i
        if r.scope is not None:  # "le ministre arménien des Affaires étrangères"
            scope_kind, scope = "state", r.scope
        for m in range(k - 1, max(-1, k - 2), -1):  # "Armenian Prime Minister", "le ministre russe"
            p = raw[m]
            if scope is None and p.j == i and p.kind in scopes and m not in used:
                scope_kind, scope = ("organization" if p.kind == "organization" else "state"), p.ref
                used.add(m)
                if out and out[-1].start == tokens[p.i].start:
                    out.pop()
                first = p.i
                break
        for m in range(k + 1, min(len(raw), k + 4)):
            p = raw[m]
            if p.i - last > 3:
                break
            if p.kind in scopes and scope in (None, SOME_STATE):  # "a ministry spokeswoman in Yerevan"
                scope_kind, scope = ("organization" if p.kind == "organization" else "state"), p.ref
                used.add(m)
                last = p.j
            elif p.kind == "person":
                person = p.ref
                used.add(m)
                last = p.j
                break
            else:
                break
        if scope is None and ref == "secretary_general" and main_org:
            scope = main_org
        if person is None:
            person, last = _name_after(tokens, last, persons, text, lang)
        named = person is not None
        canonical = self.holder(scope, ref, on) if scope is not None else None
        if canonical is not None and (person is None or person not in {h.person for h in self.holders}):
            person = canonical  # the role says who: "Генеральный секретарь ОДКБ Имангали Тасмагамбетов"
        if person is not None and scope is None:
            h = self.roles_of(person, on)
            if h is not None:
                scope, scope_kind = h.scope, ("state" if h.scope.isupper() else "organization")
        if person is None and scope is None:  # "— написал премьер": the last person named who holds it (pipeline)
            s, e = tokens[first].start, tokens[last - 1].end
            return Mention(s, e, text[s:e] if text else "", "person", f"{ROLE_ONLY}{ref}", role=ref)
        known = self.roles_of(person, on) if person else None
        role = known.role if known and known.person == person else ref
        s, e = tokens[first].start, tokens[last - 1].end
        is_state = scope is not None and scope_kind != "organization" and (scope.isupper() or scope == SOME_STATE)
        return Mention(
            s,
            e,
            text[s:e] if text else "",
            "person",
            person or f"{ref} of {scope or '?'}",
            state=scope if is_state else None,
            organization=scope if scope and not is_state else None,
            role=role,
            by_role=not named and scope is not None,
        )


def _name_after(
    tokens: Sequence[Token], last: int, persons: Sequence[tuple[int, int]], text: str, lang: str
) -> tuple[str | None, int]:
    """A holder's name right after a role ending at token ``last``, and the token after it.

    A name NER found within three characters, else (English, French) two or three capitalised words.
    """
    for ps, pe in persons:
        if 0 <= ps - tokens[last - 1].end <= 3:
            last = next((x + 1 for x, t in enumerate(tokens) if t.end == pe), last)
            if text:
                return text[ps:pe], last
            break
    if lang in ("en", "fr"):
        caps = [t for t in tokens[last : last + 3] if t.text[:1].isupper() and t.text.isalpha()]
        if caps and caps[0] is tokens[last] and len(caps) >= 2:
            return " ".join(t.text for t in caps[:3]), last + len(caps[:3])
    return None, last


#: The ref prefix of a role named alone, with neither state nor holder ("the president said", "— написал
#: премьер"): the pipeline puts the last person named who holds that role in its place, or drops it.
ROLE_ONLY = "@role:"

#: The ref of an institution no state is bound to ("the ministry said"): the pipeline replaces it by the state
#: named last before it.
SOME_STATE = "@state"

_REPUBLIC = frozenset(["republique", "republic", "республика"])


def _shouted(tokens: Sequence[Token], i: int) -> bool:
    """Whether the words either side of token ``i`` are written in capitals too (a headline in capitals)."""
    near = [t.text for t in (*tokens[max(0, i - 1) : i], *tokens[i + 1 : i + 2]) if any(c.isalpha() for c in t.text)]
    return bool(near) and all(w.isupper() and len(w) > 2 for w in near)


@dataclass(frozen=True)
class _Raw:
    """A gazetteer hit: tokens ``i`` to ``j`` (exclusive), its kind and ref, and a state bound inside it."""

    i: int
    j: int
    kind: str
    ref: str
    scope: str | None = None


def _unknown_org(tokens: Sequence[Token], i: int, lang: str, acronyms: frozenset[str]) -> _Raw | None:
    """An organization the knowledge base does not know, kept under its name (:mod:`casus.ingest.unknown`)."""
    from casus.ingest import unknown

    named = unknown.name_at(tokens, i, lang)
    if named is not None:
        return _Raw(i, named[0], "organization", unknown.unknown_ref(named[1]))
    return None


def _known_by_words(gaz: Gazetteer, tokens: Sequence[Token], hit: _Raw, lang: str) -> _Raw:
    """A name whose every capitalised word belongs to one known organization's names is that organization.

    "Североатлантического альянса" is NATO, whose names include "Организация Североатлантического договора".
    Short words and the acronym the name defines count too: "East African Community (EAC)" and "African
    Union (AU)" share only "African" with ECOWAS's names, and are not ECOWAS.
    """
    from casus.ingest import unknown

    words = [
        normalize(t.text)
        for t in tokens[hit.i : hit.j]
        if t.text[:1].isupper() and not t.text.lower().startswith(unknown.HEADS[lang]) and len(t.text) >= 2
    ]
    owners = [gaz.org_stems.get(w[:7], set()) for w in words]
    common = set.intersection(*owners) if owners and all(owners) else set()
    if len(common) > 1:  # "Sahel Alliance": the AES and the G5 Sahel share "Sahel"; only the AES is an alliance
        common = {ref for ref in common if _same_head(gaz, tokens[hit.i : hit.j], ref, lang, strict=True)}
    if len(common) == 1 and _same_head(gaz, tokens[hit.i : hit.j], next(iter(common)), lang):
        return _Raw(hit.i, hit.j, "organization", common.pop())
    return hit


def _same_head(gaz: Gazetteer, tokens: Sequence[Token], ref: str, lang: str, *, strict: bool = False) -> bool:
    """Whether the name's head noun is in the known organization's names, or is an alliance (any bloc's).

    "African Union" shares "African" with ECOWAS's names but is a union, not a community. With ``strict``,
    an alliance must be one by its names too (to choose between organizations sharing the other words).
    """
    from casus.ingest import unknown

    heads = [normalize(t.text)[:5] for t in tokens if t.text.lower().startswith(unknown.HEADS[lang])]
    if not heads or (not strict and any(h.startswith(("allia", "альян")) for h in heads)):
        return True
    words = {w[:5] for key, (kind, r) in gaz.index.items() if r == ref and kind == "organization" for w in key.split()}
    return all(h in words for h in heads)


def _unknown_acronym(tokens: Sequence[Token], i: int, acronyms: frozenset[str]) -> _Raw | None:
    from casus.ingest import unknown

    short = unknown.acronym_at(tokens, i, acronyms)
    return _Raw(i, i + 1, "organization", unknown.unknown_ref(short)) if short else None


def _generic_treaty(tokens: Sequence[Token], norms: Sequence[str], lemmas: Sequence[str], i: int, lang: str) -> bool:
    """Whether token ``i`` is "the treaty" / "le traité" / "договор" with no name after it."""
    if lemmas[i] not in lx.TREATY_WORDS[lang] and norms[i] not in lx.TREATY_WORDS[lang]:
        return False
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and (nxt.text.lower() in lx.TREATY_NAMED_AFTER or nxt.text[:1].isupper()):
        return False  # "the treaty on conventional forces", "le traité de Lisbonne", "договор о ..."
    if lang == "ru":
        return i == 0 or not _is_adjective(tokens[i - 1].text)  # not "новый договор", "двусторонний договор"
    prev = tokens[i - 1].text.lower() if i > 0 else ""
    return prev in {"the", "this", "le", "ce", "du", "au"}  # not "the INF treaty", "un traité"


@functools.lru_cache(maxsize=4096)
def _is_adjective(word: str) -> bool:
    from casus.ingest.nlp import morph

    parses = morph().parse(word)
    return bool(parses) and str(parses[0].tag).startswith(("ADJF", "PRTF"))


_CACHE: dict[int, Gazetteer] = {}


def gazetteer(kb: KnowledgeBase) -> Gazetteer:
    """The gazetteer of a knowledge base, built once per process and knowledge base."""
    found = _CACHE.get(id(kb))
    if found is None or found.kb is not kb:
        found = _CACHE[id(kb)] = Gazetteer(kb)
    return found
