"""New pacts read as the founding of the knowledge base's pact; foundings dated by the organization's age."""

import datetime as dt

import pytest

from casus.ingest.foundings import _number, find_pact
from casus.ingest.model import Precision, When
from casus.kb.events import EventType as T

D = dt.date


def foundings(analysis):
    return [e for e in analysis.events if e.type is T.FOUNDING]


def test_a_signed_mutual_defence_agreement_is_the_founding_of_the_kb_pact(read):
    a = read(
        "Saudi Arabia and Pakistan signed a strategic mutual defence agreement in Riyadh on Wednesday.",
        "en",
        "2025-09-18",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start, ev.stage) == (
        "saudi-pakistan-2025",
        {"SAU", "PAK"},
        D(2025, 9, 17),
        None,
    )


def test_leaders_stand_for_their_states_and_the_signature_date_picks_the_pact(read):
    # Russia and Belarus are parties of the Union State treaty (1999) and of the security treaty (2024)
    a = read(
        "Vladimir Poutine et Alexandre Loukachenko ont signé vendredi à Minsk un traité de garanties de sécurité.",
        "fr",
        "2024-12-07",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start) == (
        "union-state-security-2024",
        {"RUS", "BLR"},
        D(2024, 12, 6),
    )


def test_a_pact_to_be_signed_is_considered_with_its_planned_date(read):
    a = read(
        "Russia and Belarus will sign the security guarantees treaty at the summit in Minsk on Friday.",
        "en",
        "2024-12-04",
    )
    (ev,) = foundings(a)
    assert (ev.organization, ev.stage, ev.when.start) == ("union-state-security-2024", "considering", D(2024, 12, 6))


def test_no_founding_for_a_pact_the_kb_does_not_hold_or_far_from_its_signature(read):
    assert not foundings(read("France and Germany signed an energy agreement on Monday.", "en", "2024-03-05"))
    assert not foundings(read("Saudi Arabia and Pakistan signed a defence agreement in 2010.", "en", "2024-03-05"))
    # an agreement founding a market founds no organization
    assert not foundings(
        read(
            "La Russie et le Belarus ont signé un accord sur la création d'un marché unifié de l'électricité.",
            "fr",
            "2023-05-10",
        )
    )


def test_find_pact_needs_every_party_named():
    from casus.curated import load_kb

    day = When(D(2024, 6, 19), D(2024, 6, 19), Precision.DAY)
    kb = load_kb()
    assert find_pact(kb, {"RUS", "PRK", "UKR"}, day, D(2024, 6, 19)) == "russia-dprk-2024"
    assert find_pact(kb, {"RUS"}, day, D(2024, 6, 19)) is None


def test_a_founding_told_by_the_organization_age(read):
    a = read(
        "NATO's next summit will be held in Washington in 2024, seventy-five years since the Alliance's founding.",
        "en",
        "2023-07-12",
    )
    (ev,) = foundings(a)
    assert (ev.organization, ev.when.start, ev.when.end) == ("nato", D(1949, 1, 1), D(1949, 12, 31))
    (summit,) = [e for e in a.events if e.type is T.SUMMIT]
    assert (summit.stage, summit.when.start) == ("considering", D(2024, 1, 1))


@pytest.mark.parametrize(
    ("word", "value"),
    [("seventy-five", 75), ("25th", 25), ("soixante-quinze", 75), ("trentième", 30), ("thirty", 30), ("many", None)],
)
def test_ages_in_words_and_digits(word, value):
    assert _number(word) == value


# ------------------------------------------------- foundings recalled in passing: participles, treaties, ages (#10)
def test_an_organization_formed_in_a_year_is_founded_then(read):
    """en3-12 (Novinite, 2024-06-12): "the CSTO, a defense alliance formed in 1992"; Armenia is not its founder."""
    a = read(
        "Armenia has declared its intention to withdraw from the Collective Security Treaty Organization (CSTO), a "
        "defense alliance formed in 1992 among former Soviet republics with Russia at its core.",
        "en",
        "2024-06-12",
    )
    (ev,) = foundings(a)
    assert (ev.organization, ev.when.start, ev.when.end) == ("csto", D(1992, 1, 1), D(1992, 12, 31))


def test_a_founding_participle_in_the_author_s_aside_in_russian(read):
    """ru4-04 (online47, 2023-07-04): "Напомним, …" is the article's own voice, not a claim of anyone's."""
    a = read(
        "Напомним, ШОС, основанная в 2001 году, объединяет под собой Россию, Индию, Китай, Казахстан, Иран, "
        "Киргизию, Таджикистан, Пакистан и Узбекистан.",
        "ru",
        "2023-07-04",
    )
    (ev,) = foundings(a)
    assert (ev.organization, ev.when.start, ev.when.end) == ("sco", D(2001, 1, 1), D(2001, 12, 31))


def test_an_undated_participle_describes_the_organization(read):
    """en3-03 (24.kg, 2024-02-23): "an alliance created by the CIS states" founds nothing the text dates."""
    a = read(
        "The Collective Security Treaty Organization (CSTO) is a military-political alliance created by the CIS "
        "states to stabilize the situation in partner countries in case of emergency.",
        "en",
        "2024-02-23",
    )
    assert not foundings(a)


def test_a_treaty_founding_the_organization_still_founds_it(read):
    """fr4-07 (AcoNews, 2024-07-06): "un traité instituant une confédération" (a present participle) founds the AES."""
    a = read(
        "A l’issue des travaux, les dirigeants des trois pays ont adopté un traité instituant une confédération entre "
        "le Burkina Faso, le Mali et le Niger, dénommée Confédération des États du Sahel, entérinant ainsi leur "
        "alliance, lors de leur premier sommet ce samedi 6 juillet 2024 à Niamey.",
        "fr",
        "2024-07-06",
    )
    assert [e.when.start for e in foundings(a)] == [D(2024, 7, 6)]


def test_a_founding_dated_years_ago(read):
    """fr3-15 (VOV, 2022-01-10): "depuis sa création il y a vingt ans" → 2002."""
    a = read("C’est la première action de l’OTSC depuis sa création il y a vingt ans.", "fr", "2022-01-10")
    (ev,) = foundings(a)
    assert (ev.organization, ev.when.start, ev.when.end) == ("csto", D(2002, 1, 1), D(2002, 12, 31))


@pytest.mark.parametrize(
    ("text", "lang", "published", "org", "day"),
    [
        (  # fr3-05 (RTBF, 2023-04-04)
            "Le ministre finlandais des Affaires étrangères, Pekka Haavisto, a d'abord échangé avec son homologue "
            "américain, Antony Blinken, l'\"instrument d'accession\" au traité de Washington, signé le 4 avril 1949 "
            "par douze pays et dont les États-Unis sont le dépositaire, sous le regard bienveillant du secrétaire "
            "général.",
            "fr",
            "2023-04-04",
            "nato",
            D(1949, 4, 4),
        ),
        (  # ru2-05 (heldout2, 2022-05-17)
            "Лидеры стран ОДКБ собрались в понедельник в Москве на юбилейный саммит, приуроченный к 30-летию Договора "
            "о коллективной безопасности, подписанного в Ташкенте 15 мая 1992 года.",
            "ru",
            "2022-05-17",
            "csto",
            D(1992, 5, 15),
        ),
    ],
)
def test_the_founding_treaty_signed_on_a_day_founds_the_organization(read, text, lang, published, org, day):
    (ev,) = foundings(read(text, lang, published))
    assert (ev.organization, ev.when.start, ev.when.end) == (org, day, day)


def test_a_pact_reached_is_the_founding_of_the_kb_pact_in_french(read):
    """fr4-12 (Guinée Actualités, 2024-06-19): "sont parvenues à un accord d'assistance mutuelle"."""
    a = read(
        "Ce mercredi 19 juin 2024, la Corée du Nord et la Russie sont parvenues à un accord d’assistance mutuelle au "
        "cas où l’un des deux pays serait agressé.",
        "fr",
        "2024-06-19",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start) == ("russia-dprk-2024", {"PRK", "RUS"}, D(2024, 6, 19))


def test_an_organization_initiated_is_founded_ru(read):
    # ru5-12 (RIA Novosti, 8 December 2025)
    a = read(
        "Формат QUAD (четырехсторонний диалог по безопасности) был инициирован в 2007 году премьером Японии "
        "Синдзо Абэ как неформальный консультативный механизм четырех стран.",
        "ru",
        "2025-12-08",
    )
    (ev,) = foundings(a)
    assert (ev.organization, ev.when.start, "JPN" in ev.actors) == ("quad", D(2007, 1, 1), True)


def test_consultations_initiated_found_nothing_en(read):
    # fourth held-out set (en, 24 February 2022, a leader quoted on Article 4): the passive subject is no organization
    a = read(
        "NATO consultations on strengthening the security of Allies must be initiated to implement additional "
        "measures for ensuring the defence of Allies.",
        "en",
        "2022-02-24",
    )
    assert not foundings(a)


def test_an_organization_becoming_its_new_form_on_its_treaty_s_date_founds_it_fr(read):
    # fr5-08 (Sahel Intelligence, 22 December 2025): the Confederation treaty of 6 July 2024
    a = read(
        "Créée en septembre 2023, l’Alliance des Etats du Sahel a évolué vers une Confédération en juillet 2024, "
        "renforçant ainsi son cadre politique et stratégique.",
        "fr",
        "2025-12-22",
    )
    assert sorted((e.organization, e.when.start) for e in foundings(a)) == [
        ("aes", D(2023, 9, 1)),
        ("aes", D(2024, 7, 1)),
    ]


def test_a_new_form_on_a_date_no_treaty_of_it_holds_founds_nothing_en(read):
    a = read("The Alliance of Sahel States evolved into a broader grouping in March 2025.", "en", "2025-12-22")
    assert not foundings(a)


# ------------------------------------------------------- an organization formed by states, "form" in the active (#10)
def test_states_forming_their_own_alliance_found_it(read):
    """en7-08 (DW, 2024-01-28): "…, forming their own so-called Alliance of Sahel States (AES)" founds the AES."""
    a = read(
        "Mali, Burkina Faso and Niger said Sunday they are leaving the Economic Community of West African States "
        "(ECOWAS) immediately. Last year, they withdrew from an international force known as the G5 that was set "
        "up to fight Islamists in the Sahel region, forming their own so-called Alliance of Sahel States (AES).",
        "en",
        "2024-01-28",
    )
    (ev,) = foundings(a)
    assert ev.organization == "aes" and {"MLI", "BFA", "NER"} <= set(ev.actors)
    assert (ev.when.start, ev.when.end) == (D(2023, 1, 1), D(2023, 12, 31))


def test_the_organization_formed_is_the_one_named_after_the_verb(read):
    """fr6-09 (PressAfrik, 2023-12-02): the AES formed on 16 September, not the G5 Sahel the states had left."""
    a = read(
        "Après le Mali, le Burkina Faso et le Niger ont aussi annoncé leur retrait du G5 Sahel. Les trois pays "
        "ayant quitté le G5 Sahel ont déjà formé une autre organisation - l’Alliance des États du Sahel (AES) - "
        "le 16 septembre dernier.",
        "fr",
        "2023-12-02",
    )
    (ev,) = foundings(a)
    assert ev.organization == "aes" and ev.when.start == D(2023, 9, 16)


def test_forming_a_government_founds_no_alliance(read):
    """ "Form" founds an organization only when one is its object: a government formed is none."""
    a = read("Niger's junta formed a new government in August 2023, after it left the G5 Sahel.", "en", "2023-09-01")
    assert not foundings(a)


def test_a_founding_is_dated_by_the_first_summit_of_its_organization(read):
    # Pledge Times, 2024-07-06 (development set 4, en4-09): the treaty of Niamey, signed at the AES's first summit
    text = (
        "Burkina Faso, Mali and Niger have signed an agreement to create a confederation of the Alliance of Sahel "
        "States, which aims to create an architecture of collective defense and mutual assistance.\n\n"
        "It is noted that the document was signed by the leaders of the three states during the first joint summit, "
        "which took place on July 6 in the capital of Niger, Niamey."
    )
    (ev,) = [e for e in read(text, "en", "2024-07-08").events if e.type is T.FOUNDING]
    assert (ev.organization, ev.when.start, ev.when.end) == ("aes", dt.date(2024, 7, 6), dt.date(2024, 7, 6))


def test_the_anniversary_of_its_founding_dates_the_organization_founding(read):
    # Yeni Şafak, 2024-07-11 (development set 8, fr8-16; decision 61)
    text = (
        "Mercredi et jeudi, Washington a accueilli le sommet de l'OTAN, marquant le 75e anniversaire de sa fondation."
    )
    (ev,) = foundings(read(text, "fr", "2024-07-11"))
    assert (ev.organization, ev.when.start, ev.when.end) == ("nato", D(1949, 1, 1), D(1949, 12, 31))


def test_founding_fathers_are_no_founding(read):
    # DW, 2024-01-28 (development set 7, en7-08)
    text = (
        "The ECOWAS organization has drifted from the ideals of its founding fathers and the spirit of "
        "Pan-Africanism, the junta spokesman said."
    )
    assert not foundings(read(text, "en", "2024-01-28"))


def test_the_anniversary_of_a_founding_treaty_signing_dates_the_founding(read):
    # Report.az, 2024-07-09 (development set 8, ru8-05; decision 59)
    text = (
        "Ежегодный саммит НАТО в честь 75-летия со дня подписания Североатлантического договора начал свою работу "
        "в Вашингтоне (США)."
    )
    (ev,) = foundings(read(text, "ru", "2024-07-09"))
    assert (ev.organization, ev.when.start, ev.when.end) == ("nato", D(1949, 1, 1), D(1949, 12, 31))
