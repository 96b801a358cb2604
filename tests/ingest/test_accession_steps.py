"""Accession steps expected or scheduled, and the SCO's memorandum of accession (issue #10, accession misses).

"La Suède devrait devenir ce jeudi le 32e membre de l'Otan" is planned (stage ``considering``), not a mere
possibility; a memorandum of obligations signed is the accession's ``signature`` step, its signer the state it
binds; the same memorandum planned at a meeting dated in the sentence before takes that meeting's coming day.
"""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def accessions(analysis):
    return [e for e in analysis.events if e.type is T.ACCESSION]


def test_devrait_is_a_scheduled_accession_not_a_hypothetical_one(read):
    a = read(
        "La Suède devrait officiellement adhérer à l'Otan ce jeudi, deux ans après le début de l'invasion.",
        "fr",
        "2024-03-07",
    )
    (ev,) = accessions(a)
    assert (ev.actors, ev.modality.value, ev.stage, ev.when.start) == (
        ("SWE",),
        "asserted",
        "considering",
        D(2024, 3, 7),
    )


def test_expected_to_join_is_planned_in_english(read):
    (ev,) = accessions(read("Sweden is expected to join NATO on Thursday.", "en", "2024-03-05"))
    assert (ev.actors, ev.modality.value, ev.stage, ev.when.start) == (
        ("SWE",),
        "asserted",
        "considering",
        D(2024, 3, 7),
    )


def test_could_join_stays_hypothetical(read):
    (ev,) = accessions(read("Sweden could join NATO before the Vilnius summit.", "en", "2023-04-04"))
    assert (ev.modality.value, ev.stage) == ("hypothetical", None)


def test_a_signed_memorandum_of_commitment_is_the_signature_step(read):
    a = read(
        "Iran signed a memorandum of commitment to obtain the status of an SCO member state at the previous SCO "
        "summit in Samarkand in September 2022.",
        "en",
        "2023-07-04",
    )
    (ev,) = accessions(a)
    assert (ev.actors, ev.organization, ev.stage) == (("IRN",), "sco", "signature")
    assert (ev.when.start, ev.when.end) == (D(2022, 9, 1), D(2022, 9, 30))


def test_a_memorandum_of_understanding_is_no_accession_step(read):
    a = read("Kazakhstan and the SCO signed a memorandum of understanding on trade in 2019.", "en", "2023-07-04")
    assert not accessions(a)


def test_a_planned_memorandum_binds_the_state_it_names_and_takes_the_meeting_day_ahead(read):
    a = read(
        "\"Lors de la prochaine réunion du Comité des chefs d'Etat, qui se tiendra le 4 juillet, l'adhésion "
        "complète de l'Iran sera formalisée\", a déclaré M. Lavrov. Lors de cette réunion, sera également signé "
        'un mémorandum sur "les obligations" du Bélarus, allié de Moscou, "qui va également lancer une '
        "procédure pour adhérer pleinement\" à l'OCS, a ajouté M. Lavrov.",
        "fr",
        "2023-06-30",
    )
    (ev,) = [e for e in accessions(a) if e.actors == ("BLR",)]
    assert (ev.organization, ev.stage, ev.modality.value, ev.when.start) == (
        "sco",
        "considering",
        "asserted",
        D(2023, 7, 4),
    )


def test_preparing_to_sign_the_memorandum_is_planned(read):
    a = read(
        "Mardi, la Biélorussie devrait signer un mémorandum d'adhésion à l'OCS.",
        "fr",
        "2023-07-03",
    )
    (ev,) = accessions(a)
    assert (ev.actors, ev.stage, ev.when.start) == (("BLR",), "considering", D(2023, 7, 4))


def test_wants_to_join_is_an_intention_not_an_accession_dated_by_the_next_sentence(read):
    a = read(
        "VLADIVOSTOK, Russia (Sputnik) - Laos wants to join the Shanghai Cooperation Organization (SCO) and count "
        "on Russia's support, Deputy Foreign minister of Laos Phongsavanh Sisooulath told Sputnik.\n"
        "On Monday, Laos was officially accepted into the association with partner status.",
        "en",
        "2025-09-04",
    )
    assert [(e.actors, e.stage) for e in accessions(a)] == [(("LAO",), "considering")]
