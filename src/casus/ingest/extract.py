"""Event extraction: rules over parsed sentences, per language.

For each sentence a cheap prefilter lets through (see :func:`casus.ingest.lexicon.prefilter`):

1. triggers are found on lemmas (:mod:`casus.ingest.lexicon`), with their conditions;
2. verbs of saying make a ``statement`` by their subject, and what was said becomes its *claim*: triggers
   inside a claim are not facts. The only exception is an act its own actor reports ("Pashinyan said Armenia
   has frozen its participation"), kept with modality ``reported``;
3. each event gets its actors (the dependency subject where a parse exists, else the nearest preceding
   non-oblique mention; "il/he/он" stands for the last person named), its organization, its target (a
   mention after "à/contre/to/against/в/против…"), its date (the closest date expression, explicit dates
   first; "dans le même temps" takes the previous one; none → "on or before publication"), its modality
   (negation, conditional mood, modal verbs, "if/si/если", future) and a confidence.

Worked example (the article of ``../shared/examples/``): "le Premier ministre arménien Nikol Pashinyan a
temporairement retiré la participation de son pays à l'organisation plus tôt cette année et a même envisagé
de quitter complètement l'OTSC" gives a ``suspension`` ("retirer" + "temporairement") and a
``consideration_of_withdrawal`` ("envisager" + "quitter"), both by ARM (Pashinyan), CSTO, dated
2024-01-01…2024-06-25.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from casus.ingest import lexicon as lx
from casus.ingest.entities import GENERIC_ORG, ROLES, Gazetteer
from casus.ingest.invocations import article_words, needs_met
from casus.ingest.model import UNKNOWN_ORG, Evidence, ExtractedEvent, Mention, Modality, Precision, When
from casus.ingest.nlp import Sentence, Token
from casus.ingest.suspensions import suspends_state
from casus.ingest.temporal import TimeExpression, undated
from casus.kb.events import EventType as T

_SUBJ = ("nsubj", "nsubj:pass", "nsubjpass")
_DETERMINERS = {"l'", "l’", "la", "le", "les", "the", "its", "their", "his", "her", "son", "sa", "ses", "leur"}
_CLAUSE_BREAK = {
    ".",  # a sentence inside a quotation: "“I convened a meeting this morning. The Estonian Government decided…”"
    "!",
    "?",
    "que",
    "qu'",
    "qu’",
    "that",
    "что",
    "чтобы",
    "qui",
    "which",
    "who",
    "который",
    ";",
    ":",
    "but",
    "mais",
    "но",
    "however",
    "cependant",
    "однако",
    "after",
    "when",
    "because",
    "while",
    "although",
    "lorsque",
    "quand",
    "puisque",
    "parce",
    "когда",
    "хотя",
    "если",
    "if",
    "si",
}


@dataclass
class Discourse:
    """What earlier sentences said that later ones refer back to."""

    main_org: str | None
    published: dt.date | None
    last_person: Mention | None = None
    last_state: Mention | None = None
    last_named_state: Mention | None = None  # by its name, not an adjective ("l'Estonie", not "russes")
    last_list: tuple[str, ...] = ()  # the last sentence naming several states ("le Mali, le Burkina Faso et le Niger")
    last_member: Mention | None = None  # the last state named that joined or applied ("Finland will join NATO")
    last_when: When | None = None
    last_statement: tuple[tuple[str, ...], When] | None = None
    events: list[ExtractedEvent] = field(default_factory=list)
    neighbour_when: When | None = None  # an explicit date in the sentence before or after, same paragraph
    neighbour_future: When | None = None  # its forward resolution ("27 November" next, not last, November)
    article_before: bool = False  # the sentence before named a treaty article ("Article 4 allows…")


@dataclass(frozen=True)
class SentenceReading:
    """One parsed sentence with all that its readers need to find its events.

    Every sentence reader (``sentence_events``, ``roster_event``, ``pact_events``, ``absence_events``…) takes
    one of these rather than the same seven arguments. A caller that reads the sentence with other mentions
    passes ``dataclasses.replace(reading, mentions=…)``.

    Attributes:
        sent: The parsed sentence (tokens, offsets in the document).
        lang: Its language: ``"fr"``, ``"en"`` or ``"ru"``.
        mentions: The states, organizations and people named in it, settled against the gazetteer.
        times: The date expressions inside it.
        memory: What earlier sentences said (mutable: readers record the statements and dates they take).
        doc_id: The document the events are drawn from.
        gaz: The gazetteer that names and dates the entities.
    """

    sent: Sentence
    lang: str
    mentions: Sequence[Mention]
    times: Sequence[TimeExpression]
    memory: Discourse
    doc_id: str
    gaz: Gazetteer


@dataclass(frozen=True)
class _Trigger:
    index: int
    rule: lx.TriggerRule
    type: T
    end: bool = False  # the end of a deployment: forces withdrawn
    place: bool = False  # left a place: the end of a deployment only if an organization left it
    stage: str | None = None  # a phase the trigger itself names ("ratified", "rejoined")
    member: Mention | None = None  # the state an organization suspends ("the CSTO suspends Uzbekistan")


def _lemmas(tokens: Sequence[Token], a: int, b: int) -> set[str]:
    return {t.lemma for t in tokens[max(0, a) : max(0, b)]}


#: Russian verbs whose noun stands in the instrumental ("стать членом", "перестать быть членом").
_PREDICATIVE = frozenset(["стать", "перестать"])


def _not_predicative(tok: Token, rule: lx.TriggerRule) -> bool:
    """Whether a Russian noun that needs "стать" is not in the instrumental "стать" governs ("стать членом")."""
    return bool(rule.needs & _PREDICATIVE) and "Case=" in tok.feats and not tok.has("Case=Ins")


def _rules_for(toks: Sequence[Token], i: int, lang: str) -> tuple[lx.TriggerRule, ...]:
    """Rules whose lemma is the token's (or, for a French form the lemmatizer left alone, whose stem it has).

    "sollicité" tagged as a noun keeps its form as lemma; it still starts with "sollicit" (``solliciter``).
    """
    tok = toks[i]
    table = lx.rules_by_lemma(lang)
    found = table.get(tok.lemma)
    if found is None and lang == "fr" and tok.lemma == tok.text.lower() and len(tok.text) > 5 and _verbal(toks, i):
        for stem, rules in lx.verb_stems(lang):
            if tok.lemma.startswith(stem):
                return rules
    if found is None and "-" in tok.lemma:  # "онлайн-саммита", "mini-sommet", "video-summit"
        head, _, last = tok.lemma.rpartition("-")
        if last and head.split("-")[0] not in _NEGATING_PREFIXES:
            found = table.get(last)
    bare = found is None and lang == "fr" and tok.lemma == tok.text.lower() and _PARTICIPLE.search(tok.lemma)
    if bare and (i == 0 or toks[i - 1].text.lower() not in _FR_DETERMINERS):  # not "l'envoyé spécial"
        return table.get(_PARTICIPLE.sub("er", tok.lemma), ())  # "Créée en septembre 2023, l'AES…"
    return found or ()


#: First parts of a compound that make it something other than its last part ("non-member", "ex-président").
_NEGATING_PREFIXES = frozenset(
    {"non", "anti", "ex", "counter", "contre", "pseudo", "quasi", "post", "pre", "pré", "after", "après"}
    | {"экс", "анти", "не", "пост", "контр", "псевдо", "квази", "после"}
)
#: A French first-group past participle the tagger took for a noun and left as its own lemma ("Créée" opening
#: a sentence): its infinitive is the stem with "-er".
_PARTICIPLE = re.compile(r"(?<=\w\w)é(?:e|s|es)?$")


#: Endings of French nouns that share a verb's stem ("intégration", "intégrisme"); "-ité" is a noun after a
#: determiner ("son intégralité") and a participle after an auxiliary ("avait sollicité").
_NOUN_ENDINGS = ("ion", "ions", "ment", "ments", "isme", "iste", "istes", "ance", "ances")
_FR_DETERMINERS = frozenset(
    ["le", "la", "l'", "l’", "les", "son", "sa", "ses", "une", "un", "leur", "cette", "du", "de"]
)


def _verbal(toks: Sequence[Token], i: int) -> bool:
    word = toks[i].text.lower()
    if word.endswith(("ité", "ités")):
        return not (i > 0 and toks[i - 1].text.lower() in _FR_DETERMINERS)
    return not word.endswith(_NOUN_ENDINGS)


def find_triggers(
    sent: Sentence,
    lang: str,
    has_org: bool,
    main_org: str | None = None,
    mentions: Sequence[Mention] = (),
    *,
    article_before: bool = False,
) -> list[_Trigger]:
    """Triggers of a parsed sentence, with their conditions checked and types upgraded.

    A withdrawal whose subject or object is troops ("the troops started leaving Kazakhstan", "вывод войск")
    is the end of a deployment; a membership change whose object is a place rather than an organization or a
    treaty ("left Moscow", "quitter le Kazakhstan") is no event. ``article_before``: the sentence before named
    a treaty article, which a pronoun may stand for ("It was recently invoked by Poland").
    """
    toks = sent.tokens
    out: list[_Trigger] = []
    for i in range(len(toks)):
        rules = _rules_for(toks, i, lang)
        if rules and _blocked_or_asked(toks, i, lang):
            continue
        if rules and toks[i].lemma in lx.FORCES_RETURN and _troop_subject(toks, i, lang, part=True):
            out.append(_Trigger(i, rules[0], T.DEPLOYMENT, end=True))  # "часть … сил … вернулась" (decision 41)
            continue
        for rule in (r for r in rules if not _not_predicative(toks[i], r)):  # "стала … из стран-членов"
            after = _lemmas(toks, i + 1, i + 1 + _reach(toks, i, rule, mentions))
            if rule.window == 0:  # a noun that needs a verb before it ("devenir membre", "стать членом")
                lo = i - 10  # "en devenant officiellement, le jeudi 4 juillet, le dixième membre"
                after = _lemmas(toks, lo, i) | {t.text.lower() for t in toks[max(0, lo) : i]}
            elif rule.before:  # "в ОДКБ за помощью обратился Токаев"
                after = after | _lemmas(toks, max(_clause_start(toks, i), i - rule.before), i)
            if rule.type is T.INVOCATION:
                after |= article_words(toks, i + 1, i + 1 + rule.window)  # "We call for NATO Art4 consultations"
            if (
                rule.needs
                and not (rule.needs & after)
                and not (_passive_troops(toks, i, rule) or passive_document(toks, i, rule))
                and not needs_met(toks, i, rule, lang, article_before=article_before)
                and not (rule.type is T.SUSPENSION and suspends_state(toks, i, mentions))  # "suspension de la Guinée"
            ):
                continue
            if rule.unless and (rule.unless & after):
                continue
            if rule.type is T.WITHDRAWAL and troops_withdrawn(toks, i, mentions, lang, max(rule.window, 4)):
                out.append(_Trigger(i, rule, T.DEPLOYMENT, end=True))
                break
            if rule.lemma in lx.MISSION_END or _to_regime(toks, i, rule):
                continue  # "completed the talks", "return to constitutional governance": nothing an alliance did
            if _no_deployment(toks, i, rule, lang):
                continue  # drills ("отправили свои контингенты на совместные учения"), or "feel threatened"
            if rule.lemma in lx.PARTICIPATION and not _forces_take_part(toks, i, lang):
                continue  # "Armenia took part in the operation": forces must be the ones taking part
            near = _lemmas(toks, i - 2, i + 1 + max(rule.window, 3))
            if rule.needs_org and not (
                has_org
                or (main_org and rule.stage == "signature" and _lemmas(toks, i - 8, i + 6) & lx.ACCESSION_DOCUMENT)
                or (main_org and (near & lx.MEMBERSHIP_WORDS or _joined_in_year(toks, i, rule)))
                or (main_org and _states_leaving(toks, i, rule, mentions, lang))
            ):
                continue
            kind = rule.type
            around = _lemmas(toks, i - rule.window, i + 1 + rule.window)
            if rule.upgrade and rule.upgraded and (rule.upgrade & around):
                kind = rule.upgraded
            if kind in lx.MEMBERSHIP_TYPES and rule.stage not in ("ratification", "signature"):
                obj = membership_object(sent, i, mentions, lang, max(rule.window, 4) + 2)
                if obj is not None and obj.kind in _PLACES:  # "left Moscow", "quitter le Kazakhstan"
                    if kind is T.WITHDRAWAL:  # "the CSTO withdrew from Kazakhstan" (see sentence_events)
                        out.append(_Trigger(i, rule, T.DEPLOYMENT, end=True, place=True))
                    elif kind is T.SUSPENSION and obj.kind == "state":  # "the CSTO suspends Uzbekistan"
                        out.append(_Trigger(i, rule, kind, member=obj))
                    break
                if _other_object(toks, i, obj, lang):
                    break  # "left the CSTO summit", "retiré ses représentants de l'OTSC"
            if kind is T.WITHDRAWAL and (lx.CONSIDER[lang] & _lemmas(toks, i - 4, i)):
                kind = T.CONSIDERATION_OF_WITHDRAWAL
            out.append(_Trigger(i, rule, kind, stage=rule.stage if kind is rule.type else None))
            break
    return out


def _to_regime(toks: Sequence[Token], i: int, rule: lx.TriggerRule) -> bool:
    """Whether the "return to" at ``i`` names a regime ("return to constitutional governance", "to civilian rule")."""
    if rule.stage != "return":
        return False
    after = [t.text.lower() for t in toks[i + 1 : i + 5]]
    if "to" not in after[:2]:
        return False
    rest = after[after.index("to") + 1 :]
    rest = rest[1:] if rest[:1] in (["the"], ["their"]) else rest
    return bool(rest) and rest[0] in lx.RETURNED_TO_REGIME


def _no_deployment(toks: Sequence[Token], i: int, rule: lx.TriggerRule, lang: str) -> bool:
    """Whether a deployment trigger is drills, or a threat its subject feels rather than makes.

    "отправили свои контингенты на совместные учения" (drills, not a deployment); "if they feel threatened and
    it forces the alliance around the table" (threatened: no one threatens to deploy).
    """
    if rule.stage == "threatening" and _lemmas(toks, i - 1, i) & _FEEL_OR_BE:
        return True
    if rule.lemma in _INTERVENE and _act_subject(toks, i, lang):
        return True  # "Cette adhésion intervient en pleine guerre en Ukraine": it comes, no one intervenes
    return rule.type is T.DEPLOYMENT and bool(_lemmas(toks, i - 4, i + 9) & lx.EXERCISE[lang])


_INTERVENE = frozenset(["intervenir", "intervene"])


def _act_subject(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the subject of the verb at ``i`` is a lower-case noun naming no forces ("cette annonce", "l'exercice").

    French "intervenir" with such a subject is "to come, to take place" ("Cette décision intervient à la suite
    d'une incursion"); an organization, a state (names: "La CEDEAO est intervenue en Gambie"), the organization
    referred back to ("l'organisation") or forces ("la mission est intervenue") intervene.
    """
    subjects = [t for t in toks if t.head == i and t.dep.startswith("nsubj")]
    forces = lx.TROOP_NOUNS[lang] | GENERIC_ORG[lang]
    return any(t.pos == "NOUN" and t.text.islower() and t.lemma not in forces for t in subjects)


_PLACES = ("state", "capital", "government")
#: Verbs before a participle that make its subject the one threatened ("feel threatened", "être menacé").
_FEEL_OR_BE = frozenset(["feel", "be", "get", "sentir", "être", "чувствовать", "быть"])
_IN_YEAR = frozenset(["in", "en", "в", "во"])
_YEAR = re.compile(r"(?:1[89]|20)\d\d$")


def _states_leaving(
    toks: Sequence[Token], i: int, rule: lx.TriggerRule, mentions: Sequence[Mention], lang: str
) -> bool:
    """Whether a withdrawal noun's genitive agent is a state: "malgré le retrait du Mali, du Niger et du Burkina Faso".

    In an article about one organization, told after a sentence that names it (fr7-04: "La Cédéao a réuni …"),
    the states' withdrawal is from that organization, which the sentence need not name again.
    """
    if rule.type is not T.WITHDRAWAL or not trigger_noun(toks, i):
        return False
    k = i + 1
    while k < len(toks) and (toks[k].text.lower() in _GENITIVE or toks[k].pos == "ADJ"):
        k += 1
    if not (i + 1 < k < len(toks)) or not any(m.start == toks[k].start and m.kind == "state" for m in mentions):
        return False
    return not any(_is_troop(toks, j, lang) for j in range(k + 1, min(len(toks), k + 4)))  # "of Russian peacekeepers"


def _joined_in_year(toks: Sequence[Token], i: int, rule: lx.TriggerRule) -> bool:
    """Whether a membership verb with no object is dated by a year right after it ("joined in 2017").

    "India and Pakistan joined in 2017", "l'avait réintégré en 2006", "вступили в 2017 году": in an article
    about one organization, that organization is the one joined or left (a membership recalled in passing).
    """
    if rule.type not in lx.MEMBERSHIP_TYPES or i + 2 >= len(toks):
        return False
    return toks[i + 1].text.lower() in _IN_YEAR and bool(_YEAR.match(toks[i + 2].text))


#: Types whose trigger's window counts a name as one word: "a demandé à l'Organisation du traité de sécurité
#: collective (OTSC) d'envoyer des troupes" asks for troops as surely as "a demandé à l'OTSC d'envoyer des troupes".
_NAMES_AS_WORDS = frozenset({T.REQUEST_FOR_ASSISTANCE, T.DEPLOYMENT})


def _reach(toks: Sequence[Token], i: int, rule: lx.TriggerRule, mentions: Sequence[Mention]) -> int:
    """How many tokens after the trigger its ``needs`` may be met in: its window, names counted as one word."""
    if rule.type not in _NAMES_AS_WORDS or not mentions:
        return rule.window
    stop = min(len(toks), i + 1 + rule.window)
    named = [m for m in mentions if toks[i].end <= m.start and m.end <= toks[stop - 1].end]
    inside = sum(1 for t in toks[i + 1 : stop + 12] if any(m.start <= t.start < m.end for m in named))
    return rule.window + max(0, inside - len(named))


def _blocked_or_asked(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the trigger at ``i`` is what someone blocked ("bloqué la ratification") or asks about.

    A blocking verb within three words before it, or an interrogative word in its clause before it ("почему
    Армения не выходит из ОДКБ", "asked whether Armenia would leave"): no event is asserted.
    """
    if _lemmas(toks, i - 3, i) & (lx.BLOCKING[lang] | lx.PROSPECT[lang]):
        return True  # "blocked Sweden's accession", "the path to joining"
    if toks[i].lemma == "suspendre" and i + 1 < len(toks) and toks[i + 1].text.lower() in lx.HANGING_ON[lang]:
        return True  # "suspendue au bon vouloir de la Turquie": depends on
    if toks[i].lemma in lx.NOUN_TRIGGERS and _talked_about(toks, i, lang):
        return True  # "a journalist's question about … Ukraine's accession": a topic, not an act
    lo = max(_clause_start(toks, i), i - 6)
    return bool({t.text.lower() for t in toks[lo:i]} & lx.INTERROGATIVE[lang] - {"как", "how", "comment"}) or (
        lo < i and toks[lo].text.lower() in lx.INTERROGATIVE[lang]
    )


def _talked_about(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the noun at ``i`` is the topic of a noun of talk before it in its phrase (no punctuation, no verb)."""
    nouns, preps = lx.TOPIC[lang]
    for k in range(i - 1, max(-1, i - 11), -1):
        if toks[k].text in (",", ";", ":", ".", "!", "?") or toks[k].pos in ("VERB", "AUX"):
            return False
        if (toks[k].lemma in nouns or toks[k].text.lower() in nouns) and k + 1 < i:
            return toks[k + 1].text.lower() in preps
    return False


def _forces_take_part(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether forces are named right before a participation trigger or right after it ("участие своих войск")."""
    before = range(max(0, i - 8), i)
    after = range(i + 1, min(len(toks), i + 4))
    return any(_is_troop(toks, k, lang) for k in (*before, *after))


def _passive_troops(toks: Sequence[Token], i: int, rule: lx.TriggerRule) -> bool:
    """A passive deployment names its troops first: "units of Russia … were sent to", "ont été envoyées"."""
    if rule.type is not T.DEPLOYMENT:
        return False
    passive = bool({"be", "être", "быть"} & _lemmas(toks, i - 2, i)) or toks[i].has("Voice=Pass")
    if passive and any(t.head == i and t.dep in _SUBJ and t.lemma in rule.needs for t in toks):
        return True  # the parsed subject, however long the list of states after it
    if toks[i].dep.startswith("acl") and toks[toks[i].head].lemma in rule.needs:
        return True  # a participle on the forces: "troops deployed in", "солдаты, дислоцированные в Курске"
    if passive and _relative_on(toks, i, rule.needs):
        return True  # "Russian peacekeepers who were deployed to Nagorno-Karabakh"
    if _forces_possessive(toks, i, rule.needs):
        return True  # "the peacekeeping forces' deployment took several days"
    if any(t.head == i and t.dep in _SUBJ and t.lemma in rule.needs for t in toks):
        return True  # the forces as subject, however far: "These soldiers, who had …, arrived in the zone"
    return passive and bool(rule.needs & _lemmas(toks, max(_clause_start(toks, i), i - 14), i))


def passive_document(toks: Sequence[Token], i: int, rule: lx.TriggerRule) -> bool:
    """A passive signature names its document first: "Finland's accession protocol was signed", "был подписан".

    The document the rule needs is the verb's parsed subject, or stands before it in its clause (eight words).
    """
    if rule.stage != "signature":
        return False
    passive = bool({"be", "être", "быть"} & _lemmas(toks, i - 2, i)) or toks[i].has("Voice=Pass")
    if not passive:
        return False
    if any(t.head == i and t.dep in _SUBJ and t.lemma in rule.needs for t in toks):
        return True
    return bool(rule.needs & _lemmas(toks, max(_clause_start(toks, i), i - 8), i))


#: Relative pronouns opening a clause on the noun before them.
_RELATIVES = frozenset(["who", "which", "that", "qui", "которые", "который", "которая"])
#: Auxiliaries of a passive verb.
_AUXILIARIES = frozenset(["be", "have", "être", "avoir", "быть"])


#: A possessive after a noun ("the forces' deployment") or standing for one before ("leur déploiement").
_POSSESSIVE_AFTER = frozenset(["'", "’", "'s", "’s"])
_POSSESSIVE_FOR = frozenset(["leur", "leurs", "их"])


def _forces_possessive(toks: Sequence[Token], i: int, nouns: frozenset[str]) -> bool:
    """Whether the deployment noun at ``i`` is the forces' own.

    "The peacekeeping forces' deployment took several days"; "leur déploiement" after "des forces de la paix" in
    its clause.
    """
    if i >= 2 and toks[i - 1].text.lower() in _POSSESSIVE_AFTER and toks[i - 2].lemma in nouns:
        return True
    if i < 1 or toks[i - 1].text.lower() not in _POSSESSIVE_FOR:
        return False
    return any(t.lemma in nouns or t.text.lower() in nouns for t in toks[max(_clause_start(toks, i), i - 10) : i - 1])


def _relative_on(toks: Sequence[Token], i: int, nouns: frozenset[str]) -> bool:
    """Whether the verb at ``i`` heads a relative clause on one of ``nouns`` ("peacekeepers who were deployed")."""
    j = i - 1
    while j > 0 and toks[j].lemma in _AUXILIARIES:
        j -= 1
    return j > 0 and toks[j].text.lower() in _RELATIVES and toks[j - 1].lemma in nouns


def _other_object(toks: Sequence[Token], i: int, obj: Mention | None, lang: str) -> bool:
    """Whether a membership trigger's object is a meeting, people or a proposal rather than membership."""
    words = lx.NOT_MEMBERSHIP[lang]
    stop = min(len(toks), i + 4)
    if obj is not None:
        stop = next((k for k, t in enumerate(toks) if t.start >= obj.end), len(toks))
        stop = min(len(toks), stop + 1)  # the noun right after it: "the CSTO summit"
    for t in toks[i + 1 : stop]:
        if t.text.lower() in _WHEN_PREPS:
            return False  # "espère adhérer avant le sommet", "joined at the summit": the meeting dates it
        if t.lemma in words or t.text.lower() in words:
            return True
    return False


#: Prepositions that make the noun after them a time or a venue, not what is joined or left.
_WHEN_PREPS = frozenset(
    ["avant", "après", "lors", "pendant", "before", "after", "until", "during", "at", "до", "после"]
)


def _is_troop(toks: Sequence[Token], k: int, lang: str) -> bool:
    t = toks[k]
    if t.pos in ("ADJ", "VERB", "PROPN"):  # "l'alliance militaire", "военный блок"
        return False
    nouns = lx.TROOP_NOUNS[lang]
    if not (t.lemma in nouns or t.text.lower() in nouns):
        return False
    return not (k > 0 and toks[k - 1].text.lower() in {"in", "en", "into"} and t.lemma.startswith("force"))


def _mention_starts(mentions: Sequence[Mention]) -> set[int]:
    return {m.start for m in mentions if m.kind != "person"}


def troops_withdrawn(toks: Sequence[Token], i: int, mentions: Sequence[Mention], lang: str, window: int) -> bool:
    """Whether the withdrawal trigger at ``i`` withdraws forces: troops as its object or its subject.

    Object: a troop noun after the trigger, before any place, organization or treaty is named ("withdraw its
    troops from Syria", "retrait des troupes russes", "вывод войск"). Subject: a troop noun shortly before
    it in the same clause ("the troops started leaving", "les troupes de l'OTSC ont commencé à quitter",
    "войска начали покидать").
    """
    starts = _mention_starts(mentions)
    treaty = lx.TREATY_WORDS[lang]
    for k in range(i + 1, min(len(toks), i + 1 + window)):
        t = toks[k]
        if t.start in starts and _owner_before_troops(toks, k, mentions, lang):
            return True  # "вывода российских миротворцев" (ru6-02), "the withdrawal of Russian peacekeepers"
        if t.start in starts or t.text.lower() in lx.CLAUSE_JOINS or lx.fold(t.lemma) in treaty:
            break
        if _is_troop(toks, k, lang):
            return True
    for k in range(i - 1, max(-1, i - 9), -1):
        t = toks[k]
        if t.text.lower() in lx.CLAUSE_JOINS or t.lemma in _CLAUSE_BREAK or t.text.lower() in _CLAUSE_BREAK:
            break
        if _is_troop(toks, k, lang):
            return True
    return _troop_subject(toks, i, lang)


def _owner_before_troops(toks: Sequence[Token], k: int, mentions: Sequence[Mention], lang: str) -> bool:
    """Whether the mention starting at token ``k`` names whose troops the next word is ("Russian peacekeepers")."""
    end = max(m.end for m in mentions if m.start == toks[k].start)
    nxt = next((j for j in range(k, len(toks)) if toks[j].start >= end), None)
    return nxt is not None and _is_troop(toks, nxt, lang)


def _troop_subject(toks: Sequence[Token], i: int, lang: str, *, part: bool = False) -> bool:
    """Whether the parsed subject of the verb at ``i`` (or of the verb it completes) is a troop noun.

    "la mission de l'Organisation du traité de sécurité collective (OTSC) peut quitter le pays": however long
    the name between them. With ``part``, a troop noun right under the subject counts too ("часть
    северокорейских сил … вернулась", "some of the troops returned").
    """
    node = i
    for _ in range(2):
        subj = next((k for k, t in enumerate(toks) if t.head == node and k != node and t.dep in _SUBJ), None)
        if subj is not None:
            under = [k for k, t in enumerate(toks) if part and t.head == subj and k != subj]
            return _is_troop(toks, subj, lang) or any(_is_troop(toks, k, lang) for k in under)
        head = toks[node].head
        if head in (node, -1) or not (toks[node].dep == "xcomp" or _aspect_object(toks, node, lang)):
            return False
        node = head
    return False


def _aspect_object(toks: Sequence[Token], k: int, lang: str) -> bool:
    """Whether the noun at ``k`` is what a verb of ending or beginning ends or begins ("ont terminé leur retrait")."""
    head = toks[toks[k].head]
    return toks[k].dep == "obj" and (head.lemma in lx.MISSION_END or head.lemma in lx.START[lang])


def trigger_noun(toks: Sequence[Token], i: int) -> bool:
    """Whether the trigger at ``i`` is a noun: tagged so, or a noun trigger after an elided article.

    The small French model tags "adhésion" in "le soutien de Pékin à l’adhésion d’Erevan" as a verb; after "l’"
    a word that is only ever a noun ("adhésion", "envoi", not "envoyer") is one.
    """
    if toks[i].lemma not in lx.NOUN_TRIGGERS:
        return False
    return toks[i].pos in ("NOUN", "") or (i > 0 and toks[i - 1].text.lower() in ("l'", "l’"))


def membership_object(sent: Sentence, i: int, mentions: Sequence[Mention], lang: str, window: int) -> Mention | None:
    """What a membership trigger at ``i`` is about: the organization, treaty or place it names after it.

    A verb's object is the first mention after it that is not its (parsed) subject ("Из ОДКБ вышел
    Узбекистан"); a noun's is any organization after it, else the first mention after its genitive agent
    ("le retrait de l'Arménie de l'OTSC", "выход Армении из ОДКБ"). Stops at a clause boundary.
    """
    toks = sent.tokens
    last = toks[min(len(toks) - 1, i + window)].end
    candidates: list[Mention] = []
    for m in sorted(mentions, key=lambda x: x.start):
        if m.start < toks[i].end or m.kind == "person":
            continue
        if m.start > last:
            break
        if any(
            t.text.lower() in lx.CLAUSE_JOINS or t.lemma in {"that", "que", "что", "which", "qui", "который"}
            for t in toks
            if toks[i].end <= t.start < m.start
        ):
            break
        idx = next((k for k, t in enumerate(toks) if t.start >= m.start), None)
        if idx is not None and toks[idx].dep in _SUBJ:
            continue  # the subject after the verb
        candidates.append(m)
    if not candidates:
        return None
    if trigger_noun(toks, i):
        org = next((m for m in candidates if m.kind == "organization"), None)
        if org is not None:
            return org
        first = candidates[0]
        idx = next((k for k, t in enumerate(toks) if t.start >= first.start), i + 1)
        between = {t.text.lower() for t in toks[i + 1 : idx] if t.pos != "ADJ"}
        if idx == i + 1 or between <= _GENITIVE:
            rest = _past_agents(toks, candidates)
            return rest[0] if rest else None  # the genitive agent ("du Burkina Faso et du Niger")
        return first
    return candidates[0]


#: Words that open a noun's genitive agent: "le retrait du Mali", "the withdrawal of Niger".
_GENITIVE = frozenset(["of", "de", "d'", "d’", "du", "des", "l'", "l’", "la", "le", "the"])
#: What joins the states of one genitive agent: "du Mali, du Niger et du Burkina Faso", "Mali, Niger and Chad".
_AGENT_LIST = _GENITIVE | {",", "et", "and", "и", "ainsi", "que", "as", "well"}


def _past_agents(toks: Sequence[Token], candidates: Sequence[Mention]) -> list[Mention]:
    """``candidates`` after the genitive agent, which is the first state and those coordinated with it."""
    k = 1
    while k < len(candidates) and candidates[k - 1].kind == candidates[k].kind == "state":
        glue = {t.text.lower() for t in toks if candidates[k - 1].end <= t.start < candidates[k].start}
        if not glue <= _AGENT_LIST:
            break
        k += 1
    return list(candidates[k:])


def _mention_at(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    return next((m for m in mentions if m.start < end and start < m.end), None)


def _clause_start(toks: Sequence[Token], i: int) -> int:
    for j in range(i - 1, -1, -1):
        if toks[j].lemma in _CLAUSE_BREAK or toks[j].text in _CLAUSE_BREAK:
            return j + 1
    return 0


def is_oblique(toks: Sequence[Token], mention: Mention, lang: str) -> bool:
    """Whether a mention is governed by a preposition ("au Nigeria", "in Abuja") or a relation ("an ally of X")."""
    idx = next((k for k, t in enumerate(toks) if t.start >= mention.start), None)
    if idx is None or idx == 0:
        return False
    prev = toks[idx - 1].text.lower()
    prev2 = toks[idx - 2].text.lower() if idx >= 2 else ""
    preps = lx.OBLIQUE_PREPS[lang]
    if _after_relation(toks, idx):
        return True  # "un allié de Moscou rejoint l'OCS": Moscow's ally joins, not Moscow
    return prev in preps or (prev in {"l'", "l’", "la", "le", "les", "the"} and prev2 in preps)


#: Nouns of a relation to a state: a state named after them is not who acts ("an ally of Moscow").
_RELATIONS = frozenset(
    ["ally", "allié", "alliée", "союзник", "partner", "partenaire", "партнер", "neighbour", "voisin"]
)


def _index_of(toks: Sequence[Token], m: Mention) -> int:
    return next((k for k, t in enumerate(toks) if t.start >= m.start), 0)


def _lemma_at(toks: Sequence[Token], k: int) -> str:
    return toks[k].lemma if 0 <= k < len(toks) else ""


def _after_relation(toks: Sequence[Token], idx: int) -> bool:
    """Whether the token at ``idx`` follows a relation noun: "allié de Moscou", "ally of Russia", "союзник Москвы"."""
    prev = toks[idx - 1].text.lower() if idx >= 1 else ""
    return _lemma_at(toks, idx - 1) in _RELATIONS or (
        prev in {"of", "de", "d'", "d’", "du"} and _lemma_at(toks, idx - 2) in _RELATIONS
    )


def _dep_subject(
    sent: Sentence, i: int, mentions: Sequence[Mention], lo: int = 0, *, governed: bool = False
) -> Mention | Token | None:
    """The subject of the trigger at ``i`` by the parse, climbing coordinated and complement verbs.

    ``governed``: a membership noun a verb governs acts through that verb's subject (:func:`_governed_noun`).
    """
    toks = sent.tokens
    if not toks or toks[0].head < 0:
        return None
    node = i
    for _ in range(4):
        if node < lo:
            return None  # do not climb out of a claim into the clause of the verb of saying
        subj = _nearest_subject(toks, node)
        if subj is not None:
            lo, hi = subj, subj
            for k, t in enumerate(toks):  # the subject's subtree, one level of nmod/appos/flat deep
                if t.head == subj or (0 <= t.head < len(toks) and toks[t.head].head == subj):
                    lo, hi = min(lo, k), max(hi, k)
            inside = [
                m
                for m in mentions
                if m.start < toks[hi].end and toks[lo].start < m.end and not _after_relation(toks, _index_of(toks, m))
            ]
            own = [m for m in inside if m.start <= toks[subj].start < m.end]
            if own:
                return own[0]  # "организация, в которую входит Кыргызстан": the organization, not its member
            if inside:
                return min(inside, key=lambda m: (m.kind not in ("person", *_PLACES), m.start))
            return toks[subj]
        if toks[node].dep in ("xcomp", "conj") and toks[node].head != node:
            node = toks[node].head
            continue
        if governed and node == i and _governed_noun(toks, i):
            node = toks[i].head  # "Le pays est devenu le 32e membre", "за ратификацию … проголосовал парламент"
            continue
        break
    return None


def _copular_subject(toks: Sequence[Token], i: int, mentions: Sequence[Mention]) -> Mention | None:
    """The state a copula links to the noun the trigger's relative or participial clause describes.

    "Теперь, единственной страной-членом НАТО, которая еще не ратифицировала заявку Швеции, остается Венгрия"
    (ru8-04), "единственным членом альянса, не одобрившим заявку Швеции, является Венгрия" (ru10-12): the one
    that has not ratified is Hungary. The parser may make the noun a root of its own beside the copula's root.
    """
    if toks[i].dep not in ("acl", "acl:relcl") or not 0 <= toks[i].head < len(toks):
        return None
    noun = toks[i].head
    roots = {k for k, t in enumerate(toks) if t.dep == "root"}
    verbs = roots if noun in roots else {toks[noun].head}
    for t in toks:
        if t.dep in _SUBJ and t.head in verbs and t.head != noun and toks[t.head].lemma in lx.COPULAS:
            hit = next((m for m in mentions if m.start <= t.start < m.end), None)
            if hit is not None and hit.kind in ("state", "capital", "government"):
                return hit
    return None


def _nearest_subject(toks: Sequence[Token], node: int) -> int | None:
    """The subject of the verb at ``node``; of two the parser gave it, the nearest one before it.

    "il ne lui manque plus que l'approbation de la Hongrie puisque, depuis ce mardi, la Turquie a ratifié son
    adhésion" (fr10-03): the parser hangs both "approbation" and "Turquie" on "ratifié"; Turkey ratified.
    """
    found = [k for k, t in enumerate(toks) if t.head == node and k != node and t.dep in _SUBJ]
    before = [k for k in found if k < node]
    return before[-1] if before else (found[0] if found else None)


def _governed_noun(toks: Sequence[Token], i: int) -> bool:
    """Whether the trigger at ``i`` is a noun a verb takes as its object or complement: that verb's subject acts.

    "Le pays est devenu le 32e membre de l'Otan" (fr3-07), "за ратификацию членства Финляндии в НАТО проголосовал
    парламент Венгрии" (ru6-15): who became the member, whose parliament voted the ratification.
    """
    head = toks[i].head
    return (
        toks[i].pos == "NOUN"
        and toks[i].dep in _GOVERNED
        and 0 <= head < len(toks)
        and head != i
        and toks[head].pos == "VERB"
    )


_GOVERNED = ("obj", "obl", "obl:arg", "xcomp")


def _genitive_agent(toks: Sequence[Token], i: int, mentions: Sequence[Mention], lang: str) -> Mention | None:
    """The agent of a noun trigger: "l'appel à l'aide de Bichkek", "the request of Armenia", "просьба Армении"."""
    for m in mentions:
        if m.start < toks[i].end or m.start - toks[i].end > 40:
            continue
        idx = next((k for k, t in enumerate(toks) if t.start >= m.start), None)
        if idx is None:
            continue
        prev = {t.text.lower() for t in toks[max(i + 1, idx - 2) : idx]}
        if prev & {"de", "d'", "d’", "du", "of"} or (lang == "ru" and idx == i + 1):
            return m
    return None


def _possessor(toks: Sequence[Token], i: int, mentions: Sequence[Mention]) -> Mention | None:
    """The English possessor right before a noun trigger: "Ukraine's accession", "Armenia’s withdrawal"."""
    if i == 0:
        return None
    prev = toks[i - 1]
    split = i >= 2 and prev.text.lower() in ("'s", "’s")  # "Ukraine" "'s" as two tokens
    for m in mentions:
        if m.kind not in ("state", "capital", "government", "person"):
            continue
        if (split and m.end in (toks[i - 2].end, prev.end)) or (
            m.end == prev.end and m.text.lower().endswith(("'s", "’s"))
        ):
            return m
    return None


def _by_agent(toks: Sequence[Token], i: int, mentions: Sequence[Mention]) -> Mention | None:
    """The agent of a noun trigger after "by / par": "the dispatch of 10,000 troops by Pyongyang"."""
    for k in range(i + 1, min(len(toks) - 1, i + 8)):
        word = toks[k].text.lower()
        if (
            word == ","
            and toks[k - 1].text.isdigit()
            and toks[k + 1].text.isdigit()
            and toks[k + 1].start == toks[k].end
        ):
            continue  # "10,000 troops", not "in May 2022, prompted by"
        if word in lx.CLAUSE_JOINS or word in _CLAUSE_BREAK or word == ",":  # not "…, prompted by Russia's invasion"
            return None
        if word in {"by", "par"}:
            return next((m for m in mentions if m.start == toks[k + 1].start and m.kind != "organization"), None)
    return None


def forces_owner(toks: Sequence[Token], i: int, mentions: Sequence[Mention], lang: str) -> Mention | None:
    """Whose forces a deployment's end withdraws: "la mission de l'OTSC", "миссию ОДКБ", "Russian peacekeepers".

    The state or organization named right after the troop noun nearest the trigger (after it, else before it),
    or the adjective right before it.
    """
    near = [k for k in range(i + 1, min(len(toks), i + 5)) if _is_troop(toks, k, lang)]
    near += [k for k in range(i - 1, max(-1, i - 9), -1) if _is_troop(toks, k, lang)]
    if _aspect_object(toks, i, lang):  # "Les unités … de l'OTSC ont terminé mercredi leur retrait"
        near += [
            k for k, t in enumerate(toks) if t.head == toks[i].head and t.dep in _SUBJ and _is_troop(toks, k, lang)
        ]
    if not near:
        return None
    k = near[0]
    owners = [m for m in mentions if m.kind != "person"]
    before = next(
        (m for m in owners if k > 0 and m.end == toks[k - 1].end and m.kind in ("state", "organization")), None
    )
    if before is not None:
        return before  # "Russian peacekeepers", "российских миротворцев"
    if k > 0 and toks[k - 1].text.lower() in _POSSESSIVES:  # the subject's own forces, not the place's after them
        orgs = [m for m in owners if m.kind == "organization" and m.end <= toks[i].start]
        return orgs[-1] if orgs else None  # "la SADC … a ordonné le retrait progressif de ses troupes de la RDC"
    for j in range(k + 1, min(len(toks), k + 10)):  # "contingents de la force de paix de l'OTSC", "миссию ОДКБ"
        hit = next((m for m in owners if m.start == toks[j].start), None)
        if hit is not None and (j > k + 1 or lang == "ru" or toks[j].pos == "ADJ"):  # "des soldats russes"
            return hit
        if (toks[j].text.lower() not in _OWNER_GLUE and toks[j].pos not in ("NOUN", "ADJ")) or j == i:
            return None  # only "de / of" and nouns lead to the owner: not "troops out of Georgia"
    return None


_OWNER_GLUE = frozenset(["of", "the", "de", "d'", "d’", "du", "des", "l'", "l’", "la", "le", "les"])
_POSSESSIVES = frozenset(["its", "their", "ses", "leurs", "son", "sa", "leur", "свои", "своих", "своего", "своей"])


def find_subject(
    sent: Sentence,
    i: int,
    mentions: Sequence[Mention],
    lang: str,
    memory: Discourse,
    *,
    lo: int = 0,
    membership: bool = False,
) -> Mention | None:
    """Who did what the trigger at token ``i`` says: a mention, or the person a pronoun stands for.

    ``membership``: the trigger changes a state's membership, so an organization after a noun trigger is what
    is joined or left, not who acts. An English possessor before a noun trigger ("Trump was asked about
    Ukraine's accession") is whose act it is, unless the subject acts for that state ("Volodymyr Zelensky signed
    Ukraine's application").
    """
    found = _subject(sent, i, mentions, lang, memory, lo=lo, membership=membership)
    owner = _possessor(sent.tokens, i, mentions) if trigger_noun(sent.tokens, i) else None
    if owner is not None and (found is None or _ref(found) != _ref(owner)):
        return owner
    return found


def _subject(
    sent: Sentence,
    i: int,
    mentions: Sequence[Mention],
    lang: str,
    memory: Discourse,
    *,
    lo: int = 0,
    membership: bool = False,
) -> Mention | None:
    toks = sent.tokens
    if trigger_noun(toks, i):
        agent = _by_agent(toks, i, mentions) or _genitive_agent(toks, i, mentions, lang)
        if agent is not None and not (agent.kind == "organization" and membership):
            return agent  # "the request of Armenia"; but "a member of NATO" is NATO's member, not NATO
    dep = _dep_subject(sent, i, mentions, lo, governed=membership)
    if membership and (dep is None or (isinstance(dep, Token) and dep.text.lower() in _RELATIVES)):
        linked = _copular_subject(toks, i, mentions)
        if linked is not None:
            return linked
    if isinstance(dep, Token) and dep.text.lower().replace("’", "'") in ("l'", "d'"):
        # "l’Alliance des États du Sahel a quitté…": the parser took the elided article for the subject noun
        dep = next((m for m in mentions if dep.end <= m.start <= dep.end + 1), dep)
    if isinstance(dep, Mention):
        return dep
    if isinstance(dep, Token):
        if dep.lemma in lx.PRONOUNS[lang]:
            return _pronoun_anaphor(memory, membership)
        if dep.lemma in _country_words(membership) and not dep.has("Number=Plur"):
            return _country_anaphor(memory, membership)
        if dep.pos in ("NOUN", "PROPN"):
            # "Le chef de l'État a demandé…" after "Le Président Tokaïev…": the role the last person holds
            return _role_anaphor(toks, toks.index(dep), lang, memory)
    start = max(lo, _clause_start(toks, i))
    if lang == "en":
        start = _past_fronted(toks, start, i)
        doer = _with_gerund(toks, max(lo, start), i, mentions)
        if doer is not None:
            return doer
    if start > 0 and toks[start - 1].lemma in {"qui", "who", "which", "который"}:
        rel = toks[start - 1].start
        antecedent = [m for m in mentions if m.end <= rel and rel - m.end <= 3]
        if antecedent and membership and antecedent[-1].kind == "organization":
            # "Венгрия стала последней из стран НАТО, которая ратифицировала…": an alliance never joins itself
            antecedent = [m for m in mentions if m.end <= rel and m.kind in ("state", "capital", "government")][:1]
        if antecedent:
            return antecedent[-1]
    before = [m for m in mentions if toks[start].start <= m.start < toks[i].start] if start < len(toks) else []
    aside = _apposition(toks, i)
    before = [m for m in before if not aside[0] <= m.start < aside[1]]
    candidates = [m for m in before if not is_oblique(toks, m, lang)]
    candidates = [m for m in candidates if not _title_before(toks, m, candidates)]
    owner = _new_clause_owner(toks, candidates, i) if lang == "en" else None
    if owner is not None:
        return owner
    if candidates:
        return candidates[0]
    window = {t.lemma for t in toks[max(start, i - 4) : i]} | {t.text.lower() for t in toks[max(start, i - 4) : i]}
    if lx.PRONOUNS[lang] & window:
        return _pronoun_anaphor(memory, membership)
    lo = max(start, i - 4)
    countries = [k for k in range(lo, i) if {toks[k].lemma, toks[k].text.lower()} & _country_words(membership)]
    if countries and not all(_some_countries(toks, k) for k in countries):  # not "de nouveaux pays à rejoindre"
        return _country_anaphor(memory, membership)
    if lang == "ru" and toks[i].pos == "VERB" and not before and start == 0:
        return memory.last_person or memory.last_state
    before = [m for m in before if not _after_relation(toks, _index_of(toks, m))]
    return before[-1] if before else None


#: Words opening an English adverbial put before the subject: "Following the Russian invasion of Ukraine, NATO
#: member Lithuania announced…", "After Russia invaded Ukraine, Finland applied…".
_FRONTED_EN = frozenset(
    ["following", "after", "amid", "despite", "during", "since", "before", "given", "in", "on", "as", "when", "while"]
)


def _past_fronted(toks: Sequence[Token], start: int, i: int) -> int:
    """Where an English clause's subject may begin: after the comma closing an adverbial that opens the clause.

    The English tokens have no parse, so the states inside "Following the Russian invasion of Ukraine," would
    otherwise be taken for who announced what follows.
    """
    opener = start - 1 if start > 0 and toks[start - 1].text.lower() in _FRONTED_EN else start
    if opener >= i or toks[opener].text.lower() not in _FRONTED_EN:
        return start
    comma = next((k for k in range(start, i) if toks[k].text == ","), None)
    return comma + 1 if comma is not None else start


def fronted_end(toks: Sequence[Token]) -> int | None:
    """The offset of the comma closing an adverbial that opens an English sentence, if one does.

    >>> from casus.ingest.nlp import simple_tokens
    >>> fronted_end(simple_tokens("After the invasion of Ukraine, Sweden and Finland applied."))
    29
    """
    first = next((k for k, t in enumerate(toks) if t.text[:1].isalnum()), None)
    if first is None or toks[first].text.lower() not in _FRONTED_EN:
        return None
    return next((t.start for t in toks[first:] if t.text == ","), None)


def _with_gerund(toks: Sequence[Token], lo: int, i: int, mentions: Sequence[Mention]) -> Mention | None:
    """The state that "with X -ing" makes the doer of the trigger at ``i`` (English absolute construction).

    "The 24th Meeting … kicked off in Astana on Thursday with Belarus officially becoming a member of the
    association": Belarus becomes a member, not the organization whose meeting is the sentence's subject.
    """
    for w in range(i - 1, max(lo, i - 8) - 1, -1):
        if toks[w].text in lx.CLAUSE_ENDS:
            return None
        if toks[w].text.lower() != "with" or w + 1 >= i:
            continue
        doer = next((m for m in mentions if m.start == toks[w + 1].start and m.kind in ("state", "capital")), None)
        gerund = any(t.text.lower().endswith("ing") for t in toks[w + 2 : i + 1])
        return doer if gerund else None
    return None


#: Nouns by which an organization titles the state named right after it: "NATO member Lithuania".
_TITLES = frozenset(["member", "ally", "membre", "allié", "член", "союзник"])


def _title_before(toks: Sequence[Token], m: Mention, candidates: Sequence[Mention]) -> bool:
    """Whether the organization ``m`` only titles the state named right after it ("NATO member Lithuania")."""
    if m.kind != "organization":
        return False
    k = next((j for j, t in enumerate(toks) if t.start >= m.end), None)
    if k is None or k + 1 >= len(toks) or toks[k].lemma not in _TITLES:
        return False
    return any(c.start == toks[k + 1].start and c.kind in ("state", "capital") for c in candidates)


def _country_words(membership: bool) -> frozenset[str]:
    """Nouns standing for a state; for a membership change also "nation" ("The Nordic nation submitted…")."""
    return lx.COUNTRY_WORDS | lx.NATION_WORDS if membership else lx.COUNTRY_WORDS


#: Words before a plural country noun that make it some countries, not ones named before ("de nouveaux pays",
#: "other countries", "другие страны"); "les trois pays", "these countries" refer back.
_SOME = frozenset(["nouveaux", "autres", "d'autres", "d’autres", "new", "other", "новые", "новых", "другие", "других"])


def _some_countries(toks: Sequence[Token], k: int) -> bool:
    """Whether the plural country noun at ``k`` is some countries ("de nouveaux pays"), not an anaphor."""
    return toks[k].has("Number=Plur") and any(t.text.lower() in _SOME for t in toks[max(0, k - 2) : k])


def _country_anaphor(memory: Discourse, membership: bool) -> Mention | None:
    """The state "the country" stands for: for a membership change, the last state that joined or applied.

    "Finland joins NATO … prompted by Putin's decision to invade Ukraine. The Nordic nation is the 31st country
    to join the alliance": Finland, not Ukraine, the state named last.
    """
    if membership and memory.last_member is not None:
        return memory.last_member
    return memory.last_named_state or memory.last_state or memory.last_person


def _pronoun_anaphor(memory: Discourse, membership: bool) -> Mention | None:
    """What a pronoun subject stands for: the last person, or the later named of it and the last joining state.

    For a membership change, "La Suède attend toujours … Elle espère toutefois encore adhérer avant le sommet" is
    Sweden, not the secretary general named three sentences before.
    """
    if membership:
        state = memory.last_member or memory.last_named_state
        named = [m for m in (memory.last_person, state) if m is not None]
        if named:
            return max(named, key=lambda m: m.start)
    return memory.last_person or memory.last_state


_POSS = ("'s", "’s")


def _new_clause_owner(toks: Sequence[Token], candidates: Sequence[Mention], i: int) -> Mention | None:
    """The possessor opening an English clause after "and" that the verb at ``i`` ends, if any.

    "The G5 made minimal progress … and Mali's military junta announced its withdrawal": the unparsed clause
    start is the sentence's, but "and <State>'s <lower-case words> <verb>" opens a clause of its own, whose
    subject is that state's body; not when the state ends a list ("Burkina Faso and Niger's military leaders").
    A state right before the verb after ", and" is that clause's own subject ("…, and Iran joined on July 4 2023").
    """
    for m in candidates[1:]:
        k = _index_of(toks, m)
        opens = k > 0 and toks[k - 1].text.lower() == "and" and k + 1 < i <= k + 5 and toks[k + 1].text in _POSS
        listed = any(
            c.end >= toks[k - 1].start - 2 for c in candidates if c.start < m.start
        )  # "Burkina Faso and Niger's"
        if opens and not listed and all(t.text[:1].islower() for t in toks[k + 2 : i]):
            return m
        if k >= 2 and toks[k - 2].text == "," and toks[k - 1].text.lower() == "and" and 0 < i - k <= 3:
            return m  # "India and Pakistan joined … on equal rights, and Iran joined on July 4 2023"
    return None


def _apposition(toks: Sequence[Token], i: int) -> tuple[int, int]:
    """The offsets of an unparsed apposition right before the verb at ``i``, ``(0, 0)`` when none.

    "Armenia, a CSTO member state, refused…": the names inside describe the subject, they are not it.
    """
    if toks[i].head >= 0 or i < 3 or toks[i - 1].text != ",":
        return 0, 0
    for j in range(i - 2, max(0, i - 10), -1):
        if toks[j].text == ",":
            return (toks[j].start, toks[i - 1].start) if toks[j + 1].text.lower() in ("a", "an") else (0, 0)
    return 0, 0


def _role_anaphor(toks: Sequence[Token], k: int, lang: str, memory: Discourse) -> Mention | None:
    """The last person named, when the subject at ``k`` names only the role they hold ("le chef de l'État")."""
    person = memory.last_person
    if person is None or person.role is None or (k > 0 and toks[k - 1].pos in ("ADJ", "PROPN")):
        return None
    words = " ".join(lx.fold(t.text) for t in toks[k : k + 4]).replace("' ", "'").replace("’ ", "'")
    words = words.replace("’", "'")
    roles = ROLES[lang]
    role = next((roles[p] for p in sorted(roles, key=len, reverse=True) if f"{words} ".startswith(f"{p} ")), None)
    return person if role is not None and role == person.role else None


def find_target(
    sent: Sentence,
    i: int,
    mentions: Sequence[Mention],
    lang: str,
    exclude: set[str],
    *,
    direct: bool = False,
    preps: frozenset[str] | None = None,
) -> Mention | None:
    """What the action at token ``i`` was directed at: the first mention after a target preposition."""
    toks = sent.tokens
    after = [m for m in mentions if m.start >= toks[i].end and _ref(m) not in exclude]
    if direct and after:
        return after[0]
    for m in after:
        idx = next((k for k, t in enumerate(toks) if t.start >= m.start), None)
        if idx is None:
            continue
        prev = toks[idx - 1].text.lower() if idx >= 1 else ""
        prev2 = toks[idx - 2].text.lower() if idx >= 2 else ""
        preps = preps or lx.TARGET_PREPS[lang]
        if prev in preps or (prev in _DETERMINERS and prev2 in preps):
            return m
    return None


def _ref(m: Mention) -> str:
    if m.kind == "person":
        return m.state or m.organization or m.ref
    return m.ref


def actor_ids(m: Mention | None) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``(actors, people)`` of a mention: a person acts for their state or organization."""
    if m is None:
        return (), ()
    if m.kind == "person":
        inst = m.state or m.organization
        real_name = not m.ref.startswith(f"{m.role} of") if m.role else True
        return ((inst,) if inst else ()), ((m.ref,) if real_name else ())
    return (m.ref,), ()


def modality_of(sent: Sentence, i: int, lang: str) -> Modality:
    """Negated, hypothetical or asserted, from the words just before the trigger and its morphology."""
    toks = sent.tokens
    lo = max(_clause_start(toks, i), i - 4)
    window = toks[lo:i]
    words = {t.text.lower() for t in window} | {t.lemma for t in window}
    if lang == "fr":
        words |= {t.text.lower() for t in toks[i + 1 : i + 2]}  # "ne demande pas"
    negatable = not any(r.type in lx.UNNEGATED for r in lx.RULES[lang] if r.lemma == toks[i].lemma)
    if {"longer"} & words and toks[i].lemma == "member":
        negatable = False  # "are no longer members": a withdrawal told as such
    if negatable and (
        words & lx.NEGATION[lang]
        or any(t.has("Polarity=Neg") for t in window if t.lemma not in ("ne", "n'"))
        or _negated_governor(toks, i, lang)
    ):
        return Modality.NEGATED
    future_aux_only = lang == "ru" and "быть" in words and not toks[i].has("VerbForm=Inf")
    if (words & lx.HYPOTHETICAL[lang] or any(t.has("Mood=Cnd") for t in (*window, toks[i]))) and not future_aux_only:
        return Modality.HYPOTHETICAL
    if _possible_governor(toks, i, lang):
        return Modality.HYPOTHETICAL
    if toks[i].has("Tense=Fut") or (
        lang == "fr" and "aller" in {t.lemma for t in window} and toks[i].has("VerbForm=Inf")
    ):
        return Modality.HYPOTHETICAL
    if lang == "en" and {"going"} & words and toks[i - 1].lemma == "to":
        return Modality.HYPOTHETICAL
    return Modality.ASSERTED


#: What follows a verb of threat that threatens an act: "threatening to", "menaçant de", "угрожая «принять»".
_THREAT_OPENS = frozenset(["to", "de", "d'", "d’", "«", '"', "“"])


def _threat_before(toks: Sequence[Token], lo: int, i: int, lang: str) -> bool:
    """Whether a verb of threat further back in the clause opens the threatened act.

    "угрожая «принять окончательное решение» о выходе из блока"; not "une attaque menaçant la souveraineté" (a
    threat to something, no act).
    """
    for k in range(lo, i - 1):
        if toks[k].lemma in lx.THREAT[lang] or toks[k].text.lower() in lx.THREAT[lang]:
            nxt = toks[k + 1]
            if nxt.text.lower() in _THREAT_OPENS or nxt.has("VerbForm=Inf"):
                return True
    return False


#: Dependencies a joining verb hangs from when it is what a possibility is about: "peut s'attendre à recevoir une
#: invitation à adhérer" (xcomp, obj, acl), "puisse renoncer à sa neutralité pour adhérer" (obl:arg, acl).
_POSSIBLE_CHAIN = frozenset(["xcomp", "obj", "acl", "obl", "obl:arg"])
#: Verbs of possibility in the present that make what they govern a mere possibility ("can", "pouvoir", "мочь").
_CAN = frozenset(["can", "could", "may", "might", "pouvoir", "мочь"])


def _possible_governor(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the trigger hangs, a few complements down, from a verb of possibility not in a past tense.

    "L'Ukraine peut s'attendre à recevoir une invitation à adhérer à l'Otan" (fr6-05), "Maia Sandu n'exclut pas
    que Chisinau puisse renoncer à sa neutralité pour adhérer à l'Alliance" (fr10-12): a possibility
    (``hypothetical``). Not a past "could" ("Tense=Past"), which told what was possible then.
    """
    j, steps = i, 0
    while toks[j].dep in _POSSIBLE_CHAIN and 0 <= toks[j].head < len(toks) and toks[j].head != j and steps < 5:
        j, steps = toks[j].head, steps + 1
        if toks[j].lemma in _CAN and not toks[j].has("Tense=Past") and toks[j].pos in ("VERB", "AUX"):
            return True
    return False


def _negated_governor(toks: Sequence[Token], i: int, lang: str) -> bool:
    """Whether the trigger is a verb a negated verb governs through coordination or a complement.

    "Украина не сможет вернуть Крым и вступить в НАТО": "вступить" is coordinated with "вернуть", the
    complement of "не сможет"; the negation there covers both.
    """
    j, steps = i, 0
    while toks[j].dep in ("conj", "xcomp") and 0 <= toks[j].head < len(toks) and toks[j].head != j and steps < 3:
        j, steps = toks[j].head, steps + 1
    if j == i or toks[j].pos not in ("VERB", "AUX"):
        return False
    return bool({t.text.lower() for t in toks[max(0, j - 2) : j]} & lx.NEGATION[lang])


_POSSIBLE = {
    "fr": frozenset(["pouvoir", "si", "éventuel", "éventuellement", "possible", "possiblement", "hypothèse"]),
    "en": frozenset(["could", "might", "may", "would", "should", "if", "possibly", "potentially", "possible"]),
    "ru": frozenset(["мочь", "бы", "если", "возможно", "возможный", "вероятно"]),
}


def stage_of(sent: Sentence, i: int, lang: str, *, in_claim: bool = False) -> str | None:
    """The stage an intention, plan or threat gives the trigger at ``i``.

    ``threatening`` or ``considering`` when it is threatened, intended, planned or in
    the future tense ("threatened to leave", "will leave", "intends to request", "намерена выйти"); ``None``
    for a fact, and for a mere possibility ("could leave", "pourrait", "может"), which stays hypothetical.
    Inside a claim after a verb of saying, a conditional is the future of the past ("a déclaré que
    l'Arménie quitterait l'OTSC", "said their countries would withdraw"): ``considering``.
    """
    toks = sent.tokens
    start = _clause_start(toks, i)
    lo = max(start, i - 6)
    window = toks[lo:i]
    words = {t.text.lower() for t in window} | {t.lemma for t in window}
    if words & lx.THREAT[lang] or _threat_before(toks, max(start, i - 12), i, lang):
        return "threatening"
    headline_to = lang == "en" and i >= 2 and toks[i - 1].text.lower() == "to" and toks[i - 2].text[:1].isupper()
    if headline_to and not words & lx.ASKING[lang]:  # not "Estonia asks NATO to activate Article 4"
        return "considering"  # a headline's future: "Armenia to leave CSTO"
    conditional = any(t.has("Mood=Cnd") for t in (*window, toks[i])) or "would" in words
    if words & lx.EXPECTED[lang] and not words & lx.NEGATION[lang]:
        return "considering"  # "devrait adhérer ce jeudi", "is expected to ratify": scheduled, not possible
    if in_claim and conditional and not (words & _POSSIBLE[lang] - {"would"}):
        return "considering"
    if words & _POSSIBLE[lang] or conditional:
        return None
    head = toks[i].head
    verb = toks[head] if toks[i].pos == "NOUN" and 0 <= head < len(toks) and toks[head].pos == "VERB" else toks[i]
    if words & lx.INTENT[lang] or toks[i].has("Tense=Fut") or verb.has("Tense=Fut"):
        return "considering"  # "will leave", "станет членом"
    if lang == "fr" and any(t.lemma == "être" and t.has("Tense=Fut") for t in window):
        return "considering"  # a passive future: "sera également signé un mémorandum", "sera ratifié"
    if any(t.pos == "AUX" and t.has("Tense=Fut") for t in window[-2:]):
        return "considering"  # a future auxiliary right before it: "sera déployé en Biélorussie", "будет размещен"
    if words & lx.WEIGHING[lang]:
        return "considering"  # "is considering applying", "envisager de convoquer", "checking the grounds"
    weighed = toks[max(0, i - 6) : i]
    if ({t.text.lower() for t in weighed} | {t.lemma for t in weighed}) & lx.IMPLICATIONS[lang]:
        return "considering"  # "the implications that a deployment … would have"
    if lang == "fr" and "aller" in {t.lemma for t in window} and toks[i].has("VerbForm=Inf"):
        return "considering"
    if lang == "ru" and "быть" in words and toks[i].has("VerbForm=Inf"):
        return "considering"
    return None


def decided_before(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the trigger at ``i`` is decided, not done.

    A word of deciding comes shortly before it in its clause ("decided to join", "a décidé de demander
    l'adhésion"), or right after it when it is a verb of approving ("одобрил решение о присоединении": the
    decision is what is approved).
    """
    toks = sent.tokens
    words = (*toks[max(_clause_start(toks, i), i - 6) : i], *toks[i + 1 : i + 3])
    return any(t.lemma in lx.DECIDING[lang] or t.text.lower() in lx.DECIDING[lang] for t in words)


def authorized_before(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the deployment noun at ``i`` is what a verb of approving right before it approves.

    "ЭКОВАС … одобрило развертывание в Ниамее сил" (ru6-04), "approved the deployment of troops", "a autorisé le
    déploiement": the forces may go, none has gone yet.
    """
    toks = sent.tokens
    words = toks[max(_clause_start(toks, i), i - 3) : i]
    return trigger_noun(toks, i) and any(
        t.lemma in lx.AUTHORIZING[lang] or t.text.lower() in lx.AUTHORIZING[lang] for t in words
    )


def token_at(sent: Sentence, offset: int) -> int | None:
    """The index of the sentence's token that holds character ``offset``, if any."""
    for k, t in enumerate(sent.tokens):
        if t.start <= offset < t.end:
            return k
    return None


def _head_chain(toks: Sequence[Token], k: int) -> list[int]:
    """``k`` and its heads up to the root (cut at 40 steps, for a malformed parse)."""
    out = [k]
    while len(out) < 40:
        h = toks[out[-1]].head
        if h < 0 or h == out[-1] or h >= len(toks):
            break
        out.append(h)
    return out


def own_dates(
    sent: Sentence, i: int, times: Sequence[TimeExpression], lang: str, *, refusal: bool = False
) -> list[TimeExpression]:
    """The date expressions of a sentence that may date the trigger at ``i``, by the dependency parse.

    A date belongs to the nearest verb above it. It may date the trigger when that verb is the trigger or one
    of the trigger's heads ("joined on Tuesday", "said on Wednesday that Armenia will leave"); not when it
    governs another clause ("the CSTO, a defense alliance formed in 1992"; "направлены после того, как 2
    января начались протесты"). A verb of saying's date may always (the day a self-report was made). Without
    a parse (English), a date right after another event's participle ("formed in 1992", "following a
    violation on Sept. 19") is that participle's, and a present-perfect act ("has frozen") owns only a date
    that follows it in its own clause. A refusal also owns the date of a clause on the gathering it refuses
    ("отказалась участвовать в учениях ОДКБ, которые прошли с 3 по 15 сентября").
    """
    toks = sent.tokens
    if not toks:
        return list(times)
    judge = _judging(toks, i, lang)
    times = [
        t
        for t in _own_conjunct(toks, i, times)
        if not _in_following(sent, i, t, lang) and not (judge is not None and _same_clause(sent, judge, t))
    ]
    if toks[i].head < 0:
        return [t for t in times if not _owned_by_other_word(sent, i, t, lang)]
    trigger_chain = _head_chain(toks, i)
    chain = set(trigger_chain)
    out = []
    for t in times:
        k = token_at(sent, t.start)
        if k is None:
            out.append(t)
            continue
        verb = date_verb(toks, k)
        # a verbless fragment ("Le retrait du Mali … " parsed apart from "a été officialisé hier"): cannot tell
        fragmented = _head_chain(toks, k)[-1] != trigger_chain[-1] and toks[trigger_chain[-1]].pos not in _VERBS
        described = toks[i].pos in ("NOUN", "PROPN") and verb is not None and _clause_on(toks, verb, i)
        refused = refusal and verb is not None and _on_gathering(toks, verb, i, lang)
        described = described or (verb is not None and _scheduled_for(toks, i, verb))
        if verb is None or verb in chain or fragmented or described or refused or _reporting(toks, verb, lang):
            out.append(t)  # described: "the summit, which begins on 28 November" (a clause on the noun)
    return out


_VERBS = ("VERB", "AUX")


def _clause_on(toks: Sequence[Token], verb: int, i: int) -> bool:
    """Whether the clause of ``verb`` describes the noun at ``i`` itself, not another verb's argument below it.

    "the summit, which begins on 28 November", "la réunion du Dialogue … sur la sécurité, qui devait se tenir la
    semaine prochaine" (hung on "sécurité", a complement of the noun) describe the meeting; "au retrait récent du
    Burkina Faso …, rejoignant le Mali qui avait déjà annoncé son départ en mai 2022" tells the act of Mali, the
    object of another verb, not the withdrawal.
    """
    chain = _head_chain(toks, verb)
    if i not in chain:
        return False
    between = chain[1 : chain.index(i)]
    return not any(toks[h].pos in ("NOUN", "PROPN") and toks[toks[h].head].pos == "VERB" for h in between)


def _scheduled_for(toks: Sequence[Token], i: int, verb: int) -> bool:
    """Whether the date's verb is a "scheduled" participle just after the noun at ``i``, whatever its parse.

    "le sommet des chefs d'Etat et de gouvernement alliés, prévu les 11 et 12 juillet prochains" dates the
    summit though the parser hangs "prévu" on the sentence's verb; likewise "the summit, scheduled for 9 July",
    "саммит, запланированный на 8 октября". No other verb may stand between the noun and the participle.
    """
    if toks[i].pos not in ("NOUN", "PROPN") or not i < verb <= i + 12 or toks[verb].lemma not in _SCHEDULED:
        return False
    return not any(t.pos in _VERBS for t in toks[i + 1 : verb])


#: Participles that give a meeting its planned date ("prévu le", "scheduled for", "запланированный на").
_SCHEDULED = frozenset(["prévoir", "programmer", "schedule", "plan", "запланировать", "запланированный", "назначить"])

#: Conjunctions that may join two clauses with one subject ("… since 2005 and applied … in 2021").
_AND = frozenset(["and", "et", "и", "а"])


def _own_conjunct(toks: Sequence[Token], i: int, times: Sequence[TimeExpression]) -> list[TimeExpression]:
    """Dates of the trigger's own conjunct when its clause is joined to one before by "and / et / и".

    "L'Iran participe aux sommets depuis 2005 et a demandé son adhésion à part entière en 2021": the
    application is of 2021, "since 2005" dates the participation. The conjunction joins clauses when only a
    few lower-case words (an auxiliary, an adverb, a possessive) stand between it and the trigger ("and
    applied", "et a demandé son adhésion", "и подал заявку"), not a name ("Finland and Sweden applied"). Dates
    before the conjunction are dropped only when the trigger's conjunct has one of its own.
    """
    c = next((k for k in range(i - 1, max(-1, i - 5), -1) if toks[k].text.lower() in _AND), None)
    if c is None or not all(t.text[:1].islower() for t in toks[c + 1 : i]):
        return list(times)
    after = [t for t in times if t.start > toks[c].start]
    return after if after and len(after) < len(times) else list(times)


def _in_following(sent: Sentence, i: int, t: TimeExpression, lang: str) -> bool:
    """Whether the date ``t`` lies in an "after …" phrase on another event than the trigger at ``i``.

    "Armenia officially asked … for support after Azerbaijan launched offensive military operations … in
    September 2022" dates the offensive, not the request; so does "после обострения конфликта осенью 2020 года"
    (decision 66 of the ninth held-out set). Not when the trigger is inside the phrase ("after Finland joined
    in April 2023") or comes after it, nor "immediately after" (the same day), nor across a comma.
    """
    toks = sent.tokens
    k = token_at(sent, t.start)
    if k is None:
        return False
    for j in range(k - 1, max(-1, k - 16), -1):
        word = toks[j].text.lower()
        if j == i or word in lx.CLAUSE_ENDS:
            return False
        if word in lx.FOLLOWING[lang]:  # after the act it follows: "After a virtual affair in 2023, the summit"
            return i < j and toks[j - 1].text.lower() not in lx.FOLLOWING_SAME_DAY
    return False


def _judging(toks: Sequence[Token], i: int, lang: str) -> int | None:
    """The verb just before the noun trigger at ``i`` that takes it as its object and judges it, if any.

    "The South Korean government … condemned North Korea's troop deployment in Russia on Monday": Monday is the
    condemnation's day, not the deployment's (en4-03); so "L'organisation … a approuvé l'année dernière la
    demande d'adhésion de l'Iran" (fr9-10) and "подтвердила участие своих войск … в апреле" (ru4-06).
    """
    if toks[i].pos not in ("NOUN", "") or (toks[i].pos == "" and toks[i].lemma not in lx.NOUN_TRIGGERS):
        return None
    if toks[i].lemma in lx.GATHERINGS[lang]:
        return None  # "подтвердили дату и место проведения саммита в 2025 году": the summit's own date
    for j in range(i - 1, max(-1, i - 6), -1):
        if toks[j].text in lx.CLAUSE_ENDS:
            return None
        if toks[j].lemma in lx.JUDGING[lang] or toks[j].text.lower() in lx.JUDGING[lang]:
            return j
    return None


def _same_clause(sent: Sentence, j: int, t: TimeExpression) -> bool:
    """Whether the date ``t`` and the token at ``j`` stand in one clause (no clause end between them)."""
    k = token_at(sent, t.start)
    if k is None:
        return False
    return not any(x.text in lx.CLAUSE_ENDS for x in sent.tokens[min(j, k) : max(j, k)])


def _reporting(toks: Sequence[Token], verb: int, lang: str) -> bool:
    """A verb of saying, not in a relative clause on someone else ("le Mali qui avait déjà annoncé son départ")."""
    return toks[verb].lemma in lx.REPORTING[lang] and toks[verb].dep not in ("acl:relcl", "acl")


def _on_gathering(toks: Sequence[Token], verb: int, i: int, lang: str) -> bool:
    """Whether the clause of ``verb`` describes a summit or an exercise that the trigger at ``i`` governs.

    By the parse, or, when the parser hung the relative clause on the main verb ("aux exercices de l'OTSC, qui se
    sont tenus du 3 au 15 septembre"), by its relative pronoun coming right after such a noun.
    """
    gatherings = lx.GATHERINGS[lang]
    if any(toks[g].lemma in gatherings and i in _head_chain(toks, g) for g in _head_chain(toks, verb)[1:]):
        return True
    rel = next((k for k in range(i + 1, verb) if toks[k].head == verb and "PronType=Rel" in toks[k].feats), None)
    return rel is not None and any(t.lemma in gatherings for t in toks[max(i + 1, rel - 6) : rel])


def date_verb(toks: Sequence[Token], k: int) -> int | None:
    """The nearest verb above token ``k`` (the verb a date expression at ``k`` dates), if any.

    The date's own word is never its verb ("a envoyé jeudi des forces": "jeudi" tagged as a verb).
    """
    return next((h for h in _head_chain(toks, k) if toks[h].pos in _VERBS and h != k), None)


#: Participles that own a date up to four words after them when the sentence is not parsed ("formed in 1992",
#: "following the military coup last month").
_DATE_OWNERS = frozenset(
    ["formed", "founded", "created", "established", "signed", "following", "launched", "adopted", "concluded"]
)


def _owned_by_other_word(sent: Sentence, i: int, t: TimeExpression, lang: str) -> bool:
    """Whether an unparsed sentence's date belongs to another word than the trigger at ``i`` (see own_dates)."""
    toks = sent.tokens
    k = token_at(sent, t.start)
    if k is None or k == i:
        return False
    if perfect_tense(sent, i, lang) and (k < i or any(x.text in (",", ";", ".") for x in toks[i:k])):
        return True  # "has frozen" is dated only by "has frozen … on Thursday"
    for j in range(k - 1, max(-1, k - 5), -1):
        if j == i:
            return False
        if toks[j].text.lower() in _DATE_OWNERS:
            return True
    return False


_HAVE = {"has", "have", "'s", "'ve"}


def perfect_tense(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the trigger at ``i`` is an English present perfect ("has frozen", "have basically frozen")."""
    tok = sent.tokens[i]
    if (
        lang != "en"
        or tok.pos not in ("VERB", "")
        or not tok.text.lower().endswith(("ed", "en", "ozen", "eft", "ught"))
    ):
        return False
    before = [t.text.lower() for t in sent.tokens[max(0, i - 3) : i]]
    return bool(_HAVE & set(before)) and "had" not in before


_FUTURE_WORDS = {
    "en": frozenset(["will", "'ll", "shall", "upcoming", "scheduled", "due", "next", "plan", "planned"]),
    "fr": frozenset(["prochain", "prochaine", "prévu", "prévue", "prévoir"]),
    "ru": frozenset(
        ["будет", "будут", "предстоящий", "пройдет", "состоится", "следующий", "планироваться", "запланировать"]
    ),
}


def is_future(sent: Sentence, i: int, lang: str, stage: str | None, *, whole: bool = False) -> bool:
    """Whether the event at ``i`` is told in the future tense (then a day name is the next such day).

    Future tense or aspect on the trigger or in the words just before it ("will join", "va rejoindre",
    "вступит", "будет"), an act at stage ``considering`` told as expected ("devrait signer", "is expected to
    join": ``lexicon.EXPECTED``); for a summit (``whole``), anywhere in the
    sentence ("the summit will take place on 28 November", "саммит, который пройдет 28 ноября").
    An intention alone ("Armenia will leave, the prime minister said on Wednesday") is not enough for its
    date to be a future one: see ``future_before`` in :func:`pick_when`.
    """
    toks = sent.tokens
    span = toks if whole else toks[max(_clause_start(toks, i), i - 6) : i + 1]
    # the author's aside "Напомним, что…" is a perfective form, not a future: "на саммите, проходившем 31 августа"
    window = [t for t in span if t.text.lower() not in lx.AUTHOR_ASIDES[lang]]
    words = {t.text.lower() for t in window} | {t.lemma for t in window}
    # an act expected ("Mardi, la Biélorussie devrait signer"): next Tuesday; not a summit the words only neighbour
    expected = lx.EXPECTED[lang] if stage == "considering" and not whole else frozenset()
    if words & (_FUTURE_WORDS[lang] | expected) or any(t.has("Tense=Fut") for t in window):
        return True
    if lang == "en" and i >= 1 and toks[i - 1].text.lower() == "to" and is_headline(sent):
        return True  # a headline's future: "CSTO leaders to meet in Astana on November 28"
    return lang == "fr" and "aller" in {t.lemma for t in window} and any(t.has("VerbForm=Inf") for t in window)


def told_ahead(sent: Sentence, times: Sequence[TimeExpression], lang: str) -> list[TimeExpression]:
    """``times`` with a date its own clause tells in the future read forward, whatever the event's tense.

    A date resolves in the tense of the verb it belongs to: "отказался от участия в саммите ОДКБ, который
    пройдет в Минске 23 ноября" (published 14 November 2023) is 23 November 2023, not 2022, though the refusal
    is told in the past; likewise "le sommet qui se tiendra le 23 novembre", "which will take place on 23
    November". The verb is the nearest one above the date where the sentence is parsed, else (English) a
    "will" just before the date in its clause.
    """
    toks = sent.tokens
    out = []
    for t in times:
        k = token_at(sent, t.start) if t.future is not None else None
        if k is not None and _future_clause(toks, k, lang):
            t = replace(t, when=t.future, future=None)
        out.append(t)
    return out


def _future_clause(toks: Sequence[Token], k: int, lang: str) -> bool:
    """Whether the clause of the date at ``k`` is told in the future: its verb, or a verb just before it."""
    verb = date_verb(toks, k) if toks[k].head >= 0 else None
    window = [*toks[max(_clause_start(toks, k), k - 5) : k], *([toks[verb]] if verb is not None else [])]
    window = [w for w in window if w.text.lower() not in lx.AUTHOR_ASIDES[lang]]  # "Напомним, в ноябре …"
    return any(
        w.has("Tense=Fut") or w.text.lower() in _FUTURE_VERBS[lang] or (lang == "fr" and _french_future(w))
        for w in window
    )


def governed_future(sent: Sentence, i: int, lang: str) -> bool:
    """Whether the verb the noun at ``i`` hangs on is a future one, however far before the noun it stands.

    By the parse: the first verb above the noun, or an auxiliary of it ("Le sommet évoquera les défis", "the
    summit will be attended", "Issues … will be high on the agenda of a CSTO summit"); without one (English), a
    "will" anywhere in the noun's clause before it or just after it.
    """
    toks = sent.tokens
    if toks[i].head < 0:
        after = [t.text.lower() for t in toks[i + 1 : i + 3]]
        window = [t.text.lower() for t in toks[_clause_start(toks, i) : i]] + after
        return bool(set(window) & _FUTURE_VERBS[lang])
    verb = next((k for k in _head_chain(toks, i)[1:] if toks[k].pos in _VERBS), None)
    if verb is None:
        return False
    words = [toks[verb], *(t for t in toks if t.head == verb and t.pos == "AUX")]
    words = [w for w in words if w.text.lower() not in lx.AUTHOR_ASIDES[lang]]
    return any(
        w.has("Tense=Fut") or w.text.lower() in _FUTURE_VERBS[lang] or (lang == "fr" and _french_future(w))
        for w in words
    )


#: Words that make a clause future: "will", "'ll", "пройдет", "состоится", "будет".
_FUTURE_VERBS = {
    "en": frozenset(["will", "'ll", "shall"]),
    "fr": frozenset(),
    "ru": frozenset(["будет", "будут", "пройдет", "пройдёт", "состоится", "состоятся"]),
}


def _french_future(t: Token) -> bool:
    """A French finite verb in the simple future ("se tiendra", "auront lieu"), which the tagger may call present.

    The passé simple of a -er verb ("déclara") is not one.
    """
    w = t.text.lower()
    if t.pos not in ("VERB", "AUX") or not w.endswith(("ra", "ront")) or not t.lemma.endswith(("er", "ir", "re")):
        return False
    return w != t.lemma[:-2] + "a"


def is_headline(sent: Sentence) -> bool:
    """Whether the sentence opens the document without a closing full stop (a headline)."""
    return sent.start == 0 and not sent.text.rstrip().endswith((".", "!", "?", "»", '"'))


def pick_when(
    times: Sequence[TimeExpression],
    anchor: int,
    memory: Discourse,
    skip: tuple[int, int] | None = None,
    *,
    future: bool = False,
    future_before: bool = True,
    future_until: int | None = None,
) -> When | None:
    """The date expression closest to ``anchor``, explicit ones first; anaphoric ones take the last date.

    ``future``: the event is told in the future tense, so a day name or a date without a year is the next
    one (:attr:`TimeExpression.future`), not the last one — for an expression after the trigger ("will
    join on Tuesday"), and before it ("Во вторник Финляндия станет членом") only with ``future_before``
    (false when a verb of saying in the sentence may own a fronted date: "a déclaré mercredi que…"), and
    never at or after ``future_until`` (a verb of saying after the trigger: "…, he told parliament on
    Wednesday" dates the saying).
    """
    best: tuple[float, When | None] | None = None
    for t in times:
        if (skip and skip[0] <= t.start < skip[1]) or t.unresolved:
            continue
        score = abs(t.start - anchor) + (0 if t.explicit else 20) + (1000 if t.when is None else 0)
        if best is None or score < best[0]:
            forward = (
                future
                and t.future is not None
                and (future_before or t.start > anchor)
                and (future_until is None or t.start < future_until)
            )
            when = t.future if forward else t.when
            best = (score, when if when is not None else memory.last_when)
    return best[1] if best else None


_BASE = {T.STATEMENT: 0.7}
_MODALITY_FACTOR = {Modality.ASSERTED: 1.0, Modality.NEGATED: 0.45, Modality.HYPOTHETICAL: 0.5, Modality.REPORTED: 0.7}


def confidence(type_: T, modality: Modality, org: str | None, actors: tuple[str, ...], when: When) -> float:
    """A score in [0, 1]: base per type, up for resolved arguments and dates, down for modality."""
    score = _BASE.get(type_, 0.65) + (0.1 if org else 0) + (0.1 if actors else 0)
    score += 0.05 if when.precision is not Precision.UNDATED else 0
    return round(min(0.95, score) * _MODALITY_FACTOR[modality], 3)


def make_event(
    type_: T,
    sent: Sentence,
    doc_id: str,
    *,
    org: str | None,
    subject: Mention | None,
    target: Mention | None,
    mentions: Sequence[Mention],
    when: When,
    modality: Modality,
    claim: str = "",
    members: tuple[str, ...] = (),
    gaz: Gazetteer | None = None,
    also: tuple[str, ...] = (),
    stage: str | None = None,
    speakers: tuple[str, ...] = (),
    actors_override: tuple[str, ...] | None = None,
) -> ExtractedEvent:
    """Assemble an event with its evidence (the sentence) and confidence.

    A subject named only by its role ("the prime minister") is the holder of that role on the event's date.
    """
    subject = at_date(subject, when, gaz)
    actors, people = actor_ids(subject)
    actors = tuple(dict.fromkeys((*actors, *also)))  # states coordinated with the subject
    if actors_override is not None:
        actors = actors_override
    tgt = _ref(target) if target else None
    skip = {*actors, tgt, org}
    mentioned = tuple(dict.fromkeys(_ref(m) for m in mentions if _ref(m) not in skip and m.kind != "person"))
    conf = confidence(type_, modality, org, actors, when)
    ev = ExtractedEvent(
        type=type_,
        organization=org,
        actors=actors,
        when=when,
        people=people,
        target=tgt,
        mentioned=mentioned,
        members=members,
        modality=modality,
        claim=claim,
        evidence=(Evidence(doc_id, sent.text, sent.start, sent.end, conf),),
        confidence=conf,
        stage=stage,
        speakers=speakers,
    )
    return replace(ev, title=title_of(ev, gaz))


def at_date(m: Mention | None, when: When, gaz: Gazetteer | None) -> Mention | None:
    """A person named only by role ("le secrétaire général"), resolved to the holder during ``when``.

    >>> from casus.curated import load_kb
    >>> from casus.ingest.entities import gazetteer
    >>> pm = Mention(0, 14, "the president", "person", "Vladimir Putin", state="RUS", role="president",
    ...              by_role=True)
    >>> at_date(pm, When(dt.date(2010, 6, 14), dt.date(2010, 6, 14), Precision.DAY), gazetteer(load_kb())).ref
    'Dmitry Medvedev'
    """
    if m is None or gaz is None or not m.by_role or not m.role:
        return m
    scope = m.state or m.organization
    if scope is None or scope.startswith("@"):
        return m
    person = gaz.holder_during(scope, m.role, when.start, when.end)
    return replace(m, ref=person or f"{m.role} of {scope}")


def title_of(ev: ExtractedEvent, gaz: Gazetteer | None) -> str:
    """A one-line description: who, what, which organization, whom."""

    def name(ref: str | None) -> str:
        if ref and ref.startswith(UNKNOWN_ORG):
            return f"{ref[len(UNKNOWN_ORG) :]} (unknown organization)"
        if not ref or gaz is None:
            return ref or ""
        if ref in gaz.kb.treaties:  # a treaty without an organization: its short name ("Rio Treaty")
            title = gaz.kb.treaties[ref].title
            short = re.findall(r"\(([^)]+)\)", title)
            return short[-1] if short else title
        if ref in gaz.kb.organizations:
            org = gaz.kb.organizations[ref]
            return org.acronym_in("en") or org.name
        return gaz.kb.states.get(ref).name if ref in gaz.kb.states else ref

    who = ", ".join(ev.people or [name(a) for a in ev.actors]) or "(the article)"
    what = "deployment end (forces withdrawn)" if ev.phase == "end" else ev.type.value.replace("_", " ")
    if ev.stage:
        what += f" ({ev.stage})"
    text = f"{who}: {what}"
    if ev.organization:
        text += f" ({name(ev.organization)})"
    if ev.target:
        text += f" → {name(ev.target)}"
    if ev.members:
        text += ": members " + ", ".join(name(m) for m in ev.members)
    if ev.modality is not Modality.ASSERTED:
        text += f" [{ev.modality.value}]"
    if ev.speakers:
        text += " — said by " + ", ".join(name(s) for s in ev.speakers)
    return text


def default_when(memory: Discourse) -> When:
    """The date of an event the sentence does not date."""
    return undated(memory.published)


def roster_event(reading: SentenceReading) -> ExtractedEvent | None:
    """A list of members ("les pays qu'il comprend sont la Russie, …") as a ``statement`` by the article."""
    sent, lang, mentions, times = reading.sent, reading.lang, reading.mentions, reading.times
    memory, doc_id, gaz = reading.memory, reading.doc_id, reading.gaz
    states = [m.ref for m in mentions if m.kind == "state"]
    words = {t.text.lower() for t in sent.tokens} | {t.lemma for t in sent.tokens}
    if len(set(states)) < 3 or not (words & lx.ROSTER[lang]):
        return None
    if words & lx.NOT_ROSTER[lang]:
        return None  # contingents, victims or participants are not a roster of members
    org = next((m.ref for m in mentions if m.kind == "organization"), memory.main_org)
    when = pick_when(times, sent.start, memory) or default_when(memory)
    return make_event(
        T.STATEMENT,
        sent,
        doc_id,
        org=org,
        subject=None,
        target=None,
        mentions=(),
        when=when,
        modality=Modality.ASSERTED,
        claim=sent.text,
        members=tuple(dict.fromkeys(states)),
        gaz=gaz,
    )
