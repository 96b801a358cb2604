"""Precision and arguments on real sentences of sets 6–9: what founds nothing, who suspends and deploys.

Each sentence is from a real article of the development sets (ids given); the labels are those of the sets'
conventions (tests/ingest/eval/heldout3..9/README.md).
"""

from casus.kb.events import EventType as T


def _of(analysis, kind):  # type: ignore[no-untyped-def]
    return [e for e in analysis.events if e.type is kind]


def test_a_founding_verb_with_another_object_founds_nothing(read):
    # en9-16 (Xinhua, 6 December 2024) and en6-06 (One Africa, 2023): guarantees and peace are not organizations
    a = read(
        "The treaty will prevent the violation of the territorial integrity of Belarus and Russia, preserve "
        "sovereignty and independence, and create guarantees of a peaceful life for the citizens of both countries, "
        "Lukashenko said of the Union State's new treaty.",
        "en",
        "2024-12-06",
    )
    assert _of(a, T.FOUNDING) == []
    b = read(
        "This alliance underscores the commitment of SADC Member States to assist the DRC in establishing lasting "
        "peace and stability, creating a conducive environment for sustainable development.",
        "en",
        "2023-12-15",
    )
    assert _of(b, T.FOUNDING) == []


def test_a_founding_verb_whose_object_is_the_organization_still_founds_it(read):
    # fr3-11 (Sahel Intelligence, 2024): the parse makes "l’" the object; the AES named right after counts
    a = read(
        "Ces trois pays ont créé en septembre dernier l’Alliance des Etats du Sahel, un cadre d’intégration.",
        "fr",
        "2024-01-29",
    )
    (ev,) = _of(a, T.FOUNDING)
    assert (ev.organization, set(ev.actors)) == ("aes", {"BFA", "MLI", "NER"})


def test_states_that_form_an_organization_in_the_present_found_nothing(read):
    # fr9-05 (Maghress, 15 January 2025): "qui forment" is membership, the AES was founded in 2023
    a = read(
        "Le Mali, le Niger et le Burkina Faso, qui forment l'Alliance des Etats du Sahel (AES), avaient annoncé "
        "leur volonté de quitter la Cedeao.",
        "fr",
        "2025-01-15",
    )
    assert _of(a, T.FOUNDING) == []


def test_relations_based_on_a_treaty_and_a_treaty_title_found_nothing(read):
    # ru8-07 (Mail.ru, 4 December 2024) and ru8-10 (Kommersant, 26 February 2026)
    a = read(
        "ЦТАК также указывает, что основанные на договоре мощные отношения между РФ и КНДР послужат мощной "
        "движущей силой 4 декабря 2024 года.",
        "ru",
        "2024-12-05",
    )
    assert _of(a, T.FOUNDING) == []
    b = read(
        "Также ими подписаны резолюции «Об основных направлениях реализации положений Договора о создании "
        "Союзного государства».",
        "ru",
        "2026-02-26",
    )
    assert _of(b, T.FOUNDING) == []


def test_an_unowned_suspension_of_a_states_membership_is_the_organizations(read):
    # en8-09 (Doğru Haber, 31 August 2023): convention 8, the AU suspends and Gabon is the member
    a = read(
        "The African Union has condemned the coup in Gabon. The suspension of Gabon's membership is a "
        "significant blow to the country.",
        "en",
        "2023-08-31",
    )
    assert [(e.actors, e.members) for e in _of(a, T.SUSPENSION)] == [(("au",), ("GAB",))]


def test_a_state_suspended_in_the_passive_under_another_name_is_the_member(read):
    # en9-10 (Daily Post, 30 April 2025): "The Central African nation" is Gabon, "the organisation" the AU
    a = read(
        "The African Union, AU, on Wednesday said it has lifted sanctions against Gabon.\n\n"
        "The Central African nation was suspended from the organisation following a coup in August 2023.",
        "en",
        "2025-04-30",
    )
    assert [(e.actors, e.members) for e in _of(a, T.SUSPENSION)] == [(("au",), ("GAB",))]


def test_a_state_whose_participation_is_frozen_stays_the_actor(read):
    # en3-03 (24.kg, 23 February 2024)
    a = read(
        "Armenia’s participation in the Collective Security Treaty Organization (CSTO) is frozen, he said.",
        "en",
        "2024-02-23",
    )
    assert {e.actors for e in _of(a, T.SUSPENSION)} <= {("ARM",)}
    assert all(e.members == () for e in _of(a, T.SUSPENSION))


def test_a_french_headline_in_capitals_reads_au_as_a_word(read):
    # fr9-01 (La Gazette AZ, 2025): "AU BUDGET" is "to the budget", the organization is the CSTO
    a = read(
        "L'ARMÉNIE REFUSE DE VERSER SA CONTRIBUTION AU BUDGET DE L'ORGANISATION DU TRAITÉ DE SÉCURITÉ COLLECTIVE",
        "fr",
        "2025-01-01",
    )
    assert [(e.organization, e.actors) for e in _of(a, T.REFUSAL)] == [("csto", ("ARM",))]


def test_forces_of_an_organization_after_the_verb_are_its_deployment_not_the_places(read):
    # ru7-09 (Ostrov, 6 January 2022) and ru9-13 (Life, 14 September 2025)
    a = read(
        "«В соответствии с решением Совета коллективной безопасности ОДКБ, принятым 6 января 2022 года, в "
        "Республику Казахстан на ограниченный по времени период для стабилизации и нормализации обстановки "
        "направлены Коллективные миротворческие силы Организации договора о коллективной безопасности», - "
        "заявили в секретариате ОДКБ.",
        "ru",
        "2022-01-06",
    )
    assert {e.actors for e in _of(a, T.DEPLOYMENT)} == {("csto",)}
    b = read(
        "Согласно официальному заявлению польских властей, основной целью развёртывания сил альянса является "
        "усиление обороноспособности восточного фланга НАТО.",
        "ru",
        "2025-09-14",
    )
    assert {e.actors for e in _of(b, T.DEPLOYMENT)} == {("nato",)}


def test_a_russian_sentence_opening_preposition_starts_no_organization_name(read):
    # ru9-03 (TVC, 23 November 2023): "В организацию" is not an unknown organization
    a = read(
        "Саммит ОДКБ прошел в Минске. В организацию входят шесть государств, однако на саммите не присутствовал "
        "премьер-министр Армении.",
        "ru",
        "2023-11-23",
    )
    assert {e.organization for e in _of(a, T.SUMMIT)} == {"csto"}


def test_summits_in_general_are_no_summit_and_a_summit_to_hold_is_planned(read):
    # fr7-11 (Rewmi, 13 June 2024) and en7-10 (Devdiscourse, 22 January 2025)
    a = read(
        "L’Arménie avait précédemment gelé sa participation à l’alliance et snobé les sommets de l’OTSC.",
        "fr",
        "2024-06-13",
    )
    assert _of(a, T.SUMMIT) == []
    b = read(
        "The meeting resulted in agreements to hold the Quad Leadership Summit in India in 2025.", "en", "2025-01-22"
    )
    assert [(e.organization, e.stage) for e in _of(b, T.SUMMIT)] == [("quad", "considering")]


def test_one_founding_told_twice_with_and_without_a_place_is_one_event(read):
    # fr8-01 (DH, 2023): the treaty's signature and "créer une organisation … face à l'Union soviétique"
    a = read(
        "Le traité de l'Atlantique Nord avait été signé le 4 avril 1949 par les douze membres fondateurs. Ils "
        "désiraient créer une organisation politico-militaire de défense collective face à l'Union soviétique.",
        "fr",
        "2023-07-18",
    )
    assert len([e for e in _of(a, T.FOUNDING) if e.organization == "nato"]) == 1


def test_troops_of_a_state_outside_the_organization_are_no_deployment_of_it(read):
    # en8-01 (DW, 2022): Russia is no NATO member; its troops in Belarus are no NATO deployment
    a = read(
        "NATO allies met under Article 4 after Russia invaded Ukraine. The country borders Belarus, where Russian "
        "troops are stationed.",
        "en",
        "2022-02-24",
    )
    assert [e for e in _of(a, T.DEPLOYMENT) if e.actors == ("RUS",)] == []


def test_a_deployment_whose_implications_are_assessed_is_considered(read):
    # en9-09 (Infoaldia, 22 August 2023)
    a = read(
        'In a statement, however, he asked the ECOWAS countries to carry out "an assessment of the economic, '
        'social and security implications" that a deployment of their reserve forces would have in Niger.',
        "en",
        "2023-08-22",
    )
    assert [(e.actors, e.stage) for e in _of(a, T.DEPLOYMENT)] == [(("ecowas",), "considering")]


def test_a_signature_its_own_minister_tells_is_reported(read):
    # fr9-10 (Al Manar, 16 September 2022): an act known through its own actor's account (set 4's convention)
    a = read(
        "L’Iran a signé un mémorandum d’adhésion permanente à l’Organisation de coopération de Shanghai (OCS), a "
        "déclaré le jeudi 15 septembre le ministre iranien des Affaires étrangères.",
        "fr",
        "2022-09-16",
    )
    (ev,) = _of(a, T.ACCESSION)
    assert (ev.actors, ev.stage, ev.modality.value) == (("IRN",), "signature", "reported")


def test_joining_as_an_observer_is_no_accession(read):
    # fr9-10 (Al Manar, 2022) against fr6-06 (News 24, 4 July 2023): "un pays observateur devienne membre" accedes
    a = read(
        "La Mongolie a rejoint cette organisation plus tard en 2004, et l’Iran, le Pakistan, l’Inde et l’Afghanistan "
        "l’ont rejointe en 2005 en tant qu’observateur, dans l’Organisation de coopération de Shanghai.",
        "fr",
        "2022-09-16",
    )
    assert _of(a, T.ACCESSION) == []
    b = read(
        "Mardi, la Biélorussie devrait signer un mémorandum d’adhésion à l’OCS, une étape nécessaire pour qu’un pays "
        "observateur devienne membre de l’OCS.",
        "fr",
        "2023-07-03",
    )
    assert [e.actors for e in _of(b, T.ACCESSION)] == [("BLR",)]


def test_a_russian_confirmation_before_a_clause_is_said_and_its_act_reported(read):
    # ru9-09 (OnlineUA, 19 September 2025): the Estonian premier tells his own state's request
    a = read(
        "Премьер-министр Эстонии Кристен Михал официально подтвердил, что его страна срочно инициировала "
        "консультации НАТО по статье 4 Вашингтонского договора.",
        "ru",
        "2025-09-19",
    )
    assert [(e.actors, e.modality.value) for e in _of(a, T.INVOCATION)] == [(("EST",), "reported")]


def test_a_russian_confirmation_of_a_noun_act_says_nothing(read):
    # ru5-10 (Life, 2025): "подтвердили участие" takes the deployment as its object, told as fact
    a = read(
        "Напомним, в апреле 2025 года Россия и КНДР официально подтвердили участие северокорейских "
        "военнослужащих в операции по освобождению Курской области.",
        "ru",
        "2025-06-17",
    )
    assert [e.modality.value for e in _of(a, T.DEPLOYMENT) if "PRK" in e.actors] == ["asserted"]


def test_forces_asked_to_leave_help_against_sanctions_and_article_4_are_no_request(read):
    # en6-08 (Kyiv Independent, 2024), en9-10 (Daily Post, 30 April 2025), en8-14 (Forces News, 10 September 2025)
    a = read(
        'In March, Armenia asked Russian "peacekeepers" who have been stationed at Yerevan\'s international airport '
        "since the country's independence to leave the CSTO mission.",
        "en",
        "2024-05-01",
    )
    b = read(
        "The decision by the AU to lift sanctions follows a meeting last year between Nguema and Ivory Coast "
        "President Alassane Ouattara, in which the Gabonese leader asked for support in removing the sanctions.",
        "en",
        "2025-04-30",
    )
    c = read("Article 4: Poland seeks Nato members' help after Russian drone incursion", "en", "2025-09-10")
    assert [_of(x, T.REQUEST_FOR_ASSISTANCE) for x in (a, b, c)] == [[], [], []]


def test_a_request_for_troops_is_still_a_request(read):
    # en3-10's kind (RFE/RL): Armenia asked the CSTO for military help
    a = read("Armenia asked the CSTO for military assistance in September 2022.", "en", "2024-05-08")
    assert [e.actors for e in _of(a, T.REQUEST_FOR_ASSISTANCE)] == [("ARM",)]


def test_an_organization_never_joins_itself(read):
    # en9-04 (Pledge Times, 11 March 2024): the Swedish flag joined the flags; NATO accedes to nothing
    a = read(
        "NATO Secretary General Jens Stoltenberg said that NATO has become “bigger and stronger,” before the "
        "Swedish flag joined 31 other flags raised in front of the alliance's headquarters in Brussels.",
        "en",
        "2024-03-11",
    )
    assert [e for e in _of(a, T.ACCESSION) if e.actors == ("nato",)] == []


def test_renouncing_neutrality_refuses_no_alliance(read):
    # ru6-06 (Delfi, 18 May 2022): Finland and Sweden give up neutrality to join NATO
    a = read(
        "Финляндия и Швеция подали заявки на вступление в НАТО. Обе страны решили отказаться от нейтрального "
        "статуса и присоединиться к военному альянсу на фоне российского вторжения в Украину, пишет Meduza.",
        "ru",
        "2022-05-18",
    )
    assert _of(a, T.REFUSAL) == []
