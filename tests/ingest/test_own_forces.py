"""Deployments told in other ways than "X sent troops": the force alone, ends confirmed, neighbours' dates (#10).

Real sentences from the development sets: heldout3 en3-03 (24.kg, 2024-02-23); heldout6 en6-08 (Kyiv
Independent, 2024-04-17); heldout7 en7-05 (Nordot, 2024-06-13); heldout8 en8-11 (NTV Kenya, 2023-12-03), en8-13
(Vietnam.vn, 2024-11-12), en8-14 (Forces News, 2025-09-10), fr8-03 (Sputnik France, 2022-01-14), fr8-09 (Agence
Afrique, 2023-12-01) and ru8-12 (sud.ua, 2024-06-12).
"""

import datetime as dt

from casus.ingest.model import Modality
from casus.kb.events import EventType as T


def deployments(analysis):  # type: ignore[no-untyped-def]
    return [
        (e.organization, e.actors, e.phase, e.stage, e.when.start) for e in analysis.events if e.type is T.DEPLOYMENT
    ]


def test_a_force_of_a_named_organization_deployed_is_the_organizations_deployment(read):  # type: ignore[no-untyped-def]
    a = read(
        "The East African Community regional force has begun its withdrawal from the Democratic Republic of Congo "
        "after Kinshasa deemed it ineffective and refused to renew its mandate. The force was first deployed in "
        "the violence-plagued region in November last year after the resurgence of the M23 rebel group.",
        "en",
        "2023-12-03",
    )
    starts = [d for d in deployments(a) if d[2] == "start"]
    # the force is the EAC's: the EAC deploys (set 6's decision 26), in November 2022
    assert [(d[0], d[1], d[4]) for d in starts] == [("eac", ("eac",), dt.date(2022, 11, 1))]
    b = read(
        "Conformément aux conclusions d'un Sommet de la communauté est-africaine ((East African Community-EAC) tenu "
        "le 25 novembre 2023, et précisant que la RDC «ne renouvellerait pas le mandat de la Force régionale sur "
        "son sol au-delà du 8 décembre 2023», des troupes qui formaient cette Force précitée poursuivent leur "
        "retrait de l'Est de ce vaste pays africain.",
        "fr",
        "2023-12-01",
    )
    ends = [d for d in deployments(b) if d[2] == "end"]
    assert [(d[0], d[1]) for d in ends] == [("eac", ("eac",))]


def test_forces_a_third_party_accuses_another_of_sending_are_told_as_news(read):  # type: ignore[no-untyped-def]
    a = read(
        "Armenian authorities accused Russian peacekeepers who were deployed to Nagorno-Karabakh after a previous "
        "round of hostilities in 2020 of failing to stop Azerbaijan's onslaught.",
        "en",
        "2024-06-13",
    )
    # the relative clause on the peacekeepers deploys them; Armenia's accusation tells it (set 3's convention)
    assert [(d[1], d[2]) for d in deployments(a)] == [(("RUS",), "start")]
    b = read(
        "The move comes as the US, South Korea and Ukraine have criticised increased military cooperation between "
        "the two countries, with North Korea accused of sending tens of thousands of troops to Russia to support "
        "its war against Ukraine.",
        "en",
        "2024-11-12",
    )
    assert [d[1] for d in deployments(b)] == [("PRK",)]
    # an organization accused of "leaving" a state alone has withdrawn no forces
    c = read(
        "In early February, he accused the CSTO of leaving Armenia alone with problems at a crucial moment.",
        "en",
        "2024-02-23",
    )
    assert not deployments(c)


def test_a_withdrawal_is_not_dated_by_the_neighbours_arrival_nor_by_a_since(read):  # type: ignore[no-untyped-def]
    a = read(
        "The East African Community regional force has begun its withdrawal from the Democratic Republic of Congo "
        "after Kinshasa deemed it ineffective and refused to renew its mandate. The force was first deployed in "
        "the violence-plagued region in November last year after the resurgence of the M23 rebel group.",
        "en",
        "2023-12-03",
    )
    # November 2022 is when the force came (the next sentence's own deployment), not when it left
    assert sorted((d[2], d[4]) for d in deployments(a)) == [("end", None), ("start", dt.date(2022, 11, 1))]
    b = read(
        "Личный состав, вооружение и техника российской миротворческой миссии полностью покинули территорию "
        "Азербайджана. Как известно, российские миротворцы находились на территории непризнанного Карабаха с 10 "
        "ноября 2020 года.",
        "ru",
        "2024-06-12",
    )
    # "с 10 ноября 2020 года" is since when they were there: it dates no withdrawal (heldout8 ru8-12)
    assert [(d[1], d[2], d[4]) for d in deployments(b)] == [(("RUS",), "end", None)]


def test_forces_withdrawn_that_their_own_side_confirms_are_withdrawn(read):  # type: ignore[no-untyped-def]
    a = read(
        'Russia has begun withdrawing its "peacekeeping" contingent from Nagorno-Karabakh, Kremlin spokesperson '
        "Dmitry Peskov confirmed on April 17, according to Russian independent media outlet Meduza.",
        "en",
        "2024-04-17",
    )
    # asserted, as the set-6 gold labels it
    assert [(d[1], d[2]) for d in deployments(a)] == [(("RUS",), "end")]
    assert [e.modality for e in a.events if e.type is T.DEPLOYMENT] == [Modality.ASSERTED]


def test_a_member_that_feels_threatened_threatens_no_deployment(read):  # type: ignore[no-untyped-def]
    a = read(
        "Any member can call it if they feel threatened and it forces the alliance around the table urgently.",
        "en",
        "2025-09-10",
    )
    assert not deployments(a)


def test_a_president_announcing_the_forces_withdrawal_is_not_whose_forces_they_are(read):  # type: ignore[no-untyped-def]
    a = read(
        "Les soldats de la paix de trois pays se sont retirés du Kazakhstan\n\nSuite à l'annonce par le Président "
        "kazakh Kassym-Jomart Tokaïev du début du retrait des forces de la paix une semaine après leur déploiement "
        "au Kazakhstan, trois pays ont évacué leur contingent. La mission de la paix de l'OTSC au Kazakhstan a "
        "engagé des contingents russe, biélorusse, arménien, kirghiz et tadjik afin de protéger des sites "
        "stratégiques.",
        "fr",
        "2022-01-14",
    )
    # Tokayev announced it; "leur déploiement" is the forces' own arrival: both the CSTO's (heldout8 fr8-03)
    assert {(d[0], d[1], d[2]) for d in deployments(a)} >= {("csto", ("csto",), "end"), ("csto", ("csto",), "start")}
    assert not [e for e in a.events if e.type is T.DEPLOYMENT and e.people]
