"""Deployments told through someone else's words, the end of a mission, an operation launched.

Every sentence is from a real article of the development sets (heldout2 en2-02; heldout3 en3-11, fr3-15,
ru3-07, ru3-09; heldout4 en4-03, en4-10, fr4-02, fr4-10), named at each test.
"""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def deployments(analysis):
    return [e for e in analysis.events if e.type is T.DEPLOYMENT]


def test_an_unknown_news_agency_is_the_speaker_never_the_actor(read):
    # en4-03 (VOZ, 2025-04-28)
    a = read(
        "According to KCNA, Kim Jong Un's decision to deploy North Korean troops in Russia falls under a defense "
        "treaty between the two countries.",
        "en",
        "2025-04-28",
    )
    (ev,) = deployments(a)
    assert (ev.actors, ev.speakers, ev.modality.value, ev.phase) == (("PRK",), ("KCNA",), "asserted", "start")


def test_the_announcers_own_forces_are_reported(read):
    # fr4-02 (Senejournal, 2025-04-28) and en4-03's headline: an infinitive or a noun heading the claim
    a = read(
        "La Corée du Nord a confirmé pour la première fois avoir envoyé des troupes en Russie, rapporte l’agence "
        "d’État KCNA lundi 28 avril.",
        "fr",
        "2025-04-28",
    )
    (ev,) = deployments(a)
    assert (ev.actors, ev.target, ev.modality.value) == (("PRK",), "RUS", "reported")
    (ev,) = deployments(read("North Korea confirms troop deployment in Russia", "en", "2025-04-28"))
    assert (ev.actors, ev.modality.value) == (("PRK",), "reported")


def test_a_noun_agent_after_by(read):
    # en4-03, last sentence: the relative clause is no inverted claim, Pyongyang dispatched the troops
    a = read(
        "The South Korean government, which had denounced the dispatch of 10,000 troops by Pyongyang before the "
        "official confirmation, condemned North Korea's troop deployment in Russia on Monday.",
        "en",
        "2025-04-28",
    )
    assert [(e.actors, e.modality.value) for e in deployments(a)] == [(("PRK",), "asserted")]


def test_forces_another_announces_are_news_with_the_announcer_as_speaker(read):
    # en3-11 (Hürriyet, 2024-06-13): "on June 12" is no French "on"
    a = read(
        "Baku on June 12 announced that Russian peacekeepers completed their withdrawal from the Nagorno-Karabakh "
        "region.",
        "en",
        "2024-06-13",
    )
    (ev,) = deployments(a)
    assert (ev.actors, ev.phase, ev.speakers, ev.when.start) == (("RUS",), "end", ("AZE",), D(2024, 6, 12))
    # ru3-07 (Kloop, 2022-01-06): the organization, not the member its relative clause names; future: considering
    a = read(
        "Позже премьер-министр Армении и председатель ОДКБ Никол Пашинян сообщил, что организация, в которую "
        "входит в том числе Кыргызстан, направит свои миротворческие силы в Казахстан.",
        "ru",
        "2022-01-06",
    )
    (ev,) = deployments(a)
    assert (ev.actors, ev.phase, ev.target, ev.speakers) == (("csto",), "considering", "KAZ", ("Nikol Pashinyan",))


def test_a_withdrawal_someone_says_can_begin_is_hypothetical(read):
    # ru3-09 (Interfax, 2022-01-19) and fr3-15 (VOV, 2022-01-10)
    a = read(
        "Он также обратился к ОДКБ с просьбой прислать миротворческие силы, и эта просьба была удовлетворена.\n\n"
        "11 января Токаев заявил, что ситуация в стране стабилизировалась, и через два дня можно начинать вывод "
        "миротворцев.",
        "ru",
        "2022-01-19",
    )
    (ev,) = deployments(a)
    assert (ev.organization, ev.phase, ev.modality.value) == ("csto", "end", "hypothetical")
    assert ev.when.start == D(2022, 1, 11)
    a = read(
        "Le ministère kazakhstanais des Affaires étrangères a annoncé, ce lundi 10 janvier, sur la chaine de "
        "Telegram, que la mission de l’Organisation du traité de sécurité collective (OTSC) peut quitter le pays à "
        "tout moment.",
        "fr",
        "2022-01-10",
    )
    (ev,) = deployments(a)
    assert (ev.actors, ev.phase, ev.modality.value, ev.speakers) == (("csto",), "end", "hypothetical", ("KAZ",))


def test_a_mission_ended_is_the_end_of_its_owners_deployment(read):
    # ru3-09 (Interfax, 2022-01-19): a participle; the mission's owner acts, not the president who praised it
    a = read(
        "Президент Казахстана Касым-Жомарт Токаев положительно оценил завершившуюся миротворческую миссию ОДКБ.",
        "ru",
        "2022-01-19",
    )
    (ev,) = [d for d in deployments(a) if d.phase == "end"]
    assert (ev.actors, ev.phase, ev.modality.value) == (("csto",), "end", "asserted")
    # the mission ended was deployed: an undated deployment beside the end (set 10's decision 94)
    (sent,) = [d for d in deployments(a) if d.phase == "start"]
    assert (sent.actors, sent.when.start) == (("csto",), None)


def test_a_mission_someone_calls_complete_is_their_judgement(read):
    # en2-02 (heldout2, written): the forces' departure is told in its own sentence
    a = read(
        "President Kassym-Jomart Tokayev had announced on January 11 that the mission was complete.", "en", "2022-01-20"
    )
    assert not deployments(a)


def test_an_organization_launching_an_operation_deploys(read):
    # en4-10 (Anewz, 2025-09-12) and fr4-10 (Cosmos Ouaga, 2025-09-12)
    a = read(
        "NATO has launched a new operation, Eastern Sentry, to strengthen defenses along its eastern flank "
        "following Russian drone incursions into Polish airspace earlier this week.",
        "en",
        "2025-09-12",
    )
    (ev,) = deployments(a)
    assert (ev.actors, ev.organization, ev.phase) == (("nato",), "nato", "start")
    a = read(
        "L’OTAN a annoncé, vendredi 12 septembre, le lancement d’une vaste opération baptisée « Sentinelle "
        "orientale » afin de renforcer la défense de son flanc est.",
        "fr",
        "2025-09-12",
    )
    (ev,) = deployments(a)
    assert (ev.actors, ev.modality.value, ev.when.start) == (("nato",), "reported", D(2025, 9, 12))


def test_a_state_launching_an_operation_is_no_alliance_deployment(read):
    # the wording of Russia's announcement of 24 February 2022
    assert not deployments(read("Russia launched a special military operation in Ukraine.", "en", "2022-02-24"))


def test_the_sending_of_a_force_is_a_deployment(read):
    # fr3-15 (VOV, 2022-01-10)
    a = read(
        "L’envoi d’une «force collective de maintien de la paix pour protéger les installations étatiques et "
        "militaires» et aider les forces de l’ordre kazakhs s’est fait dans le cadre de l’OTSC qui regroupe la "
        "Russie et cinq anciennes républiques soviétiques alliées.",
        "fr",
        "2022-01-10",
    )
    (ev,) = deployments(a)
    assert (ev.organization, ev.phase) == ("csto", "start")


def test_forces_taking_part_in_operations_are_deployed(read):
    # ru4-06 (RBC, 2026-01-06): the servicemen of the relative clause's antecedent took part in the liberation
    a = read(
        "Музей посвящен военнослужащим Северной Кореи, которые приняли участие в освобождении Курской области.",
        "ru",
        "2026-01-06",
    )
    (ev,) = deployments(a)
    assert (ev.actors, ev.phase, ev.modality.value) == (("PRK",), "start", "asserted")


def test_a_state_taking_part_is_no_deployment(read):
    # ru4-02 (RBC, 2024-11-26): a refusal to attend, not forces
    a = read("Армения не будет участвовать в саммите ОДКБ в Астане, который начнется 28 ноября.", "ru", "2024-11-26")
    assert not deployments(a)


def test_forces_of_nobody_in_no_alliance_are_no_event(read):
    # en4-03 (VOZ, 2025-04-28): whose subunits the quote does not say, and no alliance is named
    a = read(
        'The North Korean Central Military Commission told the agency that "subunits of the armed forces had '
        'taken part in the operations to liberate the Kursk areas in accordance with the order of the head of state."',
        "en",
        "2025-04-28",
    )
    assert not deployments(a)


def test_a_bare_withdrawal_noun_names_again_the_forces_withdrawal_just_told(read):
    # en3-11 (Hürriyet, 2024-06-13), its last two sentences: the same Russian withdrawal, begun in April
    text = (
        "Baku on June 12 announced that Russian peacekeepers completed their withdrawal from the Nagorno-Karabakh "
        "region.\nThe withdrawal, which began in April, has been agreed between Russian President Vladimir Putin "
        "and his Azerbaijani counterpart İlham Aliyev."
    )
    ends = [(e.actors, e.phase, e.when.start, e.when.end) for e in deployments(read(text, "en", "2024-06-13"))]
    assert ends == [(("RUS",), "end", D(2024, 6, 12), D(2024, 6, 12)), (("RUS",), "end", D(2024, 4, 1), D(2024, 4, 30))]


def test_a_bare_withdrawal_noun_after_a_membership_change_is_nothing(read):
    # en3-11's sentences again, the withdrawal noun now after Armenia's intention to leave the CSTO
    text = (
        "Pashinyan said on June 12 for the first time that Armenia will leave CSTO altogether.\nThe withdrawal, "
        "which began in April, has been agreed between Russian President Vladimir Putin and his Azerbaijani "
        "counterpart İlham Aliyev."
    )
    assert not deployments(read(text, "en", "2024-06-13"))


def test_forces_their_own_state_announces_are_reported(read):
    # ru2-04 (the second written development set, 2024-06-13): the headline tells it, the ministry reports it
    a = read(
        "Российские миротворцы завершили вывод из Карабаха\n\nРоссийский миротворческий контингент в среду "
        "завершил вывод из Нагорного Карабаха, сообщили в Минобороны России.",
        "ru",
        "2024-06-13",
    )
    assert {(e.actors, e.phase, e.modality.value) for e in deployments(a)} == {
        (("RUS",), "end", "asserted"),
        (("RUS",), "end", "reported"),
    }


def test_an_imperfective_russian_request(read):
    # ru2-03 (the second written development set, 2024-06-13): "обращалась к ОДКБ за помощью"
    a = read(
        "В мае 2021 года Армения обращалась к ОДКБ за помощью после вторжения азербайджанских военных.",
        "ru",
        "2024-06-13",
    )
    (req,) = [e for e in a.events if e.type is T.REQUEST_FOR_ASSISTANCE]
    assert (req.actors, req.organization, req.when.start, req.when.end) == (
        ("ARM",),
        "csto",
        D(2021, 5, 1),
        D(2021, 5, 31),
    )


def test_the_owner_of_forces_named_through_a_chain_of_nouns(read):
    # fr2-01 (the second written development set, 2022-01-14): headline and body are one withdrawal by the CSTO
    a = read(
        "Les forces de l'OTSC commencent à quitter le Kazakhstan\n\nLes premiers contingents de la force de paix de "
        "l'OTSC ont quitté jeudi le Kazakhstan, une semaine après leur arrivée.",
        "fr",
        "2022-01-14",
    )
    assert [(e.actors, e.phase, e.when.start) for e in deployments(a)] == [
        (("csto",), "end", D(2022, 1, 13)),
        (("csto",), "start", None),  # the contingents that left had come (set 10's decision 94)
    ]
    # en2-03 (the same set, 2008-08-19): "troops out of Georgia" are not Georgia's
    a = read("Russia begins pulling troops out of Georgia", "en", "2008-08-19")
    assert [e.actors for e in deployments(a)] == [("RUS",)]


def test_troops_named_by_their_nationality_are_sent_by_their_state_whoever_tells_it(read):
    # fr5-09 (Imaz Press, 24 October 2024): Ukraine tells it; North Korea's soldiers were deployed
    a = read(
        "L'Ukraine a affirmé jeudi que des soldats nord-coréens avaient été déployés dans la région russe de "
        "Koursk, où les troupes ukrainiennes contrôlent des centaines de kilomètres carrés.",
        "fr",
        "2024-10-24",
    )
    (ev,) = [e for e in a.events if e.type is T.DEPLOYMENT]
    assert (ev.actors, ev.speakers) == (("PRK",), ("UKR",))


def test_an_organization_launching_its_force_deploys_it(read):
    # fr5-08 (Sahel Intelligence, 22 December 2025)
    a = read(
        "L’Alliance des Etats du Sahel (AES) a officiellement lancé sa force unifiée, composée de 5.000 soldats "
        "issus du Mali, du Burkina Faso et du Niger, marquant une nouvelle étape dans la coopération sécuritaire "
        "entre ces trois pays sahéliens.",
        "fr",
        "2025-12-22",
    )
    (ev,) = [e for e in a.events if e.type is T.DEPLOYMENT]
    assert (ev.actors, ev.organization) == (("aes",), "aes")
    russia = read("La Russie a lancé une force de réaction rapide.", "fr", "2025-12-22")  # a state: no alliance's
    assert not [e for e in russia.events if e.type is T.DEPLOYMENT]


def test_the_participation_of_troops_named_by_nationality_is_their_state_s_deployment(read):
    # ru5-10 (Life, 10 November 2025): Russia and the DPRK confirm; the soldiers are North Korea's
    a = read(
        "Напомним, в апреле 2025 года Россия и КНДР официально подтвердили участие северокорейских военнослужащих "
        "в операции по освобождению Курской области от ВСУ.",
        "ru",
        "2025-11-10",
    )
    assert [e.actors for e in a.events if e.type is T.DEPLOYMENT] == [("PRK",)]


def test_states_forming_joint_forces_deploy_them(read):
    # ru5-11 (Mail.ru, 22 December 2025): three states form the AES unified forces
    a = read(
        "Мали, Буркина-Фасо и Нигер сформировали собственный военный блок Объединенных сил Альянса государств "
        "Сахеля (FU-AES) по образцу НАТО.",
        "ru",
        "2025-12-22",
    )
    (ev,) = [e for e in a.events if e.type is T.DEPLOYMENT]
    assert (set(ev.actors), ev.organization) == ({"MLI", "BFA", "NER"}, "aes")
    assert not [e for e in a.events if e.type is T.FOUNDING]
