"""Steps of a national ratification of an accession: votes and approvals, each its own event; denials negated."""

import datetime as dt

import pytest

from casus.kb.events import EventType as T

D = dt.date


def accessions(analysis):
    return [e for e in analysis.events if e.type is T.ACCESSION]


def test_a_parliament_vote_for_a_membership_bid_is_its_state_ratification_step(read):
    a = read(
        "The Turkish parliament on Tuesday voted in favour of Sweden's NATO membership bid, a step on the "
        "Nordic country's path to joining the alliance.",
        "en",
        "2024-01-24",
    )
    (ev,) = accessions(a)
    assert (ev.actors, ev.organization, ev.stage, ev.when.start) == (("TUR",), "nato", "ratification", D(2024, 1, 23))


def test_an_approval_in_russian_and_french(read):
    (ru,) = accessions(read("Турция одобрила присоединение Швеции к НАТО 24 января.", "ru", "2024-02-26"))
    assert (ru.actors, ru.stage, ru.when.start) == (("TUR",), "ratification", D(2024, 1, 24))
    (fr,) = accessions(
        read("Le parlement hongrois a voté lundi en faveur de l'adhésion de la Suède à l'Otan.", "fr", "2024-02-27")
    )
    assert (fr.actors, fr.stage, fr.when.start) == (("HUN",), "ratification", D(2024, 2, 26))


def test_yet_to_ratify_is_negated_and_not_dated_by_the_next_sentence(read):
    a = read(
        "Hungary remains the only NATO member yet to ratify Sweden's accession. Its prime minister invited "
        "his Swedish counterpart on Tuesday.",
        "en",
        "2024-01-24",
    )
    (ev,) = accessions(a)
    assert (ev.actors, ev.modality.value, ev.stage, ev.when.start) == (("HUN",), "negated", "ratification", None)


def test_approving_a_suspension_is_no_accession_and_votes_without_a_state_are_none(read):
    assert not accessions(
        read(
            "The council on Wednesday approved the suspension of Uzbekistan's membership in the CSTO.",
            "en",
            "2012-12-20",
        )
    )
    assert not accessions(
        read("Of the 346 MPs who cast their votes, 287 supported Sweden's NATO accession.", "en", "2024-01-24")
    )


def test_a_bill_launching_a_membership_bid_is_an_application_being_considered(read):
    a = read(
        "Armenia's parliament passed a bill on Wednesday launching Yerevan's bid for European Union membership.",
        "en",
        "2025-03-27",
    )
    (ev,) = [e for e in a.events if e.type in (T.APPLICATION, T.ACCESSION)]
    assert (ev.type, ev.actors, ev.organization, ev.stage, ev.when.start) == (
        T.APPLICATION,
        ("ARM",),
        "eu",
        "considering",
        D(2025, 3, 26),
    )


def test_a_french_noun_sharing_a_verb_stem_is_no_trigger_but_a_participle_is(read):
    a = read("Le parlement a adopté dans son intégralité le texte sur l'Union européenne.", "fr", "2025-03-27")
    assert not [e for e in a.events if e.type is T.ACCESSION]  # "intégralité" is not "intégrer"
    b = read("Le Kazakhstan avait sollicité mercredi l'aide de l'OTSC.", "fr", "2022-01-07")
    assert [e.actors for e in b.events if e.type is T.REQUEST_FOR_ASSISTANCE] == [("KAZ",)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Armenia Parliament Votes For Starting EU Accession Bid", "en"),  # UrduPoint headline, 2025-03-26 (set 4)
        ("Le parlement arménien a voté pour le lancement de la procédure d'adhésion à l'UE.", "fr"),
        ("Парламент Армении проголосовал за начало процесса вступления в ЕС.", "ru"),
    ],
)
def test_a_vote_for_starting_a_bid_is_a_decision_to_apply(read, text, lang):
    (ev,) = [e for e in read(text, lang, "2025-03-26").events if e.type in (T.ACCESSION, T.APPLICATION)]
    assert (ev.type, ev.actors, ev.organization, ev.stage) == (T.APPLICATION, ("ARM",), "eu", "considering")


def test_each_dated_reading_of_the_accession_bill_is_its_own_step(read):
    # Armenpress, 2025-03-26 (development set 4, fr4-14): the later sentences say "le projet de loi" only
    a = read(
        "Le 26 mars, l'Assemblée nationale d'Arménie a adopté en deuxième lecture le projet de loi « sur le début du "
        "processus d'adhésion de la République d'Arménie à l'Union européenne ». 64 députés ont voté en faveur du "
        "projet de loi, 7 contre. Le 9 janvier 2025, le projet de loi a été discuté et approuvé lors de la séance du "
        "gouvernement arménien. Lors de la session du 12 février, l'Assemblée nationale a adopté le projet de loi en "
        "première lecture.",
        "fr",
        "2025-03-26",
    )
    steps = [e for e in a.events if e.type is T.APPLICATION]
    assert {(e.actors, e.organization, e.stage) for e in steps} == {(("ARM",), "eu", "considering")}
    assert sorted(e.when.start for e in steps) == [D(2025, 1, 9), D(2025, 2, 12), D(2025, 3, 26)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Armenia's parliament passed a bill on the start of the EU accession process on 26 March. The government "
            "had approved the bill on 9 January.",
            "en",
        ),
        (
            "Парламент Армении принял закон о начале процесса вступления в ЕС 26 марта. Правительство Армении "
            "одобрило законопроект 9 января.",
            "ru",
        ),
    ],
)
def test_readings_of_the_bill_in_english_and_russian(read, text, lang):
    steps = [e for e in read(text, lang, "2025-03-26").events if e.type is T.APPLICATION]
    assert sorted(e.when.start for e in steps) == [D(2025, 1, 9), D(2025, 3, 26)]
    assert {e.actors for e in steps} == {("ARM",)}


def test_a_membership_noun_a_verb_governs_acts_through_that_verbs_subject(read):
    """The subject after the verb (Russian order) or a country word far before the noun: ru6-15 (1news.az) and
    fr3-07 (francetvinfo), development sets."""
    (ru,) = accessions(
        read(
            "Ранее на этой неделе за ратификацию членства Финляндии в НАТО проголосовал парламент Венгрии.",
            "ru",
            "2023-03-31",
        )
    )
    assert (ru.actors, ru.organization, ru.stage) == (("HUN",), "nato", "ratification")
    (fr,) = accessions(
        read(
            "Le drapeau de la Suède, 32e membre de l'Otan, a été hissé au siège de l'Alliance.\n\n"
            "Le pays est devenu le 32e membre de l'Otan.",
            "fr",
            "2024-03-11",
        )
    )
    assert (fr.actors, fr.organization, fr.stage) == (("SWE",), "nato", None)


def test_a_bid_still_blocked_by_two_capitals_is_their_negated_ratification(read):
    a = read(
        "Le Président finlandais Sauli Niinistö a remercié l'ensemble des États membres de l'OTAN pour leur soutien. "
        "La candidature de Stockholm est toujours bloquée par Ankara et Budapest.",
        "fr",
        "2023-03-31",
    )
    (ev,) = accessions(a)
    assert (set(ev.actors), ev.organization, ev.stage, ev.modality.value) == (
        {"TUR", "HUN"},
        "nato",
        "ratification",
        "negated",
    )


def test_a_bid_blocked_in_the_past_is_no_denial(read):
    a = read(
        "Ironie de l'histoire : c'est la Turquie qui a longtemps bloqué la ratification de l'adhésion de la Suède "
        "à l'alliance nord-atlantique.",
        "fr",
        "2024-03-11",
    )
    assert not [e for e in accessions(a) if e.modality.value == "negated"]


def test_voting_to_ratify_a_state_s_entry_is_a_ratification_but_a_treaty_s_entry_into_force_is_not(read):
    # en8-03 (24 January 2024): "entry" is the accession, as "entrée" and "вступление" are
    a = read(
        "Members of the Turkish Parliament voted to ratify Sweden's entry into NATO. This was reported by the "
        "Turkish TV channel TRT Haber.",
        "en",
        "2024-01-24",
    )
    assert [(e.actors, e.stage) for e in accessions(a)] == [(("TUR",), "ratification")]
    # the DPRK's ratification of its 2024 treaty with Russia (en8-13's story): no accession
    pact = read(
        "North Korea has ratified the treaty with Russia; its entry into force follows the exchange of instruments.",
        "en",
        "2024-11-12",
    )
    assert accessions(pact) == []
