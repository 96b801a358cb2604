"""A state that will not take part in a summit refuses it, on the summit's date."""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def refusals(analysis):
    return [e for e in analysis.events if e.type is T.REFUSAL]


def test_not_taking_part_in_a_summit_is_a_refusal_dated_by_the_summit(read):
    a = read("Армения не будет участвовать в саммите ОДКБ в Астане, который начнется 28 ноября.", "ru", "2024-11-26")
    (ev,) = refusals(a)
    assert (ev.actors, ev.organization, ev.modality.value, ev.when.start) == (
        ("ARM",),
        "csto",
        "asserted",
        D(2024, 11, 28),
    )


def test_a_headline_refusal_takes_the_date_of_the_summit_given_later(read):
    a = read(
        "Armenia will not attend the CSTO summit in Bishkek\nThe CSTO summit will take place "
        "on 27 November, the Kremlin said.",
        "en",
        "2025-11-25",
    )
    (ev,) = refusals(a)
    assert (ev.actors, ev.when.start) == (("ARM",), D(2025, 11, 27))


def test_taking_part_and_not_voting_are_no_refusals(read):
    assert not refusals(read("Le Kazakhstan participera au sommet de l'OTSC à Astana.", "fr", "2024-11-20"))
    assert not refusals(read("The opposition did not take part in the vote on the CSTO budget.", "en", "2024-11-20"))


def test_not_taking_part_in_a_vote_is_no_refusal_in_french(read):
    a = read("La faction d'opposition n'a pas participé au vote sur le projet de loi.", "fr", "2025-03-27")
    assert not refusals(a)


def test_a_plan_to_skip_a_summit_is_a_refusal_considered_at_its_date(read):
    # Newsmax, 2025-08-30 (development set 5, en5-05; convention 20)
    text = (
        "President Donald Trump is reportedly planning to skip the upcoming — though not yet scheduled — Quad summit "
        "this fall, The New York Times reported."
    )
    (ev,) = [e for e in read(text, "en", "2025-08-30").events if e.type is T.REFUSAL]
    assert (ev.actors, ev.organization, ev.stage) == (("USA",), "quad", "considering")
    assert (ev.when.start, ev.when.end) == (dt.date(2025, 9, 1), dt.date(2025, 11, 30))


def test_a_boycott_of_a_summit_is_a_refusal(read):
    # Novaya Gazeta Europe, 2024-02-23 (development set 3, en3-01)
    text = (
        "Russian state news agency RIA Novosti reported that the CSTO Secretariat in Moscow had not received "
        "notification of Armenia’s suspension of its participation in the alliance, suggesting that Pashinyan had "
        "simply been referring to Armenia’s boycott of the last CSTO summit in Minsk in November."
    )
    refusals = [e for e in read(text, "en", "2024-02-23").events if e.type is T.REFUSAL]
    assert [(e.actors, e.organization, e.stage) for e in refusals] == [(("ARM",), "csto", None)]


def test_an_organization_suspending_a_member_at_its_summit_takes_the_summits_date(read):
    # RIA Novosti, 2025-11-28 (development set 5, ru5-06): the communiqué of Thursday's online summit
    text = (
        "ЭКОВАС приостановило членство Гвинеи-Бисау в объединении\n"
        "МОСКВА, 28 ноя – РИА Новости. Экономическое сообщество стран Западной Африки (ЭКОВАС) приостановило членство "
        "Гвинеи-Бисау в объединении в связи с произошедшим в стране в среду военным переворотом, следует из "
        "опубликованного в пятницу коммюнике внеочередного онлайн-саммита региональной организации, прошедшего в "
        "четверг."
    )
    (ev,) = [e for e in read(text, "ru", "2025-11-28").events if e.type is T.SUSPENSION]
    assert (ev.members, ev.when.start, ev.when.end) == (("GNB",), dt.date(2025, 11, 27), dt.date(2025, 11, 27))


def test_not_participating_but_objecting_to_nothing_is_a_refusal(read):
    """en7-04 (Sputnik, 2024-11-28): "Armenia, will not participate but has no objections…" refuses the summit."""
    a = read(
        "Issues of regional and international security will be high on the agenda of a Collective Security Treaty "
        "Organization (CSTO) summit, which kicks off in the Kazakh capital Astana on November 28. The sixth member "
        "state, Armenia, will not participate but has no objections to the planned documents being adopted.",
        "en",
        "2024-11-28",
    )
    (ev,) = refusals(a)
    assert (ev.actors, ev.organization) == (("ARM",), "csto")


def test_not_holding_an_organization_exercise_is_a_refusal_of_it(read):
    # La Libre Belgique (AFP), 2023-01-10 (development set 8, fr8-02; set 4's decision 9)
    text = (
        "\"L'Arménie ne considère pas opportun de mener des exercices de l'Organisation du traité de sécurité "
        "collective (OTSC) cette année (...) Ces exercices n'auront pas lieu\", a déclaré le Premier ministre Nikol "
        "Pachinian lors d'une conférence de presse."
    )
    (ev,) = refusals(read(text, "fr", "2023-01-10"))
    assert (ev.actors, ev.organization, ev.modality.value, ev.stage) == (("ARM",), "csto", "asserted", None)
    assert (ev.when.start, ev.when.end) == (D(2023, 1, 1), D(2023, 12, 31))


def test_no_exercise_taking_place_on_a_state_soil_is_that_state_refusing_it(read):
    # Courrier international, 2023-02-01 (development set 7, fr7-03)
    text = (
        "Au début de l'année, le Premier ministre arménien Nikol Pachinyan a déclaré lors d'une conférence de presse "
        "qu'aucun exercice militaire de l'OTSC n'aurait lieu en Arménie cette année, précisant que la partie "
        "arménienne attendait toujours des évaluations spécifiques de l'OTSC."
    )
    (ev,) = refusals(read(text, "fr", "2023-02-01"))
    assert (ev.actors, ev.organization, ev.when.start, ev.when.end) == (
        ("ARM",),
        "csto",
        D(2023, 1, 1),
        D(2023, 12, 31),
    )


def test_exercises_held_and_a_meeting_not_held_are_no_refusal(read):
    assert not refusals(read("L'Arménie a accueilli des exercices de l'OTSC en septembre.", "fr", "2023-10-01"))
    text = (
        '"Le sommet du Quad, prévu pour se tenir à Sydney la semaine prochaine, n\'aura pas lieu", a annoncé Albanese.'
    )
    assert not refusals(read(text, "fr", "2023-05-17"))


def test_a_member_that_will_not_support_an_accession_refuses_it(read):
    # Babel, 2022-05-18 (development set 6, en6-04; set 8's decision 43)
    text = (
        "However, Turkish President Recep Tayyip Erdogan has said his country will not support Sweden's and "
        "Finland's accession to NATO."
    )
    (ev,) = refusals(read(text, "en", "2022-05-18"))
    assert (ev.actors, ev.organization, ev.modality.value, ev.when.start) == (("TUR",), "nato", "asserted", None)


def test_supporting_an_accession_is_no_refusal(read):
    text = "Turkish President Recep Tayyip Erdogan said his country will support Sweden's accession to NATO."
    assert not refusals(read(text, "en", "2023-07-10"))
