"""Decoding does not guess wildly: marks, UTF-16, and one bad byte in a Russian article."""

from __future__ import annotations

import codecs
import datetime as dt

import pytest

from casus.errors import SourceFormatError
from casus.ingest.decode import decode_text
from casus.ingest.documents import build_document

RU = "Армения заморозила своё участие в ОДКБ, заявил премьер-министр Никол Пашинян в четверг.\n"


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (codecs.BOM_UTF8 + RU.encode(), "utf-8"),
        (RU.encode("utf-16"), "utf-16-le"),  # Python writes a little-endian mark
        (codecs.BOM_UTF16_BE + RU.encode("utf-16-be"), "utf-16-be"),
        (RU.encode("utf-32"), "utf-32-le"),
    ],
)
def test_byte_order_marks_name_the_encoding(raw, encoding):
    got = decode_text(raw, "a.txt")
    assert (got.text, got.encoding, got.note) == (RU, encoding, "")


def test_unmarked_utf16_of_latin_text_is_recognised_not_refused_as_binary():
    text = "Armenia froze its participation in the CSTO on Thursday.\r\n"
    got = decode_text(text.encode("utf-16-le"), "a.txt")
    assert got.text == text.replace("\r\n", "\n") and got.encoding == "utf-16-le" and "no byte-order mark" in got.note


def test_one_bad_byte_in_a_russian_article_is_replaced_and_flagged_not_read_as_latin1():
    raw = RU[:46].encode() + b"\xff" + RU[46:].encode()  # one stray byte between two words
    doc = build_document(raw, "ru.txt", published=dt.date(2024, 2, 23))
    assert doc.lang == "ru" and "Пашинян" in doc.text and doc.text.count("\ufffd") == 1
    assert doc.decoding == "1 invalid UTF-8 sequence(s) replaced by U+FFFD"


def test_a_flagged_document_carries_a_decoding_signal(kb):
    from casus.ingest import analyze

    raw = RU[:46].encode() + b"\xff" + RU[46:].encode()
    analysis = analyze(build_document(raw, "ru.txt", published=dt.date(2024, 2, 23)), kb)
    assert ("decoding", "the text may not be exactly as written: 1 invalid UTF-8 sequence(s) replaced by U+FFFD") in [
        (s.kind, s.detail) for s in analysis.signals
    ]
    assert ("suspension", ("ARM",)) in [(e.type.value, e.actors) for e in analysis.events]


def test_a_legacy_windows_1251_article_is_read_as_such_and_flagged():
    got = decode_text(RU.encode("cp1251"), "ru.txt")
    assert got.text == RU and got.encoding == "cp1251" and "a guess" in got.note


def test_a_declared_charset_is_used_when_the_bytes_are_in_it():
    assert decode_text(RU.encode("koi8-r"), "ru.txt", charset="koi8-r").text == RU


def test_binary_content_and_a_lying_mark_are_refused():
    with pytest.raises(SourceFormatError, match="binary content"):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 10, "img.txt")
    with pytest.raises(SourceFormatError, match="not valid utf-8 text at byte"):
        decode_text(codecs.BOM_UTF8 + b"caf\xe9 au lait", "a.txt")
