"""Triggers and their subjects (casus.ingest.extract): relations to a state, nouns far from their verb."""

import datetime as dt

import pytest

from casus.ingest.model import DEPLOYMENT_END
from casus.kb.events import EventType as T

D = dt.date


def test_an_ally_of_a_state_is_not_that_state(read):
    a = read("Un allié de Moscou rejoint l'OCS.", "fr", "2024-07-04")
    assert not [e for e in a.events if e.type is T.ACCESSION and "RUS" in e.actors]


def test_becoming_a_member_with_a_date_in_between(read):
    a = read(
        "La Biélorussie est devenue officiellement, le jeudi 4 juillet, le dixième membre de l'OCS.", "fr", "2024-07-05"
    )
    (ev,) = [e for e in a.events if e.type is T.ACCESSION]
    assert (ev.actors, ev.organization, ev.when.start) == (("BLR",), "sco", D(2024, 7, 4))


def test_initiating_consultations_under_article_4_in_russian(read):
    a = read("Польша, Эстония, Латвия и Литва инициировали консультации по четвертой статье НАТО.", "ru", "2022-02-24")
    (ev,) = [e for e in a.events if e.type is T.INVOCATION]
    assert (set(ev.actors), ev.organization) == ({"POL", "EST", "LVA", "LTU"}, "nato")


def test_a_membership_noun_talked_about_is_no_act_and_its_possessor_is_whose_it_is(read):
    # en5-13 (A News, 26 February 2025): the question is about Ukraine's accession; Trump joins nothing
    a = read(
        "Trump was responding to a journalist's question about Russia's war of aggression and Ukraine's accession "
        "to the Western military alliance at a cabinet meeting.",
        "en",
        "2025-02-26",
    )
    assert not [e for e in a.events if e.type is T.ACCESSION]
    # the same possessor outside a question: Ukraine's accession, not the subject's (Trump's) state
    b = read("NATO. Trump was asked about Ukraine's accession to the Western military alliance.", "en", "2025-02-26")
    assert [e.actors for e in b.events if e.type is T.ACCESSION] == [("UKR",)]


def test_a_french_participle_tagged_as_a_noun_is_still_its_verb(read):
    # fr5-08 (Sahel Intelligence, 22 December 2025): "Créée" opening the sentence is tagged as a noun
    a = read(
        "Créée en septembre 2023, l’Alliance des Etats du Sahel a évolué vers une Confédération en juillet 2024, "
        "renforçant ainsi son cadre politique et stratégique.",
        "fr",
        "2025-12-22",
    )
    found = [(e.organization, e.when.start, e.when.end) for e in a.events if e.type is T.FOUNDING]
    assert ("aes", dt.date(2023, 9, 1), dt.date(2023, 9, 30)) in found


def test_a_participle_after_a_determiner_is_the_noun(read):
    # "l'envoyé spécial" is an envoy, not a sending of forces
    a = read("L'envoyé spécial de l'OTSC est arrivé à Erevan.", "fr", "2025-12-22")
    assert not [e for e in a.events if e.type is T.DEPLOYMENT]


def test_a_compound_is_the_trigger_of_its_last_part_ru(read):
    # ru5-06 (RIA Novosti, 28 November 2025): "онлайн-саммита" is a summit
    a = read(
        "Экономическое сообщество стран Западной Африки (ЭКОВАС) приостановило членство Гвинеи-Бисау в объединении "
        "в связи с произошедшим в стране в среду военным переворотом, следует из опубликованного в пятницу "
        "коммюнике внеочередного онлайн-саммита региональной организации, прошедшего в четверг.",
        "ru",
        "2025-11-28",
    )
    (ev,) = [e for e in a.events if e.type is T.SUMMIT]
    assert (ev.organization, ev.when.start) == ("ecowas", dt.date(2025, 11, 27))


def test_a_negating_first_part_makes_a_compound_no_trigger(read):
    a = read("Finland, then a non-member, took part in the exercise.", "en", "2022-06-01")
    assert not [e for e in a.events if e.type is T.ACCESSION]


@pytest.mark.parametrize(
    ("text", "lang", "published", "owner"),
    [
        # ru6-02 (Meduza, 2024-04-17): the owner's adjective before the troops withdrawn
        ("Начался процесс вывода российских миротворцев из Нагорного Карабаха.", "ru", "2024-04-17", "RUS"),
        # en6-09 (Horizon Weekly, 2022-11-24), in Pashinyan's words: "the Azerbaijani troops"
        (
            "Armenia proposes to speed up the necessary political and diplomatic work with the Azerbaijani side, "
            "aimed at the immediate and unconditional withdrawal of the Azerbaijani troops from the sovereign "
            "territory of the Republic of Armenia.",
            "en",
            "2022-11-24",
            "AZE",
        ),
        # leradar.info, 2023-10-10 (Niger): the nationality adjective right after the troops
        ("Le retrait des soldats français du Niger est effectif.", "fr", "2023-10-10", "FRA"),
    ],
)
def test_troops_withdrawn_named_by_their_owners_adjective_end_that_states_deployment(
    read, text, lang, published, owner
):
    (ev,) = [e for e in read(text, lang, published).events if e.type is T.DEPLOYMENT]
    assert ev.actors == (owner,) and ev.claim.startswith(DEPLOYMENT_END)  # forces withdrawn, whoever's plan it is
