"""Trigger lexicons and cue words for alliance events in English, French and Russian.

A trigger is a lemma (spaCy's French lemmas, pymorphy3's Russian normal forms, the English lookup table) that
announces an event type, optionally only when one of some other lemmas follows within a few tokens ("send"
announces a deployment only with "troops", "peacekeepers", "contingent"…) and never when an excluded one
does. What a membership trigger is about is checked on the sentence's mentions (:mod:`casus.ingest.extract`):
troops withdrawn end a deployment (:data:`TROOP_NOUNS`), a place left is no membership change, a treaty
left is its organization left (treaty names and aliases are facts: they come from the curated YAML). The
types follow PLOVER's event ontology where it has one (``REQUEST``, ``REJECT``, ``MOBILIZE``→``deployment``,
``RETREAT``→``deployment`` with phase ``end``, ``CONSULT``→``summit``…) and an alliance extension for
membership changes.

References:
    Halterman, A., Schrodt, P. A., Beger, A., Bagozzi, B. E., Scarborough, G. I. 2023. "Creating Custom Event
    Data Without Dictionaries: A Bag-of-Tricks." arXiv:2304.01331 (the POLECAT/PLOVER ontology).
    Open Event Data Alliance. PLOVER: Political Language Ontology for Verifiable Event Records.
    https://github.com/openeventdata/PLOVER
"""

from __future__ import annotations

import csv
import functools
import re
import unicodedata
from dataclasses import dataclass
from importlib import resources

from casus.kb.events import EventType as T


@dataclass(frozen=True)
class TriggerRule:
    """A lemma that announces an event type, with its conditions.

    Attributes:
        lemma: The trigger's lemma.
        type: The event type.
        needs: One of these lemmas must follow within ``window`` tokens (empty: no condition).
        unless: None of these lemmas may follow within ``window`` tokens.
        window: How far to look.
        needs_org: The sentence must mention an organization (or the article's main one, by a generic noun).
        upgrade: With one of these lemmas within ``window`` tokens either side, the type becomes
            :attr:`upgraded` ("temporairement retiré sa participation" is a suspension).
        upgraded: See ``upgrade``.
        stage: The phase the trigger names (``ratification`` of an accession, ``signature`` of its
            protocol, ``return`` to an organization left before); see :data:`casus.ingest.model.STAGES`.
        before: ``needs`` may also be met this many tokens before the trigger, in its clause (Russian word
            order: "в ОДКБ за помощью обратился Токаев").
    """

    lemma: str
    type: T
    needs: frozenset[str] = frozenset()
    unless: frozenset[str] = frozenset()
    window: int = 6
    needs_org: bool = False
    upgrade: frozenset[str] = frozenset()
    upgraded: T | None = None
    stage: str | None = None
    before: int = 0


def _r(
    lemma: str,
    type_: T,
    needs: str = "",
    unless: str = "",
    *,
    window: int = 6,
    org: bool = False,
    upgrade: str = "",
    upgraded: T | None = None,
    stage: str | None = None,
    before: int = 0,
) -> TriggerRule:
    return TriggerRule(
        lemma,
        type_,
        frozenset(needs.split()),
        frozenset(unless.split()),
        window,
        org,
        frozenset(upgrade.split()),
        upgraded,
        stage,
        before,
    )


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: What a memorandum of accession binds its signer to (the SCO's step before membership: "memorandum of
#: obligations", "mémorandum d'adhésion", "меморандум об обязательствах"); a memorandum of understanding is no step.
_MEMORANDUM_EN = "commitment commitments obligation obligations accession membership"
_MEMORANDUM_FR = "adhésion obligation obligations engagement engagements"
_MEMORANDUM_RU = "обязательство вступление членство"
#: Lemmas of a memorandum of accession (its signer is the state it names: see ``_bound_signer``).
MEMORANDUM = frozenset(["memorandum", "mémorandum", "меморандум"])
_TROOPS_FR = "troupe contingent force soldat militaire casque mission paix hommes unité bataillon élément"
_TROOPS_EN = "troop troops peacekeeper peacekeepers contingent force forces soldier soldiers unit units mission"
_TROOPS_RU = (
    "войско войска миротворец миротворческий контингент сила силы военный военнослужащий подразделение миссия десантник"
    " солдат"
)
#: Weapons that are deployed like forces (set 5's decision 17: "le système de missile russe Oreshnik sera déployé",
#: "l'Allemagne a déployé des systèmes de défense antimissile Patriot", "la France a mobilisé des avions de
#: combat"): only for the verbs of placing forces, never of sending or joining.
_WEAPONS_FR = "système missile avion chasseur batterie"
_WEAPONS_EN = "system systems missile missiles jet jets aircraft battery batteries"
_ARMS_FR = f"{_TROOPS_FR} {_WEAPONS_FR}"
_ARMS_EN = f"{_TROOPS_EN} {_WEAPONS_EN}"
_ARMS_RU = _TROOPS_RU + " комплекс ракета самолет самолёт истребитель"
#: What an organization threatens when it threatens to deploy ("Ecowas has already threatened military action",
#: "l'option d'une intervention militaire", "пригрозило военным вмешательством"; set 5's decision 19).
_FORCE_EN = "military force troops intervention"
_FORCE_FR = "militaire force troupe intervention"
_FORCE_RU = "военный сила войска вмешательство"
#: What an organization launches when it deploys: "NATO launched a new operation", "le lancement d'une opération",
#: "запустила операцию", "l'AES a officiellement lancé sa force unifiée" (kept only when an organization launches
#: it: see :data:`LAUNCH`).
_OPERATION_EN, _OPERATION_FR, _OPERATION_RU = "operation mission force", "opération mission force", "операция миссия"
#: What forces take part in when they are deployed: "North Korean troops took part in the liberation of Kursk",
#: "des sous-unités ont participé aux opérations de libération", "военнослужащие приняли участие в освобождении"
#: (only with the forces named: see :data:`PARTICIPATION`).
_COMBAT_EN = "operation operations liberation fighting combat hostilities battle battles war"
_COMBAT_FR = "opération libération combat hostilités bataille guerre"
_COMBAT_RU = "операция освобождение бой боевой война"
_HELP_FR = "aide assistance soutien intervention intervenir secours troupe renfort envoi soldat"
_HELP_EN = (
    "help assistance aid support intervention intervene troops troop peacekeeper peacekeepers dispatch deployment"
)
_HELP_RU = "помощь содействие поддержка вмешательство вмешаться войско войска миротворец отправка ввод"

#: Words of backing or hoping that make a bare membership noun someone's prospect ("le soutien de Pékin à
#: l'adhésion de l'Azerbaïdjan", "support for Ukraine's membership"): hypothetical (casus.ingest.wishes).
_WISH_EN = "support supports supported backing backed hope hopes"
_WISH_FR = "soutien soutenir appui appuyer espoir espérer"
_WISH_RU = "поддержка поддержать поддерживать надежда"

#: Forces an organization activates or readies (a standby force): a deployment it is considering, not yet made
#: ("ordered the activation of its standby force", "activer sa force en attente", "привести в готовность
#: резервные силы"; fr6-08, fr6-10, ru6-12).
_STANDBY_EN, _STANDBY_FR, _STANDBY_RU = "force forces contingent", "force élément contingent", "сила силы контингент"

#: What a vote or an approval must be about to be a ratification step of an accession, and what it must not.
# "voted to ratify Sweden's entry into NATO"; a treaty's "entry into force" is no accession
_BID_EN, _NOT_BID_EN = "accession protocol membership bid entry", "suspension expulsion withdrawal exit force"
_BID_FR, _NOT_BID_FR = "adhésion protocole accession candidature entrée", "suspension exclusion retrait sortie"
_BID_RU, _NOT_BID_RU = "вступление присоединение протокол заявка", "приостановление исключение выход"

#: The bodies whose session, meeting or conference is a summit: a council, the heads of state ("the 66th ordinary
#: session of heads of states and governments", "la deuxième session ordinaire du Collège des Chefs d'État de
#: l'AES", "la 66ème Conférence des Chefs d'Etat", "сессия Совета коллективной безопасности", "заседание Высшего
#: госсовета"); not the ministers', the chiefs of staff's, a defence council's or the ambassadors' Peace and
#: Security Council's meetings (set 5's decision 20), nor a leader's meeting "with" others.
_BODY_EN, _NOT_BODY_EN = "council leader head", "minister ministers ministerial with peace defense defence"
_BODY_FR, _NOT_BODY_FR = "conseil chef dirigeant collège", "ministre ministériel état-major paix défense"
_BODY_RU, _NOT_BODY_RU = "совет госсовет глава лидер", "министр"

_FR = [
    _r("créer", T.DEPLOYMENT, needs="force", window=4),  # "ont créé une force unifiée": forces, not a pact
    _r("créer", T.FOUNDING, org=True),
    _r("fonder", T.FOUNDING, org=True),
    _r("former", T.DEPLOYMENT, needs="force", window=4),
    _r("former", T.FOUNDING, org=True),  # only "l'alliance formée en 1992" (foundings.weak_founding_named)
    _r("instituer", T.FOUNDING, org=True),
    _r("création", T.FOUNDING, org=True, window=3),
    _r("fondation", T.FOUNDING, org=True, window=3),
    _r(
        "ratifier", T.ACCESSION, needs="adhésion protocole accession candidature entrée", window=8, stage="ratification"
    ),
    _r(
        "ratification",
        T.ACCESSION,
        needs="adhésion protocole accession candidature entrée",
        window=6,
        stage="ratification",
    ),
    _r("voter", T.ACCESSION, needs=_BID_FR, unless=_NOT_BID_FR, window=9, stage="ratification"),
    _r("approuver", T.ACCESSION, needs=_BID_FR, unless=_NOT_BID_FR, window=6, stage="ratification"),
    _r("signer", T.ACCESSION, needs="protocole", window=4, stage="signature", org=True),
    # the SCO's accession step: "signer un mémorandum d'adhésion", "un mémorandum sur « les obligations » du Bélarus"
    _r("mémorandum", T.ACCESSION, needs=_MEMORANDUM_FR, window=4, stage="signature", org=True),
    _r("réintégrer", T.ACCESSION, org=True, stage="return"),
    _r("revenir", T.ACCESSION, needs="dans au sein", org=True, window=2, stage="return"),
    _r("retour", T.ACCESSION, needs="dans au sein", org=True, window=2, stage="return"),
    _r("adhérer", T.ACCESSION, org=True),
    _r("rejoindre", T.ACCESSION, org=True),
    _r("intégrer", T.ACCESSION, org=True),
    _r("accession", T.ACCESSION, org=True, window=4),
    _r("membre", T.ACCESSION, needs="devenir", org=True, window=0),
    _r("membre", T.WITHDRAWAL, needs="cesser", org=True, window=0),  # "cesseront d'être membres de l'organisation"
    _r("adhésion", T.ACCESSION, needs="loi", org=True, window=0),  # "le projet de loi sur … l'adhésion" (a bill)
    _r("adhésion", T.ACCESSION, needs=_WISH_FR, org=True, window=0),  # "le soutien de Pékin à l'adhésion de…"
    _r("candidature", T.APPLICATION),
    _r("demande", T.APPLICATION, needs="adhésion", org=True, window=3),
    _r("demander", T.APPLICATION, needs="adhésion rejoindre adhérer intégrer", window=4),
    _r("suspendre", T.SUSPENSION, org=True),
    _r("geler", T.SUSPENSION, org=True),
    _r("gel", T.SUSPENSION, needs="participation adhésion", org=True, window=4),
    _r("suspension", T.SUSPENSION, needs="participation adhésion", org=True, window=4),
    _r(
        "retirer",
        T.WITHDRAWAL,
        org=True,
        upgrade="temporairement provisoirement",
        upgraded=T.SUSPENSION,
    ),
    _r("quitter", T.WITHDRAWAL, org=True),
    _r("sortir", T.WITHDRAWAL, needs="de du", org=True, window=2),
    _r(
        "retrait",
        T.WITHDRAWAL,
        org=True,
        window=4,
        upgrade="temporaire provisoire",
        upgraded=T.SUSPENSION,
    ),
    _r("sortie", T.WITHDRAWAL, org=True, window=4),
    _r("départ", T.WITHDRAWAL, org=True, window=4),  # "le Mali qui avait déjà annoncé son départ en mai 2022"
    _r("dénoncer", T.WITHDRAWAL, needs="traité pacte", window=3),
    _r("demander", T.INVOCATION, needs="article consultation activation", window=8),
    _r("demander", T.REQUEST_FOR_ASSISTANCE, needs=_HELP_FR, window=10),
    _r("solliciter", T.REQUEST_FOR_ASSISTANCE, needs=_HELP_FR, window=10),
    _r("appeler", T.REQUEST_FOR_ASSISTANCE, needs="aide secours", window=4),
    _r("appel", T.REQUEST_FOR_ASSISTANCE, needs="aide secours", window=3),
    _r("invoquer", T.INVOCATION, needs="article clause traité"),
    _r("jouer", T.INVOCATION, needs="article clause mécanisme", window=4),
    _r("activer", T.INVOCATION, needs="article clause"),
    _r("déclencher", T.INVOCATION, needs="article clause consultation", window=6),
    _r("initier", T.FOUNDING, org=True),  # only "le Quad a été initié en 2007" (foundings.weak_founding_named)
    _r("activation", T.INVOCATION, needs="article clause", window=3),
    _r("activer", T.DEPLOYMENT, needs=_STANDBY_FR, window=5, stage="considering"),  # "activer sa force en attente"
    _r("activation", T.DEPLOYMENT, needs=_STANDBY_FR, window=6, stage="considering"),
    _r("recours", T.INVOCATION, needs="article clause", window=4),
    _r("consultation", T.INVOCATION, needs="article", window=6),
    _r("application", T.INVOCATION, needs="article clause", window=3),
    _r("recourir", T.INVOCATION, needs="article clause", window=4),
    _r("déployer", T.DEPLOYMENT, needs=_ARMS_FR, window=8),
    _r("envoyer", T.DEPLOYMENT, needs=_TROOPS_FR),
    _r("dépêcher", T.DEPLOYMENT, needs=_TROOPS_FR),
    _r("stationner", T.DEPLOYMENT, needs=_ARMS_FR),  # stationed forces (set 5's decision 17)
    _r("intervenir", T.DEPLOYMENT, org=True, window=3),  # an organization intervening (set 6's decision 28)
    _r("menacer", T.DEPLOYMENT, needs=_FORCE_FR, window=5, stage="threatening", org=True),  # set 5's decision 19
    _r(
        "option", T.DEPLOYMENT, needs=_FORCE_FR, window=4, stage="threatening", org=True
    ),  # "l'option d'une intervention"
    _r("arriver", T.DEPLOYMENT, needs=_TROOPS_FR, window=0),
    _r("mobiliser", T.DEPLOYMENT, needs=_WEAPONS_FR, window=4),  # "a mobilisé des avions de combat"
    _r("déploiement", T.DEPLOYMENT, needs=_ARMS_FR, window=5),
    _r("envoi", T.DEPLOYMENT, needs=_TROOPS_FR, window=4),
    _r("participer", T.DEPLOYMENT, needs=_COMBAT_FR, window=6),
    _r("participation", T.DEPLOYMENT, needs=_COMBAT_FR, window=6),
    _r("lancer", T.DEPLOYMENT, needs=_OPERATION_FR, window=5),
    _r("lancement", T.DEPLOYMENT, needs=_OPERATION_FR, window=5),
    _r("terminer", T.WITHDRAWAL, needs="mission", window=4, before=4),
    _r("achever", T.WITHDRAWAL, needs="mission", window=4, before=4),
    _r("refuser", T.REFUSAL),
    _r("rejeter", T.REFUSAL, needs="demande appel requête", window=4),
    _r("décliner", T.REFUSAL, needs="demande appel requête", window=4),
    _r("refus", T.REFUSAL, window=4),
    _r("boycotter", T.REFUSAL, org=True),
    _r("boycott", T.REFUSAL, org=True, window=6),
    _r("sommet", T.SUMMIT),
    _r("réunion", T.SUMMIT, needs=_BODY_FR, unless=_NOT_BODY_FR, window=6),
    _r("session", T.SUMMIT, needs=_BODY_FR, unless=_NOT_BODY_FR, window=6),
    _r("conférence", T.SUMMIT, needs="chef", unless=_NOT_BODY_FR, window=3),
    _r("réunir", T.SUMMIT, needs="chef dirigeant", window=0, org=True),
    # the heads of state deciding together met: "les chefs d'État ont ordonné l'activation de la force"
    _r("ordonner", T.SUMMIT, needs="chef dirigeant", window=0, org=True),
    _r("décider", T.SUMMIT, needs="chef dirigeant", window=0, org=True),
]

_EN = [
    _r("found", T.FOUNDING, org=True),
    _r("form", T.DEPLOYMENT, needs="force forces", window=4),  # "formed a joint force"
    _r("form", T.FOUNDING, org=True),  # only "a defense alliance formed in 1992" (foundings.weak_founding_named)
    _r("establish", T.FOUNDING, org=True),
    _r("create", T.DEPLOYMENT, needs="force forces", window=4),
    _r("create", T.FOUNDING, org=True),
    _r("initiate", T.FOUNDING, org=True),  # only "the Quad was initiated in 2007" (foundings.weak_founding_named)
    _r("founding", T.FOUNDING, org=True, window=3),
    _r("creation", T.FOUNDING, org=True, window=3),
    _r("establishment", T.FOUNDING, org=True, window=3),
    _r("ratify", T.ACCESSION, _BID_EN + " application", "force", window=8, stage="ratification"),
    _r("ratification", T.ACCESSION, needs=_BID_EN, unless="force", window=6, stage="ratification"),
    _r("vote", T.ACCESSION, needs=_BID_EN, unless=_NOT_BID_EN, window=9, stage="ratification"),
    _r("approve", T.ACCESSION, needs=_BID_EN, unless=_NOT_BID_EN, window=6, stage="ratification"),
    _r("sign", T.ACCESSION, needs="protocol", window=4, stage="signature", org=True),
    # "Iran signed a memorandum of commitment to obtain the status of an SCO member state"
    _r("memorandum", T.ACCESSION, needs=_MEMORANDUM_EN, window=3, stage="signature", org=True),
    _r("rejoin", T.ACCESSION, org=True, stage="return"),
    _r("return", T.ACCESSION, needs="to", org=True, window=1, stage="return"),
    _r("join", T.ACCESSION, unless="forces force hands", org=True, window=2),  # "join forces to form"
    _r("accede", T.ACCESSION, org=True),
    _r("accession", T.ACCESSION, org=True, window=3),
    _r("membership", T.ACCESSION, needs=_WISH_EN, org=True, window=0),  # "support for Ukraine's membership"
    _r("admit", T.ACCESSION, needs="member", org=True, window=6),
    _r("accept", T.ACCESSION, needs="member", org=True, window=6),
    _r("member", T.ACCESSION, needs="become became", org=True, window=0),
    _r("member", T.WITHDRAWAL, needs="longer cease ceased ceases", org=True, window=0),  # "cease to be members"
    _r("apply", T.APPLICATION, needs="membership join", window=4),
    _r("ask", T.APPLICATION, needs="join", org=True, window=2),
    # "submitted their NATO membership applications in May 2022": the membership word may come first
    _r("application", T.APPLICATION, needs="membership join", window=4, before=2),
    _r("bid", T.APPLICATION, needs="membership join", window=4, before=2),
    _r("candidacy", T.APPLICATION, needs="membership join", window=4, before=2),  # "their candidacy to join"
    # "Iran submitted its initial application to the alliance 15 years ago": an application submitted is for membership
    _r("submit", T.APPLICATION, needs="application applications candidacy", org=True, window=4),
    _r("suspend", T.SUSPENSION, org=True),
    _r("freeze", T.SUSPENSION, org=True),
    _r("suspension", T.SUSPENSION, org=True, window=4),
    _r("withdraw", T.WITHDRAWAL, org=True),
    _r("leave", T.WITHDRAWAL, org=True),
    _r("quit", T.WITHDRAWAL, org=True),
    _r("exit", T.WITHDRAWAL, org=True),
    _r("withdrawal", T.WITHDRAWAL, org=True, window=4),
    _r("pull", T.WITHDRAWAL, needs="out back", org=True, window=4),
    _r("pullout", T.WITHDRAWAL, org=True, window=4),
    _r("denounce", T.WITHDRAWAL, needs="treaty pact", window=3),
    _r("request", T.INVOCATION, needs="article consultation consultations", window=8),
    _r("use", T.INVOCATION, needs="article", window=2),
    _r("activate", T.INVOCATION, needs="article clause", window=4),
    _r("activate", T.DEPLOYMENT, needs=_STANDBY_EN, window=5, stage="considering"),  # "activate its standby force"
    _r("activation", T.DEPLOYMENT, needs=_STANDBY_EN, window=6, stage="considering"),
    _r("request", T.REQUEST_FOR_ASSISTANCE, needs=_HELP_EN, window=10),
    _r("ask", T.REQUEST_FOR_ASSISTANCE, needs=_HELP_EN, window=10),
    _r("appeal", T.REQUEST_FOR_ASSISTANCE, needs=_HELP_EN, window=10),
    _r("seek", T.REQUEST_FOR_ASSISTANCE, needs=_HELP_EN, window=10),
    _r("invoke", T.INVOCATION, needs="article clause treaty"),
    _r("trigger", T.INVOCATION, needs="article clause"),
    _r("call", T.INVOCATION, needs="article", window=5),
    _r("deploy", T.DEPLOYMENT, needs=_ARMS_EN, window=8),
    _r("send", T.DEPLOYMENT, needs=_TROOPS_EN),
    _r("dispatch", T.DEPLOYMENT, needs=_TROOPS_EN),
    _r("station", T.DEPLOYMENT, needs=_ARMS_EN),  # stationed forces (set 5's decision 17)
    _r("intervene", T.DEPLOYMENT, org=True, window=3),  # "The CSTO did not intervene" (set 6's decision 28)
    _r(
        "threaten", T.DEPLOYMENT, needs=_FORCE_EN, window=4, stage="threatening", org=True
    ),  # "threatened military action"
    _r(
        "option", T.DEPLOYMENT, needs=_FORCE_EN, window=3, stage="threatening", org=True
    ),  # "the option of military force"
    _r("mobilize", T.DEPLOYMENT, needs=_WEAPONS_EN, window=4),  # "mobilized fighter jets"
    _r("arrive", T.DEPLOYMENT, needs=_TROOPS_EN, window=0),
    _r("deployment", T.DEPLOYMENT, needs=_ARMS_EN, window=5, before=1),  # "troop deployment"
    _r("launch", T.DEPLOYMENT, needs=_OPERATION_EN, window=5),
    _r("part", T.DEPLOYMENT, needs=_COMBAT_EN, window=6),
    _r("participate", T.DEPLOYMENT, needs=_COMBAT_EN, window=6),
    _r("participation", T.DEPLOYMENT, needs=_COMBAT_EN, window=6),
    _r("complete", T.WITHDRAWAL, needs="mission", window=4, before=4),
    _r("conclude", T.WITHDRAWAL, needs="mission", window=4, before=4),
    _r("end", T.WITHDRAWAL, needs="mission", window=3, before=3),
    _r("refuse", T.REFUSAL),
    _r("decline", T.REFUSAL, needs="request appeal to", window=4),
    _r("reject", T.REFUSAL, needs="request appeal", window=4),
    _r("rule", T.REFUSAL, needs="out", window=1),
    _r("refusal", T.REFUSAL, window=4),
    _r("boycott", T.REFUSAL, org=True, window=6),
    _r("snub", T.REFUSAL, org=True, window=6),
    _r("skip", T.REFUSAL, needs="summit meeting session", window=5),
    _r("summit", T.SUMMIT),
    _r("meeting", T.SUMMIT, needs=_BODY_EN, unless=_NOT_BODY_EN, window=6),
    _r("session", T.SUMMIT, needs=_BODY_EN, unless=_NOT_BODY_EN, window=8),
    _r("meet", T.SUMMIT, needs="leader leaders head heads", window=0, org=True),
    _r("gather", T.SUMMIT, needs="leader leaders head heads", window=0, org=True),
    # "West African leaders on Thursday ordered the activation of the regional group's standby force" (en9-12),
    # "Monday, leaders of the East African Community (EAC) confirmed the formation of a regional military force"
    _r("order", T.SUMMIT, needs="leader leaders head heads", window=0, org=True),
    _r("instruct", T.SUMMIT, needs="leader leaders head heads", window=0, org=True),
    _r("confirm", T.SUMMIT, needs="leader leaders head heads", window=0, org=True),
]

_RU = [
    _r("создать", T.DEPLOYMENT, needs="сила", window=4),  # "создали совместные военные силы"
    _r("сформировать", T.DEPLOYMENT, needs="сила", window=5),  # "сформировали … блок Объединенных сил"
    _r("создать", T.FOUNDING, org=True),
    _r("созданный", T.FOUNDING, org=True),
    _r("основать", T.FOUNDING, org=True),
    _r("образовать", T.FOUNDING, org=True),  # only "блок, образованный в 1992 году" (foundings.weak_founding_named)
    _r("образованный", T.FOUNDING, org=True),
    _r("основанный", T.FOUNDING, org=True),
    _r("учредить", T.FOUNDING, org=True),
    _r("создание", T.FOUNDING, org=True, window=3),
    _r("учреждение", T.FOUNDING, org=True, window=3),
    _r("основание", T.FOUNDING, org=True, window=3),
    _r("ратифицировать", T.ACCESSION, needs="вступление протокол заявка членство", window=8, stage="ratification"),
    _r("ратификация", T.ACCESSION, needs="вступление протокол заявка членство", window=6, stage="ratification"),
    _r("одобрить", T.ACCESSION, needs=_BID_RU, unless=_NOT_BID_RU, window=6, stage="ratification"),
    _r("проголосовать", T.ACCESSION, needs=_BID_RU, unless=_NOT_BID_RU, window=8, stage="ratification"),
    _r("подписать", T.ACCESSION, needs="протокол", window=4, stage="signature", org=True),
    # "подписания меморандума об обязательствах Беларуси для получения статуса государства-члена ШОС"
    _r("меморандум", T.ACCESSION, needs=_MEMORANDUM_RU, window=3, stage="signature", org=True),
    _r("вернуться", T.ACCESSION, needs="в", org=True, window=2, stage="return"),
    _r("возвращение", T.ACCESSION, needs="в", org=True, window=2, stage="return"),
    _r("вступить", T.ACCESSION, org=True),
    _r("вступать", T.ACCESSION, org=True),
    _r("присоединиться", T.ACCESSION, org=True),
    _r("принять", T.ACCESSION, needs="член членство состав", org=True, window=6),
    _r("член", T.ACCESSION, needs="стать", window=0, org=True),
    _r("член", T.WITHDRAWAL, needs="перестать", window=0, org=True),  # "перестанут быть членами ЭКОВАС"
    _r("вступление", T.ACCESSION, needs="закон законопроект", window=0, org=True),  # a bill about joining
    _r("членство", T.ACCESSION, needs="закон законопроект", window=0, org=True),
    _r("вступление", T.ACCESSION, needs=_WISH_RU, window=0, org=True),  # "поддержка вступления Азербайджана"
    _r("членство", T.ACCESSION, needs=_WISH_RU, window=0, org=True),
    _r("заявка", T.APPLICATION, needs="вступление членство присоединиться присоединение", window=4),
    _r("подать", T.APPLICATION, needs="заявка", window=3),
    _r("приостановить", T.SUSPENSION, org=True),
    _r("заморозить", T.SUSPENSION, org=True),
    _r("заморозка", T.SUSPENSION, org=True, window=4),
    _r("приостановка", T.SUSPENSION, org=True, window=4),
    _r("выйти", T.WITHDRAWAL, org=True),
    _r("выходить", T.WITHDRAWAL, org=True),
    _r("покинуть", T.WITHDRAWAL, org=True),
    _r("покидать", T.WITHDRAWAL, org=True),
    _r("выход", T.WITHDRAWAL, org=True, window=4),
    _r("денонсировать", T.WITHDRAWAL, needs="договор соглашение пакт", window=3),
    _r("вывести", T.WITHDRAWAL, org=True),
    _r("выводить", T.WITHDRAWAL, org=True),
    _r("вывод", T.WITHDRAWAL, org=True, window=4),
    _r("попросить", T.REQUEST_FOR_ASSISTANCE, needs=_HELP_RU, before=6),
    _r("просить", T.REQUEST_FOR_ASSISTANCE, needs=_HELP_RU, before=6),
    # "обратиться к НАТО с просьбой о консультациях по статье 4" asks for consultations: an invocation (below)
    _r("обратиться", T.REQUEST_FOR_ASSISTANCE, _HELP_RU + " просьба", "консультация", window=8, before=10),
    _r("обращаться", T.REQUEST_FOR_ASSISTANCE, _HELP_RU + " просьба", "консультация", window=8, before=10),
    _r("запросить", T.REQUEST_FOR_ASSISTANCE, needs=_HELP_RU, before=6),
    _r("задействовать", T.INVOCATION, needs="статья механизм"),
    _r("применить", T.INVOCATION, needs="статья"),
    _r("применять", T.INVOCATION, needs="статья"),  # the imperfective: "отказалась применять статью 4"
    _r("применение", T.INVOCATION, needs="статья", window=3),
    _r("активировать", T.INVOCATION, needs="статья"),
    _r("активация", T.INVOCATION, needs="статья", window=3),
    _r("запустить", T.INVOCATION, needs="статья"),
    _r("попросить", T.INVOCATION, needs="статья консультация", window=8),
    _r("запросить", T.INVOCATION, needs="статья консультация", window=8),
    _r("инициировать", T.INVOCATION, needs="статья консультация", window=8),
    _r("инициировать", T.FOUNDING, org=True),  # only "Формат QUAD был инициирован" (foundings.weak_founding_named)
    _r("обратиться", T.INVOCATION, needs="консультация", window=8),
    _r("обращаться", T.INVOCATION, needs="консультация", window=8),
    _r("прибегнуть", T.INVOCATION, needs="статья", window=4),
    _r("прибегать", T.INVOCATION, needs="статья", window=4),
    _r("активировать", T.DEPLOYMENT, needs=_STANDBY_RU, window=5, stage="considering"),
    _r("активация", T.DEPLOYMENT, needs=_STANDBY_RU, window=6, stage="considering"),
    _r("готовность", T.DEPLOYMENT, needs=_STANDBY_RU, window=4, before=3, stage="considering"),  # "в готовность силы"
    _r("направить", T.DEPLOYMENT, needs=_TROOPS_RU),
    _r("отправить", T.DEPLOYMENT, needs=_TROOPS_RU),
    _r("ввести", T.DEPLOYMENT, needs=_TROOPS_RU),
    _r("развернуть", T.DEPLOYMENT, needs=_ARMS_RU),
    _r("прибыть", T.DEPLOYMENT, needs=_TROOPS_RU, window=4),
    _r("разместить", T.DEPLOYMENT, needs=_ARMS_RU),  # stationed forces (set 5's decision 17)
    _r("вмешаться", T.DEPLOYMENT, org=True, window=3),  # an organization intervening (set 6's decision 28)
    _r("пригрозить", T.DEPLOYMENT, needs=_FORCE_RU, window=5, stage="threatening", org=True),  # set 5's decision 19
    _r("угрожать", T.DEPLOYMENT, needs=_FORCE_RU, window=5, stage="threatening", org=True),
    _r("дислоцировать", T.DEPLOYMENT, needs=_ARMS_RU),
    _r("ввод", T.DEPLOYMENT, needs=_TROOPS_RU, window=3),
    _r("развертывание", T.DEPLOYMENT, needs=_ARMS_RU, window=3),
    _r("отправка", T.DEPLOYMENT, needs=_TROOPS_RU, window=3),
    _r("участие", T.DEPLOYMENT, needs=_COMBAT_RU, window=6),
    _r("участвовать", T.DEPLOYMENT, needs=_COMBAT_RU, window=6),
    _r("запустить", T.DEPLOYMENT, needs=_OPERATION_RU, window=5),
    _r("запуск", T.DEPLOYMENT, needs=_OPERATION_RU, window=5),
    _r("завершить", T.WITHDRAWAL, needs="миссия", window=4, before=4),
    _r("завершиться", T.WITHDRAWAL, needs="миссия", window=4, before=4),
    _r("завершение", T.WITHDRAWAL, needs="миссия", window=3),
    _r("отказаться", T.REFUSAL),
    _r("отказать", T.REFUSAL),
    _r("отклонить", T.REFUSAL, needs="просьба запрос"),
    _r("отказ", T.REFUSAL, window=4),
    _r("прекратить", T.REFUSAL, needs="финансирование", window=4),  # "прекратил участие в ее финансировании"
    _r("саммит", T.SUMMIT),
    _r("заседание", T.SUMMIT, needs=_BODY_RU + " комитет секретарь", unless=_NOT_BODY_RU, window=5),
    _r("сессия", T.SUMMIT, needs=_BODY_RU, unless=_NOT_BODY_RU, window=5),
    _r("встретиться", T.SUMMIT, needs="глава лидер", window=0, org=True),
    _r("собраться", T.SUMMIT, needs="глава лидер", window=0, org=True),
    _r("поручить", T.SUMMIT, needs="глава лидер", window=0, org=True),
    _r("бойкотировать", T.REFUSAL, org=True),
]

RULES: dict[str, tuple[TriggerRule, ...]] = {"fr": tuple(_FR), "en": tuple(_EN), "ru": tuple(_RU)}


@functools.cache
def rules_by_lemma(lang: str) -> dict[str, tuple[TriggerRule, ...]]:
    """The rules of a language indexed by lemma, in lexicon order."""
    out: dict[str, list[TriggerRule]] = {}
    for r in RULES[lang]:
        out.setdefault(r.lemma, []).append(r)
    return {k: tuple(v) for k, v in out.items()}


@functools.cache
def verb_stems(lang: str) -> tuple[tuple[str, tuple[TriggerRule, ...]], ...]:
    """``(stem, rules)`` for verbs of 8 letters or more ("sollicit" for "solliciter"), longest first."""
    out = [
        (lemma[:-2], rules)
        for lemma, rules in rules_by_lemma(lang).items()
        if len(lemma) >= 8 and lemma.endswith(("er", "ir"))
    ]
    return tuple(sorted(out, key=lambda x: -len(x[0])))


#: Nouns for armed forces. A withdrawal trigger with one of them as its subject or its object ("the troops
#: started leaving Kazakhstan", "retrait des troupes", "вывод войск") is the end of a deployment (PLOVER's
#: ``RETREAT``, a withdrawal of forces), not a state leaving an organization.
TROOP_NOUNS: dict[str, frozenset[str]] = {
    "en": _words(
        "troop troops peacekeeper peacekeepers contingent contingents force forces soldier soldiers unit units "
        "battalion battalions serviceman servicemen personnel mission"
    ),
    "fr": _words(
        "troupe troupes contingent contingents force forces soldat soldats casque casques militaire militaires "
        "bataillon bataillons unité unités mission"
    ),
    "ru": _words(
        "войско войска миротворец контингент сила военный военнослужащий солдат подразделение батальон миссия"
    ),
}

#: Verbs and nouns that only end a mission: with forces as their object or subject they end a deployment
#: ("the mission was completed", "la mission est terminée", "завершившаяся миссия ОДКБ"); otherwise they are
#: nothing (never a state leaving an organization).
MISSION_END: frozenset[str] = frozenset(
    ["complete", "conclude", "end", "terminer", "achever", "завершить", "завершиться", "завершение"]
)
#: Verbs of coming back: with forces as their subject ("часть северокорейских сил … вернулась в Северную Корею",
#: "the troops returned home") they end a deployment, whole or in part (set 7's decision 41).
FORCES_RETURN: frozenset[str] = frozenset(["return", "вернуться"])
#: What a state "returns to" that is a regime, not an organization ("failure to return to constitutional governance",
#: "a return to civilian rule", "return to their homes"): no return to membership. French "retour" and Russian
#: "возвращение" need "dans / au sein" and "в", which "à l'ordre constitutionnel", "к конституционному порядку" lack.
RETURNED_TO_REGIME: frozenset[str] = frozenset(
    ["constitutional", "civilian", "democratic", "democracy", "normalcy", "normality", "order", "rule", "homes"]
)
#: Triggers of taking part: a deployment only when forces take part ("troops took part in the liberation of
#: Kursk", "участие своих войск"), never a state or a leader ("Armenia will not take part in the summit").
PARTICIPATION: frozenset[str] = frozenset(
    ["part", "participate", "participation", "participer", "участие", "участвовать"]
)
#: Triggers of an operation launched: a deployment only when an organization launches it ("NATO launched Eastern
#: Sentry"); a state's "special military operation" is not an alliance deployment.
LAUNCH: frozenset[str] = frozenset(["launch", "lancer", "lancement", "запустить", "запуск"])

#: Punctuation that closes a clause: how far back a subject or forward an opening adverbial is looked for
#: (:mod:`casus.ingest.extract`, :mod:`casus.ingest.invocations`).
CLAUSE_ENDS: frozenset[str] = frozenset([",", ";", ":", ".", "!", "?"])

#: Words that open a phrase on an earlier event an act came after ("deployed … after a previous round of
#: hostilities in 2020", "размещен … после обострения конфликта осенью 2020 года"): the phrase's date is that
#: event's (decision 66 of the ninth held-out set); ``FOLLOWING_SAME_DAY`` before them makes it the same day.
FOLLOWING: dict[str, frozenset[str]] = {
    "en": frozenset(["after", "following"]),
    "fr": frozenset(["après"]),
    "ru": frozenset(["после"]),
}
#: Verbs whose object is another act and whose date is their own: "condemned North Korea's troop deployment
#: … on Monday", "a approuvé l'année dernière la demande d'adhésion de l'Iran", "подтвердила участие своих войск
#: … в апреле" (words and lemmas; the act they judge is dated by its own words only).
JUDGING: dict[str, frozenset[str]] = {
    "en": frozenset(["condemn", "condemns", "condemned", "approve", "approves", "approved", "confirmed", "confirms"]),
    "fr": frozenset(["condamner", "approuver", "confirmer"]),
    "ru": frozenset(["осудить", "одобрить", "подтвердить"]),
}
FOLLOWING_SAME_DAY: frozenset[str] = frozenset(["immediately", "right", "juste", "aussitôt", "сразу", "тут"])

#: Words between a troop noun and the trigger that show they belong to different clauses ("refused to host
#: troops and may leave the bloc").
CLAUSE_JOINS: frozenset[str] = frozenset([",", ";", ":", "and", "or", "but", "et", "ou", "mais", "и", "или", "но", "а"])

#: Event types that change a state's membership: their object must be an organization or a treaty ("left the
#: CSTO", "quitté le traité"), never a place ("left Moscow", "quitter le Kazakhstan", "покинуть Казахстан").
MEMBERSHIP_TYPES: frozenset[T] = frozenset({T.ACCESSION, T.SUSPENSION, T.WITHDRAWAL})
#: Changes of membership, an application included: one state's act towards one organization.
MEMBERSHIP_CHANGES: frozenset[T] = MEMBERSHIP_TYPES | {T.APPLICATION}

#: Nouns that make what is joined, left or suspended something other than membership: a meeting ("left the
#: CSTO summit", "покинул саммит ОДКБ"), people ("retiré ses représentants de l'OTSC"), a proposal.
NOT_MEMBERSHIP: dict[str, frozenset[str]] = {
    "en": _words(
        "summit meeting talks session exercise exercises drills conference ceremony representative "
        "representatives envoy ambassador delegation delegations candidate candidacy offer proposal request funding "
        "financing budget"
    ),
    "fr": _words(
        "sommet réunion session exercice exercices manœuvre manœuvres conférence cérémonie représentant "
        "représentants ambassadeur délégation délégations candidat candidature offre proposition demande "
        "financement budget"
    ),
    "ru": _words(
        "саммит заседание встреча сессия учение учения переговоры конференция церемония представитель посол "
        "делегация кандидатура предложение заявка финансирование бюджет"
    ),
}

#: The word "treaty": with a definite article and no name after it ("left the treaty", "quitté le traité",
#: "вышел из договора") it refers to the article's main organization or treaty.
TREATY_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset(["treaty", "pact"]),
    "fr": frozenset(["traite", "pacte"]),
    "ru": frozenset(["договор", "пакт"]),
}

#: Words after "treaty" that make it some other, named treaty ("the treaty on conventional forces").
TREATY_NAMED_AFTER: frozenset[str] = frozenset(
    ["of", "on", "with", "between", "de", "d'", "du", "des", "sur", "avec", "entre", "о", "об", "с", "со", "между"]
)

#: Joining as an observer ("l'ont rejointe en 2005 en tant qu'observateur", fr9-10; "joined as an observer", "в
#: качестве наблюдателя"): an observer does not accede. Pattern on the words after the joining, in its sentence.
AS_OBSERVER: dict[str, str] = {
    "fr": r"\ben tant qu['’]\s*observat",
    "en": r"\bas (?:an )?observer",
    "ru": r"в качестве наблюдател",
}

#: Stems of a state's neutrality: renouncing it ("Обе страны решили отказаться от нейтрального статуса и
#: присоединиться к военному альянсу", ru6-06; "renoncer à sa neutralité", "abandon its non-alignment") moves
#: towards an alliance and refuses none.
NEUTRALITY: tuple[str, ...] = ("нейтрал", "neutral", "non-align", "nonalign", "non-alig")

#: Ordinary words of a language spelt like an organization's short name, read as the word in a text written
#: in capitals ("L'ARMÉNIE REFUSE DE VERSER SA CONTRIBUTION AU BUDGET DE L'ORGANISATION…", fr9-01: "au", not
#: the African Union, whose French short name is UA; Russian "ВАС", "you", not the Supreme Arbitration Court).
SHOUTED_WORDS: dict[str, frozenset[str]] = {
    "fr": frozenset(["au"]),
    "en": frozenset(),
    "ru": frozenset(["вас"]),
}

#: State institutions that speak and act for their state ("the foreign ministry in Tashkent said", "le
#: ministère arménien des Affaires étrangères", "МИД республики"): folded phrase (Russian: lemmas) → whether
#: the phrase alone, with no state bound to it, stands for the state last named ("the ministry said").
INSTITUTIONS: dict[str, dict[str, bool]] = {
    "en": {
        "foreign ministry": True,
        "ministry of foreign affairs": True,
        "foreign affairs ministry": True,
        "foreign office": True,
        "defence ministry": True,
        "defense ministry": True,
        "ministry of defence": True,
        "ministry of defense": True,
        "ministry": True,
        "government": True,
        "cabinet": False,
        "presidential administration": True,
        "presidential office": True,
        "president's office": True,
        "presidency": True,
        "prime minister's office": True,
        "parliament": False,
        "embassy": False,
    },
    "fr": {
        "ministere des affaires etrangeres": True,
        "ministere de l'europe et des affaires etrangeres": True,
        "ministere de la defense": True,
        "ministere": True,
        "gouvernement": True,
        "executif": False,
        "presidence": True,
        "administration presidentielle": True,
        "diplomatie": False,
        "parlement": False,
        "ambassade": False,
    },
    "ru": {
        "мид": True,
        "министерство иностранный дело": True,
        "министерство оборона": True,
        "минобороны": True,
        "министерство": True,
        "ведомство": False,
        "внешнеполитический ведомство": True,
        "правительство": True,
        "кабмин": True,
        "кабинет министр": True,
        "администрация президент": True,
        "аппарат президент": True,
        "офис президент": True,
        "пресс служба": False,
        "парламент": False,
        "посольство": False,
    },
}

#: Institutions that are located abroad: "the embassy in Moscow" is not Russia's.
ABROAD: frozenset[str] = frozenset(["embassy", "ambassade", "посольство"])

#: Words that make a trigger about membership of the article's organization even when it is not named
#: ("Erevan avait gelé sa participation").
MEMBERSHIP_WORDS: frozenset[str] = frozenset(
    ["participation", "adhésion", "membership", "participation", "членство", "участие"]
)

#: Words that make a signed protocol or memorandum an accession's, so that its organization may be the article's
#: own when the sentence names none ("Finland signed its accession protocol on 5 July 2022", "Le mémorandum
#: d'obligations sur son adhésion avait été signé", "протокол о вступлении Финляндии был подписан").
ACCESSION_DOCUMENT: frozenset[str] = frozenset(
    _MEMORANDUM_EN.split() + _MEMORANDUM_FR.split() + _MEMORANDUM_RU.split() + ["присоединение", "обязательства"]
)

#: Trigger lemmas that are nouns: their agent is the "de X" / "of X" / genitive mention after them.
NOUN_TRIGGERS: frozenset[str] = frozenset(
    [
        "création",
        "fondation",
        "candidature",
        "demande",
        "adhésion",
        "gel",
        "suspension",
        "retrait",
        "sortie",
        "départ",
        "appel",
        "déploiement",
        "envoi",
        "lancement",
        "refus",
        "sommet",
        "réunion",
        "founding",
        "accession",
        "application",
        "bid",
        "suspension",
        "withdrawal",
        "appeal",
        "deployment",
        "dispatch",
        "launch",
        "refusal",
        "summit",
        "meeting",
        "member",
        "создание",
        "вступление",
        "членство",
        "заявка",
        "заморозка",
        "приостановка",
        "выход",
        "ввод",
        "развертывание",
        "отправка",
        "запуск",
        "завершение",
        "отказ",
        "саммит",
        "заседание",
        "член",
    ]
)

#: Event types never negated by a negation before them ("did not attend the summit": the summit took place).
UNNEGATED: frozenset[T] = frozenset({T.SUMMIT})

#: Types whose trigger governs the next trigger ("refused to send", "asked to join": nothing was sent or joined).
GOVERNING: dict[T, int] = {T.REFUSAL: 8, T.APPLICATION: 3, T.CONSIDERATION_OF_WITHDRAWAL: 3}
#: Types whose trigger governs a deployment after it in the same clause: "asked the CSTO to send troops",
#: "a demandé à l'OTSC d'envoyer des troupes", "попросил ОДКБ направить войска" ask for forces, nobody sent them.
GOVERNING_DEPLOYMENT: dict[T, int] = {T.REQUEST_FOR_ASSISTANCE: 10}
#: Stages whose trigger governs the membership words after it ("ratified Sweden's accession", "voted in favour
#: of Sweden's membership bid", "ратифицировал заявку Швеции"): they are the stage, not another event.
GOVERNING_STAGES: dict[str, int] = {"ratification": 10, "signature": 6}

#: Nouns that stand for the state last named ("son pays", "the country", "страна").
COUNTRY_WORDS: frozenset[str] = frozenset(["pays", "country", "страна"])
#: "Nation" stands for a state only as a membership change's subject ("The Nordic nation submitted an
#: application"): elsewhere it names peoples and the United Nations.
NATION_WORDS: frozenset[str] = frozenset(["nation", "государство"])

#: Verbs of saying and their nouns: they make a ``statement`` by their subject.
REPORTING: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "écrire",  # "a écrit sur la plateforme X : « … »"
            "déclarer",
            "affirmer",
            "souligner",
            "expliquer",
            "dire",
            "annoncer",
            "suggérer",
            "indiquer",
            "estimer",
            "critiquer",
            "réfuter",
            "démentir",
            "assurer",
            "préciser",
            "ajouter",
            "avertir",
            "accuser",
            "dénoncer",
            "insister",
            "rappeler",
            "confirmer",
            "promettre",
            "reprocher",
            "condamner",
            "nier",
            "regretter",
        ]
    ),
    "en": frozenset(
        [
            "write",  # "wrote on X"
            "say",
            "tell",
            "state",
            "announce",
            "stress",
            "claim",
            "warn",
            "criticize",
            "criticise",
            "deny",
            "insist",
            "add",
            "note",
            "accuse",
            "suggest",
            "explain",
            "confirm",
            "argue",
            "vow",
            "pledge",
            "promise",
            "urge",
            "complain",
            "blame",
            "emphasize",
            "emphasise",
            "condemn",
            "reaffirm",
            "dismiss",
        ]
    ),
    "ru": frozenset(
        [
            "написать",  # "«…», — написал премьер"
            "заявить",
            "сказать",
            "отметить",
            "подчеркнуть",
            "сообщить",
            "раскритиковать",
            "критиковать",
            "опровергнуть",
            "обвинить",
            "предупредить",
            "утверждать",
            "добавить",
            "пояснить",
            "объявить",
            "заверить",
            "напомнить",
            "указать",
            "признать",
            "отвергнуть",
            "упрекнуть",
            "осудить",
            "пообещать",
            "заявлять",
            "говорить",
            "призвать",
        ]
    ),
}

#: Verbs of saying (not in REPORTING) only before a clause ("что", a colon, a quotation): "Премьер-министр
#: Эстонии … подтвердил, что его страна … инициировала консультации" (ru9-09) says; "подтвердили участие
#: северокорейских военнослужащих" (ru5-10), "подтвердив тем самым вступление" (ru8-04) and "подтвердила дату и
#: место проведения саммита" take the act as their object (see JUDGING).
CLAUSE_ONLY: frozenset[str] = frozenset(["подтвердить"])
#: What opens the clause such a verb says.
CLAUSE_OPENERS: frozenset[str] = frozenset(["что", ":", "«", '"', "“"])

#: Verbs whose subject disputes or blames: their direct object is the statement's target.
CRITICAL: frozenset[str] = frozenset(
    [
        "critiquer",
        "accuser",
        "dénoncer",
        "reprocher",
        "condamner",
        "criticize",
        "criticise",
        "accuse",
        "blame",
        "condemn",
        "complain",
        "раскритиковать",
        "критиковать",
        "обвинить",
        "упрекнуть",
        "осудить",
    ]
)

#: "according to X" markers: X made a statement.
ACCORDING_TO: dict[str, tuple[str, ...]] = {
    "fr": ("selon", "d'après", "d’après"),
    "en": ("according to",),
    "ru": (
        "по его словам",
        "по ее словам",
        "по её словам",
        "по их словам",
        "по словам",
        "по мнению",
        "как заявил",
        "как заявила",
        "как сообщил",
    ),
}

NEGATION: dict[str, frozenset[str]] = {
    "fr": frozenset(["pas", "jamais", "aucun", "aucune", "ni", "sans", "guère"]),
    "en": frozenset(["not", "n't", "never", "no", "without", "yet"]),  # "the sole member yet to ratify"
    "ru": frozenset(["не", "ни", "никогда", "нет", "без"]),
}

#: Modal verbs and markers of possibility, condition or intention.
HYPOTHETICAL: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "pouvoir",
            "si",
            "éventuel",
            "éventuellement",
            "possible",
            "possiblement",
            "envisageable",
            "projeter",
            "compter",
            "éventualité",
            "hypothèse",
        ]
    ),
    "en": frozenset(
        [
            "could",
            "might",
            "may",
            "would",
            "will",
            "should",
            "if",
            "possibly",
            "potentially",
            "possible",
            "plan",
            "intend",
            "'ll",
            "wo",
        ]
    ),
    "ru": frozenset(
        [
            "мочь",
            "можно",
            "бы",
            "если",
            "возможно",
            "возможный",
            "планировать",
            "намереваться",
            "собираться",
            "быть",
            "вероятно",
        ]
    ),
}

#: Verbs of considering / threatening: with a withdrawal trigger they make ``consideration_of_withdrawal``.
CONSIDER: dict[str, frozenset[str]] = {
    "fr": frozenset(["envisager", "menacer", "songer", "réfléchir", "étudier", "évoquer", "exclure", "examiner"]),
    "en": frozenset(["consider", "considering", "threaten", "weigh", "mull", "contemplate", "rule"]),
    "ru": frozenset(
        ["рассматривать", "рассмотреть", "угрожать", "обдумывать", "задуматься", "исключать", "допускать", "думать"]
    ),
}

#: Words of intention or plan: before a trigger they make its event a ``considering`` stage ("we will
#: leave", "intends to request consultations", "compte se retirer", "намерены выйти"), not a fact. A
#: decision ("decided to send a mission") is told as the act.
INTENT: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "compter",
            "compte",
            "entendre",
            "projeter",
            "intention",
            "prévoir",
            "volonté",
            "vouloir",
            "préparer",
            "apprêter",  # "la Biélorussie s'apprête à signer un mémorandum d'adhésion" (the tagger's lemma varies)
            "apprête",
            "apprêtent",
            "chercher",  # "cherche à rejoindre l'OTAN": a wish to join is an intention (convention 14)
            "espérer",
            "aspirer",
            "prêt",
            "prête",
            "prêts",
            "prêtes",
        ]
    ),
    "en": frozenset(
        [
            "will",
            "'ll",
            "intend",
            "intention",
            "plan",
            "set",
            "going",
            "prepare",
            "aim",
            "seek",  # "has long sought to join the military alliance" (convention 14)
            "want",  # "Laos wants to join the Shanghai Cooperation Organization" (convention 14)
            "wants",
            "wanted",
            "sought",
            "hope",
            "aspire",
            "ready",  # "be ready for the deployment of the ECOWAS standby force" (convention 19)
            "readiness",
        ]
    ),
    "ru": frozenset(
        [
            "намереваться",
            "намерение",
            "намерен",
            "намерена",
            "намерены",
            "планировать",
            "собираться",
            "готовиться",
            "стремиться",
            "надеяться",
            "готовый",
            "готов",
            "готова",
            "готовы",
            "готовность",
        ]
    ),
}

#: Words of expecting an act as scheduled: "La Suède devrait devenir ce jeudi le 32e membre de l'Otan", "la
#: Biélorussie devrait signer un mémorandum d'adhésion" (``devoir`` in the conditional), "Turkey's assembly is
#: expected to give the nod", "вступление ожидается в июле". The act is planned (stage ``considering``, convention
#: 1 of the held-out sets), not a mere possibility, though "devrait" is a conditional.
EXPECTED: dict[str, frozenset[str]] = {
    "fr": frozenset(["devrait", "devraient", "censé", "censée", "censés", "censées"]),
    "en": frozenset(["expected", "slated", "scheduled", "set"]),  # "Finland is set to become a member on Tuesday"
    "ru": frozenset(["ожидается", "ожидаться"]),
}

#: Words of a speaker's confidence or promise that someone else will act ("I am absolutely confident that Sweden
#: will also become a member", "its previous commitment that Ukraine would join NATO in the future", "уверен, что
#: Украина станет членом"): said by a third party of another state's accession, a prospect, ``hypothetical``
#: (set 5's decision 15, fr7-09, en10-02), not that state's own plan.
PROMISED: dict[str, frozenset[str]] = {
    "en": frozenset(["confident", "convinced", "certain", "commitment", "promise", "promised", "pledge", "pledged"]),
    "fr": frozenset(["confiant", "convaincu", "certain", "engagement", "promesse", "promettre", "promis"]),
    "ru": frozenset(["уверен", "уверенный", "убежден", "убеждённый", "обещание", "обещать", "обязательство"]),
}

#: Verbs of weighing an act before doing it: before any trigger they make its event a ``considering`` stage
#: ("Armenia is also considering applying for membership", "envisager de convoquer des consultations …
#: en vertu de l'article 4", "рассматривает возможность вступления"), and so does checking or studying its
#: grounds ("we are checking the grounds for applying Article 4", "Nous vérifions le bien-fondé du recours à
#: l'article 4", "изучает основания для"). Ruling out ("exclure", "rule out") is not weighing.
WEIGHING: dict[str, frozenset[str]] = {
    "fr": frozenset(["envisager", "songer", "réfléchir", "étudier", "examiner", "vérifier", "bien-fondé"]),
    "en": frozenset(["consider", "considering", "weigh", "mull", "contemplate", "study", "studying", "grounds"]),
    "ru": frozenset(["рассматривать", "рассмотреть", "обдумывать", "задуматься", "изучать", "основание"]),
}

#: Nouns of an act's weighed effects: an act whose implications are assessed is being considered, not done: "an
#: assessment of the … implications that a deployment of their reserve forces would have in Niger" (en9-09),
#: "оценку последствий развертывания сил" (ru6-04), "une évaluation des implications … d'un tel déploiement"
#: (fr7-15). Read across a clause boundary, up to six words before the trigger.
IMPLICATIONS: dict[str, frozenset[str]] = {
    "fr": frozenset(["implication", "implications", "conséquence", "conséquences"]),
    "en": frozenset(["implications", "consequences", "implication"]),
    "ru": frozenset(["последствие", "последствия", "последствий"]),
}

#: Words of deciding: a decision to join or to apply ("decided to join", "formally decided to apply for NATO
#: membership", "a décidé de rejoindre", "решили присоединиться", "одобрил решение о присоединении") is the
#: act at stage ``considering`` (sets 4-6, convention 14): joining and applying take others' acceptance. A
#: decision to send, to withdraw, to suspend or to request consultations is told as the act.
DECIDING: dict[str, frozenset[str]] = {
    "fr": frozenset(["décider", "décidé", "décision"]),
    "en": frozenset(["decide", "decided", "decision"]),
    "ru": frozenset(["решить", "решение", "решать"]),
}

#: Verbs of approving or authorizing a deployment: "одобрило развертывание в Ниамее сил" (ru6-04), "approved the
#: deployment", "a autorisé le déploiement" — forces allowed to go, not yet sent (``considering``).
AUTHORIZING: dict[str, frozenset[str]] = {
    "fr": frozenset(["approuver", "autoriser", "approuvé", "autorisé"]),
    "en": frozenset(["approve", "approved", "authorize", "authorized", "authorise", "authorised"]),
    "ru": frozenset(["одобрить", "одобрять", "разрешить", "санкционировать"]),
}

#: Verbs of asking someone to act: "Estonia asks NATO to activate Article 4" is Estonia's request, not a
#: headline's future ("Armenia to leave CSTO").
ASKING: dict[str, frozenset[str]] = {
    "fr": frozenset(["demander", "appeler", "exhorter", "inviter"]),
    "en": frozenset(["ask", "asks", "asked", "urge", "urges", "urged", "call", "calls", "called", "request"]),
    "ru": frozenset(["попросить", "просить", "призвать", "призывать"]),
}

#: Words of threat: before a trigger they make its event a ``threatening`` stage ("threatened to leave").
THREAT: dict[str, frozenset[str]] = {
    "fr": frozenset(["menacer", "menace"]),
    "en": frozenset(["threaten", "threat", "threatening"]),
    "ru": frozenset(["угрожать", "пригрозить", "угроза"]),
}

#: Verbs (and participles) of appointing to an office (:mod:`casus.ingest.appointments`).
APPOINT: dict[str, frozenset[str]] = {
    "en": frozenset(["appoint", "appointed", "name", "named", "elect", "elected", "designate", "designated"]),
    "fr": frozenset(["nommer", "nommé", "nommée", "désigner", "désigné", "désignée", "élire", "élu", "élue"]),
    "ru": frozenset(["назначить", "назначать", "избрать", "утвердить", "назначение", "назначенный", "избранный"]),
}

#: Verbs that stop what follows from happening: "bloqué la ratification", "blocked Sweden's accession".
BLOCKING: dict[str, frozenset[str]] = {
    "fr": frozenset(["bloquer", "retarder", "freiner", "entraver", "empêcher"]),
    "en": frozenset(["block", "delay", "stall", "obstruct", "prevent"]),
    "ru": frozenset(["блокировать", "заблокировать", "затягивать", "затянуть", "препятствовать", "тормозить"]),
}

#: Nouns of a membership application a ratification may approve ("ratified Sweden's application for NATO
#: membership", "одобрил заявку Швеции", "approuvé la candidature de Helsinki"), matched in the sentence's lower case.
APPLICATION_NOUNS: dict[str, tuple[str, ...]] = {
    "en": ("application",),
    "fr": ("candidature",),
    "ru": ("заявк",),
}

#: Words of a long stretch of time before a negated past act ("долгое время не ратифицировали", "в течение почти
#: двух лет не одобряла", "более полутора лет не ратифицировала", "had for months refused", "avait longtemps
#: refusé"): a delay the text tells as over, not a denial in force (set 10's decision 101; set 7's ru7-05).
LONG_WHILE: dict[str, frozenset[str]] = {
    "ru": frozenset(["долгое", "долго", "течение", "полутора", "полтора", "лет", "месяцев", "годами", "месяцами"]),
    "fr": frozenset(["longtemps", "pendant", "durant", "mois", "ans", "années"]),
    "en": frozenset(["long", "months", "years"]),
}

#: "At present" words: a state of things now, not a day an act happened on. "В настоящее время единственным членом
#: альянса, не одобрившим заявку Швеции, является Венгрия" (ru10-12) dates no denial, as en8-03's "At the moment,
#: Hungary remains the only NATO country whose parliament has not ratified" dates none; "today" stays a day.
AT_PRESENT = frozenset(
    [
        "в настоящее время",
        "на сегодняшний день",
        "сейчас",
        "at present",
        "at the moment",
        "currently",
        "actuellement",
        "à l'heure actuelle",
        "à présent",
    ]
)

#: Words that make a blocking still going on: "La candidature de Stockholm est toujours bloquée par Ankara et
#: Budapest" (set 6's decision 31: a ratification still blocked is a negated ratification by the blockers).
STILL: dict[str, frozenset[str]] = {
    "fr": frozenset(["toujours", "encore"]),
    "en": frozenset(["still", "remains", "remain"]),
    "ru": frozenset(),  # "блокируется Турцией": the blockers are in the instrumental, not after a "by" word
}

#: "Suspended on" a condition ("dont l'entrée dans l'Alliance est suspendue au bon vouloir de la Turquie"): the
#: verb of suspending followed by these words says what something depends on, not that it is suspended.
HANGING_ON: dict[str, frozenset[str]] = {"fr": frozenset(["à", "au", "aux"]), "en": frozenset(), "ru": frozenset()}

#: Bills and laws: an accession word a bill is about is a decision to apply, not an accession.
BILL: dict[str, frozenset[str]] = {
    "fr": frozenset(["loi", "projet"]),
    "en": frozenset(["bill", "law", "legislation"]),
    "ru": frozenset(["законопроект", "закон"]),
}

#: Words of the author's impersonal asides before a verb of saying ("Il est important de noter que…", "It is worth
#: noting that…", "Следует отметить, что…"); English and French only in a sentence opening with "it / il".
IMPERSONAL: dict[str, frozenset[str]] = {
    "en": frozenset(["worth", "important", "should", "must", "interesting", "noteworthy"]),
    "fr": frozenset(["convient", "important", "faut", "intéressant", "utile"]),
    "ru": frozenset(["следует", "стоит", "важно", "нужно", "необходимо", "надо"]),
}

#: Words that refer back to several states named before ("the countries' exit", "the trio were suspended",
#: "ces trois pays", "выход этих стран"), matched on the words just before a membership trigger.
PLURAL_STATES: dict[str, tuple[str, ...]] = {
    "en": ("the countries", "the three countries", "the trio", "the three states", "these countries"),
    "fr": ("les trois pays", "ces trois pays", "ces pays", "les trois états", "ces trois états", "le trio"),
    "ru": ("эти страны", "этих стран", "три страны", "трех стран", "трёх стран", "эти государства", "этих государств"),
}

#: Words of starting a procedure: a vote "for starting the accession bid" decides to apply.
START: dict[str, frozenset[str]] = {
    "en": frozenset(["start", "starting", "launch", "launching", "initiate", "initiating", "begin", "beginning"]),
    "fr": frozenset(["début", "lancer", "lancement", "engager", "ouvrir", "ouverture"]),
    "ru": frozenset(["начало", "начать", "запуск", "запустить", "начинать"]),
}

#: Nouns of a way towards an act: "the Nordic country's path to joining", "la voie de l'adhésion", "путь к
#: вступлению" name a prospect, not the act.
PROSPECT: dict[str, frozenset[str]] = {
    "fr": frozenset(["chemin", "voie", "route", "perspective"]),
    "en": frozenset(["path", "road", "way", "route", "prospect"]),
    "ru": frozenset(["путь", "дорога", "перспектива"]),
}

#: Nouns of talk about a topic, with the words that introduce it: a membership noun inside "a question about
#: … Ukraine's accession", "le débat sur l'adhésion", "вопрос о вступлении" is what is talked about, not an act.
TOPIC: dict[str, tuple[frozenset[str], frozenset[str]]] = {
    "en": (frozenset(["question", "debate", "discussion", "issue", "talks"]), frozenset(["about", "on", "over", "of"])),
    "fr": (frozenset(["question", "débat", "discussion"]), frozenset(["sur", "de", "du", "des", "concernant"])),
    "ru": (frozenset(["вопрос", "дискуссия", "обсуждение", "дебаты"]), frozenset(["о", "об", "по", "про"])),
}

#: Words that make a clause an indirect question ("asked why Armenia does not leave"): it asserts nothing.
INTERROGATIVE: dict[str, frozenset[str]] = {
    "fr": frozenset(["pourquoi", "comment"]),
    "en": frozenset(["why", "whether", "how"]),
    "ru": frozenset(["почему", "зачем", "ли", "как"]),
}

#: "at the request of X" (the state whose request an invocation or a deployment answers: X acts).
AT_REQUEST: dict[str, tuple[str, ...]] = {
    "fr": ("à la demande de", "à la demande du", "à la demande des", "sur demande de", "à la requête de"),
    "en": ("at the request of", "at the behest of", "on the request of"),
    "ru": ("по просьбе", "по запросу"),
}
#: Further ways of saying that forces answer someone's request ("in response to the request of X", "à l'appel de
#: X", "в ответ на просьбу X"), and the English possessive ("at Tokayev's request"): nouns after "'s".
ANSWERING: dict[str, tuple[str, ...]] = {
    "fr": ("en réponse à la demande de", "en réponse à la demande du", "à l'appel de", "à l’appel de", "à l'appel du"),
    "en": ("in response to the request of", "in response to a request from", "following a request from"),
    "ru": ("в ответ на просьбу", "в ответ на запрос", "по обращению"),
}
REQUEST_NOUNS_EN: frozenset[str] = frozenset(["request", "behest", "appeal"])

#: Words that make a list of states something other than a roster of members: contingents, victims,
#: participants ("units of the armed forces of Armenia, Belarus…", "states that suffered incidents").
NOT_ROSTER: dict[str, frozenset[str]] = {
    "en": frozenset(
        [
            "unit",
            "units",
            "troops",
            "contingent",
            "contingents",
            "forces",
            "victim",
            "victims",
            "participant",
            "participants",
            "incident",
            "incidents",
            "attack",
            "attacked",
            "suffered",
            "violation",
            "violations",
            "attended",
            "participated",
        ]
    ),
    "fr": frozenset(
        [
            "unité",
            "unités",
            "troupe",
            "troupes",
            "contingent",
            "contingents",
            "force",
            "forces",
            "victime",
            "victimes",
            "participant",
            "participants",
            "incident",
            "incidents",
            "attaque",
            "violation",
            "participé",
        ]
    ),
    "ru": frozenset(
        [
            "подразделение",
            "подразделения",
            "войско",
            "войска",
            "контингент",
            "сила",
            "силы",
            "жертва",
            "участник",
            "участники",
            "инцидент",
            "нарушение",
            "атака",
            "участвовать",
        ]
    ),
}

#: Verbs linking a subject to the noun it is (lemmas): "Венгрия остается единственной страной, которая не
#: ратифицировала…", "единственным членом альянса, не одобрившим заявку Швеции, является Венгрия", "Hungary
#: remains the only member that…", "la Hongrie reste le seul pays qui…": the clause on the noun tells the subject's act.
COPULAS = frozenset(["оставаться", "являться", "remain", "be", "rester", "demeurer", "être"])

#: Pronouns that stand for the last person or state named.
PRONOUNS: dict[str, frozenset[str]] = {
    "fr": frozenset(["il", "elle", "ils", "elles"]),
    "en": frozenset(["he", "she", "they", "it"]),
    "ru": frozenset(["он", "она", "они", "оно"]),
}

#: Words before a summit noun that tell the summit as the next day ("à la veille d'un sommet de l'Otan",
#: "on the eve of a summit", "накануне саммита"): :func:`casus.ingest.summits.eve_of`. "Ahead of", "en prélude
#: à", "в преддверии" give no day and not even the summit's tense ("в преддверии нынешнего саммита ШОС", ru8-11).
SUMMIT_EVE: frozenset[str] = frozenset(["veille", "eve", "накануне"])

#: Lemmas of a past participle that tells a summit as held ("по итогам прошедшего 23 ноября саммита", "le sommet
#: tenu à Accra", "the summit held in Accra"): :func:`casus.ingest.summits.held`. "Prévu", "scheduled" are
#: participles too, of a plan, and are not here.
SUMMIT_HELD: frozenset[str] = frozenset(
    ["hold", "held", "tenir", "dérouler", "пройти", "проходить", "состояться", "провести", "завершиться"]
)

#: Head nouns of a named body whose meeting a summit noun may be ("le sommet de l'Initiative des Trois Mers",
#: "une réunion d'urgence du Conseil de la sécurité nationale"): with no known organization in its name, the
#: meeting is that body's, not the article's alliance's (:func:`casus.ingest.summits.foreign_body`).
BODY_NAMES: frozenset[str] = frozenset(
    [
        *("initiative", "council", "conseil", "forum", "conference", "conférence", "league", "ligue", "group"),
        *("groupe", "partnership", "partenariat", "union", "community", "communauté", "organisation"),
        *("organization", "assembly", "assemblée"),
    ]
)

#: Words naming an organization's mission as a body of forces that was sent ("the peacekeeping contingent",
#: "миротворческий контингент ОДКБ", "les forces de maintien de la paix"): a text telling its withdrawal names
#: it as deployed (set 10's decision 94). Matched as lower-case stems in the quote of the withdrawal.
MISSION_FORCES: tuple[str, ...] = ("peacekeep", "contingent", "maintien de la paix", "миротвор", "контингент")

#: The author's own asides, first person plural ("Напомним, ШОС, основанная в 2001 году…", "Rappelons que…"):
#: the article speaking in its own voice, not a claim. English only as the sentence's first word ("Recall that…").
AUTHOR_ASIDES: dict[str, frozenset[str]] = {
    "en": frozenset(["recall", "note"]),
    "fr": frozenset(["rappelons", "rappelons-le", "notons", "précisons", "soulignons"]),
    "ru": frozenset(["напомним", "отметим", "заметим", "подчеркнем", "подчеркнём", "уточним"]),
}
#: Object pronouns after "selon" / "according to" / "по словам": "selon lui", "according to him", "по его словам".
PRONOUN_SPEAKERS: frozenset[str] = frozenset(["lui", "elle", "him", "her", "them", "его", "ее", "её", "их"])

#: Prepositions that introduce a target ("à/contre/envers", "to/against", "в/против").
TARGET_PREPS: dict[str, frozenset[str]] = {
    "fr": frozenset(["à", "au", "aux", "en", "vers", "contre", "envers"]),
    "en": frozenset(["to", "into", "against", "towards", "toward", "in"]),
    "ru": frozenset(["в", "во", "против", "к", "на"]),
}

#: Prepositions that introduce whom a statement is about ("envers l'Arménie", "against", "перед Арменией").
STATEMENT_PREPS: frozenset[str] = frozenset(["envers", "contre", "against", "towards", "toward", "против", "перед"])

#: Possessives that make "pays/country/страна" the speaker's own country ("son pays", "its country").
POSSESSIVES: frozenset[str] = frozenset(
    ["son", "notre", "leur", "his", "its", "our", "their", "свой", "своя", "свою", "наш", "наша", "нашу", "его"]
)

#: Prepositions that make a mention a non-subject ("de l'Arménie", "of Armenia", "из ОДКБ").
OBLIQUE_PREPS: dict[str, frozenset[str]] = {
    "fr": frozenset(
        [
            "de",
            "d'",
            "du",
            "des",
            "à",
            "au",
            "aux",
            "en",
            "par",
            "pour",
            "contre",
            "envers",
            "avec",
            "entre",
            "sur",
            "vers",
            "dans",
        ]
    ),
    "en": frozenset(
        ["of", "to", "by", "for", "against", "with", "between", "from", "into", "on", "in", "towards", "toward", "at"]
    ),
    "ru": frozenset(["в", "во", "из", "от", "для", "против", "с", "со", "к", "по", "на", "между", "о", "об", "у"]),
}

#: Words announcing a list of members ("les pays qu'il comprend sont…", "its members are…").
ROSTER: dict[str, frozenset[str]] = {
    "fr": frozenset(["comprend", "comprendre", "membres", "membre", "composée", "compose", "regroupe", "compte"]),
    "en": frozenset(["members", "member", "comprises", "comprise", "includes", "include", "consists", "consist"]),
    "ru": frozenset(["входят", "входить", "член", "члены", "состав", "объединяет"]),
}


def fold(text: str) -> str:
    """Lower-case and strip Latin accents (Cyrillic ``й`` is kept), for the prefilter.

    >>> fold("Créée")
    'creee'
    """
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) or ch == "\u0306")


def _stem(word: str) -> str:
    word = fold(word)
    if " " in word or len(word) <= 4:
        return word
    return word[: min(6, max(4, len(word) - 3))]


#: Verbs of an organization becoming a new form of itself ("a évolué vers une Confédération", "was transformed
#: into", "преобразован в конфедерацию"): the new form's founding when a founding treaty dates it
#: (:func:`casus.ingest.foundings.reform_foundings`).
REFORMING: dict[str, frozenset[str]] = {
    "en": frozenset(["evolve", "evolved", "transform", "transformed", "upgrade", "upgraded"]),
    "fr": frozenset(["évoluer", "évolué", "transformer", "transformé", "transformée"]),
    "ru": frozenset(["превратиться", "преобразовать", "преобразоваться", "преобразованный", "трансформироваться"]),
}


#: Exercise nouns a sentence refusing an exercise may hold without any trigger ("ne considère pas opportun de
#: mener des exercices de l'OTSC"; :mod:`casus.ingest.absences`).
DRILLS: dict[str, frozenset[str]] = {
    "en": frozenset(["exercises", "drills"]),
    "fr": frozenset(["exercice", "exercices"]),
    "ru": frozenset(["учения"]),
}


@functools.cache
def prefilter(lang: str) -> re.Pattern[str]:
    """A regular expression that any sentence holding a trigger, a reporting verb or a roster matches.

    Matched against :func:`fold`-ed text. Built from the stems of every trigger, reporting-verb and roster
    lemma (with the common irregular English past forms), so sentences without any cheap match are never
    parsed.
    """
    words: set[str] = {r.lemma for r in RULES[lang]} | set(REPORTING[lang]) | set(ROSTER[lang])
    words |= set(ACCORDING_TO[lang]) | APPOINT[lang] | (BILL[lang] - {"projet"})  # the readings of a bill
    words |= REFORMING[lang] | DRILLS[lang]
    if lang == "en":
        words |= {"told", "said", "froze", "frozen", "left", "sent", "sought", "became"}
    if lang == "fr":
        words |= {"dit", "mis", "fait", "pris", "parvenu"}  # "sont parvenues à un accord" (a pact's founding)
    if lang == "ru":
        words |= {"вышл", "вышел", "ушл", "ушел", "вышли", "вернул", "размещ", "вмешал"}  # "размещен", "вмешалась"
    stems = sorted({_stem(w) for w in words}, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(s) for s in stems) + ")")


#: Words of military exercise: forces sent "на совместные учения", "deployed … exercising with", a deployment
#: "practiced" are drills, not a deployment (exercises are not labelled: set 4's decision 10, set 5's 17).
EXERCISE: dict[str, frozenset[str]] = {
    "en": frozenset(["exercise", "drill", "practice", "practise", "wargame", "manoeuvre", "maneuver"]),
    "fr": frozenset(["exercice", "manœuvre", "manoeuvre", "entraînement", "entrainement"]),
    "ru": frozenset(["учение", "учения", "маневры", "манёвры", "тренировка"]),
}

#: What one takes part in that is an organization's event (a summit, a session, an exercise).
GATHERINGS: dict[str, frozenset[str]] = {
    "en": frozenset(["summit", "meeting", "session", "exercise", "exercises", "drills", "council"]),
    "fr": frozenset(["sommet", "réunion", "session", "exercice", "exercices", "manœuvre", "manœuvres", "conseil"]),
    "ru": frozenset(["саммит", "заседание", "сессия", "учение", "учения", "совет", "встреча"]),
}


@functools.cache
def since_cues(lang: str) -> tuple[tuple[str, int], ...]:
    """The words that make a date the start of a lasting state ("since 2021", "depuis 2015", "с 2015 года").

    Each cue comes with how many words may stand between it and the date ("since its creation in 1949": two;
    a short word that is also a preposition, Russian "с" ("with"), must come right before it). The lists are
    ``data/since_cues.csv``; :class:`casus.ingest.temporal.TimeExpression` carries the result as ``since``.

    >>> since_cues("fr")
    (('depuis', 3), ('dès', 0))
    """
    text = resources.files("casus.ingest").joinpath("data/since_cues.csv").read_text("utf-8")
    rows = csv.DictReader(text.splitlines())
    return tuple((r["cue"], int(r["words_between"])) for r in rows if r["lang"] == lang)
