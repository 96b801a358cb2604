"""Invocations of a treaty article (casus.ingest.invocations): passives, pronouns, lists of dates, no-acts.

Every text is a real article's sentence: the development sets' articles (tests/ingest/eval/heldout3,
heldout4: the id is given) or a public page named in the test.
"""

import datetime as dt

from casus.ingest import nlp
from casus.ingest.model import Modality
from casus.kb.events import EventType as T

D = dt.date


def _invocations(a):  # type: ignore[no-untyped-def]
    return [e for e in a.events if e.type is T.INVOCATION]


def test_a_month_abbreviation_before_a_day_ends_no_sentence():
    # en3-08 (Kyiv Independent, 2025-09-19)
    text = (
        "Estonia is requesting consultations under Article 4 of the North Atlantic Treaty following a Russian "
        "airspace violation on Sept. 19, Estonian Prime Minister Kristen Michal announced. Earlier in the day…"
    )
    first, _ = nlp.split_sentences(text)
    assert text[first[0] : first[1]].endswith("Kristen Michal announced.")


def test_asking_nato_to_activate_article_4_is_the_request_and_the_prime_minister_reports_it(read):
    # en3-08 (Kyiv Independent, 2025-09-19): the headline and the lead
    a = read(
        "Estonia asks NATO to activate Article 4 after Russian fighter jets violate airspace\n\n"
        "Estonia is requesting consultations under Article 4 of the North Atlantic Treaty following a Russian "
        "airspace violation on Sept. 19, Estonian Prime Minister Kristen Michal announced.",
        "en",
        "2025-09-19",
    )
    found = {(e.actors, e.modality, e.stage, e.when.start) for e in _invocations(a)}
    assert (("EST",), Modality.ASSERTED, None, D(2025, 9, 19)) in found
    assert (("EST",), Modality.REPORTED, None, D(2025, 9, 19)) in found
    assert not [e for e in _invocations(a) if e.stage == "considering"]


def test_a_passive_with_a_pronoun_for_the_article_named_before(read):
    # en3-08 (Kyiv Independent, 2025-09-19)
    a = read(
        "Article 4 allows member states to call for discussions with allies if they believe their security is "
        "threatened without triggering an automatic military response. It was recently invoked by Poland "
        "following a Russian drone incursion on Sept. 10.",
        "en",
        "2025-09-19",
    )
    (ev,) = _invocations(a)  # dated by the incursion it answers, not by "recently"
    assert (ev.actors, ev.when.start, ev.when.end) == (("POL",), D(2025, 9, 10), D(2025, 9, 10))


def test_past_invocations_listed_with_their_years_and_a_clitic_for_the_article(read):
    # fr3-10 (europesays, 2025-09-19)
    a = read(
        "Depuis 1949, l’article 4 n’a été invoqué qu’à sept reprises, principalement par la Turquie face à la "
        "menace de la guerre en Irak (2003), celle du conflit syrien (entre 2012 et 2020) ou lors d’attentats "
        "terroristes (2015). La Pologne y a eu eu recours la semaine dernière, après l’incursion de drones "
        "présumés russes.",
        "fr",
        "2025-09-19",
    )
    found = {(e.actors, e.when.start, e.when.end) for e in _invocations(a)}
    assert found == {
        (("TUR",), D(2003, 1, 1), D(2003, 12, 31)),
        (("TUR",), D(2012, 1, 1), D(2020, 12, 31)),
        (("TUR",), D(2015, 1, 1), D(2015, 12, 31)),
        (("POL",), D(2025, 9, 8), D(2025, 9, 14)),
    }


def test_an_intention_governing_the_noun_and_the_article_s_own_wording(read):
    # fr3-10 (europesays, 2025-09-19): Estonia intends to; "tout membre … peut demander" is the article's text
    a = read(
        "Après l’incursion de «drones russes» dans son espace aérien, l’Estonie compte lancer des consultations "
        "à propos de l’application de l’article 4 du traité de l’Otan. Celui-ci prévoit que tout membre de "
        "l’Alliance peut demander des consultations lorsque son intégrité territoriale, son indépendance ou sa "
        "sécurité est menacée.",
        "fr",
        "2025-09-19",
    )
    (ev,) = _invocations(a)
    assert (ev.actors, ev.organization, ev.stage, ev.modality) == (("EST",), "nato", "considering", Modality.ASSERTED)


def test_article_5_triggered_once_is_an_act_the_eighth_time_is_a_count(read):
    # en3-09 (WION, 2025-09-10)
    a = read(
        "This marks the eighth time Article 4 has been invoked since NATO’s creation in 1949, and the third "
        "linked to Russia’s actions in Ukraine. While Article 4 provides a forum for consultations, NATO’s "
        "collective defence rests on Article 5. Article 5 has only ever been triggered once, following the "
        "11 September 2001 attacks in the United States.",
        "en",
        "2025-09-10",
    )
    (ev,) = _invocations(a)
    assert (ev.actors, ev.organization, ev.when.start) == ((), "nato", D(2001, 9, 11))


def test_the_use_and_the_intention_in_one_sentence_are_one_invocation(read):
    # en3-07 (Pravda, 2025-09-19)
    a = read(
        "Estonia uses Article 4 of the NATO Charter and intends to request consultations with its allies in "
        "connection with the security threat, Prime Minister Kristen Michal said.",
        "en",
        "2025-09-19",
    )
    (ev,) = _invocations(a)
    assert (ev.actors, ev.modality, ev.stage) == (("EST",), Modality.REPORTED, None)


def test_a_leader_telling_of_a_request_with_no_state_named_speaks_for_his_state(read):
    # en3-09 (WION, 2025-09-10)
    a = read(
        "“The allied consultations I am referring to have now taken the form of a formal request to invoke "
        "Article 4 of the North Atlantic Treaty,” Tusk said.",
        "en",
        "2025-09-10",
    )
    (ev,) = _invocations(a)
    assert (ev.actors, ev.modality) == (("POL",), Modality.REPORTED)


def test_a_sentence_inside_a_quotation_starts_a_clause_and_art4(read):
    # en4-13 (CNBC-TV18, 2022-02-24): not the United States named before "government meeting"
    a = read(
        "Article 4 will open up consultation among all 30 allies -- Turkey, United Kingdom and United States.\n\n"
        "“I convened an urgent government meeting this morning. The Estonian Government decided to trigger NATO "
        "consultations under Article 4 of the North Atlantic Treaty, in cooperation with other Allies including "
        "Latvia, Lithuania and Poland,” said Kaja Kallas, Estonian Prime Minister.\n\n"
        "“Latvia is closely working with the EU and NATO partners. We call for NATO Art4 consultations,” added "
        "Latvian Prime Minister Arturs Krišjānis Kariņš.",
        "en",
        "2022-02-24",
    )
    found = {(e.actors, e.modality) for e in _invocations(a)}
    assert found == {(("EST",), Modality.REPORTED), (("LVA",), Modality.REPORTED)}


def test_a_call_with_no_subject_is_no_invocation(read):
    # ru4-12 (uanews, 2022-02-24)
    a = read(
        "«Широкомасштабная агрессия России представляет угрозу для всего мира и для всех стран НАТО. Необходимо "
        "инициировать консультации НАТО по укреплению безопасности союзников для реализации дополнительных мер "
        "по обеспечению обороны союзников по НАТО», – сказала премьер-министр Эстонии Кая Каллас.",
        "ru",
        "2022-02-24",
    )
    assert not _invocations(a)


def test_the_baltic_country_is_the_state_named_not_the_adjective(read):
    # fr3-09 (ru24, 2025-09-19): "annoncé demander" is Estonia's own request, dated by the sentence before
    a = read(
        "Vendredi, l’Estonie a fait état d’une violation de son espace aérien par trois appareils russes. Le pays "
        "balte a également annoncé demander à l’Otan d’activer l’article 4 du traité qui prévoit des consultations "
        "entre alliés en cas de menace sur l’un d’entre eux.",
        "fr",
        "2025-09-19",
    )
    (ev,) = _invocations(a)
    assert (ev.actors, ev.modality, ev.when.start) == (("EST",), Modality.REPORTED, D(2025, 9, 19))


def test_russian_passive_agent_and_a_pronoun_for_the_article(read):
    # euroua.com, "Турция созывает экстренное заседание НАТО из-за атак ИГИЛ" (2015); Kommersant 8058202 (2025)
    a = read(
        "В частности, ст.5 была применена США в борьбе с Талибаном после нападения террористов на всемирный "
        "торговый центр в 2001 году.",
        "ru",
        "2015-07-27",
    )
    (ev,) = _invocations(a)
    assert (ev.actors, ev.when.start) == (("USA",), D(2001, 1, 1))
    a = read(
        "Со дня основания НАТО в 1949 году четвертая статья устава организации, предусматривающая консультации с "
        "союзниками в случае угрозы безопасности, применялась восемь раз. В пяти случаях ее активировала Турция.",
        "ru",
        "2025-09-21",
    )
    (ev,) = _invocations(a)
    assert ev.actors == ("TUR",)


def test_forces_sent_under_a_bilateral_pact_s_article_invoke_it(read):
    # ru4-06 (RBC, 2026-01-06): "Они" are the troops of the state named before
    a = read(
        "Северная Корея подтвердила участие своих войск в освобождении Курской области от ВСУ в апреле. Они были "
        "направлены в соответствии со статьей 4 Договора о всеобъемлющем стратегическом партнерстве между КНДР "
        "и Россией.",
        "ru",
        "2026-01-06",
    )
    (ev,) = _invocations(a)
    assert (ev.actors, ev.organization, ev.modality) == (("PRK",), "russia-dprk-2024", Modality.ASSERTED)


def test_a_deployment_under_a_defense_treaty_between_the_states_named(read):
    # en4-03 (Voz de América, 2025-04-28): the pact is the one between the states the sentence names; told
    # only "according to KCNA" (an agency the gazetteer does not know) it stays the agency's word
    text = (
        "Kim Jong Un's decision to deploy North Korean troops in Russia falls under a defense treaty between the "
        "two countries."
    )
    (ev,) = _invocations(read(text, "en", "2025-04-28"))
    assert (ev.actors, ev.organization, ev.modality) == (("PRK",), "russia-dprk-2024", Modality.ASSERTED)
    assert not _invocations(read("According to KCNA, " + text, "en", "2025-04-28"))


def test_under_an_article_in_french():
    # KBS World (French service, April 2025): Kim Jong-un « avait décidé cet apport, … en vertu de l'article 4
    # de l'accord bilatéral »
    from casus.ingest.invoked_pacts import UNDER

    assert UNDER["fr"].search("au vu de la situation militaire et en vertu de l'article 4 de l'accord bilatéral")
    assert not UNDER["en"].search("US troops stationed in Japan under the security agreement")


def test_a_date_the_next_sentence_gives_a_claimed_event_is_not_borrowed(read):
    # en3-07 (Pravda, 2025-09-19): September 19 dates the incursion Michal claims, not Estonia's request
    a = read(
        "Estonia uses Article 4 of the NATO Charter and intends to request consultations with its allies in "
        "connection with the security threat, Prime Minister Kristen Michal said. He claims that on the morning of "
        "September 19, three Russian MiG-31 fighter jets invaded Estonian airspace, the NATO fighters "
        '"responded", and the Russian planes left it.',
        "en",
        "2025-09-19",
    )
    (ev,) = _invocations(a)
    assert (ev.actors, ev.when.start) == (("EST",), None)


def test_allies_meeting_at_a_state_s_request_under_article_4_is_that_state_s_invocation(read):
    # en5-12 (OnlineUA, 23 September 2025): the requester invokes, not the allies who meet
    a = read(
        "On September 23, NATO members met urgently at Estonia's request under Article 4 of the Washington Treaty "
        "to discuss Russia's brazen violation of the country's airspace on September 19.",
        "en",
        "2025-09-23",
    )
    (ev,) = [e for e in a.events if e.type is T.INVOCATION]
    assert (ev.actors, ev.organization, ev.when.start) == (("EST",), "nato", dt.date(2025, 9, 23))


def test_nato_activating_article_4_at_a_state_s_request_is_that_state_s_invocation(read):
    # the set-3 convention's example (tests/ingest/eval/heldout3/README.md), a French real sentence
    a = read("À la demande de la Pologne, l'Otan a activé l'article 4.", "fr", "2025-09-10")
    assert [e.actors for e in a.events if e.type is T.INVOCATION] == [("POL",)]


def test_turning_to_nato_with_a_request_for_article_4_consultations_invokes_it(read):
    # ru5-07 (SUD.ua, 19 September 2025): consultations asked for are an invocation, not a request for help
    a = read(
        "Правительство Эстонии решило обратиться к НАТО с просьбой о консультациях по статье 4.", "ru", "2025-09-19"
    )
    assert [(e.type, e.actors) for e in a.events if e.type is not T.STATEMENT] == [(T.INVOCATION, ("EST",))]


def test_article_5_passive_with_its_subject_before_the_adverbs_is_the_2001_invocation(read):
    # en8-01 (DW, 24 February 2022): the article stands further back than the verb's window
    a = read(
        "Article 4 is different from article 5 of the NATO Charter. The only time that article 5 was used was in "
        "2001 after the al-Qaida attacks on the US, which killed more than 3,000 people.",
        "en",
        "2022-02-24",
    )
    (ev,) = _invocations(a)  # "the only time" is one act, not a count
    assert (ev.actors, ev.organization, ev.when.start, ev.when.end) == ((), "nato", D(2001, 1, 1), D(2001, 12, 31))


def test_article_5_has_only_been_activated_once(read):
    # en8-14 (Forces News, 10 September 2025)
    a = read(
        "This contrasts with the more well known Article 5, Nato's core principle. Article 5 has only been "
        "activated once following the 9/11 attacks.",
        "en",
        "2025-09-10",
    )
    assert [(e.organization, e.modality) for e in _invocations(a)] == [("nato", Modality.ASSERTED)]


def test_how_article_4_works_told_in_the_present_is_no_invocation(read):
    # en8-14 (Forces News, 10 September 2025) and ru8-08 (Charter97, 10 September 2025): explainers
    en = read(
        "What is Nato's Article 4? Invoking Article 4 is Nato's way of saying \"we need to talk\".", "en", "2025-09-10"
    )
    ru = read("Заявление о применении статьи 4 НАТО подается генеральному секретарю НАТО.", "ru", "2025-09-10")
    assert _invocations(en) == [] and _invocations(ru) == []


def test_what_a_state_can_or_cannot_trigger_is_the_treaty_s_scope_not_an_act(read):
    # en8-01 (DW, 24 February 2022); fr6-16 (DH, 16 November 2022): the article's wording
    en = read(
        "The NATO treaty only applies to member states. Given that Ukraine is not part of the alliance, it can "
        "trigger neither article 4 nor 5.",
        "en",
        "2022-02-24",
    )
    fr = read(
        "L'article 4 du traité de l'Otan stipule que des consultations peuvent être organisées lorsqu'un membre "
        "de l'Alliance estime que son intégrité territoriale est menacée.",
        "fr",
        "2022-11-16",
    )
    assert _invocations(en) == [] and _invocations(fr) == []


def test_the_state_after_a_fronted_adverbial_and_an_organization_s_title_announces(read):
    # en8-01 (DW, 24 February 2022): not Russia of "the Russian invasion", not NATO of "NATO member"
    a = read(
        "Following the Russian invasion of Ukraine, NATO member Lithuania announced that it would use Article 4.",
        "en",
        "2022-02-24",
    )
    (ev,) = _invocations(a)
    assert (ev.actors, ev.stage, ev.modality) == (("LTU",), "considering", Modality.ASSERTED)
