"""Text a person typed (a chat message, a note, a user name), made fit to store and to classify.

Browsers and copy-paste bring characters nobody means to send: zero-width spaces, a byte-order
mark, a right-to-left override that makes a text read differently than it is stored, control
characters and NUL bytes (PostgreSQL refuses a text with NUL: a 500 instead of an answer), lone
surrogates from JSON escapes (they cannot even be written as UTF-8), and "zalgo" floods of
combining marks. The same word typed on a phone and on a laptop can also arrive composed (é) or
decomposed (e + ´). `clean` removes what is invisible or unstorable and composes the rest (NFC), so
Rasa and the database see the text the person sees. Letters, digits, punctuation, emoji and line
breaks stay as they are (an emoji joined with a zero-width joiner falls apart into its parts, which
says the same). Characters newer than Python's Unicode tables are kept: they may be new emoji.
A plain function, without Sanic or Rasa, so every entry point can use it: the chat relay, the
inbox forms and the handoff form's checks."""

from __future__ import annotations

import re
import unicodedata

# More marks on one letter than any language the users write needs (after NFC, Dutch needs none).
MAX_MARKS_PER_LETTER = 3
_LINE_BREAKS = re.compile(r"\r\n?|[\x0b\x0c\x1c-\x1e\x85\u2028\u2029]")


def clean(text: str) -> str:
    """`text` without invisible, control and unstorable characters, composed (NFC), stripped."""
    text = _LINE_BREAKS.sub("\n", text)
    kept, marks = [], 0
    for char in unicodedata.normalize("NFC", text):
        category = unicodedata.category(char)
        if char in "\n\t":
            kept.append(char)
        elif category in ("Cc", "Cf", "Cs"):
            continue  # controls, format characters (zero-width, bidi, BOM), lone surrogates
        elif category in ("Mn", "Me"):
            marks += 1
            if marks <= MAX_MARKS_PER_LETTER:
                kept.append(char)
            continue
        else:
            kept.append(char)
        marks = 0
    return unicodedata.normalize("NFC", "".join(kept)).strip()
