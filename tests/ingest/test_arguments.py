"""The arguments of an event found in the right place (issue #10, sixth session): who acts, which phase.

Each rule is general (a verb class, a construction) and tested on real sentences of the development sets
(the article named) or of real public statements, in every language where the construction exists.
"""

import datetime as dt

from casus.ingest.model import Modality
from casus.kb.events import EventType as T


def core(analysis, type_):
    return [e for e in analysis.events if e.type is type_]


# ------------------------------------------------------------------ phase: weighing and deciding
def test_weighing_an_act_makes_it_considered(read):
    # Kyiv Independent, 2024-04-17 (development set 6, en6-08)
    en = (
        "Armenia is also considering applying for membership in the European Union, aiming to strengthen ties "
        "with Western countries amid growing tensions with Russia."
    )
    (ev,) = core(read(en, "en", "2024-04-17"), T.APPLICATION)
    assert (ev.actors, ev.organization, ev.stage, ev.modality) == (("ARM",), "eu", "considering", Modality.ASSERTED)
    # Censor.net, 2022-11-16 (en6-16): studying the grounds to invoke is weighing the invocation
    en = "Earlier, Poland announced that it is studying the grounds to invoke Article 4 of the North Atlantic Treaty."
    (ev,) = core(read(en, "en", "2022-11-16"), T.INVOCATION)
    assert (ev.actors, ev.organization, ev.stage) == (("POL",), "nato", "considering")
    # DH.net, 2022-11-16 (fr6-16): "vérifier le bien-fondé du recours à l'article 4"
    fr = (
        "L'article 4 du traité de l'Otan stipule que des consultations peuvent être organisées. "
        '"Nous vérifions le bien-fondé du recours à l\'article 4", a déclaré Jacek Siewiera, chef du Bureau de '
        "sécurité nationale de la Pologne."
    )
    assert [e.stage for e in core(read(fr, "fr", "2022-11-16"), T.INVOCATION)] == ["considering"]
    # RBC's headline of Ararat Mirzoyan's statement to TRT World, 2024-03-09
    ru = "Армения рассматривает возможность подачи заявки на членство в ЕС."
    (ev,) = core(read(ru, "ru", "2024-03-09"), T.APPLICATION)
    assert (ev.actors, ev.organization, ev.stage) == (("ARM",), "eu", "considering")


def test_a_decision_to_join_or_to_apply_is_considered(read):
    # UrduPoint, 2023-03-27 (development set 6, en6-14)
    en = (
        "Helsinki and Stockholm ended decades of military non-alignment and decided to join the world's most "
        "powerful defence alliance in the wake of Russia's invasion of Ukraine. NATO."
    )
    (ev,) = core(read(en, "en", "2023-03-28"), T.ACCESSION)
    assert (set(ev.actors), ev.stage, ev.modality) == ({"FIN", "SWE"}, "considering", Modality.ASSERTED)
    # Babel, 2022-05-18 (en6-04)
    en = "On 16 May, the Swedish government, following Finland, also formally decided to apply for NATO membership."
    (ev,) = core(read(en, "en", "2022-05-18"), T.APPLICATION)
    assert (ev.actors, ev.stage, str(ev.when.start)) == (("SWE",), "considering", "2022-05-16")
    # Delfi, 2022-05-18 (ru6-06): a parliament approving its own state's decision to join does not ratify
    ru = 'В тот же день парламент Финляндии одобрил решение о присоединении к альянсу НАТО 188 голосами "за".'
    (ev,) = core(read(ru, "ru", "2022-05-18"), T.ACCESSION)
    assert (ev.actors, ev.stage) == (("FIN",), "considering")
    # Government of Sweden, 16 May 2022 ("Regeringen har i dag fattat beslut om att ansöka om Natomedlemskap"),
    # as reported in French
    fr = "Le gouvernement suédois a décidé de demander l'adhésion à l'OTAN."
    (ev,) = core(read(fr, "fr", "2022-05-16"), T.APPLICATION)
    assert (ev.actors, ev.stage) == (("SWE",), "considering")


def test_a_decision_to_withdraw_or_to_request_consultations_is_the_act(read):
    # Tesaa World, 2025-09-19 (development set 5, fr5-03): deciding to request consultations requests them
    fr = (
        "Le Premier ministre estonien a annoncé aujourd'hui, vendredi, que son pays a décidé de demander des "
        "consultations avec l'OTAN en vertu de l'article 4 du traité de l'alliance."
    )
    found = core(read(fr, "fr", "2025-09-19"), T.INVOCATION)
    assert found and all((e.actors, e.stage) == (("EST",), None) for e in found)


# ------------------------------------------------------------------ modality: refusing to invoke
def test_refusing_to_invoke_an_article_is_a_negated_invocation_not_a_refusal(read):
    # RT, 2022-11-16 (development set 6, ru6-16); "применять" is the imperfective of "применить"
    ru = (
        "Премьер-министр Польши Матеуш Моравецкий в эфире Польского телевидения сообщил, что Варшава отказалась "
        "применять Четвёртую статью договора НАТО о срочных консультациях в связи с падением ракеты на территории "
        "страны."
    )
    analysis = read(ru, "ru", "2022-11-16")
    (ev,) = core(analysis, T.INVOCATION)
    assert (ev.actors, ev.organization, ev.modality) == (("POL",), "nato", Modality.NEGATED)
    assert not core(analysis, T.REFUSAL)
    # The same decision in English and French (paraphrases of the RT report, for the other lexicons)
    for text, lang in (
        ("Poland declined to invoke Article 4 of the North Atlantic Treaty.", "en"),
        ("La Pologne a refusé d'activer l'article 4 du traité de l'Atlantique Nord.", "fr"),
    ):
        analysis = read(text, lang, "2022-11-16")
        assert [(e.actors, e.modality) for e in core(analysis, T.INVOCATION)] == [(("POL",), Modality.NEGATED)]
        assert not core(analysis, T.REFUSAL)


# ------------------------------------------------------------------ date: the tense of the date's own clause
def test_a_date_in_a_future_clause_is_read_forward_though_the_event_is_past(read):
    # 4esnok, 2023-11-14 (development set 6, ru6-10): the summit "который пройдет … 23 ноября" is 23 November 2023
    ru = (
        "Премьер-министр Армении Никол Пашинян отказался от участия в саммите ОДКБ, который пройдет в Минске 23 ноября."
    )
    # the same sentence in French and English (translations of ru6-10)
    fr = (
        "Le Premier ministre arménien Nikol Pachinian a refusé de participer au sommet de l'OTSC qui se tiendra à "
        "Minsk le 23 novembre."
    )
    en = (
        "Armenian Prime Minister Nikol Pashinyan declined to attend the CSTO summit, which will take place in Minsk "
        "on 23 November."
    )
    for text, lang in ((ru, "ru"), (fr, "fr"), (en, "en")):
        (ev,) = core(read(text, lang, "2023-11-14"), T.REFUSAL)
        assert ("ARM" in ev.actors, str(ev.when.start), str(ev.when.end)) == (True, "2023-11-23", "2023-11-23"), lang
    # a past clause keeps the last such day: "который прошел … 23 ноября", read on 1 November 2024, is 2023
    past = "Премьер-министр Армении Никол Пашинян не участвовал в саммите ОДКБ, который прошел в Минске 23 ноября."
    assert [str(e.when.start) for e in core(read(past, "ru", "2024-11-01"), T.REFUSAL)] == ["2023-11-23"]


def test_a_date_of_the_clause_before_and_does_not_date_the_act_after_it(read):
    # News 24 after RT, 2023-07-04 (development set 6, fr6-06), and the same sentence in English and Russian
    for text, lang in (
        ("L’Iran participe aux sommets depuis 2005 et a demandé son adhésion à part entière à l'OCS en 2021.", "fr"),
        ("Iran has attended SCO summits since 2005 and applied for full membership in 2021.", "en"),
        ("Иран участвует в саммитах ШОС с 2005 года и подал заявку на полноправное членство в 2021 году.", "ru"),
    ):
        (ev,) = core(read(text, lang, "2023-07-04"), T.APPLICATION)
        assert (ev.actors, ev.when.start, ev.when.end) == (("IRN",), dt.date(2021, 1, 1), dt.date(2021, 12, 31)), lang
    # names joined by "and" are no clauses: "Finland and Sweden applied …" keeps its date (Babel, en6-04)
    (ev,) = core(
        read("On 18 May, Finland and Sweden formally applied for NATO membership.", "en", "2022-05-18"), T.APPLICATION
    )
    assert (set(ev.actors), ev.when.start) == ({"FIN", "SWE"}, dt.date(2022, 5, 18))


# ------------------------------------------------------------------ actor: a clause opened by "and X's …"
def test_and_a_states_body_opens_a_clause_of_its_own_in_english(read):
    # Gaborone Herald, 2023-12-02 (development set 6, en6-13): Mali's junta left the G5 Sahel, not the G5
    en = (
        "The G5 made minimal progress in uprooting an insurgency and Mali’s military junta announced its withdrawal "
        "from the G5 Sahel in 2022."
    )
    (ev,) = core(read(en, "en", "2023-12-02"), T.WITHDRAWAL)
    assert (ev.actors, ev.organization, ev.when.start) == (("MLI",), "g5-sahel", dt.date(2022, 1, 1))
    # a state ending a list of owners stays in the list (same article)
    en = "Burkina Faso and Niger’s military leaders announced Saturday they decided to withdraw from the G5 Sahel."
    (ev,) = core(read(en, "en", "2023-12-02"), T.WITHDRAWAL)
    assert (set(ev.actors), ev.speakers) == ({"BFA", "NER"}, ("BFA",))
