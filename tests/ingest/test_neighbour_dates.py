"""A neighbouring sentence lends its day to an undated act, not a background month (except to a founding)."""

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
