"""Forces an organization activates or readies (a standby force): a deployment it is considering (#10).

Real sentences from the development sets: heldout5 en5-02 (IGIHE, 2023-08-11), heldout6 fr6-08 (Bénin Web TV,
2026-02-28), fr6-10 (Libération, 2023-08-11) and ru6-12 (RBC, 2023-08-10).
"""

from casus.ingest.model import Modality
from casus.kb.events import EventType as T


def deployments(analysis):
    return [
        (e.organization, e.actors, e.stage, e.modality, e.when.start, e.target)
        for e in analysis.events
        if e.type is T.DEPLOYMENT
    ]


def test_an_organization_resolving_to_activate_its_standby_force_considers_a_deployment(read):
    a = read(
        "The 15-member Economic Community of West African States (ECOWAS) on Thursday said it has resolved to "
        "activate its standby force in response to the recent coup in Niger.",
        "en",
        "2023-08-11",
    )
    # the day of the decision is not the deployment's: a plan without a date of its own is undated
    assert deployments(a) == [("ecowas", ("ecowas",), "considering", Modality.ASSERTED, None, "NER")]


def test_french_activation_told_in_the_future_and_by_a_noun_is_the_organizations_plan(read):
    a = read(
        "Terrorisme en Afrique: la CEDEAO va activer sa force en attente avec 2 000 soldats\n\n"
        "L’activation de la force en attente constituera une étape importante dans la mise en œuvre des "
        "mécanismes de sécurité collective prévus par les protocoles de la CEDEAO.",
        "fr",
        "2026-02-28",
    )
    # "va activer" is a plan (asserted, considering), not a possibility; the noun names no one: the CEDEAO's own
    assert deployments(a) == [("ecowas", ("ecowas",), "considering", Modality.ASSERTED, None, None)]


def test_a_place_named_with_the_order_is_not_who_readies_the_forces(read):
    a = read(
        "Après le putsch au Niger, la Cédéao, furieuse, avait sorti son fusil. En ordonnant dans l’après-midi à "
        "Abuja, au Nigeria, «l’activation immédiate de tous les éléments des forces en attente», l’organisation "
        "ouest-africaine a voulu afficher sa détermination.",
        "fr",
        "2023-08-11",
    )
    assert deployments(a) == [("ecowas", ("ecowas",), "considering", Modality.ASSERTED, None, None)]


def test_russian_forces_put_on_readiness_told_twice_once_with_their_destination_are_one_event(read):
    a = read(
        "На экстренном саммите ЭКОВАС западноафриканские страны поручили начальникам штабов немедленно привести "
        "в готовность резервные силы. «Начальникам штабов стран — членов ЭКОВАС поручено привести в полную "
        "готовность резервные силы во всех их аспектах с задачей восстановления конституционного порядка в "
        "Нигере», — прочел итоговое коммюнике председатель комиссии ЭКОВАС Омар Алиу Турэй.",
        "ru",
        "2023-08-10",
    )
    assert deployments(a) == [("ecowas", ("ecowas",), "considering", Modality.ASSERTED, None, "NER")]


def test_activating_an_article_is_still_an_invocation_not_forces(read):
    a = read("Estonia asked NATO to activate Article 4 on Tuesday.", "en", "2024-06-25")
    assert not deployments(a)


def test_a_deployment_an_organization_approves_is_one_it_considers(read):
    # ru6-04 (digitalpress, 2023-08-23): ECOWAS approved the deployment, nothing was sent yet
    a = read(
        "Экономическое сообщество западноафриканских государств (ЭКОВАС) ввело торговые санкции против Нигера и "
        "одобрило развертывание в Ниамее сил «для восстановления конституционного порядка».",
        "ru",
        "2023-08-23",
    )
    assert [(o, act, stage) for o, act, stage, *_ in deployments(a)] == [("ecowas", ("ecowas",), "considering")]
    # SowetanLive, 2021-06-24: "Southern African Development Community (Sadc) heads of state on Wednesday approved the
    # deployment of standby forces to deal with terrorism in Mozambique."
    a = read(
        "Southern African Development Community (Sadc) heads of state on Wednesday approved the deployment of "
        "standby forces to deal with terrorism in Mozambique.",
        "en",
        "2021-06-24",
    )
    assert [(o, act, stage) for o, act, stage, *_ in deployments(a)] == [("sadc", ("sadc",), "considering")]
