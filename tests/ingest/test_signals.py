import datetime as dt

from casus.ingest.documents import build_document
from casus.ingest.signals import assess

CLEAN = """Armenia freezes CSTO participation
By Jane Roe

Armenia has frozen its participation in the CSTO, Prime Minister Nikol Pashinyan told France 24
(https://www.france24.com/en/interview-pashinyan).

2024-02-23 10:00
"""


def test_clean_article_has_no_writing_signals():
    doc = build_document(CLEAN.encode(), "clean.txt", lang="en")
    assert doc.byline == "Jane Roe"
    assert [s.kind for s in assess(doc)] == []


def test_each_signal_kind():
    text = (
        "As an observer, I find this intriguing.\nAs an observer, I find this intriguing.\n"
        "According to an authoritative source, the bloc will grow. Simply put, TASS reported it. "
        "(Alternatively, the official stressed growth.)\n"
    )
    doc = build_document(text.encode(), "rewrite.txt", lang="en")
    kinds = [s.kind for s in assess(doc)]
    assert kinds.count("duplicated_title") == 1
    assert {"rewrite_leftover", "unattributed_quote", "no_byline", "no_source_link", "no_date"} <= set(kinds)
    no_link = next(s for s in assess(doc) if s.kind == "no_source_link")
    assert no_link.quote == "TASS"


def test_a_given_date_silences_no_date():
    doc = build_document(b"Armenia froze it.", "x.txt", lang="en", published=dt.date(2024, 2, 23))
    assert "no_date" not in [s.kind for s in assess(doc)]
