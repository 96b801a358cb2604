"""Withdrawals told as a noun whose genitive names the states, and a state's own exit declared."""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def withdrawals(analysis):
    return [e for e in analysis.events if e.type is T.WITHDRAWAL]


def test_states_named_after_a_withdrawal_noun_leave_the_organization_of_the_article(read):
    # Africa Presse, 2025-08-29 (development set 7, fr7-04): the organization is named only the sentence before
    text = (
        "La Communauté économique des États de l'Afrique de l'Ouest (Cédéao) a réuni à Abuja, du 27 au 29 août "
        "2025, ses experts financiers et militaires pour définir un mécanisme de financement durable de la Force en "
        "attente. Cet instrument doit désormais passer du concept à la réalité, malgré le retrait du Mali, du Niger "
        "et du Burkina Faso. Après avoir arrêté en juillet 2025 un cadre de formation, l'organisation se concentre "
        "désormais sur son volet budgétaire."
    )
    (ev,) = withdrawals(read(text, "fr", "2025-08-29"))
    assert (set(ev.actors), ev.organization, ev.modality.value, ev.stage) == (
        {"MLI", "NER", "BFA"},
        "ecowas",
        "asserted",
        None,
    )
    assert ev.when.start is None  # recalled in background: the next sentence's July is not its date


def test_a_withdrawal_noun_is_undated_by_another_state_relative_clause(read):
    # Les Panafricaines, 2023-12-06 (development set 8, fr8-10)
    text = (
        "Les présidents mauritanien et tchadien ont annoncé leur intention de dissoudre le G5 Sahel. Cette "
        "déclaration fait suite au retrait récent du Burkina Faso et du Niger de cette alliance, rejoignant le Mali "
        "qui avait déjà annoncé son départ en mai 2022."
    )
    found = {frozenset(e.actors): e for e in withdrawals(read(text, "fr", "2023-12-06"))}
    assert found[frozenset({"BFA", "NER"})].when.start is None
    mali = found[frozenset({"MLI"})]
    assert (mali.organization, mali.when.start, mali.when.end) == ("g5-sahel", D(2022, 5, 1), D(2022, 5, 31))


def test_troops_after_a_withdrawal_noun_are_no_state_leaving(read):
    text = (
        "Armenia has frozen its participation in the CSTO. Azerbaijani media first reported on the withdrawal of "
        'Russian "peacekeepers" on April 16.'
    )
    assert not [e for e in withdrawals(read(text, "en", "2024-04-17")) if e.actors == ("RUS",)]


def test_states_announcing_they_are_leaving_leave(read):
    # Pledge Times, 2024-07-06 (development set 4, en4-09): the declaration is the act (sets 6-7's convention)
    text = (
        "In January, Niger, Burkina Faso and Mali announced they were leaving the Economic Community of West African "
        "States (ECOWAS), citing the group's failure to help combat terrorism and insecurity."
    )
    (ev,) = withdrawals(read(text, "en", "2024-07-06"))
    assert (set(ev.actors), ev.organization, ev.modality.value) == ({"NER", "BFA", "MLI"}, "ecowas", "asserted")
    assert (ev.when.start, ev.when.end) == (D(2024, 1, 1), D(2024, 1, 31))


def test_a_decision_to_withdraw_announced_is_the_withdrawal(read):
    # Gaborone Herald (AP), 2023-12-02 (development set 6, en6-13)
    text = (
        "Burkina Faso and Niger's military leaders announced Saturday they decided to withdraw from the West African "
        "multi-national military force, G5 Sahel, citing its failure to meet its objectives."
    )
    (ev,) = withdrawals(read(text, "en", "2023-12-02"))
    assert (set(ev.actors), ev.modality.value) == ({"BFA", "NER"}, "asserted")


def test_a_freeze_announced_as_done_stays_a_self_report(read):
    text = "Pashinyan said in February that Armenia had frozen its participation in the CSTO."
    (ev,) = [e for e in read(text, "en", "2024-04-17").events if e.type is T.SUSPENSION]
    assert ev.modality.value == "reported"


def test_the_three_countries_gather_the_states_of_the_last_exits_told_apart(read):
    # Reuters via Daily Mail, 2024-01-30 (development set 8, en8-07)
    text = (
        "Burkina Faso has formally notified the Economic Community of West African States (ECOWAS) of its decision "
        "to leave the bloc, a notice seen by Reuters on Tuesday showed.\n\n"
        "Mali and Niger's foreign ministries also informed the ECOWAS Commission of their decisions to leave the "
        "bloc in written notices dated Jan. 29.\n\n"
        "The decision of the three countries to exit ECOWAS, announced in a simultaneous joint statement on their "
        "national television channels on Sunday, is a blow to the bloc's regional integration efforts."
    )
    found = {frozenset(e.actors): e.when.start for e in withdrawals(read(text, "en", "2024-01-30"))}
    assert found[frozenset({"BFA", "MLI", "NER"})] == D(2024, 1, 28)
    assert found[frozenset({"MLI", "NER"})] == D(2024, 1, 29)
