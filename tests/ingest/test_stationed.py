"""Deployments of states and organizations: stationed, placed, threatened, ended, back home, drills (#10).

Real sentences from the development sets: heldout5 fr5-05 (NewsRpt, 2025-07-03); heldout6 en6-08 (Kyiv
Independent, 2024-04-17), en6-07 (Zambian Observer, 2023-08-22), fr6-02 (AllAfrica, 2025-03-14), ru6-02
(Meduza, 2024-04-17), ru6-05 (Rossia News, 2024-08-27); heldout7 en7-12
(Aussiedlerbote, 2024-10-25), fr7-08 (Le Soir d'Algérie, 2022-01-20), fr7-14 (AzVision, 2023-07-10), ru7-09
(ОстроВ, 2022-01-06) and ru7-14 (Gazeta.ru, 2025-01-15). "Грузия может вернуться в СНГ" is a control.
"""

import datetime as dt

from casus.ingest.model import Modality
from casus.kb.events import EventType as T


def deployments(analysis):  # type: ignore[no-untyped-def]
    return [
        (e.organization, e.actors, e.phase, e.stage, e.modality, e.when.start)
        for e in analysis.events
        if e.type is T.DEPLOYMENT
    ]


def test_forces_stationed_are_a_deployment_by_the_state_whose_forces_they_are(read):  # type: ignore[no-untyped-def]
    ru = read(
        "Российский миротворческий контингент был размещен в Нагорном Карабахе после обострения конфликта "
        "осенью 2020 года.",
        "ru",
        "2024-04-17",
    )
    # autumn 2020 is when the conflict flared up, which the deployment came after: undated (ru6-02's gold,
    # decision 66 of the ninth set)
    assert [(d[1], d[2], d[5]) for d in deployments(ru)] == [(("RUS",), "start", None)]
    kursk = read("Северокорейские солдаты, дислоцированные в Курске, регулярно сменяются.", "ru", "2025-01-15")
    assert [d[1] for d in deployments(kursk)] == [("PRK",)]
    en = read(
        '"We suspect that North Korea has stationed at least 3,000 soldiers in the east of Russia between early '
        'and mid-October."',
        "en",
        "2024-10-25",
    )
    ((_, actors, _, _, _, start),) = deployments(en)
    assert actors == ("PRK",) and start is not None and start.month == 10


def test_weapon_systems_and_aircraft_are_deployed_like_forces(read):  # type: ignore[no-untyped-def]
    a = read(
        "L'Allemagne a déployé des systèmes de défense antimissile Patriot, tandis que la France a mobilisé des "
        "avions de combat pour surveiller l'espace aérien, en Lituanie, aux portes de la Russie.",
        "fr",
        "2023-07-10",
    )
    assert sorted(d[1] for d in deployments(a)) == [("DEU",), ("FRA",)]
    # a passive future is a plan (set 5's decision 17: Russia's Oreshnik in Belarus)
    planned = read(
        "Le système de missile russe Oreshnik sera déployé en Biélorussie d'ici la fin de 2025.", "fr", "2025-07-03"
    )
    assert [(d[1], d[3]) for d in deployments(planned)] == [(("RUS",), "considering")]


def test_part_of_the_forces_coming_back_ends_the_deployment(read):  # type: ignore[no-untyped-def]
    a = read(
        "Там также упоминается, что часть северокорейских сил специального назначения вернулась в Северную Корею "
        "для обмена боевым опытом, полученным в зоне конфликта.",
        "ru",
        "2025-01-15",
    )
    assert [(d[1], d[2]) for d in deployments(a)] == [(("PRK",), "end")]
    # a state coming back to an organization is still a return to membership, not forces
    back = read("Грузия может вернуться в СНГ.", "ru", "2025-01-15")
    assert not deployments(back)


def test_an_organizations_contingent_is_its_deployment_and_a_bare_mention_refers_back(read):  # type: ignore[no-untyped-def]
    a = read(
        "«L'opération du maintien de la paix est finie», s'est félicité jeudi le général Serdioukov, commandant du "
        "contingent de l'OTSC comprenant 2 030 troupes russes, bélarusses, arméniennes, tadjikes et kirghizes, qui "
        "a été envoyé dans cette ex-république soviétique d'Asie centrale le 6 janvier. Le Kazakhstan a été secoué "
        "début janvier par des violences ayant fait des dizaines de morts, ce qui a poussé au déploiement du "
        "contingent du maintien de la paix.",
        "fr",
        "2022-01-20",
    )
    # the contributing states are not actors (set 6's decision 26); "au déploiement du contingent" is that one
    assert deployments(a) == [("csto", ("csto",), "start", None, Modality.ASSERTED, dt.date(2022, 1, 6))]


def test_forces_sent_to_an_exercise_are_no_deployment(read):  # type: ignore[no-untyped-def]
    a = read(
        "Все страны-участницы Организации Договора о Коллективной Безопасности (ОДКБ) отправили свои военные "
        'контингенты на совместные учения в Белоруссию, которые пройдут на полигонах "Лосвидо" и "Лепельский" '
        "с 31 августа по 6 сентября.",
        "ru",
        "2024-08-27",
    )
    assert not deployments(a)
    sent = read(
        "В ОДКБ заявили, что направили в Казахстан военных миротворцев из пяти стран. В состав миротворческого "
        "контингента, который направлен в Казахстан, вошли военные России, Беларуси, Армении, Таджикистана и "
        "Киргизии.",
        "ru",
        "2022-01-06",
    )
    assert "csto" in [d[0] for d in deployments(sent)]  # forces sent anywhere but to drills are deployed


def test_an_organization_that_did_not_intervene_did_not_deploy(read):  # type: ignore[no-untyped-def]
    a = read("The CSTO did not intervene during Azerbaijan's 2023 offensive.", "en", "2024-04-17")
    assert [(d[0], d[1], d[4]) for d in deployments(a)] == [("csto", ("csto",), Modality.NEGATED)]
    # asking it to intervene is a request for assistance, not its deployment
    asked = read("Armenia asked the CSTO to intervene in September 2022.", "en", "2024-04-17")
    assert not deployments(asked) and [e.type for e in asked.events if e.type is not T.STATEMENT] == [
        T.REQUEST_FOR_ASSISTANCE
    ]


def test_an_organization_threatening_military_action_threatens_a_deployment(read):  # type: ignore[no-untyped-def]
    a = read(
        "The West African regional grouping Ecowas has already threatened military action to reinstate him.",
        "en",
        "2023-08-22",
    )
    assert [(d[0], d[1], d[3]) for d in deployments(a)] == [("ecowas", ("ecowas",), "threatening")]
    # threatening to leave is a withdrawal threatened, not a deployment
    leave = read("Armenia threatened to leave the CSTO.", "en", "2023-08-22")
    assert not deployments(leave)


def test_an_organization_withdrawing_its_own_troops_from_a_state_ends_its_deployment(read):  # type: ignore[no-untyped-def]
    a = read(
        "Le sommet extraordinaire des chefs d'État et de gouvernement de la Communauté de développement de "
        "l'Afrique australe (SADC) a mis fin, ce jeudi 13 mars, au mandat de sa mission militaire en RDC, la "
        "SAMIDRC, et a ordonné le début du retrait progressif de ses troupes de la RDC.",
        "fr",
        "2025-03-14",
    )
    # "ses troupes de la RDC" are the SADC's, withdrawn from the DRC (heldout6 fr6-02, AllAfrica); a mandate
    # ended names no contingent sent, so no undated start stands beside the end (set 10's decision 94)
    assert [(d[0], d[1], d[2], d[5]) for d in deployments(a)] == [("sadc", ("sadc",), "end", dt.date(2025, 3, 13))]


def test_forces_that_completed_their_withdrawal_end_their_organizations_deployment(read):  # type: ignore[no-untyped-def]
    a = read(
        "Les unités des soldats de la paix de l'Organisation du traité de sécurité collective (OTSC) ont terminé "
        "mercredi leur retrait du Kazakhstan, où elles avaient été dépêchées pour épauler les autorités en place "
        "face à des émeutes sans précédent, ont indiqué les agences russes, citant le chef de la mission.",
        "fr",
        "2022-01-20",
    )
    ends = [d for d in deployments(a) if d[2] == "end"]
    assert [(d[0], d[1], d[5]) for d in ends] == [("csto", ("csto",), dt.date(2022, 1, 19))]


def test_a_contingent_whose_withdrawal_is_told_was_deployed(read):  # type: ignore[no-untyped-def]
    # Московский городской портал, 2022-01-12 (development set 10, ru10-08): set 10's decision 94
    a = read(
        "Президент Казахстана Касым-Жомарт Токаев сообщил о предстоящем выводе подразделений объединённого "
        "миротворческого контингента ОДКБ. Завтра начинается организованный вывод миротворческого контингента ОДКБ.",
        "ru",
        "2022-01-12",
    )
    found = {(d[0], d[1], d[2], d[5]) for d in deployments(a)}
    assert ("csto", ("csto",), "start", None) in found
    assert any(d[2] == "end" for d in found)


def test_an_act_that_comes_amid_a_war_is_no_intervention(read):  # type: ignore[no-untyped-def]
    # Algérie Eco, 2023-04-04 (development set 9, fr9-03): French "intervenir" with an act as its subject
    a = read(
        "La Finlande est devenue mardi le 31e membre de l'Otan (Organisation du traité de l'atlantique nord). Cette "
        "adhésion intervient en pleine guerre en Ukraine et après trois décennies de non-alignement militaire.",
        "fr",
        "2023-04-04",
    )
    assert deployments(a) == []
    # an organization intervening still deploys (set 6's decision 28)
    a = read("La CEDEAO est intervenue militairement en Gambie en janvier 2017.", "fr", "2024-04-17")
    assert [(d[0], d[2]) for d in deployments(a)] == [("ecowas", "start")]
