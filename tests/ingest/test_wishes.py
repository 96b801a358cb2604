"""Hopes, support, dismissals and threats: the modality and stage of a membership change someone only wishes,
rules out or threatens (conventions 14 and 15 of the fifth held-out set)."""

from casus.ingest.model import Modality
from casus.kb.events import EventType as T


def core(analysis, type_=T.ACCESSION):
    return [e for e in analysis.events if e.type is type_]


def test_an_officials_hope_that_a_state_will_join_is_hypothetical(read):
    # Report.az, 2025-09-29 (development set 5, ru5-04): the SCO secretary general's hope
    text = 'Он выразил надежду, что Азербайджан вскоре станет полноправным членом организации: "ШОС - организация".'
    (ev,) = core(read(f"Генеральный секретарь ШОС Нурлан Ермекбаев. {text}", "ru", "2025-09-29"))
    assert (ev.actors, ev.organization, ev.modality, ev.stage) == (("AZE",), "sco", Modality.HYPOTHETICAL, None)


def test_support_for_another_states_accession_is_hypothetical(read):
    # Anadolu, 2025-08-31 (development set 5, fr5-02): inside Xi's claim, and "adhésion" mis-tagged as a verb
    fr = (
        "À l’occasion de son entretien avec Pachinian, le président chinois a annoncé l’établissement d’un "
        "partenariat stratégique entre la Chine et l’Arménie, tout en affirmant le soutien de Pékin à l’adhésion "
        "d’Erevan à l’OCS."
    )
    (ev,) = core(read(fr, "fr", "2025-08-31"))
    assert (ev.actors, ev.organization, ev.modality, ev.when.start) == (("ARM",), "sco", Modality.HYPOTHETICAL, None)
    # Interfax, 2025-08-31: "заявил о поддержке вступления Армении и Азербайджана в ШОС"
    ru = (
        "Председатель КНР Си Цзиньпин заявил о поддержке вступления Армении и Азербайджана в ШОС, "
        "сообщил китайский МИД."
    )
    (ev,) = core(read(ru, "ru", "2025-08-31"))
    assert (set(ev.actors), ev.modality) == ({"ARM", "AZE"}, Modality.HYPOTHETICAL)


def test_a_third_party_ruling_an_accession_out_is_negated_and_undated(read):
    # Anews, 2025-02-26 (development set 5, en5-13): "can forget about" joining, said on Wednesday
    en = 'US President Donald Trump said on Wednesday that Ukraine "can forget about" joining NATO.'
    (ev,) = core(read(en, "en", "2025-02-26"))
    assert (ev.actors, ev.organization, ev.modality, ev.when.start) == (("UKR",), "nato", Modality.NEGATED, None)
    # 360.ru, 2025-08-19 (development set 5, ru5-09): the negation of "сможет" covers the coordinated "вступить"
    ru = "Ранее президент США Дональд Трамп заявил, что Украина не сможет вернуть Крым и вступить в НАТО."
    (ev,) = core(read(ru, "ru", "2025-08-19"))
    assert (ev.actors, ev.organization, ev.modality) == (("UKR",), "nato", Modality.NEGATED)


def test_a_denial_is_not_dated_by_the_verb_of_saying(read):
    # News24 (fr), 2023-02-02 (development set 5, fr5-04): "a déclaré jeudi" dates the saying only
    fr = (
        "La Serbie maintiendra son statut militairement neutre et ne cherchera pas à rejoindre l’OTAN dirigée par "
        "les États-Unis, a déclaré jeudi le président Aleksandar Vucic."
    )
    (ev,) = core(read(fr, "fr", "2023-02-02"))
    assert (ev.actors, ev.modality, ev.when.start) == (("SRB",), Modality.NEGATED, None)


def test_seeking_to_join_is_an_intention(read):
    # Anews, 2025-02-26 (development set 5, en5-13)
    en = (
        "Trump says Ukraine can forget about joining NATO\n"
        "Ukraine, which has been defending itself against Russia’s full-scale invasion for three years with "
        "Western support, has long sought to join the military alliance."
    )
    stages = {(e.modality, e.stage) for e in core(read(en, "en", "2025-02-26")) if e.actors == ("UKR",)}
    assert (Modality.ASSERTED, "considering") in stages


def test_a_threat_further_back_in_the_clause_makes_a_threatened_withdrawal(read):
    # Kommersant, 2025-10-02 (development set 5, ru5-14)
    ru = (
        "В июне 2025 года Армения потребовала от членов ОДКБ выступить с заявлениями по поводу действий "
        "Азербайджана, угрожая «принять окончательное решение» о выходе из блока."
    )
    (ev,) = core(read(ru, "ru", "2025-10-02"), T.WITHDRAWAL)
    assert (ev.actors, ev.organization, ev.stage, ev.modality) == (("ARM",), "csto", "threatening", Modality.ASSERTED)
    assert (ev.when.start.isoformat(), ev.when.end.isoformat()) == ("2025-06-01", "2025-06-30")
    # Vietnam.vn (fr), 2025-02-26 (development set 5, fr5-11): "menaces" opens no threatened act
    fr = (
        "Afin de prévenir de telles menaces, des installations et des troupes militaires russes peuvent être "
        "déployées au Bélarus."
    )
    assert all(e.stage != "threatening" for e in read(fr, "fr", "2025-02-26").events)


def test_readiness_for_a_deployment_is_its_consideration(read):
    # IGIHE, 2023-08-11 (development set 5, en5-02; convention 19): activating a force "to be ready for" it
    en = (
        'The ECOWAS leaders "direct the (ECOWAS) committee of the Chiefs of Defense Staff to activate its standby '
        'force with all its elements immediately," and be ready for the deployment of the ECOWAS standby force to '
        "restore the constitutional order in Niger, said the statement."
    )
    (ev,) = core(read(en, "en", "2023-08-11"), T.DEPLOYMENT)
    assert (ev.actors, ev.stage, ev.modality) == (("ecowas",), "considering", Modality.ASSERTED)


def test_an_act_carrying_out_a_threat_tells_the_threat_too(read):
    # Le Populaire, 2025-12-07 (development set 5, fr5-01; convention 19): "éléments de sa force" are forces
    fr = (
        "La Cédéao a ordonné dimanche le déploiement immédiat d’éléments de sa force d’attente en République du "
        "Bénin, composée de contingents du Nigéria , de la Sierra Léone, de la Côte d’Ivoire et du Ghana, après la "
        "tentative de coup d’État qui a ébranlé Cotonou dans la matinée, mettant à exécution sa menace formulée "
        "quelques heures plus tôt."
    )
    found = {(e.actors, e.stage, e.when.start.isoformat()) for e in core(read(fr, "fr", "2025-12-07"), T.DEPLOYMENT)}
    assert found == {(("ecowas",), None, "2025-12-07"), (("ecowas",), "threatening", "2025-12-07")}
