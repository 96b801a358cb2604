"""Requests for assistance: the one forces answer ("at X's request") and the one that only asks for forces.

The sentences are from real articles of the development sets about January 2022 in Kazakhstan (heldout3:
en3-13 Belsat, fr3-14 Sputnik, ru3-08 Regnum, ru3-09 Interfax), cut where noted.
"""

import datetime as dt

from casus.ingest.model import Modality
from casus.kb.events import EventType as T


def of_type(analysis, type_):
    return [e for e in analysis.events if e.type is type_]


def test_forces_sent_at_someones_request_tell_the_request_too(read):
    # en3-13's headline (Belsat, 2022-01-06)
    a = read("CSTO sends ‘peacekeeping forces’ to Kazakhstan at Tokayev's request", "en", "2022-01-06")
    (dep,) = of_type(a, T.DEPLOYMENT)
    (req,) = of_type(a, T.REQUEST_FOR_ASSISTANCE)
    assert (dep.actors, dep.target) == (("csto",), "KAZ")
    assert (req.actors, req.people, req.organization, req.modality.value) == (
        ("KAZ",),
        ("Kassym-Jomart Tokayev",),
        "csto",
        "asserted",
    )
    assert req.when.start is None  # the request came before the forces: the deployment's date is not its own


def test_forces_sent_at_the_request_of_the_authorities_in_russian(read):
    # ru3-08 (Regnum, 2022-01-06), first sentence
    a = read(
        "По просьбе властей Казахстана были направлены в страну миротворческие силы Организации Договора о "
        "коллективной безопасности (ОДКБ).",
        "ru",
        "2022-01-06",
    )
    (req,) = of_type(a, T.REQUEST_FOR_ASSISTANCE)
    assert (req.actors, req.organization) == (("KAZ",), "csto")
    assert of_type(a, T.DEPLOYMENT)[0].actors == ("csto",)


def test_forces_sent_at_the_request_of_a_state_in_french(read):
    # the French form of the same construction ("à la demande du Kazakhstan"), as in fr3-14's dispatches
    a = read("À la demande du Kazakhstan, l'OTSC a envoyé des troupes dans le pays.", "fr", "2022-01-10")
    (req,) = of_type(a, T.REQUEST_FOR_ASSISTANCE)
    assert (req.actors, req.organization) == (("KAZ",), "csto")


def test_forces_asked_for_are_the_request_not_a_deployment(read):
    # fr3-14 (Sputnik, 2022-01-10): the head of state is the president named in the sentence before
    a = read(
        "Le Président Kassym-Jomart Tokaïev a démis le gouvernement. Le chef de l'État a demandé à "
        "l’Organisation du traité de sécurité collective (OTSC) d’envoyer des troupes pour protéger le pays "
        "contre les bandes armées.",
        "fr",
        "2022-01-10",
    )
    assert not of_type(a, T.DEPLOYMENT)
    (req,) = of_type(a, T.REQUEST_FOR_ASSISTANCE)
    assert (req.actors, req.people, req.organization) == (("KAZ",), ("Kassym-Jomart Tokayev",), "csto")
    a = read("Tokayev asked the CSTO to send troops.", "en", "2022-01-06")
    assert [e.type for e in a.events] == [T.REQUEST_FOR_ASSISTANCE]


def test_a_request_and_forces_sent_in_another_clause_are_two_events(read):
    a = read("Tokayev asked the CSTO for help and the alliance sent troops.", "en", "2022-01-06")
    assert {e.type for e in a.events} == {T.REQUEST_FOR_ASSISTANCE, T.DEPLOYMENT}


def test_a_russian_request_may_name_the_help_before_the_verb(read):
    # ru3-08 (Regnum, 2022-01-06), last sentence without its opening "Как сообщало ИА REGNUM,"
    a = read(
        "В ОДКБ за помощью в связи с охватившими Казахстан беспорядками ранее обратился президент страны "
        "Касым-Жомарт Токаев.",
        "ru",
        "2022-01-06",
    )
    (req,) = of_type(a, T.REQUEST_FOR_ASSISTANCE)
    assert (req.actors, req.organization) == (("KAZ",), "csto")


def test_units_of_states_listed_at_length_were_sent(read):
    # fr3-14 (Sputnik, 2022-01-10): the parsed subject of the passive, however long its list of states
    a = read(
        "En réponse, des unités de maintien de la paix de Russie, du Bélarus, d’Arménie, du Kirghizstan et du "
        "Tadjikistan, comptant plus de 2.000 hommes, ont été envoyées au Kazakhstan pour protéger les "
        "infrastructures.",
        "fr",
        "2022-01-10",
    )
    (dep,) = of_type(a, T.DEPLOYMENT)
    assert (dep.actors, dep.target, dep.phase) == (("RUS", "BLR", "ARM", "KGZ", "TJK"), "KAZ", "start")
    assert dep.when.end == dt.date(2022, 1, 10)


def test_the_day_after_the_verb_dates_the_forces_sent_and_the_request_its_own_day(read):
    # fr-02 (the written development set, 2022-01-07): "jeudi", tagged as a verb by the parser, dates "envoyé"
    a = read(
        "L'Organisation du traité de sécurité collective a envoyé jeudi des forces de maintien de la paix au "
        "Kazakhstan, à la demande du président Kassym-Jomart Tokaïev. Le chef de l'État kazakh avait sollicité "
        "mercredi l'aide de l'alliance face aux émeutes.",
        "fr",
        "2022-01-07",
    )
    (dep,) = of_type(a, T.DEPLOYMENT)
    (req,) = of_type(a, T.REQUEST_FOR_ASSISTANCE)
    assert (dep.when.start, req.when.start, req.actors) == (dt.date(2022, 1, 6), dt.date(2022, 1, 5), ("KAZ",))


def test_a_request_naming_no_requester_is_the_last_requester_s(read):
    # en5-01 (Sudans Post / Sudan Times, 7 December 2025): one requester, Benin, asking twice
    a = read(
        "Benin first asked for immediate air support to dislodge coup plotters who had seized the national "
        "broadcaster and a military camp.\n"
        "A second request sought Nigerian aircraft for surveillance and rapid intervention operations, with Benin "
        "taking the lead in coordination.",
        "en",
        "2025-12-07",
    )
    assert [e.actors for e in a.events if e.type is T.REQUEST_FOR_ASSISTANCE] == [("BEN",)]


def test_a_head_of_state_asking_in_the_first_person_singular_reports_his_state_s_request(read):
    # ru8-14 (ONT, 5 January 2022): Tokayev's own words, after the outlet's headline
    a = read(
        "Токаев обратился за помощью к ОДКБ\n\n"
        '«В связи с этим, полагаясь на договор "О коллективной безопасности", я обратился к главам государств '
        "ОДКБ оказать помощь Казахстану в преодолении этой террористической угрозы», - сказал глава Казахстана.",
        "ru",
        "2022-01-05",
    )
    found = {(e.actors, e.organization, e.modality) for e in a.events if e.type is T.REQUEST_FOR_ASSISTANCE}
    assert (("KAZ",), "csto", Modality.REPORTED) in found  # not the CSTO's own request
    assert not [f for f in found if f[0] == ("csto",)]
