"""Whether a text is plain Dutch (B1) for the assistant's answers.

Minimal version: replaced by the B1 checker (another helper's bot/domain/plain_language.py), which
keeps this signature. Here only the word limit of issue 16 (at most 80 words per answer)."""

from __future__ import annotations

MAX_WORDS = 80


def problems(text: str) -> list[str]:
    """What keeps `text` from being B1, in Dutch; empty when it is fine."""
    words = len(text.split())
    return [f"te lang: {words} woorden (maximaal {MAX_WORDS})"] if words > MAX_WORDS else []
