"""The language of a message: Dutch stays Dutch (also with typos, abbreviations and English
words); a parent who writes in English, Turkish, Arabic, Polish, Ukrainian or German is recognised."""

from __future__ import annotations

import pytest

from bot.domain.language import detect_language


@pytest.mark.parametrize(
    "text",
    [
        "hoi",
        "tlv verlengen",
        "mn dossier inzien",
        "ok thx",
        "verlof aanvragen",
        "mijn zoon is al 3 weken niet naar school geweest wat moet ik doen",
        "de school is echt not helpful, ze doen gewoon niks met mijn vraag",
        "kan de ib het opp zonder mij aanpassen??",
        "mag ik mn kind meenemen op vakantie buiten de schoolvakantie want goedkoper",
        "wie is de leerplichtambtenaar in winterswijk",
        "klagen over privacy schending basisschool",
        "leerplichtig vanaf wnnr",
        # the region's places are names, not words of a language
        "mailadres team leerplicht oost gelre?",
        "telefoonnummer jeugdteam oost gelre",
        # typed into the handoff form: an address is no English
        "Marieke.Bakkenes@example.org",
        "mijn mail is jan.de.vries@example.com",
    ],
)
def test_dutch_stays_dutch(text):
    assert detect_language(text) == "nl"


@pytest.mark.parametrize(
    "text, language",
    [
        ("my son has not been to school for two weeks, what should I do?", "en"),
        ("Oğlum iki haftadır okula gitmiyor, ne yapmalıyım?", "tr"),
        ("ابني لا يذهب إلى المدرسة منذ أسبوعين، ماذا أفعل؟", "ar"),
        ("Mój syn od dwóch tygodni nie chodzi do szkoły, co mam zrobić?", "pl"),
        ("Мій син уже два тижні не ходить до школи, що мені робити?", "uk"),
        ("Mein Sohn geht seit zwei Wochen nicht zur Schule, was soll ich tun?", "de"),
        # the Dutch name of an institution inside another language
        ("what does the leerplichtambtenaar do when my son misses school", "en"),
        ("czy ktoś z wijkteam może przyjść do nas do domu", "pl"),
        # a language it does not write gets English, not the nearest language it writes
        ("fiul meu nu mai vrea să meargă la școală, ce pot face?", "en"),
        ("Wiilkayga dugsiga ma aado laba toddobaad, maxaan sameeyaa?", "en"),
    ],
)
def test_another_language_is_recognised_and_answered_in_it_or_english(text, language):
    assert detect_language(text) == language
