"""An organization that suspends states is the actor; the states it suspends are the event's members.

Convention 8 of the real-article sets (tests/ingest/eval/heldout4/README.md). The sentences are from the
real articles of the development sets (ids given), or their shortest real form.
"""

import datetime as dt

from casus.ingest.model import Mention, Modality
from casus.ingest.nlp import Token
from casus.ingest.suspensions import suspends_state
from casus.kb.events import EventType as T

D = dt.date


def _suspensions(a):  # type: ignore[no-untyped-def]
    return [(e.actors, e.members, e.organization) for e in a.events if e.type is T.SUSPENSION]


def test_an_organization_suspending_a_state_in_russian_acts_and_the_state_is_a_member(read):
    # ru5-06 (RIA Novosti, 28 November 2025), its headline
    a = read("ЭКОВАС приостановило членство Гвинеи-Бисау в объединении.", "ru", "2025-11-28")
    assert _suspensions(a) == [(("ecowas",), ("GNB",), "ecowas")]


def test_an_organization_announcing_the_suspension_of_a_state_in_french_suspends_it(read):
    # fr5-15 (Netafrique, 28 November 2025): the announcement is the act, the state its member
    a = read(
        "La Communauté économique des États de l’Afrique de l’Ouest (CEDEAO) a annoncé, ce vendredi 28 novembre "
        "2025, « la suspension immédiate » de la Guinée-Bissau de toutes ses instances décisionnelles, en "
        "réaction au coup d’État militaire survenu deux jours plus tôt, le mercredi 26 novembre.",
        "fr",
        "2025-11-28",
    )
    (ev,) = [e for e in a.events if e.type is T.SUSPENSION]
    assert (ev.actors, ev.members, ev.when.start) == (("ecowas",), ("GNB",), D(2025, 11, 28))


def test_states_suspended_in_the_passive_are_the_members_the_organization_suspends(read):
    # en4-15 (Daily Post, 15 December 2024): "the trio" are the three states named before
    a = read(
        "DAILY POST reported that the military regimes in Burkina Faso, Mali and Niger announced their "
        "immediate withdrawal from the ECOWAS in January this year.\n\n"
        "Prior to the withdrawal, the trio were suspended from ECOWAS, with Niger and Mali facing heavy sanctions.",
        "en",
        "2024-12-15",
    )
    ((actors, members, org),) = _suspensions(a)
    assert (actors, set(members), org) == (("ecowas",), {"BFA", "MLI", "NER"}, "ecowas")


def test_a_french_passive_suspension_names_the_organization_as_actor(read):
    a = read("La Guinée-Bissau a été suspendue de la CEDEAO jeudi.", "fr", "2025-11-28")
    assert _suspensions(a) == [(("ecowas",), ("GNB",), "ecowas")]


def test_a_state_suspending_its_own_participation_stays_the_actor(read):
    # en3-03 (24.kg, 23 February 2024): Armenia suspends; the noun names Armenia's participation, not Armenia
    a = read(
        "Nikol Pashinyan announces suspension of Armenia's participation in CSTO\n\n"
        "Armenia suspends its participation in the CSTO. The country’s Prime Minister Nikol Pashinyan announced.",
        "en",
        "2024-02-23",
    )
    assert {actors for actors, _, _ in _suspensions(a)} == {("ARM",)}
    assert all(members == () for _, members, _ in _suspensions(a))


def _tokens(text: str) -> list[Token]:
    out, pos = [], 0
    for word in text.split():
        start = text.index(word, pos)
        out.append(Token(word, start, start + len(word), word.lower()))
        pos = start + len(word)
    return out


def test_suspends_state_needs_the_state_itself_after_the_noun():
    toks = _tokens("the suspension of Mali from all its bodies")
    assert suspends_state(toks, 1, [Mention(18, 22, "Mali", "state", "MLI")])
    toks = _tokens("the suspension of Armenia 's membership")
    assert not suspends_state(toks, 1, [Mention(18, 25, "Armenia", "state", "ARM")])  # Armenia's own act
    toks = _tokens("the suspension of its participation in the CSTO")
    assert not suspends_state(toks, 1, [Mention(43, 47, "CSTO", "organization", "csto")])


def test_announcing_the_suspension_of_a_state_is_the_organization_suspending_it(read):
    a = read("ECOWAS announced the suspension of Mali from all its bodies.", "en", "2025-11-28")
    assert _suspensions(a) == [(("ecowas",), ("MLI",), "ecowas")]


def test_an_organization_announcing_it_suspends_a_member_suspends_it(read):
    """fr7-15 (Setal, 2023-08-22): "L'UA a annoncé mardi suspendre le Niger": the AU's act, dated Tuesday."""
    a = read(
        "L'Union africaine (UA) a annoncé mardi suspendre le Niger de ses institutions après le coup d'Etat dans ce "
        "pays, selon un communiqué de son Conseil de Paix et de sécurité (CPS).",
        "fr",
        "2023-08-22",
    )
    (ev,) = [e for e in a.events if e.type is T.SUSPENSION]
    assert (ev.actors, ev.members, ev.organization) == (("au",), ("NER",), "au")
    assert (ev.modality, ev.when.start) == (Modality.ASSERTED, dt.date(2023, 8, 22))


def test_a_suspension_following_a_coup_last_month_is_not_dated_by_the_coup(read):
    # Zambian Observer (BBC), 2023-08-22 (development set 6, en6-07): "last month" is the coup's date
    text = "The African Union (AU) has suspended Niger from all its activities following the military coup last month."
    (ev,) = [e for e in read(text, "en", "2023-08-22").events if e.type is T.SUSPENSION]
    assert (ev.actors, ev.members, ev.when.start) == (("au",), ("NER",), None)


_STILL_SUSPENDED = (
    "Meanwhile, other African nations that experienced military takeovers—including Mali, Burkina Faso, Guinea, "
    "and Niger—remain suspended from the AU due to their continued military rule and failure to return to "
    "constitutional governance."
)


def test_states_that_remain_suspended_are_the_organization_s_members_and_return_to_no_regime(read):
    # en11-07 (African Now, 30 April 2025): gold, one undated suspension by the AU of the four states; "return to
    # constitutional governance" is no return to the AU
    a = read(_STILL_SUSPENDED, "en", "2025-04-30")
    ((actors, members, org),) = _suspensions(a)
    assert (actors, sorted(members), org) == (("au",), ["BFA", "GIN", "MLI", "NER"], "au")
    assert not [e for e in a.events if e.type is T.ACCESSION]


def test_states_that_remain_suspended_in_french(read):
    # the French form of en11-07's sentence (no development set has one): "rester" before the participle
    a = read("Le Mali, le Burkina Faso, la Guinée et le Niger restent suspendus de l'UA.", "fr", "2025-04-30")
    ((actors, members, org),) = _suspensions(a)
    assert (actors, sorted(members), org) == (("au",), ["BFA", "GIN", "MLI", "NER"], "au")


def test_states_still_suspended_do_not_fold_into_another_state_s_dated_suspension(read):
    # en11-07: Gabon's suspension, lifted, dated by the statement "issued Wednesday"; the four states still
    # suspended are another, undated suspension (gold: both, by the AU)
    a = read(
        "The African Union (AU) has officially lifted its suspension of Gabon, nearly two years after the country "
        "was sidelined following a military coup in August 2023. In a statement issued Wednesday on social media "
        "platform X, the AU’s Peace and Security Council announced Gabon’s full reinstatement. Gabon was suspended "
        "after General Oligui, then head of the Republican Guard, deposed long-time president Ali Bongo Ondimba, "
        "ending over five decades of Bongo family rule. " + _STILL_SUSPENDED,
        "en",
        "2025-04-30",
    )
    found = sorted((sorted(e.members), e.when.start is None) for e in a.events if e.type is T.SUSPENSION)
    assert ["BFA", "GIN", "MLI", "NER"] in [members for members, _ in found]
    assert (["BFA", "GIN", "MLI", "NER"], True) in found
