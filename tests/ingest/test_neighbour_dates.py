"""Which dates an act may borrow: a neighbouring sentence's day, not its background month; no year after "since"."""

from casus.kb.events import EventType as T


def test_a_month_in_the_next_sentence_is_background_not_the_withdrawals_date(read):
    a = read(
        "The East African Community regional force has begun its withdrawal from the Democratic Republic of Congo "
        "after Kinshasa deemed it ineffective and refused to renew its mandate. The force was first deployed in the "
        "violence-plagued region in November last year after the resurgence of the M23 rebel group.",
        "en",
        "2023-12-03",
    )
    ended = [e for e in a.events if e.type is T.DEPLOYMENT and e.phase == "end"]
    refused = [e for e in a.events if e.type is T.REFUSAL]
    assert ended and refused
    assert all(e.when.start is None for e in [*ended, *refused])  # not November 2022


def test_a_day_in_the_sentence_before_still_dates_the_act(read):
    a = read(
        "On Wednesday, Kassym-Jomart Tokayev asked the CSTO for help. The CSTO agreed to send peacekeepers to "
        "Kazakhstan.",
        "en",
        "2022-01-06",
    )
    sent = [e for e in a.events if e.type is T.DEPLOYMENT]
    assert sent and all(e.when.precision.value == "day" for e in sent)


def test_a_year_after_since_dates_no_founding(read):
    a = read(
        "Alexandre Loukachenko a noté que dès les premiers jours de la fondation de l'OCS, il avait évoqué "
        "l'énorme potentiel de cette organisation : « Au début en tant qu'État partenaire, et depuis 2015 en tant "
        "qu'observateur. »",
        "fr",
        "2024-07-04",
    )
    foundings = [e for e in a.events if e.type is T.FOUNDING]
    assert foundings and all(e.when.start is None for e in foundings)  # 2015 is when Belarus became an observer
