"""Membership acts of states: suspensions, withdrawals, refusals and their dates (issue #10, real sentences)."""

import datetime as dt

import pytest

from casus.kb.events import EventType as T

D = dt.date


def of_type(analysis, type_):
    return [e for e in analysis.events if e.type is type_]


def test_an_act_told_as_earlier_takes_no_date_from_the_next_sentence(read):
    # Hürriyet Daily News, 2024-06-13 (development set 3, en3-11): the lemma of "earlier" is "early"
    a = read(
        "Amid the widening rift with Russia, Armenia earlier froze its participation in the alliance, canceled its "
        "involvement in joint military drills and snubbed CSTO summits.\n"
        "Pashinyan said on June 12 for the first time that Armenia will leave CSTO altogether.",
        "en",
        "2024-06-13",
    )
    (freeze,) = of_type(a, T.SUSPENSION)
    assert (freeze.actors, freeze.when.start) == (("ARM",), None)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # RBC, 2024-11-26 (development set 4, ru4-02)
        ("Ранее Армения отказалась участвовать в учениях ОДКБ, которые прошли в Киргизии с 3 по 15 сентября.", "ru"),
        (
            "Plus tôt, l'Arménie a refusé de participer aux exercices de l'OTSC, qui se sont tenus "
            "du 3 au 15 septembre.",
            "fr",
        ),
        (
            "Earlier, Armenia refused to take part in the CSTO drills, which were held in Kyrgyzstan "
            "from 3 to 15 September.",
            "en",
        ),
    ],
)
def test_a_refusal_takes_the_dates_of_the_exercise_it_refuses(read, text, lang):
    (refusal,) = of_type(read(text, lang, "2024-11-26"), T.REFUSAL)
    assert (refusal.actors, refusal.organization) == (("ARM",), "csto")
    assert (refusal.when.start, refusal.when.end) == (D(2024, 9, 3), D(2024, 9, 15))


def test_a_refusal_reported_by_someone_takes_the_summit_s_date(read):
    # RBC, 2024-11-26 (development set 4, ru4-02): the speaker is named by the next sentence
    a = read(
        "Армения не будет участвовать в саммите ОДКБ в Астане, который начнется 28 ноября. Об этом журналистам "
        "сообщил помощник президента России Юрий Ушаков.",
        "ru",
        "2024-11-26",
    )
    (refusal,) = of_type(a, T.REFUSAL)
    assert (refusal.actors, refusal.when.start) == (("ARM",), D(2024, 11, 28))


@pytest.mark.parametrize(
    ("text", "lang", "published", "start"),
    [
        # Daily Post, 2024-12-15 (development set 4, en4-15)
        (
            "DAILY POST reported that the military regimes in Burkina Faso, Mali and Niger announced their immediate "
            "withdrawal from the ECOWAS in January this year.",
            "en",
            "2024-12-15",
            D(2024, 1, 1),
        ),
        # Nezavisimaya Gazeta, 2024-05-18 (development set 4, ru4-07)
        (
            "В январе Буркина-Фасо, Нигер и Мали объявили о выходе из Экономического сообщества стран Западной "
            "Африки (ЭКОВАС) из-за нелегитимных санкций против трех стран.",
            "ru",
            "2024-05-18",
            D(2024, 1, 1),
        ),
        # Sahel Intelligence, 2024-01-28 (development set 3, fr3-11)
        (
            "Le Burkina Faso, le Mali ainsi que le Niger, ont annoncé ce dimanche le retrait « sans délai » de leur "
            "pays de la Communauté économique des Etats de l'Afrique de l'Ouest (Cedeao).",
            "fr",
            "2024-01-28",
            D(2024, 1, 28),
        ),
    ],
)
def test_announcing_a_withdrawal_is_withdrawing(read, text, lang, published, start):
    (exit_,) = of_type(read(text, lang, published), T.WITHDRAWAL)
    assert set(exit_.actors) == {"BFA", "MLI", "NER"}
    assert (exit_.modality.value, exit_.stage, exit_.when.start) == ("asserted", None, start)


def test_announcing_that_a_state_froze_its_participation_stays_a_self_report(read):
    # the written development set's fr-01 (after Nikol Pashinyan to France 24, 2024-02-22)
    a = read(
        "Le Premier ministre arménien Nikol Pachinian a annoncé jeudi que son pays avait gelé sa participation à "
        "l'Organisation du traité de sécurité collective.",
        "fr",
        "2024-02-23",
    )
    (freeze,) = of_type(a, T.SUSPENSION)
    assert (freeze.actors, freeze.modality.value) == (("ARM",), "reported")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Afrique: Burkina, Mali, Niger se retirent de la CEDEAO (officiel)", "fr"),  # Sahel Intelligence headline
        ("Burkina, Mali and Niger leave ECOWAS", "en"),
        ("Буркина-Фасо, Мали, Нигер вышли из ЭКОВАС", "ru"),
    ],
)
def test_three_bare_names_in_a_row_act_together(read, text, lang):
    (exit_,) = of_type(read(text, lang, "2024-01-28"), T.WITHDRAWAL)
    assert set(exit_.actors) == {"BFA", "MLI", "NER"}


def test_an_apposition_is_still_no_list(read):
    (ask,) = of_type(
        read("Kazakhstan, Russia's ally, asked the CSTO for help.", "en", "2022-01-08"), T.REQUEST_FOR_ASSISTANCE
    )
    assert ask.actors == ("KAZ",)


def test_one_accession_told_with_different_places_is_one_event(read):
    # Times of India, 2024-03-07 (development set 3, en3-05)
    a = read(
        "Sweden joins NATO as 32nd member, as war in Ukraine prompts security rethink\n\n"
        "Sweden became the 32nd member of NATO today with the handover of documents at a ceremony in Washington.",
        "en",
        "2024-03-07",
    )
    (joined,) = of_type(a, T.ACCESSION)
    assert (joined.actors, joined.when.start, len(joined.evidence)) == (("SWE",), D(2024, 3, 7), 2)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Uralsk City, 2024-06-12 (development set 3, ru3-10)
        (
            "Армения объявила о выходе из ОДКБ\n\nПремьер-министр Армении Никол Пашинян заявил, что Армения выйдет "
            "из Организации Договора о коллективной безопасности (ОДКБ).",
            "ru",
        ),
        ("Armenia announces its exit from the CSTO\n\nPashinyan said Armenia will leave the CSTO.", "en"),
        ("L'Arménie annonce son retrait de l'OTSC\n\nPachinian a déclaré que l'Arménie quittera l'OTSC.", "fr"),
    ],
)
def test_a_headline_s_act_that_the_body_tells_as_planned_is_the_plan(read, text, lang):
    (exit_,) = of_type(read(text, lang, "2024-06-12"), T.WITHDRAWAL)
    assert (exit_.actors, exit_.stage) == (("ARM",), "considering")


@pytest.mark.parametrize(
    ("text", "lang", "published", "start"),
    [
        # Nezavisimaya Gazeta, 2024-05-18 (development set 4, ru4-07)
        (
            "В сентябре прошлого года лидеры Мали, Буркина-Фасо и Нигера подписали хартию об учреждении Альянса "
            "государств Сахеля.",
            "ru",
            "2024-05-18",
            D(2023, 9, 1),
        ),
        # Gazeta.ru, 2024-07-06 (development set 4, ru4-15)
        (
            "Президенты Мали, Нигера и Буркина-Фасо подписали хартию о создании конфедерации Сахельского альянса.",
            "ru",
            "2024-07-06",
            None,
        ),
        (
            "The leaders of Mali, Burkina Faso and Niger signed a charter on the establishment of the AES.",
            "en",
            "2024-07-06",
            None,
        ),
        (
            "Les présidents du Mali, du Burkina Faso et du Niger ont signé la charte créant l'AES.",
            "fr",
            "2024-07-06",
            None,
        ),
    ],
)
def test_leaders_of_the_founding_states_name_the_founders(read, text, lang, published, start):
    (founding,) = of_type(read(text, lang, published), T.FOUNDING)
    assert (founding.organization, set(founding.actors), founding.when.start) == ("aes", {"BFA", "MLI", "NER"}, start)


def test_the_creation_of_an_organization_is_its_founding(read):
    # WION, 2025-09-10 (development set 3, en3-09)
    a = read("This marks the eighth time Article 4 has been invoked since NATO's creation in 1949.", "en", "2025-09-10")
    (founding,) = of_type(a, T.FOUNDING)
    assert (founding.organization, founding.when.start, founding.when.end) == ("nato", D(1949, 1, 1), D(1949, 12, 31))


def test_suspended_on_someone_s_goodwill_is_no_suspension(read):
    # RTBF, 2023-04-04 (development set 3, fr3-05)
    a = read(
        "Cette adhésion d'un pays traditionnellement non-aligné militairement - tout comme la Suède, dont l'entrée "
        "dans l'Alliance atlantique est suspendue au bon vouloir de la Turquie et de la Hongrie - a été saluée.",
        "fr",
        "2023-04-04",
    )
    assert not of_type(a, T.SUSPENSION)
    (frozen,) = of_type(read("La Turquie a suspendu sa participation à l'OTAN.", "fr", "2023-04-04"), T.SUSPENSION)
    assert frozen.actors == ("TUR",)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Daily Post, 2024-12-15 (development set 4, en4-15)
        (
            "Burkina Faso, Mali and Niger announced their withdrawal from ECOWAS in January. However, Touray said "
            "ECOWAS has now set the countries' exit at January 29, 2025 – July 29, 2025.",
            "en",
        ),
        (
            "Le Burkina Faso, le Mali et le Niger ont annoncé leur retrait de la CEDEAO en janvier. La CEDEAO a fixé "
            "le retrait de ces trois pays du 29 janvier 2025 au 29 juillet 2025.",
            "fr",
        ),
        (
            "В январе Буркина-Фасо, Нигер и Мали объявили о выходе из ЭКОВАС. ЭКОВАС установило срок выхода этих "
            "стран с 29 января 2025 года по 29 июля 2025 года.",
            "ru",
        ),
    ],
)
def test_the_countries_refer_back_to_the_states_listed_before(read, text, lang):
    exits = of_type(read(text, lang, "2024-12-15"), T.WITHDRAWAL)
    later = [e for e in exits if e.when.start and e.when.start.year == 2025]
    assert len(later) == 1
    assert set(later[0].actors) == {"BFA", "MLI", "NER"}
    assert (later[0].when.start, later[0].when.end, later[0].stage) == (D(2025, 1, 29), D(2025, 7, 29), "considering")


def test_a_refusal_after_a_sentence_end_without_space(read):
    # News.Az, 2024-11-28 (development set 4, en4-11)
    a = read(
        "The summit is attended by the presidents of Belarus, Kyrgyzstan, Russia, Tajikistan, and Uzbekistan.The "
        "leadership of Armenia, a CSTO member state, refused to take part in the summit.",
        "en",
        "2024-11-28",
    )
    (refusal,) = of_type(a, T.REFUSAL)
    assert (refusal.actors, refusal.organization) == (("ARM",), "csto")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Integration BF, 2024-07-07 (development set 4, fr4-08), with the organization's short name
        ("Il est important de noter que l'Alliance des États du Sahel a quitté la CEDEAO le 29 janvier 2024.", "fr"),
        ("Следует отметить, что Альянс государств Сахеля вышел из ЭКОВАС 29 января 2024 года.", "ru"),
    ],
)
def test_the_author_s_impersonal_aside_is_no_one_s_claim(read, text, lang):
    (exit_,) = of_type(read(text, lang, "2024-07-07"), T.WITHDRAWAL)
    assert (set(exit_.actors), exit_.modality.value, exit_.when.start) == (
        {"BFA", "MLI", "NER"},
        "asserted",
        D(2024, 1, 29),
    )


def test_a_french_elided_article_taken_for_the_subject_gives_way_to_the_name(read):
    # Integration BF, 2024-07-07 (development set 4, fr4-08): "L’" parsed as the subject noun
    a = read("L’Alliance des États du Sahel a quitté la CEDEAO le 29 janvier 2024.", "fr", "2024-07-07")
    (exit_,) = of_type(a, T.WITHDRAWAL)
    assert set(exit_.actors) == {"BFA", "MLI", "NER"}


def test_a_long_name_with_elisions_is_found_whole(read):
    # Integration BF, 2024-07-07 (development set 4, fr4-08): nine tokens with "l’" split off
    a = read(
        "Il est important de noter que l’Alliance des États du Sahel a quitté la Communauté économique des États de "
        "l’Afrique de l’Ouest (CEDEAO) le 29 janvier 2024.",
        "fr",
        "2024-07-07",
    )
    (exit_,) = of_type(a, T.WITHDRAWAL)
    assert (exit_.organization, set(exit_.actors), exit_.when.start) == (
        "ecowas",
        {"BFA", "MLI", "NER"},
        D(2024, 1, 29),
    )


def test_an_accession_told_plainly_stays_beside_the_signing_of_its_memorandum(read):
    # Rambler, 2023-07-04 (ru9-05): Iran joined the SCO; its memorandum was signed in Samarkand a year before
    a = read(
        "Иран вступил в Шанхайскую организацию сотрудничества. Таким образом Иран стал девятым членом объединения. "
        "В сентябре 2022 года на саммите ШОС в Самарканде был подписан меморандум об обязательствах Ирана в целях "
        "вступления в организацию.",
        "ru",
        "2023-07-04",
    )
    found = sorted((e.actors, e.stage or "", e.when.start or D.min) for e in of_type(a, T.ACCESSION))
    assert found == [(("IRN",), "", D.min), (("IRN",), "signature", D(2022, 9, 1))]


def test_the_last_of_the_member_states_to_approve_becomes_no_member(read):
    # 1news, 2023-03-31 (ru6-15): "стать" takes the instrumental "членом"; "из 30 стран-членов" is a genitive
    a = read(
        "Турция стала последней из 30 стран - членов Североатлантического альянса, одобрившей присоединение к нему "
        "Финляндии. В прошлом году Финляндия официально стала членом НАТО.",
        "ru",
        "2023-03-31",
    )
    assert [(e.actors, e.stage) for e in of_type(a, T.ACCESSION)] == [(("TUR",), "ratification"), (("FIN",), None)]


def test_states_that_will_cease_to_be_members_are_leaving(read):
    # Naija Gist, 2024-12-15 (en9-07); the same exit told in French and Russian
    texts = [
        (
            "Mali, Burkina Faso, and Niger Republic will officially cease to be members of the Economic Community of "
            "West African States (ECOWAS) from January 29, 2025.",
            "en",
        ),
        (
            "Le Mali, le Niger et le Burkina Faso cesseront officiellement d'être membres de la CEDEAO le 29 "
            "janvier 2025.",
            "fr",
        ),
        ("Мали, Нигер и Буркина-Фасо перестанут быть членами ЭКОВАС 29 января 2025 года.", "ru"),
    ]
    for text, lang in texts:
        (ev,) = of_type(read(text, lang, "2024-12-15"), T.WITHDRAWAL)
        assert (ev.organization, set(ev.actors), ev.when.start) == ("ecowas", {"MLI", "BFA", "NER"}, D(2025, 1, 29))
