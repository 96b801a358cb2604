"""Joiners recalled with their dates: each clause's state joins on its own date; "later" borrows no date.

"On June 9 2017, India and Pakistan joined the association on equal rights, and Iran joined on July 4 2023"
tells two accessions ("the association" stands for the article's organization, the state after ", and" is the
second clause's subject); "Позже к организации присоединились Индия, Пакистан и Иран" is undated, though the next
sentence names July 2023.
"""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def accessions(analysis):
    return [e for e in analysis.events if e.type is T.ACCESSION]


def test_two_clauses_of_joiners_each_with_its_date(read):
    a = read(
        "Belarus joined the Shanghai Co-operation Organisation (SCO) as a full member. "
        "On June 9 2017, India and Pakistan joined the association on equal rights, and Iran joined on July 4 2023.",
        "en",
        "2024-07-04",
    )
    found = {(e.actors, e.when.start) for e in accessions(a) if e.when.start is not None}
    assert found == {(("IND", "PAK"), D(2017, 6, 9)), (("IRN",), D(2023, 7, 4))}
    assert all(e.organization == "sco" for e in accessions(a))


def test_later_joiners_take_no_date_from_the_next_sentence(read):
    a = read(
        "Россия, Китай, Казахстан, Кыргызстан, Таджикистан и Узбекистан основали ШОС в 2001 году. Позже к "
        "организации присоединились Индия, Пакистан и Иран.\nПоследний саммит организации состоится в июле 2023 "
        "года.",
        "ru",
        "2024-06-01",
    )
    (ev,) = accessions(a)
    assert (set(ev.actors), ev.organization, ev.when.start) == ({"IND", "PAK", "IRN"}, "sco", None)


def test_hoping_to_join_before_a_summit_is_the_state_s_own_plan(read):
    a = read(
        "La Finlande est devenue officiellement, mardi, le 31e membre de l'Otan, en présence du secrétaire général "
        "de l'organisation, Jens Stoltenberg.\n"
        "Le parlement turc a ratifié jeudi dernier l'adhésion de la Finlande, un pays traditionnellement neutre mais "
        "qui a décidé de demander – tout comme la Suède – à rejoindre l'Otan après le début de la guerre en "
        "Ukraine, le 24 février 2022.\n"
        "La Suède attend toujours, en raison de réticences turques et hongroises. Elle espère toutefois encore "
        "adhérer avant le sommet des chefs d'Etat et de gouvernement alliés, prévu les 11 et 12 juillet prochains "
        "à Vilnius.",
        "fr",
        "2023-04-04",
    )
    planned = [e for e in accessions(a) if e.stage == "considering"]
    assert [(e.actors, e.organization, e.modality.value) for e in planned] == [(("SWE",), "nato", "asserted")]
    assert not [e for e in accessions(a) if e.people]


def test_with_a_state_becoming_a_member_under_the_council_of_heads_of_state(read):
    # en8-12 (Asia-Plus, 4 July 2024): "Heads of State" is no verb of saying, and "with Belarus … becoming a
    # member" makes Belarus the new member, not the organization whose meeting opened
    a = read(
        "The 24th Meeting of the Council of Heads of State of the Shanghai Cooperation Organization (SCO) member "
        "nations kicked off in Astana on Thursday with Belarus officially becoming a member of the association.",
        "en",
        "2024-07-04",
    )
    joined = [(e.actors, e.organization, e.when.start) for e in a.events if e.type is T.ACCESSION]
    assert joined == [(("BLR",), "sco", dt.date(2024, 7, 4))]
    assert not [e for e in a.events if e.type is T.STATEMENT]
