"""Steps of a national ratification of an accession: votes and approvals, each its own event; denials negated."""

import datetime as dt

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
