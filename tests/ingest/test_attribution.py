"""Speakers named outside the sentence (next sentence, headline colon or dash), and the dating and vocabulary
rules of the third set's error classes (#10), on sentences from real articles of 2022-2026."""

import datetime as dt

from casus.ingest.model import Modality
from casus.kb.events import EventType as T


def events(analysis, type_):
    return [e for e in analysis.events if e.type is type_]


def test_next_sentence_attribution_makes_a_self_report(read):
    a = read("Армения заморозила членство в ОДКБ. Об этом заявил премьер-министр Никол Пашинян.", "ru", "2026-01-14")
    (ev,) = events(a, T.SUSPENSION)
    assert (ev.actors, ev.modality, ev.speakers) == (("ARM",), Modality.REPORTED, ("Nikol Pashinyan",))


def test_english_attribution_only_sentence(read):
    a = read(
        "Armenia suspends its participation in the CSTO. The country's Prime Minister Nikol Pashinyan announced.",
        "en",
        "2024-02-23",
    )
    (ev,) = events(a, T.SUSPENSION)
    assert (ev.actors, ev.modality, ev.speakers) == (("ARM",), Modality.REPORTED, ("Nikol Pashinyan",))


def test_an_invocation_told_by_the_requester_stays_asserted(read):
    a = read(
        "À la demande de la Pologne, l'Otan a activé l'article 4 du traité Atlantique. C'est ce qu'a déclaré à la "
        "chaîne Polsat le porte-parole du gouvernement polonais Adam Szłapka.",
        "fr",
        "2025-09-10",
    )
    (ev,) = events(a, T.INVOCATION)
    assert ev.actors == ("POL",) and ev.modality is Modality.ASSERTED


def test_headline_speaker_before_a_colon_or_after_a_dash(read):
    a = read("Pashinyan: l'Arménie a gelé sa participation à l'OTSC", "fr", "2024-02-23")
    (ev,) = events(a, T.SUSPENSION)
    assert (ev.actors, ev.modality, ev.speakers) == (("ARM",), Modality.REPORTED, ("Nikol Pashinyan",))
    b = read("Финляндия официально станет членом НАТО — Столтенберг", "ru", "2023-04-03")
    (ev,) = events(b, T.ACCESSION)
    assert (ev.actors, ev.stage, ev.modality) == (("FIN",), "considering", Modality.ASSERTED)
    assert ev.speakers == ("Jens Stoltenberg",) and "Jens Stoltenberg" not in ev.people


def test_a_date_governed_by_another_clause_does_not_date_the_event(read):
    a = read(
        "Armenia has declared its intention to withdraw from the Collective Security Treaty Organization (CSTO), a "
        "defense alliance formed in 1992 among former Soviet republics.",
        "en",
        "2024-06-12",
    )
    (ev,) = events(a, T.WITHDRAWAL)
    assert ev.when.start is None and ev.when.end == dt.date(2024, 6, 12)
    b = read(
        "Миротворцы ОДКБ были направлены в Казахстан после того, как 2 января в стране начались акции протеста.",
        "ru",
        "2022-01-19",
    )
    (dep,) = events(b, T.DEPLOYMENT)
    assert dep.when.start != dt.date(2022, 1, 2)


def test_present_perfect_act_is_on_or_before_the_day_it_was_said(read):
    a = read(
        "Armenia has frozen its participation in the CSTO, Prime Minister Nikol Pashinyan told France 24 on Thursday.",
        "en",
        "2024-02-23",
    )
    (ev,) = events(a, T.SUSPENSION)
    assert ev.modality is Modality.REPORTED and ev.when.start is None


def test_no_longer_members_and_boycott(read):
    a = read(
        "Mali, Burkina Faso and Niger are no longer members of the Economic Community of West African States "
        "(ECOWAS), military officials of the three countries decided.",
        "en",
        "2024-01-28",
    )
    (ev,) = events(a, T.WITHDRAWAL)
    assert ev.modality is Modality.ASSERTED and {"MLI", "BFA", "NER"} <= set(ev.actors)
    b = read("Armenia boycotted the CSTO summit in Minsk in November.", "en", "2024-02-23")
    (ref,) = events(b, T.REFUSAL)
    assert ref.actors == ("ARM",) and ref.when.start == dt.date(2023, 11, 1)


def test_blocked_questioned_and_funding_are_not_membership_events(read):
    a = read(
        "Ironie de l'histoire : c'est la Turquie qui a longtemps bloqué la ratification de l'adhésion de la Suède.",
        "fr",
        "2024-03-11",
    )
    assert not events(a, T.ACCESSION)
    b = read("Депутат поинтересовался у главы кабмина, почему Армения не выходит из ОДКБ.", "ru", "2024-06-12")
    assert not events(b, T.WITHDRAWAL)
    c = read("В мае стало известно, что республика не присоединится к финансированию бюджета ОДКБ.", "ru", "2024-06-12")
    assert not events(c, T.ACCESSION)


def test_a_person_explaining_his_own_states_act_is_its_speaker(read):
    a = read("Пашинян рассказал журналистам о заморозке участия Армении в ОДКБ.", "ru", "2024-02-23")
    (ev,) = events(a, T.SUSPENSION)
    assert (ev.actors, ev.people, ev.speakers, ev.modality) == (
        ("ARM",),
        (),
        ("Nikol Pashinyan",),
        Modality.REPORTED,
    )


def test_a_person_commenting_on_another_states_bid_never_makes_his_own_the_actor(read):
    a = read("Recep Tayyip Erdogan a salué la candidature de la Suède à l'Otan.", "fr", "2023-07-10")
    (ev,) = events(a, T.APPLICATION)
    assert (ev.actors, ev.people, ev.speakers, ev.modality) == (
        ("SWE",),
        (),
        ("Recep Tayyip Erdoğan",),
        Modality.ASSERTED,
    )


def test_a_bid_whose_owner_the_commenting_sentence_does_not_name_is_no_event(read):
    a = read("Mark Rutte remained vague about that application to NATO.", "en", "2025-03-10")
    assert events(a, T.APPLICATION) == []


def test_a_person_who_files_the_bid_acts_for_his_state(read):
    a = read("Volodymyr Zelensky signed Ukraine's application to join NATO on Friday.", "en", "2022-09-30")
    (ev,) = events(a, T.APPLICATION)
    assert ev.actors == ("UKR",) and ev.people == ("Volodymyr Zelensky",) and ev.speakers == ()


def test_a_quote_before_a_dash_and_the_verb_of_saying_is_the_speakers_claim(read):
    a = read(
        "«Мы приостановили наше участие в работе ОДКБ», — заявил премьер-министр Армении Никол Пашинян.",
        "ru",
        "2024-02-23",
    )
    (ev,) = events(a, T.SUSPENSION)
    assert (ev.actors, ev.speakers, ev.modality) == (("ARM",), ("Nikol Pashinyan",), Modality.REPORTED)
    (said,) = events(a, T.STATEMENT)
    assert said.speakers == ("Nikol Pashinyan",)


def test_we_inside_a_quote_is_the_speakers_side_whatever_the_quote_named_first(read):
    a = read(
        "«Договор о коллективной безопасности не был выполнен. Мы заморозили наше участие в ОДКБ», — сказал "
        "Никол Пашинян журналистам.",
        "ru",
        "2024-02-23",
    )
    (ev,) = events(a, T.SUSPENSION)
    assert ev.actors == ("ARM",) and ev.modality is Modality.REPORTED


def test_an_attribution_sentence_may_say_where_it_was_said(read):
    a = read(
        "Армения заморозила участие в ОДКБ. Об этом в своем телеграм-канале сообщил премьер-министр Никол Пашинян.",
        "ru",
        "2024-02-23",
    )
    (ev,) = events(a, T.SUSPENSION)
    assert (ev.speakers, ev.modality) == (("Nikol Pashinyan",), Modality.REPORTED)


def test_became_a_member_told_by_another_leader_is_news_with_its_speaker(read):
    a = read(
        "Иран официально стал членом Шанхайской организации сотрудничества, объявил премьер-министр Индии "
        "Нарендра Моди.",
        "ru",
        "2023-07-04",
    )
    (ev,) = events(a, T.ACCESSION)
    assert ev.actors == ("IRN",) and ev.modality is Modality.ASSERTED and ev.speakers


def test_an_alliance_named_before_which_is_not_who_ratified(read):
    a = read(
        "Турция стала последней из стран НАТО, которая ратифицировала протокол о вступлении Финляндии.",
        "ru",
        "2023-03-31",
    )
    assert all("nato" not in e.actors for e in events(a, T.ACCESSION))
    assert any(e.actors == ("TUR",) and e.stage == "ratification" for e in events(a, T.ACCESSION))


def test_a_word_inside_a_name_is_no_verb_of_saying(read):
    # Sudan Tribune, 2025-12-07 (development set 5, en5-01): "States" in the name is not "to state"
    en = (
        "The Economic Community of West African States (ECOWAS) ordered the deployment of a regional standby force "
        "to Benin on Sunday after a failed coup attempt."
    )
    events = read(en, "en", "2025-12-07").events
    assert [(e.type.value, e.actors, e.modality.value, e.speakers) for e in events] == [
        ("deployment", ("ecowas",), "asserted", ())
    ]


def test_states_announcing_their_intention_to_leave_intend_it_themselves(read):
    # ru3-16 (AiF, 28 January 2024); the same construction in English and French
    a = read(
        "Буркина-Фасо, Нигер и Мали заявили о намерении выйти из Экономического сообщества стран Западной Африки "
        "(ЭКОВАС), назвав организацию угрозой для стран-участниц.",
        "ru",
        "2024-01-28",
    )
    (ev,) = events(a, T.WITHDRAWAL)
    assert (set(ev.actors), ev.organization, ev.stage) == ({"BFA", "NER", "MLI"}, "ecowas", "considering")
    en = read("Burkina Faso, Niger and Mali announced their intention to leave ECOWAS.", "en", "2024-01-28")
    fr = read(
        "Le Burkina Faso, le Mali et le Niger ont annoncé leur intention de quitter la CEDEAO.", "fr", "2024-01-28"
    )
    for other in (en, fr):
        (ev,) = events(other, T.WITHDRAWAL)
        assert (set(ev.actors), ev.stage) == ({"BFA", "NER", "MLI"}, "considering")


def test_a_role_named_alone_is_the_last_person_named_holding_it_and_writing_is_saying(read):
    # ru5-07 (SUD.ua, 19 September 2025): "премьер" is Kristen Michal, named with his office the sentence before
    a = read(
        "Кроме того, правительство Эстонии обратилось к НАТО с требованием о начале консультаций в соответствии со "
        "статьей 4 устава Альянса. Об этом написал премьер-министр Эстонии Кристьен Михал на своей странице в "
        "соцсети X.\n\n"
        "«Сегодня утром 3 российских истребителя МиГ-31 вошли в воздушное пространство Эстонии. Истребители НАТО "
        "ответили, и российские самолеты были вынуждены бежать. Такое нарушение является абсолютно неприемлемым. "
        "Правительство Эстонии решило обратиться к НАТО с просьбой о консультациях по статье 4», — написал премьер.",
        "ru",
        "2025-09-19",
    )
    told = {(e.actors, e.modality) for e in events(a, T.INVOCATION)}
    assert (("EST",), Modality.REPORTED) in told
    assert any(e.speakers == ("Kristen Michal",) for e in events(a, T.INVOCATION) if e.modality is Modality.REPORTED)


def test_the_republic_in_its_leader_claim_is_his_state_reporting_its_own_act(read):
    # APA, 2024-04-22 (development set 8, ru8-01): "республика" is the speaker's own state, a self-report
    text = (
        "В частности, Пашинян не присутствовал на саммите ОДКБ в Минске, а также заявил, что республика "
        "приостановила участие в этой организации."
    )
    (ev,) = [e for e in read(text, "ru", "2024-04-22").events if e.type is T.SUSPENSION]
    assert (ev.actors, ev.organization, ev.modality.value) == (("ARM",), "csto", "reported")
